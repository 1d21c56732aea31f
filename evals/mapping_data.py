"""Datasets for the mapping evaluation, with the written structure hidden.

* PROMSOC (shared gold): the five quoted recommendations and the 17 actions; gold links are
  the actions placed under each quote.
* Demo corpus (ours, `corpus/demo/GAPS.md`): the 16 recommendations of the expert report
  and the 36 actions of the plan; gold links are the plan's written references.
* HELHa proxy (shared gold): each local action and the objective it belongs to.

`datasets_for` gives the calibration's PROMSOC and demo (`evals.calibrate_thresholds`,
`evals.calibrate_grid`).

"Hidden" means the mapper sees recommendation texts and actions with every link removed.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from assistant.ids import fold
from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings
from evals.gold import load_gold_plan
from evals.shared import REPO_ROOT, SharedData, SharedDataMissing, locate_shared

DEMO = REPO_ROOT / "corpus" / "demo"


@dataclass
class HiddenDataset:
    """Recommendations with text, actions without links, and the gold links."""

    name: str
    plans: list[Plan]  # links removed
    gold: dict[str, set[str]]  # recommendation id -> action ids that answer it
    texts: dict[str, str] = field(default_factory=dict)  # recommendation id -> text

    @property
    def action_ids(self) -> list[str]:
        return [a.id for plan in self.plans for a in plan.actions]


def _strip_links(plan: Plan) -> Plan:
    return plan.model_copy(
        update={"actions": [a.model_copy(update={"links": []}) for a in plan.actions]}
    )


def promsoc(shared: SharedData) -> HiddenDataset:
    _, plan = load_gold_plan(shared.gold / "promsoc-chimie-biotech-plan-de-suivi.json")
    gold = {
        r.id: {a.id for a in plan.actions if r.id in a.addresses}
        for r in plan.recommendations
        if r.text
    }
    texts = {r.id: r.text for r in plan.recommendations if r.text}
    return HiddenDataset("promsoc (quoted recs)", [_strip_links(plan)], gold, texts)


def demo() -> HiddenDataset:
    settings = Settings()
    report = parse_file(DEMO / "rapport-experts.md", settings)
    plan = parse_file(DEMO / "plan-action.md", settings)
    key_of = {r.id: r.key for r in plan.recommendations}
    gold: dict[str, set[str]] = {r.id: set() for r in report.recommendations}
    rec_by_key = {r.key: r.id for r in report.recommendations}
    for action in plan.actions:
        for rec_id in action.addresses:
            if key_of[rec_id] in rec_by_key:
                gold[rec_by_key[key_of[rec_id]]].add(action.id)
    texts = {r.id: r.text or r.ref for r in report.recommendations}
    plan_without_refs = _strip_links(plan).model_copy(update={"recommendations": []})
    return HiddenDataset("demo (report → plan)", [report, plan_without_refs], gold, texts)


@dataclass
class ProxyDataset:
    """HELHa: rank the right objective (among the plan's objectives) for each local action."""

    objectives: list[str]
    queries: list[tuple[str, str]]  # (action text, its objective)


def helha_proxy(shared: SharedData) -> ProxyDataset:
    _, plan = load_gold_plan(shared.gold / "helha-assistant-social-plan-actions-2026.json")
    pairs = [
        (a.text, a.objective)
        for a in plan.actions
        if a.objective and fold(a.objective) != fold(a.text)
    ]
    objectives = sorted({objective for _, objective in pairs})
    return ProxyDataset(objectives, pairs)


def load_path(path: Path) -> Plan:
    return parse_file(path, Settings())


def datasets_for(shared: Path | None) -> list[HiddenDataset]:
    """PROMSOC (from the shared data at `shared`, default ../shared) and the demo corpus.

    Without the shared data the calibration would rest on the demo corpus alone and write
    figures that look complete: it goes on (the demo is still data) but says so loudly on
    stderr, with where it looked and how to point it elsewhere.
    """
    datasets = [demo()]
    try:
        datasets.insert(0, promsoc(locate_shared(shared)))
    except SharedDataMissing as missing:
        banner = "!" * 78
        print(
            f"{banner}\nWARNING: PROMSOC data missing — calibrating WITHOUT it (demo corpus "
            f"only); the figures written are not comparable with a full calibration.\n"
            f"{missing}\n{banner}",
            file=sys.stderr,
        )
    return datasets
