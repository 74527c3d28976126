import io
import logging
import os
import re
import subprocess
import sys
import unicodedata
import urllib.request

import pypdf
import pytest

from briefing.models import Article, Citation, Event, Position
from briefing.render import RenderOptions
from briefing.render.html import TEMPLATES
from briefing.render.pdf import TemplatesOnlyFetcher, render_pdf
from tests.conftest import ROOT
from tests.render.sample import empty_brief, sample_brief
from tests.render.test_html import SECTION_TITLES


def pdf_pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Base font name -> whether its program is embedded, over every page."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    out: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for desc_font in font.get("/DescendantFonts", [font]):
                d = desc_font.get_object()
                desc = d.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                out[str(font["/BaseFont"])] = embedded
    return out


@pytest.fixture(scope="module")
def sample_pdf() -> tuple[bytes, TemplatesOnlyFetcher]:
    fetcher = TemplatesOnlyFetcher()
    return render_pdf(sample_brief(new_since_last=True), url_fetcher=fetcher), fetcher


def test_pdf_shows_sections_page_numbers_and_running_title(sample_pdf):
    pages = pdf_pages(sample_pdf[0])
    text = "\n".join(pages)
    for title in ["New since the last brief", *SECTION_TITLES, "Sources"]:
        assert title in text
    n = len(pages)
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {n}" in page
    # The running title heads every page but the first (which has the title itself).
    assert n >= 2
    for page in pages[1:]:
        assert "Test brief: Iran, NATO and the Gulf" in page
        assert "As of Sat 8 Jan 2022" in page


def test_pdf_quotes_persian_arabic_and_cyrillic_sentences(sample_pdf):
    text = "\n".join(pdf_pages(sample_pdf[0]))
    for word in ("مذاکرات", "اتحادیه", "الخارجية", "الرياض", "Лавров", "Waffenlieferungen"):
        assert word in text


def test_pdf_citation_marks_jump_to_their_sentences(sample_pdf):
    reader = pypdf.PdfReader(io.BytesIO(sample_pdf[0]))
    dests = {str(a.get_object().get("/Dest")) for p in reader.pages for a in p.get("/Annots", [])}
    numbered = {d for d in dests if re.fullmatch(r"c\d+", d)}
    assert numbered == {f"c{n}" for n in range(1, 10)}
    assert numbered <= set(reader.named_destinations)
    # Each destination lies on the Sources page, where the sentences are quoted.
    pages = pdf_pages(sample_pdf[0])
    sources_page = next(i for i, t in enumerate(pages) if "quoted verbatim" in t)
    for name in numbered:
        assert reader.get_destination_page_number(reader.named_destinations[name]) == sources_page


def test_pdf_embeds_only_project_fonts(sample_pdf):
    data, fetcher = sample_pdf
    fonts = embedded_fonts(data)
    assert fonts and all(fonts.values()), fonts
    assert all(re.fullmatch(r"/[A-Z]{6}\+Briefing-Sans(-Bold)?", f) for f in fonts), fonts
    assert fetcher.refused == []
    assert sorted(fetcher.served) == sorted(
        (TEMPLATES / "fonts" / name).as_uri() for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    )
    assert (TEMPLATES / "fonts" / "LICENSE-DejaVu.txt").is_file()


def test_pdf_metadata_for_accessibility(sample_pdf):
    reader = pypdf.PdfReader(io.BytesIO(sample_pdf[0]))
    assert reader.metadata.title == "Test brief: Iran, NATO and the Gulf"
    assert reader.metadata["/CreationDate"].startswith("D:20220105060000")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]  # tagged PDF


