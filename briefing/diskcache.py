"""Structures compiled from the project's data, kept on disk between runs.

Building the knowledge-base name tries takes about half a second per run, which is a
tenth of a small brief's budget. A compiled copy is pickled in the user's cache folder
under a key made of every source and data file of the package (and the versions of the
libraries whose data goes in), so any edit to code or data rebuilds it. The cache is only
an optimisation: when it cannot be read or written the structure is simply built.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from briefing.fsio import staged_file

T = TypeVar("T")
log = logging.getLogger("briefing")
PACKAGE = Path(__file__).resolve().parent
# Libraries whose data ends up in cached structures (pycountry: country names).
_LIBRARIES = ("pycountry",)


def cache_dir() -> Path | None:
    """``$BRIEFING_CACHE_DIR``, else the user's cache folder; None when
    ``$BRIEFING_NO_DISK_CACHE`` is set."""
    if os.environ.get("BRIEFING_NO_DISK_CACHE"):
        return None
    if os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(os.environ["BRIEFING_CACHE_DIR"])
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("briefing"))
    except ImportError:
        return Path.home() / ".cache" / "briefing"


@cache
def source_key() -> str:
    """Hash of every Python and YAML file of the package, and of the library versions."""
    digest = hashlib.sha256(sys.version.encode())
    for lib in _LIBRARIES:
        try:
            digest.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(lib.encode())
    files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yaml"))
    for path in files:
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@cache
def constructor_reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]] | None:
    """A pickle reducer that writes an instance of ``cls``, a slotted dataclass whose
    fields are all constructor arguments, as those arguments (None for other classes):
    the generic state protocol lists the class's fields again for every object, which
    made reading a trie back 3x slower. Only for pickles read by the very code that wrote
    them (this cache, the analysis workers' results)."""
    if not (dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")):
        return None
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        return None
    names = tuple(f.name for f in fields)
    return lambda obj: (cls, tuple(getattr(obj, n) for n in names))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        reduce = constructor_reducer(type(obj))
        return NotImplemented if reduce is None else reduce(obj)


def load(name: str) -> Any | None:
    """What :func:`store` kept under ``name`` for the same sources, else None."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}-{source_key()}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a torn or stale file: as if there were none
        log.debug("disk cache %s unreadable (%s)", path, exc)
        return None


def store(name: str, value: Any) -> None:
    """Keep ``value`` under ``name`` for later runs of the same sources (written whole,
    then renamed; files of ``name`` for other sources removed). Never fails."""
    folder = cache_dir()
    if folder is None:
        return
    path = folder / f"{name}-{source_key()}.pickle"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with staged_file(path) as (fh, tmp):
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in folder.glob(f"{name}-*.pickle"):
            # Only this name's files: "regex.sr-<key>" is not "regex.sr-Latn-<key>".
            if stale != path and len(stale.name) == len(path.name):
                stale.unlink(missing_ok=True)
    except Exception as exc:  # an optimisation only: never fail the run for it
        log.debug("disk cache %s not written (%s)", path, exc)


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run of the same sources."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_key()}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a torn or stale file: rebuild it
        log.debug("disk cache %s unreadable (%s): rebuilding", path, exc)
    value = build()
    try:
        with staged_file(path) as (fh, tmp):
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, path)
        for stale in folder.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("disk cache %s not written (%s)", path, exc)
    return value
