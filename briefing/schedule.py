"""``briefing schedule``: the digest on the configured cron, until SIGTERM or SIGINT.

APScheduler 3 with its job store in the state database, so a run missed while the
machine was off still happens once at start (coalesced, within the misfire grace time),
and one run at a time. The job reloads the config on every run: recipients or sources
can change without a restart; a new cron or time zone needs one.

Crontab day-of-week numbers count from Sunday (0 or 7); APScheduler's count from Monday.
``cron_fields`` therefore expands the day-of-week field itself and hands APScheduler
day names, never numbers.
"""

from __future__ import annotations

import argparse
import logging
import re
import signal
import threading
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from briefing.errors import BriefingError, ConfigError

log = logging.getLogger("briefing.schedule")

JOB_ID = "briefing-digest"
JOB_TABLE = "apscheduler_jobs"

MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
# Crontab numbering: 0 and 7 are Sunday.
DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
FULL_DAY_NAMES = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_FIELDS5 = ("minute", "hour", "day", "month", "day_of_week")
_DOW_TOKEN = re.compile(r"^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:/(\d+))?$")


def _day_number(token: str, *, end: bool) -> int:
    if token.isdigit():
        n = int(token)
        if not 0 <= n <= 7:
            raise ValueError(f"day of week {token} is not 0-7")
        return n
    if token in DAY_NAMES:
        n = DAY_NAMES.index(token)
    elif token in FULL_DAY_NAMES:
        n = FULL_DAY_NAMES.index(token)
    else:
        raise ValueError(f"unknown day of week {token!r}")
    # "fri-sun": Sunday closing a range is day 7, as in crontab's "5-7".
    return 7 if end and n == 0 else n


def _expand_dow(field: str) -> set[int]:
    days: set[int] = set()
    for token in field.lower().split(","):
        m = _DOW_TOKEN.match(token)
        if not m:
            raise ValueError(f"bad day-of-week item {token!r}")
        base, step_s = m.group(1), m.group(2)
        step = int(step_s) if step_s else 1
        if step < 1:
            raise ValueError(f"bad step in {token!r}")
        if base == "*":
            lo, hi = 0, 6
        elif "-" in base:
            a, b = base.split("-")
            lo, hi = _day_number(a, end=False), _day_number(b, end=True)
            if lo > hi:
                raise ValueError(f"day-of-week range {token!r} runs backwards")
        else:
            lo = _day_number(base, end=False)
            hi = 6 if step_s else lo  # "1/2" means from Monday on, every other day
        days.update(n % 7 for n in range(lo, hi + 1, step))
    return days


def dow_names(field: str) -> str:
    """A crontab day-of-week field as APScheduler day names (``*`` stays ``*``)."""
    if field == "*":
        return "*"
    days = _expand_dow(field)
    if days == set(range(7)):
        return "*"
    monday_first = [1, 2, 3, 4, 5, 6, 0]
    return ",".join(DAY_NAMES[d] for d in monday_first if d in days)


def cron_fields(expr: str) -> dict[str, str]:
    """CronTrigger keyword arguments for a crontab expression.

    Five fields (minute hour day month day-of-week) as in crontab, or six with seconds
    first; the ``@daily``-style macros too. Raises ``ValueError`` naming the bad field.
    """
    text = MACROS.get(expr.strip().lower(), expr.strip())
    parts = text.split()
    if len(parts) == 5:
        names: tuple[str, ...] = _FIELDS5
        fields = dict(zip(names, parts, strict=True))
        fields["second"] = "0"
    elif len(parts) == 6:
        names = ("second", *_FIELDS5)
        fields = dict(zip(names, parts, strict=True))
    else:
        raise ValueError(
            f"{expr!r} has {len(parts)} fields; want 5 (minute hour day month day-of-week)"
        )
    if fields["day"] != "*" and fields["day_of_week"] != "*":
        # crontab runs when either matches, APScheduler when both do: refuse to guess.
        raise ValueError("restrict day of month or day of week, not both")
    try:
        fields["day_of_week"] = dow_names(fields["day_of_week"])
    except ValueError as exc:
        raise ValueError(f"day-of-week field: {exc}") from None
    from apscheduler.triggers.cron import CronTrigger

    for name, value in fields.items():
        try:
            CronTrigger(**{name: value})
        except ValueError as exc:
            raise ValueError(f"{name} field {value!r}: {exc}") from None
    return fields


def build_trigger(expr: str, timezone: str) -> Any:
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger(**cron_fields(expr), timezone=ZoneInfo(timezone))


