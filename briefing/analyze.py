"""The per-article stage: language, NLP, then every extractor. Parallel with ``jobs > 1``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from briefing.extract.actors import extract_actors
from briefing.extract.calendar import extract_events, infer_publication
from briefing.extract.context import ArticleContext
from briefing.extract.positions import extract_positions
from briefing.extract.positions_figures import extract_figures
from briefing.extract.sanctions import extract_measures
from briefing.models import Article, ArticleFindings
from briefing.nlp.language import detect_language
from briefing.nlp.pipeline import process

Progress = Callable[[int], None]
CHUNK = 64


def analyze_chunk(articles: Sequence[Article], as_of: dt.date) -> list[ArticleFindings]:
    for art in articles:
        if not art.language:
            art.language = detect_language(art.text)
    docs = process((a.text, a.language or "en") for a in articles)
    out = []
    for art, doc in zip(articles, docs, strict=True):
        ctx = ArticleContext(article=art, doc=doc, lang=art.language or "en", as_of=as_of)
        ctx.actors, ctx.mentions = extract_actors(ctx)
        infer_publication(ctx)
        out.append(
            ArticleFindings(
                article=art,
                sentences=list(doc._.sentences),
                actors=ctx.actors,
                mentions=ctx.mentions,
                events=extract_events(ctx),
                positions=extract_positions(ctx),
                measures=extract_measures(ctx),
                figures=extract_figures(ctx),
            )
        )
    return out


def _chunks(items: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def analyze(
    articles: Sequence[Article],
    as_of: dt.date,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[ArticleFindings]:
    """Findings for every article, in input order."""
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    results: list[ArticleFindings] = []
    if jobs == 1 or len(articles) <= CHUNK:
        for chunk in _chunks(articles, CHUNK):
            results.extend(analyze_chunk(chunk, as_of))
            if progress:
                progress(len(chunk))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(analyze_chunk, chunk, as_of) for chunk in _chunks(articles, CHUNK)]
        for fut in futures:
            part = fut.result()
            results.extend(part)
            if progress:
                progress(len(part))
    return results
