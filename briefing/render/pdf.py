"""PDF from the HTML brief with WeasyPrint, fetching nothing outside ``templates/``."""

from __future__ import annotations

from briefing.models import Brief
from briefing.render.html import TEMPLATES, render_html


def _fetcher():  # type: ignore[no-untyped-def]
    from weasyprint.urls import URLFetcher

    # data: URLs only: no network, no file system (hostile articles cannot reach either).
    return URLFetcher(allowed_protocols={"data"})


def render_pdf(brief: Brief) -> bytes:
    from weasyprint import HTML

    html = render_html(brief, for_print=True)
    return HTML(string=html, base_url=str(TEMPLATES), url_fetcher=_fetcher()).write_pdf()
