"""Date expressions: candidate spans found with per-language word lists, read by arithmetic.

``dateparser``'s whole-text search misreads ordinary words as dates (Polish "się" as
August, Persian "می" as May), so candidates are found here with the month, weekday and
relative-expression words of the language pack's ``briefing/data/lang/<lang>/dates.yaml``
(docs/languages.md) and numbers next
to them, on the normalised text (Persian digits folded, same offsets as the original).
Each candidate becomes a :class:`DateMention`; :func:`resolve` turns it into ISO dates
against a publication date, choosing a missing year by nearness and tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

from briefing.langpacks import section
from briefing.nlp.alternation import (
    compiled,
    lexicon_alternation,
    longest_first,
    word_alternation,
)
from briefing.nlp.dates_fallback import fallback_dates
from briefing.nlp.normalize import normalize

FALLBACK_LANG = "en"
QUALIFIER_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
QUALIFIER_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# A year against the tense costs this many days of distance: within about four months the
# nearest year wins whatever the (noisy) tense reading, further off the tense decides.
TENSE_PENALTY = 120
# A date after "since" in a past clause ("since the war began on 24 February", tense -2)
# lies behind the article however near the next such day is: a year ahead costs this more.
SINCE_PENALTY = 365
SINCE_REACH = 40  # how far before the date its "since" may stand, in its clause
# A past form at most this many characters after a future word belongs to its verb.
VERB_GROUP = 12
# A tense cue across a comma counts as this many characters further away.
CLAUSE_PENALTY = 50
# Words joining the two days of a range before the month: "23. und 24. März", "del 9 al
# 11 de julio", "з 10 по 20 лютого". The month after the second day keeps this safe.
RANGE_JOIN = r"-|–|/|&|und|bis|and|to|through|i|do|și|până\s+la|et|au|y|al|a|и|по|до|і|та|e|ve|و"
# Weekday-with-date year search: how far back from the anchor a report may look.
WEEKDAY_YEARS_BACK = 12


class DateMention(NamedTuple):
    """One date expression; ``start``/``end`` index the article text. (A named tuple:
    every candidate of every pattern is one, and it is made 4x quicker than a frozen
    dataclass of as many fields.)"""

    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day_end: int | None = None  # "23. und 24. März", "del 9 al 11 de julio"
    weekday: int | None = None  # 0 = Monday; with a day: a check, alone: relative
    jalali: bool = False  # day/month/year are Solar Hijri
    hijri: bool = False  # day/month/year are lunar Hijri (Islamic)
    qualifier: str | None = None  # early / mid / late (month or year windows)
    relative: str | None = None  # key of the relative table (next_week, coming_days...)
    count: int | None = None  # N of "in the next N weeks"
    until: bool = False  # "between now and X": a window from publication to X
    since: bool = False  # "since 2014": the start of a duration, not an event
    alt: DateMention | None = None  # the same date in the other calendar, for cross-checks
    # A weekday told as of the last (-1), this (0) or the next (1) week: "last Friday",
    # "Sonntag vergangener Woche", "este jueves", "příští pondělí".
    week: int | None = None
    year_shift: int | None = None  # a month of a year told relatively ("oktobra lani": -1)

    @property
    def is_relative(self) -> bool:
        return self.relative is not None or (self.weekday is not None and self.month is None)

    @property
    def has_year(self) -> bool:
        return self.year is not None or (self.alt is not None and self.alt.year is not None)


@dataclass(frozen=True, slots=True)
class Resolved:
    """ISO strings as the contract wants them, and the day interval they cover."""

    date: str
    date_end: str | None
    lo: dt.date
    hi: dt.date
    conflict: str | None = None  # the other calendar's reading, when it disagrees


# ---------------------------------------------------------------------------- lexicon


def _word(pattern: str) -> str:
    return rf"(?<![\w.'])(?:{pattern})(?![\w'])"


def _words(words: list[str]) -> str:
    """``_word`` of the alternation of lexicon entries, written for speed."""
    return word_alternation(words, r"[\w.']", r"(?![\w'])")


@dataclass(slots=True)
class DateLexicon:
    lang: str
    month_of: dict[str, int]
    jmonth_of: dict[str, int]
    weekday_of: dict[str, int]
    ordinal_of: dict[str, int]
    number_of: dict[str, int]
    ambiguous: frozenset[str]
    relative_of: dict[str, str]
    qualifier_of: dict[str, str]
    until_words: frozenset[str]
    since_words: frozenset[str]
    re_day_month: re.Pattern[str]
    re_range: re.Pattern[str]
    re_month_day: re.Pattern[str]
    re_month_year: re.Pattern[str]
    re_year_first: re.Pattern[str]
    re_month: re.Pattern[str]
    re_jalali: re.Pattern[str]
    re_hijri: re.Pattern[str]
    hmonth_of: dict[str, int]
    re_year: re.Pattern[str]
    year_words: frozenset[str]
    re_weekday: re.Pattern[str]
    re_relative: re.Pattern[str]
    # "in {n} days": pattern, relative key, and the phrase's longest word, which every
    # match holds (a cheap test before the costly search).
    re_n_relative: list[tuple[re.Pattern[str], str, str]]
    re_prefilter: re.Pattern[str]
    # The bare month alternation: every pattern built on month names holds a match of it
    # in the same span (same engine context), so without one they need no search.
    re_months_any: re.Pattern[str]
    re_jmonths_any: re.Pattern[str]
    re_hmonths_any: re.Pattern[str]
    re_future: re.Pattern[str]
    re_past: re.Pattern[str]
    re_qualifier_end: re.Pattern[str]
    re_until_end: re.Pattern[str]
    re_since_end: re.Pattern[str]
    re_since_any: re.Pattern[str]
    re_week_before: dict[int, re.Pattern[str]]
    re_week_after: dict[int, re.Pattern[str]]


def _compile(lang: str, pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` from the disk cache of the date patterns of ``lang``
    (:func:`briefing.nlp.alternation.compiled`): compiling them took ~24 ms a language in
    every process."""
    return compiled(pattern, f"dates.{lang}")


