"""Compiled structures are reused from disk only for the same sources."""

from __future__ import annotations

from briefing import diskcache


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    assert diskcache.cached("thing", build) == {"a": [1, 2]}
    assert diskcache.cached("thing", build) == {"a": [1, 2]}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["thing"]


def test_other_sources_rebuild_and_replace(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    diskcache.cached("thing", lambda: 1)
    monkeypatch.setattr(diskcache, "source_key", lambda: "edited")
    assert diskcache.cached("thing", lambda: 2) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["thing-edited.pickle"]


def test_unreadable_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "source_key", lambda: "k")
    (tmp_path / "thing-k.pickle").write_bytes(b"torn")
    assert diskcache.cached("thing", lambda: 3) == 3
    assert diskcache.cached("thing", lambda: 4) == 3


def test_disabled(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_NO_DISK_CACHE", "1")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    assert diskcache.cached("thing", lambda: 5) == 5
    assert not list(tmp_path.iterdir())


def test_key_covers_package_sources():
    assert len(diskcache.source_key()) == 32
    assert diskcache.source_key() == diskcache.source_key()


def test_yaml_data_read_back_equals_parsed(tmp_path, monkeypatch):
    from briefing.data import parse_yaml

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    name = "lexicons/topics.yaml"
    first = diskcache.cached("yaml-t", lambda: parse_yaml(name))
    again = diskcache.cached("yaml-t", lambda: {"not": "read"})
    assert first == again == parse_yaml(name)


def test_store_and_load_keep_only_this_names_files(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "source_key", lambda: "k" * 32)
    assert diskcache.load("regex.sr") is None
    diskcache.store("regex.sr", {"a": 1})
    diskcache.store("regex.sr-Latn", {"b": 2})
    assert diskcache.load("regex.sr") == {"a": 1}
    monkeypatch.setattr(diskcache, "source_key", lambda: "e" * 32)  # sources edited
    assert diskcache.load("regex.sr") is None
    diskcache.store("regex.sr", {"a": 3})
    names = sorted(p.name for p in tmp_path.glob("*.pickle"))
    assert names == [f"regex.sr-Latn-{'k' * 32}.pickle", f"regex.sr-{'e' * 32}.pickle"]
    (tmp_path / f"regex.sr-{'e' * 32}.pickle").write_bytes(b"torn")
    assert diskcache.load("regex.sr") is None
