"""Questions on a fact the documents state in their text, not on the plan's actions.

« Quand les experts sont-ils passés ? », « la révision du plan est prévue pour quand ? »
read like questions on the actions (who carries, when is due), and the rules give them an
intent about actions. When no action of the plan holds the question's words while a
passage of the documents' own text (`assistant.chat.document_text`) holds them all, the
question asks what that text says: it is answered as a free question, from that passage.
"""

from __future__ import annotations

from assistant.chat.document_text import share_held
from assistant.chat.knowledge import Knowledge
from assistant.chat.periods import content_words
from assistant.chat.text import stems
from assistant.retrieval.workspace_indexes import action_text
from assistant.schema import Action
from assistant.schema.chat import Focus, Intent, Question

#: Words that frame a question (« que dit le plan sur … ») rather than name its subject.
QUESTION_FRAME = frozenset(
    stems("que quoi dit disent dire comment quel quels quelle quelles document documents "
          "rapport plan parle parlent sujet propos concernant question est sont")
)  # fmt: skip

#: Intents answered with the plan's actions on a subject (who carries them, when, how far).
_ABOUT_ACTIONS = frozenset({Intent.THEME_OWNERS, Intent.ACTION_DETAILS})


def question_stems(text: str) -> set[str]:
    """The stems of the words of a question that name what it asks about."""
    return {s for s in stems(" ".join(content_words(text))) if s not in QUESTION_FRAME}


def _written(action: Action) -> str:
    """What an action's row says: its wording, indicators, owner and deadline."""
    return " ".join(p for p in (action_text(action), action.owner, action.deadline) if p)


def asks_a_stated_fact(knowledge: Knowledge, question: Question, focus: Focus | None) -> bool:
    """True when a question given an intent about actions asks what the documents' text
    says instead: no action holds its words, and a passage of the text does. A question on the actions just
    discussed (« qui s'en occupe ? ») is about them."""
    entities = question.entities
    if (
        question.intent not in _ABOUT_ACTIONS
        or question.follow_up
        or (entities.pronoun and focus is not None and focus.action_ids)
        or entities.action_query
        or not entities.theme
    ):
        return False
    wanted = question_stems(question.text)
    if not wanted:
        return False
    if any(share_held(wanted, _written(a)) == 1 for a in knowledge.main_actions):
        return False
    return any(share_held(wanted, p.text) == 1 for p in knowledge.texts.values())
