"""Events of one article: cues, participants, locations, status, publication inference."""

from __future__ import annotations

import datetime as dt

from briefing.extract.calendar import extract_events, infer_publication
from briefing.extract.dates_publication import infer_publications
from briefing.models import Article, Mention
from tests.conftest import make_context


def _events(text: str, lang: str, published: dt.date | None, as_of: dt.date | None = None):
    ctx = make_context(text, lang, published)
    if as_of:
        ctx.as_of = as_of
    infer_publication(ctx)
    return ctx, extract_events(ctx)


def test_durations_and_figures_are_not_events():
    text = (
        "The two presidents spoke for 50 minutes. The war has lasted eight years and killed "
        "more than 13,000 people since 2014. NATO ordered 8,500 soldiers to be ready."
    )
    _ctx, events = _events(text, "en", dt.date(2022, 1, 26))
    assert events == []
    fa = "بایدن و پوتین ۵۰ دقیقه با یکدیگر تلفنی گفت و گو کردند."
    assert _events(fa, "fa", dt.date(2022, 1, 1))[1] == []


def test_a_date_without_an_event_word_dates_its_clause():
    # No word list names every verb ("accused", "closed the airspace", "retook"): a date
    # with no cue of a type dates its clause as a plain "Event", in every language.
    # Its label says what the clause says happened, when it names it ("Closure").
    cases = [
        ("The junta closed the airspace on Sunday.", "en", "2023-08-06", "Closure"),
        ("De junta heeft afgelopen zondag het luchtruim gesloten.", "nl", "2023-08-06", "Closure"),
        ("Fredag diskuterede medlemmerne spændingerne.", "da", "2023-08-04", "Event"),
        ("Azerbaidžaan korraldas septembris sõjalise kampaania.", "et", "2023-09", "Event"),
    ]
    for text, lang, date, label in cases:
        _ctx, events = _events(text, lang, dt.date(2023, 8, 7))
        assert [(e.date, e.kind, e.label) for e in events] == [(date, "dated", label)], text
        assert events[0].citations[0].sentence == text


def test_a_statement_dated_to_a_month_is_a_plain_event():
    # Statements are dated to the day; "announced in February that it had tested" still
    # dates what happened then, as a plain event.
    text = "Letos v únoru Severní Korea oznámila, že otestovala raketu Hwasong-15."
    _ctx, events = _events(text, "cs", dt.date(2023, 7, 14))
    assert [(e.date, e.kind) for e in events] == [("2023-02", "dated")]
    _ctx, events = _events("Severní Korea ve středu oznámila test.", "cs", dt.date(2023, 7, 14))
    assert [(e.date, e.kind) for e in events] == [("2023-07-12", "statement")]


def test_weeks_and_durations_without_an_event_word_are_no_event():
    for text, lang in [
        ("Last week the junta closed the airspace.", "en"),
        ("Ninguém viu as atas até hoje.", "pt"),
        ("Nadie ha visto las actas hasta hoy.", "es"),
    ]:
        _ctx, events = _events(text, lang, dt.date(2023, 8, 7))
        assert events == [], text


def test_a_speakers_today_in_a_quotation_is_no_event_without_an_event_word():
    text = '"The rules-based order is under great strain today," the ambassador wrote.'
    _ctx, events = _events(text, "en", dt.date(2022, 6, 9))
    assert events == []


def test_publication_between_a_past_call_and_scheduled_talks():
    text = (
        "Talks are scheduled for 10 January in Geneva. The presidents held a phone call on "
        "Thursday 30 December 2021."
    )
    ctx, events = _events(text, "en", None, as_of=dt.date(2026, 11, 23))
    assert ctx.article.published_basis == "inferred"
    assert dt.date(2021, 12, 30) <= ctx.article.published < dt.date(2022, 1, 10)
    assert {(e.kind, e.date) for e in events} == {
        ("talks", "2022-01-10"),
        ("phone_call", "2021-12-30"),
    }
    assert next(e for e in events if e.kind == "talks").location == "Geneva"


def test_a_weekday_reported_in_the_past_moves_the_publication_forward():
    text = "The ministers met on 20 January 2022 in Paris. On Tuesday the president said more."
    ctx, _evs = _events(text, "en", None)
    assert ctx.article.published == dt.date(2022, 1, 25)


def test_metadata_is_never_overwritten():
    ctx, _e = _events("The summit was held on 3 March 2020.", "en", dt.date(2020, 3, 5))
    assert ctx.article.published == dt.date(2020, 3, 5)
    assert ctx.article.published_basis == "metadata"


def test_no_dated_past_event_leaves_the_publication_unknown():
    ctx, _e = _events("Talks will be held in January.", "en", None)
    assert ctx.article.published is None
    assert ctx.article.published_basis == "unknown"


