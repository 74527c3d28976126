"""Who holds a view when the subject of the verb names no actor itself.

A counted collective subject ("the three countries", "trzy kraje", "os três países",
"الدول الثلاث") stands for that many actors of its kind (states, or people in office)
named last before it, in the sentence or the sentences just before: an analyst keys one
position per member. The words are each language pack's ``holders.yaml`` (numerals and
group nouns, composed here into one pattern per language, compiled once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from briefing import langpacks
from briefing.extract.topics import cue_regex
from briefing.models import Actor, Mention
from briefing.nlp.alternation import alternation, compiled

_STATE_TYPES = frozenset({"state", "country"})
_BETWEEN = r"(?:\s+[^\W\d]+){0,2}?\s+"  # up to two words between numeral and noun
_BACK = 3  # sentences before the subject where its members may be named
_GAP_WORDS = 2  # words between the subject and its verb
_PUNCT = re.compile(r"[,;:!?،؛.]")


@dataclass(frozen=True, slots=True)
class _Groups:
    rx: re.Pattern[str]
    counts: tuple[tuple[int, re.Pattern[str]], ...]  # a numeral's count, by its pattern


def _alt(cues: Iterable[str], lang: str) -> str:
    return "(?:" + alternation([cue_regex(str(c), lang) for c in cues if str(c).strip()]) + ")"


@cache
def _groups(lang: str) -> _Groups | None:
    pack: Mapping = langpacks.section("holders").get(lang) or {}
    numbers = {int(k): [str(c) for c in v or ()] for k, v in (pack.get("numbers") or {}).items()}
    numbers = {k: v for k, v in numbers.items() if v and k >= 2}
    states = [str(c) for c in pack.get("states") or ()]
    persons = [str(c) for c in pack.get("persons") or ()]
    if not numbers or not (states or persons):
        return None
    num = "(?P<num>" + _alt([c for v in numbers.values() for c in v], lang) + ")"
    kinds = []
    if states:
        kinds.append("(?P<state>" + _alt(states, lang) + ")")
    if persons:
        kinds.append("(?P<person>" + _alt(persons, lang) + ")")
    noun = "(?:" + "|".join(kinds) + ")"
    body = noun + _BETWEEN + num if pack.get("noun_first") else num + _BETWEEN + noun
    counts = tuple(
        (k, compiled("(?:" + _alt(v, lang) + r")\Z", lang)) for k, v in sorted(numbers.items())
    )
    return _Groups(compiled(body, lang), counts)


def counted_subject(
    lang: str,
    text: str,
    norm: str,
    start: int,
    verb: int,
    sentence: int,
    by_sentence: Mapping[int, Sequence[Mention]],
    actors: Mapping[str, Actor],
) -> tuple[str, ...]:
    """The members a counted collective subject between ``start`` and the verb at
    ``verb`` stands for, in the order the text names them; () when there is no such
    subject right before the verb, or fewer actors of its kind were named before it."""
    g = _groups(lang)
    if g is None:
        return ()
    found = None
    for m in g.rx.finditer(norm, start, verb):
        found = m
    if found is None:
        return ()
    gap = text[found.end() : verb]
    if len(gap.split()) > _GAP_WORDS or _PUNCT.search(gap):
        return ()
    n = next((k for k, rx in g.counts if rx.search(found.group("num"))), 0)
    if n < 2:
        return ()
    want_person = found.groupdict().get("person") is not None
    members: list[str] = []
    before = [m for m in by_sentence.get(sentence, ()) if m.end <= found.start()]
    for idx in range(sentence - 1, max(-1, sentence - 1 - _BACK), -1):
        before = [*by_sentence.get(idx, ()), *before]
    for m in reversed(before):
        actor = actors.get(m.actor or "")
        if actor is None or m.actor in members:
            continue
        if (actor.type == "person") if want_person else (actor.type in _STATE_TYPES):
            members.append(m.actor)
            if len(members) == n:
                return tuple(reversed(members))
    return ()
