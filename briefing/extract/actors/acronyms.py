"""Bodies named by an acronym the article defines in parentheses.

"Rapid Support Forces (RSF)", "Forces de soutien rapide (FSR)", "Snagama za brzu podršku
(RSF)": news define an acronym once, after the body's full name, and use it alone after
that. The full name is the capitalised run right before the parenthesis (through the short
lower-case words inside a name: "Forças Democráticas para a Libertação de Ruanda"; in
languages that capitalise only a name's first word, through the lower-case words up to that
first word: "Forces de soutien rapide"). Two cases:

- the name before the parenthesis is a knowledge-base actor ("República Democrática do
  Congo (RDC)"): the acronym names that actor wherever the article writes it;
- otherwise a body the knowledge base lacks: an organisation named in English by its full
  name when the article is English, else by its acronym (the one name every language's
  reader shares), mentioned at its full name and at every later use of the acronym.

One regular-expression pass over the article's text finds the parentheses; the rest works
on the few words around each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from briefing.extract.actors.groups import plain
from briefing.extract.actors.index import Found
from briefing.extract.actors.roles import gap, joined
from briefing.extract.actors.text import Words, is_acronym
from briefing.kb import KnowledgeBase, slug, stop_words
from briefing.langpacks import section

# "(RSF)", "(M23)", "(FDLR)", "(ДСОР)": two to eight letters or digits, capitals.
_DEFINED = re.compile(r"\(\s*([^\W_][^\W_]{1,7})\s*\)")
_MAX_NAME = 10  # words of a full name at most
_REACH = 6  # lower-case words between a name's capitalised first word and the parenthesis
_CASELESS = frozenset({"ar", "fa", "he", "ur"})
# Languages that write a body's head noun at the end of a compound ("Sicherheitsrat",
# "Generaldirektion", "puolustusvoimat").
_COMPOUNDING = frozenset({"de", "nl", "sv", "da", "fi", "et", "hu"})
_CONNECTOR = 4  # one or two lower-case words of this many letters or fewer join a name's words


def defined_acronyms(
    ws: Words,
    text: str,
    found: Sequence[Found],
    blocked: set[int],
    lang: str,
    kb: KnowledgeBase,
) -> tuple[list[Found], dict[str, str]]:
    """Mentions of bodies named by a defined acronym, and the names (id -> name) of those
    the knowledge base lacks."""
    if "(" not in text:
        return [], {}
    starts = ws.start
    at: dict[int, Found] = {}
    for f in found:
        if f.kind != "role":
            for k in range(f.i, f.j):
                at.setdefault(k, f)
    stops = stop_words(lang) | stop_words("en")
    out: list[Found] = []
    names: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        letters = sum(ch.isalpha() for ch in acronym)
        if letters < 2 or not is_acronym(acronym):
            continue
        k = bisect_left(starts, m.start(1))
        if k >= len(ws) or starts[k] != m.start(1) or k in at or k in blocked or k == 0:
            continue
        prev = k - 1
        if ws.sentence[prev] != ws.sentence[k] or gap(ws, text, prev, k).strip() != "(":
            continue
        owner = at.get(prev)
        target: str | None = None
        first: int | None = None
        if owner is not None:
            actor = kb.actors.get(owner.actor)
            if actor is None or actor.type == "person" or owner.j != k:
                continue
            if not _inside_longer_name(ws, text, owner.i, stops):
                target = owner.actor
        if target is None:
            if lang in _CASELESS:
                first = _caseless_start(ws, text, prev, lang)
            else:
                first = _name_start(ws, text, prev, at, blocked, stops, kb)
                if first is not None and not any(
                    _body_word(ws.folded[n], lang) for n in range(first, k)
                ):
                    # "Forces de soutien du Nord": a head noun further back, through
                    # lower-case words; else a plan, a weapon, a plant: no body.
                    first = _head_before(ws, text, first, lang, stops)
            if first is None or k - first < 2:
                continue
            name = text[starts[first] : ws.end[prev]] if lang == "en" else acronym
            target = slug(name)
            if target in kb.actors or not target:
                continue
            names.setdefault(target, name)
            out.append(Found(first, k, target, "discovered"))
        else:
            out.append(Found(k, k + 1, target, "name"))
        out.extend(
            Found(n, n + 1, target, "name")
            for n in _uses(ws, acronym, k)
            if n not in at and n not in blocked
        )
    return out, names


def _uses(ws: Words, acronym: str, defined_at: int) -> list[int]:
    raws = ws.raw
    return [n for n in range(defined_at + 1, len(raws)) if raws[n] == acronym]


def _capitalised(raw: str) -> bool:
    return raw[:1].isupper() and not raw.isupper() if len(raw) > 1 else False


def _inside_longer_name(ws: Words, text: str, i: int, stops: frozenset[str]) -> bool:
    """A known name that ends a longer capitalised name ("... Libertação de Ruanda")."""
    if i == 0 or not joined(ws, text, i - 1, i):
        return False
    before = ws.raw[i - 1]
    if _capitalised(before) and ws.folded[i - 1] not in stops:
        return True
    return before.islower() and len(before) <= _CONNECTOR


def _name_start(
    ws: Words,
    text: str,
    prev: int,
    at: dict[int, Found],
    blocked: set[int],
    stops: frozenset[str],
    kb: KnowledgeBase,
) -> int | None:
    """The first word of the capitalised name that ends at ``prev``, or None: no word of
    a person's name, an outlet's or an event's is in it."""
    raw, folded = ws.raw, ws.folded

    def free(n: int) -> bool:
        if n in blocked:
            return False
        f = at.get(n)
        if f is None:
            return True
        actor = kb.actors.get(f.actor)
        return actor is not None and actor.type != "person"

    def joining(j: int) -> int | None:
        """The capitalised word before the one or two short lower-case words that end at
        ``j`` ("Democráticas para a Libertação", "Forces for the Liberation")."""
        n = j
        while n >= 0 and j - n < 2 and raw[n].islower() and len(raw[n]) <= _CONNECTOR:
            if not joined(ws, text, n, n + 1):
                return None
            n -= 1
        if n == j or n < 0 or not joined(ws, text, n, n + 1):
            return None
        return n if _capitalised(raw[n]) and folded[n] not in stops and free(n) else None

    i = prev
    # Back to the nearest capitalised word, through lower-case words.
    while not (_capitalised(raw[i]) and folded[i] not in stops):
        if i == 0 or prev - i >= _REACH or not joined(ws, text, i - 1, i) or not free(i - 1):
            return None
        i -= 1
    if not free(i):
        return None
    # Then over the capitalised words before it, and short words joining two of them.
    while i > 0 and prev - i < _MAX_NAME - 1 and joined(ws, text, i - 1, i):
        before = raw[i - 1]
        if _capitalised(before) and folded[i - 1] not in stops and free(i - 1):
            i -= 1
        elif (n := joining(i - 1)) is not None and prev - n < _MAX_NAME and not _opens(ws, n):
            i = n
        else:
            break
    return i


