"""Stated positions: who holds or said what, on which topic, as one English line.

Each attributed statement (:mod:`briefing.extract.attribution`) is matched against the
topic taxonomy (``data/lexicons/topics.yaml``); its stance kind comes from the verb
("warned", "domaga się", "a respins"), else from content cues ("no reason to believe",
"nie pójdą na ustępstwa", stance cues of the language packs, ``data/lang/<code>/reporting.yaml``), else from the claim. The line
is composed from the taxonomy's English phrases: nothing is translated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import cache

from briefing.data import load_yaml
from briefing.extract.attribution import Attribution, attribute, lexicon, reporting_table
from briefing.extract.context import ArticleContext
from briefing.extract.positions.acts import act_line, act_of, without_reported_acts
from briefing.extract.positions.nominal import nominal_attributions
from briefing.extract.positions.statements import (
    add_quote,
    evaluation,
    negated_before,
    statement_mood,
    statements,
)
from briefing.extract.topics import (
    Claim,
    CueIndex,
    Topic,
    TopicHit,
    compile_cues,
    cues_for,
    match_topics,
    text_keys_among,
    topic_keys,
    topics,
)
from briefing.kb import knowledge_base
from briefing.models import Citation, Position, Quote, Sentence

STANCE_KINDS = (
    "demands",
    "rejects",
    "supports",
    "warns",
    "threatens",
    "offers",
    "denies",
    "assesses",
)
_MAX_TOPICS = 3  # per statement: beyond that a sentence is a list, not a position
_STANCE_KINDS = frozenset(STANCE_KINDS)
_LISTING_KINDS = frozenset({"demands", "offers"})
_NAMING_KINDS = frozenset({"denies", "warns"})  # kinds that imply the topic's main claim
# A kind a claim does not take, read as the nearest one it does.
_NEAR_KINDS = {
    "rejects": "denies",
    "denies": "rejects",
    "threatens": "warns",
    "warns": "threatens",
    "offers": "supports",
    "supports": "offers",
}
_CLAUSE = re.compile(r"[,;:–—\u2016]")
_SHORT_CLAUSE = 6  # words: an infinitive or complement clause, not a statement of its own


@cache
def _stances() -> dict:
    """stances.yaml (templates, signs) with the language packs' stance cues, demand nouns
    and anaphora (``reporting.yaml``)."""
    table = dict(load_yaml("lexicons/stances.yaml") or {})
    packs = reporting_table()
    for key in ("demand_nouns", "anaphora"):
        table[key] = packs.get(key) or {}
    cues = packs.get("stance_cues") or {}
    order = [str(k) for k in table.get("cue_order") or ()]
    table["cues"] = {k: cues[k] for k in [*order, *cues] if k in cues}
    return table


@cache
def _kind_cues(lang: str) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], CueIndex]:
    out = []
    cue_lists = []
    for kind, table in (_stances().get("cues") or {}).items():
        cues = cues_for(table, lang)
        rx = compile_cues(cues, lang)
        if rx is not None:
            out.append((str(kind), rx))
            cue_lists.append(cues)
    return tuple(out), CueIndex(cue_lists, lang)


def stance_sign(kind: str | None) -> int:
    return int((_stances().get("signs") or {}).get(kind or "", 0))


def _label_phrase(label: str) -> str:
    first = label.split()[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


def stance_line(topic: Topic, claim: Claim | None, kind: str) -> str:
    """One English line for ``kind`` on ``claim`` (or on the topic alone)."""
    if claim is not None:
        if kind in claim.lines:
            return claim.lines[kind]
        template = (_stances().get("templates") or {}).get(kind, "{object}")
        text = template.format(object=claim.object)
    else:
        template = (_stances().get("topic_templates") or {}).get(kind, "{label}")
        text = template.format(label=_label_phrase(topic.label))
    return text[:1].upper() + text[1:]


@cache
def _statement_keys(lang: str) -> frozenset[str]:
    """The keys the topic and content-kind indexes look at."""
    return topic_keys(lang) | _kind_cues(lang)[1].all_keys


def _usable_kind_cues(lang: str, keys: AbstractSet[str]) -> list[tuple[str, re.Pattern[str]]]:
    """The content cues of each kind that may match a text with these text keys."""
    kind_cues, index = _kind_cues(lang)
    return [kind_cues[i] for i in index.candidates(keys)]


def _content_kind(
    norm: str, lang: str, hit: TopicHit, kind_cues: list[tuple[str, re.Pattern[str]]]
) -> str | None:
    """Kind from content cues (``kind_cues``: those that may match ``norm``), ignoring cues
    inside the claim's own words ("ready to invade" is an assessment, not an offer)."""
    if not kind_cues:
        return None
    # Only within the hit's own clause: "ready for dialogue, but will not give up
    # enlargement" rejects enlargement, not dialogue.
    bounds = list(_CLAUSE.finditer(norm, 0, hit.start))
    start = bounds[-1].end() if bounds else 0
    after = _CLAUSE.search(norm, hit.end)
    stop = after.start() if after else len(norm)
    windows = [(start, stop)]
    if (
        bounds
        and bounds[-1].group() == ","
        and len(norm[start:stop].split()) <= _SHORT_CLAUSE
        and not (
            (contrasts := lexicon(lang).contrasts) and contrasts.match(norm[start:stop].lstrip())
        )
    ):
        # A short clause after a comma completes the one before ("hat keine Absicht, in
        # die Ukraine einzumarschieren"): its cues speak for the hit too.
        before = bounds[-2].end() if len(bounds) > 1 else 0
        windows.append((before, bounds[-1].start()))
    for lo, hi in windows:
        for kind, rx in kind_cues:
            for m in rx.finditer(norm, lo, hi):
                if not (hit.start <= m.start() and m.end() <= hit.end):
                    return kind
    return None


