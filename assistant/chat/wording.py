"""How the answers describe actions, statuses and recommendations, in one consistent French.

Every composer describes an action the same way (« « texte » — responsable ; échéance ;
état »), so that a coordinator learns to read them once, and so that the grounding check
sees the same frame words everywhere. Values that come from the plan are quoted or written
as in the plan, never paraphrased.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.audit.roles import role_key
from assistant.chat.grounding import split_sentences
from assistant.chat.knowledge import Knowledge
from assistant.chat.text import quoted
from assistant.schema import Action, Mapping, StatusCategory

_STATUS_SINGULAR = {
    StatusCategory.DONE: "réalisée",
    StatusCategory.IN_PROGRESS: "en cours",
    StatusCategory.PLANNED: "à venir ou à planifier",
    StatusCategory.POSTPONED: "reportée",
    StatusCategory.ABANDONED: "abandonnée ou plus d'actualité",
    StatusCategory.UNKNOWN: "sans état",
}
_STATUS_PLURAL = {
    StatusCategory.DONE: "réalisées",
    StatusCategory.POSTPONED: "reportées",
    StatusCategory.ABANDONED: "abandonnées ou plus d'actualité",
}
STATUS_ORDER = (
    StatusCategory.DONE,
    StatusCategory.IN_PROGRESS,
    StatusCategory.PLANNED,
    StatusCategory.POSTPONED,
    StatusCategory.ABANDONED,
    StatusCategory.UNKNOWN,
)


def status_label(category: StatusCategory, n: int = 1) -> str:
    """« réalisée » / « réalisées », « en cours »..."""
    if n == 1:
        return _STATUS_SINGULAR[category]
    return _STATUS_PLURAL.get(category, _STATUS_SINGULAR[category])


def owner_text(action: Action) -> str:
    owner = (action.owner or "").strip()
    return owner if owner else "sans responsable"


def describe_action(action: Action, *, owner: bool = True, deadline: bool = True) -> str:
    """« « texte » — responsable ; échéance : juin 2025 ; état : « En cours » »."""
    parts: list[str] = []
    if owner:
        parts.append(owner_text(action))
    if deadline:
        parts.append(
            f"échéance : {action.deadline.strip()}" if action.deadline else "sans échéance"
        )
    parts.append(f"état : {quoted(action.status, 60)}" if action.status else "état non précisé")
    return f"{quoted(action.text)} — " + " ; ".join(parts)


def recommendation_label(mapping: Mapping, *, with_text: bool = True, limit: int = 160) -> str:
    """« Critère 3, Recommandation 2 : « Harmoniser … » »."""
    if with_text and mapping.text:
        return f"{mapping.recommendation_ref} : {quoted(mapping.text, limit)}"
    return mapping.recommendation_ref


def criteria_of(knowledge: Knowledge, action: Action) -> set[str]:
    """Criteria of the recommendations an action explicitly answers."""
    found: set[str] = set()
    for rec_id in action.addresses:
        rec = knowledge.recommendations.get(rec_id)
        if rec is not None and rec.criterion:
            found.add(rec.criterion)
            continue
        mapping = knowledge.mapping_for(rec_id)
        if mapping is not None and mapping.criterion:
            found.add(mapping.criterion)
    return found


def in_criterion(
    knowledge: Knowledge, actions: Iterable[Action], criterion: str | None
) -> list[Action]:
    """The actions answering a recommendation of `criterion` (all of them when None)."""
    if criterion is None:
        return list(actions)
    return [a for a in actions if criterion in criteria_of(knowledge, a)]


def of_owner(knowledge: Knowledge, actions: Iterable[Action], owner: str | None) -> list[Action]:
    """The actions one role carries (all of them when None)."""
    if owner is None:
        return list(actions)
    # the label as the plan writes it, or any spelling of the same role (« coordination qualité »)
    keys = {e.key for e in knowledge.roles.entries if e.label == owner} | {role_key(owner)}
    if owner.isupper() and " " not in owner:  # an acronym (« CERSO »): every role holding it
        keys |= {e.key for e in knowledge.roles.entries if role_key(owner) in e.key.split()}
    return [a for a in actions if any(e.key in keys for e in knowledge.roles.roles_of(a.owner))]


def scope_words(criterion: str | None, owner: str | None, n: int = 2) -> str:
    """« liées au critère 3 », « portée par Coordination qualité », « » — to qualify a count
    of `n` actions (the participle agrees)."""
    ending = "e" if n <= 1 else "es"  # « aucune action liée », « 2 actions liées »
    parts = []
    if criterion:
        parts.append(f"lié{ending} au {criterion.lower()}")
    if owner:
        parts.append(f"porté{ending} par {owner}")
    return (" " + " et ".join(parts)) if parts else ""


def action_bullets(actions: Sequence[Action], **options: bool) -> list[tuple[str, list[str]]]:
    return [(describe_action(a, **options), [a.id]) for a in actions]


def first_sentence(message: str) -> str:
    """The finding of an audit message, without its advice (« Ajoutez... »)."""
    sentences = split_sentences(message)
    return (sentences[0] if sentences else message).rstrip(" .")
