"""Open disagreements across consolidated positions (first version: see issue 5)."""

from __future__ import annotations

from briefing.models import Actor, Disagreement, Event, Position


def find_disagreements(
    positions: list[Position], events: list[Event], actors: dict[str, Actor]
) -> list[Disagreement]:
    return []
