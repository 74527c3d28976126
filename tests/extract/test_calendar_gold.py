"""Gold calendar fixtures: recall and precision of dated events with the right ISO dates.

Each ``tests/fixtures/calendar/*.yaml`` holds one article (a seed or a text written for
the test), its expected publication date and every event a reader would put in a
calendar, each identified by its date(s) and a piece of the sentence that states it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
import yaml

from briefing.extract.calendar import extract_events, infer_publication
from briefing.models import Event
from tests.conftest import FIXTURES, ROOT, make_context

GOLD = sorted((FIXTURES / "calendar").glob("*.yaml"))


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


@cache
def _run(path: Path) -> tuple[dict, dt.date | None, tuple[Event, ...]]:
    fx = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (ROOT / fx["source"]).read_text(encoding="utf-8") if "source" in fx else fx["text"]
    ctx = make_context(text, fx["lang"], fx.get("published_metadata"), art_id=path.stem)
    ctx.as_of = fx["reference"]
    infer_publication(ctx)
    return fx, ctx.article.published, tuple(extract_events(ctx))


def _matches(gold: dict, ev: Event) -> bool:
    if ev.date != _iso(gold["date"]) or ev.date_end != _iso(gold.get("date_end")):
        return False
    return any(gold["cue"] in c.sentence for c in ev.citations)


def _score() -> tuple[int, int, int, int]:
    found = gold_total = correct = predicted = 0
    for path in GOLD:
        fx, _pub, events = _run(path)
        golds = fx.get("events") or []
        gold_total += len(golds)
        found += sum(any(_matches(g, e) for e in events) for g in golds)
        predicted += len(events)
        correct += sum(any(_matches(g, e) for g in golds) for e in events)
    return found, gold_total, correct, predicted


def test_there_are_fixtures_in_many_languages():
    langs = {yaml.safe_load(p.read_text(encoding="utf-8"))["lang"] for p in GOLD}
    assert {"en", "pl", "ro", "fa", "de", "fr", "es", "ru", "uk"} <= langs


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_publication_date(path: Path):
    fx, published, _events = _run(path)
    assert _iso(published) == _iso(fx.get("published"))


def test_recall_and_precision_of_dated_events():
    found, gold_total, correct, predicted = _score()
    recall = found / gold_total
    precision = correct / predicted
    assert recall >= 0.9, f"recall {found}/{gold_total} = {recall:.2f}"
    assert precision >= 0.9, f"precision {correct}/{predicted} = {precision:.2f}"


def test_kinds_and_locations_of_found_events():
    kinds = kinds_ok = places = places_ok = 0
    for path in GOLD:
        fx, _pub, events = _run(path)
        for g in fx.get("events") or []:
            ev = next((e for e in events if _matches(g, e)), None)
            if ev is None:
                continue
            if "kind" in g:
                kinds += 1
                kinds_ok += ev.kind == g["kind"]
            if "location" in g:
                places += 1
                places_ok += ev.location == g["location"]
    assert kinds_ok / kinds >= 0.9, f"kinds {kinds_ok}/{kinds}"
    assert places_ok / places >= 0.9, f"locations {places_ok}/{places}"


def test_every_citation_is_verbatim():
    for path in GOLD:
        fx, _pub, events = _run(path)
        text = (ROOT / fx["source"]).read_text(encoding="utf-8") if "source" in fx else fx["text"]
        for e in events:
            for c in e.citations:
                c.check(text)
