"""Sentence boundaries as character offsets into the original text.

Rule-based, after pySBD's golden rules (docs/sentences.md), with what a language does as
data in its pack (``briefing/data/lang/<code>/sentences.yaml``; ``xx`` holds what every
language shares): its end marks (Armenian ``։``, Devanagari ``।``, CJK ``。``, Greek
``;``), the abbreviations that never end a sentence (titles, "e.g."), those that may,
the capitalised words that open one (the test after an abbreviation, an initial, a dotted
acronym or an ordinal number), and whether a number with a stop is an ordinal ("7. März").

What the brief needs on top: a line break always ends a sentence (headlines); a quotation
or bracket that closes later on the same line keeps its full stops, so that a quotation
stays with its attribution ("…,” Blinken said.); the text is never changed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from briefing.models import Sentence

_BASE_MARKS = ".!?…"
# Closing quotes and brackets glued to an end mark ('great."', '„Lust.“', '(1997).)'),
# and the bidirectional controls an Arabic text may wrap a stop in.
_BIDI_CHARS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CLOSERS = "\"'”’»«“‘›‹)]}」』）》〉】］" + _BIDI_CHARS
_OPENERS = "\"'“„«»‘‚‹(［[{「『（《〈【¿¡"
_DASHES = "-–—‒―⁃•"
_BIDI = dict.fromkeys(map(ord, _BIDI_CHARS))
_OPEN_BRACKETS = "([{「『（《〈【［"
_CLOSE_BRACKETS = ")]}」』）》〉】］"
_QUOTE_CHARS = "\"'“”„‚‘’«»‹›"
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's sentence data, with what every language shares (``xx``) merged in."""

    marks: str  # every end mark
    glued: frozenset[str]  # marks that end a sentence with no space after (。 ። ।)
    prefixes: frozenset[str]  # never end a sentence ("dr", "e.g", "ул")
    abbreviations: frozenset[str]  # end one only before a starter ("etc", "co", "г")
    numeric: frozenset[str]  # never end one before a number ("no", "art"); else a word
    starters: frozenset[str]  # lower-cased words that open a sentence ("the", "hvad")
    ordinal_dot: bool  # "7. März": a short number with a stop is an ordinal
    pattern: re.Pattern[str]


def _words(entry: dict, key: str) -> set[str]:
    return {str(w).lower().rstrip(".") for w in entry.get(key) or ()}


@cache
def rules(lang: str) -> Rules:
    """The sentence rules of ``lang`` (the shared ones alone for a language without a pack)."""
    from briefing.langpacks import section

    packs = section("sentences")
    shared = packs.get("xx") or {}
    own = packs.get(lang) if lang != "xx" else None
    if own is None:
        # No pack: every script's own marks (never the ASCII ones a language borrows).
        marks = "".join(
            m for p in packs.values() for m in p.get("end_marks") or () if not m.isascii()
        )
        own = {}
    else:
        marks = "".join(own.get("end_marks") or ())
    marks = "".join(dict.fromkeys(_BASE_MARKS + "".join(shared.get("end_marks") or ()) + marks))
    glued = frozenset(m for m in marks if not m.isascii() and m != "…")
    cls, close = re.escape(marks), re.escape(_CLOSERS)
    # A run of end marks, closers between or after them, spaced dots (". . ."), and a
    # French closing guillemet after a space ("partons. »").
    pattern = re.compile(
        rf"[{cls}]+(?:(?: \.(?=[\s{close}]|$))+|[{close}]+[{cls}]+)*[{close}]*"
        r"(?:[ \u00a0\u202f]»(?=\s|$|[.,;:]))?(?![0-9])"
    )
    return Rules(
        marks=marks,
        glued=glued,
        prefixes=frozenset(_words(shared, "prefixes") | _words(own, "prefixes")),
        abbreviations=frozenset(_words(shared, "abbreviations") | _words(own, "abbreviations")),
        numeric=frozenset(_words(shared, "numeric") | _words(own, "numeric")),
        starters=frozenset(_words(own, "starters") | _words(shared, "starters")),
        ordinal_dot=bool(own.get("ordinal_dot", False)),
        pattern=pattern,
    )


# Splits done by another process (the probing workers) for texts this one is about to
# split: (text, lang) -> the sentences' start and end offsets, each used once.
_GIVEN: dict[tuple[str, str], Sequence[int]] = {}


def give_split(text: str, lang: str, bounds: Sequence[int]) -> None:
    """Hands :func:`split_sentences` the split of ``text`` in ``lang`` made elsewhere (its
    sentences' start and end offsets, in order, as :func:`split_bounds` gives them): the
    next call for the same text and language returns it instead of splitting again."""
    _GIVEN[(text, lang)] = bounds


