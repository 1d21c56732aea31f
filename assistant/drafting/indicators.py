"""Indicator drafts: one output and one outcome indicator, measurable, dated, cited.

Experts ask for « des indicateurs clairs ». For an action without one (or with only
« Meilleure visibilité »), drafting proposes two, because a plan needs both: an OUTPUT
indicator says the action was done (a deliverable, a count: « Guide publié », « Nombre de
séances organisées ») and an OUTCOME indicator says it worked (a rate, a satisfaction, a
result: « Taux de réussite », « Taux d'étudiants satisfaits »).

Each proposal is the best of three kinds of candidates, all deterministic:
1. a pattern of the reviewed library whose themes the action names, filled with the
   action's own words (its public, its object, the plan's platform and council) — a
   pattern filled with the action's nouns beats one left with its defaults;
2. a measurable indicator of a similar action of the workspace, adapted (its date replaced
   by ours, a target added when it has none, completed with our public and object when it
   is bare: « Taux de participation » → « ... des étudiants de B1 aux ateliers d'écriture »);
3. failing both, an indicator written from the action itself (« Procédure ... rédigée et
   diffusée d'ici juin 2027 »; « Taux de satisfaction des bénéficiaires ... »).
Every proposal passes `is_measurable`; one that would not is dropped, never shown.
"""

from __future__ import annotations

import re

from assistant.audit.base import quote
from assistant.audit.french import word_set
from assistant.audit.measurability import Signal, assess_indicator, is_measurable
from assistant.drafting.adapt import adapt_indicator, indicator_kind
from assistant.drafting.candidates import (
    KINDS,
    WRITING_VERBS,
    Candidate,
    action_source,
    subject_stems,
)
from assistant.drafting.context import DraftingContext, Neighbour, similar_actions
from assistant.drafting.ids import draft_id
from assistant.drafting.patterns import pattern_candidates
from assistant.drafting.sense import sensible
from assistant.drafting.wording import (
    ActionObject,
    DraftDue,
    action_object,
    draft_due,
    elide,
    public_of,
)
from assistant.schema import Action, Draft, DraftField, DraftSource

#: Neighbours whose indicators are candidates (and can be cited).
NEIGHBOURS = 8
#: A neighbour's indicator scores its similarity, times (1 - RELEVANCE + RELEVANCE x the share
#: of its words the action uses), times OTHER_DOCUMENT when it is from another plan.
RELEVANCE = 0.5
OTHER_DOCUMENT = 0.85
#: Score of an indicator written from the action's own wording (the fallback), and of the
#: document itself when the action writes one (« Livret ... réalisé »): then it is the output.
WORDING_SCORE = 0.2
DOCUMENT_SCORE = 0.4

# Measure words that say how, not what (« participation », « satisfaction »).
_MEASURE_STEMS = word_set("particip present frequent satisfact reussit inscript")
_KIND_LABEL = {"output": "de réalisation", "outcome": "de résultat"}


def _neighbour_candidates(
    action: Action,
    neighbours: list[Neighbour],
    due: DraftDue,
    obj: ActionObject | None,
    context: DraftingContext,
) -> list[Candidate]:
    found: list[Candidate] = []
    public = public_of(action.text)
    mine = subject_stems(f"{action.text} {action.objective or ''}")
    for neighbour in neighbours:
        for indicator in neighbour.action.indicators:
            verdict = assess_indicator(indicator)
            if not verdict.measurable:
                continue
            # A deliverable of another action is that action's, not ours: only measures
            # (rates, counts) travel, unless the two actions are near twins.
            if (
                verdict.signal not in (Signal.MEASURE, Signal.QUANTITY)
                and neighbour.similarity < 0.75
            ):
                continue
            adapted = adapt_indicator(indicator, obj, public, due, context.as_of)
            if adapted is None:
                continue
            words = subject_stems(indicator)
            # a bare measure (« Taux de participation ») fits any action: it gets completed
            # with this action's public and object
            relevance = len(words & mine) / len(words) if words - _MEASURE_STEMS else 1.0
            if not relevance:
                # about something this action never names (« présence des représentants
                # étudiants » for « Constituer un réseau d'alumni »): another action's measure
                continue
            score = neighbour.similarity * (1 - RELEVANCE + RELEVANCE * relevance)
            score *= 1.0 if neighbour.same_document else OTHER_DOCUMENT
            found.append(
                Candidate(
                    kind=indicator_kind(indicator),
                    text=adapted.text,
                    measure=adapted.measure,
                    target=adapted.target,
                    score=round(score, 4),
                    basis=(
                        f"adapté de l'indicateur {quote(indicator, 70)} d'une action proche "
                        f"({quote(neighbour.action.text, 60)})"
                    ),
                    sources=(action_source(neighbour, indicator),),
                )
            )
    return found


