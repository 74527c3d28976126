"""The brief as a reader sees it: brief.html opened in a real headless Chromium (Playwright
for Python driving the distribution's chromium; .ci/run installs it when missing)."""

from __future__ import annotations

import pytest

from briefing.render.html import render_html
from tests.browser import ARGS, CHROMIUM, require_browser
from tests.render.sample import sample_brief

SCREEN = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def page_of(tmp_path_factory):
    require_browser()
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def open_page(html: str):
            path = folder / f"brief-{len(list(folder.iterdir()))}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport=SCREEN)
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(path.as_uri())
            return page, errors

        yield open_page
        browser.close()


def test_overview_is_on_the_first_screen_with_citations(page_of):
    page, errors = page_of(render_html(sample_brief()))
    box = page.locator("section#overview").bounding_box()
    assert box is not None and box["y"] < SCREEN["height"] / 2
    # The first section of the page is the overview, and it cites.
    assert page.evaluate("document.querySelector('main section').id") == "overview"
    assert page.locator("section#overview a.cite").count() > 0
    assert page.locator("section#overview h3").first.is_visible()
    assert errors == []


def test_a_footnote_reveals_its_sentence_on_focus_and_hover_and_jumps(page_of):
    brief = sample_brief()
    page, errors = page_of(render_html(brief))
    mark = page.locator("a.cite").first
    tip = mark.locator(".tip")
    assert not tip.is_visible()
    mark.focus()  # keyboard users reach it with Tab
    assert tip.is_visible()
    number = int(mark.get_attribute("href").removeprefix("#c"))
    entry = page.locator(f"#c{number} blockquote").inner_text()
    assert entry.strip() in tip.inner_text()
    # The tip names the outlet and date; the title attribute says the same.
    assert "—" in tip.inner_text() and mark.get_attribute("title")
    page.evaluate("document.activeElement.blur()")
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    mark.hover()
    assert tip.is_visible()
    mark.click()
    assert page.evaluate("location.hash") == f"#c{number}"
    assert errors == []


def test_positions_show_their_quote_in_its_language_and_direction(page_of):
    page, errors = page_of(render_html(sample_brief()))
    quotes = page.locator("section#positions blockquote.quote")
    assert quotes.count() > 0
    langs = {quotes.nth(i).get_attribute("lang") for i in range(quotes.count())}
    assert "fa" in langs
    fa = page.locator('section#positions blockquote.quote[lang="fa"]').first
    assert fa.get_attribute("dir") == "rtl"
    assert page.evaluate("(e) => getComputedStyle(e).direction", fa.element_handle()) == "rtl"
    assert errors == []
