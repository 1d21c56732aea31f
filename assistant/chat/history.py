"""What changed since the previous version of the plan (or report), as the conversation words it.

The store keeps every earlier version of a document (`Workspace.versions`), and the shared
audit holds, for each document that has one, its comparison with the previous version
(`assistant.audit.changes.compare_versions`: actions added, removed, reworded, statuses and
deadlines moved, recommendations that lost their last action; for an experts' report, the
recommendations that come back). The conversation reads that very comparison — the one the
report's changes section, `plan-assistant changes` and `GET …/changes` show — and never
compares versions on its own.

A question may ask for one side of it (« quelles actions ont été retirées ? », « quelles
échéances ont bougé ? ») or for the report (« qu'est-ce qui a changé depuis le dernier
rapport ? »): the words that say so are data (``data/history_fr.json``), matched by their
French stems. Every change is cited: an action of the current plan by its id, an action or
a recommendation of the previous version by its id in that version (`EARLIER_PREFIX`), so
that the grounding check verifies a removed action against the version that held it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from assistant.chat.knowledge import EARLIER_PREFIX, Knowledge
from assistant.chat.periods import content_words
from assistant.chat.reply import Reply
from assistant.chat.text import agree, count, quoted, stem_word, stems, words
from assistant.chat.wording import describe_action
from assistant.extract.vocabulary import status_category
from assistant.schema import Action, Recommendation, StatusCategory
from assistant.schema.changes import ActionChange, ChangeKind, PlanChanges
from assistant.schema.chat import Focus, Question

_DATA = Path(__file__).with_name("data") / "history_fr.json"
#: The aspects of the plan's changes, in the order an answer gives them.
PLAN_ASPECTS = ("added", "removed", "reworded", "status", "deadline", "orphaned")
_KIND_OF = {"added": ChangeKind.ADDED, "removed": ChangeKind.REMOVED,
            "reworded": ChangeKind.REWORDED, "status": ChangeKind.STATUS,
            "deadline": ChangeKind.DEADLINE}  # fmt: skip
#: « nouvelle version », « nouveau rapport »: the version, not an added action.
_NOT_ADDED_BEFORE = frozenset({"version", "versions", "plan", "rapport", "cycle"})

VersionSource = Callable[[Knowledge], list[PlanChanges]]


@cache
def _loaded() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_DATA.read_text("utf-8"))
    return loaded


@cache
def _vocabulary() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    aspects = {
        aspect: frozenset(stem_word(word) or word for word in listed)
        for aspect, listed in _loaded()["aspects"].items()
    }
    return aspects, frozenset(_loaded()["participles"])


def _has_phrase(normalized: str, key: str) -> bool:
    padded = f" {normalized} "
    return any(f" {phrase} " in padded for phrase in _loaded()[key])


def asks_a_status_change(normalized: str) -> bool:
    """« quelles actions sont passées de en cours à réalisé ? »: a change of status."""
    return _has_phrase(normalized, "status_phrases")


def asks_where_it_went(normalized: str) -> bool:
    """« je ne trouve plus l'enquête », « elle est passée où ? »: an item gone from the plan."""
    return _has_phrase(normalized, "removed_phrases")


def asked_aspects(question: str) -> set[str]:
    """What a question about changes asks for: 'added', 'removed', 'status', 'deadline',
    'reworded', 'orphaned', 'report' (none: everything)."""
    aspects, _ = _vocabulary()
    folded = words(question)
    found: set[str] = set()
    normalized = " ".join(folded)
    if _has_phrase(normalized, "removed_phrases"):
        found.add("removed")
    if _has_phrase(normalized, "status_phrases"):
        found.add("status")
    for index, word in enumerate(folded):
        stem = stem_word(word) or word
        following = folded[index + 1] if index + 1 < len(folded) else ""
        for aspect, aspect_stems in aspects.items():
            if stem in aspect_stems and not (aspect == "added" and following in _NOT_ADDED_BEFORE):
                found.add(aspect)
    return found


