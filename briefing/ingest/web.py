"""Article pages over HTTP(S): fetched with a deadline and a size cap, main text by trafilatura."""

from __future__ import annotations

import codecs
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from briefing.models import Article

CHUNK = 64 * 1024


class FetchError(Exception):
    """A source that could not be read; the message is one line saying why."""


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    user_agent: str = "briefing/0.1"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"not an http(s) address: {url}")


class _HTTPOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect to ftp://; only http(s) is ever fetched."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in {"http", "https"}:
            raise FetchError(f"redirected to a non-http(s) address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HTTPOnlyRedirects())


def fetch(url: str, limits: Limits) -> Fetched:
    """GET ``url``. ``limits.timeout`` bounds the whole download, not each read, so a
    server that trickles bytes cannot hold a digest run hostage."""
    check_url(url)
    req = urllib.request.Request(
        url,
        headers={
            "User-Agent": limits.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/*;q=0.8",
        },
    )
    deadline = time.monotonic() + limits.timeout
    try:
        with _OPENER.open(req, timeout=limits.timeout) as resp:
            final = resp.geturl()
            check_url(final)
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_bytes:
                raise FetchError(f"larger than the {limits.max_bytes}-byte limit ({length} bytes)")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {limits.timeout:g} s")
                # read1: whatever has arrived, so the deadline is checked while a
                # server trickles (read(n) would wait for all n bytes).
                chunk = resp.read1(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(f"larger than the {limits.max_bytes}-byte limit")
                chunks.append(chunk)
            headers: Message = resp.headers
            return Fetched(
                url=final,
                data=b"".join(chunks),
                content_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
            )
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot connect: {_one_line(exc.reason)}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {limits.timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(_one_line(exc)) from None


def _one_line(value: Any) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else type(value).__name__


def decode(fetched: Fetched) -> str:
    """Text of a response: UTF-8 when the bytes are valid UTF-8 (servers often declare
    ISO-8859-1 for UTF-8 pages; other text is almost never valid UTF-8), else the
    declared charset when it is a real one, else detected."""
    from briefing.ingest.files import SkipArticle, decode_text

    try:
        return fetched.data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    if fetched.charset:
        try:
            codecs.lookup(fetched.charset)
            return fetched.data.decode(fetched.charset).removeprefix("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(fetched.data, fetched.url)
    except SkipArticle as exc:
        raise FetchError(str(exc)) from None


def article_id(url: str) -> str:
    """A readable id from the address: host and last path segment."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", segs[-1]) if segs else ""
    host = (parts.hostname or "web").removeprefix("www.")
    return re.sub(r"[^\w.-]+", "-", f"{host}-{last}" if last else host).strip("-")


def fetch_article(url: str, limits: Limits) -> Article:
    """The main text of the page at ``url`` and what metadata the page states."""
    from briefing.ingest.files import (
        MAX_NESTING,
        html_to_text,
        nesting_depth,
        parse_date,
        plain_html_text,
    )

    fetched = fetch(url, limits)
    text = decode(fetched)
    if fetched.content_type == "text/plain":
        body, meta = text, {}
    elif fetched.content_type in {"text/html", "application/xhtml+xml"} or "<html" in text[:2000]:
        # Markup nested too deep defeats the main-text extractor: every element's text.
        deep = nesting_depth(text) > MAX_NESTING
        body, meta = (plain_html_text(text), {}) if deep else html_to_text(text)
    else:
        raise FetchError(f"not an article page (content type {fetched.content_type})")
    if not body.strip():
        raise FetchError("no article text found on the page")
    art = Article(id=article_id(url), text=body, url=url, text_extracted=True)
    art.title = meta.get("title") or None
    art.outlet = meta.get("outlet") or None
    published = parse_date(meta.get("published"))
    if published is not None:
        art.published, art.published_basis = published, "metadata"
    return art
