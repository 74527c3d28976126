"""docs/languages.md's support table is the one the packs present give."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "languages_table.py"


def _tool():
    spec = importlib.util.spec_from_file_location("languages_table", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_documented_table_matches_the_packs():
    tool = _tool()
    assert tool.documented() == tool.markdown(), (
        "docs/languages.md is out of date: run python3 tools/languages_table.py --write"
    )


def test_the_table_has_a_row_per_language_and_reads_the_files():
    tool = _tool()
    rows = tool.support()
    assert len(rows) == 31
    assert all(row["dates"] for row in rows.values())
    assert rows["mt"]["lemmas"] is False and rows["mt"]["spaCy"] is False
    assert rows["sr"]["lemmas"] is True  # hbs
