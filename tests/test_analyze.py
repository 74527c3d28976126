"""The per-article stage gives the same findings, in input order, with worker processes."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import briefing.analyze as analyze_mod
from briefing.analyze import analyze


def _copies(seed_articles, n: int):
    out = []
    for i in range(n):
        art = copy.deepcopy(seed_articles[i % len(seed_articles)])
        art.id = f"{art.id}-{i}"
        if i % 3 == 0:
            art.language = None  # detected in the worker, as for unlabelled input
        out.append(art)
    return out


def test_jobs_give_the_same_findings_in_input_order(seed_articles, monkeypatch):
    # Small chunks so that a dozen articles are spread over several worker tasks.
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    as_of = dt.date(2022, 1, 20)
    articles = _copies(seed_articles, 12)
    seen: list[int] = []
    serial = analyze(copy.deepcopy(articles), as_of, jobs=1)
    parallel = analyze(copy.deepcopy(articles), as_of, jobs=2, progress=seen.append)
    assert [f.article.id for f in parallel] == [a.id for a in articles]
    assert sum(seen) == len(articles)
    assert [dataclasses.asdict(f) for f in parallel] == [dataclasses.asdict(f) for f in serial]


def test_paused_gc_nests_and_restores_collection():
    import gc

    from briefing.analyze import paused_gc

    assert gc.isenabled()
    try:
        with paused_gc():
            with paused_gc():
                assert not gc.isenabled()
            assert not gc.isenabled()  # only the outermost block turns it back on
        assert gc.isenabled()
        with paused_gc():
            pass
        gc.disable()
        with paused_gc():
            pass
        assert not gc.isenabled()  # left off by its owner: stays off
    finally:
        gc.enable()
        gc.unfreeze()


def test_analyze_leaves_collection_on(seed_articles):
    import gc

    analyze(copy.deepcopy(seed_articles[:2]), dt.date(2022, 1, 20), jobs=1)
    assert gc.isenabled()
    gc.unfreeze()


def test_analysis_makes_no_cyclic_garbage(seed_articles):
    # Workers run with the cyclic collector off (analyze.py): that is only safe while
    # the analysis frees everything by reference counting.
    import gc

    from briefing.analyze import analyze_chunk

    articles = copy.deepcopy(seed_articles)
    analyze_chunk(articles[:1], dt.date(2022, 1, 20))  # loads the lexicons once
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            analyze_chunk(copy.deepcopy(seed_articles), dt.date(2022, 1, 20))
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_chunks_hold_one_language_and_lanes_get_contiguous_equal_shares(monkeypatch):
    from briefing.analyze import _language_chunks, _segments
    from briefing.models import Article

    monkeypatch.setattr(analyze_mod, "CHUNK", 4)
    langs = ["en"] * 10 + ["pl"] * 3 + ["fa"] * 6 + [None] * 2 + ["en"] * 3
    articles = [Article(id=str(i), text="x", language=lang) for i, lang in enumerate(langs)]
    chunks = _language_chunks(articles)
    assert sorted(i for c in chunks for i in c) == list(range(len(articles)))
    assert all(len({langs[i] for i in c}) == 1 and len(c) <= 4 for c in chunks)
    assert [langs[c[0]] for c in chunks][:4] == ["en"] * 4  # the most common first
    lanes = _segments(chunks, 2)
    assert [c for lane in lanes for c in lane] == chunks  # contiguous, in order
    sizes = [sum(map(len, lane)) for lane in lanes]
    assert abs(sizes[0] - sizes[1]) <= 4
    # A cut between lanes splits one language at most: every language but one is loaded
    # by a single lane.
    pairs = {(k, langs[c[0]]) for k, lane in enumerate(lanes) for c in lane}
    assert len(pairs) <= len(set(langs)) + len(lanes) - 1
    # More lanes than chunks: one lane gets it, the others have nothing of their own.
    assert [c for lane in _segments(chunks[:1], 3) for c in lane] == chunks[:1]


def test_lanes_balance_text_length_without_splitting_a_language(monkeypatch):
    from briefing.analyze import _language_chunks, _segments, _weight
    from briefing.models import Article

    monkeypatch.setattr(analyze_mod, "CHUNK", 4)
    # Equal counts, unequal lengths: cut by count, en+fa would get 24 % more text than
    # pl+ro. Largest first to the lighter lane pairs en with ro and fa with pl instead.
    sizes = {"en": 1530, "fa": 1400, "pl": 1255, "ro": 1205}
    articles = [
        Article(id=f"{lang}{i}", text="x" * size, language=lang)
        for lang, size in sizes.items()
        for i in range(8)
    ]
    chunks = _language_chunks(articles, 2)
    lanes = _segments(chunks, 2, lambda i: _weight(articles[i]))
    langs = [{articles[i].language for c in lane for i in c} for lane in lanes]
    assert sorted(map(sorted, langs)) == [["en", "ro"], ["fa", "pl"]]
    loads = [sum(_weight(articles[i]) for c in lane for i in c) for lane in lanes]
    assert abs(loads[0] - loads[1]) / sum(loads) < 0.02
    # One language much larger than the rest: it is split, the cut lands near the middle.
    big = [Article(id=f"b{i}", text="x" * 1000, language="en") for i in range(40)]
    small = [Article(id=f"s{i}", text="x" * 1000, language="de") for i in range(8)]
    lanes = _segments(_language_chunks(big + small, 2), 2, lambda i: 1)
    assert [sum(map(len, lane)) for lane in lanes] == [24, 24]


def test_without_fork_the_articles_travel_to_the_workers(seed_articles, monkeypatch):
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    monkeypatch.setattr(analyze_mod, "_fork_context", lambda: None)
    as_of = dt.date(2022, 1, 20)
    articles = _copies(seed_articles, 6)
    serial = analyze(copy.deepcopy(articles), as_of, jobs=1)
    parallel = analyze(copy.deepcopy(articles), as_of, jobs=2)
    assert [dataclasses.asdict(f) for f in parallel] == [dataclasses.asdict(f) for f in serial]
    assert all(f.article.text for f in parallel)


def test_stolen_chunks_are_split_and_results_stay_in_order(seed_articles, monkeypatch):
    monkeypatch.setattr(analyze_mod, "CHUNK", 6)
    monkeypatch.setattr(analyze_mod, "MIN_STOLEN", 1)
    as_of = dt.date(2022, 1, 20)
    articles = _copies(seed_articles, 14)
    serial = analyze(copy.deepcopy(articles), as_of, jobs=1)
    parallel = analyze(copy.deepcopy(articles), as_of, jobs=2)
    assert [dataclasses.asdict(f) for f in parallel] == [dataclasses.asdict(f) for f in serial]


def _undated(seed_articles, n: int):
    out = _copies(seed_articles, n)
    for art in out:
        art.published, art.published_basis = None, "unknown"
    return out


def _brief_dict(articles, jobs: int) -> dict:
    from briefing.build import RunOptions, build_brief

    brief = build_brief(copy.deepcopy(articles), RunOptions(title="t", jobs=jobs, quiet=True))
    out = dataclasses.asdict(brief)
    out.pop("generated_at", None)
    return out


def test_languages_and_publication_dates_read_in_workers_give_the_same_brief(
    seed_articles, monkeypatch
):
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _undated(seed_articles, 12)
    probed = []
    real = analyze_mod.probe_in_lanes

    def spy(*args):
        result = real(*args)
        probed.append(result is not None)
        return result

    monkeypatch.setattr(analyze_mod, "probe_in_lanes", spy)
    serial = _brief_dict(articles, 1)
    assert probed == []
    parallel = _brief_dict(articles, 2)
    assert probed == [True]
    assert parallel == serial
    assert any(s["published_basis"] == "inferred" for s in parallel["sources"])


def test_a_dated_article_without_a_language_passes_the_workers_unprobed(seed_articles, monkeypatch):
    """Such an article needs neither step (its language is settled by the analysis): the
    workers leave it as it is, and the brief is the one-process brief."""
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _undated(seed_articles, 12)
    articles[3].published, articles[3].published_basis = dt.date(2022, 1, 19), "metadata"
    articles[3].language = None
    assert _brief_dict(articles, 2) == _brief_dict(articles, 1)


def test_workers_failing_to_read_dates_leave_the_work_to_the_parent(seed_articles, monkeypatch):
    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _undated(seed_articles, 12)
    serial = _brief_dict(articles, 1)

    def broken(art, first_ref):
        raise RuntimeError("worker lost")

    monkeypatch.setattr(analyze_mod, "_probe", broken)
    assert analyze_mod.probe_in_lanes(copy.deepcopy(articles), dt.date(2022, 1, 20), 2) is None
    assert _brief_dict(articles, 2) == serial


def test_the_probing_workers_hand_their_sentence_splits_to_the_analysis(seed_articles, monkeypatch):
    """An undated article's sentences, split by the probing worker for its date scan,
    are handed to the analysis (not split again there): the very sentences a split gives,
    and the same brief as one process."""
    from briefing.nlp import sentences as sentences_mod

    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _undated(seed_articles, 12)
    results = analyze_mod.probe_in_lanes(copy.deepcopy(articles), dt.date(2022, 1, 20), 2)
    assert results is not None
    for art, probed in zip(articles, results, strict=True):
        lang, bounds = probed[0], probed[-1]
        assert bounds is not None
        split = sentences_mod.split_sentences(art.text, lang)
        assert list(bounds) == [x for s in split for x in (s.start, s.end)]
        sentences_mod.give_split(art.text, lang, bounds)
        assert sentences_mod.split_sentences(art.text, lang) == split  # handed
        assert (art.text, lang) not in sentences_mod._GIVEN  # once
    handed = []
    real = sentences_mod.give_split
    monkeypatch.setattr(sentences_mod, "give_split", lambda *a: (handed.append(a[0]), real(*a))[1])
    assert _brief_dict(articles, 2) == _brief_dict(articles, 1)
    assert len(handed) == len(articles)
    assert not sentences_mod._GIVEN  # the parent's copies dropped after the analysis


def test_the_run_imports_spacy_and_the_extractors_only_when_it_analyses():
    """Reading the input and probing need neither: the probing workers are forked, and
    the parent imports them while they work (``load_analysis``). A name replaced before
    that import stays replaced."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "import briefing.cli, briefing.build, briefing.ingest, briefing.config\n"
        "import briefing.analyze as a\n"
        "print('spacy' in sys.modules, 'briefing.extract.actors' in sys.modules)\n"
        "a.extract_positions = fake = lambda ctx: []\n"
        "a.load_analysis()\n"
        "print('spacy' in sys.modules, a.extract_positions is fake,\n"
        "      a.extract_actors.__module__, a.process.__module__)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [
        "False",
        "False",
        "True",
        "True",
        "briefing.extract.actors",
        "briefing.nlp.pipeline",
    ]


