"""When was an article published, if its metadata does not say? Read from its own dates.

The heuristic, in order (every step only narrows; nothing is guessed without a dated
past event to stand on):

0. A dateline ("MOSCOW, Jan 12 (Reuters) -", "KYIV, 12 January 2022 —") at the head of
   the article is its publication date.
1. Day-precise dates told in the past tense are lower bounds ("the call on Thursday
   30 December 2021"); dates told as scheduled or future are upper bounds ("talks are
   scheduled for 10 January": published before the 10th); a future month ("in January")
   bounds the publication to that month's end.
2. "Next month" / "last month" in the same sentence as a named month fixes the
   publication month (negotiations "next month" ... bodies meeting "in early January").
3. Without a past dated event, past-tense dates with no tense cue stand in, if they do
   not contradict the upper bound. Past dates beyond the upper bound are dropped (a
   scheduled date outranks a past-tense reading of the same date).
4. The estimate (never later than today) is the earliest date the evidence allows: the lower bound, moved forward
   to the first day on which every weekday reported in the past tense ("on Wednesday")
   has already occurred (wire style names the weekday only within the past week).
   Capped by the upper bound. With only a month fixed (step 2), the middle of the month.
5. An article that never writes a year (nor a weekday with a date, which fixes one) is
   anchored to a reference date: ``--as-of`` if given, else the newest publication date
   of the batch; :func:`infer_publications` does that second pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.models import Article, Sentence
from briefing.nlp.dates import DateMention, find_dates, resolve, tense_cues, tense_near
from briefing.nlp.normalize import normalize
from briefing.nlp.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Found:
    """A date mention in a sentence, with the tense of its clause."""

    sentence: Sentence
    mention: DateMention
    tense: int


# A quotation inside a sentence: its opening mark, then no mark of either kind, then a
# closing one ("„Myslíme si, že se všichni vrátí v pondělí,“ dodal").
QUOTE = re.compile(r"[„“”\"«»‚‘]([^„“”\"«»]{8,}?)[“”\"»«‘’]")


def scan(text: str, norm: str, sentences: Sequence[Sentence], lang: str) -> list[Found]:
    out: list[Found] = []
    for s in sentences:
        mentions = find_dates(text, norm, s.start, s.end, lang)
        if mentions:
            # A word of a date is no tense cue (Czech "neděli" looks like a past form).
            cues = [
                c
                for c in tense_cues(norm, s.start, s.end, lang)
                if not any(c[1] < m.end and m.start < c[2] for m in mentions)
            ]
            quotes = [q.span(1) for q in QUOTE.finditer(norm, s.start, s.end)]
            out.extend(Found(s, m, _tense(cues, quotes, norm, m)) for m in mentions)
    return out


def _tense(
    cues: list[tuple[int, int, int]], quotes: list[tuple[int, int]], norm: str, m: DateMention
) -> int:
    """The tense of a date's clause; inside a quotation only the quotation's own cues
    count (the reporting verb outside tells when it was said), and a quotation with none
    speaks of what is ahead ("we think they will all be back on Monday")."""
    for a, b in quotes:
        if a <= m.start and m.end <= b:
            inner = [c for c in cues if a <= c[1] and c[2] <= b]
            return tense_near(inner, norm, m.start) if inner else 1
    return tense_near(cues, norm, m.start)


_SCANNED: dict[tuple[str, str], tuple[Found, ...]] = {}
_SCANNED_MAX = 8192


def scan_text(
    text: str,
    lang: str,
    norm: str | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> tuple[Found, ...]:
    """``scan`` of a whole article, cached: the batch inference before the NLP stage and the
    event extraction after it read the same dates once. ``norm`` and ``sentences``, when
    the NLP stage has them, spare normalising and splitting the text again (they must be
    ``normalize(text)`` and ``split_sentences(text, lang)``)."""
    key = (text, lang)
    found = _SCANNED.get(key)
    if found is None:
        if norm is None or sentences is None:
            norm, sentences = normalize(text), split_sentences(text, lang)
        found = tuple(scan(text, norm, sentences, lang))
        if len(_SCANNED) >= _SCANNED_MAX:
            del _SCANNED[next(iter(_SCANNED))]
        _SCANNED[key] = found
    return found


def seed_scan(text: str, lang: str, found: tuple[Found, ...]) -> None:
    """Hand ``scan_text`` the scan of ``text`` done elsewhere (in a worker)."""
    if len(_SCANNED) >= _SCANNED_MAX:
        del _SCANNED[next(iter(_SCANNED))]
    _SCANNED[(text, lang)] = found


@dataclass(frozen=True, slots=True)
class Estimate:
    date: dt.date | None
    has_year: bool  # the text fixes its own years (else it needs a reference date)


def _fixes_year(m: DateMention) -> bool:
    if m.since or m.is_relative:
        return False
    return m.has_year or (m.weekday is not None and m.day is not None)


_DATELINE_HEAD = re.compile(r"^[^.!?\n]{0,40}[,\s]$")
_DATELINE_TAIL = re.compile(r"^\s*(?:r\.\s*)?(?:\([^)\n]{1,40}\)\s*)?[-–—:/]")


def is_dateline(f: Found, text: str) -> bool:
    """ "MOSCOW, Jan 12 (Reuters) -": the date of the report, not of an event."""
    m = f.mention
    if f.sentence.index > 1 or m.is_relative or m.day is None or m.day_end is not None:
        return False
    head = text[f.sentence.start : m.start]
    return bool(_DATELINE_HEAD.match(head) and _DATELINE_TAIL.match(text[m.end : m.end + 50]))


def _dateline(found: Sequence[Found], text: str | None, reference: dt.date) -> dt.date | None:
    if not found or text is None or not is_dateline(found[0], text):
        return None
    r = resolve(found[0].mention, None, reference, 0)
    return r.lo if r is not None else None


def estimate_publication(
    found: Sequence[Found], reference: dt.date, text: str | None = None
) -> Estimate:
    has_year = any(_fixes_year(f.mention) for f in found)
    dateline = _dateline(found, text, reference)
    if dateline is not None:
        return _checked(dateline, has_year)
    lo_past: list[dt.date] = []
    lo_plain: list[dt.date] = []
    hi: dt.date | None = None
    month_fix: tuple[dt.date, dt.date] | None = None
    weekdays: list[int] = []
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence.index, []).append(f)
        m = f.mention
        if m.since or m.until:
            continue
        if m.is_relative:
            if (
                m.relative is None
                and m.weekday is not None
                and f.tense <= 0
                and not _previous_week(text, m)
            ):
                weekdays.append(m.weekday)
            continue
        r = resolve(m, None, reference, f.tense)
        if r is None:
            continue
        if r.lo == r.hi:
            if f.tense > 0:
                bound = r.lo - dt.timedelta(days=1)
                hi = bound if hi is None else min(hi, bound)
            elif f.tense < 0:
                lo_past.append(r.lo)
            else:
                lo_plain.append(r.lo)
        elif f.tense > 0 and m.month is not None and m.qualifier is None:
            hi = r.hi if hi is None else min(hi, r.hi)
    for group in by_sentence.values():
        month_fix = _month_link(group, reference) or month_fix
    if month_fix is not None:
        hi = month_fix[1] if hi is None else min(hi, month_fix[1])
    lo_cands = [d for d in lo_past if hi is None or d <= hi]
    if not lo_cands:
        lo_cands = [d for d in lo_plain if hi is None or d <= hi]
    if lo_cands:
        lo = max(lo_cands)
        if month_fix is not None and month_fix[0] <= month_fix[1]:
            lo = max(lo, month_fix[0])
    elif month_fix is not None:
        mid = month_fix[0] + (month_fix[1] - month_fix[0]) // 2
        return _checked(min(mid, hi) if hi else mid, has_year)
    else:
        return Estimate(None, has_year)
    pub = lo
    for wd in weekdays:
        pub = max(pub, lo + dt.timedelta(days=(wd - lo.weekday()) % 7))
    if hi is not None and pub > hi:
        pub = max(lo, hi)
    return _checked(pub, has_year)


@lru_cache(maxsize=1)
def _previous_week_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words of every language that put a weekday in an earlier week ("last Tuesday",
    "mardi dernier"), right before or right after it."""
    from briefing.langpacks import section

    words: set[str] = set()
    for table in section("dates").values():
        words |= {normalize(str(w)) for w in (table or {}).get("previous_weekday") or []}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alt})\s+$"), re.compile(rf"^\s+(?:{alt})(?!\w)")