def test_batch_inference_anchors_yearless_articles_on_the_batch():
    dated = Article(
        id="a",
        text="The call took place on Thursday 30 December 2021, officials said.",
        language="en",
    )
    yearless = Article(
        id="b", text="Minister spotkała się 31 grudnia z sekretarzem stanu.", language="pl"
    )
    infer_publications([dated, yearless], None)
    assert dated.published == dt.date(2021, 12, 30)
    assert yearless.published == dt.date(2021, 12, 31)
    assert yearless.published_basis == "inferred"


def test_participants_are_the_actors_of_the_dates_clause():
    text = "Blinken met Lavrov on 21 January, while Macron spoke to Scholz on 22 January."
    ctx = make_context(text, "en", dt.date(2022, 1, 25))
    spans = {"Blinken": "blinken", "Lavrov": "lavrov", "Macron": "macron", "Scholz": "scholz"}
    ctx.mentions = [
        Mention(actor, text.index(name), text.index(name) + len(name), name, 0)
        for name, actor in spans.items()
    ]
    events = {e.date: e for e in extract_events(ctx)}
    assert events["2022-01-21"].participants == ["blinken", "lavrov"]
    assert events["2022-01-22"].participants == ["macron", "scholz"]


def test_each_event_cites_its_sentence_and_knows_its_status():
    text = "The ministers met in Brussels on 3 March 2022. A summit will be held on 24 March 2022."
    _ctx, events = _events(text, "en", dt.date(2022, 3, 10))
    by_kind = {e.kind: e for e in events}
    assert by_kind["meeting"].status == "past" and by_kind["summit"].status == "upcoming"
    for e in events:
        for c in e.citations:
            c.check(text)
    assert by_kind["meeting"].citations[0].sentence.startswith("The ministers met")
    assert by_kind["meeting"].location == "Brussels"


def test_a_named_format_labels_the_event():
    text = "Rada NATO-Rosja zbierze się na posiedzeniu 12 stycznia w Brukseli."
    _ctx, events = _events(text, "pl", dt.date(2022, 1, 5))
    (e,) = events
    assert (e.label, e.kind, e.date, e.location) == (
        "Meeting of the NATO–Russia Council",
        "council_session",
        "2022-01-12",
        "Brussels",
    )


def test_a_short_fragment_borrows_the_cue_of_the_sentence_before():
    text = "He could use military force at any time. Maybe between now and mid-February."
    _ctx, events = _events(text, "en", dt.date(2022, 1, 26))
    (e,) = events
    assert (e.kind, e.date, e.date_end, len(e.citations)) == (
        "military_move",
        "2022-01-26",
        "2022-02-15",
        2,
    )


def test_a_dateline_is_the_publication_date():
    text = (
        "MOSCOW, Jan 12 (Reuters) - Russia said talks with NATO on Wednesday were frank. "
        "The foreign minister met his US counterpart on 10 January."
    )
    ctx, events = _events(text, "en", None, as_of=dt.date(2022, 1, 20))
    assert ctx.article.published == dt.date(2022, 1, 12)
    assert ("talks", "2022-01-12") in {(e.kind, e.date) for e in events}
    kyiv = "KYIV, 3 February 2022 — Ukraine's foreign minister spoke by phone on Tuesday."
    ctx, _evs = _events(kyiv, "en", None)
    assert ctx.article.published == dt.date(2022, 2, 3)


def test_bare_numbers_are_not_years():
    text = "NATO sent 2000 troops to the exercises and held talks with 1990 delegates."
    assert _events(text, "en", dt.date(2022, 1, 20))[1] == []


def test_an_estimate_after_today_is_dropped():
    ctx, _evs = _events("The summit was held on 3 March 2099 in Geneva.", "en", None)
    assert ctx.article.published is None


def test_figures_of_a_month_are_not_statements():
    text = (
        "Inflation in the euro zone hit 5.1% in January, Eurostat said on Wednesday, up from "
        "5.0% in December. Oil rose 3% on Monday to $94 a barrel, the highest since September 2014."
    )
    _ctx, events = _events(text, "en", dt.date(2022, 2, 3))
    assert [(e.kind, e.date) for e in events] == [("statement", "2022-02-02")]


def test_decisions_and_signings_are_dated_to_the_day():
    text = (
        "The EU adopted a sixth package of sanctions on 3 June 2022. Parliament approved the "
        "budget in December. The treaty was signed on Tuesday in Brussels."
    )
    _ctx, events = _events(text, "en", dt.date(2022, 6, 10))
    # A package of sanctions adopted is a measure (the more specific type); the budget
    # approved "in December" is no decision (those are dated to the day), but still what
    # happened that month: a plain event.
    assert [(e.kind, e.date, e.location) for e in events] == [
        ("dated", "2021-12", None),
        ("measure", "2022-06-03", None),
        ("signing", "2022-06-07", "Brussels"),
    ]
