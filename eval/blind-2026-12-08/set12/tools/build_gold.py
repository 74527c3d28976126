"""Build gold.yaml and gold_scored.yaml from gold_src.py (set 12), checking that every sentence and
surface form is an exact substring of its article. Adapted from set3's tools/build_gold.py:
sanctions carry kind/status/proposer/target, further sentences go under `also`, disagreements give
each side's actor and sentence."""
import sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import gold_src
ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
meta_all = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
errors = []

def S(art, anchors):
    t = texts[art]
    if isinstance(anchors, str):
        if anchors not in t:
            errors.append(f"{art}: sentence not found: {anchors!r}"); return "??"
        return anchors
    start, end = anchors
    i = t.find(start)
    if i < 0:
        errors.append(f"{art}: start anchor not found: {start!r}"); return "??"
    j = t.find(end, i)
    if j < 0:
        errors.append(f"{art}: end anchor not found: {end!r}"); return "??"
    s = t[i:j + len(end)]
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:60]!r}")
    if len(s) > 700:
        errors.append(f"{art}: suspiciously long sentence: {s[:60]!r}")
    return s

def with_also(d, ss):
    d["sentence"] = ss[0]
    if len(ss) > 1:
        d["also"] = ss[1:]
    return d

files, scored_actors, cal, pos, san, dis = {}, {}, [], [], [], []
order = []
missing_meta = [a for a in gold_src.A if a + ".txt" not in meta_all]
extra = [s for s in texts if s not in gold_src.A]
if missing_meta: errors.append(f"no metadata for {missing_meta}")
if extra: errors.append(f"articles without gold: {extra}")
for art, d in gold_src.A.items():
    meta = meta_all[art + ".txt"]
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
    for date, basis, label, anchors in d.get("calendar", []):
        s = S(art, anchors)
        f["calendar"].append({"date": date, "date_basis": basis, "label": label, "sentence": s})
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s}]})
    if d.get("undated"):
        f["undated_events"] = [{"inferred_date": dt, "date_basis": b, "label": lb, "sentence": S(art, an)} for dt, b, lb, an in d["undated"]]
    if d.get("background"):
        f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, an)} for y, lb, an in d["background"]]
    f["sanctions_options"] = []
    for label, kind, status, proposer, target, anchors_list in d.get("sanctions", []):
        ss = [S(art, an) for an in anchors_list]
        for x in (proposer, target):
            for y in x.split(" & "):
                if y not in canon_here:
                    errors.append(f"{art}: measure party not among actors: {y}")
        f["sanctions_options"].append(with_also({"label": label, "kind": kind, "status": status, "proposer": proposer, "target": target}, ss))
        san.append({"measure": label, "kind": kind, "status": status, "proposer": proposer, "target": target,
                    "sources": [{"article": art, "sentence": s} for s in ss]})
    f["positions"] = []
    for actor, gloss, anchors_list in d.get("positions", []):
        if actor not in canon_here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, an) for an in anchors_list]
        f["positions"].append(with_also({"actor": actor, "gloss": gloss}, ss))
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["disagreements"] = []
    for topic, a1, an1, a2, an2, gloss in d.get("disagreements", []):
        for x in (a1, a2):
            if x not in canon_here:
                errors.append(f"{art}: disagreement actor not among actors: {x}")
        s1, s2 = S(art, an1), S(art, an2)
        f["disagreements"].append({"actors": [a1, a2], "topic": topic, "gloss": gloss,
                                   "sides": [{"actor": a1, "sentence": s1}, {"actor": a2, "sentence": s2}]})
        dis.append({"topic": topic, "side_a": {"actor": a1, "sentence": s1}, "side_b": {"actor": a2, "sentence": s2}, "article": art})
    files[art + ".txt"] = f

if errors:
    print("\n".join(errors)); sys.exit(1)
schema = yaml.safe_load(Path("/work/shared/dev-set/gold.yaml").read_text(encoding="utf-8"))["schema"]
schema = dict(schema)
schema["also"] = "further sentences of the same article stating the same fact; a brief citing any of them is credited"
schema["sanctions_options.kind/status/proposer/target"] = ("kind of measure; status as the article gives it (proposed, threatened, "
    "demanded, imposed, lifted, suspended, ...); who proposes/imposes it and whom it targets (canonical names; ' & ' joins several)")
schema["disagreements.sides"] = "each side's actor (canonical) and the sentence stating that side"
gold = {"schema": schema, "files": files}
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos, "sanctions_options": san, "disagreements": dis}
dump = lambda o: yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)
(ROOT / "gold.yaml").write_text(dump(gold), encoding="utf-8")
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("actors", len(scored["actors"]), "core", len(core), "pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
print("undated", sum(len(f.get("undated_events", [])) for f in files.values()),
      "background", sum(len(f.get("background_years", [])) for f in files.values()))
