"""Regressions from a German/French test run: separable verbs, one stance per clause,
reported speech in the subjunctive, stated intentions, security concerns, and the target
and condition of a measure ("la Russie s'exposerait à des sanctions … en cas d'invasion")."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.extract.attribution import attribute
from briefing.extract.positions import extract_positions
from briefing.extract.sanctions import extract_measures
from briefing.extract.topics import cue_regex
from briefing.nlp.normalize import normalize
from tests.conftest import make_context

DAY = dt.date(2022, 1, 20)


def _kinds(text: str, lang: str) -> dict[tuple[str, str], set[str]]:
    """{(actor, topic key): {stance kinds}} of one article."""
    out: dict[tuple[str, str], set[str]] = {}
    for p in extract_positions(make_context(text, lang, DAY)):
        out.setdefault((p.actor, p.topic_key or ""), set()).add(p.stance_kind or "")
    return out


def test_separable_particle_closes_the_clause():
    rx = re.compile(cue_regex("lehnt ... ab", "de"))
    assert rx.search(normalize("Berlin lehnt die Forderung nach einem Verzicht ab, sagte er"))
    assert rx.search(normalize("Sie lehnt Waffenlieferungen an die Ukraine weiterhin ab."))
    # The particle must end the clause: "ab" inside it is no particle.
    assert not rx.search(normalize("Er lehnt ab sofort jede Zusammenarbeit"))


def test_offer_and_rejection_in_one_sentence_keep_their_own_stances():
    kinds = _kinds(
        "Die Nato bietet Russland Gespräche über Rüstungskontrolle an, lehnt aber die "
        "Forderung nach einem Verzicht auf die Osterweiterung ab.",
        "de",
    )
    assert kinds[("nato", "nato_enlargement")] == {"rejects"}
    assert "offers" in kinds[("nato", "arms_control")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "NATO offered talks on arms control, but it will not accept a halt to NATO enlargement.",
        ),
        (
            "fr",
            "L'Otan a proposé un dialogue sur la maîtrise des armements, mais elle refuse de renoncer à l'élargissement de l'Otan.",
        ),
        (
            "ru",
            "Генсек НАТО Йенс Столтенберг отверг требование о нерасширении альянса, однако предложил возобновить работу Совета Россия–НАТО.",
        ),
    ],
)
def test_a_but_clause_has_its_own_stance(lang: str, text: str):
    kinds = _kinds(text, lang)
    speaker = "jens-stoltenberg" if lang == "ru" else "nato"
    assert kinds[(speaker, "nato_enlargement")] == {"rejects"}
    assert not any("rejects" in k for (a, t), k in kinds.items() if t != "nato_enlargement")
    assert any("offers" in k for (a, _t), k in kinds.items() if a == speaker)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "de",
            "Kremlsprecher Dmitri Peskow sagte, Russland habe nicht die Absicht, die Ukraine anzugreifen.",
            "dmitry-peskov",
        ),
        (
            "de",
            "Kremlsprecher Dmitri Peskow erklärte, Russland habe keine Absicht, in die Ukraine einzumarschieren.",
            "dmitry-peskov",
        ),
        (
            "en",
            "Kremlin spokesman Dmitry Peskov said Russia had no intention of attacking Ukraine.",
            "dmitry-peskov",
        ),
        (
            "fr",
            "Le porte-parole du Kremlin Dmitri Peskov a affirmé que la Russie n'a pas l'intention d'attaquer l'Ukraine.",
            "dmitry-peskov",
        ),
        (
            "es",
            "El portavoz del Kremlin, Dmitri Peskov, aseguró que Rusia no tiene intención de atacar a Ucrania.",
            "dmitry-peskov",
        ),
        (
            "it",
            "Il portavoce del Cremlino Dmitri Peskov ha detto che la Russia non ha intenzione di attaccare l'Ucraina.",
            "dmitry-peskov",
        ),
        (
            "ru",
            "Дмитрий Песков заявил, что Россия не собирается нападать на Украину.",
            "dmitry-peskov",
        ),
        ("ar", "وقال الكرملين إن روسيا لا تنوي مهاجمة أوكرانيا.", "russia"),
    ],
)
def test_stated_intention_not_to_attack_is_a_denial(lang: str, text: str, speaker: str):
    kinds = _kinds(text, lang)
    assert kinds.get((speaker, "invasion_likelihood")) == {"denies"}, kinds


def test_ignored_security_concerns_are_a_position():
    ctx = make_context(
        "Selon le Kremlin, Poutine a affirmé que les préoccupations de la Russie en matière "
        "de sécurité avaient été ignorées par l'Otan.",
        "fr",
        DAY,
    )
    found = [(p.actor, p.claim_key) for p in extract_positions(ctx)]
    assert ("vladimir-putin", "concerns_ignored") in found


def test_apposition_before_the_verb_is_its_subject():
    ctx = make_context(
        "Le directeur général de l'AIEA, Rafael Grossi, a appelé l'Iran à rétablir l'accès "
        "des inspecteurs.",
        "fr",
        DAY,
    )
    assert [a.speakers for a in attribute(ctx)] == [("rafael-grossi",)]


@pytest.mark.parametrize(
    ("lang", "text", "target", "condition"),
    [
        (
            "fr",
            "Le ministre des Affaires étrangères Jean-Yves Le Drian a averti que la Russie s'exposerait à des sanctions massives en cas d'invasion de l'Ukraine.",
            "russia",
            "if Russia invades Ukraine",
        ),
        (
            "es",
            "Josep Borrell advirtió que Rusia se enfrentará a nuevas sanciones en caso de invasión de Ucrania.",
            "russia",
            "if Russia invades Ukraine",
        ),
        (
            "it",
            "Luigi Di Maio ha avvertito che l'Iran andrà incontro a nuove sanzioni in caso di fallimento dei colloqui.",
            "iran",
            "if the talks fail",
        ),
        (
            "de",
            "Annalena Baerbock warnte, Russland müsste mit harten Sanktionen rechnen, falls es die Ukraine angreift.",
            "russia",
            "if Russia attacks Ukraine",
        ),
        (
            "ar",
            "وحذر بلينكن من أن واشنطن ستفرض عقوبات جديدة على إيران في حال فشل المفاوضات.",
            "iran",
            "if the talks fail",
        ),
    ],
)
def test_measure_target_and_condition(lang: str, text: str, target: str, condition: str):
    measures = extract_measures(make_context(text, lang, DAY))
    assert measures
    assert {(m.target, m.condition) for m in measures} == {(target, condition)}


def test_a_refused_measure_is_not_on_the_table():
    measures = extract_measures(
        make_context(
            "Berlin prüft neue Sanktionen gegen Russland. Die Regierung lehnt "
            "Waffenlieferungen an die Ukraine weiterhin ab.",
            "de",
            DAY,
        )
    )
    assert {m.category for m in measures} == {"other"}


def test_rejecting_someones_demand_reports_that_demand():
    ctx = make_context(
        "Jens Stoltenberg rejected Russia's demand for a halt to NATO enlargement.", "en", DAY
    )
    found = {
        (p.actor, p.stance_kind)
        for p in extract_positions(ctx)
        if p.claim_key == "halt_enlargement"
    }
    assert found == {("jens-stoltenberg", "rejects"), ("russia", "demands")}


def test_ruling_out_an_attack_denies_it():
    kinds = _kinds(
        "Russland kündigte neue Manöver an, schließt aber einen Angriff auf die Ukraine aus.",
        "de",
    )
    assert kinds[("russia", "invasion_likelihood")] == {"denies"}


def test_each_clause_of_a_neutral_statement_has_its_topic():
    kinds = _kinds(
        "Lavrov said Russia was ready for dialogue, but would not accept NATO enlargement.",
        "en",
    )
    assert kinds[("sergei-lavrov", "nato_enlargement")] == {"rejects"}
    assert kinds[("sergei-lavrov", "dialogue")] == {"offers"}


def test_a_condition_object_is_linked_to_its_event():
    # "l'Italia" opens the next clause: it is not what would be invaded.
    measures = extract_measures(
        make_context(
            "Draghi ha detto che in caso di invasione l'Italia sosterrà nuove sanzioni contro "
            "la Russia.",
            "it",
            DAY,
        )
    )
    assert [m.condition for m in measures] == ["if Russia invades"]


def test_reported_demand_in_the_subjunctive():
    kinds = _kinds("Lawrow sagte, die Nato müsse auf eine weitere Osterweiterung verzichten.", "de")
    assert kinds[("sergei-lavrov", "nato_enlargement")] == {"demands"}
