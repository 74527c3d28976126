"""Citation list helpers shared by the merge steps."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from operator import attrgetter

from briefing.models import Citation

_KEY = attrgetter("source", "start", "end")


def union_citations(*groups: Iterable[Citation]) -> list[Citation]:
    """All citations, each once, in first-seen order."""
    flat = list(chain.from_iterable(groups))
    # A dict keeps a key where it was first put; a later equal citation (same source and
    # span, so the same sentence) only replaces the value with its twin.
    return list(dict(zip(map(_KEY, flat), flat, strict=True)).values())
