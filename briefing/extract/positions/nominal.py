"""Stances held in a noun: "Hamas's refusal to extend the truce", "la propuesta de Qatar",
"požadavky Moskvy", "Rusya'nın teklifi", "סירוב חמאס" — the actor owning the noun holds the
stance the noun names (rejects, warns, offers, demands), on what follows the noun.

The owner stands right before the noun (a possessive "'s", a genitive or an adjective:
"Russlands Angebot", "Venäjän vaatimus", "the US proposal") or right after it (a genitive
or construct state: "propozycja Polski", "סירוב חמאס"; or one of the language's
``owner_links``: "of", "de la", "από την"). A noun that is also a verb form of the language
("calls", "offers", "رفض") takes an owner only across a possessive or a link, never bare:
bare, it is the verb and its subject or object. The words are each language pack's
``holders.yaml`` (``stance_nouns``, ``owner_links``) and ``reporting.yaml``'s
``demand_nouns``; one pattern per language, compiled once; one scan per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from briefing import langpacks
from briefing.extract.attribution import Attribution, find_quotes, lexicon, reporting_table
from briefing.extract.context import ArticleContext
from briefing.extract.topics import cue_regex, match_topics, text_keys_among, topic_keys
from briefing.models import Mention
from briefing.nlp.alternation import alternation, compiled

# first listed wins a noun in two lists; "says": a document ("in a statement of X")
_KINDS = ("rejects", "warns", "offers", "demands", "says")
_DOC_VERB_WORDS = 4  # words between a document noun (and its owner) and the verb it governs
# What a document itself does ("the resolution demands / condemns / warns"); a document
# before "supported" or "adopted" is their object in a free word order ("Návrh rezoluce
# podpořilo 13 členů").
_DOC_KINDS = frozenset({"demands", "rejects", "warns", "threatens", "says"})
_COUNCIL = "un-security-council"  # who adopts a resolution no owner is named for
# Between an owner and the noun after it: nothing, a possessive, or a case ending after an
# apostrophe ("Russia's", "Rusya'nın", "EU:n").
_BEFORE_GAP = re.compile(r"(?:['’:]\w{0,4})?\s*")
_BREAK = re.compile(r"[,;:!?()\[\]«»“”„\"–—]")
_DETERMINER = 3  # letters of a word after an owner link ("the", "its", "la")
_CONTENT_WORDS = 3  # words after the noun: a stance on something, not a bare mention


def _alt(cues: Iterable[str], lang: str) -> str:
    return "(?:" + alternation([cue_regex(str(c), lang) for c in cues if str(c).strip()]) + ")"


@cache
def _nouns(lang: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """(one pattern of every stance noun, a named group per kind and "resolution" for
    resolutions; the owner links, normalised)."""
    pack: Mapping = langpacks.section("holders").get(lang) or {}
    table: Mapping = pack.get("stance_nouns") or {}
    demand = (reporting_table().get("demand_nouns") or {}).get(lang) or ()
    groups = []
    for kind in _KINDS:
        cues = [str(c) for c in table.get(kind) or ()]
        if kind == "demands":
            cues += [str(c) for c in demand]
        if cues:
            groups.append(f"(?P<{kind}>{_alt(cues, lang)})")
    resolutions = [str(c) for c in pack.get("resolution_nouns") or ()]
    if resolutions:
        groups.append(f"(?P<resolution>{_alt(resolutions, lang)})")
    links = frozenset(" ".join(str(x).lower().split()) for x in pack.get("owner_links") or ())
    if not groups:
        return None, links
    return compiled("|".join(groups), lang), links


def _link(gap: str, links: frozenset[str]) -> str | None:
    """What ``gap`` is between a noun and the owner after it: "" (nothing), "link", or
    None (anything else)."""
    g = " ".join(gap.lower().split())
    if not g:
        return ""
    if g in links or (g.endswith(("'", "’")) and g[:-1].rstrip() + "'" in links):
        return "link"
    # A link and a short determiner ("from the", "of its"): the owner's noun phrase.
    head, _sep, last = g.rpartition(" ")
    if head in links and 0 < len(last) <= _DETERMINER:
        return "link"
    return None


def _owner(
    ctx: ArticleContext,
    mentions: list[Mention],
    start: int,
    end: int,
    links: frozenset[str],
    verb_too: bool,
) -> Mention | None:
    """The actor owning the noun at ``start:end``, or None."""
    text = ctx.article.text
    before = [m for m in mentions if m.end <= start]
    if before:
        m = before[-1]
        gap = text[m.end : start]
        if _BEFORE_GAP.fullmatch(gap) and (gap.strip() or not verb_too):
            return m
    after = next((m for m in mentions if m.start >= end), None)
    if after is not None:
        kind = _link(text[end : after.start], links)
        if kind == "link" or (kind == "" and not verb_too):
            return after
    return None


def _governed_verb(ctx: ArticleContext, s_end: int, lo: int) -> tuple[int, int, str] | None:
    """The reporting verb a document noun is the subject of ("the statement condemns",
    "rezoluce vyzývá"): within a few words after it, nothing but words between."""
    lex = lexicon(ctx.lang)
    if lex.any_verb is None or lex.verb_kinds is None:
        return None
    text = ctx.article.text
    words = re.match(rf"(?:\s*\S+){{0,{_DOC_VERB_WORDS + 1}}}", text[lo:s_end])
    hi = lo + (words.end() if words else 0)
    brk = _BREAK.search(text, lo, hi)
    v = lex.any_verb.search(ctx.norm, lo, brk.start() if brk else hi)
    if v is None:
        return None
    k = lex.verb_kinds.fullmatch(ctx.norm, v.start(), v.end())
    if k is None or not k.lastindex:
        return None
    return v.start(), v.end(), lex.verbs[k.lastindex - 1][0]


def _on_topic(ctx: ArticleContext, parts: tuple[tuple[int, int], ...]) -> bool:
    """Whether the noun's clause names a topic of the briefing (the stance's object)."""
    lang = ctx.lang
    norm = " \u2016 ".join(ctx.norm[a:b] for a, b in parts)
    return bool(match_topics(norm, lang, text_keys_among(norm, topic_keys(lang))))


def _reports(ctx: ArticleContext, s_end: int, tail: int) -> bool:
    """Whether a document phrase reports the sentence: a complementizer opens what
    follows it ("in een verklaring van Hamas dat …", "ANO paziņojuma, ka …"), or it
    closes the sentence ("…, heter det i en uttalelse fra FN-rådet.")."""
    rest = ctx.article.text[tail:s_end]
    if not rest.strip(" .!?\"'»”“"):
        return True
    comp = lexicon(ctx.lang).complementizers
    m = re.match(r"[\s,:]*(\S+)", ctx.norm[tail:s_end])
    return comp is not None and m is not None and comp.fullmatch(m.group(1)) is not None


def _council_near(by_sentence: Mapping[int, list[Mention]], index: int) -> bool:
    """Whether the Security Council is named in this sentence or the one before (the body
    a resolution no owner is named for comes from)."""
    return any(m.actor == _COUNCIL for i in (index - 1, index) for m in by_sentence.get(i, ()))


def nominal_attributions(ctx: ArticleContext, have: list[Attribution]) -> list[Attribution]:
    """One attribution per stance noun whose owner is an actor (via "noun"): the owner
    holds the noun's kind of stance on what follows the noun, to the end of its clause.
    A document ("statement", "resolution") holds the stance of the verb it is the subject
    of ("the resolution demands …"), its author's; a sentence nobody else speaks in is
    its author's when it says it comes from the document ("…, heter det i en uttalelse
    fra FN-rådet"). Not for a noun inside a quotation, nor for an owner who already
    speaks in the sentence (their own words say more than the noun)."""
    rx, links = _nouns(ctx.lang)
    if rx is None:
        return []
    norm, text = ctx.norm, ctx.article.text
    verb = lexicon(ctx.lang).any_verb
    speakers: dict[int, set[str]] = {}
    for a in have:
        speakers.setdefault(a.sentence.index, set()).update(a.speakers)
    by_sentence = ctx.mentions_by_sentence()
    out: list[Attribution] = []
    for s in ctx.sentences:
        mentions = by_sentence.get(s.index)
        if not mentions:
            continue
        quotes: list[tuple[int, int]] | None = None
        for n in rx.finditer(norm, s.start, s.end):
            kind = n.lastgroup
            if kind is None:
                continue
            if quotes is None:
                quotes = find_quotes(text, s, ctx.lang)
            a, b = n.span()
            if any(qa <= a < qb for qa, qb in quotes):
                continue
            verb_too = verb is not None and verb.match(norm, a) is not None
            owner = _owner(ctx, mentions, a, b, links, verb_too)
            held = speakers.get(s.index, set())
            tail = max(b, owner.end) if owner is not None and owner.start >= b else b
            if kind in ("says", "resolution"):
                author = owner.actor if owner is not None else None
                if author is None and kind == "resolution" and _council_near(by_sentence, s.index):
                    author = _COUNCIL
                if not author or author in held:
                    continue
                governed = _governed_verb(ctx, s.end, tail)
                if governed is not None and governed[2] in _DOC_KINDS:
                    _vs, ve, vkind = governed
                    span = ((ve, s.end),)
                    out.append(Attribution(s, (author,), vkind, span, "noun", span))
                elif kind == "says" and not held and _reports(ctx, s.end, tail):
                    parts = tuple(
                        (x, y) for x, y in ((s.start, a), (tail, s.end)) if text[x:y].strip(" ,.;:")
                    )
                    if not parts:
                        continue
                    out.append(Attribution(s, (author,), "says", parts, "noun", parts))
                else:
                    continue
                speakers.setdefault(s.index, set()).add(author)
                continue
            if owner is None or not owner.actor or owner.actor in held:
                continue
            # What the stance is on: the noun's clause ("a 30-day ceasefire proposal from
            # the US", "Hamas's refusal to extend the truce"), its owner left out.
            brk = _BREAK.search(text, tail, s.end)
            hi = brk.start() if brk else s.end
            lo = max([s.start, *(m.end() for m in _BREAK.finditer(text, s.start, a))])
            parts = tuple(
                (x, y)
                for x, y in ((lo, min(a, owner.start)), (max(b, owner.end), hi))
                if text[x:y].strip()
            )
            if sum(len(text[x:y].split()) for x, y in parts) < _CONTENT_WORDS:
                continue
            if not _on_topic(ctx, parts):
                continue  # "Azerbaijan's proposals on two articles": a stance on nothing we key
            out.append(Attribution(s, (owner.actor,), kind, ((lo, hi),), "noun", parts))
            speakers.setdefault(s.index, set()).add(owner.actor)
    return out
