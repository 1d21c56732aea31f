"""Answers read straight from the audit: duplicates, SWOT items without action, owner drafts,
counts (plan history: `assistant.chat.history`).

The audit (`Knowledge.audit`, the same `run_audit` the printed report uses, drafts included)
already holds these findings; the conversation only selects and words them, so that the chat
and the report never disagree. Every line cites the audit's gap or draft and the items it is
about; lines that state nothing (« Voici… », « Je ne trouve… ») need no citation.
"""

from __future__ import annotations

import re

from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.question_shapes import asks_the_items
from assistant.chat.reply import Reply
from assistant.chat.resolve import find_actions, previous_actions, roles_of, theme_actions
from assistant.chat.scope import (
    CLOSED,
    ask_which_action,
    discussed_actions,
    items_by_status,
    of_priority,
)
from assistant.chat.text import agree, count, join_fr, quoted
from assistant.chat.wording import (
    criteria_of,
    describe_action,
    in_criterion,
    of_owner,
    status_label,
)
from assistant.schema import Action, DraftField, StatusCategory, SwotKind
from assistant.schema.chat import Focus, Question

DUPLICATE_GAP = "duplicate_action"
SWOT_GAP = "swot_without_action"
_SWOT_WORDS = {SwotKind.WEAKNESS: ("faiblesse", "faiblesses"), SwotKind.THREAT: ("menace", "menaces")}  # fmt: skip
_STILL_TO_DO = re.compile(
    r"\b(?:reste|restent|rester|encore a faire|a faire|a mener|pas (?:encore )?(?:faites|realisees))\b"
)
_SWOT_KINDS = {"weakness": SwotKind.WEAKNESS, "threat": SwotKind.THREAT}
_TOP = 8


def _main_ids(knowledge: Knowledge) -> set[str]:
    return {a.id for a in knowledge.main_actions}


