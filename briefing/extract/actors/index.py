"""Knowledge-base names and role phrases compiled into word tries, once per language.

A trie maps a sequence of word keys (:mod:`briefing.extract.actors.text`) to what the
sequence names. An article is matched by walking it left to right and keeping the longest
match at each position, so the cost per word is a few dictionary look-ups whatever the
size of the knowledge base.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import compress
from typing import Any, NamedTuple

from briefing.diskcache import cached
from briefing.extract.actors.text import alias_key, fold, memo_many, split_alias
from briefing.kb import knowledge_base, roles, stop_words

SLOT = "*"  # a role-phrase slot for the state adjective: "ministrul * de externe"
_END = ""  # trie key of the entries that end at a node
_KIND_RANK = {"block": 0, "name": 1, "seat": 1, "surname": 2}


class Entry(NamedTuple):
    target: str  # actor id, role key, or "" for a non-actor
    kind: str  # "name" | "surname" | "block" | "role"
    form: str = ""  # the alias, folded: breaks ties between actors sharing a key


@dataclass(slots=True)
class Found:
    """One actor mention over words ``i``..``j`` (exclusive)."""

    i: int
    j: int
    actor: str
    kind: str  # "name" | "surname" | "role" | "discovered" | "fuzzy"


class Match(NamedTuple):
    i: int  # first word
    j: int  # one past the last word
    entries: tuple[Entry, ...]
    slot: tuple[int, int] | None = None  # words filled by the slot, if any


Trie = dict[str, Any]


def _insert(trie: Trie, keys: Sequence[str], entry: Entry) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    bucket = node.setdefault(_END, [])
    if entry not in bucket:
        bucket.append(entry)


def _seal_buckets(node: Trie, rank: bool) -> None:
    """Buckets as tuples of plain tuples, ranked by kind when ``rank``: the collector
    stops tracking those (it never does a tuple subclass), so the tries add little to
    every full collection. A match turns its bucket back into entries. A ranked bucket
    led by a non-actor, or whose entries all name one actor, keeps its first entry only:
    the article's matches then choose between actors only where there is a choice."""
    for key, child in list(node.items()):
        if key != _END:
            _seal_buckets(child, rank)
        else:
            bucket = child
            if rank:
                bucket = sorted(child, key=lambda e: _KIND_RANK.get(e.kind, 3))
                first = bucket[0]
                if first.kind == "block" or all(e.target == first.target for e in bucket):
                    bucket = bucket[:1]
            node[key] = tuple(map(tuple, bucket))


_entry = partial(tuple.__new__, Entry)


def _entries(bucket: tuple[tuple[str, str, str], ...]) -> tuple[Entry, ...]:
    return tuple(map(_entry, bucket))


@cache
def name_trie(lang: str) -> Trie:
    """Every knowledge-base alias (all languages), keyed for articles in ``lang``; kept
    on disk between runs (rebuilt whenever code or data change)."""
    return cached(f"name_trie-{lang}", lambda: _build_name_trie(lang))


def _build_name_trie(lang: str) -> Trie:
    trie: Trie = {}
    kb = knowledge_base()
    # A word-cased acronym that is a common word here names nobody ("Un" in French).
    common = stop_words(lang) | stop_words("en")
    skip = {w for w in kb.word_cased if w.lower() in common}
    for alias in kb.aliases:
        if alias.text in skip:
            continue
        parts = split_alias(alias.text)
        keys = [alias_key(w, lang, single=len(parts) == 1) for w in parts]
        if keys:
            _insert(trie, keys, Entry(alias.actor, alias.kind, fold(alias.text)))
    _seal_buckets(trie, rank=True)
    return trie


@cache
def role_trie(lang: str) -> Trie:
    """Role phrases of ``lang`` and of English (English titles appear everywhere)."""
    trie: Trie = {}
    for key, spec in roles().items():
        phrases = spec.get("phrases", {})
        for phrase_lang in dict.fromkeys([lang, "en"]):
            for phrase in phrases.get(phrase_lang, []):
                keys = [SLOT if w == SLOT else alias_key(w, lang) for w in _split_role(str(phrase))]
                if keys:
                    _insert(trie, keys, Entry(key, "role"))
    _seal_buckets(trie, rank=False)
    return trie


def _split_role(phrase: str) -> list[str]:
    out: list[str] = []
    for part in phrase.split(SLOT):
        if out or part.strip():
            out.extend(split_alias(part))
        out.append(SLOT)
    return out[:-1]


