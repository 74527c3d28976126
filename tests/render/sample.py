"""A hand-built ``Brief`` with citations in five languages and two scripts' directions.

Citations are located in the article texts, never typed twice, so each one is verbatim
(``sentence == text[start:end]``) exactly as the extractors produce them.
"""

from __future__ import annotations

import datetime as dt

from briefing.models import (
    Actor,
    Article,
    Brief,
    Citation,
    Disagreement,
    Event,
    Measure,
    Position,
    Side,
)

FA_TEXT = (
    "وزیر امور خارجه ایران روز دوشنبه گفت تهران تحریم‌های جدید اتحادیه اروپا را نمی‌پذیرد.\n"
    "او افزود که مذاکرات وین در ۲۰ دی ادامه خواهد یافت."
)
AR_TEXT = (
    "قال وزير الخارجية السعودي إن المملكة تدعم الحوار بين روسيا وأوكرانيا.\n"
    "وأضاف أن القمة العربية ستعقد في الرياض في مارس."
)
EN_TEXT = (
    "NATO foreign ministers will meet in Brussels on 7 January 2022.\n"
    "The European Union is preparing sanctions on Russian banks if troops cross the border.\n"
    "Washington said it would send more troops to Poland and Romania."
)
RU_TEXT = "Лавров заявил, что Москва требует гарантий нерасширения НАТО на восток."
DE_TEXT = (
    "Berlin lehnt Waffenlieferungen an die Ukraine weiterhin ab, sagte ein Regierungssprecher."
)


def cite(source: Article, sentence: str) -> Citation:
    start = source.text.index(sentence)
    return Citation(source.id, start, start + len(sentence), sentence)


def line(source: Article, n: int) -> Citation:
    return cite(source, source.text.split("\n")[n])


def sample_articles() -> dict[str, Article]:
    return {
        "fa": Article(
            id="irna-1",
            text=FA_TEXT,
            path="in/irna-1.txt",
            title="واکنش تهران به تحریم‌ها",
            outlet="IRNA",
            language="fa",
            published=dt.date(2022, 1, 3),
            published_basis="metadata",
        ),
        "ar": Article(
            id="spa-1",
            text=AR_TEXT,
            url="https://example.org/spa/1",
            outlet="SPA",
            language="ar",
            published=dt.date(2022, 1, 4),
            published_basis="inferred",
            text_extracted=True,
        ),
        "en": Article(
            id="wire-1",
            text=EN_TEXT,
            path="in/wire-1.txt",
            title="NATO ministers to meet",
            language="en",
            published=dt.date(2022, 1, 4),
            published_basis="metadata",
        ),
        "ru": Article(id="tass-1", text=RU_TEXT, path="in/tass-1.txt", language="ru"),
        "de": Article(
            id="dpa-1",
            text=DE_TEXT,
            path="in/dpa-1.txt",
            outlet="dpa",
            language="de",
            published=dt.date(2022, 1, 2),
            published_basis="metadata",
        ),
    }


def sample_brief(*, new_since_last: bool = False) -> Brief:
    a = sample_articles()
    fa, ar, en, ru, de = a["fa"], a["ar"], a["en"], a["ru"], a["de"]
    actors = [
        Actor(
            "nato",
            "NATO",
            "organization",
            None,
            3,
            ["NATO", "НАТО"],
            [line(en, 0), cite(ru, RU_TEXT)],
        ),
        Actor("iran", "Iran", "state", None, 2, ["ایران", "تهران"], [line(fa, 0)]),
        Actor(
            "lavrov",
            "Sergei Lavrov",
            "person",
            "Foreign Minister of Russia",
            1,
            ["Лавров"],
            [cite(ru, RU_TEXT)],
        ),
        Actor("eu", "European Union", "organization", None, 2, ["European Union"], [line(en, 1)]),
        Actor("saudi-arabia", "Saudi Arabia", "state", None, 1, ["المملكة"], [line(ar, 0)]),
        Actor("germany", "Germany", "state", None, 1, ["Berlin"], [cite(de, DE_TEXT)]),
        Actor("usa", "United States", "state", None, 1, ["Washington"], [line(en, 2)]),
        Actor("russia", "Russia", "state", None, 1, ["Москва"], [cite(ru, RU_TEXT)]),
    ]
    calendar = [
        Event(
            "2022-01-07",
            "NATO foreign ministers meet",
            "past",
            [line(en, 0)],
            location="Brussels",
            participants=["nato"],
        ),
        Event(
            "2022-01-10",
            "Vienna talks resume",
            "upcoming",
            [line(fa, 1)],
            location="Vienna",
            participants=["iran"],
            conflicting_dates=["2022-01-11"],
        ),
        Event("2022-03", "Arab League summit", "upcoming", [line(ar, 1)], location="Riyadh"),
    ]
    positions = [
        Position("iran", "EU sanctions", "rejects new EU sanctions", [line(fa, 0)]),
        Position(
            "lavrov",
            "NATO enlargement",
            "demands guarantees against NATO enlargement",
            [cite(ru, RU_TEXT)],
        ),
        Position(
            "germany", "arms deliveries", "opposes arms deliveries to Ukraine", [cite(de, DE_TEXT)]
        ),
        Position("saudi-arabia", "Russia-Ukraine dialogue", "supports dialogue", [line(ar, 0)]),
    ]
    measures = [
        Measure(
            "Sanctions on Russian banks",
            "financial",
            [line(en, 1)],
            proposed_by=["eu"],
            target="russia",
            condition="if troops cross the border",
        ),
        Measure(
            "More US troops in Poland and Romania",
            "force-posture",
            [line(en, 2)],
            proposed_by=["usa"],
        ),
    ]
    disagreements = [
        Disagreement(
            "arms deliveries to Ukraine",
            [
                Side(["germany"], "opposes arms deliveries", [cite(de, DE_TEXT)]),
                Side(["usa"], "sends more troops to the eastern flank", [line(en, 2)]),
            ],
        )
    ]
    brief = Brief(
        title="Test brief: Iran, NATO and the Gulf",
        generated_at=dt.datetime(2022, 1, 5, 6, 0, tzinfo=dt.UTC),
        as_of=dt.date(2022, 1, 8),
        sources=[fa, ar, en, ru, de],
        actors=actors,
        calendar=calendar,
        positions=positions,
        sanctions_options=measures,
        disagreements=disagreements,
    )
    if new_since_last:
        brief.new_since_last = {
            "events": [calendar[1]],
            "positions": [positions[0]],
            "sanctions_options": [],
            "disagreements": [],
        }
    return brief


def empty_brief() -> Brief:
    a = sample_articles()
    return Brief(
        title="Empty brief",
        generated_at=dt.datetime(2022, 1, 5, 6, 0, tzinfo=dt.UTC),
        as_of=dt.date(2022, 1, 8),
        sources=[a["en"]],
        actors=[],
        calendar=[],
        positions=[],
        sanctions_options=[],
        disagreements=[],
    )
