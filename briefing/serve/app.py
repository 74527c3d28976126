"""The web app: the archive, the build form, build progress and the briefs' files.

Safe by default (docs/serve.md): with a token configured every request but ``/login``,
``/healthz`` and the stylesheets must present it (``Authorization: Bearer``, or the
HttpOnly, SameSite=Strict cookie the login form sets); every form carries a CSRF token
tied to a cookie; the Content-Security-Policy allows no script at all and nothing from
elsewhere; briefs are looked up by id in the archive table, never by a path from the
request; every value reaches the page through autoescaped Jinja2 templates.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import hmac
import logging
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import ClientDisconnect, Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from briefing.config import Config
from briefing.render.assets import template_dirs
from briefing.serve.build import ID_PATTERN, MAX_TITLE, archive_dir, clean_staging, new_id
from briefing.serve.worker import Builder, QueueFull
from briefing.store import ArchivedBrief, Store

log = logging.getLogger("briefing.serve")

SESSION_COOKIE = "briefing_session"
CSRF_COOKIE = "briefing_csrf"
CSRF_FIELD = "csrf"
# Pages reachable without the token: the login form, the health check (it says "ok" and
# how many builds wait, nothing else) and the stylesheets.
OPEN_PATHS = frozenset({"/login", "/healthz"})
STATIC = {"brief.css": "brief.css", "brand.css": "brand.css", "serve.css": "serve/serve.css"}
MEDIA = {
    "pdf": "application/pdf",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
}
# The app's own pages: no script of any kind, styles and images from this origin only.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# A brief's HTML as the app serves it: its styles are inline, it loads nothing, and it is
# sandboxed (no script, no forms, an opaque origin) in case markup ever slipped through.
BRIEF_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
)
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
# Seconds between two reloads of a build's page while it runs.
REFRESH_SECONDS = 2


def _mac(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


class Security:
    """The token, the session cookie's value derived from it, and CSRF tokens."""

    def __init__(self, token: str | None, secure_cookies: bool) -> None:
        self.token = token
        self.secure_cookies = secure_cookies
        # Forms of this server run only: a restart asks the reader to reload the page.
        self._csrf_key = secrets.token_bytes(32)
        # The cookie proves the token was given without holding the token itself.
        self._session = (
            _mac(hashlib.sha256(b"briefing-session\0" + token.encode()).digest(), "session")
            if token
            else None
        )

    def authorized(self, headers: Headers, cookies: dict[str, str]) -> bool:
        if self.token is None:
            return True
        return self.bearer(headers) or self.session_ok(cookies)

    def bearer(self, headers: Headers) -> bool:
        if self.token is None:
            return False
        scheme, _, value = headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode(), self.token.encode()
        )

    def session_ok(self, cookies: dict[str, str]) -> bool:
        given = cookies.get(SESSION_COOKIE, "")
        return self._session is not None and hmac.compare_digest(
            given.encode(), self._session.encode()
        )

    def token_matches(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(
            given.strip().encode(), self.token.encode()
        )

    @property
    def session_value(self) -> str:
        assert self._session is not None
        return self._session

    def csrf_for(self, cookie: str) -> str:
        return _mac(self._csrf_key, cookie)

    def csrf_ok(self, cookie: str | None, field: str | None) -> bool:
        if not cookie or not field:
            return False
        return hmac.compare_digest(self.csrf_for(cookie).encode(), field.encode())


class Guard:
    """ASGI middleware: request size, the token, and security headers on every answer."""

    def __init__(
        self, app: ASGIApp, *, security: Security, max_body: int, public_host: str | None = None
    ) -> None:
        self.app = app
        self.security = security
        self.max_body = max_body
        self.public_host = (public_host or "").lower()

    def host_ok(self, headers: Headers) -> bool:
        """Without a token the app serves loopback only: a request must name a loopback
        host (or ``public_url``'s). A page elsewhere whose name was re-pointed at 127.0.0.1
        (DNS rebinding) names its own host and is refused."""
        if self.security.token is not None:
            return True
        netloc = headers.get("host", "")
        host = urlsplit(f"//{netloc}").hostname or ""
        return is_loopback(host) or (bool(host) and host == self.public_host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "content-security-policy" not in headers:
                    headers["content-security-policy"] = PAGE_CSP
                for key, value in SECURITY_HEADERS.items():
                    headers.setdefault(key, value)
                headers.setdefault("cache-control", "no-store")
            await send(message)

        request = Request(scope)
        if not self.host_ok(request.headers):
            await PlainTextResponse("unknown host", 400)(scope, receive, send_secured)
            return
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await PlainTextResponse("request too large", 413)(scope, receive, send_secured)
            return
        path = _route_path(scope)
        if (
            path not in OPEN_PATHS
            and not path.startswith("/static/")
            and not self.security.authorized(request.headers, request.cookies)
        ):
            if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
                response: Response = RedirectResponse(_base(scope) + "/login", 303)
            else:
                response = PlainTextResponse(
                    "a token is required", 401, headers={"www-authenticate": "Bearer"}
                )
            await response(scope, receive, send_secured)
            return
        await self.app(scope, _limited(receive, self.max_body), send_secured)


class BodyTooLarge(Exception):
    pass


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops a body sent in chunks, without a length, past ``limit``."""
    seen = 0

    async def inner() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge
        return message

    return inner


def _route_path(scope: Scope) -> str:
    """The path the routes see: uvicorn puts its root path (``public_url``'s) in front."""
    path, root = scope["path"], _base(scope)
    if root and (path == root or path.startswith(root + "/")):
        return path[len(root) :] or "/"
    return path


def _base(scope: Scope) -> str:
    return str(scope.get("root_path", "")).rstrip("/")


def _date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value[:40]!r}") from None


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(cfg: Config, *, token: str | None = None) -> Starlette:
    """The app for ``cfg``. ``token`` (when given) is required of every request."""
    from briefing.render.html import environment

    public = cfg.serve.public_url or ""
    security = Security(token, secure_cookies=public.lower().startswith("https://"))
    # An organisation's template folder (config key ``templates``, where there is one)
    # overrides the packaged templates here as in the brief.
    override = getattr(cfg, "templates", None)
    dirs = template_dirs(cfg.path(override) if override else None)
    env = environment(dirs)
    output_root = cfg.path(cfg.output).resolve()
    state: dict[str, Any] = {}

    def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        cookie = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        html = env.get_template(f"serve/{name}").render(
            base=_base(request.scope),
            csrf=security.csrf_for(cookie),
            csrf_field=CSRF_FIELD,
            site_title=cfg.title,
            logged_in=token is not None and security.session_ok(request.cookies),
            **context,
        )
        response = HTMLResponse(html, code)
        if request.cookies.get(CSRF_COOKIE) != cookie:
            _set_cookie(response, CSRF_COOKIE, cookie, security.secure_cookies)
        return response

    def error(request: Request, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html.j2", status, status=status, message=message)

    async def read_form(request: Request) -> dict[str, str]:
        """The urlencoded body, within the size limit; the first value of each field."""
        if request.headers.get("content-type", "").split(";")[0].strip() not in (
            "application/x-www-form-urlencoded",
            "",
        ):
            raise ValueError("send the form as application/x-www-form-urlencoded")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > cfg.serve.max_body:
                raise BodyTooLarge
        try:
            text = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("the form is not UTF-8") from None
        fields = parse_qs(text, keep_blank_values=True, max_num_fields=20)
        return {k: v[0] for k, v in fields.items()}

    def csrf_valid(request: Request, form: dict[str, str]) -> bool:
        if security.bearer(request.headers):
            return True  # a browser never adds this header by itself: no forgery
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return False
        return security.csrf_ok(request.cookies.get(CSRF_COOKIE), form.get(CSRF_FIELD))

    # -- pages ----------------------------------------------------------------------

    async def index(request: Request) -> Response:
        q = request.query_params
        actor = (q.get("actor") or "").strip()[:200]
        try:
            since, until = _date(q.get("from")), _date(q.get("to"))
        except ValueError as exc:
            return error(request, 400, str(exc))
        store: Store = state["store"]
        briefs = await run_in_threadpool(
            store.archived_briefs,
            actor=actor or None,
            since=since,
            until=until,
            limit=cfg.serve.page_size,
        )
        return page(
            request,
            "index.html.j2",
            briefs=[_row(b) for b in briefs],
            actor=actor,
            search_from=since.isoformat() if since else "",
            search_to=until.isoformat() if until else "",
            searching=bool(actor or since or until),
            default_title=cfg.title,
            max_title=MAX_TITLE,
        )

    async def checked_form(request: Request, expired: str) -> dict[str, str] | Response:
        """The posted form, or the error page to answer instead: too large, unreadable,
        or without this session's CSRF token."""
        try:
            form = await read_form(request)
        except BodyTooLarge:
            return PlainTextResponse("request too large", 413)
        except (ValueError, ClientDisconnect) as exc:
            return error(request, 400, str(exc) or "bad request")
        if not csrf_valid(request, form):
            return error(request, 403, expired)
        return form

    async def build(request: Request) -> Response:
        form = await checked_form(
            request,
            "the form has expired or did not come from this site: "
            "reload the page and send it again",
        )
        if isinstance(form, Response):
            return form
        try:
            since, until = _date(form.get("since")), _date(form.get("until"))
        except ValueError as exc:
            return error(request, 400, str(exc))
        if since and until and since > until:
            return error(request, 400, f"the period starts ({since}) after it ends ({until})")
        title = " ".join((form.get("title") or "").split())[:MAX_TITLE] or cfg.title
        builder: Builder = state["builder"]
        try:
            job = builder.submit(new_id(), title, since, until)
        except QueueFull as exc:
            return error(request, 503, str(exc))
        log.info("build %s queued: %s, %s to %s", job.id, title, since or "-", until or "-")
        return RedirectResponse(f"{_base(request.scope)}/jobs/{job.id}", 303)

    async def job_page(request: Request) -> Response:
        job_id = request.path_params["job_id"]
        if not ID_PATTERN.match(job_id):
            return error(request, 404, "no such build")
        builder: Builder = state["builder"]
        job = builder.get(job_id)
        store: Store = state["store"]
        archived = await run_in_threadpool(store.archived_brief, job_id)
        if job is None and archived is None:
            return error(request, 404, "no such build")
        running = job is not None and not job.finished
        return page(
            request,
            "job.html.j2",
            job=job,
            ahead=builder.position(job_id) if running else 0,
            brief=_row(archived)
            if archived is not None and (job is None or job.state == "done")
            else None,
            refresh=REFRESH_SECONDS if running else None,
        )

    async def brief_file(request: Request) -> Response:
        brief_id, fmt = request.path_params["brief_id"], request.path_params["fmt"]
        if not ID_PATTERN.match(brief_id) or fmt not in MEDIA:
            return error(request, 404, "no such brief")
        store: Store = state["store"]
        found = await run_in_threadpool(store.archived_brief, brief_id)
        raw = found.paths.get(fmt) if found is not None else None
        if raw is None:
            return error(request, 404, "no such brief")
        path = Path(raw).resolve()
        # The archive names the file; it must still lie in the output folder.
        if not path.is_relative_to(output_root) or not path.is_file():
            return error(request, 404, "this brief's file is no longer on disk")
        name = f"{brief_id}.{fmt}"
        if fmt == "html":
            return FileResponse(
                path,
                media_type=MEDIA[fmt],
                headers={"content-security-policy": BRIEF_CSP},
                content_disposition_type="inline",
                filename=name,
            )
        return FileResponse(path, media_type=MEDIA[fmt], filename=name)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        rel = STATIC.get(name)
        if rel is None:
            return PlainTextResponse("not found", 404)
        for folder in dirs:
            path = folder / rel
            if path.is_file():
                return FileResponse(
                    path,
                    media_type="text/css; charset=utf-8",
                    headers={"cache-control": "max-age=300"},
                )
        return PlainTextResponse("not found", 404)

    async def healthz(request: Request) -> Response:
        builder: Builder = state["builder"]
        return JSONResponse({"status": "ok", "builds": builder.waiting()})

    async def login(request: Request) -> Response:
        if token is None:
            return RedirectResponse(f"{_base(request.scope)}/", 303)
        if request.method == "GET":
            return page(request, "login.html.j2", message=None)
        form = await checked_form(request, "the form has expired: reload the page and log in again")
        if isinstance(form, Response):
            return form
        if not security.token_matches(form.get("token", "")):
            await asyncio.sleep(0.5)  # a slower guess
            return page(request, "login.html.j2", 401, message="That is not the token.")
        response = RedirectResponse(f"{_base(request.scope)}/", 303)
        _set_cookie(response, SESSION_COOKIE, security.session_value, security.secure_cookies)
        return response

    async def logout(request: Request) -> Response:
        try:
            form = await read_form(request)
        except (BodyTooLarge, ValueError, ClientDisconnect):
            form = {}
        if not csrf_valid(request, form):
            return error(request, 403, "the form has expired: reload the page")
        response = RedirectResponse(f"{_base(request.scope)}/login", 303)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        removed = clean_staging(cfg)
        if removed:
            log.info("removed %d unfinished build folders", removed)
        archive_dir(cfg).mkdir(parents=True, exist_ok=True)
        store = Store(cfg.state_url)
        builder = Builder(cfg, cfg.serve.max_queue)
        builder.start()
        state.update(store=store, builder=builder)
        try:
            yield
        finally:
            abandoned = await run_in_threadpool(builder.stop)
            if abandoned:
                log.warning("build %s abandoned: the server stopped", abandoned)
            clean_staging(cfg)
            store.close()

    async def too_large(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("request too large", 413)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/build", build, methods=["POST"]),
        Route("/jobs/{job_id}", job_page, methods=["GET"]),
        Route("/briefs/{brief_id}.{fmt}", brief_file, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={BodyTooLarge: too_large},
    )
    app.state.builder_state = state
    return Guard(  # type: ignore[return-value]
        app,
        security=security,
        max_body=cfg.serve.max_body,
        public_host=urlsplit(public).hostname if public else None,
    )


def _set_cookie(response: Response, name: str, value: str, secure: bool) -> None:
    response.set_cookie(
        name, value, path="/", httponly=True, samesite="strict", secure=secure, max_age=None
    )


def _row(b: ArchivedBrief) -> dict[str, Any]:
    from briefing.render.view import language_name

    return {
        "id": b.id,
        "kind": b.kind,
        "title": b.title,
        "as_of": b.as_of,
        "created": b.created.strftime("%Y-%m-%d %H:%M") if b.created else "",
        "articles": b.articles,
        "languages": [language_name(code) for code in b.languages],
        "actors": b.actors[:6],
        "period": _period(b.since, b.until),
        "formats": [f for f in ("html", "pdf", "json") if f in b.paths],
    }


def _period(since: str | None, until: str | None) -> str:
    if since and until:
        return f"{since} to {until}"
    if since:
        return f"from {since}"
    if until:
        return f"until {until}"
    return ""
