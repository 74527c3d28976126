"""The knowledge base is consistent: offices point at known roles and bodies, ids are
unique, and no two actors share the very same name form."""

from __future__ import annotations

from collections import defaultdict

from briefing.data import load_yaml
from briefing.extract.actors.text import fold
from briefing.kb import ORGANIZATION_FILES, PEOPLE_FILES, knowledge_base, roles, slug
from briefing.langpacks import registry
from tests.conftest import make_context

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
    people = [e.get("id") or slug(e["name"]) for f in PEOPLE_FILES for e in load_yaml(f)]
    orgs = [e["id"] for f in ORGANIZATION_FILES for e in load_yaml(f)]
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


KINDS = {"armed-group", "armed-forces", "movement", "party"}


def test_armed_groups_and_parties_have_a_kind_and_registry_languages():
    codes = set(registry()) | {"ur"}
    for path in ("kb/armed_groups.yaml", "kb/parties.yaml", "kb/agencies.yaml"):
        for entry in load_yaml(path):
            if path.endswith("agencies.yaml"):
                assert entry["id"] in knowledge_base().actors
                continue
            assert entry.get("kind") in KINDS, entry["id"]
            assert knowledge_base().actors[entry["id"]].kind == entry["kind"]
            assert set(entry.get("aliases") or {}) <= codes, entry["id"]


def test_world_office_holders_surnames_are_never_arabic_script_words():
    # The last word of an Arabic-script name is often a common word ("عون" aid, "سلام"
    # peace): kb/people_world.yaml takes surnames from cased scripts only.
    for entry in load_yaml("kb/people_world.yaml"):
        for surname in entry.get("surnames") or []:
            assert any(c.lower() != c.upper() for c in surname), (entry["name"], surname)
            assert surname not in {"II", "III", "VI", "Jr."}, entry["name"]


def test_a_group_or_party_is_found_by_its_names_in_their_languages():
    # Each alias of a sample of the new bodies, alone as a text of its language, names it.
    cases = [
        ("houthis", "ru"),
        ("houthis", "fa"),
        ("houthis", "de"),
        ("rapid-support-forces", "fr"),
        ("rapid-support-forces", "sr"),
        ("m23", "pt"),
        ("islamic-state", "tr"),
        ("hayat-tahrir-al-sham", "ar"),
        ("united-russia", "pl"),
        ("georgian-dream", "hu"),
        ("chinese-communist-party", "el"),
        ("law-and-justice", "pl"),
    ]
    entries = {
        e["id"]: e for f in ("kb/armed_groups.yaml", "kb/parties.yaml") for e in load_yaml(f)
    }
    for actor_id, lang in cases:
        for alias in entries[actor_id]["aliases"][lang]:
            ctx = make_context(f"{alias}.", lang)
            assert actor_id in ctx.actors, (actor_id, lang, alias)
