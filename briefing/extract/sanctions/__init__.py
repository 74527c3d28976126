"""Sanctions options: every measure on the table, who proposes it, against whom, on what
condition (lexicons: ``data/lexicons/measures.yaml`` and ``conditions.yaml``).

A measure cue counts in a passage about measures (a context word in the sentence or in one
of the two before it: "Sankcje mogą obejmować odcięcie…"), unless the cue speaks for
itself (SWIFT, personal sanctions, Nord Stream 2). Proposer, target and condition come from
the sentence, else from the passage before it, as a reader would carry them over.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefing import langpacks
from briefing.data import load_yaml
from briefing.extract.attribution import attribute, reporting_table
from briefing.extract.attribution import lexicon as attribution_lexicon
from briefing.extract.context import ArticleContext
from briefing.extract.sanctions.conditions import find_condition, marker_cues
from briefing.extract.sanctions.details import figures
from briefing.extract.topics import (
    CueIndex,
    compile_cues,
    cues_for,
    match_topics,
    text_keys,
    topics,
)
from briefing.models import MEASURE_CATEGORIES, Measure, Mention, Sentence

_CONTEXT_REACH = 2  # sentences a context word carries over
_CARRY_REACH = 3  # sentences a proposer or target carries over
_ADJACENT = 3  # characters between a measure cue and the actor owning it ("US sanctions")
_AGENT_REACH = 6  # words between a measure cue and the agent phrase of its passive
_PUNCT = re.compile(r"[,.;:!?()«»“”„\"،؛]")


@dataclass(frozen=True, slots=True)
class _Spec:
    key: str
    category: str
    measure: str
    person_target: bool
    self_evident: bool
    rx: re.Pattern[str]
    status: str | None = None  # the status the kind itself states ("lifted" for relief)
    yields_to: frozenset[str] = frozenset()  # kinds that win on the same words
    alone: bool = False  # counts only in a sentence naming no other kind
    # counts without a context word in a clause saying it is in force ("the ban entered
    # into force on 1 November")
    in_force_evident: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    context: re.Pattern[str] | None
    governed: re.Pattern[str] | None  # a preposition ending the text before an actor
    against: re.Pattern[str] | None
    exposed: re.Pattern[str] | None  # "Russia would face …": its subject is the target
    owners: re.Pattern[str] | None  # a gap that is only an owner preposition
    specs: tuple[_Spec, ...]
    spec_index: CueIndex  # of specs
    any_spec: re.Pattern[str] | None  # every cue of every spec
    any_cue: re.Pattern[str] | None  # of specs, context, against, exposed, condition markers
    statuses: tuple[tuple[str, re.Pattern[str]], ...] = ()  # in the order they decide
    hypothetical: re.Pattern[str] | None = None  # "would", "if": not (yet) agreed or in force
    negation: re.Pattern[str] | None = None  # "no new sanctions"
    negation_after: re.Pattern[str] | None = None  # a negated verb after its object (tr, fa)
    negation_reach: int = 2  # words between a negation and the cue (more in VSO languages)
    unnegated: re.Pattern[str] | None = None  # "does not rule out"
    agents: re.Pattern[str] | None = None  # a passive's agent before the actor ("by")
    agents_after: re.Pattern[str] | None = None  # ... after it (hu "által", tr "tarafından")
    governing: re.Pattern[str] | None = None  # verbs of a measure's status ("imposed", "objęta")
    against_after: re.Pattern[str] | None = None  # postpositions after the target ("yönelik")
    target_cases: tuple[str, ...] = ()  # case endings of a target ("Venäjälle", "Rusya'ya")
    conjunctions: re.Pattern[str] | None = None  # "and", "but" (the reporting pack's)


def _tail(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The preposition, then at most two words, at the end of a text."""
    return re.compile(rf"(?:{rx.pattern})\s+(?:\S+\s+){{0,2}}$") if rx else None


