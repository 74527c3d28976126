"""Statements: what was said, when it matches no topic of the taxonomy, and how it was said.

Attribution comes first: every attributed statement is a position of its speaker. One that
the taxonomy (``topics.yaml``) does not cover becomes a position on topic "Other", whose
English line says only what can honestly be said without translating: the stance kind,
and the actors and figures the statement names ("Warns (on NATO, Ukraine; About 100,000
Russian troops near Ukraine's border)"). What was said is in its verbatim quote.

Mood of every statement, from each language pack's ``reporting.yaml``: its polarity
(``negations``, ``content_negations``: a negation in the statement's first clause negates
it; negative concord, "n'a aucune intention", "no tiene ninguna", is still one negation) and modality (``questions`` or a question mark, ``conditionals``,
``intentions``; else asserted).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from briefing.data import load_yaml
from briefing.extract.attribution import Attribution, reporting_table
from briefing.extract.context import ArticleContext
from briefing.extract.positions.acts import act_line, act_of
from briefing.extract.positions.figures import extract_figures
from briefing.extract.topics import compile_cues, cues_for
from briefing.models import Figure, Position, Quote

OTHER = "other"  # topic key prefix of statements the taxonomy does not cover
OTHER_LABEL = "Other"
_FIRST_CLAUSE = re.compile(r"[,;:–—()]|\s-\s")
_MAX_NAMED = 4  # actors named in one line


@dataclass(frozen=True, slots=True)
class _Mood:
    negation: re.Pattern[str] | None
    conditional: re.Pattern[str] | None
    question: re.Pattern[str] | None
    intention: re.Pattern[str] | None
    corrective: re.Pattern[str] | None = None  # "not X but rather Y"
    # What opens a subordinate clause ("if", "unless", "that"): a negation after it is
    # that clause's, not the statement's ("threatens force if democracy is not restored").
    subordinate: re.Pattern[str] | None = None


@cache
def _mood(lang: str) -> _Mood:
    table = reporting_table()

    def rx(*keys: str) -> re.Pattern[str] | None:
        return compile_cues([c for k in keys for c in cues_for(table.get(k), lang)], lang)

    negation = rx("negations", "content_negations")
    idioms = rx("negation_idioms")
    if negation is not None and idioms is not None:
        # An idiom ("no matter", "not only") is tried first and is no negation.
        negation = re.compile(f"(?:{idioms.pattern})|(?P<neg>{negation.pattern})")
    return _Mood(
        negation=negation,
        conditional=rx("conditionals"),
        question=rx("questions"),
        intention=rx("intentions"),
        corrective=rx("correctives"),
        subordinate=rx("conditionals", "complementizers", "subordinators"),
    )


@cache
def _evaluations(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    table = (reporting_table().get("evaluations") or {}).get(lang) or {}
    return (
        compile_cues([str(c) for c in table.get("positive") or ()], lang),
        compile_cues([str(c) for c in table.get("negative") or ()], lang),
    )


def evaluation(ctx: ArticleContext, att: Attribution) -> tuple[int, int]:
    """Favourable and unfavourable words in what ``att`` reports."""
    good, bad = _evaluations(ctx.lang)
    parts = content_parts(att)
    return (
        sum(len(good.findall(ctx.norm, a, b)) for a, b in parts) if good else 0,
        sum(len(bad.findall(ctx.norm, a, b)) for a, b in parts) if bad else 0,
    )


@cache
def _lines() -> dict[str, str]:
    return dict((load_yaml("lexicons/stances.yaml") or {}).get("statement_lines") or {})


def add_quote(pos: Position, q: Quote, text: str) -> None:
    """Add ``q`` to what ``pos`` quotes: one quote per cited sentence, so a quote of the
    same sentence is widened to cover both."""
    for i, have in enumerate(pos.quotes):
        if have.source != q.source:
            continue
        if (have.start, have.end) == (q.start, q.end):
            return
        lo, hi = min(have.start, q.start), max(have.end, q.end)
        if "\n" not in text[lo:hi] and (
            (have.start <= q.end and q.start <= have.end) or _same_sentence(text, lo, hi)
        ):
            pos.quotes[i] = Quote(q.source, lo, hi, text[lo:hi], q.language)
            return
    pos.quotes.append(q)


def _same_sentence(text: str, lo: int, hi: int) -> bool:
    """No sentence end between two parts of a text ("…», ha detto. «…»")."""
    inner = text[lo:hi]
    return not re.search(r"[.!?؟]\s+\S", inner)


def content_parts(att: Attribution) -> tuple[tuple[int, int], ...]:
    return att.content or att.spans


def statement_mood(ctx: ArticleContext, att: Attribution) -> tuple[str, str]:
    """(polarity, modality) of what ``att`` reports."""
    parts = content_parts(att)
    if not parts:
        return "affirmed", "asserted"
    mood = _mood(ctx.lang)
    norm = ctx.norm
    a, b = parts[0]
    cut = _FIRST_CLAUSE.search(norm, a, b)
    first = (a, cut.start()) if cut and len(norm[a : cut.start()].split()) >= 2 else (a, b)
    negated = _main_negated(mood, norm, first, b)
    polarity = "negated" if negated else "affirmed"
    last = max(y for _x, y in parts)
    tail = ctx.article.text[last : min(att.sentence.end, last + 3)]
    asked = "?" in ctx.article.text[a:last] or "?" in tail or "؟" in tail
    if asked or (mood.question is not None and mood.question.match(norm, a, b)):
        modality = "question"
    elif mood.conditional is not None and any(
        mood.conditional.search(norm, x, y) for x, y in parts
    ):
        modality = "conditional"
    elif mood.intention is not None and mood.intention.search(norm, *first):
        modality = "intended"
    else:
        modality = "asserted"
    return polarity, modality


_BOUND = re.compile(r"[,;:–—.!?؟\u2016]")
_SHORT = 6  # words: a clause completed by the next one ("hätten nicht vor, Soldaten …")


def _main_negated(mood: _Mood, norm: str, first: tuple[int, int], end: int) -> bool:
    """Whether the main clause of a statement is negated: a negation in its first clause
    before any subordinate clause opens ("menace d'intervenir si … ne sont pas
    satisfaites": not negated); a first clause that is itself a condition ("Si ces
    demandes ne sont pas satisfaites, la Cédéao prendra …") gives way to the next."""
    a, b = first
    sub = mood.subordinate
    if sub is not None and mood.conditional is not None and mood.conditional.match(norm, a, b):
        if b >= end:
            return False
        nxt = _FIRST_CLAUSE.search(norm, b + 1, end)
        a, b = b + 1, (nxt.start() if nxt else end)
    if not _negates(mood.negation, norm, a, b):
        return False  # most statements: no negation, no clause to look for
    if sub is not None:
        for m in sub.finditer(norm, a, b):
            if m.start() > a and norm[m.start() - 1 : m.start()].isspace():
                return _negates(mood.negation, norm, a, m.start())
    return True


def _negates(rx: re.Pattern[str] | None, norm: str, a: int, b: int) -> bool:
    """Whether a negation (not an idiom with a negation word) occurs in ``norm[a:b]``."""
    if rx is None:
        return False
    if "neg" not in rx.groupindex:
        return rx.search(norm, a, b) is not None
    return any(m.group("neg") for m in rx.finditer(norm, a, b))


def negated_before(norm: str, lang: str, start: int) -> bool:
    """Whether a negation governs what starts at ``start`` of ``norm``: one in the same
    clause before it, or in a short clause completed by it ("hätten nicht vor, Soldaten
    in die Ukraine zu schicken"); not one in an earlier sentence or clause ("I cannot say
    more clearly. NATO's door is still open")."""
    mood = _mood(lang)
    rx = mood.negation
    if rx is None:
        return False
    if mood.corrective is not None and mood.corrective.search(norm, start):
        return False  # "nicht um Verhandlungen – sondern ein Gespräch": a correction
    bounds = list(_BOUND.finditer(norm, 0, start))
    lo = bounds[-1].end() if bounds else 0
    if _negates(rx, norm, lo, start):
        return True
    if bounds and bounds[-1].group() == "," and not norm[lo:start].strip():
        before = bounds[-2].end() if len(bounds) > 1 else 0
        comma = bounds[-1].start()
        return len(norm[before:comma].split()) <= _SHORT and _negates(rx, norm, before, comma)
    return False


def _head(kind: str, polarity: str, modality: str) -> str:
    lines = _lines()
    if modality == "question":
        return lines.get("question", "Asks")
    if polarity == "negated":
        return lines.get(f"{kind}_negated") or lines.get("negated", "States, in the negative,")
    if modality == "intended":
        return lines.get(f"{kind}_intended") or lines.get(kind, "States")
    return lines.get(kind, "States")


def statement_line(
    kind: str, polarity: str, modality: str, named: list[str], figures: list[str]
) -> str:
    """The English line of a statement outside the taxonomy: its kind and what it names."""
    details = ", ".join(named[:_MAX_NAMED])
    if figures:
        details = f"{details}; {'; '.join(figures)}" if details else "; ".join(figures)
    line = _head(kind, polarity, modality)
    if details:
        line = f"{line} (on {details})"
    if modality == "conditional":
        line = f"{line}, {_lines().get('conditional', 'on a condition')}"
    return line


@cache
def _content_cues(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each stance kind's content cues (``stance_cues``), in ``cue_order``."""
    cues = reporting_table().get("stance_cues") or {}
    order = [str(k) for k in (load_yaml("lexicons/stances.yaml") or {}).get("cue_order") or ()]
    out = []
    for kind in dict.fromkeys([*order, *cues]):
        rx = compile_cues(cues_for(cues.get(kind), lang), lang)
        if rx is not None:
            out.append((kind, rx))
    return tuple(out)


def content_kind(
    ctx: ArticleContext, parts: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[int, int]] | None:
    """The stance kind the reported content itself states, and where its cue is: the
    first kind (``cue_order``) with a cue in the content's first clause."""
    if not parts:
        return None
    norm = ctx.norm
    a, b = parts[0]
    cut = _BOUND.search(norm, a, b)
    first = (a, cut.start()) if cut and len(norm[a : cut.start()].split()) >= 2 else (a, b)
    for kind, rx in _content_cues(ctx.lang):
        m = rx.search(norm, *first)
        if m is not None:
            return kind, m.span()
    return None


def _quote_key(ctx: ArticleContext, quotes: list[Quote]) -> str:
    """The same words said by the same speaker are one statement, wherever reported."""
    words = " ".join(ctx.norm[q.start : q.end] for q in quotes).split()
    return hashlib.blake2s(" ".join(words).encode(), digest_size=6).hexdigest()


def statements(
    ctx: ArticleContext, atts: list[Attribution], quotes_of: dict[int, list[Quote]]
) -> list[Position]:
    """A position for each statement of ``atts`` (none matched the taxonomy)."""
    if not atts:
        return []
    figures_by_sentence: dict[int, list[Figure]] = {}
    figures = extract_figures(ctx)
    starts = {s.start: s.index for s in ctx.sentences}
    for f in figures:
        for c in f.citations:
            if c.source == ctx.article.id and c.start in starts:
                figures_by_sentence.setdefault(starts[c.start], []).append(f)
    by_sentence = ctx.mentions_by_sentence()
    out: list[Position] = []
    # One sentence, one speaker: one statement ("ha confermato che …, mentre …").
    made: dict[tuple[str, int], Position] = {}
    for att in atts:
        quotes = quotes_of.get(id(att)) or []
        act = act_of(ctx, att)
        if (not quotes or len(quotes[0].text.split()) < 2) and act is None:
            continue  # nothing reported: "…, she added." (an act states itself: "abstained")
        polarity, modality = statement_mood(ctx, att)
        parts = content_parts(att)
        named = list(
            dict.fromkeys(
                ctx.actors[m.actor].name
                for m in by_sentence.get(att.sentence.index, ())
                if m.actor in ctx.actors
                and m.actor not in att.speakers
                and any(a <= m.start and m.end <= b for a, b in parts)
                and ctx.actors[m.actor].name.isascii()
            )
        )
        said = [
            f.statement
            for f in figures_by_sentence.get(att.sentence.index, ())
            if f.actor is None or f.actor in att.speakers
        ]
        kind = att.kind if att.kind != "participle" else "says"
        if kind == "says":
            # A neutral verb: the kind its content states ("must", "unacceptable",
            # "ready to"); a negation inside that cue ("will not accept") is its own.
            found = content_kind(ctx, parts)
            if found is not None:
                kind, cue = found
                if polarity == "negated" and _negates(_mood(ctx.lang).negation, ctx.norm, *cue):
                    polarity = "affirmed"
        line = statement_line(kind, polarity, modality, named, list(dict.fromkeys(said)))
        line = act_line(act, kind, line)
        key = f"{OTHER}:{_quote_key(ctx, quotes) if quotes else f'{act}@{att.sentence.start}'}"
        cite = ctx.cite(att.sentence)
        for speaker in att.speakers:
            have = made.get((speaker, att.sentence.index))
            if have is not None:
                for q in quotes:
                    add_quote(have, q, ctx.article.text)
                continue
            out.append(
                Position(
                    actor=speaker,
                    topic=OTHER_LABEL,
                    stance=line,
                    citations=[cite],
                    stance_kind=kind,
                    topic_key=key,
                    claim_key=None,
                    quotes=list(quotes),
                    polarity=polarity,
                    modality=modality,
                    speaker_unnamed=att.unnamed,
                    evaluation=evaluation(ctx, att),
                )
            )
            made[(speaker, att.sentence.index)] = out[-1]
    return out
