"""Cue lists and the topic taxonomy, compiled once per process.

Lexicon cues are written by analysts, not programmers, so they use a small syntax
(described in ``docs/analysis.md``) that is compiled here to regular expressions over
the normalised text (``ctx.norm``: lower case, Persian/Arabic letters folded):

* words separated by spaces match any run of whitespace;
* ``*`` at the end of a word matches any word ending (``sankcj*``: sankcje, sankcji...);
* `` .. `` between words allows a gap of up to four words;
* `` ... `` before a last word makes it close the clause, after any number of words
  within it (German separable verbs: ``lehnt ... ab`` in "lehnt die Forderung nach einem
  Verzicht auf die Osterweiterung ab, ...");
* a cue starting with ``re:`` is a raw regular expression.

Cues match at word starts and, unless they end with ``*``, at word ends.
"""

from __future__ import annotations

import re
import re._constants as re_constants
import re._parser as re_parser
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

from briefing.data import load_yaml
from briefing.nlp.alternation import alternation, compiled, longest_first
from briefing.nlp.normalize import normalize

_GAP = r"(?:\s+\S+){0,4}?\s+"
# Up to a clause's length of words without clause punctuation, for a particle that must
# then end the clause (punctuation, sentence end, or a coordinating conjunction).
_CLAUSE_GAP = r"(?:\s+[^\s,.;:!?()\"«»„“”]+){0,16}?\s+"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?()\"«»„“”\u2016]|$)|\s+(?:und|aber|oder|doch|sondern|en|maar)\b)"


# Arabic glues conjunctions and prepositions to the next word ("وقال", "وبحسب",
# "بالعقوبات"): in Arabic, a cue may follow one of them.
_PROCLITICS = {"ar": "(?:[\u0648\u0641]?[\u0628\u0644\u06a9]?)"}


def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def _words_regex(chunk: str) -> str:
    return r"\s+".join(
        re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w) for w in chunk.split()
    )


def cue_regex(cue: str, lang: str | None = None) -> str:
    """The regular expression of one analyst cue (see module docstring)."""
    if cue.startswith("re:"):
        return _raw_regex(cue[3:])
    head, sep, particle = cue.strip().partition(" ... ")
    parts = []
    for i, chunk in enumerate(normalize(head).split(" .. ")):
        parts.append(_words_regex(chunk) if i == 0 else _GAP + _words_regex(chunk))
    if sep:
        parts.append(_CLAUSE_GAP + _words_regex(normalize(particle)) + r"(?!\w)" + _CLAUSE_END)
    body = "".join(parts)
    end = "" if cue.rstrip().endswith("*") or sep else r"(?!\w)"
    prefix = _PROCLITICS.get(lang or "", "") if _is_arabic_script(cue.strip()[:1]) else ""
    return rf"(?<!\w){prefix}(?:{body}){end}"


_WORD_START = "(?<!\\w)"


def _raw_regex(body: str) -> str:
    r"""A raw cue as a group; one that starts with a word-start check and has no
    alternation or capturing group at its top (``(?<!\w)گفت(?!\w)…``) as
    ``(?<!\w)(?:گفت(?!\w)…)``, the form of the other cues: the same regex, which
    :func:`compile_cues` can then start with its literal (see :func:`alternation`)."""
    if body.startswith(_WORD_START) and _is_sequence(body):
        return f"{_WORD_START}(?:{body[len(_WORD_START) :]})"
    return f"(?:{body})"


def _is_sequence(rx: str) -> bool:
    """Whether ``rx`` is a plain sequence (no top-level alternation, no group numbers)
    whose second item is a single literal (not repeated)."""
    try:
        tree = re_parser.parse(rx)
    except re.error:
        return False
    if any(op is re_constants.BRANCH for op, _av in tree.data):
        return False
    if len(tree.data) < 2 or tree.data[1][0] is not re_constants.LITERAL:
        return False
    return tree.state.groups == 1  # group 0 only: nothing captured, nothing referred to


def _cue_words(cue: str, lang: str | None) -> list[str]:
    """The literal words every match of ``cue`` holds (a ``*`` word: its stem), each at a
    word start: after whitespace, or for the first one after punctuation ("(sanctions").
    A first word glued to an Arabic proclitic starts no word: it is left out."""
    head, _sep, particle = cue.strip().partition(" ... ")
    chunks = normalize(head).split(" .. ")
    words = [w for chunk in chunks for w in chunk.split()]
    if _PROCLITICS.get(lang or "") and _is_arabic_script(cue.strip()[:1]) and words:
        words = words[1:]  # glued to a proclitic: it starts no token, nor a word
    words += normalize(particle).split()
    return [w[:-1] if w.endswith("*") else w for w in words]


KEY_LEN = 3


