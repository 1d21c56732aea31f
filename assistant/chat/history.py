"""What changed since the previous version of the plan, as the conversation words it.

The versions of a plan are kept by the store (the ingest work on plan versions); the
conversation only needs, action by action, what was added, removed or changed since the
previous version. `previous_version_changes` is the one place that reads them: until the
workspace keeps versions it returns None, and the answer says plainly that there is no
previous version to compare with. Wiring the store's comparison in means changing that
function only; `history_composer` takes it as an argument so that tests pass their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from assistant.chat.knowledge import Knowledge
from assistant.chat.reply import Reply
from assistant.chat.text import count, quoted
from assistant.chat.wording import describe_action
from assistant.schema.chat import Focus, Question

_FIELD_NAMES = {"owner": "responsable", "deadline": "échéance", "status": "état",
                "indicators": "indicateurs", "text": "intitulé"}  # fmt: skip


@dataclass(frozen=True)
class ActionChange:
    """One action of the plan between two versions."""

    kind: Literal["added", "removed", "changed"]
    text: str  # the action's wording (in the previous version when removed)
    action_id: str | None = None  # id in the current version (None when removed)
    fields: tuple[str, ...] = ()  # what changed: 'owner', 'deadline', 'status'...


@dataclass(frozen=True)
class PlanChanges:
    """The changes of the main plan since its previous version."""

    previous: str  # how the previous version is named to a person (« version du 10/12/2024 »)
    changes: list[ActionChange] = field(default_factory=list)


VersionSource = Callable[[Knowledge], PlanChanges | None]


def previous_version_changes(knowledge: Knowledge) -> PlanChanges | None:
    """The changes of the main plan since its previous version (None: no previous version).

    The workspace does not keep plan versions yet: always None. To wire the store's
    versions in, compare the main plan with its previous version here.
    """
    return None


def history_composer(source: VersionSource = previous_version_changes) -> Callable[[Knowledge, Question, Focus], Reply]:  # fmt: skip
    """The composer of « qu'est-ce qui a changé depuis la dernière version ? »."""

    def history(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
        name = knowledge.main.document.name if knowledge.main else "votre plan"
        found = source(knowledge)
        if found is None:
            reply = Reply(confidence=0.7).say(
                f"Je ne trouve pas encore de version précédente de « {name} » dans l'espace de "
                "travail : je ne peux donc pas dire ce qui a changé"
            )
            return reply.say(
                "Vous pouvez importer la version actualisée du plan sous le même nom "
                "(plan-assistant ingest FICHIER) ; les comparaisons de versions viendront avec "
                "l'historique de l'audit"
            )
        current = [c for c in found.changes if c.action_id in knowledge.actions]
        reply = Reply().about("actions", actions=[c.action_id for c in current if c.action_id])
        if not found.changes:
            return reply.say(f"Je ne trouve aucun changement d'action depuis la {found.previous}")
        reply.say(f"Voici ce qui a changé depuis la {found.previous}", end=" :")
        for kind, label in (("added", "ajoutée"), ("changed", "modifiée")):
            group = [c for c in current if c.kind == kind and c.action_id]
            if not group:
                continue
            n = len(group)
            reply.say(f"{count(n, 'action')} {label}{'s' if n > 1 else ''} depuis la version précédente",
                      *(c.action_id for c in group if c.action_id), end=" :")  # fmt: skip
            for change in group:
                assert change.action_id is not None
                what = ", ".join(_FIELD_NAMES.get(f, f) for f in change.fields)
                detail = f" (modifié : {what})" if what else ""
                action = knowledge.actions[change.action_id]
                reply.item(describe_action(action) + detail, change.action_id)
        removed = [c for c in found.changes if c.kind == "removed"]
        if removed:
            listed = " ; ".join(quoted(c.text, 80) for c in removed[:5])
            reply.say(
                f"Je ne trouve plus dans le plan actuel ces actions de la {found.previous} : {listed}"
            )
        return reply

    return history
