"""Per-article isolation of the analysis (issue 17): one article's failure, in any step
or in a worker process, costs that article (or that section of it) only."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import itertools
import os

import briefing.analyze as analyze_mod
from briefing.analyze import analyze, analyze_each, split_pieces
from briefing.models import Article

AS_OF = dt.date(2022, 1, 20)
POISON = "\u2603POISON\u2603"


def _batch(seed_articles, n: int) -> list[Article]:
    out = []
    for i in range(n):
        art = copy.deepcopy(seed_articles[i % len(seed_articles)])
        art.id = f"{art.id}-{i}"
        out.append(art)
    return out


def test_an_extractor_raising_costs_that_article_only(seed_articles, monkeypatch, caplog):
    articles = _batch(seed_articles, 4)
    articles[1].text += "\n\n" + POISON
    real = analyze_mod.extract_actors

    def actors(ctx):
        if POISON in ctx.text:
            raise ValueError("boom")
        return real(ctx)

    monkeypatch.setattr(analyze_mod, "extract_actors", actors)
    found = analyze_each(articles, AS_OF)
    assert found[1] is None and all(found[i] is not None for i in (0, 2, 3))
    [line] = [r.getMessage() for r in caplog.records if articles[1].path in r.getMessage()]
    assert "skipped" in line and "ValueError: boom" in line


def test_a_failing_section_keeps_the_rest_and_marks_the_source_limited(
    seed_articles, monkeypatch, caplog
):
    articles = _batch(seed_articles, 2)
    articles[0].text += "\n\n" + POISON

    def positions(ctx):
        if POISON in ctx.text:
            raise RuntimeError("bad clause")
        return []

    monkeypatch.setattr(analyze_mod, "extract_positions", positions)
    first, second = analyze(articles, AS_OF)
    assert first.actors and first.article.read_mode == "limited"
    assert "positions not read" in first.article.read_note
    assert second.article.read_mode == "full"
    assert any("positions not read" in r.getMessage() for r in caplog.records)


def test_a_dying_worker_loses_no_other_article(seed_articles, monkeypatch, caplog):
    # Small chunks over two lanes; the worker that meets the poisoned article dies.
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _batch(seed_articles, 10)
    articles[5].text += "\n\n" + POISON
    real = analyze_mod.extract_actors

    def actors(ctx):
        if POISON in ctx.text:
            os._exit(3)  # a crash no exception handler sees
        return real(ctx)

    monkeypatch.setattr(analyze_mod, "extract_actors", actors)
    parallel = analyze_each(copy.deepcopy(articles), AS_OF, jobs=2)
    assert parallel[5] is None
    assert [f.article.id for f in parallel if f is not None] == [
        a.id for i, a in enumerate(articles) if i != 5
    ]
    monkeypatch.setattr(analyze_mod, "extract_actors", real)
    serial = analyze_each(copy.deepcopy(articles[:5] + articles[6:]), AS_OF)
    got = [dataclasses.asdict(f) for f in parallel if f is not None]
    assert got == [dataclasses.asdict(f) for f in serial]
    assert any(articles[5].path in r.getMessage() for r in caplog.records)


def test_pieces_are_paragraph_aligned_and_cover_the_text():
    text = "".join(f"Paragraph {i} says something.\n\n" for i in range(400))
    pieces = split_pieces(text, 1000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 1000 for start, end in pieces)
    assert all(text[start:end].endswith("\n\n") for start, end in pieces)
    one_line = "x" * 2500
    assert split_pieces(one_line, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_a_long_text_in_pieces_cites_offsets_of_the_whole_text(seed_articles, monkeypatch):
    art = copy.deepcopy(next(a for a in seed_articles if a.language == "en"))
    whole = analyze([copy.deepcopy(art)], AS_OF)[0]
    monkeypatch.setattr(analyze_mod, "PIECE_CHARS", 1500)
    pieced = analyze([copy.deepcopy(art)], AS_OF)[0]
    assert len(split_pieces(art.text, 1500)) > 2
    cites = [c for a in pieced.actors.values() for c in a.citations]
    cites += [c for group in (pieced.events, pieced.positions) for i in group for c in i.citations]
    assert any(c.start > 3000 for c in cites)
    for c in cites:
        c.check(art.text)
    assert set(pieced.actors) == set(whole.actors)
    assert {k: a.mentions for k, a in pieced.actors.items()} == {
        k: a.mentions for k, a in whole.actors.items()
    }


def test_a_text_over_the_hard_cap_is_skipped(monkeypatch, caplog):
    monkeypatch.setattr(analyze_mod, "MAX_TEXT_CHARS", 100)
    arts = [
        Article(id="long", text="NATO met. " * 20, path="long.txt", language="en"),
        Article(id="short", text="NATO met in Brussels.", path="short.txt", language="en"),
    ]
    assert [f.article.id for f in analyze(arts, AS_OF)] == ["short"]
    assert any("long.txt: skipped: text too long" in r.getMessage() for r in caplog.records)
