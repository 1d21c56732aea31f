"""The adapters' commands (``serve``, ``api-key``, ``tui``), found through their entry points.

The adapters plug into the core CLI through the ``plan_assistant.commands`` entry-point
group, so that the core never imports them. `importlib.metadata` would find them, but
importing it (with ``email``, ``zipfile`` and ``csv``) cost about a third of
``plan-assistant --help`` (issue 19). The entry points are therefore read here from the
same files `importlib.metadata` reads (``*.dist-info/entry_points.txt`` on ``sys.path``,
first distribution found wins, as there), without those imports.
"""

from __future__ import annotations

import importlib
import os
import sys
from functools import cache
from typing import Any

GROUP = "plan_assistant.commands"
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


@cache
def adapter_commands() -> dict[str, str]:
    """Command name → ``module:attribute`` of every ``plan_assistant.commands`` entry point."""
    found: dict[str, str] = {}
    seen_distributions: set[str] = set()
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:  # a zip, a missing folder
            continue
        for name in names:
            if not name.endswith(_METADATA_SUFFIXES):
                continue
            distribution = name.split("-", 1)[0].lower().replace("_", "-")
            if distribution in seen_distributions:
                continue  # an earlier path entry holds this distribution
            seen_distributions.add(distribution)
            for command, target in _group_entries(os.path.join(entry, name, "entry_points.txt")):
                found.setdefault(command, target)
    return found


def _group_entries(path: str) -> list[tuple[str, str]]:
    """The ``name = module:attribute`` lines of the group's section in one entry_points.txt."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError:
        return []
    if f"[{GROUP}]" not in text:
        return []
    entries: list[tuple[str, str]] = []
    inside = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            inside = line == f"[{GROUP}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, _, value = line.partition("=")
            entries.append((name.strip(), value.split("[", 1)[0].strip()))
    return entries


def load(target: str) -> Any:
    """The object an entry point names (``module:attribute``), importing its module.

    Raises:
        ImportError: the module (or one of its imports) is not installed.
    """
    module_name, _, attribute = target.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in filter(None, attribute.split(".")):
        found = getattr(found, part)
    return found
