"""Where the brief's templates, styles and fonts come from.

The repository's ``templates/`` is their source; the wheel carries them as
``briefing/templates`` (a link to ``../templates`` in a checkout), so an installed package
renders from any folder. An organisation's folder (config key ``templates:``) is searched
first: a file there overrides the packaged one of the same name (``brand.html.j2`` for a
logo or a classification banner, ``brand.css`` for colours; docs/branding.md).
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Sequence
from pathlib import Path

PACKAGED = Path(__file__).resolve().parents[1] / "templates"


def template_dirs(override: Path | None = None) -> tuple[Path, ...]:
    """Folders to search, the override first."""
    if override is None:
        return (PACKAGED,)
    return (override.resolve(), PACKAGED)


# An asset embedded in the page must stay small: the brief is mailed and archived.
MAX_ASSET_BYTES = 2_000_000


def data_uri(name: str, dirs: Sequence[Path]) -> str:
    """``name`` (a logo, say) from the first folder holding it, as a ``data:`` URL, so the
    HTML stays self-contained and the PDF fetches nothing. Only plain file names under the
    folders are served: no path leaves them."""
    for folder in dirs:
        path = (folder / name).resolve()
        if not path.is_relative_to(folder.resolve()) or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) > MAX_ASSET_BYTES:
            raise ValueError(f"{path}: asset larger than {MAX_ASSET_BYTES} bytes")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    raise FileNotFoundError(f"template asset {name!r} not found in {', '.join(map(str, dirs))}")
