"""Drafting quality, leave-one-out on the gold plans: ``python -m evals --only drafting``.

For every gold action WITH an owner, the owner is hidden (on that action only: the role
catalog is rebuilt without it), owners are drafted, and we check whether one of the real
owner's roles (same `role_key`) is the first proposal (top 1) or among the three (top 3).
For every action with indicators, they are hidden and two indicators are drafted; we score
the best lexical overlap with a real indicator (token F1 over French stems, best pair) and
the share of drafted indicators that are measurable (and, for reference, of the real ones).
Deadlines are hidden and drafted the same way (`evals.drafting_deadlines`). Owner and
deadline figures are reported in-sample and aside apart (`evals.drafting_split`: a third of
the real plans' actions, and the zoo's aside layouts); aside misses are never printed.

The retrieval corpus is the three gold plans plus the demo plan, embedded with the real
sentence-transformers model in an in-memory Chroma store (as `evals.mapping_eval`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assistant.audit.measurability import is_measurable
from assistant.audit.roles import role_key, split_owner
from assistant.drafting import (
    DraftingContext,
    build_context,
    draft_for_actions,
    draft_indicators,
    draft_owners,
    similar_actions,
)
from assistant.drafting.context import ActionSearcher
from assistant.drafting.owners import usable_role
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Action, Draft, Plan
from assistant.settings import Settings
from evals import drafting_deadlines
from evals.drafting_deadlines import DEADLINE_AS_OF, DeadlineFigures, deadline_table
from evals.drafting_split import PARTS, Part, part_of, zoo_plans
from evals.gold import load_gold_plan
from evals.section import RunOptions, SectionResult
from evals.shared import SharedDataMissing, locate_shared

#: The reference date of the evaluation (deadlines of drafted indicators are reckoned from it).
AS_OF = date(2026, 11, 15)
TARGETS = {"owner top-3": 0.6}


@dataclass
class OwnerFigures:
    """Leave-one-out owner scores of one plan."""

    plan: str
    actions: int = 0
    top1: int = 0
    top3: int = 0
    vague: int = 0  # real owner only vague collectives: no proposal can match
    recoverable: int = 0  # a real role is still a usable catalog role once the owner is hidden
    no_draft: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (action, real, proposed)

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.actions if self.actions else 0.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.actions if self.actions else 0.0

    @property
    def ceiling(self) -> float:
        """Share of actions whose real role can be proposed at all (carried by another action)."""
        return self.recoverable / self.actions if self.actions else 0.0


@dataclass
class IndicatorFigures:
    """Leave-one-out indicator scores of one plan."""

    plan: str
    actions: int = 0
    overlap: float = 0.0  # sum over actions of the best token F1
    baseline: float = 0.0  # the same, copying the most similar action's indicators as they are
    drafted: int = 0
    measurable: int = 0
    real: int = 0
    real_measurable: int = 0

    @property
    def mean_overlap(self) -> float:
        return self.overlap / self.actions if self.actions else 0.0

    @property
    def mean_baseline(self) -> float:
        return self.baseline / self.actions if self.actions else 0.0

    @property
    def measurable_rate(self) -> float:
        return self.measurable / self.drafted if self.drafted else 0.0

    @property
    def real_measurable_rate(self) -> float:
        return self.real_measurable / self.real if self.real else 0.0


def retriever_for(passages: Sequence[Any], embedder: Embedder) -> ActionSearcher:
    """A hybrid retriever over passages in an in-memory Chroma store (see `evals.mapping_eval`)."""
    from evals.mapping_eval import retriever_for as mapping_retriever

    return mapping_retriever(passages, embedder)


def owner_keys(owner: str | None) -> set[str]:
    """The normalised roles of an owner cell."""
    return {key for surface in split_owner(owner) if (key := role_key(surface))}


def score_owners(
    plan: Plan,
    name: str,
    context: DraftingContext,
    keep: Callable[[Action], bool] = lambda action: True,
) -> OwnerFigures:
    """Hide each owner of `plan` in turn (those `keep` selects), draft, and check the real
    roles' rank."""
    figures = OwnerFigures(name)
    for action in plan.actions:
        real = owner_keys(action.owner)
        if not real or not keep(action):
            continue
        figures.actions += 1
        hidden = action.model_copy(update={"owner": None})
        derived = context.with_action(hidden)
        drafts = draft_owners(hidden, derived)
        proposed = [role_key(d.proposal) for d in drafts]
        if not drafts:
            figures.no_draft += 1
        entries = [entry for key in real if (entry := context.roles.get(key)) is not None]
        if all(entry.vague for entry in entries):
            figures.vague += 1
        if any((e := derived.roles.get(key)) is not None and usable_role(e) for key in real):
            figures.recoverable += 1
        if proposed[:1] and proposed[0] in real:
            figures.top1 += 1
        if real & set(proposed[:3]):
            figures.top3 += 1
        else:
            figures.misses.append(
                (action.id, action.owner or "", " | ".join(d.proposal for d in drafts))
            )
    return figures