def _kind(
    stated: str | None,
    norm: str,
    lang: str,
    hit: TopicHit,
    kind_cues: list[tuple[str, re.Pattern[str]]],
) -> str | None:
    """The stance kind (``stated``: the verb's, if a stance kind), or None when the kind
    found makes no sense for the claim."""
    claim = hit.claim
    default = (claim.default_kind if claim else None) or hit.topic.default_kind or "assesses"
    kind = stated or _content_kind(norm, lang, hit, kind_cues)
    if kind is None:
        return default
    if claim is not None and claim.kinds is not None and kind not in claim.kinds:
        # "schließt einen Angriff aus" (rules out an attack) denies it.
        near = _NEAR_KINDS.get(kind)
        return near if near in claim.kinds else None
    return kind


# A claim's default kind in a negated statement ("has no plans to send troops").
_NEGATED_KINDS = {
    "offers": "rejects",
    "supports": "rejects",
    "demands": "rejects",
    "threatens": "rejects",
    "assesses": "denies",
    "warns": "denies",
}


def _negated_kind(hit: TopicHit, kind: str) -> str | None:
    """The kind a negated statement takes on ``hit`` instead of ``kind``; None when the
    claim cannot be negated that way."""
    turned = _NEGATED_KINDS.get(kind, kind)
    claim = hit.claim
    if claim is None or claim.kinds is None or turned in claim.kinds:
        return turned
    near = _NEAR_KINDS.get(turned)
    return near if near in claim.kinds else None


@cache
def _demand_nouns(lang: str) -> re.Pattern[str] | None:
    return compile_cues(cues_for(_stances().get("demand_nouns"), lang), lang)


