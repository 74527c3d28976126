"""Acts that state a stance: a position held by what an actor did, not by what it said.

An analyst keys a position wherever an actor's stance shows, with or without a verb of
saying: a state that voted against a resolution, signed or ratified a treaty, withdrew
from an organisation, recognised a government, pledged troops, accused another, took a
case to court, broke off cooperation, or called the sanctions "the toughest ever".
Each language pack lists the cues of these acts in ``acts.yaml`` (``acts.<act>``,
cue syntax of docs/analysis.md; ``*`` takes the inflection). They join the pack's
reporting verbs under the act's stance kind (:data:`ACTS`), so attribution finds their
subject, negation ("did not sign": the opposite kind) and object as for any verb; the
English line of the position then says what was done ("Voted against", "Withdrew from")
instead of what a verb of saying would have said ("Rejects").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from briefing import langpacks
from briefing.extract.attribution import _NEGATED, _SPEECH_KINDS
from briefing.extract.topics import cue_regex
from briefing.nlp.alternation import alternation, compiled

if TYPE_CHECKING:
    from briefing.extract.attribution import Attribution
    from briefing.extract.context import ArticleContext

# act: (stance kind it joins, English head of its line, head when negated)
ACTS: dict[str, tuple[str, str, str]] = {
    "voted_for": ("supports", "Voted for", "Did not vote for"),
    "voted_against": ("rejects", "Voted against", "Did not vote against"),
    "abstained": ("assesses", "Abstained", "Did not abstain"),
    "signed": ("supports", "Signed", "Did not sign"),
    "ratified": ("supports", "Ratified", "Did not ratify"),
    "withdrew": ("rejects", "Withdrew from", "Did not withdraw from"),
    "suspended": ("rejects", "Suspended", "Did not suspend"),
    "recognised": ("supports", "Recognised", "Does not recognise"),
    "pledged": ("offers", "Pledged", "Did not pledge"),
    "accused": ("assesses", "Accused", "Did not accuse"),
    "sued": ("demands", "Took to court", "Did not take to court"),
    "broke_off": ("rejects", "Broke off", "Did not break off"),
    "described": ("assesses", "Described", "Did not describe"),
    "blocked": ("rejects", "Blocked", "Did not block"),
    "vetoed": ("rejects", "Vetoed", "Did not veto"),
    "refused": ("rejects", "Refused", "Did not refuse"),
    "sought_support": ("demands", "Sought support", "Did not seek support"),
}


@cache
def act_cues() -> dict[str, dict[str, list[str]]]:
    """``{code: {act: cues}}`` of every pack's ``acts.yaml`` (acts known here only)."""
    out: dict[str, dict[str, list[str]]] = {}
    for code, pack in langpacks.section("acts").items():
        acts = (pack or {}).get("acts") or {}
        out[code] = {
            str(act): [str(c) for c in cues or ()] for act, cues in acts.items() if act in ACTS
        }
    return out


def add_act_verbs(table: dict[str, Any]) -> None:
    """Lay each pack's act cues into the reporting ``table`` (``verbs.<code>.<kind>``),
    after the verbs already there: an act is found, and its subject, like a verb."""
    verbs = table.setdefault("verbs", {})
    for code, acts in act_cues().items():
        mine = verbs.setdefault(code, {})
        comps = [str(c) for c in (table.get("complementizers") or {}).get(code) or ()]
        for act, cues in acts.items():
            kind = ACTS[act][0]
            if act in _NO_CLAUSE and comps:
                cues = [_before_no_clause(c, comps, code) for c in cues]
            mine[kind] = [*(mine.get(kind) or ()), *cues]


# Acts whose verb, followed by a clause, says something else: "recognised that …",
# "uznał, że …", "признал, что …" (admitted).
_NO_CLAUSE = frozenset({"recognised"})


def _before_no_clause(cue: str, comps: list[str], lang: str) -> str:
    """``cue`` as a raw cue that does not match right before a complementizer."""
    then = alternation([cue_regex(c, lang) for c in comps])
    # The word ends first: a wildcard ("uznał*") may not give back letters to match.
    return f"re:{cue_regex(cue, lang)}(?!\\w)(?![\\s,]*(?:{then}))"


