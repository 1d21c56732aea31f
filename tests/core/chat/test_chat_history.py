"""« Qu'est-ce qui a changé depuis la dernière version ? »: a clear answer without versions,
and, given the changes (here from a source the test passes in), each change cited."""

from __future__ import annotations

from chat_helpers import action_id

from assistant.chat.grounding import GroundingChecker
from assistant.chat.history import ActionChange, PlanChanges, history_composer
from assistant.chat.service import ConversationService
from assistant.schema.chat import Focus, Intent


def test_without_versions_the_answer_says_so(demo_service: ConversationService) -> None:
    answer = demo_service.ask("qu'est-ce qui a changé depuis la dernière version ?")
    assert answer.intent is Intent.HISTORY and answer.grounded
    assert "Je ne trouve pas encore de version précédente de « plan-action.md »" in answer.text
    assert not answer.citations


def test_changes_since_the_previous_version_are_cited(demo_service: ConversationService) -> None:
    knowledge = demo_service.knowledge()
    portfolio = action_id(demo_service, "portfolio numérique")
    guide = action_id(demo_service, "guide du TFE")
    changes = PlanChanges(
        previous="version de décembre 2024",
        changes=[
            ActionChange("added", knowledge.actions[portfolio].text, portfolio),
            ActionChange("changed", knowledge.actions[guide].text, guide, ("status", "deadline")),
            ActionChange("removed", "Organiser une journée portes ouvertes"),
        ],
    )
    compose = history_composer(lambda _: changes)
    question = demo_service.understand("qu'est-ce qui a changé ?")
    reply = compose(knowledge, question, Focus())
    text = reply.text()
    assert "1 action ajoutée depuis la version précédente" in text
    assert "(modifié : état, échéance)" in text
    assert "« Organiser une journée portes ouvertes »" in text
    assert reply.action_ids == [portfolio, guide]
    assert GroundingChecker(knowledge).check_text(text).grounded
