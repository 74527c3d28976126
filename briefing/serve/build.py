"""One on-demand build: collect the sources into the store, brief the stored articles of a
period, write the files into the archive folder at once (a folder renamed into place), and
record the brief in the archive table."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import re
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.config import Config
from briefing.errors import BriefingError, InputError
from briefing.models import Article, ArticleFindings
from briefing.store import Store, StoreError

log = logging.getLogger("briefing.serve")

# Ids of archived briefs: serve builds' and digest stems (brief-2025-12-05-2). Nothing else
# is ever looked up, so no id can name a path.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
ARCHIVE_FOLDER = "archive"
TMP_PREFIX = ".tmp-"
FORMATS = ("json", "html", "pdf")
# Articles analysed between two progress reports (single worker).
PROGRESS_BATCH = 16
MAX_TITLE = 200

Report = Callable[[str, int, int, str], None]  # stage, done, total, note


def new_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def archive_dir(cfg: Config) -> Path:
    return cfg.path(cfg.output) / ARCHIVE_FOLDER


def clean_staging(cfg: Config) -> int:
    """Remove the staging folders of builds that never finished (killed, abandoned)."""
    root = archive_dir(cfg)
    n = 0
    if root.is_dir():
        for entry in root.iterdir():
            if entry.name.startswith(TMP_PREFIX) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
                n += 1
    return n


def _collect(cfg: Config, store: Store) -> str:
    """Read the configured sources into the store, as the digest does (without mail)."""
    from briefing.digest import LOCK_TTL, collect

    try:
        with store.lock("digest", LOCK_TTL):
            got = collect(cfg, store)
    except StoreError as exc:
        if "in progress" not in str(exc):
            raise
        # The digest is collecting this very moment: brief what is stored already.
        return "sources not read now: a digest run is collecting them"
    k = got.kinds
    note = f"read {_n(got.sources, 'source')}: {_n(k['new'], 'new article')}"
    if got.failed:
        note += f"; {len(got.failed)} failed ({', '.join(got.failed)})"
    if got.sources and len(got.failed) == got.sources:
        raise BriefingError(f"no source could be read ({', '.join(got.failed)})")
    return note


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def _findings(
    store: Store, articles: Sequence[Article], as_of: dt.date, jobs: int, report: Report
) -> list[ArticleFindings]:
    """The digest's cache-first analysis (``digest.findings_for``), reporting progress."""
    from briefing.digest import findings_for

    total = len(articles)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        report("analysing", min(done, total), total, "")

    size = max(1, min(PROGRESS_BATCH, total // 10))
    return findings_for(store, articles, as_of, jobs, progress=step, batch=size)


def run_build(
    cfg: Config,
    *,
    brief_id: str,
    title: str,
    since: dt.date | None,
    until: dt.date | None,
    report: Report,
) -> str:
    """Build and archive one brief; return its id. Raises ``BriefingError`` with a one-line
    message on anything a user can act on; nothing in the archive changes then."""
    from briefing.build import check_citations, choose_as_of, default_jobs, write_outputs
    from briefing.consolidate import consolidate

    if not ID_PATTERN.match(brief_id):
        raise InputError(f"bad brief id {brief_id!r}")
    if since and until and since > until:
        raise InputError(f"the period starts ({since}) after it ends ({until})")
    title = (title or cfg.title).strip()[:MAX_TITLE] or cfg.title
    # The brief speaks from the end of the period asked (never from the future); with no
    # end, from its newest article, as ``briefing run`` does.
    given = dt.date.fromisoformat(cfg.as_of) if cfg.as_of else until
    if given is not None and until is not None:
        given = min(given, dt.date.today())
    with Store(cfg.state_url) as store:
        report("collecting", 0, 0, "")
        note = _collect(cfg, store)
        articles = store.articles_between(since, until)
        if not articles:
            period = f"{since or 'the start'} to {until or 'now'}"
            raise InputError(f"no stored article was published from {period} ({note})")
        report("analysing", 0, len(articles), note)
        try:
            from briefing.analyze import paused_gc

            with paused_gc():
                provisional = choose_as_of(articles, given)
                jobs = cfg.jobs or default_jobs(len(articles))
                findings = _findings(store, articles, provisional, jobs, report)
                as_of = choose_as_of([f.article for f in findings], given)
                report("rendering", len(findings), len(articles), note)
                brief = consolidate(findings, as_of, title)
                check_citations(brief)
        finally:
            gc.unfreeze()  # this worker lives on: hand the batch's objects back
        root = archive_dir(cfg)
        staging = root / f"{TMP_PREFIX}{brief_id}"
        final = root / brief_id
        if final.exists():
            raise BriefingError(f"brief {brief_id} exists already")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            written = write_outputs(
                brief, staging, FORMATS, stem=brief_id, render=cfg.render_options()
            )
            # One rename: the brief's files appear together or not at all.
            os.rename(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        paths = [final / p.name for p in written]
        if not store.record_brief(
            brief, brief_id=brief_id, kind="serve", paths=paths, since=since, until=until
        ):
            shutil.rmtree(final, ignore_errors=True)
            raise BriefingError("the brief was built but the archive could not record it")
        report("done", len(brief.sources), len(brief.sources), note)
    return brief_id
