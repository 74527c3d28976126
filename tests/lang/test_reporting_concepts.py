"""The inventory of reporting and stance concepts (lexicons/reporting_concepts.yaml) and
each language pack's verbs for them (``concepts`` in lang/<code>/reporting.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing import langpacks

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import reporting_coverage  # noqa: E402
from reporting_forms import _KINDS, concept_cues, concept_lemmas  # noqa: E402

KINDS = set(_KINDS)  # the kinds attribution reads, as the forms generator writes them
CODES = sorted(langpacks.registry())


def test_every_concept_has_a_kind_and_a_polarity():
    concepts = reporting_coverage.concepts()
    assert len(concepts) >= 50
    for name, c in concepts.items():
        assert c["kind"] in KINDS, name
        assert c["polarity"] in {"neutral", "positive", "negative"}, name
        assert c.get("gloss"), name
    # Stance kinds that state a view against something are never positive.
    for name, c in concepts.items():
        if c["kind"] in {"rejects", "denies", "warns", "threatens"}:
            assert c["polarity"] == "negative", name


def test_exceptions_name_known_languages_and_concepts_with_a_reason():
    concepts = reporting_coverage.concepts()
    for code, items in reporting_coverage.exceptions().items():
        assert code in CODES, code
        for concept, why in items.items():
            assert concept in concepts and str(why).strip(), (code, concept)


@pytest.mark.parametrize("code", CODES)
def test_every_language_lists_every_concept(code):
    listed = (langpacks.section("reporting").get(code) or {}).get("concepts") or {}
    excused = reporting_coverage.exceptions().get(code, {})
    unknown = set(listed) - set(reporting_coverage.concepts())
    assert not unknown, (code, unknown)
    lacking = [c for c in reporting_coverage.concepts() if not listed.get(c) and c not in excused]
    assert not lacking, (code, lacking)


@pytest.mark.parametrize("code", [c for c in CODES if langpacks.language(c).simplemma])
def test_single_word_entries_are_lemmas_of_the_language_table(code):
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DefaultDictionaryFactory,
    )

    lemmas = set(
        map(
            str,
            DefaultDictionaryFactory().get_dictionary(langpacks.language(code).simplemma).values(),
        )
    )
    pack = langpacks.section("reporting")[code]
    wrong = [lem for _kind, lem in concept_lemmas(pack) if lem not in lemmas]
    assert not wrong, (code, wrong)


def test_the_attributed_verbs_cover_every_concept_in_every_language():
    # Fails when a pack's concept entries were not turned into forms
    # (python3 tools/reporting_forms.py) or none of them reports anything.
    excused = reporting_coverage.exceptions()
    for code, row in reporting_coverage.matrix().items():
        missing = [c for c, ok in row.items() if not ok and c not in excused.get(code, {})]
        assert not missing, (code, missing)


def test_concept_cues_are_attributed_verbs():
    from briefing.extract.attribution import reporting_table
    from briefing.extract.topics import compile_cues
    from briefing.nlp.normalize import normalize

    verbs = reporting_table()["verbs"]
    for code in ("en", "pl", "fa", "ga"):
        pack = langpacks.section("reporting")[code]
        every = [c for cs in verbs[code].values() for c in cs]
        rx = compile_cues(every, code)
        for _kind, cues in concept_cues(pack).items():
            # A verb of the concept's kind, or one the pack's hand-written cues already
            # read as another kind ("vowed": threatens).
            for cue in cues:
                text = cue.removeprefix("=")
                assert text in every or rx.fullmatch(normalize(text)), (code, cue)
    # A lemma brings its forms, as verbs of the concept's kind (Polish "wskazać", point out).
    assert "wskazał" in verbs["pl"]["says"]
    assert "powtórzyła" in verbs["pl"]["says"]
