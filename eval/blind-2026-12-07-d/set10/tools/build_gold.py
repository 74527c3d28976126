"""Build gold.yaml and gold_scored.yaml from gold_src.py.
Checks every sentence (given verbatim or by start/end anchors) and every surface form is an exact
substring of its article, that no sentence spans lines, and that position/disagreement actors are keyed."""
import sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import gold_src
ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
meta = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
errors = []
SRC = dict(sorted(gold_src.A.items()))

def S(art, spec):
    t = texts[art]
    if isinstance(spec, str):
        if spec not in t:
            errors.append(f"{art}: sentence not found: {spec[:70]!r}"); return "??"
        s = spec
    else:
        start, end = spec
        i = t.find(start)
        if i < 0:
            errors.append(f"{art}: start anchor not found: {start!r}"); return "??"
        j = t.find(end, i)
        if j < 0:
            errors.append(f"{art}: end anchor not found after start: {end!r}"); return "??"
        s = t[i:j + len(end)]
        if t.count(start) > 1 and not (i == 0 or t[i-1] == "\n"):
            errors.append(f"{art}: start anchor not unique: {start!r}")
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:60]!r}")
    if len(s) > 600:
        errors.append(f"{art}: suspiciously long sentence ({len(s)}): {s[:60]!r}")
    return s

missing = set(texts) - set(SRC)  # articles without a key
if missing:
    errors.append(f"articles without a key: {sorted(missing)}")
files, scored_actors, order, cal, pos, san, dis = {}, {}, [], [], [], [], []
for art, d in SRC.items():
    m = meta[art + ".txt"]
    f = {"language": m["language"], "published": str(m["published"]), "actors": []}
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
    here = {a[0] for a in d["actors"]}
    f["calendar"] = []
    for date, basis, label, spec in d.get("calendar", []):
        s = S(art, spec)
        f["calendar"].append({"date": date, "date_basis": basis, "label": label, "sentence": s})
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s}]})
    f["undated_events"] = [{"inferred_date": dt, "date_basis": "not stated in text; inferred from publication context", "label": lb, "sentence": S(art, sp)}
                           for dt, lb, sp in d.get("undated", [])]
    f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, sp)} for y, lb, sp in d.get("background", [])]
    f["sanctions_options"] = []
    for m_ in d.get("sanctions", []):
        ss = [S(art, sp) for sp in m_["src"]]
        item = {"label": m_["label"], "kind": m_["kind"], "status": m_["status"], "proposer": m_["proposer"], "target": m_["target"], "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["sanctions_options"].append(item)
        san.append({"measure": m_["label"], "kind": m_["kind"], "status": m_["status"], "proposer": m_["proposer"], "target": m_["target"],
                    "sources": [{"article": art, "sentence": s} for s in ss]})
    f["positions"] = []
    for actor, gloss, specs in d.get("positions", []):
        if actor not in here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, sp) for sp in specs]
        item = {"actor": actor, "gloss": gloss, "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["positions"].append(item)
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["disagreements"] = []
    for topic, (a1, sp1), (a2, sp2), gloss in d.get("disagreements", []):
        for x in (a1, a2):
            if x not in here:
                errors.append(f"{art}: disagreement actor not among actors: {x}")
        s1, s2 = S(art, sp1), S(art, sp2)
        f["disagreements"].append({"actors": [a1, a2], "topic": topic, "gloss": gloss,
                                   "sides": [{"actor": a1, "sentence": s1}, {"actor": a2, "sentence": s2}]})
        dis.append({"topic": topic, "side_a": {"actor": a1, "sentence": s1}, "side_b": {"actor": a2, "sentence": s2}, "article": art})
    files[art + ".txt"] = f

if errors:
    print("\n".join(errors)); sys.exit(1)
schema = yaml.safe_load(Path("/work/shared/dev-set/gold.yaml").read_text(encoding="utf-8"))["schema"]
schema = dict(schema)
schema["sanctions_options"] = ("every coercive measure proposed, threatened, debated, imposed, maintained, suspended or lifted, "
                               "with kind, status, proposer and target; 'also' lists further sentences stating the same measure")
schema["disagreements.sides"] = "each side's actor with the sentence that puts it on that side"
gold = {"schema": schema, "files": files}
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos, "sanctions_options": san, "disagreements": dis}
dump = lambda o: yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)
(ROOT / "gold.yaml").write_text(dump(gold), encoding="utf-8")
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("articles", len(files))
print("actors", len(scored["actors"]), "core", len(core), "core pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
print("undated", sum(len(f["undated_events"]) for f in files.values()), "background", sum(len(f["background_years"]) for f in files.values()))
