"""A template-ready view of a brief: rows, groups and numbered citation marks.

Everything the template shows is decided here, in reading order, so citation numbers run
1, 2, 3... down the page and the Sources section lists exactly the sentences cited above
it. The template only lays the view out; it makes no decisions and holds no state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from briefing.langpacks import iso_language_name
from briefing.models import (
    MEASURE_CATEGORIES,
    Actor,
    Article,
    Brief,
    Citation,
    Disagreement,
    Event,
    Measure,
    Position,
)
from briefing.render import Caps, RenderOptions

# Scripts written right to left: their sentences get dir="rtl" so punctuation and
# embedded Latin or digits are ordered as a reader of the language expects.
RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "ug", "dv", "arc"})
_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Right-to-left letters or explicit direction controls (marks, embeddings, isolates).
_BIDI = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
    r"\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")

# How many sentences an actor row cites: actors are mentioned everywhere, and a reader
# needs a few grounding quotes, not every mention.
ACTOR_CITATIONS = 3
# How many articles read but not cited the PDF lists by name (brief.json and the HTML list
# them all): past this a printed list is pages of noise (about 40 articles a page).
PRINT_UNCITED = 100
# How many spellings an actor row lists: enough to recognise the actor in each language.
SURFACE_FORMS = 10

CATEGORY_LABELS: dict[str, str] = {
    "financial": "Financial",
    "export-control": "Export controls",
    "personal": "Personal (individuals)",
    "energy": "Energy",
    "trade": "Trade",
    "military-aid": "Military aid",
    "force-posture": "Force posture",
    "diplomatic": "Diplomatic",
    "other": "Other",
}


@cache
def language_name(code: str | None) -> str:
    """English name of an ISO 639 code ("fa" -> "Persian"); the code itself if unknown."""
    if not code:
        return "unknown language"
    name = iso_language_name(code)
    if name is None:
        return code
    # "Modern Greek (1453-)" reads badly in a brief.
    return re.sub(r"\s*\(.*\)$", "", name)


def has_bidi(text: object) -> bool:
    """Whether ``text`` holds anything whose order an isolate (``<bdi>``) protects: a
    right-to-left letter or a direction control. Left-to-right text in the English page
    reads the same with or without one."""
    return bool(_BIDI.search(str(text)))


def is_rtl(lang: str | None, text: str = "") -> bool:
    """Right-to-left by language, else by script when the language is unknown."""
    if lang:
        return lang.split("-")[0].lower() in RTL_LANGS
    rtl = len(_RTL_CHARS.findall(text))
    return rtl > 0 and rtl >= len(_LATIN_OR_CYRILLIC.findall(text))


def safe_link(url: str | None) -> str | None:
    """``url`` when a reader may follow it (http/https only: never ``javascript:`` etc.)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url.strip()
    return None


