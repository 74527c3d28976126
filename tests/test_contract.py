"""A checker of ``shared/brief-contract.md`` (schema ``briefing/1``), run on real briefs.

``contract_problems`` returns every violation it finds (an empty list means the brief
satisfies the contract), so a failure shows all that is wrong at once.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.models import MEASURE_CATEGORIES
from briefing.render.json_brief import brief_dict, render_json
from tests.conftest import ROOT
from tests.render.sample import empty_brief, sample_brief

TOP_LEVEL = {
    "schema": str,
    "title": str,
    "generated_at": str,
    "as_of": str,
    "sources": list,
    "actors": list,
    "calendar": list,
    "positions": list,
    "sanctions_options": list,
    "disagreements": list,
}
ACTOR_TYPES = {"person", "state", "organization", "other"}
PUBLISHED_BASIS = {"metadata", "inferred", "unknown"}
EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ISO_639_1 = re.compile(r"^[a-z]{2}$")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _iso_date(v: Any) -> bool:
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _event_date(v: Any) -> bool:
    m = EVENT_DATE.match(v) if isinstance(v, str) else None
    if m is None:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _span(date: str, end: bool) -> str:
    """First (or last) day a YYYY / YYYY-MM / YYYY-MM-DD date covers, as YYYY-MM-DD."""
    parts = date.split("-")
    if len(parts) == 3:
        return date
    if len(parts) == 2:
        if not end:
            return f"{date}-01"
        y, m = int(parts[0]), int(parts[1])
        nxt = dt.date(y + m // 12, m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return f"{date}-12-31" if end else f"{date}-01-01"


def source_texts(d: dict[str, Any], base: Path) -> dict[str, str | None]:
    """Each source's text as the contract defines it: its ``text`` field, else the file
    at ``path`` (relative to ``base``) decoded as UTF-8 without a leading BOM."""
    out: dict[str, str | None] = {}
    for s in d.get("sources") or []:
        if not isinstance(s, dict) or not isinstance(s.get("id"), str):
            continue
        text = s.get("text")
        if not isinstance(text, str) and isinstance(s.get("path"), str):
            path = Path(s["path"])
            if not path.is_absolute():
                # Paths are written relative to the folder the run started in.
                path = next((p for p in (base / path, Path.cwd() / path) if p.is_file()), path)
            try:
                text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
            except (OSError, UnicodeDecodeError):
                text = None
        out[s["id"]] = text if isinstance(text, str) else None
    return out


def contract_problems(
    d: Any, base: Path = ROOT, texts: dict[str, str | None] | None = None
) -> list[str]:
    """Every way ``d`` (a parsed brief.json) breaks the contract."""
    problems: list[str] = []
    err = problems.append
    if not isinstance(d, dict):
        return ["the brief is not a JSON object"]
    for key, kind in TOP_LEVEL.items():
        if key not in d:
            err(f"missing top-level field {key!r}")
        elif not isinstance(d[key], kind):
            err(f"{key}: expected {kind.__name__}, got {type(d[key]).__name__}")
    if problems:
        return problems
    if d["schema"] != "briefing/1":
        err(f"schema: {d['schema']!r} is not 'briefing/1'")
    try:
        generated = dt.datetime.fromisoformat(d["generated_at"])
        if generated.tzinfo is None:
            err("generated_at: no time zone")
    except ValueError:
        err(f"generated_at: not ISO 8601: {d['generated_at']!r}")
    as_of = d["as_of"] if _iso_date(d["as_of"]) else None
    if as_of is None:
        err(f"as_of: not an ISO date: {d['as_of']!r}")

    texts = source_texts(d, base) if texts is None else texts
    source_ids: set[str] = set()
    for i, s in enumerate(d["sources"]):
        where = f"sources[{i}]"
        if not isinstance(s, dict):
            err(f"{where}: not an object")
            continue
        sid = s.get("id")
        if not isinstance(sid, str) or not sid:
            err(f"{where}.id: not a non-empty string")
            continue
        if sid in source_ids:
            err(f"{where}.id: duplicate {sid!r}")
        source_ids.add(sid)
        if not (isinstance(s.get("path"), str) or isinstance(s.get("url"), str)):
            err(f"{where}: neither 'path' nor 'url'")
        for key in ("title", "outlet"):
            if key not in s:
                err(f"{where}: missing {key!r}")
            elif s[key] is not None and not isinstance(s[key], str):
                err(f"{where}.{key}: not a string or null")
        if not isinstance(s.get("language"), str) or not ISO_639_1.match(s["language"]):
            err(f"{where}.language: not ISO 639-1: {s.get('language')!r}")
        if "published" not in s:
            err(f"{where}: missing 'published'")
        elif s["published"] is not None and not _iso_date(s["published"]):
            err(f"{where}.published: not an ISO date or null: {s['published']!r}")
        if s.get("published_basis") not in PUBLISHED_BASIS:
            err(f"{where}.published_basis: {s.get('published_basis')!r}")
        if s.get("published") is None and s.get("published_basis") != "unknown":
            err(f"{where}: published is null but its basis is {s.get('published_basis')!r}")
        if "text" in s and not isinstance(s["text"], str):
            err(f"{where}.text: not a string")
        if texts.get(sid) is None:
            err(f"{where}: its text cannot be read (no 'text', unreadable 'path')")

    def check_citations(where: str, item: dict[str, Any]) -> None:
        cites = item.get("citations")
        if not isinstance(cites, list) or not cites:
            err(f"{where}.citations: not a non-empty list")
            return
        for j, c in enumerate(cites):
            cw = f"{where}.citations[{j}]"
            if not isinstance(c, dict):
                err(f"{cw}: not an object")
                continue
            if set(c) < {"source", "start", "end", "sentence"}:
                err(f"{cw}: missing {sorted({'source', 'start', 'end', 'sentence'} - set(c))}")
                continue
            if c["source"] not in source_ids:
                err(f"{cw}.source: unknown source {c['source']!r}")
                continue
            if not (_is_int(c["start"]) and _is_int(c["end"])) or not isinstance(
                c["sentence"], str
            ):
                err(f"{cw}: start/end must be int and sentence a string")
                continue
            text = texts.get(c["source"])
            if not 0 <= c["start"] < c["end"] <= (len(text) if text is not None else 0):
                err(f"{cw}: span {c['start']}:{c['end']} outside its source text")
            elif text[c["start"] : c["end"]] != c["sentence"]:
                err(f"{cw}: sentence differs from text[{c['start']}:{c['end']}]")

    actor_ids: set[str] = set()
    for i, a in enumerate(d["actors"]):
        where = f"actors[{i}]"
        if not isinstance(a, dict):
            err(f"{where}: not an object")
            continue
        if not isinstance(a.get("id"), str) or not a["id"]:
            err(f"{where}.id: not a non-empty string")
        elif a["id"] in actor_ids:
            err(f"{where}.id: duplicate {a['id']!r}")
        else:
            actor_ids.add(a["id"])
        if not isinstance(a.get("name"), str) or not a["name"].strip():
            err(f"{where}.name: not a non-empty string")
        if a.get("type") not in ACTOR_TYPES:
            err(f"{where}.type: {a.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        if "role" not in a or not (a["role"] is None or isinstance(a["role"], str)):
            err(f"{where}.role: not a string or null")
        if not _is_int(a.get("mentions")) or a["mentions"] < 0:
            err(f"{where}.mentions: not a non-negative int")
        forms = a.get("surface_forms")
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            err(f"{where}.surface_forms: not a list of strings")
        check_citations(where, a)

    def check_actor_ref(where: str, value: Any, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in actor_ids:
            err(f"{where}: {value!r} is not an actor id")

    def check_actor_list(where: str, value: Any) -> None:
        if not isinstance(value, list):
            err(f"{where}: not a list")
            return
        for j, ref in enumerate(value):
            check_actor_ref(f"{where}[{j}]", ref)

    previous = None
    for i, e in enumerate(d["calendar"]):
        where = f"calendar[{i}]"
        if not isinstance(e, dict):
            err(f"{where}: not an object")
            continue
        date = e.get("date")
        if not _event_date(date):
            err(f"{where}.date: not YYYY-MM-DD, YYYY-MM or YYYY: {date!r}")
            date = None
        if "date_end" not in e:
            err(f"{where}: missing 'date_end'")
        elif e["date_end"] is not None:
            if not _event_date(e["date_end"]):
                err(f"{where}.date_end: bad date {e['date_end']!r}")
            elif date and _span(e["date_end"], True) < _span(date, False):
                err(f"{where}.date_end: before its date")
        if not isinstance(e.get("label"), str) or not e["label"].strip():
            err(f"{where}.label: not a non-empty string")
        if "location" not in e or not (e["location"] is None or isinstance(e["location"], str)):
            err(f"{where}.location: not a string or null")
        check_actor_list(f"{where}.participants", e.get("participants"))
        status = e.get("status")
        if status not in ("past", "upcoming"):
            err(f"{where}.status: {status!r}")
        elif date and as_of:
            end = e.get("date_end")
            last = _span(end if _event_date(end) else date, True)
            if status == "upcoming" and last < as_of:
                err(f"{where}: 'upcoming' but it ended before as_of {as_of}")
            if status == "past" and _span(date, False) > as_of:
                err(f"{where}: 'past' but it starts after as_of {as_of}")
        if date:
            if previous is not None and _span(date, False) < previous:
                err(f"{where}: calendar not in date order")
            previous = _span(date, False)
        check_citations(where, e)

    for i, p in enumerate(d["positions"]):
        where = f"positions[{i}]"
        if not isinstance(p, dict):
            err(f"{where}: not an object")
            continue
        check_actor_ref(f"{where}.actor", p.get("actor"))
        for key in ("topic", "stance"):
            if not isinstance(p.get(key), str) or not p[key].strip():
                err(f"{where}.{key}: not a non-empty string")
        if isinstance(p.get("stance"), str) and "\n" in p["stance"]:
            err(f"{where}.stance: not one line")
        check_citations(where, p)

    for i, m in enumerate(d["sanctions_options"]):
        where = f"sanctions_options[{i}]"
        if not isinstance(m, dict):
            err(f"{where}: not an object")
            continue
        if not isinstance(m.get("measure"), str) or not m["measure"].strip():
            err(f"{where}.measure: not a non-empty string")
        if m.get("category") not in MEASURE_CATEGORIES:
            err(f"{where}.category: {m.get('category')!r}")
        check_actor_list(f"{where}.proposed_by", m.get("proposed_by"))
        if "target" not in m:
            err(f"{where}: missing 'target'")
        else:
            check_actor_ref(f"{where}.target", m["target"], nullable=True)
        check_citations(where, m)

    for i, g in enumerate(d["disagreements"]):
        where = f"disagreements[{i}]"
        if not isinstance(g, dict):
            err(f"{where}: not an object")
            continue
        if not isinstance(g.get("topic"), str) or not g["topic"].strip():
            err(f"{where}.topic: not a non-empty string")
        sides = g.get("sides")
        if not isinstance(sides, list) or len(sides) < 2:
            err(f"{where}.sides: fewer than two sides")
            continue
        for j, s in enumerate(sides):
            sw = f"{where}.sides[{j}]"
            if not isinstance(s, dict):
                err(f"{sw}: not an object")
                continue
            check_actor_list(f"{sw}.actors", s.get("actors"))
            if not isinstance(s.get("position"), str) or not s["position"].strip():
                err(f"{sw}.position: not a non-empty string")
            check_citations(sw, s)
    return problems


def sample_texts(brief) -> dict[str, str | None]:
    return {a.id: a.text for a in brief.sources}


# --- the checker on real briefs ---------------------------------------------------------


def test_seed_brief_satisfies_contract(seed_brief_dict):
    # The seed sources are plain-text files: their text is read back from disk.
    assert not any("text" in s for s in seed_brief_dict["sources"])
    assert contract_problems(seed_brief_dict) == []


def test_seed_brief_json_round_trips(seed_brief):
    d = json.loads(render_json(seed_brief))
    assert contract_problems(d) == []


def test_hand_built_brief_satisfies_contract():
    brief = sample_brief()
    d = json.loads(render_json(brief))
    assert contract_problems(d, texts=sample_texts(brief)) == []
    # An extracted source (HTML, feed, JSON record) carries its text in the JSON.
    spa = next(s for s in d["sources"] if s["id"] == "spa-1")
    assert spa["text"] == brief.sources[1].text and spa["url"].startswith("https://")


def test_empty_brief_satisfies_contract():
    brief = empty_brief()
    assert contract_problems(brief_dict(brief), texts=sample_texts(brief)) == []


def test_plain_text_source_read_from_disk_without_bom(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffNATO met. Iran spoke.".encode())
    d = {
        **json.loads(render_json(empty_brief())),
        "sources": [
            {
                "id": "a",
                "path": "a.txt",
                "title": None,
                "outlet": None,
                "language": "en",
                "published": None,
                "published_basis": "unknown",
            }
        ],
        "actors": [
            {
                "id": "nato",
                "name": "NATO",
                "type": "organization",
                "role": None,
                "mentions": 1,
                "surface_forms": ["NATO"],
                "citations": [{"source": "a", "start": 0, "end": 10, "sentence": "NATO met."}],
            }
        ],
    }
    assert contract_problems(d, base=tmp_path) == [
        "actors[0].citations[0]: sentence differs from text[0:10]"
    ]
    d["actors"][0]["citations"][0]["end"] = 9
    assert contract_problems(d, base=tmp_path) == []


# --- the checker catches what it must ----------------------------------------------------


def _broken(mutate) -> list[str]:
    brief = sample_brief()
    d = copy.deepcopy(brief_dict(brief))
    mutate(d)
    return contract_problems(d, texts=sample_texts(brief))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.pop("calendar"), "missing top-level field 'calendar'"),
        (lambda d: d.update(schema="briefing/2"), "schema"),
        (lambda d: d.update(generated_at="2022-01-05T06:00:00"), "no time zone"),
        (lambda d: d.update(as_of="8 Jan 2022"), "as_of"),
        (lambda d: d["sources"][0].update(language="fas"), "language"),
        (lambda d: d["sources"][0].update(published="2022-02-30"), "published"),
        (lambda d: d["sources"][0].update(published_basis="guess"), "published_basis"),
        (lambda d: d["actors"][0].update(type="country"), "type"),
        (lambda d: d["actors"][0].update(mentions=True), "mentions"),
        (lambda d: d["actors"][0].update(citations=[]), "citations"),
        (lambda d: d["calendar"][0].update(date="2022-1-7"), "date"),
        (lambda d: d["calendar"][0].update(status="soon"), "status"),
        (lambda d: d["calendar"][0].update(status="upcoming"), "ended before as_of"),
        (lambda d: d["calendar"].reverse(), "date order"),
        (lambda d: d["calendar"][0].update(participants=["ghost"]), "not an actor id"),
        (lambda d: d["positions"][0].update(actor="ghost"), "not an actor id"),
        (lambda d: d["sanctions_options"][0].update(category="banking"), "category"),
        (lambda d: d["sanctions_options"][0].update(target="ghost"), "not an actor id"),
        (lambda d: d["disagreements"][0]["sides"].pop(), "fewer than two sides"),
        (lambda d: d["disagreements"][0]["sides"][0].update(actors=["ghost"]), "not an actor"),
        (lambda d: d["positions"][0]["citations"][0].update(source="ghost"), "unknown source"),
        (lambda d: d["positions"][0]["citations"][0].update(start=1), "sentence differs"),
        (lambda d: d["positions"][0]["citations"][0].update(end=10**6), "outside"),
        (
            lambda d: d["positions"][0]["citations"][0].update(
                sentence=d["positions"][0]["citations"][0]["sentence"].replace("ی", "ي")
            ),
            "sentence differs",
        ),
    ],
)
def test_checker_catches_violation(mutate, expected):
    problems = _broken(mutate)
    assert problems, "the checker accepted a broken brief"
    assert any(expected in p for p in problems), problems
