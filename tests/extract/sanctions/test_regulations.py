"""Kinds of pressure an analyst counts beyond sanctions packages: designations (terrorist
or sanctions lists), coercive regulations aimed at another state's people or goods (bans,
fines, confiscations, in a passage about measures), the UN sanctions architecture (a panel
of experts, a sanctions committee), countermeasures, and leaving or not renewing a deal.
Each read with its language's pack; sentences of the kind news reports contain, in several
scripts and word orders. A state named after a noun of the people a measure targets is
their nationality, not the owner of the measure ("oligarques russes")."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures
from tests.extract.analysis_support import context_with_actors


def _kinds(text: str, lang: str) -> set[str]:
    return {m.key for m in extract_measures(context_with_actors(text, lang, {}))}


DESIGNATIONS = [
    ("en", "The ministry designated the group as a terrorist organisation on Monday."),
    ("de", "Das Parlament hat die Gruppe als Terrororganisation eingestuft."),
    ("fr", "Le groupe a été désigné comme organisation terroriste par le Conseil."),
    ("ru", "Суд признал движение террористической организацией."),
    ("tr", "Bakanlık grubu terör örgütü olarak tanımladı."),
    ("nl", "De regering heeft de beweging als terroristische organisatie aangemerkt."),
    ("lt", "Seimas pripažino grupę teroristine organizacija."),
]


@pytest.mark.parametrize(("lang", "text"), DESIGNATIONS)
def test_a_designation_is_a_measure(lang, text):
    assert "designation" in _kinds(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Представитель террористической организации выступил с заявлением."),
        ("sl", "Premier je napad označil za teroristično dejanje."),
    ],
)
def test_a_bare_terrorist_label_is_no_designation(lang, text):
    assert "designation" not in _kinds(text, lang)


REGULATIONS = [
    ("ru", "В ответ на санкции власти ввели запрет на использование валюты соседней страны."),
    (
        "de",
        "Als Strafmaßnahme verhängte die Regierung ein Verbot der Ausstrahlung ausländischer Sender.",
    ),
    ("pl", "W ramach sankcji władze nałożyły grzywny na właścicieli samochodów."),
    ("hu", "A korlátozások részeként a hatóságok elkobozták a járműveket."),
]


@pytest.mark.parametrize(("lang", "text"), REGULATIONS)
def test_a_coercive_regulation_in_a_passage_about_measures(lang, text):
    assert "coercive_regulation" in _kinds(text, lang)


def test_a_ban_outside_a_passage_about_measures_is_none():
    text = "The city council debated a ban on fireworks in the old town."
    assert "coercive_regulation" not in _kinds(text, "en")


MANDATES = [
    ("en", "The mandate of the panel of experts that monitors the sanctions expires in April."),
    ("da", "Ekspertpanelets mandat udløber i april."),
    ("cs", "Sankční výbor Rady bezpečnosti zveřejnil nový seznam."),
    ("ar", "انتهت ولاية فريق الخبراء التابع لمجلس الامن."),
]


@pytest.mark.parametrize(("lang", "text"), MANDATES)
def test_the_sanctions_architecture_is_a_measure(lang, text):
    assert "monitoring_mandate" in _kinds(text, lang)


COUNTERMEASURES = [
    ("en", "Moscow promised countermeasures against the new restrictions."),
    ("ru", "Москва пообещала принять ответные меры."),
    ("uk", "Уряд готує дзеркальні заходи."),
    ("hu", "A kormány válaszlépéseket helyezett kilátásba."),
    ("fi", "Venäjä lupasi vastatoimia."),
]


@pytest.mark.parametrize(("lang", "text"), COUNTERMEASURES)
def test_countermeasures_are_a_measure(lang, text):
    assert "countermeasures" in _kinds(text, lang)


LEAVING = [
    ("en", "The government said it will not renew the licence when it expires."),
    ("es", "El gobierno no renovará la licencia que vence en abril."),
    ("bg", "Москва се оттегли от сделката миналата седмица."),
    ("uk", "Після виходу Росії із зернової угоди ціни зросли."),
    ("cs", "Tři státy oznámily, že vystoupí z organizace."),
]


@pytest.mark.parametrize(("lang", "text"), LEAVING)
def test_leaving_or_not_renewing_a_deal_is_a_measure(lang, text):
    assert "agreement_suspension" in _kinds(text, lang)


def test_troops_withdrawing_is_no_deal_left():
    text = "Russia said its troops would withdraw from the region."
    assert "agreement_suspension" not in _kinds(text, "en")


def test_a_state_after_a_people_noun_is_no_owner():
    text = (
        "Les sanctions envisagées pourraient aussi cibler certains oligarques russes, "
        "selon Washington."
    )
    actors = {"russia": ("Russia", "state", ["russes"])}
    measures = extract_measures(context_with_actors(text, "fr", actors))
    personal = [m for m in measures if m.key == "personal_sanctions"]
    assert personal
    assert all("russia" not in m.proposed_by for m in personal)


def test_a_state_after_a_measure_word_still_owns_it():
    text = "Les sanctions individuelles américaines visent des oligarques."
    actors = {"united-states": ("United States", "state", ["américaines"])}
    measures = extract_measures(context_with_actors(text, "fr", actors))
    personal = [m for m in measures if m.key == "personal_sanctions"]
    assert personal and personal[0].proposed_by == ["united-states"]


def test_a_ban_said_in_force_needs_no_word_of_measures():
    text = "С 1 ноября в стране официально вступил в силу запрет на иностранные номера."
    measures = extract_measures(context_with_actors(text, "ru", {}))
    assert [(m.key, m.status) for m in measures] == [("coercive_regulation", "in_force")]


def test_a_ban_that_may_come_is_not_in_force_without_words_of_measures():
    text = "Власти могут ввести запрет на иностранные номера."
    assert "coercive_regulation" not in _kinds(text, "ru")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Als Strafmaßnahme verhängte die Regierung ein Verbot der Einfuhr von Zeitungen."),
        ("nl", "Het land is nu verboden ruwe olie en aardgas te importeren."),
        ("cs", "Rezoluce by zakázala dovážet do země luxusní zboží."),
    ],
)
def test_a_ban_on_imports_in_either_order_is_an_import_ban(lang, text):
    assert "import_ban" in _kinds(text, lang)


def test_an_important_word_is_no_import():
    text = "Il ministro ha vietato la manifestazione, una decisione importante."
    assert "import_ban" not in _kinds(text, "it")
