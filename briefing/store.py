"""The state database: articles, cached findings, digests and per-recipient deliveries.

SQLAlchemy, so any database URL works; a SQLite file by default. Every write commits at
once: a crash between two steps leaves a state the next run can finish from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import pickle
import re
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from briefing import dedup
from briefing.errors import BriefingError
from briefing.models import Article, ArticleFindings

log = logging.getLogger("briefing.store")

AddKind = Literal["new", "seen", "duplicate", "near-duplicate"]
DigestStatus = Literal["pending", "delivered", "superseded"]


class StoreError(BriefingError):
    pass


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ArticleRow(Base):
    __tablename__ = "articles"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(String(200), unique=True)
    # Where it came from: URL for feeds and pages, path for files.
    locator: Mapped[str] = mapped_column(String(2000), index=True)
    source: Mapped[str] = mapped_column(String(2000))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    shingles: Mapped[int | None] = mapped_column(Integer)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.pk"), index=True)
    similarity: Mapped[float | None]
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    text: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(String(2000))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str | None] = mapped_column(String(20))
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_basis: Mapped[str] = mapped_column(String(20), default="unknown")
    text_extracted: Mapped[bool] = mapped_column(Boolean, default=False)

    def to_article(self) -> Article:
        return Article(
            id=self.article_id,
            text=self.text,
            path=self.path,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            language=self.language,
            published=self.published,
            published_basis=self.published_basis,  # type: ignore[arg-type]
            text_extracted=self.text_extracted,
        )


class BandRow(Base):
    """Locality-sensitive buckets of canonical articles' MinHash signatures."""

    __tablename__ = "article_bands"
    # Band values already encode their band number (see dedup.bands): one IN lookup.
    __table_args__ = (Index("ix_article_bands_value", "value"),)

    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.pk"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class FindingsRow(Base):
    __tablename__ = "findings_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(200))
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DigestRow(Base):
    __tablename__ = "digests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    date: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    stem: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(1000))
    message_id: Mapped[str | None] = mapped_column(String(500))
    # The exact bytes sent, so a retry sends every remaining recipient the same message.
    message: Mapped[bytes | None] = mapped_column(LargeBinary)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    keys: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    delivered: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class DigestArticleRow(Base):
    __tablename__ = "digest_articles"

    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id"), primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.pk"), primary_key=True)


class DeliveryRow(Base):
    __tablename__ = "deliveries"

    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id"), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(500), primary_key=True)
    delivered: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class BriefRow(Base):
    """The archive: every brief made for this state database, by ``serve``, ``digest`` or
    ``schedule``, with what a reader searches on and where its files are."""

    __tablename__ = "briefs"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(1000))
    as_of: Mapped[str] = mapped_column(String(10), index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    articles: Mapped[int] = mapped_column(Integer)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Actors' names as shown, most salient first, and every spelling casefolded for search.
    actors: Mapped[list[str]] = mapped_column(JSON, default=list)
    actor_search: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[str | None] = mapped_column(String(10))
    until: Mapped[str | None] = mapped_column(String(10))
    # Format -> absolute file path.
    paths: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class LockRow(Base):
    __tablename__ = "locks"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    holder: Mapped[str] = mapped_column(String(500))
    expires: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True, slots=True)
class Added:
    kind: AddKind
    article_id: str
    duplicate_of: str | None = None
    similarity: float | None = None
    # A shorter, undelivered version this fuller article replaces in the queue.
    supersedes: str | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    id: int
    date: str
    status: str
    stem: str
    subject: str
    message_id: str | None
    message: bytes | None
    recipients: list[str]
    keys: dict[str, list[str]]
    delivered_to: frozenset[str]

    @property
    def remaining(self) -> list[str]:
        return [r for r in self.recipients if r.lower() not in self.delivered_to]


@dataclass(frozen=True, slots=True)
class ArchivedBrief:
    id: str
    kind: str
    title: str
    as_of: str
    created: dt.datetime
    articles: int
    languages: list[str]
    actors: list[str]
    since: str | None
    until: str | None
    paths: dict[str, str]


