"""The per-article stage: language, NLP, then every extractor. Parallel with ``jobs > 1``.

Each article is analysed in isolation: whatever one article raises, the batch goes on
without it (a one-line warning names it and the reason), or with what could be read of it
(an extractor that fails costs its section only; the source is then marked as read in a
limited mode). A language without a pack is read in the limited mode too. Texts longer
than ``PIECE_CHARS`` are analysed in paragraph-aligned pieces, their citations shifted back
to offsets of the whole text; texts longer than ``ingest.files.MAX_TEXT_CHARS`` are
skipped.
"""

from __future__ import annotations

import copy
import copyreg
import datetime as dt
import gc
import io
import logging
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TYPE_CHECKING

from briefing.diskcache import constructor_reducer
from briefing.extract.dates_publication import Found
from briefing.ingest.files import MAX_TEXT_CHARS
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
from briefing.nlp.alternation import save_compiled
from briefing.nlp.language import resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefing.extract.actors import extract_actors
    from briefing.extract.calendar import extract_events, infer_publication
    from briefing.extract.context import ArticleContext
    from briefing.extract.positions import extract_positions
    from briefing.extract.positions.figures import extract_figures
    from briefing.extract.sanctions import extract_measures
    from briefing.nlp.pipeline import process

log = logging.getLogger("briefing.analyze")
Progress = Callable[[int], None]
CHUNK = 64
MIN_STOLEN = 8  # a lane taking work from another takes half a chunk, down to this many
# The part of an article's cost its length does not explain, in characters of text (a
# least-squares fit over 1,500 bench articles: 0.19 ms fixed + 0.96 µs a character).
WEIGHT_PER_ARTICLE = 200
# Texts longer than this are analysed in pieces of at most this many characters, cut at
# paragraph breaks (else line breaks, sentence ends, spaces): spaCy refuses a text over
# 1,000,000 characters, and the extractors' memory grows with the text they hold.
PIECE_CHARS = 100_000

# spaCy and the extractors, imported on first use rather than with this module (most of a
# run's start-up, 0.8-1 CPU s): the probing workers need none of them, so a plain-text
# batch forks them first and the parent imports these while they work
# (``probe_in_lanes``), not before, while the second core idles. Module globals all the
# same (tests replace them).
_ANALYSIS = {
    "extract_actors": "briefing.extract.actors",
    "extract_events": "briefing.extract.calendar",
    "infer_publication": "briefing.extract.calendar",
    "ArticleContext": "briefing.extract.context",
    "extract_positions": "briefing.extract.positions",
    "extract_figures": "briefing.extract.positions.figures",
    "extract_measures": "briefing.extract.sanctions",
    "process": "briefing.nlp.pipeline",
}


_LOADED: list[bool] = []


def load_analysis() -> None:
    """Imports what the analysis runs (spaCy, the extractors) into this module."""
    if _LOADED:
        return
    import importlib

    here = globals()
    for name, module in _ANALYSIS.items():
        if name not in here:  # a name a test replaced stays replaced
            here[name] = getattr(importlib.import_module(module), name)
    _LOADED.append(True)


def __getattr__(name: str) -> object:
    if name in _ANALYSIS:
        load_analysis()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def describe(art: Article) -> str:
    """The article as messages name it: its file (and line), or its address, or its id."""
    where = art.path or art.url or art.id
    if art.line:
        return f"{where}: line {art.line}"
    if art.path and art.text_extracted and art.path.endswith((".json", ".jsonl", ".ndjson")):
        return f"{where} ({art.id})"
    return where


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def prepare(art: Article) -> None:
    """The article's language (metadata when it names one, else detected) and how fully
    it is read. Idempotent; reports a bad stated language or a limited reading once."""
    reading = resolve(art.language, art.text)
    if reading.note:
        log.warning("%s: %s", describe(art), reading.note)
    art.language = reading.language
    if reading.mode == "limited" and art.read_mode == "full":
        art.read_mode, art.read_note = "limited", reading.reason
        log.warning("%s: read in a limited mode: %s", describe(art), reading.reason)


