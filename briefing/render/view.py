"""A template-ready view of a brief: rows, groups and numbered citation marks.

Everything the template shows is decided here, in reading order, so citation numbers run
1, 2, 3... down the page and the Sources section lists exactly the sentences cited above
it. The template only lays the view out; it makes no decisions and holds no state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from briefing.models import (
    MEASURE_CATEGORIES,
    Article,
    Brief,
    Citation,
    Disagreement,
    Event,
    Measure,
    Position,
)

# Scripts written right to left: their sentences get dir="rtl" so punctuation and
# embedded Latin or digits are ordered as a reader of the language expects.
RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "ug", "dv", "arc"})
_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
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
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        found = pycountry.languages.get(alpha_3=code)
    if found is None:
        return code
    # "Modern Greek (1453-)" reads badly in a brief.
    return re.sub(r"\s*\(.*\)$", "", found.name)


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
    label: str  # outlet, else title, else id: what a reader recognises
    title: str | None
    outlet: str | None
    published: str | None
    published_inferred: bool
    language: str
    language_name: str
    rtl: bool
    location: str | None  # path or url as text
    link: str | None  # only a safe http(s) url


@dataclass(frozen=True, slots=True)
class CitedSentence:
    number: int
    citation: Citation
    source: SourceInfo
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
    marks: list[int]


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
    marks: list[int]


@dataclass(slots=True)
class PositionRow:
    actor: str
    topic: str
    stance: str
    marks: list[int]


@dataclass(slots=True)
class Group:
    key: str
    heading: str
    items: list[Any]


@dataclass(slots=True)
class MeasureRow:
    measure: str
    category: str
    proposed_by: list[str]
    target: str | None
    condition: str | None
    marks: list[int]


@dataclass(slots=True)
class SideRow:
    label: str
    position: str
    marks: list[int]


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
    actors: list[ActorRow]
    calendar: list[EventRow]
    upcoming_count: int
    positions: list[Group]
    sanctions_options: list[Group]
    disagreements: list[DisagreementRow]
    cited: list[CitedSentence] = field(default_factory=list)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def cited_sources(self) -> list[SourceInfo]:
        ids = {c.source.id for c in self.cited}
        return [s for s in self.sources if s.id in ids]

    @property
    def uncited_sources(self) -> list[SourceInfo]:
        ids = {c.source.id for c in self.cited}
        return [s for s in self.sources if s.id not in ids]

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
    """Numbers citations in the order the reader meets them; one number per sentence."""

    def __init__(self, sources: Mapping[str, SourceInfo]) -> None:
        self._sources = sources
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.cited: list[CitedSentence] = []

    def marks(self, citations: Iterable[Citation]) -> list[int]:
        out: list[int] = []
        for c in citations:
            key = (c.source, c.start, c.end)
            n = self._numbers.get(key)
            if n is None:
                n = self._numbers[key] = len(self._numbers) + 1
                src = self._sources.get(c.source) or _unknown_source(c.source)
                rtl = is_rtl(src.language if src.language != "und" else None, c.sentence)
                self.cited.append(CitedSentence(n, c, src, src.language, rtl))
            if n not in out:
                out.append(n)
        # Numbers are given in reading order; within one point they read best ascending.
        return sorted(out)


def _unknown_source(source_id: str) -> SourceInfo:
    return SourceInfo(
        id=source_id,
        label=source_id,
        title=None,
        outlet=None,
        published=None,
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


def source_info(a: Article) -> SourceInfo:
    lang = language_tag(a.language)
    return SourceInfo(
        id=a.id,
        label=a.outlet or a.title or a.id,
        title=a.title,
        outlet=a.outlet,
        published=a.published.isoformat() if a.published else None,
        published_inferred=a.published_basis == "inferred",
        language=lang,
        language_name=language_name(lang.split("-")[0] if lang != "und" else None),
        rtl=is_rtl(lang if lang != "und" else None, a.text[:2000]),
        location=a.url or a.path,
        link=safe_link(a.url),
    )


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


class _Builder:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = [source_info(a) for a in brief.sources]
        self.num = CitationNumberer({s.id: s for s in self.sources})
        self.source_labels = {s.id: s.label for s in self.sources}
        self.names = {a.id: a.name for a in brief.actors}
        self.rank = {a.id: i for i, a in enumerate(brief.actors)}

    def name(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        return self.names.get(actor_id, actor_id)

    def names_of(self, ids: Sequence[str] | None) -> list[str]:
        return [self.names.get(i, i) for i in ids or []]

    def actor_rows(self) -> list[ActorRow]:
        return [
            ActorRow(
                id=a.id,
                name=a.name,
                type=a.type,
                role=a.role,
                mentions=a.mentions,
                surface_forms=forms[0],
                rtl_forms=forms[1],
                more_forms=max(0, len(set(a.surface_forms) - {a.name}) - SURFACE_FORMS),
                marks=self.num.marks(a.citations[:ACTOR_CITATIONS]),
            )
            for a in self.brief.actors
            for forms in [shown_forms(a.surface_forms, a.name)]
        ]

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

    def position_row(self, p: Position | Mapping[str, Any]) -> PositionRow:
        actor = _field(p, "actor")
        return PositionRow(
            actor=self.name(actor) or "",
            topic=_field(p, "topic", ""),
            stance=_field(p, "stance", ""),
            marks=self.num.marks(_citations(p)),
        )

    def position_groups(self, positions: Sequence[Position]) -> list[Group]:
        """By actor, most salient first, so a reader sees each actor's line in one place."""
        groups: dict[str, list[Position]] = {}
        for p in positions:
            groups.setdefault(p.actor, []).append(p)
        order = sorted(groups, key=lambda a: (self.rank.get(a, len(self.rank)), a))
        return [
            Group(
                key=a,
                heading=self.name(a) or a,
                items=[self.position_row(p) for p in by_topic(groups[a])],
            )
            for a in order
        ]

    def measure_row(self, m: Measure | Mapping[str, Any]) -> MeasureRow:
        return MeasureRow(
            measure=_field(m, "measure", ""),
            category=_field(m, "category", "other"),
            proposed_by=self.names_of(_field(m, "proposed_by")),
            target=self.name(_field(m, "target")),
            condition=_field(m, "condition"),
            marks=self.num.marks(_citations(m)),
        )

    def measure_groups(self, measures: Sequence[Measure]) -> list[Group]:
        """By category in the taxonomy's order; unknown categories last, never lost."""
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

    def reported_by(self, citations: Sequence[Citation], n: int) -> str:
        """A side without actors (conflicting reports) is named by the sources saying it."""
        labels = [self.source_labels[c.source] for c in citations if c.source in self.source_labels]
        labels = list(dict.fromkeys(labels))
        return f"According to {', '.join(labels)}" if labels else f"Side {n}"

    def new_since(self) -> NewSinceView | None:
        new = self.brief.new_since_last
        if new is None:
            return None
        return NewSinceView(
            events=[self.event_row(e) for e in new.get("events", [])],
            positions=[self.position_row(p) for p in new.get("positions", [])],
            sanctions_options=[self.measure_row(m) for m in new.get("sanctions_options", [])],
            disagreements=[self.disagreement_row(d) for d in new.get("disagreements", [])],
        )


def brief_view(brief: Brief) -> BriefView:
    """The view of ``brief``, built section by section in the order the page shows them."""
    b = _Builder(brief)
    new_since = b.new_since()
    actors = b.actor_rows()
    calendar = [b.event_row(e) for e in brief.calendar]
    positions = b.position_groups(brief.positions)
    sanctions = b.measure_groups(brief.sanctions_options)
    disagreements = [b.disagreement_row(d) for d in brief.disagreements]
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
        actors=actors,
        calendar=calendar,
        upcoming_count=sum(1 for e in calendar if e.status == "upcoming"),
        positions=positions,
        sanctions_options=sanctions,
        disagreements=disagreements,
        cited=b.num.cited,
    )