@cache
def _act_rx(lang: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One pattern of every act cue of ``lang``, a group per act (in :data:`ACTS` order)."""
    acts = act_cues().get(lang) or {}
    names = tuple(a for a in ACTS if acts.get(a))
    if not names:
        return None, ()
    body = "|".join("(" + alternation([cue_regex(c, lang) for c in acts[a]]) + ")" for a in names)
    # No cue of a pack has groups of its own except raw ones; those would shift the
    # group numbers: such a pack gets no act lines (its acts are still found as verbs).
    rx = compiled(body, lang)
    if rx.groups != len(names):
        return None, ()
    return rx, names


@cache
def _complementizers(lang: str) -> re.Pattern[str] | None:
    from briefing.extract.attribution import lexicon

    return lexicon(lang).complementizers


def act_of(ctx: ArticleContext, att: Attribution) -> str | None:
    """The act an attribution reports (its verb is an act cue), if any: the act cue of its
    sentence outside the reported content, the one nearest before the content."""
    found = _act_at(ctx, att)
    return found[0] if found else None


def without_reported_acts(ctx: ArticleContext, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` without the acts that another speaker reports ("Vučić said Kurti is not
    ready to …"): that act is what the other speaker says, not a stance its subject
    stated."""
    out = []
    by_sentence = ctx.mentions_by_sentence()
    acts = {id(att): _act_at(ctx, att) for att in atts}
    for att in atts:
        found = acts[id(att)]
        if found is not None:
            # Where the act and its subject stand: inside what another speaker says
            # ("Orban said Sweden signed …": the content of "said" may stop at the act's
            # subject).
            at = [found[1]] + [
                m.start
                for m in by_sentence.get(att.sentence.index, ())
                if m.actor in att.speakers and m.start < found[1]
            ]
            if any(
                other is not att
                and other.sentence.index == att.sentence.index
                and not set(other.speakers) & set(att.speakers)
                and other.kind in _SPEECH_KINDS  # only a verb of saying reports an act
                and acts[id(other)] is None
                and any(a <= x < b for a, b in (other.content or other.spans) for x in at)
                for other in atts
            ):
                continue
        out.append(att)
    return out


def _act_at(ctx: ArticleContext, att: Attribution) -> tuple[str, int] | None:
    """The act of ``att`` and where its cue starts."""
    if att.via != "verb":
        return None
    rx, names = _act_rx(ctx.lang)
    if rx is None:
        return None
    parts = att.content  # what is reported; the spans hold the verb itself
    start = min((a for a, _b in parts), default=att.sentence.end)
    best: tuple[int, str, int] | None = None
    for m_start, m_end, group in _sentence_acts(
        ctx.lang, ctx.norm, att.sentence.start, att.sentence.end
    ):
        if any(a <= m_start < b for a, b in parts):
            continue  # an act reported, not the attribution's own verb
        if not any(a <= m_start < b for a, b in att.spans):
            continue  # another clause's verb ("said it vetoed …")
        act = names[group]
        dist = start - m_end if m_end <= start else m_start - start + 10_000
        if best is None or dist < best[0]:
            best = (dist, act, m_start)
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=4096)
def _sentence_acts(lang: str, norm: str, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
    """Every act cue of a sentence (start, end, index of the act), not one followed by a
    complementizer ("recognised that …", "uznał, że …": a verb of saying, not the act).
    Memoised: a sentence is asked once for each of its attributions, and again for each
    pair of them (``without_reported_acts``); the article's text is one string object, so
    its hash is computed once."""
    rx, _names = _act_rx(lang)
    comp = _complementizers(lang)
    out: list[tuple[int, int, int]] = []
    if rx is None:
        return ()
    # ``rx.finditer``: each match found by the act cues' one alternation (the same cues in
    # the same order: the same match), its act then read from ``rx`` at that place only.
    find = _act_finder(lang)
    pos = start
    while (f := find.search(norm, pos, end)) is not None:
        m = rx.match(norm, f.start(), end)
        if m is None:  # not expected: the same regexes
            pos = f.start() + 1
            continue
        pos = m.end() if m.end() > m.start() else m.end() + 1
        after = norm[m.end() : m.end() + 24].lstrip(" ,")
        if comp is not None and comp.match(after):
            continue
        out.append((m.start(), m.end(), (m.lastindex or 1) - 1))
    return tuple(out)


@cache
def _act_finder(lang: str) -> re.Pattern[str]:
    """The act cues of ``lang`` (of :func:`_act_rx`, in its order) as one alternation
    without a group per act: the engine tries one branch per character (one trie of
    every act's cues) where ``_act_rx`` tries every act's alternation at every position
    (0.4-0.6 ms an article, the whole text)."""
    acts = act_cues().get(lang) or {}
    _rx, names = _act_rx(lang)
    return compiled(alternation([cue_regex(c, lang) for a in names for c in acts[a]]), lang)


def act_line(act: str | None, kind: str, line: str) -> str:
    """``line`` (a statement's or a claim's English line) saying what was done: "Voted
    against (on …)" for "Rejects (on …)"; a line whose kind is not the act's (a negated
    act, turned around: "did not sign") takes the act's negative head."""
    if act is None or act not in ACTS:
        return line
    act_kind, head, negative = ACTS[act]
    if kind != act_kind:
        if kind != _NEGATED.get(act_kind):  # "did not sign" rejects
            return line  # the verb is also another pack's verb of another kind
        head = negative
    tail = line[:1].lower() + line[1:] if line else ""
    for stem in _STATEMENT_HEADS:
        if line.startswith(stem):
            rest = line[len(stem) :].lstrip()
            return f"{head} {rest}".rstrip() if rest else head
    return f"{head}: {tail}" if tail else head


# Heads of statement lines outside the taxonomy (lexicons/stances.yaml
# ``statement_lines``) that an act's head replaces.
_STATEMENT_HEADS = (
    "States, in the negative,",
    "Denies or rules out",
    "Demands that something not be done",
    "Gives an assessment",
    "Withholds support",
    "States an intention",
    "States a view",
    "Rules out",
    "Disputes",
    "Warns",
    "Demands",
    "Rejects",
    "Offers",
    "Denies",
    "Threatens",
    "Supports",
)