def _previous_week(text: str | None, m: DateMention) -> bool:
    if text is None:
        return False
    before, after = _previous_week_words()
    return bool(
        before.search(normalize(text[max(0, m.start - 20) : m.start]))
        or after.search(normalize(text[m.end : m.end + 20]))
    )


def _checked(date: dt.date, has_year: bool) -> Estimate:
    """Nothing is published after today: such an estimate rests on a misread tense."""
    return Estimate(date if date <= dt.date.today() else None, has_year)


def _month_link(group: list[Found], reference: dt.date) -> tuple[dt.date, dt.date] | None:
    """ "next month" beside a named month M: published in M-1 ("last month": M+1)."""
    shift = {"next_month": -1, "last_month": 1}
    rel = [f for f in group if f.mention.relative in shift]
    named = [f for f in group if f.mention.month is not None and not f.mention.since]
    if not rel or not named:
        return None
    r = resolve(named[0].mention, None, reference, named[0].tense)
    if r is None:
        return None
    k = shift[rel[0].mention.relative or ""]
    y, mo = divmod(r.lo.year * 12 + r.lo.month - 1 + k, 12)
    first = dt.date(y, mo + 1, 1)
    nxt = dt.date(y + (mo + 1) // 12, (mo + 1) % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def infer_publications(articles: Sequence[Article], as_of: dt.date | None) -> None:
    """Publication dates for a batch: articles that write their years first, then the
    others anchored to ``as_of`` or the newest publication date among the batch."""
    from briefing.nlp.language import detect_language

    pending: list[tuple[Article, list[Found]]] = []
    first_ref = as_of or dt.date.today()
    for art in articles:
        if art.published is not None:
            continue
        if not art.language:
            art.language = detect_language(art.text)
        est, found = first_estimate(art, first_ref)
        if est.has_year:
            _set(art, est.date)
        else:
            pending.append((art, found))
    anchor_pending(articles, pending, as_of, first_ref)


def first_estimate(art: Article, first_ref: dt.date) -> tuple[Estimate, list[Found]]:
    """The first pass of :func:`infer_publications` on one article (its language set):
    its estimate against ``first_ref``, and its dates for the second pass."""
    found = list(scan_text(art.text, art.language or "en"))
    return estimate_publication(found, first_ref, art.text), found


def anchor_pending(
    articles: Sequence[Article],
    pending: Sequence[tuple[Article, list[Found]]],
    as_of: dt.date | None,
    first_ref: dt.date,
) -> None:
    """The second pass: articles that fix no year of their own, anchored to ``as_of``,
    else the newest publication date of ``articles`` (the first pass's included)."""
    if not pending:
        return
    dated = [a.published for a in articles if a.published is not None]
    reference = as_of or (max(dated) if dated else first_ref)
    for art, found in pending:
        _set(art, estimate_publication(found, reference, art.text).date)


def _set(art: Article, date: dt.date | None) -> None:
    if date is not None:
        art.published = date
        art.published_basis = "inferred"
