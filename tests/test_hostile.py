"""A hostile batch never sinks a run (issue 17): ``briefing run`` and ``briefing digest``
as subprocesses on a generated batch (tests/hostile_batch.py) with every bad case: good
articles in the brief, every bad file named in one warning line, no traceback, memory
bounded; a batch of only bad files fails with one line and leaves the last brief alone."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile_batch import Batch, make_batch

MAX_RSS_MB = 1500  # the batch holds a 21 MB line, a 5 MB text and a 2 MB one


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("BRIEFING_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    return make_batch(tmp_path_factory.mktemp("hostile") / "inbox")


@pytest.fixture(scope="module")
def only_hostile(tmp_path_factory) -> Batch:
    return make_batch(tmp_path_factory.mktemp("only-hostile") / "inbox", good=False)


def source_text(src: dict, folder: Path) -> str:
    if "text" in src:
        return src["text"]
    path = Path(src["path"])
    path = path if path.is_absolute() else ROOT / path
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


def check_brief(brief: dict, batch: Batch, *, by_id: bool = True) -> None:
    sources = {s["id"] if by_id else Path(s.get("path") or "").stem: s for s in brief["sources"]}
    for key, lang in batch.good.items():
        match = sources.get(key) or next(
            (s for s in brief["sources"] if s["id"].startswith(key)), None
        )
        assert match is not None, f"good article {key} missing from the brief"
        assert match["language"] == lang, (key, match["language"])
        if key in batch.limited:
            assert match["read_mode"] == "limited" and match["read_note"]
        else:
            assert match["read_mode"] == "full", (key, match.get("read_note"))
    texts = {s["id"]: source_text(s, batch.folder) for s in brief["sources"]}
    cites = [
        c
        for section in ("actors", "calendar", "positions", "sanctions_options")
        for item in brief[section]
        for c in item["citations"]
    ]
    assert cites
    big = [c for c in cites if c["source"].startswith("big") and c["start"] > 1_000_000]
    assert big, "nothing cited from the second half of the 2 MB article"
    for c in cites:
        assert texts[c["source"]][c["start"] : c["end"]] == c["sentence"]


def check_stderr(err: str, batch: Batch) -> None:
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith(("WARNING: ", "INFO: ")), f"not a one-line message: {line!r}"
    for what, case in batch.bad.items():
        named = [line for line in err.splitlines() if what in line and "WARNING" in line]
        assert named, f"{case}: no warning names {what!r}"


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def test_run_keeps_every_good_article_and_names_every_bad_file(batch, tmp_path):
    out = tmp_path / "out"
    r = cli("run", "--input", str(batch.folder), "--output", str(out), "--format", "json")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stdout
    check_stderr(r.stderr, batch)
    check_brief(json.loads((out / "brief.json").read_text(encoding="utf-8")), batch)
    assert peak_child_rss_mb() < MAX_RSS_MB


def test_run_on_only_hostile_files_fails_in_one_line_and_keeps_the_last_brief(
    only_hostile, tmp_path
):
    out = tmp_path / "out"
    out.mkdir()
    previous = b'{"schema": "briefing/1", "title": "yesterday"}\n'
    (out / "brief.json").write_bytes(previous)
    r = cli("run", "--input", str(only_hostile.folder), "--output", str(out), "--format", "json")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr + r.stdout
    errors = [line for line in r.stderr.splitlines() if line.startswith("briefing: error")]
    assert len(errors) == 1 and "no usable article" in errors[0]
    check_stderr("\n".join(x for x in r.stderr.splitlines() if x not in errors), only_hostile)
    assert (out / "brief.json").read_bytes() == previous
    assert sorted(p.name for p in out.iterdir()) == ["brief.json"]


def write_config(folder: Path, inbox: Path) -> Path:
    cfg = folder / "config.yaml"
    cfg.write_text(
        f"""title: "Hostile digest"
sources:
  - folder: {json.dumps(str(inbox))}
output: out
formats: [json]
state: state/briefing.db
schedule:
  cron: "0 6 * * mon-fri"
  timezone: Europe/Warsaw
""",
        encoding="utf-8",
    )
    return cfg


def test_digest_keeps_every_good_article_and_names_every_bad_file(batch, tmp_path):
    cfg = write_config(tmp_path, batch.folder)
    r = cli("digest", "--config", str(cfg))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stdout
    check_stderr(r.stderr, batch)
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    check_brief(brief, batch)
    assert peak_child_rss_mb() < MAX_RSS_MB


def test_digest_of_only_hostile_files_fails_in_one_line_and_keeps_the_last_brief(
    only_hostile, tmp_path
):
    cfg = write_config(tmp_path, only_hostile.folder)
    out = tmp_path / "out"
    out.mkdir()
    previous = b'{"schema": "briefing/1", "title": "yesterday"}\n'
    (out / "brief.json").write_bytes(previous)
    r = cli("digest", "--config", str(cfg))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr + r.stdout
    errors = [line for line in r.stderr.splitlines() if line.startswith("briefing: error")]
    assert len(errors) == 1, r.stderr
    assert (out / "brief.json").read_bytes() == previous
    assert sorted(p.name for p in out.iterdir()) == ["brief.json"]
