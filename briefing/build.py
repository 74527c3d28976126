"""The whole run: inputs -> articles -> findings -> brief -> files."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.analyze import analyze, paused_gc
from briefing.errors import InputError
from briefing.extract.dates_publication import infer_publications
from briefing.fsio import atomic_write_bytes, staged_file
from briefing.models import Article, Brief
from briefing.nlp.sentences import forget_given
from briefing.render import FORMATS, RenderOptions

log = logging.getLogger("briefing")


@dataclass
class RunOptions:
    formats: Sequence[str] = FORMATS
    as_of: dt.date | None = None
    title: str = "Briefing"
    jobs: int | None = None  # None: default_jobs(len(articles))
    quiet: bool = False
    render: RenderOptions | None = None


# Below this many articles one process is quicker: each worker pays ~0.3 s to load the
# lexicons and pipelines of its languages, which a small batch never earns back.
PARALLEL_FROM = 400


def default_jobs(articles: int) -> int:
    """Worker processes when none are configured: the machine's cores for a large batch."""
    return (os.cpu_count() or 1) if articles >= PARALLEL_FROM else 1


def choose_as_of(articles: Sequence[Article], given: dt.date | None) -> dt.date:
    """The brief speaks from ``given``, else from its newest dated article, else today."""
    if given is not None:
        return given
    dates = [a.published for a in articles if a.published is not None]
    return max(dates) if dates else dt.date.today()


def build_brief(articles: Sequence[Article], opts: RunOptions) -> Brief:
    if not articles:
        raise InputError("no usable article in the input")
    jobs = opts.jobs or default_jobs(len(articles))
    # Articles without a publication date get one inferred from their own dates first,
    # so that the as-of date and the years of yearless dates rest on the whole batch.
    # With workers, each article's language and dates are read in them (the serial part
    # of a plain-text batch otherwise), the batch-wide second pass here. No cyclic
    # collection meanwhile either (see ``paused_gc``): loading the knowledge base and the
    # packs while the workers probe set off collections that found nothing to free.
    ahead = _render_ahead(opts.formats, opts.render)
    with paused_gc():
        probed = _probed(articles, opts.as_of, jobs, ahead) if jobs > 1 else None
        if probed is None:
            articles = _prepared(articles)
            articles = _infer_publications(articles, opts.as_of)
        else:
            articles = probed
    provisional = choose_as_of(articles, opts.as_of)
    progress = None
    bar = None
    if not opts.quiet and sys.stderr.isatty() and len(articles) > 20:
        from tqdm import tqdm

        bar = tqdm(total=len(articles), unit="article", file=sys.stderr)
        progress = bar.update
    with paused_gc():
        try:
            findings = analyze(articles, provisional, jobs=jobs, progress=progress, meanwhile=ahead)
        finally:
            forget_given()  # the probing's splits, used by the workers (or not at all)
            if bar is not None:
                bar.close()
        if not findings:
            raise InputError(f"none of the {len(articles)} articles could be analysed")
        # Publication dates may have been inferred from the texts: choose again.
        # (merge_events judges past/upcoming against this final date.)
        as_of = choose_as_of([f.article for f in findings], opts.as_of)
        from briefing.consolidate import consolidate  # with spaCy: not before the probing

        brief = consolidate(findings, as_of, opts.title)
        check_citations(brief)
    return brief


def _render_ahead(
    formats: Sequence[str], render: RenderOptions | None
) -> Callable[[], None] | None:
    """What writing ``formats`` imports and compiles, to do while workers run (the
    parent would otherwise do it after them): the templates, and for a PDF WeasyPrint
    (0.3-0.4 s), which the PDF's child process (``briefing.render.background``) then
    inherits instead of importing it on the run's critical path. Once; never raises."""
    if "html" not in formats and "pdf" not in formats:
        return None
    done: list[bool] = []

    def ahead() -> None:
        if done:
            return
        done.append(True)
        try:
            from briefing.render.html import preload

            preload(render, pdf="pdf" in formats)
        except Exception as exc:  # only a head start: writing reports any real error
            log.debug("rendering not prepared ahead (%s)", exc)

    return ahead


def _prepared(articles: Sequence[Article]) -> list[Article]:
    """Articles with their language settled where inferring dates needs it (a stated
    language, or no publication date: detected then anyway); one that fails is left out,
    reported."""
    from briefing.analyze import _reason, describe, prepare

    out = []
    for art in articles:
        if art.language or art.published is None:
            try:
                prepare(art)
            except Exception as exc:
                log.warning(
                    "%s: skipped: language not identified (%s)", describe(art), _reason(exc)
                )
                continue
        out.append(art)
    if not out:
        raise InputError(f"none of the {len(articles)} articles could be read")
    return out


