"""The word-start keys of the calendar cues only skip searches that cannot match."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefing.extract.calendar import _events_table, event_cues, format_cues
from briefing.extract.topics import text_keys
from briefing.nlp.normalize import normalize
from tests.conftest import FIXTURES, ROOT

ARTICLES = sorted((FIXTURES / "calendar").glob("*.yaml"))


def _article(path: Path) -> tuple[str, str]:
    fx = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (ROOT / fx["source"]).read_text(encoding="utf-8") if "source" in fx else fx["text"]
    return normalize(text), fx["lang"]


def _checked_windows(path: Path) -> int:
    norm, lang = _article(path)
    cues = [c for c in (*event_cues(lang), *format_cues(lang)) if c.keys is not None]
    # Windows as the calendar makes them, between word boundaries: around every match of
    # every cue (the windows where a skip would lose a hit), cut tight and loose.
    bounds = sorted({0, len(norm), *(m.start() for m in re.finditer(r"\b", norm))})
    checked = 0
    for cue in cues:
        for m in cue.regex.finditer(norm):
            starts = [x for x in bounds if m.start() - 40 <= x <= m.start()]
            ends = [x for x in bounds if m.end() <= x <= m.end() + 40]
            for a in starts:
                for b in ends:
                    keys = text_keys(norm[a:b])
                    for other in cues:
                        if other.regex.search(norm, a, b):
                            checked += 1
                            assert not other.keys.isdisjoint(keys), (other.key, norm[a:b])
    return checked


def test_no_cue_matches_a_window_without_its_keys():
    per_lang: dict[str, int] = {}
    for path in ARTICLES:
        lang = _article(path)[1]
        per_lang[lang] = per_lang.get(lang, 0) + _checked_windows(path)
    # Matches were seen, and checked, in every language but Arabic (no keys: clitics).
    assert all(n > 0 for lang, n in per_lang.items() if lang != "ar"), per_lang
    assert len(per_lang) >= 8


def test_keys_come_from_the_first_word():
    cues = {c.key: c for c in event_cues("en")}
    assert cues["phone_call"].keys is not None
    assert all(len(k) == 3 for k in cues["phone_call"].keys)


def test_no_cue_matches_the_empty_text():
    # ``_hits`` skips empty windows: every cue of every language needs a character.
    table = _events_table()
    langs = {
        lang for sec in ("types", "formats") for s in table[sec].values() for lang in s["cues"]
    }
    for lang in langs | {"xx"}:
        for cue in (*event_cues(lang), *format_cues(lang)):
            assert re._parser.parse(cue.regex.pattern).getwidth()[0] > 0, (lang, cue.key)


def test_entries_with_a_short_first_word_take_the_keys_of_a_later_word():
    # Romanian "a declarat", "au spus": the first word is too short to be a key.
    cues = {c.key: c for c in event_cues("ro")}
    assert cues["statement"].keys is not None
    assert {"dec", "spu"} <= cues["statement"].keys
