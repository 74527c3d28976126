"""Open disagreements, found after merging.

* Positions: on one topic, actors on opposite sides of its proposition. Each claim of the
  taxonomy has a polarity (``halt_enlargement`` +1, ``open_door`` -1) and each stance
  kind a sign (demands +1, rejects -1), so a demand against a rejection, an assessment
  against a denial and a threat against a counter-warning all land on opposite sides.
* Conflicting reports: the calendar merge keeps one date per event and lists the dates
  other sources give in ``conflicting_dates``; each date becomes a side citing the
  sentences that state it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from briefing.extract.positions import stance_sign
from briefing.extract.positions_figures import conflicting_figures
from briefing.extract.topics import Claim, topics
from briefing.models import Actor, Citation, Disagreement, Event, Figure, Position, Side
from briefing.nlp.normalize import digits_to_ascii

_MAX_CITATIONS = 8  # per side: enough to check, few enough to read


def union_citations(*groups: Iterable[Citation]) -> list[Citation]:
    """Every citation once, first seen first (``briefing.consolidate`` imports this module,
    so its helper cannot be imported here)."""
    return list(dict.fromkeys(c for group in groups for c in group))


def _claim(p: Position) -> Claim | None:
    topic = topics().get(p.topic_key or "")
    if topic is None:
        return None
    return next((c for c in topic.claims if c.key == p.claim_key), None)


def _side_of(p: Position) -> int:
    claim = _claim(p)
    if claim is None:
        return 0
    return claim.polarity * stance_sign(p.stance_kind)


def _side(positions: list[Position], exclude: set[str]) -> Side | None:
    weight: dict[str, int] = defaultdict(int)
    for p in positions:
        if p.actor not in exclude:
            weight[p.actor] += len(p.citations)
    if not weight:
        return None
    actors = sorted(weight, key=lambda a: -weight[a])
    kept = [p for p in positions if p.actor in weight]
    lead = max(kept, key=lambda p: len(p.citations))
    cites = union_citations(*(p.citations for p in sorted(kept, key=lambda p: -len(p.citations))))
    return Side(actors=actors, position=lead.stance, citations=cites[:_MAX_CITATIONS])


def position_disagreements(positions: Iterable[Position]) -> list[Disagreement]:
    by_topic: dict[str, dict[int, list[Position]]] = defaultdict(lambda: defaultdict(list))
    for p in positions:
        side = _side_of(p)
        if side:
            by_topic[p.topic_key or p.topic][side].append(p)
    out: list[Disagreement] = []
    for key, sides in by_topic.items():
        if len(sides) < 2:
            continue
        plus = {p.actor: len(p.citations) for p in sides[1]}
        minus = {p.actor: len(p.citations) for p in sides[-1]}
        # An actor reported on both sides stays where it is cited most.
        both = plus.keys() & minus.keys()
        drop_plus = {a for a in both if minus[a] > plus[a]}
        drop_minus = both - drop_plus
        a = _side(sides[1], drop_plus)
        b = _side(sides[-1], drop_minus)
        if a is None or b is None:
            continue
        topic = topics().get(key)
        label = topic.label if topic else sides[1][0].topic
        out.append(Disagreement(topic=label, sides=[a, b], kind="positions"))
    out.sort(key=lambda d: -sum(len(s.citations) for s in d.sides))
    return out


def _states_day(c: Citation, date: str) -> bool:
    if len(date) != 10:
        return False
    day = str(int(date[8:]))
    return re.search(rf"(?<!\d){day}(?!\d)", digits_to_ascii(c.sentence)) is not None


def date_disagreements(events: Iterable[Event]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for e in events:
        if not e.conflicting_dates:
            continue
        sides: list[Side] = []
        claimed: set[tuple[str, int, int]] = set()
        for date in e.conflicting_dates:
            cites = [c for c in e.citations if _states_day(c, date) and not _states_day(c, e.date)]
            if cites:
                claimed.update((c.source, c.start, c.end) for c in cites)
                sides.append(Side(actors=[], position=f"Dated {date}", citations=cites))
        main = [c for c in e.citations if (c.source, c.start, c.end) not in claimed]
        if sides and main:
            sides.insert(0, Side(actors=[], position=f"Dated {e.date}", citations=main))
            out.append(
                Disagreement(topic=f"Date of {e.label}", sides=sides, kind="conflicting-reports")
            )
    return out


def figure_disagreements(figures: Sequence[Figure]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for label, groups in conflicting_figures(figures):
        sides = [
            Side(
                actors=list(dict.fromkeys(f.actor for f in group if f.actor)),
                position=group[0].statement,
                citations=union_citations(*(f.citations for f in group))[:_MAX_CITATIONS],
            )
            for group in groups
        ]
        out.append(Disagreement(topic=label, sides=sides, kind="conflicting-reports"))
    return out


def find_disagreements(
    positions: list[Position],
    events: list[Event],
    actors: dict[str, Actor],
    figures: Sequence[Figure] = (),
) -> list[Disagreement]:
    """Opposing positions first, then conflicting reports (dates, figures)."""
    out = position_disagreements(positions)
    out.extend(date_disagreements(events))
    out.extend(figure_disagreements(figures))
    return out
