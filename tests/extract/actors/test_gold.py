"""Precision and recall of people, states and organisations against annotated articles.

tests/fixtures/actors/*.yaml: the five seeds and articles written for the tests in
German, French, Spanish, Italian, Arabic, Russian, Ukrainian, Polish, Romanian, Persian and
English, each with the set of actor ids a reader finds in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, SEEDS, make_context

GOLD_DIR = FIXTURES / "actors"
SCORED_TYPES = ("person", "state", "organization")


def _cases() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


def _load(path: Path) -> tuple[str, str, dt.date | None, set[str]]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (SEEDS / case["seed"]).read_text(encoding="utf-8") if "seed" in case else case["text"]
    return text, case["lang"], case.get("published"), set(case["gold"])


def score(path: Path) -> tuple[float, float, set[str], set[str]]:
    text, lang, published, gold = _load(path)
    ctx = make_context(text, lang, published, art_id=path.stem)
    found = {a.id for a in ctx.actors.values() if a.type in SCORED_TYPES}
    tp = len(found & gold)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(gold) if gold else 1.0
    return precision, recall, found - gold, gold - found


def test_fixtures_cover_the_languages():
    langs = {_load(p)[1] for p in _cases()}
    assert {"en", "pl", "ro", "fa", "de", "fr", "es", "it", "ar", "ru", "uk"} <= langs


def test_average_precision_and_recall_at_least_0_9(capsys):
    rows = [(p.stem, *score(p)) for p in _cases()]
    with capsys.disabled():
        for name, prec, rec, extra, missing in rows:
            print(
                f"\n{name:28} P={prec:.2f} R={rec:.2f} extra={sorted(extra)} missing={sorted(missing)}"
            )
    precision = sum(r[1] for r in rows) / len(rows)
    recall = sum(r[2] for r in rows) / len(rows)
    with capsys.disabled():
        print(f"\nmean over {len(rows)} articles: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9
    assert recall >= 0.9


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_each_article_is_reasonable(path: Path):
    precision, recall, extra, missing = score(path)
    assert precision >= 0.75, extra
    assert recall >= 0.75, missing
