"""Key actors of one article: knowledge-base names, role phrases, discovered people.

Steps (each cheap per word; the knowledge base is compiled once per process):

1. knowledge-base names (all languages, through inflection and script) and non-actors
   (outlets, events) that must not name anyone;
2. role phrases ("US Secretary of State", "secretarul general al NATO", "دبیرکل ناتو")
   with the state or organisation that qualifies them, linked to the person named next to
   them, else to the office holder on the article's date, else to the one person of the
   article holding that role;
3. people the knowledge base lacks, found next to role phrases and reporting verbs, and
   misspelt names of known people ("Donfred");
4. surname-only mentions kept when the surname is distinctive or the full name is in the
   same article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from rapidfuzz import fuzz

from briefing.extract.actors.acronyms import defined_acronyms
from briefing.extract.actors.dates import reference_date
from briefing.extract.actors.discover import (
    discover_people,
    fuzzy_candidate,
    fuzzy_people,
    reporting_marks,
)
from briefing.extract.actors.groups import english_adjectives, find_groups, group_suffixes
from briefing.extract.actors.index import (
    Entry,
    Found,
    Match,
    Step,
    first_step,
    longest_matches,
    name_trie,
    role_trie,
)
from briefing.extract.actors.roles import find_roles, resolve_roles
from briefing.extract.actors.text import Words, locatives, marked_words
from briefing.extract.context import ArticleContext
from briefing.kb import KBActor, KnowledgeBase, knowledge_base
from briefing.models import Actor, Citation, Mention, Sentence


def extract_actors(ctx: ArticleContext) -> tuple[dict[str, Actor], list[Mention]]:
    """Actors of one article and every mention of them, sentence-indexed."""
    kb = knowledge_base()
    lang = ctx.lang
    # The article's text is the doc's text; Doc.text would rebuild it from the tokens.
    norm = ctx.norm
    sentences = ctx.sentences
    text = ctx.article.text if len(ctx.article.text) == len(norm) else ctx.text
    ws, picked, marks = marked_words(text, norm, lang, [s.start for s in sentences], _marker(lang))
    if not ws:
        return {}, []
    name_starts: list[tuple[int, Step]] = []
    role_starts: list[tuple[int, Step]] = []
    reported: list[int] = []
    fuzzy: list[int] = []
    for k, (name_step, role_step, opens, closes, fuzzy_word) in zip(picked, marks, strict=True):
        if name_step:
            name_starts.append((k, name_step))
        if role_step:
            role_starts.append((k, role_step))
        if opens:
            reported.append(k)
        if closes:
            reported.append(k + 1)
        if fuzzy_word:
            fuzzy.append(k)
    found: list[Found] = []
    blocked: set[int] = set()
    matches = longest_matches(ws.keys, name_trie(lang), None, name_starts)
    # Only a match shared by several actors needs the names written in full, and few do.
    in_full: set[str] | None = None
    venue_words = locatives(lang)
    for m in matches:
        entry = m.entries[0]
        if len(m.entries) > 1:
            if in_full is None:
                in_full = _in_full(matches)
            entry = _choose(m, ws, in_full)
        kind = entry.kind
        if kind == "block":
            blocked.update(range(m.i, m.j))
        elif kind == "seat":
            # "Moscow said" names Russia; "talks in Moscow" is a venue.
            if m.i == 0 or ws.folded[m.i - 1] not in venue_words:
                found.append(Found(m.i, m.j, entry.target, "name"))
            else:
                blocked.update(range(m.i, m.j))
        else:
            found.append(Found(m.i, m.j, entry.target, kind))
            parent = kb.part_of.get(entry.target)
            if parent is not None:
                # "Conseil permanent de l'OSCE" names the OSCE too.
                found.append(Found(m.i, m.j, parent, kind))
    day = reference_date(ctx, [f.actor for f in found if f.kind == "name"], kb)
    role_mentions = find_roles(ws, found, lang, text, kb, role_starts)
    discovered = discover_people(
        ws, found, role_mentions, blocked, lang, text, kb, sorted(set(reported))
    )
    found.extend(discovered.mentions)
    found.extend(fuzzy_people(ws, found, blocked, lang, kb, fuzzy))
    found.extend(resolve_roles(role_mentions, found, discovered.roles, ws, text, day, kb))
    found = _keep_linked_surnames(found, kb)
    groups, group_names = find_groups(ws, found, lang, kb, english_adjectives())
    found.extend(groups)
    discovered.names.update(group_names)
    bodies, body_names = defined_acronyms(ws, text, found, blocked, lang, kb)
    found.extend(bodies)
    discovered.names.update(body_names)
    return _build(
        ctx, sentences, text, ws, found, discovered.names, discovered.roles, day, kb, body_names
    )


_Mark = tuple[Step, Step, bool, bool, bool] | None


@cache
def _marker(lang: str) -> Callable[[str, str, tuple[str, ...]], _Mark]:
    """What the steps below look at in a word, from the word alone: its first steps into
    the name and role tries, whether it opens a reporting verb or closes "according to",
    and whether it may be a misspelt surname. Cached with the word's keys, so an article
    visits only the few words marked instead of passing over every word per step."""
    names, role_phrases = name_trie(lang), role_trie(lang)

    def mark(raw: str, folded: str, keys: tuple[str, ...]) -> _Mark:
        opens, closes = reporting_marks(folded, lang)
        got = (
            first_step(names, keys),
            first_step(role_phrases, keys),
            opens,
            closes,
            fuzzy_candidate(raw, folded),
        )
        return got if any(got) else None

    return mark


def _in_full(matches: list[Match]) -> set[str]:
    """Actors some match names by a full name of theirs alone."""
    return {
        m.entries[0].target
        for m in matches
        if m.entries[0].kind == "name"
        and (len(m.entries) == 1 or all(e.target == m.entries[0].target for e in m.entries))
    }


def _choose(m: Match, ws: Words, in_full: set[str]) -> Entry:
    """The entry a match stands for when several actors share its key: a non-actor first,
    then a full name over a surname, then an actor the article names in full ("Johnson"
    after "Boris Johnson"), then the alias closest to the words as written (Russian
    "Нигерии" is Nigeria, not Niger)."""
    first = m.entries[0]
    if first.kind == "block" or all(e.target == first.target for e in m.entries):
        return first
    written = " ".join(ws.folded[m.i : m.j])
    return max(
        m.entries,
        key=lambda e: (
            e.kind in ("name", "seat"),
            e.target in in_full,
            fuzz.ratio(e.form, written),
        ),
    )


def _keep_linked_surnames(found: list[Found], kb: KnowledgeBase) -> list[Found]:
    """Drop a surname-only mention of a person whose surname is ambiguous ("Price") unless
    the same article names the person in full or by role."""
    full = {f.actor for f in found if f.kind != "surname"}
    out = []
    for f in found:
        person = kb.actors.get(f.actor)
        if f.kind == "surname" and f.actor not in full and person and not person.surname_alone:
            continue
        out.append(f)
    return out


def _build(
    ctx: ArticleContext,
    sentences: list[Sentence],
    text: str,
    ws: Words,
    found: list[Found],
    discovered_names: dict[str, str],
    discovered_roles: dict[str, str],
    day: dt.date,
    kb: KnowledgeBase,
    bodies: dict[str, str] | None = None,
) -> tuple[dict[str, Actor], list[Mention]]:
    """``bodies``: organisations the knowledge base lacks (id -> name)."""
    source = ctx.article.id
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    role_forms: dict[str, list[str]] = {}
    citations: dict[int, Citation] = {}
    cited: set[tuple[str, int]] = set()
    # The index breaks ties as a stable sort would, and keeps Found out of comparisons.
    starts, ends, sentence_of = ws.start, ws.end, ws.sentence
    order = sorted([(starts[f.i], -f.j, n, f) for n, f in enumerate(found)])
    known = kb.actors.get
    for start, _end, _n, f in order:
        actor_id = f.actor
        end = ends[f.j - 1]
        span = (start, end, actor_id)
        if span in seen:
            continue
        seen.add(span)
        sent = sentence_of[f.i]
        surface = text[start:end]
        mentions.append(Mention(actor_id, start, end, surface, sent))
        actor = actors.get(actor_id)
        if actor is None:
            actor = actors[actor_id] = _new_actor(
                actor_id, known(actor_id), discovered_names, discovered_roles, day, bodies or {}
            )
            actor.sources.add(source)
        actor.mentions += 1
        if f.kind == "role":
            role_forms.setdefault(actor_id, []).append(surface)
        elif surface not in actor.surface_forms:
            actor.surface_forms.append(surface)
        if sentences and (actor_id, sent) not in cited:
            cited.add((actor_id, sent))
            citation = citations.get(sent)
            if citation is None:
                citation = citations[sent] = ctx.cite(sentences[sent])
            actor.citations.append(citation)
    for actor in actors.values():
        # Names first, then the role phrases that stood for the person.
        for form in role_forms.get(actor.id, []):
            if form not in actor.surface_forms:
                actor.surface_forms.append(form)
        actor.salience = float(actor.mentions)
    return actors, mentions


def _new_actor(
    actor_id: str,
    known: KBActor | None,
    discovered_names: dict[str, str],
    discovered_roles: dict[str, str],
    day: dt.date,
    bodies: dict[str, str],
) -> Actor:
    if known is None and actor_id in bodies:
        return Actor(id=actor_id, name=bodies[actor_id], type="organization")
    if known is None and actor_id.endswith(group_suffixes()):
        return Actor(id=actor_id, name=discovered_names[actor_id], type="other")
    if known is None:
        return Actor(
            id=actor_id,
            name=discovered_names.get(actor_id, actor_id),
            type="person",
            role=discovered_roles.get(actor_id),
        )
    office = known.office_on(day)
    return Actor(
        id=known.id,
        name=known.name,
        type=known.type,
        role=office.title if office else None,
        kind=known.kind,
    )
