"""Answers about recommendations: which are not covered, what answers one, how a criterion stands.

All three read the audit's traceability matrix (`Knowledge.audit.mappings`), so the
conversation never disagrees with the printed audit report.
"""

from __future__ import annotations

import re

from assistant.audit.weak_links import counts
from assistant.chat.answers_topics import missing_parts
from assistant.chat.knowledge import Knowledge
from assistant.chat.link_groups import link_groups, reason_to_check, say_set_apart
from assistant.chat.reply import Reply
from assistant.chat.resolve import (
    find_recommendation,
    key_parts,
    known_criteria,
    recommendations_of_criterion,
)
from assistant.chat.text import agree, count, join_fr, quoted
from assistant.chat.wording import (
    STATUS_ORDER,
    describe_action,
    first_sentence,
    recommendation_label,
    status_label,
)
from assistant.mapping.verdicts import asks_to_check
from assistant.schema import Coverage, Mapping, Severity, TargetKind
from assistant.schema.chat import Focus, Question

_COVERAGE_WORDS = {
    Coverage.COVERED: ("couverte", "couvertes"),
    Coverage.PARTIAL: ("couverte partiellement", "couvertes partiellement"),
    Coverage.UNCOVERED: ("non couverte", "non couvertes"),
}


def _unknown_criterion(knowledge: Knowledge, criterion: str) -> Reply | None:
    if any(m.criterion == criterion for m in knowledge.mappings):
        return None
    known = known_criteria(knowledge)
    reply = Reply(confidence=0.5).say(
        f"Je ne trouve aucune recommandation du {criterion.lower()} dans l'espace de travail"
    )
    if known:
        reply.say(f"Précisez l'un des critères présents : {join_fr(known)}")
    return reply


