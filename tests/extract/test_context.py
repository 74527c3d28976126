"""What every extractor reads of one article."""

from __future__ import annotations

from briefing.models import Mention
from tests.conftest import make_context


def test_mentions_by_sentence_in_text_order_and_rebuilt_for_new_mentions():
    ctx = make_context("Blinken met Lavrov. Biden called Putin.", "en")
    ctx.mentions = [
        Mention("putin", 33, 38, "Putin", 1),
        Mention("blinken", 0, 7, "Blinken", 0),
        Mention("biden", 20, 25, "Biden", 1),
    ]
    index = ctx.mentions_by_sentence()
    assert [m.actor for m in index[0]] == ["blinken"]
    assert [m.actor for m in index[1]] == ["biden", "putin"]
    assert ctx.mentions_by_sentence() is index  # built once
    ctx.mentions = ctx.mentions[:1]
    assert list(ctx.mentions_by_sentence()) == [1]