def test_the_callers_work_is_done_while_the_workers_run(seed_articles, monkeypatch):
    """``meanwhile`` is called in the parent while the probing workers (and the analysis
    lanes) are alive, and changes nothing of what they find."""
    import multiprocessing

    monkeypatch.setattr(analyze_mod, "CHUNK", 2)
    articles = _undated(seed_articles, 12)
    alive: list[int] = []

    def meanwhile() -> None:
        alive.append(len(multiprocessing.active_children()))

    ref = dt.date(2022, 1, 20)
    with_it = analyze_mod.probe_in_lanes(copy.deepcopy(articles), ref, 2, meanwhile)
    assert alive and alive[0] >= 1
    assert with_it == analyze_mod.probe_in_lanes(copy.deepcopy(articles), ref, 2)
    alive.clear()
    found = analyze(copy.deepcopy(articles), ref, jobs=2, meanwhile=meanwhile)
    assert alive and alive[0] >= 1
    serial = analyze(copy.deepcopy(articles), ref, jobs=1, meanwhile=meanwhile)
    assert len(alive) == 1  # not called without workers
    assert [dataclasses.asdict(f) for f in found] == [dataclasses.asdict(f) for f in serial]


def test_rendering_is_prepared_ahead_only_for_html_or_pdf():
    from briefing.build import _render_ahead
    from briefing.render.assets import template_dirs
    from briefing.render.html import environment

    assert _render_ahead(["json"], None) is None
    ahead = _render_ahead(["json", "pdf"], None)
    assert ahead is not None
    env = environment(template_dirs(None))
    env.cache.clear()
    ahead()
    cached = {key[1] for key in env.cache}
    # The page and everything it includes, compiled once, kept for the render.
    assert {"brief.html.j2", "brief.css", "brand.css", "brand.html.j2", "fonts.css"} <= cached
    env.cache.clear()
    ahead()  # once only
    assert not env.cache
