"""Offset-preserving normalisation for matching.

Every function here maps one character to exactly one character, so an index into the
normalised text is an index into the original: citations never drift.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_MAP: dict[str, str] = {
    # Arabic letters written in Persian text, and Persian letters in Arabic text.
    "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
    "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
    "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
    "\u0622": "\u0627",  # ALEF WITH MADDA -> ALEF
    "\u0671": "\u0627",  # ALEF WASLA -> ALEF
    "\u200c": " ",  # ZERO WIDTH NON-JOINER separates clitics: a space for matching
    "\u200d": " ",
    "\u00a0": " ",
    "\u202f": " ",
    # Romanian cedilla forms -> comma-below forms.
    "\u015f": "\u0219",
    "\u015e": "\u0218",
    "\u0163": "\u021b",
    "\u0162": "\u021a",
    # Typographic apostrophes and dashes.
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2013": "-",
    "\u2014": "-",
}
for _i in range(10):
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits


@cache
def _fold_char(ch: str) -> str:
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped.lower()
    if unicodedata.category(ch) == "Mn" and "\u064b" <= ch <= "\u065f":
        return "\u0640"  # Arabic harakat: neutral filler, then ignored by patterns
    low = ch.lower()
    return low if len(low) == 1 else ch


# Characters that ``str.lower`` leaves as they are but ``_fold_char`` changes: after one
# C-speed ``lower()``, only these need a second look.
_SPECIAL: dict[str, str] = {
    ch: _fold_char(ch) for ch in [*_MAP, *map(chr, range(0x064B, 0x0660))] if _fold_char(ch) != ch
}
_SPECIAL_RE = re.compile("[" + "".join(map(re.escape, sorted(_SPECIAL))) + "]")


def _special(m: re.Match[str]) -> str:
    return _SPECIAL[m.group()]


def normalize(text: str) -> str:
    """Lower-cased, script-folded copy of ``text`` with the same length."""
    low = text.lower()
    # ``lower()`` matches ``_fold_char`` character for character except where it changes
    # the length ("İ" -> "i̇") or reads the context (a final "Σ" -> "ς"): those texts take
    # the character-by-character path. (Checked for every code point in the tests.)
    if len(low) != len(text) or "Σ" in text:
        return "".join(_fold_char(ch) for ch in text)
    return _SPECIAL_RE.sub(_special, low)


_DIGITS = {ch: _MAP[ch] for ch in _MAP if ch.isdigit()}
_DIGITS_RE = re.compile("[" + "".join(sorted(_DIGITS)) + "]")


def digits_to_ascii(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII digits (same length)."""
    if text.isascii():
        return text
    return _DIGITS_RE.sub(lambda m: _DIGITS[m.group()], text)
