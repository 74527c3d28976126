"""A stance verb inside the clause a verb of speech or belief governs ("X said that Moscow
wants …") is the outer speaker's reported content, not a position of the clause's own
subject; a clause of its own after a punctuation mark still is."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.attribution import attribute
from tests.conftest import make_context

DAY = dt.date(2023, 7, 20)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Germany said that Russia wants to end the agreement on exports."),
        ("cs", "Německo uvedlo, že Rusko chce ukončit dohodu o vývozu."),
        ("fr", "L'Allemagne a déclaré que la Russie veut mettre fin à l'accord."),
        ("es", "Alemania afirmó que Rusia quiere poner fin al acuerdo."),
    ],
)
def test_stance_verb_in_a_reported_clause_stays_with_the_speaker(lang, text):
    atts = attribute(make_context(text, lang, DAY))
    assert any("germany" in a.speakers for a in atts), atts
    assert not any("russia" in a.speakers for a in atts), atts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Germany said that talks must go on. Russia rejected the proposal on exports."),
        ("cs", "Německo uvedlo, že jednání musí pokračovat. Rusko odmítlo návrh na vývoz."),
    ],
)
def test_a_sentence_of_its_own_keeps_its_speaker(lang, text):
    atts = attribute(make_context(text, lang, DAY))
    assert any("russia" in a.speakers and a.kind == "rejects" for a in atts), atts
