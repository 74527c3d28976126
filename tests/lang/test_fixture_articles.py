"""One real article per language through the pipeline: it must yield what its pack promises
(docs/languages.md). The fixtures' metadata says what the text holds (a date, reported
speech, a sanctions measure); the support table says what the language's pack can find.
A check applies when both do, so the tests tighten as packs fill."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
import yaml

from briefing.extract.positions import extract_positions
from briefing.extract.sanctions import extract_measures
from briefing.langpacks import registry
from briefing.nlp.dates import find_dates, resolve, tense_at
from briefing.nlp.normalize import normalize
from tests.conftest import make_context

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"
TOOL = Path(__file__).resolve().parents[2] / "tools" / "languages_table.py"
REFERENCE = dt.date(2024, 1, 1)  # anchor for articles without a publication date


def _support() -> dict[str, dict[str, bool]]:
    spec = importlib.util.spec_from_file_location("languages_table", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.support()


SUPPORT = _support()


def _fixture(code: str) -> tuple[str, dict]:
    text = (FIXTURES / f"{code}.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((FIXTURES / f"{code}.yaml").read_text(encoding="utf-8"))
    return text, meta


def test_every_language_has_a_real_article():
    for code in registry():
        text, meta = _fixture(code)
        assert meta["language"] == code and meta["url"].startswith("http")
        assert len(text) > 200
        assert set(meta["contains"]) <= {"date", "attribution", "sanctions"}


@pytest.mark.parametrize("code", sorted(registry()))
def test_the_article_yields_what_the_pack_promises(code):
    text, meta = _fixture(code)
    published = meta.get("published")
    pub = dt.date.fromisoformat(str(published)) if published else None
    ctx = make_context(text, code, pub)
    sentences = ctx.doc._.sentences
    assert len(sentences) >= 2, "the article is one sentence"
    support = SUPPORT[code]
    contains = set(meta["contains"])
    # Actors, and so the speakers of positions, need the language's names of states,
    # organisations and offices (roles.yaml, names.yaml).
    names = support["roles/names"]
    if names:
        assert ctx.actors, "no actor found"
    if "date" in contains and support["dates"]:
        norm = normalize(text)
        resolved = [
            resolve(m, pub, pub or REFERENCE, tense_at(norm, 0, len(text), m.start, code))
            for m in find_dates(text, norm, 0, len(text), code)
        ]
        assert any(r is not None for r in resolved), "no date resolved"
    if "attribution" in contains and support["reporting"] and names:
        assert extract_positions(ctx), "no position found in reported speech"
    if "sanctions" in contains and support["measures"] and names:
        assert extract_measures(ctx), "no sanctions measure found"
