"""Diplomatic calendar: dated events of one article.

A date is an event only when an event cue of ``calendar_events.yaml`` stands next to it:
first in the stretch of the sentence before the date (back to the previous date), else
after it (up to the next date); a short fragment ("Maybe between now and mid-February.")
borrows the cue of the sentence before. Durations and figures carry no date words and
never get this far; "since 2014" is read as the start of a duration, not an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any, NamedTuple

from briefing import langpacks
from briefing.data import load_yaml
from briefing.extract.attribution import attribute
from briefing.extract.context import ArticleContext
from briefing.extract.dates_publication import (
    QUOTE,
    Found,
    estimate_publication,
    is_dateline,
    scan_text,
)
from briefing.extract.topics import KEY_LEN, cue_regex, text_keys
from briefing.kb import knowledge_base
from briefing.models import Event, Mention, Sentence
from briefing.nlp.alternation import NEVER, compiled, lexicon_alternation, word_alternation
from briefing.nlp.dates import Resolved, kin_of, lexicon, resolve, since_before, tense_at
from briefing.nlp.normalize import normalize
from briefing.nlp.pipeline import _lemma

BEFORE_CHARS = 160  # how far back from a date its cue may stand
AFTER_CHARS = 110
# A named format relabels the event only when it stands this close to the date or the cue
# (else it is the topic: "consulted on Friday about the coming NATO–Russia Council").
FORMAT_NEAR = 40
FRAGMENT_CHARS = 60
VISIT_OBJECT = 40  # how far after a visit verb its destination may stand without a preposition
ATTACHED = 20  # a reporting verb this close before a date is that date's event  # a sentence this short with no cue borrows the previous one's
# Weeks told back from the publication ("last week", "two weeks ago", "earlier this week"):
# they date what happened only to within seven days, and an analyst keys the day itself,
# which such a phrase does not give; counted for what is ahead ("talks this week") only.
# ("a week ago" is seven days back, to the day: an analyst keys it).
VAGUE_WEEKS = frozenset({"last_week", "n_weeks_ago"})
VAGUE_UNLESS_AHEAD = frozenset({"this_week", "week_start"})
# An event over this long before the article was written is its history ("the 2014
# annexation", "born in 1960", "the 1995 massacre"), not the calendar of the crisis.
HISTORY = dt.timedelta(days=730)
# Kinds that look ahead by nature: a bare weekday with no tense in its clause ("Sunday is
# the deadline for...", "the law enters into force on Monday") is the coming one.
AHEAD_KINDS = frozenset({"deadline", "entry_into_force"})
# Formats name a gathering; they relabel these event types, not statements or attacks.
GATHERINGS = frozenset({"meeting", "talks", "council_session", "summit", "video_call"})
# Events a statement may report on the day it is made ("said on Wednesday that the talks").
REPORTED = GATHERINGS | {"phone_call", "visit", "conference", "vote", "signing"}


def infer_publication(ctx: ArticleContext) -> None:
    """Set ``ctx.article.published`` (basis "inferred") when metadata gave none.
    See :mod:`briefing.extract.dates_publication` for the heuristic."""
    art = ctx.article
    if art.published is not None:
        return
    est = estimate_publication(_found(ctx), ctx.as_of, art.text)
    if est.date is not None:
        art.published = est.date
        art.published_basis = "inferred"


def _found(ctx: ArticleContext) -> list[Found]:
    # The article text, not ctx.text: spaCy rebuilds Doc.text token by token on each call.
    # Its sentences are the pipeline's (same splitter), so the cached scan is valid here.
    return list(scan_text(ctx.article.text, ctx.lang, ctx.norm, ctx.sentences))


# ---------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class Cue:
    key: str
    label: str
    priority: int
    near: int | None
    regex: re.Pattern[str]
    day_only: bool = False  # statements and decisions are dated to the day, never a month
    body: str | None = None  # a format's own actor id
    members: tuple[str, ...] = ()  # a format's seats at the table (actor ids)
    # Word-start keys (see ``topics.text_keys``) one of which every match holds; None:
    # no such keys (raw expressions, clitics), always searched.
    keys: frozenset[str] | None = None


# Arabic glues conjunctions, prepositions and the article to the word ("والمحادثات").
_CLITICS = {"ar": r"(?:[وفبلك]?(?:ال|لل)?)"}


def _inner_stars(words: list[str]) -> list[str]:
    """Entries with a prefix inside ("telefonick* rozhovor*": any ending on each word) as
    raw expressions; the lexicon syntax ends a prefix only at the end of an entry."""
    out = []
    for w in words:
        w = str(w)
        if not w.startswith("~") and (" .. " in w or " ... " in w):
            # Gaps ("kondigde .. aan") and separable verbs ("teilte ... mit"): the cue
            # syntax of every lexicon (``topics.cue_regex``).
            out.append("~" + cue_regex(w))
            continue
        if w.startswith("~") or "*" not in w.rstrip("*"):
            out.append(w)
            continue
        parts = []
        for word in normalize(w).split():
            stem = word.rstrip("*")
            parts.append(re.escape(stem) + (r"\w*" if word.endswith("*") else ""))
        out.append("~" + r"\s+".join(parts) + ("" if w.endswith("*") else r"(?!\w)"))
    return out


def _alt(words: list[str], lang: str) -> str:
    """One regex for lexicon entries (see ``lexicon_alternation``), as whole words."""
    words = _inner_stars(words)
    if not words:
        return NEVER
    if lang not in _CLITICS:
        return word_alternation(words)
    return rf"(?<![\w]){_CLITICS[lang]}(?:{lexicon_alternation(words)})(?![\w])"


def _word_keys(words: list[str], lang: str) -> frozenset[str] | None:
    """The first ``KEY_LEN`` characters of the first word of each entry that has as many
    (Romanian "a declarat": "dec"): a text without any of them cannot match
    ``_alt(words, lang)``, whose matches start at a word start and hold white space
    before each later word, so that every word of a match starts a token."""
    if lang in _CLITICS:
        return None  # the first word may be glued to a clitic: it starts no token
    keys = set()
    for w in {normalize(str(x)) for x in words}:
        if w.startswith("~"):
            return None
        body = w[:-1] if w.endswith("*") else w  # a prefix: its letters before the star
        body = body.split(" .. ")[0].split(" ... ")[0]  # a gap: its first words
        # A word with a prefix inside: its letters before the star.
        word = next((x for x in (y.split("*")[0] for y in body.split()) if len(x) >= KEY_LEN), None)
        if word is None:
            return None
        keys.add(word[:KEY_LEN])
    return frozenset(keys)


@cache
def _events_table() -> dict[str, Any]:
    """The event types and formats of ``lexicons/calendar_events.yaml`` with each
    language's cue words (``lang/<code>/events.yaml``) under their ``cues``, and the packs'
    ``together`` words: the shape the extraction reads."""
    table = load_yaml("lexicons/calendar_events.yaml") or {}
    packs = langpacks.section("events")
    for section in ("types", "formats"):
        for key, spec in (table.get(section) or {}).items():
            cues = dict(spec.get("cues") or {})
            for code, pack in packs.items():
                words = ((pack or {}).get(section) or {}).get(key)
                if words:
                    cues[code] = [str(w) for w in words]
            spec["cues"] = cues
    for key in ("together", "counted_from"):
        table[key] = {
            code: [str(w) for w in (pack or {}).get(key) or ()] for code, pack in packs.items()
        }
    return table


def cue_language(lang: str) -> str:
    """The language whose event words are read for ``lang``: its own with a pack, else
    its kin's (``lexicons/calendar_kin.yaml``: Norwegian read with Danish words), else
    English (whose loanwords, "summit", "veto", "referendum", travel far)."""
    if lang in _pack_codes():
        return lang
    return kin_of(lang) or "en"


def _compile(lang: str, pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` from the disk cache of the calendar patterns of ``lang``
    (:func:`briefing.nlp.alternation.compiled`), not compiled again in every process."""
    return compiled(pattern, f"calendar.{lang}")


