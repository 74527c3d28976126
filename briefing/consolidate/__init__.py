"""Consolidate: merge per-article findings across articles and languages into one brief."""

from __future__ import annotations

import datetime as dt

from briefing.consolidate.actors import actor_aliases, merge_actors
from briefing.consolidate.calendar import merge_events
from briefing.consolidate.positions import merge_positions
from briefing.consolidate.sanctions import merge_measures
from briefing.extract.disagreements import find_disagreements
from briefing.models import ArticleFindings, Brief


def _rename_actors(findings: list[ArticleFindings], aliases: dict[str, str]) -> None:
    """Point every section at the merged id of a discovered person ("Andriy Melnyk" and
    "Andrij Melnyk" are one actor), so no item refers to an id the brief does not list."""
    if not aliases:
        return

    def one(actor_id: str | None) -> str | None:
        return aliases.get(actor_id, actor_id) if actor_id else actor_id

    def many(ids: list[str]) -> list[str]:
        return list(dict.fromkeys(aliases.get(i, i) for i in ids))

    for f in findings:
        for e in f.events:
            e.participants = many(e.participants)
        for p in f.positions:
            p.actor = aliases.get(p.actor, p.actor)
        for ms in f.measures:
            ms.proposed_by = many(ms.proposed_by)
            ms.target = one(ms.target)
        for x in f.figures:
            x.actor = one(x.actor)


def consolidate(
    findings: list[ArticleFindings],
    as_of: dt.date,
    title: str,
    generated_at: dt.datetime | None = None,
) -> Brief:
    aliases = actor_aliases(findings)
    actors = merge_actors(findings, aliases)
    _rename_actors(findings, aliases)
    known = {a.id: a for a in actors}
    calendar = merge_events([e for f in findings for e in f.events], as_of)
    positions = merge_positions([p for f in findings for p in f.positions])
    measures = merge_measures([m for f in findings for m in f.measures])
    figures = [x for f in findings for x in f.figures]
    disagreements = find_disagreements(positions, calendar, known, figures, as_of, measures)
    return Brief(
        title=title,
        generated_at=generated_at or dt.datetime.now(dt.UTC).astimezone(),
        as_of=as_of,
        sources=[f.article for f in findings],
        actors=actors,
        calendar=calendar,
        positions=positions,
        sanctions_options=measures,
        disagreements=disagreements,
    )
