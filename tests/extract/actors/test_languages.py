"""Actors in the 31 registry languages: states and organisations named in each, role words
before and after names, deputies, party labels, and one name across scripts (real
pipeline, no mocks)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.consolidate.actors import merge_actors
from briefing.extract.actors.text import latin, same_person_across_scripts
from briefing.kb import knowledge_base, roles
from briefing.langpacks import registry, section
from briefing.models import Actor, Article, ArticleFindings, Citation
from tests.conftest import make_context

JAN_2022 = dt.date(2022, 1, 10)
LANGS = sorted(registry())


def people(text: str, lang: str, day: dt.date = JAN_2022) -> dict[str, tuple[str, str | None]]:
    ctx = make_context(text, lang, day)
    return {a.id: (a.name, a.role) for a in ctx.actors.values() if a.type == "person"}


def ids(text: str, lang: str, day: dt.date = JAN_2022) -> set[str]:
    return set(make_context(text, lang, day).actors)


# --- data: every language has a pack ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_main_roles(lang: str):
    table = roles()
    for key in ("head-of-state", "head-of-government", "foreign-minister", "defence-minister"):
        assert table[key]["phrases"].get(lang), (key, lang)
    assert lang in section("roles")
    assert section("roles")[lang].get("deputy_markers"), lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_names_the_main_states_and_organisations(lang: str):
    """CLDR/pycountry give the states; the packs give organisations where they differ."""
    kb = knowledge_base()
    by_actor: dict[str, set[str]] = {}
    for alias in kb.aliases:
        by_actor.setdefault(alias.actor, set()).add(alias.text)
    from babel import Locale

    locale = Locale.parse("sr" if lang == "sr" else lang)
    assert locale.territories["RU"] in by_actor["russia"]
    assert locale.territories["US"] in by_actor["united-states"]
    packs = section("names")
    if lang in packs:
        for org in ("nato", "united-nations", "european-union"):
            assert set(packs[lang]["organizations"].get(org, [])) <= by_actor[org]


# --- states and organisations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Il Consiglio Russia-Nato si riunirà mercoledì.", "it", "nato-russia-council"),
        ("L'Osce ha chiesto una tregua.", "it", "osce"),
        ("Gli Usa hanno risposto.", "it", "united-states"),
        ("L'Onu chiede il cessate il fuoco.", "it", "united-nations"),
        ("Ministr jednal v Moskvě o OSN.", "cs", "russia"),
        ("Ministr jednal v Moskvě o OSN.", "cs", "united-nations"),
        ("De NAVO en de VN vergaderen.", "nl", "nato"),
        ("Η Ρωσία και το ΝΑΤΟ συνομιλούν.", "el", "russia"),
        ("Ryssland och Nato möts i Genève.", "sv", "russia"),
        ("Rusya ve AB görüştü.", "tr", "european-union"),
        ("Az ENSZ-ről és Oroszországról beszélt.", "hu", "united-nations"),
        ("ארצות הברית ורוסיה נפגשו.", "he", "united-states"),
        ("قال وزير الخارجية السلوفاكي إن الاتحاد الأوروبي موحد.", "ar", "slovakia"),
        ("Le Conseil permanent de l’OSCE se réunira jeudi.", "fr", "osce"),
    ],
)
def test_states_and_organisations_in_other_languages(text: str, lang: str, actor: str):
    assert actor in ids(text, lang)


def test_a_word_cased_acronym_that_is_a_common_word_names_nobody():
    # French "Un" opens sentences; "Us" is an English word.
    assert "united-nations" not in ids("Un responsable a parlé à la presse.", "fr")
    assert "united-states" not in ids("Us and them, he said.", "en")


# --- roles --------------------------------------------------------------------------------


def test_a_party_label_between_the_role_and_the_name():
    found = people("Lo ha detto il senatore repubblicano Ted Cruz ai giornalisti.", "it")
    assert found == {"ted-cruz": ("Ted Cruz", "Senator")}


def test_a_role_after_the_name_with_a_deputy_marker_inside():
    text = "Daleep Singh, conseiller adjoint à la sécurité nationale, a précisé les sanctions."
    assert people(text, "fr") == {
        "daleep-singh": ("Daleep Singh", "Deputy National Security Adviser")
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وقالت نائبة وزير الخارجية الأمريكي، ويندي شيرمان، إن المحادثات صعبة.", "ar"),
        ("La secrétaire d’État adjointe américaine a parlé aux journalistes.", "fr"),
        ("Die stellvertretende US-Außenministerin sprach in Genf.", "de"),
        ("Заместитель госсекретаря США прибыла в Женеву.", "ru"),
    ],
)
def test_a_deputy_is_never_the_principal(text: str, lang: str):
    assert "antony-blinken" not in ids(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "name", "role"),
    [
        (
            "Ministr zahraničí Tomáš Petříček jednal v Moskvě.",
            "cs",
            "Tomáš Petříček",
            "Foreign Minister",
        ),
        (
            "De Nederlandse minister van Buitenlandse Zaken Wopke Hoekstra zei dat het moet.",
            "nl",
            "Wopke Hoekstra",
            "Foreign Minister of Netherlands",
        ),
        (
            "Sveriges utrikesminister Ann Linde sa att Ryssland måste backa.",
            "sv",
            "Ann Linde",
            "Foreign Minister of Sweden",
        ),
        (
            "Външният министър на България Теодора Генчовска заяви, че НАТО ще помогне.",
            "bg",
            "Teodora Genchovska",
            "Foreign Minister of Bulgaria",
        ),
        (
            "Suomen ulkoministeri Pekka Haavisto sanoi, että Venäjän on vetäydyttävä.",
            "fi",
            "Pekka Haavisto",
            "Foreign Minister of Finland",
        ),
        (
            "Ο πρώην υπουργός Εξωτερικών Γιώργος Κατρούγκαλος μίλησε στη Βουλή.",
            "el",
            "Giorgos Katrougkalos",
            "Foreign Minister",
        ),
        (
            "Polonya Dışişleri Bakanı Jacek Czaputowicz, Rusya ile görüştü.",
            "tr",
            "Jacek Czaputowicz",
            "Foreign Minister of Poland",
        ),
        # The ministry's full name ("of Foreign and European Affairs") is a foreign
        # minister's title too (Croatia, Slovenia, Slovakia).
        (
            "Ministar vanjskih i europskih poslova Ivo Horvat rekao je da Rusija mora otići.",
            "hr",
            "Ivo Horvat",
            "Foreign Minister",
        ),
        (
            "Minister za zunanje in evropske zadeve Janez Novak je dejal, da mora Rusija oditi.",
            "sl",
            "Janez Novak",
            "Foreign Minister",
        ),
        (
            "Minister zahraničných vecí a európskych záležitostí Ján Novák povedal, že áno.",
            "sk",
            "Ján Novák",
            "Foreign Minister",
        ),
        (
            "Der Abgeordnete Max Mustermann sagte, die Nato müsse handeln.",
            "de",
            "Max Mustermann",
            "Member of Parliament",
        ),
    ],
)
def test_people_found_beside_role_words(text: str, lang: str, name: str, role: str):
    found = people(text, lang)
    assert (name, role) in found.values(), found


@pytest.mark.parametrize(
    "text",
    [
        "Situacija je ozbiljna, rekao je Grlić Radman u Muenchenu.",
        "Hrvatski ministar vanjskih i europskih poslova rekao je da Rusija mora otići.",
    ],
)
def test_croatias_foreign_minister_by_surname_and_by_office(text: str):
    found = people(text, "hr", dt.date(2022, 2, 20))
    name = "Gordan Grlić Radman"
    assert found.get("gordan-grlic-radman") == (
        name,
        "Minister of Foreign and European Affairs of Croatia",
    ), found


def test_hebrew_names_after_the_title():
    found = people('שר החוץ אלי כהן נפגש עם מזכ"ל נאט"ו.', "he", dt.date(2023, 3, 1))
    assert ("אלי כהן", "Foreign Minister") in found.values()


def test_qualifier_before_only_languages_do_not_read_a_later_state_as_qualifier():
    found = people("Szijjártó Péter külügyminiszter Moszkvában tárgyalt.", "hu")
    assert "sergei-lavrov" not in found
    assert "peter-szijjarto" in found


# --- one name across scripts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wendy Sherman", "ويندي شيرمان", True),
        ("Wendy Sherman", "וונדי שרמן", True),
        ("Sergei Ryabkov", "سيرغي ريابكوف", True),
        ("Daleep Singh", "داليب سينغ", True),
        ("Péter Szijjártó", "پتر سیارتو", True),
        ("Jair Bolsonaro", "یورای بلانار", False),
        ("Wendy Sherman", "Wendy Brown", False),
    ],
)
def test_same_person_across_scripts(a: str, b: str, same: bool):
    assert same_person_across_scripts(a, b) is same


def test_cyrillic_and_greek_names_in_latin_letters():
    assert latin("Сергей Рябков") == "Sergey Ryabkov"
    assert latin("Νίκος Δένδιας") == "Nikos Dendias"
    assert latin("Daleep Singh") == "Daleep Singh"


def _finding(art_id: str, actor: Actor) -> ArticleFindings:
    text = "x" * 40
    actor.citations = [Citation(art_id, 0, 10, text[:10])]
    actor.sources = {art_id}
    return ArticleFindings(article=Article(id=art_id, text=text), actors={actor.id: actor})


def test_an_arabic_spelling_merges_into_the_latin_one():
    latin_one = _finding("a", Actor("daleep-singh", "Daleep Singh", "person", mentions=2))
    arabic = _finding("b", Actor("dlyb-syngh", "داليب سينغ", "person", mentions=1))
    other = _finding("c", Actor("jacek-czaputowicz", "Jacek Czaputowicz", "person", mentions=1))
    merged = {a.id: a for a in merge_actors([latin_one, arabic, other])}
    assert set(merged) == {"daleep-singh", "jacek-czaputowicz"}
    assert merged["daleep-singh"].sources == {"a", "b"}


def test_a_known_surname_alone_beside_a_title_in_a_caseless_script():
    ctx = make_context("שר החוץ האמריקאי בלינקן שוחח עם עמיתו.", "he", dt.date(2023, 1, 2))
    assert "antony-blinken" in ctx.actors
    # A first name that spells a known surname is not that person unless the office fits.
    found = people("قال وزير الخارجية المجري بيتر شميدت إن بلاده ترفض العقوبات.", "ar")
    assert "gustavo-petro" not in found


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Pekka Haavisto sanoi tiistaina, että Venäjän on vetäydyttävä.", "fi", "pekka-haavisto"),
        ("Volgens Ben Knapen is de situatie ernstig.", "nl", "ben-knapen"),
        ("Jan Lipavský uvedl, že Česko podpoří sankce.", "cs", "jan-lipavsky"),
        ("Ο Νίκος Παππάς δήλωσε ότι η κυβέρνηση θα αντιδράσει.", "el", "nikos-pappas"),
        ("Segundo Celso Amorim, a paz é possível.", "pt", "celso-amorim"),
    ],
)
def test_people_found_before_reporting_verbs_and_after_according_to(
    text: str, lang: str, actor: str
):
    assert actor in ids(text, lang)


_DOMAIN_ROLES = (
    "senator",
    "member-of-parliament",
    "head-of-state",
    "head-of-government",
    "foreign-minister",
    "defence-minister",
    "spokesperson",
    "ambassador",
    "envoy",
    "minister",
    "parliament-speaker",
    "military-chief",
    "opposition-leader",
    "commander",
    "group-leader",
)


@pytest.mark.parametrize("lang", sorted(registry()))
def test_every_language_has_the_domain_roles(lang: str):
    # Heads of state and government, ministers, spokespeople, diplomats, the speaker, the
    # army chief, commanders and the leaders of parties, movements and armed groups.
    table = roles()
    assert [k for k in _DOMAIN_ROLES if not table[k]["phrases"].get(lang)] == []


def test_a_commander_beside_a_military_rank_or_command():
    # Pages corpus: news-pravda.com (English), vijestisrpske.com (Serbian).
    found = people(
        "In early spring, the special forces of the Main Directorate of Internal Affairs of "
        "Ukraine attempted to invade the Belgorod region, which led to significant losses "
        "among the Ukrainian military, said Lieutenant General Apti Alaudinov, commander of "
        "the Akhmat special forces.",
        "en",
    )
    assert ("Apti Alaudinov", "Commander") in found.values(), found
    found = people(
        "– Juče Apti Alaudinov, komandant specijalne jedinice „Ahmat“, razgovarao je sa "
        "zarobljenicima koji su se borili u pravcu Kliščejevke.",
        "sr",
    )
    assert [role for name, role in found.values() if name.endswith("Apti Alaudinov")] == [
        "Commander"
    ], found
