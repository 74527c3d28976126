"""Data files (knowledge base, lexicons, taxonomies), loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    """Load ``briefing/data/<name>`` (a YAML file); cached for the process."""
    ref = resources.files(__package__).joinpath(name)
    with ref.open("r", encoding="utf-8") as fh:
        # libyaml's loader when PyYAML has it: the same result, several times faster.
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
