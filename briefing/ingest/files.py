"""Files and folders to ``Article``s: .txt/.md, .html/.htm, .json/.jsonl records.

A folder may hold ``metadata.yaml`` mapping file names to known metadata (title, outlet,
published, language, url); it is read, never ingested as an article.

Hostile input never stops a batch: a file or record that cannot be used is skipped with a
one-line warning naming the file (and the line, for JSON Lines) and the reason; what can
be read of a damaged file is kept (NUL bytes and undecodable lines replaced, offsets
kept, the text then carried in the brief so that citations stay checkable).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
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
MAX_BYTES = 20 * 1024 * 1024  # a file larger than this is not read (JSON Lines: a line)
# An article's text longer than this is skipped: beyond it analysis is too slow and too
# large to be worth it (about 2,500 pages). Texts above ``analyze.PIECE_CHARS`` are
# analysed in paragraph-aligned pieces.
MAX_TEXT_CHARS = 5_000_000
MAX_NESTING = 200  # HTML nested deeper than this defeats the main-text extractor
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class SkipArticle(Exception):
    """An article that cannot be used; the message says why (one line)."""


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 with a leading BOM removed; other encodings detected, with a warning."""
    return read_text(data, name)[0]


def read_text(data: bytes, name: str) -> tuple[str, bool]:
    """The text of ``data`` and whether it differs from the bytes decoded as UTF-8 (stray
    NUL bytes replaced, lines in another encoding than the rest): such a text is carried
    in the brief. Raises ``SkipArticle`` for empty, binary or undecodable data."""
    if not data.strip():
        raise SkipArticle("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, where NUL bytes are text
        return _detected(data, name), False
    if _control_ratio_bytes(data) > 0.05:
        raise SkipArticle("binary file, not text")
    altered = False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, altered = _mixed(data, name)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SkipArticle("empty file")
    if _control_ratio(text) > 0.05:
        raise SkipArticle("binary file, not text")
    if _CONTROL.search(text):
        lines = sorted({text.count("\n", 0, m.start()) + 1 for m in _CONTROL.finditer(text)})
        shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
        log.warning("%s: line %s: control characters (NUL, ...) replaced by spaces", name, shown)
        text = _CONTROL.sub(" ", text)  # same length: offsets kept
        altered = True
    return text, altered


def _detected(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise SkipArticle("undecodable: not UTF-8 and no other encoding fits")
    log.warning("%s: not UTF-8, decoded as %s", name, best.encoding)
    return str(best)


def _mixed(data: bytes, name: str) -> tuple[str, bool]:
    """Bytes that are not UTF-8 as a whole: UTF-8 lines kept, the others decoded in the
    encoding detected for them (a file pasted together from several sources). A file
    with no UTF-8 line at all is decoded in its detected encoding, as before."""
    lines = data.splitlines(keepends=True)
    bad: list[int] = []
    out: list[str | None] = []
    for n, line in enumerate(lines):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(None)
            bad.append(n)
    ascii_only = all(not any(b > 127 for b in lines[n]) for n, o in enumerate(out) if o)
    if len(bad) == len(lines) or ascii_only:
        return _detected(data, name), False
    encoding = _fitting_encoding(
        b"".join(lines[n] for n in bad), "".join(o for o in out if o is not None)
    )
    for n in bad:
        out[n] = lines[n].decode(encoding, errors="replace")
    shown = ", ".join(str(n + 1) for n in bad[:5]) + (", ..." if len(bad) > 5 else "")
    log.warning("%s: line %s: not UTF-8 like the rest, decoded as %s", name, shown, encoding)
    return "".join(o or "" for o in out), True


# Legacy encodings tried besides what charset_normalizer proposes for a few lines (too
# few bytes for it to tell the languages of one script apart).
_LEGACY = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1256", "cp1257", "koi8-r")


def _fitting_encoding(data: bytes, context: str) -> str:
    """The encoding of ``data`` (a few lines) whose letters best fit ``context``, the
    UTF-8 text around them: letters found there, or of a script found there."""
    import unicodedata

    from charset_normalizer import from_bytes

    def script(ch: str) -> str:
        return unicodedata.name(ch, "?").split(" ")[0]

    seen = {ch for ch in context if ord(ch) > 127}
    scripts = {script(ch) for ch in seen if ch.isalpha()}
    proposed = [m.encoding for m in from_bytes(data) if m.encoding]
    best, best_score = "cp1252", None
    for encoding in dict.fromkeys([*proposed, *_LEGACY]):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = sum(
            2 if ch in seen else 1 if ch.isalpha() and script(ch) in scripts else -1
            for ch in text
            if ord(ch) > 127
        )
        if best_score is None or score > best_score:
            best, best_score = encoding, score
    return best


# Control characters other than the four of plain text (tab, line feed, form feed,
# carriage return): counted at C speed (a loop over every character cost 0.25 ms a file).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\n\r\t\f")
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")


def _control_ratio_bytes(data: bytes) -> float:
    sample = data[:8192]
    bad = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bad / max(1, len(sample))


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = len(_CONTROL_CHARS.findall(sample))
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


def _apply_meta(article: Article, meta: dict[str, Any], where: str | None = None) -> None:
    """Lay ``meta`` over ``article``. With ``where`` (metadata someone wrote: a record, a
    ``metadata.yaml`` entry), a field of the wrong type or a date that cannot be read is
    reported there and ignored; a page's guessed metadata is ignored silently."""
    for key in ("title", "outlet", "url", "language"):
        value = meta.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            setattr(article, key, _clean(str(value)))
        elif where:
            log.warning("%s: '%s' is %s, not text: ignored", where, key, _kind(value))
    raw = meta.get("published")
    published = parse_date(raw)
    if published is not None:
        article.published = published
        article.published_basis = "metadata"
    elif where and raw not in (None, ""):
        shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:40] + "..."
        log.warning(
            "%s: 'published' %s is not a date: ignored, the date is inferred from the text",
            where,
            shown,
        )


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", bool: "a boolean", int: "a number"}
    return kinds.get(type(value), "a number" if isinstance(value, float) else "not text")


def _clean(value: str) -> str:
    """A metadata string on one line, without control characters."""
    return " ".join(_CONTROL.sub(" ", value).split())[:2000]


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text of an HTML page and what metadata it states (title, date, outlet)."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception:  # trafilatura and lxml raise various errors on odd markup
        text = None
    meta: dict[str, Any] = {}
    try:
        doc = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises various errors on odd markup
        doc = None
    if doc is not None:
        meta = {"title": doc.title, "published": doc.date, "outlet": doc.sitename}
    return (text or "").strip(), meta


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def nesting_depth(html: str) -> int:
    """How deep elements nest (unclosed void elements ignored); stops counting early."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m[2].lower()
        if name in _VOID or m[3]:
            continue
        if m[1]:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    break
    return deepest


def plain_html_text(html: str) -> str:
    """Every element's text, one paragraph per block element, script and style left out:
    for pages nested too deep for the main-text extractor (a non-recursive parser)."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
    blocks |= {"article", "blockquote", "td", "title"}
    parts: list[str] = []
    skip = [0]

    class _Text(HTMLParser):
        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in {"script", "style"}:
                skip[0] += 1
            elif tag in blocks:
                parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in {"script", "style"}:
                skip[0] = max(0, skip[0] - 1)
            elif tag in blocks:
                parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if not skip[0]:
                parts.append(data)

    parser = _Text(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts)))
    return "\n\n".join(p for p in paras if p)


