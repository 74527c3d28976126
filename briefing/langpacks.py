"""Language packs: what the project knows of each language, in one place per language.

A pack is the folder ``briefing/data/lang/<code>/``, one YAML file per concern
(``sentences.yaml``, ``dates.yaml``, ``reporting.yaml``, ``roles.yaml``, ``measures.yaml``,
``events.yaml``, ...); the registry ``briefing/data/lang/languages.yaml`` names every pack
and how to process its language (spaCy pipeline, lemmatiser, script, direction). The
extractors read a concern for all languages at once through :func:`section`, so adding a
language is adding a folder of data files (docs/languages.md), never code. Older lexicons
keyed by language inside one file per concern (``data/lexicons/*.yaml``) are merged under
the packs with :func:`merged` while they move here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from briefing.data import load_yaml


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str
    scripts: tuple[str, ...]
    direction: str  # "ltr" | "rtl"
    spacy: str  # spaCy blank pipeline code ("xx" when spaCy has none)
    simplemma: str | None  # lemma table code, None without one
    eu: bool


@cache
def registry() -> dict[str, Language]:
    """Every language with a pack, by ISO 639-1 code."""
    table = (load_yaml("lang/languages.yaml") or {}).get("languages") or {}
    return {
        code: Language(
            code=code,
            name=str(entry["name"]),
            scripts=tuple(entry.get("scripts") or ()),
            direction=str(entry.get("direction", "ltr")),
            spacy=str(entry.get("spacy") or "xx"),
            simplemma=entry.get("simplemma"),
            eu=bool(entry.get("eu", False)),
        )
        for code, entry in table.items()
    }


def iso_language_name(code: str) -> str | None:
    """The ISO 639 name of any language code (pycountry), pack or none: "ka" -> "Georgian";
    None when unknown, or when pycountry's data is missing."""
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
        found = found or pycountry.languages.get(alpha_3=code)
    except Exception:
        return None
    return str(found.name) if found is not None else None


def language(code: str) -> Language | None:
    return registry().get(code)


@cache
def _pack_files() -> frozenset[tuple[str, str]]:
    """(code, concern) for every file present: packs need not hold every concern."""
    root = resources.files("briefing.data").joinpath("lang")
    found: set[tuple[str, str]] = set()
    for folder in root.iterdir():
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            if item.name.endswith(".yaml"):
                found.add((folder.name, item.name[: -len(".yaml")]))
    return frozenset(found)


@cache
def section(concern: str) -> dict[str, Any]:
    """``{code: data}`` of one concern across every pack that has it (sorted by code)."""
    return {
        code: load_yaml(f"lang/{code}/{concern}.yaml")
        for code, name in sorted(_pack_files())
        if name == concern
    }


def merged(base: dict[str, Any] | None, concern: str) -> dict[str, Any]:
    """A per-language table (``{code: data}``) with the packs' ``concern`` laid over it:
    a pack's entry replaces the older lexicon's entry for that language."""
    out = dict(base or {})
    out.update(section(concern))
    return out
