"""The JSON brief, exactly per ``shared/brief-contract.md`` (schema ``briefing/1``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import orjson

from briefing.models import Actor, Article, Brief, Disagreement, Event, Measure, Position

SCHEMA = "briefing/1"


def _cites(item: Any) -> list[dict[str, object]]:
    return [c.to_dict() for c in item.citations]


def source_dict(a: Article) -> dict[str, Any]:
    d: dict[str, Any] = {"id": a.id}
    if a.url:
        d["url"] = a.url
    if a.path or not a.url:
        d["path"] = a.path
    d.update(
        title=a.title,
        outlet=a.outlet,
        language=a.language,
        published=a.published.isoformat() if a.published else None,
        published_basis=a.published_basis,
        read_mode=a.read_mode,
    )
    if a.read_note:
        d["read_note"] = a.read_note
    if a.text_extracted:
        d["text"] = a.text
    return d


def actor_dict(a: Actor) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "role": a.role,
        "mentions": a.mentions,
        "surface_forms": list(a.surface_forms),
        "citations": _cites(a),
    }
    if a.kind:
        d["kind"] = a.kind
    return d


def event_dict(e: Event) -> dict[str, Any]:
    d: dict[str, Any] = {
        "date": e.date,
        "date_end": e.date_end,
        "label": e.label,
        "location": e.location,
        "participants": list(e.participants),
        "status": e.status,
        "citations": _cites(e),
    }
    if e.conflicting_dates:
        d["conflicting_dates"] = list(e.conflicting_dates)
    return d


def position_dict(p: Position) -> dict[str, Any]:
    return {
        "actor": p.actor,
        "topic": p.topic,
        "stance": p.stance,
        # Additive: the stance's kind (demands, rejects, supports, warns, threatens, offers,
        # denies, assesses) for programs that filter without parsing the English line.
        "stance_kind": p.stance_kind,
        "citations": _cites(p),
        # Additive: what was said, verbatim (docs/brief-json.md), and how it was said.
        "quotes": [
            {
                "source": q.source,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "language": q.language,
            }
            for q in p.quotes
        ],
        "polarity": p.polarity,
        "modality": p.modality,
        "speaker_unnamed": p.speaker_unnamed,
    }


def measure_dict(m: Measure) -> dict[str, Any]:
    return {
        "measure": m.measure,
        "category": m.category,
        "proposed_by": list(m.proposed_by),
        "target": m.target,
        "condition": m.condition,
        # Additive: the finer taxonomy key, the measure's status and the figures stated.
        "kind": m.key,
        "status": m.status,
        "figures": [dict(f) for f in m.figures],
        "citations": _cites(m),
    }


def disagreement_dict(d: Disagreement) -> dict[str, Any]:
    return {
        "topic": d.topic,
        "kind": d.kind,
        "sides": [
            {"actors": list(s.actors), "position": s.position, "citations": _cites(s)}
            for s in d.sides
        ],
    }


def _with_zone(moment: dt.datetime) -> dt.datetime:
    # The contract promises a time zone; a naive time is the machine's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def brief_dict(brief: Brief) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "title": brief.title,
        "generated_at": _with_zone(brief.generated_at).isoformat(timespec="seconds"),
        "as_of": brief.as_of.isoformat(),
        "sources": [source_dict(a) for a in brief.sources],
        "actors": [actor_dict(a) for a in brief.actors],
        "calendar": [event_dict(e) for e in brief.calendar],
        "positions": [position_dict(p) for p in brief.positions],
        "sanctions_options": [measure_dict(m) for m in brief.sanctions_options],
        "disagreements": [disagreement_dict(d) for d in brief.disagreements],
    }
    if brief.new_since_last is not None:
        out["new_since_last"] = new_since_dict(brief.new_since_last)
    return out


_NEW_SINCE = {
    "events": event_dict,
    "positions": position_dict,
    "sanctions_options": measure_dict,
    "disagreements": disagreement_dict,
}


def new_since_dict(new: dict[str, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    """Digest only (additive field): what the previous delivered brief did not have."""
    return {k: [fn(item) for item in new.get(k, [])] for k, fn in _NEW_SINCE.items()}


def _layout(value: Any, level: int) -> Iterator[bytes]:
    """The top level and its sections indented, each list item on one line: readable, and
    every item is one call to orjson (the standard library's ``indent=`` sends the whole
    brief, 20 MB at 2,000 articles, through its pure-Python encoder; even one C-encoded
    item at a time, it took 4x orjson's time)."""
    pad = b"  " * (level + 1)
    if isinstance(value, dict) and value and level < 2:
        yield b"{"
        for i, (key, item) in enumerate(value.items()):
            yield (b"\n" if i == 0 else b",\n") + pad + orjson.dumps(key) + b": "
            yield from _layout(item, level + 1)
        yield b"\n" + b"  " * level + b"}"
    elif isinstance(value, list) and value and level < 2:
        yield b"["
        for i, item in enumerate(value):
            yield (b"\n" if i == 0 else b",\n") + pad + orjson.dumps(item)
        yield b"\n" + b"  " * level + b"]"
    else:
        yield orjson.dumps(value)


def iter_json(brief: Brief) -> Iterator[bytes]:
    """``render_json`` in UTF-8 pieces, for streaming to a file."""
    yield from _layout(brief_dict(brief), 0)
    yield b"\n"


def render_json(brief: Brief) -> str:
    return b"".join(iter_json(brief)).decode("utf-8")