def _reject_demands(
    ctx: ArticleContext,
    bare: list[Attribution],
    by_sentence: dict[tuple[str, int], list[Position]],
) -> list[Position]:
    """ "NATO rejected this demand": the opposite stance on the demand reported in the
    sentences around it (by someone else)."""
    nouns = _demand_nouns(ctx.lang)
    if nouns is None:
        return []
    out: list[Position] = []
    for att in bare:
        if att.kind != "rejects" or not any(nouns.search(ctx.norm, a, b) for a, b in att.spans):
            continue
        near = range(att.sentence.index - 2, att.sentence.index + 3)
        demands = [
            p
            for (who, idx), ps in by_sentence.items()
            if idx in near and who not in att.speakers
            for p in ps
            if p.stance_kind == "demands" and p.claim_key
        ]
        for speaker in att.speakers:
            for d in dict.fromkeys((d.topic_key, d.claim_key) for d in demands):
                topic = topics()[d[0] or ""]
                claim = next(c for c in topic.claims if c.key == d[1])
                if claim.kinds is not None and "rejects" not in claim.kinds:
                    continue
                out.append(
                    Position(
                        actor=speaker,
                        topic=topic.label,
                        stance=stance_line(topic, claim, "rejects"),
                        citations=[ctx.cite(att.sentence)],
                        stance_kind="rejects",
                        topic_key=topic.key,
                        claim_key=claim.key,
                        quotes=_quotes_of(ctx, att),
                        speaker_unnamed=att.unnamed,
                    )
                )
    return out


@cache
def _anaphora(lang: str) -> re.Pattern[str] | None:
    return compile_cues(cues_for(_stances().get("anaphora"), lang), lang)


def _refer_back(
    ctx: ArticleContext,
    bare: list[Attribution],
    by_sentence: dict[tuple[str, int], list[Position]],
) -> list[Position]:
    """ "…and made an offer in this matter": the topics of the positions stated in the
    sentence before (or the one before it), with this statement's own stance kind."""
    rx = _anaphora(ctx.lang)
    if rx is None:
        return []
    out: list[Position] = []
    for att in bare:
        if not any(rx.search(ctx.norm, a, b) for a, b in att.spans):
            continue
        for back in (1, 2):
            before = [
                p
                for (_who, idx), ps in by_sentence.items()
                if idx == att.sentence.index - back
                for p in ps
            ]
            if before:
                break
        for p in before:
            topic = topics().get(p.topic_key or "")
            if topic is None:
                continue
            claim = next((c for c in topic.claims if c.key == p.claim_key), None)
            kind = att.kind if att.kind in STANCE_KINDS else p.stance_kind or "assesses"
            if claim is not None and claim.kinds is not None and kind not in claim.kinds:
                kind = p.stance_kind or kind
            for speaker in att.speakers:
                out.append(
                    Position(
                        actor=speaker,
                        topic=topic.label,
                        stance=stance_line(topic, claim, kind),
                        citations=[ctx.cite(att.sentence)],
                        stance_kind=kind,
                        topic_key=topic.key,
                        claim_key=p.claim_key,
                        quotes=_quotes_of(ctx, att),
                        speaker_unnamed=att.unnamed,
                    )
                )
    return out


def _inherit(
    ctx: ArticleContext,
    bare: list[Attribution],
    by_sentence: dict[tuple[str, int], list[Position]],
    quotes_of: dict[int, list[Quote]],
) -> set[int]:
    """A statement with no topic of its own ("Moscow said this is a necessary condition",
    "Peskov shrugged at the threat") continues what the same speaker says in the sentence
    before or after: it is cited for those positions too. Returns the ids of the
    statements so taken."""
    consumed: set[int] = set()
    for att in bare:
        cite = ctx.cite(att.sentence)
        for speaker in att.speakers:
            # The sentence before if it says something, else the one after.
            for idx in (att.sentence.index - 1, att.sentence.index + 1):
                near = by_sentence.get((speaker, idx), [])
                for pos in near:
                    _add(pos, cite, quotes_of.get(id(att), []), ctx.article.text)
                    consumed.add(id(att))
                if near:
                    break
    return consumed


def _break_ties(
    ctx: ArticleContext, hits: list[TopicHit], support: dict[str, int]
) -> list[TopicHit]:
    """Words two topics share ("armi nucleari": arms control in Europe, or Iran's nuclear
    programme) belong to the topic the rest of the article speaks about more."""
    spans: dict[tuple[int, int], list[TopicHit]] = {}
    for h in hits:
        spans.setdefault((h.start, h.end), []).append(h)
    if all(len(v) == 1 for v in spans.values()):
        return hits
    if not support:
        for s in ctx.sentences:
            for h in match_topics(ctx.norm[s.start : s.end], ctx.lang):
                support[h.topic.key] = support.get(h.topic.key, 0) + 1
    keep = {id(max(v, key=lambda h: support.get(h.topic.key, 0))) for v in spans.values()}
    return [h for h in hits if id(h) in keep]


