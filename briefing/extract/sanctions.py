"""Sanctions options: measures on the table (first version: see issue 5)."""

from __future__ import annotations

from briefing.extract.context import ArticleContext
from briefing.models import Measure


def extract_measures(ctx: ArticleContext) -> list[Measure]:
    return []
