"""Run the dev-set scorer on this set's gold with (1) an empty brief and (2) a brief built from the gold itself.
Expected: all measures 0.00 and exit 0 for (1); all 1.00 for (2)."""
import json, subprocess, sys, yaml
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
ART = ROOT / "articles"
SCORE = "/work/shared/dev-set/score.py"
gold = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
texts = {p.stem: p.read_text(encoding="utf-8") for p in ART.glob("*.txt")}
sources = [{"id": f"s_{a}", "path": str(ART / (a + ".txt"))} for a in sorted(texts)]

def cite(art, sent):
    i = texts[art].index(sent)
    return {"source": f"s_{art}", "sentence": sent, "start": i, "end": i + len(sent)}

def run(brief, tag):
    p = Path(f"/tmp/set10_brief_{tag}.json"); p.write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, SCORE, str(p), str(ROOT / "gold_scored.yaml"), str(ART)], capture_output=True, text=True)
    print(f"--- {tag} brief (exit {r.returncode})"); print(r.stdout.strip(), r.stderr.strip())
    return r

empty = {"sources": sources, "actors": [], "calendar": [], "positions": [], "sanctions_options": [], "disagreements": []}
r0 = run(empty, "empty")

actors, ids = [], {}
for a in gold["actors"]:
    cits = []
    for art, forms in a["surface_forms"].items():
        cits.append(cite(art, forms[0]))
    ids[a["canonical"]] = f"a{len(ids)}"
    actors.append({"id": ids[a["canonical"]], "name": a["canonical"], "citations": cits})
cal = [{"date": str(c["date"]), "label": c["label"], "citations": [cite(s["article"], s["sentence"]) for s in c["sources"]]} for c in gold["calendar"]]
pos = [{"actor": ids[p["actor"]], "stance": p["stance"], "citations": [cite(s["article"], s["sentence"]) for s in p["sources"]]} for p in gold["positions"]]
san = [{"measure": m["measure"], "citations": [cite(s["article"], s["sentence"]) for s in m["sources"]]} for m in gold["sanctions_options"]]
dis = [{"topic": d["topic"], "sides": [{"actors": [ids[d["side_a"]["actor"]]], "citations": [cite(d["article"], d["side_a"]["sentence"])]},
                                      {"actors": [ids[d["side_b"]["actor"]]], "citations": [cite(d["article"], d["side_b"]["sentence"])]}]}
       for d in gold["disagreements"]]
full = {"sources": sources, "actors": actors, "calendar": cal, "positions": pos, "sanctions_options": san, "disagreements": dis}
r1 = run(full, "gold")
ok0 = r0.returncode == 0 and all(v == "0.00" for v in r0.stdout.strip().splitlines()[-1].split("| ")[1].replace("=", " ").split()[1::2])
ok1 = r1.returncode == 0 and all(v == "1.00" for v in r1.stdout.strip().splitlines()[-1].split("| ")[1].replace("=", " ").split()[1::2])
print("empty all 0.00:", ok0, "| gold all 1.00:", ok1)
sys.exit(0 if ok0 and ok1 else 1)
