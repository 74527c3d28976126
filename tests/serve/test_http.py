"""``briefing serve`` over HTTP: the refusal to serve in public without a token, the token,
CSRF, ids that try to name paths, limits, a clean stop, and a hostile article's markup."""

from __future__ import annotations

import re
import signal
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from briefing.cli import main
from tests.serve.conftest import write_config

TOKEN = "s3cret-token-for-the-tests-0123456789"


# -- starting --------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10"])
def test_public_bind_without_token_refused(tmp_path, corpus, capsys, host):
    config = write_config(tmp_path, corpus)
    assert main(["serve", "--config", str(config), "--host", host, "--port", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "refusing to serve" in err and "token" in err and "Traceback" not in err


def test_token_env_unset_or_short_refused(tmp_path, corpus, capsys, monkeypatch):
    config = write_config(tmp_path, corpus, token_env="BRIEFING_TEST_TOKEN")
    monkeypatch.delenv("BRIEFING_TEST_TOKEN", raising=False)
    assert main(["serve", "--config", str(config), "--host", "0.0.0.0"]) == 2
    assert "BRIEFING_TEST_TOKEN" in capsys.readouterr().err
    monkeypatch.setenv("BRIEFING_TEST_TOKEN", "short")
    assert main(["serve", "--config", str(config), "--host", "0.0.0.0"]) == 2
    assert "shorter" in capsys.readouterr().err


def test_bad_serve_config_is_one_line(tmp_path, corpus, capsys):
    config = write_config(tmp_path, corpus, max_queue=0)
    assert main(["serve", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "serve.max_queue" in err and len(err.strip().splitlines()) == 1


# -- the token -------------------------------------------------------------------------


def test_token_required_on_every_request(corpus, make_server):
    server = make_server(
        corpus, env={"BRIEFING_TEST_TOKEN": TOKEN}, token_env="BRIEFING_TEST_TOKEN"
    )
    for path in ("/", "/jobs/20250101-000000-abcdef", "/briefs/brief-2025-12-05.pdf"):
        # No token, a wrong one, a wrong scheme: refused, and nothing of the page shows.
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            r = server.request("GET", path, headers=headers, keep_cookies=False)
            assert r.status == 401, (path, headers)
            assert r.headers["www-authenticate"] == "Bearer"
            assert b"archive" not in r.body
        # A browser is sent to the login form.
        r = server.request("GET", path, headers={"Accept": "text/html"}, keep_cookies=False)
        assert r.status == 303 and r.headers["location"].endswith("/login")
    # A forged session cookie is no token either.
    r = server.request("GET", "/", headers={"Cookie": "briefing_session=" + "0" * 64})
    assert r.status == 401
    # POST without a token never reaches the build.
    r = server.request("POST", "/build", "title=x", keep_cookies=False)
    assert r.status == 401
    ok = server.request("GET", "/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status == 200 and 'id="archive"' in ok.text
    # /healthz says "ok" and nothing else without the token.
    assert server.request("GET", "/healthz", keep_cookies=False).status == 200


def test_login_form_sets_a_strict_httponly_cookie(corpus, make_server):
    server = make_server(
        corpus, env={"BRIEFING_TEST_TOKEN": TOKEN}, token_env="BRIEFING_TEST_TOKEN"
    )
    csrf = server.csrf("/login")
    wrong = server.request("POST", "/login", urlencode({"csrf": csrf, "token": "nope"}))
    assert wrong.status == 401 and "briefing_session" not in wrong.cookies
    no_csrf = server.request("POST", "/login", urlencode({"token": TOKEN}))
    assert no_csrf.status == 403 and "briefing_session" not in no_csrf.cookies
    good = server.request("POST", "/login", urlencode({"csrf": csrf, "token": TOKEN}))
    assert good.status == 303
    line = next(c for c in good.set_cookie if c.startswith("briefing_session="))
    assert "HttpOnly" in line and "SameSite=strict" in line.replace("Strict", "strict")
    assert TOKEN not in line  # the cookie proves the token without holding it
    page = server.request("GET", "/")
    assert page.status == 200 and 'id="archive"' in page.text


# -- CSRF ------------------------------------------------------------------------------


def test_build_form_needs_its_csrf_token(corpus, make_server):
    server = make_server(corpus)
    csrf = server.csrf()
    form = {"title": "Forged", "since": "", "until": ""}
    # No token in the form; a token without its cookie; a token of another cookie.
    assert server.request("POST", "/build", urlencode(form)).status == 403
    r = server.request("POST", "/build", urlencode({**form, "csrf": csrf}), keep_cookies=False)
    assert r.status == 403
    r = server.request(
        "POST",
        "/build",
        urlencode({**form, "csrf": csrf}),
        headers={"Cookie": "briefing_csrf=someone-elses"},
    )
    assert r.status == 403
    # The right token from another site's page.
    r = server.request(
        "POST", "/build", urlencode({**form, "csrf": csrf}), headers={"Origin": "http://evil.test"}
    )
    assert r.status == 403
    assert server.request("GET", "/healthz").text.count('"builds":0') == 1


# -- ids, not paths --------------------------------------------------------------------


def test_ids_that_name_paths_are_rejected(corpus, make_server):
    server = make_server(corpus)
    secret = Path(server.config).read_text()
    attempts = [
        "/briefs/../config.yaml",
        "/briefs/..%2Fconfig.yaml",
        "/briefs/..%2F..%2Fetc%2Fpasswd.pdf",
        "/briefs/%2E%2E%2Fstate.db.json",
        "/briefs/....json",
        "/briefs/...pdf",
        "/briefs/..%5Cconfig.html",
        "/jobs/..%2F..%2Fconfig.yaml",
        "/jobs/..",
        "/static/..%2F..%2Fconfig.yaml",
        "/static/../brief.html.j2",
        "/static/brief.html.j2",
        "/" + quote("briefs/../../out/state.db.pdf"),
    ]
    for path in attempts:
        r = server.request("GET", path)
        assert r.status in (400, 404), path
        assert secret.encode() not in r.body and b"SQLite format" not in r.body, path


# -- limits ----------------------------------------------------------------------------


def test_request_size_is_limited(corpus, make_server):
    server = make_server(corpus, max_body=2048)
    csrf = server.csrf()
    body = urlencode({"csrf": csrf, "title": "x" * 5000})
    assert server.request("POST", "/build", body).status == 413
    assert server.request("GET", "/healthz").text.count('"builds":0') == 1


def test_queue_limit_then_sigterm_abandons_cleanly(corpus, make_server):
    server = make_server(corpus, max_queue=1)
    csrf = server.csrf()
    first = server.request("POST", "/build", urlencode({"csrf": csrf, "title": "First"}))
    assert first.status == 303
    second = server.request("POST", "/build", urlencode({"csrf": csrf, "title": "Second"}))
    assert second.status == 503 and "at most 1" in second.text
    # Stop while the first build runs: exit 0, and no half-written brief anywhere.
    job = server.request("GET", first.headers["location"]).text
    assert 'id="progress"' in job
    assert server.stop(signal.SIGTERM) == 0
    out = Path(server.config).parent / "out" / "archive"
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp-")]
    assert not list(out.glob("*/*.pdf")) or all(p.stat().st_size > 0 for p in out.glob("*/*.pdf"))


# -- a hostile article -----------------------------------------------------------------

HOSTILE = (
    "Die Außenminister der NATO trafen sich am Dienstag in Brüssel. "
    "<script>alert('text')</script> Deutschland forderte neue Sanktionen gegen Russland. "
    '<img src=x onerror="alert(1)"> Frankreich unterstützte den Vorschlag.'
)
HOSTILE_TITLE = "<script>alert('title')</script><b onmouseover=alert(2)>Gipfel</b>"


def _inert(html: str, name: str) -> None:
    assert "<script" not in html.lower(), name
    assert "<img src=x" not in html and "<b onmouseover" not in html, name
    assert not re.search(r"<[^>]+\son\w+\s*=", html), name


def test_hostile_markup_is_inert_in_every_page(tmp_path, make_server):
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "metadata.yaml").write_text(
        f'hostile.txt: {{language: de, published: 2025-12-02, outlet: "<i>Blatt</i>", '
        f'title: "{HOSTILE_TITLE}"}}\n',
        encoding="utf-8",
    )
    server = make_server(corpus)
    csrf = server.csrf()
    r = server.request("POST", "/build", urlencode({"csrf": csrf, "title": HOSTILE_TITLE}))
    assert r.status == 303
    job = server.wait_job(r.headers["location"])
    assert 'id="result"' in job, job
    brief_id = r.headers["location"].rsplit("/", 1)[1]
    pages = {
        "job": job,
        "index": server.request("GET", "/").text,
        "search": server.request("GET", "/?actor=" + quote("<script>alert(3)</script>")).text,
        "missing": server.request("GET", "/jobs/" + quote("<script>x")).text,
    }
    html = server.request("GET", f"/briefs/{brief_id}.html")
    assert html.status == 200
    # The brief's own HTML: escaped by its templates, and sandboxed without script here.
    assert "sandbox" in html.headers["content-security-policy"]
    assert "script-src" not in html.headers["content-security-policy"]
    pages["brief"] = html.text
    for name, page in pages.items():
        _inert(page, name)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in pages["index"]
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in pages["brief"]
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in pages["search"]
    # And every page says no script may run, nor anything load from elsewhere.
    for path in ("/", r.headers["location"]):
        csp = server.request("GET", path).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert "'unsafe-inline'" not in csp


def test_under_a_path_behind_a_proxy(corpus, make_server):
    server = make_server(
        corpus,
        env={"BRIEFING_TEST_TOKEN": TOKEN},
        token_env="BRIEFING_TEST_TOKEN",
        public_url="https://briefs.example.org/briefing/",
    )
    # The proxy strips /briefing; the pages link back under it.
    login = server.request("GET", "/login")
    assert login.status == 200 and 'action="/briefing/login"' in login.text
    assert 'href="/briefing/static/brief.css"' in login.text
    assert "Secure" in next(c for c in login.set_cookie if c.startswith("briefing_csrf="))
    r = server.request("GET", "/", headers={"Accept": "text/html"}, keep_cookies=False)
    assert r.status == 303 and r.headers["location"] == "/briefing/login"
    assert server.request("GET", "/static/serve.css").status == 200


def test_unusable_state_database_is_one_line(tmp_path, corpus, capsys):
    config = write_config(tmp_path, corpus)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "state.db").write_bytes(b"not a database, just bytes" * 100)
    assert main(["serve", "--config", str(config), "--port", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert "state database" in err and len(err.splitlines()) == 1


def test_a_failed_build_shows_its_one_line_error(corpus, make_server):
    server = make_server(corpus)
    csrf = server.csrf()
    form = {"csrf": csrf, "title": "Long ago", "since": "1990-01-01", "until": "1990-01-31"}
    r = server.request("POST", "/build", urlencode(form))
    assert r.status == 303
    page = server.wait_job(r.headers["location"])
    m = re.search(r'<span class="message">([^<]*)</span>', page)
    assert m and "no stored article was published from 1990-01-01 to 1990-01-31" in m.group(1)
    assert 'id="result"' not in page
    index = server.request("GET", "/").text
    assert "Long ago" not in index and "No brief yet." in index
    # Bad dates and a period backwards are refused before anything is queued.
    for bad in ({"since": "1990-13-01"}, {"since": "2025-12-05", "until": "2025-12-01"}):
        r = server.request("POST", "/build", urlencode({"csrf": csrf, **bad}))
        assert r.status == 400
    assert '"builds":0' in server.request("GET", "/healthz").text


def test_without_a_token_only_loopback_host_names_are_served(corpus, make_server):
    server = make_server(corpus, public_url="http://briefs.internal.test:8080")
    for host in ("127.0.0.1", "localhost", "[::1]", "briefs.internal.test"):
        r = server.request("GET", "/", headers={"Host": f"{host}:{server.port}"})
        assert r.status == 200, host
    # A page elsewhere whose name now resolves to 127.0.0.1 (DNS rebinding) gets nothing.
    for host in ("evil.example", "127.0.0.1.evil.example", ""):
        r = server.request("GET", "/", headers={"Host": host})
        assert r.status == 400 and b"archive" not in r.body, host


def test_sigint_stops_with_exit_0(corpus, make_server):
    server = make_server(corpus)
    assert server.request("GET", "/healthz").status == 200
    assert server.stop(signal.SIGINT) == 0
    assert "Traceback" not in server.output()
