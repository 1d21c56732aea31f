"""Questions the workspace cannot answer, said plainly: costs, the world outside the plan,
operations the assistant does not carry out — each with questions it can answer instead.

The plan's actions carry no budget (a « Budget » or « Coût » column is read as a column to
leave out, `extract/data/headers_fr.json`), so « ils coûtent combien ? » gets that said, not
a count of actions. A question whose only words the documents use are words of the clock,
the days and the weather (`data/time_words.txt`: « quel temps fera-t-il demain ? ») asks
about the world, not the plan: it is out of scope, and « temps » is not searched.
"""

from __future__ import annotations

from assistant.chat.knowledge import Knowledge
from assistant.chat.reply import Reply
from assistant.chat.resolve import closest_passages
from assistant.chat.text import quoted, stems
from assistant.schema import PassageKind


def out_of_scope(knowledge: Knowledge) -> Reply:
    """« quel temps fera-t-il demain ? »: out of scope, and what can be asked instead."""
    asked = ", ".join(f"« {q} »" for q in suggestions(knowledge))
    return (
        Reply(confidence=0.2)
        .about("passages")
        .say(
            "Je n'ai pas compris cette question comme portant sur le plan : elle est hors du "
            "champ des documents de l'espace de travail, les seuls sur lesquels je réponds"
        )
        .say(f"Vous pouvez par exemple demander : {asked}")
    )


_LABEL = {PassageKind.ACTION: "Action", PassageKind.RECOMMENDATION: "Recommandation",
          PassageKind.SWOT: "SWOT"}  # fmt: skip
#: Stems of the words that name a cost in a passage.
_COST_STEMS = frozenset(stems("budget budgets coût coûts financement montant euros prix"))


def no_budget(knowledge: Knowledge, question: str) -> Reply:
    """« ils coûtent combien ? »: the plan gives no cost; the passages that speak of one."""
    reply = Reply(confidence=0.5).say(
        "Je ne trouve ni budget ni coût dans les actions du plan : une colonne « Budget » ou "
        "« Coût », s'il y en a une, n'est pas reprise, je ne peux donc pas dire combien elles coûtent"
    )
    hits = [h for h in closest_passages(knowledge, question, k=8)
            if _COST_STEMS & set(stems(h.passage.text))][:3]  # fmt: skip
    if hits:
        reply.say("Voici les passages les plus proches", end=" :")
        for hit in hits:
            label = _LABEL.get(hit.passage.kind, "Extrait")
            name = knowledge.document_name(hit.passage.document_id)
            reply.item(f"{label} ({name}) : {quoted(hit.passage.text, 200)}", hit.passage.id)
    ids = [h.passage.id for h in hits if h.passage.id in knowledge.actions]
    return reply.about("passages", actions=ids)


def suggestions(knowledge: Knowledge) -> list[str]:
    """Two or three questions this workspace can answer, chosen from what it holds."""
    found: list[str] = []
    if any(m.coverage.value == "uncovered" for m in knowledge.mappings):
        found.append("Quelles recommandations ne sont couvertes par aucune action ?")
    if any(
        g.kind in ("stale_deadline", "past_deadline_written_as_future")
        for g in knowledge.audit.gaps
    ):
        found.append("Qu'est-ce qui est en retard ?")
    if any(g.kind == "action_without_owner" for g in knowledge.audit.gaps):
        found.append("Quelles actions n'ont pas de responsable ?")
    found += ["Qui porte le plus d'actions ?", "Résume l'avancement du plan"]
    return found[:3]


#: What can be done instead of an operation the assistant does not do.
_INSTEAD = {
    "produire de fichier (Excel, PDF…)": "Vous pouvez obtenir le rapport d'audit complet en "
    "Excel, PDF ou Word avec « plan-assistant audit --format xlsx » (ou pdf, docx)",
    "imprimer": "Vous pouvez imprimer le rapport d'audit produit par « plan-assistant audit "
    "--format pdf »",
}


def cannot_do(knowledge: Knowledge, operation: str) -> Reply:
    """The honest answer to a request the assistant cannot carry out (« exporte en Excel »)."""
    reply = (
        Reply(confidence=0.6)
        .about("passages")
        .say(
            f"Je ne peux pas {operation} : je lis les documents de l'espace de travail et je "
            "réponds aux questions à leur sujet, sans rien envoyer ni modifier"
        )
    )
    if operation in _INSTEAD:
        reply.say(_INSTEAD[operation])
    asked = ", ".join(f"« {q} »" for q in suggestions(knowledge))
    return reply.say(f"Vous pouvez par exemple demander : {asked}")
