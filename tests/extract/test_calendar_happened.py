"""What a plain dated event did ("Attack: X"), from the packs' ``happened`` words, and
the midnight and "a day after" readings of the calendar's dates."""

from __future__ import annotations

import datetime as dt

from briefing import langpacks
from briefing.data import load_yaml
from briefing.extract.calendar import _after_report, _anchored, _happened_word
from briefing.extract.dates_publication import Found
from briefing.models import Sentence
from briefing.nlp.dates import DateMention, find_dates, resolve
from briefing.nlp.normalize import normalize


def _registry() -> list[str]:
    return sorted(langpacks.section("dates"))


def test_every_registry_language_names_the_same_happenings():
    packs = langpacks.section("events")
    named = load_yaml("lexicons/calendar_events.yaml")["happened"]
    labels = set(named)
    assert {"attacked", "killed", "met", "signed", "announced", "arrested"} <= labels
    assert all(isinstance(v, str) and v[:1].isupper() for v in named.values())
    for code in _registry():
        happened = packs[code].get("happened") or {}
        assert set(happened) == labels, code
        # Most happenings have words in every language (a few, "summoned", are left
        # out where the only verb also means "called on").
        assert sum(bool(w) for w in happened.values()) >= len(labels) - 2, code


def test_a_verb_is_read_by_its_lemma_or_its_stem():
    # Words of real reports on Russia's strikes on Kyiv (pages corpus).
    cases = [
        ("zaatakowała", "pl", "attacked"),  # tvn24.pl: "Rosja po raz kolejny zaatakowała Kijów."
        ("zaútočili", "cs", "attacked"),  # "Rusové zaútočili na civilní infrastrukturu"
        ("قصفت", "ar", "attacked"),  # "عندما قصفت روسيا أوكرانيا بالصواريخ"
        ("launched", "en", "launched"),  # "Russia on Monday launched an air attack on Kyiv"
        ("deployed", "en", "sent"),  # "rescue workers were deployed to four districts"
    ]
    for word, lang, label in cases:
        assert _happened_word(normalize(word), lang) == label, word
    for word, lang in [("kindergarten", "en"), ("eksplozje", "pl"), ("الصواريخ", "ar")]:
        assert _happened_word(normalize(word), lang) is None, word


def test_a_day_after_with_no_date_of_its_sentence():
    # "Its stance comes a day after the draft failed": a clause in the present counts
    # from the day of publication; one in the past, from a day its sentence does not
    # give, dates nothing.
    pub = dt.date(2022, 2, 26)
    sentence = Sentence(0, 0, 40, "")
    after = DateMention(10, 21, relative="day_after_event")
    for tense, date in ((0, "2022-02-25"), (1, "2022-02-25"), (-1, None)):
        f = Found(sentence, after, tense)
        r = _anchored(f, [f], [None], dt.date(2022, 2, 27), pub)
        assert (r.date if r else None) == date, tense
    # A day of its own sentence is counted from first.
    day = DateMention(30, 38, day=24, month=2)
    f = Found(sentence, after, 0)
    r = _anchored(f, [f, Found(sentence, day, 0)], [None, resolve(day, pub, pub)], None, pub)
    assert r is not None and r.date == "2022-02-23"


def test_midnight_is_the_coming_night_when_the_verb_looks_ahead():
    pub = dt.date(2022, 2, 23)
    m = DateMention(0, 11, relative="midnight")
    assert resolve(m, pub, pub, 1).date == "2022-02-24"
    assert resolve(m, pub, pub, -1).date == "2022-02-23"
    assert resolve(m, pub, pub, 0).date == "2022-02-23"


def test_every_registry_language_reads_its_midnight():
    packs = langpacks.section("dates")
    for code in _registry():
        phrases = (packs[code].get("relative") or {}).get("midnight") or []
        assert phrases, code
        for phrase in phrases:
            text = f"{phrase} "
            found = find_dates(text, normalize(text), 0, len(text), code)
            assert [m.relative for m in found] == ["midnight"], (code, phrase)


def test_a_weekday_told_after_a_day_of_its_sentence_is_not_before_it():
    # "X said on Tuesday that Y meets (present) on Wednesday": the coming Wednesday. With
    # a past tense of its own the weekday stays the last one.
    pub = dt.date(2022, 2, 22)  # a Tuesday
    sentence = Sentence(0, 0, 80, "")
    tuesday = DateMention(5, 12, weekday=1)
    wednesday = DateMention(40, 48, weekday=2)
    for tense, date in ((0, "2022-02-23"), (-1, "2022-02-16")):
        group = [Found(sentence, tuesday, -1), Found(sentence, wednesday, tense)]
        plain = [resolve(tuesday, pub, pub, -1), resolve(wednesday, pub, pub, tense)]
        _after_report(group, plain, pub, pub)
        assert [r.date for r in plain] == ["2022-02-22", date], tense
