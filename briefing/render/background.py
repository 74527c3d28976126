"""The PDF rendered in a forked process while the parent writes the JSON and the HTML.

The PDF is most of a run's rendering (WeasyPrint's import, layout and drawing) and needs
nothing the other formats produce, so on a machine with a core to spare it overlaps with
them: the child builds the brief's view and the PDF from its copy of the brief (the same
view the parent builds for the HTML: ``brief_view`` is deterministic) and stages the file
beside its destination; the parent renames it into place with the others. A child that
fails stages nothing and the caller renders in-process, so an error surfaces exactly as it
did without the overlap.

Only where ``os.fork`` exists and the process runs a single thread: forking a threaded
process (the ``serve`` command's server) could copy a lock another thread holds.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import tempfile
import threading
from pathlib import Path

from briefing.models import Brief
from briefing.render import RenderOptions

log = logging.getLogger("briefing.render")

# Below this many cores the child would only take turns with the parent.
MIN_CORES = 2


def can_fork() -> bool:
    return (
        hasattr(os, "fork") and (os.cpu_count() or 1) >= MIN_CORES and threading.active_count() == 1
    )


class BackgroundPdf:
    """A PDF being rendered in a child process into a staged file beside ``path``."""

    def __init__(self, pid: int, pipe: int, path: Path, staged: Path) -> None:
        self.pid = pid
        self._pipe = pipe
        self.path = path
        self.staged = staged
        self._done = False

    def result(self) -> Path | None:
        """Waits for the child: the staged file (to ``os.replace`` onto ``path``), or
        None when the child failed (the caller renders the PDF itself)."""
        chunks = []
        pipe, self._pipe = self._pipe, -1  # closed below, whatever happens
        with os.fdopen(pipe, "rb") as fh:
            while chunk := fh.read(65536):
                chunks.append(chunk)
        _pid, status = os.waitpid(self.pid, 0)
        self._done = True
        message = b"".join(chunks).decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) == 0 and message == "ok":
            return self.staged
        self.staged.unlink(missing_ok=True)
        log.debug("PDF in a child process failed (%s); rendering it here", message[:500])
        return None

    def cancel(self) -> None:
        """Stops the child and removes what it staged (the run failed elsewhere)."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        if self._pipe >= 0:
            with contextlib.suppress(OSError):
                os.close(self._pipe)
            self._pipe = -1
        self.staged.unlink(missing_ok=True)


def start_pdf(brief: Brief, path: Path, opts: RenderOptions | None) -> BackgroundPdf | None:
    """Starts rendering ``brief``'s PDF in a forked child; None when this process should
    not fork (see the module's docstring)."""
    if not can_fork():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    # Staged as briefing.fsio.staged_file stages: a temporary file beside ``path`` with
    # the mode an ordinary open() would give it; named here, so the parent can remove it.
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    staged = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staged, 0o666 & ~umask)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:  # no process to spare: render in this one
        log.debug("no child process for the PDF (%s)", exc)
        os.close(read_end)
        os.close(write_end)
        staged.unlink(missing_ok=True)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read_end)
            # The inherited heap (the brief, the analysis' leftovers) is never garbage
            # here: out of the collector's reach, its pages are not copied for it either.
            gc.freeze()
            # And no cyclic collection at all in this short-lived child: WeasyPrint's
            # boxes and styles trigger hundreds of collections that free next to nothing
            # (a tenth of the PDF's CPU time at 2,000 articles; peak memory the same within
            # 3 MB); the process exits when the file is written.
            gc.disable()
            _render_into(brief, staged, opts)
            message = "ok"
            code = 0
        except BaseException as exc:  # reported to the parent, which renders again
            message = f"error {type(exc).__name__}: {exc}"
        try:
            os.write(write_end, message.encode("utf-8", "replace")[:4000])
        finally:
            os._exit(code)  # no atexit handlers, no flushing of the parent's buffers
    os.close(write_end)
    return BackgroundPdf(pid, read_end, path, staged)


def _render_into(brief: Brief, staged: Path, opts: RenderOptions | None) -> None:
    from briefing.render.pdf import render_pdf

    data = render_pdf(brief, opts=opts)
    with staged.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
