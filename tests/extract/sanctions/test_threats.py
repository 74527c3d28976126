"""Threats an analyst counts as measures in every language of the registry: an ultimatum
(a deadline backed by a threat), a threatened military response, a standby force or troops
to be sent, and a suspension of trade. Sentences of the kind news reports contain, read
with each language's pack."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures
from briefing.langpacks import registry
from tests.extract.analysis_support import context_with_actors

ALL_CODES = sorted(registry())

# "The bloc gave the army an ultimatum: one week to hand power back."
ULTIMATUM = [
    ("ar", "وجهت المجموعة إنذارا إلى الجيش لتسليم السلطة خلال أسبوع."),
    ("bg", "Блокът постави ултиматум на армията да върне властта в срок от една седмица."),
    ("cs", "Blok dal armádě ultimátum, aby do týdne předala moc."),
    ("da", "Blokken stillede hæren et ultimatum om at aflevere magten inden for en uge."),
    ("de", "Der Block stellte der Armee ein Ultimatum, die Macht binnen einer Woche abzugeben."),
    ("el", "Το μπλοκ έθεσε τελεσίγραφο στον στρατό να παραδώσει την εξουσία μέσα σε μία εβδομάδα."),
    ("en", "The bloc gave the army an ultimatum to hand back power within a week."),
    ("es", "El bloque dio un ultimátum al ejército para devolver el poder en una semana."),
    ("et", "Blokk esitas armeele ultimaatumi anda võim nädala jooksul tagasi."),
    ("fa", "این بلوک به ارتش اولتیماتوم داد که ظرف یک هفته قدرت را واگذار کند."),
    ("fi", "Liittouma esitti armeijalle uhkavaatimuksen luovuttaa valta viikon kuluessa."),
    ("fr", "Le bloc a lancé un ultimatum à l'armée pour rendre le pouvoir sous une semaine."),
    (
        "ga",
        "Thug an bloc ultimatum don arm an chumhacht a thabhairt ar ais laistigh de sheachtain.",
    ),
    ("he", "הגוש הציב אולטימטום לצבא להחזיר את השלטון בתוך שבוע."),
    ("hr", "Blok je vojsci postavio ultimatum da u roku od tjedan dana preda vlast."),
    ("hu", "A tömb ultimátumot adott a hadseregnek, hogy egy héten belül adja át a hatalmat."),
    (
        "it",
        "Il blocco ha dato un ultimatum all'esercito per restituire il potere entro una settimana.",
    ),
    ("lt", "Blokas pateikė kariuomenei ultimatumą per savaitę perduoti valdžią."),
    ("lv", "Bloks izvirzīja armijai ultimātu nedēļas laikā nodot varu."),
    ("mt", "Il-blokk ta ultimatum lill-armata biex tirritorna l-poter fi żmien ġimgħa."),
    ("nl", "Het blok stelde het leger een ultimatum om binnen een week de macht over te dragen."),
    ("pl", "Blok postawił armii ultimatum: tydzień na oddanie władzy."),
    ("pt", "O bloco deu um ultimato ao exército para devolver o poder no prazo de uma semana."),
    ("ro", "Blocul a dat armatei un ultimatum să predea puterea în termen de o săptămână."),
    ("ru", "Блок предъявил армии ультиматум: вернуть власть в течение недели."),
    ("sk", "Blok dal armáde ultimátum, aby do týždňa odovzdala moc."),
    ("sl", "Blok je vojski postavil ultimat, naj v enem tednu preda oblast."),
    ("sr", "Блок је војсци поставио ултиматум да у року од недељу дана преда власт."),
    ("sv", "Blocket ställde ett ultimatum till armén att lämna ifrån sig makten inom en vecka."),
    ("tr", "Blok, orduya yönetimi devretmesi için bir hafta süre verdi."),
    ("uk", "Блок висунув армії ультиматум повернути владу протягом тижня."),
]

# A threatened military answer, a standby force or troops to send, a trade suspension (in
# a passage about sanctions: trade words alone are no measure).
OTHERS = [
    ("bg", "Използването на военна сила остава възможност.", "military_action"),
    (
        "de",
        "Die Regierung drohte mit einer militärischen Antwort auf jeden Angriff.",
        "military_action",
    ),
    (
        "el",
        "Ο στρατός εξαπέλυσε αεροπορικές επιθέσεις εναντίον της ηγεσίας της οργάνωσης.",
        "military_action",
    ),
    ("lt", "Vyriausybė pažadėjo karinį atsaką į bet kokį puolimą.", "military_action"),
    ("fr", "Le bloc a annoncé l'activation de sa force en attente.", "force_posture"),
    ("pt", "O Presidente prometeu enviar mil soldados para a missão.", "force_posture"),
    (
        "en",
        "The sanctions include the suspension of all commercial and financial transactions.",
        "trade_restrictions",
    ),
    (
        "fr",
        "Le bloc a imposé des sanctions. Il a décidé de suspendre toutes les transactions commerciales avec le pays.",
        "trade_restrictions",
    ),
]


def _kinds(text: str, lang: str) -> dict[str, str]:
    return {m.key: m.category for m in extract_measures(context_with_actors(text, lang, {}))}


def test_every_language_has_an_ultimatum():
    assert sorted(row[0] for row in ULTIMATUM) == ALL_CODES


@pytest.mark.parametrize(("lang", "text"), ULTIMATUM)
def test_an_ultimatum_is_a_measure(lang, text):
    found = {m.key: m for m in extract_measures(context_with_actors(text, lang, {}))}
    assert "ultimatum" in found, sorted(found)
    assert found["ultimatum"].status == "threatened"


@pytest.mark.parametrize(("lang", "text", "kind"), OTHERS)
def test_threats_of_force_and_trade_suspensions(lang, text, kind):
    assert kind in _kinds(text, lang)


def test_readiness_to_talk_is_no_force_posture():
    # Turkish "hazır olduğunu" (that it is ready) to facilitate talks is no troop readiness.
    text = "Bakan, ülkesinin görüşmeleri kolaylaştırmaya hazır olduğunu vurguladı."
    assert "force_posture" not in _kinds(text, "tr")


def test_customs_stamps_are_no_tariffs():
    text = "Strane će međusobno priznavati dokumente, uključujući putovnice i carinske pečate."
    assert "tariffs" not in _kinds(text, "hr")


_EU_RU = {
    "european-union": ("European Union", "organization", ["European Union", "EU", "UE"]),
    "russia": ("Russia", "state", ["Russia", "Russland", "Rosja", "la Russie"]),
    "iran": ("Iran", "state", ["Iran", "Iranu", "l'Iran"]),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The EU imposed sanctions on Iran, a step condemned by Russia."),
        ("en", "Sanctions on Iran were condemned by Russia."),
        ("de", "Die Sanktionen gegen Iran, die von Russland kritisiert wurden, gelten weiter."),
        ("fr", "L'UE a imposé des sanctions à l'Iran, une décision critiquée par la Russie."),
    ],
)
def test_a_passive_of_another_verb_names_no_proposer(lang, text):
    # "by Russia" is the agent of "condemned", not of the measure's own verb.
    found = extract_measures(context_with_actors(text, lang, _EU_RU))
    assert found, "no measure"
    assert all("russia" not in m.proposed_by for m in found), [m.proposed_by for m in found]


_RU = {
    "european-union": ("European Union", "organization", ["EU", "AB", "Euroopa Liit"]),
    "russia": ("Russia", "state", ["Rusya", "Oroszország", "Venäjälle", "Venäjään", "Venemaale"]),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "AB, Rusya'ya yönelik yeni yaptırımları onayladı."),
        ("tr", "AB, Rusya'ya yeni yaptırımlar uyguladı."),
        ("hu", "Az EU Oroszország elleni szankciói hatályban maradnak."),
        ("fi", "EU asetti uusia pakotteita Venäjälle."),
        ("fi", "Venäjään kohdistuvat pakotteet jatkuvat."),
        ("et", "Euroopa Liit kehtestas Venemaale uued sanktsioonid."),
    ],
)
def test_a_target_before_a_postposition_or_in_its_case(lang, text):
    found = extract_measures(context_with_actors(text, lang, _RU))
    assert found, "no measure"
    assert all(m.target == "russia" for m in found), [(m.key, m.target) for m in found]


def test_sanctions_that_took_effect_are_in_force_in_hungarian():
    text = "Az EU Oroszország elleni szankciói hatályba léptek."
    found = extract_measures(context_with_actors(text, "hu", _RU))
    assert found and all(m.status == "in_force" for m in found), [m.status for m in found]
