"""Checks before freezing: (1) every gold sentence and surface form is an exact substring of its article
(re-checked here from gold.yaml and gold_scored.yaml, independently of build_gold.py); (2) score.py on an
EMPTY brief gives 0.00 on every measure and exits 0; (3) score.py on a brief built from the gold itself
gives 1.00 on every measure. Briefs are written to /tmp."""
import json, subprocess, sys, yaml
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
ART = ROOT / "articles"
texts = {p.stem: p.read_text(encoding="utf-8") for p in ART.glob("*.txt")}
gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
scored = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
bad = []
for fn, f in gold["files"].items():
    t = texts[fn[:-4]]
    for a in f["actors"]:
        bad += [f"{fn}: form {x!r}" for x in a["surface_forms"] if x not in t]
    for k in ("calendar", "undated_events", "background_years", "sanctions_options", "positions"):
        for it in f.get(k, []):
            bad += [f"{fn}: {k} {x[:50]!r}" for x in [it["sentence"]] + it.get("also", []) if x not in t]
    for d in f.get("disagreements", []):
        bad += [f"{fn}: disagreement {x[:50]!r}" for x in (d["side_a"]["sentence"], d["side_b"]["sentence"]) if x not in t]
for sec in ("calendar", "positions", "sanctions_options"):
    for it in scored[sec]:
        bad += [f"scored {sec}: {s['article']} {s['sentence'][:50]!r}" for s in it["sources"] if s["sentence"] not in texts[s["article"]]]
for a in scored["actors"]:
    for art, forms in a["surface_forms"].items():
        bad += [f"scored actor {a['canonical']} {art}: {x!r}" for x in forms if x not in texts[art]]
for d in scored["disagreements"]:
    bad += [f"scored disagreement {d['article']}" for x in (d["side_a"]["sentence"], d["side_b"]["sentence"]) if x not in texts[d["article"]]]
print("substring check:", "OK" if not bad else f"{len(bad)} FAILURES")
for b in bad:
    print("  ", b)

sources = [{"id": stem, "path": str(ART / (stem + ".txt"))} for stem in sorted(texts)]
def cite(art, sentence):
    i = texts[art].index(sentence)
    return {"source": art, "start": i, "end": i + len(sentence), "sentence": sentence}
empty = {"sources": sources, "actors": [], "calendar": [], "positions": [], "sanctions_options": [], "disagreements": []}
actors, ids = [], {}
for n, a in enumerate(scored["actors"]):
    aid = f"a{n}"; ids[a["canonical"]] = aid
    actors.append({"id": aid, "name": a["canonical"], "citations": [cite(art, forms[0]) for art, forms in a["surface_forms"].items()]})
full = {"sources": sources, "actors": actors,
        "calendar": [{"date": str(c["date"]), "label": c["label"], "citations": [cite(s["article"], s["sentence"]) for s in c["sources"]]} for c in scored["calendar"]],
        "positions": [{"actor": ids[p["actor"]], "stance": p["stance"], "citations": [cite(s["article"], s["sentence"]) for s in p["sources"]]} for p in scored["positions"]],
        "sanctions_options": [{"measure": m["measure"], "citations": [cite(s["article"], s["sentence"]) for s in m["sources"]]} for m in scored["sanctions_options"]],
        "disagreements": [{"topic": d["topic"], "sides": [{"actors": [ids[d["side_a"]["actor"]]], "citations": [cite(d["article"], d["side_a"]["sentence"])]},
                                                          {"actors": [ids[d["side_b"]["actor"]]], "citations": [cite(d["article"], d["side_b"]["sentence"])]}]}
                          for d in scored["disagreements"]]}
ok = not bad
for name, brief, want in (("empty", empty, 0.0), ("gold", full, 1.0)):
    path = Path(f"/tmp/set6-{name}-brief.json")
    path.write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "/work/shared/dev-set/score.py", str(path), str(ROOT / "gold_scored.yaml"), str(ART)],
                       capture_output=True, text=True)
    print(f"--- {name} brief (exit {r.returncode})"); print(r.stdout.strip())
    vals = [float(l.split(":")[1].split()[0]) for l in r.stdout.splitlines() if ":" in l and not l.startswith(("holds", "short"))]
    if r.returncode != 0 or any(abs(v - want) > 1e-9 for v in vals):
        ok = False; print(f"!! {name} brief does not give {want:.2f} everywhere")
print("ALL CHECKS PASS" if ok else "CHECKS FAILED")
sys.exit(0 if ok else 1)
