"""Scorer checks for blind set 14: an EMPTY brief must score 0.00 everywhere (exit 0), and a brief built
from the gold itself must score 1.00 everywhere. Every gold sentence and surface form is also re-checked
as an exact substring of its article.
Usage: python3 tools/check_score.py   (writes the two briefs to /tmp/set14chk/)
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ART = ROOT / "articles"
SCORE = "/work/shared/dev-set/score.py"
OUT = Path("/tmp/set14chk")
OUT.mkdir(exist_ok=True)
texts = {p.stem: p.read_text(encoding="utf-8-sig") for p in ART.glob("*.txt")}
gold = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
full = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))

# 1. substring check over gold.yaml (every sentence, also, side, surface form)
bad = 0
for fname, d in full["files"].items():
    t = texts[fname[:-4]]
    for a in d["actors"]:
        for sf in a["surface_forms"]:
            bad += sf not in t
    for k in ("calendar", "undated_events", "background_years", "sanctions_options", "positions"):
        for it in d[k]:
            for s in [it["sentence"]] + it.get("also", []):
                if s not in t:
                    bad += 1
                    print("NOT SUBSTRING", fname, s[:60])
    for it in d["disagreements"]:
        for side in it["sides"]:
            bad += side["sentence"] not in t
print("substring check:", "ok" if not bad else f"{bad} failures")

sources = [{"id": s, "path": str(ART / f"{s}.txt")} for s in sorted(texts)]


def cite(art, sentence):
    i = texts[art].find(sentence)
    assert i >= 0, (art, sentence[:50])
    return {"source": art, "start": i, "end": i + len(sentence), "sentence": sentence}


actors, ids = [], {}
for n, a in enumerate(gold["actors"]):
    aid = f"a{n}"
    ids[a["canonical"]] = aid
    actors.append({"id": aid, "name": a["canonical"],
                   "citations": [cite(art, forms[0]) for art, forms in a["surface_forms"].items()]})
brief = {
    "sources": sources,
    "actors": actors,
    "calendar": [{"date": str(c["date"]), "label": c["label"], "citations": [cite(s["article"], s["sentence"]) for s in c["sources"]]}
                 for c in gold["calendar"]],
    "positions": [{"actor": ids[p["actor"]], "stance": p["stance"],
                   "citations": [cite(s["article"], s["sentence"]) for s in p["sources"]]} for p in gold["positions"]],
    "sanctions_options": [{"measure": m["measure"], "citations": [cite(s["article"], s["sentence"]) for s in m["sources"]]}
                          for m in gold["sanctions_options"]],
    "disagreements": [{"topic": d["topic"], "sides": [
        {"actors": [ids[d["side_a"]["actor"]]], "citations": [cite(d["article"], d["side_a"]["sentence"])]},
        {"actors": [ids[d["side_b"]["actor"]]], "citations": [cite(d["article"], d["side_b"]["sentence"])]}]}
        for d in gold["disagreements"]],
}
empty = {"sources": sources, "actors": [], "calendar": [], "positions": [], "sanctions_options": [], "disagreements": []}
(OUT / "gold_brief.json").write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
(OUT / "empty_brief.json").write_text(json.dumps(empty), encoding="utf-8")

ok = not bad
for name, want in (("empty_brief.json", 0.0), ("gold_brief.json", 1.0)):
    r = subprocess.run([sys.executable, SCORE, str(OUT / name), str(ROOT / "gold_scored.yaml"), str(ART)],
                       capture_output=True, text=True)
    print(f"--- {name} (exit {r.returncode})")
    print(r.stdout.strip())
    vals = [float(line.split(":")[1].split()[0]) for line in r.stdout.splitlines() if ":" in line and not line.startswith(("holds", "short"))]
    if r.returncode != 0 or any(abs(v - want) > 1e-9 for v in vals):
        ok = False
print("ALL CHECKS PASS" if ok else "CHECKS FAILED")
sys.exit(0 if ok else 1)
