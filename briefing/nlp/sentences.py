"""Sentence boundaries as character offsets into the original text.

spaCy's blank ``sentencizer`` merges headlines into the next sentence, splits after
abbreviations such as Polish ``tys.`` and misses Persian stops with no following space
(``است.به``); this splitter handles all three and never changes the text.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.data import load_yaml
from briefing.models import Sentence

_ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
# A terminator, optional closing quotes/brackets, then either whitespace or (Arabic script
# only) the next word glued on.
_END = re.compile(
    r"(?P<term>[.!?؟…]+|[。])(?P<close>[\"'”’»)\]]*)"
    rf"(?:(?P<space>\s+)|(?=[{_ARABIC_LETTER}]))"
)
_OPENERS = "\"'“„«(‘[–—-"


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    table = load_yaml("lexicons/abbreviations.yaml") or {}
    words = set(table.get("all", []))
    words.update(table.get(lang, []))
    return frozenset(w.lower().rstrip(".") for w in words)


def _token_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (the terminator's position)."""
    start = pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '("„“«':
        start -= 1
    return text[start:pos]


def _month_follows(text: str, pos: int, lang: str) -> bool:
    from briefing.nlp.dates import month_at

    return month_at(text, pos, lang)


def _is_boundary(text: str, m: re.Match[str], lang: str) -> bool:
    term = m.group("term")
    after = m.end()
    nxt = text[after] if after < len(text) else ""
    if not nxt:
        return True
    if term == ".":
        word = _token_before(text, m.start())
        bare = word.lower().lstrip(_OPENERS)
        if bare in _abbreviations(lang):
            return False
        # Initials and dotted acronyms: "J. Biden", "U.S. officials".
        if len(bare) == 1 and bare.isalpha():
            return False
        if re.fullmatch(r"(?:\w\.)+\w", bare):
            return False
        if bare.isdigit() and (nxt.islower() or _month_follows(text, after, lang)):
            return False  # ordinal numbers: "7. grudnia", German "13. März"
    if m.group("space") is None:
        # Glued stop: only between Arabic-script words (Persian "است.به").
        return True
    if nxt.islower():
        return False  # "NATO. and believed": a broken translation, not a new sentence
    return not nxt.isdigit() or term != "."


_QUOTES = '„“”«»"'


def _quote_depth(text: str, start: int, end: int) -> int:
    """Open quotations in ``text[start:end]``: a quote mark after a space opens, one after a
    letter or punctuation closes, whatever the quoting style („…”, “…”, «…», "…")."""
    depth = 0
    for q in _QUOTE_MARK.finditer(text, start, end):
        i = q.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        if ch in "„«" or (ch != "»" and (prev.isspace() or prev in "([–—-")):
            depth += 1
        elif depth:
            depth -= 1
    return depth


_QUOTE_MARK = re.compile(f"[{_QUOTES}]")
_CLOSING_MARK = re.compile('[”»“"]')


def _closes_later(text: str, pos: int, end: int) -> bool:
    return _CLOSING_MARK.search(text, pos, min(end, pos + 600)) is not None


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences of ``text``: lines are never joined; offsets index ``text`` itself.
    A quotation that closes later on the same line is kept whole, so that its attribution
    ("…,” Blinken said.) stays in the sentence it belongs to."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        start = line.start()
        seg_end = line.end()
        for m in _END.finditer(text, line.start(), seg_end):
            if not _is_boundary(text, m, lang):
                continue
            if (
                not m.group("close")
                and _quote_depth(text, start, m.start()) > 0
                and _closes_later(text, m.end(), seg_end)
            ):
                continue
            end = m.start("space") if m.group("space") is not None else m.end()
            _emit(text, start, end, out)
            start = m.end()
        _emit(text, start, seg_end, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(len(out), start, end, text[start:end]))
