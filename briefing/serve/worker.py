"""Builds in one worker process, one at a time, in order of arrival.

The web process only queues a request and reads its state: the analysis (spaCy, CPU-bound
for minutes) runs in a separate process started with ``spawn`` (no copy of the server's
threads or sockets), so pages and ``/healthz`` answer while it works. The worker reports
each step on a queue that a thread of the web process reads. If the worker dies, the build
it ran fails with that reason and a new worker takes the rest of the queue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import multiprocessing as mp
import queue
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from briefing.config import Config

log = logging.getLogger("briefing.serve")

State = Literal["queued", "collecting", "analysing", "rendering", "done", "failed"]
FINISHED = ("done", "failed")
# Finished jobs kept for their pages (the archive keeps the briefs themselves).
KEEP_FINISHED = 200
# A worker that dies this many times within RESPAWN_WINDOW seconds is not started again:
# something is wrong with the machine or the install, and every build would fail alike.
MAX_RESPAWNS = 3
RESPAWN_WINDOW = 60.0


class QueueFull(Exception):
    pass


@dataclass
class Job:
    id: str
    title: str
    since: dt.date | None
    until: dt.date | None
    created: dt.datetime
    state: State = "queued"
    done: int = 0
    total: int = 0
    note: str = ""
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else ""
    from briefing.errors import BriefingError

    if isinstance(exc, BriefingError):
        return first or type(exc).__name__
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def worker_main(cfg: Config, jobs: Any, events: Any) -> None:
    """The worker process: take (id, title, since, until) tuples until ``None``."""
    # Ctrl-C reaches the whole process group: the server decides when the worker stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: worker: %(message)s"))
    root = logging.getLogger("briefing")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    root.propagate = False
    from briefing.serve.build import run_build

    while True:
        item = jobs.get()
        if item is None:
            return
        job_id, title, since, until = item

        def report(stage: str, done: int, total: int, note: str, job_id: str = job_id) -> None:
            events.put(("progress", job_id, stage, done, total, note))

        try:
            run_build(cfg, brief_id=job_id, title=title, since=since, until=until, report=report)
        except Exception as exc:  # every failure is the build's one-line error
            if not _is_user_error(exc):
                log.exception("build %s failed", job_id)
            events.put(("failed", job_id, _one_line(exc)))
        else:
            events.put(("done", job_id))


def _is_user_error(exc: BaseException) -> bool:
    from briefing.errors import BriefingError

    return isinstance(exc, BriefingError | OSError)


class Builder:
    """The queue of builds and the worker process that runs them."""

    def __init__(self, cfg: Config, max_queue: int) -> None:
        self.cfg = cfg
        self.max_queue = max_queue
        self._ctx = mp.get_context("spawn")
        self._jobs_q: Any = self._ctx.Queue()
        self._events: Any = self._ctx.Queue()
        self._lock = threading.Lock()
        self._all: dict[str, Job] = {}
        self._order: list[str] = []  # submission order
        self._proc: Any = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._respawns: list[float] = []
        self.broken: str | None = None

    # -- life ---------------------------------------------------------------------

    def start(self) -> None:
        self._spawn()
        self._thread = threading.Thread(target=self._watch, name="build-events", daemon=True)
        self._thread.start()

    def _spawn(self) -> None:
        self._proc = self._ctx.Process(
            target=worker_main,
            args=(self.cfg, self._jobs_q, self._events),
            name="briefing-build",
            daemon=True,
        )
        self._proc.start()

    def stop(self, grace: float = 0.0) -> str | None:
        """Stop the worker. A running build gets ``grace`` seconds to finish, then is
        abandoned (its staging folder never becomes a brief). Returns the id of an
        abandoned build, if any."""
        self._stopping.set()
        abandoned = None
        with self._lock:
            running = [j for j in self._all.values() if j.state not in ("queued", *FINISHED)]
            # A job the worker took but has not reported on yet counts as running.
            idle = not any(not j.finished for j in self._all.values())
            for job in self._all.values():
                if job.state == "queued":
                    job.state, job.error = "failed", "the server stopped before this build began"
        proc = self._proc
        if proc is not None and proc.is_alive():
            self._jobs_q.put(None)
            # An idle worker holds nothing: no need to wait for it to read the sentinel.
            proc.join(0 if idle else grace)
            if proc.is_alive():
                abandoned = running[0].id if running else None
                proc.terminate()
                proc.join(5.0)
            if proc.is_alive():
                proc.kill()
                proc.join(5.0)
        if abandoned:
            with self._lock:
                job = self._all[abandoned]
                job.state, job.error = "failed", "abandoned: the server stopped during the build"
        self._jobs_q.cancel_join_thread()
        self._events.cancel_join_thread()
        return abandoned

    # -- requests -----------------------------------------------------------------

    def submit(self, job_id: str, title: str, since: dt.date | None, until: dt.date | None) -> Job:
        with self._lock:
            if self._stopping.is_set():
                raise QueueFull("the server is stopping")
            if self.broken:
                raise QueueFull(self.broken)
            waiting = sum(1 for j in self._all.values() if not j.finished)
            if waiting >= self.max_queue:
                raise QueueFull(
                    f"{waiting} builds are queued or running (at most {self.max_queue}): "
                    "try again when one has finished"
                )
            job = Job(job_id, title, since, until, dt.datetime.now(dt.UTC))
            self._all[job_id] = job
            self._order.append(job_id)
            self._forget_old()
            self._jobs_q.put((job_id, title, since, until))
            return dataclasses.replace(job)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._all.get(job_id)
            return dataclasses.replace(job) if job is not None else None

    def waiting(self) -> int:
        """Builds queued or running."""
        with self._lock:
            return sum(1 for j in self._all.values() if not j.finished)

    def position(self, job_id: str) -> int:
        """How many builds run or wait before ``job_id``."""
        with self._lock:
            ahead = 0
            for jid in self._order:
                if jid == job_id:
                    return ahead
                if not self._all[jid].finished:
                    ahead += 1
            return ahead

    def _forget_old(self) -> None:
        finished = [jid for jid in self._order if self._all[jid].finished]
        for jid in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            self._order.remove(jid)
            del self._all[jid]

    # -- the worker's reports -----------------------------------------------------

    def _watch(self) -> None:
        while not self._stopping.is_set():
            try:
                event = self._events.get(timeout=0.5)
            except queue.Empty:
                self._check_alive()
                continue
            except (EOFError, OSError):
                return
            self._apply(event)

    def _apply(self, event: tuple[Any, ...]) -> None:
        kind, job_id = event[0], event[1]
        with self._lock:
            job = self._all.get(job_id)
            if job is None or job.finished:
                return
            if kind == "progress":
                _, _, stage, done, total, note = event
                # "done" comes with its own event, once the brief is in the archive.
                job.state = "rendering" if stage == "done" else stage
                job.done, job.total = done, total
                job.note = note or job.note
            elif kind == "done":
                job.state = "done"
            elif kind == "failed":
                job.state, job.error = "failed", event[2]

    def _check_alive(self) -> None:
        proc = self._proc
        if proc is None or proc.is_alive() or self._stopping.is_set():
            return
        with self._lock:
            for job in self._all.values():
                if job.state not in ("queued", *FINISHED):
                    job.state = "failed"
                    job.error = f"the build's worker process stopped (exit code {proc.exitcode})"
        now = time.monotonic()
        self._respawns = [t for t in self._respawns if now - t < RESPAWN_WINDOW] + [now]
        if len(self._respawns) > MAX_RESPAWNS:
            self.broken = (
                f"the build worker stopped {len(self._respawns)} times in a minute "
                f"(last exit code {proc.exitcode}); see the server's log"
            )
            log.error("%s: no more builds until the server restarts", self.broken)
            with self._lock:
                for job in self._all.values():
                    if not job.finished:
                        job.state, job.error = "failed", self.broken
            self._proc = None
            return
        log.warning("build worker stopped (exit code %s): starting another", proc.exitcode)
        self._spawn()
