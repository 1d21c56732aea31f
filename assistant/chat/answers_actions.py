"""Answers about who carries the actions of the plan and about one action in detail.

« Qui porte les actions sur les stages ? » groups the actions on a subject by owner; « qui en
est responsable ? », « où en est l'action sur le portfolio ? » describe the action named or
just discussed; « quelles actions porte la coordination qualité ? » lists an owner's actions.
Missing fields and lateness: `assistant.chat.answers_fields`; statuses:
`assistant.chat.answers_status`.
"""

from __future__ import annotations

import re

from assistant.audit.roles import role_key
from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.question_shapes import asks_where_it_stands
from assistant.chat.reply import Reply
from assistant.chat.resolve import (
    closest_passages,
    find_actions,
    roles_of,
    surface_word,
    theme_actions,
    unique_action,
)
from assistant.chat.scope import ask_which_action, discussed_actions
from assistant.chat.text import agree, count, is_stopword, join_fr, of, quoted, stems, unique
from assistant.chat.wording import (
    action_bullets,
    describe_action,
    in_criterion,
    of_owner,
)
from assistant.ids import fold
from assistant.schema import Action, PassageKind
from assistant.schema.chat import Focus, Question

#: At most this many actions on a subject are detailed one by one.
_THEMED_DETAILS = 6
#: At most this many actions sharing only some words of the subject are shown.
_CLOSEST = 3


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
        theme = _as_read(knowledge, theme, match.corrected)
    theme = _completed_from(theme, actions, reply.warnings)
    reply.say(
        f"{count(n, 'action')} du plan {agree(n, 'parle', 'parlent')} {of(theme)}",
        *(a.id for a in actions),
        end=" :",
    )
    by_role: dict[str, list[Action]] = {}
    for action in actions:
        for label in roles_of(knowledge, action) or ["sans responsable"]:
            by_role.setdefault(label, []).append(action)
    # roles that carry exactly the same actions share one line (« Etudiants et Enseignants »)
    together: dict[tuple[str, ...], list[str]] = {}
    for label, members in by_role.items():
        together.setdefault(tuple(a.id for a in members), []).append(label)
    groups = {join_fr(labels): by_role[labels[0]] for labels in together.values()}
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


def _as_read(knowledge: Knowledge, theme: str, corrected: dict[str, str]) -> str:
    """The theme with its typos replaced by the plan's words (« tutorrat » → « tutorat »):
    the answer says what it found, in the plan's words."""

    def read(found: re.Match[str]) -> str:
        typed = stems(found.group(0))
        if len(typed) == 1 and typed[0] in corrected:
            return surface_word(knowledge, corrected[typed[0]])
        return found.group(0)

    return re.sub(r"[\w-]+", read, theme)


#: A word this short typed in a hurry (« com », « info ») may be cut from a word of the actions.
_SHORTEST_CUT = 3


def _completed_from(theme: str, actions: list[Action], warnings: list[str]) -> str:
    """The theme with each word cut short (« la charte de com ») completed from the one word
    of the actions found that starts so (« communication »), said in a warning: the answer
    repeats the subject in the words of its sources."""
    written: dict[str, str] = {
        fold(w): str(w).lower() for a in actions for w in re.findall(r"[\w-]+", a.text)
    }

    def complete(found: re.Match[str]) -> str:
        typed = fold(found.group(0))
        if len(typed) < _SHORTEST_CUT or typed in written or is_stopword(typed):
            return found.group(0)
        longer = {w for folded, w in written.items() if folded.startswith(typed)}
        if len(longer) != 1:
            return found.group(0)  # none, or several families: left as typed
        word = next(iter(longer))
        if stems(word) == stems(typed):
            return found.group(0)  # the same word in another form (« pair », « pairs »)
        warnings.append(f"« {found.group(0)} » lu comme « {word} », le mot du plan.")
        return word

    return re.sub(r"[\w-]+", complete, theme)


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
        if not match.actions and not focus.action_ids:
            # a subject no action names: say so, with the closest actions of the plan
            return [], _nothing_about(
                knowledge, theme, [a.document_id for a in knowledge.main_actions[:1]]
            )
    if focus.action_ids:
        return discussed_actions(knowledge, focus), None
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
    return [], ask_which_action(
        "De quelle action parlez-vous ?", "Qui porte l'action sur le portfolio numérique ?"
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
    asked = find_cues(
        question.normalized.split(), knowledge.vocabulary()
    )  # the field the follow-up asks for
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
    if find_cues(question.normalized.split(), knowledge.vocabulary()).has("indicator"):
        if action.indicators:
            written = join_fr([quoted(i, 120) for i in action.indicators])
            reply.say(f"Ses indicateurs de suivi : {written}", action.id)
        else:
            reply.say("Elle n'a pas d'indicateur de suivi", action.id)
    if find_cues(question.normalized.split(), knowledge.vocabulary()).has("priority"):
        if action.priority:
            reply.say(f"Sa priorité : {'*' * action.priority}", action.id)
        else:
            reply.say("Sa priorité n'est pas précisée dans le plan", action.id)
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
