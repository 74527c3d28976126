"""Debian's Chromium driven by Playwright for Python, for the tests that look at a page as
a reader does (the brief, ``briefing serve``). Playwright cannot download a browser here;
``.ci/run`` installs Debian's ``chromium`` when it is missing, so on CI a missing browser
fails the test instead of skipping it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Headless, no sandbox (root), and none of the background connections this machine's
# closed network would refuse.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_browser() -> None:
    """Skip (fail on CI) when Playwright or Debian's chromium is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright"
    else:
        missing = None if Path(CHROMIUM).exists() else "Debian's chromium"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is missing on CI (.ci/run installs it)")
        pytest.skip(f"{missing} is not installed", allow_module_level=True)
