"""Merge actors across articles by id and rank them by salience."""

from __future__ import annotations

from briefing.consolidate._cite import union_citations
from briefing.models import Actor, ArticleFindings


def merge_actors(findings: list[ArticleFindings]) -> list[Actor]:
    merged: dict[str, Actor] = {}
    for f in findings:
        for actor in f.actors.values():
            cur = merged.get(actor.id)
            if cur is None:
                cur = merged[actor.id] = Actor(
                    id=actor.id, name=actor.name, type=actor.type, role=actor.role
                )
            cur.role = cur.role or actor.role
            cur.mentions += actor.mentions
            for form in actor.surface_forms:
                if form not in cur.surface_forms:
                    cur.surface_forms.append(form)
            cur.citations = union_citations(cur.citations, actor.citations)
            cur.sources.add(f.article.id)
    for a in merged.values():
        # Being reported by several sources matters more than being repeated by one.
        a.salience = a.mentions * (1.0 + len(a.sources))
    return sorted(merged.values(), key=lambda a: (-a.salience, a.name))