def display_date(value: str | dt.date | None) -> str:
    """A reader's date: "Mon 10 Jan 2022", "Jan 2022" or "2022" by the date's precision."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return _day(value)
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return _day(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1).strftime("%b %Y")
    except ValueError:
        pass
    return value


def _day(d: dt.date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def display_range(start: str, end: str | None) -> tuple[str, str | None]:
    """Start and end as a reader writes a span: "26 Jan" – "15 Feb 2022", "10" – "12 Jan 2022".

    Weekdays are dropped in spans (they crowd the column); parts the two ends share are
    written once, on the end.
    """
    if not end or end == start:
        return display_date(start), None
    try:
        a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return display_date(start), display_date(end)
    if a.year != b.year:
        return f"{a.day} {a:%b %Y}", f"{b.day} {b:%b %Y}"
    if a.month != b.month:
        return f"{a.day} {a:%b}", f"{b.day} {b:%b %Y}"
    return f"{a.day}", f"{b.day} {b:%b %Y}"


def shown_forms(forms: Sequence[str], name: str) -> tuple[list[str], list[str]]:
    """Distinct spellings other than ``name``, split into left-to-right and right-to-left
    ones: each list is laid out in its own direction, so a mixed list never reorders
    itself around the bidi boundary. At most ``SURFACE_FORMS`` in all, LTR first."""
    distinct = [f for f in dict.fromkeys(forms) if f != name][: SURFACE_FORMS * 4]
    ordered = sorted(distinct, key=lambda f: is_rtl(None, f))[:SURFACE_FORMS]
    return [f for f in ordered if not is_rtl(None, f)], [f for f in ordered if is_rtl(None, f)]


def by_topic(positions: Sequence[Position]) -> list[Position]:
    """Positions with the same topic side by side, topics in order of first appearance."""
    first: dict[str, int] = {}
    for p in positions:
        first.setdefault(p.topic_key or p.topic, len(first))
    return sorted(positions, key=lambda p: first[p.topic_key or p.topic])


def date_start(value: str) -> str:
    """First day a YYYY, YYYY-MM or YYYY-MM-DD date covers, for ordering against as_of."""
    parts = value.split("-")
    return "-".join([*parts, "01", "01"][:3]) if parts[0] else value


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    label: str  # outlet, else headline, else id: what a reader recognises
    title: str | None
    headline: str | None  # the title, else the text's first line
    outlet: str | None
    published: str | None
    published_display: str  # "4 Jan 2022", "4 Jan 2022 (inferred)" or "date unknown"
    published_inferred: bool
    language: str
    language_name: str
    rtl: bool
    location: str | None  # path or url as text
    link: str | None  # only a safe http(s) url
    limited: str | None = None  # why the article was read in a limited mode, if it was

    @property
    def short(self) -> str:
        """What a footnote mark names: the outlet (or headline) and the date."""
        return f"{self.label}, {self.published_display}"


@dataclass(frozen=True, slots=True, eq=False)
class CitedSentence:
    number: int
    citation: Citation
    source: SourceInfo
    lang: str
    rtl: bool
    # The same sentence, word for word, in other sources (wire copy printed by several
    # outlets): one entry in the sources list, naming each of them.
    also: list[tuple[Citation, SourceInfo]] = field(default_factory=list)

    @property
    def attributions(self) -> list[tuple[Citation, SourceInfo]]:
        """Every source the sentence is cited from, the first one first."""
        return [(self.citation, self.source), *self.also]


@dataclass(frozen=True, slots=True)
class Marks:
    """The citation marks of one point: its best few sentences, and how many more the JSON
    holds for it."""

    items: tuple[CitedSentence, ...] = ()
    more: int = 0

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def numbers(self) -> list[int]:
        return [c.number for c in self.items]


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement's own words, verbatim, in its language."""

    text: str
    lang: str
    rtl: bool


@dataclass(slots=True)
class ActorRow:
    id: str
    name: str
    type: str
    role: str | None
    mentions: int
    surface_forms: list[str]  # left to right
    rtl_forms: list[str]
    more_forms: int
    marks: Marks


@dataclass(slots=True)
class EventRow:
    date: str
    date_display: str
    date_end: str | None
    date_end_display: str | None
    label: str
    location: str | None
    participants: list[str]
    status: str
    conflicting_dates: list[str]
    marks: Marks


@dataclass(slots=True)
class PositionRow:
    actor: str
    topic: str
    stance: str
    marks: Marks
    quote: Quote | None = None


@dataclass(slots=True)
class Group:
    key: str
    heading: str
    items: list[Any]
    more: int = 0  # items of this group the JSON holds and the page does not show


@dataclass(slots=True)
class MeasureRow:
    measure: str
    category: str
    proposed_by: list[str]
    target: str | None
    condition: str | None
    marks: Marks
    status: str | None = None


@dataclass(slots=True)
class SideRow:
    label: str
    position: str
    marks: Marks


@dataclass(slots=True)
class DisagreementRow:
    topic: str
    kind: str
    sides: list[SideRow]


@dataclass(slots=True)
class NewSinceView:
    events: list[EventRow]
    positions: list[PositionRow]
    sanctions_options: list[MeasureRow]
    disagreements: list[DisagreementRow]

    @property
    def empty(self) -> bool:
        return not (self.events or self.positions or self.sanctions_options or self.disagreements)

    @property
    def counts(self) -> list[tuple[int, str]]:
        parts = [
            (len(self.events), "event"),
            (len(self.positions), "position"),
            (len(self.sanctions_options), "sanctions option"),
            (len(self.disagreements), "disagreement"),
        ]
        return [(n, word) for n, word in parts if n]


@dataclass(slots=True)
class ActorLead:
    """An actor of the overview with its most cited position."""

    name: str
    role: str | None
    position: PositionRow | None
    marks: Marks


