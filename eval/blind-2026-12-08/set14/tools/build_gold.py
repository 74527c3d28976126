"""Build gold.yaml and gold_scored.yaml for blind set 14 from gold_src.py.

Checks: every anchor found, every sentence an exact substring of its article on one line,
every surface form an exact substring, every position/disagreement actor among the article's actors.
Usage: python3 tools/build_gold.py   (from anywhere)
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import gold_src  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.txt")}
meta = yaml.safe_load((ROOT / "articles" / "metadata.yaml").read_text(encoding="utf-8"))
errors = []


def S(art, anchors):
    start, end = anchors
    t = texts[art]
    i = t.find(start)
    if i < 0:
        errors.append(f"{art}: start anchor not found: {start!r}")
        return "??"
    # the end anchor may lie inside the start anchor (short sentences)
    j = t.find(end, i + len(start) - len(end)) if end in start else t.find(end, i)
    if j < 0:
        errors.append(f"{art}: end anchor not found after start: {end!r}")
        return "??"
    s = t[i:j + len(end)]
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:70]!r}")
    if s not in t:
        errors.append(f"{art}: not a substring: {s[:70]!r}")
    return s


files, scored_actors, order = {}, {}, []
cal, pos, san, dis = [], [], [], []
for art, d in gold_src.A.items():
    if art + ".txt" not in meta:
        errors.append(f"{art}: missing from metadata.yaml")
        continue
    f = {"language": meta[art + ".txt"]["language"], "actors": []}
    for a in d["actors"]:
        canon, forms = a[0], a[1]
        imp = a[2] if len(a) > 2 else "core"
        for sf in forms:
            if sf not in texts[art]:
                errors.append(f"{art}: surface form not found: {sf!r}")
        f["actors"].append({"canonical": canon, "surface_forms": forms} | ({"importance": imp} if imp != "core" else {}))
        if canon not in scored_actors:
            scored_actors[canon] = {"canonical": canon, "importance": imp, "surface_forms": {}, "_minor": {}}
            order.append(canon)
        if imp == "core":
            scored_actors[canon]["importance"] = "core"
            scored_actors[canon]["surface_forms"][art] = forms
        else:
            scored_actors[canon]["_minor"][art] = forms
    canon_here = {a[0] for a in d["actors"]}

    f["calendar"] = []
    for date, basis, label, anchors in d.get("calendar", []):
        s = S(art, anchors)
        f["calendar"].append({"date": date, "date_basis": basis, "label": label, "sentence": s})
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s}]})
    f["undated_events"] = [{"inferred_date": dt, "date_basis": b, "label": lb, "sentence": S(art, an)}
                           for dt, b, lb, an in d.get("undated", [])]
    f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, an)} for y, lb, an in d.get("background", [])]

    f["sanctions_options"] = []
    for label, kind, status, proposer, target, anchors_list in d.get("sanctions", []):
        ss = [S(art, an) for an in anchors_list]
        item = {"label": label, "kind": kind, "status": status, "proposer": proposer, "target": target, "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["sanctions_options"].append(item)
        san.append({"measure": label, "kind": kind, "status": status, "proposer": proposer, "target": target,
                    "sources": [{"article": art, "sentence": s} for s in ss]})

    f["positions"] = []
    for actor, gloss, anchors_list in d.get("positions", []):
        if actor not in canon_here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, an) for an in anchors_list]
        item = {"actor": actor, "gloss": gloss, "sentence": ss[0]}
        if ss[1:]:
            item["also"] = ss[1:]
        f["positions"].append(item)
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})

    f["disagreements"] = []
    for topic, a1, an1, a2, an2, gloss in d.get("disagreements", []):
        for x in (a1, a2):
            if x not in canon_here:
                errors.append(f"{art}: disagreement actor not among actors: {x}")
        s1, s2 = S(art, an1), S(art, an2)
        f["disagreements"].append({"actors": [a1, a2], "topic": topic, "gloss": gloss,
                                   "sides": [{"actor": a1, "sentence": s1}, {"actor": a2, "sentence": s2}]})
        dis.append({"topic": topic, "side_a": {"actor": a1, "sentence": s1}, "side_b": {"actor": a2, "sentence": s2},
                    "article": art})
    files[art + ".txt"] = f

missing = sorted(set(texts) - set(gold_src.A))
if missing:
    errors.append(f"articles without a key: {missing}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

schema = {
    "description": "Gold facts per article; every 'sentence' (and every 'also' sentence) is copied verbatim from the article file and is an exact substring of it; every surface form is an exact substring.",
    "calendar.date": "ISO YYYY-MM-DD, or YYYY-MM when only the month is known; date_basis says whether the date is explicit in the text or resolved from a relative expression using the publication date",
    "undated_events": "important events whose date is NOT stated in the text (inferred_date comes from publication context only); a brief should not be penalised for omitting the date",
    "background_years": "events dated only by year in the text",
    "sanctions_options": "every coercive measure proposed, threatened, debated, imposed, suspended or lifted, with kind, status, proposer and target",
    "also": "further sentences of the same article stating the same fact; a brief citing any of them is credited",
    "disagreements.actors": "canonical names as listed under actors; sides give each actor's sentence",
}
dump = lambda o: yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)
(ROOT / "gold.yaml").write_text(dump({"schema": schema, "files": files}), encoding="utf-8")
# an actor core in some articles is scored only in those; an actor minor everywhere keeps its forms (not scored)
for c in order:
    a = scored_actors[c]
    minor = a.pop("_minor")
    if a["importance"] != "core":
        a["surface_forms"] = minor
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos,
          "sanctions_options": san, "disagreements": dis}
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("articles", len(files))
print("actors", len(scored["actors"]), "core", len(core), "core pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "undated", sum(len(f["undated_events"]) for f in files.values()),
      "background", sum(len(f["background_years"]) for f in files.values()))
print("positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
