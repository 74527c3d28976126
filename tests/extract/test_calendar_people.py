"""Who took part, what the event is called, and whether it is still ahead: participants
from the sentence before, format members, composed labels, calls told nearby, open
windows read by tense."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.calendar import extract_events, infer_publication
from tests.conftest import make_context


def _events(text: str, lang: str, published: dt.date | None, as_of: dt.date | None = None):
    ctx = make_context(text, lang, published)
    ctx.as_of = as_of or published or ctx.as_of
    infer_publication(ctx)
    return ctx, extract_events(ctx)


def _one(events, date: str):
    (e,) = [e for e in events if e.date == date]
    return e


def test_both_sides_take_the_actors_of_the_sentence_before():
    text = (
        "Außenministerin Annalena Baerbock empfing ihren ukrainischen Amtskollegen Dmytro "
        "Kuleba. Beide Seiten führten am 7. Februar in Berlin Gespräche über Waffen."
    )
    _ctx, events = _events(text, "de", dt.date(2022, 2, 8))
    e = _one(events, "2022-02-07")
    assert {"annalena-baerbock", "dmytro-kuleba"} <= set(e.participants)
    assert e.label == "Talks: Baerbock–Kuleba"


def test_a_clause_without_actors_borrows_only_within_its_paragraph():
    text = (
        "Außenministerin Annalena Baerbock empfing Dmytro Kuleba.\n\n"
        "Am 7. Februar fanden in Berlin Gespräche über Waffenlieferungen statt."
    )
    _ctx, events = _events(text, "de", dt.date(2022, 2, 8))
    assert _one(events, "2022-02-07").participants == []


def test_a_format_named_alone_brings_its_members():
    fr = "Une réunion au format Normandie est prévue à Berlin le 10 février."
    e = _one(_events(fr, "fr", dt.date(2022, 2, 1))[1], "2022-02-10")
    assert set(e.participants) == {"france", "germany", "russia", "ukraine"}
    assert (e.location, e.status) == ("Berlin", "upcoming")
    es = "El Diálogo de Estabilidad Estratégica se reanudará el 14 de febrero en Ginebra."
    e = _one(_events(es, "es", dt.date(2022, 2, 1))[1], "2022-02-14")
    assert e.label == "Strategic Stability Dialogue"
    assert set(e.participants) == {"united-states", "russia"}


def test_named_participants_win_over_format_members():
    text = "Olaf Scholz et Emmanuel Macron se sont réunis au format Normandie le 10 février."
    e = _one(_events(text, "fr", dt.date(2022, 2, 11))[1], "2022-02-10")
    assert {"olaf-scholz", "emmanuel-macron"} <= set(e.participants)
    assert "ukraine" not in e.participants


def test_talks_told_as_a_call_in_the_headline_are_a_phone_call():
    text = (
        "Macron et Poutine se sont entretenus par téléphone\n\n"
        "Le président français Emmanuel Macron s'est entretenu vendredi 28 janvier avec "
        "Vladimir Poutine, a annoncé l'Élysée."
    )
    _ctx, events = _events(text, "fr", dt.date(2022, 1, 28))
    e = _one(events, "2022-01-28")
    assert (e.kind, e.label) == ("phone_call", "Phone call: Macron–Putin")


def test_talks_stay_talks_without_a_phone_word_nearby():
    text = (
        "Le président français Emmanuel Macron s'est entretenu vendredi 28 janvier avec "
        "Vladimir Poutine à Moscou, a annoncé l'Élysée."
    )
    e = _one(_events(text, "fr", dt.date(2022, 1, 28))[1], "2022-01-28")
    assert (e.kind, e.label) == ("talks", "Talks: Macron–Putin")


def test_a_call_of_other_people_does_not_retype_the_talks():
    text = (
        "Olaf Scholz telefonierte am Montag mit Joe Biden. "
        "Annalena Baerbock führte am 8. Februar Gespräche mit Sergej Lawrow in Moskau."
    )
    e = _one(_events(text, "de", dt.date(2022, 2, 9))[1], "2022-02-08")
    assert e.kind == "talks"


def test_a_statement_of_one_person_is_labelled_with_the_speaker():
    text = "Le ministre Jean-Yves Le Drian a déclaré le 3 février que la France restait prête."
    e = _one(_events(text, "fr", dt.date(2022, 2, 4))[1], "2022-02-03")
    assert e.kind == "statement"
    assert e.label == "Statement: Le Drian"


def test_a_statement_on_a_past_gathering_dates_the_gathering():
    pl = (
        "Jak poinformował w środę 12 stycznia sekretarz generalny NATO Jens Stoltenberg, "
        "posiedzenie Rady NATO-Rosja w Brukseli zakończyło się bez przełomu."
    )
    e = _one(_events(pl, "pl", dt.date(2022, 1, 13))[1], "2022-01-12")
    assert (e.kind, e.label) == ("council_session", "Meeting of the NATO–Russia Council")
    # Talks announced for later are not the day's event: the announcement is.
    en = "Russia said on Monday that talks would follow."
    assert _one(_events(en, "en", dt.date(2022, 1, 11))[1], "2022-01-10").kind == "statement"


def test_a_month_containing_as_of_is_upcoming_in_the_future_tense():
    day = dt.date(2022, 1, 26)
    future = "У січні радники лідерів у нормандському форматі зустрінуться в Парижі."
    assert _one(_events(future, "uk", day)[1], "2022-01").status == "upcoming"
    past = "У січні радники лідерів у нормандському форматі зустрілися в Парижі."
    assert _one(_events(past, "uk", day)[1], "2022-01").status == "past"
    # A month already over is past whatever the tense.
    assert _one(_events(future, "uk", dt.date(2022, 2, 3))[1], "2022-01").status == "past"


@pytest.mark.parametrize(
    ("lang", "text", "date", "people"),
    [
        (
            "pl",
            "Minister Zbigniew Rau przyjął w Warszawie Siergieja Ławrowa. Obie strony "
            "rozmawiały 14 stycznia o bezpieczeństwie.",
            "2022-01-14",
            {"zbigniew-rau", "sergei-lavrov"},
        ),
        (
            "fa",
            "حسین امیرعبداللهیان با سرگئی لاوروف دیدار کرد. طرفین روز ۲۰ ژانویه در مسکو گفت و "
            "گو کردند.",
            "2022-01-20",
            {"hossein-amir-abdollahian", "sergei-lavrov"},
        ),
        (
            "ro",
            "Ministrul Bogdan Aurescu l-a primit pe Dmytro Kuleba. Cei doi s-au întâlnit pe "
            "10 ianuarie la București.",
            "2022-01-10",
            {"bogdan-aurescu", "dmytro-kuleba"},
        ),
    ],
)
def test_the_two_sides_in_other_languages(lang: str, text: str, date: str, people: set[str]):
    e = _one(_events(text, lang, dt.date(2022, 1, 21))[1], date)
    assert people <= set(e.participants)


def test_a_window_opening_now_is_upcoming_whatever_the_tense():
    text = "Officials said Moscow was ready to launch an offensive between now and mid-February."
    e = _one(_events(text, "en", dt.date(2022, 1, 26))[1], "2022-01-26")
    assert (e.date_end, e.status) == ("2022-02-15", "upcoming")
