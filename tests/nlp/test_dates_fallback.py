from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.calendar import extract_events
from briefing.nlp.dates import find_dates
from briefing.nlp.dates_fallback import fallback_dates, has_lexicon
from briefing.nlp.normalize import normalize
from tests.conftest import make_context

PUB = dt.date(2022, 1, 10)


def _events(text: str, lang: str, published: dt.date = PUB) -> list[tuple[str | None, str]]:
    return [(e.kind, e.date) for e in extract_events(make_context(text, lang, published))]


def _spans(text: str, lang: str) -> list[tuple[str, int, int, int | None]]:
    norm = normalize(text)
    return [
        (text[m.start : m.end], m.day or 0, m.month or 0, m.year)
        for m in find_dates(text, norm, 0, len(text), lang)
    ]


def test_portuguese_meeting_with_full_date():
    text = (
        "O ministro dos Negócios Estrangeiros reuniu-se com Lavrov em 21 de janeiro de 2022 "
        "em Genebra."
    )
    assert ("meeting", "2022-01-21") in _events(text, "pt")


def test_dutch_meeting_without_year_takes_the_nearest_year():
    assert _events("De NAVO-Rusland Raad komt op 12 januari bijeen.", "nl") == [
        ("meeting", "2022-01-12")
    ]
    # Written in late December, "5 januari" is the coming one.
    late = dt.date(2021, 12, 20)
    assert _events("De ministers ontmoeten elkaar op 5 januari.", "nl", late) == [
        ("meeting", "2022-01-05")
    ]


def test_date_without_event_word_is_a_plain_event():
    # No event word: the clause is dated as a plain event of its own type, never a meeting.
    assert _events("O relatório de 12 de janeiro tem quarenta páginas.", "pt") == [
        ("dated", "2022-01-12")
    ]


def test_other_languages_and_orders():
    assert _spans("Zirve 10 Şubat 2022 tarihinde Ankara'da yapıldı.", "tr") == [
        ("10 Şubat 2022", 10, 2, 2022)
    ]
    assert _spans("Schůzka se konala 12. ledna 2022 v Praze.", "cs") == [
        ("12. ledna 2022", 12, 1, 2022)
    ]
    assert _spans("A cimeira de janeiro 5, 2022 foi adiada.", "pt") == [
        ("janeiro 5, 2022", 5, 1, 2022)
    ]


def test_abbreviation_needs_a_year_or_an_inner_full_stop():
    # Czech "pro" is December's abbreviation and the word "for".
    assert _spans("Pro návrh hlasovalo 12 pro.", "cs") == []
    assert _spans("Reunião a 3 dez. e outra a 5 jan. 2022.", "pt") == [
        ("3 dez.", 3, 12, None),
        ("5 jan. 2022", 5, 1, 2022),
    ]


def test_a_language_without_a_pack_reads_months_from_cldr():
    # Norwegian and Catalan have no language pack: CLDR's month names read a month alone
    # when the name is long enough not to be a common word; short ones ("mai", Catalan
    # "gener" is five letters) need a day or a year beside them.
    assert not has_lexicon("nb") and not has_lexicon("ca")
    assert _spans("I januar fortsetter samtalene.", "nb") == [("januar", 0, 1, None)]
    assert _spans("I mai fortsetter samtalene.", "nb") == []
    assert _spans("Møtet holdes 12. mai i Oslo.", "nb") == [("12. mai", 12, 5, None)]
    assert _spans("Møtet holdes 12. januar 2022 i Oslo.", "nb") == [
        ("12. januar 2022", 12, 1, 2022)
    ]


def test_a_language_with_a_pack_reads_a_month_alone():
    # Portuguese now has lang/pt/dates.yaml: a month alone is a month, as in English.
    assert has_lexicon("pt")
    assert _spans("Em janeiro as conversações continuam.", "pt") == [("janeiro", 0, 1, None)]


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "pl", "ru", "ar"])
def test_languages_with_a_lexicon_are_untouched(lang: str):
    assert has_lexicon(lang)
    text = "12 January 12 janvier 12 enero 12 stycznia 12 января 12 Januar 12 janeiro"
    norm = normalize(text)
    assert fallback_dates(norm, 0, len(norm), lang) == []
