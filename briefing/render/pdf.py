"""PDF from the HTML brief with WeasyPrint, fetching nothing outside ``templates/``.

The only resources a brief may load are the project's own fonts and stylesheets under
``templates/`` and inline ``data:`` URLs. Anything else (the network, ``file:`` paths
elsewhere, other schemes) is refused, so even markup that slipped past escaping could not
make the renderer reach out.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
from weasyprint.urls import URLFetcher, URLFetcherResponse

from briefing.models import Brief
from briefing.render import RenderOptions
from briefing.render.html import TEMPLATES, render_html
from briefing.render.view import BriefView

log = logging.getLogger("briefing.render")

# Tagged PDF with document language and title: readable by screen readers.
PDF_VARIANT = "pdf/ua-1"


def _not_subsetter_notice(record: logging.LogRecord) -> bool:
    # Without Debian's libharfbuzz-subset0 WeasyPrint subsets fonts with fontTools, which
    # works, and says so on every run; the notice is about the machine, not the brief.
    return "HarfBuzz-Subset" not in record.getMessage()


logging.getLogger("weasyprint").addFilter(_not_subsetter_notice)


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's ``PDF.page_references``, built once per page count instead of at every call.

    pydyf 0.13 rebuilds the tuple of every page's reference each time it is read, and
    WeasyPrint's PDF/UA tags read it once per tagged box: 11,000 reads of 37 pages for the
    brief of 2,000 articles (about 5 % of the PDF's time). Pages are only ever appended,
    so the tuple is kept with the length of ``Kids`` it was built from."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_briefing_page_refs")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{n} 0 R".encode("ascii") for n in kids[::3]))
        pdf.__dict__["_briefing_page_refs"] = cached
    return cached[1]


if isinstance(getattr(pydyf.PDF, "page_references", None), property):
    pydyf.PDF.page_references = property(_page_references)  # type: ignore[method-assign]


class FetchRefused(ValueError):
    """A resource the brief may not load."""


class TemplatesOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and files under ``root``; refuses everything else.

    WeasyPrint 70 needs a ``URLFetcher`` (a plain function crashes), and its
    ``allowed_protocols`` alone cannot confine ``file:`` to one folder, hence ``fetch``.
    """

    def __init__(self, root: Path = TEMPLATES, **kwargs: object) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, **kwargs)
        self.root = root.resolve()
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            response = super().fetch(url, headers)
            self.served.append(url[:40])
            return response
        if scheme == "file":
            path = self.local_path(url)
            if path is not None:
                self.served.append(url)
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        log.warning("PDF: refused to fetch %s", url[:200])
        raise FetchRefused(f"the brief may not load {url[:200]}")

    def local_path(self, url: str) -> Path | None:
        """The file ``url`` names when it is a regular file under ``root``, else None."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        try:
            # resolve() follows symlinks and "..": a link out of templates/ is refused too.
            path = Path(url2pathname(parts.path)).resolve()
        except (OSError, ValueError):
            return None
        if path.is_relative_to(self.root) and path.is_file():
            return path
        return None


def render_pdf(
    brief: Brief,
    *,
    url_fetcher: TemplatesOnlyFetcher | None = None,
    opts: RenderOptions | None = None,
    view: BriefView | None = None,
) -> bytes:
    from weasyprint import HTML

    fetcher = url_fetcher or TemplatesOnlyFetcher()
    html = render_html(brief, for_print=True, opts=opts, view=view)
    document = HTML(string=html, base_url=f"{TEMPLATES}/", url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT)
