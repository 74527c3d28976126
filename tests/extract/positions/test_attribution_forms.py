"""Attribution forms read in every registry language: stance verbs with an actor subject,
"according to him", a subject after its verb, and content standing before a clause-final
verb; and every language pack holding the verbs of every stance kind."""

from __future__ import annotations

import pytest

from briefing import langpacks
from briefing.extract.attribution import attribute, reporting_table
from briefing.extract.positions import extract_positions
from tests.extract.analysis_support import context_with_actors

STANCE_KINDS = ("says", "assesses", "warns", "demands", "rejects", "offers", "denies", "supports")

PEOPLE = {
    "russia": ("Russia", "state", ["Rusko", "Rusland", "Ryssland", "Россия", "Rusya"]),
    "united-states": (
        "United States",
        "state",
        ["Spojené státy", "USA", "De Amerikanen", "ABD"],
    ),
    "european-commission": ("European Commission", "organization", ["Evropská komise"]),
    "china": ("China", "state", ["Čína", "China", "Çin"]),
    "north-korea": ("North Korea", "state", ["Severní Koreje", "Noord-Korea", "KLDR"]),
    "dmitry-peskov": ("Dmitry Peskov", "person", ["Dmitrij Peskov", "Peskov", "Песков"]),
    "josep-borrell": ("Josep Borrell", "person", ["Borrell"]),
    "nikol-pashinyan": ("Nikol Pashinyan", "person", ["Pašinjan", "Пашинян"]),
    "kremlin-kurti": ("Albin Kurti", "person", ["Kurti"]),
}


def _speakers(text: str, lang: str) -> list[tuple[tuple[str, ...], str]]:
    ctx = context_with_actors(text, lang, PEOPLE)
    return [(a.speakers, a.kind) for a in attribute(ctx)]


def test_every_pack_has_verbs_of_every_kind_and_according_to_him():
    packs = langpacks.section("reporting")
    codes = [c for c in packs if c != "sr-Latn"]
    assert len(codes) >= 31
    for code in codes:
        verbs = (packs[code] or {}).get("verbs") or {}
        missing = [k for k in STANCE_KINDS if not verbs.get(k)]
        assert not missing, (code, missing)
        assert (packs[code] or {}).get("according_pronouns"), code
    assert set(reporting_table()["according_pronouns"]) >= set(codes)


@pytest.mark.parametrize(
    ("text", "lang", "speakers", "kind"),
    [
        # Stance verbs with an actor as subject, no reporting verb needed.
        (
            "Rusland schort zijn medewerking aan de graandeal tot nader order op.",
            "nl",
            ("russia",),
            "rejects",
        ),
        (
            "De Amerikanen willen extra sancties tegen Noord-Korea.",
            "nl",
            ("united-states",),
            "demands",
        ),
        (
            "Ryssland har gång på gång krävt att rörledningen tas i bruk.",
            "sv",
            ("russia",),
            "demands",
        ),
        ("Čína a Rusko vetovaly rezoluci o sankcích.", "cs", ("china", "russia"), "rejects"),
        (
            "Çin ve Rusya, ABD'nin sunduğu karar tasarısını veto etti.",
            "tr",
            ("china", "russia"),
            "rejects",
        ),
    ],
)
def test_stance_verbs_with_an_actor_subject(text, lang, speakers, kind):
    found = _speakers(text, lang)
    assert found and set(found[0][0]) == set(speakers) and found[0][1] == kind


def test_subject_after_its_verb():
    # Verb-subject order (Czech) and verb-second (German): the subject follows the verb.
    [(who, _k)] = _speakers(
        "Uvedl to dnes mluvčí Kremlu Dmitrij Peskov, podle kterého dohoda neplatí.", "cs"
    )[:1]
    assert who == ("dmitry-peskov",)
    text = (
        "Kurti sprach von Provokation. Anschließend forderte Borrell abermals Neuwahlen im Norden."
    )
    assert _speakers(text, "de")[-1] == (("josep-borrell",), "demands")
    # After a stance verb, a state is its object, not its subject: the speaker goes on.
    text = "Peskov varoval před eskalací. Kritizoval USA, které podle něj ignorují výzvy."
    assert _speakers(text, "cs")[-1][0] == ("dmitry-peskov",)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Пашинян выступил в парламенте. По его словам, стороны близки к соглашению.", "ru"),
        ("Pašinjan vystoupil v parlamentu. Jednání podle něj komplikuje neochota Baku.", "cs"),
    ],
)
def test_according_to_him_is_the_person_who_spoke(text, lang):
    ctx = context_with_actors(text, lang, PEOPLE)
    last = [a for a in attribute(ctx) if a.sentence.index == 1]
    assert last and last[0].speakers == ("nikol-pashinyan",)


