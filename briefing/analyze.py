"""The per-article stage: language, NLP, then every extractor. Parallel with ``jobs > 1``."""

from __future__ import annotations

import copyreg
import datetime as dt
import gc
import io
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from briefing.diskcache import constructor_reducer
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
MIN_STOLEN = 8  # a lane taking work from another takes half a chunk, down to this many
# The part of an article's cost its length does not explain, in characters of text (a
# least-squares fit over 1,500 bench articles: 0.19 ms fixed + 0.96 µs a character).
WEIGHT_PER_ARTICLE = 200


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
                actors=ctx.actors,
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
    return _analyze_in_lanes(articles, as_of, jobs, progress)


def _analyze_in_lanes(
    articles: Sequence[Article], as_of: dt.date, jobs: int, progress: Progress | None
) -> list[ArticleFindings]:
    """``jobs`` worker processes ("lanes"), each fed chunks of one language at a time.

    A worker loads a language's lexicons, tries, lemma tables and spaCy pipeline the
    first time it meets that language (most of a small run's cost), so the chunks are laid
    out by language and cut into one contiguous segment per lane: a lane loads only the
    few languages of its segment, and the lanes load theirs in parallel. A lane done with
    its segment takes chunks from the end of the fullest other one, so no core idles while
    work is left. The knowledge base, the same for every language, is loaded here once
    and inherited by the forked workers."""
    from briefing.kb import knowledge_base

    knowledge_base()
    lanes_of = _segments(_language_chunks(articles, jobs), jobs, lambda i: _weight(articles[i]))
    pending = [deque(segment) for segment in lanes_of]
    # Objects alive now are never collected: the workers then never write to (and so never
    # copy) the pages that hold them.
    gc.freeze()
    results: list[ArticleFindings | None] = [None] * len(articles)
    # Workers run without the cyclic collector: the analysis makes no cyclic garbage
    # (none in 1,000 articles; tests/test_analyze.py), and its collections cost a sixth
    # of a worker's time.
    context = _fork_context()
    lanes = [
        ProcessPoolExecutor(1, mp_context=context, initializer=gc.disable) for _ in range(jobs)
    ]
    running: dict[Future[bytes], tuple[int, list[int]]] = {}
    # Forked workers hold the batch already: they are sent indexes, not texts.
    global _BATCH
    _BATCH = articles

    def feed(lane: int) -> None:
        if pending[lane]:
            idxs = pending[lane].popleft()
        else:
            donor = max(pending, key=len)
            if not donor:
                return
            idxs = donor.pop()
            if len(idxs) >= 2 * MIN_STOLEN:
                # Half of it: the lanes then finish closer together.
                donor.append(idxs[: len(idxs) // 2])
                idxs = idxs[len(idxs) // 2 :]
        if context is not None:
            fut = lanes[lane].submit(_analyze_inherited, idxs, as_of)
        else:
            fut = lanes[lane].submit(_analyze_packed, [articles[i] for i in idxs], as_of)
        running[fut] = (lane, idxs)

    try:
        with paused_gc():
            for lane in range(jobs):
                feed(lane)
                feed(lane)  # one queued behind the running one: the lane never waits
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    lane, idxs = running.pop(fut)
                    # Read, then dropped: no future keeps its pickled result alive.
                    part = pickle.loads(fut.result())
                    for i, found in zip(idxs, part, strict=True):
                        found.article.text = articles[i].text  # not sent back (see below)
                        results[i] = found
                    if progress:
                        progress(len(part))
                    feed(lane)
    finally:
        _BATCH = None
        for pool in lanes:
            pool.shutdown(cancel_futures=True)
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


def _language_chunks(articles: Sequence[Article], lanes: int = 1) -> list[list[int]]:
    """Article indexes in chunks of one language each (unlabelled articles together),
    languages ordered so that cutting the list into ``lanes`` equal shares (by
    :func:`_weight`) splits as few of them as possible: each language goes, largest
    first, to the lane with the least work so far, and the lanes' lists follow each
    other."""
    by_lang: dict[str | None, list[int]] = {}
    for i, art in enumerate(articles):
        by_lang.setdefault(art.language, []).append(i)
    weight = {lang: sum(_weight(articles[i]) for i in g) for lang, g in by_lang.items()}
    loads = [0] * max(1, lanes)
    planned: list[list[list[int]]] = [[] for _ in loads]
    for lang, g in sorted(by_lang.items(), key=lambda kv: (-weight[kv[0]], kv[1][0])):
        lane = loads.index(min(loads))
        planned[lane].append(g)
        loads[lane] += weight[lang]
    return [g[k : k + CHUNK] for lane in planned for g in lane for k in range(0, len(g), CHUNK)]


def _weight(article: Article) -> int:
    """An article's expected cost: extraction time grows with the text's length."""
    return len(article.text) + WEIGHT_PER_ARTICLE


def _segments(
    chunks: list[list[int]], parts: int, weight: Callable[[int], int] = lambda _i: 1
) -> list[list[list[int]]]:
    """``chunks`` cut, in order, into ``parts`` runs of about equal total ``weight`` (of
    an article index)."""
    sizes = [sum(map(weight, chunk)) for chunk in chunks]
    total = sum(sizes) or 1
    out: list[list[list[int]]] = [[] for _ in range(parts)]
    seen = 0
    for chunk, size in zip(chunks, sizes, strict=True):
        # The lane whose share the chunk's middle falls in.
        lane = min(parts - 1, (2 * seen + size) * parts // (2 * total))
        out[lane].append(chunk)
        seen += size
    return out


# Findings travel back from a worker as constructor arguments rather than through the
# slotted dataclasses' generic state protocol (which lists each class's fields for every
# object): a third of the pickling time. Only on this pipe, where both ends run this very
# code; anything stored keeps the default, field-named form.
_PACKED = {
    cls: reduce
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
    if (reduce := constructor_reducer(cls)) is not None
}


_BATCH: Sequence[Article] | None = None  # the batch being analysed, for forked workers


def _analyze_inherited(idxs: list[int], as_of: dt.date) -> bytes:
    assert _BATCH is not None
    return _analyze_packed([_BATCH[i] for i in idxs], as_of)


def _analyze_packed(articles: Sequence[Article], as_of: dt.date) -> bytes:
    found = analyze_chunk(articles, as_of)
    for f in found:
        f.article.text = ""  # the parent has it: a third of the bytes otherwise
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_PACKED}
    pickler.dump(found)
    return buf.getvalue()


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it (workers share the parent's loaded data)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None
