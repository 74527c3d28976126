"""Consolidate: merge per-article findings across articles and languages into one brief."""

from __future__ import annotations

import datetime as dt

from briefing.consolidate.actors import merge_actors
from briefing.consolidate.calendar import merge_events
from briefing.consolidate.positions import merge_positions
from briefing.consolidate.sanctions import merge_measures
from briefing.extract.disagreements import find_disagreements
from briefing.models import ArticleFindings, Brief


def consolidate(
    findings: list[ArticleFindings],
    as_of: dt.date,
    title: str,
    generated_at: dt.datetime | None = None,
) -> Brief:
    actors = merge_actors(findings)
    known = {a.id: a for a in actors}
    calendar = merge_events([e for f in findings for e in f.events], as_of)
    positions = merge_positions([p for f in findings for p in f.positions])
    measures = merge_measures([m for f in findings for m in f.measures])
    figures = [x for f in findings for x in f.figures]
    disagreements = find_disagreements(positions, calendar, known, figures)
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