def _week_words(
    lang: str, t: dict[str, Any], weekday_of: dict[str, int]
) -> tuple[dict[int, re.Pattern[str]], dict[int, re.Pattern[str]]]:
    """Patterns of the words that put a weekday in the last, this or the next week, right
    before it (one short word may stand between: "ez a hétfő") or right after it. From the
    pack's ``previous_weekday`` and CLDR's phrases (:func:`cldr_weekday_words`), less the
    words of the weekday names themselves (Greek "την"), single letters (Serbian "у") and
    the word for "week" ("volgende week maandag")."""
    in_names = {w for form in weekday_of for w in form.split()}
    week_nouns = _cldr_week_nouns(lang)
    words = {k: list(v) for k, v in cldr_weekday_words(lang).items()}
    for k, key in ((-1, "previous_weekday"), (0, "this_weekday"), (1, "next_weekday")):
        words[k] = [normalize(str(w)) for w in t.get(key) or []] + words.get(k, [])
    before: dict[int, re.Pattern[str]] = {}
    after: dict[int, re.Pattern[str]] = {}
    for k, ws in words.items():
        ws = [
            w
            for w in dict.fromkeys(ws)
            if len(w) > 1 and w not in in_names and not any(w.startswith(n) for n in week_nouns)
        ]
        if not ws:
            continue
        alt = lexicon_alternation(ws)
        before[k] = _compile(lang, rf"(?<![\w])(?:{alt})(?:\s+\w{{1,2}})?\s+$")
        after[k] = _compile(lang, rf"\s+(?:{alt})(?![\w])")
    return before, after


def _cldr_week_nouns(lang: str) -> set[str]:
    """The word for "week" in CLDR's "last week", "this week", "next week" phrases."""
    return set(_cldr_data(lang)["week_nouns"])


def _read_week_nouns(lang: str) -> set[str]:
    loc = _cldr(lang)
    if loc is None:
        return set()
    rel = ((loc._data.get("date_fields") or {}).get("week") or {}).get("relative") or {}
    counts: dict[str, int] = {}
    for k in (-1, 0, 1):
        for w in set(normalize(str(rel.get(k) or "")).split()):
            counts[w] = counts.get(w, 0) + 1
    return {w for w, n in counts.items() if n >= 2 and len(w) > 2}


