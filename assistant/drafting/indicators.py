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

from dataclasses import dataclass
from typing import Literal

from assistant.audit.base import quote
from assistant.audit.french import plain_text
from assistant.audit.indicator_patterns import IndicatorPattern
from assistant.audit.measurability import Signal, assess_indicator, is_measurable
from assistant.drafting.adapt import adapt_indicator, indicator_kind
from assistant.drafting.context import DraftingContext, Neighbour, similar_actions
from assistant.drafting.ids import draft_id
from assistant.drafting.wording import (
    ActionObject,
    DraftDue,
    action_object,
    draft_due,
    instance_of,
    platform_of,
    public_of,
)
from assistant.schema import Action, Draft, DraftField, DraftSource

IndicatorKind = Literal["output", "outcome"]
KINDS: tuple[IndicatorKind, ...] = ("output", "outcome")

#: Neighbours whose indicators are candidates (and can be cited).
NEIGHBOURS = 8
#: Score of a pattern: base, per theme hit (up to 3), per placeholder filled from the action.
PATTERN_BASE, PATTERN_HIT, PATTERN_OWN = 0.25, 0.1, 0.06
#: A neighbour's indicator scores its similarity, times this when it is from another plan.
OTHER_DOCUMENT = 0.85
#: Score of an indicator written from the action's own wording (the fallback).
WORDING_SCORE = 0.2
#: Cited actions per draft.
CITED_ACTIONS = 3

_KIND_LABEL = {"output": "de réalisation", "outcome": "de résultat"}
_WRITING_VERBS = frozenset(
    ["rédiger", "élaborer", "formaliser", "produire", "constituer", "établir", "publier", "créer", "adopter", "concevoir", "actualiser", "réviser", "diffuser", "communiquer", "réaliser", "définir", "mettre"]
)


@dataclass(frozen=True)
class Candidate:
    """One possible indicator for one kind, with what supports it."""

    kind: IndicatorKind
    text: str
    measure: str
    target: str
    score: float
    basis: str  # why, in French, for the rationale
    sources: tuple[DraftSource, ...]


def _action_source(neighbour: Neighbour, indicator: str) -> DraftSource:
    return DraftSource(
        kind="action",
        ref=neighbour.action.id,
        label=f"{quote(indicator, 90)} — indicateur de {quote(neighbour.action.text, 60)}",
        span=neighbour.action.source,
    )


def _pattern_source(pattern: IndicatorPattern) -> DraftSource:
    return DraftSource(
        kind="pattern",
        ref=pattern.id,
        label=f"Modèle « {pattern.measure} » : {pattern.rationale}",
    )


def _fill(
    pattern: IndicatorPattern, action: Action, context: DraftingContext, due: DraftDue
) -> tuple[str, int]:
    """The pattern rendered with the action's words, and how many placeholders they filled."""
    plan = context.plan_of(action)
    obj = action_object(action)
    values: dict[str, str] = {}
    own = 0
    for name in pattern.placeholders:
        default = pattern.defaults[name]
        if name == "echeance":
            values[name] = due.text
            own += due.from_deadline
            continue
        value: str | None = None
        if name == "public" and (public := public_of(action.text)):
            value = f"étudiants de {public}" if default.startswith("étudiants") else public
        elif name == "support":
            value = platform_of(plan)
        elif name == "instance":
            value = instance_of(plan)
        elif (
            name == "livrable"
            and pattern.template.startswith("{livrable}")
            and obj is not None
            and obj.verb.split()[0] in _WRITING_VERBS
        ):
            value = obj.capitalised
        if value is not None:
            values[name] = value
            own += 1
    return pattern.render(**values), own


def _with_date(text: str, due: DraftDue) -> str:
    """Append the date when the indicator has none (patterns counting « par an »)."""
    if assess_indicator(text).signal is Signal.DATE or due.text in text:
        return text
    return f"{text} d'ici {due.text}"