def forget_given() -> None:
    """Drops the splits handed over and not used (a long-lived process's next batch
    has other texts)."""
    _GIVEN.clear()


def split_bounds(sentences: Sequence[Sentence]) -> array:
    """The start and end offsets of ``sentences``, for :func:`give_split` (compact to
    pickle: one machine integer each)."""
    return array("q", [x for s in sentences for x in (s.start, s.end)])


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences of ``text``: lines are never joined; offsets index ``text`` itself.
    A quotation that closes later on the same line is kept whole, so that its attribution
    ("…,” Blinken said.) stays in the sentence it belongs to."""
    if _GIVEN:
        given = _GIVEN.pop((text, lang), None)
        if given is not None:
            return [
                Sentence(i, a, b, text[a:b])
                for i, (a, b) in enumerate(zip(given[::2], given[1::2], strict=True))
            ]
    r = rules(lang)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        cuts, markers = _list_cuts(text, start, end)
        current = start  # where the sentence being read began: quotations count from there
        for m in r.pattern.finditer(text, start, end):
            if m.start() in markers:
                continue
            cut = _boundary(text, m.start(), m.end(), current, end, r)
            if cut is not None:
                cuts.append(cut)
                current = cut[1]
        if len(cuts) > 1:
            cuts.sort()
        for stop, nxt in cuts:
            if stop > start:
                _emit(text, start, stop, spans)
                start = max(start, nxt)
        _emit(text, start, end, spans)
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(spans)]


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    seg = text[start:end]
    stripped = seg.strip()
    if not stripped:
        return
    start += len(seg) - len(seg.lstrip())
    end = start + len(stripped)
    if _ALNUM.search(stripped) is None:
        # Punctuation left alone (a stray '".'): it closes the sentence before it, on the
        # same line; never a sentence of its own.
        if out and _LINE_BREAK.search(text, out[-1][1], start) is None:
            out[-1] = (out[-1][0], end)
        return
    out.append((start, end))


_ALNUM = re.compile(r"[^\W_]")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


# --- one run of end marks -------------------------------------------------------------


def _boundary(
    text: str, rs: int, re_: int, line_start: int, line_end: int, r: Rules
) -> tuple[int, int] | None:
    """Where the sentence ends and the next begins if the run ``text[rs:re_]`` ends one
    (``line_start``: where the sentence that holds it began)."""
    run = text[rs:re_]
    after = re_
    if after < line_end and not text[after].isspace():
        return _glued(text, rs, re_, run, line_start, line_end, r)
    nxt = after
    while nxt < line_end and text[nxt].isspace():
        nxt += 1
    marks = run.rstrip(_CLOSERS + " \u00a0\u202f")
    closed = any(c in _CLOSERS for c in run)
    if " ." in marks:
        return _spaced_ellipsis(text, rs, re_, marks, nxt, line_end, r)
    if nxt >= line_end:
        return (re_, re_)
    before = text[rs - 1] if rs > line_start else " "
    if marks[0] in ".…" and before in "[(":
        return None  # "[...]": an omission, not an end
    if _inside_pair(text, line_start, re_, line_end):
        return None
    kind, word, pos = _next_word(text, nxt, line_end)
    if kind == "lower":
        # A question mark before a lower-case word ends a sentence ("кім? не?") unless a
        # dash or a closing quote ties it to what follows ('so? -- a bit', '?” he asked');
        # a full stop does not ("NATO. and believed": an abbreviation or a broken text).
        if marks[-1] in "?;" and not closed and pos == nxt:
            return (re_, nxt)
        return None
    if kind == "other":
        return None
    if marks == "." and not _period_ends(text, rs, line_start, kind, word, pos, r):
        return None
    return (re_, nxt)


def _glued(
    text: str, rs: int, re_: int, run: str, line_start: int, line_end: int, r: Rules
) -> tuple[int, int] | None:
    """A run with no space after it: a script's own mark ("。", "።"), or a stop between two
    words where the space was lost ("است.به", "жағдайы.XVIII")."""
    marks = run.rstrip(_CLOSERS + " \u00a0\u202f")
    if marks[-1] in r.glued:
        if len(marks) == len(run) and _inside_pair(text, line_start, rs, line_end):
            return None
        return (re_, re_)
    if marks != ".":
        return None
    prev = text[rs - 1] if rs else ""
    nxt = text[re_]
    if _ARABIC.match(prev) and _ARABIC.match(nxt) and nxt.isalpha():
        return (re_, re_)
    if not nxt.isupper():
        return None
    token = _token_before(text, rs, line_start)[0]
    if len(token) < 2 or not token.isalpha() or not token.islower():
        return None
    if token in r.prefixes or token in r.abbreviations:
        return None
    # Not a URL, address or file name ("example.Com", "mail@site.Org").
    s = rs
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = re_
    while e < len(text) and not text[e].isspace():
        e += 1
    if any(c in text[s:e] for c in "@/\\_:"):
        return None
    return (re_, re_)


