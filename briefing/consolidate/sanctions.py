"""Merge sanctions options across sources and languages.

A measure is identified by its taxonomy key and its target ("personal sanctions" on Putin
reported in English and in Polish are one option); bucketing by that key keeps merging
linear. Proposers and citations are united; the condition most sources give is kept.
"""

from __future__ import annotations

from collections import Counter

from briefing.consolidate._cite import union_citations
from briefing.models import MEASURE_CATEGORIES, Measure


def merge_measures(measures: list[Measure]) -> list[Measure]:
    """One entry per (measure, target), in category order, most cited first."""
    merged: dict[tuple[str, str | None], Measure] = {}
    conditions: dict[tuple[str, str | None], Counter[str]] = {}
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
            )
            conditions[key] = Counter()
        else:
            have.citations = union_citations(have.citations, m.citations)
            have.proposed_by.extend(p for p in m.proposed_by if p not in have.proposed_by)
        if m.condition:
            conditions[key][m.condition] += 1
    for key, have in merged.items():
        if conditions[key]:
            have.condition = conditions[key].most_common(1)[0][0]
    rank = {c: i for i, c in enumerate(MEASURE_CATEGORIES)}
    return sorted(
        merged.values(),
        key=lambda m: (rank.get(m.category, len(rank)), -len(m.citations), m.measure),
    )
