"""The fast paths of the actor stage give what the plain algorithms give: word splitting,
trie matching (with and without role slots) and the office-holder index."""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing.extract.actors.index import (
    _END,
    SLOT,
    Entry,
    Match,
    Trie,
    longest_matches,
    name_trie,
    role_trie,
)
from briefing.extract.actors.text import Words, article_keys, words
from briefing.kb import knowledge_base
from briefing.nlp.normalize import normalize

TEXTS = {
    "en": "The US Secretary of State Antony Blinken met NATO Secretary General Jens "
    "Stoltenberg in Brussels. Russia's foreign minister Sergei Lavrov said Moscow would "
    "respond, according to Mélanie Joly, Canada's foreign minister.",
    "ro": "Secretarul general al NATO, Jens Stoltenberg, a declarat că ministrul rus de "
    "externe Serghei Lavrov a vorbit cu Statele Unite.",
    "pl": "Minister spraw zagranicznych Rosji Siergiej Ławrow rozmawiał z Blinkenem. "
    "Rosja i Ukraina, powiedziała Anna Kowalska.",
    "fa": "آنتونی بلینکن وزیر امور خارجه آمریکا با سرگئی لاوروف در ژنو دیدار کرد. روسیه گفت.",
    "ar": "قال وزير الخارجية الأمريكي أنتوني بلينكن إن روسيا ـــ وأوكرانيا.",
}


Row = tuple[int, int, int, str, str, tuple[str, ...], int]


def _rows(ws: Words) -> list[Row]:
    columns = (ws.start, ws.end, ws.raw, ws.folded, ws.keys, ws.sentence)
    return list(zip(range(len(ws)), *columns, strict=True))


def _plain_words(text: str, norm: str, lang: str, starts: list[int]) -> list[Row]:
    """The word splitting as first written: one regex match at a time."""
    drop = str.maketrans({"\u0640": None, "ё": "е", "ґ": "г"})
    out: list[Row] = []
    for m in re.finditer(r"[^\W_]+", norm):
        start, end = m.span()
        folded = m.group().translate(drop)
        if not folded:
            continue
        sent = max(0, sum(1 for s in starts if s <= start) - 1)
        raw = text[start:end]
        out.append((len(out), start, end, raw, folded, article_keys(raw, folded, lang), sent))
    return out


def _plain_matches(ws: Words, trie: Trie, slots: Mapping[int, int] | None = None) -> list[Match]:
    """Longest matches as first written: a frontier of (node, word, slot) for every start."""
    out: list[Match] = []
    i = 0
    while i < len(ws):
        best: Match | None = None
        frontier: list[tuple[Trie, int, tuple[int, int] | None]] = [(trie, i, None)]
        while frontier:
            nxt: list[tuple[Trie, int, tuple[int, int] | None]] = []
            for node, k, slot in frontier:
                if k > i and _END in node and (best is None or k > best.j):
                    best = Match(i, k, tuple(Entry(*e) for e in node[_END]), slot)
                if k >= len(ws):
                    continue
                for key in ws.keys[k]:
                    if key in node:
                        nxt.append((node[key], k + 1, slot))
                if slots and SLOT in node and k in slots and k > i:
                    nxt.append((node[SLOT], slots[k], (k, slots[k])))
            frontier = nxt
        if best is None:
            i += 1
        else:
            out.append(best)
            i = best.j
    return out


def _words_of(text: str, lang: str) -> Words:
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    return words(text, normalize(text), lang, starts)


def test_words_match_the_one_match_at_a_time_split():
    for lang, text in TEXTS.items():
        norm = normalize(text)
        starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
        assert _rows(words(text, norm, lang, starts)) == _plain_words(text, norm, lang, starts)


def test_words_split_at_underscores():
    text = "snake_case NATO_Russia, Blinken_"
    norm = normalize(text)
    ws = words(text, norm, "en", [0])
    assert _rows(ws) == _plain_words(text, norm, "en", [0])
    assert ws.raw == ["snake", "case", "NATO", "Russia", "Blinken"]


def test_words_before_the_first_sentence_and_tatweel_only_words():
    text = "Xx \u0640\u0640 روسیه. Yy"
    ws = words(text, normalize(text), "ar", [3, 13])
    assert ws.raw == ["Xx", "روسیه", "Yy"]
    assert len(ws) == 3
    assert ws.sentence == [0, 0, 1]


