"""Answers that search: indicator proposals, other institutions' plans, free questions.

Indicator proposals come from the drafting module (`assistant.drafting.draft_indicators`,
grounded in similar actions and in the reviewed indicator library); when that module is
not available they come from the library alone, and the answer says so. Free questions are
answered extractively: the passages retrieval ranks best, quoted and cited — or, when they
share too few words with the question, « Je ne trouve pas... » and the closest passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.audit.indicator_patterns import load_indicator_patterns
from assistant.chat.document_text import text_answers
from assistant.chat.figures import as_typed, counted_noun, gives_the_figure
from assistant.chat.knowledge import PATTERN_PREFIX, Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.nonsense import (
    about_the_assistant,
    asked_operation,
    is_thanks,
    looks_like_a_word,
)
from assistant.chat.out_of_scope import (
    cannot_do,
    no_budget,
    out_of_scope,
    suggestions,
)
from assistant.chat.periods import about_the_world, content_words
from assistant.chat.reply import Reply
from assistant.chat.resolve import closest_passages, find_actions, theme_actions, unique_action
from assistant.chat.stated_facts import question_stems
from assistant.chat.text import agree, count, join_fr, of, quoted, quoted_around, stems
from assistant.chat.wording import describe_action
from assistant.extract.language import question_language
from assistant.schema import Action, Draft, PassageKind, SearchHit
from assistant.schema.chat import Focus, Question

_KIND_LABEL = {"output": "Indicateur de réalisation", "outcome": "Indicateur de résultat"}
_PASSAGE_LABEL = {
    PassageKind.ACTION: "Action",
    PassageKind.RECOMMENDATION: "Recommandation",
    PassageKind.SWOT: "SWOT",
    PassageKind.CHUNK: "Extrait",
}
#: A free question is answered when the best passage holds this share of its content words.
ANSWER_OVERLAP = 0.5


def _indicator_target(
    knowledge: Knowledge, question: Question, focus: Focus
) -> tuple[list[Action], Reply | None]:
    query = question.entities.action_query or (
        None if question.entities.pronoun else question.entities.theme
    )
    if query:
        matches = find_actions(knowledge, query)
        chosen = unique_action(matches)
        if chosen is not None:
            return [chosen], None
        if not matches and question.entities.theme:
            themed = theme_actions(
                knowledge, question.entities.theme, knowledge.main_actions
            ).actions
            if len(themed) == 1:
                return themed, None
            matches = [(a, 0.0) for a in themed]
        if matches:
            reply = Reply(confidence=0.5).say(
                f"Plusieurs actions correspondent à « {query} »",
                *(a.id for a, _ in matches[:3]),
                end=" :",
            )
            reply.items((describe_action(a, owner=False), [a.id]) for a, _ in matches[:3])
            reply.say("Précisez laquelle en citant quelques mots de plus de son intitulé")
            return [], reply.about("actions", actions=[a.id for a, _ in matches[:3]])
    if focus.action_ids:
        return [knowledge.actions[i] for i in focus.action_ids[:3] if i in knowledge.actions], None
    return [], Reply(confidence=0.4).say(
        "Pour quelle action ? Citez quelques mots de son intitulé, par exemple « Propose des indicateurs pour l'action sur le portfolio numérique »",
        end="",
    )


def _drafts(knowledge: Knowledge, action: Action) -> list[Draft] | None:
    """Indicator drafts from the drafting module (None when it is not available)."""
    context = knowledge.drafting
    if context is None:
        return None
    from assistant.drafting import draft_indicators

    drafts: list[Draft] = draft_indicators(action, context)
    for draft in drafts:
        knowledge.drafts[draft.id] = draft
    return drafts


def indicators(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Propose des indicateurs pour l'action X » — suggestions to review, never facts."""
    actions, problem = _indicator_target(knowledge, question, focus)
    if problem is not None:
        return problem
    reply = Reply().about("actions", actions=[a.id for a in actions], criterion=focus.criterion)
    for action in actions:
        reply.say(
            f"Pour l'action {quoted(action.text)}, voici des propositions d'indicateurs, à valider par l'équipe",
            action.id,
            end=" :",
        )
        drafts = _drafts(knowledge, action)
        if drafts is None:
            reply.warnings.append(
                "Le module de rédaction n'est pas disponible : propositions tirées de la seule bibliothèque d'indicateurs."
            )
            _pattern_items(reply, action)
        elif not drafts:
            _pattern_items(reply, action)
        for draft in drafts or []:
            sources = [
                s.ref if s.kind != "pattern" else PATTERN_PREFIX + s.ref for s in draft.sources
            ]
            label = _KIND_LABEL.get(draft.indicator_kind or "", "Indicateur")
            cited = [
                draft.id,
                *(s for s in sources if s.startswith(PATTERN_PREFIX) or s in knowledge.actions),
            ]
            reply.item(f"{label} : {quoted(draft.proposal, 220)}", *cited)
        if action.indicators:
            written = join_fr([quoted(i, 100) for i in action.indicators])
            reply.say(
                f"Indicateurs déjà écrits dans le plan pour cette action : {written}", action.id
            )
    return reply