Tokenize = Callable[[str], list[str]]


def token_f1(a: str, b: str, tokenize: Tokenize) -> float:
    """F1 of the two texts' French stem sets."""
    x, y = set(tokenize(a)), set(tokenize(b))
    common = len(x & y)
    if not common:
        return 0.0
    precision, recall = common / len(x), common / len(y)
    return 2 * precision * recall / (precision + recall)


def best_overlap(drafted: Sequence[str], real: Sequence[str], tokenize: Tokenize) -> float:
    """Best token F1 over all (drafted, real) pairs."""
    return max((token_f1(d, r, tokenize) for d in drafted for r in real), default=0.0)


def score_indicators(plan: Plan, name: str, context: DraftingContext) -> IndicatorFigures:
    """Hide the indicators of each action of `plan` in turn, draft, and compare."""
    tokenize = StemTokenizer().tokenize
    figures = IndicatorFigures(name)
    for action in plan.actions:
        real = [i for i in action.indicators if i.strip()]
        if not real:
            continue
        figures.actions += 1
        figures.real += len(real)
        figures.real_measurable += sum(is_measurable(i) for i in real)
        hidden = action.model_copy(update={"indicators": []})
        derived = context.with_action(hidden)
        drafts = draft_indicators(hidden, derived)
        nearest = next(
            (n.action.indicators for n in similar_actions(hidden, derived) if n.action.indicators),
            [],
        )
        figures.baseline += best_overlap(nearest, real, tokenize)
        texts = [d.proposal for d in drafts]
        figures.drafted += len(texts)
        figures.measurable += sum(is_measurable(t) for t in texts)
        figures.overlap += best_overlap(texts, real, tokenize)
    return figures


def corpus(options: RunOptions) -> list[tuple[str, Plan]]:
    """The 3 gold plans (named by file) and the demo plan.

    Raises:
        SharedDataMissing: ../shared is absent.
    """
    from assistant.parsing import parse_file
    from evals.mapping_data import DEMO

    shared = locate_shared(options.shared)
    plans = [(path.stem, load_gold_plan(path)[1]) for path in shared.gold_files()]
    plans.append(("demo", parse_file(DEMO / "plan-action.md", Settings())))
    return plans


def evaluate(
    plans: Sequence[tuple[str, Plan]], searcher: ActionSearcher, as_of: date = AS_OF
) -> tuple[list[OwnerFigures], list[IndicatorFigures]]:
    """Leave-one-out owner and indicator scores of every plan of the corpus."""
    context = build_context([plan for _, plan in plans], searcher, as_of)
    owners = [score_owners(plan, name, context) for name, plan in plans]
    indicators = [score_indicators(plan, name, context) for name, plan in plans]
    return owners, indicators


@dataclass
class PartFigures:
    """Owner and deadline figures of one half of the split, on one corpus."""

    name: str  # « real in-sample », « zoo aside »...
    owners: OwnerFigures
    deadlines: DeadlineFigures


def _in_part(plan: str, part: Part) -> Callable[[Action], bool]:
    return lambda action: part_of(plan, action.id) == part


