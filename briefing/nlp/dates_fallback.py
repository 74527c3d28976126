"""Day-month dates for languages without a dates lexicon (``lang/<lang>/dates.yaml``).

Portuguese, Dutch, Turkish, Czech... articles would otherwise get no calendar dates. Their
month names come from dateparser's own locale data; a candidate is only a day next to a
month word ("21 de janeiro de 2022", "12 januari", "janeiro 21, 2022"), never a bare
word, so the misreadings of dateparser's whole-text search (see field notes) cannot
happen. Each span is then read by ``dateparser.parse``; a missing year stays missing so
that :func:`briefing.nlp.dates.resolve` picks the one nearest the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import NamedTuple

from briefing.langpacks import section
from briefing.nlp.normalize import normalize

MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Abbreviations ("pro", "led", "mai") are common words too: they need a full stop or a year.
ABBREV_MAX = 4
# The day and month are all that is read from the span; a leap year lets "29 February"
# parse, and resolve() chooses the real year against the publication date.
PARSE_BASE = dt.datetime(2024, 1, 1)
PARSE_SETTINGS = {
    "RELATIVE_BASE": PARSE_BASE,
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month"],
}
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"


class FallbackDate(NamedTuple):
    start: int
    end: int
    day: int
    month: int
    year: int | None


class _Patterns(NamedTuple):
    month: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]


def has_lexicon(lang: str) -> bool:
    return lang in section("dates")


def _month_forms(info: dict) -> tuple[list[str], list[str]]:
    """Full month names and abbreviations of a dateparser locale, normalised."""
    full: set[str] = set()
    short: set[str] = set()
    for key in MONTH_KEYS:
        forms = {normalize(str(f)).rstrip(".") for f in info.get(key) or []}
        forms = {f for f in forms if len(f) >= 3 and re.fullmatch(r"[^\W\d_]+", f)}
        for f in forms:
            is_abbrev = len(f) <= ABBREV_MAX and any(g != f and g.startswith(f) for g in forms)
            (short if is_abbrev else full).add(f)
    return sorted(full, key=len, reverse=True), sorted(short - full, key=len, reverse=True)


def _connectors(info: dict) -> list[str]:
    """Short words a locale lets stand inside a date ("de" in "21 de janeiro de 2022")."""
    words = {normalize(str(w)) for w in [*(info.get("skip") or []), *(info.get("pertain") or [])]}
    return sorted(w for w in words if 2 <= len(w) <= 3 and w.isalpha())


@cache
def _patterns(lang: str) -> _Patterns | None:
    """The compiled month patterns of ``lang``, or None when dateparser has no locale."""
    if has_lexicon(lang):
        return None
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(lang).info
    except (ValueError, KeyError):
        return None
    full, short = _month_forms(info)
    if not full:
        return None
    names = "|".join(map(re.escape, full))
    words = "|".join(map(re.escape, [*full, *short]))
    month = rf"(?:{names})(?![\w])"
    if short:
        # An abbreviation counts with a year after it ("12 dez 2021") or its full stop
        # inside the sentence ("3 dez. e 5 jan."): a sentence-final "12 pro." is a vote.
        abbrevs = "|".join(map(re.escape, short))
        month = rf"(?:{month}|(?:{abbrevs})(?:\.(?!\s*$)|(?=\s*,?\s*(?:19|20)\d\d(?!\d))))"
    conns = _connectors(info)
    conn = rf"(?:(?:{'|'.join(map(re.escape, conns))})\s+)?" if conns else ""
    year_tail = rf"(?:\s*,?\s+{conn}{_YEAR})?"
    return _Patterns(
        month=re.compile(rf"(?<![\w])(?:{words})(?![\w])"),
        day_month=re.compile(
            rf"(?<![\w.,])(?P<d>[0-3]?\d)(?:\.|º|ª|e)?\s*(?:-\s*)?{conn}(?P<m>{month}){year_tail}"
        ),
        month_day=re.compile(
            rf"(?<![\w])(?P<m>{month})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th|º)?(?![\w]|[.,]\d)"
            rf"{year_tail}"
        ),
    )


@lru_cache(maxsize=4096)
def _parse(span: str, lang: str) -> tuple[int, int] | None:
    import dateparser

    got = dateparser.parse(span, languages=[lang], settings=PARSE_SETTINGS)
    return (got.day, got.month) if got is not None else None


def fallback_dates(norm: str, start: int, end: int, lang: str) -> list[FallbackDate]:
    """Day-month dates in ``norm[start:end]`` for a language with no dates lexicon
    (empty for languages that have one)."""
    pats = _patterns(lang)
    if pats is None or not pats.month.search(norm, start, end):
        return []
    out: list[FallbackDate] = []
    for rx in (pats.day_month, pats.month_day):
        for m in rx.finditer(norm, start, end):
            if not 1 <= int(m.group("d")) <= 31:
                continue
            parsed = _parse(m.group(0), lang)
            if parsed is None:
                continue
            y = m.group("y")
            out.append(FallbackDate(m.start(), m.end(), *parsed, int(y) if y else None))
    return out
