"""Check that a Serbian pack file lists every word in both scripts (docs/languages.md).

    python3 tools/serbian_scripts.py briefing/data/lang/sr/dates.yaml

Serbian is written in Cyrillic and in Latin script; the ``sr`` pack holds both. This prints
each Latin entry whose Cyrillic twin (transliterated letter by letter, the digraphs lj, nj,
dž first) is missing from the same list, and the twin to add; exit status 1 if any is.
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_LETTERS = dict(
    zip(
        "abvgdđežzijklmnoprstćufhcčš",
        "абвгдђежзијклмнопрстћуфхцчш",
        strict=True,
    )
)


def to_cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "{":  # a placeholder such as {n} stays as it is
            close = text.find("}", i)
            if close > i:
                out.append(text[i : close + 1])
                i = close + 1
                continue
        pair = text[i : i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        out.append(_LETTERS.get(text[i], text[i]))
        i += 1
    return "".join(out)


def _is_latin(word: str) -> bool:
    return any("a" <= ch <= "z" or ch in "čćšžđ" for ch in word)


def missing(node: Any, path: str = "") -> list[tuple[str, str, str]]:
    """(path, Latin entry, Cyrillic twin) for each twin absent from its list."""
    out: list[tuple[str, str, str]] = []
    if isinstance(node, dict):
        keys = [str(k) for k in node]
        for key, value in node.items():
            out += missing(value, f"{path}.{key}")
        # Keys are words only in a table of words (numbers), not in the schema's sections.
        word_table = all(not isinstance(v, (dict, list)) for v in node.values())
        for key in keys if word_table else ():
            if _is_latin(key) and "\\" not in key and to_cyrillic(key) not in keys:
                out.append((path, key, to_cyrillic(key)))
    elif isinstance(node, list):
        words = [w for w in node if isinstance(w, str)]
        for w in words:
            if _is_latin(w) and "\\" not in w and to_cyrillic(w) not in words:
                out.append((path, w, to_cyrillic(w)))
        for i, item in enumerate(node):
            if not isinstance(item, str):
                out += missing(item, f"{path}[{i}]")
    return out


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        with open(name, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        for path, latin, twin in missing(data):
            print(f"{name}{path}: {latin!r} -> add {twin!r}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
