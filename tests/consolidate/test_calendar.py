"""Merging calendar events across sources and languages."""

from __future__ import annotations

import datetime as dt

from briefing.consolidate.calendar import merge_events, restatus
from briefing.models import Citation, Event


def _ev(
    source: str, date: str, kind: str, label: str, people=(), end=None, place=None, status="past"
) -> Event:
    cite = Citation(source, 0, 4, "text")
    return Event(
        date=date,
        date_end=end,
        label=label,
        status=status,
        citations=[cite],
        participants=list(people),
        kind=kind,
        location=place,
    )


AS_OF = dt.date(2022, 1, 26)


def test_same_event_in_two_languages_is_one_entry_citing_both():
    fa = _ev(
        "fa1",
        "2022-01-12",
        "council_session",
        "Meeting of the NATO–Russia Council",
        ["nato-russia-council"],
    )
    pl = _ev("pl1", "2022-01-12", "meeting", "Meeting", ["russia", "nato"], place="Brussels")
    (merged,) = merge_events([fa, pl], AS_OF)
    assert merged.label == "Meeting of the NATO–Russia Council"
    assert {c.source for c in merged.citations} == {"fa1", "pl1"}
    assert merged.location == "Brussels"
    assert merged.conflicting_dates == []


def test_different_gatherings_on_one_day_stay_apart():
    a = _ev("s1", "2022-01-13", "meeting", "Meeting", ["eu", "ukraine"])
    b = _ev("s2", "2022-01-13", "talks", "Talks", ["china", "iran"])
    assert len(merge_events([a, b], AS_OF)) == 2


def test_conflicting_dates_for_one_event_are_kept_and_flagged():
    a = _ev("s1", "2022-01-12", "council_session", "Meeting of the NATO–Russia Council", ["nato"])
    b = _ev("s2", "2022-01-12", "council_session", "Meeting of the NATO–Russia Council", ["nato"])
    c = _ev("s3", "2022-01-13", "council_session", "Meeting of the NATO–Russia Council", ["nato"])
    (merged,) = merge_events([a, b, c], AS_OF)
    assert merged.date == "2022-01-12"
    assert merged.conflicting_dates == ["2022-01-13"]
    assert len(merged.citations) == 3


def test_two_dates_in_one_source_are_two_events():
    a = _ev(
        "s1", "2022-01-10", "talks", "Strategic Stability Dialogue", ["russia", "united-states"]
    )
    b = _ev(
        "s1", "2022-01-13", "talks", "Strategic Stability Dialogue", ["russia", "united-states"]
    )
    assert len(merge_events([a, b], AS_OF)) == 2


def test_windows_merge_only_when_nested_with_the_same_actors():
    month = _ev("ro", "2022-01", "talks", "Talks", ["russia", "united-states"])
    same = _ev("pl", "2022-01", "talks", "Talks", ["united-states", "russia"])
    later = _ev("en", "2022-01-27", "talks", "Talks", ["russia", "dmitry-kozak"], end="2022-02-09")
    merged = merge_events([month, same, later], AS_OF)
    assert [(e.date, e.date_end, len(e.citations)) for e in merged] == [
        ("2022-01", None, 2),
        ("2022-01-27", "2022-02-09", 1),
    ]


def test_calendar_is_in_date_order_with_status_against_as_of():
    evs = [
        _ev("s", "2022-02-04", "ceremony", "Olympic Games"),
        _ev("s", "2021-12-30", "phone_call", "Phone call"),
        _ev(
            "s", "2022-01-26", "military_move", "Military move", end="2022-02-15", status="upcoming"
        ),
        _ev("s", "2022-01", "talks", "Talks"),
    ]
    merged = merge_events(evs, AS_OF)
    assert [(e.date, e.status) for e in merged] == [
        ("2021-12-30", "past"),
        ("2022-01", "past"),  # told in the past tense: its report said past
        ("2022-01-26", "upcoming"),  # a window still open, as its report said
        ("2022-02-04", "upcoming"),
    ]


def test_a_window_containing_as_of_keeps_the_status_its_reports_gave():
    later = _ev("s1", "2022-01", "talks", "Talks", ["russia", "nato"], status="upcoming")
    also = _ev("s2", "2022-01", "talks", "Talks", ["nato"], status="past")
    (merged,) = merge_events([later, also], AS_OF)
    assert merged.status == "upcoming"  # one report of a window still open keeps it open
    # Once as_of has left the window, it is past whatever the reports said.
    (merged,) = merge_events([later], dt.date(2022, 2, 3))
    assert merged.status == "past"


def test_restatus_by_month_and_year_precision():
    evs = [_ev("s", "2022", "summit", "Summit"), _ev("s", "2022-02", "summit", "Summit")]
    restatus(evs, AS_OF)
    assert [e.status for e in evs] == ["past", "upcoming"]


