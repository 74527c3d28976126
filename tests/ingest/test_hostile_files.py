"""Malformed files and records are reported by file (and line) and the rest is read."""

from __future__ import annotations

import json

import pytest

import briefing.ingest.files as files_mod
from briefing.errors import InputError
from briefing.ingest import load_paths

GOOD = {"id": "good", "text": "Lavrov met Blinken in Geneva.", "language": "en"}


def messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records]


def test_jsonl_bad_lines_are_named_and_the_rest_is_read(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(files_mod, "MAX_BYTES", 1000)
    rows = [
        b'{"text": "cut',
        json.dumps({"text": ["a"], "id": "types"}).encode(),
        b'{"text": "raw \x00 NUL"}',
        b'{"text": "' + b"x" * 5000 + b'"}',
        json.dumps({**GOOD, "id": "nodate", "published": "not a date"}).encode(),
        b"",
        b"   ",
        json.dumps({**GOOD, "id": "nul", "text": "NATO\u0000 met."}).encode(),
        json.dumps(GOOD).encode(),
    ]
    (tmp_path / "r.jsonl").write_bytes(b"\n".join(rows) + b"\n")
    arts = load_paths([tmp_path])
    assert [a.id for a in arts] == ["nodate", "nul", "good"]
    assert [a.line for a in arts] == [5, 8, 9]
    assert arts[0].published is None and arts[0].published_basis == "unknown"
    assert arts[1].text == "NATO  met."  # same length: offsets kept
    msgs = messages(caplog)
    for line, what in [
        (1, "invalid JSON"),
        (2, "JSON record's 'text' is a list"),
        (3, "invalid JSON"),
    ]:
        assert any(f"r.jsonl: line {line}: skipped: {what}" in m for m in msgs), (line, msgs)
    assert any("line 4: skipped: line longer than 1000 bytes" in m for m in msgs)
    assert any("line 5: 'published' 'not a date' is not a date" in m for m in msgs)
    assert any("line 8: control characters" in m for m in msgs)
    assert all("\n" not in m for m in msgs)


def test_json_record_types_are_checked(tmp_path, caplog):
    rec = {**GOOD, "title": {"a": 1}, "outlet": ["x"], "published": 20220101, "language": 7}
    (tmp_path / "a.json").write_text(json.dumps(rec))
    (tmp_path / "b.json").write_text(json.dumps({"text": 42}))
    (tmp_path / "c.json").write_text(json.dumps([GOOD, "text", {"text": None}]))
    arts = load_paths([tmp_path])
    assert sorted(a.id for a in arts) == ["good", "good-2"]
    a = next(a for a in arts if a.path.endswith("a.json"))
    assert a.title is None and a.outlet is None and a.published is None
    msgs = "\n".join(messages(caplog))
    assert "'title' is an object" in msgs and "'outlet' is a list" in msgs
    assert "'published' 20220101 is not a date" in msgs
    assert "b.json: skipped: JSON record's 'text' is a number" in msgs
    assert "c.json: record 2: skipped" in msgs and "c.json: record 3: skipped" in msgs


def test_nul_bytes_in_a_text_file_are_replaced_and_the_text_carried(tmp_path, caplog):
    (tmp_path / "n.txt").write_bytes(b"First line.\nNATO met \x00 in Riga.\n")
    [art] = load_paths([tmp_path])
    assert art.text == "First line.\nNATO met   in Riga.\n"
    assert art.text_extracted  # the brief carries the text citations index
    assert any("n.txt: line 2: control characters" in m for m in messages(caplog))


def test_mixed_encodings_are_decoded_line_by_line(tmp_path, caplog):
    data = "Außenminister trafen sich.\n".encode() + "Zweite Zeile mit ä.\n".encode("cp1252")
    (tmp_path / "m.txt").write_bytes(data)
    [art] = load_paths([tmp_path])
    assert art.text.startswith("Außenminister trafen sich.\nZweite Zeile mit ä.")
    assert art.text_extracted
    assert any("m.txt: line 2: not UTF-8" in m for m in messages(caplog))


def test_deeply_nested_html_is_read_without_recursion(tmp_path, caplog):
    para = "<p>Foreign ministers met in Vilnius on Monday to discuss sanctions.</p>"
    html = "<html><body>" + "<div>" * 20_000 + para + "</div>" * 20_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(html)
    [art] = load_paths([tmp_path])
    assert "Foreign ministers met in Vilnius" in art.text
    assert any("deep.html: markup nested deeper" in m for m in messages(caplog))


def test_an_input_of_only_unusable_files_is_an_input_error(tmp_path, caplog):
    (tmp_path / "empty.txt").write_bytes(b"\n" * 100_000)
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="no usable article"):
        load_paths([tmp_path])
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert load_paths([empty]) == []


def test_bad_metadata_yaml_values_are_reported(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("NATO ministers met in Riga.")
    (tmp_path / "metadata.yaml").write_text(
        'a.txt: {published: "someday", title: [1, 2], language: "xx-!!"}\n'
    )
    [art] = load_paths([tmp_path])
    assert art.published is None and art.title is None
    msgs = "\n".join(messages(caplog))
    assert "a.txt: 'published' 'someday' is not a date" in msgs
    assert "a.txt: 'title' is a list" in msgs