@cache
def _body_stems(lang: str) -> tuple[str, ...]:
    """The language pack's head nouns of organisations (names.yaml ``body_words``)."""
    words = (section("names").get(lang) or {}).get("body_words") or []
    return tuple(plain(str(w)) for w in words)


def _body_word(folded: str, lang: str) -> bool:
    """Whether a word is a head noun of an organisation ("Forces", "Snagama", "Kommission",
    "Generaldirektion", "قوات")."""
    stems = _body_stems(lang)
    if not stems:
        return False
    word = plain(folded)
    if lang == "ar":
        word = word.removeprefix("ال")
    if word.startswith(stems):
        return True
    return lang in _COMPOUNDING and word.endswith(stems)


def _caseless_start(ws: Words, text: str, prev: int, lang: str) -> int | None:
    """Without capital letters, a name defined by an acronym starts at its head noun, the
    first word of an Arabic, Persian or Hebrew body's name ("قوات الدعم السريع"): the
    nearest such word within reach before the parenthesis, joined to the rest."""
    n = prev
    while n >= 0 and prev - n < _REACH:
        if _body_word(ws.folded[n], lang):
            return n if prev > n else None
        if n == 0 or not joined(ws, text, n - 1, n):
            return None
        n -= 1
    return None


def _opens(ws: Words, n: int) -> bool:
    """Whether word ``n`` opens its sentence (capitalised whatever it is)."""
    return n == 0 or ws.sentence[n - 1] != ws.sentence[n]


def _head_before(ws: Words, text: str, first: int, lang: str, stops: frozenset[str]) -> int | None:
    """A capitalised head noun before ``first``, through lower-case words within reach."""
    n = first
    while n > 0 and first - n < _REACH and joined(ws, text, n - 1, n):
        n -= 1
        raw = ws.raw[n]
        if _capitalised(raw) and ws.folded[n] not in stops:
            return n if _body_word(ws.folded[n], lang) else None
        if not raw.islower():
            return None
    return None