def _pattern_items(reply: Reply, action: Action) -> None:
    """Proposals from the indicator library alone (no drafting module, or no draft)."""
    library = load_indicator_patterns()
    matched = library.match(" ".join(p for p in (action.text, action.objective) if p), limit=2)
    if not matched:
        reply.say(
            "Je ne trouve pas de modèle d'indicateur adapté dans la bibliothèque pour cette action"
        )
        return
    for pattern, _ in matched:
        label = _KIND_LABEL.get(pattern.kind, "Indicateur")
        reply.item(
            f"{label} : {quoted(pattern.render(), 200)} (cible indicative : {pattern.default_target})",
            PATTERN_PREFIX + pattern.id,
        )


def other_plans(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """« Comment d'autres établissements ont-ils traité l'e-campus ? »"""
    theme = question.entities.theme
    if not theme:
        return Reply(confidence=0.4).say(
            "Sur quel sujet voulez-vous comparer ? Par exemple « Comment d'autres établissements ont-ils traité l'e-campus ? »",
            end="",
        )
    own = knowledge.main.document.name if knowledge.main else None
    if not knowledge.others:
        reply = Reply(confidence=0.6).say(
            "Je ne trouve pas d'autre plan d'action que le vôtre"
            + (f" (« {own} »)" if own else "")
            + " dans l'espace de travail"
        )
        reply.say(
            "Importez les plans d'autres établissements (plan-assistant ingest FICHIER) pour les comparer"
        )
        mine = theme_actions(knowledge, theme, knowledge.main_actions)
        if mine.actions:
            n = len(mine.actions)
            reply.say(
                f"Dans votre plan, {count(n, 'action')} {'parle' if n == 1 else 'parlent'} {of(theme)}",
                *(a.id for a in mine.actions),
                end=" :",
            )
            reply.items((describe_action(a), [a.id]) for a in mine.actions[:6])
        return reply.about("actions", actions=[a.id for a in mine.actions])
    reply = Reply().about("actions")
    found_any = False
    for plan in knowledge.others:
        match = theme_actions(knowledge, theme, plan.actions)
        if not match.actions or not match.complete:
            continue
        found_any = True
        n = len(match.actions)
        title = plan.document.title
        label = f"« {plan.document.name} »" + (
            f" ({title})" if title and title != plan.document.name else ""
        )
        reply.say(f"Dans {label}, {count(n, 'action')} {'parle' if n == 1 else 'parlent'} {of(theme)}",
                  *(a.id for a in match.actions), end=" :")  # fmt: skip
        reply.items((describe_action(a), [a.id]) for a in match.actions[:8])
        reply.action_ids += [a.id for a in match.actions]
    if not found_any:
        reply = Reply(confidence=0.4).say(
            f"Je ne trouve pas d'action sur « {theme} » dans les autres plans de l'espace de travail"
        )
        hits = closest_passages(
            knowledge, theme, k=3, document_ids=[p.document.id for p in knowledge.others]
        )
        return _with_passages(knowledge, reply, hits)
    mine = theme_actions(knowledge, theme, knowledge.main_actions)
    if mine.actions and mine.complete:
        n = len(mine.actions)
        reply.say(
            f"Dans votre plan, {count(n, 'action')} {'parle' if n == 1 else 'parlent'} {of(theme)}",
            *(a.id for a in mine.actions),
        )
    return reply


_LANGUAGE_NAMES = {"en": "anglais", "nl": "néerlandais", "de": "allemand"}


def _with_passages(knowledge: Knowledge, reply: Reply, hits: list[SearchHit]) -> Reply:
    if hits:
        reply.say("Voici les passages les plus proches", end=" :")
        for hit in hits:
            passage = hit.passage
            label = _PASSAGE_LABEL[passage.kind]
            reply.item(
                f"{label} ({knowledge.document_name(passage.document_id)}) : {quoted(passage.text, 200)}",
                passage.id,
            )
    return reply.about(
        "passages", actions=[h.passage.id for h in hits if h.passage.id in knowledge.actions]
    )


#: Questions about one subject every workspace can answer (the subject put in « {} »).
_ABOUT_A_SUBJECT = (
    "Où en est-on sur {} ?",
    "Qui porte les actions sur {} ?",
    "Que devrait-on faire pour {} ?",
)


def _not_understood(
    knowledge: Knowledge, reply: Reply, unknown: list[str], known: Sequence[str] = ()
) -> Reply:
    """Say what was not understood, and what can be asked instead: about the words of the
    question the documents use (`known`), else two or three questions of the workspace."""
    unknown = [w for w in unknown if looks_like_a_word(w)]  # keyboard noise is not quoted
    subject = " ".join(known[:4])
    if subject:
        if unknown:
            listed = join_fr([f"« {w} »" for w in unknown[:3]])
            verb = agree(min(3, len(unknown)), "n'apparaît", "n'apparaissent")
            reply.say(
                f"Je n'ai pas compris ce que vous cherchez : {listed} {verb} dans aucun document de l'espace de travail"
            )
        asked = ", ".join(f"« {q.format(subject)} »" for q in _ABOUT_A_SUBJECT)
        return reply.say(f"Vous pouvez demander par exemple, sur « {subject} » : {asked}")
    if unknown:
        listed = join_fr([f"« {w} »" for w in unknown[:3]])
        verb = agree(min(3, len(unknown)), "n'apparaît", "n'apparaissent")
        reply.say(
            f"Je n'ai pas compris ce que vous cherchez : {listed} {verb} dans aucun document de l'espace de travail"
        )
    else:
        reply.say(
            "Je n'ai pas compris la question : elle ne nomme ni recommandation, ni action, ni sujet des documents"
        )
    asked = ", ".join(f"« {q} »" for q in suggestions(knowledge))
    reply.say(f"Vous pouvez par exemple demander : {asked}")
    return reply


#: A question about what the experts said (their recommendations, their report).
_ASKS_THE_EXPERTS = re.compile(r"\b(?:reco|recos|recommand\w*|experts?|comite des experts)\b")


def free(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """Any other question: the passages that answer it, quoted — or the closest ones.

    A question without a single content word (« et sinon ? », « qu'est-ce qui parle de
    plus ? ») is never searched: the answer says it was not understood and offers questions
    the workspace can answer.
    """
    if is_thanks(question.normalized):
        asked = ", ".join(f"« {q} »" for q in suggestions(knowledge))
        return (Reply(confidence=0.5).about("passages").say("Avec plaisir")
                .say(f"Vous pouvez aussi demander : {asked}"))  # fmt: skip
    if (operation := asked_operation(question.normalized)) is not None:
        return cannot_do(knowledge, operation)
    if _ASKS_THE_EXPERTS.search(question.normalized) and not any(
        r.text for r in knowledge.recommendations.values()
    ):
        # « qu'ont recommandé les experts ? » with no report: no recommendation has a wording
        asked = ", ".join(f"« {q} »" for q in suggestions(knowledge))
        return (
            Reply(confidence=0.6)
            .about("passages")
            .say(
                "Je ne trouve aucune recommandation des experts dans l'espace de travail : il "
                "ne contient pas de rapport d'évaluation (importez-le avec « plan-assistant "
                "ingest FICHIER »)"
            )
            .say(f"Vous pouvez par exemple demander : {asked}")
        )
    vocabulary = knowledge.vocabulary()
    if find_cues(question.normalized.split(), vocabulary).has("cost"):
        return no_budget(knowledge, question.text)  # « ils coûtent combien ? »: not a count
    subject = content_words(question.text)
    if not subject or about_the_assistant(question.normalized):
        reply = Reply(confidence=0.2).about("passages")
        return _not_understood(knowledge, reply, [])
    unknown = [w for w in subject if not (set(stems(w)) & vocabulary)]
    if question_language(question.text) is None and about_the_world(question.text, vocabulary):
        return out_of_scope(knowledge)  # « quel temps fera-t-il demain ? »: not a search
    hits = closest_passages(knowledge, question.text, k=5)
    wanted = question_stems(question.text)
    scored = sorted(
        (
            (len(wanted & set(stems(h.passage.text))) / len(wanted) if wanted else 0.0, h)
            for h in hits
        ),
        key=lambda pair: -pair[0],
    )
    # the items retrieval ranks best, and the documents' own sentences (« … la visite des
    # experts des 12, 13 et 14 mars 2024 »), the passages holding most of the asked words first
    answering = sorted(
        [(share, _PASSAGE_LABEL[h.passage.kind], h.passage.document_id, h.passage.text, h.passage.id)
         for share, h in scored if share >= ANSWER_OVERLAP]
        + [(share, "Extrait", p.document_id, p.text, p.id)
           for share, p in text_answers(list(knowledge.texts.values()), wanted, ANSWER_OVERLAP)],
        key=lambda entry: -entry[0],
    )  # fmt: skip
    noun = counted_noun(question.normalized)
    if noun and answering and not any(gives_the_figure(e[3], noun, wanted) for e in answering):
        # « combien d'étudiants ont demandé un AR ? »: passages on the subject, no figure
        asked = as_typed(question.text, noun)
        reply = Reply(confidence=0.4).say(
            "Je ne trouve pas ce chiffre dans les documents de l'espace de travail : aucun "
            f"passage ne donne de nombre de « {asked} »"
        )
        reply.say("Voici les passages les plus proches", end=" :")
        for _, label, document_id, text, passage_id in answering[:3]:
            reply.item(
                f"{label} ({knowledge.document_name(document_id)}) : "
                f"{quoted_around(text, wanted, 200)}",
                passage_id,
            )
        return reply.about("passages")
    if answering:
        reply = Reply(confidence=0.5).say(
            "Voici ce que disent les documents de l'espace de travail", end=" :"
        )
        for _, label, document_id, text, passage_id in answering[:4]:
            reply.item(
                f"{label} ({knowledge.document_name(document_id)}) : "
                f"{quoted_around(text, wanted, 240)}",
                passage_id,
            )
        return reply.about(
            "passages", actions=[e[4] for e in answering if e[4] in knowledge.actions]
        )
    language = question_language(question.text)
    if language is None and len(unknown) == len(subject):
        # not one word of the question is in the documents: nothing to search on
        return _not_understood(knowledge, Reply(confidence=0.2).about("passages"), unknown)
    reply = Reply(confidence=0.3).say(
        "Je ne trouve pas de réponse précise à cette question dans les documents de l'espace de travail"
    )
    if language is not None:
        reply.say(
            f"La question semble rédigée en {_LANGUAGE_NAMES[language]} : je comprends les "
            "questions posées en français, par exemple « Quelles recommandations ne sont "
            "couvertes par aucune action ? »"
        )
    else:
        known = [w for w in subject if w not in unknown]
        _not_understood(knowledge, reply, unknown, known)
    return _with_passages(knowledge, reply, hits[:3])
