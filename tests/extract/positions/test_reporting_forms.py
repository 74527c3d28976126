"""Inflected forms of the packs' reporting verbs, from simplemma's tables
(tools/reporting_forms.py -> lang/<code>/reporting_forms.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from briefing import langpacks
from briefing.extract.attribution import attribute, reporting_table
from briefing.extract.positions import extract_positions
from tests.extract.analysis_support import context_with_actors

ROOT = Path(__file__).resolve().parents[3]

ACTORS = {
    "sweden": (
        "Sweden",
        "state",
        ["Ruotsi", "Svezia", "Švedska", "Švédsko", "Szwecji", "Švedske", "Zweden"],
    ),
    "germany": ("Germany", "state", ["Saksa", "Germania", "Nemčija", "Německo"]),
}


def _attributed(text: str, lang: str) -> list[tuple[tuple[str, ...], str]]:
    ctx = context_with_actors(text, lang, ACTORS)
    return [(a.speakers, a.kind) for a in attribute(ctx)]


def test_generated_forms_are_those_the_tool_writes_now():
    sys.path.insert(0, str(ROOT / "tools"))
    from reporting_forms import forms_for

    for code in ("da", "sl"):
        pack = yaml.safe_load(
            (ROOT / "briefing/data/lang" / code / "reporting.yaml").read_text(encoding="utf-8")
        )
        table = langpacks.language(code).simplemma
        have = langpacks.section("reporting_forms")[code]["verbs"]
        assert forms_for(code, pack, table) == have, code


def test_every_registry_language_with_a_lemma_table_has_forms():
    forms = langpacks.section("reporting_forms")
    for code, entry in langpacks.registry().items():
        if entry.simplemma and code != "fa":
            verbs = (forms.get(code) or {}).get("verbs") or {}
            assert sum(len(v) for v in verbs.values()) >= 30, code


def test_forms_are_laid_under_the_hand_written_cues():
    verbs = reporting_table()["verbs"]
    fi = verbs["fi"]
    assert fi["says"][0] == "sanoi"  # the pack's own cues first
    assert "sanonut" in fi["says"] and "sanoneet" in fi["says"]
    assert "sosterrà" in verbs["it"]["supports"]
    assert "invitano" in verbs["it"]["demands"]
    # The lemma, an infinitive, reports nothing ("vuole dire", "sanoa"): never a cue.
    assert "sanoa" not in fi["says"] and "sostenere" not in verbs["it"]["supports"]


def test_no_form_is_claimed_by_two_kinds():
    for code, pack in langpacks.section("reporting_forms").items():
        seen: dict[str, str] = {}
        for kind, forms in (pack.get("verbs") or {}).items():
            for f in forms:
                assert seen.setdefault(f, kind) == kind, (code, f)


def test_an_inflected_form_no_pack_lists_is_attributed():
    # Finnish perfect ("on sanonut"), Italian future, Slovene and Czech past forms.
    assert (("sweden",), "says") in _attributed(
        "Ruotsi on sanonut, että neuvottelut jatkuvat ensi viikolla.", "fi"
    )
    assert (("sweden",), "supports") in _attributed(
        "La Svezia sosterrà la proposta della Commissione sul bilancio.", "it"
    )
    assert (("sweden",), "offers") in _attributed(
        "Švedska je obljubila pomoč beguncem iz regije.", "sl"
    )
    assert (("germany",), "supports") in _attributed(
        "Německo podpořilo návrh Komise na nový rozpočet.", "cs"
    )


def test_a_joint_statement_of_two_states_is_a_position_of_each():
    text = "La Svezia e la Germania condividono l'opinione che i colloqui devono continuare."
    ctx = context_with_actors(text, "it", ACTORS)
    assert {p.actor for p in extract_positions(ctx)} == {"sweden", "germany"}


def test_in_the_view_of_a_state_is_its_position():
    # "In the eyes / in the view of X": X holds what the sentence says.
    for text, lang in (
        ("W ocenie Szwecji rozmowy w Genewie były konstruktywne i powinny być kontynuowane.", "pl"),
        ("Po prepričanju Švedske so pogovori koristni in se morajo nadaljevati.", "sl"),
        ("In de ogen van Zweden zijn de gesprekken nuttig en moeten ze doorgaan.", "nl"),
    ):
        assert (("sweden",), "says") in _attributed(text, lang), lang
