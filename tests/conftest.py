from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _briefing_logger_reset():
    """``briefing.cli.main`` run in-process (by a test or a module fixture) points the
    "briefing" logger at that test's stderr and stops it propagating; tests that read
    warnings with caplog need it to propagate, so every test starts from the default."""
    import logging

    logger = logging.getLogger("briefing")
    logger.handlers[:] = []
    logger.propagate = True
    logger.setLevel(logging.NOTSET)
    logger.disabled = False
    yield


@pytest.fixture(scope="session")
def seed_articles():
    from briefing.ingest import load_paths

    return load_paths([SEEDS])


@pytest.fixture(scope="session")
def seed_brief(seed_articles):
    """The brief of the bundled samples, built once for the whole session."""
    import copy

    from briefing.build import RunOptions, build_brief

    return build_brief(copy.deepcopy(seed_articles), RunOptions(title="Test brief"))


@pytest.fixture(scope="session")
def seed_brief_dict(seed_brief):
    from briefing.render.json_brief import brief_dict

    return brief_dict(seed_brief)


def brief_dict_of(folder: Path, title: str = "Test") -> dict:
    """The JSON brief (as a dict) of every article in ``folder``, through the whole pipeline."""
    from briefing.build import RunOptions, build_brief
    from briefing.ingest import load_paths
    from briefing.render.json_brief import brief_dict

    return brief_dict(build_brief(load_paths([folder]), RunOptions(title=title)))


def make_context(text: str, lang: str, published: dt.date | None = None, art_id: str = "t1"):
    """An ``ArticleContext`` for one test article, with actors extracted."""
    from briefing.extract.actors import extract_actors
    from briefing.extract.context import ArticleContext
    from briefing.models import Article
    from briefing.nlp.pipeline import process

    art = Article(
        id=art_id,
        text=text,
        language=lang,
        published=published,
        published_basis="metadata" if published else "unknown",
    )
    doc = next(process([(text, lang)]))
    ctx = ArticleContext(article=art, doc=doc, lang=lang, as_of=published or dt.date(2022, 1, 1))
    ctx.actors, ctx.mentions = extract_actors(ctx)
    return ctx