def split_figures(
    plans: Sequence[tuple[str, Plan]],
    searcher: ActionSearcher,
    zoo: dict[Part, tuple[list[tuple[str, Plan]], ActionSearcher]] | None = None,
) -> list[PartFigures]:
    """Owner and deadline figures of the real plans' in-sample and aside queries, then of
    the zoo's in-sample and aside plans (each zoo half is its own corpus)."""
    results: list[PartFigures] = []
    owner_context = build_context([plan for _, plan in plans], searcher, AS_OF)
    deadline_context = build_context([plan for _, plan in plans], searcher, DEADLINE_AS_OF)
    for part in PARTS:
        owners = [
            score_owners(plan, name, owner_context, _in_part(name, part)) for name, plan in plans
        ]
        dues = [
            drafting_deadlines.score_deadlines(plan, name, deadline_context, _in_part(name, part))
            for name, plan in plans
        ]
        label = f"real {part}"
        results.append(
            PartFigures(label, overall_owners(owners, label), drafting_deadlines.total(label, dues))
        )
    for part, (zoo_corpus, zoo_searcher) in (zoo or {}).items():
        owner_context = build_context([plan for _, plan in zoo_corpus], zoo_searcher, AS_OF)
        deadline_context = build_context(
            [plan for _, plan in zoo_corpus], zoo_searcher, DEADLINE_AS_OF
        )
        label = f"zoo {part}"
        owners = [score_owners(plan, name, owner_context) for name, plan in zoo_corpus]
        dues = [
            drafting_deadlines.score_deadlines(plan, name, deadline_context)
            for name, plan in zoo_corpus
        ]
        results.append(
            PartFigures(label, overall_owners(owners, label), drafting_deadlines.total(label, dues))
        )
    return results


def overall_owners(figures: Sequence[OwnerFigures], name: str = "overall") -> OwnerFigures:
    total = OwnerFigures(name)
    for f in figures:
        total.actions += f.actions
        total.top1 += f.top1
        total.top3 += f.top3
        total.vague += f.vague
        total.recoverable += f.recoverable
        total.no_draft += f.no_draft
    return total


def overall_indicators(figures: Sequence[IndicatorFigures]) -> IndicatorFigures:
    total = IndicatorFigures("overall")
    for f in figures:
        total.actions += f.actions
        total.overlap += f.overlap
        total.baseline += f.baseline
        total.drafted += f.drafted
        total.measurable += f.measurable
        total.real += f.real
        total.real_measurable += f.real_measurable
    return total


def owner_table(figures: Sequence[OwnerFigures], summed: bool = True) -> Table:
    table = Table(
        title="Owner drafts, leave-one-out (real owner's role in the proposals)",
        title_justify="left",
    )
    columns = ("plan", "actions", "top-1", "top-3", "ceiling", "no draft", "vague real owner")
    for column in columns:
        table.add_column(column)
    for f in [*figures, overall_owners(figures)] if summed else figures:
        table.add_row(
            f.plan,
            str(f.actions),
            f"{f.top1_rate:.3f}",
            f"{f.top3_rate:.3f}",
            f"{f.ceiling:.3f}",
            str(f.no_draft),
            str(f.vague),
        )
    return table


def indicator_table(figures: Sequence[IndicatorFigures]) -> Table:
    table = Table(
        title="Indicator drafts, leave-one-out (against the real indicators)", title_justify="left"
    )
    columns = (
        "plan",
        "actions",
        "best token F1",
        "baseline: copy nearest",
        "drafted measurable",
        "real measurable",
    )
    for column in columns:
        table.add_column(column)
    for f in [*figures, overall_indicators(figures)]:
        table.add_row(
            f.plan,
            str(f.actions),
            f"{f.mean_overlap:.3f}",
            f"{f.mean_baseline:.3f}",
            f"{f.measurable_rate:.3f}",
            f"{f.real_measurable_rate:.3f}",
        )
    return table


