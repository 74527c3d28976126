"""The calendar of the bundled samples, end to end (publication inference, extraction in
four languages, merge across sources)."""

from __future__ import annotations

import datetime as dt


def _find(brief, date: str, date_end: str | None = None):
    return [e for e in brief.calendar if e.date == date and e.date_end == date_end]


def test_publication_dates_are_inferred_and_as_of_follows(seed_brief):
    published = {a.id[:3]: (a.published, a.published_basis) for a in seed_brief.sources}
    assert published["001"] == (dt.date(2021, 12, 31), "inferred")
    assert published["004"] == (dt.date(2022, 1, 26), "inferred")
    assert published["000"] == (dt.date(2021, 12, 31), "inferred")
    assert published["002"] == (None, "unknown")  # no dated past event to stand on
    assert seed_brief.as_of == dt.date(2022, 1, 26)


def test_key_events_of_the_samples(seed_brief):
    (call,) = [e for e in _find(seed_brief, "2021-12-30") if e.kind == "phone_call"]
    assert any("putin" in p for p in call.participants)
    (geneva,) = [e for e in _find(seed_brief, "2022-01-10") if e.kind == "talks"]
    assert geneva.location == "Geneva"
    assert [e.kind for e in _find(seed_brief, "2021-12-31")].count("meeting") == 1
    (friday,) = [e for e in _find(seed_brief, "2022-01-21") if e.kind == "meeting"]
    assert friday.location == "Geneva"
    (olympics,) = _find(seed_brief, "2022-02-04")
    assert olympics.status == "upcoming"
    (berlin,) = _find(seed_brief, "2022-01-27", "2022-02-09")
    assert (berlin.location, berlin.status) == ("Berlin", "upcoming")
    assert [e.kind for e in _find(seed_brief, "2021-12-07")] == ["video_call"]


def test_the_same_council_in_persian_and_polish_is_one_entry(seed_brief):
    for date, label in (
        ("2022-01-12", "Meeting of the NATO–Russia Council"),
        ("2022-01-13", "Meeting of the OSCE Permanent Council"),
    ):
        (e,) = _find(seed_brief, date)
        assert e.label == label
        assert {c.source[:3] for c in e.citations} == {"001", "003"}


def test_calendar_is_dated_cited_and_ordered(seed_brief):
    dates = [(e.date, e.date_end or "") for e in seed_brief.calendar]
    assert dates == sorted(dates)
    texts = {a.id: a.text for a in seed_brief.sources}
    for e in seed_brief.calendar:
        assert e.citations and e.label and e.status in ("past", "upcoming")
        for c in e.citations:
            c.check(texts[c.source])
    # Durations and figures of the samples ("۵۰ دقیقه", "eight years", "since 2014") never
    # become entries: every entry is 2021 or 2022.
    assert all(e.date[:4] in ("2021", "2022") for e in seed_brief.calendar)
