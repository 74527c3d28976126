"""The digest e-mail: MIME structure, headers, both bodies, escaping, right-to-left quotes."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default

from briefing.deliver import build_message, subject_for
from briefing.deliver.message import render_bodies
from briefing.models import (
    Actor,
    Article,
    Brief,
    Citation,
    Disagreement,
    Event,
    Measure,
    Position,
    Side,
)

AR = "قال وزير الخارجية إن القمة ستعقد في الدوحة يوم 15 ديسمبر."
DE = "Ungarn lehnt neue Sanktionen <script>alert(1)</script> gegen Russland ab."


def sample(new: bool = True) -> Brief:
    ar = Article(id="ar1", text=AR, language="ar", url="javascript:alert(1)", title="قمة")
    de = Article(
        id="de1",
        text=DE,
        language="de",
        url="https://news.example/de1",
        title="Ungarn & Sanktionen",
        outlet="Tagesblatt",
        published=dt.date(2025, 12, 4),
    )
    c_ar = Citation("ar1", 0, len(AR), AR)
    c_de = Citation("de1", 0, len(DE), DE)
    event = Event(
        "2025-12-15",
        "Summit in Doha",
        "upcoming",
        [c_ar],
        location="Doha",
        participants=["hungary", "qatar"],
    )
    old_event = Event("2025-12-01", "Earlier meeting", "past", [c_de])
    pos = Position("hungary", "energy sanctions", "rejects new sanctions", [c_de])
    measure = Measure("oil price cap", "energy", [c_de], proposed_by=["eu"], target="russia")
    dispute = Disagreement(
        "energy sanctions",
        [Side(["eu", "qatar"], "for", [c_ar]), Side(["hungary"], "against", [c_de])],
    )
    b = Brief(
        title="Daily brief: Russia, NATO and Ukraine",
        generated_at=dt.datetime(2025, 12, 5, 6, tzinfo=dt.UTC),
        as_of=dt.date(2025, 12, 5),
        sources=[ar, de],
        actors=[
            Actor("hungary", "Hungary", "state", mentions=3),
            Actor("eu", "European Union", "organization", mentions=2),
        ],
        calendar=[old_event, event],
        positions=[pos],
        sanctions_options=[measure],
        disagreements=[],
    )
    b.new_since_last = {
        "events": [event] if new else [],
        "positions": [pos] if new else [],
        "sanctions_options": [measure] if new else [],
        "disagreements": [dispute] if new else [],
    }
    return b


def test_message_structure_headers_and_attachment():
    day = dt.date(2025, 12, 5)
    msg = build_message(
        sample(),
        sender="Briefing <briefing@example.org>",
        recipients=["a@example.org", "b@example.org"],
        date=day,
        pdf=b"%PDF-1.7 test",
        pdf_name="brief-2025-12-05.pdf",
        when=dt.datetime(2025, 12, 5, 6, 0, tzinfo=dt.UTC),
    )
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    assert parsed["Subject"] == "Daily brief: Russia, NATO and Ukraine — 5 December 2025"
    assert parsed["Subject"] == subject_for("Daily brief: Russia, NATO and Ukraine", day)
    assert parsed["Date"] == "Fri, 05 Dec 2025 06:00:00 +0000"
    assert parsed["Message-ID"].endswith("@example.org>")
    assert parsed["To"] == "a@example.org, b@example.org"
    assert parsed.get_content_type() == "multipart/mixed"
    alt, pdf = parsed.get_payload()
    assert alt.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alt.get_payload()] == ["text/plain", "text/html"]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "brief-2025-12-05.pdf"
    assert pdf.get_content() == b"%PDF-1.7 test"


def test_bodies_list_what_is_new_and_quote_sources_verbatim():
    text, html = render_bodies(sample(), dt.date(2025, 12, 5), "brief.pdf")
    new_part = text.split("NEW SINCE THE LAST BRIEF")[1].split("UPCOMING")[0]
    assert "Summit in Doha (Doha), with Hungary, qatar, upcoming [1]" in new_part
    assert "Hungary (energy sanctions)" in new_part
    assert "oil price cap [energy], proposed by European Union, against russia [2]" in new_part
    assert "  * energy sanctions\n    - European Union, qatar: for [1]\n" in new_part
    assert "<strong>European Union, qatar</strong>: for" in html
    assert "Earlier meeting" not in new_part
    # Verbatim quotes, numbered the same in both bodies.
    assert f'[1] "{AR}"' in text and f'[2] "{DE}"' in text
    assert "<script>" in text  # plain text is not HTML-escaped
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert 'href="javascript:' not in html
    assert 'href="https://news.example/de1"' in html
    assert 'dir="rtl"' in html
    assert "Ungarn &amp; Sanktionen" in html
    assert "<style" not in html and html.count('style="') > 20
    assert "attached brief.pdf" in text
    assert "2 actors, 2 events, 1 position, 1 sanctions option, 0 disagreements" in text
    assert html.startswith("<!DOCTYPE html>")


def test_first_digest_leads_with_everything_it_found():
    b = sample()
    b.new_since_last = None
    text, html = render_bodies(b, dt.date(2025, 12, 5), None)
    lead = text.split("IN THIS BRIEF")[1].split("UPCOMING")[0]
    assert "Earlier meeting" in lead and "oil price cap" in lead
    assert "New since the last brief" not in html and "In this brief" in html


def test_long_sections_are_cut_with_a_pointer_to_the_pdf():
    b = sample()
    ev = b.calendar[1]
    many = [
        Event(f"2026-01-{d:02d}", f"Meeting {d}", "upcoming", ev.citations) for d in range(1, 21)
    ]
    b.calendar = many
    b.new_since_last = {"events": many}
    text, html = render_bodies(b, dt.date(2025, 12, 5), "b.pdf")
    assert "Meeting 15" in text and "Meeting 16" not in text
    assert text.count("... and 5 more in the attached brief") == 2  # new and upcoming
    assert "… and 5 more in the attached brief." in html


def test_at_most_three_sources_per_point_in_the_mail():
    b = sample()
    pos = b.positions[0]
    de = b.sources[1]
    pos.citations = [Citation("de1", i, i + 5, de.text[i : i + 5]) for i in range(0, 30, 6)]
    text, _ = render_bodies(b, dt.date(2025, 12, 5), None)
    assert "rejects new sanctions [2][3][4]\n" in text
    assert "[6]" not in text  # the two sources left out are not quoted either


def test_nothing_new_says_so():
    text, html = render_bodies(sample(new=False), dt.date(2025, 12, 5), None)
    assert "Nothing the last brief did not already have." in text
    assert "Nothing the last brief did not already have." in html
    assert "attached" not in text