def test_stylesheet_has_nothing_weasyprint_ignores(caplog):
    """Every rule of the print CSS takes effect: WeasyPrint warns of none it drops."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(sample_brief(new_since_last=True))
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_pdf_renders_without_any_system_font(tmp_path):
    """With fontconfig pointed at an empty configuration the brief still renders in the
    embedded fonts: the PDF never depends on the fonts of the machine."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>'
    )
    out = tmp_path / "brief.pdf"
    code = (
        "import sys; from tests.render.sample import sample_brief; "
        "from briefing.render.pdf import render_pdf; "
        "open(sys.argv[1], 'wb').write(render_pdf(sample_brief()))"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    r = subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    fonts = embedded_fonts(data)
    assert fonts and all("Briefing-Sans" in f for f in fonts), fonts
    text = "\n".join(pdf_pages(data))
    assert "مذاکرات" in text and "Key actors" in text


def test_empty_brief_pdf_says_sections_are_empty():
    text = "\n".join(pdf_pages(render_pdf(empty_brief())))
    for title in SECTION_TITLES:
        assert title in text
    assert "No dated events were found in these sources." in text


def test_long_tables_wrap_and_repeat_their_header():
    brief = sample_brief()
    cites = brief.calendar[0].citations
    token = "X" * 150  # one unbreakable word, far wider than its column
    for i in range(40):
        brief.calendar.append(
            Event(
                f"2022-02-{i % 28 + 1:02d}",
                f"Ministerial-{token} meeting {i}",
                "upcoming",
                cites,
                location="Warszawa-" + "y" * 60,
                participants=["nato", "iran", "lavrov", "eu"],
            )
        )
    # Full detail: every event in the table (a reader's brief caps the calendar).
    pages = pdf_pages(render_pdf(brief, opts=RenderOptions(detail="full")))
    text = "\n".join(pages)
    text = text[text.index("Diplomatic calendar\n", text.index("Key actors")) :]
    # Nothing dropped: every X is on the page...
    assert text.count("X") == 150 * 40
    # ...and wrapped inside its column instead of running off the page.
    assert max(len(run) for run in re.findall(r"X+", text)) < 40
    header = "Date Event Where Who Status Sources"
    with_table = [p for p in pages if "Ministerial-" in p]
    assert len(with_table) >= 3
    assert all(header in p for p in with_table)


def _hostile_brief(port: int):
    brief = sample_brief()
    evil = (
        f"Officials met <script>fetch('http://127.0.0.1:{port}/s')</script> "
        f"<img src=http://127.0.0.1:{port}/img.png> "
        f"<iframe src=file:///etc/passwd></iframe> "
        f"<link rel=stylesheet href=http://127.0.0.1:{port}/x.css> in Vienna."
    )
    brief.sources.append(
        Article(
            id="evil",
            text=evil,
            path="in/evil.txt",
            title=f"<img src=http://127.0.0.1:{port}/title.png>",
            url=f"http://127.0.0.1:{port}/article",
            language="en",
        )
    )
    brief.positions.append(
        Position(
            "nato",
            "talks",
            "<style>@import url(http://127.0.0.1/x)</style>",
            [Citation("evil", 0, len(evil), evil)],
        )
    )
    return brief


def test_hostile_text_in_pdf_is_text_and_fetches_nothing(trap_server):
    port = trap_server.server_address[1]
    fetcher = TemplatesOnlyFetcher()
    data = render_pdf(_hostile_brief(port), url_fetcher=fetcher)
    text = "\n".join(pdf_pages(data))
    assert "<script>fetch(" in text and "<iframe src=file:///etc/passwd>" in text
    assert "root:" not in text
    assert fetcher.refused == []  # escaped markup never even asks
    assert all(u.startswith(TEMPLATES.as_uri()) for u in fetcher.served)
    assert trap_server.requests == []
    # The server itself works: a request made on purpose is recorded.
    urllib.request.urlopen(f"http://127.0.0.1:{port}/probe", timeout=5).close()
    assert trap_server.requests == ["/probe"]


def test_fetcher_refuses_network_and_files_outside_templates(trap_server, tmp_path):
    """Even markup that reached WeasyPrint unescaped could load nothing but templates/."""
    from weasyprint import HTML

    port = trap_server.server_address[1]
    root = tmp_path / "templates"
    root.mkdir()
    (root / "ok.css").write_text("p { color: red }")
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: blue }")
    (root / "link.css").symlink_to(secret)
    html = f"""<html><head>
    <link rel=stylesheet href="http://127.0.0.1:{port}/a.css">
    <link rel=stylesheet href="ok.css">
    <link rel=stylesheet href="../secret.css">
    <link rel=stylesheet href="link.css">
    <style>@import url("https://127.0.0.1:{port}/b.css");
      @font-face {{ font-family: X; src: url("ftp://127.0.0.1:{port}/f.ttf") }}</style>
    </head><body><p>x</p>
    <img src="http://127.0.0.1:{port}/img.png"><img src="file:///etc/passwd">
    <iframe src="file:///etc/passwd"></iframe><object data="http://127.0.0.1:{port}/o"></object>
    <img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E">
    </body></html>"""
    fetcher = TemplatesOnlyFetcher(root=root)
    HTML(string=html, base_url=f"{root}/", url_fetcher=fetcher).write_pdf()
    assert trap_server.requests == []
    assert fetcher.served[0] == (root / "ok.css").as_uri()
    assert any(u.startswith("data:image/svg") for u in fetcher.served)
    assert len(fetcher.served) == 2
    refused = "\n".join(fetcher.refused)
    for needle in (
        "/a.css",
        "/b.css",
        "/f.ttf",
        "/img.png",
        "/etc/passwd",
        "secret.css",
        "link.css",
    ):
        assert needle in refused


def test_first_page_is_the_overview():
    pages = pdf_pages(render_pdf(sample_brief()))
    first = pages[0]
    assert "Overview" in first and "Next 14 days" in first and "Main disagreements" in first
    assert "Measures on the table" in first and "Most active actors" in first
    # The sections start on the next page.
    assert "Key actors" not in first.split("Overview", 1)[1]
    assert "Key actors" in pages[1]
