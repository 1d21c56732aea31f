"""The registry of action rules: the audit service runs them all, tests list them.

Each rule is a pure function of (actions of one plan, as_of). Order here is the order of
the help screen; `run_action_rules` sorts the gaps most severe first, then in document order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from assistant.audit import duplicates, fields, owners, timing
from assistant.audit.base import ActionRule
from assistant.schema import Action, Gap, Severity

ACTION_RULES: tuple[ActionRule, ...] = (
    ActionRule(
        fields.ACTION_WITHOUT_OWNER,
        Severity.MAJOR,
        "Action sans responsable.",
        fields.action_without_owner,
    ),
    ActionRule(
        fields.ACTION_WITHOUT_DEADLINE,
        Severity.MAJOR,
        "Action sans échéance.",
        fields.action_without_deadline,
    ),
    ActionRule(
        fields.ACTION_WITHOUT_INDICATOR,
        Severity.MAJOR,
        "Action sans indicateur de suivi.",
        fields.action_without_indicator,
    ),
    ActionRule(
        timing.STATUS_CONTRADICTS_DATES,
        Severity.MAJOR,
        "Action « réalisée » dont l'échéance n'a pas encore commencé.",
        timing.status_contradicts_dates,
    ),
    ActionRule(
        timing.PAST_DEADLINE_WRITTEN_AS_FUTURE,
        Severity.MAJOR,
        "Action annoncée « à venir » pour une période déjà terminée.",
        timing.past_deadline_written_as_future,
    ),
    ActionRule(
        timing.STALE_DEADLINE,
        Severity.MAJOR,
        "Échéance dépassée alors que l'action est encore en cours, à venir ou sans état.",
        timing.stale_deadline,
    ),
    ActionRule(
        fields.VAGUE_INDICATOR,
        Severity.MINOR,
        "Tous les indicateurs de l'action sont vagues (rien à compter, vérifier ni dater).",
        fields.vague_indicator,
    ),
    ActionRule(
        duplicates.DUPLICATE_ACTION,
        Severity.MINOR,
        "Action qui en répète presque mot pour mot une autre du même plan.",
        duplicates.duplicate_action,
    ),
    ActionRule(
        owners.VAGUE_OWNER,
        Severity.MINOR,
        "Responsable collectif (« l'équipe », « tous les enseignants »).",
        owners.vague_owner,
    ),
    ActionRule(
        fields.ACTION_WITHOUT_STATUS,
        Severity.MINOR,
        "Action sans état de réalisation.",
        fields.action_without_status,
    ),
    ActionRule(
        timing.DEADLINE_NOT_A_DATE,
        Severity.INFO,
        "Échéance écrite qui n'est pas une date (« Tout au long du parcours »).",
        timing.deadline_not_a_date,
    ),
    ActionRule(
        owners.OWNER_IS_A_PERSON,
        Severity.INFO,
        "Responsable désigné par son nom plutôt que par sa fonction.",
        owners.owner_is_a_person,
    ),
)

#: How a report words ONE finding for several actions caught by the same rule: what they
#: share (after « N actions ») and what to do. Pair rules (duplicates) are never grouped.
GROUPED_WORDING: dict[str, tuple[str, str]] = {
    fields.ACTION_WITHOUT_OWNER: (
        "n'ont pas de responsable",
        "Désignez pour chacune un responsable (une fonction, pas une personne) ; les experts le "
        "demandent explicitement.",
    ),
    fields.ACTION_WITHOUT_DEADLINE: (
        "n'ont pas d'échéance",
        "Indiquez pour chacune quand elle doit être réalisée (un mois, un quadrimestre ou une "
        "année académique, ex. « juin 2027 » ou « 2026-2027 ») ; sans date, personne ne peut dire "
        "si elle est en retard.",
    ),
    fields.ACTION_WITHOUT_INDICATOR: (
        "n'ont pas d'indicateur de suivi",
        "Ajoutez à chacune au moins un indicateur mesurable : un nombre avec une cible, un taux "
        "avec un seuil, ou un livrable daté (ex. « Guide publié sur Moodle en juin 2027 »).",
    ),
    timing.STATUS_CONTRADICTS_DATES: (
        "sont marquées « réalisées » alors que leur échéance n'a pas encore commencé",
        "Vérifiez l'état (« En cours » ?) ou corrigez l'échéance ; les experts relèveront la "
        "contradiction.",
    ),
    timing.PAST_DEADLINE_WRITTEN_AS_FUTURE: (
        "sont annoncées « à venir » pour une période déjà terminée",
        "Mettez à jour leur état et, si elles restent à faire, leur échéance.",
    ),
    timing.STALE_DEADLINE: (
        "ont une échéance dépassée alors qu'elles sont encore en cours, à venir ou sans état",
        "Mettez l'état à jour (Réalisé, Reporté, Plus d'actualité) et, si elles continuent, "
        "fixez une nouvelle échéance réaliste.",
    ),
    fields.VAGUE_INDICATOR: (
        "n'ont que des indicateurs vagues (rien à compter, vérifier ni dater)",
        "Reformulez-les avec un nombre et une cible, un taux et un seuil, ou un livrable daté "
        "(ex. « Taux de participation ≥ 70 % en juin 2027 », « Nombre de conventions signées "
        "(cible : 10) »).",
    ),
    owners.VAGUE_OWNER: (
        "ont pour responsable un collectif (« l'équipe », « tous les enseignants »)",
        "Confiez chacune à une fonction précise : quand tout le monde en répond, personne n'en "
        "répond.",
    ),
    fields.ACTION_WITHOUT_STATUS: (
        "n'ont pas d'état de réalisation",
        "Indiquez où en est chacune (Réalisé, En cours, À venir, Reporté, Plus d'actualité).",
    ),
    timing.DEADLINE_NOT_A_DATE: (
        "ont une échéance qui n'est pas une date",
        "Précisez un mois, un quadrimestre ou une année académique.",
    ),
    owners.OWNER_IS_A_PERSON: (
        "ont un responsable désigné par son nom plutôt que par sa fonction",
        "Indiquez la fonction : le plan doit survivre aux changements de personnes.",
    ),
}

_SEVERITY_ORDER = {
    Severity.CRITICAL: 0,
    Severity.MAJOR: 1,
    Severity.MINOR: 2,
    Severity.INFO: 3,
}


def rule_names() -> list[str]:
    """Names of all action rules, in registry order."""
    return [rule.name for rule in ACTION_RULES]


def get_rule(name: str) -> ActionRule:
    """The rule with this name.

    Raises:
        KeyError: no rule has this name.
    """
    for rule in ACTION_RULES:
        if rule.name == name:
            return rule
    raise KeyError(name)


def run_action_rules(
    actions: Sequence[Action],
    as_of: date,
    rules: Iterable[ActionRule] = ACTION_RULES,
) -> list[Gap]:
    """Every gap the rules find in the actions of ONE plan, most severe first.

    Within a severity, gaps follow the actions' order in the document, then the registry.
    """
    position = {action.id: index for index, action in enumerate(actions)}
    order = {rule.name: index for index, rule in enumerate(ACTION_RULES)}
    gaps = [gap for rule in rules for gap in rule(actions, as_of)]
    return sorted(
        gaps,
        key=lambda g: (
            _SEVERITY_ORDER[g.severity],
            position.get(g.target_id, len(position)),
            order.get(g.kind, len(order)),
        ),
    )