def cue_word_keys(cue: str, lang: str | None = None) -> tuple[str, ...] | None:
    """The first ``KEY_LEN`` characters of every word of ``cue`` that long, longest word
    first: keys every text it matches holds (see :func:`text_keys`); None when it has
    none (raw cues)."""
    if cue.startswith("re:"):
        return None
    words = sorted((w for w in _cue_words(cue, lang) if len(w) >= KEY_LEN), key=len, reverse=True)
    return tuple(dict.fromkeys(w[:KEY_LEN] for w in words)) or None


class CueIndex:
    """Which of several cue lists may match a text, from its :func:`text_keys`: those
    with a cue whose keys are all in the text. The others need no search."""

    __slots__ = ("_always", "_always_bits", "_by_key", "_keys", "all_keys")

    def __init__(self, cue_lists: Iterable[Iterable[str]], lang: str | None = None) -> None:
        # Each cue is looked up by the key of its longest word, the least common one.
        one: dict[str, dict[int, None]] = {}  # cues with no other key: lists they are in
        more: dict[str, dict[tuple[frozenset[str], int], None]] = {}
        always: set[int] = set()  # lists with a cue without keys
        for i, cues in enumerate(cue_lists):
            for c in cues:
                if not (c and c.strip()):
                    continue
                keys = cue_word_keys(c, lang)
                if keys is None:
                    always.add(i)
                elif len(keys) == 1:
                    one.setdefault(keys[0], {})[i] = None
                else:
                    more.setdefault(keys[0], {})[frozenset(keys), i] = None
        # Sets of lists as bits of an int (list i: bit i), cheaper to gather than a set;
        # a cue of more keys adds nothing for a list the key already brings in.
        self._by_key: dict[str, tuple[int, tuple[tuple[frozenset[str], int], ...]]] = {}
        for k in one.keys() | more.keys():
            lists = one.get(k, {})
            self._by_key[k] = (
                _bits(lists),
                tuple((need, 1 << i) for need, i in more.get(k, ()) if i not in lists),
            )
        self._keys = frozenset(self._by_key)
        self._always = tuple(sorted(always))
        self._always_bits = _bits(always)
        # Every key the index looks at: other keys of a text change no answer.
        self.all_keys = self._keys.union(*(need for cues in more.values() for need, _i in cues))

    def candidates(self, keys: AbstractSet[str]) -> Sequence[int]:
        """Indices (in order) of the cue lists that may match a text with ``keys``."""
        present = keys & self._keys
        if not present:
            return self._always
        found = self._always_bits
        by_key = self._by_key
        for k in present:
            lists, cues = by_key[k]
            found |= lists
            for need, bit in cues:
                if need <= keys:
                    found |= bit
        out = []
        while found:
            low = found & -found
            out.append(low.bit_length() - 1)
            found ^= low
        return out


def _bits(indices: Iterable[int]) -> int:
    return sum(1 << i for i in set(indices))


# A word start inside a token follows a character that is no letter, digit or space
# (matched, not looked behind at: the engine then skips to those characters).
_INNER_START = re.compile(rf"[^\w\s](?=(\S{{1,{KEY_LEN}}}))")


def text_keys(text: str) -> set[str]:
    """Every key a cue matching in ``text`` can have: the start of each token, and of
    each word inside one ("(nato", "russia’s"). A superset is harmless: the keys only
    spare searches that cannot match."""
    keys = {t[:KEY_LEN] for t in text.split()}
    keys.update(_INNER_START.findall(text))
    return keys


_FIRST_KEY = itemgetter(slice(0, KEY_LEN))


def text_keys_among(text: str, among: frozenset[str]) -> frozenset[str]:
    """``text_keys(text) & among``, without building the set of every key of the text
    (``among``: the :attr:`CueIndex.all_keys` of the indexes the keys are for)."""
    return among.intersection(chain(map(_FIRST_KEY, text.split()), _INNER_START.findall(text)))


def compile_cues(cues: Iterable[str], lang: str | None = None) -> re.Pattern[str] | None:
    """One alternation of every cue (longest first so the most specific wins), or None.
    ``lang`` enables its clitic rules (Arabic)."""
    rxs = sorted({cue_regex(c, lang) for c in cues if c and c.strip()}, key=longest_first)
    if not rxs:
        return None
    # Compiled once per language and machine, not in every process (nlp.alternation).
    return compiled(alternation(rxs), lang or "any")


def cues_for(table: Mapping[str, Any] | None, lang: str) -> list[str]:
    """Cues of ``lang`` plus those listed under ``all`` (names, acronyms, loanwords)."""
    if not table:
        return []
    out = list(table.get("all") or [])
    out.extend(table.get(lang) or [])
    return [str(c) for c in out]


