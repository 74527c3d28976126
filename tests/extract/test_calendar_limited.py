"""Articles in languages outside the registry (limited mode): dates from CLDR, and
dated events for a language with a close registry language (Norwegian Bokmål read with
Danish event words); the source's note says so. Articles written for these tests."""

from __future__ import annotations

import datetime as dt

from briefing.extract.calendar import cue_language, extract_events
from briefing.nlp.dates import find_dates, resolve
from briefing.nlp.language import read_mode
from briefing.nlp.normalize import normalize
from tests.conftest import make_context

NORWEGIAN = """Utenriksministrene møttes i Oslo om samarbeidet i nord

OSLO (NTB) - Norges utenriksminister Espen Barth Eide møtte tirsdag sin finske kollega Elina Valtonen i Oslo for samtaler om sikkerheten i nordområdene.

Ministrene ble enige om å utvide samarbeidet om beredskap langs grensen, opplyste departementet i en uttalelse.

Den nye avtalen om felles luftovervåking trer i kraft 1. september.

Finland ble medlem av NATO i april i fjor.
"""

INDONESIAN = """Menteri Luar Negeri Retno Marsudi bertemu dengan mitranya dari Malaysia pada Selasa (12/3) di Jakarta.

Kedua negara menandatangani nota kesepahaman pada 5 Februari 2024, dan pertemuan sebelumnya berlangsung dua minggu yang lalu.
"""


def test_norwegian_reads_danish_event_words_and_says_so():
    assert cue_language("nb") == "da" and cue_language("is") == "en"
    mode, note = read_mode("nb")
    assert mode == "limited" and "dated events" in note and "Danish" in note
    mode, note = read_mode("is")
    assert mode == "limited" and note.endswith("names, numbers and dates only")
    pub = dt.date(2024, 6, 12)  # a Wednesday
    events = [(e.kind, e.date) for e in extract_events(make_context(NORWEGIAN, "nb", pub))]
    assert ("talks", "2024-06-11") in events  # "møtte tirsdag ... for samtaler"
    assert ("entry_into_force", "2024-09-01") in events  # "trer i kraft 1. september"
    # "i april i fjor": April of last year; no event word for "became a member", so a
    # plain dated event.
    assert ("dated", "2023-04") in events


def test_indonesian_dates_from_cldr_alone():
    pub = dt.date(2024, 3, 14)
    norm = normalize(INDONESIAN)
    got = [
        (INDONESIAN[m.start : m.end], (resolve(m, pub, pub) or m).date)
        for m in find_dates(INDONESIAN, norm, 0, len(INDONESIAN), "id")
    ]
    # The weekday with day/month in figures; "minggu" (Sunday, and "week") is no weekday.
    assert got == [("Selasa (12/3)", "2024-03-12"), ("5 Februari 2024", "2024-02-05")]
