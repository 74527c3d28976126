"""Render: a ``Brief`` to JSON, HTML, PDF (and email). Knows nothing of spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# Output formats, here so that the command line can check ``--format`` without importing
# the whole pipeline (spaCy and the extractors) at parse time.
FORMATS = ("json", "html", "pdf")

Detail = Literal["brief", "full"]


@dataclass(frozen=True, slots=True)
class Caps:
    """How much of each section the HTML and PDF show in ``brief`` detail (brief.json always
    keeps everything). Chosen for a reader: the overview and the first pages of each section
    hold what matters; past these a daily brief of thousands of articles is unreadable."""

    actors: int = 15
    calendar: int = 30  # upcoming events first, then the most recent past ones
    positions: int = 40
    positions_per_actor: int = 4
    sanctions_options: int = 20
    disagreements: int = 10
    sources_per_item: int = 3  # an item shows its best few sentences, then "and N more"
    overview_days: int = 14  # the overview's look-ahead on the calendar
    overview_items: int = 5  # lines per part of the overview


@dataclass(frozen=True, slots=True)
class RenderOptions:
    detail: Detail = "brief"
    # A folder whose templates override the packaged ones (brand.html.j2, brand.css, ...).
    templates: Path | None = None
    caps: Caps = field(default_factory=Caps)

    @property
    def full(self) -> bool:
        return self.detail == "full"