@cache
def event_cues(lang: str) -> tuple[Cue, ...]:
    out = []
    source = cue_language(lang)
    for key, spec in (_events_table().get("types") or {}).items():
        if spec.get("fallback"):
            continue  # no words: see ``_dated_cue``
        cues = spec.get("cues") or {}
        # A language with a pack has its own words (or none) for each type; one without
        # reads its kin's, or English.
        words = cues.get(source, [])
        lang = source
        out.append(
            Cue(
                key,
                spec["label"],
                int(spec.get("priority", 1)),
                spec.get("near"),
                _compile(lang, _alt(words, lang)),
                bool(spec.get("day_only")),
                keys=_word_keys(words, lang),
            )
        )
    return tuple(out)


@cache
def _dated_cue() -> Cue:
    """The cue of a date whose clause holds no event word of any type: the analyst's
    calendar keeps what happened on a date whatever the verb ("accused", "closed the
    airspace", "retook"), and no word list of 31 languages names every such verb."""
    key, spec = next(
        (k, s) for k, s in (_events_table().get("types") or {}).items() if s.get("fallback")
    )
    return Cue(key, spec["label"], int(spec.get("priority", 0)), None, re.compile(NEVER))


@cache
def _pack_codes() -> frozenset[str]:
    return frozenset(langpacks.section("events"))


@cache
def format_cues(lang: str) -> tuple[Cue, ...]:
    lang = cue_language(lang)
    out = []
    for _key, spec in (_events_table().get("formats") or {}).items():
        words = (spec.get("cues") or {}).get(lang, []) + (spec.get("cues") or {}).get("en", [])
        out.append(
            Cue(
                spec["kind"],
                spec["label"],
                0,
                None,
                _compile(lang, _alt(words, lang)),
                body=spec.get("body"),
                members=tuple(spec.get("members") or ()),
                keys=_word_keys(words, lang),
            )
        )
    return tuple(out)


@cache
def format_labels() -> frozenset[str]:
    """Labels that name a format (merging treats them as names, not event types)."""
    return frozenset(spec["label"] for spec in (_events_table().get("formats") or {}).values())


@cache
def _format_kinds() -> frozenset[str]:
    """The event kinds of formats (a format found next to a date is an event of its kind)."""
    return frozenset(spec["kind"] for spec in (_events_table().get("formats") or {}).values())


@cache
def _together(lang: str) -> re.Pattern[str]:
    lang = cue_language(lang)
    words = (_events_table().get("together") or {}).get(lang) or []
    return _compile(lang, _alt(words, lang))


@cache
def _phone_cue(lang: str) -> re.Pattern[str]:
    return next(c.regex for c in event_cues(lang) if c.key == "phone_call")


