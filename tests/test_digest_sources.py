"""A digest from feeds, pages and a folder served on loopback; failing sources warn only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import FIXTURES
from tests.deliver.servers import HTTPServer, SMTPServer
from tests.ingest.test_feeds import PAGE_IT, RSS

FR = (FIXTURES / "digest" / "fr_sanctions.txt").read_text(encoding="utf-8")


def page(title: str, text: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    )


@pytest.fixture
def servers():
    web = HTTPServer().start()
    smtp = SMTPServer().start()
    yield web, smtp
    web.stop()
    smtp.stop()


def config(tmp: Path, web: HTTPServer, smtp_port: int, sources: list[str]) -> Path:
    cfg = tmp / "config.yaml"
    lines = "\n".join(f"  - {s}" for s in sources)
    cfg.write_text(
        f"""title: Feeds digest
sources:
{lines}
output: out
state: sqlite:///{tmp / "state.db"}
formats: [json]
fetch: {{timeout: 5, max_bytes: 500000}}
email:
  host: 127.0.0.1
  port: {smtp_port}
  security: none
  from: briefing@example.org
  to: [analyst@example.org]
""",
        encoding="utf-8",
    )
    return cfg


def test_feeds_pages_and_folder_with_a_failing_source(tmp_path, servers, capsys):
    web, smtp = servers
    web.add("/it/sanzioni.html", PAGE_IT)
    feed = web.add("/rss.xml", RSS.format(base=web.base), "application/rss+xml")
    # The same French story, as a page of another outlet with its own headline.
    fr_page = web.add("/fr/sanctions.html", page("Bruxelles prépare de nouvelles sanctions", FR))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "digest" / "fr_sanctions.txt", inbox)
    cfg = config(
        tmp_path,
        web,
        smtp.port,
        [
            "folder: inbox",
            f"feed: {feed}",
            f"url: {fr_page}",
            f"feed: {web.url('/missing.xml')}",
        ],
    )
    code = main(["digest", "--config", str(cfg)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"source {web.url('/missing.xml')}: skipped: HTTP 404" in err
    assert "near-duplicate of fr_sanctions" in err
    brief = json.loads((tmp_path / "out" / "brief.json").read_text())
    urls = {s.get("url") for s in brief["sources"]}
    assert urls == {None, web.url("/ru/lavrov"), web.url("/it/sanzioni.html"), web.url("/gone")}
    assert len(brief["sources"]) == 4  # the French page is the folder's story again
    for s in brief["sources"]:
        if s.get("url"):
            assert s["text"]  # extracted text travels with the brief (contract)
    assert len(smtp.received) == 1

    # Next run: the feed is read again, its known entries' pages are not fetched again.
    web.hits.clear()
    code = main(["digest", "--config", str(cfg)])
    err = capsys.readouterr().err
    assert code == 0 and "nothing new" in err
    assert web.url("/it/sanzioni.html").removeprefix(web.base) not in web.hits
    assert "/rss.xml" in web.hits
    assert len(smtp.received) == 1


def test_every_source_failing_is_an_error_when_nothing_is_pending(tmp_path, servers, capsys):
    web, smtp = servers
    cfg = config(tmp_path, web, smtp.port, [f"feed: {web.url('/a.xml')}", f"url: {web.url('/b')}"])
    code = main(["digest", "--config", str(cfg), "--quiet"])
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip().splitlines()[-1].startswith("briefing: error: no source could be read")
    assert not smtp.received
