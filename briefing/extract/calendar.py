"""Diplomatic calendar: dated events (first version: see issue 4)."""

from __future__ import annotations

from briefing.extract.context import ArticleContext
from briefing.models import Event


def infer_publication(ctx: ArticleContext) -> None:
    """Set ``ctx.article.published`` (basis "inferred") when metadata gave none."""


def extract_events(ctx: ArticleContext) -> list[Event]:
    return []
