"""A path box with completion, as in a shell: Tab completes the file or folder name.

Coordinators rarely type paths; completion (and accepting a dragged-in, quoted path)
makes the import box usable without a file dialog, which a terminal does not have.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from tui.model import SUPPORTED_SUFFIXES


def complete_path(value: str) -> str | None:
    """The value completed as far as it is unambiguous among folders and readable files.

    A folder gets a trailing separator so that the next Tab goes inside it.
    """
    if not value or value.startswith(("'", '"')):
        return None
    typed = Path(value).expanduser()
    folder, prefix = (typed, "") if value.endswith(os.sep) else (typed.parent, typed.name)
    try:
        entries = [
            entry
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix)
            and not entry.name.startswith(".")
            and (entry.is_dir() or Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES)
        ]
    except OSError:
        return None
    if not entries:
        return None
    names = [entry.name + (os.sep if entry.is_dir() else "") for entry in entries]
    common = _common_start(names)
    if len(common) <= len(prefix):
        return None
    return value + common[len(prefix) :]


def _common_start(names: list[str]) -> str:
    """The longest start shared by every name (character by character, not by path part)."""
    first, last = min(names), max(names)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


class PathSuggester(Suggester):
    """Suggests the completion of the path typed so far (shown dimmed after the cursor)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # the disk changes

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class PathInput(Input):
    """An input whose Tab accepts the suggested completion (else moves on, as usual)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Compléter", show=False),
    ]

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id, suggester=PathSuggester(), compact=True)

    def action_complete(self) -> None:
        # Input keeps its pending suggestion private; accepting it is what → does at the end.
        if self.cursor_at_end and self._suggestion:
            self.action_cursor_right()
        else:
            self.screen.focus_next()
