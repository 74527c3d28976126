"""``config.yaml``: loaded and validated; every error names the file and the key or line."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from briefing.errors import ConfigError

DEFAULT_TITLE = "Briefing"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Source(_Strict):
    folder: str | None = None
    feed: str | None = None
    url: str | None = None

    # Feeds only: fetch each entry's linked page when the feed carries just a summary.
    full_text: bool = True
    max_items: int = Field(default=50, ge=1)

    @model_validator(mode="after")
    def _exactly_one(self) -> Source:
        given = [k for k in ("folder", "feed", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("each source needs exactly one of folder, feed, url")
        return self

    @field_validator("feed", "url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address")
        return value

    @property
    def label(self) -> str:
        return self.folder or self.feed or self.url or "?"


class Schedule(_Strict):
    # Standard 5-field crontab (minute hour day month day-of-week), or 6 fields with
    # seconds first; see briefing.schedule.cron_fields.
    cron: str = "0 6 * * mon-fri"
    timezone: str = "UTC"
    # A run missed (machine asleep, scheduler down) still happens if this late at most.
    misfire_grace_seconds: int = Field(default=6 * 3600, ge=1)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use e.g. Europe/Warsaw)") from None
        return value

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        from briefing.schedule import cron_fields

        cron_fields(value)  # raises ValueError naming the bad field
        return value


def _address(value: str) -> str:
    from email.utils import parseaddr

    _, addr = parseaddr(value)
    if "@" not in addr or any(ch.isspace() for ch in addr):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


class Email(_Strict):
    host: str
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username_env: str | None = None
    password_env: str | None = None
    from_: str = Field(alias="from")
    to: list[str] = Field(min_length=1)
    timeout: float = Field(default=30.0, gt=0)
    # A CA bundle for a server whose certificate a private CA signed.
    ca_file: str | None = None

    @field_validator("from_")
    @classmethod
    def _from_address(cls, value: str) -> str:
        return _address(value)

    @field_validator("to")
    @classmethod
    def _to_addresses(cls, value: list[str]) -> list[str]:
        for v in value:
            _address(v)
        if len({v.lower() for v in value}) != len(value):
            raise ValueError("a recipient is listed twice")
        return value

    @model_validator(mode="after")
    def _login_pair(self) -> Email:
        if bool(self.username_env) != bool(self.password_env):
            raise ValueError("give both username_env and password_env, or neither")
        return self


class Fetch(_Strict):
    """Network limits for feed and URL sources."""

    timeout: float = Field(default=20.0, gt=0)
    max_bytes: int = Field(default=5_000_000, ge=1024)
    user_agent: str = "briefing/0.1 (+daily digest)"


class Serve(_Strict):
    """``briefing serve``: the web app's address, its token and its limits (docs/serve.md)."""

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Name of an environment variable holding the access token. Required to bind anywhere
    # but loopback; when set, every request must present the token.
    token_env: str | None = None
    # The address readers reach the app at (behind a reverse proxy): links in the digest
    # mail point into its archive; an https:// address makes the session cookie Secure.
    public_url: str | None = None
    # Builds waiting or running at once; more are refused until one finishes.
    max_queue: int = Field(default=4, ge=1, le=100)
    # Largest request body accepted, in bytes (the forms are a few hundred).
    max_body: int = Field(default=16_384, ge=1024, le=10_000_000)
    # Archive search results shown per page.
    page_size: int = Field(default=50, ge=1, le=1000)

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address")
        return value.rstrip("/") if value else value


class RenderCaps(_Strict):
    """How much of each section the HTML and PDF show (brief.json keeps everything)."""

    actors: int = Field(default=15, ge=1)
    calendar: int = Field(default=30, ge=1)
    positions: int = Field(default=40, ge=1)
    positions_per_actor: int = Field(default=4, ge=1)
    sanctions_options: int = Field(default=20, ge=1)
    disagreements: int = Field(default=10, ge=1)
    sources_per_item: int = Field(default=3, ge=1)
    overview_days: int = Field(default=14, ge=1)
    overview_items: int = Field(default=5, ge=1)


class Render(_Strict):
    # "brief": sections ranked and capped for a reader; "full": everything, as brief.json.
    detail: Literal["brief", "full"] = "brief"
    caps: RenderCaps = Field(default_factory=RenderCaps)


class Config(_Strict):
    title: str = DEFAULT_TITLE
    sources: list[Source] = Field(default_factory=lambda: [Source(folder="seeds")])
    output: str = "output"
    state: str = "output/briefing.db"
    formats: list[Literal["json", "html", "pdf"]] = Field(
        default_factory=lambda: ["json", "html", "pdf"]
    )
    as_of: str | None = None
    # Worker processes for the per-article stage; None: the machine's cores, when a batch
    # is large enough to gain from them (briefing.analyze.default_jobs).
    jobs: int | None = Field(default=None, ge=1)
    render: Render = Field(default_factory=Render)
    # A folder of templates overriding the packaged ones (logo, banner, colours):
    # docs/branding.md.
    templates: str | None = None
    schedule: Schedule = Field(default_factory=Schedule)
    email: Email | None = None
    fetch: Fetch = Field(default_factory=Fetch)
    serve: Serve = Field(default_factory=Serve)
    # Folder the config was read from: relative paths in it are resolved against it.
    base_dir: Path = Field(default=Path("."), exclude=True)

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        import datetime as dt

        # YAML reads an unquoted 2025-12-01 as a date already.
        if isinstance(value, dt.date):
            return value.isoformat()
        if value is not None:
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None
        return value

    def render_options(self, detail: str | None = None):  # -> briefing.render.RenderOptions
        from briefing.render import Caps, RenderOptions

        templates = self.path(self.templates) if self.templates else None
        if templates is not None and not templates.is_dir():
            raise ConfigError(f"templates: folder not found: {templates}")
        return RenderOptions(
            detail=detail or self.render.detail,  # type: ignore[arg-type]
            templates=templates,
            caps=Caps(**self.render.caps.model_dump()),
        )

    def path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.base_dir / p

    @property
    def state_url(self) -> str:
        if "://" in self.state:
            return self.state
        return f"sqlite:///{self.path(self.state)}"


def _loc(err: dict) -> str:
    return ".".join(str(p) for p in err["loc"] if p != "__root__") or "(top level)"


def load_config(path: str | Path | None) -> Config:
    """Load ``path``; ``None`` means ``./config.yaml`` if present, else defaults."""
    if path is None:
        default = Path("config.yaml")
        if not default.exists():
            return Config()
        path = default
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "syntax"
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}: {where}: {problem}") from None
    except ValueError as exc:  # e.g. an impossible date such as 2025-13-01
        raise ConfigError(f"{path}: invalid value: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: top level must be a mapping of keys to values")
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"{path}: key '{_loc(first)}': {first['msg']}") from None
    cfg.base_dir = path.resolve().parent
    return cfg
