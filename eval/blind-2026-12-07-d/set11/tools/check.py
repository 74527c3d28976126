"""Checks before freezing blind set 11.

1. Every sentence / also sentence / surface form in gold.yaml and gold_scored.yaml is an exact
   substring of its article (read back from the written YAML files, independent of the build).
2. score.py on an EMPTY brief: every measure 0.00, exit code 0.
3. score.py on a brief built from the gold itself: every measure 1.00.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTS = ROOT / "articles"
SCORE = "/work/shared/dev-set/score.py"
texts = {p.stem: p.read_text(encoding="utf-8") for p in ARTS.glob("*.txt")}
gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
scored = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
bad = []

# 1. substrings
n = 0
for fname, f in gold["files"].items():
    art = fname[:-4]
    t = texts[art]
    for a in f["actors"]:
        for sf in a["surface_forms"]:
            n += 1
            if sf not in t:
                bad.append((art, "surface", sf))
    for key in ("calendar", "positions", "sanctions_options", "undated_events", "background_years"):
        for it in f.get(key, []):
            for s in [it["sentence"]] + it.get("also", []):
                n += 1
                if s not in t or "\n" in s:
                    bad.append((art, key, s))
    for d in f["disagreements"]:
        for side in d["sides"]:
            n += 1
            if side["sentence"] not in texts[art]:
                bad.append((art, "disagreement", side["sentence"]))
for a in scored["actors"]:
    for art, forms in a["surface_forms"].items():
        for sf in forms:
            n += 1
            if sf not in texts[art]:
                bad.append((art, "scored surface", sf))
for key in ("calendar", "positions", "sanctions_options"):
    for it in scored[key]:
        for s in it["sources"]:
            n += 1
            if s["sentence"] not in texts[s["article"]]:
                bad.append((s["article"], "scored " + key, s["sentence"]))
for d in scored["disagreements"]:
    for side in ("side_a", "side_b"):
        n += 1
        if d[side]["sentence"] not in texts[d["article"]]:
            bad.append((d["article"], "scored disagreement", d[side]["sentence"]))
print(f"substring check: {n} strings, {len(bad)} bad")
for b in bad:
    print("  BAD", b)


# 2./3. briefs
def cite(art, sentence):
    i = texts[art].index(sentence)
    return {"source": art, "sentence": sentence, "start": i, "end": i + len(sentence)}


def gold_brief():
    sources = [{"id": a, "path": f"articles/{a}.txt", "text": t} for a, t in sorted(texts.items())]
    actors, ids = [], {}
    for k, a in enumerate(scored["actors"]):
        aid = f"a{k}"
        ids[a["canonical"]] = aid
        actors.append({"id": aid, "name": a["canonical"],
                       "citations": [cite(art, forms[0]) for art, forms in a["surface_forms"].items()]})
    cal = [{"date": str(c["date"]), "label": c["label"], "citations": [cite(s["article"], s["sentence"]) for s in c["sources"]]}
           for c in scored["calendar"]]
    pos = [{"actor": ids[p["actor"]], "stance": p["stance"],
            "citations": [cite(s["article"], s["sentence"]) for s in p["sources"]]} for p in scored["positions"]]
    san = [{"measure": m["measure"], "citations": [cite(s["article"], s["sentence"]) for s in m["sources"]]}
           for m in scored["sanctions_options"]]
    dis = [{"topic": d["topic"], "sides": [
        {"actors": [ids[d["side_a"]["actor"]]], "citations": [cite(d["article"], d["side_a"]["sentence"])]},
        {"actors": [ids[d["side_b"]["actor"]]], "citations": [cite(d["article"], d["side_b"]["sentence"])]}]}
        for d in scored["disagreements"]]
    return {"sources": sources, "actors": actors, "calendar": cal, "positions": pos,
            "sanctions_options": san, "disagreements": dis}


def run(brief):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(brief, fh, ensure_ascii=False)
    r = subprocess.run([sys.executable, SCORE, fh.name, str(ROOT / "gold_scored.yaml"), str(ARTS)],
                       capture_output=True, text=True)
    vals = {}
    for line in r.stdout.splitlines():
        if ":" in line and not line.startswith(("holds", "short")):
            k, v = line.split(":", 1)
            vals[k.strip()] = float(v.split()[0])
    return r.returncode, vals, r.stdout


empty = {"sources": [{"id": a, "path": f"articles/{a}.txt", "text": t} for a, t in sorted(texts.items())],
         "actors": [], "calendar": [], "positions": [], "sanctions_options": [], "disagreements": []}
rc, vals, out = run(empty)
print("EMPTY brief (exit %d):" % rc)
print(out.strip())
ok_empty = rc == 0 and vals and all(v == 0.0 for v in vals.values())
rc2, vals2, out2 = run(gold_brief())
print("GOLD brief (exit %d):" % rc2)
print(out2.strip())
ok_gold = rc2 == 0 and vals2 and all(v == 1.0 for v in vals2.values())
print("RESULT:", "OK" if (not bad and ok_empty and ok_gold) else "FAIL",
      f"(substrings {'ok' if not bad else 'bad'}, empty {'ok' if ok_empty else 'bad'}, gold {'ok' if ok_gold else 'bad'})")
sys.exit(0 if (not bad and ok_empty and ok_gold) else 1)
