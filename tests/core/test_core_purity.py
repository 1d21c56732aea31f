"""The core must import without FastAPI or Textual (STYLE: pure core, thin adapters)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import assistant


def _core_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(assistant.__path__, prefix="assistant.")
        if ".cli" not in info.name and not info.name.endswith("__main__")
    )


def test_core_modules_are_found() -> None:
    modules = _core_modules()
    assert "assistant.schema" in modules
    assert "assistant.extract" in modules


def test_no_core_module_imports_an_adapter_framework() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in ('fastapi', 'textual', 'starlette', 'uvicorn') if m in sys.modules)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imports adapter frameworks: {result.stdout}"