_EVENT_VERBS = word_set(
    """organiser ouvrir développer proposer offrir introduire renforcer poursuivre élargir
    activer installer mettre"""
)


def _wording_candidates(
    action: Action, obj: ActionObject | None, due: DraftDue, context: DraftingContext
) -> list[Candidate]:
    """Indicators written from the action alone: always available, weakest."""
    public = public_of(action.text)
    who = f"étudiants de {public}" if public else "bénéficiaires"
    about = "de l'action"
    if obj is not None:
        output = f"{obj.capitalised} {obj.participle} d'ici {due.text}"
        if obj.verb.split()[0] in _EVENT_VERBS and not obj.about_people:
            output += " ; nombre de participants relevé chaque année"
        if obj.about_people:
            who = re.split(r"\s(?:à|au|aux|dans|sur|pour|en)\s", obj.noun, maxsplit=1)[0]
        else:
            about = obj.after_de
    else:
        output = f"Réalisation de l'action attestée par un document (PV, rapport) d'ici {due.text}"
    outcome = f"{elide('Taux de', who)} satisfaits {about} ≥ 75 % (questionnaire en {due.text})"
    itself = DraftSource(
        kind="action",
        ref=action.id,
        label=f"Formulation de l'action elle-même : {quote(action.text, 90)}",
        span=action.source,
    )
    basis = (
        "écrit à partir des mots de l'action elle-même (aucun modèle ni action proche ne convenait)"
    )
    writes = obj is not None and obj.verb.split()[0] in WRITING_VERBS and not obj.about_people
    output_basis = (
        "le document que l'action produit, nommé avec ses propres mots" if writes else basis
    )
    return [
        Candidate("output", output, "réalisation de l'action", "réalisée",
                  DOCUMENT_SCORE if writes else WORDING_SCORE, output_basis, (itself,)),
        Candidate("outcome", outcome, f"satisfaction des {who}", "≥ 75 %", WORDING_SCORE,
                  basis, (itself,)),
    ]  # fmt: skip


def indicator_candidates(action: Action, context: DraftingContext) -> list[Candidate]:
    """Every candidate for both kinds, best first (deterministic order)."""
    due = draft_due(action, context.as_of)
    obj = action_object(action)
    neighbours = similar_actions(action, context)[:NEIGHBOURS]
    candidates = [
        *pattern_candidates(action, context, due, neighbours),
        *_neighbour_candidates(action, neighbours, due, obj, context),
        *_wording_candidates(action, obj, due, context),
    ]
    candidates = [c for c in candidates if is_measurable(c.text) and sensible(c.text, obj)]
    return sorted(candidates, key=lambda c: (-c.score, c.kind, c.text))


def _rationale(candidate: Candidate, due: DraftDue) -> str:
    return (
        f"Suggestion à valider, pas un fait : indicateur {_KIND_LABEL[candidate.kind]}, "
        f"{candidate.basis}. Cible indicative ({candidate.target}) à ajuster par l'équipe ; "
        f"{due.note}."
    )


def draft_indicators(action: Action, context: DraftingContext) -> list[Draft]:
    """An output and an outcome indicator for an action, each measurable, dated and cited."""
    due = draft_due(action, context.as_of)
    candidates = indicator_candidates(action, context)
    drafts: list[Draft] = []
    for kind in KINDS:
        best = next((c for c in candidates if c.kind == kind), None)
        if best is None:
            continue
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.INDICATOR, best.text),
                action_id=action.id,
                field=DraftField.INDICATOR,
                proposal=best.text,
                indicator_kind=kind,
                measure=best.measure,
                target=best.target,
                due=due.text,
                confidence=round(min(0.95, max(0.05, best.score)), 2),
                rationale=_rationale(best, due),
                sources=list(best.sources),
            )
        )
    return drafts