def _spaced_ellipsis(
    text: str, rs: int, re_: int, marks: str, nxt: int, line_end: int, r: Rules
) -> tuple[int, int] | None:
    """ ". . ." after a space is an omission ("weakened . . . was"); four dots after a space
    end a sentence ("a period . . . . Next"); a stop glued to a word and followed by
    ". . ." ends the sentence there, the ellipsis opening the next ("compounds. . . . The")."""
    glued_start = rs > 0 and not text[rs - 1].isspace()
    if nxt >= line_end:
        return (re_, re_)
    kind, _word, _pos = _next_word(text, nxt, line_end)
    if kind in ("lower", "other"):
        return None
    if glued_start and marks[0] == "." and marks[1:2] == " ":
        return (rs + 1, rs + 2)
    if marks.count(".") >= 4:
        return (re_, nxt)
    return None


def _next_word(text: str, pos: int, end: int) -> tuple[str, str, int]:
    """The kind of what follows a run ("lower", "upper", "caseless", "digit", "other"), the
    word itself and where its first letter is, past opening quotes, brackets and dashes."""
    i = pos
    while i < end and (text[i] in _OPENERS or text[i] in _DASHES or text[i].isspace()):
        i += 1
    if i >= end:
        return "other", "", i
    ch = text[i]
    if ch == "…" or text.startswith("...", i):
        return "ellipsis", "", i  # "raak. ...en toen": a sentence may open with one
    if ch.isdigit():
        return "digit", "", i
    if not ch.isalpha():
        return "other", "", i
    word = _WORD.match(text, i, end).group()
    if ch.islower():
        return "lower", word, i
    if ch.isupper():
        return "upper", word, i
    return "caseless", word, i


def _token_before(text: str, pos: int, line_start: int) -> tuple[str, int]:
    """The word that ends at ``pos`` (a stop) and where it starts, without opening quotes,
    an elided article ("l'Avv" -> "Avv") or bidirectional controls."""
    start = pos
    while start > line_start and not text[start - 1].isspace() and text[start - 1] not in '(„“«"':
        start -= 1
    word = text[start:pos].translate(_BIDI).lstrip(_OPENERS)
    for apos in "'’":
        if apos in word:
            word = word.rsplit(apos, 1)[1]
    return word, start


def _period_ends(
    text: str, rs: int, line_start: int, kind: str, word: str, pos: int, r: Rules
) -> bool:
    """Whether the full stop at ``rs`` ends the sentence, the next word being ``word`` of
    ``kind`` (upper, caseless, digit or ellipsis) at ``pos``."""
    token, start = _token_before(text, rs, line_start)
    low = token.lower()
    if low in r.prefixes:
        return False
    if low in r.numeric:
        return kind != "digit"
    if low in r.abbreviations or _DOTTED.fullmatch(token):
        return kind != "digit" and _starts(word, text, pos, r)
    if len(token) == 1 and token.isalpha():
        return kind != "digit" and _starts(word, text, pos, r)
    if token.isdigit():
        # An ordinal ("7. März"), unless an abbreviation counts it ("godz. 12.", "Nr. 5.").
        if r.ordinal_dot and len(token) <= 3 and not _counted(text, start, line_start, r):
            return kind != "digit" and _starts(word, text, pos, r)
        return True
    if r.ordinal_dot and token.isupper() and _ROMAN.fullmatch(token):
        return kind != "digit" and _starts(word, text, pos, r)
    return True


def _counted(text: str, start: int, line_start: int, r: Rules) -> bool:
    """The word before ``start`` is an abbreviation with its stop ("godz.", "Nr.")."""
    j = start
    while j > line_start and text[j - 1].isspace():
        j -= 1
    if j == start or j <= line_start or text[j - 1] != ".":
        return False
    low = _token_before(text, j - 1, line_start)[0].lower()
    return low in r.prefixes or low in r.abbreviations


def _starts(word: str, text: str, pos: int, r: Rules) -> bool:
    """``word`` (at ``pos``) opens a sentence: one of the language's starters and not
    itself an initial ("А. И. Семенов"). In a caseless script, only a listed starter does."""
    if not word:
        return False
    end = pos + len(word)
    if len(word) == 1 and end < len(text) and text[end] == ".":
        return False
    return word.lower() in r.starters


