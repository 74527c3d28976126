"""Build gold.yaml and gold_scored.yaml from gold_src.py (after set3's build_gold.py).

Every anchor is resolved to an exact substring of its article; the build fails on any missing
anchor, on a sentence spanning lines, on a surface form that is not a substring, or on a position /
disagreement actor that is not among the article's actors.
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


def S(art, anchor):
    t = texts[art]
    if isinstance(anchor, str):
        if t.count(anchor) == 0:
            errors.append(f"{art}: sentence not found: {anchor!r}")
            return "??"
        s = anchor
    else:
        start, end = anchor
        i = t.find(start)
        if i < 0:
            errors.append(f"{art}: start anchor not found: {start!r}")
            return "??"
        if t.count(start) > 1:
            errors.append(f"{art}: start anchor not unique: {start!r}")
        j = t.find(end, max(i, i + len(start) - len(end)))
        if j < 0:
            errors.append(f"{art}: end anchor not found: {end!r}")
            return "??"
        s = t[i:j + len(end)]
    if "\n" in s:
        errors.append(f"{art}: sentence spans lines: {s[:60]!r}")
    if len(s) > 700:
        errors.append(f"{art}: suspiciously long sentence ({len(s)}): {s[:60]!r}")
    return s


def with_also(d, ss):
    d["sentence"] = ss[0]
    if len(ss) > 1:
        d["also"] = ss[1:]
    return d


files, scored_actors, order = {}, {}, []
cal, pos, san, dis = [], [], [], []
for art, d in gold_src.A.items():
    if art not in texts:
        errors.append(f"{art}: no article file")
        continue
    m = meta[art + ".txt"]
    f = {"language": m["language"], "actors": []}
    canon_here = set()
    for a in d["actors"]:
        canon, forms = a[0], a[1]
        imp = a[2] if len(a) > 2 else "core"
        canon_here.add(canon)
        for sf in forms:
            if sf not in texts[art]:
                errors.append(f"{art}: surface form not found: {sf!r}")
        entry = {"canonical": canon, "surface_forms": forms}
        if imp != "core":
            entry["importance"] = imp
        f["actors"].append(entry)
        if canon not in scored_actors:
            scored_actors[canon] = {"canonical": canon, "importance": imp, "surface_forms": {}}
            order.append(canon)
        elif imp == "core":
            scored_actors[canon]["importance"] = "core"
        scored_actors[canon]["surface_forms"][art] = forms
    f["calendar"] = []
    for date, basis, label, anchors in d.get("calendar", []):
        ss = [S(art, an) for an in anchors]
        f["calendar"].append(with_also({"date": date, "date_basis": basis, "label": label}, ss))
        cal.append({"date": date, "label": label, "sources": [{"article": art, "sentence": s} for s in ss]})
    if d.get("undated"):
        f["undated_events"] = [{"inferred_date": dt, "date_basis": b, "label": lb, "sentence": S(art, an)}
                               for dt, b, lb, an in d["undated"]]
    if d.get("background"):
        f["background_years"] = [{"year": y, "label": lb, "sentence": S(art, an)} for y, lb, an in d["background"]]
    f["sanctions_options"] = []
    for label, kind, status, proposer, target, anchors in d.get("sanctions", []):
        ss = [S(art, an) for an in anchors]
        f["sanctions_options"].append(with_also(
            {"label": label, "kind": kind, "status": status, "proposer": proposer, "target": target}, ss))
        san.append({"measure": label, "kind": kind, "status": status, "proposer": proposer, "target": target,
                    "sources": [{"article": art, "sentence": s} for s in ss]})
    f["positions"] = []
    for actor, gloss, anchors in d.get("positions", []):
        if actor not in canon_here:
            errors.append(f"{art}: position actor not among actors: {actor}")
        ss = [S(art, an) for an in anchors]
        f["positions"].append(with_also({"actor": actor, "gloss": gloss}, ss))
        pos.append({"actor": actor, "stance": gloss, "sources": [{"article": art, "sentence": s} for s in ss]})
    f["disagreements"] = []
    for topic, gloss, (a1, an1), (a2, an2) in d.get("disagreements", []):
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
    "description": "Gold facts per article; every 'sentence' (and every 'also' sentence) is copied verbatim from the "
                   "article file and is an exact substring of it; every surface form is an exact substring.",
    "calendar.date": "ISO YYYY-MM-DD, or YYYY-MM when only the month is known; date_basis says whether the date is "
                     "explicit in the text or resolved from a relative expression using the publication date",
    "undated_events": "important events whose date is NOT stated in the text (inferred_date comes from publication "
                      "context only); a brief should not be penalised for omitting the date",
    "background_years": "events dated only by year in the text",
    "also": "further sentences of the same article stating the same fact; a brief citing any of them is credited",
    "sanctions_options": "every coercive measure proposed, threatened, debated, imposed, suspended or lifted; kind, "
                         "status, proposer and target as the text gives them",
    "disagreements.actors": "canonical names as listed under actors; sides give each actor's sentence",
    "importance": "actors marked peripheral are background mentions and are not scored; all others are core",
}
gold = {"schema": schema, "files": files}
scored = {"actors": [scored_actors[c] for c in order], "calendar": cal, "positions": pos,
          "sanctions_options": san, "disagreements": dis}


def dump(o):
    return yaml.safe_dump(o, allow_unicode=True, sort_keys=False, width=100)


(ROOT / "gold.yaml").write_text(dump(gold), encoding="utf-8")
(ROOT / "gold_scored.yaml").write_text(dump(scored), encoding="utf-8")
core = [a for a in scored["actors"] if a["importance"] == "core"]
print("actors", len(scored["actors"]), "core", len(core), "pairs", sum(len(a["surface_forms"]) for a in core))
print("calendar", len(cal), "positions", len(pos), "sanctions", len(san), "disagreements", len(dis))
print("undated", sum(len(f.get("undated_events", [])) for f in files.values()),
      "background", sum(len(f.get("background_years", [])) for f in files.values()))
