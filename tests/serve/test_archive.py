"""The archive table: the digest records its brief; search by actor and by date; a period's
stored articles; a failed build leaves the archive as it was."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import load_config
from briefing.serve.build import archive_dir, run_build
from briefing.store import Store
from tests.serve.conftest import CORPUS, write_config


@pytest.fixture(scope="module")
def digested(tmp_path_factory) -> Path:
    """A config whose digest ran once (no mail): its brief is in the archive."""
    folder = tmp_path_factory.mktemp("digested")
    shutil.copytree(CORPUS, folder / "corpus")
    config = write_config(folder, folder / "corpus")
    assert main(["digest", "--config", str(config), "--quiet"]) == 0
    return config


def test_digest_records_its_brief_and_search_finds_it(digested):
    cfg = load_config(digested)
    with Store(cfg.state_url) as store:
        found = store.archived_briefs()
        assert len(found) == 1
        b = found[0]
        assert b.kind == "digest" and b.title == "Serve test" and b.articles == 3
        assert b.languages == ["de", "es", "fr"]
        assert set(b.paths) == {"json", "html", "pdf"}
        assert all(Path(p).is_file() for p in b.paths.values())
        assert store.archived_brief(b.id) == b
        # By actor: any spelling, any case, a part of the name; "%" and "_" are literal.
        assert [x.id for x in store.archived_briefs(actor="nato")] == [b.id]
        assert [x.id for x in store.archived_briefs(actor="NATO")] == [b.id]
        assert store.archived_briefs(actor="no such actor") == []
        assert store.archived_briefs(actor="%") == []
        assert store.archived_briefs(actor="_") == []
        # By as-of date.
        as_of = dt.date.fromisoformat(b.as_of)
        assert store.archived_briefs(since=as_of, until=as_of) == [b]
        assert store.archived_briefs(since=as_of + dt.timedelta(days=1)) == []
        assert store.archived_briefs(until=as_of - dt.timedelta(days=1)) == []
        assert store.archived_brief("../state") is None


def test_articles_between_bounds_by_publication_date(tmp_path, corpus):
    config = write_config(tmp_path, corpus)
    cfg = load_config(config)
    from briefing.digest import collect

    with Store(cfg.state_url) as store:
        collect(cfg, store)
        every = store.articles_between(None, None)
        assert len(every) == 3
        days = sorted(a.published for a in every if a.published)
        assert sorted(a.published for a in store.articles_between(days[1], None)) == days[1:]
        assert sorted(a.published for a in store.articles_between(None, days[1])) == days[:2]
        assert store.articles_between(days[2] + dt.timedelta(days=1), None) == []


def test_a_failed_build_changes_nothing_in_the_archive(digested):
    cfg = load_config(digested)
    with Store(cfg.state_url) as store:
        before = store.archived_briefs()
    steps: list[str] = []
    try:
        run_build(
            cfg,
            brief_id="20250101-000000-abcdef",
            title="Empty period",
            since=dt.date(1990, 1, 1),
            until=dt.date(1990, 1, 31),
            report=lambda stage, *_: steps.append(stage),
        )
    except Exception as exc:  # the worker shows this line on the build's page
        message = str(exc)
    else:
        raise AssertionError("a period without articles must fail")
    assert "no stored article was published from 1990-01-01 to 1990-01-31" in message
    assert "\n" not in message
    with Store(cfg.state_url) as store:
        assert store.archived_briefs() == before
    assert not any(p.name.startswith(".tmp-") for p in archive_dir(cfg).glob("*"))
    assert not (archive_dir(cfg) / "20250101-000000-abcdef").exists()
    assert steps == ["collecting"]


def test_an_article_that_cannot_be_analysed_is_left_out_of_the_build(tmp_path, monkeypatch, caplog):
    """The build keeps the other articles, as ``run`` and ``digest`` do (issue 17)."""
    import briefing.analyze as analyze_mod

    shutil.copytree(CORPUS, tmp_path / "corpus")
    cfg = load_config(write_config(tmp_path, tmp_path / "corpus"))
    real = analyze_mod.extract_actors
    failed: list[str] = []

    def actors(ctx):
        if not failed:
            failed.append(ctx.article.id)
            raise ValueError("boom")
        return real(ctx)

    monkeypatch.setattr(analyze_mod, "extract_actors", actors)
    brief_id = run_build(
        cfg,
        brief_id="20250101-000000-fedcba",
        title="One bad article",
        since=None,
        until=None,
        report=lambda *_: None,
    )
    with Store(cfg.state_url) as store:
        [archived] = [b for b in store.archived_briefs() if b.id == brief_id]
        stored = len(store.articles_between(None, None))
    assert failed and archived.articles == stored - 1
    assert any("ValueError: boom" in r.getMessage() for r in caplog.records)
