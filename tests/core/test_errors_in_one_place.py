"""Every error the core raises on purpose is defined in `assistant/errors.py` (issue 17).

Read from the source (no import): a class anywhere else in `assistant/` that derives from
an error of `assistant.errors` is a second place for errors, and fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import assistant
from assistant import errors

CORE = Path(assistant.__file__).parent


def _error_names() -> set[str]:
    return {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.PlanAssistantError)
    }


def _base_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.add(base.id)
        elif isinstance(base, ast.Attribute):
            names.add(base.attr)
    return names


def test_the_error_module_knows_the_errors_of_store_reports_chat_and_services() -> None:
    names = _error_names()
    for moved in (
        "ReviewError",
        "UnknownJobError",
        "UnknownKeyError",
        "UnknownLinkError",
        "NoPlanError",
        "UnknownReportFormatError",
        "PdfConverterMissingError",
        "IndexingPostponedError",
        "WorkspaceChangingError",
    ):
        assert moved in names


def test_no_error_class_is_defined_outside_the_error_module() -> None:
    names = _error_names()
    elsewhere = []
    for path in sorted(CORE.rglob("*.py")):
        if path == CORE / "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and _base_names(node) & names:
                elsewhere.append(f"{path.relative_to(CORE)}:{node.lineno} {node.name}")
    assert elsewhere == []
