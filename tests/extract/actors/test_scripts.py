"""Known people and organisations written in another script or inflection than the
knowledge base's: Greek and Hebrew transcriptions of Latin names, Serbian, Croatian and
Slovene endings after a stem's final "i" (the j-glide), organisations the packs name."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import make_context

AUG_2023 = dt.date(2023, 8, 10)


def ids(text: str, lang: str) -> set[str]:
    return set(make_context(text, lang, AUG_2023).actors)


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        (
            "el",
            "Ο πρωθυπουργός του Ισραήλ Μπενιαμίν Νετανιάχου δήλωσε ότι θα συνεχίσει.",
            "benjamin-netanyahu",
        ),
        ("he", "ראש הממשלה בנימין נתניהו אמר כי ימשיך.", "benjamin-netanyahu"),
        ("he", "שר החוץ אנתוני בלינקן אמר כי ימשיך.", "antony-blinken"),
        ("el", "Ο Σεργκέι Λαβρόφ δήλωσε ότι η Μόσχα θα απαντήσει.", "sergei-lavrov"),
    ],
)
def test_a_transcribed_name_is_the_known_person(lang, text, actor):
    assert actor in ids(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sr", "Разговарао је са косовским премијером Аљбином Куртијем у Бриселу."),
        ("sr", "Sastao se sa Kurtijem u Briselu."),
        ("hr", "Sastanak s Kurtijem održan je u Bruxellesu."),
        ("sl", "Srečal se je s kosovskim premierjem Albinom Kurtijem."),
        ("sl", "Izjava Kurtija je presenetila Beograd."),
    ],
)
def test_endings_after_the_j_glide(lang, text):
    assert "albin-kurti" in ids(text, lang)


def test_a_name_in_ij_keeps_matching_its_cases():
    assert "dmitry-peskov" in ids("Razgovor sa Dmitrijem Peskovom je završen.", "sr")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("el", "Η οργάνωση Χαμάς απέρριψε την πρόταση."),
        ("he", "ארגון חמאס דחה את ההצעה."),
        ("bg", "Хамас отхвърли предложението."),
        ("sr", "Хамас је одбио предлог."),
        ("hu", "A Hamász elutasította a javaslatot."),
    ],
)
def test_an_organisation_in_every_script(lang, text):
    assert "hamas" in ids(text, lang)
