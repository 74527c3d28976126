"""Who speaks, for the reasons the set-4 hand check found wrong (in several languages):
the object of a verb after a comma taken for its inverted speaker, a dash closing an
insertion read as the dash before "said X", "according to him" read as the actor named
after it, an office without an article naming again the person of its state who spoke,
a comma list of subjects, and a negation inside a condition read as the statement's."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.attribution import attribute
from briefing.extract.positions.statements import statement_mood
from tests.conftest import make_context

DAY = dt.date(2023, 8, 10)


def _speakers(text: str, lang: str, needle: str) -> set[str]:
    ctx = make_context(text, lang, DAY)
    start = text.index(needle)
    return {
        a
        for att in attribute(ctx)
        if att.sentence.start <= start < att.sentence.end
        for a in att.speakers
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "A l'ouverture du sommet, la France, hôte de la réunion, a dénoncé "
            '"la prise du pouvoir" par des militaires et la détention du président '
            "Emmanuel Macron.",
        ),
        (
            "es",
            "Al abrir la cumbre, Francia, anfitriona de la reunión, denunció "
            '"la toma del poder" por los militares y la detención del presidente '
            "Emmanuel Macron.",
        ),
    ],
)
def test_a_person_far_after_a_verb_after_a_comma_is_its_object(lang, text):
    assert _speakers(text, lang, "ouverture" if lang == "fr" else "abrir") == {"france"}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "fr",
            "La guerre doit cesser, a déclaré le ministre Sergueï Lavrov.",
            {"sergei-lavrov"},
        ),
    ],
)
def test_the_speaker_right_after_a_verb_after_a_comma_still_speaks(lang, text, want):
    assert _speakers(text, lang, "guerre") == want


def test_a_dash_closing_an_insertion_is_no_post_posed_verb():
    text = (
        "Na zasadnutí Rady, 13 z 15 členov - všetky krajiny okrem Nemecka - odsúdili "
        "druhý pokus Severnej Kórey o vypustenie satelitu."
    )
    assert "north-korea" not in _speakers(text, "sk", "zasadnutí")


def test_a_dialogue_dash_and_a_single_dash_still_post_pose_the_verb():
    text = "– Ja ću sutra predstaviti svaku tačku plana – napisao je Aleksandar Vučić."
    assert _speakers(text, "sr", "sutra") == {"aleksandar-vucic"}
    text = (
        "Örményország kész elismerni Azerbajdzsán területi integritását – jelentette ki "
        "Nikol Pasinján örmény miniszterelnök."
    )
    assert _speakers(text, "hu", "kész") == {"nikol-pashinyan"}


def test_according_to_him_is_the_person_who_spoke_not_the_actor_after_it():
    text = (
        "Zástupce americké vyslankyně při OSN Jeffrey DeLaurentis uvedl, že USA vyzvaly "
        "KLDR k dialogu. Podle něj je chybou Ruska a Číny, že Rada bezpečnosti nemluví "
        "jednotně."
    )
    got = _speakers(text, "cs", "Podle")
    assert got and not got & {"russia", "china"}, got


@pytest.mark.parametrize(
    ("lang", "text", "needle", "same"),
    [
        (
            "cs",
            "Zástupce americké vyslankyně při OSN Jeffrey DeLaurentis uvedl, že USA vyzvaly "
            "KLDR k dialogu. „Tato odpálení ukazují, že se Pchjongjang cítí povzbuzen,“ "
            "uvedl americký diplomat.",
            "Tato",
            True,
        ),
        (
            "cs",
            "Zástupce americké vyslankyně při OSN Jeffrey DeLaurentis uvedl, že USA vyzvaly "
            "KLDR k dialogu. „Studená válka dávno skončila, ale její mentalita přetrvává,“ "
            "uvedl čínský diplomat.",
            "Studená",
            False,
        ),
    ],
)
def test_an_office_without_article_names_again_the_person_of_its_state(lang, text, needle, same):
    got = _speakers(text, lang, needle)
    assert (any("delaurentis" in a for a in got)) is same, got


def test_a_comma_list_of_subjects_opening_a_verb_final_clause_all_speak():
    text = (
        "Öte yandan Senegal, Fildişi Sahili, Benin ve Nijerya askeri müdahaleye destek "
        "vereceklerini açıkladı."
    )
    assert {"senegal", "benin", "nigeria"} <= _speakers(text, "tr", "Senegal")


@pytest.mark.parametrize(
    ("lang", "text", "polarity"),
    [
        (
            "fr",
            'Si ces demandes ne sont pas satisfaites, la Cédéao "prendra toutes les '
            'mesures nécessaires", a déclaré le président Bola Tinubu.',
            "affirmed",
        ),
        (
            "en",
            "Russia said it would respond with force if its demands were not met.",
            "affirmed",
        ),
        ("en", "Russia said it would not respond with force.", "negated"),
    ],
)
def test_a_negation_inside_a_condition_does_not_negate_the_statement(lang, text, polarity):
    ctx = make_context(text, lang, DAY)
    atts = attribute(ctx)
    assert atts
    assert statement_mood(ctx, atts[0])[0] == polarity


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "nl",
            "Volgens de Amerikaanse VN-ambassadeur Linda Thomas-Greenfield is het een "
            "teleurstellende dag voor de Veiligheidsraad.",
            {"linda-thomas-greenfield"},
        ),
        ("nl", "Volgens Duitsland en Frankrijk helpen de sancties niet.", {"germany", "france"}),
        (
            "en",
            "According to Germany and France, the sanctions do not help.",
            {"germany", "france"},
        ),
    ],
)
def test_according_to_names_the_office_holder_and_every_joined_actor(lang, text, want):
    assert _speakers(text, lang, text.split()[1]) == want


def test_a_state_governed_by_a_preposition_after_an_office_is_not_its_speaker():
    text = "Ruský veľvyslanec pri OSN obvinil Spojené štáty, že ignorujú výzvy na dialóg."
    assert "united-nations" not in _speakers(text, "sk", "Ruský")


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "da",
            "Nordkorea beskylder USA for at forberede et angreb. Det afviser både USA og Sydkorea.",
            {"united-states", "south-korea"},
        ),
        (
            "de",
            "Nordkorea wirft den USA Angriffspläne vor. Das weisen die USA und Südkorea zurück.",
            {"united-states", "south-korea"},
        ),
    ],
)
def test_a_verb_second_clause_opened_by_its_object_has_its_subject_after_the_verb(lang, text, want):
    needle = "Det afviser" if lang == "da" else "Das weisen"
    assert _speakers(text, lang, needle) == want


@pytest.mark.parametrize(
    ("lang", "text", "polarity"),
    [
        ("nl", "Duitsland dreigt met sancties als de democratie niet wordt hersteld.", "affirmed"),
        (
            "sr",
            "Nemačka je dodala da je neophodno stvoriti garancije pod kojima neće biti "
            "nastavljeno nasilje.",
            "affirmed",
        ),
        (
            "de",
            "Deutschland erklärte, es werde keine Soldaten schicken, wenn es nicht muss.",
            "negated",
        ),
    ],
)
def test_a_negation_after_a_subordinator_belongs_to_its_clause(lang, text, polarity):
    ctx = make_context(text, lang, DAY)
    atts = attribute(ctx)
    assert atts
    assert statement_mood(ctx, atts[0])[0] == polarity


@pytest.mark.parametrize(
    ("lang", "text", "needle", "want"),
    [
        (
            "sk",
            "Putin a francúzsky prezident Emmanuel Macron predtým hovorili, že dohodu by mohli "
            "podpísať do konca roka.",
            "Putin",
            {"vladimir-putin", "emmanuel-macron"},
        ),
        (
            "nl",
            "De export was flink teruggevallen, zegt de Franse president in Parijs Emmanuel "
            "Macron tegen de NOS.",
            "export",
            {"emmanuel-macron"},
        ),
    ],
)
def test_office_words_do_not_hide_a_speaker(lang, text, needle, want):
    """A conjunction then a person's office ("a francúzsky prezident Emmanuel Macron")
    still joins two subjects; a person further right of a post-posed verb than its first
    office word is still its speaker."""
    assert _speakers(text, lang, needle) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "sv",
            "– Kriget måste upphöra, sade USA:s utrikesminister Antony Blinken efter mötet.",
            {"antony-blinken"},
        ),
        (
            "sv",
            "– Kriget måste upphöra, sade EU:s utrikeschef Josep Borrell efter mötet.",
            {"josep-borrell"},
        ),
        (
            "fi",
            "Sota on lopetettava, sanoi YK:n pääsihteeri António Guterres tiistaina.",
            {"antonio-guterres"},
        ),
    ],
)
def test_a_colon_inside_an_abbreviation_does_not_end_the_speaker_phrase(lang, text, want):
    # The Swedish and Finnish genitive of an abbreviation ("USA:s", "YK:n") is no
    # punctuation: the person named after it speaks, not the state it qualifies.
    assert _speakers(text, lang, text.split()[1]) == want
