"""The years an article mentions, read by ``actors.dates`` to date its office holders."""

from __future__ import annotations

import random
import re

from briefing.extract.actors.dates import _YEAR

# The plain form of the pattern, slower to scan (its look-behind comes first).
_PLAIN_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def test_years_not_inside_longer_numbers():
    text = "In 2022, not 12022 nor 20221; 1950-1999 and 2049, not 2050 or 1949; ٢2022 ۱۹۹۰."
    assert _YEAR.findall(text) == ["2022", "1950", "1999", "2049"]


def test_same_years_as_the_plain_pattern():
    rng = random.Random(7)
    alphabet = "0123456789٠١٢٣۱۹۲۰ a-"
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _YEAR.findall(s) == _PLAIN_YEAR.findall(s), s
