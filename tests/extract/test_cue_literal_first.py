"""Cue regexes rewritten for speed (literal first, grouped by first literal, searches
skipped by text keys) match exactly as written."""

from __future__ import annotations

import re

import pytest

from briefing.extract.topics import CueIndex, compile_cues, cue_regex, text_keys
from briefing.nlp.alternation import alternation

CUES = {
    "pl": [
        "sankcj*",
        "Nord Stream 2",
        "NATO .. rozszerzeni*",
        "re:wojsk\\w+",
        "#x",
        "a",
        "nowe sankcje",
        "nie",
        "re:(?<!\\w)nie(?!\\w)",
        "re:(?<!\\w)n?ato",
    ],
    "de": ["Sanktionen", "Verhandlung*", "Ost-Erweiterung", "-gestützt", "lehnt ... ab"],
    "ar": ["عقوبات", "حلف .. الناتو", "الاتحاد الأوروبي"],
    "fa": ["re:(?<!\\w)گفت(?!\\w)(?!\\s*و\\s*گو)(?!وگو)", "گفت و گو*", "گزارش داد*"],
    "ru": ["санкци*", "расширени* .. нато"],
    # Ten first letters and more: the branches go under one \b.
    "en": [
        "said",
        "says",
        "told",
        "warned",
        "asked",
        "urged",
        "noted",
        "added",
        "rejected",
        "denied",
        "claimed",
        "backed",
        "-backed",
        "re:(?<!\\w)said(?!\\w)",
        "according to",
        "in a statement",
        "on .. standby",
        "official*",
        "9 troops",
    ],
}
TEXTS = [
    "Sankcje, sankcjami i (sankcjach) — nowe sankcje; Nord Stream 2 oraz NATO nie ma rozszerzenia.",
    "Antysankcje nie liczą się: xsankcje ani wojskami. #x a ba a nato ato",
    "Die Sanktionen und Verhandlungen; keine Ost-Erweiterung, iran-gestützt. Er lehnt es ab, und",
    "فرض عقوبات والعقوبات حلف شمال الأطلسي الناتو و الاتحاد الأوروبي",
    "او گفت و گو را رد کرد و گفت که گزارش داده است؛ گفتگو",
    "санкции и антисанкции; расширение на восток НАТО",
    "He said (warned) Iran-backed, -backed unsaid; officials told: according to 19 troops, 9 troops",
    "Saidx asked_ urged-noted added rejected, denied.claimed ON full STANDBY in a statement",
]


def _spans(rx: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    return [m.span() for m in rx.finditer(text, start, end)]


def _plain(lang: str) -> str:
    """The cues as written: one regex each, longest first, look-behind first."""
    rxs = [cue_regex(c, lang) for c in CUES[lang]]
    raw = {cue_regex(c, lang): f"(?:{c[3:]})" for c in CUES[lang] if c.startswith("re:")}
    return "|".join(raw.get(rx, rx) for rx in sorted(set(rxs), key=len, reverse=True))


@pytest.mark.parametrize("lang", sorted(CUES))
def test_same_matches_as_the_look_behind_form(lang):
    plain = re.compile(_plain(lang))
    fast = compile_cues(CUES[lang], lang)
    assert fast is not None
    for text in (t.lower() for t in TEXTS):
        assert _spans(fast, text) == _spans(plain, text)
        # Searching from inside the text still sees the character before the start.
        for start in range(0, len(text), 7):
            assert _spans(fast, text, start, len(text) - 3) == _spans(
                plain, text, start, len(text) - 3
            )


@pytest.mark.parametrize("lang", sorted(CUES))
def test_same_backtracking_inside_a_larger_pattern(lang):
    fast = compile_cues(CUES[lang], lang)
    assert fast is not None
    for tail in (r"\s*$", r"\s+\w{1,3}\s*$", r"(?:\s+\S+){0,2}\s*[,.;]"):
        plain = re.compile(f"(?:{_plain(lang)}){tail}")
        grouped = re.compile(f"(?:{fast.pattern}){tail}")
        for text in (t.lower() for t in TEXTS):
            for cut in range(1, len(text), 3):
                a, b = plain.search(text[:cut]), grouped.search(text[:cut])
                assert (a and a.span()) == (b and b.span())


def test_groups_cues_by_first_literal_in_order():
    rxs = [r"(?<!\w)(?:nato)(?!\w)", r"(?<!\w)(?:\-backed)", r"(?<!\w)(?:nie)(?!\w)", "(?:x|y)"]
    assert alternation(rxs) == (
        r"n(?<!\w.)(?:(?:ato)(?!\w)|(?:ie)(?!\w))|\-(?<!\w.)(?:backed)|(?:x|y)"
    )
    many = [rf"(?<!\w)(?:{c}x)" for c in "abcdefghij"] + [r"(?<!\w)(?:\-y)"]
    assert alternation(many) == (
        r"\-(?<!\w.)(?:y)|\b(?:" + "|".join(f"{c}(?:x)" for c in "abcdefghij") + ")"
    )
    kept = [r"(?<!\w)(?:[وف]?[بل]?)(?:عقوبات)(?!\w)", r"(?<!\w)(?:\s+x)"]
    assert alternation(kept) == "|".join(kept)


def test_raw_cues_take_the_plain_form_only_when_it_is_the_same_regex():
    assert cue_regex("re:(?<!\\w)ab(?!\\w)") == r"(?<!\w)(?:ab(?!\w))"
    for body in [r"(?<!\w)a|b", r"(?<!\w)(a)b", r"(?<!\w)a?b", r"(?<!\w)(?!x)ab", r"ab"]:
        assert cue_regex("re:" + body) == f"(?:{body})"


@pytest.mark.parametrize("lang", sorted(CUES))
def test_cue_index_never_skips_a_match(lang):
    lists = [[c] for c in CUES[lang]] + [CUES[lang][:3], []]
    index = CueIndex(lists, lang)
    rxs = [compile_cues(cues, lang) for cues in lists]
    for text in (t.lower() for t in TEXTS):
        for a in range(0, len(text), 5):
            for b in range(a + 1, len(text) + 1, 9):
                may = set(index.candidates(text_keys(text[a:b])))
                for i, rx in enumerate(rxs):
                    if rx is not None and rx.search(text[a:b]):
                        assert i in may, (CUES[lang], i, text[a:b])
                    # A search with bounds sees less than the whole sentence's keys.
                    if rx is not None and rx.search(text, a, b):
                        assert i in set(index.candidates(text_keys(text))), (i, text)


def test_text_keys_hold_word_starts_inside_tokens():
    keys = text_keys("(nato, russia’s -backed")
    assert {"(na", "nat", "rus", "s", "-ba", "bac"} <= keys