@cache
def _places(lang: str, moving: bool = False) -> tuple[re.Pattern[str], dict[str, str]]:
    """Place names after a locative preposition; ``moving``: also after "to" (visits)."""
    table = load_yaml("lexicons/calendar_locations.yaml") or {}
    lang = cue_language(lang)
    preps = list((table.get("prepositions") or {}).get(lang) or [])
    if moving:
        preps += (table.get("directions") or {}).get(lang) or []
    name_of = {normalize(str(f)): name for name, forms in table["places"].items() for f in forms}
    names = "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(name_of, key=len, reverse=True)
    )
    rx = _compile(lang, rf"{word_alternation(preps, after='')}\s+(?P<place>{names})(?![\w])")
    return rx, name_of


# ---------------------------------------------------------------------------- events


class _Hit(NamedTuple):
    """A cue next to a date (a named tuple: built by the thousand, it is quicker made
    than a frozen dataclass)."""

    cue: Cue
    start: int
    end: int
    distance: int
    other_clause: bool  # a comma or semicolon stands between the cue and the date


_CLAUSE = re.compile(r"[,;،؛]")


def _hits(cues: tuple[Cue, ...], norm: str, a: int, b: int, pos: int) -> list[_Hit]:
    if a >= b:
        return []  # no cue matches the empty text (tests/extract/test_calendar_cue_keys.py)
    out = []
    keys: set[str] | None = None
    for cue in cues:
        if cue.keys is not None:
            if keys is None:
                keys = text_keys(norm[a:b])
            if cue.keys.isdisjoint(keys):
                continue
        # ``finditer``, without its iterator for the many searches that find nothing
        # (the same matches: none is empty).
        rx = cue.regex
        m = rx.search(norm, a, b)
        while m is not None:
            start, end = m.span()
            lo, hi = (end, pos) if end <= pos else (pos, start)
            dist = hi - lo if hi > lo else 0
            if cue.near is None or dist <= cue.near:
                out.append(_Hit(cue, start, end, dist, _CLAUSE.search(norm, lo, hi) is not None))
            m = rx.search(norm, end, b)
    return out


def _best(hits: list[_Hit]) -> _Hit | None:
    """Same clause first, then the more specific type, then the nearer."""
    return min(hits, key=lambda h: (h.other_clause, -h.cue.priority, h.distance), default=None)


def _choose_cue(
    norm: str,
    lang: str,
    before: tuple[int, int],
    after: tuple[int, int],
    f: Found,
    last: bool,
    after_hits: list[_Hit],
) -> _Hit | None:
    """The event cue of date ``f``; ``last``: no later date in its sentence; ``after_hits``:
    the event cues of ``after``."""
    cues = event_cues(lang)
    b = _best(_hits(cues, norm, *before, f.mention.start))
    a = _best(after_hits)
    if b is None:
        # "will travel to Kyiv on Monday and to Moscow on Tuesday": a date with no cue of
        # its own shares the one before the previous date, if in the same clause.
        start = max(f.sentence.start, f.mention.start - BEFORE_CHARS)
        shared = _best(_hits(cues, norm, start, before[0], f.mention.start))
        return _best([h for h in (shared, a) if h]) or _format_as_cue(norm, lang, before, after, f)
    day_word = f.mention.is_relative or f.mention.day is not None
    if b.cue.priority <= 1 and b.distance <= ATTACHED and a is not None and day_word:
        if last and a.cue.key in REPORTED and _told_past(norm, lang, a, f):
            # "Stoltenberg said on Wednesday that the NATO–Russia Council meeting ended
            # without a breakthrough": the gathering told in the past, with no date of its
            # own, is the day's event; the reporting verb only tells who said it.
            return a
        return b  # "announced today that ...": the announcement is the dated event
    if a is not None and a.cue.priority > b.cue.priority and b.cue.priority <= 1:
        return a
    if a is not None and b.other_clause and not a.other_clause:
        return a  # "announced on Saturday the visit, a day after the call"
    return b


def _around(norm: str, lang: str, a: int, b: int, f: Found) -> _Hit | None:
    """A cue whose words stand on both sides of the date (separable verbs)."""
    hits = [
        h
        for h in _hits(event_cues(lang), norm, a, b, f.mention.start)
        if h.start < f.mention.start and h.end > f.mention.end
    ]
    return _best(hits)


def _quoted_apart(quotes: list[tuple[int, int]], f: Found, hit: _Hit) -> bool:
    """The date stands inside a quotation and its cue outside it."""
    m = f.mention
    return any(
        a <= m.start and m.end <= b and not (a <= hit.start and hit.end <= b) for a, b in quotes
    )


# Relative windows no calendar keys as one date ("last week", "in the coming days").
_WIDE = ("week", "days")
# A percentage or a sum of money (prices, rates, polls).
_FIGURE = re.compile(r"\d\s?[%٪]|[%٪]\s?\d|[$€£¥₽]\s?\d|\d\s?[$€£¥₽]")


@cache
def _figure_rx(lang: str) -> re.Pattern[str]:
    """``_FIGURE`` and a number beside the language's word for "per cent", from CLDR's
    unit patterns ("30 Prozent", "30 por ciento", "yüzde 30", "30 odstotkov"): the forms
    of one language share a stem, and any ending after it is read ("procent-a",
    "százalék-kal")."""
    forms: dict[str, set[str]] = {"before": set(), "after": set()}
    try:
        from babel import Locale

        units = Locale.parse(lang)._data["unit_patterns"]["concentr-percent"]
        patterns = [str(v) for v in dict(units.get("long") or {}).values()]
    except Exception:  # no CLDR data for the language: symbols only
        patterns = []
    for pat in patterns:
        head, _, tail = pat.partition("{0}")
        for side, word in (("before", head), ("after", tail)):
            word = normalize(word.strip())
            if word and re.search(r"\w", word):
                forms[side].add(word)
    parts = [_FIGURE.pattern]
    after = sorted(forms["after"])
    if after:
        stem = after[0]
        for w in after[1:]:
            while not w.startswith(stem):
                stem = stem[:-1]
        words = [stem] if len(stem) >= 4 else after
        parts.append(rf"\d\s*(?:{'|'.join(map(re.escape, words))})\w*")
    if forms["before"]:
        parts.append(rf"(?:{'|'.join(map(re.escape, sorted(forms['before'])))})\s*\d")
    return re.compile("|".join(parts))


