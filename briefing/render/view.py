"""A template-ready view of a brief: citation numbers, actor names, source labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.models import Brief, Citation

RTL_LANGS = frozenset({"fa", "ar", "he", "ur", "ps", "yi", "ku", "sd", "ug"})


@dataclass
class CitedSentence:
    number: int
    citation: Citation
    source: Any
    rtl: bool


@dataclass
class BriefView:
    brief: Brief
    names: dict[str, str]
    cited: list[CitedSentence] = field(default_factory=list)
    _numbers: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def marks(self, citations: list[Citation]) -> list[int]:
        """Citation numbers for ``citations``, numbering new ones in reading order."""
        out = []
        for c in citations:
            key = (c.source, c.start, c.end)
            n = self._numbers.get(key)
            if n is None:
                n = self._numbers[key] = len(self._numbers) + 1
                src = self.sources.get(c.source)
                lang = getattr(src, "language", None) or ""
                self.cited.append(CitedSentence(n, c, src, lang in RTL_LANGS))
            if n not in out:
                out.append(n)
        return out

    @property
    def sources(self) -> dict[str, Any]:
        return {s.id: s for s in self.brief.sources}

    def name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "—"
        return self.names.get(actor_id, actor_id)


def brief_view(brief: Brief) -> BriefView:
    return BriefView(brief=brief, names={a.id: a.name for a in brief.actors})
