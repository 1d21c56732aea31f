"""Answers about a subject: where a theme stands, what is still missing, what could be done.

« Où en est-on sur la biosécurité ? » must say whether the experts' recommendation on it is
covered, not only quote passages; « que devrait-on faire pour la faiblesse Y ? » is answered
with what the workspace can ground — the related recommendation and its verdict, the
actions already planned, the audit's drafts for them, similar actions of the other plans —
every line cited, nothing invented. Both read the same audit as the printed report.
"""

from __future__ import annotations

import re

from assistant.audit.weak_links import counts
from assistant.chat.knowledge import Knowledge
from assistant.chat.link_groups import link_groups
from assistant.chat.reply import Reply
from assistant.chat.resolve import (
    closest_passages,
    find_recommendation,
    previous_actions,
    theme_actions,
)
from assistant.chat.text import agree, count, quoted, stems
from assistant.chat.wording import describe_action, first_sentence, recommendation_label
from assistant.schema import Action, Coverage, Mapping, PassageKind, SwotItem, SwotKind
from assistant.schema.chat import Focus, Question

SWOT_GAP = "swot_without_action"
_TO_IMPROVE = (SwotKind.WEAKNESS, SwotKind.THREAT)
#: Words that name the kind of item asked about, not its subject.
_KIND_WORDS = frozenset(
    stems("faiblesse faiblesses menace menaces force forces opportunite swot reco recommandation")
)
_CLAUSE = re.compile(r"\s*(?:[:;,.()]|\bet\b|\bainsi que\b)\s*")
#: Share of a clause's stems the linked actions must hold for it to count as addressed.
CLAUSE_ADDRESSED = 0.5


def _wanted(theme: str | None) -> list[str]:
    return [s for s in dict.fromkeys(stems(theme or "")) if s not in _KIND_WORDS]


def _best(wanted: list[str], texts: dict[str, str]) -> list[str]:
    """Ids whose text holds every wanted stem, else the most of them (at least half)."""
    if not wanted:
        return []
    hits = {i: len(set(wanted) & set(stems(text))) for i, text in texts.items()}
    best = max(hits.values(), default=0)
    if best == 0 or best < len(wanted) / 2:
        return []
    return [i for i, n in hits.items() if n == best]


def recommendations_about(
    knowledge: Knowledge, theme: str | None, actions: list[Action]
) -> list[Mapping]:
    """The recommendations a subject names (their wording), then those its actions answer."""
    wanted = _wanted(theme)
    by_id = {m.recommendation_id: m for m in knowledge.mappings}
    named = _best(wanted, {m.recommendation_id: m.text or "" for m in knowledge.mappings})
    found = [by_id[i] for i in named]
    via_actions: dict[str, int] = {}
    for action in actions:
        for rec_id in action.addresses:
            mapping = knowledge.mapping_for(rec_id)
            if mapping is not None and mapping not in found:
                via_actions[mapping.recommendation_id] = (
                    via_actions.get(mapping.recommendation_id, 0) + 1
                )
    ranked = sorted(via_actions, key=lambda i: -via_actions[i])
    return (found + [by_id[i] for i in ranked if i in by_id])[:4]


def missing_parts(knowledge: Knowledge, mapping: Mapping) -> list[str]:
    """Parts of a recommendation's wording that none of its answering actions speaks of
    (a « lien probable, à confirmer » is not an answer, as in the audit)."""
    if not mapping.text:
        return []
    linked = _answering_actions(knowledge, mapping)
    have = set(stems(" ".join(" ".join([a.text, *a.indicators]) for a in linked)))
    parts = []
    for clause in _CLAUSE.split(mapping.text):
        own = set(stems(clause))
        if len(own) >= 2 and len(own & have) / len(own) < CLAUSE_ADDRESSED:
            parts.append(clause.strip())
    return parts


def _answering_actions(knowledge: Knowledge, mapping: Mapping) -> list[Action]:
    """The actions the audit counts as answers to the recommendation (`weak_links.counts`)."""
    return [
        knowledge.actions[link.action_id]
        for link in mapping.links
        if counts(link) and link.action_id in knowledge.actions
    ]


