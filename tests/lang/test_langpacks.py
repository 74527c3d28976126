"""briefing.langpacks itself: the registry is complete, every pack folder is registered and
every concern file parses into the shape its loader expects."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from briefing.data import parse_yaml
from briefing.langpacks import language, merged, registry, section

CODES = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
    "ru",
    "uk",
    "sr",
    "tr",
    "fa",
    "ar",
    "he",
]


def _folders() -> list[str]:
    root = resources.files("briefing.data").joinpath("lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def _files() -> list[tuple[str, str]]:
    root = resources.files("briefing.data").joinpath("lang")
    return sorted(
        (folder, item.name)
        for folder in _folders()
        for item in root.joinpath(folder).iterdir()
        if item.name.endswith(".yaml")
    )


def test_the_registry_names_the_31_languages_with_valid_settings():
    reg = registry()
    assert sorted(reg) == sorted(CODES)
    eu = {c for c, lang in reg.items() if lang.eu}
    assert len(eu) == 24  # every official language of the European Union
    for code, lang in reg.items():
        assert lang.code == code and lang.name
        assert lang.direction in ("ltr", "rtl")
        assert lang.scripts and all(len(s) == 4 for s in lang.scripts)
        assert lang.spacy
    assert {c for c, lang in reg.items() if lang.direction == "rtl"} == {"ar", "fa", "he"}
    assert reg["sr"].scripts == ("Cyrl", "Latn")
    assert language("xx") is None


# Sentence boundaries are also kept for scripts the brief does not read in full (the
# golden rules' Armenian, Hindi, Japanese...), and "xx" holds what every language shares:
# such folders hold nothing but sentences.yaml.
SENTENCES_ONLY = {"sentences.yaml"}


def test_every_pack_folder_is_a_registered_language():
    root = resources.files("briefing.data").joinpath("lang")
    for code in set(_folders()) - set(registry()):
        files = {f.name for f in root.joinpath(code).iterdir()}
        assert files <= SENTENCES_ONLY, f"lang/{code}: {sorted(files)} but not in the registry"


def _strings_only(node: Any, where: str) -> None:
    """No YAML 1.1 surprises in word lists: "no", "on", "yes" read as booleans, an empty
    entry read as None."""
    if isinstance(node, dict):
        for key, value in node.items():
            assert isinstance(key, (str, int)), f"{where}: key {key!r}"
            _strings_only(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            assert item is not None and not isinstance(item, bool), f"{where}[{i}] = {item!r}"
            _strings_only(item, f"{where}[{i}]")


@pytest.mark.parametrize(("code", "name"), _files())
def test_every_concern_file_parses_into_a_mapping_of_text(code, name):
    data = parse_yaml(f"lang/{code}/{name}")
    assert isinstance(data, dict) and data, f"lang/{code}/{name} is empty or not a mapping"
    _strings_only(data, f"lang/{code}/{name}")


def test_section_and_merged_read_the_packs():
    dates = section("dates")
    assert sorted(dates) == sorted(CODES)
    assert dates["pl"]["months"][0][0] == "styczeń"
    old = {"pl": {"old": True}, "xx": {"kept": True}}
    out = merged(old, "dates")
    assert out["xx"] == {"kept": True} and "months" in out["pl"]
    assert section("no-such-concern") == {}
