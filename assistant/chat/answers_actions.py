"""Answers about the actions of the plan: missing fields, lateness, statuses, who carries what.

Lists come from the audit's gaps where the audit has a rule for the question (an action
without owner, a stale deadline), so that the conversation and the report always agree;
otherwise from the actions' own fields. Every action is described the same way
(`assistant.chat.wording.describe_action`) and cited by its id.
"""

from __future__ import annotations

import re

from assistant.audit.roles import role_key
from assistant.chat.intents import asks_where_it_stands
from assistant.chat.knowledge import LATE_GAPS, Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.reply import Reply
from assistant.chat.resolve import (
    closest_passages,
    find_actions,
    previous_actions,
    roles_of,
    surface_word,
    theme_actions,
    unique_action,
)
from assistant.chat.text import agree, count, join_fr, of, quoted, stems, unique
from assistant.chat.wording import (
    STATUS_ORDER,
    action_bullets,
    describe_action,
    first_sentence,
    in_criterion,
    of_owner,
    owner_text,
    scope_words,
    status_label,
)
from assistant.extract.dates import french_date
from assistant.schema import Action, PassageKind, StatusCategory
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
#: At most this many actions on a subject are detailed one by one.
_THEMED_DETAILS = 6
#: At most this many actions sharing only some words of the subject are shown.
_CLOSEST = 3
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


def _filtered(
    knowledge: Knowledge, actions: list[Action], question: Question, focus: Focus | None = None
) -> list[Action]:
    entities = question.entities
    if focus is not None and (previous := previous_actions(knowledge, question, focus)):
        wanted = {a.id for a in previous}  # a follow-up: among the items just listed
        actions = [a for a in actions if a.id in wanted]
    return of_owner(
        knowledge, in_criterion(knowledge, actions, entities.criterion), entities.owner_query
    )


