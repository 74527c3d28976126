"""Checks for blind set 13: every sentence and surface form in gold.yaml and gold_scored.yaml is an exact
substring of its article; then builds an empty brief and a brief from the gold itself for score.py."""
import json, sys, yaml
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
scored = yaml.safe_load((ROOT / "gold_scored.yaml").read_text(encoding="utf-8"))
meta = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
bad = 0
def chk(art, s, what):
    global bad
    if s not in texts[art]:
        bad += 1; print("NOT FOUND", art, what, repr(s[:80]))
assert set(meta) == {a + ".txt" for a in texts} == set(gold["files"]), "metadata/gold/articles mismatch"
for fn, f in gold["files"].items():
    art = fn[:-4]
    for a in f["actors"]:
        for sf in a["surface_forms"]: chk(art, sf, "surface form")
    for sec in ("calendar", "undated_events", "background_years", "sanctions_options", "positions"):
        for it in f.get(sec, []):
            chk(art, it["sentence"], sec)
            for s in it.get("also", []): chk(art, s, sec + " also")
for a in scored["actors"]:
    for art, forms in a["surface_forms"].items():
        for sf in forms: chk(art, sf, "scored surface form")
for sec in ("calendar", "positions", "sanctions_options"):
    for it in scored[sec]:
        for s in it["sources"]: chk(s["article"], s["sentence"], "scored " + sec)
print("substring check:", "OK" if not bad else f"{bad} FAILURES")

# briefs for score.py
sources = [{"id": a, "path": f"articles/{a}.txt"} for a in sorted(texts)]
def cite(art, s):
    i = texts[art].index(s)
    return {"source": art, "sentence": s, "start": i, "end": i + len(s)}
def first_form(art, forms):
    return cite(art, forms[0])
actors, ids = [], {}
for n, a in enumerate(scored["actors"]):
    ids[a["canonical"]] = f"a{n}"
    actors.append({"id": f"a{n}", "name": a["canonical"],
                   "citations": [first_form(art, forms) for art, forms in a["surface_forms"].items()]})
# actors that appear only as minor or only in disagreements still need ids
brief = {"sources": sources, "actors": actors,
         "calendar": [{"date": str(e["date"]), "label": e["label"], "citations": [cite(s["article"], s["sentence"]) for s in e["sources"]]} for e in scored["calendar"]],
         "positions": [{"actor": ids[p["actor"]], "stance": p["stance"], "citations": [cite(s["article"], s["sentence"]) for s in p["sources"]]} for p in scored["positions"]],
         "sanctions_options": [{"measure": m["measure"], "citations": [cite(s["article"], s["sentence"]) for s in m["sources"]]} for m in scored["sanctions_options"]],
         "disagreements": [{"topic": d["topic"], "sides": [{"actors": [ids[d["side_a"]["actor"]]], "citations": []},
                                                          {"actors": [ids[d["side_b"]["actor"]]], "citations": []}]} for d in scored["disagreements"]]}
Path("/tmp/c13_brief_gold.json").write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
Path("/tmp/c13_brief_empty.json").write_text(json.dumps({"sources": sources, "actors": [], "calendar": [], "positions": [], "sanctions_options": [], "disagreements": []}), encoding="utf-8")
print("briefs written: /tmp/c13_brief_gold.json /tmp/c13_brief_empty.json")
sys.exit(1 if bad else 0)
