"""The structured queries of the default mode, offered to an LLM as tools.

An LLM must not read the plan and improvise: it calls the same queries the default mode
answers with (uncovered recommendations, actions without owner, late actions...), and gets
back their composed, cited answer. Each tool's result is wrapped in data delimiters
(``<donnees>…</donnees>``, prompt `chat_tool_result`), because it quotes the documents and
a document may contain text written to look like an instruction: inside the delimiters it
is data, and the system prompt says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from assistant.chat.reply import Reply
from assistant.chat.text import normalize_question
from assistant.prompts import load_prompt
from assistant.schema.chat import Entities, Focus, Intent, MissingField, Question

Composer = Callable[[Question, Focus], Reply]

_OPEN, _CLOSE = "<donnees", "</donnees>"


class CriterionArgs(BaseModel):
    critere: str | None = Field(
        default=None, description="Numéro du critère ('3'), ou rien pour tous."
    )


class DueArgs(CriterionArgs):
    periode: str | None = Field(
        default=None,
        description="Période des échéances (« 2027 », « avant juin », « premier semestre "
        "2026 »), ou rien pour la prochaine échéance.",
    )


class UncoveredArgs(CriterionArgs):
    partielles: bool = Field(
        default=False, description="Vrai : les recommandations couvertes seulement en partie."
    )


class RecommendationArgs(BaseModel):
    numero: str = Field(description="Numéro de la recommandation ('5').")
    critere: str | None = Field(default=None, description="Numéro du critère ('3'), si connu.")
    page: str | None = Field(
        default=None, description="Page du rapport ('9'), pour les références « p.9 »."
    )


class MissingArgs(CriterionArgs):
    champ: Literal["responsable", "echeance", "indicateur", "etat", "recommandation"] = Field(
        description="Le champ manquant."
    )


class StatusArgs(CriterionArgs):
    etat: Literal["realise", "en_cours", "a_venir", "reporte", "abandonne"] = Field(
        description="L'état cherché."
    )


class ThemeArgs(BaseModel):
    theme: str = Field(description="Le sujet, en quelques mots ('stages', 'e-campus').")


class ActionArgs(BaseModel):
    action: str = Field(
        description="Quelques mots de l'intitulé de l'action, ou son identifiant act-…."
    )


class OwnerArgs(BaseModel):
    responsable: str = Field(
        description="La fonction, telle que le plan l'écrit ('Coordination qualité')."
    )


class SearchArgs(BaseModel):
    question: str = Field(description="La question, en français.")


class SwotArgs(BaseModel):
    elements: Literal["faiblesses", "menaces", "les_deux"] = Field(
        default="les_deux", description="Les éléments de l'analyse SWOT cherchés."
    )


class CountArgs(CriterionArgs):
    par: Literal["responsable", "critere", "etat"] | None = Field(
        default=None,
        description="Compter par responsable (qui porte le plus), par critère ou par état.",
    )
    etat: Literal["realise", "en_cours", "a_venir", "reporte", "abandonne"] | None = Field(
        default=None, description="Compter seulement les actions de cet état."
    )
    responsable: str | None = Field(
        default=None, description="Compter seulement les actions de cette fonction."
    )


class AdviceArgs(BaseModel):
    sujet: str | None = Field(
        default=None,
        description="La faiblesse, la menace ou le sujet, en quelques mots ('bibliothèque').",
    )
    numero: str | None = Field(default=None, description="Ou le numéro d'une recommandation ('5').")
    critere: str | None = Field(default=None, description="Le critère de cette recommandation.")


class GapsArgs(CriterionArgs):
    numero: str | None = Field(
        default=None, description="Le numéro d'une recommandation ('5'), pour ses lacunes."
    )
    gravite: Literal["critique", "majeure", "mineure"] | None = Field(
        default=None, description="Seulement les lacunes de cette gravité."
    )
    champ: Literal["responsable", "echeance", "indicateur", "etat"] | None = Field(
        default=None, description="Seulement les lacunes sur ce champ des actions."
    )


class NoArgs(BaseModel):
    """No argument: the question is about the whole plan."""


_FIELDS = {"responsable": MissingField.OWNER, "echeance": MissingField.DEADLINE, "indicateur": MissingField.INDICATOR, "etat": MissingField.STATUS, "recommandation": MissingField.RECOMMENDATION}  # fmt: skip
_SEVERITIES = {"critique": "critical", "majeure": "major", "mineure": "minor"}
_GROUPS = {"responsable": "owner", "critere": "criterion", "etat": "status"}
_SWOT = {"faiblesses": ["weakness"], "menaces": ["threat"], "les_deux": []}
_STATUSES = {"realise": "done", "en_cours": "in_progress", "a_venir": "planned", "reporte": "postponed", "abandonne": "abandoned"}  # fmt: skip


def _criterion(value: str | None) -> str | None:
    found = re.search(r"\d+(?:\.\d+)*", value or "")
    return f"Critère {found.group(0)}" if found else None


def _entities(name: str, args: dict[str, object]) -> Entities:
    """Tool arguments → the entities the composer of the matching intent reads."""
    text = {key: (str(value) if value is not None else None) for key, value in args.items()}
    entities = Entities(criterion=_criterion(text.get("critere")))
    if name == "recommandations_non_couvertes":
        entities.partial = bool(args.get("partielles"))
    elif name == "actions_pour_recommandation":
        entities.recommendation_number = text.get("numero")
        entities.page = text.get("page")
    elif name == "actions_sans":
        entities.field = _FIELDS.get(text.get("champ") or "", MissingField.OWNER)
    elif name == "actions_par_etat":
        entities.status = _STATUSES.get(text.get("etat") or "", "done")
    elif name in ("responsables_du_theme", "autres_etablissements"):
        entities.theme = text.get("theme")
    elif name in ("detail_action", "proposer_indicateurs"):
        entities.action_query = text.get("action")
    elif name == "actions_du_responsable":
        entities.owner_query = text.get("responsable")
    elif name == "swot_sans_action":
        entities.swot_kinds = list(_SWOT.get(text.get("elements") or "", []))  # type: ignore[arg-type]
    elif name == "responsables_possibles":
        entities.action_query = text.get("action")
    elif name == "etat_du_sujet":
        entities.theme = text.get("theme")
    elif name == "compter_actions":
        entities.group_by = _GROUPS.get(text.get("par") or "")  # type: ignore[assignment]
        entities.status = _STATUSES.get(text.get("etat") or "")
        entities.owner_query = text.get("responsable")
    elif name == "actions_a_echeance":
        entities.period = normalize_question(text.get("periode") or "") or None
    elif name == "lacunes_du_plan":
        entities.recommendation_number = text.get("numero")
        entities.severity = _SEVERITIES.get(text.get("gravite") or "")  # type: ignore[assignment]
        entities.field = _FIELDS.get(text.get("champ") or "")
    elif name == "pistes_d_action":
        entities.theme = text.get("sujet")
        entities.recommendation_number = text.get("numero")
    return entities


#: name → (intent, arguments, description for the model)
TOOLS: dict[str, tuple[Intent, type[BaseModel], str]] = {
    "recommandations_non_couvertes": (Intent.UNCOVERED, UncoveredArgs, "Recommandations des experts auxquelles aucune action ne répond (ou seulement en partie)."),
    "actions_pour_recommandation": (Intent.RECOMMENDATION, RecommendationArgs, "Ce que le plan prévoit pour une recommandation : son texte, sa couverture, ses actions."),
    "actions_sans": (Intent.MISSING_FIELD, MissingArgs, "Actions sans responsable, sans échéance, sans indicateur ou sans recommandation citée."),
    "actions_en_retard": (Intent.LATE, CriterionArgs, "Actions dont l'échéance est dépassée sans qu'elles soient terminées, et actions reportées."),
    "actions_par_etat": (Intent.STATUS, StatusArgs, "Actions d'un état de réalisation donné."),
    "responsables_du_theme": (Intent.THEME_OWNERS, ThemeArgs, "Qui porte les actions sur un sujet."),
    "detail_action": (Intent.ACTION_DETAILS, ActionArgs, "Responsable, échéance et état d'une action."),
    "actions_du_responsable": (Intent.OWNER_ACTIONS, OwnerArgs, "Actions portées par une fonction."),
    "proposer_indicateurs": (Intent.INDICATORS, ActionArgs, "Propositions d'indicateurs mesurables pour une action (à valider)."),
    "autres_etablissements": (Intent.OTHER_PLANS, ThemeArgs, "Comment les autres plans de l'espace de travail traitent un sujet."),
    "avancement": (Intent.PROGRESS, CriterionArgs, "Avancement d'un critère (ou du plan entier) : couverture, états, points d'attention."),
    "actions_en_double": (Intent.DUPLICATES, CriterionArgs, "Actions que l'audit signale comme doublons probables, paire par paire."),
    "swot_sans_action": (Intent.SWOT_GAPS, SwotArgs, "Faiblesses et menaces de l'analyse SWOT qu'aucune action ne traite."),
    "responsables_possibles": (Intent.OWNER_DRAFTS, ActionArgs, "Responsables proposés par l'audit pour une action (d'après les actions semblables, à valider)."),
    "etat_du_sujet": (Intent.THEME_STATUS, ThemeArgs, "Où en est un sujet : couverture des recommandations qui en parlent, ce qui manque, actions du plan."),
    "compter_actions": (Intent.COUNTS, CountArgs, "Nombre d'actions : au total, par état, par critère, par responsable (qui porte le plus)."),
    "pistes_d_action": (Intent.ADVICE, AdviceArgs, "Pistes fondées sur l'espace de travail pour une faiblesse, un sujet ou une recommandation : recommandation liée, actions existantes, propositions de l'audit, actions semblables ailleurs."),
    "actions_a_echeance": (Intent.DUE, DueArgs, "Actions dont l'échéance tombe dans une période (une année, un mois, un semestre, « avant juin »), ou la prochaine échéance des actions encore ouvertes."),
    "lacunes_du_plan": (Intent.GAPS, GapsArgs, "Les lacunes de l'audit, comptées et regroupées en constats comme le rapport d'audit : toutes, d'une gravité, d'un critère, d'une recommandation ou d'un champ des actions, les plus graves d'abord."),
    "historique_du_plan": (Intent.HISTORY, NoArgs, "Ce qui a changé depuis la version précédente du plan (si l'espace de travail en garde une)."),
    "rechercher_passages": (Intent.FREE, SearchArgs, "Passages des documents les plus proches d'une question libre."),
}  # fmt: skip


def as_data(tool: str, text: str) -> str:
    """A tool's result inside data delimiters; delimiters inside the text are neutralised."""
    safe = re.sub(
        r"</?\s*donnees", lambda m: m.group(0).replace("<", "‹"), text, flags=re.IGNORECASE
    )
    return load_prompt("chat_tool_result").format(tool=tool, data=safe)


def run_tool(name: str, args: dict[str, object], compose: Composer, focus: Focus) -> str:
    """Execute one tool call: the composed, cited answer of its query, as data."""
    if name not in TOOLS:
        return as_data(name, f"Outil inconnu : {name}. Outils disponibles : {', '.join(TOOLS)}.")
    intent, _, _ = TOOLS[name]
    question = Question(
        text=str(args.get("question") or ""), normalized="", intent=intent, confidence=1.0,
        entities=_entities(name, args),
    )  # fmt: skip
    return as_data(name, compose(question, focus).text())


def langchain_tools(compose: Composer, focus: Focus) -> list[object]:
    """The tools as LangChain `StructuredTool`s (for `bind_tools`)."""
    from langchain_core.tools import StructuredTool

    tools: list[object] = []
    for name, (_, schema, description) in TOOLS.items():

        def call(_name: str = name, **kwargs: object) -> str:
            return run_tool(_name, kwargs, compose, focus)

        tools.append(
            StructuredTool.from_function(
                func=call, name=name, description=description, args_schema=schema
            )
        )
    return tools