@dataclass(slots=True)
class Overview:
    period: str  # publication dates covered, "3 – 4 Jan 2022"
    languages: list[tuple[str, int]]  # (language name, sources), most first
    days: int
    upcoming: list[EventRow]
    disagreements: list[DisagreementRow]
    measures: list[MeasureRow]
    actors: list[ActorLead]


@dataclass(slots=True)
class Hidden:
    """What the page leaves to brief.json, by section, in ``brief`` detail."""

    actors: int = 0
    calendar: int = 0
    positions: int = 0
    sanctions_options: int = 0
    disagreements: int = 0


@dataclass(slots=True)
class BriefView:
    title: str
    as_of: dt.date
    as_of_display: str
    generated_at: str
    generated_iso: str
    language_count: int
    sources: list[SourceInfo]
    new_since_last: NewSinceView | None
    overview: Overview
    actors: list[ActorRow]
    calendar: list[EventRow]
    upcoming_count: int
    positions: list[Group]
    sanctions_options: list[Group]
    disagreements: list[DisagreementRow]
    cited: list[CitedSentence] = field(default_factory=list)
    hidden: Hidden = field(default_factory=Hidden)
    full: bool = False
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def cited_ids(self) -> set[str]:
        return {src.id for c in self.cited for _cit, src in c.attributions}

    @property
    def cited_sources(self) -> list[SourceInfo]:
        ids = self.cited_ids
        return [s for s in self.sources if s.id in ids]

    @property
    def uncited_sources(self) -> list[SourceInfo]:
        ids = self.cited_ids
        return [s for s in self.sources if s.id not in ids]

    @property
    def limited_sources(self) -> list[SourceInfo]:
        return [s for s in self.sources if s.limited]

    @property
    def position_count(self) -> int:
        return sum(len(g.items) for g in self.positions)

    @property
    def sanction_count(self) -> int:
        return sum(len(g.items) for g in self.sanctions_options)

    @property
    def as_of_index(self) -> int:
        """Where the calendar draws its "as of" line: before the first event that starts
        after ``as_of`` (ongoing upcoming events start before it and stay above)."""
        today = self.as_of.isoformat()
        for i, row in enumerate(self.calendar):
            if date_start(row.date) > today:
                return i
        return len(self.calendar)


class CitationNumberer:
    """Numbers citations in the order the reader meets them; one number per sentence.

    A point cites at most ``limit`` sentences on the page, chosen from as many different
    sources as it has (a view held by five outlets shows five outlets, not five sentences
    of one); the rest are counted ("and N more") and left to brief.json, so the page and
    its sources list stay bounded however many articles the brief read.
    """

    def __init__(
        self,
        sources: Mapping[str, SourceInfo],
        limit: int | None = None,
        *,
        merge_identical: bool = False,
    ) -> None:
        self._sources = sources
        self._numbers: dict[tuple[str, int, int], CitedSentence] = {}
        # merge_identical: one number for a sentence cited word for word from several
        # sources (each named in its entry) instead of one number, and one entry, each.
        self._by_text: dict[tuple[str, str], CitedSentence] | None = {} if merge_identical else None
        self.cited: list[CitedSentence] = []
        self.limit = limit

    def marks(self, citations: Iterable[Citation], limit: int | None = -1) -> Marks:
        cap = self.limit if limit == -1 else limit
        chosen = best_citations(list(citations), cap)
        out: dict[int, CitedSentence] = {}
        for c in chosen.shown:
            key = (c.source, c.start, c.end)
            cited = self._numbers.get(key)
            if cited is None:
                src = self._sources.get(c.source) or _unknown_source(c.source)
                same = None
                if self._by_text is not None:
                    same = self._by_text.get((src.language, c.sentence))
                if same is not None:
                    same.also.append((c, src))
                    cited = same
                else:
                    rtl = is_rtl(src.language if src.language != "und" else None, c.sentence)
                    cited = CitedSentence(len(self.cited) + 1, c, src, src.language, rtl)
                    self.cited.append(cited)
                    if self._by_text is not None:
                        self._by_text[(src.language, c.sentence)] = cited
                self._numbers[key] = cited
            out.setdefault(cited.number, cited)
        # Numbers are given in reading order; within one point they read best ascending.
        return Marks(tuple(out[n] for n in sorted(out)), chosen.more)


@dataclass(frozen=True, slots=True)
class _Chosen:
    shown: list[Citation]
    more: int


