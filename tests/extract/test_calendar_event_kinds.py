"""The event types added for crises of any kind, in every language of the registry: a
coup, a release of hostages or prisoners, and a measure lifted (the cues of
``lang/<code>/events.yaml``, types of ``lexicons/calendar_events.yaml``), and how a date
beside them becomes a calendar event."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.calendar import _best, _hits, event_cues, extract_events
from briefing.langpacks import registry
from briefing.nlp.normalize import normalize
from tests.conftest import make_context

# "The army carried out a coup."
COUP = [
    ("bg", "Армията извърши преврат."),
    ("cs", "Armáda provedla převrat."),
    ("da", "Hæren gennemførte et statskup."),
    ("de", "Das Militär hat den Präsidenten gestürzt."),
    ("el", "Ο στρατός έκανε πραξικόπημα."),
    ("en", "The army ousted the president in a coup."),
    ("es", "El ejército derrocó al presidente."),
    ("et", "Sõjavägi kukutas presidendi."),
    ("fi", "Armeija syrjäytti presidentin."),
    ("fr", "L'armée a renversé le président."),
    ("ga", "Rinne an t-arm cor stáit."),
    ("hr", "Vojska je izvela državni udar."),
    ("hu", "A hadsereg puccsot hajtott végre."),
    ("it", "L'esercito ha compiuto un colpo di stato."),
    ("lt", "Kariuomenė įvykdė perversmą."),
    ("lv", "Armija veica apvērsumu."),
    ("mt", "L-armata wettqet kolp ta' stat."),
    ("nl", "Het leger pleegde een staatsgreep."),
    ("pl", "Wojsko dokonało zamachu stanu."),
    ("pt", "Os militares deram um golpe de estado."),
    ("ro", "Armata a dat o lovitură de stat."),
    ("sk", "Armáda uskutočnila prevrat."),
    ("sl", "Vojska je izvedla državni udar."),
    ("sv", "Armén genomförde en statskupp."),
    ("ru", "Военные совершили переворот."),
    ("uk", "Військові здійснили переворот."),
    ("sr", "Vojska je izvela državni udar."),
    ("sr", "Војска је извела државни удар."),
    ("tr", "Ordu darbe yaptı."),
    ("fa", "ارتش کودتا کرد."),
    ("ar", "قام الجيش بانقلاب."),
    ("he", "הצבא ביצע הפיכה."),
]

# "The hostages were released."
RELEASE = [
    ("bg", "Заложниците бяха освободени."),
    ("cs", "Rukojmí byli propuštěni."),
    ("da", "Gidslerne blev løsladt."),
    ("de", "Die Geiseln wurden freigelassen."),
    ("el", "Οι όμηροι απελευθερώθηκαν."),
    ("en", "The hostages were released."),
    ("es", "Los rehenes fueron liberados."),
    ("et", "Pantvangid vabastati."),
    ("fi", "Panttivangit vapautettiin."),
    ("fr", "Les otages ont été libérés."),
    ("ga", "Scaoileadh saor na gialla."),
    ("hr", "Taoci su oslobođeni."),
    ("hu", "A túszokat szabadon engedték."),
    ("it", "Gli ostaggi sono stati liberati."),
    ("lt", "Įkaitai buvo išlaisvinti."),
    ("lv", "Ķīlnieki tika atbrīvoti."),
    ("mt", "L-ostaġġi inħelsu."),
    ("nl", "De gijzelaars werden vrijgelaten."),
    ("pl", "Zakładnicy zostali uwolnieni."),
    ("pt", "Os reféns foram libertados."),
    ("ro", "Ostaticii au fost eliberați."),
    ("sk", "Rukojemníci boli prepustení."),
    ("sl", "Talci so bili izpuščeni."),
    ("sv", "Gisslan frigavs."),
    ("ru", "Заложники были освобождены."),
    ("uk", "Заручників звільнили."),
    ("sr", "Taoci su oslobođeni."),
    ("sr", "Таоци су ослобођени."),
    ("tr", "Rehineler serbest bırakıldı."),
    ("fa", "گروگان‌ها آزاد شدند."),
    ("ar", "تم الإفراج عن الرهائن."),
    ("he", "החטופים שוחררו."),
]

# "The sanctions were lifted."
MEASURE = [
    ("bg", "Санкциите бяха отменени."),
    ("cs", "Sankce byly zrušeny."),
    ("da", "Sanktionerne blev ophævet."),
    ("de", "Die Sanktionen wurden aufgehoben."),
    ("el", "Οι κυρώσεις άρθηκαν."),
    ("en", "The sanctions were lifted."),
    ("es", "Las sanciones fueron levantadas."),
    ("et", "Sanktsioonid tühistati."),
    ("fi", "Pakotteet poistettiin."),
    ("fr", "Les sanctions ont été levées."),
    ("ga", "Cuireadh deireadh leis na smachtbhannaí."),
    ("hr", "Sankcije su ukinute."),
    ("hu", "A szankciókat feloldották."),
    ("it", "Le sanzioni sono state revocate."),
    ("lt", "Sankcijos buvo panaikintos."),
    ("lv", "Sankcijas tika atceltas."),
    ("mt", "Is-sanzjonijiet tneħħew."),
    ("nl", "De sancties werden opgeheven."),
    ("pl", "Sankcje zostały zniesione."),
    ("pt", "As sanções foram levantadas."),
    ("ro", "Sancțiunile au fost ridicate."),
    ("sk", "Sankcie boli zrušené."),
    ("sl", "Sankcije so bile odpravljene."),
    ("sv", "Sanktionerna hävdes."),
    ("ru", "Санкции были отменены."),
    ("uk", "Санкції скасували."),
    ("sr", "Sankcije su ukinute."),
    ("sr", "Санкције су укинуте."),
    ("tr", "Yaptırımlar kaldırıldı."),
    ("fa", "تحریم‌ها لغو شد."),
    ("ar", "تم رفع العقوبات."),
    ("he", "הסנקציות הוסרו."),
]


def _type_of(text: str, lang: str) -> str | None:
    norm = normalize(text)
    hit = _best(_hits(event_cues(lang), norm, 0, len(norm), len(norm)))
    return hit.cue.key if hit else None


def test_every_language_is_tested():
    for table in (COUP, RELEASE, MEASURE):
        assert sorted({row[0] for row in table}) == sorted(registry())


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [(*row, "coup") for row in COUP]
    + [(*row, "release") for row in RELEASE]
    + [(*row, "measure") for row in MEASURE],
)
def test_the_event_type_a_sentence_names(lang, text, kind):
    assert _type_of(text, lang) == kind


def _events(text: str, lang: str, pub: dt.date) -> list[tuple[str | None, str]]:
    return [(e.kind, e.date) for e in extract_events(make_context(text, lang, pub))]


def test_a_month_with_a_measure_is_an_event():
    # Measures are dated to the month as analysts date them ("restored in April").
    pub = dt.date(2024, 9, 12)
    text = "Washington restored some oil sanctions in April after months of talks."
    assert ("measure", "2024-04") in _events(text, "en", pub)


def test_a_coup_on_a_day_and_a_lapse_told_with_last_week():
    pub = dt.date(2023, 8, 6)  # a Sunday
    text = "Das Ultimatum lief am Sonntag vergangener Woche ab."
    assert _events(text, "de", pub) == [("deadline", "2023-07-30")]
    assert _events("Vojska je 26. jula izvela državni udar.", "sr", pub) == [("coup", "2023-07-26")]


def test_a_year_alone_is_background_not_an_event():
    pub = dt.date(2022, 6, 9)
    assert (
        _events("The council has been divided since it imposed sanctions in 2006.", "en", pub) == []
    )
    assert _events("The agreement was signed last year in Geneva.", "en", pub) == []


def test_a_separable_verb_around_the_date_is_its_cue():
    pub = dt.date(2023, 3, 20)  # a Monday
    text = "Das teilte der türkische Präsident am Samstag mit."
    assert _events(text, "de", pub) == [("statement", "2023-03-18")]


def test_a_relative_date_in_a_quotation_needs_the_quotation_s_own_cue():
    pub = dt.date(2023, 3, 19)
    # The speaker's "tonight", with only the reporting verb outside: no date of the article.
    assert _events('"Nocoj ni nič končano, šele začenja se," je dejal.', "sl", pub) == []
    # The quotation names its own event: dated against the publication date.
    assert _events('"We will sign the agreement tomorrow," the minister said.', "en", pub) == [
        ("signing", "2023-03-20")
    ]


def test_a_statement_is_dated_to_the_day_not_to_a_week():
    pub = dt.date(2023, 5, 22)
    assert _events("Pashinyan announced last week that talks would follow.", "en", pub) == []
    assert _events("Pashinyan announced on Friday that he was ready.", "en", pub) == [
        ("statement", "2023-05-19")
    ]
