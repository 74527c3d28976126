"""Bodies named by an acronym the article defines in parentheses (actors/acronyms.py).

Sentences from the pages corpus (Russia-Ukraine war): topwar.ru in German, Sputnik
Afrique in French, TASS in English."""

from __future__ import annotations

from tests.conftest import make_context

GERMAN = (
    "So beantwortete die Pressesprecherin der SBU Olena Gitlyanskaya während einer "
    "Pressekonferenz die Fragen ukrainischer Journalisten. Sie riet Medienmitarbeitern, sich "
    "an die Generaldirektion für Nachrichtendienste (GUR) zu wenden. Die GUR schwieg."
)
FRENCH = (
    "Selon M. Tkatchouk, ce réseau aurait été monté par la Direction générale des "
    "renseignements (GRU) de l'état-major des Forces armées russes."
)
ENGLISH = (
    "Director General of the International Atomic Energy Agency (IAEA) Rafael Grossi told "
    "reporters he planned to meet with representatives of Russia's state-run nuclear "
    "corporation Rosatom during his upcoming visit to the Zaporozhye nuclear power plant "
    "(ZNPP). The presence of the International Atomic Energy Agency (IAEA) monitoring mission "
    "at the Zaporozhye Nuclear Power Plant (ZNPP) has played an important role in stabilizing "
    "the situation around the plant."
)


def _bodies(text: str, lang: str) -> dict[str, tuple[str, list[str]]]:
    ctx = make_context(text, lang)
    return {
        a.id: (a.name, a.surface_forms) for a in ctx.actors.values() if a.type == "organization"
    }


def test_a_body_defined_by_its_acronym_is_named_by_it_in_other_languages():
    bodies = _bodies(GERMAN, "de")
    # The head noun ends a compound ("Generaldirektion"); later uses of the acronym count.
    assert bodies["gur"] == ("GUR", ["Generaldirektion für Nachrichtendienste", "GUR"])
    ctx = make_context(GERMAN, "de")
    assert ctx.actors["gur"].mentions == 2


def test_a_name_capitalised_on_its_first_word_only():
    bodies = _bodies(FRENCH, "fr")
    assert bodies["gru"] == ("GRU", ["Direction générale des renseignements"])


def test_a_facility_defined_by_an_acronym_is_no_body():
    # "Zaporozhye Nuclear Power Plant (ZNPP)" has no head noun of an organisation; the
    # knowledge base's IAEA is named by its defined acronym as by its name.
    bodies = _bodies(ENGLISH, "en")
    assert "znpp" not in bodies and not any("Plant" in n for n, _ in bodies.values())
    assert "iaea" in bodies


def test_an_acronym_after_a_known_name_names_that_actor():
    ctx = make_context("Die Russische Föderation (RF) lehnte ab. Die RF sagte nein.", "de")
    assert [(a.id, a.surface_forms, a.mentions) for a in ctx.actors.values()] == [
        ("russia", ["Russische Föderation", "RF"], 3)
    ]


def test_no_parenthesis_no_work():
    assert _bodies("The minister said the talks would go on.", "en") == {}
