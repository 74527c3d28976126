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
from briefing.extract.positions_figures import extract_figures
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


@cache
def _mood(lang: str) -> _Mood:
    table = reporting_table()

    def rx(*keys: str) -> re.Pattern[str] | None:
        return compile_cues([c for k in keys for c in cues_for(table.get(k), lang)], lang)

    return _Mood(
        negation=rx("negations", "content_negations"),
        conditional=rx("conditionals"),
        question=rx("questions"),
        intention=rx("intentions"),
    )


@cache
def _lines() -> dict[str, str]:
    return dict((load_yaml("lexicons/stances.yaml") or {}).get("statement_lines") or {})


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
    negated = mood.negation is not None and mood.negation.search(norm, *first) is not None
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
    for att in atts:
        quotes = quotes_of.get(id(att)) or []
        if not quotes or len(quotes[0].text.split()) < 2:
            continue  # nothing reported: "…, she added."
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
        line = statement_line(kind, polarity, modality, named, list(dict.fromkeys(said)))
        key = f"{OTHER}:{_quote_key(ctx, quotes)}"
        cite = ctx.cite(att.sentence)
        for speaker in att.speakers:
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
                )
            )
    return out