def scheduled_digest(config_path: str) -> None:
    """The job: one digest run and one log line; never raises (APScheduler would log a
    traceback, and the next run must still happen)."""
    from briefing.config import load_config
    from briefing.digest import run_digest

    started = time.monotonic()
    try:
        result = run_digest(load_config(config_path))
    except BriefingError as exc:
        log.error("scheduled digest failed: %s", exc)
        return
    except Exception as exc:  # a bug must not stop the schedule
        log.error("scheduled digest failed unexpectedly: %s: %s", type(exc).__name__, exc)
        return
    took = time.monotonic() - started
    if result.outcome == "nothing-new":
        log.info("scheduled digest: nothing new, nothing sent (%.1f s)", took)
    elif result.outcome == "written":
        log.info("scheduled digest: %d articles, files written (%.1f s)", result.articles, took)
    else:
        log.info(
            "scheduled digest: %d articles sent to %d recipients (%.1f s)",
            result.articles,
            len(result.recipients),
            took,
        )


def make_scheduler(state_url: str, timezone: str, misfire_grace: int) -> Any:
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.base import STATE_STOPPED

    from briefing.store import make_engine

    class Scheduler(BackgroundScheduler):
        def _process_jobs(self) -> Any:
            # APScheduler 3 wakes its loop once more after shutdown() and would hand a
            # job due that instant to the closed executor, logging a traceback and
            # moving the job past the run it never made. A stopped scheduler runs nothing.
            if self.state == STATE_STOPPED:
                return None
            return super()._process_jobs()

    return Scheduler(
        jobstores={
            "default": SQLAlchemyJobStore(engine=make_engine(state_url), tablename=JOB_TABLE)
        },
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": misfire_grace},
        timezone=ZoneInfo(timezone),
    )


def ensure_job(scheduler: Any, trigger: Any, config_path: str, misfire_grace: int) -> Any:
    """The digest job, kept from the job store when unchanged so that a run missed while
    the scheduler was down still fires; replaced when the cron, zone or config moved."""
    try:
        job = scheduler.get_job(JOB_ID)
    except Exception as exc:  # an unreadable stored job (older code): start afresh
        log.warning("stored schedule unreadable (%s); replacing it", exc)
        scheduler.remove_all_jobs()
        job = None
    if (
        job is not None
        and str(job.trigger) == str(trigger)
        and str(job.trigger.timezone) == str(trigger.timezone)
        and tuple(job.args) == (config_path,)
        and job.misfire_grace_time == misfire_grace
    ):
        return job
    return scheduler.add_job(
        scheduled_digest,
        trigger,
        args=[config_path],
        id=JOB_ID,
        name="briefing digest",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=misfire_grace,
    )


def cmd_schedule(args: argparse.Namespace) -> int:
    from briefing.config import load_config

    path = Path(args.config) if args.config else Path("config.yaml")
    if not path.exists():
        raise ConfigError(f"{path}: config file not found (the schedule needs one)")
    cfg = load_config(path)
    sched_cfg = cfg.schedule
    trigger = build_trigger(sched_cfg.cron, sched_cfg.timezone)
    scheduler = make_scheduler(cfg.state_url, sched_cfg.timezone, sched_cfg.misfire_grace_seconds)

    stop = threading.Event()
    received: list[str] = []

    def on_signal(signum: int, _frame: Any) -> None:
        received.append(signal.Signals(signum).name)
        stop.set()

    # APScheduler's own warnings (a missed run, a job store error) in the same format.
    aps = logging.getLogger("apscheduler")
    aps.handlers[:] = logging.getLogger("briefing").handlers
    aps.setLevel(logging.WARNING)
    aps.propagate = False

    from sqlalchemy.exc import SQLAlchemyError

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        try:
            scheduler.start(paused=True)
            job = ensure_job(
                scheduler, trigger, str(path.resolve()), sched_cfg.misfire_grace_seconds
            )
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise BriefingError(f"job store in {cfg.state_url}: {reason}") from None
        scheduler.resume()
        log.info(
            "scheduler started: digest on '%s' (%s), next run %s",
            sched_cfg.cron,
            sched_cfg.timezone,
            job.next_run_time.isoformat() if job.next_run_time else "none",
        )
        while not stop.wait(1.0):
            pass
        log.info("%s received: stopping after any running digest", received[0])
        scheduler.shutdown(wait=True)
        log.info("scheduler stopped")
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if scheduler.running:
            scheduler.shutdown(wait=False)
    return 0
