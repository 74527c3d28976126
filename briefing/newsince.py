"""What is new since the last delivered brief: items whose stable key it did not have.

A key names what an item *is*, not how a source worded it: an event by its kind (or
label) and date, a position by actor, topic and kind of stance, a measure by its
taxonomy key (or name), category and target, a disagreement by topic and the actors on
each side. The keys of every delivered digest are stored with it, so the comparison
never depends on the JSON contract or on re-reading old articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from briefing.models import Brief, Disagreement, Event, Measure, Position

SECTIONS = ("events", "positions", "sanctions_options", "disagreements")

_PUNCT = re.compile(r"[^\w\s-]+", re.UNICODE)


def _norm(value: str | None) -> str:
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def event_key(e: Event) -> str:
    return f"{e.kind or _norm(e.label)}|{e.date}"


def position_key(p: Position) -> str:
    return f"{p.actor}|{p.topic_key or _norm(p.topic)}|{p.stance_kind or _norm(p.stance)}"


def measure_key(m: Measure) -> str:
    return f"{m.key or _norm(m.measure)}|{m.category}|{m.target or ''}"


def disagreement_key(d: Disagreement) -> str:
    sides = sorted(",".join(sorted(s.actors)) for s in d.sides)
    return f"{_norm(d.topic)}|{';'.join(sides)}"


_KEYERS: dict[str, tuple[Callable[[Brief], Iterable[Any]], Callable[[Any], str]]] = {
    "events": (lambda b: b.calendar, event_key),
    "positions": (lambda b: b.positions, position_key),
    "sanctions_options": (lambda b: b.sanctions_options, measure_key),
    "disagreements": (lambda b: b.disagreements, disagreement_key),
}


def brief_keys(brief: Brief) -> dict[str, list[str]]:
    """Every section's item keys, sorted (stored with a digest)."""
    out: dict[str, list[str]] = {}
    for section, (items, keyer) in _KEYERS.items():
        out[section] = sorted({keyer(i) for i in items(brief)})
    return out


def new_since(brief: Brief, previous: dict[str, list[str]] | None) -> dict[str, list[object]]:
    """Items of ``brief`` absent from ``previous`` (keys of the last delivered brief).

    With no previous brief everything is new.
    """
    out: dict[str, list[object]] = {}
    for section, (items, keyer) in _KEYERS.items():
        known = set((previous or {}).get(section, ()))
        out[section] = [i for i in items(brief) if keyer(i) not in known]
    return out