def verdict_lines(knowledge: Knowledge, reply: Reply, mapping: Mapping) -> None:
    """The coverage of one recommendation, the links it rests on that are still to be
    confirmed (each action named), and what it still lacks."""
    rec_id = mapping.recommendation_id
    links = link_groups(knowledge, mapping)
    if mapping.coverage is Coverage.UNCOVERED:
        reply.item(
            f"{recommendation_label(mapping, limit=200)} : elle n'est couverte par aucune action",
            rec_id,
        )
    else:
        words = "couverte" if mapping.coverage is Coverage.COVERED else "couverte que partiellement"
        lead = "elle est" if mapping.coverage is Coverage.COVERED else "elle n'est"
        resting = links.resting_on_set_apart()
        reply.item(
            f"{recommendation_label(mapping, limit=200)} : {lead} {words}"
            + (f", mais {resting}" if resting else ""),
            rec_id,
            *(links.set_apart if resting else []),
        )
    for action_id in links.probable:
        action = knowledge.actions[action_id]
        reply.item(
            f"Lien probable, à confirmer (non compté) : {quoted(action.text, 140)}", action_id
        )
    for action_id in links.earlier:
        action = knowledge.actions[action_id]
        reply.item(
            f"Lien écrit pour l'ancien rapport, à vérifier (non compté) : {quoted(action.text, 140)}",
            action_id,
        )
    if mapping.coverage is Coverage.UNCOVERED:
        return
    for gap in knowledge.gaps_of(rec_id, "recommendation_only_stalled_actions"):
        reply.item(first_sentence(gap.message), gap.id, rec_id)
    if mapping.coverage is Coverage.PARTIAL and (parts := missing_parts(knowledge, mapping)):
        reply.item("Ce qui manque encore : " + ", ".join(quoted(p, 120) for p in parts[:4]), rec_id)


def _swot_about(knowledge: Knowledge, theme: str | None) -> list[SwotItem]:
    """Weaknesses and threats on a subject: what advice is asked for, never a strength."""
    texts = {i.id: i.text for i in knowledge.swot.values() if i.kind in _TO_IMPROVE}
    ids = _best(_wanted(theme), texts)
    return [knowledge.swot[i] for i in ids][:3]


