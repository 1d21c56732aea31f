"""The report writers are imported when a format is rendered, never by a plain import.

``ask``, the TUI's first screen and the API's read routes import `assistant.reports` for
`ReportData` and the format names only; python-docx, openpyxl and Jinja2 would cost each
fresh process more than the audit itself. Each case runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys

WRITERS = ("docx", "openpyxl", "jinja2")
_PROBE = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))))
"""


def _writers_imported_by(modules: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules), json.dumps(WRITERS)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    imported: list[str] = json.loads(done.stdout)
    return imported


def test_the_services_the_chat_and_the_report_package_import_no_writer() -> None:
    modules = ["assistant.reports", "assistant.services", "assistant.chat.service"]
    assert _writers_imported_by(modules) == []


def test_each_writer_module_still_brings_its_library() -> None:
    """The probe sees the libraries when they are imported (the test above can fail)."""
    modules = ["assistant.reports.xlsx", "assistant.reports.docx_plan", "assistant.reports.html"]
    assert _writers_imported_by(modules) == sorted(WRITERS)
