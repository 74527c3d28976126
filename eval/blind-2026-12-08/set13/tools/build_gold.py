"""Build gold.yaml and gold_scored.yaml from gold_src.py, checking every sentence/surface form is an exact substring.
Adapted from blind set 3's tools: further sentences go under `also` in gold.yaml; measures carry kind/status/proposer/target."""
import sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import gold_src
ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
errors = []

def S(art, anchors):
    start, end = anchors
    t = texts[art]
    i = t.find(start)
    if i < 0:
        errors.append(f"{art}: start anchor not found: {start!r}"); return "??"
    j = t.find(end, i + len(start) - len(end) if end in start else i)
    if j < 0:
        errors.append(f"{art}: end anchor not found: {end!r}"); return "??"
    s = t[i:j + len(end)]
    if t.count(start) > 1:
        pass
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:60]!r}")
    return s

files, scored_actors, cal, pos, san, dis = {}, {}, [], [], [], []
order = []
for art, d in gold_src.A.items():
    meta = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))[art + ".txt"]
    f = {"language": meta["language"], "actors": []}
    for a in d["actors"]:
        canon, forms = a[0], a[1]
        imp = a[2] if len(a) > 2 else "core"
        for sf in forms:
            if sf not in texts[art]:
                errors.append(f"{art}: surface form not found: {sf!r}")
        f["actors"].append({"canonical": canon, "surface_forms": forms} | ({"importance": imp} if imp != "core" else {}))
        if canon not in scored_actors:
            scored_actors[canon] = {"canonical": canon, "importance": imp, "surface_forms": {}, "_by_imp": {}}; order.append(canon)
        if imp == "core":
            scored_actors[canon]["importance"] = "core"
        scored_actors[canon]["_by_imp"].setdefault(imp, {})[art] = forms
    canon_here = {a[0] for a in d["actors"]}
    f["calendar"] = []
    for date, basis, label, anchors in d.get("calendar", []):
        s = S(art, anchors)
        f["calendar"].append({"date": date, "date_basis": basis, "label": label, "sentence": s})
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s}]})
    if d.get("undated"):
        f["undated_events"] = [{"date_basis": "not stated in text; inferred from publication context", "inferred_date": dt, "label": lb, "sentence": S(art, an)} for dt, lb, an in d["undated"]]
    if d.get("background"):
        f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, an)} for y, lb, an in d["background"]]
    f["sanctions_options"] = []
    for entry in d.get("sanctions", []):
        label, anchors_list = entry[0], entry[1]
        meta_s = entry[2] if len(entry) > 2 else {}
        for k in ("kind", "status", "proposer", "target"):
            if k not in meta_s:
                errors.append(f"{art}: measure lacks {k}: {label}")
        ss = [S(art, an) for an in anchors_list]
        f["sanctions_options"].append({"label": label, **meta_s, "sentence": ss[0]} | ({"also": ss[1:]} if len(ss) > 1 else {}))
        san.append({"measure": label, **meta_s, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["positions"] = []
    for actor, gloss, anchors_list in d.get("positions", []):
        if actor not in canon_here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, an) for an in anchors_list]
        f["positions"].append({"actor": actor, "gloss": gloss, "sentence": ss[0]} | ({"also": ss[1:]} if len(ss) > 1 else {}))
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["disagreements"] = []
    for topic, a1, a2, gloss in d.get("disagreements", []):
        for x in (a1, a2):
            if x not in canon_here:
                errors.append(f"{art}: disagreement actor not among actors: {x}")
        f["disagreements"].append({"actors": [a1, a2], "topic": topic, "gloss": gloss})
        dis.append({"topic": topic, "side_a": {"actor": a1}, "side_b": {"actor": a2}, "article": art})
    files[art + ".txt"] = f

# a canonical actor that is core in some article is scored only in the articles where it is core
for c in order:
    a = scored_actors[c]
    a["surface_forms"] = a.pop("_by_imp")[a["importance"]]
if errors:
    print("\n".join(errors)); sys.exit(1)
schema = yaml.safe_load((Path("/work/shared/dev-set/gold.yaml")).read_text(encoding="utf-8"))["schema"]
gold = {"schema": schema, "files": files}
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos, "sanctions_options": san, "disagreements": dis}
dump = lambda o: yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)
(ROOT / "gold.yaml").write_text(dump(gold), encoding="utf-8")
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("actors", len(scored["actors"]), "core", len(core), "pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
print("undated", sum(len(f.get("undated_events", [])) for f in files.values()))
