"""The service around the answers: other institutions' plans, caching, streaming, latency."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from chat_helpers import OTHER_PLAN, make_service, make_workspace

from assistant.chat.formatting import numbered
from assistant.chat.memory import WorkspaceConversations
from assistant.chat.service import ConversationService
from assistant.errors import NoPlanError
from assistant.ingest import ingest_files
from assistant.schema.chat import Answer, Intent
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.conversations import load_conversation, save_conversation


@pytest.fixture(scope="module")
def with_other_plan(tmp_path_factory: pytest.TempPathFactory) -> ConversationService:
    workspace = make_workspace(
        tmp_path_factory.mktemp("other"), {"plan-autre-ecole.md": OTHER_PLAN}
    )
    return make_service(workspace)


def test_other_institutions_are_the_other_plans_of_the_workspace(
    with_other_plan: ConversationService,
) -> None:
    knowledge = with_other_plan.knowledge()
    assert knowledge.main is not None and knowledge.main.document.name == "plan-action.md"
    answer = with_other_plan.ask("Comment d'autres établissements ont-ils traité l'e-campus ?")
    assert answer.intent is Intent.OTHER_PLANS and answer.grounded
    assert (
        "Dans « plan-autre-ecole.md »" in answer.text
        and "2 actions parlent d'e-campus" in answer.text
    )
    assert {c.document for c in answer.citations} == {"plan-autre-ecole.md"}


def test_the_main_plan_alone_is_audited(with_other_plan: ConversationService) -> None:
    answer = with_other_plan.ask("Quelles actions n'ont pas de responsable ?")
    assert answer.text.startswith("3 actions n'ont pas de responsable")
    assert {c.document for c in answer.citations} == {"plan-action.md"}


def test_the_main_plan_can_be_chosen(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, {"plan-autre-ecole.md": OTHER_PLAN})
    other = make_service(workspace, main_document="plan-autre-ecole.md")
    assert other.knowledge().main is not None
    assert other.knowledge().main.document.name == "plan-autre-ecole.md"  # type: ignore[union-attr]
    with pytest.raises(NoPlanError, match="plans présents"):
        make_service(workspace, main_document="inconnu.md").knowledge()


def test_stream_gives_the_answer_line_by_line_then_the_answer(
    demo_service: ConversationService,
) -> None:
    parts = list(demo_service.stream("Quelles actions n'ont pas de responsable ?"))
    assert isinstance(parts[-1], Answer)
    text = "".join(p for p in parts[:-1] if isinstance(p, str))
    assert text == parts[-1].text and len(parts) > 3


def test_knowledge_is_computed_once_per_state_of_the_workspace(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    service = make_service(workspace)
    service.ask("Qu'est-ce qui est en retard ?")
    first = service.knowledge()
    service.ask("Quelles actions sont reportées ?")
    assert service.knowledge() is first
    extra = tmp_path / "plan-autre-ecole.md"
    extra.write_text(OTHER_PLAN, encoding="utf-8")
    ingest_files(workspace, [extra])
    assert service.knowledge() is not first
    assert service.knowledge().others


def test_warm_answers_are_fast(demo_service: ConversationService) -> None:
    questions = [
        "Quelles recommandations ne sont couvertes par aucune action ?",
        "Qu'avons-nous prévu pour la recommandation 2 du critère 3 ?",
        "Quelles actions n'ont pas de responsable ?",
        "Qu'est-ce qui est en retard ?",
        "Qui porte les actions sur les stages ?",
        "Résume l'avancement du critère 2",
        "Que dit le rapport sur la biosécurité ?",
    ]
    timings = []
    for _ in range(3):
        for question in questions:
            start = time.perf_counter()
            demo_service.ask(question)
            timings.append(time.perf_counter() - start)
    p95 = statistics.quantiles(timings, n=20)[-1]
    assert p95 < 0.3, f"p95 {p95 * 1000:.0f} ms"


def test_an_empty_workspace_says_what_to_do(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "empty", Settings())
    answer = ConversationService(workspace, Settings()).ask("Qu'est-ce qui est en retard ?")
    assert answer.text.startswith("Importez d'abord") and "vide" in answer.text and answer.grounded


def test_old_conversations_are_forgotten(demo_workspace: Workspace) -> None:
    service = make_service(demo_workspace, max_conversations=2)
    ids = [service.ask("Quelles actions sont reportées ?").conversation_id for _ in range(3)]
    assert service.conversation(ids[2]).turns
    assert service.conversation(ids[0]).turns == []  # forgotten: a new conversation


def test_conversations_in_the_workspace_are_shared_by_services(demo_workspace: Workspace) -> None:
    """Two services (two API workers) on one workspace: either goes on with a conversation."""
    first = make_service(demo_workspace, memory=WorkspaceConversations(demo_workspace))
    second = make_service(demo_workspace, memory=WorkspaceConversations(demo_workspace))
    alone = make_service(demo_workspace)

    opening = first.ask("Quelles recommandations ne sont pas couvertes ?")
    follow_up = second.ask("Et au critère 3 ?", opening.conversation_id)

    assert [t.question.text for t in second.conversation(opening.conversation_id).turns] == [
        "Quelles recommandations ne sont pas couvertes ?",
        "Et au critère 3 ?",
    ]
    assert follow_up.text != alone.ask("Et au critère 3 ?").text


def test_stored_conversations_are_bounded(demo_workspace: Workspace) -> None:
    memory = WorkspaceConversations(demo_workspace)
    for number in range(3):
        save_conversation(demo_workspace, f"c{number}", "{}", keep=2)
    assert load_conversation(demo_workspace, "c0") is None
    assert load_conversation(demo_workspace, "c2") == "{}"
    # a body this version cannot read is a conversation that starts afresh
    assert memory.get("c2") is None
    service = make_service(demo_workspace, memory=memory)
    assert service.conversation("c2").turns == []


def test_numbered_rendering_for_a_reader(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    shown = numbered(answer)
    assert "[1-3] :" in shown.splitlines()[0] and "rec-" not in shown.split("Sources :")[0]
    assert "Sources :" in shown and "[1] rapport-experts.md, l. " in shown


def test_a_question_in_english_gets_a_french_hint(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Which recommendations are not covered by any action?")
    assert "semble rédigée en anglais" in answer.text
    assert "Quelles recommandations ne sont couvertes par aucune action ?" in answer.text
    french = demo_service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    assert "semble rédigée" not in french.text