def theme_status(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Où en est-on sur la biosécurité ? » — the verdict of the recommendations on it."""
    theme = question.entities.theme
    if not theme:
        return Reply(confidence=0.4).say(
            "Sur quel sujet ? Par exemple « Où en est-on sur les stages ? »", end=""
        )
    match = theme_actions(knowledge, theme, knowledge.main_actions)
    actions = match.actions if match.complete else []
    mappings = recommendations_about(knowledge, theme, actions)
    reply = Reply().about("actions", recommendations=[m.recommendation_id for m in mappings],
                          actions=[a.id for a in actions])  # fmt: skip
    if not mappings and not actions:
        return reply.say(f"Je ne trouve ni recommandation ni action du plan sur « {theme} »")
    if mappings:
        n = len(mappings)
        reply.say(
            f"Recommandations des experts sur ce sujet ({n})",
            *(m.recommendation_id for m in mappings),
            end=" :",
        )
        for mapping in mappings:
            verdict_lines(knowledge, reply, mapping)
    if actions:
        n = len(actions)
        reply.say(f"{count(n, 'action')} du plan {agree(n, 'en parle', 'en parlent')}", *(a.id for a in actions), end=" :")  # fmt: skip
        for action in actions[:8]:
            reply.item(describe_action(action), action.id)
    elif mappings:
        reply.say(f"Je ne trouve pas d'action du plan dont l'intitulé parle de « {theme} »")
    return reply


def _advice_target(
    knowledge: Knowledge, question: Question, focus: Focus
) -> tuple[SwotItem | None, list[Mapping], list[Action]]:
    entities = question.entities
    if entities.recommendation_number:
        lookup = find_recommendation(knowledge, entities.recommendation_number, entities.criterion,
                                     entities.page, focus.criterion)  # fmt: skip
        found = [lookup.found] if lookup.found else lookup.candidates[:1]
        actions = [a for m in found for a in _answering_actions(knowledge, m)]
        return None, found, actions
    if question.follow_up and not entities.theme and focus.recommendation_ids:
        # « tu proposerais quoi alors ? » after a recommendation: that one, its actions
        found = [m for i in focus.recommendation_ids if (m := knowledge.mapping_for(i))][:2]
        actions = [a for m in found for a in _answering_actions(knowledge, m)]
        return None, found, actions
    previous = previous_actions(knowledge, question, focus)
    swot = _swot_about(knowledge, entities.theme)
    item = swot[0] if swot else None
    subject = item.text if item else entities.theme
    match = (
        theme_actions(knowledge, entities.theme or "", knowledge.main_actions)
        if entities.theme
        else None
    )
    actions = previous or (match.actions if match and match.complete else [])
    searched = False
    if item is not None and knowledge.gaps_of(item.id, SWOT_GAP):
        actions = []  # the audit says no action treats it: theme words alone are not enough
    elif item is not None and not actions and knowledge.main is not None:
        # the audit found actions treating this SWOT item: the closest ones, as it searched them
        hits = closest_passages(knowledge, item.text, k=3, kinds=[PassageKind.ACTION],
                                document_ids=[knowledge.main.document.id])  # fmt: skip
        actions = [
            knowledge.actions[h.passage.id] for h in hits if h.passage.id in knowledge.actions
        ]
        searched = True
    # the recommendation on the subject as asked, then those its actions answer
    mappings = recommendations_about(knowledge, entities.theme or subject, actions)
    if searched and mappings:
        # the closest actions say which recommendation this is; its actions are what is planned
        actions = _answering_actions(knowledge, mappings[0])[:6] or actions
    return item, mappings[:2], actions


def advice(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Que devrait-on faire pour la faiblesse Y ? » — grounded pointers, never invented ones."""
    item, mappings, actions = _advice_target(knowledge, question, focus)
    reply = Reply().about("actions", recommendations=[m.recommendation_id for m in mappings],
                          actions=[a.id for a in actions])  # fmt: skip
    if item is None and not mappings and not actions:
        return reply.say(
            "Je ne trouve ni élément de l'analyse SWOT, ni recommandation, ni action sur ce sujet : "
            "précisez-le, par exemple « que devrait-on faire pour la faiblesse sur les stages ? »"
        )
    if item is not None:
        gaps = knowledge.gaps_of(item.id, SWOT_GAP)
        reply.say(f"Analyse SWOT : {quoted(item.text, 200)}", item.id)
        if gaps:
            reply.say(
                "Aucune action du plan ne traite encore cet élément de l'analyse SWOT",
                item.id,
                gaps[0].id,
            )
    if mappings:
        reply.say(
            "Recommandation des experts à laquelle le rattacher",
            *(m.recommendation_id for m in mappings),
            end=" :",
        )
        for mapping in mappings:
            verdict_lines(knowledge, reply, mapping)
    if actions:
        reply.say(
            "Actions déjà prévues, à renforcer ou compléter", *(a.id for a in actions[:6]), end=" :"
        )
        for action in actions[:6]:
            reply.item(describe_action(action), action.id)
        ids = {a.id for a in actions}
        drafts = [d for d in knowledge.audit.drafts if d.action_id in ids][:4]
        if drafts:
            reply.say(
                "Propositions de l'audit pour ces actions, à valider",
                *(d.id for d in drafts),
                end=" :",
            )
            for draft in drafts:
                what = "Responsable" if draft.field.value == "owner" else "Indicateur"
                reply.item(f"{what} : {quoted(draft.proposal, 160)}", draft.id)
    _similar_elsewhere(knowledge, reply, question.entities.theme)
    reply.say(
        "Vous pouvez partir de ces éléments pour rédiger une action avec un responsable, une échéance et un indicateur mesurable"
    )
    return reply


def _similar_elsewhere(knowledge: Knowledge, reply: Reply, theme: str | None) -> None:
    wanted = " ".join(_wanted(theme))
    if not wanted or not knowledge.others:
        return
    for plan in knowledge.others:
        match = theme_actions(knowledge, theme or "", plan.actions)
        if match.actions and match.complete:
            reply.say(
                f"Dans « {plan.document.name} », actions semblables",
                *(a.id for a in match.actions[:3]),
                end=" :",
            )
            for action in match.actions[:3]:
                reply.item(describe_action(action), action.id)