def _pattern_candidates(
    action: Action, context: DraftingContext, due: DraftDue, neighbours: list[Neighbour]
) -> list[Candidate]:
    subject = f"{action.text} {action.objective or ''}"
    found: list[Candidate] = []
    for pattern, hits in context.patterns.match(subject, limit=12):
        text, own = _fill(pattern, action, context, due)
        text = _with_date(text, due)
        sources = [_pattern_source(pattern)]
        sources += [
            _action_source(n, indicator)
            for n, indicator in _supporting(pattern, neighbours)[:CITED_ACTIONS]
        ]
        score = PATTERN_BASE + PATTERN_HIT * min(hits, 3) + PATTERN_OWN * own
        found.append(
            Candidate(
                kind=pattern.kind,
                text=text,
                measure=pattern.measure,
                target=pattern.default_target,
                score=round(score + 0.03 * (len(sources) - 1), 4),
                basis=f"adapté du modèle « {pattern.measure} » de la bibliothèque d'indicateurs",
                sources=tuple(sources),
            )
        )
    return found


def _supporting(
    pattern: IndicatorPattern, neighbours: list[Neighbour]
) -> list[tuple[Neighbour, str]]:
    """Similar actions measured like the pattern (same kind, a theme word in the indicator)."""
    themes = [plain_text(theme) for theme in pattern.themes]
    measure = set(plain_text(pattern.measure).split()) - {"de", "des", "du", "la", "le", "les"}
    found: list[tuple[Neighbour, str]] = []
    for neighbour in neighbours:
        for indicator in neighbour.action.indicators:
            folded = plain_text(indicator)
            if indicator_kind(indicator) != pattern.kind or not is_measurable(indicator):
                continue
            if any(theme in folded for theme in themes) or measure & set(folded.split()):
                found.append((neighbour, indicator))
                break
    return found


def _neighbour_candidates(
    action: Action,
    neighbours: list[Neighbour],
    due: DraftDue,
    obj: ActionObject | None,
    context: DraftingContext,
) -> list[Candidate]:
    found: list[Candidate] = []
    public = public_of(action.text)
    for neighbour in neighbours:
        for indicator in neighbour.action.indicators:
            verdict = assess_indicator(indicator)
            if not verdict.measurable:
                continue
            # A deliverable of another action is that action's, not ours: only measures
            # (rates, counts) travel, unless the two actions are near twins.
            if verdict.signal not in (Signal.MEASURE, Signal.QUANTITY) and neighbour.similarity < 0.75:
                continue
            adapted = adapt_indicator(indicator, obj, public, due, context.as_of)
            if adapted is None:
                continue
            score = neighbour.similarity * (1.0 if neighbour.same_document else OTHER_DOCUMENT)
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
                    sources=(_action_source(neighbour, indicator),),
                )
            )
    return found


def _wording_candidates(
    action: Action, obj: ActionObject | None, due: DraftDue, context: DraftingContext
) -> list[Candidate]:
    """Indicators written from the action alone: always available, weakest."""
    public = public_of(action.text)
    who = f"étudiants de {public}" if public else "bénéficiaires"
    if obj is not None:
        output = f"{obj.capitalised} {obj.participle} d'ici {due.text}"
        if obj.verb.split()[0] not in _WRITING_VERBS:
            output += " ; nombre de participants relevé chaque année"
        about = obj.after_de.replace("de ", "à l'égard de ", 1) if obj.after_de.startswith("de ") else f"à l'égard {obj.after_de}"
    else:
        output = f"Réalisation de l'action attestée par un document (PV, rapport) d'ici {due.text}"
        about = "à l'égard de l'action"
    outcome = f"Taux de {who} satisfaits {about} ≥ 75 % (questionnaire en {due.text})"
    return [
        Candidate("output", output, "réalisation de l'action", "réalisée", WORDING_SCORE,
                  "écrit à partir de l'action elle-même", ()),
        Candidate("outcome", outcome, f"satisfaction des {who}", "≥ 75 %", WORDING_SCORE,
                  "écrit à partir de l'action elle-même", ()),
    ]  # fmt: skip


def indicator_candidates(action: Action, context: DraftingContext) -> list[Candidate]:
    """Every candidate for both kinds, best first (deterministic order)."""
    due = draft_due(action, context.as_of)
    obj = action_object(action)
    neighbours = similar_actions(action, context)[:NEIGHBOURS]
    candidates = [
        *_pattern_candidates(action, context, due, neighbours),
        *_neighbour_candidates(action, neighbours, due, obj, context),
        *_wording_candidates(action, obj, due, context),
    ]
    candidates = [c for c in candidates if is_measurable(c.text)]
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
