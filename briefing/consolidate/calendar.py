"""Merge calendar events across sources (first version: see issue 4)."""

from __future__ import annotations

import datetime as dt

from briefing.models import Event


def merge_events(events: list[Event], as_of: dt.date) -> list[Event]:
    restatus(events, as_of)
    return sorted(events, key=lambda e: (e.date, e.label))


def restatus(events: list[Event], as_of: dt.date) -> None:
    """Past or upcoming against ``as_of``, by the event's (start) date."""
    today = as_of.isoformat()
    for e in events:
        e.status = "upcoming" if e.date > today[: len(e.date)] else "past"
