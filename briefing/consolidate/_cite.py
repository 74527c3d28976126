"""Citation list helpers shared by the merge steps."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.models import Citation


def union_citations(*groups: Iterable[Citation]) -> list[Citation]:
    """All citations, each once, in first-seen order."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Citation] = []
    for group in groups:
        for c in group:
            key = (c.source, c.start, c.end)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out
