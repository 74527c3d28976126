"""The per-article stage: language, NLP, then every extractor. Parallel with ``jobs > 1``."""

from __future__ import annotations

import copyreg
import dataclasses
import datetime as dt
import gc
import io
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from briefing.extract.actors import extract_actors
from briefing.extract.calendar import extract_events, infer_publication
from briefing.extract.context import ArticleContext
from briefing.extract.positions import extract_positions
from briefing.extract.positions_figures import extract_figures
from briefing.extract.sanctions import extract_measures
from briefing.models import (
    Actor,
    Article,
    ArticleFindings,
    Citation,
    Event,
    Figure,
    Measure,
    Mention,
    Position,
    Sentence,
)
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


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic collection off while a batch's findings pile up, then everything alive
    frozen (``gc.freeze``).

    Each full collection walks every object alive (millions at a few thousand articles:
    ~0.4 s a time, several times a run), to find cycles this pipeline hardly makes (60
    objects collected in a whole 2,000-article run). Frozen objects are still freed by
    reference counting; a long-lived process calls ``gc.unfreeze()`` when the batch is
    done (the digest does) so that cycles among them, if any, are not kept for ever.
    Nests: only the outermost block turns collection back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


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
        with paused_gc():
            for chunk in _chunks(articles, CHUNK):
                results.extend(analyze_chunk(chunk, as_of))
                if progress:
                    progress(len(chunk))
        return results
    # One article per language first, here: that loads the knowledge base, the name tries,
    # the lexicons and the lemma tables once, and the forked workers inherit them instead
    # of each paying the start-up (and holding its own copy).
    first = _one_per_language(articles)
    warm = dict(zip(first, analyze_chunk([articles[i] for i in first], as_of), strict=True))
    if progress:
        progress(len(warm))
    rest = [a for i, a in enumerate(articles) if i not in warm]
    # Objects alive now are never collected: the workers then never write to (and so never
    # copy) the pages that hold them.
    gc.freeze()
    parts: list[ArticleFindings] = []
    # Workers run without the cyclic collector: the analysis makes no cyclic garbage
    # (none in 1,000 articles), and its collections cost a sixth of a worker's time.
    pool = ProcessPoolExecutor(jobs, mp_context=_fork_context(), initializer=gc.disable)
    with paused_gc(), pool:
        futures = [pool.submit(_analyze_packed, chunk, as_of) for chunk in _chunks(rest, CHUNK)]
        futures.reverse()
        while futures:
            # Popped, so that no future keeps its pickled result alive once it is read.
            part = pickle.loads(futures.pop().result())
            parts.extend(part)
            if progress:
                progress(len(part))
    for art, found in zip(rest, parts, strict=True):
        if found.article.text == art.text:
            found.article.text = art.text  # one copy of each text in memory, not two
    done = iter(parts)
    return [warm[i] if i in warm else next(done) for i in range(len(articles))]


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    return lambda obj: (cls, tuple(getattr(obj, n) for n in names))


# Findings travel back from a worker as constructor arguments rather than through the
# slotted dataclasses' generic state protocol (which lists each class's fields for every
# object): a third of the pickling time. Only on this pipe, where both ends run this very
# code; anything stored keeps the default, field-named form.
_PACKED = {
    cls: _by_fields(cls)
    for cls in (
        Article,
        ArticleFindings,
        Sentence,
        Mention,
        Citation,
        Actor,
        Event,
        Position,
        Measure,
        Figure,
    )
}


def _analyze_packed(articles: Sequence[Article], as_of: dt.date) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_PACKED}
    pickler.dump(analyze_chunk(articles, as_of))
    return buf.getvalue()


def _one_per_language(articles: Sequence[Article], limit: int = 8) -> list[int]:
    seen: dict[str | None, int] = {}
    for i, art in enumerate(articles):
        if art.language not in seen:
            seen[art.language] = i
            if len(seen) == limit:
                break
    return sorted(seen.values())


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it (workers share the parent's loaded data)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None
