"""The SWOT check: weaknesses and threats that no action of the plan answers.

SWOT items are never cited by reference, so the link is read from content. The semantic
link score of the mapping is one witness; it misses actions that answer an item in other
words (« partent à la retraite » for « départ à la retraite »), so a second, lexical witness
is read too: the item's *head terms*, its first content words once the words that only say
what is wrong (« baisse », « manque », « départ », in `data/swot_problem_words.txt`) are
skipped. An action naming both head terms answers the item. An item is flagged only when
neither witness finds an action, so that the audit raises no alarm a reader can refute by
pointing at an action.

Measured (`python -m evals --only swot`), the check still flags items an action answers in
other words than the item's (« orthographe fragile » answered by « ateliers d'écriture »):
on the in-sample cases 10 of its 23 alarms. In 8 of those 10 the action that answers is the
closest one by content, so a flagged item names its closest action, « à vérifier », when
that action comes near enough (`CLOSEST_NAMED`): the coordinator checks one action instead
of refuting the alarm by searching the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.audit.base import gap_id, quote
from assistant.mapping.semantic import (
    ActionSearcher,
    Calibration,
    Candidate,
    Tokenize,
    score_actions,
)
from assistant.schema import Action, Gap, Severity, SwotItem, SwotKind, TargetKind

SWOT_WITHOUT_ACTION = "swot_without_action"
PROBLEM_WORDS_FILE = Path(__file__).with_name("data") / "swot_problem_words.txt"
#: Head terms read per item: one is too loose (« enseignants »), three too strict.
HEAD_TERMS = 2
#: A flagged item names its closest action when it scores at least this (link score): on the
#: in-sample SWOT cases, 9 of the 10 false alarms' closest actions reach it.
CLOSEST_NAMED = 0.3


@cache
def _problem_words() -> tuple[str, ...]:
    lines = PROBLEM_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def head_terms(text: str, tokenize: Tokenize) -> list[str]:
    """The first content stems of a SWOT item, problem words skipped ('inscript', 'bloc')."""
    skipped = {stem for word in _problem_words() for stem in tokenize(word)}
    heads: list[str] = []
    for stem in tokenize(text):
        if stem in skipped or stem.isdigit() or stem in heads:
            continue
        heads.append(stem)
        if len(heads) == HEAD_TERMS:
            break
    return heads


def answering_actions(
    item: SwotItem, actions: Sequence[Action], tokenize: Tokenize
) -> list[Action]:
    """Actions whose wording names every head term of the item."""
    heads = head_terms(item.text, tokenize)
    if len(heads) < HEAD_TERMS:
        return []
    return [action for action in actions if set(heads) <= set(tokenize(action.text))]


def witnesses(
    item: SwotItem,
    searcher: ActionSearcher,
    tokenize: Tokenize,
    params: Calibration,
    actions: Sequence[Action],
) -> list[str]:
    """The actions the check takes as answering the item: the closest one by content when
    it reaches the partial threshold, else those naming its head terms ([]: none).

    The SWOT evaluation (`evals.swot_eval`) checks that they are the right ones."""
    closest = closest_action(item, searcher, tokenize, params, actions)
    return _witnesses(item, closest, tokenize, params, actions)


def _witnesses(
    item: SwotItem,
    closest: Candidate | None,
    tokenize: Tokenize,
    params: Calibration,
    actions: Sequence[Action],
) -> list[str]:
    if closest is not None and closest.score >= max(params.candidate, params.partial):
        return [closest.action_id]
    return [action.id for action in answering_actions(item, actions, tokenize)]


def closest_action(
    item: SwotItem,
    searcher: ActionSearcher,
    tokenize: Tokenize,
    params: Calibration,
    actions: Sequence[Action],
) -> Candidate | None:
    """The action closest to the item by content (the link score), if any is ranked."""
    action_documents = sorted({action.document_id for action in actions})
    ranked = score_actions(
        item.text, searcher, tokenize, k=5, document_ids=action_documents, params=params
    )
    return max(ranked, key=lambda candidate: candidate.score, default=None)


def swot_gaps(
    items: Sequence[SwotItem],
    searcher: ActionSearcher | None,
    tokenize: Tokenize,
    params: Calibration,
    actions: Sequence[Action],
) -> list[Gap]:
    """Weaknesses and threats that no action addresses, by content or by head terms."""
    if searcher is None or not actions:
        return []
    by_id = {action.id: action for action in actions}
    gaps: list[Gap] = []
    for item in items:
        if item.kind not in (SwotKind.WEAKNESS, SwotKind.THREAT):
            continue
        closest = closest_action(item, searcher, tokenize, params, actions)
        if _witnesses(item, closest, tokenize, params, actions):
            continue
        named = by_id.get(closest.action_id) if closest and closest.score >= CLOSEST_NAMED else None
        kind = "La faiblesse" if item.kind is SwotKind.WEAKNESS else "La menace"
        check = (
            f"L'action la plus proche, {quote(named.text, 110)}, ne semble pas y répondre : "
            "à vérifier. "
            if named
            else ""
        )
        gaps.append(
            Gap(
                id=gap_id(item.id, SWOT_WITHOUT_ACTION),
                kind=SWOT_WITHOUT_ACTION,
                severity=Severity.MAJOR,
                target_id=item.id,
                target_kind=TargetKind.SWOT,
                message=(
                    f"{kind} {quote(item.text, 110)} de l'analyse SWOT n'est traitée par aucune "
                    f"action. {check}Les experts attendent un plan qui réponde aussi au SWOT : "
                    "ajoutez une action ou indiquez pourquoi elle n'est pas prioritaire."
                ),
                evidence=[item.source, *([named.source] if named else [])],
            )
        )
    return gaps
