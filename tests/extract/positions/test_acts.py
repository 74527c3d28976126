"""Acts that state a stance (positions.acts): an actor that ratified, signed, blocked,
accused or voted holds a position though no verb of saying stands, its line says what was
done, and a negated act is read the other way. Real sentences on NATO and EU diplomacy
and the Russia-Ukraine war (channel8.com, newsoftheworld.us, wnoz.de/dpa, 2024-2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.positions import extract_positions
from briefing.extract.positions.acts import ACTS, act_cues, act_line
from briefing.langpacks import registry
from tests.conftest import make_context

DAY = dt.date(2024, 2, 27)


def _positions(text: str, lang: str):
    return extract_positions(make_context(text, lang, DAY))


@pytest.mark.parametrize(
    ("text", "lang", "actor", "head", "kind"),
    [
        (
            "Turkey ratified Sweden’s NATO accession just last month, with the long delay "
            "sparked by what Ankara cited as security concerns.",
            "en",
            "turkey",
            "Ratified",
            "supports",
        ),
        (
            "Hungary also signed a deal for four Swedish-made fighter jets on Friday.",
            "en",
            "hungary",
            "Signed",
            "supports",
        ),
        (
            "Ungarns Ministerpräsident Viktor Orban blockierte wochenlang eine "
            "EU-Entscheidung zur Verlängerung von Russland-Sanktionen.",
            "de",
            "viktor-orban",
            "Blocked",
            "rejects",
        ),
    ],
)
def test_an_act_is_a_position_whose_line_says_what_was_done(text, lang, actor, head, kind):
    ps = [p for p in _positions(text, lang) if p.actor == actor]
    assert ps, [(p.actor, p.stance) for p in _positions(text, lang)]
    p = ps[0]
    assert p.stance.startswith(head) and p.stance_kind == kind
    assert p.citations[0].sentence == text


def test_without_the_act_there_is_no_position():
    # The same sentence with a verb that states nothing: no position of Hungary.
    text = "Hungary also bought a deal for four Swedish-made fighter jets on Friday."
    assert not [p for p in _positions(text, "en") if p.actor == "hungary"]


def test_a_negated_act_turns_its_kind_and_its_line():
    text = "Hungary has not ratified Sweden’s NATO accession, the government said on Friday."
    ps = [p for p in _positions(text, "en") if p.actor == "hungary"]
    assert ps and all(p.stance_kind == "rejects" for p in ps)
    assert any(p.stance.startswith("Did not ratify") for p in ps)


def test_act_line_keeps_a_line_of_another_kind():
    assert act_line("signed", "supports", "Supports (on NATO)") == "Signed (on NATO)"
    assert act_line("signed", "rejects", "Rejects (on NATO)") == "Did not sign (on NATO)"
    # "uznał" is also "admitted": a verb of saying keeps its own line.
    assert act_line("recognised", "says", "States a view (on NATO)") == "States a view (on NATO)"
    assert act_line(None, "says", "States a view") == "States a view"


def test_every_pack_lists_the_acts():
    cues = act_cues()
    for code in registry():
        acts = cues.get(code) or {}
        missing = [
            a for a in ("voted_for", "voted_against", "signed", "withdrew") if not acts.get(a)
        ]
        assert not missing, (code, missing)
        assert set(acts) <= set(ACTS)


def test_an_act_with_nothing_after_it_is_still_a_position():
    # Adapted from the same reports: votes named with no object.
    ps = _positions("China and India abstained, while Russia voted against.", "en")
    got = {(p.actor, p.stance) for p in ps}
    assert ("china", "Abstained (on Russia)") in got or ("china", "Abstained") in got
    assert ("russia", "Voted against") in got


def test_recognised_before_a_clause_is_no_recognition():
    # "uznała, że": admitted that; "uznała niepodległość": recognised.
    assert not _positions("Polska uznała, że rozmowy zawiodły.", "pl")
    (p,) = _positions("Polska uznała niepodległość Ukrainy.", "pl")
    assert p.stance.startswith("Recognised") and p.stance_kind == "supports"


def test_an_act_another_speaker_reports_is_that_speakers_statement():
    text = "Orban said Sweden signed the agreement on Friday."
    ps = _positions(text, "en")
    assert not [p for p in ps if p.actor == "sweden"]
