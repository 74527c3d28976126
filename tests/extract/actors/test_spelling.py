"""One person across the Latin spellings of different languages: surnames that differ by
a diacritic, a digraph or a j/y ("Pašinjan", "Pasinján", "Pashinyan"; "Lajčak",
"Lajčák"; Dutch "Poetin"), found as the known person in an article and merged into the
known person when discovered next to a role word (real pipeline, no mocks)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.consolidate.actors import known_spelling, merge_actors
from briefing.extract.actors.text import spelling_key
from briefing.models import Actor, Article, ArticleFindings
from tests.conftest import make_context

DAY = dt.date(2023, 10, 5)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pašinjan", "Pashinyan"),
        ("Alijev", "Aliyev"),
        ("Poetin", "Putin"),
        ("Lajčak", "Lajčák"),
        ("Nebenzia", "Nebenzya"),
        ("Szijjártó", "Sijarto"),
        ("Борель", "Borel"),
    ],
)
def test_spellings_of_one_name_share_a_key(a, b):
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), [("Putin", "Patel"), ("Aliyev", "Alves"), ("Kurti", "Kurz")])
def test_other_names_do_not(a, b):
    assert spelling_key(a) != spelling_key(b)


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Nikol Pašinjan", "nikol-pashinyan"),
        ("Nikol Pasinján", "nikol-pashinyan"),
        ("Ilham Alijev", "ilham-aliyev"),
        ("Ilhama Alijeva", "ilham-aliyev"),  # Czech accusative
        ("Vladimir Poetin", "vladimir-putin"),
    ],
)
def test_a_discovered_name_is_the_known_person(name, person):
    assert known_spelling(name) == person


def test_a_different_first_name_is_another_person():
    assert known_spelling("Anna Pašinjan") is None
    assert known_spelling("Nikol") is None


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("nl", "De Russische president Poetin sprak met Erdogan.", "vladimir-putin"),
        ("cs", "Podle Pašinjana je dohoda blízko, řekl Nikol Pašinjan.", "nikol-pashinyan"),
        ("hu", "Nikol Pasinján örmény miniszterelnök szerint a béke közel van.", "nikol-pashinyan"),
    ],
)
def test_a_spelling_in_an_article_names_the_known_person(lang, text, person):
    ctx = make_context(text, lang, DAY)
    art = Article(id="t1", text=text, language=lang, published=DAY)
    merged = {a.id: a for a in merge_actors([ArticleFindings(article=art, actors=ctx.actors)])}
    assert person in merged, sorted(merged)
    assert merged[person].type == "person"


def test_the_known_name_wins_in_the_brief():
    art = Article(id="t1", text="x", language="sl", published=DAY)
    found = Actor(id="nikol-pasinjan", name="Nikol Pašinjan", type="person", role="Premier")
    [actor] = merge_actors([ArticleFindings(article=art, actors={found.id: found})])
    assert (actor.id, actor.name) == ("nikol-pashinyan", "Nikol Pashinyan")


def _people(text: str, lang: str) -> set[str]:
    ctx = make_context(text, lang, DAY)
    return {a.name for a in ctx.actors.values() if a.type == "person"}


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "es",
            "La oposición acusa al gobierno de Edmundo Ramírez de fraude. Ramírez lo niega.",
            "Edmundo Ramírez",
        ),
        (
            "hu",
            "A bíróság szerint Lukas Pereira nyert. Az ellenzék Pereirát támogatja.",
            "Lukas Pereira",
        ),
    ],
)
def test_a_full_name_written_later_as_its_surname_is_a_person(lang, text, name):
    assert name in _people(text, lang)


def test_capitalised_words_at_a_sentence_start_are_no_person():
    text = "Eineinhalb Wochen später kam die Antwort. Nach zwei Wochen war alles anders."
    assert _people(text, "de") == set()


@pytest.mark.parametrize(
    ("lang", "text", "body"),
    [
        ("sk", "Rezolúciu predložili Bezpečnostnej rade OSN vo štvrtok.", "un-security-council"),
        ("sk", "Návrh podporila väčšina členov Valného zhromaždenia OSN.", "un-general-assembly"),
        ("tr", "BMGK toplantısında tasarı oylandı.", "un-security-council"),
        ("tr", "Tasarı BM Genel Kurulu gündemine geldi.", "un-general-assembly"),
        ("cs", "Rusko to oznámilo Mezinárodní námořní organizaci.", "imo"),
        ("ar", "وقالت روسيا في رسالة إلى المنظمة البحرية الدولية إنها ستنسحب.", "imo"),
        ("de", "Die Kosovo-Truppe KFOR verstärkte ihre Einheiten.", "kfor"),
    ],
)
def test_bodies_in_every_language(lang, text, body):
    assert body in make_context(text, lang, DAY).actors
