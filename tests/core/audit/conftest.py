"""Fixtures of the audit tests: a synthetic action factory and the parsed demo plan.

`A01`…`A36` number the demo plan's actions in document order, as `corpus/demo/GAPS.md` does,
so that expectations can be copied from the answer key.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from audit_helpers import AS_OF, DEMO_PLAN, MakeAction

from assistant.extract.dates import due_date
from assistant.extract.vocabulary import status_category
from assistant.ids import item_id
from assistant.parsing import parse_file
from assistant.schema import Action, Plan, Span
from assistant.settings import Settings


@pytest.fixture
def as_of() -> date:
    return AS_OF


@pytest.fixture
def make_action() -> MakeAction:
    """Build a synthetic action; `deadline` and `status` fill `due` and `status_category`."""
    counter = iter(range(1, 10_000))

    def build(text: str = "Rédiger et publier un guide du TFE", **fields: Any) -> Action:
        line = next(counter)
        fields.setdefault("owner", "Coordination qualité")
        fields.setdefault("deadline", "juin 2027")
        fields.setdefault("indicators", ["Guide publié sur Moodle"])
        fields.setdefault("status", "En cours")
        fields.setdefault("due", due_date(fields["deadline"]))
        fields.setdefault("status_category", status_category(fields["status"]))
        document = fields.pop("document_id", "doc-test")
        return Action(
            id=item_id("act", document, text, line),
            document_id=document,
            text=text,
            source=Span(file="plan.md", line_start=line, line_end=line, excerpt=text),
            **fields,
        )

    return build


@pytest.fixture(scope="session")
def demo_plan() -> Plan:
    return parse_file(DEMO_PLAN, Settings())


@pytest.fixture(scope="session")
def demo_numbers(demo_plan: Plan) -> dict[str, str]:
    """Action id → 'A01'…'A36' (GAPS.md numbering)."""
    assert len(demo_plan.actions) == 36
    return {action.id: f"A{index:02d}" for index, action in enumerate(demo_plan.actions, 1)}
