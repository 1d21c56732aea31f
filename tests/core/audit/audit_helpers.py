"""Helpers shared by the audit tests (a unique module name, importable from any test)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from assistant.parsing import parse_file
from assistant.schema import Action, Plan
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
DEMO_PLAN = ROOT / "corpus" / "demo" / "plan-action.md"
#: The reference date of the audit tests (the demo plan was updated in November 2026).
AS_OF = date(2026, 11, 23)

#: make_action(text, **fields) -> Action (see conftest.py).
MakeAction = Callable[..., Action]


def seed_plan(shared: Path, stem: str) -> Plan:
    """One real plan of ../shared/seeds, parsed."""
    return parse_file(shared / "seeds" / f"{stem}.txt", Settings())
