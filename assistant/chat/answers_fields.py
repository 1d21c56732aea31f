"""Answers about what the actions of the plan lack, and when they are late.

Lists come from the audit's gaps (an action without owner, a stale deadline, a status that
contradicts its dates), so that the conversation and the report always agree; a field no
audit rule checks (the recommendation an action cites) is read from the actions' own
fields. Every action is described the same way (`assistant.chat.wording.action_bullets`)
and cited by its id.
"""

from __future__ import annotations

from assistant.chat.knowledge import LATE_GAPS, Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.reply import Reply
from assistant.chat.scope import asked_actions
from assistant.chat.text import agree, count, join_fr, quoted
from assistant.chat.wording import (
    action_bullets,
    first_sentence,
    owner_text,
    scope_words,
    status_label,
)
from assistant.extract.dates import french_date
from assistant.schema import Action, StatusCategory
from assistant.schema.chat import Focus, MissingField, Question

_MISSING = {
    MissingField.OWNER: ("action_without_owner", "de responsable", "un responsable"),
    MissingField.DEADLINE: ("action_without_deadline", "d'échéance", "une échéance"),
    MissingField.STATUS: (
        "action_without_status",
        "d'état de réalisation",
        "un état de réalisation",
    ),
    MissingField.INDICATOR: (
        "action_without_indicator",
        "d'indicateur de suivi",
        "au moins un indicateur de suivi",
    ),
    # no audit rule: the plan's reference cell is read (`Action.addresses`)
    MissingField.RECOMMENDATION: ("", "de recommandation citée", "une recommandation citée"),
}
_VAGUE = {
    MissingField.OWNER: ("vague_owner", "n'a qu'un responsable collectif", "n'ont qu'un responsable collectif"),
    MissingField.INDICATOR: ("vague_indicator", "n'a que des indicateurs vagues", "n'ont que des indicateurs vagues"),
}  # fmt: skip


def _gap_actions(knowledge: Knowledge, *kinds: str) -> list[Action]:
    if kinds == ("",):  # a field no audit rule checks: the actions citing no recommendation
        return [a for a in knowledge.main_actions if not a.addresses]
    ids = [g.target_id for g in knowledge.audit.gaps if g.kind in kinds]
    main = {a.id for a in knowledge.main_actions}
    return [knowledge.actions[i] for i in dict.fromkeys(ids) if i in main]


