"""Reported figures (troop numbers and the like), compared across sources.

A figure is a number (or a vague amount such as "hundreds of thousands") before a counted
noun, in a sentence that also names what makes it the same quantity (Russian troops, at
Ukraine's border): ``data/lexicons/figures.yaml``. Figures whose ranges do not overlap,
even with the quantity's tolerance, are conflicting reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from briefing.data import load_yaml
from briefing.extract.attribution import attribute
from briefing.extract.context import ArticleContext
from briefing.extract.topics import compile_cues, cues_for
from briefing.models import Figure
from briefing.nlp.normalize import normalize

_PERIOD_DAYS = 31
_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?!\d)|(?<![\w.,])\d+(?:[.,]\d+)?"
)


@dataclass(frozen=True, slots=True)
class _Quantity:
    key: str
    label: str
    tolerance: float
    units: re.Pattern[str]
    qualifiers: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    quantities: tuple[_Quantity, ...]
    scales: dict[str, int]
    vague: tuple[tuple[re.Pattern[str], float, float, str], ...]
    approximate: re.Pattern[str] | None


@cache
def _lexicon(lang: str) -> _Lexicon:
    table = load_yaml("lexicons/figures.yaml") or {}
    quantities = []
    for key, spec in (table.get("quantities") or {}).items():
        units = compile_cues(cues_for(spec.get("units"), lang), lang)
        quals = [compile_cues(cues_for(q, lang), lang) for q in spec.get("qualifiers") or []]
        if units is None or any(q is None for q in quals):
            continue
        quantities.append(
            _Quantity(
                key,
                str(spec["label"]),
                float(spec.get("tolerance", 0.25)),
                units,
                tuple(q for q in quals if q is not None),
            )
        )
    scales = {
        normalize(k): int(v) for k, v in ((table.get("scales") or {}).get(lang) or {}).items()
    }
    vague = []
    for phrase, (low, high, english) in ((table.get("vague") or {}).get(lang) or {}).items():
        rx = compile_cues([phrase], lang)
        if rx is not None:
            vague.append((rx, float(low), float(high), str(english)))
    return _Lexicon(
        tuple(quantities),
        scales,
        tuple(vague),
        compile_cues(cues_for(table.get("approximate"), lang), lang),
    )


def _value(raw: str) -> float:
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+", digits):
        return float(re.sub(r"[ .,]", "", digits))
    return float(digits.replace(",", "."))


def _amount(norm: str, start: int, end: int, lex: _Lexicon) -> tuple[float, float, str] | None:
    """The amount stated in ``norm[start:end]`` (the words before a counted noun)."""
    window = norm[start:end]
    for rx, low, high, english in lex.vague:
        if rx.search(window):
            return low, high, english
    numbers = list(_NUMBER.finditer(window))
    if not numbers:
        return None
    m = numbers[-1]
    value = _value(m.group())
    after = window[m.end() :].strip(" .")
    scale_word = re.match(r"[^\W\d_]+", after)
    if scale_word and scale_word.group() in lex.scales:
        value *= lex.scales[scale_word.group()]
    if value < 100:
        return None  # "8 hours", "two weeks": not a headcount
    approx = bool(lex.approximate and lex.approximate.search(window[: m.start()]))
    spread = 0.1 if approx else 0.0
    english = f"About {value:,.0f}" if approx else f"{value:,.0f}"
    return value * (1 - spread), value * (1 + spread), english


def extract_figures(ctx: ArticleContext) -> list[Figure]:
    """Figures stated in one article, each citing its sentence."""
    lex = _lexicon(ctx.lang)
    if not lex.quantities:
        return []
    norm = ctx.norm
    out: list[Figure] = []
    said: dict[int, list[tuple[str, int, int]]] | None = None
    for s in ctx.sentences:
        for q in lex.quantities:
            if not all(rx.search(norm, s.start, s.end) for rx in q.qualifiers):
                continue
            for unit in q.units.finditer(norm, s.start, s.end):
                lead = norm[s.start : unit.start()].split()
                start = unit.start() - len(" ".join(lead[-5:])) - 1
                amount = _amount(norm, max(s.start, start), unit.start(), lex)
                if amount is None:
                    continue
                if said is None:
                    said = {}
                    for a in attribute(ctx):
                        for x, y in a.spans:
                            said.setdefault(a.sentence.index, []).append((a.speaker, x, y))
                # Only a figure inside what someone is reported to say is theirs.
                actor = next(
                    (who for who, x, y in said.get(s.index, []) if x <= unit.start() < y), None
                )
                low, high, english = amount
                out.append(
                    Figure(
                        quantity=q.key,
                        label=q.label,
                        low=low,
                        high=high,
                        statement=f"{english} {q.label}",
                        citations=[ctx.cite(s)],
                        actor=actor,
                        tolerance=q.tolerance,
                        sources={ctx.article.id},
                        published=(
                            ctx.article.published.isoformat() if ctx.article.published else None
                        ),
                    )
                )
                break
    return out


def _overlap(a: Figure, b: Figure) -> bool:
    tol = max(a.tolerance, b.tolerance)
    return a.low * (1 - tol) <= b.high and b.low * (1 - tol) <= a.high


def _periods(figures: list[Figure]) -> list[list[Figure]]:
    """Figures reported within a month of each other (undated ones in every period):
    100,000 troops in December and 130,000 in February are no conflict."""
    dated = sorted((f for f in figures if f.published), key=lambda f: f.published or "")
    undated = [f for f in figures if not f.published]
    periods: list[list[Figure]] = []
    start: dt.date | None = None
    for f in dated:
        day = dt.date.fromisoformat(f.published or "")
        if start is None or (day - start).days > _PERIOD_DAYS:
            periods.append([])
            start = day
        periods[-1].append(f)
    return [p + undated for p in periods] or [undated]


def conflicting_figures(figures: Iterable[Figure]) -> list[tuple[str, list[list[Figure]]]]:
    """Per quantity and period, groups of agreeing figures when sources disagree (two
    groups or more, from different sources). Figures are sorted, then grouped in one
    sweep."""
    by_quantity: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_quantity[f.quantity].append(f)
    out: list[tuple[str, list[list[Figure]]]] = []
    for items in (p for group in by_quantity.values() for p in _periods(group)):
        items.sort(key=lambda f: f.low)
        groups: list[list[Figure]] = []
        for f in items:
            if groups and any(_overlap(f, g) for g in groups[-1]):
                groups[-1].append(f)
            else:
                groups.append([f])
        sources = [set().union(*(f.sources for f in g)) for g in groups]
        if len(groups) >= 2 and len(set().union(*sources)) >= 2:
            out.append((items[0].label, groups))
    return out
