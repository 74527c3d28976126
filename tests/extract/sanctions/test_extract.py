"""Sanctions options: measures, categories, proposers, targets and conditions."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures
from briefing.extract.sanctions.conditions import find_condition
from briefing.models import MEASURE_CATEGORIES
from tests.extract.analysis_support import context_with_actors
from tests.extract.positions.test_extract import ACTORS


def measures(text: str, lang: str):
    return extract_measures(context_with_actors(text, lang, ACTORS))


@pytest.mark.parametrize(
    ("text", "lang", "key", "category"),
    [
        ("The US could cut Russia off from SWIFT.", "en", "swift", "financial"),
        (
            "Sankcje mogą obejmować odcięcie największych banków od globalnych transakcji.",
            "pl",
            "banks_cutoff",
            "financial",
        ),
        (
            "Washington bereitet Exportkontrollen für Hochtechnologie vor.",
            "de",
            "export_controls",
            "export-control",
        ),
        (
            "Paris évoque des sanctions personnelles contre Putin.",
            "fr",
            "personal_sanctions",
            "personal",
        ),
        ("Berlin könnte Nord Stream 2 stoppen.", "de", "nord_stream", "energy"),
        (
            "Las opciones incluyen más ayuda militar a Ucrania.",
            "es",
            "military_aid",
            "military-aid",
        ),
        (
            "NATO a pus trupele în stare de alertă pe flancul estic.",
            "ro",
            "force_posture",
            "force-posture",
        ),
        (
            "Опции включают дипломатические санкции и высылку дипломатов.",
            "ru",
            "diplomatic_measures",
            "diplomatic",
        ),
        ("تشمل الخيارات فرض عقوبات اقتصادية على روسيا.", "ar", "economic_sanctions", "financial"),
    ],
)
def test_measure_cues_in_many_languages(text, lang, key, category):
    found = {(m.key, m.category) for m in measures(text, lang)}
    assert (key, category) in found


def test_categories_are_contract_values():
    text = "Sanctions could include SWIFT, export controls, personal sanctions on Putin, Nord Stream 2 and military aid."
    assert {m.category for m in measures(text, "en")} <= set(MEASURE_CATEGORIES)


def test_a_generic_cue_needs_a_passage_about_measures():
    # "banks" and "military aid" outside any talk of sanctions or costs are not options.
    assert measures("The museum cut its links with two banks last year.", "en") == []


def test_context_carries_to_the_next_sentence_with_proposer_target_condition():
    text = (
        "Biden administration prepares new sanctions against Russia. "
        "They could be imposed within hours if Russia invades Ukraine. "
        "Sanctions could include cutting Russia's largest banks off from global transactions."
    )
    ctx = context_with_actors(
        text,
        "en",
        {**ACTORS, "joe-biden": ("Joe Biden", "person", ["Biden"])},
    )
    found = {m.key: m for m in extract_measures(ctx)}
    banks = found["banks_cutoff"]
    assert banks.target == "russia"
    assert banks.proposed_by == ["joe-biden"]
    assert banks.condition == "if Russia invades Ukraine"


def test_personal_sanctions_target_the_person():
    found = measures(
        "US warns of personal sanctions against President Vladimir Putin if Russia attacks.", "en"
    )
    personal = next(m for m in found if m.key == "personal_sanctions")
    assert personal.target == "vladimir-putin"
    assert personal.proposed_by == ["united-states"]


def test_counter_warning_speaker_is_not_a_proposer():
    found = measures(
        "Peskov warned that personal sanctions against Putin would lead to a rupture of relations.",
        "en",
    )
    assert all("dmitry-peskov" not in m.proposed_by for m in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Sankcje zostaną nałożone, gdyby Rosja dokonała inwazji na Ukrainy.",
            "pl",
            "if Russia invades Ukraine",
        ),
        (
            "SUA vor acționa dacă Rusia își intensifică agresiunea împotriva Ucraina.",
            "ro",
            "if Russia escalates its aggression against Ukraine",
        ),
        (
            "Des sanctions massives si la Russie envahit l'Ukraine.",
            "fr",
            "if Russia invades Ukraine",
        ),
        (
            "Sanktionen, falls Russland in die Ukraine einmarschiert.",
            "de",
            "if Russia invades Ukraine",
        ),
        ("Санкции последуют, если Россия нападет на Украину.", "ru", "if Russia attacks Ukraine"),
        (
            "هزینه های سنگین برای روسیه در صورت انجام چنین اقداماتی.",
            "fa",
            "if Russia takes such action",
        ),
    ],
)
def test_conditions(text, lang, expected):
    ctx = context_with_actors(text, lang, ACTORS)
    found = find_condition(ctx, ctx.sentences[0])
    assert found is not None
    assert found[0] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Biden said the US is preparing sanctions against Russia. Hungary opposes "
            "new sanctions, which it calls a mistake. The EU could cut Russian banks off "
            "from SWIFT if Russia invades Ukraine. Nothing else.",
            "en",
        ),
        (
            "Sankcje mogą obejmować odcięcie największych banków. Polska domaga się "
            "sankcji wobec Rosji, gdyby Rosja zaatakowała Ukrainę. Pogoda była ładna.",
            "pl",
        ),
        (
            "Die Bundesregierung lehnt Waffenlieferungen ab. Washington bereitet "
            "Exportkontrollen für Hochtechnologie vor, falls Russland einmarschiert.",
            "de",
        ),
    ],
)
def test_prefilters_change_no_measure(text, lang, monkeypatch):
    """Sentences without a cue of any kind are skipped, and a sentence is checked for a
    claim against measures only with such a claim's cue: the same measures as without."""
    import dataclasses
    import re

    from briefing.extract import sanctions

    fast = measures(text, lang)
    assert fast
    every = dataclasses.replace(sanctions._lexicon(lang), any_cue=None)
    monkeypatch.setattr(sanctions, "_lexicon", lambda _lang: every)
    monkeypatch.setattr(sanctions, "_opposing_cues", lambda _lang: re.compile(""))
    assert measures(text, lang) == fast


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Washington could sanction Putin himself.", "en"),
        ("Biden hält Sanktionen gegen Russlands Staatschef Putin persönlich für möglich.", "de"),
        ("آمریکا تحریم پوتین را بررسی می کند.", "fa"),
    ],
)
def test_sanctions_aimed_at_a_person_are_personal_whatever_words_name_them(text, lang):
    personal = [m for m in measures(text, lang) if m.key == "personal_sanctions"]
    assert personal and personal[0].target == "vladimir-putin"
