import datetime as dt
import json

from briefing.render.json_brief import brief_dict, render_json
from tests.render.sample import sample_brief


def test_generated_at_always_has_a_time_zone():
    brief = sample_brief()
    brief.generated_at = dt.datetime(2022, 1, 5, 6, 0)  # naive
    stamp = dt.datetime.fromisoformat(brief_dict(brief)["generated_at"])
    assert stamp.tzinfo is not None
    assert stamp.replace(tzinfo=None) == dt.datetime(2022, 1, 5, 6, 0)


def test_text_only_for_extracted_sources_and_citations_verbatim():
    brief = sample_brief()
    d = json.loads(render_json(brief))
    with_text = {s["id"] for s in d["sources"] if "text" in s}
    assert with_text == {a.id for a in brief.sources if a.text_extracted} == {"spa-1"}
    fa = next(s for s in d["sources"] if s["id"] == "irna-1")
    assert fa == {
        "id": "irna-1",
        "path": "in/irna-1.txt",
        "title": "واکنش تهران به تحریم‌ها",
        "outlet": "IRNA",
        "language": "fa",
        "published": "2022-01-03",
        "published_basis": "metadata",
        "read_mode": "full",
    }
    texts = {a.id: a.text for a in brief.sources}
    cites = [c for p in d["positions"] for c in p["citations"]]
    assert cites and all(texts[c["source"]][c["start"] : c["end"]] == c["sentence"] for c in cites)


def test_json_keeps_non_latin_text_readable():
    out = render_json(sample_brief())
    assert "تحریم‌های جدید" in out and "\\u" not in out
    assert out.endswith("\n")


def test_layout_is_one_item_per_line_and_parses_to_brief_dict():
    brief = sample_brief()
    out = render_json(brief)
    expected = brief_dict(brief)
    assert json.loads(out) == expected
    lines = out.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    for section in ("sources", "actors", "positions"):
        start = lines.index(f'  "{section}": [')
        for n, item in enumerate(expected[section]):
            line = lines[start + 1 + n].rstrip(",")
            assert json.loads(line) == item