def best_citations(citations: Sequence[Citation], limit: int | None) -> _Chosen:
    """Distinct sentences, one per source first (in the order given), then seconds."""
    cites = list(dict.fromkeys(citations))  # a Citation is a frozen value: equal ones once
    if limit is None or len(cites) <= limit:
        return _Chosen(cites, 0)
    seen: set[str] = set()
    firsts, rest = [], []
    for c in cites:
        (rest if c.source in seen else firsts).append(c)
        seen.add(c.source)
    shown = (firsts + rest)[:limit]
    return _Chosen(shown, len(cites) - len(shown))


def _unknown_source(source_id: str) -> SourceInfo:
    return SourceInfo(
        id=source_id,
        label=source_id,
        title=None,
        headline=None,
        outlet=None,
        published=None,
        published_display="date unknown",
        published_inferred=False,
        language="und",
        language_name="unknown language",
        rtl=False,
        location=None,
        link=None,
    )


_LANG_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")


def language_tag(value: str | None) -> str:
    """A well-formed BCP 47 tag for ``lang=""``; "und" (undetermined) for anything else,
    including whatever a hostile record put in its ``language`` field."""
    tag = (value or "").strip().lower().replace("_", "-")
    return tag if _LANG_TAG.match(tag) else "und"


# A headline is a short first line: longer, it is the first paragraph, cut for display.
HEADLINE_CHARS = 140


def headline(a: Article) -> str | None:
    """The article's title, else its first non-empty line (cut at a word near
    ``HEADLINE_CHARS``): what a reader recognises an article by."""
    if a.title and a.title.strip():
        return a.title.strip()
    for line in a.text[:2000].splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= HEADLINE_CHARS:
                return line
            cut = line[:HEADLINE_CHARS].rsplit(" ", 1)[0]
            return cut + "…"
    return None


def source_info(a: Article) -> SourceInfo:
    lang = language_tag(a.language)
    head = headline(a)
    published = a.published.isoformat() if a.published else None
    inferred = a.published_basis == "inferred"
    shown = display_day(a.published) if a.published else "date unknown"
    limited = (a.read_note or "read in a limited mode") if a.read_mode == "limited" else None
    return SourceInfo(
        id=a.id,
        label=a.outlet or head or a.id,
        title=a.title,
        headline=head,
        outlet=a.outlet,
        published=published,
        published_display=shown + (" (inferred)" if a.published and inferred else ""),
        published_inferred=inferred,
        language=lang,
        language_name=language_name(lang.split("-")[0] if lang != "und" else None),
        rtl=is_rtl(lang if lang != "und" else None, a.text[:2000]),
        location=a.url or a.path,
        link=safe_link(a.url),
        limited=limited,
    )


def display_day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def display_period(dates: Sequence[dt.date]) -> str:
    """The publication dates a brief covers, as a reader writes a span."""
    if not dates:
        return "dates unknown"
    a, b = min(dates), max(dates)
    if a == b:
        return display_day(a)
    first, last = display_range(a.isoformat(), b.isoformat())
    return f"{first} – {last}"


def _field(item: Any, name: str, default: Any = None) -> Any:
    """Attribute or key: ``new_since_last`` may hold model objects or contract dicts."""
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def _citations(item: Any) -> list[Citation]:
    out = []
    for c in _field(item, "citations", None) or []:
        if isinstance(c, Citation):
            out.append(c)
        elif isinstance(c, Mapping):
            out.append(Citation(str(c["source"]), int(c["start"]), int(c["end"]), c["sentence"]))
    return out


def _quotes(item: Any) -> list[Quote]:
    """The statement's own words when the extraction kept them (``quotes``: text and
    language), verbatim."""
    out = []
    for q in _field(item, "quotes", None) or []:
        text = _field(q, "text", "") or ""
        if not text.strip():
            continue
        lang = language_tag(_field(q, "language"))
        out.append(Quote(text, lang, is_rtl(lang if lang != "und" else None, text)))
    return out


def _source_count(item: Any) -> int:
    return len({c.source for c in _citations(item)})


def _salience(item: Any) -> tuple[int, int]:
    """Rank of a point: how many sources carry it, then how many sentences."""
    cites = _citations(item)
    return (len({c.source for c in cites}), len(cites))


