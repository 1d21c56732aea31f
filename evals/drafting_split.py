"""The in-sample / aside split of the drafting evaluation (`evals/drafting_split.json`).

Drafting rules are tuned on leave-one-out queries; a third of them is kept aside so that a
rule fitted to the queries it was written on shows up as a gap between the two figures.
The split was committed before any drafting rule was changed:

- the real plans (``../shared/gold`` and the demo plan): an action is aside when the SHA-1
  of « plan/action id » is 0 modulo 3 (so about a third, fixed, reproducible);
- the layout zoo's plans keep the zoo's own split (`evals/zoo/split.json`): a layout kept
  aside from extraction work is kept aside from drafting work too, which also measures
  the rules on plans none of whose actions were looked at.

Aside figures are printed in aggregate only; their misses are never listed.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Literal

from assistant.schema import Plan
from evals.gold import load_gold_plan

SPLIT_FILE = Path(__file__).with_name("drafting_split.json")
ZOO = Path(__file__).with_name("zoo")

Part = Literal["in-sample", "aside"]
PARTS: tuple[Part, ...] = ("in-sample", "aside")


@cache
def _split() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return loaded


def part_of(plan: str, action_id: str) -> Part:
    """Whether a leave-one-out query of a real plan is in-sample or aside."""
    modulo = int(str(_split()["aside_modulo"]))
    digest = hashlib.sha1(f"{plan}/{action_id}".encode()).hexdigest()
    return "aside" if int(digest, 16) % modulo == 0 else "in-sample"


def zoo_layouts(part: Part) -> list[str]:
    """The zoo layouts of one half of the zoo's split."""
    split = json.loads((ZOO / "split.json").read_text(encoding="utf-8"))
    key = "in_sample" if part == "in-sample" else "aside"
    return list(split[key])


def zoo_plans(part: Part) -> list[tuple[str, Plan]]:
    """The gold plans of one half of the zoo (its annotations, not a parse of its files)."""
    plans: list[tuple[str, Plan]] = []
    for layout in zoo_layouts(part):
        gold = ZOO / "rendered" / layout / "gold.json"
        if gold.is_file():
            plans.append((layout, load_gold_plan(gold)[1]))
    return plans
