"""HTML brief from the Jinja2 templates in ``templates/`` (autoescaped)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from briefing.models import Brief
from briefing.render.view import brief_view

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@cache
def environment(templates: Path = TEMPLATES) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief, *, for_print: bool = False) -> str:
    template = environment().get_template("brief.html.j2")
    return template.render(v=brief_view(brief), for_print=for_print)
