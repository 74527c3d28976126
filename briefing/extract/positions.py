"""Stated positions: who holds or said what (first version: see issue 5)."""

from __future__ import annotations

from briefing.extract.context import ArticleContext
from briefing.models import Position


def extract_positions(ctx: ArticleContext) -> list[Position]:
    return []
