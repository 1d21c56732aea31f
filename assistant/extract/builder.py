"""Accumulates what the extractors find into a `Plan`, giving every item its stable id.

Recommendations are deduplicated by their normalised key (the same "Critère 5,
Recommandation 2" cited by 30 rows is one recommendation); actions with the same wording
in one document get distinct ids through their occurrence number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.extract.dates import due_date
from assistant.extract.references import Reference
from assistant.extract.vocabulary import status_category
from assistant.ids import item_id
from assistant.schema import (
    Action,
    DerivedField,
    Document,
    ExplicitLink,
    LinkKind,
    Plan,
    Recommendation,
    Span,
    StructureCorrections,
    StructureReport,
    SwotItem,
    SwotKind,
    TableKind,
    TableReport,
)


@dataclass
class ActionDraft:
    """An action being assembled from a table row or flattened text."""

    text: str
    source: Span
    objective: str | None = None
    axis: str | None = None
    criterion: str | None = None  # « Critère 3 » from the row's criterion column
    owner: str | None = None
    deadline: str | None = None
    indicators: list[str] = field(default_factory=list)
    status: str | None = None
    priority: int | None = None
    links: list[tuple[str, LinkKind, Span]] = field(default_factory=list)
    # The action's code in its plan (« 3 », « A1.2 »), by which other tables refer to it.
    code: str | None = None


@dataclass
class PlanBuilder:
    document: Document
    recommendations: dict[str, Recommendation] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    swot: list[SwotItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    structure: StructureReport = field(default_factory=StructureReport)
    # Which reading produced each action (plan_table, flattened_table...), for the report.
    reading: str = "plan_table"
    action_readings: list[str] = field(default_factory=list)
    # The structure-report index of the table being read (None outside tables), per action.
    current_table: int | None = None
    action_tables: list[int | None] = field(default_factory=list)
    # The coordinator's corrections of this document's tables, replayed at each import.
    corrections: StructureCorrections | None = None
    # Action codes (`action_codes.code_key`) → positions in `actions` of the actions coded so.
    action_codes: dict[str, list[int]] = field(default_factory=dict)
    _action_keys: Counter[str] = field(default_factory=Counter)
    _swot_keys: Counter[str] = field(default_factory=Counter)

    def recommendation(self, reference: Reference, source: Span, text: str | None = None) -> str:
        """Register a recommendation (or enrich a known one with its text); return its id."""
        key = reference.key
        known = self.recommendations.get(key)
        if known is not None:
            if text and not known.text:
                self.recommendations[key] = known.model_copy(update={"text": text})
            return known.id
        recommendation = Recommendation(
            id=item_id("rec", self.document.id, key),
            document_id=self.document.id,
            ref=reference.ref,
            key=key,
            criterion=reference.criterion,
            number=reference.number,
            text=text,
            page_ref=reference.page,
            source=source,
        )
        self.recommendations[key] = recommendation
        return recommendation.id

    def forget_uncited(self, ids: set[str]) -> None:
        """Drop the recommendations of `ids` that no action cites any more (a reference
        that turned out to be half of one, « Critère 4, » cut from « Recommandation 3 »)."""
        cited = {link.recommendation_id for action in self.actions for link in action.links}
        for key, recommendation in list(self.recommendations.items()):
            if recommendation.id in ids and recommendation.id not in cited:
                del self.recommendations[key]

    def add_action(self, draft: ActionDraft) -> Action:
        key = draft.text
        occurrence = self._action_keys[key]
        self._action_keys[key] += 1
        links: list[ExplicitLink] = []
        for rec_id, kind, evidence in draft.links:
            if all(link.recommendation_id != rec_id for link in links):
                links.append(ExplicitLink(recommendation_id=rec_id, kind=kind, evidence=evidence))
        action = Action(
            id=item_id("act", self.document.id, key, occurrence),
            document_id=self.document.id,
            text=draft.text,
            objective=draft.objective,
            axis=draft.axis,
            criterion=draft.criterion,
            owner=draft.owner,
            deadline=draft.deadline,
            due=due_date(draft.deadline),
            indicators=draft.indicators,
            status=draft.status,
            status_category=status_category(draft.status),
            priority=draft.priority,
            links=links,
            source=draft.source,
        )
        if draft.code is not None:
            self.action_codes.setdefault(draft.code, []).append(len(self.actions))
        self.actions.append(action)
        self.action_readings.append(self.reading)
        self.action_tables.append(self.current_table)
        return action

    def action_count(self) -> int:
        return len(self.actions)

    def table_report(self, source: Span) -> TableReport:
        """A new structure-report entry for the next table of the document."""
        report = TableReport(
            index=len(self.structure.tables) + 1, source=source, kind=TableKind.UNREAD
        )
        self.structure.tables.append(report)
        return report

    def replace_last_action(self, action: Action) -> None:
        """Store a completed version of the last action (continuation rows)."""
        self.actions[-1] = action.model_copy(
            update={
                "due": due_date(action.deadline),
                "status_category": status_category(action.status),
            }
        )

    def complete_action(self, position: int, derived: DerivedField) -> None:
        """Give the action at `position` a value read in another table, citing it there."""
        action = self.actions[position]
        value: object = derived.value
        if derived.field == "indicators":
            value = [*action.indicators, derived.value]
        self.actions[position] = action.model_copy(
            update={
                derived.field: value,
                "due": due_date(derived.value if derived.field == "deadline" else action.deadline),
                "status_category": status_category(
                    derived.value if derived.field == "status" else action.status
                ),
                "derived": [*action.derived, derived],
            }
        )

    def add_swot(self, kind: SwotKind, text: str, source: Span) -> None:
        key = f"{kind.value}:{text}"
        occurrence = self._swot_keys[key]
        self._swot_keys[key] += 1
        self.swot.append(
            SwotItem(
                id=item_id("swot", self.document.id, key, occurrence),
                document_id=self.document.id,
                kind=kind,
                text=text,
                source=source,
            )
        )

    def build(self) -> Plan:
        return Plan(
            document=self.document,
            recommendations=list(self.recommendations.values()),
            actions=self.actions,
            swot=self.swot,
            warnings=self.warnings,
            structure=self.structure,
        )
