r"""Alternations of lexicon entries and cues, as whole words, written for the speed of
Python's regular expression engine.

A pattern that starts with a look-behind (``(?<!\w)(?:talks|meeting|…)``) is tried in
full at every position of the text. Written with each branch's first literal first,
``t(?<!\w.)(?:alks)|m(?<!\w.)(?:eeting)``, the engine knows the characters a match can
start with and skips to them; the branches of one first character are tried in their
order as before. Entries starting with many different letters leave little to skip:
their alternation keeps one look-behind, and its branches are grouped by first letter
(one tried per position instead of every entry). The matches are the same
(``tests/nlp/test_alternation.py`` checks it on random texts); date words are found
1.1-2.3x faster.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable

from briefing.nlp.normalize import normalize

NEVER = r"(?!x)x"  # the alternation of no entries: matches nothing


def longest_first(entry: str) -> tuple[int, str]:
    """Sort key of alternation entries: longest first, so the most specific wins; then by
    text, so that the order (and which of two equally long entries that both match wins)
    never depends on the order of a set, which changes with Python's hash seed."""
    return -len(entry), entry


def lexicon_parts(words: list[str]) -> list[tuple[str, bool]]:
    """The regex of each lexicon entry, normalised, longest first, and whether it is raw:
    ``*`` ends a prefix, ``~`` starts a raw expression, a space matches any run of white
    space."""
    parts = []
    for w in sorted({normalize(str(x)) for x in words}, key=longest_first):
        if w.startswith("~"):
            parts.append((w[1:], True))
        elif w.endswith("*"):
            parts.append((re.escape(w[:-1]).replace(r"\ ", r"\s+") + r"\w*", False))
        else:
            parts.append((re.escape(w).replace(r"\ ", r"\s+"), False))
    return parts


def lexicon_alternation(words: list[str]) -> str:
    """Plain alternation of lexicon entries (see :func:`lexicon_parts`), for use inside a
    larger pattern."""
    return "|".join(rx for rx, _raw in lexicon_parts(words)) or NEVER


def word_alternation(words: list[str], before: str = r"\w", after: str = r"(?!\w)") -> str:
    """``(?<!before)(?:entries)`` + ``after`` for lexicon entries (see
    :func:`lexicon_parts`), written for speed: with :func:`alternation` when every entry
    starts with a literal; else (a raw entry such as ``\\w{3,}ed``, tried at every word
    start anyway) with one look-behind and the entries grouped by first literal."""
    parts = lexicon_parts(words)
    if not parts:
        return NEVER
    firsts = {m.group(1) if (m := _FIRST.match(rx)) else None for rx, _raw in parts}
    if any(raw for _rx, raw in parts) or len(firsts) >= _MANY_FIRSTS:
        return f"(?<!{before})(?:{_by_first_literal(parts)}){after}"
    rxs = [f"(?<!{before})(?:{rx})" for rx, _raw in parts]
    return f"(?:{alternation(rxs, before)}){after}"


def _by_first_literal(parts: list[tuple[str, bool]]) -> str:
    """The alternation of ``parts``, consecutive entries with the same first literal in
    one branch, in their order (the same matches, one branch tried per character)."""
    # A raw entry in a group of its own: its first character may be anything.
    runs = _runs([f"(?:{rx})" if raw else rx for rx, raw in parts], _FIRST.match)
    return "|".join(
        run
        if isinstance(run, str)
        else "|".join(
            f"{k}(?:{v[0]})" if len(v) == 1 else f"{k}(?:{'|'.join(f'(?:{r})' for r in v)})"
            for k, v in run.items()
        )
        for run in runs
    )


def _runs(
    rxs: list[str], first: Callable[[str], re.Match[str] | None]
) -> list[str | dict[str, list[str]]]:
    """``rxs`` in order, each run of consecutive regexes in which ``first`` finds a first
    literal (its group 1) as one dict: literal -> what follows it in each, in order; the
    other regexes as they are."""
    out: list[str | dict[str, list[str]]] = []
    groups: dict[str, list[str]] | None = None
    for rx in rxs:
        m = first(rx)
        if m is None:
            out.append(rx)
            groups = None
            continue
        if groups is None:
            groups = {}
            out.append(groups)
        groups.setdefault(m.group(1), []).append(rx[m.end() :])
    return out


