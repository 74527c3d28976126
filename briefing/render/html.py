"""HTML brief from the Jinja2 templates (autoescaped): the packaged ones, under an optional
override folder (``briefing.render.assets``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from briefing.models import Brief
from briefing.render import RenderOptions
from briefing.render.assets import PACKAGED, data_uri, template_dirs
from briefing.render.view import PRINT_UNCITED, BriefView, brief_view, has_bidi

# The packaged templates (the repository's templates/), kept under this name for callers.
TEMPLATES = PACKAGED


@cache
def environment(dirs: tuple[Path, ...] = (PACKAGED,)) -> Environment:
    # Autoescape everything, whatever the template's name: article text, titles and
    # outlets are untrusted and must reach the page as text, never as markup.
    env = Environment(
        loader=FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A logo or other image of an override folder, embedded: the page fetches nothing.
    env.globals["asset"] = lambda name: data_uri(name, dirs)
    # Text that needs isolating from the English around it (``iso`` in brief.html.j2).
    env.tests["bidi_text"] = has_bidi
    return env


def preload(opts: RenderOptions | None = None, *, pdf: bool = False) -> None:
    """The brief's templates compiled (and kept by their environment), and for ``pdf``
    WeasyPrint imported: what a render would do first, done ahead (in a process that
    forks the renderer later, or while it waits for other work)."""
    from jinja2 import meta

    opts = opts or RenderOptions()
    env = environment(template_dirs(opts.templates))
    names, seen = ["brief.html.j2"], set()
    while names:
        name = names.pop()
        if name in seen:
            continue
        seen.add(name)
        env.get_template(name)
        source = env.loader.get_source(env, name)[0] if env.loader is not None else ""
        names.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n)
    if pdf:
        import briefing.render.pdf  # noqa: F401  (WeasyPrint, pydyf)


def render_html(
    brief: Brief,
    *,
    for_print: bool = False,
    opts: RenderOptions | None = None,
    view: BriefView | None = None,
) -> str:
    """The brief as one self-contained HTML page (styles inline, nothing to fetch).

    ``for_print`` adds the embedded-font rules, whose paths resolve only in WeasyPrint
    against the packaged templates. ``view``: ``brief_view(brief, opts)`` when the caller
    has it already (the HTML and the PDF of one brief show the same view).
    """
    opts = opts or RenderOptions()
    template = environment(template_dirs(opts.templates)).get_template("brief.html.j2")
    return template.render(
        v=view if view is not None else brief_view(brief, opts),
        for_print=for_print,
        print_uncited=PRINT_UNCITED,
    )
