"""Build gold.yaml and gold_scored.yaml from gold_src.py (set 6), checking that every sentence and
surface form is an exact substring of its article and that every actor named in a position,
measure or disagreement is among the article's actors. Exit 1 on any error."""
import sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import gold_src
ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
meta_all = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
errors = []

def S(art, spec):
    t = texts[art]
    if isinstance(spec, str):
        if spec not in t:
            errors.append(f"{art}: sentence not found: {spec!r}"); return "??"
        return spec
    start, end = spec
    i = t.find(start)
    if i < 0:
        errors.append(f"{art}: start anchor not found: {start!r}"); return "??"
    j = t.find(end, i + 1 if end != start else i)
    if j < 0:
        errors.append(f"{art}: end anchor not found after start: {end!r}"); return "??"
    s = t[i:j + len(end)]
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:70]!r}")
    if len(s) > 900:
        errors.append(f"{art}: suspiciously long sentence ({len(s)}): {s[:70]!r}")
    return s

files, scored_actors, cal, pos, san, dis, order = {}, {}, [], [], [], [], []
for art, d in gold_src.A.items():
    if art not in texts:
        errors.append(f"{art}: no article file"); continue
    meta = meta_all.get(art + ".txt")
    if not meta:
        errors.append(f"{art}: no metadata"); continue
    f = {"language": meta["language"], "actors": []}
    for a in d["actors"]:
        canon, forms = a[0], a[1]
        imp = a[2] if len(a) > 2 else "core"
        for sf in forms:
            if sf not in texts[art]:
                errors.append(f"{art}: surface form not found: {sf!r}")
        f["actors"].append({"canonical": canon, "surface_forms": forms} | ({"importance": imp} if imp != "core" else {}))
        if canon not in scored_actors:
            scored_actors[canon] = {"canonical": canon, "importance": imp, "surface_forms": {}}; order.append(canon)
        elif imp == "core":
            scored_actors[canon]["importance"] = "core"
        scored_actors[canon]["surface_forms"][art] = forms
    canon_here = {a[0] for a in d["actors"]}
    f["calendar"] = []
    for date, basis, label, spec in d.get("calendar", []):
        s = S(art, spec)
        f["calendar"].append({"date": date, "date_basis": basis, "label": label, "sentence": s})
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s}]})
    if d.get("undated"):
        f["undated_events"] = [{"date_basis": "not stated in text; inferred from publication context", "inferred_date": dt,
                                "label": lb, "sentence": S(art, sp)} for dt, lb, sp in d["undated"]]
    if d.get("background"):
        f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, sp)} for y, lb, sp in d["background"]]
    f["sanctions_options"] = []
    for label, kind, status, proposer, target, specs in d.get("sanctions", []):
        ss = [S(art, sp) for sp in specs]
        item = {"label": label, "kind": kind, "status": status, "proposer": proposer, "target": target, "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["sanctions_options"].append(item)
        san.append({"measure": label, "kind": kind, "status": status, "proposer": proposer, "target": target,
                    "sources": [{"article": art, "sentence": s} for s in ss]})
    f["positions"] = []
    for actor, gloss, specs in d.get("positions", []):
        if actor not in canon_here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, sp) for sp in specs]
        item = {"actor": actor, "gloss": gloss, "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["positions"].append(item)
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["disagreements"] = []
    for topic, a1, sp1, a2, sp2, gloss in d.get("disagreements", []):
        for x in (a1, a2):
            if x not in canon_here:
                errors.append(f"{art}: disagreement actor not among actors: {x}")
        s1, s2 = S(art, sp1), S(art, sp2)
        f["disagreements"].append({"topic": topic, "gloss": gloss, "side_a": {"actor": a1, "sentence": s1},
                                   "side_b": {"actor": a2, "sentence": s2}})
        dis.append({"article": art, "topic": topic, "side_a": {"actor": a1, "sentence": s1}, "side_b": {"actor": a2, "sentence": s2}})
    files[art + ".txt"] = f

missing = sorted(set(texts) - set(gold_src.A))
if missing:
    errors.append(f"articles without a key: {missing}")
if errors:
    print("\n".join(errors)); sys.exit(1)
schema = yaml.safe_load(Path("/work/shared/dev-set/gold.yaml").read_text(encoding="utf-8"))["schema"]
schema = dict(schema)
schema["sanctions_options"] = ("every coercive measure proposed, threatened, demanded, debated, imposed, suspended or lifted; "
                               "kind, status, proposer, target as the text gives them; further sentences stating the same measure under 'also'")
schema["positions.also"] = "further sentences of the same article stating the same view (credited too)"
gold = {"schema": schema, "files": files}
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos, "sanctions_options": san, "disagreements": dis}
dump = lambda o: yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)
(ROOT / "gold.yaml").write_text(dump(gold), encoding="utf-8")
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("articles", len(files), "actors", len(scored["actors"]), "core", len(core), "pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
print("undated", sum(len(f.get("undated_events", [])) for f in files.values()),
      "background", sum(len(f.get("background_years", [])) for f in files.values()))
