"""The knowledge base is consistent: offices point at known roles and bodies, ids are
unique, and no two actors share the very same name form."""

from __future__ import annotations

from collections import defaultdict

from briefing.data import load_yaml
from briefing.extract.actors.text import fold
from briefing.kb import knowledge_base, roles, slug

LANGS = ("en", "pl", "ro", "fa", "ru", "uk", "de", "fr", "es", "it", "ar")


def test_offices_point_at_known_roles_and_bodies():
    kb = knowledge_base()
    table = roles()
    for actor in kb.actors.values():
        for office in actor.offices:
            assert office.role in table, (actor.id, office.role)
            assert office.of in kb.actors, (actor.id, office.of)
            assert office.start is None or office.end is None or office.start < office.end


def test_ids_are_unique_across_files():
    people = [e.get("id") or slug(e["name"]) for e in load_yaml("kb/people.yaml")]
    orgs = [e["id"] for e in load_yaml("kb/organizations.yaml")]
    assert len(people) == len(set(people))
    assert len(orgs) == len(set(orgs))
    kb = knowledge_base()
    states = {a.id for a in kb.actors.values() if a.type == "state"}
    assert not states & set(people) and not states & set(orgs) and not set(people) & set(orgs)


def test_no_two_actors_share_a_full_name_form():
    kb = knowledge_base()
    owners: dict[str, set[str]] = defaultdict(set)
    for alias in kb.aliases:
        if alias.kind == "name":
            owners[fold(alias.text)].add(alias.actor)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_state_has_a_name_and_roles_cover_the_languages():
    kb = knowledge_base()
    assert sum(1 for a in kb.actors.values() if a.type == "state") > 190
    for key, spec in roles().items():
        missing = [lang for lang in LANGS if not spec["phrases"].get(lang)]
        assert missing == [], (key, missing)


def test_key_people_have_names_in_other_scripts():
    by_name = {e["name"]: e for e in load_yaml("kb/people.yaml")}
    for name in (
        "Antony Blinken",
        "Sergei Lavrov",
        "Vladimir Putin",
        "Jens Stoltenberg",
        "Joe Biden",
    ):
        assert {"fa", "ru", "uk", "ar"} <= set(by_name[name]["aliases"]), name
