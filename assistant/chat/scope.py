"""Which actions a question is about, shared by every composer that lists actions.

A question narrows the plan's actions by criterion and owner, and a follow-up (« et
lesquelles … ? ») to the items just listed; a question on « it » falls back on the actions
just discussed, and when there are none the answer asks which action is meant. These steps
are the same whatever the question asks of the actions (a missing field, a status, a
possible owner), so they live here once.
"""

from __future__ import annotations

from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.reply import Reply
from assistant.chat.resolve import previous_actions
from assistant.chat.wording import STATUS_ORDER, in_criterion, of_owner, status_label
from assistant.schema import Action, StatusCategory
from assistant.schema.chat import Focus, Question

#: Statuses of actions that are over: done, or abandoned.
CLOSED = (StatusCategory.DONE, StatusCategory.ABANDONED)


def asked_actions(
    knowledge: Knowledge, actions: list[Action], question: Question, focus: Focus | None = None
) -> list[Action]:
    """The actions among ``actions`` the question's criterion, owner and priority keep; with
    a focus, a follow-up keeps only the items just listed."""
    entities = question.entities
    if focus is not None and (previous := previous_actions(knowledge, question, focus)):
        wanted = {a.id for a in previous}  # a follow-up: among the items just listed
        actions = [a for a in actions if a.id in wanted]
    return of_priority(
        of_owner(
            knowledge, in_criterion(knowledge, actions, entities.criterion), entities.owner_query
        ),
        entities.priority,
    )


#: The status cues of `assistant.chat.lexicon`, in the plan's order of statuses.
STATUS_CUES = (
    ("done", StatusCategory.DONE),
    ("ongoing", StatusCategory.IN_PROGRESS),
    ("upcoming", StatusCategory.PLANNED),
    ("postponed", StatusCategory.POSTPONED),
    ("abandoned", StatusCategory.ABANDONED),
)


def in_asked_state(actions: list[Action], question: Question) -> tuple[list[Action], str]:
    """The actions in the state the question asks of them, and the words saying it.

    « non réalisées », « pas encore terminées »: the actions still open (« encore
    ouvertes »); « en cours », « reportées », « à venir » (one or several): those statuses.
    « finies », « terminées en 2027 » name the deadline itself, not a state: no state asked,
    every action, no words.
    """
    if question.entities.status_negated:
        still = [a for a in actions if a.status_category not in CLOSED]
        return still, " encore ouverte" + ("s" if len(still) > 1 else "")
    normalized = question.normalized
    cues = find_cues(normalized.split())
    named = [
        category
        for cue, category in STATUS_CUES
        if category is not StatusCategory.DONE
        and cues.has(cue)
        and (cue != "ongoing" or " en cours" in f" {normalized}")
    ]
    if not named:
        return actions, ""
    kept = [a for a in actions if a.status_category in named]
    n = max(1, len(kept))
    return kept, " " + " ou ".join(status_label(category, n) for category in named)


def of_priority(actions: list[Action], priority: int | None) -> list[Action]:
    """The actions of that priority (all of them when none is asked)."""
    return actions if priority is None else [a for a in actions if a.priority == priority]


def discussed_actions(knowledge: Knowledge, focus: Focus) -> list[Action]:
    """The actions the previous answer was about (« qui en est responsable ? »)."""
    return [knowledge.actions[i] for i in focus.action_ids if i in knowledge.actions]


def ask_which_action(opening: str, example: str) -> Reply:
    """The answer when no action can be told: ask for some words of its wording.

    Args:
        opening: the question back (« De quelle action parlez-vous ? »).
        example: a question of the same kind naming an action, to copy.
    """
    return Reply(confidence=0.4).say(
        f"{opening} Citez quelques mots de son intitulé, par exemple « {example} »", end=""
    )


def items_by_status(reply: Reply, actions: list[Action]) -> Reply:
    """One line per status, in the plan's order, counting the actions of each."""
    for category in STATUS_ORDER:
        group = [a for a in actions if a.status_category is category]
        if group:
            reply.item(f"{len(group)} {status_label(category, len(group))}", *(a.id for a in group))  # fmt: skip
    return reply
