"""Answers about when actions are due: in a period the question names, or the next deadline.

A deadline is compared by its last day, `Action.due`, which ingestion reads from the
deadline as written (`assistant.extract.dates.due_date`: « juin 2027 » is due on 30 June,
« 2026-2027 » on 14 September 2027), so the chat and the audit agree on what a deadline
means. The period comes from the question (`assistant.chat.periods`), relative to the
workspace's reference date; actions whose deadline is no date (« Tout au long du
parcours », none) are said apart rather than silently left out. The next deadline is the
earliest one still ahead among the actions not done or abandoned; the actions already past
their deadline are the audit's late ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.chat.knowledge import LATE_GAPS, Knowledge
from assistant.chat.periods import Period, asked_period
from assistant.chat.reply import Reply
from assistant.chat.scope import asked_actions, in_asked_state
from assistant.chat.text import count, join_fr, normalize_question
from assistant.chat.wording import action_bullets, scope_words
from assistant.extract.dates import french_date
from assistant.schema import Action, StatusCategory
from assistant.schema.chat import Focus, Question

_CLOSED = (StatusCategory.DONE, StatusCategory.ABANDONED)


def _by_due(actions: Sequence[Action]) -> dict[date, list[Action]]:
    """The dated actions grouped by their last day, earliest first."""
    groups: dict[date, list[Action]] = {}
    for action in sorted(
        (a for a in actions if a.due is not None), key=lambda a: a.due or date.min
    ):
        assert action.due is not None
        groups.setdefault(action.due, []).append(action)
    return groups


def _written(actions: Sequence[Action]) -> str:
    """The deadlines as the plan writes them (« juin 2027 », « 2026-2027 »), quoted."""
    return join_fr([f"« {d} »" for d in dict.fromkeys(a.deadline or "" for a in actions) if d])


def _next_after(reply: Reply, open_actions: Sequence[Action], after: date, lead: str) -> None:
    """The first deadline after `after` among the open actions, and the one that follows."""
    later = [(day, group) for day, group in _by_due(open_actions).items() if day > after]
    if not later:
        reply.say("Je ne trouve aucune échéance à venir parmi les actions encore ouvertes")
        return
    (_, first), rest = later[0], later[1:]
    n = len(first)
    reply.say(f"{lead} {_written(first)}, pour {count(n, 'action')} encore ouverte{'s' * (n > 1)}",
              *(a.id for a in first), end=" :")  # fmt: skip
    reply.items(action_bullets(first))
    reply.action_ids += [a.id for a in first]
    if rest:
        following = rest[0][1]
        m = len(following)
        reply.say(f"Puis {_written(following)}, pour {count(m, 'action')}",
                  *(a.id for a in following))  # fmt: skip
        reply.action_ids += [a.id for a in following]


def _undated(reply: Reply, actions: Sequence[Action]) -> None:
    if undated := [a for a in actions if a.due is None]:
        n = len(undated)
        reply.say(f"{count(n, 'autre action', 'autres actions')} {'est' if n == 1 else 'sont'} "
                  "sans date d'échéance", *(a.id for a in undated))  # fmt: skip


def _late(knowledge: Knowledge, reply: Reply, actions: Sequence[Action]) -> None:
    """The open actions already past their deadline: the audit's late gaps."""
    scope = {a.id for a in actions}
    late = list(dict.fromkeys(g.target_id for g in knowledge.audit.gaps
                              if g.kind in LATE_GAPS and g.target_id in scope))  # fmt: skip
    if late:
        n = len(late)
        reply.say(
            f"Au {french_date(knowledge.as_of)}, {count(n, 'action')} encore "
            f"{'ouverte a' if n == 1 else 'ouvertes ont'} déjà dépassé leur échéance",
            *late,
        )


def due(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles actions se terminent en 2027 ? », « Quelle est la prochaine échéance ? »"""
    as_of = knowledge.as_of
    own = asked_period(question.normalized or normalize_question(question.text), as_of)
    period = own or (
        asked_period(question.entities.period, as_of) if question.entities.period else None
    )
    # a period of its own is a new scope (« et en 2028 ? »), not « among those just listed »
    scope = asked_actions(knowledge, knowledge.main_actions, question, None if own else focus)
    entities = question.entities
    reply = Reply().about("actions", criterion=entities.criterion)
    if period is None:
        return _next(knowledge, reply, scope, question)
    return _in_period(reply, scope, period, question)


def _in_period(reply: Reply, scope: Sequence[Action], period: Period, question: Question) -> Reply:
    due = [a for a in scope if a.due is not None and period.holds(a.due)]
    # « les actions non réalisées prévues en 2026 », « en cours qui finissent en 2027 »
    found, state = in_asked_state(due, question)
    found.sort(key=lambda a: a.due or date.min)
    entities = question.entities
    n = len(found)
    where = state + scope_words(entities.criterion, entities.owner_query, max(1, n))
    if found:
        reply.say(f"{count(n, 'action')}{where} {'a son' if n == 1 else 'ont leur'} échéance "
                  f"{period.label()}", *(a.id for a in found), end=" :")  # fmt: skip
        reply.items(action_bullets(found))
        reply.action_ids = [a.id for a in found]
        if len(due) > n:  # the others of the period, in another state: counted, not hidden
            m = len(due) - n
            reply.say(f"{count(m, 'autre action', 'autres actions')} de la période "
                      f"{'est' if m == 1 else 'sont'} dans un autre état",
                      *(a.id for a in due if a not in found))  # fmt: skip
    else:
        reply.say(f"Je ne trouve aucune action{where} dont l'échéance tombe {period.words()}")
        if period.end is not None:
            open_actions = [a for a in scope if a.status_category not in _CLOSED]
            _next_after(reply, open_actions, period.end, "L'échéance suivante est")
    _undated(reply, scope)
    return reply


def _next(knowledge: Knowledge, reply: Reply, scope: Sequence[Action], question: Question) -> Reply:
    open_actions = [a for a in scope if a.status_category not in _CLOSED]
    before = knowledge.as_of.toordinal() - 1
    _next_after(reply, open_actions, date.fromordinal(before), "La prochaine échéance est")
    _late(knowledge, reply, open_actions)
    _undated(reply, open_actions)
    return reply
