"""Command line: ``briefing run | digest | schedule``. Errors are one line, never a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing.errors import BriefingError

log = logging.getLogger("briefing")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _formats(value: str) -> list[str]:
    from briefing.render import FORMATS

    out = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise argparse.ArgumentTypeError(f"unknown format(s) {bad}; choose from json,html,pdf")
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="build a brief from files and folders")
    run.add_argument("--config", type=Path, help="config file (default: ./config.yaml)")
    run.add_argument("--input", action="append", type=Path, help="file or folder (repeatable)")
    run.add_argument("--output", type=Path, help="output folder")
    run.add_argument("--format", type=_formats, help="comma-separated: json,html,pdf")
    run.add_argument("--as-of", type=_date, help="date the brief speaks from (YYYY-MM-DD)")
    run.add_argument("--title", help="the brief's title")
    run.add_argument("--jobs", type=int, help="worker processes for the per-article stage")
    run.add_argument("--quiet", action="store_true", help="no progress display or notices")

    for name, text in (
        ("digest", "collect, build and mail the daily digest"),
        ("schedule", "run the digest on the configured schedule"),
    ):
        sp = sub.add_parser(name, help=text)
        sp.add_argument("--config", type=Path, help="config file (default: ./config.yaml)")
        sp.add_argument("--quiet", action="store_true")
    return p


def _setup_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root = logging.getLogger("briefing")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    root.propagate = False


def cmd_run(args: argparse.Namespace) -> int:
    from briefing.build import RunOptions, build_brief, write_outputs
    from briefing.config import load_config
    from briefing.ingest import load_paths

    cfg = load_config(args.config)
    if args.input:
        inputs = list(args.input)
    else:
        inputs = [cfg.path(s.folder) for s in cfg.sources if s.folder]
        if not inputs:
            raise BriefingError("no input: give --input or a folder source in config.yaml")
    out_dir = args.output or cfg.path(cfg.output)
    as_of = args.as_of or (_date(cfg.as_of) if cfg.as_of else None)
    opts = RunOptions(
        formats=args.format or cfg.formats,
        as_of=as_of,
        title=args.title or cfg.title,
        jobs=args.jobs or cfg.jobs,
        quiet=args.quiet,
    )
    articles = load_paths(inputs)
    if not articles:
        raise BriefingError(f"{', '.join(str(i) for i in inputs)}: no usable article found")
    brief = build_brief(articles, opts)
    paths = write_outputs(brief, out_dir, opts.formats)
    log.info(
        "brief of %d articles: %d actors, %d events, %d positions, %d sanctions options, "
        "%d disagreements -> %s",
        len(brief.sources),
        len(brief.actors),
        len(brief.calendar),
        len(brief.positions),
        len(brief.sanctions_options),
        len(brief.disagreements),
        ", ".join(str(p) for p in paths),
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(getattr(args, "quiet", False))
    try:
        if args.command == "run":
            return cmd_run(args)
        if args.command == "digest":
            from briefing.digest import cmd_digest

            return cmd_digest(args)
        if args.command == "schedule":
            from briefing.schedule import cmd_schedule

            return cmd_schedule(args)
    except BriefingError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"briefing: error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line (BRIEFING_DEBUG=1 shows the trace)
        import os

        if os.environ.get("BRIEFING_DEBUG"):
            raise
        reason = " ".join(str(exc).split())[:300]
        print(f"briefing: internal error: {type(exc).__name__}: {reason}", file=sys.stderr)
        return 1
    return 2