# A regex that starts with the word-start check, then a literal character (escaped, or
# not special).
_LITERAL = r"(\\[^\w\s]|[^\\()\[\]{}|^$.*+?\s])"
_FIRST = re.compile(_LITERAL)
# From this many first characters on, most positions hold one of them: a \b that fails
# inside words (for cues) or one look-behind (for lexicon entries) is cheaper than trying
# every branch there (measured: from 9-10 first characters for cues; English and Polish
# tense cues searched 5-25 % faster with one look-behind than literal first).
_MANY_FIRSTS = 10
_WORD_CHAR = re.compile(r"\w")


def alternation(rxs: list[str], before: str = r"\w") -> str:
    r"""The alternation of the regexes ``rxs``, in this order, written for speed.

    Regexes ``(?<!before)(?:x…`` with the same first literal share one branch: those
    starting with different characters never match at the same place and those of one
    character keep their order, so the engine tries the same regexes in the same order and
    finds the same matches (backtracking alike inside a larger pattern), but tries one
    branch per position instead of every regex. Each starts with its literal and tests
    the word start after it, ``x(?<!before.)(?:…)``, so that the engine can skip to where
    they may match (a leading look-behind is tried at every position, 5-8x slower). With
    ``before`` = ``\w`` and many first letters or digits, those branches go under one
    ``\b`` (before a word character, the same test as ``(?<!\w)``), which fails at once
    inside words: ``\b(?:x(?:…)|y(?:…))``. A regex of another form (raw, Arabic
    proclitic) keeps its place between them."""
    head = f"(?<!{before})(?:"
    start = re.compile(re.escape(head) + _LITERAL + r"(?![?*+{])")
    out = []
    for part in _runs([_ungrouped(rx, head) for rx in rxs], start.match):
        if isinstance(part, str):
            out.append(part)
            continue
        words = []  # branches of a first letter or digit: under one \b
        under_b = before == r"\w" and len(part) >= _MANY_FIRSTS
        for first, tails in part.items():
            # Each tail is the rest of ``(?:x…)…``: its group reopened.
            rests = [f"(?:{t}" for t in tails]
            body = rests[0] if len(rests) == 1 else f"(?:{_factored(rests)})"
            if under_b and _WORD_CHAR.fullmatch(first):
                words.append(f"{first}{body}")
            else:
                out.append(f"{first}(?<!{before}.){body}")
        if words:
            out.append(f"\\b(?:{'|'.join(words)})")
    return "|".join(out)


def _ungrouped(rx: str, head: str) -> str:
    r"""``rx`` = ``head`` + ``(?:x…)…`` (a raw cue made of a cue's regex and more, such as
    an act's verb not followed by a complementizer) as ``head`` + ``x……``: the same regex
    (a group of no alternation and no repeat only groups), which can then start with its
    literal. Other regexes as they are."""
    while rx.startswith(head + "(?:"):
        i = len(head) + 3
        end = _group_end(rx, i)
        if end is None or rx[end + 1 : end + 2] in ("?", "*", "+", "{"):
            return rx
        rx = head + rx[i:end] + rx[end + 1 :]
    return rx