def _archived(row: BriefRow) -> ArchivedBrief:
    return ArchivedBrief(
        id=row.id,
        kind=row.kind,
        title=row.title,
        as_of=row.as_of,
        created=row.created,
        articles=row.articles,
        languages=list(row.languages or []),
        actors=list(row.actors or []),
        since=row.since,
        until=row.until,
        paths=dict(row.paths or {}),
    )


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Extraction code and data that findings depend on: a change to any of them must
# invalidate cached findings.
_EXTRACTION_PARTS = ("analyze.py", "models.py", "extract", "nlp", "data")


@cache
def extractor_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    try:
        h.update(version("briefing").encode())
    except PackageNotFoundError:
        h.update(b"unknown")
    root = resources.files("briefing")
    for part in _EXTRACTION_PARTS:
        base = Path(str(root.joinpath(part)))
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for f in files:
            if f.is_file() and f.suffix in {".py", ".yaml", ".yml", ".json", ".txt"}:
                h.update(str(f.relative_to(Path(str(root)))).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def findings_key(article: Article, content: str, as_of: dt.date) -> str:
    # Metadata the extractors read (language, publication date) is part of the key: the
    # same text published on another day resolves "tomorrow" differently. Undated
    # articles fall back on the brief's date, so it counts for them only.
    parts = (
        content,
        article.language or "",
        article.published.isoformat() if article.published else f"as-of {as_of}",
        article.published_basis,
        extractor_version(),
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _slug(value: str) -> str:
    return re.sub(r"[^\w.-]+", "-", value).strip("-")[:120] or "article"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _record: Any) -> None:
            cur = conn.cursor()
            # WAL: the scheduler's job store and a running digest write without
            # blocking each other's readers.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
            Base.metadata.create_all(self.engine)
            self._check_schema()
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"state database {url}: {_reason(exc)}") from None

    def _check_schema(self) -> None:
        """create_all adds missing tables, never missing columns: say so plainly."""
        found = inspect(self.engine)
        for table in Base.metadata.sorted_tables:
            have = {c["name"] for c in found.get_columns(table.name)}
            missing = sorted(c.name for c in table.columns if c.name not in have)
            if missing:
                raise StoreError(
                    f"state database {self.url}: table {table.name} lacks {', '.join(missing)} "
                    "(made by an older briefing); move it aside to start a new one"
                )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- articles -------------------------------------------------------------------

    def known_locator(self, locator: str) -> bool:
        with self.session() as s:
            return s.scalar(select(ArticleRow.pk).where(ArticleRow.locator == locator)) is not None

    def add(self, article: Article, locator: str, source: str) -> Added:
        """Record ``article``; say whether it is new, already seen, or a (near) duplicate."""
        return self.add_many([(article, locator)], source)[0]

    def add_many(self, items: Sequence[tuple[Article, str]], source: str) -> list[Added]:
        """``add`` for a source's articles in one transaction (one commit, not one each)."""
        with self.session() as s:
            out = [self._add(s, art, locator, source) for art, locator in items]
            s.commit()
            return out

    def _add(self, s: Session, article: Article, locator: str, source: str) -> Added:
        digest = dedup.content_hash(article.text)
        seen = s.scalar(
            select(ArticleRow).where(
                ArticleRow.locator == locator, ArticleRow.content_hash == digest
            )
        )
        if seen is not None:
            return Added("seen", seen.article_id)
        sig, size = dedup.signature_and_size(article.text)
        twin = s.scalar(
            select(ArticleRow).where(
                ArticleRow.content_hash == digest, ArticleRow.duplicate_of.is_(None)
            )
        )
        kind: AddKind = "new"
        original: ArticleRow | None = None
        shorter: ArticleRow | None = None
        score: float | None = None
        if twin is not None:
            kind, original, score = "duplicate", twin, 1.0
        else:
            match = self._nearest(s, sig, size)
            if match is not None:
                cand, score, newcomer_larger = match
                if newcomer_larger and not self._delivered(s, cand.pk):
                    shorter = cand  # keep the fuller text, drop the summary from the queue
                elif not newcomer_larger:
                    kind, original = "near-duplicate", cand
        row = ArticleRow(
            article_id=self._free_id(s, article.id, digest),
            locator=locator,
            source=source,
            content_hash=digest,
            minhash=dedup.to_bytes(sig),
            shingles=size,
            duplicate_of=original.pk if original is not None else None,
            similarity=score if original is not None else None,
            text=article.text,
            path=article.path,
            url=article.url,
            title=article.title,
            outlet=article.outlet,
            language=article.language,
            published=article.published,
            published_basis=article.published_basis,
            text_extracted=article.text_extracted,
        )
        s.add(row)
        s.flush()
        if original is None:
            s.execute(
                insert(BandRow.__table__),
                [
                    {"article_pk": row.pk, "band": i, "value": v}
                    for i, v in enumerate(dedup.bands(sig))
                ],
            )
        if shorter is not None:
            shorter.duplicate_of, shorter.similarity = row.pk, score
            s.execute(delete(BandRow).where(BandRow.article_pk == shorter.pk))
            # Anything that pointed at the summary now points at the full text.
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.duplicate_of == shorter.pk)
                .values(duplicate_of=row.pk)
            )
            s.flush()
        return Added(
            kind,
            row.article_id,
            original.article_id if original is not None else None,
            score if original is not None else None,
            shorter.article_id if shorter is not None else None,
        )

    def _nearest(self, s: Session, sig: Any, size: int) -> tuple[ArticleRow, float, bool] | None:
        """The closest stored story: (row, score, newcomer is the larger text), or None.

        Near-duplicates by Jaccard similarity come first; failing that, one text almost
        wholly contained in the other (a summary and its article) also counts.
        """
        keys = dedup.bands(sig)
        candidates = s.scalars(
            select(BandRow.article_pk).where(BandRow.value.in_(keys)).distinct()
        ).all()
        best: tuple[ArticleRow, float, bool] | None = None
        best_key = (0, 0.0)
        for pk in candidates:
            row = s.get(ArticleRow, pk)
            if row is None:
                continue
            jac = dedup.similarity(sig, dedup.from_bytes(row.minhash))
            if jac >= dedup.NEAR_DUPLICATE:
                key, score, larger = (2, jac), jac, False
            elif (
                row.shingles
                and min(size, row.shingles) >= dedup.MIN_CONTAINED_SHINGLES
                and (c := dedup.containment(jac, size, row.shingles)) >= dedup.CONTAINED
            ):
                key, score, larger = (1, c), c, size > row.shingles
            else:
                continue
            if key > best_key:
                best, best_key = (row, score, larger), key
        return best

    @staticmethod
    def _delivered(s: Session, pk: int) -> bool:
        return (
            s.scalar(
                select(DigestArticleRow.article_pk)
                .join(DigestRow, DigestRow.id == DigestArticleRow.digest_id)
                .where(DigestArticleRow.article_pk == pk, DigestRow.status == "delivered")
                .limit(1)
            )
            is not None
        )

    @staticmethod
    def _free_id(s: Session, base: str, digest: str) -> str:
        base = _slug(base)
        for candidate in (base, f"{base}-{digest[:8]}"):
            if s.scalar(select(ArticleRow.pk).where(ArticleRow.article_id == candidate)) is None:
                return candidate
        n = 2
        while s.scalar(select(ArticleRow.pk).where(ArticleRow.article_id == f"{base}-{n}")):
            n += 1
        return f"{base}-{n}"

    def undelivered(self) -> list[Article]:
        """Canonical articles (no duplicates) that no delivered digest carried yet."""
        delivered = (
            select(DigestArticleRow.article_pk)
            .join(DigestRow, DigestRow.id == DigestArticleRow.digest_id)
            .where(DigestRow.status == "delivered")
        )
        with self.session() as s:
            rows = s.scalars(
                select(ArticleRow)
                .where(ArticleRow.duplicate_of.is_(None), ArticleRow.pk.not_in(delivered))
                .order_by(ArticleRow.pk)
            ).all()
            return [r.to_article() for r in rows]

    def counts(self) -> dict[str, int]:
        with self.session() as s:
            total = s.scalar(select(func.count(ArticleRow.pk))) or 0
            dups = s.scalar(
                select(func.count(ArticleRow.pk)).where(ArticleRow.duplicate_of.is_not(None))
            )
            return {"articles": total, "duplicates": dups or 0}

    # -- cached findings ------------------------------------------------------------

    def cached_findings(self, article: Article, as_of: dt.date) -> ArticleFindings | None:
        key = findings_key(article, dedup.content_hash(article.text), as_of)
        with self.session() as s:
            row = s.get(FindingsRow, key)
        if row is None or row.article_id != article.id:
            return None
        try:
            found = pickle.loads(row.data)  # our own database, written below
        except Exception:  # an unreadable entry is only a cache miss
            return None
        if not isinstance(found, ArticleFindings) or found.article.text != article.text:
            return None
        # Keep what analysis inferred (language, date); refresh what ingest knows.
        for attr in ("title", "outlet", "url", "path"):
            setattr(found.article, attr, getattr(article, attr))
        return found

    def cache_findings(self, original: Article, findings: ArticleFindings, as_of: dt.date) -> None:
        """Cache under the metadata the article had *before* analysis filled any in."""
        key = findings_key(original, dedup.content_hash(original.text), as_of)
        data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        with self.session() as s:
            s.merge(FindingsRow(key=key, article_id=original.id, data=data, created=_now()))
            s.commit()

    # -- digests --------------------------------------------------------------------

    def _digest(self, s: Session, row: DigestRow) -> Digest:
        done = s.scalars(select(DeliveryRow.recipient).where(DeliveryRow.digest_id == row.id))
        return Digest(
            id=row.id,
            date=row.date,
            status=row.status,
            stem=row.stem,
            subject=row.subject,
            message_id=row.message_id,
            message=row.message,
            recipients=list(row.recipients or []),
            keys=dict(row.keys or {}),
            delivered_to=frozenset(r.lower() for r in done),
        )

    def pending_digests(self) -> list[Digest]:
        with self.session() as s:
            rows = s.scalars(
                select(DigestRow).where(DigestRow.status == "pending").order_by(DigestRow.id)
            ).all()
            return [self._digest(s, r) for r in rows]

    def last_delivered(self) -> Digest | None:
        with self.session() as s:
            row = s.scalars(
                select(DigestRow)
                .where(DigestRow.status == "delivered")
                .order_by(DigestRow.id.desc())
                .limit(1)
            ).first()
            return self._digest(s, row) if row is not None else None

    def get_digest(self, digest_id: int) -> Digest:
        with self.session() as s:
            row = s.get(DigestRow, digest_id)
            if row is None:
                raise StoreError(f"no digest {digest_id} in {self.url}")
            return self._digest(s, row)

    def stems_in_use(self) -> set[str]:
        with self.session() as s:
            return set(
                s.scalars(select(DigestRow.stem).where(DigestRow.status != "superseded")).all()
            )

    def create_digest(
        self,
        *,
        date: str,
        stem: str,
        subject: str,
        message_id: str | None,
        message: bytes | None,
        recipients: Sequence[str],
        keys: dict[str, list[str]],
        article_ids: Sequence[str],
    ) -> int:
        with self.session() as s:
            row = DigestRow(
                date=date,
                stem=stem,
                subject=subject,
                message_id=message_id,
                message=message,
                recipients=list(recipients),
                keys=keys,
                status="pending",
            )
            s.add(row)
            s.flush()
            pks = s.scalars(select(ArticleRow.pk).where(ArticleRow.article_id.in_(article_ids)))
            s.add_all(DigestArticleRow(digest_id=row.id, article_pk=pk) for pk in pks)
            s.commit()
            return row.id

    def record_delivery(self, digest_id: int, recipient: str) -> None:
        with self.session() as s:
            s.merge(DeliveryRow(digest_id=digest_id, recipient=recipient.lower(), delivered=_now()))
            s.commit()

    def set_status(self, digest_id: int, status: DigestStatus) -> None:
        with self.session() as s:
            row = s.get(DigestRow, digest_id)
            if row is None:
                raise StoreError(f"no digest {digest_id} in {self.url}")
            row.status = status
            if status == "delivered":
                row.delivered = _now()
            s.commit()

    def digest_articles(self, digest_id: int) -> list[str]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(ArticleRow.article_id)
                    .join(DigestArticleRow, DigestArticleRow.article_pk == ArticleRow.pk)
                    .where(DigestArticleRow.digest_id == digest_id)
                    .order_by(ArticleRow.pk)
                )
            )

    # -- stored articles by period ---------------------------------------------------

    def articles_between(self, since: dt.date | None, until: dt.date | None) -> list[Article]:
        """Canonical articles (no duplicates) published in [since, until]; every one when
        both are None. An article without a publication date counts only then."""
        query = select(ArticleRow).where(ArticleRow.duplicate_of.is_(None))
        if since is not None:
            query = query.where(ArticleRow.published >= since)
        if until is not None:
            query = query.where(ArticleRow.published <= until)
        with self.session() as s:
            return [r.to_article() for r in s.scalars(query.order_by(ArticleRow.pk)).all()]

    # -- the archive of briefs ----------------------------------------------------------

    def record_brief(
        self,
        brief: Any,
        *,
        brief_id: str,
        kind: str,
        paths: Sequence[Path],
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> bool:
        """Add ``brief`` (a ``models.Brief``) and its files to the archive, replacing an
        entry of the same id (a digest rebuilt under its stem). The archive is an index: a
        failure to write it is logged, never raised, so no delivery waits on it."""
        languages = sorted({a.language for a in brief.sources if a.language})
        names: list[str] = []
        spellings: set[str] = set()
        for actor in brief.actors:
            names.append(actor.name)
            spellings.add(actor.name.casefold())
            spellings.update(f.casefold() for f in actor.surface_forms)
        row = BriefRow(
            id=brief_id,
            kind=kind,
            title=brief.title,
            as_of=brief.as_of.isoformat(),
            created=_now(),
            articles=len(brief.sources),
            languages=languages,
            actors=names[:200],
            actor_search="\n".join(sorted(spellings)),
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
            paths={p.suffix.lstrip("."): str(Path(p).resolve()) for p in paths},
        )
        try:
            with self.session() as s:
                s.merge(row)
                s.commit()
        except SQLAlchemyError as exc:
            log.warning("archive: brief %s not recorded: %s", brief_id, _reason(exc))
            return False
        return True

    def archived_briefs(
        self,
        *,
        actor: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 50,
    ) -> list[ArchivedBrief]:
        """Briefs newest first; ``actor`` matches any spelling of an actor's name (a part of
        it, case-insensitively), ``since``/``until`` bound the as-of date."""
        query = select(BriefRow)
        if actor and actor.strip():
            needle = f"%{_like_escape(actor.strip().casefold())}%"
            query = query.where(BriefRow.actor_search.like(needle, escape="\\"))
        if since is not None:
            query = query.where(BriefRow.as_of >= since.isoformat())
        if until is not None:
            query = query.where(BriefRow.as_of <= until.isoformat())
        query = query.order_by(BriefRow.created.desc(), BriefRow.id.desc()).limit(limit)
        with self.session() as s:
            return [_archived(r) for r in s.scalars(query).all()]

    def archived_brief(self, brief_id: str) -> ArchivedBrief | None:
        with self.session() as s:
            row = s.get(BriefRow, brief_id)
            return _archived(row) if row is not None else None

    # -- a lock across processes (cron and a manual run at once) ----------------------

    @contextlib.contextmanager
    def lock(self, name: str, ttl: dt.timedelta) -> Iterator[None]:
        holder = f"{socket.gethostname()}:{os.getpid()}"
        self._acquire(name, holder, ttl)
        try:
            yield
        finally:
            with self.session() as s:
                s.execute(delete(LockRow).where(LockRow.name == name, LockRow.holder == holder))
                s.commit()

    def _acquire(self, name: str, holder: str, ttl: dt.timedelta) -> None:
        for _ in range(2):
            now = _now()
            with self.session() as s:
                # A holder that died without releasing leaves a row that expires...
                s.execute(delete(LockRow).where(LockRow.name == name, LockRow.expires < now))
                s.add(LockRow(name=name, holder=holder, expires=now + ttl))
                try:
                    s.commit()
                    return
                except IntegrityError:
                    s.rollback()
                    other = s.get(LockRow, name)
                    who = other.holder if other is not None else "another process"
                    # ...or, on this machine, is seen to be gone at once.
                    if other is not None and _dead_local(other.holder):
                        s.delete(other)
                        s.commit()
                        continue
                    raise StoreError(f"another digest run is in progress ({who})") from None
        raise StoreError(f"could not take the {name} lock in {self.url}")


def _dead_local(holder: str) -> bool:
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]
