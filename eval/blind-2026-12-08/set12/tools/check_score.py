"""Checks before freezing: (1) every gold sentence/surface form is an exact substring of its article
(re-checked here independently of build_gold.py); (2) score.py on an EMPTY brief gives 0.00 everywhere
and exit 0; (3) score.py on a brief built from the gold itself gives 1.00 everywhere."""
import json, subprocess, sys, yaml
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
ART = ROOT / "articles"
SCORE = "/work/shared/dev-set/score.py"
texts = {p.stem: p.read_text(encoding="utf-8") for p in ART.glob("*.txt")}
gs = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
bad = 0
for fname, f in gold["files"].items():
    t = texts[fname[:-4]]
    for a in f["actors"]:
        for sf in a["surface_forms"]:
            bad += sf not in t
    for k in ("calendar", "undated_events", "background_years", "sanctions_options", "positions"):
        for it in f.get(k, []):
            for s in [it["sentence"]] + it.get("also", []):
                if s not in t:
                    bad += 1; print("NOT FOUND", fname, k, s[:60])
    for d in f.get("disagreements", []):
        for side in d["sides"]:
            if side["sentence"] not in t:
                bad += 1; print("NOT FOUND", fname, "disagreement", side["sentence"][:60])
print("substring check: bad =", bad)

def cit(art, s):
    i = texts[art].index(s)
    return {"source": art, "sentence": s, "start": i, "end": i + len(s)}

sources = [{"id": a, "path": str(ART / (a + ".txt"))} for a in sorted(texts)]
actors, ids = [], {}
for n, a in enumerate(gs["actors"]):
    ids[a["canonical"]] = f"a{n}"
    actors.append({"id": f"a{n}", "name": a["canonical"],
                   "citations": [cit(art, forms[0]) for art, forms in a["surface_forms"].items()]})
brief = {
    "sources": sources, "actors": actors,
    "calendar": [{"date": str(e["date"]), "label": e["label"], "citations": [cit(s["article"], s["sentence"]) for s in e["sources"]]} for e in gs["calendar"]],
    "positions": [{"actor": ids[p["actor"]], "stance": p["stance"], "citations": [cit(s["article"], s["sentence"]) for s in p["sources"]]} for p in gs["positions"]],
    "sanctions_options": [{"measure": m["measure"], "citations": [cit(s["article"], s["sentence"]) for s in m["sources"]]} for m in gs["sanctions_options"]],
    "disagreements": [{"topic": d["topic"], "sides": [
        {"actors": [ids[d["side_a"]["actor"]]], "citations": [cit(d["article"], d["side_a"]["sentence"])]},
        {"actors": [ids[d["side_b"]["actor"]]], "citations": [cit(d["article"], d["side_b"]["sentence"])]}]} for d in gs["disagreements"]],
}
Path("/tmp/c12_gold_brief.json").write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
Path("/tmp/c12_empty_brief.json").write_text(json.dumps({"sources": sources}), encoding="utf-8")
ok = bad == 0
for name, want in (("empty", "0.00"), ("gold", "1.00")):
    r = subprocess.run([sys.executable, SCORE, f"/tmp/c12_{name}_brief.json", str(ROOT / "gold_scored.yaml"), str(ART)], capture_output=True, text=True)
    print(f"--- {name} brief (exit {r.returncode})"); print(r.stdout.strip())
    vals = [l.split(": ")[1].split()[0] for l in r.stdout.splitlines() if ": " in l and not l.startswith(("holds", "short"))]
    if r.returncode != 0 or any(v != want for v in vals):
        ok = False; print("  UNEXPECTED")
print("ALL CHECKS OK" if ok else "CHECKS FAILED"); sys.exit(0 if ok else 1)
