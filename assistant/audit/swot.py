"""The SWOT check: weaknesses and threats that no action of the plan answers.

SWOT items are never cited by reference, so the link is read from content. The semantic
link score of the mapping is one witness; it misses actions that answer an item in other
words (« partent à la retraite » for « départ à la retraite »), so a second, lexical witness
is read too: the item's *head terms*, its first content words once the words that only say
what is wrong (« baisse », « manque », « départ », in `data/swot_problem_words.txt`) are
skipped. An action naming both head terms answers the item. An item is flagged only when
neither witness finds an action, so that the audit raises no alarm a reader can refute by
pointing at an action.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.audit.base import gap_id, quote
from assistant.mapping.semantic import ActionSearcher, Calibration, Tokenize, semantic_candidates
from assistant.schema import Action, Gap, Severity, SwotItem, SwotKind, TargetKind

SWOT_WITHOUT_ACTION = "swot_without_action"
PROBLEM_WORDS_FILE = Path(__file__).with_name("data") / "swot_problem_words.txt"
#: Head terms read per item: one is too loose (« enseignants »), three too strict.
HEAD_TERMS = 2


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
    action_documents = sorted({action.document_id for action in actions})
    candidates = semantic_candidates(
        item.text, searcher, tokenize, k=5, document_ids=action_documents, params=params
    )
    if candidates and candidates[0].score >= params.partial:
        return [candidates[0].action_id]
    return [action.id for action in answering_actions(item, actions, tokenize)]


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
    gaps: list[Gap] = []
    for item in items:
        if item.kind not in (SwotKind.WEAKNESS, SwotKind.THREAT):
            continue
        if witnesses(item, searcher, tokenize, params, actions):
            continue
        kind = "La faiblesse" if item.kind is SwotKind.WEAKNESS else "La menace"
        gaps.append(
            Gap(
                id=gap_id(item.id, SWOT_WITHOUT_ACTION),
                kind=SWOT_WITHOUT_ACTION,
                severity=Severity.MAJOR,
                target_id=item.id,
                target_kind=TargetKind.SWOT,
                message=(
                    f"{kind} {quote(item.text, 110)} de l'analyse SWOT n'est traitée par aucune "
                    "action. Les experts attendent un plan qui réponde aussi au SWOT : ajoutez une "
                    "action ou indiquez pourquoi elle n'est pas prioritaire."
                ),
                evidence=[item.source],
            )
        )
    return gaps
