"""``briefing digest`` end to end: a real SMTP server on loopback, a real SQLite file."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import FIXTURES
from tests.deliver.servers import SMTPServer, free_port

ARTICLES = FIXTURES / "digest"
TO = ["analyst@example.org", "desk@example.org"]
TITLE = "Daily brief: Russia, NATO and Ukraine"


def write_config(tmp: Path, port: int, *, extra_email: str = "", to=TO) -> Path:
    cfg = tmp / "config.yaml"
    cfg.write_text(
        f"""title: "{TITLE}"
sources:
  - folder: inbox
output: out
state: state/briefing.db
schedule:
  cron: "0 6 * * mon-fri"
  timezone: Europe/Warsaw
email:
  host: 127.0.0.1
  port: {port}
  security: none
  from: "Briefing <briefing@example.org>"
  to: {json.dumps(to)}
  timeout: 5
{extra_email}""",
        encoding="utf-8",
    )
    return cfg


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    for name in ("de_gipfel.txt", "fr_sanctions.txt", "metadata.yaml"):
        shutil.copy(ARTICLES / name, box / name)
    return box


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


def digest(cfg: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["digest", "--config", str(cfg), *extra])
    return code, capsys.readouterr().err


def parts(received) -> dict[str, object]:
    msg = received.message
    out: dict[str, object] = {"msg": msg}
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in {"text/plain", "text/html"} and part.get_filename() is None:
            out[ctype] = part.get_content()
        elif ctype == "application/pdf":
            out["pdf"] = part.get_content()
            out["pdf_name"] = part.get_filename()
    return out


def test_both_recipients_get_text_html_and_pdf_then_nothing_new_sends_nothing(
    tmp_path, inbox, smtp, capsys
):
    cfg = write_config(tmp_path, smtp.port)
    code, err = digest(cfg, capsys)
    assert code == 0, err
    assert sorted(r.rcpt_tos[0] for r in smtp.received) == sorted(TO)
    assert all(len(r.rcpt_tos) == 1 for r in smtp.received)
    ids = set()
    for rec in smtp.received:
        p = parts(rec)
        msg = p["msg"]
        assert msg.get_content_type() == "multipart/mixed"
        assert any(x.get_content_type() == "multipart/alternative" for x in msg.walk())
        assert msg["Subject"].startswith(TITLE + " — ")
        assert re.search(r" \d{1,2} [A-Z][a-z]+ \d{4}$", msg["Subject"])
        assert msg["Date"] and msg["Message-ID"]
        assert set(TO) == {a.strip() for a in msg["To"].split(",")}
        ids.add(msg["Message-ID"])
        assert "Vingtième paquet de sanctions" in p["text/plain"]
        html = p["text/html"]
        assert "<style" not in html and 'style="' in html  # inline styles only
        assert "NATO-Außenminister beraten in Brüssel" in html
        assert p["pdf"].startswith(b"%PDF") and p["pdf_name"].endswith(".pdf")
    assert len(ids) == 1  # one message, sent to each recipient in its own transaction

    out = tmp_path / "out"
    dated = sorted(x.name for x in out.glob("brief-*"))
    assert [n.rsplit(".", 1)[1] for n in dated] == ["html", "json", "pdf"]
    for ext in ("json", "html", "pdf"):
        dated_file = next(out.glob(f"brief-*.{ext}"))
        assert (out / f"brief.{ext}").read_bytes() == dated_file.read_bytes()
    brief = json.loads((out / "brief.json").read_text())
    assert brief["schema"] == "briefing/1"
    assert {s["id"] for s in brief["sources"]} == {"de_gipfel", "fr_sanctions"}
    assert "new_since_last" not in brief  # nothing to compare the first digest with

    code, err = digest(cfg, capsys)
    assert code == 0, err
    assert "nothing new" in err
    assert len(smtp.received) == 2  # nothing sent

    # A new article, and the same story again under another name: only the new one counts.
    shutil.copy(ARTICLES / "es_cumbre.txt", inbox / "es_cumbre.txt")
    (inbox / "copy_of_de.txt").write_text((inbox / "de_gipfel.txt").read_text() + "\n")
    code, err = digest(cfg, capsys)
    assert code == 0, err
    assert len(smtp.received) == 4
    brief = json.loads((out / "brief.json").read_text())
    assert [s["id"] for s in brief["sources"]] == ["es_cumbre"]
    new = brief["new_since_last"]
    assert set(new) == {"events", "positions", "sanctions_options", "disagreements"}
    # Whatever is new was in this brief; the rest was in the previous one.
    assert all(e in brief["calendar"] for e in new["events"])
    assert all(p in brief["positions"] for p in new["positions"])
    assert len(list(out.glob("brief-*.pdf"))) == 2  # the second of the day is numbered

    db = sqlite3.connect(tmp_path / "state" / "briefing.db")
    rows = db.execute("select status, count(*) from digests group by status").fetchall()
    assert rows == [("delivered", 2)]
    assert db.execute("select count(*) from deliveries").fetchone() == (4,)


def test_server_down_fails_cleanly_and_a_later_run_delivers_exactly_once(tmp_path, inbox, capsys):
    port = free_port()
    cfg = write_config(tmp_path, port)
    code, err = digest(cfg, capsys, "--quiet")
    assert code != 0
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefing: error:") and f"127.0.0.1:{port}" in lines[0]
    assert "pending" in lines[0]
    # The files were written even though the mail was not sent.
    assert (tmp_path / "out" / "brief.pdf").exists()

    server = SMTPServer(port).start()
    try:
        code, err = digest(cfg, capsys)
        assert code == 0, err
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(TO)
        # The digest nobody received was rebuilt, from cached findings.
        assert "analysed 0 articles, 2 from the cache" in err
        code, err = digest(cfg, capsys)
        assert code == 0 and "nothing new" in err
        assert len(server.received) == 2  # exactly once each
    finally:
        server.stop()


def test_refused_recipient_gets_the_same_message_later_and_the_other_not_twice(
    tmp_path, inbox, capsys
):
    port = free_port()
    cfg = write_config(tmp_path, port)
    first = SMTPServer(port, refuse={TO[1]}).start()
    try:
        code, err = digest(cfg, capsys)
    finally:
        first.stop()
    assert code != 0 and "Traceback" not in err
    assert TO[1] in err.strip().splitlines()[-1]
    assert [r.rcpt_tos for r in first.received] == [[TO[0]]]

    # Something new arrives before the retry: the half-delivered digest is finished as
    # it was, and the new article goes out in a digest of its own.
    shutil.copy(ARTICLES / "es_cumbre.txt", inbox / "es_cumbre.txt")
    second = SMTPServer(port).start()
    try:
        code, err = digest(cfg, capsys)
    finally:
        second.stop()
    assert code == 0, err
    by_rcpt = {t: [r.message for r in second.received if t in r.rcpt_tos] for t in TO}
    assert len(by_rcpt[TO[0]]) == 1  # only the new digest
    assert len(by_rcpt[TO[1]]) == 2  # the old one, then the new one
    old_id = first.received[0].message["Message-ID"]
    assert by_rcpt[TO[1]][0]["Message-ID"] == old_id
    assert by_rcpt[TO[0]][0]["Message-ID"] != old_id


def test_starttls_login_from_environment_and_password_never_logged(
    tmp_path, inbox, capsys, caplog, monkeypatch
):
    from tests.deliver.servers import make_cert

    cert, key = make_cert(tmp_path)
    secret = "s3cr3t-Pa55word"
    server = SMTPServer(tls=(cert, key), login=("digest-bot", secret)).start()
    try:
        extra = (
            "  username_env: TEST_SMTP_USER\n"
            "  password_env: TEST_SMTP_PASSWORD\n"
            f"  ca_file: {cert}\n"
        )
        cfg = write_config(tmp_path, server.port, extra_email=extra)
        cfg.write_text(cfg.read_text().replace("security: none", "security: starttls"))
        monkeypatch.setenv("TEST_SMTP_USER", "digest-bot")
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong-" + secret)
        code, err = digest(cfg, capsys)
        assert code != 0 and "refused the login" in err
        assert secret not in err and secret not in caplog.text
        assert not server.received

        monkeypatch.setenv("TEST_SMTP_PASSWORD", secret)
        code, err = digest(cfg, capsys)
        assert code == 0, err
        assert len(server.received) == 2 and all(r.authenticated for r in server.received)
        assert secret not in err and secret not in caplog.text
    finally:
        server.stop()


def test_missing_credentials_variable_is_named(tmp_path, inbox, smtp, capsys, monkeypatch):
    monkeypatch.delenv("TEST_SMTP_USER2", raising=False)
    extra = "  username_env: TEST_SMTP_USER2\n  password_env: TEST_SMTP_PASSWORD2\n"
    cfg = write_config(tmp_path, smtp.port, extra_email=extra)
    code, err = digest(cfg, capsys, "--quiet")
    assert code != 0
    assert "TEST_SMTP_USER2" in err and "email.username_env" in err
    assert not smtp.received


def test_implicit_tls(tmp_path, inbox, capsys):
    from tests.deliver.servers import make_cert

    cert, key = make_cert(tmp_path)
    server = SMTPServer(tls=(cert, key), implicit_tls=True).start()
    try:
        cfg = write_config(tmp_path, server.port, extra_email=f"  ca_file: {cert}\n")
        cfg.write_text(cfg.read_text().replace("security: none", "security: ssl"))
        code, err = digest(cfg, capsys)
        assert code == 0, err
        assert len(server.received) == 2
    finally:
        server.stop()


def test_config_errors_name_file_and_key(tmp_path, capsys):
    cfg = write_config(tmp_path, 25, to=["not-an-address"])
    code, err = digest(cfg, capsys)
    assert code != 0 and str(cfg) in err and "email.to" in err
    cfg.write_text(cfg.read_text().replace('to: ["not-an-address"]', 'to: ["a@b.org"]'))
    cfg.write_text(cfg.read_text().replace("Europe/Warsaw", "Mars/Olympus"))
    code, err = digest(cfg, capsys)
    assert code != 0 and "schedule.timezone" in err
    cfg.write_text(
        cfg.read_text()
        .replace("Mars/Olympus", "UTC")
        .replace("- folder: inbox", "- feed: ftp://x/y")
    )
    code, err = digest(cfg, capsys)
    assert code != 0 and "sources.0.feed" in err
    cfg.write_text(
        cfg.read_text().replace("- feed: ftp://x/y", "- folder: inbox") + "as_of: 2025-13-01\n"
    )
    code, err = digest(cfg, capsys)
    assert code != 0 and str(cfg) in err and "month must be in 1..12" in err
    assert "Traceback" not in err
    cfg.write_text(cfg.read_text().replace("as_of: 2025-13-01", "as_of: soon"))
    code, err = digest(cfg, capsys)
    assert code != 0 and "key 'as_of'" in err
