"""Relative dates against the publication date: CLDR's "{n} weeks ago" and "last /
this / next <weekday>" words beside the packs', a month with "last year", a weekday with
its day and month in figures, and what a language without a pack reads from CLDR."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.nlp.dates import (
    cldr_relative,
    cldr_table,
    cldr_weekday_words,
    find_dates,
    lexicon,
    resolve,
    tense_cues,
    tense_near,
)
from briefing.nlp.normalize import normalize


def _read(text: str, lang: str, pub: str, tense: int = 0) -> list[tuple[str, str]]:
    norm = normalize(text)
    day = dt.date.fromisoformat(pub)
    out = []
    for m in find_dates(text, norm, 0, len(text), lang):
        r = resolve(m, day, day, tense)
        out.append((text[m.start : m.end], r.date if r else None))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected"),
    [
        # "N ago": days and weeks to the day, months and years to the month.
        (
            "Неделю назад глава правительства сообщил",
            "ru",
            "2023-10-26",
            ("Неделю назад", "2023-10-19"),
        ),
        ("před dvěma týdny odmítl jednání", "cs", "2023-10-17", ("před dvěma týdny", "2023-10-03")),
        (
            "iki hafta önce gerçekleştirilen görüşmeler",
            "tr",
            "2024-02-28",
            ("iki hafta önce", "2024-02-14"),
        ),
        (
            "De deal kwam een jaar geleden tot stand",
            "nl",
            "2023-07-17",
            ("een jaar geleden", "2022-07"),
        ),
        ("three months ago the talks stalled", "en", "2024-01-15", ("three months ago", "2023-10")),
        # "last Friday" said on a Friday is a week before; "this Thursday" is in the same week.
        ("enades senaste fredag om avtalet", "sv", "2022-11-25", ("fredag", "2022-11-18")),
        ("am Sonntag vergangener Woche", "de", "2023-08-06", ("Sonntag", "2023-07-30")),
        ("que vencía este jueves", "es", "2024-04-17", ("jueves", "2024-04-18")),
        ("disse neste sábado que", "pt", "2025-09-13", ("sábado", "2025-09-13")),
        ("se sejdou příští pondělí", "cs", "2023-11-15", ("pondělí", "2023-11-20")),
        # A month with "last year" beside it.
        ("ZDA so oktobra lani omilile sankcije", "sl", "2024-01-30", ("oktobra lani", "2023-10")),
        ("in October last year", "en", "2024-02-02", ("October last year", "2023-10")),
        # A weekday with its day and month in figures: the weekday fixes the year.
        (
            "O acordo começa a valer no domingo (19/1), informou",
            "pt",
            "2025-01-15",
            ("domingo (19/1)", "2025-01-19"),
        ),
        (
            "Αυτό δήλωσε το Σάββατο (18/11) ο πρωθυπουργός",
            "el",
            "2023-11-18",
            ("Σάββατο (18/11)", "2023-11-18"),
        ),
        # "today's" and a weekday with the time of day.
        ("po dnešním vetu dvou stálých členů", "cs", "2022-05-26", ("dnešním", "2022-05-26")),
        (
            "läuft am Sonntagabend ein Ultimatum ab",
            "de",
            "2023-08-06",
            ("Sonntagabend", "2023-08-06"),
        ),
        # Czech month adjectives ("the September offensive").
        ("při zářijové bleskové ofenzivě", "cs", "2023-10-17", ("zářijové", "2023-09")),
    ],
)
def test_relative_dates_against_the_publication_date(text, lang, pub, expected):
    assert expected in _read(text, lang, pub)


def test_cldr_words_skip_articles_and_the_word_for_week():
    # Greek "την" and Hungarian "a" are articles, Dutch "week" is the noun of "volgende
    # week maandag": none of them puts a weekday in a week.
    assert "την" in cldr_weekday_words("el").get(0, [])  # CLDR's "αυτήν την Παρασκευή"
    assert "την" not in lexicon("el").re_week_before[0].pattern
    assert "week" not in lexicon("nl").re_week_before[1].pattern
    assert "last" in cldr_weekday_words("en")[-1]
    assert _read("την Παρασκευή", "el", "2023-11-15", tense=-1) == [("Παρασκευή", "2023-11-10")]


def test_cldr_relative_phrases_hold_the_count():
    rel = cldr_relative("nb")
    assert "i går" in rel["yesterday"] and "for {n} uker siden" in rel["n_weeks_ago"]
    assert all("(" not in p for phrases in cldr_relative("he").values() for p in phrases)


def test_a_language_without_a_pack_reads_cldr_names_and_relative_words():
    # Norwegian Bokmål and Indonesian have no pack: months, weekdays and relative words
    # come from CLDR (months of four letters or fewer only beside a day or a year).
    assert cldr_table("nb") is not None and cldr_table("xx-nonsense") is None
    pub = "2024-03-14"  # a Thursday
    assert _read("Utenriksministeren sa i går at", "nb", pub) == [("i går", "2024-03-13")]
    assert _read("Møtet var forrige mandag.", "nb", pub) == [("mandag", "2024-03-11")]
    assert _read("Avtalen ble inngått for 2 uker siden.", "nb", pub) == [
        ("for 2 uker siden", "2024-02-29")
    ]
    assert _read("Pertemuan itu digelar pada 5 Februari 2024.", "id", pub) == [
        ("5 Februari 2024", "2024-02-05")
    ]
    assert _read("Menteri berbicara kemarin.", "id", pub) == [("kemarin", "2024-03-13")]


@pytest.mark.parametrize(
    ("text", "lang", "sign"),
    [
        # Slovene and Polish futures are built on the past participle.
        ("ZDA ne bodo obnovile licenc, ki potečejo", "sl", 1),
        ("Minister będzie rozmawiał z nim", "pl", 1),
        ("Minister je obiskal Kijev", "sl", -1),
        # Hungarian future participle ("the meeting to be held"), past reporting verb far.
        ("úgy vélekedett, hogy a jövő héten tartandó találkozón", "hu", 1),
    ],
)
def test_futures_built_on_the_participle(text, lang, sign):
    norm = normalize(text)
    assert tense_near(tense_cues(norm, 0, len(norm), lang), norm, len(norm)) == sign


def test_cldr_data_kept_on_disk_equals_babels(tmp_path, monkeypatch):
    # The words read from CLDR are kept on disk between processes; a fresh process reading
    # them back must get exactly what Babel gives.
    from briefing.nlp import dates

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    for code in ("nb", "cs", "sr-Latn", "xx-nonsense"):
        first = dates._cldr_data.__wrapped__(code)
        again = dates._cldr_data.__wrapped__(code)  # read back from the file
        assert first == again == dates._read_cldr(code)
    assert any(p.name.startswith("cldr-dates.nb.") for p in tmp_path.iterdir())
