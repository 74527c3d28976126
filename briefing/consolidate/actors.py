"""Merge actors across articles by id and rank them by salience.

Knowledge-base actors share ids across languages already. People found in the text
(not in the knowledge base) get the slug of their name, so spelling variants of one
unknown person ("Andrij Melnyk", "Andriy Melnyk") are merged by name similarity, compared
only within a bucket of the same initials so the merge stays linear. A spelling in another
script ("داليب سينغ", "Далип Сингх") is merged into the Latin one whose consonants it
writes, compared within a bucket of the same surname consonants.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from briefing.consolidate._cite import union_citations
from briefing.extract.actors.text import same_person_across_scripts, skeleton, spelling_key
from briefing.kb import knowledge_base
from briefing.models import Actor, ArticleFindings, Citation

SAME_PERSON = 88.0


def actor_aliases(findings: list[ArticleFindings]) -> dict[str, str]:
    """Discovered person id -> the id it is merged into, for every other section to use."""
    return _discovered_aliases(findings, set(knowledge_base().actors))


def merge_actors(
    findings: list[ArticleFindings], aliases: dict[str, str] | None = None
) -> list[Actor]:
    merged: dict[str, Actor] = {}
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, list[tuple[dt.date, int, str]]] = defaultdict(list)
    if aliases is None:
        aliases = actor_aliases(findings)
    kb_actors = knowledge_base().actors
    # Citation lists per actor, joined once at the end: joining at every article would
    # rebuild the union each time (quadratic for an actor named in every article).
    cited: dict[str, list[list[Citation]]] = defaultdict(list)
    forms: dict[str, dict[str, None]] = defaultdict(dict)  # an ordered set per actor
    for order, f in enumerate(findings):
        published = f.article.published or dt.date.min
        for actor in f.actors.values():
            actor_id = aliases.get(actor.id, actor.id)
            cur = merged.get(actor_id)
            if cur is None:
                known = kb_actors.get(actor_id) if actor_id != actor.id else None
                cur = merged[actor_id] = Actor(
                    id=actor_id,
                    name=known.name if known else actor.name,
                    type=known.type if known else actor.type,
                    role=actor.role,
                    kind=known.kind if known else actor.kind,
                )
            if actor.role:
                roles[actor_id].append((published, order, actor.role))
            cur.mentions += actor.mentions
            per_source[actor_id][f.article.id] += actor.mentions
            forms[actor_id].update(dict.fromkeys(actor.surface_forms))
            cited[actor_id].append(actor.citations)
            cur.sources.add(f.article.id)
    for actor_id, actor in merged.items():
        actor.citations = union_citations(*cited[actor_id])
        actor.surface_forms = list(forms[actor_id])
        actor.role = _role(roles.get(actor_id, []), actor.role)
        actor.salience = salience(per_source[actor_id].values())
    return sorted(merged.values(), key=lambda a: (-a.salience, a.name))


def salience(mentions_per_source: Iterable[int]) -> float:
    """Each source that names the actor counts 1, plus the log of how often it does:
    being reported by several sources matters more than being repeated by one."""
    return round(sum(1.0 + math.log1p(m) for m in mentions_per_source), 4)


def _role(candidates: list[tuple[dt.date, int, str]], default: str | None) -> str | None:
    """The role stated by the newest article (by publication date, then input order); the
    most frequent one among equally dated articles."""
    if not candidates:
        return default
    newest = max(c[0] for c in candidates)
    counts = Counter(role for day, _, role in candidates if day == newest)
    best = max(counts.values())
    return next(
        role
        for day, _, role in sorted(candidates, key=lambda c: -c[1])
        if day == newest and counts[role] == best
    )


def _discovered_aliases(findings: list[ArticleFindings], known: set[str]) -> dict[str, str]:
    """Discovered person id -> the id it is merged into (the most mentioned spelling)."""
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for f in findings:
        for actor in f.actors.values():
            if actor.type == "person" and actor.id not in known:
                names.setdefault(actor.id, actor.name)
                counts[actor.id] += actor.mentions
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for actor_id, name in names.items():
        parts = name.lower().split() or [name]
        buckets[(parts[0][:1], parts[-1][:1])].append(actor_id)
    out = _across_scripts(names, counts)
    for members in buckets.values():
        members = [m for m in members if m not in out]
        members.sort(key=lambda a: (-counts[a], a))
        heads: list[str] = []
        for actor_id in members:
            head = next(
                (h for h in heads if fuzz.ratio(names[h], names[actor_id]) >= SAME_PERSON), None
            )
            if head is None:
                heads.append(actor_id)
            else:
                out[actor_id] = head
    # A person discovered under another language's spelling of a known name ("Nikol
    # Pašinjan", "Miroslav Lajčak", "Ilhama Alijeva") is the known person.
    for actor_id, name in names.items():
        head = out.get(actor_id, actor_id)
        if head in known:
            continue
        person = known_spelling(name)
        if person is not None:
            out[actor_id] = person
            if head != actor_id:
                out[head] = person
    for actor_id in out:  # a spelling merged into one that is merged in turn
        seen = {actor_id}
        while out[actor_id] in out and out[actor_id] not in seen:
            seen.add(out[actor_id])
            out[actor_id] = out[out[actor_id]]
    return out


KNOWN_SPELLING = 90.0


@cache
def _known_people() -> dict[str, list[tuple[str, str, str]]]:
    """Known people by the first letter of their surname's spelling key: (first-name
    initial key, surname key, id), from every multi-word alias in a cased script."""
    kb = knowledge_base()
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for alias in kb.aliases:
        actor = kb.actors.get(alias.actor)
        words = alias.text.split()
        if actor is None or actor.type != "person" or alias.kind != "name" or len(words) < 2:
            continue
        if not all(ch.isalpha() or ch in "-'." for ch in "".join(words)):
            continue
        first, last = spelling_key(words[0])[:1], spelling_key(words[-1])
        if last and (first, last, alias.actor) not in out[last[:1]]:
            out[last[:1]].append((first, last, alias.actor))
    return out


def known_spelling(name: str) -> str | None:
    """The known person a discovered full name spells in another language's way (first
    names agree on their initial, surnames on their spelling key within an inflection),
    when exactly one does."""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = spelling_key(words[0])[:1], spelling_key(words[-1])
    if len(last) < 4:
        return None
    hits = {
        actor
        for f, key, actor in _known_people().get(last[:1], ())
        if f == first and fuzz.ratio(key, last) >= KNOWN_SPELLING
    }
    return hits.pop() if len(hits) == 1 else None


def _across_scripts(names: dict[str, str], counts: Counter[str]) -> dict[str, str]:
    """Discovered people written in another script -> the Latin-script one they spell, when
    exactly one matches."""
    latin_by_key: dict[str, list[str]] = defaultdict(list)
    others: list[str] = []
    for actor_id, name in names.items():
        if all(ord(ch) < 0x250 for ch in name):
            for j_vowel in (False, True):
                key = skeleton(name, j_vowel).split()
                if key and actor_id not in latin_by_key[key[-1][:1]]:
                    latin_by_key[key[-1][:1]].append(actor_id)
        else:
            others.append(actor_id)
    out: dict[str, str] = {}
    for actor_id in others:
        key = skeleton(names[actor_id]).split()
        hits = [
            h
            for h in latin_by_key.get(key[-1][:1] if key else "", [])
            if same_person_across_scripts(names[h], names[actor_id])
        ]
        if hits:
            out[actor_id] = max(hits, key=lambda h: (counts[h], h))
    return out