@dataclass(frozen=True, slots=True)
class Claim:
    key: str
    object: str  # English noun phrase: what is demanded, rejected, assessed...
    polarity: int  # +1 / -1 against the topic's proposition; 0: not comparable
    default_kind: str | None
    lines: Mapping[str, str]  # kind -> full English line, overriding the templates
    part: str | None  # short phrase for "..., including <part>"
    kinds: frozenset[str] | None  # plausible stance kinds; None: any
    opposes_measures: bool  # its speakers argue against sanctions, never propose them


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    label: str
    claims: tuple[Claim, ...]
    default_kind: str | None
    default_claim: str | None = None  # the claim a denial or warning names none of


@dataclass(frozen=True, slots=True)
class TopicHit:
    topic: Topic
    claim: Claim | None
    start: int  # span of the cue in the searched text
    end: int


@cache
def topics() -> dict[str, Topic]:
    table = load_yaml("lexicons/topics.yaml") or {}
    out: dict[str, Topic] = {}
    for key, spec in table.items():
        claims = tuple(
            Claim(
                key=ck,
                object=str(c["object"]),
                polarity=int(c.get("polarity", 0)),
                default_kind=c.get("default_kind"),
                lines=dict(c.get("lines") or {}),
                part=c.get("part"),
                kinds=frozenset(c["kinds"]) if c.get("kinds") else None,
                opposes_measures=bool(c.get("opposes_measures")),
            )
            for ck, c in (spec.get("claims") or {}).items()
        )
        topic = Topic(
            key, str(spec["label"]), claims, spec.get("default_kind"), spec.get("default_claim")
        )
        _check(topic)
        out[key] = topic
    return out


_KINDS = frozenset(
    ["demands", "rejects", "supports", "warns", "threatens", "offers", "denies", "assesses"]
)


def _check(topic: Topic) -> None:
    """Refuse a taxonomy an analyst got wrong, naming the entry, when it loads."""
    where = f"topics.yaml: {topic.key}"
    keys = {c.key for c in topic.claims}
    if topic.default_claim is not None and topic.default_claim not in keys:
        raise ValueError(f"{where}: default_claim {topic.default_claim!r} is no claim")
    for c in topic.claims:
        kinds = {c.default_kind, *(c.kinds or ()), *c.lines} - {None}
        if not kinds <= _KINDS:
            raise ValueError(f"{where}.{c.key}: unknown stance kinds {sorted(kinds - _KINDS)}")
        if c.polarity not in (-1, 0, 1):
            raise ValueError(f"{where}.{c.key}: polarity must be -1, 0 or 1")


_HIT_START = attrgetter("start")


@dataclass(frozen=True, slots=True)
class _TopicCues:
    # Every claim, then the topic itself, of every topic, in the order they are tried.
    patterns: tuple[tuple[Topic, Claim | None, re.Pattern[str] | None], ...]
    index: CueIndex  # of patterns


@cache
def _topic_patterns(lang: str) -> _TopicCues:
    table = load_yaml("lexicons/topics.yaml") or {}
    patterns = []
    cue_lists = []
    for key, topic in topics().items():
        spec = table[key]
        for claim in topic.claims:
            cues = cues_for(spec["claims"][claim.key].get("cues"), lang)
            patterns.append((topic, claim, compile_cues(cues, lang)))
            cue_lists.append(cues)
        cues = cues_for(spec.get("cues"), lang)
        patterns.append((topic, None, compile_cues(cues, lang)))
        cue_lists.append(cues)
    return _TopicCues(tuple(patterns), CueIndex(cue_lists, lang))


def topic_keys(lang: str) -> frozenset[str]:
    """The text keys :func:`match_topics` looks at: it finds the same with only these."""
    return _topic_patterns(lang).index.all_keys


def match_topics(
    norm_text: str,
    lang: str,
    keys: AbstractSet[str] | None = None,
    among: frozenset[str] | None = None,
) -> list[TopicHit]:
    """Topics of a span, in text order; per topic the first listed claim that matches
    (claims are listed most specific first), else the topic alone. ``keys``: the
    :func:`text_keys` of the span, if known; ``among``: only these topics."""
    if keys is None:
        keys = text_keys(norm_text)
    cues = _topic_patterns(lang)
    hits: list[TopicHit] = []
    done: Topic | None = None  # the topic of the last hit: its other cues are not tried
    # Cues that cannot match (most) are skipped; the others are tried in the same order.
    for i in cues.index.candidates(keys):
        topic, claim, rx = cues.patterns[i]
        if topic is done or rx is None or (among is not None and topic.key not in among):
            continue
        m = rx.search(norm_text)
        if m:
            hits.append(TopicHit(topic, claim, m.start(), m.end()))
            done = topic
    hits.sort(key=_HIT_START)
    return hits
