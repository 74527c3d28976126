"""A past participle inside a future verb group is no past tense, and a weekday beside a
date never moves an event told in the future into a past year."""

from __future__ import annotations

import datetime as dt

from briefing.nlp.dates import find_dates, resolve, tense_at, tense_cues
from briefing.nlp.normalize import normalize

# TASS via News Front, 11 June 2021.
SUMMIT = (
    "The leaders of the NATO countries at the summit in Brussels, which will be held on "
    "June 14, do not plan to discuss the timing of Ukraine’s entry into the Alliance, "
    "reports TASS."
)


def test_will_be_held_is_future():
    norm = normalize(SUMMIT)
    cues = tense_cues(norm, 0, len(norm), "en")
    assert all(norm[a:b] != "held" for _sign, a, b in cues)
    pos = SUMMIT.index("June 14")
    assert tense_at(norm, 0, len(norm), pos, "en") == 1


def test_a_weekday_that_does_not_fit_never_sends_a_future_event_to_a_past_year():
    # 14 June 2021 was a Monday; told as a Friday in the future tense, the day stays in
    # 2021 (the weekday is the slip), not in 2019, the last year it fell on a Friday.
    text = SUMMIT.replace("on June 14", "on Friday, June 14")
    norm = normalize(text)
    (m,) = [m for m in find_dates(text, norm, 0, len(text), "en") if m.day == 14]
    pub = dt.date(2021, 6, 11)
    res = resolve(m, pub, pub, tense_at(norm, 0, len(norm), m.start, "en"))
    assert res is not None and res.date == "2021-06-14"


def test_a_day_after_since_in_a_past_clause_lies_behind_the_article():
    # Written in late November: the coming 24 February is three months ahead, the last
    # one nine months back; "since ... began" says which.
    from briefing.extract.calendar import _year_tense
    from briefing.extract.dates_publication import scan_text

    pub = dt.date(2022, 11, 25)
    for lang, text in [
        ("en", "The pipeline has been idle since the war began on 24 February."),
        ("sv", "Rörledningen har stått still sedan kriget började den 24 februari."),
        ("de", "Die Leitung steht still, seit der Krieg am 24. Februar begonnen hat."),
    ]:
        norm = normalize(text)
        (f,) = scan_text(text, lang)
        res = resolve(f.mention, pub, pub, _year_tense(norm, lang, f))
        assert res is not None and res.date == "2022-02-24", (lang, res)
