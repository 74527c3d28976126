"""Merge stated positions across sources and languages.

The same actor taking the same stance on the same claim, whatever the language it was
reported in, is one position citing every source. Positions are bucketed by that key, so
merging is linear in their number.
"""

from __future__ import annotations

from briefing.consolidate._cite import union_citations
from briefing.models import Citation, Position, Quote


def position_key(p: Position) -> tuple[str, str, str, str]:
    topic = p.topic_key or p.topic
    if topic.startswith("other:") and p.stance_kind not in (None, "says") and p.objects:
        # Outside the taxonomy, one speaker taking one stance (not a bare report) on the
        # same actors, in the same mood, is one view wherever it was reported: its English
        # line is the same, and its quotes tell the sources apart.
        mood = f"{p.polarity}/{p.modality}"
        return (p.actor, "other", ",".join(sorted(p.objects)), f"{p.stance_kind}/{mood}")
    return (p.actor, topic, p.claim_key or "", p.stance_kind or p.stance)


def merge_positions(positions: list[Position]) -> list[Position]:
    """One position per (actor, topic, claim, stance kind), most cited first."""
    merged: dict[tuple[str, str, str, str], Position] = {}
    # Citation lists per key, joined once at the end (linear in positions).
    cited: dict[tuple[str, str, str, str], list[list[Citation]]] = {}
    # Quotes each merged position holds, for membership in constant time (a list's `in`
    # compared every quote with every other: quadratic in a much-cited position).
    quoted: dict[tuple[str, str, str, str], set[Quote]] = {}
    for p in positions:
        key = position_key(p)
        have = merged.get(key)
        if have is None:
            merged[key] = Position(
                actor=p.actor,
                topic=p.topic,
                stance=p.stance,
                citations=list(p.citations),
                stance_kind=p.stance_kind,
                topic_key=p.topic_key,
                claim_key=p.claim_key,
                quotes=list(p.quotes),
                polarity=p.polarity,
                modality=p.modality,
                speaker_unnamed=p.speaker_unnamed,
                evaluation=p.evaluation,
                objects=list(p.objects),
            )
            cited[key] = [merged[key].citations]
            quoted[key] = set(p.quotes)
            continue
        cited[key].append(p.citations)
        seen = quoted[key]
        for q in p.quotes:
            if q not in seen:
                seen.add(q)
                have.quotes.append(q)
        have.evaluation = (
            have.evaluation[0] + p.evaluation[0],
            have.evaluation[1] + p.evaluation[1],
        )
        have.objects.extend(o for o in p.objects if o not in have.objects)
        # Named once is named: the speaker is unnamed only if every source leaves it so.
        have.speaker_unnamed = have.speaker_unnamed and p.speaker_unnamed
        # A line listing more ("…, including …") says more: keep it.
        if len(p.stance) > len(have.stance):
            have.stance = p.stance
    for key, have in merged.items():
        if len(cited[key]) > 1:
            have.citations = union_citations(*cited[key])
    order = {k: i for i, k in enumerate(merged)}
    return sorted(
        merged.values(),
        key=lambda p: (-len({c.source for c in p.citations}), order[position_key(p)]),
    )