# "Russia's (main) demand": a possessive and at most one word between owner and noun.
_OWNER_BEFORE = re.compile(r"(?:['’]s)?(?:\s+\w+)?\s*")
_OWNER_AFTER_WORDS = 2  # "требование Москвы", "la demande de la Russie", not "demand for … Ukraine"


def _demand_owner(ctx: ArticleContext, att: Attribution) -> str | None:
    """Whose demand a rejection names ("rejected Moscow's demand", "отверг требование
    Москвы", "a rejeté la demande de la Russie"): that actor demands what is rejected."""
    nouns = _demand_nouns(ctx.lang)
    if nouns is None:
        return None
    others = [
        m
        for m in ctx.mentions_by_sentence().get(att.sentence.index, ())
        if m.actor not in att.speakers
    ]
    for a, b in att.spans:
        for n in nouns.finditer(ctx.norm, a, b):
            for m in others:
                before = ctx.article.text[m.end : n.start()]
                if m.end <= n.start() and _OWNER_BEFORE.fullmatch(before):
                    return m.actor
            for m in others:
                after = ctx.article.text[n.end() : m.start]
                if (
                    m.start >= n.end()
                    and len(after.split()) <= _OWNER_AFTER_WORDS
                    and not _CLAUSE.search(after)
                ):
                    return m.actor
    return None


def _quotes_of(ctx: ArticleContext, att: Attribution) -> list[Quote]:
    """The reported content of ``att``, verbatim: one quote joining its parts (a
    quotation interrupted by its speaker is one quote from its first to its last word)."""
    if not att.content and att.via == "verb":
        return []  # the verb reports nothing of its own ("dejó claro que" + another verb)
    parts = att.content or att.spans
    if not parts:
        return []
    a = min(x for x, _y in parts)
    b = max(y for _x, y in parts)
    if len(parts) > 1 and ctx.article.text[a:b].count("\n"):
        a, b = parts[0]
    text = ctx.article.text
    return [Quote(ctx.article.id, a, b, text[a:b], ctx.lang)]