def _group_end(rx: str, i: int) -> int | None:
    """Where the group whose content starts at ``i`` closes; None if its content has an
    alternation of its own (``|`` outside inner groups) or the regex is cut."""
    depth = 1
    n = len(rx)
    while i < n:
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: ``]`` right after ``[`` or ``[^`` is one of its characters
            i += 2 if rx[i + 1 : i + 2] == "^" else 1
            i += 1 if rx[i : i + 1] == "]" else 0
            while i < n and rx[i] != "]":
                i += 2 if rx[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        elif c == "|" and depth == 1:
            return None
        i += 1
    return None


# A regex that opens a group with a literal character that is not repeated: the literal
# can be taken out of the group, in front of it.
# A run of white space before the literal goes with it: the run must end before the
# literal (never white space), so regexes of one white space and literal still match at
# the same places only, and those of different literals never at one place.
_GROUP_LITERAL = re.compile(r"\(\?:((?:\\s\+)?" + _LITERAL + r")(?![?*+{])")


def _factored(rxs: list[str]) -> str:
    r"""``"|".join(rxs)`` for regexes that each open with a group ``(?:…``, with the
    literal that opens several of them taken out in front, again and again (a trie):
    ``(?:said)(?!\w)|(?:says)(?!\w)`` becomes ``s(?:a(?:(?:id)(?!\w)|(?:ys)(?!\w)))``.
    Regexes starting with different characters never match at one place, and those of one
    character keep their order; a regex of another form keeps its place between them: the
    engine tries the same regexes in the same order and finds the same matches, but tries
    one branch per character instead of every regex of a first letter (Romanian and
    Polish have up to 600 reporting cues of one letter)."""
    if len(rxs) < 2:
        return "|".join(rxs)
    out = []
    for part in _runs(rxs, _GROUP_LITERAL.match):
        if isinstance(part, str):
            out.append(part)
            continue
        for first, tails in part.items():
            if len(tails) == 1:
                out.append(f"(?:{first}{tails[0]}")  # as it was
                continue
            out.append(f"{first}(?:{_factored([f'(?:{t}' for t in tails])})")
    return "|".join(out)


# ----------------------------------------------------------- compiled, kept between runs
#
# Python compiles a regular expression in Python code (parse, then code generation): the
# cue alternations of one language took 0.1-0.2 s to compile, in every process that met
# the language, every run. Their compiled code (what ``re`` hands to ``_sre.compile``) is
# kept in the disk cache, one file per language, under the key of the package's sources
# and Python's version; a pattern rebuilt from it equals ``re.compile(pattern)`` (same
# flags, groups and code: ``tests/nlp/test_alternation.py``). Without the cache, or when
# this Python's ``re`` internals differ, patterns are compiled as usual.

_Parts = tuple[int, "array[int]", int, dict[str, int], tuple[str | None, ...]]
_CODES: dict[str, dict[str, _Parts]] = {}  # group -> pattern -> parts
_DIRTY: set[str] = set()


def _parts(pattern: str) -> _Parts:
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, 0)
    code = _compiler._code(p, 0)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # The code as plain unsigned ints (``re`` lists named int constants among them).
    return p.state.flags, array("I", code), p.state.groups - 1, groupindex, tuple(indexgroup)


def _rebuilt(pattern: str, parts: _Parts) -> re.Pattern[str]:
    import _sre  # type: ignore[import-not-found]

    flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)


def _codes(group: str) -> dict[str, _Parts]:
    codes = _CODES.get(group)
    if codes is None:
        from briefing import diskcache

        loaded = diskcache.load(f"regex.{group}")
        codes = _CODES[group] = loaded if isinstance(loaded, dict) else {}
    return codes


def compiled(pattern: str, group: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, its compiled code read from (or added to) the disk cache
    file of ``group`` (a language code): see :func:`save_compiled`."""
    codes = _codes(group)
    parts = codes.get(pattern)
    if parts is not None:
        try:
            return _rebuilt(pattern, parts)
        except Exception:  # another Python's internals: compile it
            pass
    try:
        parts = _parts(pattern)
        rx = _rebuilt(pattern, parts)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern)
    codes[pattern] = parts
    _DIRTY.add(group)
    return rx


def preload_compiled(group: str) -> None:
    """Hand ``re``'s own cache every pattern of ``group``'s cache file, so that code
    outside the project that calls ``re.compile(pattern)`` (flags 0) on one of them gets
    it without compiling it: spaCy's French module compiles its ``token_match`` on
    import (~3 s CPU). A pattern is served only for its identical text, as compiled
    from that text (:func:`compiled`); with other ``re`` internals, nothing is done."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    for pattern, parts in _codes(group).items():
        try:
            rx = _rebuilt(pattern, parts)
        except Exception:  # another Python's internals
            return
        cache[type(pattern), pattern, 0] = rx


def save_compiled() -> None:
    """Write the cache files of the groups that gained patterns since the last call (the
    analysis calls it after each batch of articles; cheap when nothing is new)."""
    if not _DIRTY:
        return
    from briefing import diskcache

    for group in sorted(_DIRTY):
        diskcache.store(f"regex.{group}", _CODES[group])
    _DIRTY.clear()
