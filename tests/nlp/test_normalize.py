import sys

from briefing.nlp import normalize as norm_mod
from briefing.nlp.normalize import normalize

_fold = norm_mod._fold_char.__wrapped__  # uncached: the test must not fill the cache


def _reference(text: str) -> str:
    return "".join(_fold(ch) for ch in text)


def test_fast_path_equals_character_by_character_for_every_code_point():
    chars = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
    # Each character alone, inside a word, and at a word's end (context-sensitive casing).
    for sample in ("".join(chars), "x".join(chars), " ".join(c + "a" for c in chars)):
        got = normalize(sample)
        assert len(got) == len(sample)
        assert got == _reference(sample)


def test_keeps_length_and_folds_scripts():
    text = "Ministrul ŞTEFAN a spus: «ОДЕСА» — كتاب ۱۴۰۰ İstanbul ΟΔΥΣΣΕΥΣ\u200cها"
    got = normalize(text)
    assert len(got) == len(text)
    assert got == _reference(text)
    assert "ștefan" in got and "۱" not in got and "1400" in got and "\u200c" not in got


def test_arabic_harakat_become_the_neutral_filler():
    assert normalize("كَتَبَ") == "ک\u0640ت\u0640ب\u0640"


def test_digits_to_ascii_only_touches_persian_and_arabic_digits():
    from briefing.nlp.normalize import digits_to_ascii

    assert digits_to_ascii("۳۰ دی ۱۴۰۰، ٢١ يناير ٢٠٢٢, 7 ७") == "30 دی 1400، 21 يناير 2022, 7 ७"
