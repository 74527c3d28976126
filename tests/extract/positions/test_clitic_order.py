"""A reflexive verb cue ("domnívá se", "sprzeciwia się") holds with its clitic on either
side of the verb, where the clause puts it ("X se domnívá, že …"), in every language with
reflexive clitics (pack key ``reflexives``)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.attribution import _clitic_moved, attribute
from tests.conftest import make_context

DAY = dt.date(2023, 7, 20)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "kind"),
    [
        ("cs", "Německo se domnívá, že jednání nepřinesou žádný výsledek.", "germany", "assesses"),
        ("sk", "Nemecko sa domnieva, že rokovania neprinesú výsledok.", "germany", "assesses"),
        (
            "pl",
            "Rząd Niemiec się sprzeciwia nowym sankcjom wobec tego kraju.",
            "germany",
            "rejects",
        ),
    ],
)
def test_clitic_before_the_verb(lang, text, speaker, kind):
    atts = attribute(make_context(text, lang, DAY))
    # "Rząd Niemiec" (the German government) is an actor of its own, the state's organ.
    speakers = {speaker, f"{speaker}-government"}
    assert any(speakers & set(a.speakers) and a.kind == kind for a in atts), atts


def test_clitic_moves_only_a_reflexive():
    refl = frozenset({"se", "si"})
    assert _clitic_moved("domnívá se", refl) == ["se domnívá"]
    assert _clitic_moved("se domníval*", refl) == ["domníval* se"]
    assert _clitic_moved("postavil* se proti", refl) == ["se postavil* proti"]
    assert _clitic_moved("trvá na", refl) == []
    assert _clitic_moved("odmítl*", refl) == []


def test_verb_after_an_unnamed_speakers_clause_takes_no_actor_from_it():
    text = (
        "Někteří diplomaté se obávají, že pro Evropskou unii bude nyní obtížné udržet "
        "jednotu v otázce sankcí, uvedla tisková agentura."
    )
    atts = attribute(make_context(text, "cs", DAY))
    assert not any("european-union" in a.speakers for a in atts), atts