def duplicates(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Y a-t-il des doublons ? » — the audit's near-duplicate actions, pair by pair."""
    main = _main_ids(knowledge)
    by_source = {a.source: a for a in knowledge.main_actions}
    criterion = question.entities.criterion
    pairs: list[tuple[str, Action, Action]] = []
    for gap in knowledge.audit.gaps:
        if gap.kind != DUPLICATE_GAP or gap.target_id not in main:
            continue
        action = knowledge.actions[gap.target_id]
        twin = next((by_source[s] for s in gap.evidence[1:] if s in by_source), None)
        if twin is None:
            continue
        if criterion and not in_criterion(knowledge, [action, twin], criterion):
            continue
        pairs.append((gap.id, twin, action))
    reply = Reply().about(
        "actions", criterion=criterion, actions=[a.id for _, x, y in pairs for a in (x, y)]
    )
    where = f" pour le {criterion.lower()}" if criterion else ""
    if not pairs:
        return reply.say(f"Je ne trouve pas d'actions en double dans le plan{where}")
    reply.say(f"Voici les actions que l'audit signale comme doublons probables{where}", end=" :")
    for gap_id, first, second in pairs:
        reply.item(
            f"{describe_action(second)}, qui reprend presque mot pour mot {describe_action(first)}",
            gap_id,
            second.id,
            first.id,
        )
    reply.say(
        "Vous pouvez fusionner chaque paire, ou préciser ce qui distingue les deux lignes "
        "(public, site, période, livrable)"
    )
    return reply


def swot_gaps(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles faiblesses de la SWOT n'ont aucune action ? » (or menaces, or both)."""
    if not knowledge.swot:
        return Reply(confidence=0.6).say(
            "Je ne trouve pas d'analyse SWOT dans l'espace de travail : importez-la "
            "(plan-assistant ingest FICHIER) pour la confronter au plan"
        )
    if asks_the_items(
        question.normalized, find_cues(question.normalized.split(), knowledge.vocabulary())
    ):
        return _swot_items(knowledge, question)
    asked = question.entities.swot_kinds
    kinds = [_SWOT_KINDS[k] for k in asked] or [SwotKind.WEAKNESS, SwotKind.THREAT]
    found = [(g, knowledge.swot[g.target_id]) for g in knowledge.audit.gaps
             if g.kind == SWOT_GAP and g.target_id in knowledge.swot
             and knowledge.swot[g.target_id].kind in kinds]  # fmt: skip
    reply = Reply().about("passages")
    names = join_fr([_SWOT_WORDS[k][1] for k in kinds])
    if not found:
        listed = [i.id for i in knowledge.swot.values() if i.kind in kinds]
        return reply.say(
            f"Je ne trouve aucune des {names} de l'analyse SWOT sans action qui la traite", *listed
        )
    for kind in kinds:
        group = [(g, item) for g, item in found if item.kind is kind]
        if not group:
            continue
        n = len(group)
        singular, plural = _SWOT_WORDS[kind]
        reply.say(
            f"{n} {agree(n, singular, plural)} de l'analyse SWOT {agree(n, 'n’est traitée', 'ne sont traitées')} "
            "par aucune action".replace("’", "'"),
            *(i for g, item in group for i in (item.id, g.id)),
            end=" :",
        )
        for gap, item in group:
            reply.item(quoted(item.text, 200), item.id, gap.id)
    reply.say("Vous pouvez demander « que devrait-on faire pour la faiblesse … ? » pour des pistes")
    return reply


#: The quadrants of the SWOT as a question names them.
_QUADRANTS = (
    (SwotKind.STRENGTH, re.compile(r"\bforces?\b|\bpoints? forts?\b"), ("force", "forces")),
    (SwotKind.WEAKNESS, re.compile(r"\bfaiblesses?\b|\bpoints? faibles?\b"), _SWOT_WORDS[SwotKind.WEAKNESS]),
    (SwotKind.OPPORTUNITY, re.compile(r"\bopportunites?\b"), ("opportunité", "opportunités")),
    (SwotKind.THREAT, re.compile(r"\bmenaces?\b"), _SWOT_WORDS[SwotKind.THREAT]),
)  # fmt: skip


def _swot_items(knowledge: Knowledge, question: Question) -> Reply:
    """« quelles sont les forces ? », « combien de faiblesses ? »: the SWOT's items of the
    quadrants named (all four when none is), counted and quoted."""
    named = [q for q in _QUADRANTS if q[1].search(question.normalized)] or list(_QUADRANTS)
    reply = Reply().about("passages")
    for kind, _, (singular, plural) in named:
        items = [i for i in knowledge.swot.values() if i.kind is kind]
        if not items:
            reply.say(f"Je ne trouve aucune {singular} dans l'analyse SWOT")
            continue
        n = len(items)
        reply.say(
            f"L'analyse SWOT compte {n} {agree(n, singular, plural)}",
            *(i.id for i in items),
            end=" :",
        )
        for item in items:
            reply.item(quoted(item.text, 200), item.id)
    return reply


def _draft_targets(
    knowledge: Knowledge, question: Question, focus: Focus
) -> tuple[list[Action], Reply | None]:
    """The actions « qui pourrait prendre en charge … » is about: those just listed when the
    question refers to them, unless it names another subject (« et pour le portfolio ? »)."""
    query = question.entities.action_query or question.entities.theme
    previous = previous_actions(knowledge, question, focus)
    if previous and not (query and not question.entities.pronoun):
        return previous, None
    if query:
        themed = theme_actions(knowledge, query, knowledge.main_actions)
        if themed.actions and themed.complete and len(themed.actions) <= 3:
            return themed.actions, None
        matches = find_actions(knowledge, query)
        if matches:
            return [matches[0][0]], None
    if focus.action_ids:
        return discussed_actions(knowledge, focus), None
    return [], ask_which_action(
        "Pour quelle action ?",
        "Qui pourrait prendre en charge l'action sur le portfolio numérique ?",
    )


def owner_drafts(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qui pourrait prendre en charge X ? » — the audit's owner drafts, to validate."""
    actions, problem = _draft_targets(knowledge, question, focus)
    if problem is not None:
        return problem
    reply = Reply().about("actions", actions=[a.id for a in actions], criterion=focus.criterion)
    drafts = [d for d in knowledge.audit.drafts if d.field is DraftField.OWNER]
    for action in actions[:6]:
        proposals = [d for d in drafts if d.action_id == action.id][:3]
        if action.owner and action.owner.strip() and not proposals:
            reply.say(
                f"L'action {quoted(action.text)} est déjà portée par {action.owner.strip()}",
                action.id,
            )
            continue
        if not proposals:
            reply.say(
                f"Je ne trouve pas d'action semblable dont le responsable pourrait porter {quoted(action.text, 100)}"
            )
            continue
        reply.say(
            f"Responsables proposés pour l'action {quoted(action.text, 120)}, d'après les actions semblables du plan (à valider)",
            action.id,
            end=" :",
        )
        for draft in proposals:
            sources = [s.ref for s in draft.sources if s.ref in knowledge.actions][:3]
            reply.item(draft.proposal, draft.id, *sources)
    return reply


def _label_counts(knowledge: Knowledge, actions: list[Action]) -> list[tuple[str, list[Action]]]:
    groups: dict[str, list[Action]] = {}
    for action in actions:
        for label in roles_of(knowledge, action) or ["Sans responsable"]:
            groups.setdefault(label, []).append(action)
    return sorted(groups.items(), key=lambda pair: (pair[0] == "Sans responsable", -len(pair[1])))


def counts(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qui porte le plus d'actions ? », « Combien d'actions en cours ? », « … par critère »."""
    entities = question.entities
    previous = previous_actions(knowledge, question, focus)
    pool = previous or knowledge.main_actions
    pool = of_priority(
        of_owner(
            knowledge, in_criterion(knowledge, pool, entities.criterion), entities.owner_query
        ),
        entities.priority,
    )
    per = entities.group_by
    reply = Reply().about("actions", criterion=entities.criterion, actions=[a.id for a in pool])
    if not pool:
        return reply.say("Je ne trouve aucune action correspondante dans le plan")
    if entities.owner_query:
        reply.owner = entities.owner_query
        if entities.status and per != "status":  # « combien la CAP en a-t-elle réalisées ? »
            category = StatusCategory(entities.status)
            if entities.status_negated:  # « … pas encore terminées ? »: those still open
                group = [a for a in pool if a.status_category not in CLOSED]
                state, none = ("reste à mener", "restent à mener"), "réalisées ou abandonnées"
            else:
                group = [a for a in pool if a.status_category is category]
                state = (f"est {status_label(category)}", f"sont {status_label(category, 2)}")
                none = ""
            n = len(group)
            reply.about("actions", criterion=entities.criterion, actions=[a.id for a in group])
            reply.say(
                f"{entities.owner_query} porte {count(len(pool), 'action')}",
                *(a.id for a in pool),
            )
            if not group and none:
                return reply.say(f"Elles sont toutes {none}", *(a.id for a in pool))
            if not group:
                return reply.say(f"Je ne trouve aucune action {status_label(category)} parmi elles")
            return reply.say(f"{count(n, 'action')} {agree(n, *state)}", *(a.id for a in group))
        n = len(pool)
        return reply.say(
            f"{entities.owner_query} porte {count(n, 'action')}", *(a.id for a in pool)
        )
    if entities.status and not entities.status_negated and per != "status":
        category = StatusCategory(entities.status)
        group = [a for a in pool if a.status_category is category]
        if not group:
            return reply.say(f"Je ne trouve aucune action {status_label(category)} dans le plan")
        n = len(group)
        reply.about("actions", criterion=entities.criterion, actions=[a.id for a in group])
        return reply.say(f"{count(n, 'action')} {agree(n, 'est', 'sont')} {status_label(category, n)}",
                         *(a.id for a in group))  # fmt: skip
    if per == "criterion":
        groups: dict[str, list[Action]] = {}
        for action in pool:
            for criterion in sorted(criteria_of(knowledge, action)) or ["Sans critère"]:
                groups.setdefault(criterion, []).append(action)
        reply.say(
            "Voici le nombre d'actions par critère des recommandations auxquelles elles répondent",
            end=" :",
        )
        for criterion, members in sorted(
            groups.items(), key=lambda p: (p[0] == "Sans critère", p[0])
        ):
            reply.item(f"{criterion} : {count(len(members), 'action')}", *(a.id for a in members))
        return reply
    if per is None and (_STILL_TO_DO.search(question.normalized) or entities.status_negated):
        # « il reste combien d'actions ? »: those not done, not abandoned
        still = [a for a in pool if a.status_category not in CLOSED]
        n = len(still)
        reply.about("actions", criterion=entities.criterion, actions=[a.id for a in still])
        reply.say(f"{count(n, 'action')} {agree(n, 'reste', 'restent')} à mener",
                  *(a.id for a in still), end=" :")  # fmt: skip
        return items_by_status(reply, still)
    if per != "owner":
        n = len(pool)
        opening = "Cela fait" if previous else "Le plan compte"  # the last answer's items
        stars = f" de priorité {'*' * entities.priority}" if entities.priority else ""
        reply.say(f"{opening} {count(n, 'action')}{stars}", *(a.id for a in pool), end=" :")
        items_by_status(reply, pool)
        return reply
    ranked = _label_counts(knowledge, pool)
    owned = [(label, members) for label, members in ranked if label != "Sans responsable"]
    if entities.extreme == "least" and owned:
        fewest = min(len(members) for _, members in owned)
        lowest = [(label, members) for label, members in owned if len(members) == fewest]
        verb = agree(len(lowest), "Le responsable qui porte", "Les responsables qui portent")
        reply.say(f"{verb} le moins d'actions", *(a.id for _, members in lowest for a in members),
                  end=" :")  # fmt: skip
        for label, members in lowest:
            reply.item(f"{label} : {count(len(members), 'action')}", *(a.id for a in members))
        return reply
    top_label, top = ranked[0]
    if top_label != "Sans responsable":
        reply.owner = top_label  # « et ses actions en retard ? »
    reply.say(f"{top_label} porte le plus d'actions : {len(top)}", *(a.id for a in top))
    reply.say("Voici les responsables qui portent le plus d'actions", end=" :")
    for label, members in ranked[:_TOP]:
        reply.item(f"{label} : {count(len(members), 'action')}", *(a.id for a in members))
    return reply
