"""Second held-out set (tests/fixtures/analysis/held_out/: de, fr, es, it, ar, ru),
scored through the whole pipeline. Unlike the first sets, the gold states the stance kind
where it matters, so a sentence carrying an offer and a rejection must yield both, and a
measure's condition must be found where the sentence states one."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import FIXTURES, brief_dict_of
from tests.extract.analysis_support import (
    _actor_ok,
    score_disagreements,
    score_measures,
)

GOLD = FIXTURES / "analysis"


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load((GOLD / "held_out_gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief() -> dict:
    return brief_dict_of(GOLD / "held_out", "Held out")


def _matches(p: dict, c: dict, g: dict, names: dict[str, str]) -> bool:
    return (
        c["source"] == g["source"]
        and g["sentence"] in c["sentence"]
        and _actor_ok(p["actor"], g["actors"], names)
        and g.get("kind", p["stance_kind"]) == p["stance_kind"]
    )


def score_kinded_positions(brief: dict, gold: list[dict]) -> tuple[float, float, list[dict]]:
    """(precision, recall, missed): a position is (actor, sentence, stance kind); the kind
    counts only where the gold states one."""
    names = {a["id"]: a["name"] for a in brief["actors"]}
    sources = {g["source"] for g in gold}
    cited = [(p, c) for p in brief["positions"] for c in p["citations"] if c["source"] in sources]
    missed = [g for g in gold if not any(_matches(p, c, g, names) for p, c in cited)]
    found = {(p["actor"], p["stance_kind"], c["source"], c["sentence"]) for p, c in cited}
    right = {
        key
        for key in found
        if any(
            _matches(
                {"actor": key[0], "stance_kind": key[1]},
                {"source": key[2], "sentence": key[3]},
                g,
                names,
            )
            for g in gold
        )
    }
    precision = len(right) / len(found) if found else 0.0
    return precision, 1 - len(missed) / len(gold), missed


def test_held_out_positions(brief, gold):
    precision, recall, missed = score_kinded_positions(brief, gold["positions"])
    print(f"held-out positions: precision {precision:.2f}, recall {recall:.2f}")
    assert recall >= 0.75, missed
    assert precision >= 0.75


# This set's gold (written before the taxonomy counted relief) keys coercive measures only;
# a demand to lift sanctions is an option of its own kind (`sanctions_relief`), outside what
# that gold covers, so it is left out of the brief's side here rather than added to the gold
# after the fact. The spent blind sets' gold counts relief, and scores it.
_OUTSIDE_THIS_GOLD = frozenset({"sanctions_relief"})


def test_held_out_measures(brief, gold):
    coercive = dict(
        brief,
        sanctions_options=[
            m for m in brief["sanctions_options"] if m.get("kind") not in _OUTSIDE_THIS_GOLD
        ],
    )
    scores = score_measures(coercive, gold["measures"])
    print("held-out measures:", {k: v for k, v in scores.items() if k != "missed"})
    assert scores["recall"] >= 0.9, scores["missed"]
    assert scores["precision"] >= 0.75
    assert scores["proposer"] >= 0.75
    assert scores["target"] >= 0.75


def test_held_out_conditions(brief, gold):
    conditional = [g for g in gold["measures"] if g.get("conditional")]
    found = [
        g
        for g in conditional
        if any(
            m["condition"]
            and any(
                c["source"] == g["source"] and g["sentence"] in c["sentence"]
                for c in m["citations"]
            )
            for m in brief["sanctions_options"]
        )
    ]
    print(f"held-out conditions: {len(found)}/{len(conditional)}")
    assert len(found) / len(conditional) >= 0.75


def test_held_out_disagreements(brief, gold):
    precision, recall, missed = score_disagreements(brief, gold["disagreements"])
    print(f"held-out disagreements: precision {precision:.2f}, recall {recall:.2f}")
    assert recall >= 0.6, missed
