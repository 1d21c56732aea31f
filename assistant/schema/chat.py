"""The vocabulary of a conversation with the assistant: questions, answers, citations, state.

These models are what an adapter (CLI, API, TUI) receives from `ConversationService`
(`assistant.chat`) and renders: the API's answers, the TUI's chat panel. Every
fact an `Answer` states is tied to a `Citation` a coordinator can open (file, lines, quote),
and the `Conversation` keeps the last focus (criterion, recommendations, actions) so that
"et pour le critère 4 ?" or "qui en est responsable ?" can be understood.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from assistant.schema.source import Span


class Intent(StrEnum):
    """What a question asks for; each intent has one composer (and one LLM tool)."""

    UNCOVERED = "uncovered_recommendations"  # « Quelles recommandations ne sont pas couvertes ? »
    RECOMMENDATION = (
        "recommendation_actions"  # « Qu'avons-nous prévu pour la reco 5 du critère 3 ? »
    )
    MISSING_FIELD = "actions_missing_field"  # « Quelles actions n'ont pas de responsable ? »
    LATE = "late_actions"  # « Qu'est-ce qui est en retard ? »
    THEME_OWNERS = "theme_owners"  # « Qui porte les actions sur les stages ? »
    ACTION_DETAILS = "action_details"  # « Qui en est responsable ? », « Où en est l'action X ? »
    OWNER_ACTIONS = "owner_actions"  # « Quelles actions porte la coordination qualité ? »
    STATUS = "actions_by_status"  # « Quelles actions sont reportées ? »
    INDICATORS = "propose_indicators"  # « Propose des indicateurs pour l'action X »
    OTHER_PLANS = "other_institutions"  # « Comment d'autres établissements ont-ils traité X ? »
    PROGRESS = "criterion_progress"  # « Résume l'avancement du critère 2 »
    DUPLICATES = "duplicate_actions"  # « Y a-t-il des doublons dans le plan ? »
    SWOT_GAPS = "swot_without_action"  # « Quelles faiblesses de la SWOT n'ont aucune action ? »
    OWNER_DRAFTS = "propose_owners"  # « Qui pourrait prendre en charge le portfolio ? »
    THEME_STATUS = "theme_status"  # « Où en est-on sur la biosécurité ? »
    COUNTS = "action_counts"  # « Qui porte le plus d'actions ? », « Combien en cours ? »
    ADVICE = "advice"  # « Que devrait-on faire pour la faiblesse sur la bibliothèque ? »
    DUE = "actions_due"  # « Quelles actions se terminent en 2027 ? », « La prochaine échéance ? »
    GAPS = "plan_gaps"  # « Quelles sont les lacunes du plan ? », « Combien de lacunes critiques ? »
    HISTORY = "plan_history"  # « Qu'est-ce qui a changé depuis la dernière version ? »
    FREE = "free_question"  # anything else: answered from retrieved passages


class MissingField(StrEnum):
    """Fields of an action an expert expects to find filled."""

    OWNER = "owner"
    DEADLINE = "deadline"
    INDICATOR = "indicator"
    STATUS = "status"
    RECOMMENDATION = "recommendation"  # the plan's reference cell: no recommendation cited


class Entities(BaseModel):
    """What the question names, as written and once resolved against the workspace."""

    criterion: str | None = Field(default=None, description="Normalised criterion ('Critère 3').")
    recommendation_number: str | None = Field(
        default=None, description="Recommendation number as asked ('5')."
    )
    page: str | None = Field(default=None, description="Page of the report cited ('9' for p.9).")
    action_query: str | None = Field(
        default=None, description="Words naming an action (« l'action sur le portfolio »)."
    )
    theme: str | None = Field(default=None, description="Subject asked about ('stages').")
    owner_query: str | None = Field(default=None, description="Owner named in the question.")
    field: MissingField | None = Field(default=None, description="Missing field asked about.")
    fields: list[MissingField] = Field(
        default_factory=list,
        description="Several missing fields asked together (« ni responsable ni échéance »).",
    )
    any_field: bool = Field(
        default=False, description="The fields are alternatives (« sans responsable ou … »)."
    )
    status: str | None = Field(
        default=None, description="Status category asked about ('postponed', 'done'...)."
    )
    status_negated: bool = Field(
        default=False, description="The status is denied (« pas terminées »): the others."
    )
    partial: bool = Field(default=False, description="Asks for partially covered recommendations.")
    priority: int | None = Field(
        default=None,
        ge=1,
        le=3,
        description="Priority of the actions asked about, from * (1) to *** (3) (« prioritaires »: 3).",
    )
    group_by: Literal["owner", "criterion", "status"] | None = Field(
        default=None, description="An aggregate asked per owner, per criterion or per status."
    )
    swot_kinds: list[Literal["weakness", "threat"]] = Field(
        default_factory=list, description="SWOT items asked about (none named: both)."
    )
    pronoun: bool = Field(
        default=False,
        description="Refers to what was just discussed (« en », « les », « cette action »).",
    )
    period: str | None = Field(
        default=None,
        description="The words naming when actions are due (« en 2027 », « avant juin »); "
        "none with « prochaine échéance ».",
    )
    severity: Literal["critical", "major", "minor"] | None = Field(
        default=None,
        description="The severity of the audit's gaps asked about (« les lacunes critiques »).",
    )
    extreme: Literal["most", "least"] | None = Field(
        default=None,
        description="A comparison asks for the most or the least (« le critère le moins couvert »).",
    )


class Question(BaseModel):
    """A question as understood by the intent recogniser."""

    text: str = Field(description="The question as typed.")
    normalized: str = Field(description="Folded text the rules read (accents, numbers in words).")
    intent: Intent = Field(description="What the question asks for.")
    confidence: float = Field(ge=0, le=1, description="How sure the recogniser is of the intent.")
    entities: Entities = Field(default_factory=Entities, description="What it names.")
    follow_up: bool = Field(
        default=False, description="Completed from the previous turn (« et pour le critère 4 ? »)."
    )


class Citation(BaseModel):
    """One cited piece of evidence: the item, where it is written, and a short quote."""

    id: str = Field(description="Id of the cited item (action, recommendation, SWOT item, gap...).")
    kind: str = Field(
        description="'action', 'recommendation', 'swot', 'gap', 'draft', 'pattern' or 'document'."
    )
    span: Span | None = Field(
        default=None,
        description="Where it is written; null for items of the indicator library (no document).",
    )
    quote: str = Field(description="A short verbatim excerpt of the cited item.")
    document: str | None = Field(default=None, description="File name of the source document.")


class Focus(BaseModel):
    """What the conversation is about after a turn, so that follow-ups can be resolved."""

    intent: Intent | None = Field(default=None, description="Intent of the last answered question.")
    entities: Entities = Field(default_factory=Entities, description="Entities of that question.")
    criterion: str | None = Field(default=None, description="Criterion last discussed.")
    recommendation_ids: list[str] = Field(
        default_factory=list, description="Recommendations last discussed."
    )
    action_ids: list[str] = Field(default_factory=list, description="Actions last discussed.")
    owner: str | None = Field(
        default=None, description="Owner the last answer was about (« ses actions en retard »)."
    )
    subject: Literal["recommendations", "actions", "criterion", "passages"] | None = Field(
        default=None, description="What the last answer listed."
    )


class Answer(BaseModel):
    """The assistant's answer: French text whose facts each cite their evidence."""

    conversation_id: str = Field(description="Conversation to pass back for follow-ups.")
    question: str = Field(description="The question as typed.")
    text: str = Field(
        description=(
            "Answer in French, markdown-light (paragraphs and '- ' bullets); each factual "
            "sentence ends with its evidence in brackets. As the HTTP API serves it, the "
            "citations' numbers: [1, 3-4] (1 = the first of `citations`), never an internal "
            "id; inside the core, the ids themselves: [act-…, rec-…]."
        )
    )
    citations: list[Citation] = Field(
        default_factory=list, description="Every cited item, in order of first citation."
    )
    intent: Intent = Field(description="What the question was understood to ask.")
    confidence: float = Field(ge=0, le=1, description="Confidence in the understanding.")
    follow_up_context: Focus = Field(
        default_factory=Focus, description="What a follow-up question will refer to."
    )
    mode: Literal["default", "llm"] = Field(
        default="default", description="'default' (rules, no LLM) or 'llm'."
    )
    grounded: bool = Field(
        default=True, description="Every factual sentence passed the grounding check."
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What the coordinator should know (sentences removed as unsupported...).",
    )


class Turn(BaseModel):
    """One question and its answer."""

    question: Question = Field(description="The question as understood.")
    answer: Answer = Field(description="The answer given.")
    asked_at: datetime = Field(
        default_factory=lambda: datetime.now(UTC), description="When it was asked (UTC)."
    )


class Conversation(BaseModel):
    """A conversation: its turns and its current focus."""

    id: str = Field(description="Conversation id.")
    turns: list[Turn] = Field(default_factory=list, description="Questions and answers, in order.")
    focus: Focus = Field(default_factory=Focus, description="What follow-ups refer to.")
