"""Continued military campaigns an analyst counts as measures: an offensive, a military
operation, an evacuation order ahead of one, a war that is to go on (or resume). Read as
`military_action` with each language's pack; sentences of the kind news reports contain,
in several scripts and word orders."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures
from tests.extract.analysis_support import context_with_actors

CAMPAIGNS = [
    ("en", "The army said the ground offensive would resume next week."),
    ("en", "The minister said the war will continue until the hostages are home."),
    ("de", "Die Regierung kündigte an, den Krieg nach der Feuerpause fortzusetzen."),
    ("fr", "Le gouvernement a promis de poursuivre la guerre après la trêve."),
    ("es", "El ejército emitió una orden de evacuación para la ciudad."),
    ("it", "Il governo ha confermato che le operazioni militari proseguiranno."),
    ("nl", "De premier zei dat de oorlog na het bestand doorgaat."),
    ("pl", "Rząd zapowiedział kontynuowanie wojny po rozejmie."),
    ("sk", "Vláda bude pokračovať vo vojne aj po prímerí."),
    ("ru", "Армия объявила о начале наземной операции на юге."),
    ("uk", "Уряд заявив, що війна продовжиться після перемир'я."),
    ("bg", "Армията започна военна операция в северната част на града."),
    ("tr", "Genelkurmay başkanı, ordunun savaşa devam etmeye hazır olduğunu söyledi."),
    ("ar", "أعلن الجيش أنه سيواصل العمليات العسكرية في الجنوب."),
    ("he", "הצבא הודיע כי המתקפה הקרקעית תתחדש בשבוע הבא."),
    ("fi", "Armeija aloitti sotilaallisen operaation maan pohjoisosassa."),
    ("hu", "A kormány bejelentette, hogy a katonai művelet folytatódik."),
    ("ro", "Armata a emis un ordin de evacuare pentru oraș."),
]


def _kinds(text: str, lang: str) -> set[str]:
    return {m.key for m in extract_measures(context_with_actors(text, lang, {}))}


@pytest.mark.parametrize(("lang", "text"), CAMPAIGNS)
def test_a_continued_campaign_is_a_military_measure(lang, text):
    assert "military_action" in _kinds(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The minister said the talks will continue next week."),
        ("de", "Die Gespräche werden nächste Woche fortgesetzt."),
        ("ru", "Переговоры продолжатся на следующей неделе."),
    ],
)
def test_continuing_talks_is_no_campaign(lang, text):
    assert "military_action" not in _kinds(text, lang)
