"""Titles give no position of their own when the body reports their speaker, and a verb
that marks its subject's gender (Arabic, Hebrew) does not take a masculine head as its
subject."""

from __future__ import annotations

import pytest

from briefing import langpacks
from briefing.extract.attribution import attribute
from briefing.extract.positions import extract_positions, title_line
from tests.extract.analysis_support import context_with_actors

ACTORS = {
    "russia": ("Russia", "state", ["Russia", "Ryssland", "روسيا"]),
    "ukraine": ("Ukraine", "state", ["Ukraine", "Ukraina", "أوكرانيا"]),
    "the-west": ("The West", "other", ["the West", "الغرب"]),
    "nato": ("NATO", "organization", ["NATO", "حلف شمال الأطلسي"]),
}

BODY_SV = (
    "Ryssland vill öppna exporten\n\n"
    "Ryssland kräver att sanktionerna mot landets jordbruksbank hävs innan avtalet förlängs."
)


def _sentences(text: str, lang: str):
    return context_with_actors(text, lang, ACTORS).sentences


def test_a_subheading_between_blank_lines_is_a_title():
    first, body = _sentences(BODY_SV, "sv")
    assert title_line(BODY_SV, first)
    assert not title_line(BODY_SV, body)


def test_a_first_line_before_a_capital_is_a_title_but_a_wrapped_line_is_not():
    text = "Russia wants exports reopened\nMoscow said on Monday that it wants talks."
    assert title_line(text, _sentences(text, "en")[0])
    wrapped = (
        "أعلنت روسيا من جانب واحد الانسحاب مما يسمى اتفاقية\n"
        "الحبوب والتي يتم بموجبها التصدير الآمن للحبوب من أوكرانيا.\n"
    )
    assert not any(title_line(wrapped, s) for s in _sentences(wrapped, "ar"))


def test_a_title_statement_gives_no_position_when_the_body_reports_its_speaker():
    ctx = context_with_actors(BODY_SV, "sv", ACTORS)
    assert any(a.sentence.index == 0 for a in attribute(ctx))  # the title is attributed
    positions = extract_positions(ctx)
    assert positions
    cited = {c.start for p in positions for c in p.citations}
    assert 0 not in cited  # but only the body gives Russia's position
    assert {p.actor for p in positions} == {"russia"}


def test_a_title_statement_alone_stays_a_position():
    text = "Ryssland vill öppna exporten\n\nSpannmålspriserna steg kraftigt under veckan."
    positions = extract_positions(context_with_actors(text, "sv", ACTORS))
    assert [p.actor for p in positions] == ["russia"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # A feminine verb after "أن" shares the sentence's subject: the masculine noun
        # after it is the object.
        (
            "ونقلت روسيا آلاف الجنود إلى حدودها مع أوكرانيا، قبل أن تطالب الغرب بوقف توسع "
            "حلف شمال الأطلسي.",
            ("russia",),
        ),
        # A masculine verb takes the same noun as its subject.
        ("وطالب الغرب روسيا بسحب قواتها من حدود أوكرانيا.", ("the-west",)),
    ],
)
def test_arabic_verb_gender_chooses_the_subject(text, speakers):
    ctx = context_with_actors(text, "ar", ACTORS)
    found = [a.speakers for a in attribute(ctx) if a.kind == "demands"]
    assert found and found[0] == speakers


def test_feminine_verb_forms_are_verbs_of_their_pack():
    packs = langpacks.section("reporting")
    with_agreement = [c for c, p in packs.items() if (p or {}).get("feminine_verbs")]
    assert {"ar", "he"} <= set(with_agreement)
    for code in with_agreement:
        pack = packs[code]
        verbs = {v for cues in pack["verbs"].values() for v in cues}
        assert set(pack["feminine_verbs"]) <= verbs, code
        assert pack.get("masculine_subjects"), code
