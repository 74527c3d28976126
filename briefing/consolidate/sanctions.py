"""Merge sanctions options across sources (first version: see issue 5)."""

from __future__ import annotations

from briefing.models import Measure


def merge_measures(measures: list[Measure]) -> list[Measure]:
    return measures
