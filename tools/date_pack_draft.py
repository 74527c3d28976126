"""Draft a language pack's ``dates.yaml`` from what packages ship (docs/languages.md).

    python3 tools/date_pack_draft.py cs > /tmp/cs-dates.yaml

Month and weekday names come from Babel's CLDR data (format and stand-alone forms, wide
and abbreviated: the genitive "března" and the nominative "březen" of Czech) and from
dateparser's language data (``dateparser/data/date_translation_data/<code>.py``), which
adds forms CLDR lacks (the locative "březnu"). Relative words (today, yesterday, last
week, "in {n} days"...) come from dateparser's ``relative-type`` tables. Serbian is read
in both scripts (``sr`` Cyrillic, ``sr_Latn`` Latin) into one draft.

The draft is a starting point, never the pack: review it, then add by hand what no
package lists (other case forms of month names, "on Monday", tense cues, year words,
qualifiers, previous_weekday) as the eleven older packs do; the schema is in
docs/languages.md.
"""

from __future__ import annotations

import importlib
import re
import sys

import yaml

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# CLDR locales read for a pack code (Serbian: both scripts).
LOCALES = {"sr": ["sr", "sr_Latn"]}
# dateparser "relative-type" keys -> the pack's relative keys.
RELATIVE = {
    "0 day ago": "today",
    "1 day ago": "yesterday",
    "in 1 day": "tomorrow",
    "1 week ago": "last_week",
    "0 week ago": "this_week",
    "in 1 week": "next_week",
    "1 month ago": "last_month",
    "0 month ago": "this_month",
    "in 1 month": "next_month",
    "1 year ago": "last_year",
    "0 year ago": "this_year",
    "in 1 year": "next_year",
}
N_RELATIVE = {"in \\1 day": "next_n_days", "in \\1 week": "next_n_weeks"}
_NUMBER = re.compile(r"\(\\d\+\+\[\.,\]\?\\d\*\+\)")


def _babel_names(code: str) -> tuple[list[list[str]], list[list[str]]]:
    from babel import Locale

    months: list[list[str]] = [[] for _ in MONTHS]
    weekdays: list[list[str]] = [[] for _ in WEEKDAYS]
    for name in LOCALES.get(code, [code]):
        loc = Locale.parse(name)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for i in range(12):
                    months[i].append(loc.months[context][width][i + 1])
                for i in range(7):
                    weekdays[i].append(loc.days[context][width][i])
    return months, weekdays


def _dateparser_info(code: str) -> dict:
    try:
        mod = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return {}
    info = dict(mod.info)
    if code == "sr":  # the Latin-script table is a separate locale
        latn = importlib.import_module("dateparser.data.date_translation_data.sr-Latn")
        for key, value in latn.info.items():
            if isinstance(value, list) and isinstance(info.get(key), list):
                info[key] = [*info[key], *value]
    return info


def _forms(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        w = str(w).strip().lower()
        if len(w) < 2 or w in out or not re.search(r"[^\W\d_]", w):
            continue
        out.append(w)
    return out


def draft(code: str) -> dict:
    months, weekdays = _babel_names(code)
    info = _dateparser_info(code)
    for i, key in enumerate(MONTHS):
        months[i] += info.get(key) or []
    for i, key in enumerate(WEEKDAYS):
        weekdays[i] += info.get(key) or []
    relative: dict[str, list[str]] = {}
    for key, phrases in (info.get("relative-type") or {}).items():
        if key in RELATIVE:
            relative.setdefault(RELATIVE[key], []).extend(_forms(phrases))
    for key, patterns in (info.get("relative-type-regex") or {}).items():
        if key in N_RELATIVE:
            for p in patterns:
                phrase = _NUMBER.sub("{n}", p)
                if "{n}" in phrase and not re.search(r"[\\()\[\]]", phrase):
                    relative.setdefault(N_RELATIVE[key], []).append(phrase)
    return {
        "months": [_forms(m) for m in months],
        "weekdays": [_forms(w) for w in weekdays],
        "relative": relative,
        "ago": _forms(info.get("ago") or []),
        "in": _forms(info.get("in") or []),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    yaml.safe_dump(
        draft(argv[0]),
        sys.stdout,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=100,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
