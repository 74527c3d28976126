"""Real servers on loopback for the digest tests: SMTP (aiosmtpd) and HTTP (http.server)."""

from __future__ import annotations

import http.server
import socket
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import ClassVar

HOST = "127.0.0.1"


def free_port() -> int:
    # aiosmtpd's Controller(port=0) cannot report the port it got: find one first.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    authenticated: bool

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=default)  # type: ignore[return-value]


@dataclass
class Recorder:
    """aiosmtpd handler: keeps every message, refuses the recipients in ``refuse``."""

    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
                bool(session.authenticated),
            )
        )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]


def make_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the client trusts it via ``ca_file``)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class SMTPServer:
    """A real SMTP server on loopback; start/stop at will, on the same port."""

    def __init__(
        self,
        port: int | None = None,
        *,
        refuse: set[str] | None = None,
        tls: tuple[Path, Path] | None = None,
        implicit_tls: bool = False,
        login: tuple[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.handler = Recorder(refuse=set(refuse or ()))
        self.tls = tls
        self.implicit_tls = implicit_tls
        self.login = login
        self.controller = None

    def _authenticator(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            self.login is not None
            and isinstance(auth_data, LoginPassword)
            and (auth_data.login.decode(), auth_data.password.decode()) == self.login
        )
        return AuthResult(success=ok, handled=False)

    def start(self) -> SMTPServer:
        from aiosmtpd.controller import Controller

        kwargs: dict = {}
        ctx = None
        if self.tls is not None:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(self.tls[0]), str(self.tls[1]))
        if self.login is not None:
            kwargs.update(authenticator=self._authenticator, auth_require_tls=self.tls is not None)
        if ctx is not None and self.implicit_tls:
            kwargs["ssl_context"] = ctx
        elif ctx is not None:
            kwargs.update(tls_context=ctx, require_starttls=True)
        self.controller = Controller(self.handler, hostname=HOST, port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}
    slow: ClassVar[set[str]] = set()
    hits: ClassVar[list[str]] = []
    redirects: ClassVar[dict[str, str]] = {}

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.end_headers()
            return
        if self.path in self.slow:
            # Trickle a byte at a time: a per-read timeout would never fire.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            return
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        ctype, body = route
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


class HTTPServer:
    """Serves ``routes`` (path -> (content type, body)) on 127.0.0.1 in a thread."""

    def __init__(self) -> None:
        handler = type(
            "Handler", (_Handler,), {"routes": {}, "slow": set(), "hits": [], "redirects": {}}
        )
        self.server = http.server.ThreadingHTTPServer((HOST, 0), handler)
        self.server.daemon_threads = True
        self.routes: dict[str, tuple[str, bytes]] = handler.routes
        self.slow: set[str] = handler.slow
        self.hits: list[str] = handler.hits
        self.redirects: dict[str, str] = handler.redirects
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (ctype, body.encode("utf-8") if isinstance(body, str) else body)
        return self.url(path)

    def start(self) -> HTTPServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
