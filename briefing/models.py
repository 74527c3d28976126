"""The typed data model shared by every stage.

Stages exchange only these plain dataclasses, so per-article results can cross process
boundaries (``--jobs``) and the renderers never see spaCy objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

PublishedBasis = Literal["metadata", "inferred", "unknown"]
ReadMode = Literal["full", "limited"]
ActorType = Literal["person", "state", "organization", "other"]
EventStatus = Literal["past", "upcoming"]
MeasureCategory = Literal[
    "financial",
    "export-control",
    "personal",
    "energy",
    "trade",
    "military-aid",
    "force-posture",
    "diplomatic",
    "other",
]
MEASURE_CATEGORIES: tuple[str, ...] = MeasureCategory.__args__  # type: ignore[attr-defined]


class CitationError(ValueError):
    """A citation that does not match its source text."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A verbatim sentence of a source: ``sentence == text[start:end]``."""

    source: str
    start: int
    end: int
    sentence: str

    def check(self, text: str) -> None:
        if text[self.start : self.end] != self.sentence:
            raise CitationError(
                f"citation {self.source}[{self.start}:{self.end}] does not match its source text"
            )

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


@dataclass(slots=True)
class Article:
    """One source as ingested. ``text`` is exactly what citations index into."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: dt.date | None = None
    published_basis: PublishedBasis = "unknown"
    # True when ``text`` is not the file's bytes decoded (HTML, feeds, JSON records):
    # the contract then requires the text in the JSON so citations can be checked.
    text_extracted: bool = False
    # "limited": the language has no pack (or the article could only partly be analysed):
    # only names, numbers and dates were read; ``read_note`` says why.
    read_mode: ReadMode = "full"
    read_note: str | None = None
    line: int | None = None  # line of a JSON Lines record in its file, for messages


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str

    def citation(self, source: str) -> Citation:
        return Citation(source, self.start, self.end, self.text)


@dataclass(slots=True)
class Mention:
    """One mention of an actor in one article."""

    actor: str  # Actor id (knowledge-base id, or a slug for a discovered actor)
    start: int
    end: int
    surface: str
    sentence: int  # index into the article's sentences


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: ActorType
    role: str | None = None
    mentions: int = 0
    surface_forms: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    salience: float = 0.0
    # What kind of body an organisation is ("armed-group", "party", "armed-forces",
    # "movement") where the knowledge base says, else None.
    kind: str | None = None


@dataclass(slots=True)
class Event:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    label: str
    status: EventStatus
    citations: list[Citation]
    date_end: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    kind: str | None = None  # event-type key from the lexicon, used for merging
    conflicting_dates: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quote:
    """What a speaker is reported to have said, verbatim in its language: ``text ==
    source text[start:end]`` (the reported content, not the whole sentence)."""

    source: str
    start: int
    end: int
    text: str
    language: str


@dataclass(slots=True)
class Position:
    actor: str
    topic: str
    stance: str
    citations: list[Citation]
    stance_kind: str | None = None  # demands / rejects / supports / warns / ...
    topic_key: str | None = None
    claim_key: str | None = None  # claim of the topic taxonomy, used for disagreements
    quotes: list[Quote] = field(default_factory=list)  # one per supporting citation
    polarity: str = "affirmed"  # "affirmed" | "negated"
    modality: str = "asserted"  # "asserted" | "conditional" | "question" | "intended"
    speaker_unnamed: bool = False  # an office or source speaks, named as its institution
    # Favourable and unfavourable words the speaker characterises something with
    # ("open and candid" 2, 0; "difficult" 0, 1): conflicting characterisations.
    evaluation: tuple[int, int] = (0, 0)
    # Actors the statement is about: named in its quotes, not its speaker (ids); what two
    # statements outside the taxonomy share when they disagree (extract.disagreements).
    objects: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Measure:
    measure: str
    category: str
    citations: list[Citation]
    proposed_by: list[str] = field(default_factory=list)
    target: str | None = None
    condition: str | None = None
    key: str | None = None  # taxonomy key ("kind" in brief.json), used for merging
    # proposed | threatened | debated | agreed | in_force | suspended | lifted (lexicons/measures.yaml)
    status: str | None = None
    # What the citing sentences state: {"type": "amount" | "percentage" | "date", "text",
    # "value", and "unit" (currency code) for amounts}
    figures: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Side:
    actors: list[str]
    position: str
    citations: list[Citation]


@dataclass(slots=True)
class Disagreement:
    topic: str
    sides: list[Side]
    kind: Literal["positions", "conflicting-reports"] = "positions"


@dataclass(slots=True)
class Figure:
    """A reported figure ("close to 100,000 Russian troops"), compared across sources to
    flag conflicting reports."""

    quantity: str  # key in lexicons/figures.yaml
    label: str  # English name of what is counted
    low: float
    high: float
    statement: str  # English: "About 100,000 Russian troops near Ukraine's border"
    citations: list[Citation]
    actor: str | None = None  # who gives the figure, when attributed
    tolerance: float = 0.25
    sources: set[str] = field(default_factory=set)
    published: str | None = None  # ISO date of the source: figures change over time


@dataclass(slots=True)
class ArticleFindings:
    """Everything extracted from one article that the brief is built from; picklable, no
    spaCy objects. (Its sentences and actor mentions stay with the analysis: items carry
    their citations, actors their counts.)"""

    article: Article
    actors: dict[str, Actor]
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    title: str
    generated_at: dt.datetime
    as_of: dt.date
    sources: list[Article]
    actors: list[Actor]
    calendar: list[Event]
    positions: list[Position]
    sanctions_options: list[Measure]
    disagreements: list[Disagreement]
    # Digest only: what the previous delivered brief did not have.
    new_since_last: dict[str, list[object]] | None = None

    def citations(self) -> list[Citation]:
        out: list[Citation] = []
        for group in (self.actors, self.calendar, self.positions, self.sanctions_options):
            for item in group:
                out.extend(item.citations)
        for dis in self.disagreements:
            for side in dis.sides:
                out.extend(side.citations)
        return out