def _sum(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a[0] + b[0], a[1] + b[1]


def _add(pos: Position, cite: Citation, quotes: list[Quote], text: str) -> None:
    """Cite one more sentence for ``pos``, with what it reports (one quote a sentence)."""
    if cite not in pos.citations:
        pos.citations.append(cite)
    for q in quotes:
        if cite.start <= q.start and q.end <= cite.end:
            add_quote(pos, q, text)
        elif q not in pos.quotes:
            pos.quotes.append(q)


_WE_REACH = 3  # words: "we" must be the statement's subject, near its start


def _opens_with(rx: re.Pattern[str], norm: str, a: int, b: int) -> bool:
    m = rx.search(norm, a, b)
    return m is not None and len(norm[a : m.start()].split()) < _WE_REACH


def _for_body(ctx: ArticleContext, att: Attribution) -> Attribution:
    """A person in office who says "we" ("We will continue to support Ukraine") speaks
    for the state or organisation of that office too, when the article names it."""
    we = lexicon(ctx.lang).we
    parts = att.content or att.spans
    if we is None or not any(_opens_with(we, ctx.norm, a, b) for a, b in parts):
        return att
    day = ctx.article.published or ctx.as_of
    kb = knowledge_base()
    bodies = []
    for speaker in att.speakers:
        actor = ctx.actors.get(speaker)
        entry = kb.actors.get(speaker)
        office = entry.office_on(day) if entry is not None else None
        if actor is not None and actor.type == "person" and office and office.of in ctx.actors:
            bodies.append(office.of)
    extra = tuple(b for b in dict.fromkeys(bodies) if b not in att.speakers)
    return replace(att, speakers=att.speakers + extra) if extra else att


def positions_of(ctx: ArticleContext, attributions: list[Attribution]) -> list[Position]:
    merged: dict[tuple[str, str, str | None, str], Position] = {}
    support: dict[str, int] = {}  # sentences per topic in the article, when ties need it
    by_sentence: dict[tuple[str, int], list[Position]] = {}
    bare: list[Attribution] = []
    text_norm = ctx.norm
    lang = ctx.lang
    statement_keys = _statement_keys(lang)
    quotes_of: dict[int, list[Quote]] = {}
    attributions = [_for_body(ctx, att) for att in attributions]
    for att in attributions:
        quotes = quotes_of[id(att)] = _quotes_of(ctx, att)
        _polarity, modality = statement_mood(ctx, att)
        if len(att.spans) == 1:
            norm = text_norm[att.spans[0][0] : att.spans[0][1]]
        else:
            # Segments joined by a separator no cue can match across.
            norm = " \u2016 ".join([text_norm[a:b] for a, b in att.spans])
        keys = text_keys_among(norm, statement_keys)
        hits = match_topics(norm, lang, keys)
        if len(hits) > 1:
            hits = _break_ties(ctx, hits, support)
        # A bare topic word next to a specific claim is context, not a position.
        hits = ([h for h in hits if h.claim is not None] or hits)[:_MAX_TOPICS]
        stated = att.kind if att.kind in _STANCE_KINDS else None
        kind_cues = [] if not hits or stated else _usable_kind_cues(lang, keys)
        made = False
        for i, hit in enumerate(hits):
            kind = _kind(stated, norm, lang, hit, kind_cues)
            # The polarity of this claim: a negation governing its words, not one
            # elsewhere in the statement.
            negated = negated_before(norm, lang, hit.start)
            if (
                kind is not None
                and stated is None
                and negated
                and _content_kind(norm, lang, hit, kind_cues) is None
            ):
                # "has no plans to send troops": the claim's default kind turned around,
                # never the opposite of the sentence.
                kind = _negated_kind(hit, kind)
                if kind is None:
                    continue
            if hit.claim is None and kind in _NAMING_KINDS and hit.topic.default_claim:
                # "Russia plans no attack": a denial on the topic is about its main claim.
                claim = next(c for c in hit.topic.claims if c.key == hit.topic.default_claim)
                hit = TopicHit(hit.topic, claim, hit.start, hit.end)
            if kind is None and i == 0 and hit.claim is not None and not negated:
                kind = hit.claim.default_kind
            if kind is None or (hit.claim is None and kind == "assesses"):
                continue  # "Comments on <topic>" says nothing
            line = act_line(act_of(ctx, att), kind, stance_line(hit.topic, hit.claim, kind))
            if i == 0 and kind in _LISTING_KINDS:
                parts = [
                    h.claim.part
                    for h in hits[1:]
                    if h.claim is not None
                    and h.claim.part
                    and _kind(stated, norm, lang, h, kind_cues) == kind
                ]
                if parts:
                    line = f"{line}, including {' and '.join(parts)}"
            cite = ctx.cite(att.sentence)
            made = True
            for speaker in att.speakers:
                key = (speaker, hit.topic.key, hit.claim.key if hit.claim else None, kind)
                pos = merged.get(key)
                if pos is None:
                    merged[key] = Position(
                        actor=speaker,
                        topic=hit.topic.label,
                        stance=line,
                        citations=[cite],
                        stance_kind=kind,
                        topic_key=hit.topic.key,
                        claim_key=key[2],
                        quotes=list(quotes),
                        polarity="negated" if negated else "affirmed",
                        modality=modality,
                        speaker_unnamed=att.unnamed,
                        evaluation=evaluation(ctx, att),
                    )
                else:
                    _add(pos, cite, quotes, ctx.article.text)
                    pos.evaluation = _sum(pos.evaluation, evaluation(ctx, att))
                by_sentence.setdefault((speaker, att.sentence.index), []).append(merged[key])
            owner = _demand_owner(ctx, att) if kind == "rejects" and hit.claim else None
            if owner and (hit.claim.kinds is None or "demands" in hit.claim.kinds):
                key = (owner, hit.topic.key, hit.claim.key, "demands")
                pos = merged.setdefault(
                    key,
                    Position(
                        actor=owner,
                        topic=hit.topic.label,
                        stance=stance_line(hit.topic, hit.claim, "demands"),
                        citations=[],
                        stance_kind="demands",
                        topic_key=hit.topic.key,
                        claim_key=hit.claim.key,
                    ),
                )
                _add(pos, cite, [], ctx.article.text)
        if not made:
            bare.append(att)
    consumed = _inherit(ctx, bare, by_sentence, quotes_of)

    def fold(found: Iterable[Position]) -> None:
        """One position per (actor, topic, claim, kind): a repeat adds its citation."""
        for pos in found:
            key = (pos.actor, pos.topic_key or "", pos.claim_key, pos.stance_kind or "")
            have = merged.get(key)
            if have is None:
                merged[key] = pos
            else:
                _add(have, pos.citations[0], pos.quotes, ctx.article.text)

    extra = [*_reject_demands(ctx, bare, by_sentence), *_refer_back(ctx, bare, by_sentence)]
    fold(extra)
    consumed |= {
        id(a)
        for a in bare
        for pos in extra
        if pos.actor in a.speakers and ctx.cite(a.sentence) in pos.citations
    }
    fold(statements(ctx, [a for a in bare if id(a) not in consumed], quotes_of))
    return list(merged.values())


def _set_objects(ctx: ArticleContext, positions: list[Position]) -> list[Position]:
    """Each position's ``objects``: the actors named inside its quotes of this article,
    other than its speaker."""
    by_sentence = ctx.mentions_by_sentence()
    starts = [s.start for s in ctx.sentences]
    for pos in positions:
        found: list[str] = []
        for q in pos.quotes:
            if q.source != ctx.article.id:
                continue
            idx = bisect_right(starts, q.start) - 1
            for m in by_sentence.get(idx, ()):
                if q.start <= m.start and m.end <= q.end and m.actor != pos.actor:
                    found.append(m.actor)
        pos.objects = list(dict.fromkeys([*pos.objects, *found]))
    return positions


# A line that ends a sentence: closing punctuation or quotation mark, in any script.
_LINE_CLOSED = re.compile(r"[.!?…。؟؛:;\"'»«”“’‘)\]]\s*$")


def title_line(text: str, s: Sentence) -> bool:
    """Whether ``s`` is a title or subheading: a line of its own with no closing
    punctuation, set off by a blank line (or the end of the text) after it, or the first
    line of the text followed by a line opening with a capital. A line broken inside a
    running sentence (hard-wrapped text) runs on into the next line: not a title."""
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if line.strip() != text[s.start : s.end].strip() or _LINE_CLOSED.search(line):
        return False
    rest = text[end + 1 :] if end < len(text) else ""
    following = rest.split("\n", 1)[0]
    if not following.strip():
        return True
    first = not text[:start].strip()
    head = following.lstrip()[:1]
    return first and head.isalpha() and head.isupper()


def _without_titles(ctx: ArticleContext, attributions: list[Attribution]) -> list[Attribution]:
    """A title's statement ("Russia wants to open exports", "X says Y") is what the body
    reports: no position of its own when each of its speakers is attributed a statement
    in the body too (an analyst cites the body, never the title)."""
    text = ctx.article.text
    titled = {id(a) for a in attributions if title_line(text, a.sentence)}
    if not titled:
        return attributions
    in_body = {sp for a in attributions if id(a) not in titled for sp in a.speakers}
    return [a for a in attributions if id(a) not in titled or not set(a.speakers) <= in_body]


def extract_positions(ctx: ArticleContext) -> list[Position]:
    """Positions of one article, each citing the sentence that states it."""
    atts = without_reported_acts(ctx, _without_titles(ctx, attribute(ctx)))
    nominal = _without_titles(ctx, nominal_attributions(ctx, atts))
    if nominal:
        atts = sorted([*atts, *nominal], key=lambda a: a.sentence.start)
    return _set_objects(ctx, positions_of(ctx, atts))