def longest_matches(
    keys_of: Sequence[tuple[str, ...]],
    trie: Trie,
    slots: Mapping[int, int] | None = None,
    starts: Sequence[tuple[int, Step]] | None = None,
) -> list[Match]:
    """Non-overlapping longest matches, left to right, over the words' keys. ``slots``
    maps a word index to the end of a state/organisation mention starting there, for role
    phrases with a slot.
    ``starts``, when given, are the words whose keys open the trie, in order, with their
    :func:`first_step`."""
    out: list[Match] = []
    n = len(keys_of)
    end = 0
    # A match needs its first word's key at the trie's first level (a slot cannot open
    # one), so only those words are tried as starts.
    first, depth = _shape(trie)
    if starts is None:
        starts = _starts(trie, first, keys_of)
    # A slot is only reached at most ``depth`` words after the start; without one in
    # reach, the plain walk below finds the same match.
    slot_starts = sorted(slots) if slots else []
    for i, (children, leaf) in starts:
        if i < end:
            continue
        if slot_starts:
            s = bisect_right(slot_starts, i)
            if s < len(slot_starts) and slot_starts[s] <= i + depth:
                found = _walk_slots(keys_of, trie, slots or {}, i, n)
                if found is not None:
                    out.append(found)
                    end = found.j
                continue
        if leaf is not None:
            # Every path ends after this word: the match is that word.
            out.append(_match((i, i + 1, leaf, None)))
            end = i + 1
            continue
        # Without slots every path advances one word per step, so the frontier is one
        # level of nodes; the longest match is the first node with entries at the
        # deepest level reached. Inline: this loop runs for every candidate start.
        frontier = list(children)
        best: Trie | None = None
        best_j = k = i + 1
        for node in frontier:
            if _END in node:
                best = node
                break
        while frontier and k < n:
            keys = keys_of[k]
            # Trie nodes are never empty, so filter(None) keeps exactly the children.
            if len(frontier) == 1:
                frontier = list(filter(None, map(frontier[0].get, keys)))
            else:
                nxt: list[Trie] = []
                for node in frontier:
                    nxt.extend(filter(None, map(node.get, keys)))
                frontier = nxt
            k += 1
            for node in frontier:
                if _END in node:
                    best, best_j = node, k
                    break
        if best is not None:
            out.append(_match((i, best_j, tuple(map(_entry, best[_END])), None)))
            end = best_j
    return out


_match = partial(tuple.__new__, Match)


def _walk_slots(
    keys_of: Sequence[tuple[str, ...]], trie: Trie, slots: Mapping[int, int], i: int, n: int
) -> Match | None:
    """The longest match from word ``i``, where a slot may stand for a whole state or
    organisation mention; of several as long, the first reached."""
    best: Match | None = None
    frontier: list[tuple[Trie, int, tuple[int, int] | None]] = [(trie, i, None)]
    while frontier:
        nxt: list[tuple[Trie, int, tuple[int, int] | None]] = []
        for node, k, slot in frontier:
            if k > i and _END in node and (best is None or k > best.j):
                best = Match(i, k, _entries(node[_END]), slot)
            if k >= n:
                continue
            for key in keys_of[k]:
                child = node.get(key)
                if child is not None:
                    nxt.append((child, k + 1, slot))
            if SLOT in node and k in slots and k > i:
                nxt.append((node[SLOT], slots[k], (k, slots[k])))
        frontier = nxt
    return best


def _starts(trie: Trie, first: frozenset[str], keys_of: Sequence[tuple[str, ...]]) -> list[Any]:
    """The words whose keys open ``trie`` with their first step. Memoised per key set: one
    small dict look-up per word instead of several in the large first level."""
    opens = memo_many(
        _opens_memo(trie), keys_of, lambda k: _first_step(trie, first, keys_of[k]), _OPENS_MAX
    )
    return list(compress(enumerate(opens), opens))


# The first-level nodes a word's keys reach, and their entries when every path ends there;
# False when the keys open no match.
Step = tuple[tuple[Trie, ...], tuple[Entry, ...] | None] | bool
_OPENS: dict[int, tuple[Trie, dict[tuple[str, ...], Step]]] = {}
_OPENS_MAX = 100_000


def first_step(trie: Trie, keys: tuple[str, ...]) -> Step:
    return _first_step(trie, _shape(trie)[0], keys)


def _first_step(trie: Trie, first: frozenset[str], keys: tuple[str, ...]) -> Step:
    """The first-level nodes ``keys`` reach, in the order the walk visits them, and their
    first entries when no path goes on from any of them; False when none is reached."""
    if first.isdisjoint(keys):
        return False
    children = tuple(filter(None, map(trie.get, keys)))
    if all(len(child) == 1 and _END in child for child in children):
        # Entries are immutable, so matches may share them.
        return children, _entries(children[0][_END])
    return children, None


def _opens_memo(trie: Trie) -> dict[tuple[str, ...], Step]:
    hit = _OPENS.get(id(trie))
    if hit is None or hit[0] is not trie:
        hit = _OPENS[id(trie)] = (trie, {})
    return hit[1]


_SHAPES: dict[int, tuple[Trie, frozenset[str], int]] = {}


def _shape(trie: Trie) -> tuple[frozenset[str], int]:
    """The keys a match can start with, and the longest path in words; the tries are
    built once and never change."""
    hit = _SHAPES.get(id(trie))
    if hit is None or hit[0] is not trie:
        hit = _SHAPES[id(trie)] = (trie, frozenset(trie), _depth(trie))
    return hit[1], hit[2]


def _depth(trie: Trie) -> int:
    # Level by level: a recursive walk of the name trie's ~10,000 nodes was a good part of
    # a language's first article.
    depth = 0
    level = [trie]
    while True:
        level = [child for node in level for key, child in node.items() if key != _END]
        if not level:
            return depth
        depth += 1
