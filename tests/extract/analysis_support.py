"""Hand-made actor mentions for unit tests of positions, sanctions and disagreements.

These tests check attribution and stance rules, not actor recognition, so each test states
its actors: ``{actor_id: (name, type, [surface, ...])}``. Surfaces are matched as whole
words, case-sensitively, in the article text.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.extract.context import ArticleContext
from briefing.models import Actor, Article, Mention
from briefing.nlp.pipeline import process

ActorTable = dict[str, tuple[str, str, list[str]]]


def context_with_actors(
    text: str, lang: str, actors: ActorTable, art_id: str = "t1"
) -> ArticleContext:
    art = Article(id=art_id, text=text, language=lang, published=dt.date(2022, 1, 10))
    doc = next(process([(text, lang)]))
    ctx = ArticleContext(article=art, doc=doc, lang=lang, as_of=dt.date(2022, 1, 10))
    spans: list[tuple[int, int, str]] = []
    for actor_id, (_name, _type, surfaces) in actors.items():
        for surface in surfaces:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                spans.append((m.start(), m.end(), actor_id))
    # Longest first, then drop overlaps, as an actor matcher would.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            continue
        kept.append(s)
    sentences = ctx.sentences
    mentions = []
    for a, b, actor_id in kept:
        idx = next(i.index for i in sentences if i.start <= a < i.end)
        mentions.append(Mention(actor_id, a, b, text[a:b], idx))
    ctx.mentions = mentions
    ctx.actors = {
        actor_id: Actor(actor_id, name, type_)  # type: ignore[arg-type]
        for actor_id, (name, type_, _s) in actors.items()
    }
    return ctx


# ---- scoring against gold annotations ---------------------------------------------------


def slug(name: str) -> str:
    import unicodedata

    flat = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", flat.lower()).strip("-")


def _actor_ok(actor: str | None, gold: list[str], names: dict[str, str]) -> bool:
    if actor is None:
        return False
    return actor in gold or slug(names.get(actor, actor)) in gold


def _cites(item: dict, source: str, fragment: str) -> bool:
    return any(c["source"] == source and fragment in c["sentence"] for c in item["citations"])


def score_positions(brief: dict, gold: list[dict]) -> tuple[float, float, list[dict]]:
    """(precision, recall, missed gold items); a position is a pair (actor, sentence)."""
    names = {a["id"]: a["name"] for a in brief["actors"]}
    sources = {g["source"] for g in gold}
    missed = [
        g
        for g in gold
        if not any(
            _cites(p, g["source"], g["sentence"]) and _actor_ok(p["actor"], g["actors"], names)
            for p in brief["positions"]
        )
    ]
    pairs = {
        (p["actor"], c["source"], c["sentence"])
        for p in brief["positions"]
        for c in p["citations"]
        if c["source"] in sources
    }
    right = {
        pair
        for pair in pairs
        if any(
            g["source"] == pair[1]
            and g["sentence"] in pair[2]
            and _actor_ok(pair[0], g["actors"], names)
            for g in gold
        )
    }
    precision = len(right) / len(pairs) if pairs else 0.0
    return precision, 1 - len(missed) / len(gold), missed


def score_measures(brief: dict, gold: list[dict]) -> dict[str, object]:
    """Recall and precision of (category, sentence), and how often the proposer and target
    of the measures found are right."""
    names = {a["id"]: a["name"] for a in brief["actors"]}
    sources = {g["source"] for g in gold}
    missed, proposer_ok, proposer_n, target_ok, target_n = [], 0, 0, 0, 0
    for g in gold:
        found = [
            m
            for m in brief["sanctions_options"]
            if m["category"] == g["category"] and _cites(m, g["source"], g["sentence"])
        ]
        if not found:
            missed.append(g)
            continue
        if "proposed_by" in g:
            proposer_n += 1
            proposer_ok += any(
                _actor_ok(a, g["proposed_by"], names) for m in found for a in m["proposed_by"]
            )
        if "target" in g:
            target_n += 1
            target_ok += any(_actor_ok(m["target"], [g["target"]], names) for m in found)
    pairs = {
        (m["category"], c["source"], c["sentence"])
        for m in brief["sanctions_options"]
        for c in m["citations"]
        if c["source"] in sources
    }
    right = {
        p
        for p in pairs
        if any(
            g["category"] == p[0] and g["source"] == p[1] and g["sentence"] in p[2] for g in gold
        )
    }
    return {
        "recall": 1 - len(missed) / len(gold),
        "precision": len(right) / len(pairs) if pairs else 0.0,
        "proposer": proposer_ok / proposer_n if proposer_n else 1.0,
        "target": target_ok / target_n if target_n else 1.0,
        "missed": missed,
    }


def _sides_match(d: dict, g: dict, names: dict[str, str]) -> bool:
    if len(d["sides"]) < 2:
        return False
    a, b = d["sides"][0]["actors"], d["sides"][1]["actors"]
    ga, gb = g["sides"]

    def hit(actors: list[str], gold: list[str]) -> bool:
        return any(_actor_ok(x, gold, names) for x in actors)

    return (hit(a, ga) and hit(b, gb)) or (hit(a, gb) and hit(b, ga))


def score_disagreements(brief: dict, gold: list[dict]) -> tuple[float, float, list[dict]]:
    names = {a["id"]: a["name"] for a in brief["actors"]}
    found = brief["disagreements"]

    def matches(d: dict, g: dict) -> bool:
        if d["topic"] != g["topic"]:
            return False
        if g.get("kind") == "conflicting-reports":
            return d.get("kind") == "conflicting-reports"
        return d.get("kind", "positions") == "positions" and _sides_match(d, g, names)

    missed = [g for g in gold if not any(matches(d, g) for d in found)]
    right = [d for d in found if any(matches(d, g) for g in gold)]
    precision = len(right) / len(found) if found else 0.0
    return precision, 1 - len(missed) / len(gold), missed
