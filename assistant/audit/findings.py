"""The audit's gaps as findings: how they are grouped, counted and related to a criterion.

A *lacune* is one gap (one recommendation unanswered, one action without an owner); a
*constat* is one entry of the list a director reads, where several actions caught by the
same rule are grouped (« Action sans responsable (3 actions) » is 1 constat, 3 lacunes).
The printed report (`assistant.reports.view`) and the conversation (`assistant.chat`) both
group and count with this module, so that « 28 lacunes, dont 3 critiques (regroupées en
16 constats) » reads the same in the report and in the chat.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from assistant.audit import duplicates, fields, owners, swot, timing
from assistant.audit.coverage_rules import (
    RECOMMENDATION_ONLY_STALLED,
    RECOMMENDATION_PARTIAL,
    RECOMMENDATION_UNCOVERED,
)
from assistant.audit.reference_rules import REFERENCE_NOT_IN_REPORT
from assistant.audit.rules import GROUPED_WORDING, get_rule
from assistant.french.plurals import plural
from assistant.schema import Gap, Severity, TargetKind

#: Most severe first: the order of the report's gap list and of the chat's answers.
SEVERITY_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)

#: The field of an action each action rule is about: « les lacunes sur les indicateurs ».
RULE_FIELD: dict[str, str] = {
    fields.ACTION_WITHOUT_OWNER: "owner",
    owners.VAGUE_OWNER: "owner",
    owners.OWNER_IS_A_PERSON: "owner",
    fields.ACTION_WITHOUT_INDICATOR: "indicator",
    fields.VAGUE_INDICATOR: "indicator",
    fields.ACTION_WITHOUT_DEADLINE: "deadline",
    timing.STALE_DEADLINE: "deadline",
    timing.PAST_DEADLINE_WRITTEN_AS_FUTURE: "deadline",
    timing.STATUS_CONTRADICTS_DATES: "deadline",
    timing.DEADLINE_NOT_A_DATE: "deadline",
    fields.ACTION_WITHOUT_STATUS: "status",
    duplicates.DUPLICATE_ACTION: "duplicate",
}

#: What the rules that are not action rules find, named as a list of kinds names them.
_KIND_LABEL: dict[str, str] = {
    RECOMMENDATION_UNCOVERED: "Recommandation à laquelle aucune action ne répond",
    RECOMMENDATION_PARTIAL: "Recommandation couverte en partie",
    RECOMMENDATION_ONLY_STALLED: "Recommandation dont les seules actions sont reportées ou abandonnées",
    swot.SWOT_WITHOUT_ACTION: "Faiblesse ou menace de l'analyse SWOT sans action",
    REFERENCE_NOT_IN_REPORT: "Référence du plan introuvable dans le rapport des experts",
}
_EXAMPLES = re.compile(r"\s*\([^)]*\)")


def kind_label(kind: str) -> str:
    """What a rule finds, in a few words without examples: « Action sans responsable »."""
    if kind in _KIND_LABEL:
        return _KIND_LABEL[kind]
    try:
        summary = get_rule(kind).summary
    except KeyError:  # a rule of a newer audit: its name is all there is
        return kind
    plain = _EXAMPLES.sub("", summary).replace("« ", "").replace(" »", "")
    return plain.rstrip(". ")


@dataclass(frozen=True)
class Finding:
    """One entry of the gap list: one gap, or the gaps of several actions caught by one rule."""

    severity: Severity
    kind: str
    gaps: tuple[Gap, ...]

    @property
    def grouped(self) -> bool:
        return len(self.gaps) > 1

    @property
    def title(self) -> str:
        """« Action sans responsable (3 actions) », for a grouped finding."""
        return f"{get_rule(self.kind).summary.rstrip('.')} ({len(self.gaps)} actions)"


def group_findings(gaps: Sequence[Gap]) -> list[Finding]:
    """The findings of these gaps, most severe first, each severity in the audit's order.

    Several actions caught by one rule of `GROUPED_WORDING` make ONE finding, placed where
    the first of them was; every other gap is a finding of its own.
    """
    findings: list[Finding] = []
    for severity in SEVERITY_ORDER:
        of_severity = [gap for gap in gaps if gap.severity is severity]
        by_rule: dict[str, list[Gap]] = {}
        for gap in of_severity:
            if gap.target_kind is TargetKind.ACTION and gap.kind in GROUPED_WORDING:
                by_rule.setdefault(gap.kind, []).append(gap)
        done: set[str] = set()
        for gap in of_severity:
            members = by_rule.get(gap.kind, [])
            if len(members) > 1:
                if gap.kind not in done:
                    done.add(gap.kind)
                    findings.append(Finding(severity, gap.kind, tuple(members)))
                continue
            findings.append(Finding(severity, gap.kind, (gap,)))
    return findings


def gap_tally(gaps: Sequence[Gap], findings: int) -> str:
    """« 28 lacunes, dont 3 critiques (regroupées en 16 constats) »; « 4 lacunes, aucune
    critique »; « 0 lacune ».

    Args:
        gaps: every gap of the audit.
        findings: how many entries the report's gap list prints (grouped gaps count once).
    """
    text = plural(len(gaps), "lacune")
    if gaps:
        text += ", " + critical_clause(sum(gap.severity is Severity.CRITICAL for gap in gaps))
    if findings != len(gaps):
        text += f" (regroupées en {plural(findings, 'constat')})"
    return text


def critical_clause(critical: int) -> str:
    """« dont 3 critiques », « dont 1 critique », « aucune critique » (never « dont 0 »)."""
    return f"dont {plural(critical, 'critique')}" if critical else "aucune critique"


def related_gaps(
    gaps: Iterable[Gap], recommendation_ids: Collection[str], action_ids: Collection[str]
) -> list[Gap]:
    """The gaps about these recommendations or these actions: what a criterion's row counts
    (its recommendations and the actions linked to them), or one recommendation's."""
    return [
        gap
        for gap in gaps
        if (gap.target_kind is TargetKind.RECOMMENDATION and gap.target_id in recommendation_ids)
        or (gap.target_kind is TargetKind.ACTION and gap.target_id in action_ids)
    ]
