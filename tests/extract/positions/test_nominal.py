"""Stances held in a noun ("a ceasefire proposal from the US", "Putin's proposal") and
documents as holders ("The resolution calls for …": the body that adopted it). Real
sentences from reporting on the Russia–Ukraine war (the `pages` corpus)."""

from __future__ import annotations

import datetime as dt

from briefing.extract.attribution import attribute
from briefing.extract.positions import extract_positions
from briefing.extract.positions.nominal import _nouns, nominal_attributions
from briefing.langpacks import registry, section
from tests.conftest import make_context

DAY = dt.date(2025, 3, 13)


def _nominal(text: str, lang: str = "en") -> set[tuple[str, str]]:
    ctx = make_context(text, lang, DAY)
    return {
        (a, att.kind) for att in nominal_attributions(ctx, attribute(ctx)) for a in att.speakers
    }


def test_the_owner_after_a_link_holds_the_proposal():
    text = (
        "The Russia-Ukraine conflict remains at a standstill as Moscow dismisses a 30-day "
        "ceasefire proposal from the US."
    )
    assert ("united-states", "offers") in _nominal(text)
    ctx = make_context(text, "en", DAY)
    positions = extract_positions(ctx)
    assert any(p.actor == "united-states" and p.stance_kind == "offers" for p in positions)
    # The speaker of the sentence keeps their own stance.
    assert any(p.actor == "russia" and p.stance_kind == "rejects" for p in positions)


def test_a_noun_that_is_also_a_verb_needs_a_possessive():
    # "calls" is the verb here: its subject speaks, no noun stance is read off it.
    text = "The resolution calls for a quick end to the conflict and mourns the loss of life in the war."
    assert not any(k == "demands" and a != "un-security-council" for a, k in _nominal(text))


def test_a_resolution_holds_the_view_of_the_council_that_adopted_it():
    text = (
        "The United Nations Security Council on Monday adopted a U.S.-drafted resolution calling "
        "for a swift end to the Russia-Ukraine conflict and urging lasting peace between Russia "
        "and Ukraine, as the world marked the third anniversary of the full escalation of the "
        "crisis. The resolution calls for a quick end to the conflict and mourns the loss of life "
        "in the war, without placing blame on Russia."
    )
    assert ("un-security-council", "demands") in _nominal(text)


def test_no_document_author_without_a_council_nearby():
    text = "The resolution calls for a quick end to the conflict and mourns the loss of life in the war."
    assert _nominal(text) == set()


def test_every_registry_language_has_stance_nouns_and_resolution_nouns():
    packs = section("holders")
    for code in registry():
        pack = packs.get(code) or {}
        assert pack.get("stance_nouns"), code
        assert pack.get("resolution_nouns"), code
        assert "owner_links" in pack, code
        rx, _links = _nouns(code)
        assert rx is not None and rx.groupindex.keys() >= {"offers", "says", "resolution"}, code


def test_a_lead_naming_actors_only_after_prepositions_leaves_the_subject_after_the_verb():
    # Slovak, free order: the lead names Zelensky after "s" (with); the verb's subject,
    # the Slovak prime minister, follows the verb.
    text = (
        "Ukrajina patrí do Európskej únie. Počas piatkového stretnutia s ukrajinským "
        "prezidentom Volodymyrom Zelenským v Kyjeve to vyhlásil predseda vlády SR Eduard Heger."
    )
    ctx = make_context(text, "sk", dt.date(2022, 4, 8))
    held = {a for att in attribute(ctx) for a in att.speakers}
    assert "eduard-heger" in held
    assert "volodymyr-zelensky" not in held