def _gap(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """A gap made of the preposition and at most one word ("from the United States")."""
    return re.compile(rf"\s*(?:{rx.pattern})\s+(?:\S+\s+)?") if rx else None


@cache
def taxonomy() -> dict[str, Any]:
    """The language-independent taxonomy (``lexicons/measures.yaml``)."""
    return load_yaml("lexicons/measures.yaml") or {}


def pack(lang: str) -> dict[str, Any]:
    """The cue words of one language (``lang/<code>/measures.yaml``), empty without one."""
    return langpacks.section("measures").get(lang) or {}


def kind_cues(lang: str) -> dict[str, list[str]]:
    """Cues of every kind in ``lang``: the taxonomy's ``all`` cues and the pack's."""
    words = pack(lang).get("measures") or {}
    return {
        key: [str(c) for c in ((spec.get("cues") or {}).get("all") or [])]
        + [str(c) for c in (words.get(key) or [])]
        for key, spec in (taxonomy().get("measures") or {}).items()
    }


def _words(lang: str, key: str) -> list[str]:
    return [str(c) for c in (pack(lang).get(key) or [])]


@cache
def _lexicon(lang: str) -> _Lexicon:
    table = taxonomy()
    cues_of = kind_cues(lang)
    specs = []
    spec_cues: list[list[str]] = []
    for key, spec in (table.get("measures") or {}).items():
        category = str(spec["category"])
        if category not in MEASURE_CATEGORIES:
            raise ValueError(f"measures.yaml: {key}: unknown category {category!r}")
        cues = cues_of[key]
        rx = compile_cues(cues, lang)
        if rx is not None:
            spec_cues.append(cues)
            specs.append(
                _Spec(
                    key,
                    category,
                    str(spec["measure"]),
                    spec.get("target") == "person",
                    bool(spec.get("self_evident")),
                    rx,
                    spec.get("status"),
                    frozenset(spec.get("yields_to") or ()),
                    bool(spec.get("alone")),
                    bool(spec.get("in_force_evident")),
                )
            )
    spec_all = [c for cues in spec_cues for c in cues]
    context, against, exposed = (_words(lang, k) for k in ("context", "against", "exposed"))
    status_words = pack(lang).get("status") or {}
    statuses = tuple(
        (name, rx)
        for name in table.get("statuses") or ()
        if (rx := compile_cues([str(c) for c in status_words.get(name) or ()], lang))
    )
    return _Lexicon(
        context=compile_cues(context, lang),
        governed=_tail(compile_cues(_words(lang, "governed"), lang)),
        against=compile_cues(against, lang),
        exposed=compile_cues(exposed, lang),
        owners=_gap(compile_cues(_words(lang, "owners"), lang)),
        specs=tuple(specs),
        spec_index=CueIndex(spec_cues, lang),
        any_spec=compile_cues(spec_all, lang),
        any_cue=compile_cues([*spec_all, *context, *against, *exposed, *marker_cues(lang)], lang),
        statuses=statuses,
        hypothetical=compile_cues([str(c) for c in status_words.get("hypothetical") or ()], lang),
        negation=compile_cues(_words(lang, "negation"), lang),
        negation_after=compile_cues(_words(lang, "negation_after"), lang),
        negation_reach=int(pack(lang).get("negation_reach") or 2),
        unnegated=compile_cues(_words(lang, "unnegated"), lang),
        agents=compile_cues(_words(lang, "agents"), lang),
        agents_after=compile_cues(_words(lang, "agents_after"), lang),
        against_after=compile_cues(_words(lang, "against_after"), lang),
        target_cases=tuple(_words(lang, "target_cases")),
        conjunctions=compile_cues(cues_for(reporting_table().get("conjunctions"), lang), lang),
        governing=compile_cues(
            [str(c) for name in table.get("statuses") or () for c in status_words.get(name) or ()]
            + exposed,
            lang,
        ),
    )


@dataclass(slots=True)
class _Carry:
    context_at: int = -10
    proposers: tuple[str, ...] = ()
    proposers_at: int = -10
    target: str | None = None
    target_at: int = -10
    condition: str | None = None
    condition_about: str | None = None
    condition_at: int = -10


# id of a lexicon -> (the lexicon, its personal sanctions' spec): looked up once per
# lexicon, not by a pass over its specs for every sentence with a cue.
_PERSONAL: dict[int, tuple[_Lexicon, _Spec | None]] = {}


def _personal_spec(lex: _Lexicon) -> _Spec | None:
    hit = _PERSONAL.get(id(lex))
    if hit is None or hit[0] is not lex:
        spec = next((sp for sp in lex.specs if sp.key == "personal_sanctions"), None)
        hit = _PERSONAL[id(lex)] = (lex, spec)
    return hit[1]


@dataclass(slots=True)
class _Article:
    ctx: ArticleContext
    lex: _Lexicon
    norm: str  # ctx.norm
    mentions: dict[int, list[Mention]]  # ctx.mentions_by_sentence()

    def in_sentence(self, s: Sentence) -> list[Mention]:
        return self.mentions.get(s.index, [])

    def is_person(self, actor: str) -> bool:
        a = self.ctx.actors.get(actor)
        return a is not None and a.type == "person"

    def governed(self, m: Mention, s: Sentence) -> bool:
        """Whether a preposition puts ``m`` in object position ("aid to Ukraine")."""
        if self.lex.governed is None:
            return False
        before = self.norm[max(s.start, m.start - 25) : m.start]
        return bool(self.lex.governed.search(before))

    def against_target(self, s: Sentence, first: int) -> str | None:
        """``first``: where the sentence's first cue of any kind is (see :func:`_first_cue`)."""
        if self.lex.against is None:
            return None
        norm = self.norm
        for hit in self.lex.against.finditer(norm, first, s.end):
            # Only "sanctions against X", not "aggression against Ukraine".
            lead = max(s.start, hit.start() - 40)
            if self.lex.context is None or not self.lex.context.search(norm, lead, hit.start()):
                continue
            for m in self.in_sentence(s):
                gap = norm[hit.end() : m.start]
                if m.start >= hit.end() and len(gap.split()) <= 3 and not _PUNCT.search(gap):
                    return m.actor
        return self._target_before_postposition(s, first) or self._target_by_case(s, first)

    def _target_before_postposition(self, s: Sentence, first: int) -> str | None:
        """Head-final languages name the target before a postposition, the measure after
        it: "Rusya'ya yönelik yaptırımlar", "Oroszország elleni szankciók", "Venäjään
        kohdistuvat pakotteet"."""
        lex = self.lex
        if lex.against_after is None or lex.context is None:
            return None
        norm = self.norm
        lo = max(s.start, first - 40)
        for hit in lex.against_after.finditer(norm, lo, s.end):
            before = [m for m in self.in_sentence(s) if m.end <= hit.start()]
            if not before:
                continue
            m = before[-1]
            gap = norm[m.end : hit.start()]
            # Right before the postposition, a case ending glued on ("İran'a karşı").
            if (gap.split() and gap[0].isspace()) or len(gap.split()) > 1 or _PUNCT.search(gap):
                continue
            # The measure after the postposition, or before the target ("sanktsioonid
            # Iraani vastu"), in the same clause.
            tail = norm[hit.end() : min(s.end, hit.end() + 40)]
            after = lex.context.search(tail)
            head = norm[max(s.start, m.start - 40) : m.start]
            ahead = list(lex.context.finditer(head))
            if (after and not _PUNCT.search(tail[: after.start()])) or (
                ahead and not _PUNCT.search(head[ahead[-1].end() :])
            ):
                return m.actor
        return None

    def _target_by_case(self, s: Sentence, first: int) -> str | None:
        """An actor in the pack's target case (allative, dative) within three words of a
        context word: "pakotteita Venäjälle", "Venemaale sanktsioonid", "Rusya'ya
        yaptırım uyguladı"."""
        lex = self.lex
        if not lex.target_cases or lex.context is None:
            return None
        norm = self.norm
        words = [(w.start(), w.end()) for w in lex.context.finditer(norm, first, s.end)]
        if not words:
            return None
        for m in self.in_sentence(s):
            stop = m.end
            while stop < s.end and not norm[stop].isspace() and norm[stop] not in ',.;:!?()«»"':
                stop += 1
            if not norm[m.start : stop].endswith(lex.target_cases):
                continue
            for a, b in words:
                gap = norm[stop:a] if stop <= a else norm[b : m.start] if b <= m.start else None
                if gap is not None and len(gap.split()) <= 3 and not _PUNCT.search(gap):
                    return m.actor
        return None

    def exposed_target(self, s: Sentence, first: int) -> str | None:
        """ "la Russie s'exposerait à des sanctions", "Russia would face sanctions": the
        actor right before the verb, in a sentence about measures."""
        rx = self.lex.exposed
        if rx is None or self.lex.context is None:
            return None
        norm = self.norm
        for hit in rx.finditer(norm, first, s.end):
            if not self.lex.context.search(norm, hit.end(), s.end):
                continue
            before = [m for m in self.in_sentence(s) if m.end <= hit.start()]
            if before:
                m = before[-1]
                gap = norm[m.end : hit.start()]
                if len(gap.split()) <= 1 and not _PUNCT.search(gap) and not self.governed(m, s):
                    return m.actor
        return None

    def sanctions_on_person(self, s: Sentence, first: int) -> tuple[_Spec, re.Match[str]] | None:
        """A context word and a person right after it ("sanction Putin"), or with an
        ``against`` preposition and a person within four words of it ("sanctions against
        Russia's head of state Vladimir Putin"): personal sanctions, matched on the
        context word."""
        lex = self.lex
        personal = _personal_spec(lex)
        if personal is None or lex.context is None or lex.against is None:
            return None
        norm = self.norm
        for word in lex.context.finditer(norm, first, s.end):
            # "sanction Putin", "تحریم پوتین": the person right after the word.
            for m in self.in_sentence(s):
                if m.start < word.end():
                    continue
                gap = norm[word.end() : m.start]
                if len(gap.split()) <= 1 and not _PUNCT.search(gap) and self.is_person(m.actor):
                    return personal, word
                break
        for hit in lex.against.finditer(norm, first, s.end):
            lead = max(s.start, hit.start() - 30)
            # The last context word before the preposition.
            word = next(reversed(list(lex.context.finditer(norm, lead, hit.start()))), None)
            if word is None or _PUNCT.search(norm, word.end(), hit.start()):
                continue
            for m in self.in_sentence(s):
                gap = norm[hit.end() : m.start]
                if m.start < hit.end():
                    continue
                if len(gap.split()) > 4 or _PUNCT.search(gap):
                    break
                if self.is_person(m.actor):
                    return personal, word
        return None

    def person_after(self, s: Sentence, pos: int) -> str | None:
        for m in self.in_sentence(s):
            if m.start >= pos and self.is_person(m.actor):
                return m.actor
        return None

    def adjacent_owner(
        self, s: Sentence, start: int, end: int, target: str | None, people: bool = False
    ) -> str | None:
        """The actor right next to the cue that owns the measure ("US sanctions",
        "تحریمهای جدید آمریکا", "amerykańskie technologie"). ``people``: the cue names the
        people a measure targets ("sanctionner les oligarques"): a state named right after
        such a cue is their nationality ("oligarques russes"), not an owner, unless the cue
        ends in a word of measures ("sanctions individuelles américaines")."""
        text = self.ctx.article.text
        norm = self.norm
        after = not people or self._ends_in_measure_word(start, end)
        for m in self.in_sentence(s):
            if m.actor == target:
                continue
            # The gap is cut only when short enough (a slice of the rest of the text was
            # most of this method's time).
            if (
                self.lex.owners is not None
                and 0 <= m.start - end <= 30
                and not _PUNCT.search(gap := norm[end : m.start])
                and self.lex.owners.fullmatch(gap)
            ):
                return m.actor  # "sanctions from the United States"
            if (
                0 <= start - m.end <= _ADJACENT
                and not _PUNCT.search(text[m.end : start])
                and not self.governed(m, s)
            ):
                return m.actor
            if (
                after
                and 0 <= m.start - end <= _ADJACENT
                and not _PUNCT.search(text[end : m.start])
                and not self.governed(m, s)
            ):
                return m.actor
        return None

    def _ends_in_measure_word(self, start: int, end: int) -> bool:
        """Whether the last word of the cue at ``start``-``end`` is a context word (a word
        of measures: "sanctions", "sankcje"), not a noun of the people it targets."""
        if self.lex.context is None:
            return False
        words = self.norm[start:end].split()
        if not words:
            return False
        hit = self.lex.context.fullmatch(words[-1])
        return hit is not None

    def agent(self, s: Sentence, target: str | None, start: int, end: int) -> str | None:
        """The agent of a passive whose verb governs the measure at ``start``-``end``, who
        imposes it: the actor right after ``agents`` ("sanctions were imposed on Russia by
        the EU", "przez USA"), or right before ``agents_after`` ("az USA által"), at most
        one word between (an article). The agent phrase stands within a few words of the
        measure, in its clause, with a status verb between them ("imposed", "objęta")
        unless it follows the measure's words at once: "sanctions …, which were condemned
        by Russia" or "by" in another clause names no one who imposes them."""
        lex = self.lex
        if lex.agents is None and lex.agents_after is None:
            return None
        norm = self.norm
        mentions = self.in_sentence(s)
        if lex.agents is not None:
            for hit in lex.agents.finditer(norm, s.start, s.end):
                for m in mentions:
                    if m.start < hit.end():
                        continue
                    gap = norm[hit.end() : m.start]
                    if (
                        len(gap.split()) <= 1
                        and not _PUNCT.search(gap)
                        and m.actor != target
                        and self._governs(s, start, end, hit.start(), m.end)
                    ):
                        return m.actor
                    break
        if lex.agents_after is not None:
            for hit in lex.agents_after.finditer(norm, s.start, s.end):
                before = [m for m in mentions if m.end <= hit.start()]
                if before:
                    m = before[-1]
                    gap = norm[m.end : hit.start()]
                    if (
                        len(gap.split()) <= 1
                        and not _PUNCT.search(gap)
                        and m.actor != target
                        and self._governs(s, start, end, m.start, hit.end())
                    ):
                        return m.actor
        return None

    def _governs(self, s: Sentence, start: int, end: int, a: int, b: int) -> bool:
        """Whether the agent phrase at ``a``-``b`` belongs to the passive of the measure
        at ``start``-``end``: at most six words of one clause between them, and a status
        verb among them (or right before the phrase) unless the phrase follows the
        measure at once ("sanctions by the EU")."""
        norm = self.norm
        if b <= start:
            between, lo, hi = norm[b:start], a, start
        elif end <= a:
            between, lo, hi = norm[end:a], end, a
        else:
            return False
        if len(between.split()) > _AGENT_REACH or _CLAUSE_STOP.search(between):
            return False
        if not between.split():
            return True
        gov = self.lex.governing
        return (
            gov is not None and gov.search(norm, max(s.start, min(lo, start) - 12), hi) is not None
        )

    def subject_before(self, s: Sentence, pos: int, target: str | None) -> str | None:
        """The actor opening the sentence or a clause ("Kanada skupiła się na …", "…,
        że administracja Bidena przygotowuje …"), not one named further in ("… the
        posture of NATO forces …")."""
        comps = attribution_lexicon(self.ctx.lang).complementizers
        starts = [s.start]
        if comps is not None:
            starts += [c.end() for c in comps.finditer(self.norm, s.start, pos)]
        for m in self.in_sentence(s):
            if m.start >= pos:
                break
            opens = any(
                st <= m.start and len(self.ctx.article.text[st : m.start].split()) <= 3
                for st in starts
            )
            if opens and m.actor != target and not self.governed(m, s):
                return m.actor
        return None


def extract_measures(ctx: ArticleContext) -> list[Measure]:
    """Measures on the table in one article, each citing the sentence naming it."""
    lex = _lexicon(ctx.lang)
    if not lex.specs:
        return []
    norm = ctx.norm
    art = _Article(ctx, lex, norm, ctx.mentions_by_sentence())
    speakers: dict[int, list[str]] = {}
    against: dict[int, set[str]] = {}  # speakers rejecting something in the sentence
    kinds: dict[int, set[str]] = {}  # the reporting verbs' kinds, for the status
    for att in attribute(ctx):
        speakers.setdefault(att.sentence.index, []).extend(att.speakers)
        kinds.setdefault(att.sentence.index, set()).add(att.kind)
        if att.kind == "rejects":
            against.setdefault(att.sentence.index, set()).update(att.speakers)
    firsts = [_first_cue(lex, norm, s) for s in ctx.sentences]
    against_targets = [
        art.against_target(s, first) if first >= 0 else None
        for s, first in zip(ctx.sentences, firsts, strict=True)
    ]
    # The state or organisation measures are aimed at, for sentences that do not say.
    targets = Counter(t for t in against_targets if t and not art.is_person(t))
    article_target = targets.most_common(1)[0][0] if targets else None

    known_figures: dict[tuple[int, int], list[dict[str, Any]]] = {}

    def sentence_figures(idx: int, at: int) -> list[dict[str, Any]]:
        if (idx, at) not in known_figures:
            known_figures[idx, at] = figures(ctx, ctx.sentences[idx], at)
        return [dict(f) for f in known_figures[idx, at]]

    carry = _Carry()
    out: dict[tuple[str, str | None], Measure] = {}
    for s in ctx.sentences:
        first = firsts[s.index]
        if first < 0:
            continue  # no cue: nothing to find, nothing to carry over
        # Most sentences name no measure: one search tells, and spares finding the keys
        # that choose which measures to search.
        named = lex.any_spec is not None and lex.any_spec.search(norm, first, s.end)
        keys = text_keys(norm[s.start : s.end]) if named else None
        opposes: list[bool] = []  # _opposes_measures(ctx, s), once known
        if lex.context is not None and lex.context.search(norm, first, s.end):
            carry.context_at = s.index
        local_target = against_targets[s.index] or art.exposed_target(s, first)
        if local_target and not art.is_person(local_target):
            carry.target, carry.target_at = local_target, s.index
        # "Orbán came out against new EU sanctions": who rejects is no proposer.
        rejecting = against.get(s.index, set())
        said_by = [
            a
            for a in dict.fromkeys(speakers.get(s.index, []))
            if a != local_target and a not in rejecting
        ]
        if said_by and s.index == carry.context_at and not _opposes(art, s, keys, opposes):
            carry.proposers, carry.proposers_at = tuple(said_by), s.index
        base_target = local_target if local_target and not art.is_person(local_target) else None
        if base_target is None and s.index - carry.target_at <= _CARRY_REACH:
            base_target = carry.target
        base_target = base_target or article_target
        found_condition = find_condition(ctx, s, base_target, norm, keys, first)
        condition = None
        if found_condition:
            condition, about = found_condition
            carry.condition, carry.condition_about = condition, about
            carry.condition_at = s.index
        elif s.index - carry.condition_at <= _CONTEXT_REACH:
            condition, about = carry.condition, carry.condition_about
        else:
            about = None
        base_target = base_target or about
        found = [
            (spec, h)
            for i in (lex.spec_index.candidates(keys) if keys is not None else ())
            if (h := (spec := lex.specs[i]).rx.search(norm, first, s.end))
        ]
        in_context = s.index - carry.context_at <= _CONTEXT_REACH
        found = [
            (spec, h)
            for spec, h in found
            if spec.self_evident
            or in_context
            or (spec.in_force_evident and _said_in_force(art, s, h))
        ]
        # "harsh sanctions against Russian banks": the specific measure, not also an
        # unspecified one on the same words.
        found = [
            (spec, h)
            for spec, h in found
            if not any(
                _yields(spec, o) and h.start() < oh.end() and oh.start() < h.end()
                for o, oh in found
            )
        ]
        # "US sanctions would include cutting off banks": the bare word names the
        # measure the sentence specifies, not one more.
        if any(not spec.alone for spec, _h in found):
            found = [(spec, h) for spec, h in found if not spec.alone]
        # "no new sanctions", "keine Waffenlieferungen": denied, not on the table.
        found = [(spec, h) for spec, h in found if not _negated(art, s, h.start(), h.end())]
        if not any(spec.person_target for spec, _h in found):
            # "Sanktionen gegen Russlands Staatschef Wladimir Putin": sanctions aimed at a
            # person are personal sanctions, whatever words name them.
            personal = art.sanctions_on_person(s, first)
            if personal is not None:
                found.append(personal)
        # "Punishing Putin would destroy everything": no proposer in this sentence.
        opposed = bool(found) and (bool(rejecting) or _opposes(art, s, keys, opposes))
        if opposed:
            said_by = []
        refused = _refusals(art, s) if found else []
        for spec, hit in found:
            target = base_target
            if spec.person_target:
                target = art.person_after(s, hit.start()) or local_target or target
            # A rejecting verb ending inside the measure's own words ("a suspendu sa
            # participation à l'accord", "blocked the border") takes it, not refuses it;
            # one around them ("lehnt Waffenlieferungen ab") refuses it.
            if any(
                a < hit.start() < b and not hit.start() < verb_end <= hit.end()
                for a, verb_end, b in refused
            ) and not art.adjacent_owner(s, hit.start(), hit.end(), target):
                # "Die Bundesregierung lehnt Waffenlieferungen ab": refused, whoever
                # refuses it, and nobody here puts it on the table.
                continue
            proposers = _proposers(
                art, s, hit.start(), hit.end(), target, said_by, carry, opposed, spec.person_target
            )
            if proposers:
                carry.proposers, carry.proposers_at = tuple(proposers), s.index
            key = (spec.key, target)
            cite = ctx.cite(s)
            status = _status(art, s, spec, condition, kinds.get(s.index, set()), hit)
            item = out.get(key)
            if item is None:
                out[key] = Measure(
                    measure=spec.measure,
                    category=spec.category,
                    citations=[cite],
                    proposed_by=proposers,
                    target=target,
                    condition=condition,
                    key=spec.key,
                    status=status,
                    figures=sentence_figures(s.index, hit.start()),
                )
                continue
            item.status = later_status(item.status, status)
            if cite not in item.citations:
                item.citations.append(cite)
                item.figures.extend(
                    f for f in sentence_figures(s.index, hit.start()) if f not in item.figures
                )
            item.proposed_by.extend(p for p in proposers if p not in item.proposed_by)
            item.condition = item.condition or condition
    return list(out.values())


# Statuses in the order a measure goes through them: merging keeps the furthest along.
LIFECYCLE = ("proposed", "debated", "threatened", "agreed", "in_force", "suspended", "lifted")
_DECIDED = frozenset(
    {"agreed", "in_force", "suspended", "lifted"}
)  # not said of what "would" happen
_THREATS = frozenset({"threatens", "warns"})
_DEMANDS = frozenset({"demands"})


def later_status(a: str | None, b: str | None) -> str | None:
    """The status furthest along the lifecycle (reports of one measure at different times)."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=LIFECYCLE.index)


_CLAUSE_STOP = re.compile(r"[,;:()«»“”\"،؛]")


def _clause(norm: str, s: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause of the cue at ``start``-``end``: from the punctuation before it to the
    punctuation after it, within the sentence."""
    lo = max((m.end() for m in _CLAUSE_STOP.finditer(norm, s.start, start)), default=s.start)
    stop = _CLAUSE_STOP.search(norm, end, s.end)
    return lo, stop.start() if stop else s.end


def _status(
    art: _Article,
    s: Sentence,
    spec: _Spec,
    condition: str | None,
    verb_kinds: set[str],
    hit: re.Match[str],
) -> str:
    """The measure's status from the sentence: its status words (in the taxonomy's order;
    "agreed", "in force" and "lifted" only in the cue's own clause and not in a
    hypothetical sentence: "would impose", "… sanctions, to ease the situation"), the kind
    of its reporting verb (threatens, warns), a condition ("if Russia invades"), else
    "proposed"."""
    lex = art.lex
    norm = art.norm
    if spec.status:
        # A kind that states its status ("lifting sanctions", "suspending the deal") is
        # only demanded, threatened or discussed when the sentence says so: "Russia
        # demands the lifting of sanctions" is a proposal, not sanctions lifted.
        if verb_kinds & _THREATS or condition:
            return "threatened"
        own = _clause(norm, s, hit.start(), hit.end())
        for name, rx in lex.statuses:
            if name in ("threatened", "debated") and rx.search(norm, s.start, s.end):
                return name
            if name == "proposed" and rx.search(norm, own[0], hit.start()):
                return name
        if verb_kinds & _DEMANDS:
            return "proposed"
        return spec.status
    hypothetical = lex.hypothetical is not None and bool(
        lex.hypothetical.search(norm, s.start, s.end)
    )
    own = _clause(norm, s, hit.start(), hit.end())
    proposal = next((rx for name, rx in lex.statuses if name == "proposed"), None)
    # "Russia demands the lifting of sanctions": asked for, not done.
    asked = bool(verb_kinds & _DEMANDS) or (
        proposal is not None and bool(proposal.search(norm, own[0], hit.start()))
    )
    for name, rx in lex.statuses:
        if name == "threatened" and (verb_kinds & _THREATS or condition):
            return name
        if name in _DECIDED:
            if hypothetical or condition or asked:
                continue
            if rx.search(norm, *own):
                return name
        elif rx.search(norm, s.start, s.end):
            return name
    if verb_kinds & _THREATS or condition:
        return "threatened"
    return "proposed"


def _said_in_force(art: _Article, s: Sentence, hit: re.Match[str]) -> bool:
    """Whether the clause of the cue says the measure is in force ("the ban entered into
    force", "вступил в силу запрет"), in a sentence that is not hypothetical."""
    lex = art.lex
    rx = next((r for name, r in lex.statuses if name == "in_force"), None)
    if rx is None:
        return False
    if lex.hypothetical is not None and lex.hypothetical.search(art.norm, s.start, s.end):
        return False
    lo, hi = _clause(art.norm, s, hit.start(), hit.end())
    return any(
        len(m.group().split()) > 1 or len(m.group()) > 5 for m in rx.finditer(art.norm, lo, hi)
    )


def _negated(art: _Article, s: Sentence, at: int, end: int) -> bool:
    """A negation at most ``negation_reach`` (2) words before the cue or inside it, in its clause ("no new sanctions",
    "will not impose sanctions"), or, in languages that put the verb after its object, a
    negated verb at most two words after it ("yeni yaptırım uygulamayacak"); not
    cancelled ("does not rule out sanctions")."""
    lex = art.lex
    norm = art.norm
    denied = False
    if lex.negation is not None:
        lead = norm[max(s.start, at - 80) : at]
        stop = max((m.end() for m in _PUNCT.finditer(lead)), default=0)
        words = lead[stop:].split()[-(lex.negation_reach + 1) :]
        # The words before the cue, and the cue's own ("impose no new sanctions"), unless
        # the cue opens with its negation: "will not renew the licence" is the measure.
        own = norm[at:end]
        if lex.negation.match(own):
            own = ""
        denied = bool(lex.negation.search(" ".join([*words, own])))
    if not denied and lex.negation_after is not None:
        tail = norm[end : min(s.end, end + 80)]
        stop = _PUNCT.search(tail)
        words = tail[: stop.start() if stop else len(tail)].split()[: lex.negation_reach + 1]
        denied = bool(words) and bool(lex.negation_after.search(" ".join(words)))
    if not denied:
        return False
    return lex.unnegated is None or not lex.unnegated.search(
        norm, max(s.start, at - 80), min(s.end, end + 80)
    )


def _yields(spec: _Spec, other: _Spec) -> bool:
    """Whether ``spec`` gives way to ``other`` found on the same words: an unspecified
    measure to a specific one ("harsh sanctions against Russian banks"), a kind to those
    it names in ``yields_to`` (an import ban to an oil embargo)."""
    if other.key == spec.key:
        return False
    if other.key in spec.yields_to:
        return True
    return spec.category == "other" and other.category != "other"


def _first_cue(lex: _Lexicon, norm: str, s: Sentence) -> int:
    """Where the first cue of any kind in ``s`` starts, -1 if none. A sentence without
    one changes nothing (no measure, context, target or condition), and no cue of any
    kind matches before it: searches of the sentence can start there, and find the same."""
    if lex.any_cue is None:
        return s.start
    m = lex.any_cue.search(norm, s.start, s.end)
    return m.start() if m else -1


def _refusals(art: _Article, s: Sentence) -> list[tuple[int, int, int]]:
    """Spans of ``s`` governed by a rejecting verb (the verb's start and end, and the end
    of its clause), whether or not its speaker is known."""
    lex = attribution_lexicon(art.ctx.lang)
    rejects = next((rx for kind, rx in lex.verbs if kind == "rejects"), None)
    if rejects is None:
        return []
    out = []
    norm = art.norm
    for m in rejects.finditer(norm, s.start, s.end):
        if lex.negation is not None and lex.negation.search(norm, s.start, m.start()):
            continue  # "does not rule out"
        stop = _PUNCT.search(norm, m.end(), s.end)
        end = stop.start() if stop else s.end
        # "condemned the capture of Goma and decided to impose sanctions": a conjunction
        # then a verb of a measure's status opens a second predicate, not refused.
        gov, conj = art.lex.governing, art.lex.conjunctions
        if conj is not None and gov is not None:
            for c in conj.finditer(norm, m.end(), end):
                g = gov.search(norm, c.end(), min(end, c.end() + 40))
                if g is not None and len(norm[c.end() : g.start()].split()) <= 1:
                    end = c.start()
                    break
        out.append((m.start(), m.end(), max(m.end(), end)))
    return out


@cache
def _opposing_topics() -> frozenset[str]:
    return frozenset(t.key for t in topics().values() if any(c.opposes_measures for c in t.claims))


@cache
def _opposing_cues(lang: str) -> re.Pattern[str] | None:
    """Every cue of every claim flagged ``opposes_measures``."""
    table = load_yaml("lexicons/topics.yaml") or {}
    return compile_cues(
        [
            c
            for topic in topics().values()
            for claim in topic.claims
            if claim.opposes_measures
            for c in cues_for(table[topic.key]["claims"][claim.key].get("cues"), lang)
        ],
        lang,
    )


def _opposes_measures(art: _Article, s: Sentence, keys: set[str] | None) -> bool:
    """Whether the sentence argues against measures (a claim flagged
    ``opposes_measures`` in topics.yaml), so its speaker proposes none. ``keys``: the
    text keys of the sentence, if known."""
    text = art.norm[s.start : s.end]
    rx = _opposing_cues(art.ctx.lang)
    if rx is None or not rx.search(text):
        return False  # no such claim can match
    # Topics match independently: those with no such claim cannot change the answer.
    hits = match_topics(text, art.ctx.lang, keys, _opposing_topics())
    return any(h.claim is not None and h.claim.opposes_measures for h in hits)


def _opposes(art: _Article, s: Sentence, keys: set[str] | None, known: list[bool]) -> bool:
    """:func:`_opposes_measures`, computed once per sentence into ``known``."""
    if not known:
        known.append(_opposes_measures(art, s, keys))
    return known[0]


def _proposers(
    art: _Article,
    s: Sentence,
    start: int,
    end: int,
    target: str | None,
    said_by: list[str],
    carry: _Carry,
    opposed: bool,
    people: bool = False,
) -> list[str]:
    owner = art.adjacent_owner(s, start, end, target, people) or art.agent(s, target, start, end)
    if owner:
        return [owner]
    # A verb-first language names the subject inside the cue ("فرض الاتحاد الأوروبي
    # عقوبات": imposed the EU sanctions).
    inside = next(
        (
            m.actor
            for m in art.in_sentence(s)
            if start < m.start and m.end < end and m.actor != target and not art.governed(m, s)
        ),
        None,
    )
    if inside:
        return [inside]
    speakers = [a for a in said_by if a != target]
    if speakers:
        return speakers
    subject = None if opposed else art.subject_before(s, start, target)
    if subject:
        return [subject]
    if s.index - carry.proposers_at <= _CARRY_REACH:
        return [a for a in carry.proposers if a != target]
    return []
