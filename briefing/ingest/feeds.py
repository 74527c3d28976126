"""RSS and Atom feeds to ``Article``s (feedparser), full text from each entry's page.

Most feeds carry a summary, not the article: when an entry's own text is short and
``full_text`` is on, the linked page is fetched and its main text used; if that fails the
summary stands in, with a warning. Entries already in the store (by link) are not
fetched again.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefing.ingest.web import FetchError, Limits, article_id, check_url, fetch, fetch_article
from briefing.models import Article

log = logging.getLogger("briefing.ingest")

# Below this many characters an entry's text is taken for a summary, not the article.
SUMMARY_CHARS = 600

_BLOCK = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|/section|/article)\b[^>]*>", re.I
)


@dataclass(slots=True)
class FeedItems:
    articles: list[tuple[Article, str]] = field(default_factory=list)  # (article, locator)
    skipped_known: int = 0
    warnings: list[str] = field(default_factory=list)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (feed content), one paragraph per block."""
    import lxml.html

    if "<" not in html:
        return html.strip()
    marked = _BLOCK.sub(lambda m: m.group(0) + "\n\n", html)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises several parser errors on broken markup
        return re.sub(r"<[^>]+>", " ", html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    text = root.text_content()
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def _entry_text(entry: Any) -> str:
    best = ""
    for part in entry.get("content") or []:
        value = fragment_text(part.get("value") or "")
        if len(value) > len(best):
            best = value
    summary = fragment_text(entry.get("summary") or "")
    return best if len(best) >= len(summary) else summary


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _language(code: str | None) -> str | None:
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if re.fullmatch(r"[a-z]{2,3}", base) else None


def read_feed(
    url: str,
    limits: Limits,
    *,
    known: Callable[[str], bool] = lambda _: False,
    full_text: bool = True,
    max_items: int = 50,
) -> FeedItems:
    """The feed's entries as articles. Raises ``FetchError`` when the feed itself fails;
    a failing entry is only a warning."""
    import feedparser

    fetched = fetch(url, limits)
    # Parsed from bytes: feedparser never goes to the network itself (no limits there).
    parsed = feedparser.parse(fetched.data)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "malformed").splitlines()[0]
            raise FetchError(f"not a readable RSS or Atom feed ({reason})")
        if not parsed.get("version"):
            raise FetchError("not an RSS or Atom feed")
    outlet = parsed.feed.get("title") or None
    feed_lang = _language(parsed.feed.get("language"))
    out = FeedItems()
    for n, entry in enumerate(parsed.entries[:max_items], 1):
        link = (entry.get("link") or "").strip()
        locator = link or entry.get("id") or f"{url}#{n}"
        if known(locator):
            out.skipped_known += 1
            continue
        text = _entry_text(entry)
        art: Article | None = None
        if full_text and link and len(text) < SUMMARY_CHARS:
            try:
                check_url(link)
                art = fetch_article(link, limits)
            except Exception as exc:  # FetchError, or an extractor failing on odd markup
                if not text:
                    out.warnings.append(f"entry {link}: skipped: {exc}")
                    continue
                out.warnings.append(f"entry {link}: {exc}; using the feed's summary")
        if art is None:
            if not text:
                out.warnings.append(f"entry {locator}: skipped: no text")
                continue
            art = Article(
                id=article_id(link) if link else f"feed-entry-{n}",
                text=text,
                url=link or None,
                text_extracted=True,
            )
        # The feed's metadata is deliberate; the page's is guessed by trafilatura.
        art.title = entry.get("title") or art.title
        art.outlet = outlet or art.outlet
        art.language = _language(entry.get("language")) or feed_lang or art.language
        published = _entry_date(entry)
        if published is not None:
            art.published, art.published_basis = published, "metadata"
        out.articles.append((art, locator))
    return out