def test_clause_final_verb_reports_what_stands_before_it():
    text = "Evropská komise i Spojené státy ruské rozhodnutí odsoudily."
    ctx = context_with_actors(text, "cs", {**PEOPLE, "russia": ("Russia", "state", ["ruské"])})
    found = extract_positions(ctx)
    assert {p.actor for p in found} == {"european-commission", "united-states"}
    for p in found:
        assert p.stance_kind == "rejects" and p.polarity == "affirmed"
        assert p.quotes and p.quotes[0].text == "ruské rozhodnutí"
        assert p.objects == ["russia"]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "polarity"),
    [
        # A neutral verb: the content's own cue gives the kind; a negation inside that cue
        # ("will not accept") is the cue's, not a second one turning it around.
        ("Peskov said Russia will never accept these terms.", "en", "rejects", "affirmed"),
        ("Peskov řekl, že Rusko musí dostat záruky.", "cs", "demands", "affirmed"),
        ("Peskov said Russia has no plans to return to the deal.", "en", "denies", "affirmed"),
        ("Peskov said the deal was not extended.", "en", "says", "negated"),
    ],
)
def test_statement_kind_from_its_content(text, lang, kind, polarity):
    ctx = context_with_actors(
        text, lang, {**PEOPLE, "russia": ("Russia", "state", ["Russia", "Rusko"])}
    )
    [p] = [p for p in extract_positions(ctx) if p.actor == "dmitry-peskov"]
    assert (p.stance_kind, p.polarity) == (kind, polarity)


def test_what_a_clause_final_verb_governs_inside_its_particle_or_before_its_subject():
    # A separable verb and its particle hold what is done ("schort … op").
    ctx = context_with_actors(
        "Rusland schort zijn medewerking aan de graandeal tot nader order op.", "nl", PEOPLE
    )
    [p] = extract_positions(ctx)
    assert p.quotes[0].text == "zijn medewerking aan de graandeal tot nader order"
    # Hungarian puts the object first: "Maduro's victory was not accepted even by …".
    actors = {
        "brazil": ("Brazil", "state", ["Brazília"]),
        "colombia": ("Colombia", "state", ["Kolumbia"]),
        "maduro": ("Nicolás Maduro", "person", ["Maduro"]),
    }
    text = "Maduro győzelmét még Brazília és Kolumbia sem fogadta el."
    found = extract_positions(context_with_actors(text, "hu", actors))
    assert {p.actor for p in found} == {"brazil", "colombia"}
    assert all(p.stance_kind == "rejects" and p.objects == ["maduro"] for p in found)


def test_co_subjects_with_an_article_and_the_office_holder_ending_the_subject():
    text = "Russland und die Ukraine haben sich auf eine Verlängerung geeinigt."
    actors = {
        **PEOPLE,
        "ukraine": ("Ukraine", "state", ["Ukraine"]),
        "russia": ("Russia", "state", ["Russland"]),
    }
    [att] = attribute(context_with_actors(text, "de", actors))
    assert set(att.speakers) == {"russia", "ukraine"} and att.kind == "supports"
    actors = {
        "nigeria": ("Nigeria", "state", ["Nijerya"]),
        "bola-tinubu": ("Bola Tinubu", "person", ["Bola Ahmed Tinubu"]),
    }
    text = "Nijerya Devlet Başkanı Bola Ahmed Tinubu, senatodan destek istedi."
    [att] = attribute(context_with_actors(text, "tr", actors))
    assert att.speakers == ("bola-tinubu",) and att.kind == "demands"


@pytest.mark.parametrize(
    ("text", "lang", "speaker", "said"),
    [
        (
            "Lavrov: NATO expansion is unacceptable for Russia.",
            "en",
            "lavrov",
            "NATO expansion is unacceptable for Russia",
        ),
        ("Лавров: расширение НАТО неприемлемо.", "ru", "lavrov", "расширение НАТО неприемлемо"),
        (
            "Moskau: „Die NATO muss sich zurückziehen“",
            "de",
            "russia",
            "Die NATO muss sich zurückziehen",
        ),
        # A dateline or a country's news is no speaker: no quotation follows.
        ("Ukraine: Russia shells Kharkiv again overnight.", "en", None, None),
    ],
)
def test_headline_speaker_colon_statement(text, lang, speaker, said):
    actors = {
        "lavrov": ("Sergey Lavrov", "person", ["Lavrov", "Лавров"]),
        "russia": ("Russia", "state", ["Russia", "Moskau"]),
        "ukraine": ("Ukraine", "state", ["Ukraine"]),
        "nato": ("NATO", "organization", ["NATO", "НАТО"]),
    }
    found = attribute(context_with_actors(text, lang, actors))
    if speaker is None:
        assert found == []
        return
    [att] = found
    assert att.speakers == (speaker,) and att.via == "headline"
    assert [text[a:b] for a, b in att.content] == [said]
