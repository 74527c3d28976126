"""Hand-made actor mentions for unit tests of positions, sanctions and disagreements.

These tests check attribution and stance rules, not actor recognition, so each test states
its actors: ``{actor_id: (name, type, [surface, ...])}``. Surfaces are matched as whole
words, case-sensitively, in the article text.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.extract.context import ArticleContext
from briefing.models import Actor, Article, Mention
from briefing.nlp.pipeline import process

ActorTable = dict[str, tuple[str, str, list[str]]]


def context_with_actors(
    text: str, lang: str, actors: ActorTable, art_id: str = "t1"
) -> ArticleContext:
    art = Article(id=art_id, text=text, language=lang, published=dt.date(2022, 1, 10))
    doc = next(process([(text, lang)]))
    ctx = ArticleContext(article=art, doc=doc, lang=lang, as_of=dt.date(2022, 1, 10))
    spans: list[tuple[int, int, str]] = []
    for actor_id, (_name, _type, surfaces) in actors.items():
        for surface in surfaces:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                spans.append((m.start(), m.end(), actor_id))
    # Longest first, then drop overlaps, as an actor matcher would.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            continue
        kept.append(s)
    sentences = ctx.sentences
    mentions = []
    for a, b, actor_id in kept:
        idx = next(i.index for i in sentences if i.start <= a < i.end)
        mentions.append(Mention(actor_id, a, b, text[a:b], idx))
    ctx.mentions = mentions
    ctx.actors = {
        actor_id: Actor(actor_id, name, type_)  # type: ignore[arg-type]
        for actor_id, (name, type_, _s) in actors.items()
    }
    return ctx
