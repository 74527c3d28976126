"""``config.yaml``: loaded and validated; every error names the file and the key or line."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefing.errors import ConfigError

DEFAULT_TITLE = "Briefing"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Source(_Strict):
    folder: str | None = None
    feed: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Source:
        given = [k for k in ("folder", "feed", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("each source needs exactly one of folder, feed, url")
        return self


class Schedule(_Strict):
    cron: str = "0 6 * * mon-fri"
    timezone: str = "UTC"


class Email(_Strict):
    host: str
    port: int = 587
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username_env: str | None = None
    password_env: str | None = None
    from_: str = Field(alias="from")
    to: list[str] = Field(min_length=1)
    timeout: float = 30.0


class Config(_Strict):
    title: str = DEFAULT_TITLE
    sources: list[Source] = Field(default_factory=lambda: [Source(folder="seeds")])
    output: str = "output"
    state: str = "output/briefing.db"
    formats: list[Literal["json", "html", "pdf"]] = Field(
        default_factory=lambda: ["json", "html", "pdf"]
    )
    as_of: str | None = None
    jobs: int = Field(default=1, ge=1)
    schedule: Schedule = Field(default_factory=Schedule)
    email: Email | None = None
    # Folder the config was read from: relative paths in it are resolved against it.
    base_dir: Path = Field(default=Path("."), exclude=True)

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
