"""The agent of a passive holds the view the verb reports ("the strikes were condemned
by France"), not the subject before the verb; a demand "from" someone names whom it is
made of, not who made it."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.attribution import attribute
from tests.conftest import make_context

DAY = dt.date(2023, 8, 10)


def _held(text: str, lang: str) -> set[tuple[str, str]]:
    ctx = make_context(text, lang, DAY)
    return {(a, att.kind) for att in attribute(ctx) for a in att.speakers}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Russian strikes on the port were condemned by France on Monday."),
        ("pt", "A ofensiva da Rússia foi condenada pela França na segunda-feira."),
        ("pt", "Os ataques da Rússia foram condenados pela França na segunda-feira."),
        ("it", "L'offensiva della Russia è stata condannata dalla Francia lunedì."),
        ("fr", "L'offensive de la Russie a été condamnée par la France lundi."),
        ("tr", "Rusya'nın saldırısı Fransa tarafından kınandı."),
    ],
)
def test_the_agent_of_a_passive_holds_the_view(lang, text):
    held = _held(text, lang)
    assert ("france", "rejects") in held
    assert not any(a == "russia" for a, _k in held)


def test_an_active_verb_keeps_its_subject():
    held = _held("France condemned the strikes by Russia on the port.", "en")
    assert ("france", "rejects") in held
    assert not any(a == "russia" for a, _k in held)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "France and Germany met in Paris. Both sides rejected the proposal on Monday."),
        ("pl", "Francja i Niemcy spotkały się w Paryżu. Obie strony odrzuciły propozycję."),
        ("es", "Francia y Alemania se reunieron en París. Ambas partes rechazaron la propuesta."),
    ],
)
def test_joint_holders_are_each_actor_just_named(lang, text):
    held = _held(text, lang)
    assert ("france", "rejects") in held
    assert ("germany", "rejects") in held


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Президент Франции Эммануэль Макрон заявил о поддержке переговоров. "
            "НАТО заявила, что осуждает удары. Она потребовала прекратить огонь.",
        ),
        (
            "fr",
            "Le président Emmanuel Macron a déclaré soutenir les négociations. "
            "L'OTAN a condamné les frappes. Elle a exigé un cessez-le-feu.",
        ),
    ],
)
def test_a_feminine_pronoun_after_an_organisation_names_it_again(lang, text):
    ctx = make_context(text, lang, DAY)
    start = text.rindex(".", 0, len(text) - 1)
    last = [att for att in attribute(ctx) if att.sentence.start > start]
    assert last and last[0].speakers == ("nato",)
