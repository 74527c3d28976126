"""Which reporting and stance concepts each language's verbs cover.

    python3 tools/reporting_coverage.py            # the matrix, one line per language
    python3 tools/reporting_coverage.py --markdown # the table of docs/languages.md

The concepts are those of ``briefing/data/lexicons/reporting_concepts.yaml``; each pack
names, under ``concepts`` in its ``reporting.yaml``, the lemmas or cues its news reports use
for each. A concept is covered in a language when the verbs attribution reads for that
language (the pack's cues and the forms of ``reporting_forms.yaml``) match at least one of
them: a form of a lemma (simplemma's table), or a cue as written. A concept the pack lists
nothing for, or none of whose entries the verbs match, is missing.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing import langpacks  # noqa: E402
from briefing.extract.topics import compile_cues  # noqa: E402
from briefing.nlp.normalize import normalize  # noqa: E402


def concepts() -> dict[str, dict]:
    path = ROOT / "briefing" / "data" / "lexicons" / "reporting_concepts.yaml"
    return dict((yaml.safe_load(path.read_text(encoding="utf-8")) or {})["concepts"])


def exceptions() -> dict[str, dict[str, str]]:
    path = ROOT / "briefing" / "data" / "lexicons" / "reporting_concepts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): dict(v or {}) for k, v in (data.get("exceptions") or {}).items()}


@cache
def _forms_of(table: str) -> dict[str, set[str]]:
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DefaultDictionaryFactory,
    )

    inv: dict[str, set[str]] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary(table).items():
        inv.setdefault(str(lemma), set()).add(str(form).lower())
    return inv


def is_cue(entry: str) -> bool:
    return " " in entry or "*" in entry or entry.startswith(("re:", "="))


def covered(code: str, verbs: dict[str, list[str]] | None = None) -> dict[str, bool]:
    """Concept -> whether the language's verbs (``verbs``: {kind: cues}, by default
    attribution's table) match one of the pack's entries for it."""
    if verbs is None:
        from briefing.extract.attribution import reporting_table

        verbs = (reporting_table().get("verbs") or {}).get(code) or {}
    cues = [str(c) for kind_cues in verbs.values() for c in kind_cues or ()]
    rx = compile_cues(cues, code)
    pack = langpacks.section("reporting").get(code) or {}
    listed = pack.get("concepts") or {}
    table = langpacks.language(code).simplemma
    inv = _forms_of(table) if table else {}
    out = {}
    for concept in concepts():
        hit = False
        for entry in (str(e) for e in listed.get(concept) or ()):
            if is_cue(entry) or not table:
                text = entry.removeprefix("=")
                hit = text in cues or (
                    rx is not None and "*" not in text and bool(rx.fullmatch(normalize(text)))
                )
            else:
                forms = inv.get(entry, set()) | {entry.lower()}
                hit = rx is not None and any(rx.fullmatch(normalize(f)) for f in forms)
            if hit:
                break
        out[concept] = hit
    return out


def matrix() -> dict[str, dict[str, bool]]:
    return {code: covered(code) for code in sorted(langpacks.registry())}


def main(argv: list[str]) -> None:
    names = list(concepts())
    m = matrix()
    if "--markdown" in argv:
        print("| code | concepts covered | missing |")
        print("| --- | --- | --- |")
        for code, row in m.items():
            miss = [c for c in names if not row[c]]
            print(f"| {code} | {len(names) - len(miss)}/{len(names)} | {', '.join(miss) or '-'} |")
        return
    total = 0
    for code, row in m.items():
        n = sum(row.values())
        total += n
        miss = [c for c in names if not row[c]]
        print(f"{code}: {n}/{len(names)}  missing: {' '.join(miss)}")
    print(f"total: {total}/{len(names) * len(m)}")


if __name__ == "__main__":
    main(sys.argv[1:])
