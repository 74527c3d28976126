"""Key actors: knowledge-base matching and discovery (first version: see issue 3)."""

from __future__ import annotations

from briefing.extract.context import ArticleContext
from briefing.models import Actor, Mention


def extract_actors(ctx: ArticleContext) -> tuple[dict[str, Actor], list[Mention]]:
    """Actors of one article and every mention of them, sentence-indexed."""
    return {}, []
