"""The PDF rendered in a child process while the JSON and the HTML are written, and the
cheaper print markup: same pages, errors raised as before, nothing left behind."""

from __future__ import annotations

import io
import os
import re

import pydyf
import pypdf
import pytest

from briefing.build import write_outputs
from briefing.models import Citation
from briefing.render import background
from briefing.render.html import render_html
from briefing.render.pdf import render_pdf
from briefing.render.view import brief_view, has_bidi
from tests.render.sample import sample_brief

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def forking(monkeypatch):
    """Forks whatever the machine's cores or threads, and records each child started."""
    started: list[background.BackgroundPdf | None] = []
    real = background.start_pdf

    def spy(*args, **kwargs):
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(background, "can_fork", lambda: True)
    monkeypatch.setattr(background, "start_pdf", spy)
    return started


@needs_fork
def test_pdf_from_the_child_is_the_pdf_rendered_here(forking, tmp_path):
    brief = sample_brief(new_since_last=True)
    paths = write_outputs(brief, tmp_path, ["json", "html", "pdf"])
    assert forking and forking[0] is not None  # the child rendered it
    assert [p.name for p in paths] == ["brief.json", "brief.html", "brief.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.json", "brief.pdf"]
    written = (tmp_path / "brief.pdf").read_bytes()
    assert page_texts(written) == page_texts(render_pdf(brief))
    assert oct((tmp_path / "brief.pdf").stat().st_mode & 0o777) == oct(
        (tmp_path / "brief.html").stat().st_mode & 0o777
    )


@needs_fork
def test_a_failing_child_leaves_the_error_to_the_parent(forking, tmp_path, monkeypatch):
    write_outputs(sample_brief(), tmp_path, ["json"])
    before = (tmp_path / "brief.json").read_bytes()

    def broken(*_args, **_kwargs):
        raise RuntimeError("no fonts")

    # Inherited by the child (it fails), then raised again here, as without a child.
    monkeypatch.setattr("briefing.render.pdf.render_pdf", broken)
    brief = sample_brief()
    brief.title = "Changed"
    with pytest.raises(RuntimeError, match="no fonts"):
        write_outputs(brief, tmp_path, ["json", "html", "pdf"])
    assert forking and forking[0] is not None
    assert (tmp_path / "brief.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]


@needs_fork
def test_a_failed_html_stops_the_child_and_removes_its_file(forking, tmp_path, monkeypatch):
    def broken(_brief, **_options):
        raise RuntimeError("template error")

    monkeypatch.setattr("briefing.render.html.render_html", broken)
    with pytest.raises(RuntimeError, match="template error"):
        write_outputs(sample_brief(), tmp_path, ["json", "html", "pdf"])
    child = forking[0]
    assert child is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # reaped
    assert list(tmp_path.iterdir()) == []


def test_no_fork_in_a_threaded_process(monkeypatch):
    monkeypatch.setattr("threading.active_count", lambda: 2)
    assert background.start_pdf(sample_brief(), "unused", None) is None  # type: ignore[arg-type]


def test_bidi_isolates_in_print_only_where_the_text_needs_one():
    assert has_bidi("ایران") and has_bidi("IRNA \u200f") and has_bidi("\U0001e900")
    assert not has_bidi("Jens Stoltenberg") and not has_bidi("Санкции, 2022")
    brief = sample_brief()
    view = brief_view(brief)
    screen = render_html(brief, view=view)
    printed = render_html(brief, for_print=True, view=view)
    bdi = re.compile(r"<bdi( [^>]*)?>([^<]*)</bdi>")
    assert "<bdi>NATO</bdi>" in screen and "<bdi>NATO</bdi>" not in printed
    # Every plain isolate the print keeps holds right-to-left text (a headline's keeps its
    # lang), and every right-to-left name or title of the screen keeps its isolate.
    kept = bdi.findall(printed)
    assert kept and all(has_bidi(text) or "lang=" in attrs for attrs, text in kept)
    rtl_screen = sorted(t for _a, t in bdi.findall(screen) if has_bidi(t))
    assert rtl_screen and sorted(t for _a, t in kept if has_bidi(t)) == rtl_screen


def test_page_references_kept_per_page_count():
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    refs = pdf.page_references
    assert refs == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert pdf.page_references is refs  # not rebuilt
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4 and pdf.page_references[:3] == refs


def wire_copy_brief():
    """The sample brief with a second English outlet printing one wire sentence word for
    word, cited beside the original by the same point."""
    import dataclasses

    from tests.render.sample import EN_TEXT, cite, line

    brief = sample_brief()
    wire = next(a for a in brief.sources if a.id == "wire-1")
    sentence = line(wire, 0).sentence
    copy = dataclasses.replace(
        wire, id="copy-1", outlet="Daily Copy", text="Intro line.\n" + EN_TEXT, title="Copy"
    )
    brief.sources.append(copy)
    event = brief.calendar[0]
    event.citations = [line(wire, 0), cite(copy, sentence), *event.citations[1:]]
    return brief, sentence


def test_a_sentence_printed_by_several_outlets_is_one_entry_naming_each():
    from briefing.render.view import CitationNumberer, source_info

    brief, sentence = wire_copy_brief()
    view = brief_view(brief)
    entries = [c for c in view.cited if c.citation.sentence == sentence]
    assert len(entries) == 1
    (entry,) = entries
    assert [src.id for _cit, src in entry.attributions] == ["wire-1", "copy-1"]
    texts = {a.id: a.text for a in brief.sources}
    for cit, src in entry.attributions:  # each source's own offsets, verbatim
        assert texts[src.id][cit.start : cit.end] == sentence
    assert {"wire-1", "copy-1"} <= {s.id for s in view.cited_sources}
    html = render_html(brief, view=view)
    item = html[html.index(f'<li id="c{entry.number}"') :]
    item = item[: item.index("</li>")]
    assert item.count(sentence) == 1
    assert 'href="#src-wire-1"' in item and 'href="#src-copy-1"' in item
    assert "Daily Copy" in item and "and 1 more source" in html
    # The mail numbers each citation apart, as before (its numberer does not merge).
    mail = CitationNumberer({s.id: source_info(s) for s in brief.sources})
    wire, copy = brief.sources[2], brief.sources[-1]
    assert (wire.id, copy.id) == ("wire-1", "copy-1")
    mail.marks([Citation(wire.id, 0, len(sentence), sentence), *entry.also[0][:1]], None)
    assert len(mail.cited) == 2 and not any(c.also for c in mail.cited)
