"""Files and folders to ``Article``s: .txt/.md, .html/.htm, .json/.jsonl records.

A folder may hold ``metadata.yaml`` mapping file names to known metadata (title, outlet,
published, language, url); it is read, never ingested as an article.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import InputError
from briefing.models import Article

log = logging.getLogger("briefing.ingest")

TEXT_EXT = {".txt", ".md", ".markdown"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
METADATA_NAMES = {"metadata.yaml", "metadata.yml"}
MAX_BYTES = 20 * 1024 * 1024


class SkipArticle(Exception):
    """An article that cannot be used; the message says why (one line)."""


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 with a leading BOM removed; other encodings detected, with a warning."""
    if not data.strip():
        raise SkipArticle("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SkipArticle("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise SkipArticle("undecodable: not UTF-8 and no other encoding fits") from None
        text = str(best)
        log.warning("%s: not UTF-8, decoded as %s", name, best.encoding)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SkipArticle("empty file")
    if _control_ratio(text) > 0.05:
        raise SkipArticle("binary file, not text")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def _apply_meta(article: Article, meta: dict[str, Any]) -> None:
    for key in ("title", "outlet", "url", "language"):
        if meta.get(key):
            setattr(article, key, str(meta[key]))
    published = parse_date(meta.get("published"))
    if published is not None:
        article.published = published
        article.published_basis = "metadata"


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text of an HTML page and what metadata it states (title, date, outlet)."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    meta: dict[str, Any] = {}
    try:
        doc = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises various errors on odd markup
        doc = None
    if doc is not None:
        meta = {"title": doc.title, "published": doc.date, "outlet": doc.sitename}
    return (text or "").strip(), meta


def _record_article(rec: Any, rid: str, origin: str) -> Article:
    if not isinstance(rec, dict):
        raise SkipArticle("JSON record is not an object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SkipArticle("JSON record has no 'text'")
    art = Article(id=str(rec.get("id") or rid), text=text, path=origin, text_extracted=True)
    _apply_meta(art, rec)
    return art


def read_file(path: Path, article_id: str) -> list[Article]:
    """Articles in one file; raises ``SkipArticle`` when the file is unusable."""
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SkipArticle(f"too large ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise SkipArticle(f"cannot read: {exc.strerror or exc}") from None
    text = decode_text(data, str(path))
    if ext in TEXT_EXT:
        return [Article(id=article_id, text=text, path=display_path(path))]
    if ext in HTML_EXT:
        body, meta = html_to_text(text)
        if not body:
            raise SkipArticle("no article text found in the HTML")
        art = Article(id=article_id, text=body, path=display_path(path), text_extracted=True)
        _apply_meta(art, meta)
        return [art]
    if ext in JSON_EXT:
        try:
            data_obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SkipArticle(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        if isinstance(data_obj, dict):
            return [_record_article(data_obj, article_id, display_path(path))]
        records = data_obj if isinstance(data_obj, list) else [data_obj]
        return _records(records, article_id, display_path(path))
    if ext in JSONL_EXT:
        records = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                log.warning("%s: line %d: invalid JSON (%s), skipped", path, n, exc.msg)
        return _records(records, article_id, display_path(path))
    raise SkipArticle(f"unknown file type '{ext or '(none)'}'")


def _records(records: Iterable[Any], base_id: str, origin: str) -> list[Article]:
    out = []
    for n, rec in enumerate(records, 1):
        try:
            out.append(_record_article(rec, f"{base_id}-{n}", origin))
        except SkipArticle as exc:
            log.warning("%s: record %d skipped: %s", origin, n, exc)
    if not out:
        raise SkipArticle("no usable records")
    return out


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies under it (stable in outputs)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(p.startswith(".") for p in child.parts[-1:]):
                yield child
    else:
        yield path


def _folder_metadata(folder: Path) -> dict[str, dict[str, Any]]:
    for name in METADATA_NAMES:
        meta_path = folder / name
        if meta_path.is_file():
            try:
                data = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                log.warning("%s: unreadable metadata (%s), ignored", meta_path, exc)
                return {}
            if not isinstance(data, dict):
                log.warning("%s: metadata must map file names to fields, ignored", meta_path)
                return {}
            return {str(k): v for k, v in data.items() if isinstance(v, dict)}
    return {}


def load_paths(paths: Iterable[str | Path]) -> list[Article]:
    """Read every input path (files or folders). Missing paths are an ``InputError``."""
    articles: list[Article] = []
    seen_ids: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise InputError(f"{root}: input path does not exist")
        for file in _walk(root):
            if file.name in METADATA_NAMES:
                continue
            meta = _folder_metadata(file.parent).get(file.name, {})
            if file.suffix.lower() not in TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT:
                log.warning("%s: skipped: unknown file type '%s'", file, file.suffix or "(none)")
                continue
            try:
                found = read_file(file, file.stem)
            except SkipArticle as exc:
                log.warning("%s: skipped: %s", file, exc)
                continue
            for art in found:
                art.id = _unique(art.id, seen_ids)
                seen_ids.add(art.id)
                if meta:
                    _apply_meta(art, meta)
                articles.append(art)
    return articles


def _unique(base: str, seen: set[str]) -> str:
    slug = re.sub(r"[^\w.-]+", "-", base).strip("-") or "article"
    if slug not in seen:
        return slug
    n = 2
    while f"{slug}-{n}" in seen:
        n += 1
    return f"{slug}-{n}"