def _html_article(text: str, article_id: str, origin: str) -> Article:
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        body, meta = plain_html_text(text), {}
        log.warning(
            "%s: markup nested deeper than %d levels: text taken from every element",
            origin,
            MAX_NESTING,
        )
    else:
        body, meta = html_to_text(text)
    if not body:
        raise SkipArticle("no article text found in the HTML")
    art = Article(id=article_id, text=body, path=origin, text_extracted=True)
    _apply_meta(art, meta)
    return art


def _record_article(rec: Any, rid: str, origin: str, where: str) -> Article:
    if not isinstance(rec, dict):
        raise SkipArticle(f"JSON record is {_kind(rec) if not isinstance(rec, str) else 'text'}")
    text = rec.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise SkipArticle("JSON record has no 'text'")
    if not isinstance(text, str):
        raise SkipArticle(f"JSON record's 'text' is {_kind(text)}, not a string")
    if len(text) > MAX_TEXT_CHARS:
        raise SkipArticle(f"text too long ({len(text)} characters; limit {MAX_TEXT_CHARS})")
    if _CONTROL.search(text):
        log.warning("%s: control characters (NUL, ...) in 'text' replaced by spaces", where)
        text = _CONTROL.sub(" ", text)
    raw_id = rec.get("id")
    ident = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else rid
    art = Article(id=ident, text=text, path=origin, text_extracted=True)
    _apply_meta(art, rec, where)
    return art


