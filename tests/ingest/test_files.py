import json

import pytest

from briefing.errors import InputError
from briefing.ingest import load_paths


def test_seeds_load_with_metadata(seed_articles):
    assert len(seed_articles) == 5
    assert {a.language for a in seed_articles} == {"pl", "fa", "ro", "en"}
    assert all(a.published_basis in {"unknown", "inferred", "metadata"} for a in seed_articles)


def test_bom_is_removed_and_text_kept_verbatim(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffRosja i NATO.\r\nDrugi akapit.".encode())
    [art] = load_paths([tmp_path])
    assert art.text == "Rosja i NATO.\r\nDrugi akapit."


def test_other_encoding_is_decoded_with_warning(tmp_path, caplog):
    text = "Ministrul de externe a declarat că România susține sancțiunile. " * 3
    (tmp_path / "ro.txt").write_bytes(text.replace("ș", "s").replace("ț", "t").encode("cp1250"))
    [art] = load_paths([tmp_path])
    assert "Ministrul" in art.text
    assert "not UTF-8" in caplog.text


def test_bad_files_are_skipped_with_one_line_each(tmp_path, caplog):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "note.docx").write_bytes(b"PK")
    (tmp_path / "ok.md").write_text("Biden spoke with Putin on Thursday.", encoding="utf-8")
    arts = load_paths([tmp_path])
    assert [a.id for a in arts] == ["ok"]
    for name in ("empty.txt", "bin.txt", "note.docx"):
        lines = [r.getMessage() for r in caplog.records if name in r.getMessage()]
        assert len(lines) == 1 and "\n" not in lines[0]


def test_json_and_jsonl_records(tmp_path):
    rec = {"title": "T", "text": "Lavrov met Blinken.", "published": "2022-01-21", "outlet": "X"}
    (tmp_path / "one.json").write_text(json.dumps(rec), encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(
        json.dumps(rec) + "\n" + json.dumps({**rec, "text": "Second."}) + "\n", encoding="utf-8"
    )
    arts = load_paths([tmp_path])
    assert len(arts) == 3
    assert len({a.id for a in arts}) == 3
    one = next(a for a in arts if a.id == "one")
    assert one.published and one.published.isoformat() == "2022-01-21"
    assert one.published_basis == "metadata"
    assert one.text_extracted


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_paths([tmp_path / "nope"])


def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Lavrov meets Blinken</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta name="date" content="2022-01-21"></head><body><nav>Home | World</nav>'
        "<article><h1>Lavrov meets Blinken</h1>"
        "<p>Russian Foreign Minister Sergei Lavrov met Antony Blinken in Geneva on Friday.</p>"
        "<p>The two sides agreed to continue talks next week.<script>alert(1)</script></p>"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    [art] = load_paths([tmp_path])
    assert "Sergei Lavrov met Antony Blinken" in art.text
    assert "alert(1)" not in art.text and "Home | World" not in art.text
    assert art.text_extracted
    assert art.outlet == "Example News"
    assert art.published and art.published.isoformat() == "2022-01-21"
