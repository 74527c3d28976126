"""An organisation's templates folder (config key ``templates:``) overrides the packaged
templates: a logo, a classification banner, its colours; nothing is fetched."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
from pathlib import Path

import pypdf

from briefing.render import RenderOptions
from briefing.render.html import render_html
from briefing.render.pdf import render_pdf
from tests.render.sample import sample_brief
from tests.render.test_html import parse

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
BANNER = "OFFICIAL – SENSITIVE"


def brand_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "logo.png").write_bytes(PNG)
    (folder / "brand.html.j2").write_text(
        '<div class="banner">' + BANNER + "</div>\n"
        '<img class="logo" alt="Ministry" src="{{ asset("logo.png") }}">\n',
        encoding="utf-8",
    )
    (folder / "brand.css").write_text(
        ".banner { background: #8a1c1c; color: #fff; text-align: center; }\n"
        "h1, h2 { color: #8a1c1c; }\n",
        encoding="utf-8",
    )
    return folder


def test_override_folder_brands_html_and_pdf(tmp_path):
    opts = RenderOptions(templates=brand_folder(tmp_path))
    html = render_html(sample_brief(), opts=opts)
    assert html.index(BANNER) < html.index('<section id="overview"')
    assert "h1, h2 { color: #8a1c1c; }" in html
    imgs = [a for t, a in parse(html) if t == "img"]
    assert len(imgs) == 1 and imgs[0]["src"].startswith("data:image/png;base64,")
    first_page = pypdf.PdfReader(io.BytesIO(render_pdf(sample_brief(), opts=opts))).pages[0]
    assert BANNER in first_page.extract_text()
    # The packaged templates are untouched: without the folder, no banner.
    assert BANNER not in render_html(sample_brief())


def test_asset_outside_the_folder_is_refused(tmp_path):
    folder = brand_folder(tmp_path)
    (tmp_path / "secret.png").write_bytes(PNG)
    (folder / "brand.html.j2").write_text('<img src="{{ asset("../secret.png") }}">')
    try:
        render_html(sample_brief(), opts=RenderOptions(templates=folder))
    except FileNotFoundError as exc:
        assert "../secret.png" in str(exc)
    else:
        raise AssertionError("an asset outside the templates folder was served")


def test_config_templates_key_from_the_command_line(tmp_path):
    brand_folder(tmp_path)
    cfg = tmp_path / "config.yaml"
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    cfg.write_text(f"title: Branded\nsources: [{{folder: {seeds}}}]\ntemplates: brand\n")
    out = tmp_path / "out"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "run",
            "--config",
            str(cfg),
            "--output",
            str(out),
            "--format",
            "html",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert r.returncode == 0, r.stderr
    assert BANNER in (out / "brief.html").read_text(encoding="utf-8")
    cfg.write_text(f"sources: [{{folder: {seeds}}}]\ntemplates: nowhere\n")
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "run", "--config", str(cfg), "--output", str(out)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert r.returncode == 2 and "templates: folder not found" in r.stderr
    assert "Traceback" not in r.stderr
