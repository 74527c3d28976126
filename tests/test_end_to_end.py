"""The real command line, end to end: seeds to three files, and hostile articles."""

from __future__ import annotations

import html as html_lib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from briefing.render.view import RTL_LANGS
from tests.conftest import ROOT
from tests.render.conftest import trap_server  # noqa: F401  (fixture)
from tests.render.test_html import SECTION_TITLES, parse
from tests.test_contract import contract_problems

OUTPUTS = ("brief.json", "brief.html", "brief.pdf")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "run", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def parse_blockquotes(html: str) -> list[dict[str, str | None]]:
    # The sources list's numbered sentences (a position's own quote is a blockquote too).
    return [
        a for t, a in parse(html) if t == "blockquote" and "quote" not in (a.get("class") or "")
    ]


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    """``briefing run`` as a user types it (config.yaml, seeds/), into a fresh folder."""
    out = tmp_path_factory.mktemp("seed-out")
    r = run_cli("--output", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    return out


def test_seed_run_writes_three_files(seed_run):
    for name in OUTPUTS:
        assert (seed_run / name).stat().st_size > 0, name
    assert (seed_run / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert not [p for p in seed_run.iterdir() if p.name.endswith(".tmp")]


def test_seed_json_satisfies_contract(seed_run):
    d = json.loads((seed_run / "brief.json").read_text(encoding="utf-8"))
    assert contract_problems(d, base=ROOT) == []
    assert len(d["sources"]) == len([p for p in (ROOT / "seeds").glob("*.txt")])
    assert {s["language"] for s in d["sources"]} >= {"pl", "fa", "ro", "en"}


def test_seed_pdf_and_html_show_all_sections(seed_run):
    text = pdf_text(seed_run / "brief.pdf")
    for title in SECTION_TITLES:
        assert title in text, title
    assert re.search(r"Page 1 of \d+", text)
    html = (seed_run / "brief.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[-6:] == [*SECTION_TITLES, "Sources"]


def test_seed_html_quotes_cited_sentences_verbatim_with_lang(seed_run):
    d = json.loads((seed_run / "brief.json").read_text(encoding="utf-8"))
    langs = {s["id"]: s["language"] for s in d["sources"]}
    cited = {
        (c["sentence"], langs[c["source"]])
        for group in ("actors", "calendar", "positions", "sanctions_options")
        for item in d[group]
        for c in item["citations"]
    } | {
        (c["sentence"], langs[c["source"]])
        for g in d["disagreements"]
        for side in g["sides"]
        for c in side["citations"]
    }
    html = (seed_run / "brief.html").read_text(encoding="utf-8")
    quotes = re.findall(
        r'<blockquote lang="([^"]*)" dir="(rtl|ltr)"[^>]*>(.*?)</blockquote>', html, re.S
    )
    assert len(quotes) == len(parse_blockquotes(html))
    for lang, direction, sentence in quotes:
        assert (html_lib.unescape(sentence), lang) in cited
        assert direction == ("rtl" if lang in RTL_LANGS else "ltr")
    if cited:
        assert quotes


def test_failed_run_leaves_previous_outputs_untouched(seed_run, tmp_path):
    before = {name: (seed_run / name).read_bytes() for name in OUTPUTS}
    empty = tmp_path / "nothing-usable"
    empty.mkdir()
    (empty / "blank.txt").write_text("   \n")
    (empty / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = run_cli("--input", str(empty), "--output", str(seed_run), "--quiet")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    for name in OUTPUTS:
        assert (seed_run / name).read_bytes() == before[name], name
    assert not [p for p in seed_run.iterdir() if p.name.endswith(".tmp")]


def _hostile_inputs(folder: Path, port: int) -> None:
    trap = f"http://127.0.0.1:{port}"
    tags = (
        f"<script>alert(1)</script> <img src={trap}/txt.png> "
        "<iframe src=file:///etc/passwd></iframe>"
    )
    (folder / "evil.txt").write_text(
        "NATO foreign ministers met in Brussels on 7 January 2022.\n\n"
        f"Russia said NATO must stop expanding {tags} and warned of consequences.\n\n"
        "The European Union prepared new sanctions against Russian banks.\n",
        encoding="utf-8",
    )
    paragraph = (
        "<p>The European Union is preparing sanctions on Russian banks, officials said on "
        "Monday in Brussels, as NATO ministers prepared for talks with Russia.</p>"
    )
    (folder / "evil.html").write_text(
        "<!DOCTYPE html><html><head><title>Sanctions talk</title>"
        f"<script src='{trap}/head.js'></script><script>alert('head')</script>"
        f"<link rel=stylesheet href='{trap}/style.css'></head><body><article>"
        f"<h1>Sanctions talk</h1>{paragraph * 3}"
        f"<img src='{trap}/html.png'><iframe src='file:///etc/passwd'></iframe>"
        "<p>Diplomats quoted the text &lt;script&gt;alert(2)&lt;/script&gt; in a memo "
        "about Russia and NATO.</p>"
        f"<object data='{trap}/object'></object>{paragraph}</article></body></html>",
        encoding="utf-8",
    )
    records = [
        {
            "title": f"<script>alert('title')</script><img src={trap}/title.png>",
            "outlet": "<iframe src=file:///etc/passwd></iframe>",
            "url": "javascript:alert(document.cookie)",
            "published": "2022-01-06",
            "language": "en",
            "text": f"Germany said NATO unity mattered. {tags} Berlin rejected the plan.",
        },
        {
            "title": "Second record",
            "url": f"{trap}/record",
            "language": "en",
            "text": f"Poland asked NATO for more troops. <img src='{trap}/rec.png'>",
        },
    ]
    (folder / "evil.json").write_text(json.dumps(records), encoding="utf-8")


def test_hostile_articles_are_text_never_markup_or_fetches(tmp_path, trap_server):  # noqa: F811
    port = trap_server.server_address[1]
    src = tmp_path / "in"
    src.mkdir()
    _hostile_inputs(src, port)
    out = tmp_path / "out"
    r = run_cli("--input", str(src), "--output", str(out), "--as-of", "2022-01-08")
    assert r.returncode == 0, r.stderr
    html = (out / "brief.html").read_text(encoding="utf-8")

    # Nothing from the articles became live markup...
    assert not re.search(r"<\s*(script|img|iframe|object|embed|link)\b", html, re.I)
    tags = parse(html)
    assert not {t for t, _ in tags} & {"script", "img", "iframe", "object", "embed", "link"}
    for _, attrs in tags:
        for value in attrs.values():
            assert not (value or "").strip().lower().startswith(("javascript:", "file:"))
        assert not any(k.startswith("on") for k in attrs)
    # ...it is shown as text (the JSON record's title) or was dropped (HTML extraction).
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "alert(&#39;head&#39;)" not in html

    # Nothing was fetched: not the trap server, not the file system.
    assert trap_server.requests == []
    assert "root:x:0:0" not in html
    pdf = pdf_text(out / "brief.pdf")
    assert "root:x:0:0" not in pdf
    assert "<script>alert('title')</script><imgsrc=" in re.sub(r"\s+", "", pdf)
    for title in SECTION_TITLES:
        assert title in pdf
    assert "refused to fetch" not in r.stderr  # escaped text never even asks

    d = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert contract_problems(d, base=ROOT) == []
    evil_txt = next(s for s in d["sources"] if s.get("path", "").endswith("evil.txt"))
    assert "text" not in evil_txt  # plain text is cited against the file itself
    html_src = next(s for s in d["sources"] if s.get("path", "").endswith("evil.html"))
    assert "alert('head')" not in html_src["text"]


def test_same_input_same_brief_whatever_the_hash_seed(tmp_path):
    """Deterministic: lexicon alternations, merges and orderings never follow the order of
    a set of strings, which changes with Python's hash seed from one process to the next."""
    import os

    briefs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-m", "briefing", "run", "--output", str(out), "--format",
             "json", "--quiet"],
            cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
        )  # fmt: skip
        assert r.returncode == 0, r.stderr
        brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
        brief.pop("generated_at")
        briefs.append(brief)
    assert briefs[0] == briefs[1]
