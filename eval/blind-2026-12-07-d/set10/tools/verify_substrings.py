"""Independent check of the built gold.yaml: every sentence, 'also' sentence, side sentence and surface form
is an exact substring of its article file; every article has metadata and a key."""
import sys, yaml
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
meta = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
bad = n = 0
arts = sorted(p.name for p in (ROOT / "articles").glob("*.txt"))
assert arts == sorted(gold["files"]) == sorted(meta), (arts, sorted(gold["files"]), sorted(meta))
for name, f in gold["files"].items():
    t = (ROOT / "articles" / name).read_text(encoding="utf-8")
    items = [sf for a in f["actors"] for sf in a["surface_forms"]]
    for k in ("calendar", "undated_events", "background_years", "sanctions_options", "positions"):
        for it in f.get(k, []):
            items += [it["sentence"]] + it.get("also", [])
    for d in f["disagreements"]:
        items += [s["sentence"] for s in d["sides"]]
    for s in items:
        n += 1
        if s not in t:
            bad += 1; print(name, "NOT FOUND:", s[:80])
print(f"{n} strings checked, {bad} not found")
sys.exit(1 if bad else 0)
