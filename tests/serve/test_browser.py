"""A person's use of ``briefing serve``, in a real headless Chromium (Debian's, through
Playwright): ask for a brief in the form, watch it build, download its PDF, find it in the
archive; the health check answers while another build runs."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from tests.browser import ARGS, CHROMIUM, require_browser

require_browser()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def test_build_download_archive_and_health_in_a_browser(corpus, make_server, browser, tmp_path):
    from pypdf import PdfReader

    server = make_server(corpus)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.base + "/")
    assert page.locator("#archive tr.brief").count() == 0

    title = "Brief über Brüssel, December 2025"
    page.fill("form#build [name=title]", title)
    page.fill("form#build [name=since]", "2025-12-01")
    page.fill("form#build [name=until]", "2025-12-31")
    page.click("form#build button[type=submit]")
    # The answer comes at once: the build's page, reloading itself until the result.
    page.wait_for_url("**/jobs/*")
    pdf_link = page.locator("#result a.pdf")
    pdf_link.wait_for(timeout=300_000)
    assert page.locator("h1").inner_text() == title
    page.screenshot(path=str(tmp_path / "result.png"), full_page=True)

    with page.expect_download() as info:
        pdf_link.click()
    download = info.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert title in text

    # The archive lists it: title, as-of date, articles, languages, and its three files.
    page.goto(server.base + "/")
    row = page.locator("#archive tr.brief", has_text=title)
    assert row.count() == 1
    assert row.locator(".as-of").inner_text() == "2025-12-31"  # the period's end
    assert row.locator(".articles").inner_text() == "3"
    assert row.locator(".languages").inner_text() == "German, Spanish, French"
    for fmt in ("html", "pdf", "json"):
        assert row.locator(f"a.{fmt}").count() == 1
    page.screenshot(path=str(tmp_path / "archive.png"), full_page=True)

    # Search by actor, and by a date the brief does not fall on.
    page.fill("form#search [name=actor]", "nato")
    page.click("form#search button[type=submit]")
    assert page.locator("#archive tr.brief", has_text=title).count() == 1
    page.fill("form#search [name=actor]", "")
    page.fill("form#search [name=from]", "2026-01-01")
    page.click("form#search button[type=submit]")
    assert page.locator("#archive tr.brief").count() == 0

    # A second build: /healthz keeps answering (within 2 s) while it runs.
    page.goto(server.base + "/")
    page.fill("form#build [name=title]", "Second brief")
    page.click("form#build button[type=submit]")
    page.wait_for_url("**/jobs/*")
    job = page.url.removeprefix(server.base)
    during = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        running = 'id="progress"' in server.request("GET", job).text
        health = server.request("GET", "/healthz", timeout=2.0)
        assert health.status == 200 and b'"ok"' in health.body
        if not running:
            break
        during += 1
        time.sleep(0.3)
    assert during >= 1
    page.locator("#result a.pdf").wait_for(timeout=300_000)
    page.goto(server.base + "/")
    assert page.locator("#archive tr.brief").count() == 2
    # The newest first.
    assert "Second brief" in page.locator("#archive tr.brief").first.inner_text()
    assert not errors, errors  # the CSP blocked nothing the pages needed
    context.close()
