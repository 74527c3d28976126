"""``briefing serve``: check the address and the token, then run uvicorn until SIGTERM or
SIGINT, and exit 0 once the worker has stopped (a running build is abandoned: its staging
folder is removed and never becomes a brief)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import threading
from collections.abc import Iterator

import uvicorn

from briefing.config import Config, load_config
from briefing.errors import ConfigError

log = logging.getLogger("briefing.serve")

# A token shorter than this is guessable in a day of tries.
MIN_TOKEN = 16


def resolve_token(cfg: Config, host: str) -> str | None:
    """The token every request must present, or None on loopback without one. Raises
    ``ConfigError`` (one line, exit 2) for a public address without a token."""
    from briefing.serve.app import is_loopback

    name = cfg.serve.token_env
    if name:
        token = os.environ.get(name, "").strip()
        if not token:
            raise ConfigError(f"serve.token_env names {name}, which is not set or empty")
        if len(token) < MIN_TOKEN:
            raise ConfigError(f"the token in {name} is shorter than {MIN_TOKEN} characters")
        return token
    if not is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host} without a token: set serve.token_env to the name "
            "of an environment variable holding one, or bind to 127.0.0.1"
        )
    return None


def cmd_serve(args: argparse.Namespace) -> int:
    cfg = load_config(args.config)
    host = args.host or cfg.serve.host
    port = args.port if args.port is not None else cfg.serve.port
    token = resolve_token(cfg, host)
    _check_state(cfg)

    from briefing.serve.app import create_app

    app = create_app(cfg, token=token)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        # Answers a slow or idle client gets before the server moves on.
        timeout_keep_alive=5,
        # Connections at once; past this uvicorn answers 503 (headers stay under h11's 16 KB).
        limit_concurrency=64,
        lifespan="on",
        root_path=_root_path(cfg),
    )
    server = _Server(config)
    shown = f"[{host}]" if ":" in host else host
    log.info("serving on http://%s:%d/ (stop with Ctrl-C or SIGTERM)", shown, port)
    server.run()
    if not server.started:
        return 1  # uvicorn said why (address in use, say)
    log.info("stopped")
    return 0


def _check_state(cfg: Config) -> None:
    """The state database and the archive folder, checked before the server starts: a
    problem is a one-line error here, not a failed startup in uvicorn's log."""
    from briefing.serve.build import archive_dir
    from briefing.store import Store

    Store(cfg.state_url).close()  # raises StoreError, one line
    archive_dir(cfg).mkdir(parents=True, exist_ok=True)  # OSError: one line in cli.main


def _root_path(cfg: Config) -> str:
    from urllib.parse import urlsplit

    if not cfg.serve.public_url:
        return ""
    return urlsplit(cfg.serve.public_url).path.rstrip("/")


class _Server(uvicorn.Server):
    """uvicorn's server, except that a signal only stops it: uvicorn raises the signal
    again after its shutdown, which would end the process with 143 or a KeyboardInterrupt
    instead of the clean exit 0 a service manager expects."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = (signal.SIGINT, signal.SIGTERM)
        original = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)
