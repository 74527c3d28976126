"""Data files (knowledge base, lexicons, taxonomies), loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    """Load ``briefing/data/<name>`` (a YAML file); cached for the process, and parsed
    only once per version of the sources (``briefing.diskcache``): unpickling is 25x
    faster than parsing, and every worker process reads most of these files."""
    from briefing.diskcache import cached

    return cached("yaml-" + name.replace("/", "-"), lambda: parse_yaml(name))


def parse_yaml(name: str) -> Any:
    ref = resources.files(__package__).joinpath(name)
    with ref.open("r", encoding="utf-8") as fh:
        # libyaml's loader when PyYAML has it: the same result, several times faster.
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
