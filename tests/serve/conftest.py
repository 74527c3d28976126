"""A real ``briefing serve`` in a subprocess, on a free loopback port, over a small corpus
of real fixture articles (tests/fixtures/digest: German, French and Spanish)."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "digest"
START_TIMEOUT = 60.0
BUILD_TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(folder: Path, corpus: Path, **serve: object) -> Path:
    cfg = {
        "title": "Serve test",
        "sources": [{"folder": str(corpus)}],
        "output": "out",
        "state": "out/state.db",
    }
    if serve:
        cfg["serve"] = serve
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    set_cookie: list[str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Server:
    config: Path
    port: int
    env: dict[str, str]
    proc: subprocess.Popen | None = None
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        cmd = [sys.executable, "-m", "briefing", "serve", "--config", str(self.config)]
        cmd += ["--port", str(self.port)]
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # a stray signal to the test's group never reaches it
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stdout.read()}")
            try:
                if self.request("GET", "/healthz").status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not answer in time")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
            raise

    def output(self) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        return self.proc.stdout.read()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        *,
        keep_cookies: bool = True,
        timeout: float = 30.0,
    ) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        hdrs = dict(headers or {})
        if keep_cookies and self.cookies and "Cookie" not in hdrs:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is not None:
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        try:
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            data = resp.read()
            set_cookie = resp.headers.get_all("set-cookie") or []
        finally:
            conn.close()
        got = {}
        for line in set_cookie:
            name, _, rest = line.partition("=")
            got[name.strip()] = rest.split(";", 1)[0]
        if keep_cookies:
            self.cookies.update(got)
        return Response(
            resp.status, {k.lower(): v for k, v in resp.getheaders()}, got, set_cookie, data
        )

    def csrf(self, path: str = "/") -> str:
        page = self.request("GET", path, headers={"Accept": "text/html"})
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert m, page.text[:500]
        return m.group(1)

    def wait_job(self, location: str, timeout: float = BUILD_TIMEOUT) -> str:
        """The job page once the build is done or failed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page = self.request("GET", location).text
            if 'id="result"' in page or 'id="failed"' in page:
                return page
            time.sleep(0.5)
        raise AssertionError(f"build at {location} did not finish in time")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def make_server(tmp_path: Path):
    started: list[Server] = []

    def make(corpus: Path, env: dict[str, str] | None = None, **serve: object) -> Server:
        config = write_config(tmp_path, corpus, **serve)
        full_env = {**os.environ, **(env or {})}
        server = Server(config, free_port(), full_env).start()
        started.append(server)
        return server

    yield make
    for server in started:
        if server.proc is not None and server.proc.poll() is None:
            server.stop()
