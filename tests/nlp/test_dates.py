"""Date candidates and their resolution, language by language."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.nlp.dates import find_dates, resolve, tense_at
from briefing.nlp.normalize import normalize
from briefing.nlp.sentences import split_sentences


def _dates(text: str, lang: str, pub: dt.date | None, reference: dt.date | None = None):
    norm = normalize(text)
    out = []
    for m in find_dates(text, norm, 0, len(text), lang):
        r = resolve(
            m,
            pub,
            reference or pub or dt.date(2022, 1, 15),
            tense_at(norm, 0, len(text), m.start, lang),
        )
        out.append((text[m.start : m.end], r.date if r else None, r.date_end if r else None))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected"),
    [
        ("spotkała się 31 grudnia z sekretarzem", "pl", dt.date(2022, 1, 5), "2021-12-31"),
        ("Întâlnirea a avut loc pe 10 ianuarie 2022.", "ro", None, "2022-01-10"),
        ("After meeting on Friday (Jan. 21) in Geneva", "en", dt.date(2022, 1, 26), "2022-01-21"),
        (
            "opening ceremony on February 4, which he will attend",
            "en",
            dt.date(2022, 1, 26),
            "2022-02-04",
        ),
        ("Das Treffen am 13. März 2023 in Wien", "de", None, "2023-03-13"),
        ("La réunion aura lieu le 1er janvier 2024.", "fr", None, "2024-01-01"),
        ("La cumbre del 10 de enero de 2022", "es", None, "2022-01-10"),
        ("Переговоры прошли 10 января 2022 года", "ru", None, "2022-01-10"),
        ("Засідання заплановане на 17 лютого", "uk", dt.date(2022, 2, 10), "2022-02-17"),
        ("La riunione è prevista per il 3 giugno 2023.", "it", None, "2023-06-03"),
        ("القمة في 16 مايو 2024", "ar", None, "2024-05-16"),
        ("در ۱۰ ژانویه ۲۰۲۲ تشکیل شود", "fa", None, "2022-01-10"),
        ("Die Sitzung vom 30.12.2021", "de", None, "2021-12-30"),
        ("the report of 2021-12-30", "en", None, "2021-12-30"),
    ],
)
def test_day_month_year_in_many_languages(text, lang, pub, expected):
    assert [d for _s, d, _e in _dates(text, lang, pub)] == [expected]


def test_solar_hijri_dates_are_converted():
    assert _dates("۹ دی ماه ۱۴۰۰", "fa", None)[0][1] == "2021-12-30"
    assert _dates("در ۲۰ دی ۱۴۰۰", "fa", None)[0][1] == "2022-01-10"
    # No year: the Solar Hijri year nearest the publication date.
    assert _dates("نشست در ۲۲ دی", "fa", dt.date(2022, 1, 3))[0][1] == "2022-01-12"


def test_both_calendars_in_one_expression_are_cross_checked():
    text = "در ۱۰ ژانویه ۲۰۲۲ (۲۰ دی)"
    (m,) = find_dates(text, normalize(text), 0, len(text), "fa")
    assert m.alt is not None and m.alt.jalali
    r = resolve(m, None, dt.date(2022, 1, 1))
    assert r is not None and r.date == "2022-01-10" and r.conflict is None
    bad = "در ۱۰ ژانویه ۲۰۲۲ (۲۳ دی)"
    (m,) = find_dates(bad, normalize(bad), 0, len(bad), "fa")
    r = resolve(m, None, dt.date(2022, 1, 1))
    assert r is not None and r.date == "2022-01-10" and r.conflict == "2022-01-13"


def test_persian_ordinal_day_with_gregorian_month():
    assert _dates("روز هفتم ماه دسامبر (۱۶ آذر)", "fa", dt.date(2021, 12, 31))[0][1] == "2021-12-07"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rosja nie zgodziła się na to, co się stało.", "pl"),
        ("We may see more of this, we said.", "en"),
        ("این هزینه ها را می پردازد و ۵۰ دقیقه گفت و گو کردند", "fa"),
        ("Sunt mai multe opțiuni, a spus el.", "ro"),
        ("The war has lasted eight years and killed 13,000 people.", "en"),
        ("Er sprach 90 Minuten mit 10.000 Soldaten.", "de"),
    ],
)
def test_ordinary_words_and_figures_are_not_dates(text, lang):
    assert _dates(text, lang, dt.date(2022, 1, 10)) == []


def test_since_a_year_starts_a_duration():
    (m,) = find_dates("since 2014", "since 2014", 0, 10, "en")
    assert m.since and resolve(m, dt.date(2022, 1, 1), dt.date(2022, 1, 1)) is None


def test_missing_year_follows_tense_far_from_publication():
    pub = dt.date(2022, 7, 1)
    assert _dates("Rozmowy odbędą się 12 stycznia.", "pl", pub)[0][1] == "2023-01-12"
    assert _dates("Rozmowy odbyły się 12 stycznia.", "pl", pub)[0][1] == "2022-01-12"
    # Near the publication date the nearest year wins whatever the verb.
    assert (
        _dates("planują spotkanie 12 stycznia", "pl", dt.date(2021, 12, 20))[0][1] == "2022-01-12"
    )


def test_weekday_with_date_fixes_the_year():
    # No year written: only 2022 has Friday 21 January within a dozen years of 2026.
    text = "After meeting on Friday (Jan. 21) in Geneva"
    assert _dates(text, "en", None, reference=dt.date(2026, 11, 23))[0][1] == "2022-01-21"


@pytest.mark.parametrize(
    ("text", "lang", "pub", "date", "date_end"),
    [
        (
            "Talks will be held in the next two weeks.",
            "en",
            dt.date(2022, 1, 26),
            "2022-01-27",
            "2022-02-09",
        ),
        (
            "Maybe between now and mid-February.",
            "en",
            dt.date(2022, 1, 26),
            "2022-01-26",
            "2022-02-15",
        ),
        ("He said it last week.", "en", dt.date(2022, 1, 26), "2022-01-17", "2022-01-23"),
        (
            "at the beginning of the week the US advised",
            "en",
            dt.date(2022, 1, 26),
            "2022-01-24",
            "2022-01-25",
        ),
        (
            "USA i Rosja będą rozmawiać w przyszłym miesiącu",
            "pl",
            dt.date(2021, 12, 16),
            "2022-01",
            None,
        ),
        ("Vorbind marți, Stoltenberg a spus", "ro", dt.date(2021, 12, 23), "2021-12-21", None),
        ("سخنگو روز جمعه اعلام کرد", "fa", dt.date(2022, 1, 1), "2021-12-31", None),
        ("He will travel on Monday.", "en", dt.date(2022, 2, 14), "2022-02-14", None),
        ("The summit opens on Friday.", "en", dt.date(2022, 2, 14), "2022-02-18", None),
        (
            "Переговоры пройдут на следующей неделе",
            "ru",
            dt.date(2022, 2, 10),
            "2022-02-14",
            "2022-02-20",
        ),
        (
            "Las conversaciones, en los próximos días",
            "es",
            dt.date(2022, 2, 10),
            "2022-02-11",
            "2022-02-17",
        ),
    ],
)
def test_relative_expressions_against_the_publication_date(text, lang, pub, date, date_end):
    found = [(d, e) for _s, d, e in _dates(text, lang, pub) if d]
    assert found == [(date, date_end)]


def test_relative_expressions_need_a_publication_date():
    assert _dates("Vorbind marți", "ro", None) == [("marți", None, None)]


@pytest.mark.parametrize(
    ("text", "lang", "date", "date_end"),
    [
        ("an invasion in early 2022", "en", "2022-01", "2022-04"),
        ("o invazie la începutul lui 2022", "ro", "2022-01", "2022-04"),
        ("spotkają się na początku stycznia", "pl", "2022-01-01", "2022-01-10"),
        ("Der Rat tagt Anfang April", "de", "2022-04-01", "2022-04-10"),
        ("a mediados de marzo", "es", "2022-03-11", "2022-03-20"),
        ("Ein EU-Gipfel ist für den 23. und 24. März geplant.", "de", "2022-03-23", "2022-03-24"),
        ("Talks on January 10-12, 2022", "en", "2022-01-10", "2022-01-12"),
        ("з 10 по 20 лютого", "uk", "2022-02-10", "2022-02-20"),
    ],
)
def test_windows_and_ranges(text, lang, date, date_end):
    assert [(d, e) for _s, d, e in _dates(text, lang, dt.date(2022, 1, 15))] == [(date, date_end)]


def test_german_day_ordinal_before_a_month_does_not_end_the_sentence():
    text = "Das Telefonat am 13. März dauerte 90 Minuten. Dann kam der Gipfel."
    assert [s.text for s in split_sentences(text, "de")] == [
        "Das Telefonat am 13. März dauerte 90 Minuten.",
        "Dann kam der Gipfel.",
    ]


def test_solar_hijri_arithmetic_agrees_with_the_astronomical_calendar():
    from convertdate import persian

    from briefing.nlp.dates import _jalali_to_gregorian

    for y, m, d in [(1400, 10, 20), (1399, 12, 30), (1403, 1, 1), (1380, 6, 31), (1420, 11, 30)]:
        assert _jalali_to_gregorian(y, m, d) == dt.date(*persian.to_gregorian(y, m, d))
    assert _jalali_to_gregorian(1400, 12, 30) is None  # 1400 is not a leap year


def test_lunar_hijri_dates_in_arabic_with_the_gregorian_cross_check():
    text = "عقد الاجتماع في 15 جمادى الآخرة 1443 هـ (18 يناير 2022)"
    (m,) = find_dates(text, normalize(text), 0, len(text), "ar")
    r = resolve(m, None, dt.date(2022, 1, 20))
    assert r is not None and (r.date, r.conflict) == ("2022-01-18", None)
    assert _dates("في 16 رجب", "ar", dt.date(2022, 2, 1))[0][1] == "2022-02-17"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Criza durează de trei luni.", "ro"),
        ("Защита окружающей среды важна.", "ru"),
        ("La mission vers Mars est prévue.", "fr"),
    ],
)
def test_weekday_and_month_homographs(text, lang):
    assert _dates(text, lang, dt.date(2022, 1, 10)) == []


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        # Weekday adjectives, declined from the pack's nominative and endings.
        ("Před čtvrtečním proslovem vyslance se tak stalo.", "cs", "2023-07-13"),
        ("Po štvrtkovom neúspešnom pokuse o vypustenie satelitu.", "sk", "2023-07-13"),
        ("Środowa debata Zgromadzenia Ogólnego była pierwsza.", "pl", "2023-07-12"),
        ("Po sobotnim spotkaniu ministrowie wyjechali.", "pl", "2023-07-08"),
    ],
)
def test_slavic_weekday_adjectives_are_weekdays(text, lang, date):
    got = _dates(text, lang, dt.date(2023, 7, 14))
    assert [d for _span, d, _end in got] == [date], got


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        # A year written first, then the month alone: Baltic "in July 2022".
        ("2022 metų liepą Maskva ir Kyjivas pasirašė susitarimą.", "lt", "2022-07"),
        ("2022 m. liepą šalys pasirašė susitarimą.", "lt", "2022-07"),
        ("2022. gada jūlijā puses parakstīja vienošanos.", "lv", "2022-07"),
    ],
)
def test_year_first_month_without_a_day(text, lang, date):
    assert [d for _span, d, _end in _dates(text, lang, dt.date(2023, 5, 17))] == [date]
