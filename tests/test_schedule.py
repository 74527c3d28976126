"""The schedule: crontab semantics (day-of-week numbering), the job store, a real run
of ``briefing schedule`` in a subprocess stopped by SIGTERM."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.schedule import build_trigger, cron_fields, ensure_job, make_scheduler
from tests.conftest import FIXTURES, ROOT

WARSAW = ZoneInfo("Europe/Warsaw")


def fire_times(expr: str, tz: str, start: dt.datetime, n: int) -> list[dt.datetime]:
    trigger = build_trigger(expr, tz)
    out: list[dt.datetime] = []
    prev = None
    now = start
    for _ in range(n):
        nxt = trigger.get_next_fire_time(prev, now)
        out.append(nxt)
        prev, now = nxt, nxt + dt.timedelta(seconds=1)
    return out


def test_weekdays_fire_monday_to_friday_in_the_configured_zone():
    saturday = dt.datetime(2026, 3, 21, 12, 0, tzinfo=WARSAW)
    for expr in ("0 6 * * mon-fri", "0 6 * * 1-5"):
        times = fire_times(expr, "Europe/Warsaw", saturday, 6)
        assert [t.strftime("%a %H:%M") for t in times] == [
            "Mon 06:00",
            "Tue 06:00",
            "Wed 06:00",
            "Thu 06:00",
            "Fri 06:00",
            "Mon 06:00",
        ]
    # Across the spring clock change (29 March 2026) it stays 06:00 local time.
    times = fire_times("0 6 * * *", "Europe/Warsaw", dt.datetime(2026, 3, 27, 7, tzinfo=WARSAW), 2)
    assert [t.utcoffset() for t in times] == [dt.timedelta(hours=1), dt.timedelta(hours=2)]
    assert all(t.hour == 6 for t in times)


@pytest.mark.parametrize(
    ("dow", "days"),
    [
        ("0", ["Sun"]),
        ("7", ["Sun"]),
        ("sun", ["Sun"]),
        ("6,0", ["Sat", "Sun"]),
        ("5-7", ["Fri", "Sat", "Sun"]),
        ("fri-sun", ["Fri", "Sat", "Sun"]),
        ("*/2", ["Sun", "Tue", "Thu", "Sat"]),
        ("1/3", ["Mon", "Thu"]),
    ],
)
def test_day_of_week_counts_from_sunday_as_crontab_does(dow, days):
    start = dt.datetime(2026, 1, 4, 0, 0, tzinfo=dt.UTC)  # a Sunday
    times = fire_times(f"30 7 * * {dow}", "UTC", start, 7 * len(days))
    assert {t.strftime("%a") for t in times} == set(days)


@pytest.mark.parametrize(
    ("expr", "complaint"),
    [
        ("0 6 * *", "want 5"),
        ("0 25 * * *", "hour"),
        ("61 6 * * *", "minute"),
        ("0 6 * * funday", "day-of-week"),
        ("0 6 * * 5-2", "backwards"),
        ("0 6 1 * mon", "not both"),
    ],
)
def test_bad_cron_is_refused_with_the_field_named(expr, complaint):
    with pytest.raises(ValueError, match=complaint):
        cron_fields(expr)


def test_macros_and_seconds_field():
    assert cron_fields("@daily")["hour"] == "0"
    assert cron_fields("*/2 * * * * *")["second"] == "*/2"


def test_bad_cron_in_config_names_file_and_key(tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text('schedule:\n  cron: "0 6 * * 1-9"\n')
    with pytest.raises(ConfigError, match=r"schedule\.cron") as err:
        load_config(cfg)
    assert str(cfg) in str(err.value)


def test_job_store_keeps_an_unchanged_job_so_missed_runs_still_fire(tmp_path):
    url = f"sqlite:///{tmp_path / 'state.db'}"
    trigger = build_trigger("0 6 * * mon-fri", "Europe/Warsaw")
    sched = make_scheduler(url, "Europe/Warsaw", 3600)
    sched.start(paused=True)
    job = ensure_job(sched, trigger, "/etc/briefing.yaml", 3600)
    assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 3600)
    # As if the machine slept through a run: the stored next run lies in the past.
    missed = dt.datetime(2026, 1, 5, 6, 0, tzinfo=WARSAW)
    sched.modify_job(job.id, next_run_time=missed)
    sched.shutdown(wait=False)

    again = make_scheduler(url, "Europe/Warsaw", 3600)
    again.start(paused=True)
    kept = ensure_job(
        again, build_trigger("0 6 * * 1-5", "Europe/Warsaw"), "/etc/briefing.yaml", 3600
    )
    assert kept.next_run_time == missed  # not recomputed: the missed run is still due
    moved = ensure_job(
        again, build_trigger("0 7 * * 1-5", "Europe/Warsaw"), "/etc/briefing.yaml", 3600
    )
    assert moved.next_run_time.hour == 7  # a new cron replaces the stored job
    assert len(again.get_jobs()) == 1
    again.shutdown(wait=False)


def test_in_process_scheduler_fires_on_a_per_second_cron(tmp_path):
    """The real job function on a real trigger: one digest per fire, one at a time."""
    from apscheduler.events import EVENT_JOB_EXECUTED

    cfg = tmp_path / "config.yaml"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "de.txt").write_text((FIXTURES / "digest" / "de_gipfel.txt").read_text())
    cfg.write_text("sources:\n  - folder: inbox\nformats: [json]\noutput: out\nstate: state.db\n")
    sched = make_scheduler(f"sqlite:///{tmp_path / 'state.db'}", "UTC", 30)
    runs: list[dt.datetime] = []
    sched.add_listener(lambda ev: runs.append(ev.scheduled_run_time), EVENT_JOB_EXECUTED)
    sched.start(paused=True)
    ensure_job(sched, build_trigger("* * * * * *", "UTC"), str(cfg), 30)
    sched.resume()
    deadline = time.monotonic() + 20
    while len(runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    sched.shutdown(wait=True)
    assert len(runs) >= 2
    assert (tmp_path / "out" / "brief.json").exists()
    db = sqlite3.connect(tmp_path / "state.db")
    assert db.execute("select count(*) from digests").fetchone() == (1,)  # then nothing new


def test_missed_runs_are_coalesced_into_one(tmp_path):
    from apscheduler.events import EVENT_JOB_EXECUTED

    cfg = tmp_path / "config.yaml"
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "es.txt").write_text((FIXTURES / "digest" / "es_cumbre.txt").read_text())
    cfg.write_text("sources:\n  - folder: inbox\nformats: [json]\noutput: out\nstate: state.db\n")
    sched = make_scheduler(f"sqlite:///{tmp_path / 'state.db'}", "UTC", 60)
    executed: list[dt.datetime] = []
    sched.add_listener(lambda ev: executed.append(ev.scheduled_run_time), EVENT_JOB_EXECUTED)
    sched.start(paused=True)
    job = ensure_job(sched, build_trigger("* * * * * *", "UTC"), str(cfg), 60)
    # Six per-second runs were missed while the scheduler was down.
    resumed = dt.datetime.now(dt.UTC)
    sched.modify_job(job.id, next_run_time=resumed - dt.timedelta(seconds=6))
    sched.resume()
    deadline = time.monotonic() + 20
    while not executed and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    sched.shutdown(wait=True)
    missed = [t for t in executed if t <= resumed]
    assert len(missed) == 1  # one run for all six (the latest), not six runs
    assert missed[0] > resumed - dt.timedelta(seconds=2)


def start_schedule(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "fr.txt").write_text((FIXTURES / "digest" / "fr_sanctions.txt").read_text())
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        "sources:\n  - folder: inbox\nformats: [json]\noutput: out\nstate: state/b.db\n"
        'schedule:\n  cron: "*/1 * * * * *"\n  timezone: Europe/Warsaw\n'
    )
    log = tmp_path / "stderr.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefing", "schedule", "--config", str(cfg)],
            cwd=ROOT,
            stderr=err,
            stdout=subprocess.DEVNULL,
            env=env,
        )
    return proc, log


def wait_for(proc: subprocess.Popen, log: Path, text: str, count: int = 1) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        seen = log.read_text()
        if seen.count(text) >= count:
            return
        assert proc.poll() is None, seen
        time.sleep(0.1)
    pytest.fail(f"{text!r} never logged:\n{log.read_text()}")


def test_schedule_command_fires_on_its_cron_and_stops_cleanly_on_sigterm(tmp_path):
    proc, log = start_schedule(tmp_path)
    try:
        wait_for(proc, log, "scheduled digest:", 2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text()
    assert "scheduler started" in text
    assert "scheduled digest: 1 articles, files written" in text
    assert "scheduled digest: nothing new" in text
    assert "SIGTERM received" in text and "scheduler stopped" in text
    assert "Traceback" not in text
    db = sqlite3.connect(tmp_path / "state" / "b.db")
    assert db.execute("select id from apscheduler_jobs").fetchall() == [("briefing-digest",)]
    assert Path(tmp_path / "out" / "brief.json").exists()


def test_sigint_during_a_run_lets_it_finish_then_exits_cleanly(tmp_path):
    proc, log = start_schedule(tmp_path)
    try:
        wait_for(proc, log, "scheduler started")
        # The first per-second fire comes within a second; loading the pipeline in a
        # fresh process takes longer, so the signal lands while that run is going on.
        time.sleep(1.5)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text()
    assert "SIGINT received" in text and "Traceback" not in text
    assert text.index("scheduled digest:") < text.index("scheduler stopped")
    assert Path(tmp_path / "out" / "brief.json").exists()