def _datable(norm: str, lang: str, f: Found) -> bool:
    """A date with no event word of its own dates its clause's event unless it is a
    week-wide window ("last week", "within ten days"), the end of a duration ("até
    hoje": "until" before a relative day), or stands by a percentage or a price."""
    m = f.mention
    if any(w in (m.relative or "") for w in _WIDE):
        return False
    lo, hi = max(f.sentence.start, m.start - 40), min(f.sentence.end, m.end + 40)
    if _figure_rx(lang).search(norm, lo, hi):
        return False  # "Oil rose 3% on Monday": a market figure, no diplomatic event
    # "até hoje": "until" before a relative day; "until 31 May" is a deadline.
    return not m.is_relative or lexicon(lang).re_until_end.search(norm[lo : m.start]) is None


def _quoted(quotes: list[tuple[int, int]], f: Found) -> bool:
    m = f.mention
    return any(a <= m.start and m.end <= b for a, b in quotes)


def _told_past(norm: str, lang: str, hit: _Hit, f: Found) -> bool:
    """The cue's own clause (after the cue) is in the past tense: the reporting verb
    before it does not count, nor the cue's own words (Persian "گفت و گو" holds "گفت")."""
    return tense_at(norm, hit.end, f.sentence.end, hit.end, lang) < 0


def _locate(norm: str, lang: str, spans: list[tuple[int, int]], kind: str, hit: _Hit) -> str | None:
    rx, name_of = _places(lang, moving=kind == "visit")
    for a, b in dict.fromkeys(spans):  # a span searched in vain is not searched again
        m = rx.search(norm, a, b)
        if m:
            return name_of.get(re.sub(r"\s+", " ", m.group("place")))
    if kind == "visit":
        # "visited Kyiv", "يزور الوزير موسكو": the destination as the verb's object.
        m = _bare_places(lang).search(norm, hit.end, min(len(norm), hit.end + VISIT_OBJECT))
        if m:
            return name_of.get(re.sub(r"\s+", " ", m.group("place")))
    return None


@cache
def _bare_places(lang: str) -> re.Pattern[str]:
    _rx, name_of = _places(lang)
    if lang not in _CLITICS:
        return _compile(lang, f"(?P<place>{word_alternation(list(name_of))})")
    names = "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(name_of, key=len, reverse=True)
    )
    return _compile(lang, rf"(?<![\w]){_CLITICS[lang]}(?P<place>{names})(?![\w])")


def _participants(mentions: list[Mention], a: int, b: int) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if a <= m.start < b and m.actor not in out:
            out.append(m.actor)
    return out


def _clause_end(
    norm: str, lang: str, f: Found, hit: _Hit, after: tuple[int, int], after_hits: list[_Hit]
) -> int:
    """Where the date's clause ends for its participants: a comma or semicolon, or the
    cue of the next event ("... on 12 January and the OSCE council on 13 January")."""
    end = max(after[1], hit.end)
    stop = _CLAUSE.search(norm, max(f.mention.end, hit.end), end)
    if stop:
        end = stop.start()
    if end != after[1]:  # else the same search as ``after_hits``
        after_hits = _hits(event_cues(lang), norm, f.mention.end, end, f.mention.end)
    for h in after_hits:
        if h.start > hit.start and h.cue.priority > 1:
            end = min(end, h.start)
    return end


TENSE_REACH = 60  # a window's own verb stands this close to it ("met in January")


def _local_tense(norm: str, lang: str, f: Found) -> int:
    """The tense of the date's own clause: a verb far off ("warned ... of an invasion
    in early 2022") tells when it was said, not whether the window is over."""
    lo = max(f.sentence.start, f.mention.start - TENSE_REACH)
    hi = min(f.sentence.end, f.mention.end + TENSE_REACH)
    return tense_at(norm, lo, hi, f.mention.start, lang)


def _status(
    r: Resolved, as_of: dt.date, tense: Callable[[], int], published: dt.date | None
) -> str:
    """Upcoming when it starts after ``as_of``. A window that contains ``as_of`` ("in
    January" read on 26 January) is still open: upcoming unless told in the past tense
    ("met in January"), since only the text says which part of the window is meant; a
    window that opens when the article is written ("between now and mid-February") looks
    ahead whatever the tense of the clause ("Moscow was ready to invade between now...").
    ``tense``: the clause's tense, read only for such a window."""
    if r.lo > as_of:
        return "upcoming"
    if r.lo == r.hi or r.hi < as_of:
        return "past"
    opens_now = published is not None and r.lo >= published
    return "upcoming" if opens_now or tense() >= 0 else "past"


def _year_tense(norm: str, lang: str, f: Found) -> int:
    """The tense that chooses a missing year: -2 (behind the article, however near the
    coming such day) for a day or month after "since" in a past clause."""
    m = f.mention
    if (
        f.tense < 0
        and m.month is not None
        and m.year is None
        and not m.is_relative
        and since_before(norm, f.sentence.start, m, lang)
    ):
        return -2
    return f.tense


