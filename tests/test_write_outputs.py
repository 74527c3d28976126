"""The JSON brief is streamed to disk, byte for byte what ``render_json`` gives."""

from __future__ import annotations

import pytest

from briefing.build import write_outputs
from briefing.render.json_brief import render_json


def test_streamed_json_is_render_json(seed_brief, tmp_path):
    paths = write_outputs(seed_brief, tmp_path / "out", ["json", "html"])
    assert [p.name for p in paths] == ["brief.json", "brief.html"]
    assert (tmp_path / "out" / "brief.json").read_bytes() == render_json(seed_brief).encode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["brief.html", "brief.json"]


def test_failed_render_leaves_the_previous_brief(seed_brief, tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_outputs(seed_brief, out, ["json"])
    before = (out / "brief.json").read_bytes()

    def broken(_brief, **_options):
        raise RuntimeError("no fonts")

    monkeypatch.setattr("briefing.render.html.render_html", broken)
    seed_brief_title = seed_brief.title
    seed_brief.title = "Changed"
    try:
        with pytest.raises(RuntimeError):
            write_outputs(seed_brief, out, ["json", "html"])
    finally:
        seed_brief.title = seed_brief_title
    assert (out / "brief.json").read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["brief.json"]
