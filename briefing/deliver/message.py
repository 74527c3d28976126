"""The digest e-mail: multipart/alternative (plain text, HTML with inline styles) in a
multipart/mixed with the PDF brief attached.

The mail is the "what changed" summary a reader scans on a phone; the attached PDF is the
full brief. Both text parts come from templates in ``templates/`` and cite the verbatim
source sentences the PDF cites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid, parseaddr
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from briefing.models import Brief, Citation
from briefing.render.html import TEMPLATES
from briefing.render.view import CitationNumberer, CitedSentence, source_info

TOP_ACTORS = 10
SECTION_LIMIT = 15
# Sources quoted per point in the mail; the attached PDF quotes them all.
MAX_CITES = 3
SECTIONS = ("events", "positions", "sanctions_options", "disagreements")


@dataclass
class MailView:
    """Actor names and citation numbers for the mail templates. The mail keeps its own
    small view (it does not follow the page's layout) but numbers citations and describes
    sources exactly as the page does."""

    brief: Brief
    names: dict[str, str] = field(default_factory=dict)
    _numberer: CitationNumberer | None = None

    def __post_init__(self) -> None:
        self.names = {a.id: a.name for a in self.brief.actors}
        self._numberer = CitationNumberer({s.id: source_info(s) for s in self.brief.sources})

    @property
    def cited(self) -> list[CitedSentence]:
        assert self._numberer is not None
        return self._numberer.cited

    def marks(self, citations: list[Citation]) -> list[int]:
        assert self._numberer is not None
        # The mail passes its own cut of a point's citations: number them all.
        return self._numberer.marks(citations, None).numbers

    def name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "—"
        return self.names.get(actor_id, actor_id)

    def names_of(self, actor_ids: list[str]) -> str:
        return ", ".join(self.name(a) for a in actor_ids)


@cache
def environment() -> Environment:
    # Escape the HTML template only: the text template must keep quotes and ampersands.
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def subject_for(title: str, date: dt.date) -> str:
    return f"{title} — {date.day} {date:%B %Y}"


def _context(brief: Brief, date: dt.date, pdf_name: str | None) -> dict[str, Any]:
    first = brief.new_since_last is None
    # The first digest has no "last brief": its lead section is simply what it found.
    source: dict[str, list[Any]] = (
        {
            "events": list(brief.calendar),
            "positions": list(brief.positions),
            "sanctions_options": list(brief.sanctions_options),
            "disagreements": list(brief.disagreements),
        }
        if first
        else {k: list(v) for k, v in (brief.new_since_last or {}).items()}
    )
    # A phone screen, not an archive: the rest is in the attached PDF.
    new = {k: source.get(k, [])[:SECTION_LIMIT] for k in SECTIONS}
    more = {k: max(0, len(source.get(k, [])) - SECTION_LIMIT) for k in SECTIONS}
    upcoming = [e for e in brief.calendar if e.status == "upcoming"]
    return {
        "v": MailView(brief),
        "b": brief,
        "date": date,
        "new": new,
        "more": more,
        "has_new": any(source.get(k) for k in SECTIONS),
        "first": first,
        "upcoming": upcoming[:SECTION_LIMIT],
        "more_upcoming": max(0, len(upcoming) - SECTION_LIMIT),
        "actors": brief.actors[:TOP_ACTORS],
        "pdf_name": pdf_name,
        "MAX_CITES": MAX_CITES,
    }


def render_bodies(brief: Brief, date: dt.date, pdf_name: str | None = None) -> tuple[str, str]:
    """(plain text, HTML) bodies of the digest mail."""
    env = environment()
    # A fresh view per body: both number citations in the same reading order.
    text = env.get_template("email.txt.j2").render(**_context(brief, date, pdf_name))
    html = env.get_template("email.html.j2").render(**_context(brief, date, pdf_name))
    return text, html


def build_message(
    brief: Brief,
    *,
    sender: str,
    recipients: list[str],
    date: dt.date,
    pdf: bytes | None,
    pdf_name: str,
    when: dt.datetime | None = None,
) -> EmailMessage:
    when = when or dt.datetime.now(dt.UTC).astimezone()
    text, html = render_bodies(brief, date, pdf_name if pdf is not None else None)
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject_for(brief.title, date)
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(when)
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid(idstring="briefing", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    if pdf is not None:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return msg
