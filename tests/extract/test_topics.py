"""The analyst-edited lexicons: cue syntax, and every entry valid in every language."""

from __future__ import annotations

import re

import pytest

from briefing.extract.attribution import lexicon
from briefing.extract.positions import STANCE_KINDS, stance_line
from briefing.extract.topics import compile_cues, cue_regex, match_topics, topics
from briefing.nlp.normalize import normalize

LANGS = ["en", "pl", "ro", "fa", "de", "fr", "es", "it", "ar", "ru", "uk"]


@pytest.mark.parametrize(
    ("cue", "text", "hit"),
    [
        ("sankcj*", "nowe sankcje wobec Rosji", "sankcje"),
        ("sanctions", "sanctionsx", None),
        ("security guarantee*", "legal security  guarantees", "security  guarantees"),
        (
            "embargo .. technolog*",
            "embargo na niektóre amerykańskie technologie",
            "embargo na niektóre amerykańskie technologie",
        ),
        ("re:\\d+ troops", "8500 troops", "8500 troops"),
        ("گفت و گو*", "گفت و گوی آتی", "گفت و گوی"),
    ],
)
def test_cue_syntax(cue, text, hit):
    m = re.search(cue_regex(cue), normalize(text))
    assert (m.group() if m else None) == (normalize(hit) if hit else None)


def test_arabic_cues_match_after_glued_conjunctions():
    rx = compile_cues(["قال"], "ar")
    assert rx is not None and rx.search(normalize("وقال الوزير"))
    assert compile_cues(["قال"], "fa").search(normalize("وقال")) is None


def test_every_lexicon_compiles_in_every_language():
    for lang in LANGS:
        lex = lexicon(lang)
        assert lex.verbs and lex.according is not None and lex.pronouns is not None, lang
        assert match_topics(normalize("nothing here"), lang) == []


def test_taxonomy_is_complete():
    for topic in topics().values():
        assert topic.label and topic.claims
        for claim in topic.claims:
            for kind in STANCE_KINDS:
                line = stance_line(topic, claim, kind)
                assert line and line[0].isupper() and line.isascii(), (topic.key, claim.key)


def test_a_taxonomy_error_names_the_entry():
    from briefing.extract.topics import Claim, Topic, _check

    bad = Topic("t", "T", (Claim("c", "x", 2, None, {}, None, None, False),), None)
    with pytest.raises(ValueError, match=r"t\.c: polarity"):
        _check(bad)


@pytest.mark.parametrize(
    "text",
    [
        "(nato) russia’s «sanctions» d'accord l'union  a-șa iran-backed",
        "",
        "  ‖ x ab abc abcd ,, ;x (y «zz»",
        normalize("Президент России заявил, что санкции — «нелегитимны»."),
    ],
)
def test_text_keys_among_is_the_intersection(text):
    from briefing.extract.topics import CueIndex, text_keys, text_keys_among

    index = CueIndex([["russia", "san*"], ["security .. guarantees", "d'accord"]], "en")
    among = index.all_keys | frozenset({"(na", "nat", "ab", "abc", "zz»", "x"})
    assert text_keys_among(text, among) == text_keys(text) & among
    keys = text_keys(text)
    assert index.candidates(keys) == index.candidates(text_keys_among(text, index.all_keys))