class _Builder:
    def __init__(self, brief: Brief, opts: RenderOptions) -> None:
        self.brief = brief
        self.opts = opts
        self.caps: Caps = opts.caps
        self.sources = [source_info(a) for a in brief.sources]
        self.num = CitationNumberer(
            {s.id: s for s in self.sources},
            None if opts.full else self.caps.sources_per_item,
            merge_identical=True,
        )
        self.source_labels = {s.id: s.label for s in self.sources}
        self.names = {a.id: a.name for a in brief.actors}
        self.rank = {a.id: i for i, a in enumerate(brief.actors)}
        self.hidden = Hidden()

    def cap(self, n: int) -> int | None:
        return None if self.opts.full else n

    def name(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        return self.names.get(actor_id, actor_id)

    def names_of(self, ids: Sequence[str] | None) -> list[str]:
        return [self.names.get(i, i) for i in ids or []]

    def actor_row(self, a: Actor) -> ActorRow:
        forms = shown_forms(a.surface_forms, a.name)
        return ActorRow(
            id=a.id,
            name=a.name,
            type=a.type,
            role=a.role,
            mentions=a.mentions,
            surface_forms=forms[0],
            rtl_forms=forms[1],
            more_forms=max(0, len(set(a.surface_forms) - {a.name}) - SURFACE_FORMS),
            marks=self.num.marks(a.citations, min(ACTOR_CITATIONS, self.caps.sources_per_item)),
        )

    def actor_rows(self) -> list[ActorRow]:
        cap = self.cap(self.caps.actors)
        shown = self.brief.actors if cap is None else self.brief.actors[:cap]
        self.hidden.actors = len(self.brief.actors) - len(shown)
        return [self.actor_row(a) for a in shown]

    def event_row(self, e: Event | Mapping[str, Any]) -> EventRow:
        date = str(_field(e, "date", ""))
        end = _field(e, "date_end")
        shown = display_range(date, end)
        return EventRow(
            date=date,
            date_display=shown[0],
            date_end=end,
            date_end_display=shown[1],
            label=_field(e, "label", ""),
            location=_field(e, "location"),
            participants=self.names_of(_field(e, "participants")),
            status=_field(e, "status", "past"),
            conflicting_dates=[display_date(d) for d in _field(e, "conflicting_dates", None) or []],
            marks=self.num.marks(_citations(e)),
        )

    def calendar_rows(self) -> list[EventRow]:
        """Upcoming events first, then the most recent past ones, up to the cap; shown in
        date order."""
        events = list(self.brief.calendar)
        cap = self.cap(self.caps.calendar)
        if cap is not None and len(events) > cap:
            upcoming = [i for i, e in enumerate(events) if e.status == "upcoming"]
            past = [i for i, e in enumerate(events) if e.status != "upcoming"]
            keep = set(upcoming[:cap])
            keep.update(past[::-1][: cap - len(keep)])
            self.hidden.calendar = len(events) - len(keep)
            events = [e for i, e in enumerate(events) if i in keep]
        return [self.event_row(e) for e in events]

    def position_row(self, p: Position | Mapping[str, Any]) -> PositionRow:
        actor = _field(p, "actor")
        marks = self.num.marks(_citations(p))
        quotes = _quotes(p)
        if quotes:
            quote: Quote | None = quotes[0]
        elif marks:
            # Without a narrower quote, the cited sentence is the statement's own words.
            first = marks.items[0]
            quote = Quote(first.citation.sentence, first.lang, first.rtl)
        else:
            quote = None
        return PositionRow(
            actor=self.name(actor) or "",
            topic=_field(p, "topic", ""),
            stance=_field(p, "stance", ""),
            marks=marks,
            quote=quote,
        )

    def position_groups(self, positions: Sequence[Position]) -> list[Group]:
        """By actor, most salient first, so a reader sees each actor's lines in one place;
        identical lines of one actor are one line with all their sources; within an actor
        the lines most sources carry come first."""
        groups: dict[str, dict[tuple[str, str], list[Position]]] = {}
        for p in positions:
            groups.setdefault(p.actor, {}).setdefault((p.topic, p.stance), []).append(p)
        order = sorted(groups, key=lambda a: (self.rank.get(a, len(self.rank)), a))
        total_cap = self.cap(self.caps.positions)
        per_actor = self.cap(self.caps.positions_per_actor)
        out: list[Group] = []
        shown_total = 0
        for a in order:
            lines = [_merged_position(same) for same in groups[a].values()]
            lines = by_topic(sorted(lines, key=lambda p: _salience(p), reverse=True))
            if per_actor is not None or total_cap is not None:
                ranked = sorted(lines, key=lambda p: _salience(p), reverse=True)
                room = len(ranked) if per_actor is None else per_actor
                if total_cap is not None:
                    room = min(room, total_cap - shown_total)
                keep = {id(p) for p in ranked[: max(room, 0)]}
                shown = [p for p in lines if id(p) in keep]
            else:
                shown = lines
            more = len(lines) - len(shown)
            self.hidden.positions += more
            if not shown:
                continue
            shown_total += len(shown)
            out.append(
                Group(
                    key=a,
                    heading=self.name(a) or a,
                    items=[self.position_row(p) for p in shown],
                    more=more,
                )
            )
        return out

    def measure_row(self, m: Measure | Mapping[str, Any]) -> MeasureRow:
        return MeasureRow(
            measure=_field(m, "measure", ""),
            category=_field(m, "category", "other"),
            proposed_by=self.names_of(_field(m, "proposed_by")),
            target=self.name(_field(m, "target")),
            condition=_field(m, "condition"),
            marks=self.num.marks(_citations(m)),
            status=_field(m, "status"),
        )

    def measure_groups(self, measures: Sequence[Measure]) -> list[Group]:
        """By category in the taxonomy's order; unknown categories last, never lost. Past
        the cap, the measures most sources carry."""
        cap = self.cap(self.caps.sanctions_options)
        if cap is not None and len(measures) > cap:
            keep = {id(m) for m in sorted(measures, key=_salience, reverse=True)[:cap]}
            self.hidden.sanctions_options = len(measures) - cap
            measures = [m for m in measures if id(m) in keep]
        groups: dict[str, list[Measure]] = {}
        for m in measures:
            groups.setdefault(m.category, []).append(m)
        order = [c for c in MEASURE_CATEGORIES if c in groups]
        order += sorted(c for c in groups if c not in MEASURE_CATEGORIES)
        return [
            Group(
                key=c,
                heading=CATEGORY_LABELS.get(c, c.replace("-", " ").capitalize()),
                items=[self.measure_row(m) for m in groups[c]],
            )
            for c in order
        ]

    def disagreement_row(self, d: Disagreement | Mapping[str, Any]) -> DisagreementRow:
        sides = []
        for n, s in enumerate(_field(d, "sides", None) or [], 1):
            actors = self.names_of(_field(s, "actors"))
            cites = _citations(s)
            sides.append(
                SideRow(
                    label=", ".join(actors) if actors else self.reported_by(cites, n),
                    position=_field(s, "position", ""),
                    marks=self.num.marks(cites),
                )
            )
        return DisagreementRow(
            topic=_field(d, "topic", ""), kind=_field(d, "kind", "positions"), sides=sides
        )

    def ranked_disagreements(self) -> list[Disagreement]:
        """Opposing positions before conflicting reports, then by the sources behind them."""

        def key(d: Disagreement) -> tuple[int, int]:
            n = len({c.source for s in d.sides for c in s.citations})
            return (0 if d.kind == "positions" else 1, -n)

        return sorted(self.brief.disagreements, key=key)

    def disagreement_rows(self) -> list[DisagreementRow]:
        ranked = self.ranked_disagreements()
        cap = self.cap(self.caps.disagreements)
        shown = ranked if cap is None else ranked[:cap]
        self.hidden.disagreements = len(ranked) - len(shown)
        keep = {id(d) for d in shown}
        # Shown in the brief's own order (consolidation ranks them by topic).
        return [self.disagreement_row(d) for d in self.brief.disagreements if id(d) in keep]

    def reported_by(self, citations: Sequence[Citation], n: int) -> str:
        """A side without actors (conflicting reports) is named by the sources saying it."""
        labels = [self.source_labels[c.source] for c in citations if c.source in self.source_labels]
        labels = list(dict.fromkeys(labels))
        return f"According to {', '.join(labels)}" if labels else f"Side {n}"

    def new_since(self) -> NewSinceView | None:
        new = self.brief.new_since_last
        if new is None:
            return None
        n = self.cap(self.caps.overview_items * 2)
        return NewSinceView(
            events=[self.event_row(e) for e in new.get("events", [])[:n]],
            positions=[self.position_row(p) for p in new.get("positions", [])[:n]],
            sanctions_options=[self.measure_row(m) for m in new.get("sanctions_options", [])[:n]],
            disagreements=[self.disagreement_row(d) for d in new.get("disagreements", [])[:n]],
        )

    def overview(self) -> Overview:
        """What a reader needs first: what is coming, where the sides collide, what is on
        the table, who matters and what they hold. Every line cites, like the sections."""
        caps = self.caps
        brief = self.brief
        langs: dict[str, int] = {}
        for s in self.sources:
            langs[s.language_name] = langs.get(s.language_name, 0) + 1
        horizon = (brief.as_of + dt.timedelta(days=caps.overview_days)).isoformat()
        # Upcoming events of the next days, and those already under way.
        upcoming = [
            e for e in brief.calendar if e.status == "upcoming" and date_start(e.date) <= horizon
        ][: caps.overview_items * 2]
        disagreements = [
            d for d in self.ranked_disagreements() if d.kind == "positions"
        ] or self.ranked_disagreements()
        measures = sorted(brief.sanctions_options, key=_salience, reverse=True)
        # Rows are made in page order, so citation numbers run down the page.
        upcoming_rows = [self.event_row(e) for e in upcoming]
        disagreement_rows = [self.disagreement_row(d) for d in disagreements[: caps.overview_items]]
        measure_rows = [self.measure_row(m) for m in measures[: caps.overview_items]]
        best: dict[str, Position] = {}
        for p in brief.positions:
            if p.actor not in best or _salience(p) > _salience(best[p.actor]):
                best[p.actor] = p
        leads = []
        for a in brief.actors:
            if len(leads) >= caps.overview_items:
                break
            p = best.get(a.id)
            if p is None and a.type == "state" and leads:
                continue
            leads.append(
                ActorLead(
                    name=a.name,
                    role=a.role,
                    position=self.position_row(p) if p else None,
                    marks=Marks() if p else self.num.marks(a.citations, 1),
                )
            )
        return Overview(
            period=display_period([a.published for a in brief.sources if a.published]),
            languages=sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])),
            days=caps.overview_days,
            upcoming=upcoming_rows,
            disagreements=disagreement_rows,
            measures=measure_rows,
            actors=leads,
        )