def test_name_matches_equal_the_frontier_walk():
    for lang, text in TEXTS.items():
        ws = _words_of(text, lang)
        assert longest_matches(ws.keys, name_trie(lang)) == _plain_matches(ws, name_trie(lang))


def test_role_matches_with_slots_equal_the_frontier_walk():
    kb = knowledge_base()
    for lang, text in TEXTS.items():
        ws = _words_of(text, lang)
        bodies = [
            m
            for m in longest_matches(ws.keys, name_trie(lang))
            if (a := kb.actors.get(m.entries[0].target)) and a.type in ("state", "organization")
        ]
        slots = {m.i: m.j for m in bodies}
        got = longest_matches(ws.keys, role_trie(lang), slots)
        assert got == _plain_matches(ws, role_trie(lang), slots)
        assert got, lang


def test_office_holders_index_equals_a_scan_of_every_office():
    kb = knowledge_base()
    pairs = {(o.role, o.of) for a in kb.actors.values() for o in a.offices}
    for role, of in pairs | {(role, None) for role, _ in pairs} | {("no-such-role", None)}:
        scan = [
            (a, o)
            for a in kb.actors.values()
            for o in a.offices
            if o.role == role and (of is None or o.of == of)
        ]
        assert kb.holders(role, of) == scan


def test_marked_words_give_the_starts_each_step_finds_itself():
    from briefing.extract.actors import _marker
    from briefing.extract.actors.discover import _name_like, reported_starts
    from briefing.extract.actors.index import _shape, _starts
    from briefing.extract.actors.text import marked_words

    for lang, text in [*TEXTS.items(), ("ar", "Xx \u0640\u0640 روسیه. Yy")]:
        norm = normalize(text)
        starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
        ws, picked, marks = marked_words(text, norm, lang, starts, _marker(lang))
        assert _rows(ws) == _rows(words(text, norm, lang, starts))
        keys = list(ws.keys)
        for n, trie in ((0, name_trie(lang)), (1, role_trie(lang))):
            expected = _starts(trie, _shape(trie)[0], keys)
            assert [(k, m[n]) for k, m in zip(picked, marks, strict=True) if m[n]] == expected
        reported = sorted(
            {k + (n == 3) for k, m in zip(picked, marks, strict=True) for n in (2, 3) if m[n]}
        )
        assert reported == reported_starts(ws.folded, lang)
        fuzzy = [
            k
            for k, (raw, folded) in enumerate(zip(ws.raw, ws.folded, strict=True))
            if raw[0].isupper() and len(raw) >= 5 and _name_like(raw, folded)
        ]
        assert [k for k, m in zip(picked, marks, strict=True) if m[4]] == fuzzy


def test_word_keys_come_in_a_fixed_order():
    # Trie walks visit a word's keys in order and keep the first path that ends: the order
    # must not depend on Python's hash seed, as a set's does.
    from briefing.extract.actors.text import article_keys, fold

    for raw, lang in (("Blinkenem", "pl"), ("NATO", "en"), ("آمریکاییها", "fa"), ("Rosji", "pl")):
        keys = article_keys(raw, fold(raw), lang)
        assert isinstance(keys, tuple) and list(keys) == sorted(set(keys))


def test_affixes_by_length_strip_what_the_affix_by_affix_loop_strips():
    from briefing.data import load_yaml
    from briefing.extract.actors.text import fold, split_alias, stem, unprefix

    table = load_yaml("lexicons/actors_morphology.yaml")
    min_stem = int(table["min_stem"])

    def longest_first(section: str, lang: str) -> list[str]:
        return sorted({normalize(a) for a in table[section].get(lang, [])}, key=len, reverse=True)

    def plain_stem(folded: str, lang: str) -> str:
        word = folded
        for pre in longest_first("prefixes", lang):
            if word.startswith(pre) and len(word) - len(pre) >= min_stem:
                word = word[len(pre) :]
                break
        for suf in longest_first("suffixes", lang):
            if word.endswith(suf) and len(word) - len(suf) >= min_stem:
                return word[: -len(suf)]
        return word

    kb_words = {fold(w) for a in knowledge_base().aliases for w in split_alias(a.text)}
    text_words = {fold(w) for text in TEXTS.values() for w in split_alias(text)}
    for lang in sorted(set(table["suffixes"]) | set(table["prefixes"])):
        for word in sorted(kb_words | text_words):
            assert stem(word, lang) == plain_stem(word, lang), (word, lang)
            if lang not in table["prefixes"]:
                assert unprefix(word, lang) == word
