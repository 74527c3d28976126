"""Merge stated positions across sources (first version: see issue 5)."""

from __future__ import annotations

from briefing.models import Position


def merge_positions(positions: list[Position]) -> list[Position]:
    return positions
