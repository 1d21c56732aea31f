"""Answers about the status of the actions: « lesquelles sont reportées ? », « pas terminées ? ».

A question may name several statuses (« reportées ou abandonnées »), or ask for the actions
still open; a follow-up looks among the items just listed (`assistant.chat.scope`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.reply import Reply
from assistant.chat.resolve import theme_actions
from assistant.chat.scope import CLOSED, STATUS_CUES, asked_actions, items_by_status
from assistant.chat.text import agree, count
from assistant.chat.wording import action_bullets, scope_words, status_label
from assistant.ids import fold
from assistant.schema import Action, StatusCategory
from assistant.schema.chat import Focus, Intent, Question

_STATUS_CUES = STATUS_CUES


def _asked_statuses(knowledge: Knowledge, question: Question) -> list[StatusCategory]:
    """Every status the question names (« reportées ou abandonnées »), in plan order."""
    cues = find_cues(question.normalized.split(), knowledge.vocabulary())
    asked = [
        c
        for cue, c in _STATUS_CUES
        if cues.has(cue) and (cue != "ongoing" or " en cours" in f" {question.normalized}")
    ]
    first = StatusCategory(question.entities.status or StatusCategory.DONE.value)
    return asked if first in asked else [first, *asked]


#: A status word denied: « ni en cours », « pas reportées », « non réalisées ».
_DENIAL = r"\b(?:pas|non|ni|jamais|sans)(?: (?:encore|en|toujours|du tout|été|ete))* {word}\b"


def denied_statuses(knowledge: Knowledge, normalized: str) -> set[StatusCategory]:
    """Every status the question denies (« ni réalisées ni en cours »: done and in progress)."""
    cues = find_cues(normalized.split(), knowledge.vocabulary())
    denied: set[StatusCategory] = set()
    for cue, category in _STATUS_CUES:
        for word in cues.words_of(cue):
            if re.search(_DENIAL.format(word=re.escape(word)), normalized):
                denied.add(category)
    return denied


def _still_open(
    reply: Reply, pool: list[Action], where: str, denied: Collection[StatusCategory] = ()
) -> Reply:
    """The actions not done (nor abandoned), by status: « pas terminées », « non réalisées »;
    nor in any other status the question denies (« ni réalisées ni en cours »)."""
    still = [a for a in pool if a.status_category not in (*CLOSED, *denied)]
    reply.action_ids += [a.id for a in still]
    if not still:
        return reply.say(f"Toutes les actions{where} sont réalisées ou abandonnées",
                         *(a.id for a in pool))  # fmt: skip
    n = len(still)
    reply.say(f"{count(n, 'action')}{where} {agree(n, 'reste ouverte', 'restent ouvertes')}",
              *(a.id for a in still), end=" :")  # fmt: skip
    return items_by_status(reply, still)


def _of_stars(priority: int | None) -> str:
    """« de priorité *** » when the question asks for a priority."""
    return f" de priorité {'*' * priority}" if priority else ""


def _of_priority(reply: Reply, pool: list[Action], priority: int, where: str) -> Reply:
    """« les actions prioritaires du critère 4 ? »: every action of that priority, by status."""
    stars = "*" * priority
    reply.action_ids += [a.id for a in pool]
    if not pool:
        return reply.say(f"Je ne trouve aucune action de priorité {stars}{where} dans le plan")
    n = len(pool)
    reply.say(f"{count(n, 'action')}{where} {agree(n, 'a', 'ont')} la priorité {stars}",
              *(a.id for a in pool), end=" :")  # fmt: skip
    return reply.items(action_bullets(pool))


def _among(question: Question, focus: Focus) -> Focus | None:
    """The focus a follow-up narrows to, or None for the plan's whole scope.

    Statuses exclude each other: after « qu'est-ce qui est réalisé ? », « et ce qui reste à
    planifier ? » asks about the same plan, not among the actions just listed as done.
    """
    before = focus.entities
    sibling = (
        focus.intent is Intent.STATUS
        and before.status is not None
        and not before.status_negated
        and question.entities.status not in (None, before.status)
    )
    return None if sibling else focus


_AXIS = re.compile(r"\baxes? (\d{1,2})\b")


def _on_subject(
    knowledge: Knowledge, question: Question, pool: list[Action]
) -> tuple[list[Action], str]:
    """The actions of the pool on the subject the question also names (« … à Montignies »),
    and how to say it; the whole pool when no action holds every word of the subject."""
    if (axis := _AXIS.search(question.normalized)) is not None:  # « les actions de l'axe 4 »
        number = axis.group(1)
        on_axis = [a for a in pool if a.axis and re.match(rf"\D*{number}\b", fold(a.axis))]
        if on_axis:
            return on_axis, f" de l'axe {number}"
    subject = question.entities.theme
    if not subject or not pool:
        return pool, ""
    match = theme_actions(knowledge, subject, pool)
    if not match.complete or not match.actions or len(match.actions) == len(pool):
        return pool, ""
    return match.actions, f" sur « {subject} »"


def by_status(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles actions sont reportées ? » (or several statuses, or among the last ones)."""
    pool = asked_actions(knowledge, knowledge.main_actions, question, _among(question, focus))
    pool, about = _on_subject(knowledge, question, pool)
    criterion, owner = question.entities.criterion, question.entities.owner_query
    reply = Reply().about("actions", criterion=criterion)
    priority = question.entities.priority

    def where(n: int = 2) -> str:
        return scope_words(criterion, owner, n) + about

    if question.entities.status_negated:  # « lesquelles ne sont pas terminées ? »
        denied = denied_statuses(knowledge, question.normalized)
        return _still_open(reply, pool, where() + _of_stars(priority), denied)
    if question.entities.status is None and priority is not None:
        return _of_priority(reply, pool, priority, where())
    for category in _asked_statuses(knowledge, question):
        found = [a for a in pool if a.status_category is category]
        reply.action_ids += [a.id for a in found]
        if not found:
            reply.say(f"Je ne trouve aucune action {status_label(category)}{where(1)} dans le plan")
            continue
        n = len(found)
        reply.say(f"{count(n, 'action')}{where(n)} {agree(n, 'est', 'sont')} {status_label(category, n)}",
                  *(a.id for a in found), end=" :")  # fmt: skip
        reply.items(action_bullets(found))
    return reply
