"""HTML brief from the Jinja2 templates in ``templates/`` (autoescaped)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from briefing.models import Brief
from briefing.render.view import PRINT_UNCITED, brief_view

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@cache
def environment(templates: Path = TEMPLATES) -> Environment:
    # Autoescape everything, whatever the template's name: article text, titles and
    # outlets are untrusted and must reach the page as text, never as markup.
    return Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(brief: Brief, *, for_print: bool = False) -> str:
    """The brief as one self-contained HTML page (styles inline, nothing to fetch).

    ``for_print`` adds the embedded-font rules, whose paths resolve only in WeasyPrint
    against ``templates/``.
    """
    template = environment().get_template("brief.html.j2")
    return template.render(v=brief_view(brief), for_print=for_print, print_uncited=PRINT_UNCITED)
