"""When nothing matches (issue 14): never search on function words, say what was not
understood, and offer two or three questions the workspace can answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chat_helpers import DEMO_FILES, make_service

from assistant.chat.service import ConversationService
from assistant.ingest import ingest_files
from assistant.schema.chat import Intent
from assistant.settings import Settings
from assistant.store import Workspace

_SUGGESTED = re.compile(r"« ([^«»]+\?) »")


@pytest.mark.parametrize(
    ("question", "echoed"),
    [
        ("et sinon ?", ()),
        ("qu'est-ce qui parle de plus ?", ("plus",)),
        ("c'est quoi le truc qui pourrait ?", ("truc", "pourrait")),
        ("hmm bof", ("hmm", "bof")),
    ],
)
def test_a_question_of_function_words_is_not_searched(
    demo_service: ConversationService, question: str, echoed: tuple[str, ...]
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.FREE and answer.grounded
    assert answer.text.startswith("Je n'ai pas compris la question")
    assert not answer.citations  # nothing searched, nothing quoted
    for word in echoed:
        assert f"« {word} »" not in answer.text


def test_words_absent_from_the_documents_are_named_and_nothing_is_searched(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("Quelle est la couleur du ciel ?")
    assert answer.text.startswith(
        "Je n'ai pas compris ce que vous cherchez : « couleur » et « ciel » n'apparaissent"
    )
    assert not answer.citations and "passages les plus proches" not in answer.text


def test_the_questions_offered_are_two_or_three_and_each_is_answered(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("blablabla")
    offered = _SUGGESTED.findall(answer.text)
    assert 2 <= len(offered) <= 3
    for suggestion in offered:
        answered = demo_service.ask(suggestion)
        assert answered.intent is not Intent.FREE, suggestion
        assert answered.grounded and answered.citations, suggestion
        assert "Je n'ai pas compris" not in answered.text


def test_the_experts_asked_about_in_a_workspace_without_report(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "workspace", Settings())
    ingest_files(workspace, [p for p in DEMO_FILES if p.name == "plan-action.md"])
    answer = make_service(workspace).ask("qu'est-ce que les experts nous ont recommandé ?")
    assert "aucune recommandation des experts" in answer.text
    assert answer.grounded, answer.warnings
