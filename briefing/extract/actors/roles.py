"""Role phrases: find them with their qualifying state or organisation, then link each to
a person (see lexicons/actors_roles.yaml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from briefing.extract.actors.index import Found, Step, longest_matches, role_trie
from briefing.extract.actors.text import Words, fold, morphology
from briefing.kb import KnowledgeBase, role_words, roles

# Only these may stand between a role, its qualifier and a name: "US Secretary of State
# Antony Blinken", "Mélanie Joly, Canada's foreign minister", "NATO-Russia".
_JOINERS = " \t-'’\u2013\u00a0\u200c"
_PERSON_KINDS = frozenset({"name", "surname", "discovered", "fuzzy"})


@dataclass(slots=True)
class RoleMention:
    i: int  # role phrase words
    j: int
    role: str
    qualifier: str | None  # state or organisation id
    lo: int  # whole phrase with its qualifier
    hi: int


@cache
def _before_only() -> frozenset[str]:
    from briefing.data import load_yaml

    table = load_yaml("lexicons/actors_morphology.yaml")
    return frozenset(table.get("qualifier_before_only") or [])


@cache
def _folded_words(lang: str, kind: str) -> frozenset[str]:
    return frozenset(fold(w) for w in role_words(lang, kind))


def gap(ws: Words, text: str, a: int, b: int) -> str:
    """Text between the end of word ``a`` and the start of word ``b``."""
    return text[ws.end[a] : ws.start[b]]


def joined(ws: Words, text: str, a: int, b: int) -> bool:
    # Nothing is left of a gap made only of joiners once they are stripped.
    return ws.sentence[a] == ws.sentence[b] and not gap(ws, text, a, b).strip(_JOINERS)


def find_roles(
    ws: Words,
    found: Sequence[Found],
    lang: str,
    text: str,
    kb: KnowledgeBase,
    starts: Sequence[tuple[int, Step]] | None = None,
) -> list[RoleMention]:
    """Role phrases with the state or organisation right before ("US Secretary of State"),
    inside ("ministrul rus de externe") or right after ("secretarul general al NATO").
    ``starts``: the words that open a role phrase (see :func:`longest_matches`)."""
    body_ids = _body_ids(kb)
    bodies = [f for f in found if f.kind == "name" and f.actor in body_ids]
    slots = {f.i: f.j for f in bodies}
    by_end = {f.j: f for f in bodies}
    by_start = {f.i: f for f in bodies}
    connectors = morphology(lang).connectors | morphology("en").connectors
    deputies = _folded_words(lang, "deputy_markers")
    before_only = lang in _before_only()
    modifiers = _folded_words(lang, "modifiers")
    table = roles()
    out: list[RoleMention] = []
    for m in longest_matches(ws.keys, role_trie(lang), slots, starts):
        qualifier: str | None = None
        lo, hi = m.i, m.j
        role = m.entries[0].target
        # "نائبة وزير الخارجية", "secrétaire d'État adjointe": the deputy's role, never the
        # principal's (a deputy is not the minister).
        deputy_before = (
            m.i > 0 and ws.folded[m.i - 1] in deputies and joined(ws, text, m.i - 1, m.i)
        )
        deputy_after = (
            m.j < len(ws) and ws.folded[m.j] in deputies and joined(ws, text, m.j - 1, m.j)
        )
        if deputy_before or deputy_after:
            role = str(table[role].get("deputy") or "official")
            if deputy_before:
                lo = m.i - 1
            if deputy_after:
                m = m._replace(j=m.j + 1)
                hi = m.j
        if m.slot is not None:
            qualifier = by_start[m.slot[0]].actor
        before = by_end.get(lo)
        if before is None and lo > 1 and ws.folded[lo - 1] == "s":
            before = by_end.get(lo - 1)  # possessive: "Canada's foreign minister"
        if (
            qualifier is None
            and before is not None
            and all(joined(ws, text, x, x + 1) for x in range(before.j - 1, lo))
        ):
            qualifier, lo = before.actor, before.i
        qualified_after = False
        if qualifier is None and not before_only:
            k = m.j
            while k < len(ws) and k - m.j < 3 and ws.folded[k] in connectors:
                k += 1
            after = by_start.get(k)
            if after is not None and all(joined(ws, text, x, x + 1) for x in range(m.j - 1, k)):
                qualifier, hi, qualified_after = after.actor, after.j, True
        # "náměstek ruského ministra zahraničí": the marker before the qualifier.
        if (
            not deputy_before
            and 0 < lo < m.i
            and ws.folded[lo - 1] in deputies
            and joined(ws, text, lo - 1, lo)
        ):
            role = str(table[m.entries[0].target].get("deputy") or "official")
            lo -= 1
        # "il senatore repubblicano Ted Cruz": a party label between the role and the name.
        while hi < len(ws) and ws.folded[hi] in modifiers and joined(ws, text, hi - 1, hi):
            hi += 1
        out.append(RoleMention(m.i, m.j, role, qualifier, lo, hi))
        # "the prime ministers of Czechia and Slovenia": one role, two holders.
        other = by_start.get(hi + 1)
        if (
            qualified_after
            and other is not None
            and ws.folded[hi] in morphology(lang).coordinators
            and joined(ws, text, hi - 1, hi)
            and joined(ws, text, hi, hi + 1)
        ):
            out.append(RoleMention(m.i, m.j, role, other.actor, lo, other.j))
    return out


_BODIES: dict[int, tuple[KnowledgeBase, frozenset[str]]] = {}


def _body_ids(kb: KnowledgeBase) -> frozenset[str]:
    """Ids of the states and organisations; the knowledge base never changes once built."""
    hit = _BODIES.get(id(kb))
    if hit is None or hit[0] is not kb:
        ids = frozenset(k for k, a in kb.actors.items() if a.type in ("state", "organization"))
        hit = _BODIES[id(kb)] = (kb, ids)
    return hit[1]


def adjacent_person(
    rm: RoleMention, found: Sequence[Found], ws: Words, text: str, kb: KnowledgeBase
) -> Found | None:
    """The person named right after the role phrase, or right before it (apposition:
    "Hanna Maliar, Deputy Defence Minister", Persian "ملانی جولی وزیر امور خارجه")."""
    for f in found:
        if f.i != rm.hi and f.j != rm.lo:
            continue  # the cheap test first: most mentions are elsewhere
        if f.kind not in _PERSON_KINDS or not _is_person(f.actor, kb):
            continue
        if f.i == rm.hi and joined(ws, text, rm.hi - 1, f.i):
            return f
        if f.j == rm.lo and ws.sentence[f.j - 1] == ws.sentence[rm.lo]:
            between = gap(ws, text, f.j - 1, rm.lo).strip()
            if between in ("", ","):
                return f
    return None


def _is_person(actor_id: str, kb: KnowledgeBase) -> bool:
    actor = kb.actors.get(actor_id)
    return actor is None or actor.type == "person"


def resolve_roles(
    mentions: Sequence[RoleMention],
    found: Sequence[Found],
    discovered_roles: dict[str, str],
    ws: Words,
    text: str,
    day: dt.date,
    kb: KnowledgeBase,
) -> list[Found]:
    """A mention of the person each role phrase names, when it names one person."""
    named = {f.actor for f in found if f.kind in _PERSON_KINDS}
    table = roles()
    out: list[Found] = []
    for rm in mentions:
        if adjacent_person(rm, found, ws, text, kb) is not None:
            continue  # the name beside it is the mention
        person = _holder(rm, named, table, day, kb, discovered_roles)
        if person is not None:
            out.append(Found(rm.i, rm.j, person, "role"))
    return out


def _holder(
    rm: RoleMention,
    named: set[str],
    table: dict[str, dict[str, object]],
    day: dt.date,
    kb: KnowledgeBase,
    discovered_roles: dict[str, str],
) -> str | None:
    if table[rm.role].get("generic"):
        return None
    if rm.qualifier is not None:
        holders = kb.holders(rm.role, rm.qualifier)
        in_article = {a.id for a, _ in holders if a.id in named}
        if len(in_article) == 1:
            return in_article.pop()
        if not table[rm.role].get("unique") or in_article:
            return None
        current = {a.id for a, o in holders if o.held_on(day)}
        return current.pop() if len(current) == 1 else None
    bodies = {o.of for _, o in kb.holders(rm.role, None)}
    if len(bodies) == 1 and table[rm.role].get("unique"):
        # A role of one body only ("Commission President"): qualified by that body.
        qualified = RoleMention(rm.i, rm.j, rm.role, bodies.pop(), rm.lo, rm.hi)
        return _holder(qualified, named, table, day, kb, discovered_roles)
    label = str(table[rm.role]["label"])
    candidates = {
        actor_id
        for actor_id in named
        if (person := kb.actors.get(actor_id)) is not None
        and any(o.role == rm.role for o in person.offices)
    }
    candidates |= {
        actor_id
        for actor_id, role in discovered_roles.items()
        if actor_id in named and role.startswith(label)
    }
    return candidates.pop() if len(candidates) == 1 else None
