"""What is new since the last delivered brief: stable keys, not wording or sources."""

from __future__ import annotations

import datetime as dt

from briefing.models import (
    Article,
    Brief,
    Citation,
    Disagreement,
    Event,
    Measure,
    Position,
    Side,
)
from briefing.newsince import brief_keys, new_since


def cite(src: str, text: str) -> Citation:
    return Citation(src, 0, len(text), text)


def brief(articles: dict[str, str], **sections) -> Brief:
    return Brief(
        title="t",
        generated_at=dt.datetime(2025, 12, 5, 6, tzinfo=dt.UTC),
        as_of=dt.date(2025, 12, 5),
        sources=[Article(id=k, text=v) for k, v in articles.items()],
        actors=[],
        calendar=sections.get("calendar", []),
        positions=sections.get("positions", []),
        sanctions_options=sections.get("sanctions_options", []),
        disagreements=sections.get("disagreements", []),
    )


def yesterday() -> Brief:
    s = "a1"
    return brief(
        {s: "x"},
        calendar=[
            Event("2026-07", "NATO summit", "upcoming", [cite(s, "x")], kind="summit"),
            Event("2025-12-10", "EU ambassadors meet", "upcoming", [cite(s, "x")]),
        ],
        positions=[
            Position(
                "hungary",
                "energy sanctions",
                "rejects them",
                [cite(s, "x")],
                "rejects",
                "sanctions-energy",
            ),
        ],
        sanctions_options=[
            Measure(
                "maritime services ban",
                "energy",
                [cite(s, "x")],
                target="russia",
                key="maritime-ban",
            ),
        ],
        disagreements=[
            Disagreement(
                "energy sanctions",
                [
                    Side(["germany"], "for", [cite(s, "x")]),
                    Side(["hungary"], "against", [cite(s, "x")]),
                ],
            )
        ],
    )


def test_items_already_briefed_are_not_new_whatever_the_wording():
    s = "b7"
    today = brief(
        {s: "y"},
        calendar=[
            # The same summit, reported in other words by another source.
            Event(
                "2026-07",
                "Summit of NATO leaders in Ankara",
                "upcoming",
                [cite(s, "y")],
                kind="summit",
            ),
            # Same label, but the date moved: that is news.
            Event("2025-12-11", "EU Ambassadors meet.", "upcoming", [cite(s, "y")]),
            Event(
                "2026-02-12",
                "Defence ministers meet",
                "upcoming",
                [cite(s, "y")],
                kind="ministerial",
            ),
        ],
        positions=[
            # Same actor, topic and kind of stance: not new.
            Position(
                "hungary",
                "Energy sanctions",
                "still refuses",
                [cite(s, "y")],
                "rejects",
                "sanctions-energy",
            ),
            # Slovakia takes the same line: new.
            Position(
                "slovakia",
                "energy sanctions",
                "rejects them",
                [cite(s, "y")],
                "rejects",
                "sanctions-energy",
            ),
        ],
        sanctions_options=[
            Measure(
                "ban on maritime services",
                "energy",
                [cite(s, "y")],
                target="russia",
                key="maritime-ban",
            ),
            Measure(
                "shadow fleet listings",
                "trade",
                [cite(s, "y")],
                target="russia",
                key="vessel-listing",
            ),
        ],
        disagreements=[
            Disagreement(
                "Energy sanctions!",
                [Side(["hungary"], "no", [cite(s, "y")]), Side(["germany"], "yes", [cite(s, "y")])],
            ),
            Disagreement(
                "energy sanctions",
                [
                    Side(["france"], "for", [cite(s, "y")]),
                    Side(["slovakia"], "against", [cite(s, "y")]),
                ],
            ),
        ],
    )
    new = new_since(today, brief_keys(yesterday()))
    assert [e.label for e in new["events"]] == ["EU Ambassadors meet.", "Defence ministers meet"]
    assert [p.actor for p in new["positions"]] == ["slovakia"]
    assert [m.key for m in new["sanctions_options"]] == ["vessel-listing"]
    assert [d.sides[0].actors for d in new["disagreements"]] == [["france"]]


def test_first_digest_has_everything_new_and_keys_are_json_ready():
    b = yesterday()
    new = new_since(b, None)
    assert {k: len(v) for k, v in new.items()} == {
        "events": 2,
        "positions": 1,
        "sanctions_options": 1,
        "disagreements": 1,
    }
    keys = brief_keys(b)
    assert all(isinstance(k, str) for v in keys.values() for k in v)
    assert new_since(b, keys) == {k: [] for k in new}
