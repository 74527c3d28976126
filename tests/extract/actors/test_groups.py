"""Groups without a proper name: a military junta and a state's opposition, in every
registry language, named after their state (real pipeline, no mocks)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.data import load_yaml
from briefing.langpacks import registry
from tests.conftest import make_context

AUG_2023 = dt.date(2023, 8, 10)
AUG_2024 = dt.date(2024, 8, 10)
LANGS = sorted(registry())


def names(text: str, lang: str, day: dt.date) -> dict[str, str]:
    ctx = make_context(text, lang, day)
    return {a.id: a.name for a in ctx.actors.values()}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_group_words(lang: str):
    data = load_yaml("lexicons/actors_groups.yaml")
    for key in ("junta", "opposition", "foreign-ministry"):
        assert data[key]["stems"].get(lang), (key, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The junta in Niger rejected the ultimatum. The junta said it would resist."),
        ("cs", "Pučisté v Nigeru odmítli ultimátum. Junta oznámila, že se bude bránit."),
        ("pl", "Niger odrzuca ultimatum ECOWAS. Junta wojskowa zapowiada opór."),
        ("tr", "Nijer'deki askeri cunta ültimatomu reddetti."),
        ("de", "Die Militärjunta in Niger wies das Ultimatum zurück."),
        ("et", "Nigeri hunta lükkas ultimaatumi tagasi."),
    ],
)
def test_junta_is_named_after_its_state(lang: str, text: str):
    found = names(text, lang, AUG_2023)
    assert found.get("niger-junta") == "Niger junta", found


def test_junta_without_a_state_is_no_actor():
    assert not [
        n
        for n in names("The junta rejected the ultimatum.", "en", AUG_2023).values()
        if "junta" in n
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Nicolás Maduro venceu a eleição. A oposição contesta o resultado de Maduro."),
        ("hu", "Nicolás Maduro nyerte a választást. Az ellenzék vitatja Maduro győzelmét."),
        ("sl", "Nicolás Maduro je zmagal. Opozicija rezultat izpodbija, Maduro pa ga brani."),
    ],
)
def test_opposition_belongs_to_the_state_whose_leader_is_named(lang: str, text: str):
    found = names(text, lang, AUG_2024)
    assert found.get("venezuela-opposition") == "Venezuelan opposition", found


def test_opposition_as_a_stance_is_no_actor():
    text = "Nicolás Maduro spoke. Brazil voiced its opposition to the plan of Maduro."
    assert "venezuela-opposition" not in names(text, "en", AUG_2024)


def test_opposition_without_a_leader_named_is_no_actor():
    text = "Brazil and Colombia spoke. The opposition disputes the result."
    assert not [n for n in names(text, "en", AUG_2024).values() if "opposition" in n]


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_names_the_west(lang: str):
    from briefing.kb import _pack_names

    kb_entry = next(e for e in load_yaml("kb/organizations.yaml") if e["id"] == "the-west")
    packs = (_pack_names().get(lang) or {}).get("organizations") or {}
    assert kb_entry["aliases"].get(lang) or packs.get("the-west"), lang


@pytest.mark.parametrize(
    ("lang", "text", "west"),
    [
        ("hr", "Rusija optužuje Zapad. Zapadni Balkan je važan.", True),
        ("cs", "Rusko obviňuje Západ za sankce.", True),
        ("nl", "Rusland beschuldigt het Westen van hypocrisie.", True),
        ("tr", "Rusya Batılı ülkeleri suçladı.", True),
        ("tr", "Batı Şeria ve Batı Afrika gündemdeydi.", False),
        ("hu", "Nyugat-Balkán országai tárgyaltak.", False),
        ("hr", "Vojska je krenula na zapad zemlje.", False),
    ],
)
def test_the_west_is_named_not_the_compass_point(lang: str, text: str, west: bool):
    assert ("the-west" in names(text, lang, AUG_2023)) is west


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "Rusya Dışişleri Bakanlığı açıklama yaptı."),
        ("cs", "Ruská diplomacie dohodu odmítla."),
        ("ar", "قالت وزارة الخارجية الروسية إن الاتفاق انتهى."),
        ("fa", "وزارت امور خارجه روسیه اعلام کرد."),
        ("de", "Das russische Außenministerium erklärte das."),
        ("en", "Russia's Ministry of Foreign Affairs said so."),
    ],
)
def test_foreign_ministry_of_the_state_next_to_it(lang: str, text: str):
    found = names(text, lang, AUG_2023)
    assert found.get("russia-foreign-ministry") == "Russian Foreign Ministry", found
    assert "russia" in found


def test_foreign_ministry_without_its_state_is_no_actor():
    text = "Russia and Ukraine spoke. The foreign ministry later issued a statement."
    assert not [n for n in names(text, "en", AUG_2023).values() if "Ministry" in n]
