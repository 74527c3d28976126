"""Weeks told back from the publication date the day to within seven days: no event of
that day; "a week ago" is seven days back to the day. (Sentences from reporting on the
Russia–Ukraine war, 2025.)"""

from __future__ import annotations

import datetime as dt

from briefing.extract.calendar import extract_events, infer_publication
from briefing.nlp.dates import lexicon
from briefing.nlp.normalize import normalize
from tests.conftest import make_context


def _events(text: str, lang: str, published: dt.date):
    ctx = make_context(text, lang, published)
    infer_publication(ctx)
    return extract_events(ctx)


def test_two_weeks_ago_dates_no_event():
    # Ukrainska Pravda, Sunday 31 August 2025.
    text = (
        "Ukrainian President Volodymyr Zelenskyy has recalled that two weeks ago, US President "
        "Donald Trump gave Russia two weeks to show readiness for real negotiations."
    )
    events = _events(text, "en", dt.date(2025, 8, 31))
    assert [e for e in events if e.date.startswith("2025-08-1")] == []


def test_earlier_this_week_in_the_past_dates_no_event():
    # AFP, Wednesday 4 June 2025.
    text = (
        "The White House said earlier this week that Trump was \u201copen\u201d to meeting after "
        "the two sides failed to make headway towards a ceasefire."
    )
    assert _events(text, "en", dt.date(2025, 6, 4)) == []


def test_a_week_ago_is_seven_days_back():
    # Politico, Sunday 20 April 2025 (Palm Sunday was 13 April).
    text = (
        "A week ago, Russia launched a missile attack on the Ukrainian city of Sumy as people "
        "were gathering to celebrate Palm Sunday, killing more than 30 and wounding another "
        "117 in one the deadliest attacks this year."
    )
    events = _events(text, "en", dt.date(2025, 4, 20))
    assert "2025-04-13" in [e.date for e in events]


def test_finnish_postpositions_in_taan_are_no_future_tense():
    # The present passive ("pidetään": will be held) looks ahead; "vastaan" (against),
    # "kohtaan", "puolestaan", "vähintään", "osaltaan" do not.
    rx = lexicon("fi").re_future
    for word in ("pidetään", "järjestetään", "hyväksytään", "allekirjoitetaan"):
        assert rx.search(word), word
    for word in ("vastaan", "kohtaan", "puolestaan", "vähintään", "osaltaan", "ylipäätään"):
        assert rx.search(word) is None, word


def test_a_number_beside_the_word_for_per_cent_is_a_figure_in_every_language():
    from briefing.extract.calendar import _figure_rx

    for lang, phrase in [
        ("de", "um 30 Prozent"),
        ("es", "el 30 por ciento"),
        ("tr", "yüzde 30"),
        ("sl", "za 30 odstotkov"),
        ("ru", "на 30 процентов"),
        ("hu", "30 százalékkal"),
        ("fa", "۳۰ درصد"),
        ("ar", "30 ٪"),
    ]:
        assert _figure_rx(lang).search(normalize(phrase)), (lang, phrase)
    assert _figure_rx("de").search(normalize("am 30. Juni")) is None