def _missing_together(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Actions sans responsable ni échéance ? »: those missing all the fields (or any)."""
    fields = question.entities.fields
    either = question.entities.any_field
    per_field = {f: _filtered(knowledge, _gap_actions(knowledge, _MISSING[f][0]), question, focus)
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
    found = _filtered(knowledge, _gap_actions(knowledge, kind), question, focus)
    reply = Reply().about(
        "actions", criterion=question.entities.criterion, actions=[a.id for a in found]
    )
    if not found:
        scope = _filtered(knowledge, knowledge.main_actions, question, focus)
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
        vague = _filtered(knowledge, _gap_actions(knowledge, vague_kind), question, focus)
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
    found = _filtered(knowledge, _gap_actions(knowledge, *LATE_GAPS), question, focus)
    where = scope_words(question.entities.criterion, question.entities.owner_query, len(found))
    reply = Reply().about(
        "actions", criterion=question.entities.criterion, actions=[a.id for a in found]
    )
    # « des incohérences entre statut et date ? »: those first, then what is late
    asked_first = find_cues(question.normalized.split()).has("inconsistent")
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
    postponed = [a for a in _filtered(knowledge, knowledge.main_actions, question, focus)
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
    scope = {a.id for a in _filtered(knowledge, knowledge.main_actions, question)}
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


_STATUS_CUES = (
    ("done", StatusCategory.DONE),
    ("ongoing", StatusCategory.IN_PROGRESS),
    ("upcoming", StatusCategory.PLANNED),
    ("postponed", StatusCategory.POSTPONED),
    ("abandoned", StatusCategory.ABANDONED),
)


def _asked_statuses(question: Question) -> list[StatusCategory]:
    """Every status the question names (« reportées ou abandonnées »), in plan order."""
    cues = find_cues(question.normalized.split())
    asked = [
        c
        for cue, c in _STATUS_CUES
        if cues.has(cue) and (cue != "ongoing" or " en cours" in f" {question.normalized}")
    ]
    first = StatusCategory(question.entities.status or StatusCategory.DONE.value)
    return asked if first in asked else [first, *asked]


#: Statuses of actions that are over: done, or abandoned.
CLOSED = (StatusCategory.DONE, StatusCategory.ABANDONED)


def _still_open(reply: Reply, pool: list[Action], where: str) -> Reply:
    """The actions not done (nor abandoned), by status: « pas terminées », « non réalisées »."""
    still = [a for a in pool if a.status_category not in CLOSED]
    reply.action_ids += [a.id for a in still]
    if not still:
        return reply.say(f"Toutes les actions{where} sont réalisées ou abandonnées",
                         *(a.id for a in pool))  # fmt: skip
    n = len(still)
    reply.say(f"{count(n, 'action')}{where} {agree(n, 'reste ouverte', 'restent ouvertes')}",
              *(a.id for a in still), end=" :")  # fmt: skip
    for category in STATUS_ORDER:
        group = [a for a in still if a.status_category is category]
        if group:
            reply.item(f"{len(group)} {status_label(category, len(group))}", *(a.id for a in group))  # fmt: skip
    return reply


def by_status(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles actions sont reportées ? » (or several statuses, or among the last ones)."""
    pool = _filtered(knowledge, knowledge.main_actions, question, focus)
    criterion, owner = question.entities.criterion, question.entities.owner_query
    reply = Reply().about("actions", criterion=criterion)
    if question.entities.status_negated:  # « lesquelles ne sont pas terminées ? »
        return _still_open(reply, pool, scope_words(criterion, owner))
    for category in _asked_statuses(question):
        found = [a for a in pool if a.status_category is category]
        reply.action_ids += [a.id for a in found]
        if not found:
            where = scope_words(criterion, owner, 1)
            reply.say(f"Je ne trouve aucune action {status_label(category)}{where} dans le plan")
            continue
        n = len(found)
        where = scope_words(criterion, owner, n)
        reply.say(f"{count(n, 'action')}{where} {agree(n, 'est', 'sont')} {status_label(category, n)}",
                  *(a.id for a in found), end=" :")  # fmt: skip
        reply.items(action_bullets(found))
    return reply


def theme_owners(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qui porte les actions sur les stages ? »"""
    theme = question.entities.theme
    if not theme:
        return Reply(confidence=0.4).say(
            "Sur quel sujet ? Par exemple : « Qui porte les actions sur les stages ? »", end=""
        )
    match = theme_actions(knowledge, theme, knowledge.main_actions)
    if not match.actions:
        return _nothing_about(knowledge, theme, [a.document_id for a in knowledge.main_actions[:1]])
    actions = match.actions
    n = len(actions)
    reply = Reply().about("actions", actions=[a.id for a in actions])
    if match.corrected:
        read = join_fr([f"« {surface_word(knowledge, b)} »" for b in match.corrected.values()])
        reply.warnings.append(f"Mot de la question lu comme {read}, le mot le plus proche du plan.")
    reply.say(
        f"{count(n, 'action')} du plan {agree(n, 'parle', 'parlent')} {of(theme)}",
        *(a.id for a in actions),
        end=" :",
    )
    groups: dict[str, list[Action]] = {}
    for action in actions:
        for label in roles_of(knowledge, action) or ["sans responsable"]:
            groups.setdefault(label, []).append(action)
    for label, members in sorted(
        groups.items(), key=lambda pair: (pair[0] == "sans responsable", -len(pair[1]))
    ):
        texts = " ; ".join(quoted(a.text, 70) for a in members)
        prefix = "Sans responsable" if label == "sans responsable" else label
        # the role as the plan writes it, when its cell says it otherwise (« Equipe CAR »)
        written = unique(o for a in members if (o := (a.owner or "").strip())
                         and not set(stems(label)) <= set(stems(o)))  # fmt: skip
        if written and label != "sans responsable":
            prefix += " (" + ", ".join(quoted(o, 80) for o in written[:2]) + ")"
        reply.item(
            f"{prefix} ({count(len(members), 'action')}) : {texts}", *(a.id for a in members)
        )
    return reply


def _nothing_about(knowledge: Knowledge, theme: str, document_ids: list[str]) -> Reply:
    reply = Reply(confidence=0.4).say(f"Je ne trouve pas d'action du plan qui parle de « {theme} »")
    hits = closest_passages(
        knowledge, theme, k=3, document_ids=document_ids or None, kinds=[PassageKind.ACTION]
    )
    if hits:
        reply.say("Voici les actions les plus proches", end=" :")
        for hit in hits:
            action = knowledge.actions.get(hit.passage.id)
            if action is not None:
                reply.item(describe_action(action), action.id)
    return reply.about("passages", actions=[h.passage.id for h in hits])


def _targets(
    knowledge: Knowledge, question: Question, focus: Focus
) -> tuple[list[Action], Reply | None]:
    """The actions a question is about: named, or the ones just discussed."""
    query = question.entities.action_query
    if query:
        matches = find_actions(knowledge, query)
        chosen = unique_action(matches)
        if chosen is not None:
            return [chosen], None
        if matches:
            reply = Reply(confidence=0.5).say(
                f"Plusieurs actions correspondent à « {query} »",
                *(a.id for a, _ in matches[:3]),
                end=" :",
            )
            reply.items((describe_action(a), [a.id]) for a, _ in matches[:3])
            reply.say("Précisez laquelle en citant quelques mots de plus de son intitulé")
            return [], reply.about("actions", actions=[a.id for a, _ in matches[:3]])
        return [], _nothing_about(knowledge, query, [])
    theme = question.entities.theme
    if theme and not (question.entities.pronoun and focus.action_ids):
        # « quand est prévue la grille d'évaluation des stages ? »: the actions on a subject
        match = theme_actions(knowledge, theme, knowledge.main_actions)
        if match.actions and match.complete and len(match.actions) <= _THEMED_DETAILS:
            return match.actions, None
        matches = find_actions(knowledge, theme)
        if (chosen := unique_action(matches)) is not None:
            return [chosen], None
        if match.actions and match.complete:
            return match.actions[:_THEMED_DETAILS], None
        if match.actions and len(match.actions) <= _CLOSEST:
            reply = Reply(confidence=0.5).say(
                "Je ne trouve pas d'action qui parle de tous les mots de la question ; "
                "voici les plus proches",
                end=" :",
            )
            reply.items(action_bullets(match.actions))
            return [], reply.about("actions", actions=[a.id for a in match.actions])
    if focus.action_ids:
        return [knowledge.actions[i] for i in focus.action_ids if i in knowledge.actions], None
    if focus.recommendation_ids:
        names = join_fr(
            [
                m.recommendation_ref
                for i in focus.recommendation_ids
                if (m := knowledge.mapping_for(i))
            ]
        )
        reply = Reply(confidence=0.6).say(
            f"Aucune action ne répond à {names} : il n'y a donc pas de responsable à citer",
            *focus.recommendation_ids,
        )
        return [], reply
    return [], Reply(confidence=0.4).say(
        "De quelle action parlez-vous ? Citez quelques mots de son intitulé, par exemple « Qui porte l'action sur le portfolio numérique ? »",
        end="",
    )


def action_details(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qui en est responsable ? », « Où en est l'action sur le portfolio ? »"""
    actions, problem = _targets(knowledge, question, focus)
    if problem is not None:
        return problem
    reply = Reply().about("actions", actions=[a.id for a in actions], criterion=focus.criterion)
    if len(actions) == 1:
        action = actions[0]
        who = (
            f"est portée par {action.owner.strip()}"
            if action.owner and action.owner.strip()
            else "n'a pas de responsable"
        )
        reply.say(f"L'action {quoted(action.text)} {who}", action.id)
        deadline = (
            f"son échéance est {action.deadline.strip()}"
            if action.deadline
            else "elle n'a pas d'échéance"
        )
        status = (
            f"son état : {quoted(action.status, 60)}"
            if action.status
            else "son état n'est pas précisé"
        )
        reply.say(f"{deadline.capitalize()} ; {status}", action.id)
        return _asked_fields(knowledge, question, reply, action)
    if question.entities.theme and not question.entities.pronoun:
        reply.say(f"Voici les actions du plan sur « {question.entities.theme} »", end=" :")
        return reply.items(action_bullets(actions))
    asked = find_cues(question.normalized.split())  # the field the follow-up asks for
    if asked.has("indicator"):
        reply.say("Voici les indicateurs de suivi des actions dont nous venons de parler", end=" :")
        for action in actions:
            written = (
                join_fr([quoted(i, 100) for i in action.indicators]) or "sans indicateur de suivi"
            )
            reply.item(f"{quoted(action.text, 100)} — {written}", action.id)
        return reply
    if asked.has("deadline") and not asked.has("owner"):
        reply.say("Voici les échéances des actions dont nous venons de parler", end=" :")
        return reply.items(action_bullets(actions, owner=False))
    where = asked.has("progress") or asks_where_it_stands(question.normalized)
    if where and not asked.any("owner", "who"):
        reply.say("Voici l'état des actions dont nous venons de parler", end=" :")
        return reply.items(action_bullets(actions, owner=False, deadline=False))
    reply.say("Voici les responsables des actions dont nous venons de parler", end=" :")
    return reply.items(action_bullets(actions, deadline=False))


#: « ça répond à quelle reco ? », « elle est liée à quelle recommandation ? »
_ASKS_REFERENCE = re.compile(r"\b(?:reco|recos|references?|repond|repondent|liee?s? a quel)")


def _asked_fields(knowledge: Knowledge, question: Question, reply: Reply, action: Action) -> Reply:
    """What the question asks of one action beyond owner, deadline and status: its indicators,
    the recommendations it answers."""
    if find_cues(question.normalized.split()).has("indicator"):
        if action.indicators:
            written = join_fr([quoted(i, 120) for i in action.indicators])
            reply.say(f"Ses indicateurs de suivi : {written}", action.id)
        else:
            reply.say("Elle n'a pas d'indicateur de suivi", action.id)
    if _ASKS_REFERENCE.search(question.normalized):
        mappings = [m for r in action.addresses if (m := knowledge.mapping_for(r)) is not None]
        if mappings:
            refs = join_fr([m.recommendation_ref for m in mappings])
            reply.say(f"Elle répond à {refs}", *(m.recommendation_id for m in mappings), action.id)
            reply.recommendation_ids = [m.recommendation_id for m in mappings]
        else:
            reply.say("Elle ne cite aucune recommandation des experts", action.id)
    return reply


def owner_actions(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles actions porte la coordination qualité ? »"""
    owner = question.entities.owner_query
    if owner is not None:  # shown as the plan writes it, whatever the spelling asked
        wanted = role_key(owner)
        owner = next((e.label for e in knowledge.roles.entries if e.key == wanted), owner)
    actions = of_owner(knowledge, knowledge.main_actions, owner)
    actions = in_criterion(knowledge, actions, question.entities.criterion)
    reply = Reply().about(
        "actions", actions=[a.id for a in actions], criterion=question.entities.criterion
    )
    if not actions or owner is None:
        return reply.say(f"Je ne trouve aucune action portée par « {owner} » dans le plan")
    n = len(actions)
    reply.owner = owner
    reply.say(f"{owner} porte {count(n, 'action')}", *(a.id for a in actions), end=" :")
    return reply.items(action_bullets(actions, owner=False))