def _limit(art: Article, note: str) -> None:
    art.read_mode = "limited"
    art.read_note = f"{art.read_note}; {note}" if art.read_note else note


def analyze_chunk(articles: Sequence[Article], as_of: dt.date) -> list[ArticleFindings | None]:
    """Findings of each article, in order; None for an article that could not be
    analysed at all (reported)."""
    out: list[ArticleFindings | None] = [None] * len(articles)
    batch: list[int] = []
    for i, art in enumerate(articles):
        try:
            prepare(art)
        except Exception as exc:
            log.warning("%s: skipped: language not identified (%s)", describe(art), _reason(exc))
            continue
        if len(art.text) > MAX_TEXT_CHARS:
            log.warning(
                "%s: skipped: text too long (%d characters; limit %d)",
                describe(art),
                len(art.text),
                MAX_TEXT_CHARS,
            )
        elif len(art.text) > PIECE_CHARS:
            out[i] = _analyze_long(art, as_of)
        else:
            batch.append(i)
    docs = _docs([articles[i] for i in batch])
    for i, doc in zip(batch, docs, strict=True):
        art = articles[i]
        if isinstance(doc, Exception):
            log.warning("%s: skipped: text not processed (%s)", describe(art), _reason(doc))
            continue
        out[i] = _extract(art, doc, as_of)
        del doc
    save_compiled()  # cue patterns first compiled here, for the next processes and runs
    return out


def _docs(articles: Sequence[Article]) -> list[Doc | Exception]:
    """spaCy docs of ``articles``, batched; one by one when the batch fails, so that one
    text the pipeline chokes on costs that text only."""
    if not articles:
        return []
    load_analysis()
    try:
        return list(process((a.text, a.language or "en") for a in articles))
    except Exception:
        pass
    out: list[Doc | Exception] = []
    for a in articles:
        try:
            out.extend(process([(a.text, a.language or "en")]))
        except Exception as exc:
            out.append(exc)
    return out


def _extract(art: Article, doc: Doc, as_of: dt.date) -> ArticleFindings | None:
    """Every extractor on one article. Without its actors nothing can be read (None,
    reported); any other extractor that fails costs its own section only."""
    load_analysis()
    ctx = ArticleContext(article=art, doc=doc, lang=art.language or "en", as_of=as_of)
    try:
        ctx.actors, ctx.mentions = extract_actors(ctx)
    except Exception as exc:
        log.warning("%s: skipped: actors not read (%s)", describe(art), _reason(exc))
        return None
    found = ArticleFindings(article=art, actors=ctx.actors)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("publication date", lambda: infer_publication(ctx)),
        ("calendar", lambda: setattr(found, "events", extract_events(ctx))),
        ("positions", lambda: setattr(found, "positions", extract_positions(ctx))),
        ("sanctions", lambda: setattr(found, "measures", extract_measures(ctx))),
        ("figures", lambda: setattr(found, "figures", extract_figures(ctx))),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as exc:
            _limit(art, f"{name} not read ({_reason(exc)})")
            log.warning(
                "%s: %s not read, the rest of the article kept (%s)",
                describe(art),
                name,
                _reason(exc),
            )
    return found


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text``, each at most ``size``
    characters, cut after a paragraph break where one lies in a piece's second half,
    else after a line break, a sentence end or a space, else at ``size``."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            floor = start + size // 2
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, floor, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        out.append((start, end))
        start = end
    return out


def head_of(art: Article) -> Article:
    """The article as its publication date is inferred from: a long text by its first
    piece, where its dateline is (the whole of a 2 MB text costs minutes and says no
    more); a copy then, the article itself otherwise."""
    if len(art.text) <= PIECE_CHARS:
        return art
    head = copy.copy(art)
    head.text = art.text[: split_pieces(art.text)[0][1]]
    return head


