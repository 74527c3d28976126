"""``pip install .`` (not editable) then ``briefing run`` from any folder: the wheel carries
the templates, styles and fonts, and the brief renders without the checkout."""

from __future__ import annotations

import subprocess
import sys
import venv

from tests.conftest import ROOT


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


def test_wheel_install_renders_outside_the_checkout(tmp_path):
    wheels = tmp_path / "wheels"
    r = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ]
    )
    assert r.returncode == 0, r.stderr
    wheel = next(wheels.glob("briefing-*.whl"))
    # The dependencies come from this interpreter; the package itself only from the wheel.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    r = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ]
    )
    assert r.returncode == 0, r.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run([str(python), "-c", "import briefing; print(briefing.__file__)"], cwd=elsewhere)
    assert str(env_dir) in where.stdout, where.stdout + where.stderr
    out = elsewhere / "out"
    r = _run(
        [
            str(python),
            "-m",
            "briefing",
            "run",
            "--input",
            str(ROOT / "seeds"),
            "--output",
            str(out),
            "--format",
            "html,pdf",
            "--quiet",
        ],
        cwd=elsewhere,
    )
    assert r.returncode == 0, r.stderr
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert '<section id="overview"' in html
    assert (out / "brief.pdf").read_bytes().startswith(b"%PDF")