def print_examples(
    plans: Sequence[tuple[str, Plan]], searcher: ActionSearcher, console: Console, count: int = 3
) -> list[Draft]:
    """Drafts for the demo plan's gaps (an owner, then indicators), printed with their sources."""
    demo = next((plan for name, plan in plans if name == "demo"), None)
    if demo is None:
        return []
    context = build_context([plan for _, plan in plans], searcher, AS_OF)
    drafts = draft_for_actions(demo.actions, context)
    owner = next((d for d in drafts if d.field.value == "owner"), None)
    picked = ([owner] if owner else []) + [d for d in drafts if d.field.value == "indicator"][
        : count - (1 if owner else 0)
    ]
    for draft in picked:
        action = context.actions[draft.action_id]
        console.print(
            f"[bold]{draft.field.value}[/] pour « {escape(action.text[:80])} » → "
            f"[green]{escape(draft.proposal)}[/] (confiance {draft.confidence:.2f})"
        )
        console.print(f"  {escape(draft.rationale)}")
        for source in draft.sources:
            where = f" ({source.span.label()})" if source.span else ""
            console.print(escape(f"  [{source.kind}:{source.ref}] {source.label}{where}"))
    return picked


class DraftingSection:
    """Owner and indicator drafting, leave-one-out on the gold plans (+ the demo plan)."""

    name = "drafting"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        try:
            plans = corpus(options)
        except SharedDataMissing as missing:
            console.print(f"[yellow]Drafting evaluation skipped:[/] {missing}")
            return SectionResult(self.name, passed=None, skipped=str(missing))
        embedder = SentenceTransformerEmbedder(Settings().embedding)
        searcher = retriever_for(workspace_passages([plan for _, plan in plans]), embedder)
        owners, indicators = evaluate(plans, searcher)
        console.print("[bold]Exemples (plan de démonstration)[/]")
        print_examples(plans, searcher, console)
        console.print(owner_table(owners))
        console.print(indicator_table(indicators))
        zoo = {
            part: (
                zoo_corpus,
                retriever_for(workspace_passages([p for _, p in zoo_corpus]), embedder),
            )
            for part in PARTS
            if (zoo_corpus := zoo_plans(part))
        }
        parts = split_figures(plans, searcher, zoo)
        console.print(owner_table([part.owners for part in parts], summed=False))
        console.print(deadline_table([part.deadlines for part in parts]))
        total = overall_owners(owners)
        met = total.top3_rate >= TARGETS["owner top-3"]
        console.print(
            f"owner top-3: {total.top3_rate:.3f} (target ≥ {TARGETS['owner top-3']}) {'PASS' if met else 'MISS'}"
        )
        if options.details:  # in-sample misses only: aside queries are never shown
            for f in owners:
                for action_id, real, proposed in f.misses:
                    if part_of(f.plan, action_id) == "aside":
                        continue
                    console.print(
                        f"  {f.plan} {action_id}: réel « {real} » — proposé « {proposed} »"
                    )
        all_indicators = [*indicators, overall_indicators(indicators)]
        payload: dict[str, Any] = {
            "owners": {
                f.plan: {
                    "actions": f.actions,
                    "top1": f.top1_rate,
                    "top3": f.top3_rate,
                    "ceiling": f.ceiling,
                    "no_draft": f.no_draft,
                    "vague": f.vague,
                }
                for f in [*owners, total]
            },
            "indicators": {
                f.plan: {
                    "actions": f.actions,
                    "best_token_f1": f.mean_overlap,
                    "baseline_token_f1": f.mean_baseline,
                    "measurable": f.measurable_rate,
                    "real_measurable": f.real_measurable_rate,
                }
                for f in all_indicators
            },
            "split": {
                part.name: {
                    "owners": {
                        "actions": part.owners.actions,
                        "top1": part.owners.top1_rate,
                        "top3": part.owners.top3_rate,
                    },
                    "deadlines": drafting_deadlines.payload(part.deadlines),
                }
                for part in parts
            },
            "targets": {
                "owner top-3": {
                    "value": total.top3_rate,
                    "target": TARGETS["owner top-3"],
                    "met": met,
                }
            },
        }
        # Reported, not enforced (like the retrieval targets): a miss is a finding, not a crash.
        return SectionResult(self.name, passed=True, payload=payload)
