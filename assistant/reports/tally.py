"""How the report counts, worded once for every format.

A director compares the figures of one page with those of another: « 16 lacunes » in the
summary sentence and 28 under « Lacunes » in the criterion table read as a contradiction.
So every count says what it counts:

- a *lacune* is one gap: one recommendation unanswered, one action without an owner;
- a *constat* is one entry of the report's gap list, where several actions caught by the
  same rule are grouped (« Action sans responsable (3 actions) » is 1 constat, 3 lacunes);
- the total row counts each action and each gap once, and says by how much and why it
  differs from the sum of the criterion rows (an action answering recommendations of two
  criteria is counted in both rows; a SWOT gap belongs to no criterion).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.audit.findings import gap_tally as gap_tally  # worded once, for the chat too
from assistant.audit.weak_links import answering
from assistant.reports.french import plural
from assistant.schema import Gap, Mapping, TargetKind


@dataclass(frozen=True)
class CriterionOverlap:
    """How the criterion rows relate to the total row, for actions or for gaps."""

    total: int
    outside: int  # in no criterion row
    shared: int  # in two criterion rows or more
    extra: int  # additional counts of the shared items in the column sum

    @property
    def column_sum(self) -> int:
        """What adding the criterion rows gives (each shared item once per row)."""
        return self.total - self.outside + self.extra


def overlaps(
    mappings: Sequence[Mapping], gaps: Sequence[Gap], action_ids: Sequence[str]
) -> tuple[CriterionOverlap, CriterionOverlap]:
    """Actions and gaps: how many are in no criterion row, how many in several.

    Uses the same membership as the criterion summaries of the audit: an action belongs to
    the criteria of the recommendations it is linked to, a gap to the criteria of its
    recommendation or of its action.
    """
    rows: dict[str, tuple[set[str], set[str]]] = {}
    for mapping in mappings:
        recs, actions = rows.setdefault(mapping.criterion or "", (set(), set()))
        recs.add(mapping.recommendation_id)
        actions.update(link.action_id for link in answering(mapping))
    every_action = set(action_ids) | {a for _, actions in rows.values() for a in actions}

    def action_rows(action_id: str) -> int:
        return sum(action_id in actions for _, actions in rows.values())

    def gap_rows(gap: Gap) -> int:
        if gap.target_kind is TargetKind.RECOMMENDATION:
            return sum(gap.target_id in recs for recs, _ in rows.values())
        if gap.target_kind is TargetKind.ACTION:
            return action_rows(gap.target_id)
        return 0

    return (
        _overlap([action_rows(a) for a in every_action]),
        _overlap([gap_rows(gap) for gap in gaps]),
    )


def _overlap(row_counts: list[int]) -> CriterionOverlap:
    return CriterionOverlap(
        total=len(row_counts),
        outside=sum(n == 0 for n in row_counts),
        shared=sum(n > 1 for n in row_counts),
        extra=sum(n - 1 for n in row_counts if n > 1),
    )


def total_note(actions: CriterionOverlap, gaps: CriterionOverlap) -> str:
    """The sentence under the criterion table: why the total is not the column sum.

    « Le total compte chaque action et chaque lacune une seule fois. Actions : 36, dont 2
    liées à aucune recommandation ; 2 actions répondent à des recommandations de plusieurs
    critères et sont comptées dans chacun. … »
    """
    parts = ["Le total compte chaque action et chaque lacune une seule fois."]
    parts.append(_line("Actions", actions, "liée à aucune recommandation",
                       "liées à aucune recommandation", "action"))  # fmt: skip
    parts.append(_line("Lacunes", gaps, "hors critère (analyse SWOT, action non liée)",
                       "hors critère (analyse SWOT, actions non liées)", "lacune"))  # fmt: skip
    return " ".join(parts)


def _line(label: str, overlap: CriterionOverlap, outside_one: str, outside_many: str,
          noun: str) -> str:  # fmt: skip
    text = f"{label} : {overlap.total}"
    if overlap.outside:
        text += f", dont {overlap.outside} {outside_one if overlap.outside == 1 else outside_many}"
    if overlap.shared:
        verb = "touche" if overlap.shared == 1 else "touchent"
        counted = "comptée" if overlap.shared == 1 else "comptées"  # action, lacune: feminine
        text += (
            f" ; {plural(overlap.shared, noun)} {verb} plusieurs critères, {counted} dans chacun"
        )
    if overlap.column_sum != overlap.total:
        text += f" (somme des lignes : {overlap.column_sum})"
    return text + "."
