"""Score a brief.json of a blind set overall, by language group and by language.

usage: PYTHONPATH=/work/wt/base3 score_groups.py SET_DIR BRIEF_JSON [SCORER]   (SCORER: /work/shared/dev-set/score.py; adapted copy for set3)

Only metadata.yaml (file -> language) is read here; the articles are handed to the scorer
as folders of links. Sub-folder lines are meaningful for recall only: the scorer does not
restrict citations, precision or disagreements to the folder.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from briefing.langpacks import registry

# The languages with lexicons before 2026-12-07; the registry is every language with a pack.
ELEVEN = frozenset({"en", "pl", "ro", "fa", "de", "fr", "es", "ru", "uk", "it", "ar"})
REGISTRY = frozenset(registry())


def main(argv: list[str]) -> None:
    setdir, brief = Path(argv[0]), argv[1]
    scorer = argv[2] if len(argv) > 2 else "/work/shared/dev-set/score.py"
    arts = setdir / "articles"
    meta = yaml.safe_load((arts / "metadata.yaml").read_text(encoding="utf-8"))
    groups = {"all": list(meta)}
    groups["eleven"] = [f for f, m in meta.items() if m["language"] in ELEVEN]
    groups["other registry"] = [f for f, m in meta.items() if m["language"] in REGISTRY - ELEVEN]
    groups["outside registry"] = [f for f, m in meta.items() if m["language"] not in REGISTRY]
    for lang in sorted({m["language"] for m in meta.values()}):
        groups[f"lang {lang}"] = [f for f, m in meta.items() if m["language"] == lang]
    for name, files in groups.items():
        if not files:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for f in files:
                (Path(tmp) / f).symlink_to((arts / f).resolve())
            cmd = [sys.executable, scorer, brief, str(setdir / "gold_scored.yaml"), tmp]
            out = subprocess.run(cmd, capture_output=True, text=True).stdout
            print(f"{name} ({len(files)} articles): {out.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