def _index(groups: list[list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, forms in enumerate(groups or []):
        for f in forms:
            out[normalize(str(f))] = i + 1
    return out


def _table(lang: str) -> dict[str, Any]:
    """The pack's table; a language without a pack gets one read from CLDR (Babel):
    month and weekday names, and, like every language, CLDR's relative words."""
    packs = section("dates")
    table = packs.get(lang)
    if table is None:
        table = cldr_table(lang)
        kin = packs.get(kin_of(lang) or "")
        if table is not None and kin:
            # Tense, number and ordinal words of a close language ("vil", "skal" in
            # Norwegian as in Danish; Bosnian "osamnaestog" as in Croatian).
            borrowed = ("future", "past", "numbers", "day_ordinals", "since", "year_words")
            table = {**table, **{k: kin[k] for k in borrowed if k in kin}}
        table = table or packs.get(FALLBACK_LANG)
    return table or {}


@cache
def kin_of(lang: str) -> str | None:
    """The registry language a language without a pack borrows event and tense words
    from (``lexicons/calendar_kin.yaml``), if any."""
    from briefing.data import load_yaml

    kin = (load_yaml("lexicons/calendar_kin.yaml") or {}).get("kin") or {}
    got = kin.get(lang)
    return str(got) if got else None


# CLDR's date fields: the relative words of each ("relative": -1, 0, 1) and its "{0} ago"
# and "in {0}" patterns, as keys of the ``relative`` table.
CLDR_FIELDS = {
    "day": ("yesterday", "today", "tomorrow", "n_days_ago", "next_n_days"),
    "week": ("last_week", "this_week", "next_week", "n_weeks_ago", "next_n_weeks"),
    "month": ("last_month", "this_month", "next_month", "n_months_ago", None),
    "year": ("last_year", "this_year", "next_year", "n_years_ago", None),
}
CLDR_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Month names this short are common words too ("mai", "mei"): only read beside a day or year.
CLDR_SHORT_MONTH = 4


@cache
def _cldr(lang: str) -> Any:
    """Babel's locale of ``lang`` (None when CLDR has none)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


_CACHEABLE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@cache
def _babel_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("babel")
    except metadata.PackageNotFoundError:
        return "none"


@cache
def _cldr_data(lang: str) -> dict[str, Any]:
    """What the dates read from CLDR for ``lang`` (relative phrases, weekday words, the
    word for "week", the limited-mode table), kept on disk between runs and processes
    under Babel's version: loading a Babel locale costs 0.03-0.05 s a language in every
    process, for a few dozen words. Read from Babel when the cache is off or unreadable."""
    if not _CACHEABLE_CODE.fullmatch(lang):
        return _read_cldr(lang)
    from briefing.diskcache import cached

    # ".x" ends the name so that no language's name is a prefix of another's ("sr" of
    # "sr-Latn"): the cache removes files of the same name under other sources.
    return cached(f"cldr-dates.{lang}.{_babel_version()}.x", lambda: _read_cldr(lang))


def _read_cldr(lang: str) -> dict[str, Any]:
    return {
        "relative": _read_relative(lang),
        "weekday_words": _read_weekday_words(lang),
        "week_nouns": _read_week_nouns(lang),
        "table": _read_table(lang),
    }


@cache
def cldr_relative(lang: str) -> dict[str, list[str]]:
    """Relative expressions of ``lang`` from CLDR's date fields ("i går", "před {n} týdny",
    "неделю назад"): the ``relative`` table's keys, ``{n}`` standing for the count. The
    singular "{0} ago" pattern also gives the phrase without its number ("неделю назад",
    "před týdnem": a week ago)."""
    return _cldr_data(lang)["relative"]


def _read_relative(lang: str) -> dict[str, list[str]]:
    loc = _cldr(lang)
    if loc is None:
        return {}
    fields = loc._data.get("date_fields") or {}
    out: dict[str, list[str]] = {}
    for field, (prev, this, nxt, ago, ahead) in CLDR_FIELDS.items():
        data = fields.get(field) or {}
        rel = data.get("relative") or {}
        for k, key in ((-1, prev), (0, this), (1, nxt)):
            if rel.get(k):
                out.setdefault(key, []).append(str(rel[k]))
        for key, forms in ((ago, data.get("past")), (ahead, data.get("future"))):
            if key is None:
                continue
            for plural, pattern in dict(forms or {}).items():
                if "{0}" not in str(pattern):
                    continue
                out.setdefault(key, []).append(str(pattern).replace("{0}", "{n}"))
                if plural == "one" and key == ago:
                    bare = re.sub(r"\s*\{0\}\s*", " ", str(pattern)).strip()
                    if bare:
                        out[key].append(bare)
    # Only words (a few locales bracket a part: "לפני יום אחד ( )").
    ok = re.compile(r"[^\W\d_]+(?:[\s'’-]+(?:[^\W\d_]+|\{n\}))*|\{n\}(?:[\s'’-]+[^\W\d_]+)+")
    return {k: [p for p in dict.fromkeys(v) if ok.fullmatch(p.strip())] for k, v in out.items()}


@cache
def cldr_weekday_words(lang: str) -> dict[int, list[str]]:
    """The words CLDR puts beside a weekday for "last", "this" and "next" Monday (-1, 0,
    1): those found in two or more of the seven weekdays' phrases of one kind and in no
    other kind ("minulé pondělí", "w ten piątek", "lunes pasado": "minulé", "ten", "pasado";
    the "в" of "в этот понедельник", in all three kinds, is no such word)."""
    return _cldr_data(lang)["weekday_words"]


def _read_weekday_words(lang: str) -> dict[int, list[str]]:
    loc = _cldr(lang)
    if loc is None:
        return {}
    fields = loc._data.get("date_fields") or {}
    common: dict[int, set[str]] = {}
    for k in (-1, 0, 1):
        counts: dict[str, int] = {}
        for field in CLDR_WEEKDAYS:
            phrase = normalize(str(((fields.get(field) or {}).get("relative") or {}).get(k) or ""))
            for w in set(phrase.split()):
                counts[w] = counts.get(w, 0) + 1
        common[k] = {w for w, n in counts.items() if n >= 2 and re.fullmatch(r"[^\W\d_]+", w)}
    return {
        k: sorted(common[k] - set().union(*(common[j] for j in common if j != k))) for k in common
    }


def cldr_previous_weekday(lang: str) -> list[str]:
    """The words CLDR puts beside a weekday for "last Monday" ("forrige mandag": "forrige")."""
    return cldr_weekday_words(lang).get(-1, [])


@cache
def cldr_table(lang: str) -> dict[str, Any] | None:
    """A dates table for a language with no pack, from CLDR alone (limited mode): month
    and weekday names (format and stand-alone), short month names read only beside a
    day or a year, and "last <weekday>" words. Relative words come with every table."""
    return _cldr_data(lang)["table"]


def _read_table(lang: str) -> dict[str, Any] | None:
    loc = _cldr(lang)
    if loc is None:
        return None
    months: list[list[str]] = []
    for i in range(1, 13):
        forms = {
            normalize(str(loc.months[ctx]["wide"].get(i) or ""))
            for ctx in ("format", "stand-alone")
        }
        months.append(sorted(f for f in forms if f and not f.isdigit()))
    weekdays = [
        sorted(
            {
                normalize(str(loc.days[ctx]["wide"].get(i) or ""))
                for ctx in ("format", "stand-alone")
            }
            - {""}
        )
        for i in range(7)
    ]
    # A weekday name that is also CLDR's word for "week" (Indonesian "minggu": Sunday
    # and week, "dua minggu yang lalu") is read only inside the relative phrases.
    nouns = _read_week_nouns(lang)
    weekdays = [[w for w in forms if w not in nouns] for forms in weekdays]
    if not all(months):
        return None
    short = sorted({f for forms in months for f in forms if len(f) <= CLDR_SHORT_MONTH})
    return {
        "months": months,
        "weekdays": weekdays,
        "ambiguous_months": short,
        "previous_weekday": _read_weekday_words(lang).get(-1, []),
        "source": "cldr",
    }


def _declined(t: dict[str, Any]) -> list[list[str]]:
    """The weekday adjectives of ``weekday_adjectives`` ("čtvrteční": of Thursday) in
    every case: each adjective's last letter replaced by each ending that
    ``adjective_endings`` gives for it ("čtvrtečním" of "před čtvrtečním proslovem")."""
    endings = {str(k): [str(e) for e in v] for k, v in (t.get("adjective_endings") or {}).items()}
    out = []
    for forms in t.get("weekday_adjectives") or ():
        day = []
        for w in (str(x) for x in forms):
            day += [w[:-1] + e for e in endings.get(w[-1], [w[-1]])]
        out.append(day)
    return out


@cache
def lexicon(lang: str) -> DateLexicon:
    """The compiled date lexicon of ``lang`` (English for languages without a table)."""
    t = _table(lang)
    month_of = _index(t.get("months", []))
    jmonth_of = _index(t.get("jalali_months", []))
    hmonth_of = _index(t.get("hijri_months", []))
    weekday_of = {k: v - 1 for k, v in _index(t.get("weekdays", [])).items()}
    for form, day in _index(_declined(t)).items():
        weekday_of.setdefault(form, day - 1)
    ordinal_of = {normalize(str(k)): int(v) for k, v in (t.get("day_ordinals") or {}).items()}
    number_of = {normalize(str(k)): int(v) for k, v in (t.get("numbers") or {}).items()}
    ambiguous = frozenset(normalize(str(x)) for x in t.get("ambiguous_months", []))
    relative_of: dict[str, str] = {}
    n_relative: list[tuple[re.Pattern[str], str, str]] = []
    rel = {k: list(v or ()) for k, v in (t.get("relative") or {}).items()}
    # CLDR's relative words join the pack's, where the pack has not the same phrase.
    have = {normalize(str(ph)) for phrases in rel.values() for ph in phrases}
    for key, phrases in cldr_relative(lang).items():
        rel.setdefault(key, []).extend(ph for ph in phrases if normalize(ph) not in have)
    until_words: set[str] = set()
    for key, phrases in rel.items():
        for ph in phrases:
            ph = normalize(str(ph))
            if key == "until_now":
                until_words.add(ph)
            elif "{n}" in ph:
                nums = lexicon_alternation([*number_of, "~\\d{1,2}"])
                pat = re.escape(ph).replace(r"\ ", r"\s+").replace(r"\{n\}", f"(?P<n>{nums})")
                word = max(ph.replace("{n}", " ").split(), key=len)
                n_relative.append((_compile(lang, _word(pat)), key, word))
            else:
                relative_of[ph] = key
    qualifier_of = {
        normalize(str(ph)): q
        for q, phrases in (t.get("qualifiers") or {}).items()
        for ph in phrases
    }
    since_words = frozenset(normalize(str(x)) for x in t.get("since", []))

    months = lexicon_alternation(list(month_of))
    month_start = word_alternation(list(month_of), r"[\w']", "")  # (?<![\w'])(?:{months})
    jmonths = lexicon_alternation(list(jmonth_of))
    month_word = lexicon_alternation(t.get("month_word", [])) if t.get("month_word") else None
    ordinals = lexicon_alternation(list(ordinal_of)) if ordinal_of else None
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.|-?го|-?е)?"
    day_or_ord = f"(?:{day}|(?P<o>{ordinals}))" if ordinals else day
    year = r"(?P<y>(?:19|20)\d\d)(?!\d)"
    # Words a date may hold between its day, month and year ("21 de janeiro de 2022",
    # Maltese "5 ta' Marzu"): a few built in, the rest from the pack's ``connectors``.
    conns = [normalize(str(c)) for c in t.get("connectors") or []]
    extra = "".join(rf"{re.escape(c)}\s*|" for c in sorted(conns, key=longest_first))
    of = rf"(?:\s*,?\s*(?:{extra}de\s+|del\s+|roku\s+|года\s+|року\s+|of\s+)?)"
    mw = rf"(?:\s+(?:{month_word}))?" if month_word else ""
    mw_before = rf"(?:(?:{month_word})\s+)?" if month_word else ""
    jyear = r"(?P<y>1[34]\d\d)(?!\d)"
    day_month_tail = (
        rf"\s*(?:{extra}de\s+|of\s+|-)?{mw_before}(?P<m>{months})(?![\w'])(?:{of}{year})?"
    )
    re_day_month = _compile(lang, rf"(?<![\w.]){day_or_ord}{day_month_tail}")
    re_range = _compile(
        lang,
        rf"(?<![\w.])(?P<d1>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s*(?:{RANGE_JOIN})\s*{day}{day_month_tail}",
    )
    re_month_day = _compile(
        lang,
        rf"(?P<m>{month_start})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:\s*(?:-|–|to|and|through)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?(?![\d,.]\d|\d)"
        rf"(?:\s*,?\s*{year})?",
    )
    re_month_year = _compile(lang, rf"(?P<m>{month_start}){of}{year}")
    # Year-first dates (Hungarian "2024. március 5.", Lithuanian "2024 m. kovo 5 d.",
    # Latvian "2024. gada 5. martā"), or a month alone ("2022 m. liepą"): the pack's ``year_first`` lists the words that may
    # stand between the year and the rest; without the key the pattern matches nothing.
    if t.get("year_first") is not None:
        after_year = lexicon_alternation([str(w) for w in t["year_first"]] or ["~(?!x)x"])
        lead = rf"(?<![\w.])(?P<y>(?:19|20)\d\d)\.?\s*(?:(?:{after_year})\s*)?"
        re_year_first = _compile(
            lang,
            rf"{lead}(?:(?P<m>{months})(?:\s*(?P<d>[0-3]?\d)(?!\d)\.?)?"
            rf"|(?P<d2>[0-3]?\d)\.?\s*(?P<m2>{months}))(?![\w'])",
        )
    else:
        re_year_first = _compile(lang, r"(?!x)x")
    re_month = _compile(lang, _words(list(month_of)))
    if jmonth_of:
        re_jalali = _compile(
            lang,
            rf"(?<![\w.])(?:{day}\s*(?P<m>{jmonths}){mw}|(?P<m2>{jmonths})\s+(?:{month_word}))"
            rf"(?![\w'])(?:\s*(?:سال\s+)?{jyear})?",
        )
    else:
        re_jalali = _compile(lang, r"(?!x)x")
    if hmonth_of:
        re_hijri = _compile(
            lang,
            rf"(?<![\w.]){day}\s*(?P<m>{lexicon_alternation(list(hmonth_of))})(?![\w'])"
            r"(?:\s*(?P<y>1[345]\d\d)(?!\d)(?:\s*هـ?(?![\w]))?)?",
        )
    else:
        re_hijri = _compile(lang, r"(?!x)x")
    re_year = _compile(lang, r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)(?![\w,./-]?\d)")
    # A bare number like 2000 is a year only beside a word that says so ("in", "since",
    # "roku", "года", "early"): "2000 troops" is not the year 2000.
    year_words = frozenset(
        w.split()[-1].rstrip("-")
        for w in [
            *map(normalize, map(str, t.get("year_words", []))),
            *qualifier_of,
            *since_words,
            *until_words,
        ]
        if w.split()
    )
    re_weekday = _compile(lang, _words(list(weekday_of)))
    re_relative = _compile(lang, _words(list(relative_of)))
    pre_words = [*month_of, *jmonth_of, *hmonth_of, *weekday_of, *relative_of, *ordinal_of]
    # A sentence without any of these holds no date. "In {n} days" is stood for by its
    # longest word ("days"): searching the whole phrase, number words and all, at every
    # position took twice as long as the rest of the prefilter together.
    n_words = {word for _rx, _key, word in n_relative}
    re_prefilter = _compile(
        lang,
        rf"(?:19|20)\d\d|{_words(pre_words)}"
        + "".join("|" + re.escape(w) for w in sorted(n_words, key=longest_first)),
    )
    re_future = _compile(lang, _words(t.get("future", [])))
    re_past = _compile(lang, _words(t.get("past", [])))
    re_qualifier_end = _compile(
        lang, rf"(?<![\w])(?:{lexicon_alternation(list(qualifier_of))})[\s-]*$"
    )
    re_until_end = _compile(lang, rf"(?<![\w])(?:{lexicon_alternation(list(until_words))})\s+$")
    re_since_end = _compile(lang, rf"(?<![\w])(?:{lexicon_alternation(list(since_words))})\s+$")
    re_since_any = _compile(lang, rf"(?<![\w])(?:{lexicon_alternation(list(since_words))})(?![\w])")
    # "last Friday", "este jueves", "nächsten Montag": the pack's words and CLDR's.
    re_week_before, re_week_after = _week_words(lang, t, weekday_of)
    return DateLexicon(
        lang=lang,
        month_of=month_of,
        jmonth_of=jmonth_of,
        weekday_of=weekday_of,
        ordinal_of=ordinal_of,
        number_of=number_of,
        ambiguous=ambiguous,
        relative_of=relative_of,
        qualifier_of=qualifier_of,
        until_words=frozenset(until_words),
        since_words=since_words,
        re_day_month=re_day_month,
        re_range=re_range,
        re_month_day=re_month_day,
        re_month_year=re_month_year,
        re_year_first=re_year_first,
        re_month=re_month,
        re_jalali=re_jalali,
        re_hijri=re_hijri,
        hmonth_of=hmonth_of,
        re_year=re_year,
        year_words=year_words,
        re_weekday=re_weekday,
        re_relative=re_relative,
        re_n_relative=n_relative,
        re_prefilter=re_prefilter,
        re_months_any=_compile(lang, months),
        re_jmonths_any=_compile(lang, jmonths),
        re_hmonths_any=_compile(lang, lexicon_alternation(list(hmonth_of))),
        re_future=re_future,
        re_past=re_past,
        re_qualifier_end=re_qualifier_end,
        re_until_end=re_until_end,
        re_since_end=re_since_end,
        re_since_any=re_since_any,
        re_week_before=re_week_before,
        re_week_after=re_week_after,
    )


# ---------------------------------------------------------------------------- finding


def month_at(text: str, pos: int, lang: str) -> bool:
    """Does a month name of ``lang`` start at ``pos``? (The sentence splitter asks, so that
    German "am 13. März" is not cut after "13.")"""
    m = lexicon(lang).re_month.match(normalize(text[pos : pos + 24]))
    return m is not None


def _day(m: re.Match[str], lex: DateLexicon) -> int | None:
    if m.groupdict().get("o"):
        return lex.ordinal_of.get(re.sub(r"\s+", " ", m.group("o")))
    d = m.groupdict().get("d")
    return int(d) if d else None


def _month(word: str, table: dict[str, int]) -> int | None:
    return table.get(re.sub(r"\s+", " ", word))


def _year(m: re.Match[str]) -> int | None:
    y = m.groupdict().get("y")
    return int(y) if y else None


# ISO "2021-12-30" and European "30.12.2021" (never US "12/30": ambiguous).
_NUMERIC = re.compile(
    r"(?<![\w.,/-])(?:(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
    r"|(?P<d2>[0-3]?\d)\.(?P<mo2>[01]?\d)\.(?P<y2>(?:19|20)\d\d))(?![\w/-]|[.,]\d)"
)


_DIGIT = re.compile(r"\d")


def _candidates(
    norm: str, start: int, end: int, lex: DateLexicon, first: int
) -> list[tuple[int, DateMention]]:
    """Every pattern's matches with a priority (lower wins an overlap). ``first``: where
    the prefilter first matches (a date word or year), ``start`` if it was not searched.

    A gate's search also tells where the patterns it guards can first match: no match of
    them starts before it (their matches start with what it finds), so their searches
    start there and find the same matches."""
    out: list[tuple[int, DateMention]] = []
    # Numeric dates, years, ranges, "January 12", "January 2022" and Hijri dates all need
    # a digit: a sentence without one spares their searches. Numeric dates, years, ranges,
    # Hijri dates and day-month dates with a numeric day start with one.
    digit = _DIGIT.search(norm, start, end)
    digits = digit is not None
    at_digit = digit.start() if digit is not None else end
    for m in _NUMERIC.finditer(norm, at_digit, end) if digits else ():
        y, mo, d = (int(m.group(g) or m.group(g + "2")) for g in ("y", "mo", "d"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append((0, DateMention(m.start(), m.end(), d, mo, y)))
    # Languages without Hijri or Solar Hijri months: their patterns match nothing.
    hijri = digits and bool(lex.hmonth_of) and lex.re_hmonths_any.search(norm, start, end)
    for m in lex.re_hijri.finditer(norm, at_digit, end) if hijri else ():
        mo = _month(m.group("m"), lex.hmonth_of)
        d = int(m.group("d"))
        if mo and 1 <= d <= 30:
            out.append((0, DateMention(m.start(), m.end(), d, mo, _year(m), hijri=True)))
    jmonth = lex.re_jmonths_any.search(norm, start, end) if lex.jmonth_of else None
    # A Solar Hijri date starts with its day or its month.
    at_jalali = min(at_digit, jmonth.start()) if jmonth is not None else end
    for m in lex.re_jalali.finditer(norm, at_jalali, end) if jmonth is not None else ():
        mo = _month(m.group("m") or m.group("m2"), lex.jmonth_of)
        d = int(m.group("d")) if m.group("d") else None
        if mo and (d is None or 1 <= d <= 31):
            out.append((0, DateMention(m.start(), m.end(), d, mo, _year(m), jalali=True)))
    month = lex.re_months_any.search(norm, start, end)
    month_named = month is not None
    at_month = month.start() if month is not None else end
    # A day-month date starts with its day: a digit, or an ordinal word anywhere.
    at_day = start if lex.ordinal_of else at_digit
    for prio, rx, pos in (
        (1, lex.re_day_month, at_day),
        (1, lex.re_month_day, at_month),
        (0, lex.re_range, at_digit),
    ):
        if not month_named:
            break
        if not digits and rx is not lex.re_day_month:  # day-month may be an ordinal word
            continue
        for m in rx.finditer(norm, pos, end):
            mo = _month(m.group("m"), lex.month_of)
            d = _day(m, lex)
            if not (mo and d and 1 <= d <= 31):
                continue
            groups = m.groupdict()
            first_day, last = (int(groups["d1"]), d) if groups.get("d1") else (d, None)
            if groups.get("d2"):
                last = int(groups["d2"])
            if last is not None and not first_day < last <= 31:
                continue
            out.append(
                (prio, DateMention(m.start(), m.end(), first_day, mo, _year(m), day_end=last))
            )
    for m in lex.re_year_first.finditer(norm, at_digit, end) if month_named and digits else ():
        mo = _month(m.group("m") or m.group("m2"), lex.month_of)
        day = m.group("d") or m.group("d2")
        if mo and day is None:  # "2022 m. liepą", "2022. gada jūlijā": the month
            out.append((0, DateMention(m.start(), m.end(), None, mo, int(m.group("y")))))
        elif mo and 1 <= int(day) <= 31:
            out.append((0, DateMention(m.start(), m.end(), int(day), mo, int(m.group("y")))))
    for m in lex.re_month_year.finditer(norm, at_month, end) if month_named and digits else ():
        mo = _month(m.group("m"), lex.month_of)
        if mo:
            out.append((2, DateMention(m.start(), m.end(), None, mo, _year(m))))
    for m in lex.re_month.finditer(norm, at_month, end) if month_named else ():
        word = re.sub(r"\s+", " ", m.group(0))
        if word in lex.ambiguous:
            continue
        mo = lex.month_of.get(word)
        if mo:
            out.append((3, DateMention(m.start(), m.end(), None, mo)))
    for m in lex.re_year.finditer(norm, at_digit, end) if digits else ():
        before = norm[max(start, m.start() - 24) : m.start()].split()
        after = norm[m.end() : min(end, m.end() + 16)].split()
        prev = before[-1].rstrip("-") if before else ""
        nxt = after[0].strip(".,;:)") if after else ""
        if (
            prev in lex.year_words
            or nxt in lex.year_words
            or norm[m.start() - 1 : m.start()] == "-"
        ):
            out.append((4, DateMention(m.start(), m.end(), year=int(m.group("y")))))
    # Weekdays and relative expressions are date words of the prefilter.
    for m in lex.re_weekday.finditer(norm, first, end):
        wd = lex.weekday_of.get(re.sub(r"\s+", " ", m.group(0)))
        before = norm[max(start, m.start() - 16) : m.start()].split()
        # After a number it is a plural noun: Romanian "trei luni" is three months.
        if before and (before[-1].isdigit() or before[-1] in lex.number_of):
            continue
        if wd is not None:
            out.append((5, DateMention(m.start(), m.end(), weekday=wd)))
    for m in lex.re_relative.finditer(norm, first, end):
        key = lex.relative_of.get(re.sub(r"\s+", " ", m.group(0)))
        if key:
            out.append((1, DateMention(m.start(), m.end(), relative=key)))
    span = norm[start:end]
    for rx, key, word in lex.re_n_relative:
        if word not in span:
            continue
        for m in rx.finditer(norm, start, end):
            n_word = re.sub(r"\s+", " ", m.group("n"))
            n = int(n_word) if n_word.isdigit() else lex.number_of.get(n_word)
            if n:
                out.append((0, DateMention(m.start(), m.end(), relative=key, count=n)))
    return out


def _non_overlapping(cands: list[tuple[int, DateMention]]) -> list[DateMention]:
    taken: list[DateMention] = []
    for _prio, m in sorted(cands, key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start)):
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


_GAP_WEEKDAY = re.compile(r"^[\s,(]{0,3}$")
_GAP_AFTER = re.compile(r"^[\s,(]{0,3}$")
_GAP_ALT = re.compile(r"^\s*[(\[]\s*$|^\s*[-/–]\s*$|^\s*,\s*$")


_YEAR_SHIFT = {"last_year": -1, "this_year": 0, "next_year": 1}
# Between a month and "last year" ("oktobra lani", "octubre del año pasado").
_GAP_YEAR = re.compile(r"[\s,]*(?:(?:de|del|of|do|da|des|van|vom|dell'|dello)\s+)?")
# A day and month in figures after a weekday: "domingo (19/1)", "Σάββατο (18/11)".
_WEEKDAY_FIGURES = re.compile(
    r"\s*[,(]?\s*(?P<d>[0-3]?\d)[/.](?P<mo>[01]?\d)(?![\d/.]|[.,]\d)\s*\)?"
)


def _year_of_month(
    m: DateMention, other: DateMention | None, norm: str, before: bool
) -> int | None:
    """The year shift of a month told with "last year" beside it, else None."""
    if (
        other is None
        or other.relative not in _YEAR_SHIFT
        or m.month is None
        or m.year is not None
        or m.jalali
        or m.hijri
    ):
        return None
    a, b = (other.end, m.start) if before else (m.end, other.start)
    return _YEAR_SHIFT[other.relative] if _GAP_YEAR.fullmatch(norm, a, b) else None


def _attach(mentions: list[DateMention], norm: str) -> list[DateMention]:
    """Weekdays beside dates and a second calendar's date in brackets join the date; so
    does "last year" beside a month, and a day and month in figures after a weekday."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        shift = _year_of_month(m, nxt, norm, before=False)
        if shift is not None and nxt is not None:
            m = m._replace(end=nxt.end, year_shift=shift)
            i += 1
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        elif (shift := _year_of_month(m, out[-1] if out else None, norm, before=True)) is not None:
            m = m._replace(start=out.pop().start, year_shift=shift)
        if m.weekday is not None and m.month is None and m.relative is None:
            fig = _WEEKDAY_FIGURES.match(norm, m.end)
            if fig and (nxt is None or nxt.start >= fig.end()):
                d, mo = int(fig.group("d")), int(fig.group("mo"))
                if 1 <= d <= 31 and 1 <= mo <= 12:
                    m = m._replace(end=fig.end(), day=d, month=mo)
        # "Friday (Jan. 21)", "پنج شنبه ۳۰ دسامبر": the weekday checks the date.
        if (
            nxt is not None
            and m.weekday is not None
            and m.month is None
            and nxt.day is not None
            and _GAP_WEEKDAY.match(norm[m.end : nxt.start])
        ):
            end = nxt.end + (1 if norm[nxt.end : nxt.end + 1] == ")" else 0)
            m = nxt._replace(start=m.start, end=end, weekday=m.weekday)
            i += 1
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # "21 January (Friday)".
        if (
            nxt is not None
            and m.day is not None
            and nxt.weekday is not None
            and nxt.month is None
            and m.weekday is None
            and _GAP_AFTER.match(norm[m.end : nxt.start])
        ):
            m = m._replace(end=nxt.end, weekday=nxt.weekday)
            i += 1
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # "۱۰ ژانویه ۲۰۲۲ (۲۰ دی)": the Solar Hijri date in brackets is the same day.
        if (
            nxt is not None
            and m.month is not None
            and nxt.month is not None
            and (m.jalali, m.hijri) != (nxt.jalali, nxt.hijri)
            and _GAP_ALT.match(norm[m.end : nxt.start])
        ):
            close = re.match(r"\s*[)\]]", norm[nxt.end : nxt.end + 3])
            end = nxt.end + (close.end() if close else 0)
            m = m._replace(end=end, alt=nxt)
            i += 1
        out.append(m)
        i += 1
    return out


def _context(
    m: DateMention, norm: str, lex: DateLexicon, floor: int, ceiling: int | None = None
) -> DateMention:
    """Qualifier ("early", "mid-"), "between now and", "since" right before the mention;
    "last" before or after a weekday ("last Friday", "Sonntag vergangener Woche")."""
    head = norm[max(floor, m.start - 40) : m.start]
    if m.weekday is not None and m.month is None and m.relative is None:
        tail_end = m.end + 24 if ceiling is None else min(ceiling, m.end + 24)
        for k, rx in lex.re_week_before.items():
            if rx.search(norm, max(floor, m.start - 24), m.start):
                return m._replace(week=k)
        for k, rx in lex.re_week_after.items():
            if rx.match(norm, m.end, tail_end):
                return m._replace(week=k)
    if not m.is_relative:
        q = lex.re_qualifier_end.search(head)
        if q and (m.day is None):
            qual = lex.qualifier_of.get(re.sub(r"[\s-]+$", "", re.sub(r"\s+", " ", q.group(0))))
            if qual is None:
                qual = lex.qualifier_of.get(re.sub(r"\s+", " ", q.group(0)).rstrip())
            if qual:
                m = m._replace(start=m.start - len(head) + q.start(), qualifier=qual)
                head = norm[max(floor, m.start - 40) : m.start]
        u = lex.re_until_end.search(head)
        if u and m.month is not None:
            m = m._replace(start=m.start - len(head) + u.start(), until=True)
        s = lex.re_since_end.search(head)
        if s and m.day is None:
            m = m._replace(since=True)
    return m


def find_dates(text: str, norm: str, start: int, end: int, lang: str) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` (``norm`` is its normalised twin)."""
    lex = lexicon(lang)
    # Languages without a lexicon read day-month dates from dateparser's month names.
    extra = [
        (1, DateMention(f.start, f.end, f.day, f.month, f.year))
        for f in fallback_dates(norm, start, end, lang)
    ]
    first = start
    if not extra:
        pre = lex.re_prefilter.search(norm, start, end)
        if pre is None:
            return []
        first = pre.start()
    mentions = _non_overlapping(extra + _candidates(norm, start, end, lex, first))
    mentions = _attach(mentions, norm)
    return [_context(m, norm, lex, start, end) for m in mentions]


# ---------------------------------------------------------------------------- tense


def since_before(norm: str, floor: int, m: DateMention, lang: str) -> bool:
    """A "since" word of ``lang`` in the date's clause, before it ("sedan kriget började
    den 24 februari"), no further back than ``floor``."""
    lo = max(floor, m.start - SINCE_REACH)
    for hit in lexicon(lang).re_since_any.finditer(norm, lo, m.start):
        if not _CLAUSE_MARK.search(norm, hit.end(), m.start):
            return True
    return False


def tense_at(norm: str, start: int, end: int, pos: int, lang: str) -> int:
    """+1 future, -1 past, 0 unknown: the nearest tense cue to ``pos`` in the sentence,
    preferring cues of the same clause (no comma or semicolon in between)."""
    return tense_near(tense_cues(norm, start, end, lang), norm, pos)


def tense_cues(norm: str, start: int, end: int, lang: str) -> list[tuple[int, int, int]]:
    """(sign, start, end) of every tense cue in ``norm[start:end]``: found once for all
    the dates of a sentence."""
    lex = lexicon(lang)
    future = [(1, m.start(), m.end()) for m in lex.re_future.finditer(norm, start, end)]
    past = [(-1, m.start(), m.end()) for m in lex.re_past.finditer(norm, start, end)]
    if future and past:
        # A past form just after a future or conditional word is that verb's participle
        # ("will be held", "by pak mohla začít", "sera signé"): no past tense of its own.
        past = [
            c
            for c in past
            if not any(
                0 <= c[1] - f[2] <= VERB_GROUP and not _CLAUSE_MARK.search(norm, f[2], c[1])
                for f in future
            )
        ]
    return future + past


def tense_near(cues: list[tuple[int, int, int]], norm: str, pos: int) -> int:
    """``tense_at`` from the cues of the span (see :func:`tense_cues`)."""
    best: tuple[int, int] | None = None
    for sign, cue_start, cue_end in cues:
        a, b = (cue_end, pos) if cue_end <= pos else (pos, cue_start)
        dist = max(0, b - a)
        if _CLAUSE_MARK.search(norm, a, b):
            dist += CLAUSE_PENALTY
        if best is None or dist < best[0]:
            best = (dist, sign)
    return best[1] if best else 0


_CLAUSE_MARK = re.compile(r"[,;:]")


# ---------------------------------------------------------------------------- resolving


def _month_days(y: int, mo: int) -> int:
    """``calendar.monthrange(y, mo)[1]`` (the same error for a month out of range),
    without the weekday of the month's first day that ``monthrange`` works out too."""
    if not 1 <= mo <= 12:
        raise calendar.IllegalMonthError(mo)
    return calendar.mdays[mo] + (mo == 2 and calendar.isleap(y))


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, _month_days(y, m))


def _interval_cost(lo: dt.date, hi: dt.date, anchor: dt.date, tense: int, strict: bool) -> int:
    if lo <= anchor <= hi:
        cost = 0
    else:
        cost = min(abs((lo - anchor).days), abs((hi - anchor).days))
    if strict and tense > 0 and hi < anchor - dt.timedelta(days=7):
        cost += TENSE_PENALTY
    if tense < 0 and lo > anchor + dt.timedelta(days=7):
        cost += TENSE_PENALTY + (SINCE_PENALTY if tense < -1 else 0)
    return cost


# Solar Hijri arithmetic (the jalaali algorithm of Borkowski, as in jalaali-js): exact for
# 1178-1633 AP and about a thousand times faster than convertdate's astronomical one.
_JALALI_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
    2324, 2394, 2456, 3178,
)  # fmt: skip


def _div(a: int, b: int) -> int:
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


@cache
def _jalali_year(jy: int) -> tuple[dt.date, bool]:
    """1 Farvardin of ``jy`` as a Gregorian date, and whether ``jy`` is a leap year."""
    gy = jy + 621
    leap_j = -14
    jp = _JALALI_BREAKS[0]
    jump = 0
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    return dt.date(gy, 3, march), leap == 0


def _jalali_to_gregorian(y: int, m: int, d: int) -> dt.date | None:
    if not (_JALALI_BREAKS[0] < y < _JALALI_BREAKS[-1]) or not 1 <= m <= 12:
        return None
    first, leap = _jalali_year(y)
    length = 31 if m <= 6 else 30 if m <= 11 else 30 if leap else 29
    if not 1 <= d <= length:
        return None
    return first + dt.timedelta(days=(m - 1) * 31 - _div(m, 7) * (m - 7) + d - 1)


def _jalali_year_of(day: dt.date) -> int:
    jy = day.year - 621
    return jy if day >= _jalali_year(jy)[0] else jy - 1


def _absolute(m: DateMention, anchor: dt.date, tense: int, strict: bool) -> Resolved | None:
    if m.month is None:
        return _year_only(m, anchor, tense, strict)
    if m.jalali:
        return _other_calendar(m, anchor, tense, strict, _jalali_to_gregorian, _jalali_year_of)
    if m.hijri:
        return _other_calendar(m, anchor, tense, strict, _hijri_to_gregorian, _hijri_year_of)
    years = [m.year] if m.year else [anchor.year - 1, anchor.year, anchor.year + 1]
    if m.year_shift is not None:
        years = [anchor.year + m.year_shift]
    elif m.day is not None and m.year is None and m.weekday is not None:
        # A year whose day falls on the weekday, unless the tense rules it out ("will be
        # held on Monday, June 24" is not a past year's Monday: the weekday is the slip).
        week = dt.timedelta(days=7)
        matching = [
            y
            for y in range(anchor.year - WEEKDAY_YEARS_BACK, anchor.year + 2)
            if _valid(y, m.month, m.day)
            and dt.date(y, m.month, m.day).weekday() == m.weekday
            and not (tense > 0 and strict and dt.date(y, m.month, m.day) < anchor - week)
            and not (tense < 0 and dt.date(y, m.month, m.day) > anchor + week)
        ]
        years = matching or years
    best: tuple[int, Resolved] | None = None
    for y in years:
        r = _gregorian_window(y, m)
        if r is None:
            continue
        cost = 0 if m.year else _interval_cost(r.lo, r.hi, anchor, tense, strict)
        if best is None or cost < best[0]:
            best = (cost, r)
    if best is None:
        return None
    res = best[1]
    if m.alt is not None:
        other = _absolute(m.alt, res.lo, 0, False)
        if other is not None and other.date != res.date and m.day is not None:
            res = replace(res, conflict=other.date)
    return res


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= d <= _month_days(y, mo)


def _gregorian_window(y: int, m: DateMention) -> Resolved | None:
    assert m.month is not None
    if m.day is not None:
        if not _valid(y, m.month, m.day):
            return None
        d = dt.date(y, m.month, m.day)
        if m.day_end is not None and _valid(y, m.month, m.day_end):
            e = dt.date(y, m.month, m.day_end)
            return Resolved(d.isoformat(), e.isoformat(), d, e)
        return Resolved(d.isoformat(), None, d, d)
    first, last = dt.date(y, m.month, 1), _month_end(y, m.month)
    if m.qualifier:
        a, b = QUALIFIER_DAYS[m.qualifier]
        lo = dt.date(y, m.month, a)
        hi = min(dt.date(y, m.month, min(b, last.day)), last)
        return Resolved(lo.isoformat(), hi.isoformat(), lo, hi)
    return Resolved(f"{y:04d}-{m.month:02d}", None, first, last)


def _hijri_to_gregorian(y: int, m: int, d: int) -> dt.date | None:
    from hijridate import Hijri

    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _hijri_year_of(day: dt.date) -> int:
    from hijridate import Gregorian

    try:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return round((day.year - 622) * 33 / 32)


def _other_calendar(
    m: DateMention,
    anchor: dt.date,
    tense: int,
    strict: bool,
    to_gregorian: Callable[[int, int, int], dt.date | None],
    year_of: Callable[[dt.date], int],
) -> Resolved | None:
    """A Solar or lunar Hijri date; with no year, the one nearest the anchor."""
    assert m.month is not None
    jy0 = year_of(anchor)
    years = [m.year] if m.year else [jy0 - 1, jy0, jy0 + 1]
    best: tuple[int, Resolved] | None = None
    for jy in years:
        if m.day is not None:
            d = to_gregorian(jy, m.month, m.day)
            if d is None:
                continue
            r = Resolved(d.isoformat(), None, d, d)
        else:
            lo = to_gregorian(jy, m.month, 1)
            nxt = to_gregorian(jy + (m.month == 12), m.month % 12 + 1, 1)
            if lo is None or nxt is None:
                continue
            hi = nxt - dt.timedelta(days=1)
            r = Resolved(lo.isoformat(), hi.isoformat(), lo, hi)
        cost = 0 if m.year else _interval_cost(r.lo, r.hi, anchor, tense, strict)
        if best is None or cost < best[0]:
            best = (cost, r)
    return best[1] if best else None


def _year_only(m: DateMention, anchor: dt.date, tense: int, strict: bool) -> Resolved | None:
    if m.year is None:
        return None
    y = m.year
    if m.qualifier:
        a, b = QUALIFIER_MONTHS[m.qualifier]
        lo, hi = dt.date(y, a, 1), _month_end(y, b)
        return Resolved(f"{y:04d}-{a:02d}", f"{y:04d}-{b:02d}", lo, hi)
    return Resolved(f"{y:04d}", None, dt.date(y, 1, 1), dt.date(y, 12, 31))


def _week(pub: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _days(lo: dt.date, hi: dt.date) -> Resolved:
    return Resolved(lo.isoformat(), hi.isoformat() if hi != lo else None, lo, hi)


def _relative(m: DateMention, pub: dt.date, tense: int) -> Resolved | None:
    one = dt.timedelta(days=1)
    key = m.relative
    if key is None and m.weekday is not None and m.week is not None:
        if m.week < 0:
            # "last Friday" said on a Friday is a week ago; else the latest such day before.
            d = pub - dt.timedelta(days=(pub.weekday() - m.weekday - 1) % 7 + 1)
        elif m.week > 0:
            d = pub + dt.timedelta(days=(m.weekday - pub.weekday() - 1) % 7 + 1)
        else:  # "este jueves": the day of the publication's week (Monday to Sunday)
            d = pub + dt.timedelta(days=m.weekday - pub.weekday())
        return _days(d, d)
    if key is None and m.weekday is not None:
        if tense > 0:
            # "will travel on Monday" written on a Monday: today (else "next Monday").
            d = pub + dt.timedelta(days=(m.weekday - pub.weekday()) % 7)
        else:
            d = pub - dt.timedelta(days=(pub.weekday() - m.weekday) % 7)
        return _days(d, d)
    if key == "midnight":
        # "will return into force at midnight": the night ahead, the next day's start;
        # "took effect at midnight": the night that began the publication's day.
        d = pub + dt.timedelta(days=1 if tense > 0 else 0)
        return _days(d, d)
    simple_days = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if key in simple_days:
        d = pub + dt.timedelta(days=simple_days[key])
        return _days(d, d)
    weeks = {"last_week": -1, "this_week": 0, "next_week": 1}
    if key in weeks:
        return _days(*_week(pub, weeks[key]))
    if key == "week_start":
        monday = _week(pub, 0)[0]
        return _days(monday, monday + one)
    months = {"last_month": -1, "this_month": 0, "next_month": 1}
    if key in months:
        y, mo = _shift_month(pub.year, pub.month, months[key])
        return Resolved(f"{y:04d}-{mo:02d}", None, dt.date(y, mo, 1), _month_end(y, mo))
    years = {"last_year": -1, "this_year": 0, "next_year": 1}
    if key in years:
        y = pub.year + years[key]
        return Resolved(f"{y:04d}", None, dt.date(y, 1, 1), dt.date(y, 12, 31))
    ago = {
        "n_days_ago": "day",
        "n_weeks_ago": "week",
        "n_months_ago": "month",
        "n_years_ago": "year",
    }
    if key in ago:
        # "a week ago", "před dvěma týdny", "een jaar geleden": counted back from the
        # publication date; days and weeks to the day, months and years to the month.
        n = m.count or 1
        unit = ago[key]
        if unit in ("day", "week"):
            d = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
            return _days(d, d)
        y, mo = _shift_month(pub.year, pub.month, -n * (12 if unit == "year" else 1))
        return Resolved(f"{y:04d}-{mo:02d}", None, dt.date(y, mo, 1), _month_end(y, mo))
    if key == "coming_days":
        return _days(pub + one, pub + dt.timedelta(days=7))
    if key == "next_n_days" and m.count:
        return _days(pub + one, pub + dt.timedelta(days=m.count))
    if key == "next_n_weeks" and m.count:
        return _days(pub + one, pub + dt.timedelta(weeks=m.count))
    return None


def resolve(
    m: DateMention, pub: dt.date | None, reference: dt.date, tense: int = 0
) -> Resolved | None:
    """ISO dates of ``m``. Relative expressions need the publication date ``pub``; a missing
    year is the one nearest ``pub`` (else ``reference``) that agrees with the tense."""
    if m.since:
        return None
    if m.is_relative:
        return _relative(m, pub, tense) if pub is not None else None
    anchor = pub or reference
    if m.until:
        tense = 1  # "between now and X": X lies ahead, whatever the verb
    res = _absolute(m, anchor, tense, strict=pub is not None)
    if res is None or not m.until:
        return res
    if pub is None:
        return None
    end = res.hi
    if m.qualifier == "mid" and m.month is not None:
        end = dt.date(res.lo.year, res.lo.month, 15)
    if end < pub:
        return None
    return _days(pub, end)
