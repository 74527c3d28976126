"""Cue regexes rewritten to start with a literal (for speed) match exactly as written."""

from __future__ import annotations

import re

import pytest

from briefing.extract.topics import _literal_first, compile_cues, cue_regex

CUES = {
    "pl": ["sankcj*", "Nord Stream 2", "NATO .. rozszerzeni*", "re:wojsk\\w+", "#x", "a"],
    "de": ["Sanktionen", "Verhandlung*", "Ost-Erweiterung", "-gestützt"],
    "ar": ["عقوبات", "حلف .. الناتو", "الاتحاد الأوروبي"],
    "ru": ["санкци*", "расширени* .. нато"],
}
TEXTS = [
    "Sankcje, sankcjami i (sankcjach) — nowe sankcje; Nord Stream 2 oraz NATO nie ma rozszerzenia.",
    "Antysankcje nie liczą się: xsankcje ani wojskami. #x a ba a",
    "Die Sanktionen und Verhandlungen; keine Ost-Erweiterung, iran-gestützt.",
    "فرض عقوبات والعقوبات حلف شمال الأطلسي الناتو و الاتحاد الأوروبي",
    "санкции и антисанкции; расширение на восток НАТО",
]


def _spans(rx: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    return [m.span() for m in rx.finditer(text, start, end)]


@pytest.mark.parametrize("lang", sorted(CUES))
def test_same_matches_as_the_look_behind_form(lang):
    rxs = sorted({cue_regex(c, lang) for c in CUES[lang]}, key=len, reverse=True)
    plain = re.compile("|".join(rxs))
    fast = compile_cues(CUES[lang], lang)
    assert fast is not None
    for text in (t.lower() for t in TEXTS):
        assert _spans(fast, text) == _spans(plain, text)
        # Searching from inside the text still sees the character before the start.
        for start in range(0, len(text), 7):
            assert _spans(fast, text, start, len(text) - 3) == _spans(
                plain, text, start, len(text) - 3
            )


def test_rewrites_only_a_leading_literal():
    assert _literal_first(r"(?<!\w)(?:nato)(?!\w)") == r"n(?<!\w.)(?:ato)(?!\w)"
    assert _literal_first(r"(?<!\w)(?:\-backed)(?!\w)") == r"\-(?<!\w.)(?:backed)(?!\w)"
    for kept in (r"(?:raw\d)", r"(?<!\w)(?:[وف]?[بل]?)(?:عقوبات)(?!\w)", r"(?<!\w)(?:\s+x)"):
        assert _literal_first(kept) == kept