def test_conflicting_reports_across_languages_end_to_end():
    from briefing.extract.calendar import extract_events
    from tests.conftest import make_context

    fa = make_context(
        "نشست شورای ناتو و روسیه در ۱۲ ژانویه ۲۰۲۲ برگزار خواهد شد.",
        "fa",
        dt.date(2022, 1, 5),
        "fa1",
    )
    de = make_context(
        "Der NATO-Russland-Rat tagt am 13. Januar 2022 in Brüssel.",
        "de",
        dt.date(2022, 1, 6),
        "de1",
    )
    fa2 = make_context(
        "شورای ناتو و روسیه روز ۱۲ ژانویه ۲۰۲۲ تشکیل جلسه خواهد داد.",
        "fa",
        dt.date(2022, 1, 7),
        "fa2",
    )
    events = [e for ctx in (fa, de, fa2) for e in extract_events(ctx)]
    (merged,) = merge_events(events, dt.date(2022, 1, 8))
    assert merged.label == "Meeting of the NATO–Russia Council"
    assert merged.date == "2022-01-12"  # two sources against one
    assert merged.conflicting_dates == ["2022-01-13"]
    assert {c.source for c in merged.citations} == {"fa1", "de1", "fa2"}
    assert merged.location == "Brussels" and merged.status == "upcoming"


def test_a_date_read_differently_in_its_two_calendars_is_flagged():
    from briefing.extract.calendar import extract_events
    from tests.conftest import make_context

    ctx = make_context(
        "نشست شورای ناتو و روسیه در ۱۲ ژانویه ۲۰۲۲ (۲۳ دی) برگزار می شود.",
        "fa",
        dt.date(2022, 1, 5),
    )
    (e,) = extract_events(ctx)
    assert (e.date, e.conflicting_dates) == ("2022-01-12", ["2022-01-13"])


def test_one_council_told_as_a_statement_in_polish_and_persian_merges_with_english():
    from briefing.extract.calendar import extract_events
    from tests.conftest import make_context

    day = dt.date(2022, 1, 13)
    articles = [
        ("en1", "en", "The NATO-Russia Council met in Brussels on Wednesday, January 12."),
        (
            "pl1",
            "pl",
            "Sekretarz generalny NATO Jens Stoltenberg oświadczył w środę 12 stycznia, że "
            "rozmowy w Radzie NATO-Rosja były trudne.",
        ),
        (
            "fa1",
            "fa",
            "ینس استولتنبرگ دبیرکل ناتو روز چهارشنبه ۱۲ ژانویه اعلام کرد که نشست شورای "
            "ناتو و روسیه در بروکسل بدون نتیجه پایان یافت.",
        ),
    ]
    events = []
    for art_id, lang, text in articles:
        ctx = make_context(text, lang, day, art_id=art_id)
        events += extract_events(ctx)
    (merged,) = merge_events(events, day)
    assert merged.label == "Meeting of the NATO–Russia Council"
    assert {c.source for c in merged.citations} == {"en1", "pl1", "fa1"}
    assert {"nato", "russia"} <= set(merged.participants)


def test_an_election_and_a_vote_on_one_day_are_one_ballot():
    a = _ev("hu1", "2024-07-28", "election", "Election", ["venezuela"])
    b = _ev("pt1", "2024-07-28", "vote", "Vote", [])
    c = _ev("es1", "2024-07-28", "signing", "Signing", [])
    merged = merge_events([a, b, c], AS_OF)
    assert len(merged) == 2
    ballot = next(e for e in merged if e.kind in ("election", "vote"))
    assert {x.source for x in ballot.citations} == {"hu1", "pt1"}


def test_a_plain_dated_event_folds_into_the_typed_event_of_its_day_and_actor():
    # "Russian troops crossed the border on 24 February" (no event word) beside "the
    # invasion of 24 February".
    plain = _ev("s1", "2022-02-24", "dated", "Event: Russia", ["russia"])
    typed = _ev("s2", "2022-02-24", "military_move", "Military move", ["russia", "ukraine"])
    other = _ev("s3", "2022-02-24", "dated", "Event: Japan", ["japan"])
    merged = merge_events([plain, typed, other], AS_OF)
    assert len(merged) == 2
    (move,) = [e for e in merged if e.kind == "military_move"]
    assert move.label == "Military move"
    assert {c.source for c in move.citations} == {"s1", "s2"}


def test_a_plain_dated_event_without_actors_folds_only_within_its_source():
    plain = _ev("s1", "2022-02-26", "dated", "Event")
    typed = _ev("s2", "2022-02-26", "measure", "Measure", ["european-union"])
    assert len(merge_events([plain, typed], AS_OF)) == 2
    same_source = _ev("s2", "2022-02-26", "dated", "Event")
    (merged,) = merge_events([same_source, typed], AS_OF)
    assert merged.kind == "measure"
