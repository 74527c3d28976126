"""The gates of ``find_dates`` (the prefilter, month names before the month patterns, a
digit before the numeric ones) skip only searches that cannot match."""

from __future__ import annotations

import dataclasses
import re

import yaml

from briefing.nlp import dates
from briefing.nlp.normalize import normalize
from briefing.nlp.sentences import split_sentences
from tests.conftest import FIXTURES, ROOT

_ALWAYS = re.compile("")


def _articles():
    for path in sorted((FIXTURES / "calendar").glob("*.yaml")):
        fx = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (ROOT / fx["source"]).read_text(encoding="utf-8") if "source" in fx else fx["text"]
        yield text, fx["lang"]


def test_gated_and_ungated_find_the_same_dates(monkeypatch):
    found = 0
    for text, lang in _articles():
        norm = normalize(text)
        lex = dates.lexicon(lang)
        open_gates = dataclasses.replace(
            lex,
            re_prefilter=_ALWAYS,
            re_months_any=_ALWAYS,
            re_jmonths_any=_ALWAYS,
            re_hmonths_any=_ALWAYS,
            re_n_relative=[(rx, key, "") for rx, key, _word in lex.re_n_relative],
        )
        for s in split_sentences(text, lang):
            gated = dates.find_dates(text, norm, s.start, s.end, lang)
            with monkeypatch.context() as m:
                m.setattr(dates, "lexicon", lambda _lang, lex=open_gates: lex)
                m.setattr(dates, "_DIGIT", _ALWAYS)
                ungated = dates.find_dates(text, norm, s.start, s.end, lang)
            assert gated == ungated, (lang, text[s.start : s.end])
            found += len(gated)
    assert found > 100


def test_a_day_written_as_an_ordinal_word_needs_no_digit():
    # Persian "the second (day) of January": no digit, yet a day-month date.
    text = "گفت و گو در روز دوم ژانویه برگزار می شود."
    found = dates.find_dates(text, normalize(text), 0, len(text), "fa")
    assert [(m.day, m.month) for m in found] == [(2, 1)]