def read_file(path: Path, article_id: str) -> list[Article]:
    """Articles in one file; raises ``SkipArticle`` when the file is unusable."""
    ext = path.suffix.lower()
    if ext in JSONL_EXT:
        return _read_jsonl(path, article_id)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SkipArticle(f"too large ({size} bytes; limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise SkipArticle(f"cannot read: {exc.strerror or exc}") from None
    text, altered = read_text(data, str(path))
    del data
    if ext in TEXT_EXT:
        if len(text) > MAX_TEXT_CHARS:
            raise SkipArticle(f"text too long ({len(text)} characters; limit {MAX_TEXT_CHARS})")
        return [Article(id=article_id, text=text, path=display_path(path), text_extracted=altered)]
    if ext in HTML_EXT:
        art = _html_article(text, article_id, display_path(path))
        if len(art.text) > MAX_TEXT_CHARS:
            raise SkipArticle(f"text too long ({len(art.text)} characters; limit {MAX_TEXT_CHARS})")
        return [art]
    if ext in JSON_EXT:
        try:
            data_obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SkipArticle(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        except RecursionError:
            raise SkipArticle("invalid JSON: nested too deep") from None
        origin = display_path(path)
        if isinstance(data_obj, dict):
            return [_record_article(data_obj, article_id, origin, str(path))]
        records = data_obj if isinstance(data_obj, list) else [data_obj]
        return _records(
            ((n, rec, f"{path}: record {n}") for n, rec in enumerate(records, 1)),
            article_id,
            origin,
        )
    raise SkipArticle(f"unknown file type '{ext or '(none)'}'")


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of every non-blank line, ``None`` for a line longer than
    ``MAX_BYTES`` (read past in blocks, never held whole)."""
    with path.open("rb") as fh:
        n = 0
        while True:
            line = fh.readline(MAX_BYTES + 1)
            if not line:
                return
            n += 1
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = fh.readline(1 << 20)
                yield n, None
                continue
            if line.strip():
                yield n, line


def _read_jsonl(path: Path, article_id: str) -> list[Article]:
    origin = display_path(path)

    def records() -> Iterator[tuple[int, Any, str]]:
        seen = False
        for n, raw in _jsonl_lines(path):
            where = f"{path}: line {n}"
            seen = True
            if raw is None:
                log.warning("%s: skipped: line longer than %d bytes", where, MAX_BYTES)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = _detected(raw, where)
                except SkipArticle as exc:
                    log.warning("%s: skipped: %s", where, exc)
                    continue
            try:
                yield n, json.loads(line.strip()), where
            except json.JSONDecodeError as exc:
                reason = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
                log.warning("%s: skipped: invalid JSON (%s)", where, reason)
            except RecursionError:
                log.warning("%s: skipped: invalid JSON (nested too deep)", where)
        if not seen:
            raise SkipArticle("empty file")

    try:
        return _records(records(), article_id, origin)
    except OSError as exc:
        raise SkipArticle(f"cannot read: {exc.strerror or exc}") from None


def _records(records: Iterable[tuple[int, Any, str]], base_id: str, origin: str) -> list[Article]:
    out = []
    # Ids count the records read, as they always have (blank and broken lines not).
    for k, (_n, rec, where) in enumerate(records, 1):
        try:
            art = _record_article(rec, f"{base_id}-{k}", origin, where)
            art.line = _n if origin.endswith(tuple(JSONL_EXT)) else None
            out.append(art)
        except SkipArticle as exc:
            log.warning("%s: skipped: %s", where, exc)
    if not out:
        raise SkipArticle("no usable records")
    return out


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies under it (stable in outputs)."""
    cwd = os.getcwd()
    # ``path.resolve()``, its folder resolved once per folder (resolving walks every
    # component of the path: most of reading a small file); a link resolved itself.
    if path.is_symlink() or path.name in ("", ".", ".."):
        full = path.resolve()
    else:
        full = _resolved(cwd, str(path.parent)) / path.name
    try:
        return str(full.relative_to(_resolved(cwd, cwd)))
    except ValueError:
        return str(path)


@lru_cache(maxsize=256)
def _resolved(cwd: str, folder: str) -> Path:
    """``Path(folder).resolve()`` from working folder ``cwd``, kept for the batch being
    read (:func:`load_paths` clears it)."""
    return Path(folder).resolve()


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
            except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
                reason = " ".join(str(exc).split())[:200]
                log.warning("%s: unreadable metadata (%s), ignored", meta_path, reason)
                return {}
            if not isinstance(data, dict):
                log.warning("%s: metadata must map file names to fields, ignored", meta_path)
                return {}
            return {str(k): v for k, v in data.items() if isinstance(v, dict)}
    return {}


def load_paths(paths: Iterable[str | Path]) -> list[Article]:
    """Read every input path (files or folders). Missing paths are an ``InputError``, and
    so is an input whose files are all unusable (each named in a warning); an input with
    no file at all gives no article."""
    paths = list(paths)
    _resolved.cache_clear()  # folders resolved afresh for each batch
    articles: list[Article] = []
    seen_ids: set[str] = set()
    folder_meta: dict[Path, dict[str, dict[str, Any]]] = {}
    files = 0
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise InputError(f"{root}: input path does not exist")
        for file in _walk(root):
            if file.name in METADATA_NAMES:
                continue
            files += 1
            if file.parent not in folder_meta:
                folder_meta[file.parent] = _folder_metadata(file.parent)
            meta = folder_meta[file.parent].get(file.name, {})
            if file.suffix.lower() not in TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT:
                log.warning("%s: skipped: unknown file type '%s'", file, file.suffix or "(none)")
                continue
            try:
                found = read_file(file, file.stem)
            except SkipArticle as exc:
                log.warning("%s: skipped: %s", file, exc)
                continue
            except RecursionError:
                log.warning("%s: skipped: nested too deep to read", file)
                continue
            except Exception as exc:  # a parser failing on hostile bytes: the file only
                reason = str(exc).splitlines()[0] if str(exc).strip() else ""
                log.warning("%s: skipped: %s%s", file, type(exc).__name__, f": {reason}"[:200])
                continue
            for art in found:
                art.id = _unique(art.id, seen_ids)
                seen_ids.add(art.id)
                if meta:
                    _apply_meta(art, meta, f"{file.parent / 'metadata.yaml'}: {file.name}")
                articles.append(art)
    if files and not articles:
        shown = ", ".join(str(p) for p in paths)
        raise InputError(f"{shown}: no usable article ({files} file(s) skipped, see warnings)")
    return articles


def _unique(base: str, seen: set[str]) -> str:
    slug = re.sub(r"[^\w.-]+", "-", base).strip("-") or "article"
    if slug not in seen:
        return slug
    n = 2
    while f"{slug}-{n}" in seen:
        n += 1
    return f"{slug}-{n}"