def uncovered(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Quelles recommandations ne sont couvertes par aucune action ? » (or partially)."""
    criterion = question.entities.criterion
    if criterion and (problem := _unknown_criterion(knowledge, criterion)):
        return problem
    level = Coverage.PARTIAL if question.entities.partial else Coverage.UNCOVERED
    where = f" du {criterion.lower()}" if criterion else ""
    found = [
        m for m in knowledge.mappings
        if m.coverage is level and (criterion is None or m.criterion == criterion)
    ]  # fmt: skip
    reply = Reply().about("recommendations", criterion=criterion,
                          recommendations=[m.recommendation_id for m in found])  # fmt: skip
    if not found:
        scope = [m for m in knowledge.mappings if criterion is None or m.criterion == criterion]
        if level is Coverage.UNCOVERED:
            reply.say(
                f"Chaque recommandation{where} a au moins une action qui y répond",
                *(m.recommendation_id for m in scope),
            )
        else:
            reply.say(f"Je ne trouve aucune recommandation{where} couverte seulement en partie")
        return reply
    n = len(found)
    if level is Coverage.UNCOVERED:
        head = f"{count(n, 'recommandation')}{where} {agree(n, 'n’est couverte', 'ne sont couvertes')} par aucune action du plan"
    else:
        head = f"{count(n, 'recommandation')}{where} {agree(n, 'n’est couverte', 'ne sont couvertes')} que partiellement"
    reply.say(head.replace("’", "'"), *(m.recommendation_id for m in found), end=" :")
    for mapping in found:
        if level is Coverage.UNCOVERED:
            label, cites = recommendation_label(mapping), [mapping.recommendation_id]
            if asks_to_check(mapping.reason):
                sentences, cites = reason_to_check(knowledge, mapping)
                label += f" — {sentences[0]}"
            reply.item(label, *cites)
        else:
            links = link_groups(knowledge, mapping)
            actions = links.written + links.semantic
            texts = join_fr([quoted(knowledge.actions[a].text, 80) for a in actions[:2]])
            suffix = f" ; {agree(len(actions), 'action', 'actions')} : {texts}" if texts else ""
            if apart := links.apart_note():
                suffix += f" ; non {agree(len(links.probable) + len(links.earlier), 'compté', 'comptés')} : {apart}"
            reply.item(
                recommendation_label(mapping, limit=120) + suffix,
                mapping.recommendation_id,
                *actions[:2],
            )
    if level is Coverage.UNCOVERED:
        partial = [m for m in knowledge.mappings
                   if m.coverage is Coverage.PARTIAL and (criterion is None or m.criterion == criterion)]  # fmt: skip
        if partial:
            reply.say(
                "Pour voir celles qui ne sont couvertes qu'en partie, demandez « lesquelles sont partiellement couvertes ? »"
            )
    return reply


def recommendation(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Qu'avons-nous prévu pour la recommandation 5 du critère 3 ? »"""
    entities = question.entities
    number = entities.recommendation_number
    if number is None:
        if len(focus.recommendation_ids) == 1 and (
            m := knowledge.mapping_for(focus.recommendation_ids[0])
        ):
            return _one_recommendation(knowledge, m, Reply(), question)
        return Reply(confidence=0.4).say(
            "De quelle recommandation parlez-vous ? Précisez son numéro et son critère, par exemple « recommandation 2 du critère 3 »",
            end="",
        )
    lookup = find_recommendation(
        knowledge, number, entities.criterion, entities.page, focus.criterion
    )
    if lookup.found is not None:
        reply = Reply()
        if lookup.criterion_used_from_context and lookup.found.criterion:
            reply.warnings.append(
                f"Critère repris de la question précédente : {lookup.found.criterion}."
            )
        return _one_recommendation(knowledge, lookup.found, reply, question)
    if lookup.candidates:
        reply = Reply(confidence=0.5).say(
            f"La recommandation {number} existe dans plusieurs critères",
            *(m.recommendation_id for m in lookup.candidates),
            end=" :",
        )
        reply.items(
            (recommendation_label(m, limit=100), [m.recommendation_id]) for m in lookup.candidates
        )
        reply.say(
            f"Précisez le critère, par exemple « recommandation {number} du {lookup.candidates[0].criterion or 'critère 1'} »".replace(
                "du Critère", "du critère"
            )
        )
        return reply.about(
            "recommendations", recommendations=[m.recommendation_id for m in lookup.candidates]
        )
    where = f" au {entities.criterion.lower()}" if entities.criterion else ""
    reply = Reply(confidence=0.5).say(
        f"Je ne trouve pas de recommandation {number}{where} dans l'espace de travail"
    )
    if entities.criterion and (
        siblings := recommendations_of_criterion(knowledge, entities.criterion)
    ):
        numbers = [key_parts(m.recommendation_key)[1] or m.recommendation_ref for m in siblings]
        reply.say(
            f"Le {entities.criterion.lower()} compte {count(len(siblings), 'recommandation')}, "
            f"numérotées {join_fr(numbers)}",
            *(m.recommendation_id for m in siblings),
        )
    return reply.about("recommendations", criterion=entities.criterion)


_ASKS_MISSING = re.compile(r"\b(?:manque|manquent|faut|reste|restent|encore)\b")
_FIELD_GAPS = {
    "action_without_owner": "sans responsable",
    "action_without_deadline": "sans échéance",
    "action_without_indicator": "sans indicateur de suivi",
}


def _one_recommendation(
    knowledge: Knowledge, mapping: Mapping, reply: Reply, question: Question | None = None
) -> Reply:
    rec_id = mapping.recommendation_id
    reply.say(recommendation_label(mapping, limit=300), rec_id)
    links = link_groups(knowledge, mapping)
    written, semantic = links.written, links.semantic
    if mapping.coverage is Coverage.UNCOVERED:
        reply.say(
            "Aucune action du plan n'y répond : elle n'est couverte par aucune action", rec_id
        )
        if asks_to_check(mapping.reason):
            sentences, cites = reason_to_check(knowledge, mapping)
            for sentence in sentences:
                reply.say(sentence, *cites)
    elif written:
        n = len(written)
        verdict = (
            "Elle est couverte"
            if mapping.coverage is Coverage.COVERED
            else "Elle n'est couverte que partiellement"
        )
        reply.say(
            f"{verdict} : {count(n, 'action')} du plan {agree(n, 'y fait', 'y font')} référence",
            rec_id,
            *written,
            end=" :",
        )
        for action_id in written:
            reply.item(describe_action(knowledge.actions[action_id]), action_id)
    elif resting := links.resting_on_set_apart():
        # the audit's verdict rests on links it does not count: say so, then name them
        verdict = (
            "Elle est couverte"
            if mapping.coverage is Coverage.COVERED
            else "Elle n'est couverte que partiellement"
        )
        reply.say(f"{verdict}, mais {resting}", rec_id, *links.set_apart)
    if semantic:
        n = len(semantic)
        label = "Action proche par le contenu" if n == 1 else "Actions proches par le contenu"
        reply.say(f"{label}, sans référence écrite à cette recommandation", *semantic, end=" :")
        for action_id in semantic:
            reply.item(describe_action(knowledge.actions[action_id]), action_id)
    say_set_apart(knowledge, reply, links)
    for gap in knowledge.gaps_of(rec_id, "recommendation_only_stalled_actions"):
        reply.say(first_sentence(gap.message), gap.id, rec_id)
    if mapping.coverage is Coverage.PARTIAL and (parts := missing_parts(knowledge, mapping)):
        reply.say(
            "Ce qui manque encore : aucune action ne traite "
            + ", ".join(quoted(p, 120) for p in parts[:4]),
            rec_id,
        )
    if question is not None and _ASKS_MISSING.search(question.normalized):
        for action_id in written + semantic:
            lacks = [
                label for kind, label in _FIELD_GAPS.items() if knowledge.gaps_of(action_id, kind)
            ]
            if lacks:
                action = knowledge.actions[action_id]
                reply.say(f"Il manque aussi à l'action {quoted(action.text, 100)} : elle est {join_fr(lacks)}",
                          action_id, *(g.id for k in _FIELD_GAPS for g in knowledge.gaps_of(action_id, k)))  # fmt: skip
    shown = written + semantic + links.probable + links.earlier
    return reply.about(
        "actions" if shown else "recommendations",
        criterion=mapping.criterion,
        recommendations=[rec_id],
        actions=shown,
    )


def progress(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Résume l'avancement du critère 2 » (or of the whole plan)."""
    criterion = question.entities.criterion
    if criterion and (problem := _unknown_criterion(knowledge, criterion)):
        return problem
    if criterion is None:
        if question.entities.extreme:
            return _criteria_compared(knowledge, question.entities.extreme)
        return _plan_progress(knowledge)
    members = recommendations_of_criterion(knowledge, criterion)
    rec_ids = [m.recommendation_id for m in members]
    reply = Reply().about("criterion", criterion=criterion, recommendations=rec_ids)
    reply.say(
        f"Le {criterion.lower()} compte {count(len(members), 'recommandation')}", *rec_ids, end=" :"
    )
    for level in (Coverage.COVERED, Coverage.PARTIAL, Coverage.UNCOVERED):
        group = [m for m in members if m.coverage is level]
        if group:
            words = _COVERAGE_WORDS[level][0 if len(group) == 1 else 1]
            refs = join_fr([m.recommendation_ref for m in group])
            reply.item(f"{len(group)} {words} : {refs}", *(m.recommendation_id for m in group))
    action_ids = [
        link.action_id
        for m in members
        for link in m.links
        if counts(link) and link.action_id in knowledge.actions
    ]
    action_ids = list(dict.fromkeys(action_ids))
    reply.action_ids = action_ids
    if action_ids:
        n = len(action_ids)
        reply.say(
            f"{count(n, 'action')} {agree(n, 'y répond', 'y répondent')}", *action_ids, end=" :"
        )
        _status_items(knowledge, reply, action_ids)
    gaps = [
        g for g in knowledge.audit.gaps
        if g.severity in (Severity.CRITICAL, Severity.MAJOR)
        and ((g.target_kind is TargetKind.ACTION and g.target_id in action_ids)
             or (g.target_kind is TargetKind.RECOMMENDATION and g.target_id in rec_ids))
    ]  # fmt: skip
    if gaps:
        reply.say(
            f"Points d'attention relevés par l'audit ({len(gaps)})", *(g.id for g in gaps), end=" :"
        )
        for gap in gaps[:8]:
            reply.item(first_sentence(gap.message), gap.id, gap.target_id)
    return reply


def _status_items(knowledge: Knowledge, reply: Reply, action_ids: list[str]) -> None:
    for category in STATUS_ORDER:
        group = [a for a in action_ids if knowledge.actions[a].status_category is category]
        if group:
            reply.item(f"{len(group)} {status_label(category, len(group))}", *group)


def _criteria_compared(knowledge: Knowledge, extreme: str) -> Reply:
    """« Quel critère est le moins couvert ? »: criteria ranked by their share of covered
    recommendations (a partial one counts half), then by their uncovered ones."""
    groups: dict[str, list[Mapping]] = {}
    for mapping in knowledge.mappings:
        if mapping.criterion:
            groups.setdefault(mapping.criterion, []).append(mapping)
    if not groups:
        return _plan_progress(knowledge)
    weight = {Coverage.COVERED: 1.0, Coverage.PARTIAL: 0.5, Coverage.UNCOVERED: 0.0}

    def share(members: list[Mapping]) -> tuple[float, int]:
        covered = sum(weight[m.coverage] for m in members) / len(members)
        return covered, -sum(m.coverage is Coverage.UNCOVERED for m in members)

    ranked = sorted(groups, key=lambda name: share(groups[name]))
    if extreme == "most":
        ranked.reverse()
    best = share(groups[ranked[0]])
    chosen = [name for name in ranked if share(groups[name]) == best]
    reply = Reply().about(
        "criterion",
        criterion=chosen[0] if len(chosen) == 1 else None,
        recommendations=[m.recommendation_id for name in chosen for m in groups[name]],
    )
    if len(chosen) == len(ranked) > 1:  # nothing to compare: every criterion alike
        reply.say(
            f"Les {len(ranked)} critères sont couverts à égalité", *cited_all(groups), end=" :"
        )
        for name in ranked:
            reply.item(f"{name} : " + _coverage_parts(groups[name]))
        return reply
    plural = len(chosen) > 1
    adjective = (
        ("les moins couverts" if plural else "le moins couvert")
        if extreme == "least"
        else ("les mieux couverts" if plural else "le mieux couvert")
    )
    cited = [m.recommendation_id for name in chosen for m in groups[name]]
    verb = "Les critères" if plural else "Le critère"
    reply.say(f"{verb} {adjective} : {join_fr(chosen)}", *cited, end=" :")
    for name in ranked:
        reply.item(f"{name} : " + _coverage_parts(groups[name]))
    return reply


def cited_all(groups: dict[str, list[Mapping]]) -> list[str]:
    return [m.recommendation_id for members in groups.values() for m in members]


def _coverage_parts(members: list[Mapping]) -> str:
    """« 1 couverte [rec-…] ; 1 non couverte [rec-…] »: ids written in, as in the plan's summary."""
    parts = []
    for level in (Coverage.COVERED, Coverage.PARTIAL, Coverage.UNCOVERED):
        group = [m for m in members if m.coverage is level]
        if group:
            words = _COVERAGE_WORDS[level][0 if len(group) == 1 else 1]
            ids = ", ".join(m.recommendation_id for m in group)
            parts.append(f"{len(group)} {words} [{ids}]")
    return " ; ".join(parts)


def _plan_progress(knowledge: Knowledge) -> Reply:
    mappings = knowledge.mappings
    reply = Reply().about("criterion", recommendations=[m.recommendation_id for m in mappings])
    if not mappings and not knowledge.main_actions:
        return reply.say("Je ne trouve ni recommandation ni action dans l'espace de travail")
    if mappings:
        reply.say(f"L'espace de travail compte {count(len(mappings), 'recommandation')}",
                  *(m.recommendation_id for m in mappings), end=" :")  # fmt: skip
        groups: dict[str, list[Mapping]] = {}
        for mapping in mappings:
            groups.setdefault(mapping.criterion or "Sans critère", []).append(mapping)
        for criterion, members in groups.items():
            reply.item(f"{criterion} : " + _coverage_parts(members))
    actions = [a.id for a in knowledge.main_actions]
    if actions:
        n = len(actions)
        reply.say(f"Le plan compte {count(n, 'action')}", *actions, end=" :")
        _status_items(knowledge, reply, actions)
    return reply