def _analyze_long(art: Article, as_of: dt.date) -> ArticleFindings | None:
    """A long article analysed piece by piece, one piece's doc alive at a time; the
    pieces' findings merged with their citations shifted to offsets of the whole text."""
    merged = ArticleFindings(article=art, actors={})
    read = 0
    for start, end in split_pieces(art.text):
        piece = copy.copy(art)
        piece.text = art.text[start:end]
        piece.read_note = None
        docs = _docs([piece])
        found = None if isinstance(docs[0], Exception) else _extract(piece, docs[0], as_of)
        del docs
        if found is None:
            _limit(art, f"characters {start}-{end} not read")
            log.warning("%s: characters %d-%d not read", describe(art), start, end)
            continue
        read += 1
        if piece.read_note and piece.read_note != art.read_note:
            _limit(art, f"characters {start}-{end}: {piece.read_note}")
        if art.published is None and piece.published is not None:
            art.published, art.published_basis = piece.published, piece.published_basis
        _merge_into(merged, found, start)
    if not read:
        return None
    return merged


def _shift(citations: list[Citation], offset: int) -> list[Citation]:
    return [Citation(c.source, c.start + offset, c.end + offset, c.sentence) for c in citations]


def _merge_into(into: ArticleFindings, found: ArticleFindings, offset: int) -> None:
    for group in (found.events, found.positions, found.measures, found.figures):
        for item in group:
            item.citations = _shift(item.citations, offset)
    into.events.extend(found.events)
    into.positions.extend(found.positions)
    into.measures.extend(found.measures)
    into.figures.extend(found.figures)
    for key, actor in found.actors.items():
        actor.citations = _shift(actor.citations, offset)
        have = into.actors.get(key)
        if have is None:
            into.actors[key] = actor
            continue
        have.mentions += actor.mentions
        have.salience += actor.salience
        have.role = have.role or actor.role
        have.surface_forms.extend(f for f in actor.surface_forms if f not in have.surface_forms)
        have.citations.extend(actor.citations)
        have.sources |= actor.sources


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
    *,
    meanwhile: Callable[[], None] | None = None,
) -> list[ArticleFindings]:
    """Findings for every article that could be analysed, in input order (the others are
    reported and left out). ``meanwhile``: work of the caller's to do in this process
    while workers analyse (not called without workers)."""
    found = analyze_each(articles, as_of, jobs, progress, meanwhile=meanwhile)
    return [f for f in found if f is not None]


def analyze_each(
    articles: Sequence[Article],
    as_of: dt.date,
    jobs: int = 1,
    progress: Progress | None = None,
    *,
    meanwhile: Callable[[], None] | None = None,
) -> list[ArticleFindings | None]:
    """Findings for each article, in input order; None where an article could not be
    analysed (reported). ``meanwhile``: as for :func:`analyze`."""
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    results: list[ArticleFindings | None] = []
    if jobs == 1 or len(articles) <= CHUNK:
        with paused_gc():
            for chunk in _chunks(articles, CHUNK):
                results.extend(analyze_chunk(chunk, as_of))
                if progress:
                    progress(len(chunk))
        return results
    return _analyze_in_lanes(articles, as_of, jobs, progress, meanwhile)


