"""``briefing digest``: collect from every source, brief what no delivered digest carried,
write the files, mail them, record it.

Delivery is exactly once per recipient. A digest is recorded (with the exact message
bytes) before the first send, and each recipient is recorded the moment the server
accepts the message for them. So a run that fails half way leaves a pending digest that
the next run finishes: a digest nobody received yet is rebuilt with whatever arrived
since; one that reached some recipients is sent, unchanged, to the rest. A delivered
digest is never sent again, and its articles never enter another digest.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import gc
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from briefing.config import Config, Source, load_config
from briefing.errors import BriefingError, InputError
from briefing.fsio import atomic_write_bytes
from briefing.ingest.web import FetchError, Limits
from briefing.models import Article, ArticleFindings, Brief
from briefing.store import Digest, Store

if TYPE_CHECKING:
    from briefing.analyze import Progress

log = logging.getLogger("briefing.digest")

LOCK_TTL = dt.timedelta(hours=2)
Outcome = Literal["nothing-new", "delivered", "written"]


@dataclass
class Collected:
    sources: int = 0
    failed: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


@dataclass
class DigestResult:
    outcome: Outcome
    digest_id: int | None = None
    articles: int = 0
    paths: list[Path] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    completed: list[int] = field(default_factory=list)  # earlier digests finished now
    collected: Collected = field(default_factory=Collected)


def _limits(cfg: Config) -> Limits:
    return Limits(cfg.fetch.timeout, cfg.fetch.max_bytes, cfg.fetch.user_agent)


def _file_locator(art: Article) -> str:
    # Absolute, so runs from another working folder (cron) recognise the same file;
    # the id tells records of one JSON Lines file apart.
    path = Path(art.path or art.id)
    return f"{path.resolve()}#{art.id}"


def _read_source(cfg: Config, src: Source, store: Store) -> list[tuple[Article, str]]:
    from briefing.ingest import load_paths
    from briefing.ingest.feeds import read_feed
    from briefing.ingest.web import fetch_article

    if src.folder:
        folder = cfg.path(src.folder)
        return [(a, a.url or _file_locator(a)) for a in load_paths([folder])]
    if src.feed:
        items = read_feed(
            src.feed,
            _limits(cfg),
            known=store.known_locator,
            full_text=src.full_text,
            max_items=src.max_items,
        )
        for warning in items.warnings:
            log.warning("feed %s: %s", src.feed, warning)
        return items.articles
    assert src.url is not None
    return [(fetch_article(src.url, _limits(cfg)), src.url)]


def collect(cfg: Config, store: Store) -> Collected:
    """Read every source into the store; a failing source is a warning, not the end."""
    out = Collected(sources=len(cfg.sources))
    for src in cfg.sources:
        try:
            items = _read_source(cfg, src, store)
        except (FetchError, InputError) as exc:
            log.warning("source %s: skipped: %s", src.label, exc)
            out.failed.append(src.label)
            continue
        except (SQLAlchemyError, BriefingError):
            raise
        except Exception as exc:  # a parser failing on odd input must not stop the others
            log.warning("source %s: skipped: %s: %s", src.label, type(exc).__name__, exc)
            out.failed.append(src.label)
            continue
        for (_, locator), added in zip(items, store.add_many(items, src.label), strict=True):
            out.kinds[added.kind] += 1
            if added.supersedes:
                log.info("%s: fuller version of %s, which it replaces", locator, added.supersedes)
            if added.kind in {"duplicate", "near-duplicate"}:
                log.info(
                    "%s: %s of %s (similarity %.2f), not counted again",
                    locator,
                    added.kind,
                    added.duplicate_of,
                    added.similarity or 0.0,
                )
    return out


def findings_for(
    store: Store,
    articles: Sequence[Article],
    as_of: dt.date,
    jobs: int,
    progress: Progress | None = None,
    batch: int | None = None,
) -> list[ArticleFindings]:
    """Per-article findings, from the cache when the same text was analysed before.

    ``progress`` is told how many articles are done: first those the cache holds, then as
    the analysis goes; with one job, ``batch`` articles at most between two reports."""
    from briefing.analyze import analyze_each

    found: list[ArticleFindings | None] = [store.cached_findings(a, as_of) for a in articles]
    missing = [i for i, f in enumerate(found) if f is None]
    if progress:
        progress(len(articles) - len(missing))
    # The cache key is the metadata before analysis fills in language and date.
    originals = {i: copy.copy(articles[i]) for i in missing}
    step = batch if batch and jobs == 1 else max(1, len(missing))
    for k in range(0, len(missing), step):
        part = missing[k : k + step]
        fresh = analyze_each([articles[i] for i in part], as_of, jobs=jobs, progress=progress)
        for i, f in zip(part, fresh, strict=True):
            if f is None:  # could not be analysed (reported): not cached, left out
                continue
            store.cache_findings(originals[i], f, as_of)
            found[i] = f
    log.info("analysed %d articles, %d from the cache", len(missing), len(articles) - len(missing))
    return [f for f in found if f is not None]


def build_digest_brief(
    store: Store, articles: Sequence[Article], cfg: Config, as_of: dt.date
) -> Brief:
    from briefing.build import check_citations, default_jobs
    from briefing.consolidate import consolidate
    from briefing.newsince import new_since

    findings = findings_for(store, articles, as_of, cfg.jobs or default_jobs(len(articles)))
    if not findings:
        raise InputError(f"none of the {len(articles)} new articles could be analysed")
    brief = consolidate(findings, as_of, cfg.title)
    check_citations(brief)
    previous = store.last_delivered()
    # The first digest has no last brief to compare with: no such section at all.
    if previous is not None:
        brief.new_since_last = new_since(brief, previous.keys)
    return brief


def _stem(store: Store, date: dt.date) -> str:
    used = store.stems_in_use()
    stem = f"brief-{date.isoformat()}"
    n = 2
    while stem in used:
        stem = f"brief-{date.isoformat()}-{n}"
        n += 1
    return stem


def write_digest_files(brief: Brief, cfg: Config, stem: str) -> list[Path]:
    """Dated files, and the same bytes as ``brief.*``: the latest digest."""
    from briefing.build import write_outputs

    formats = list(cfg.formats)
    if cfg.email is not None and "pdf" not in formats:
        formats.append("pdf")  # the mail attaches it
    out_dir = cfg.path(cfg.output)
    paths = write_outputs(brief, out_dir, formats, stem=stem, render=cfg.render_options())
    for p in paths:
        atomic_write_bytes(out_dir / f"brief{p.suffix}", p.read_bytes())
    return paths


def _deliver(store: Store, cfg: Config, digest: Digest) -> list[str]:
    """Send ``digest`` to every recipient it has not reached; mark it delivered."""
    from briefing.deliver import DeliveryError, send

    if digest.message is None:
        store.set_status(digest.id, "delivered")
        return []
    if cfg.email is None:
        raise BriefingError(f"digest of {digest.date} is pending but the config has no 'email'")
    remaining = digest.remaining
    sent: list[str] = []

    def done(rcpt: str) -> None:
        store.record_delivery(digest.id, rcpt)
        sent.append(rcpt)

    ca_file = str(cfg.path(cfg.email.ca_file)) if cfg.email.ca_file else None
    try:
        send(digest.message, remaining, cfg.email, on_sent=done, ca_file=ca_file)
    except DeliveryError as exc:
        left = store.get_digest(digest.id).remaining
        raise DeliveryError(
            f"{exc} (digest of {digest.date} stays pending for {', '.join(left)}; "
            "the next run delivers it)"
        ) from None
    store.set_status(digest.id, "delivered")
    return sent


def _finish_pending(store: Store, cfg: Config) -> list[int]:
    completed = []
    for d in store.pending_digests():
        if d.delivered_to:
            sent = _deliver(store, cfg, d)
            log.info("digest of %s: delivered to the rest: %s", d.date, ", ".join(sent) or "-")
            completed.append(d.id)
        else:
            # Nobody has it: rebuild it below with whatever arrived since.
            store.set_status(d.id, "superseded")
    return completed


def run_digest(cfg: Config, *, now: dt.datetime | None = None) -> DigestResult:
    now = now or dt.datetime.now(ZoneInfo(cfg.schedule.timezone))
    today = now.date()
    as_of = dt.date.fromisoformat(cfg.as_of) if cfg.as_of else today
    try:
        return _run_digest(cfg, now, today, as_of)
    finally:
        # The batch's objects were frozen out of the cyclic collector (analyze.paused_gc);
        # a scheduler lives on, so hand what is left of them back.
        gc.unfreeze()


def _run_digest(cfg: Config, now: dt.datetime, today: dt.date, as_of: dt.date) -> DigestResult:
    from briefing.deliver import build_message

    with Store(cfg.state_url) as store, store.lock("digest", LOCK_TTL):
        result = DigestResult("nothing-new")
        result.completed = _finish_pending(store, cfg)
        result.collected = collected = collect(cfg, store)
        k = collected.kinds
        log.info(
            "read %d sources (%d failed): %d new articles, %d already seen, %d duplicates",
            collected.sources,
            len(collected.failed),
            k["new"],
            k["seen"],
            k["duplicate"] + k["near-duplicate"],
        )
        articles = store.undelivered()
        if not articles:
            if collected.sources and len(collected.failed) == collected.sources:
                raise BriefingError(f"no source could be read ({', '.join(collected.failed)})")
            return result
        brief = build_digest_brief(store, articles, cfg, as_of)
        stem = _stem(store, today)
        paths = write_digest_files(brief, cfg, stem)
        store.record_brief(brief, brief_id=stem, kind="digest", paths=paths)  # the archive
        message: bytes | None = None
        subject = brief.title
        message_id = None
        if cfg.email is not None:
            pdf = next(p for p in paths if p.suffix == ".pdf")
            msg = build_message(
                brief,
                sender=cfg.email.from_,
                recipients=list(cfg.email.to),
                date=today,
                pdf=pdf.read_bytes(),
                pdf_name=pdf.name,
                when=now,
            )
            message, subject, message_id = msg.as_bytes(), str(msg["Subject"]), msg["Message-ID"]
        from briefing.newsince import brief_keys

        digest_id = store.create_digest(
            date=today.isoformat(),
            stem=stem,
            subject=subject,
            message_id=message_id,
            message=message,
            recipients=list(cfg.email.to) if cfg.email else [],
            keys=brief_keys(brief),
            article_ids=[a.id for a in articles],
        )
        result = DigestResult(
            "delivered" if cfg.email else "written",
            digest_id,
            len(articles),
            paths,
            completed=result.completed,
            collected=collected,
        )
        result.recipients = _deliver(store, cfg, store.get_digest(digest_id))
        return result


def cmd_digest(args: argparse.Namespace) -> int:
    cfg = load_config(args.config)
    try:
        result = run_digest(cfg)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise BriefingError(f"state database {cfg.state_url}: {reason}") from None
    if result.outcome == "nothing-new":
        log.info("nothing new since the last digest: nothing sent")
    elif result.outcome == "written":
        log.info(
            "digest of %d articles written (no 'email' in the config): %s",
            result.articles,
            ", ".join(str(p) for p in result.paths),
        )
    else:
        log.info(
            "digest of %d articles sent to %s: %s",
            result.articles,
            ", ".join(result.recipients),
            ", ".join(str(p) for p in result.paths),
        )
    return 0