# --- quotations and brackets ----------------------------------------------------------


def _inside_pair(text: str, start: int, pos: int, line_end: int) -> bool:
    """``pos`` lies inside a quotation or bracket opened since ``start`` that closes later
    on the line (within 600 characters)."""
    stack: list[str] = []
    for m in _PAIR_CHAR.finditer(text, start, pos):
        ch = m.group()
        i = m.start()
        if ch in _OPEN_BRACKETS:
            stack.append(_CLOSE_BRACKETS[_OPEN_BRACKETS.index(ch)])
        elif ch in _CLOSE_BRACKETS:
            if ch in stack:
                while stack.pop() != ch:
                    pass
        else:
            role = _quote_role(text, i, start)
            if role == "open":
                stack.append("q")
            elif role == "close" and "q" in stack:
                while stack.pop() != "q":
                    pass
    if not stack:
        return False
    want = stack[-1]
    limit = min(line_end, pos + 600)
    if want != "q":
        return text.find(want, pos, limit) >= 0
    return any(
        _quote_role(text, m.start(), start) == "close"
        for m in _QUOTE_CHAR.finditer(text, pos, limit)
    )


_PAIR_CHAR = re.compile(f"[{re.escape(_OPEN_BRACKETS + _CLOSE_BRACKETS + _QUOTE_CHARS)}]")
_QUOTE_CHAR = re.compile(f"[{re.escape(_QUOTE_CHARS)}]")


def _quote_role(text: str, i: int, start: int) -> str:
    """ "open", "close" or "" (an apostrophe, or no telling) for the quote mark at ``i``,
    from what stands on either side of it, whatever the quoting style („…“, “…”, «…»,
    »…«, "…"): after a space and before a word it opens, after a word and before a space
    or punctuation it closes; spaced on both sides (French « … »), its shape decides."""
    ch = text[i]
    if ch in "„‚":
        return "open"
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev_free = prev.isspace() or prev in _OPEN_BRACKETS or prev in _DASHES or prev in ":"
    nxt_word = nxt.isalnum() or nxt in "¿¡"
    if prev_free:
        if nxt_word:
            return "open"
        if ch in "«“‹‘":
            return "open"
        return "close" if ch in "»”›’" else ""
    if nxt_word and prev.isalnum():
        return ""  # one’s, l'Avv
    return "close"


# --- numbered and lettered lists --------------------------------------------------------

_ITEM = r"(?:\d{1,2}|[a-z])(?:\.\)|\.|\))\s"
_LIST_AT_START = re.compile(rf"[ \t•⁃*]*{_ITEM}")
_LIST_AFTER_COLON = re.compile(rf":[ \t•⁃*]*(?={_ITEM})")
_MARKER = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[•⁃*]))(?:(?P<num>\d{1,2})|(?P<let>[a-z]))(?P<mark>\.\)|\.|\))"
    r"(?=\s+[^\W\d_])",
    re.M,
)
_NONE: frozenset[int] = frozenset()


def _list_cuts(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """Boundaries before the items of an inline list that opens the line or follows a
    colon: "1. The first item 2. The second item", "• 9. … • 10. …", "a. … b. …",
    "1) … 2) …". Only consecutive numbers (or letters) in one style count, each item
    opening with a capital. Also the positions of the items' own stops, which end nothing."""
    if _LIST_AT_START.match(text, start, end):
        first = start
    else:
        colon = _LIST_AFTER_COLON.search(text, start, end) if ":" in text[start:end] else None
        if colon is None:
            return [], _NONE
        first = colon.end()
    items: list[tuple[int, int, str, bool, int]] = []
    for m in _MARKER.finditer(text, first, end):
        after = m.end()
        while after < end and text[after].isspace():
            after += 1
        if after >= end or not text[after].isupper():
            continue
        key = int(m.group("num")) if m.group("num") else ord(m.group("let"))
        items.append((m.start(), key, m.group("mark"), m.group("let") is not None, m.start("mark")))
    if len(items) < 2 or text[first : items[0][0]].strip(" \t•⁃*"):
        return [], _NONE
    chain = [items[0]]
    for it in items[1:]:
        prev = chain[-1]
        if it[1] == prev[1] + 1 and it[2] == prev[2] and it[3] == prev[3]:
            chain.append(it)
    if len(chain) < 2:
        return [], _NONE
    cuts = []
    for s, *_ in chain[1:]:
        b = s
        while b > start and (text[b - 1].isspace() or text[b - 1] in "•⁃*"):
            b -= 1
        while b < s and text[b].isspace():
            b += 1
        cuts.append((b, b))
    return cuts, frozenset(it[4] for it in chain if it[2].startswith("."))