def _analyze_in_lanes(
    articles: Sequence[Article],
    as_of: dt.date,
    jobs: int,
    progress: Progress | None,
    meanwhile: Callable[[], None] | None = None,
) -> list[ArticleFindings | None]:
    """``jobs`` worker processes ("lanes"), each fed chunks of one language at a time.

    A worker loads a language's lexicons, tries, lemma tables and spaCy pipeline the
    first time it meets that language (most of a small run's cost), so the chunks are laid
    out by language and cut into one contiguous segment per lane: a lane loads only the
    few languages of its segment, and the lanes load theirs in parallel. A lane done with
    its segment takes chunks from the end of the fullest other one, so no core idles while
    work is left. The knowledge base, the same for every language, is loaded here once
    and inherited by the forked workers.

    A worker that dies (or whose chunk fails as a whole) loses nothing: its lane gets a
    fresh worker and the chunk comes back one article at a time; only an article that
    fails alone is left out, with a warning."""
    _load_shared()
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
    done_idx: set[int] = set()
    # Forked workers hold the batch already: they are sent indexes, not texts.
    global _BATCH
    _BATCH = articles

    def _lane_failed(lane: int, idxs: list[int], exc: BaseException) -> None:
        if isinstance(exc, BrokenProcessPool):
            # Every future of that worker fails alike: a fresh one for the lane.
            lanes[lane].shutdown(wait=False, cancel_futures=True)
            lanes[lane] = ProcessPoolExecutor(1, mp_context=context, initializer=gc.disable)
            for other, (other_lane, other_idxs) in list(running.items()):
                if other_lane == lane:
                    running.pop(other)
                    _requeue(lane, other_idxs, exc)
        _requeue(lane, idxs, exc)

    def _requeue(lane: int, idxs: list[int], exc: BaseException) -> None:
        left = [i for i in idxs if i not in done_idx]
        if len(left) == 1 and left == idxs and alone.get(left[0]):
            i = left[0]
            done_idx.add(i)
            log.warning("%s: skipped: analysis failed (%s)", describe(articles[i]), _reason(exc))
            if progress:
                progress(1)
            return
        for i in reversed(left):
            alone[i] = True
            pending[lane].appendleft([i])

    alone: dict[int, bool] = {}

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
            if meanwhile is not None:
                meanwhile()
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    if fut not in running:  # requeued with its broken worker's others
                        continue
                    lane, idxs = running.pop(fut)
                    try:
                        # Read, then dropped: no future keeps its pickled result alive.
                        part = pickle.loads(fut.result())
                    except Exception as exc:
                        _lane_failed(lane, idxs, exc)
                        feed(lane)
                        continue
                    for i, found in zip(idxs, part, strict=True):
                        done_idx.add(i)
                        if found is not None:
                            found.article.text = articles[i].text  # not sent back (below)
                        results[i] = found
                    if progress:
                        progress(len(part))
                    feed(lane)
    finally:
        _BATCH = None
        for pool in lanes:
            pool.shutdown(cancel_futures=True)
    return results


# -------------------------------------------- languages and publication dates, in lanes

# What the first parallel pass learns of an article: its language and reading, its
# publication date when its own years fix it, else the dates for the batch-wide second
# pass; or why it was left out (its language not identified) or kept undated.
Probed = tuple[
    str | None,  # language
    str,  # read_mode
    str | None,  # read_note
    dt.date | None,  # published (first pass)
    tuple | None,  # the dates found (its first piece's, for a long text)
    bool,  # whether they fix a year of their own (else: the batch-wide second pass)
    str | None,  # skipped: why (language not identified)
    str | None,  # no date inferred: why
    Sequence[int] | None,  # its sentences' bounds, when split (for the analysis)
]