def _probed(
    articles: Sequence[Article],
    as_of: dt.date | None,
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[Article] | None:
    """What ``_prepared`` then ``_infer_publications`` do, their per-article part in
    ``jobs`` workers (``probe_in_lanes``, which calls ``meanwhile`` while they work);
    None when the workers could not do it."""
    from briefing.analyze import _reason, describe, head_of, probe_in_lanes
    from briefing.extract.dates_publication import anchor_pending, seed_scan
    from briefing.nlp.sentences import give_split

    first_ref = as_of or dt.date.today()
    results = (
        probe_in_lanes(articles, first_ref, jobs)
        if meanwhile is None
        else probe_in_lanes(articles, first_ref, jobs, meanwhile)
    )
    if results is None:
        return None
    out: list[Article] = []
    pending = []
    for art, (lang, mode, note, published, found, has_year, skipped, failed, bounds) in zip(
        articles, results, strict=True
    ):
        if skipped is not None:
            log.warning("%s: skipped: language not identified (%s)", describe(art), skipped)
            continue
        art.language, art.read_mode, art.read_note = lang, mode, note
        if failed is not None:
            log.warning("%s: publication date not inferred (%s)", describe(art), failed)
        elif found is not None:
            # The analysis reads the same dates: scanned once (its workers inherit these),
            # and splits the same sentences.
            seed_scan(head_of(art).text, lang or "en", found)
            if bounds is not None:
                give_split(art.text, lang or "en", bounds)
            if has_year:
                if published is not None:
                    art.published, art.published_basis = published, "inferred"
            else:
                pending.append((art, list(found)))
        out.append(art)
    if not out:
        raise InputError(f"none of the {len(articles)} articles could be read")
    probes = [(head_of(art), found) for art, found in pending]
    try:
        anchor_pending(out, probes, as_of, first_ref)
    except Exception as exc:  # never lose the batch for it
        log.warning("publication dates not inferred (%s)", _reason(exc))
    for (art, _found), (probe, _) in zip(pending, probes, strict=True):
        if probe is not art:
            art.published, art.published_basis = probe.published, probe.published_basis
    return out


def _infer_publications(articles: list[Article], as_of: dt.date | None) -> list[Article]:
    """``infer_publications`` on the batch (a long text by its first piece, where its
    dateline is: the whole of a 2 MB text costs minutes and says no more); when it fails,
    on each article alone to find the ones it fails on, which keep no date (reported),
    then on the rest as a batch."""
    from briefing.analyze import _reason, describe, head_of

    probes = [head_of(art) if art.published is None else art for art in articles]
    try:
        infer_publications(probes, as_of)
    except Exception:
        failed = set()
        for i, probe in enumerate(probes):
            if probe.published is not None:
                continue
            try:
                infer_publications([copy.copy(probe)], as_of)
            except Exception as exc:
                failed.add(i)
                log.warning("%s: publication date not inferred (%s)", describe(probe), _reason(exc))
        try:
            infer_publications([p for i, p in enumerate(probes) if i not in failed], as_of)
        except Exception as exc:  # not after the sieve; never lose the batch for it
            log.warning("publication dates not inferred (%s)", _reason(exc))
    for art, probe in zip(articles, probes, strict=True):
        if probe is not art:
            art.published, art.published_basis = probe.published, probe.published_basis
            art.language = probe.language
    return articles


def check_citations(brief: Brief) -> None:
    """Every citation must be verbatim source text: a bug here must never reach a reader."""
    texts = {a.id: a.text for a in brief.sources}
    for c in brief.citations():
        c.check(texts[c.source])


def write_outputs(
    brief: Brief,
    out_dir: Path,
    formats: Sequence[str],
    stem: str = "brief",
    render: RenderOptions | None = None,
) -> list[Path]:
    """Render every format first, then write each atomically: a failed render leaves the
    previous brief untouched. The PDF is rendered in a child process meanwhile where one
    can be forked (``briefing.render.background``)."""
    rendered: list[tuple[Path, bytes]] = []
    staged: list[tuple[Path, Path]] = []
    background = None
    try:
        if "pdf" in formats:
            from briefing.render.background import start_pdf

            background = start_pdf(brief, out_dir / f"{stem}.pdf", render)
        if "json" in formats:
            path = out_dir / f"{stem}.json"
            staged.append((path, _stage_json(brief, path)))
        view = None
        if "html" in formats or ("pdf" in formats and background is None):
            from briefing.render.view import brief_view

            view = brief_view(brief, render)  # once for both: they show the same view
        if "html" in formats:
            from briefing.render.html import render_html

            html = render_html(brief, opts=render, view=view)
            rendered.append((out_dir / f"{stem}.html", html.encode("utf-8")))
        if "pdf" in formats:
            path = out_dir / f"{stem}.pdf"
            done = background.result() if background is not None else None
            if done is not None:
                staged.append((path, done))
            else:  # no child, or it failed: here, where an error is raised as it was
                from briefing.render.pdf import render_pdf

                rendered.append((path, render_pdf(brief, opts=render, view=view)))
    except BaseException:
        if background is not None:
            background.cancel()
        for _path, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    for path, tmp in staged:
        os.replace(tmp, path)
    for path, data in rendered:
        atomic_write_bytes(path, data)
    written = {p for p, _ in staged} | {p for p, _ in rendered}
    return [out_dir / f"{stem}.{fmt}" for fmt in FORMATS if out_dir / f"{stem}.{fmt}" in written]


def _stage_json(brief: Brief, path: Path) -> Path:
    """``render_json(brief)`` streamed into a temporary file beside ``path``: a brief of
    thousands of articles is hundreds of MB as one string, and again as its bytes."""
    from briefing.render.json_brief import iter_json

    with staged_file(path) as (fh, tmp):
        fh.writelines(iter_json(brief))
    return tmp


__all__ = ["FORMATS", "RunOptions", "build_brief", "write_outputs"]
