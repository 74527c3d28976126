"""The date an article speaks from, for choosing office holders ("NATO Secretary General"
names Stoltenberg in 2022, Rutte in 2025)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from briefing.extract.context import ArticleContext
from briefing.kb import KnowledgeBase

# A year not inside a longer number. The look-behind follows the first digit, so that the
# pattern opens with a literal and the scan skips to the candidates (10x quicker than
# ``(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)``, the same matches).
_YEAR = re.compile(r"(1(?<!\d1)9[5-9]\d|2(?<!\d2)0[0-4]\d)(?!\d)")


def reference_date(ctx: ArticleContext, named: Iterable[str], kb: KnowledgeBase) -> dt.date:
    """The publication date; else the period when every office holder the article names
    by name was in office (the latest year the text mentions inside it, else its middle);
    else the latest year mentioned; else the brief's date."""
    if ctx.article.published:
        return ctx.article.published
    limit = ctx.as_of
    years = sorted({int(y) for y in _YEAR.findall(ctx.norm) if int(y) <= limit.year})
    lo, hi = dt.date.min, dt.date.max
    spans = 0
    for actor_id in set(named):
        person = kb.actors.get(actor_id)
        if person is None or not person.offices:
            continue
        spans += 1
        lo = max(lo, min(o.start or dt.date.min for o in person.offices))
        hi = min(hi, max(o.end or dt.date.max for o in person.offices))
    if spans and lo <= hi:
        hi = min(hi, limit)
        inside = [y for y in years if lo.year <= y <= hi.year]
        if inside:
            return min(max(dt.date(inside[-1], 6, 30), lo), hi)
        if lo == dt.date.min:
            return hi
        return lo + (hi - lo) / 2 if hi >= lo else lo
    if years:
        return dt.date(years[-1], 6, 30)
    return limit
