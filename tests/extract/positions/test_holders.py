"""Who holds a view when the subject names no actor itself: a counted collective subject
("the three countries") stands for each member named before it; a verb with no subject
goes on with every speaker of the statement before; "X:n mukaan" reports the rest of the
sentence; a person closing a post-posed speaker phrase is the speaker, not the state that
qualifies them."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.attribution import attribute
from briefing.extract.positions.holders import counted_subject
from briefing.langpacks import registry, section
from tests.conftest import make_context

DAY = dt.date(2023, 8, 10)
_BALTS = {"lithuania", "latvia", "estonia"}


def _held(text: str, lang: str) -> set[tuple[str, str]]:
    ctx = make_context(text, lang, DAY)
    return {(a, att.kind) for att in attribute(ctx) for a in att.speakers}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Lithuania, Latvia and Estonia met NATO officials in Vilnius. "
            "The three countries condemned the Russian strikes on Monday.",
        ),
        (
            "pt",
            "A Lituânia, a Letónia e a Estónia reuniram-se em Vilnius com a NATO. "
            "Os três países condenaram os ataques russos.",
        ),
        (
            "pl",
            "Litwa, Łotwa i Estonia spotkały się w Wilnie z przedstawicielami NATO. "
            "Trzy kraje potępiły rosyjskie ataki.",
        ),
        (
            "de",
            "Litauen, Lettland und Estland trafen sich in Vilnius mit der NATO. "
            "Die drei Staaten verurteilten die russischen Angriffe.",
        ),
    ],
)
def test_a_counted_group_holds_the_view_for_each_member(lang, text):
    held = _held(text, lang)
    assert {a for a, k in held if k == "rejects"} >= _BALTS
    assert ("nato", "rejects") not in held


def test_a_count_larger_than_the_states_named_names_nobody():
    held = _held(
        "Lithuania and Latvia met in Vilnius. The three countries condemned the strikes.", "en"
    )
    assert not any(k == "rejects" for _a, k in held)


def test_counted_subject_needs_the_group_right_before_the_verb():
    text = "Lithuania, Latvia and Estonia met. The three countries, NATO said, condemned it."
    ctx = make_context(text, "en", DAY)
    s = ctx.sentences[-1]
    verb = text.index("condemned")
    by = ctx.mentions_by_sentence()
    assert counted_subject("en", text, ctx.norm, s.start, verb, s.index, by, ctx.actors) == ()


def test_every_registry_language_has_a_holders_pack():
    # The registry's completeness (the 31 languages) is tests/lang/test_langpacks.py's.
    packs = section("holders")
    for code in registry():
        pack = packs.get(code) or {}
        assert pack.get("numbers") and pack.get("states") and pack.get("persons"), code


def test_a_verb_with_no_subject_goes_on_with_every_speaker():
    text = "Polonia y Lituania condenaron los ataques rusos. Exigieron además un alto el fuego."
    ctx = make_context(text, "es", DAY)
    last = [att for att in attribute(ctx) if att.sentence.index == 1]
    assert last and set(last[0].speakers) == {"poland", "lithuania"}


def test_according_after_reports_the_rest_of_the_sentence():
    text = "Naton mukaan Venäjän hyökkäykset jatkuvat Ukrainassa."
    ctx = make_context(text, "fi", DAY)
    atts = [att for att in attribute(ctx) if att.via == "according"]
    assert atts and atts[0].speakers == ("nato",)
    said = " ".join(text[a:b] for a, b in atts[0].content)
    assert "hyökkäykset" in said and "Naton" not in said


def test_a_person_past_the_search_closes_the_speaker_phrase():
    text = (
        "„Ukrajinu budeme podporovat tak dlouho, jak bude potřeba,“ uvedl po "
        "jednání ministrů zahraničí v Bruselu polský premiér Donald Tusk."
    )
    held = _held(text, "cs")
    assert any(a == "donald-tusk" for a, _k in held)
    assert not any(a == "poland" for a, _k in held)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "da",
            '"Vi støtter Ukraine fuldt ud," sagde Olena Kovalenko, Ukraines viceminister, '
            "til pressen i Bruxelles.",
            "olena-kovalenko",
        ),
        (
            "nl",
            "De steun aan Oekraïne moet doorgaan, zegt de Nederlandse boer in Oekraïne "
            "Jan Smit tegen de NOS.",
            "jan-smit",
        ),
        (
            "da",
            '"Rusland må stoppe angrebene nu," siger Ukraines FN-ambassadør, Serhij '
            "Kyslytsja, om angrebet.",
            "serhij-kyslytsja",
        ),
    ],
)
def test_the_name_closing_a_post_posed_speaker_phrase_speaks(lang, text, speaker):
    ctx = make_context(text, lang, DAY)
    speakers = {a for att in attribute(ctx) for a in att.speakers}
    assert speaker in speakers
    assert "ukraine" not in speakers


def test_a_place_before_a_post_posed_name_stays_a_place():
    text = (
        "De steun aan Oekraïne moet doorgaan, zegt de Nederlandse boer in Oekraïne "
        "Jan Smit tegen de NOS."
    )
    ctx = make_context(text, "nl", DAY)
    assert "ukraine" in ctx.actors and "jan-smit" in ctx.actors


def test_a_bare_verb_after_a_quotation_goes_on_with_the_last_speaker():
    text = (
        "O presidente francês, Emmanuel Macron, disse que a Europa apoia a Ucrânia. "
        '"Continuaremos a ajudar Kiev", acrescentou, após a reunião da NATO em Bruxelas.'
    )
    ctx = make_context(text, "pt", DAY)
    last = [att for att in attribute(ctx) if att.sentence.index == 1]
    assert last and last[0].speakers == ("emmanuel-macron",)


def test_a_verb_after_an_apposition_keeps_its_subject():
    text = (
        "O presidente francês, Emmanuel Macron, disse que a Europa apoia a Ucrânia. "
        "A Polónia, vizinha da Ucrânia, anunciou, sem mais pormenores, novas sanções."
    )
    ctx = make_context(text, "pt", DAY)
    last = [att for att in attribute(ctx) if att.sentence.index == 1]
    assert last and "emmanuel-macron" not in last[0].speakers


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Poland and Lithuania condemned the Russian strikes. They demanded a ceasefire."),
        (
            "fr",
            "La Pologne et la Lituanie ont condamné les frappes russes. Ils ont exigé un cessez-le-feu.",
        ),
    ],
)
def test_a_plural_pronoun_stands_for_every_speaker_before(lang, text):
    ctx = make_context(text, lang, DAY)
    last = [att for att in attribute(ctx) if att.sentence.index == 1]
    assert last and set(last[0].speakers) == {"poland", "lithuania"}
