"""Atomic file writes: a failed run never leaves a half-written or lost output."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def staged_file(path: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A temporary file beside ``path``, flushed to disk when the block ends; removed if
    the block fails. The caller renames it onto ``path`` (``os.replace``) when ready, so
    several outputs can be staged first and swapped in together."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        # mkstemp creates 0600; give the file the mode an ordinary open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            yield fh, tmp
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with staged_file(path) as (fh, tmp):
        fh.write(data)
    os.replace(tmp, path)