def extract_events(ctx: ArticleContext) -> list[Event]:
    norm, lang = ctx.norm, ctx.lang
    pub = ctx.article.published
    found = _found(ctx)
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    sentences = ctx.sentences
    events: dict[tuple[str, ...], Event] = {}
    per_sentence: dict[tuple[int, str, str | None], list[tuple[int, Event]]] = {}
    last_day: dt.date | None = None
    dated = _dated_cue().key
    happened: dict[int, str] = {}  # id of a plain dated event -> what its clause says happened
    for idx, group in by_sentence.items():
        s = sentences[idx]
        plain = [resolve(f.mention, pub, ctx.as_of, _year_tense(norm, lang, f)) for f in group]
        group, plain, restated = _drop_restated(norm, group, plain)
        if pub is not None and len(group) > 1:
            _after_report(group, plain, pub, ctx.as_of)
        quotes: list[tuple[int, int]] | None = None
        for i, f in enumerate(group):
            r = plain[i] or _anchored(f, group, plain, last_day, pub)
            if r is not None and r.lo == r.hi:
                last_day = r.lo
            if r is None or (idx <= 1 and is_dateline(restated.get(i, f), ctx.article.text)):
                continue
            if len(r.date) == 4 and r.date_end is None:
                continue  # a year alone dates background ("since 2006", "last year"), no event
            if pub is not None and r.hi < pub - HISTORY:
                continue
            rel = f.mention.relative
            if rel == "midnight" and len(group) > 1:
                continue  # "at midnight on Friday": the other date says which night
            if (rel in VAGUE_WEEKS and (rel != "n_weeks_ago" or (f.mention.count or 1) > 1)) or (
                rel in VAGUE_UNLESS_AHEAD and f.tense <= 0
            ):
                continue
            if f.mention.count is not None and _counted_from(norm, lang, f.mention.end):
                continue  # "within 15 days of its adoption": counted from another event
            prev_end = group[i - 1].mention.end if i else s.start
            next_start = group[i + 1].mention.start if i + 1 < len(group) else s.end
            before = (max(prev_end, f.mention.start - BEFORE_CHARS), f.mention.start)
            after = (f.mention.end, min(next_start, f.mention.end + AFTER_CHARS))
            cited: list[Sentence] = [s]
            # Read to choose the cue, and mostly again for the end of the clause.
            after_hits = _hits(event_cues(lang), norm, *after, f.mention.end)
            hit = _choose_cue(norm, lang, before, after, f, i + 1 == len(group), after_hits)
            if (
                hit is None
                and idx > 0
                and s.end - s.start <= FRAGMENT_CHARS
                and len(group) == 1
                and f.tense == 0  # a fragment with a verb of its own is a sentence
                and not _break(ctx.article.text, sentences[idx - 1], s)  # same paragraph
            ):
                p = sentences[idx - 1]
                before = (p.start, p.end)
                hit = _best(_hits(event_cues(lang), norm, p.start, p.end, p.end))
                cited = [p, s]
            if hit is None:
                # A separable verb around the date ("teilte ... am Samstag mit").
                hit = _around(norm, lang, before[0], after[1], f)
            if (
                hit is not None
                and hit.cue.key in AHEAD_KINDS
                and f.tense == 0
                and f.mention.weekday is not None
                and f.mention.month is None
                and f.mention.relative is None
                and f.mention.week is None
                and pub is not None
            ):
                r = resolve(f.mention, pub, ctx.as_of, 1) or r
            if hit is None or (hit.cue.day_only and r.hi != r.lo):
                # No event word, or a statement dated to more than a day (statements are
                # dated to the day, "said on Wednesday", not "in January" nor "last
                # week"): what happened or was said then ("announced in February that it
                # had tested") is a plain dated event, if anything.
                if not _datable(norm, lang, f):
                    continue
                hit = _Hit(_dated_cue(), f.mention.start, f.mention.start, 0, False)
            if f.mention.is_relative:
                if quotes is None:
                    quotes = [q.span(1) for q in QUOTE.finditer(norm, s.start, s.end)]
                if _quoted_apart(quotes, f, hit) or (hit.cue.key == dated and _quoted(quotes, f)):
                    # "„Tonight nothing is over,“ he said": the speaker's "tonight", said
                    # some time before the article; the quotation's own cue would date it.
                    continue
            window = (min(before[0], hit.start), max(after[1], hit.end))
            if len(group) == 1:
                window = (cited[0].start, s.end)
            kind, label = hit.cue.key, hit.cue.label
            # A format relabels only gatherings and its own kind: others need no search.
            relabeled = kind in GATHERINGS or kind in _format_kinds()
            fmt = _format(norm, lang, window, f, hit) if relabeled else None
            if fmt is not None and kind in GATHERINGS | {fmt.cue.key}:
                # "the G7 will meet by videoconference": the format names it, the more
                # specific type stays.
                if _rank(fmt.cue.key) >= _rank(kind):
                    kind = fmt.cue.key
                label = fmt.cue.label
            else:
                fmt = None
            single = len(group) == 1
            clause_lo = min(before[0], hit.start)
            prior = plain[i - 1] if i else None
            if prior is not None and (prior.lo, prior.hi) == (r.lo, r.hi):
                # "X had today, Tuesday 1 February, talks with Y": one day said twice.
                clause_lo = min(clause_lo, group[i - 2].mention.end if i > 1 else s.start)
            ev = Event(
                date=r.date,
                date_end=r.date_end,
                label=label,
                status=_status(r, ctx.as_of, partial(_local_tense, norm, lang, f), pub),  # type: ignore[arg-type]
                citations=[ctx.cite(c) for c in cited],
                location=_locate(
                    norm,
                    lang,
                    [(before[0], after[1]), window, *([(s.start, s.end)] if single else [])],
                    kind,
                    hit,
                ),
                participants=_people(
                    ctx, (clause_lo, _clause_end(norm, lang, f, hit, after, after_hits)), idx, fmt
                ),
                kind=kind,
                conflicting_dates=[r.conflict] if r.conflict else [],
            )
            if (
                ev.kind == "talks"
                and fmt is None
                and _called(ctx, idx, ev.participants, by_sentence)
            ):
                ev.kind, ev.label = "phone_call", _type_label("phone_call") or ev.label
            if ev.kind == dated:
                verb = _happened(norm, lang, before[0], after[1], f)
                if verb is not None:
                    happened[id(ev)] = verb
            if ev.kind == "statement":
                # Who speaks, not whom the statement is about: the sentence's speakers
                # (attribution), when it knows them.
                ev.participants = _speakers(ctx, idx) or ev.participants
            per_sentence.setdefault((idx, r.date, r.date_end), []).append((hit.cue.priority, ev))
    for cands in per_sentence.values():
        # Two readings of one day in one sentence ("on Friday ... today") are one event,
        # with the actors of both ("X on Friday ... spoke today with Y").
        best = max(cands, key=lambda c: c[0])[1]
        for _p, other in cands:
            best.participants.extend(p for p in other.participants if p not in best.participants)
        _add(events, best)
    out = _absorb(list(events.values()))
    for ev in out:
        ev.label = _compose_label(ev, ctx, happened.get(id(ev)))
    return sorted(out, key=lambda e: (e.date, e.label))


