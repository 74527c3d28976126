"""The build worker: a worker that dies fails its build with the reason and a new one takes
the queue; stopping abandons a running build without leaving a brief behind."""

from __future__ import annotations

import os
import signal
import time

from briefing.config import load_config
from briefing.serve.build import archive_dir, new_id
from briefing.serve.worker import Builder
from briefing.store import Store
from tests.serve.conftest import write_config


def _wait(builder: Builder, job_id: str, states: tuple[str, ...], timeout: float = 300.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = builder.get(job_id)
        if job is not None and job.state in states:
            return job
        time.sleep(0.1)
    raise AssertionError(f"{job_id} never reached {states}: {builder.get(job_id)}")


def test_a_dead_worker_fails_its_build_and_another_takes_the_queue(tmp_path, corpus):
    cfg = load_config(write_config(tmp_path, corpus))
    builder = Builder(cfg, max_queue=3)
    builder.start()
    try:
        first = builder.submit(new_id(), "Killed", None, None)
        second = builder.submit(new_id(), "After", None, None)
        _wait(builder, first.id, ("collecting", "analysing", "rendering"))
        os.kill(builder._proc.pid, signal.SIGKILL)  # the worker this test started
        failed = _wait(builder, first.id, ("failed", "done"), timeout=30)
        assert failed.state == "failed"
        assert failed.error == "the build's worker process stopped (exit code -9)"
        done = _wait(builder, second.id, ("failed", "done"))
        assert done.state == "done", done.error
    finally:
        builder.stop()
    with Store(cfg.state_url) as store:
        assert [b.title for b in store.archived_briefs()] == ["After"]
    assert sorted(p.name for p in archive_dir(cfg).iterdir()) == [second.id]


def test_stop_abandons_the_running_build(tmp_path, corpus):
    cfg = load_config(write_config(tmp_path, corpus))
    builder = Builder(cfg, max_queue=3)
    builder.start()
    job = builder.submit(new_id(), "Abandoned", None, None)
    waiting = builder.submit(new_id(), "Never started", None, None)
    _wait(builder, job.id, ("collecting", "analysing", "rendering"))
    assert builder.stop() == job.id
    assert builder.get(job.id).state == "failed"
    assert builder.get(waiting.id).error == "the server stopped before this build began"
    with Store(cfg.state_url) as store:
        assert store.archived_briefs() == []
    leftovers = list(archive_dir(cfg).glob("*")) if archive_dir(cfg).exists() else []
    assert all(p.name.startswith(".tmp-") for p in leftovers)  # removed at the next start
