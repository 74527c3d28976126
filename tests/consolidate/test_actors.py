"""Merging actors across articles: ids, roles, spelling variants, salience."""

from __future__ import annotations

import datetime as dt

from briefing.consolidate.actors import merge_actors, salience
from briefing.models import Actor, Article, ArticleFindings, Citation


def finding(art_id: str, published: dt.date | None, *actors: Actor) -> ArticleFindings:
    text = "x" * 40
    art = Article(id=art_id, text=text, published=published)
    for a in actors:
        a.citations = [Citation(art_id, 0, 10, text[:10])]
        a.sources = {art_id}
    return ArticleFindings(article=art, actors={a.id: a for a in actors})


def test_same_id_from_different_languages_is_one_actor():
    pl = finding(
        "a",
        None,
        Actor(
            "united-states",
            "United States",
            "state",
            mentions=3,
            surface_forms=["Stanom Zjednoczonym"],
        ),
    )
    fa = finding(
        "b",
        None,
        Actor("united-states", "United States", "state", mentions=2, surface_forms=["آمریکا"]),
    )
    [us] = merge_actors([pl, fa])
    assert us.mentions == 5
    assert us.surface_forms == ["Stanom Zjednoczonym", "آمریکا"]
    assert us.sources == {"a", "b"}
    assert {c.source for c in us.citations} == {"a", "b"}


def test_role_of_the_newest_article_wins():
    old = finding(
        "a",
        dt.date(2022, 5, 1),
        Actor("liz-truss", "Liz Truss", "person", "UK Foreign Secretary", mentions=1),
    )
    new = finding(
        "b",
        dt.date(2022, 9, 20),
        Actor("liz-truss", "Liz Truss", "person", "UK Prime Minister", mentions=1),
    )
    [truss] = merge_actors([new, old])
    assert truss.role == "UK Prime Minister"


def test_spelling_variants_of_a_discovered_person_merge():
    a = finding(
        "a", None, Actor("andrij-melnyk", "Andrij Melnyk", "person", "Ambassador", mentions=3)
    )
    b = finding("b", None, Actor("andriy-melnyk", "Andriy Melnyk", "person", mentions=1))
    c = finding("c", None, Actor("anna-mazur", "Anna Mazur", "person", mentions=1))
    merged = {x.id: x for x in merge_actors([a, b, c])}
    assert set(merged) == {"andrij-melnyk", "anna-mazur"}
    assert merged["andrij-melnyk"].mentions == 4
    assert merged["andrij-melnyk"].sources == {"a", "b"}


def test_knowledge_base_people_are_never_merged_by_spelling():
    a = finding("a", None, Actor("dmitry-peskov", "Dmitry Peskov", "person", mentions=1))
    b = finding("b", None, Actor("dmitry-kozak", "Dmitry Kozak", "person", mentions=1))
    assert len(merge_actors([a, b])) == 2


def test_sources_outweigh_repetition():
    one_source = finding("a", None, Actor("russia", "Russia", "state", mentions=20))
    many = [
        finding(f"s{i}", None, Actor("nato", "NATO", "organization", mentions=2)) for i in range(3)
    ]
    ranked = merge_actors([one_source, *many])
    assert ranked[0].id == "nato"
    assert salience([20]) < salience([2, 2, 2])