def _after_report(
    group: list[Found], plain: list[Resolved | None], pub: dt.date, as_of: dt.date
) -> None:
    """A bare weekday told after a day of its sentence, in a clause with no tense of its
    own ("Het Witte Huis liet dinsdag weten dat Trump woensdag een ontmoeting heeft"),
    is not a day before it: the coming such day, not the last one."""
    for i in range(1, len(group)):
        m, r = group[i].mention, plain[i]
        if (
            r is None
            or group[i].tense != 0
            or m.weekday is None
            or m.month is not None
            or m.relative is not None
            or m.week is not None
        ):
            continue
        told = [p.lo for p in plain[:i] if p is not None and p.lo == p.hi]
        if told and r.hi < told[-1]:
            plain[i] = resolve(m, pub, as_of, 1) or r


@cache
def _counted_from_rx(lang: str) -> re.Pattern[str] | None:
    lang = cue_language(lang)
    words = [str(w) for w in (_events_table().get("counted_from") or {}).get(lang) or ()]
    return _compile(lang, rf"\s*{word_alternation(words, after='')}") if words else None


def _counted_from(norm: str, lang: str, end: int) -> bool:
    """ "within 15 days of the bill's adoption", "entro 15 giorni dall'approvazione": a
    window counted from another event, not from the day the article was written."""
    rx = _counted_from_rx(lang)
    return rx is not None and rx.match(norm, end) is not None


_RESTATED = re.compile(r"\s*[/(]\s*")


def _drop_restated(
    norm: str, group: list[Found], plain: list[Resolved | None]
) -> tuple[list[Found], list[Resolved | None], dict[int, Found]]:
    """A date said again in another calendar or form right after itself ("الإثنين 10
    يناير/كانون الثاني 2022": the Gregorian and the Syriac month names) is one date: the
    restatement goes, so that the cue after it reaches the first. Also returns, by new
    index, the date spanning both (a dateline is judged on what follows the whole)."""
    keep = list(range(len(group)))
    spans: dict[int, Found] = {}
    for i in range(len(group) - 1):
        a, b = plain[i], plain[i + 1]
        if a is None or b is None or i not in keep:
            continue
        gap = _RESTATED.fullmatch(norm, group[i].mention.end, group[i + 1].mention.start)
        if gap and b.lo <= a.lo and a.hi <= b.hi:
            keep.remove(i + 1)
            whole = group[i].mention._replace(end=group[i + 1].mention.end)
            spans[i] = replace(group[i], mention=whole)
    if len(keep) == len(group):
        return group, plain, {}
    return (
        [group[i] for i in keep],
        [plain[i] for i in keep],
        {keep.index(i): f for i, f in spans.items()},
    )


# ---------------------------------------------------------------------------- who, what


def _paragraph(ctx: ArticleContext, idx: int) -> list[int]:
    """Indices of the sentences of ``idx``'s paragraph (a blank line ends one)."""
    text, ss = ctx.article.text, ctx.sentences
    lo = idx
    while lo > 0 and not _break(text, ss[lo - 1], ss[lo]):
        lo -= 1
    hi = idx
    while hi + 1 < len(ss) and not _break(text, ss[hi], ss[hi + 1]):
        hi += 1
    return list(range(lo, hi + 1))


def _break(text: str, a: Sentence, b: Sentence) -> bool:
    return _BLANK_LINE.search(text, a.end, max(a.end, b.start)) is not None


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def _headline(ctx: ArticleContext) -> int | None:
    """The first sentence when it stands alone on its first line (a title)."""
    ss = ctx.sentences
    if len(ss) > 1 and "\n" in ctx.article.text[ss[0].end : ss[1].start]:
        return 0
    return None


def _speakers(ctx: ArticleContext, idx: int) -> list[str]:
    """The actors a statement of sentence ``idx`` is attributed to."""
    out: list[str] = []
    for att in attribute(ctx):
        if att.sentence.index == idx:
            out.extend(a for a in att.speakers if a not in out)
    return out