def _missing_together(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Actions sans responsable ni échéance ? »: those missing all the fields (or any)."""
    fields = question.entities.fields
    either = question.entities.any_field
    per_field = {f: asked_actions(knowledge, _gap_actions(knowledge, _MISSING[f][0]), question, focus)
                 for f in fields}  # fmt: skip
    ids = [{a.id for a in actions} for actions in per_field.values()]
    wanted = set.union(*ids) if either else set.intersection(*ids)
    found = [a for a in knowledge.main_actions if a.id in wanted]
    reply = Reply().about(
        "actions", criterion=question.entities.criterion, actions=[a.id for a in found]
    )
    labels = [_MISSING[f][1] for f in fields]
    where = scope_words(question.entities.criterion, None, max(1, len(found)))
    if either:
        missing = " ou ".join(labels)
        lack = f"n'ont pas {missing}" if len(found) > 1 else f"n'a pas {missing}"
    else:
        missing = " ni ".join(label.removeprefix("d'").removeprefix("de ") for label in labels)
        lack = f"n'ont ni {missing}" if len(found) > 1 else f"n'a ni {missing}"
    if found:
        n = len(found)
        reply.say(f"{count(n, 'action')}{where} {lack}", *(a.id for a in found), end=" :")
        return reply.items(action_bullets(found))
    reply.say(
        f"Je ne trouve aucune action{where} qui n'ait ni {missing} : aucune ne manque des deux"
    )
    for field, actions in per_field.items():  # each field on its own, as the audit lists it
        if actions:
            n = len(actions)
            reply.say(f"{count(n, 'action')} {agree(n, 'n’a pas', 'n’ont pas')} {_MISSING[field][1]}".replace("’", "'"),
                      *(a.id for a in actions), end=" :")  # fmt: skip
            reply.items(action_bullets(actions))
            reply.action_ids += [a.id for a in actions]
    return reply


def missing_field(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles actions n'ont pas de responsable ? » (or d'échéance, d'indicateur)."""
    if len(question.entities.fields) > 1:
        return _missing_together(knowledge, question, focus)
    field = question.entities.field or MissingField.OWNER
    kind, label, present = _MISSING[field]
    where = scope_words(question.entities.criterion, None, 1)
    found = asked_actions(knowledge, _gap_actions(knowledge, kind), question, focus)
    reply = Reply().about(
        "actions", criterion=question.entities.criterion, actions=[a.id for a in found]
    )
    if not found:
        scope = asked_actions(knowledge, knowledge.main_actions, question, focus)
        if not scope:
            return reply.say(f"Je ne trouve aucune action{where} dans le plan")
        if len(scope) == 1:
            return reply.say(f"Cette action a {present}", scope[0].id)
        return reply.say(
            f"Les {len(scope)} actions{scope_words(question.entities.criterion, None)} ont "
            f"toutes {present}",
            *(a.id for a in scope),
        )
    n = len(found)
    where = scope_words(question.entities.criterion, None, n)
    reply.say(f"{count(n, 'action')}{where} {agree(n, 'n’a pas', 'n’ont pas')} {label}".replace("’", "'"),
              *(a.id for a in found), end=" :")  # fmt: skip
    reply.items(action_bullets(found, owner=field is not MissingField.OWNER,
                               deadline=field is not MissingField.DEADLINE))  # fmt: skip
    if field in _VAGUE:
        vague_kind, singular, plural = _VAGUE[field]
        vague = asked_actions(knowledge, _gap_actions(knowledge, vague_kind), question, focus)
        if vague:
            m = len(vague)
            reply.say(
                f"{count(m, 'autre action', 'autres actions')} {agree(m, singular, plural)}",
                *(a.id for a in vague),
                end=" :",
            )
            for action in vague:
                detail = (
                    owner_text(action)
                    if field is MissingField.OWNER
                    else join_fr([quoted(i, 80) for i in action.indicators])
                )
                reply.item(f"{quoted(action.text)} — {detail}", action.id)
    return reply


def late(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qu'est-ce qui est en retard ? » — deadlines past while the action is still open."""
    day = french_date(knowledge.as_of)
    found = asked_actions(knowledge, _gap_actions(knowledge, *LATE_GAPS), question, focus)
    where = scope_words(question.entities.criterion, question.entities.owner_query, len(found))
    reply = Reply().about(
        "actions", criterion=question.entities.criterion, actions=[a.id for a in found]
    )
    # « des incohérences entre statut et date ? »: those first, then what is late
    asked_first = find_cues(question.normalized.split(), knowledge.vocabulary()).has("inconsistent")
    if asked_first:
        _contradictions(knowledge, question, reply, lead=True)
    if found:
        n = len(found)
        reply.say(
            f"Au {day}, {count(n, 'action')}{where} {agree(n, 'est', 'sont')} en retard : "
            f"{agree(n, 'son échéance est dépassée', 'leur échéance est dépassée')} alors "
            f"{agree(n, 'qu’elle est toujours ouverte', 'qu’elles sont toujours ouvertes')} "
            "(en cours, à venir ou sans état)".replace("’", "'"),
            *(a.id for a in found),
            end=" :",
        )
        reply.items(action_bullets(found))
    else:
        reply.say(
            f"Je ne trouve aucune action{where} dont l'échéance soit dépassée au {day} sans qu'elle soit terminée"
        )
    postponed = [a for a in asked_actions(knowledge, knowledge.main_actions, question, focus)
                 if a.status_category is StatusCategory.POSTPONED]  # fmt: skip
    if postponed:
        m = len(postponed)
        reply.say(f"{count(m, 'action')} {agree(m, 'est', 'sont')} par ailleurs {status_label(StatusCategory.POSTPONED, m)}",
                  *(a.id for a in postponed), end=" :")  # fmt: skip
        reply.items(action_bullets(postponed))
        reply.action_ids += [a.id for a in postponed]
    if not asked_first:
        _contradictions(knowledge, question, reply)
    return reply


def _contradictions(
    knowledge: Knowledge, question: Question, reply: Reply, *, lead: bool = False
) -> bool:
    """The actions whose status contradicts their dates (the audit's gaps); False: none."""
    scope = {a.id for a in asked_actions(knowledge, knowledge.main_actions, question)}
    found = [g for g in knowledge.audit.gaps
             if g.kind == "status_contradicts_dates" and g.target_id in scope]  # fmt: skip
    if not found:
        if lead:
            reply.say("Je ne trouve aucune action dont l'état contredise les dates")
        return False
    if lead:  # the items below cite their gaps; this line only announces them
        reply.say("Voici les actions dont l'état contredit les dates", end=" :")
    else:
        reply.say("À vérifier aussi", *(g.id for g in found), end=" :")
    for gap in found:
        reply.item(first_sentence(gap.message), gap.id, gap.target_id)
    return True
