"""The coverage matrix of the measures taxonomy (docs/measures-coverage.md): every kind and
every status has cues in every language of the registry, and the concept cues of the packs
(a verb and a noun in either order) find the measure in the inflected forms news use."""

from __future__ import annotations

import re

import pytest

from briefing.extract.sanctions import _lexicon, taxonomy
from briefing.langpacks import registry
from tools import measures_matrix

# (kind, language) pairs a language truly cannot fill, each with its reason. Reviewed:
# none; names (SWIFT, Nord Stream 2) count through the taxonomy's `all` cues.
EXCEPTIONS: dict[tuple[str, str], str] = {}

LANGS = [str(c) for c in registry()]
KINDS = list(taxonomy().get("measures") or {})


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_has_cues(lang):
    counts = measures_matrix.kind_counts(lang)
    empty = [k for k in KINDS if counts[k] == 0 and (k, lang) not in EXCEPTIONS]
    assert not empty, f"{lang}: kinds without cues: {empty}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_status_and_negation_has_words(lang):
    counts = measures_matrix.status_counts(lang)
    empty = [s for s, n in counts.items() if n == 0]
    assert not empty, f"{lang}: statuses without words: {empty}"


def test_exceptions_are_real_pairs():
    for kind, lang in EXCEPTIONS:
        assert kind in KINDS and lang in LANGS


def test_the_documented_matrix_is_the_packs():
    doc = measures_matrix.DOC.read_text(encoding="utf-8")
    assert doc == measures_matrix.render(), "run: python3 tools/measures_matrix.py --write"


# The same concept in inflected forms, in languages of different families: a closed
# border or airspace, a suspended treaty, cancelled visas, expelled diplomats, extended
# sanctions. Each phrase is matched by the kind's cues (no context word needed).
PHRASES = [
    ("blockade", "en", "Turkey closed its airspace to the airline."),
    ("blockade", "pl", "Rząd zamknął przestrzeń powietrzną dla samolotów."),
    ("blockade", "tr", "Hava sahası da bu ülkenin havayollarına kapatıldı."),
    ("blockade", "de", "Die Regierung hat den Luftraum für russische Flugzeuge geschlossen."),
    ("blockade", "es", "El Gobierno decidió suspender todos los cruces fronterizos."),
    ("blockade", "fi", "Suomi sulki rajanylityspaikat."),
    ("agreement_suspension", "pl", "Rząd zawiesił umowę o współpracy."),
    ("agreement_suspension", "fr", "Le gouvernement a suspendu l'accord de coopération."),
    ("agreement_suspension", "ru", "Москва приостановила действие договора."),
    ("agreement_suspension", "lt", "Vyriausybė įšaldė stojimo derybas."),
    ("agreement_suspension", "hu", "A kormány felfüggesztette a megállapodást."),
    ("travel_ban", "pl", "Anulowane zostaną wizy wydane obywatelom tego kraju."),
    ("travel_ban", "it", "Il governo ha sospeso il rilascio dei visti."),
    ("travel_ban", "lt", "Šiems politikams draudžiama atvykti į Lietuvą."),
    ("expel_diplomats", "cs", "Praha vyhostila dva ruské diplomaty."),
    ("expel_diplomats", "el", "Η Αθήνα απέλασε δύο Ρώσους διπλωμάτες."),
    ("diplomatic_measures", "da", "Danmark kalder sin ambassadør hjem."),
    ("aid_suspension", "sv", "Sverige har strypt biståndet till landet."),
    ("aid_suspension", "de", "Die EU hat die Entwicklungshilfe ausgesetzt."),
    ("new_sanctions", "ro", "Consiliul a prelungit sancțiunile cu șase luni."),
    ("new_sanctions", "uk", "ЄС продовжив санкції ще на пів року."),
    ("tariffs", "it", "Washington impone nuovi dazi sulle auto europee."),
    ("tariffs", "hr", "Vlada je uvela nove carine na uvoz čelika."),
    ("export_controls", "en", "Beijing restricted exports of rare earths."),
    ("export_controls", "de", "China beschränkt den Export seltener Erden."),
    ("military_action", "ar", "شنت الطائرات غارات على المواقع."),
    ("force_posture", "fr", "L'armée a lancé des exercices militaires près de la frontière."),
]


@pytest.mark.parametrize(("kind", "lang", "text"), PHRASES)
def test_concept_cues_find_inflected_forms(kind, lang, text):
    spec = next(sp for sp in _lexicon(lang).specs if sp.key == kind)
    norm = text.lower()
    assert spec.rx.search(norm), f"{lang}: {kind} not found in {text!r}"


def test_a_ceasefire_agreement_is_no_suspended_agreement():
    for lang, text in [
        ("pl", "Porozumienie o zawieszeniu broni weszło w życie."),
        ("ar", "دخل اتفاق وقف إطلاق النار حيز التنفيذ."),
        ("he", "הסכם הפסקת האש נכנס לתוקף."),
        ("uk", "Угода про припинення вогню набула чинності."),
    ]:
        spec = next(sp for sp in _lexicon(lang).specs if sp.key == "agreement_suspension")
        assert not spec.rx.search(re.sub(r"\s+", " ", text.lower())), (lang, text)