def names_a_change(normalized: str) -> bool:
    """True when a (normalised) question uses a participle of change: « … ont été retirées »."""
    _, participles = _vocabulary()
    return any(word in participles for word in normalized.split())


def previous_version_changes(knowledge: Knowledge) -> list[PlanChanges]:
    """The changes, since their previous version, of the documents the conversation is about
    (the main plan, the experts' reports): the shared audit's comparison (empty: none kept)."""
    names = {plan.document.name for plan in knowledge.scope}
    return [changes for changes in knowledge.audit.changes if changes.name in names]


def history_composer(source: VersionSource = previous_version_changes) -> Callable[[Knowledge, Question, Focus], Reply]:  # fmt: skip
    """The composer of « qu'est-ce qui a changé depuis la dernière version ? »."""

    def history(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
        wanted = asked_aspects(question.text)
        found = source(knowledge)
        reports = set(_report_names(knowledge))
        mentions_plan = "plan" in words(question.text)
        if "report" in wanted and not mentions_plan:
            return _report_changes(knowledge, [c for c in found if c.name in reports])
        main = knowledge.main.document.name if knowledge.main else None
        plan = next((c for c in found if c.name == main), None)
        if plan is None:
            return _no_previous_version(main or "votre plan")
        status = question.entities.status
        if status and "status" in wanted:  # « passées en réalisé »: to that status only
            plan = _to_status(plan, StatusCategory(status))
        named = _named_changes(knowledge, plan, question.text)
        if named is not None:  # « l'enquête d'insertion, elle est passée où ? »
            plan, wanted = named, set()  # whatever happened to it
        return _plan_changes(knowledge, plan, [a for a in PLAN_ASPECTS if a in wanted])

    return history


# -- the plan ------------------------------------------------------------------------------


def _to_status(changes: PlanChanges, status: StatusCategory) -> PlanChanges:
    """The changes, with the status changes kept only when they lead to `status`."""
    kept = [c for c in changes.changes
            if c.kind is not ChangeKind.STATUS or status_category(c.value) is status]  # fmt: skip
    return changes.model_copy(update={"changes": kept})


def _named_changes(knowledge: Knowledge, changes: PlanChanges, question: str) -> PlanChanges | None:
    """The changes of the items a question names by their wording (None: it names none).

    An item is named when most of the question's content words (no frame word, no word of
    change) are words of its text: « l'enquête d'insertion des diplômés, elle est passée où ? »
    names the removed « Organiser une enquête d'insertion auprès des diplômés… »."""
    aspects, _ = _vocabulary()
    change_words = frozenset().union(*aspects.values())
    wanted = {s for s in stems(" ".join(content_words(question))) if s not in change_words}
    if not wanted:
        return None
    kept: list[ActionChange] = []
    for change in changes.changes:
        have = set(stems(" ".join(t for t in (change.text, change.previous_text) if t)))
        if len(wanted & have) >= max(1, (len(wanted) + 1) // 2):
            kept.append(change)
    return changes.model_copy(update={"changes": kept}) if kept else None


def _no_previous_version(name: str) -> Reply:
    reply = Reply(confidence=0.7).say(
        f"Je ne trouve aucune version précédente de « {name} » dans l'espace de travail : "
        "je ne peux donc pas dire ce qui a changé"
    )
    return reply.say(
        "Vous pouvez importer la version actualisée du plan sous le même nom de fichier "
        "(plan-assistant ingest FICHIER), ou sous un autre nom en l'enregistrant comme nouvelle "
        "version (plan-assistant ingest FICHIER --doublons version)"
    )


def _plan_changes(knowledge: Knowledge, changes: PlanChanges, aspects: list[str]) -> Reply:
    shown = aspects or list(PLAN_ASPECTS)
    current = [c.action_id for c in changes.changes if c.action_id in knowledge.actions]
    reply = Reply().about("actions", actions=[i for i in current if i])
    reply.say(
        f"Voici ce qui a changé dans « {changes.name} » depuis la version précédente "
        f"(« {changes.previous_name} », version {changes.previous_version})",
        end=" :",
    )
    said = 0
    for aspect in shown:
        if aspect == "orphaned":
            said += _orphaned(reply, knowledge, changes)
            continue
        group = [c for c in changes.changes if c.kind is _KIND_OF[aspect]]
        said += _group(reply, knowledge, changes, aspect, group)
    if not said:
        what = {"added": "ajoutée", "removed": "retirée", "reworded": "reformulée",
                "status": "dont l'état a changé", "deadline": "dont l'échéance a bougé",
                "orphaned": "qui ait perdu sa dernière action"}  # fmt: skip
        if aspects:
            missing = " ni ".join(what[a] for a in aspects)
            subject = "recommandation" if aspects == ["orphaned"] else "action"
            reply.say(f"Je ne trouve aucune {subject} {missing} depuis la version précédente")
        else:
            reply.say("Je ne trouve aucun changement des actions depuis la version précédente")
    return reply


def _group(
    reply: Reply,
    knowledge: Knowledge,
    changes: PlanChanges,
    aspect: str,
    group: list[ActionChange],
) -> int:
    lines: list[tuple[str, list[str]]] = []
    for change in group:
        now = knowledge.actions.get(change.action_id or "")
        before = _earlier(knowledge, changes.previous_version, change.previous_action_id)
        cites = [i for i in (change.action_id if now else None, before) if i]
        if not cites:
            continue
        if aspect == "added" and now is not None:
            lines.append((describe_action(now), cites))
        elif aspect == "removed" and before is not None:
            earlier = knowledge.earlier[before][1]
            text = describe_action(earlier) if isinstance(earlier, Action) else quoted(change.text)
            lines.append((text, cites))
        elif aspect == "reworded":
            lines.append(
                (f"{quoted(change.previous_text or '')} devient {quoted(change.text)}", cites)
            )
        elif aspect in ("status", "deadline"):
            label = "état" if aspect == "status" else "échéance"
            empty = "non précisé" if aspect == "status" else "aucune"
            before_value = quoted(change.previous_value, 60) if change.previous_value else empty
            value = quoted(change.value, 60) if change.value else empty
            lines.append((f"{quoted(change.text)} : {label} {before_value} → {value}", cites))
    if not lines:
        return 0
    n = len(lines)
    heads = {
        "added": f"{count(n, 'action')} {agree(n, 'ajoutée', 'ajoutées')}",
        "removed": f"{count(n, 'action')} {agree(n, 'retirée', 'retirées')} : "
        + agree(n, "elle figurait", "elles figuraient")
        + " dans la version précédente",
        "reworded": f"{count(n, 'action')} {agree(n, 'reformulée', 'reformulées')}",
        "status": f"{count(n, 'action')} dont l'état a changé",
        "deadline": f"{count(n, 'action')} dont l'échéance a été déplacée",
    }
    # the head counts the actions it cites: the current ones (the removed: the earlier ones)
    head = [cites[0] for _, cites in lines]
    reply.say(heads[aspect], *head, end=" :")
    reply.items(lines)
    return n


def _orphaned(reply: Reply, knowledge: Knowledge, changes: PlanChanges) -> int:
    lines: list[tuple[str, list[str]]] = []
    mappings = {m.recommendation_key: m for m in knowledge.mappings}
    for key, ref in zip(changes.orphaned_keys, changes.orphaned_recommendations, strict=False):
        mapping = mappings.get(key)
        before = _earlier_answering(knowledge, changes, key)
        cites = [mapping.recommendation_id] if mapping else []
        cites += [i for i, _ in before]
        if not cites:
            continue
        label = mapping.recommendation_ref if mapping else ref
        was = " ; ".join(quoted(action.text, 90) for _, action in before)
        lines.append((f"{label} : répondue dans la version précédente par {was}" if was
                      else label, cites))  # fmt: skip
    if not lines:
        return 0
    n = len(lines)
    reply.say(
        f"{count(n, 'recommandation')} "
        + agree(n, "a perdu sa dernière action", "ont perdu leur dernière action"),
        *(cites[0] for _, cites in lines),
        end=" :",
    )
    reply.items(lines)
    return n


def _earlier(knowledge: Knowledge, version: int, item_id: str | None) -> str | None:
    """The citation id of an item of the previous version (None: not kept)."""
    if item_id is None:
        return None
    cited = f"{EARLIER_PREFIX}{version}:{item_id}"
    return cited if cited in knowledge.earlier else None


def _earlier_items(
    knowledge: Knowledge, changes: PlanChanges
) -> Iterable[tuple[str, Action | Recommendation]]:
    for cited, (version, item) in knowledge.earlier.items():
        if version.lineage == changes.lineage and version.version == changes.previous_version:
            yield cited, item


def _earlier_answering(
    knowledge: Knowledge, changes: PlanChanges, key: str
) -> list[tuple[str, Action]]:
    """The actions of the previous version that answered the recommendation `key`."""
    items = list(_earlier_items(knowledge, changes))
    recs = {item.id for _, item in items if isinstance(item, Recommendation) and item.key == key}
    return [(cited, item) for cited, item in items
            if isinstance(item, Action) and recs & set(item.addresses)]  # fmt: skip


# -- the experts' report --------------------------------------------------------------------


def _report_names(knowledge: Knowledge) -> list[str]:
    """The experts' reports of the workspace: recommendations and no action."""
    return [p.document.name for p in knowledge.scope if p.recommendations and not p.actions]


def _report_changes(knowledge: Knowledge, found: list[PlanChanges]) -> Reply:
    names = _report_names(knowledge)
    if not found:
        which = f"de « {names[0]} »" if len(names) == 1 else "du rapport des experts"
        reply = Reply(confidence=0.7).say(
            f"Je ne trouve aucune version précédente {which} "
            "dans l'espace de travail : je ne peux donc pas dire ce qui a changé depuis le "
            "rapport précédent"
        )
        return reply.say(
            "Importez le rapport du nouveau cycle d'évaluation sous le même nom de fichier, ou "
            "comme nouvelle version du rapport (plan-assistant ingest FICHIER --doublons version)"
        )
    reply = Reply().about("recommendations")
    for changes in found:
        reply.say(
            f"Voici ce qui a changé dans « {changes.name} » depuis le rapport précédent "
            f"(« {changes.previous_name} », version {changes.previous_version})",
            end=" :",
        )
        lines: list[tuple[str, list[str]]] = []
        earlier = list(_earlier_items(knowledge, changes))
        for back in changes.recurring_recommendations:
            now = next((r.id for r in knowledge.recommendations.values()
                        if r.ref == back.ref and knowledge.document_name(r.document_id) == changes.name), None)  # fmt: skip
            before = next((c for c, item in earlier
                           if isinstance(item, Recommendation) and item.ref == back.previous_ref), None)  # fmt: skip
            cites = [i for i in (now, before) if i]
            if not cites:
                continue
            done = [a.id for a in knowledge.actions.values() if a.text in back.done_actions]
            text = f"{back.ref} reprend {back.previous_ref} du rapport précédent"
            if back.text:
                text += f" : {quoted(back.text, 140)}"
            lines.append((text, cites))
            if done:
                lines.append(
                    (
                        "pourtant "
                        + agree(len(done), "marquée réalisée", "marquées réalisées")
                        + " dans le plan : "
                        + " ; ".join(quoted(knowledge.actions[i].text, 90) for i in done),
                        [*cites, *done],
                    )
                )
        recurring = [cites for text, cites in lines if not text.startswith("pourtant")]
        if not recurring:
            reply.say(
                "Je ne trouve aucune recommandation du nouveau rapport qui reprenne une "
                "recommandation du rapport précédent"
            )
            continue
        n = len(recurring)
        reply.say(
            f"{count(n, 'recommandation')} du nouveau rapport {agree(n, 'revient', 'reviennent')} "
            "du rapport précédent",
            *(cites[0] for cites in recurring),
            end=" :",
        )
        reply.items(lines)
        reply.recommendation_ids += [c[0] for c in recurring if c[0] in knowledge.recommendations]
    return reply
