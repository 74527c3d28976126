"""The whole run: inputs -> articles -> findings -> brief -> files."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.analyze import analyze, paused_gc
from briefing.consolidate import consolidate
from briefing.errors import InputError
from briefing.extract.dates_publication import infer_publications
from briefing.fsio import atomic_write_bytes, staged_file
from briefing.models import Article, Brief
from briefing.render import FORMATS

log = logging.getLogger("briefing")


@dataclass
class RunOptions:
    formats: Sequence[str] = FORMATS
    as_of: dt.date | None = None
    title: str = "Briefing"
    jobs: int = 1
    quiet: bool = False


def choose_as_of(articles: Sequence[Article], given: dt.date | None) -> dt.date:
    """The brief speaks from ``given``, else from its newest dated article, else today."""
    if given is not None:
        return given
    dates = [a.published for a in articles if a.published is not None]
    return max(dates) if dates else dt.date.today()


def build_brief(articles: Sequence[Article], opts: RunOptions) -> Brief:
    if not articles:
        raise InputError("no usable article in the input")
    articles = _prepared(articles)
    # Articles without a publication date get one inferred from their own dates first,
    # so that the as-of date and the years of yearless dates rest on the whole batch.
    articles = _infer_publications(articles, opts.as_of)
    provisional = choose_as_of(articles, opts.as_of)
    progress = None
    bar = None
    if not opts.quiet and sys.stderr.isatty() and len(articles) > 20:
        from tqdm import tqdm

        bar = tqdm(total=len(articles), unit="article", file=sys.stderr)
        progress = bar.update
    with paused_gc():
        try:
            findings = analyze(articles, provisional, jobs=opts.jobs, progress=progress)
        finally:
            if bar is not None:
                bar.close()
        if not findings:
            raise InputError(f"none of the {len(articles)} articles could be analysed")
        # Publication dates may have been inferred from the texts: choose again.
        # (merge_events judges past/upcoming against this final date.)
        as_of = choose_as_of([f.article for f in findings], opts.as_of)
        brief = consolidate(findings, as_of, opts.title)
        check_citations(brief)
    return brief


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


def _infer_publications(articles: list[Article], as_of: dt.date | None) -> list[Article]:
    """``infer_publications`` on the batch; when it fails, on each article alone to find
    the ones it fails on, which keep no date (reported), then on the rest as a batch."""
    from briefing.analyze import _reason, describe

    try:
        infer_publications(articles, as_of)
        return articles
    except Exception:
        pass
    for art in articles:
        if art.published is not None:
            continue
        try:
            infer_publications([copy.copy(art)], as_of)
        except Exception as exc:
            art.published_basis = "unknown"
            log.warning("%s: publication date not inferred (%s)", describe(art), _reason(exc))
            art.published = dt.date.min  # kept out of the batch's inference below
    try:
        infer_publications([a for a in articles if a.published != dt.date.min], as_of)
    except Exception as exc:  # cannot happen after the sieve; never lose the batch for it
        log.warning("publication dates not inferred (%s)", _reason(exc))
    for art in articles:
        if art.published == dt.date.min:
            art.published = None
    return articles


def check_citations(brief: Brief) -> None:
    """Every citation must be verbatim source text: a bug here must never reach a reader."""
    texts = {a.id: a.text for a in brief.sources}
    for c in brief.citations():
        c.check(texts[c.source])


def write_outputs(
    brief: Brief, out_dir: Path, formats: Sequence[str], stem: str = "brief"
) -> list[Path]:
    """Render every format first, then write each atomically: a failed render leaves the
    previous brief untouched."""
    rendered: list[tuple[Path, bytes]] = []
    staged: list[tuple[Path, Path]] = []
    try:
        if "json" in formats:
            path = out_dir / f"{stem}.json"
            staged.append((path, _stage_json(brief, path)))
        if "html" in formats:
            from briefing.render.html import render_html

            rendered.append((out_dir / f"{stem}.html", render_html(brief).encode("utf-8")))
        if "pdf" in formats:
            from briefing.render.pdf import render_pdf

            rendered.append((out_dir / f"{stem}.pdf", render_pdf(brief)))
    except BaseException:
        for _path, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    for path, tmp in staged:
        os.replace(tmp, path)
    for path, data in rendered:
        atomic_write_bytes(path, data)
    return [p for p, _ in staged] + [p for p, _ in rendered]


def _stage_json(brief: Brief, path: Path) -> Path:
    """``render_json(brief)`` streamed into a temporary file beside ``path``: a brief of
    thousands of articles is hundreds of MB as one string, and again as its bytes."""
    from briefing.render.json_brief import iter_json

    with staged_file(path) as (fh, tmp):
        fh.writelines(iter_json(brief))
    return tmp


__all__ = ["FORMATS", "RunOptions", "build_brief", "write_outputs"]
