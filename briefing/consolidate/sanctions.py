"""Merge sanctions options across sources and languages.

A measure is identified by its taxonomy key and its target ("personal sanctions" on Putin
reported in English and in Polish are one option); bucketing by that key keeps merging
linear. Proposers, citations and figures are united; the condition most sources give is
kept, and the status furthest along (proposed … in force, lifted).
"""

from __future__ import annotations

from collections import Counter

from briefing.consolidate._cite import union_citations
from briefing.extract.sanctions import later_status
from briefing.models import MEASURE_CATEGORIES, Citation, Measure


def merge_measures(measures: list[Measure]) -> list[Measure]:
    """One entry per (measure, target), in category order, most cited first."""
    merged: dict[tuple[str, str | None], Measure] = {}
    conditions: dict[tuple[str, str | None], Counter[str]] = {}
    # Citation lists per key, joined once at the end (linear in measures).
    cited: dict[tuple[str, str | None], list[list[Citation]]] = {}
    for m in measures:
        key = (m.key or m.measure, m.target)
        have = merged.get(key)
        if have is None:
            have = merged[key] = Measure(
                measure=m.measure,
                category=m.category,
                citations=list(m.citations),
                proposed_by=list(m.proposed_by),
                target=m.target,
                condition=m.condition,
                key=m.key,
                status=m.status,
                figures=[dict(f) for f in m.figures],
            )
            conditions[key] = Counter()
            cited[key] = [have.citations]
        else:
            cited[key].append(m.citations)
            have.proposed_by.extend(p for p in m.proposed_by if p not in have.proposed_by)
            have.status = later_status(have.status, m.status)
            have.figures.extend(dict(f) for f in m.figures if f not in have.figures)
        if m.condition:
            conditions[key][m.condition] += 1
    for key, have in merged.items():
        if len(cited[key]) > 1:
            have.citations = union_citations(*cited[key])
        if conditions[key]:
            have.condition = conditions[key].most_common(1)[0][0]
    _fold_unknown_targets(merged)
    rank = {c: i for i, c in enumerate(MEASURE_CATEGORIES)}
    return sorted(
        merged.values(),
        key=lambda m: (rank.get(m.category, len(rank)), -len(m.citations), m.measure),
    )


def _fold_unknown_targets(merged: dict[tuple[str, str | None], Measure]) -> None:
    """A measure whose target no source gave joins the same measure with a known target,
    when there is exactly one: an unknown target is not a different option."""
    targeted: dict[str, list[tuple[str, str | None]]] = {}
    for key in merged:
        if key[1] is not None:
            targeted.setdefault(key[0], []).append(key)
    for key in [k for k in merged if k[1] is None]:
        options = targeted.get(key[0], [])
        if len(options) != 1:
            continue
        loose, into = merged.pop(key), merged[options[0]]
        into.citations = union_citations(into.citations, loose.citations)
        # A measure's target never proposes it (extraction holds to that in every
        # sentence); a source that could not name the target may have named it as the
        # proposer ("components made by Russia").
        into.proposed_by.extend(
            p for p in loose.proposed_by if p not in into.proposed_by and p != into.target
        )
        into.condition = into.condition or loose.condition
        into.status = later_status(into.status, loose.status)
        into.figures.extend(f for f in loose.figures if f not in into.figures)
