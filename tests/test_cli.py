import json
import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True
    )


def test_missing_input_is_one_line_error(tmp_path):
    r = run_cli("run", "--input", str(tmp_path / "missing"), "--output", str(tmp_path))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0
    assert "missing" in r.stderr


def test_folder_without_usable_article_fails_cleanly(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    r = run_cli("run", "--input", str(src), "--output", str(tmp_path / "out"), "--quiet")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert "no usable article" in r.stderr


def test_broken_config_names_file_and_line(tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text("title: [unclosed\nsources:\n  - folder: x\n")
    r = run_cli("run", "--config", str(cfg))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert str(cfg) in r.stderr and "line" in r.stderr


def test_bad_config_key_is_named(tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text("sources:\n  - folder: x\n    feed: y\n")
    r = run_cli("run", "--config", str(cfg))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "sources.0" in r.stderr


def test_failed_run_leaves_previous_brief_untouched(tmp_path):
    out = tmp_path / "out"
    good = run_cli("run", "--input", "seeds", "--output", str(out), "--format", "json", "--quiet")
    assert good.returncode == 0, good.stderr
    before = (out / "brief.json").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    r = run_cli("run", "--input", str(bad), "--output", str(out), "--format", "json", "--quiet")
    assert r.returncode != 0
    assert (out / "brief.json").read_bytes() == before
    assert json.loads(before)["schema"] == "briefing/1"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