def _merged_position(same: Sequence[Position]) -> Position:
    """Identical lines of one actor as one, with every source of each."""
    if len(same) == 1:
        return same[0]
    citations = list(dict.fromkeys(c for p in same for c in p.citations))
    changes: dict[str, Any] = {"citations": citations}
    if "quotes" in {f.name for f in fields(same[0])}:
        changes["quotes"] = [q for p in same for q in (getattr(p, "quotes", None) or [])]
    return replace(same[0], **changes)


def brief_view(brief: Brief, opts: RenderOptions | None = None) -> BriefView:
    """The view of ``brief``, built in the order the page shows it (the overview first), so
    citation numbers run down the page."""
    opts = opts or RenderOptions()
    b = _Builder(brief, opts)
    new_since = b.new_since()
    overview = b.overview()
    actors = b.actor_rows()
    calendar = b.calendar_rows()
    positions = b.position_groups(brief.positions)
    sanctions = b.measure_groups(brief.sanctions_options)
    disagreements = b.disagreement_rows()
    generated = brief.generated_at
    return BriefView(
        title=brief.title,
        as_of=brief.as_of,
        as_of_display=display_date(brief.as_of),
        generated_at=generated.strftime("%Y-%m-%d %H:%M")
        + (f" {generated.strftime('%Z')}" if generated.tzinfo else ""),
        generated_iso=generated.isoformat(timespec="seconds"),
        language_count=len({s.language for s in b.sources if s.language != "und"}),
        sources=b.sources,
        new_since_last=new_since,
        overview=overview,
        actors=actors,
        calendar=calendar,
        upcoming_count=sum(1 for e in brief.calendar if e.status == "upcoming"),
        positions=positions,
        sanctions_options=sanctions,
        disagreements=disagreements,
        cited=b.num.cited,
        hidden=b.hidden,
        full=opts.full,
        totals={
            "actors": len(brief.actors),
            "calendar": len(brief.calendar),
            "positions": len(brief.positions),
            "sanctions_options": len(brief.sanctions_options),
            "disagreements": len(brief.disagreements),
        },
    )