def probe_in_lanes(
    articles: Sequence[Article],
    first_ref: dt.date,
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[Probed] | None:
    """Language identification and the per-article part of publication-date inference
    (:func:`briefing.extract.dates_publication.first_estimate`) for the articles that
    need them, in ``jobs`` forked workers; the articles themselves are not changed (the
    caller applies the results). None when workers cannot be had or fail: the caller
    then does the work itself. ``meanwhile``: the caller's work to do here while the
    workers probe (after what the analysis needs)."""
    context = _fork_context()
    todo = [i for i, a in enumerate(articles) if a.language or a.published is None]
    heavy = sum(1 for a in articles if a.published is None or not a.language)
    if context is None or jobs < 2 or heavy <= CHUNK:
        return None
    from briefing.langpacks import section
    from briefing.nlp.language import _identifier

    # Loaded once, inherited by the workers: the model and the packs every language reads.
    _identifier()
    section("dates")
    section("sentences")
    global _BATCH
    _BATCH = articles
    out: list[Probed | None] = [None] * len(articles)
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=gc.disable) as pool:
            futures = {
                pool.submit(_probe_inherited, idxs, first_ref): idxs
                for idxs in (todo[k : k + CHUNK] for k in range(0, len(todo), CHUNK))
            }
            # While the workers probe, what the analysis workers will inherit (0.3 s,
            # else serial between the two passes).
            _load_shared()
            if meanwhile is not None:
                meanwhile()
            for fut, idxs in futures.items():
                for i, probed in zip(idxs, pickle.loads(fut.result()), strict=True):
                    out[i] = probed
    except Exception as exc:
        log.debug("probing in lanes failed (%s); done in this process", _reason(exc))
        return None
    finally:
        _BATCH = None
    # An article not probed (dated, its language left to the analysis) passes as it is:
    # nothing found, nothing skipped, nothing failed.
    return [
        p
        if p is not None
        else (a.language, a.read_mode, a.read_note, a.published, None, False, None, None, None)
        for a, p in zip(articles, out, strict=True)
    ]


def _probe_inherited(idxs: list[int], first_ref: dt.date) -> bytes:
    assert _BATCH is not None
    found = [_probe(_BATCH[i], first_ref) for i in idxs]
    # The date lexicons compiled here, for the next runs: the analysis reuses these scans
    # and compiles them only for some languages, so they were compiled anew every run.
    save_compiled()
    return _packed(found)


def _probe(art: Article, first_ref: dt.date) -> Probed:
    """One article's first pass, on this worker's copy of it."""
    from briefing.extract.dates_publication import first_estimate, scan_text
    from briefing.nlp.normalize import normalize
    from briefing.nlp.sentences import split_bounds, split_sentences

    try:
        prepare(art)
    except Exception as exc:
        return (None, art.read_mode, art.read_note, None, None, False, _reason(exc), None, None)
    published, found, has_year, failed, bounds = art.published, None, False, None, None
    if art.published is None:
        head = head_of(art)
        try:
            # The split the scan makes, kept: the analysis splits the same text (a text
            # short enough to be analysed whole) and is handed it instead.
            if head is art:
                lang = art.language or "en"
                sentences = split_sentences(art.text, lang)
                scan_text(art.text, lang, normalize(art.text), sentences)
                bounds = split_bounds(sentences)
            est, dates = first_estimate(head, first_ref)
        except Exception as exc:
            failed, bounds = _reason(exc), None
        else:
            found, has_year = tuple(dates), est.has_year
            if has_year:
                published = est.date
    return (
        art.language,
        art.read_mode,
        art.read_note,
        published,
        found,
        has_year,
        None,
        failed,
        bounds,
    )


def _load_shared() -> None:
    """What every worker reads whatever its languages, loaded here once before the
    workers are forked (each would otherwise load its own copy): spaCy and the
    extractors, the knowledge base and every concern of the language packs (0.4 s, a
    tuple of all languages per concern); and the consolidation, the parent's next step."""
    from briefing.kb import knowledge_base
    from briefing.langpacks import _pack_files, section

    load_analysis()
    import briefing.consolidate  # noqa: F401  (the parent's next step: imported meanwhile)

    knowledge_base()
    for concern in sorted({concern for _code, concern in _pack_files()}):
        section(concern)


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
        Found,  # a date found by the probing pass
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
        if f is not None:
            f.article.text = ""  # the parent has it: a third of the bytes otherwise
    return _packed(found)


def _packed(value: object) -> bytes:
    """``value`` pickled for the parent, the slotted dataclasses as constructor arguments."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_PACKED}
    pickler.dump(value)
    return buf.getvalue()


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it (workers share the parent's loaded data)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None