def _actors_of(ctx: ArticleContext, idx: int) -> list[str]:
    return list(dict.fromkeys(m.actor for m in ctx.mentions_by_sentence().get(idx, ())))


def _people(ctx: ArticleContext, clause: tuple[int, int], idx: int, fmt: _Hit | None) -> list[str]:
    """The clause's actors; a format named alone brings its members; a clause with no
    actor, or only "the two" / "both sides" / a pronoun, the previous sentence's actors."""
    people = _participants(ctx.mentions, *clause)
    if fmt is not None and fmt.cue.members and set(people) <= {fmt.cue.body}:
        return people + [m for m in fmt.cue.members if m not in people]
    lone = not people or (len(people) < 2 and _together(ctx.lang).search(ctx.norm, *clause))
    if (
        lone
        and idx > 0
        and not _break(ctx.article.text, ctx.sentences[idx - 1], ctx.sentences[idx])
    ):
        people += [p for p in _actors_of(ctx, idx - 1) if p not in people]
    return people


def _called(
    ctx: ArticleContext, idx: int, people: list[str], by_sentence: dict[int, list[Found]]
) -> bool:
    """Talks told as a call nearby: a phone cue in the headline or a neighbouring sentence
    of the paragraph, with no date of its own, naming one of the same people."""
    persons = {p for p in people if p in ctx.actors and ctx.actors[p].type == "person"}
    if not persons:
        return False
    # The sentence itself, its neighbours in the paragraph, the headline.
    where = [j for j in _paragraph(ctx, idx) if abs(j - idx) <= 1]
    head = _headline(ctx)
    if head is not None and head not in where:
        where.append(head)
    rx = _phone_cue(ctx.lang)
    for j in where:
        s = ctx.sentences[j]
        if (j != idx and j in by_sentence) or not rx.search(ctx.norm, s.start, s.end):
            continue
        if set(_actors_of(ctx, j)) & persons:
            return True
    return False


# Kinds whose label names who took part: one person ("Visit: Scholz"), or two or more
# ("Talks: Blinken–Lavrov"). Other kinds (attacks, deadlines, elections) keep the type.
# What bounds the clause of a date for its verb: punctuation, quotation marks, a dash.
_CLAUSE_STOP = re.compile(r"[;()\[\]\"«»„“”‚‘]|[,:](?!\d)|\s[–—-]\s|[.!?](?=\s)")
_WORD = re.compile(r"\w+(?:[-‐]\w+)*")
# One-letter clitics a word of these languages may carry before its verb ("وأعلن", "ונעצר").
_PROCLITICS = {"ar": "وفبل", "fa": "", "he": "והשבלמכ"}


@cache
def _happened_table(lang: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The pack's ``happened`` words of ``lang`` (its kin's, or English, as for the event
    cues): ({lemma or form: English label}, ((prefix, label), ...)) for ``x*`` entries."""
    pack = langpacks.section("events").get(cue_language(lang)) or {}
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for label, words in (pack.get("happened") or {}).items():
        for w in words or ():
            w = normalize(str(w))
            if w.endswith("*"):
                prefixes.append((w[:-1], str(label)))
            else:
                exact.setdefault(w, str(label))
    prefixes.sort(key=lambda p: -len(p[0]))  # the longest prefix names the word
    return exact, tuple(prefixes)


@cache
def _happened_word(word: str, lang: str) -> str | None:
    exact, prefixes = _happened_table(lang)
    label = exact.get(word)
    if label is None and exact:
        label = exact.get(normalize(_lemma(word, lang)))
    if label is None and prefixes:
        clitics = _PROCLITICS.get(lang, "")
        forms = [word] + [word[i:] for i in (1, 2) if all(c in clitics for c in word[:i])]
        label = next((lb for form in forms for pre, lb in prefixes if form.startswith(pre)), None)
    return label


def _happened(norm: str, lang: str, lo: int, hi: int, f: Found) -> str | None:
    """What the clause of a plain dated event says happened, in English ("attacked"):
    the event word of the pack's ``happened`` nearest the date in its clause (read once,
    for dates with no cue of a type), or None when the clause names none of them."""
    exact, prefixes = _happened_table(lang)
    if not exact and not prefixes:
        return None
    a = lo
    for m in _CLAUSE_STOP.finditer(norm, lo, f.mention.start):
        a = m.end()
    stop = _CLAUSE_STOP.search(norm, f.mention.end, hi)
    b = stop.start() if stop else hi
    best: tuple[int, str] | None = None
    for w in _WORD.finditer(norm, a, b):
        if (w.end() > f.mention.start and w.start() < f.mention.end) or w.group().isdigit():
            continue
        label = _happened_word(w.group(), lang)
        if label is not None:
            dist = (
                f.mention.start - w.end()
                if w.end() <= f.mention.start
                else w.start() - f.mention.end
            )
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


SOLO = frozenset({"visit", "statement", "decision"})
MEETINGS = frozenset({"phone_call", "video_call", "talks", "meeting", "summit"})


def _compose_label(ev: Event, ctx: ArticleContext, happened: str | None = None) -> str:
    """ "Phone call: Biden–Putin": the type and who took part, in English from the KB;
    formats keep their own name. A plain dated event says what its clause says happened
    (``happened``, named by ``calendar_events.yaml``: "Attack: Russia–Ukraine"), when it
    says it."""
    if ev.label != _type_label(ev.kind):
        return ev.label
    head = ev.label
    if happened and ev.kind == _dated_cue().key:
        head = (load_yaml("lexicons/calendar_events.yaml").get("happened") or {}).get(
            happened, head
        )
    people = [ctx.actors[p] for p in ev.participants if p in ctx.actors]
    persons = [a for a in people if a.type == "person"]
    if ev.kind in SOLO:
        # Several people beside a statement are rarely one speaker: no name then.
        named = persons if len(persons) == 1 else []
    elif ev.kind in MEETINGS:
        named = persons if len(persons) >= 2 else [a for a in people if a.type != "person"]
        named = named if len(named) >= 2 else []
    elif ev.kind == _dated_cue().key:
        named = people  # "Event: Azerbaijan": whoever the dated clause names
    else:
        named = []
    if not named:
        return head
    names = sorted(_short(a.id, a.name) if a.type == "person" else a.name for a in named[:3])
    return f"{head}: {'–'.join(names)}"


def _short(actor_id: str, name: str) -> str:
    """A person's surname when the name is one first name and a surname of the KB ("Di
    Maio" of "Luigi Di Maio", "Blinken"), else the full name ("José Manuel Albares")."""
    kb_actor = knowledge_base().actors.get(actor_id)
    for sur in kb_actor.surnames if kb_actor else name.split()[-1:]:
        head = name[: -len(sur)].strip() if name.endswith(" " + sur) else ""
        if head and " " not in head:
            return sur
    return name


