"""The audit's work grows with the workspace, not faster (issue 19, item 5).

Synthetic workspaces (`evals.synthetic`: plans of 40 actions answering one expert report)
of growing size are audited afresh, drafts included, with the FAKE hashing embedder. What
is measured is not a wall time but the work done: every Python function call and every
call of a built-in (a set intersection, a numpy product) made inside each stage of the
audit, counted by a profiling hook. The count is the same on a loaded machine as on an
idle one, so generous bounds are enough: when the number of actions is multiplied by
four, a near-linear stage does at most about 5.5 times the work (a quadratic one, 16).

What this does not see: the work inside one built-in call. Ranking every action for a
recommendation is one vector product over all the passages (numpy, a few microseconds per
thousand passages), counted as one call.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest
from fakes import HashingEmbedder

from assistant import services
from assistant.analyses import forget_in_memory
from assistant.analyses import service as analyses
from assistant.audit import rules
from assistant.audit import service as audit
from assistant.drafting import draft_actions_for, draft_for_actions
from assistant.ingest import parse_document
from assistant.mapping.service import build_mappings
from assistant.parsing.batch import ParsedFile
from assistant.settings import Settings
from assistant.store import Workspace
from evals import synthetic

AS_OF = date(2026, 11, 15)
ACTIONS_PER_PLAN = 40
#: Work at four times the size, at most this many times the work at the size (linear: 4).
MAX_GROWTH = 5.5
#: Stages doing less than this share of the audit's work are not judged (noise).
JUDGED_SHARE = 0.01

STAGES: dict[CodeType, str] = {
    build_mappings.__code__: "mapping",
    audit.swot_gaps.__code__: "SWOT rule",
    rules.run_action_rules.__code__: "action rules",
    audit.smart_score.__code__: "SMART scores",
    draft_for_actions.__code__: "owner, indicator and deadline drafts",
    draft_actions_for.__code__: "new action drafts",
    audit.criterion_summaries.__code__: "criterion summaries",
    analyses.plan_changes.__code__: "plan changes",
}


def synthetic_workspace(root: Path, plans: int, recommendations: int) -> Workspace:
    """A workspace holding the report, the SWOT and `plans` plans, each its own document.

    Stored without the import's duplicate check: the synthetic plans share the demo's
    wordings, and the check would take them for versions of one another.
    """
    settings = Settings()
    corpus = synthetic.generate_corpus(plans, ACTIONS_PER_PLAN, recommendations)
    paths = synthetic.write_corpus(corpus, root / "corpus", ("md",))
    workspace = Workspace.open(root / "workspace", settings)
    workspace.write_parsed([ParsedFile(path, parse_document(path, settings)) for path in paths])
    return workspace


def audit_work(root: Path, plans: int, recommendations: int) -> tuple[int, Counter[str]]:
    """The number of actions, and the calls made in each stage of one computed audit."""
    workspace = synthetic_workspace(root, plans, recommendations)
    settings = workspace.settings
    embedder = HashingEmbedder()
    services.retriever_for(workspace, settings, embedder)
    # First audit: passages and queries embedded, the lexical index built (not counted).
    services.audit_workspace(workspace, settings, as_of=AS_OF, embedder=embedder)
    forget_in_memory()
    for stored in (workspace.indexes_dir / "analyses").glob("*.json"):
        stored.unlink()
    with CountingCalls() as counts:
        services.audit_workspace(workspace, settings, as_of=AS_OF, embedder=embedder)
    return len(workspace.actions()), counts


class CountingCalls:
    """Count the calls made in each stage (`STAGES`, else "other") while active."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._stack: list[tuple[FrameType, str]] = []

    def _hook(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and (stage := STAGES.get(frame.f_code)) is not None:
            self._stack.append((frame, stage))
        if event in ("call", "c_call"):
            self.counts[self._stack[-1][1] if self._stack else "other"] += 1
        elif event == "return" and self._stack and self._stack[-1][0] is frame:
            self._stack.pop()

    def __enter__(self) -> Counter[str]:
        sys.setprofile(self._hook)
        return self.counts

    def __exit__(self, *_exc: object) -> None:
        sys.setprofile(None)


def growth(small: Counter[str], large: Counter[str]) -> Iterator[tuple[str, int, int]]:
    """(stage, calls at the small size, calls at the large size) of the stages judged."""
    total = sum(large.values())
    for stage, calls in large.items():
        if calls >= JUDGED_SHARE * total:
            yield stage, small[stage], calls


def assert_near_linear(small: Counter[str], large: Counter[str], what: str) -> None:
    too_fast = [
        f"{stage}: {before} → {after} calls (×{after / max(1, before):.1f})"
        for stage, before, after in growth(small, large)
        if after > MAX_GROWTH * max(1, before)
    ]
    assert not too_fast, f"{what} ×4, work grows faster than linear: {too_fast}"
    assert sum(large.values()) <= MAX_GROWTH * sum(small.values())


@pytest.mark.slow
def test_every_audit_stage_grows_near_linearly_with_the_plans(tmp_path: Path) -> None:
    actions_small, small = audit_work(tmp_path / "small", plans=2, recommendations=100)
    actions_large, large = audit_work(tmp_path / "large", plans=8, recommendations=100)
    assert actions_large == 4 * actions_small == 4 * 2 * ACTIONS_PER_PLAN
    # every stage did work (a stage skipped would pass the bound trivially)
    assert {"mapping", "action rules", "SMART scores"} <= {
        stage for stage, calls in large.items() if calls > 1000
    }
    assert large["owner, indicator and deadline drafts"] > 1000
    assert_near_linear(small, large, "actions")


@pytest.mark.slow
def test_every_audit_stage_grows_near_linearly_with_the_recommendations(tmp_path: Path) -> None:
    # Two plans leave many recommendations uncovered: new actions are drafted for them.
    _, small = audit_work(tmp_path / "small", plans=2, recommendations=25)
    _, large = audit_work(tmp_path / "large", plans=2, recommendations=100)
    assert large["mapping"] > small["mapping"] > 1000
    assert large["new action drafts"] > small["new action drafts"] > 1000
    assert_near_linear(small, large, "recommendations")
