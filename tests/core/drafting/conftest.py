"""Fixtures of the drafting tests: the demo plan, a FAKE retriever over it, small synthetic plans.

The retriever uses `fakes.HashingEmbedder`, the FAKE embedder (hashed French stems),
never a real model; the demo plan is the fictional corpus of `corpus/demo` (see GAPS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from drafting_fakes import AS_OF, fake_retriever

from assistant.drafting import DraftingContext, build_context
from assistant.parsing import parse_file
from assistant.schema import Action, Plan
from assistant.settings import Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


@pytest.fixture(scope="session")
def demo_plan() -> Plan:
    return parse_file(DEMO / "plan-action.md", Settings())


@pytest.fixture(scope="session")
def demo_context(demo_plan: Plan) -> DraftingContext:
    return build_context([demo_plan], fake_retriever([demo_plan]), AS_OF)


@pytest.fixture
def demo_action(demo_plan: Plan) -> Callable[[str], Action]:
    """The demo action whose text starts with the given words."""

    def find(start: str) -> Action:
        matches = [a for a in demo_plan.actions if a.text.startswith(start)]
        assert len(matches) == 1, f"{len(matches)} demo actions start with {start!r}"
        return matches[0]

    return find


@pytest.fixture
def context_for() -> Callable[..., DraftingContext]:
    """build_context over plans with a FAKE retriever (as_of: 15 November 2026)."""

    def build(*plans: Plan, as_of: date = AS_OF) -> DraftingContext:
        return build_context(list(plans), fake_retriever(list(plans)), as_of)

    return build