ANCHORED = {"next_day": 1, "prev_day": -1, "day_after_event": -1, "day_before_event": 1}


def _anchored(
    f: Found,
    group: list[Found],
    plain: list[Resolved | None],
    last_day: dt.date | None,
    pub: dt.date | None,
) -> Resolved | None:
    """ "The next day" counts from the previous date of the article; "a day after the
    call" from the date of its own sentence ("announced on Saturday, a day after ...")."""
    shift = ANCHORED.get(f.mention.relative or "")
    if shift is None:
        return None
    anchor = last_day
    if f.mention.relative in ("day_after_event", "day_before_event"):
        same = [
            (abs(g.mention.start - f.mention.start), r.lo)
            for g, r in zip(group, plain, strict=True)
            if r is not None and r.lo == r.hi and g is not f
        ]
        # None in its sentence: a clause in the present ("Iran's stance comes a day after
        # the draft failed") speaks of the day of publication; one in the past of a day
        # the sentence does not give.
        anchor = min(same)[1] if same else (pub if f.tense >= 0 else None)
    if anchor is None:
        return None
    d = anchor + dt.timedelta(days=shift)
    return Resolved(d.isoformat(), None, d, d)


def _format_as_cue(
    norm: str, lang: str, before: tuple[int, int], after: tuple[int, int], f: Found
) -> _Hit | None:
    """A named format next to a date is an event of its kind ("the NATO–Russia Council
    on 12 January") even without a word for "meeting"."""
    if f.mention.month is None and not f.mention.is_relative:
        return None  # "The NATO-Russia Council was established in 2002": history, no session
    hits = _hits(format_cues(lang), norm, *before, f.mention.start)
    hits += _hits(format_cues(lang), norm, *after, f.mention.end)
    near = [h for h in hits if h.distance <= FORMAT_NEAR and not h.other_clause]
    return _best(near)


def _format(norm: str, lang: str, window: tuple[int, int], f: Found, hit: _Hit) -> _Hit | None:
    for h in sorted(
        _hits(format_cues(lang), norm, *window, f.mention.start), key=lambda h: h.distance
    ):
        to_cue = hit.start - h.end if h.end <= hit.start else h.start - hit.end
        lo, hi = sorted((hit.start, f.mention.start))
        between = lo <= h.start < max(hi, hit.end)
        if (
            h.distance <= FORMAT_NEAR
            or to_cue <= FORMAT_NEAR
            or (between and h.distance <= 2 * FORMAT_NEAR)
        ):
            return h
    return None


def _absorb(events: list[Event]) -> list[Event]:
    """A month-wide mention of an event dated to the day elsewhere in the article ("the
    second call in December" beside "the call on 30 December") is that event."""
    days = {(e.kind, e.date) for e in events if len(e.date) == 10 and e.date_end is None}
    out = []
    for e in events:
        if (
            len(e.date) == 7
            and e.date_end is None
            and any(k == e.kind and d.startswith(e.date) for k, d in days)
        ):
            continue
        out.append(e)
    return out


def _add(events: dict[tuple[str, ...], Event], ev: Event) -> None:
    """One event per kind and date within an article, citing every sentence."""
    key: tuple[str, ...] = (ev.kind or ev.label, ev.date, ev.date_end or "")
    if ev.kind == "statement":
        key += tuple(sorted(ev.participants))  # different speakers, different statements
    old = events.get(key)
    if old is None:
        events[key] = ev
        return
    seen = {(c.start, c.end) for c in old.citations}
    old.citations.extend(c for c in ev.citations if (c.start, c.end) not in seen)
    old.participants.extend(p for p in ev.participants if p not in old.participants)
    old.location = old.location or ev.location
    old.conflicting_dates.extend(d for d in ev.conflicting_dates if d not in old.conflicting_dates)
    if old.label == _type_label(old.kind) and ev.label != _type_label(ev.kind):
        old.label = ev.label


def _rank(kind: str) -> int:
    return next((c.priority for c in event_cues("en") if c.key == kind), 0)


def _type_label(kind: str | None) -> str | None:
    spec = (_events_table().get("types") or {}).get(kind or "")
    return spec["label"] if spec else None
