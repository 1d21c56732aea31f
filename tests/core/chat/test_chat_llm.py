"""The optional LLM mode, with a FAKE chat model (scripted replies and tool calls): tools,
streaming, grounding of the model's sentences, fallbacks and typed errors."""

from __future__ import annotations

import pytest
from chat_helpers import action_id, make_service, rec_id
from fake_chat_model import ScriptedFakeChatModel, tool_call
from langchain_core.messages import AIMessage, ToolMessage

from assistant.chat.llm import LLMBackendMissingError, LLMConfigurationError, chat_model
from assistant.chat.service import ConversationService
from assistant.schema.chat import Answer
from assistant.settings import LLMSettings
from assistant.store import Workspace


def _llm_service(
    workspace: Workspace, *replies: AIMessage | str
) -> tuple[ConversationService, ScriptedFakeChatModel]:
    model = ScriptedFakeChatModel(messages=iter(replies))
    return make_service(workspace, llm=model), model


def test_the_model_calls_a_tool_and_cites_its_results(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    uncovered = [rec_id(demo_service, k) for k in ("c2/r2", "c3/r1", "c4/r2")]
    final = f"Trois recommandations ne sont couvertes par aucune action [{', '.join(uncovered)}]."
    service, model = _llm_service(
        demo_workspace, tool_call("recommandations_non_couvertes", {}), final
    )
    answer = service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    assert answer.mode == "llm" and answer.grounded and not answer.warnings
    assert answer.text == final
    assert {c.id for c in answer.citations} == set(uncovered)
    assert "recommandations_non_couvertes" in model.bound_tools
    tool_messages = [m for m in model.received[-1] if isinstance(m, ToolMessage)]
    assert len(tool_messages) == 1 and "3 recommandations ne sont couvertes" in str(
        tool_messages[0].content
    )


def test_tokens_are_streamed_sentence_by_sentence_after_the_check(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    fiches = action_id(demo_service, "Mettre à jour les fiches UE")
    final = (
        f"L'action « Mettre à jour les fiches UE » est portée par le Coordinateur·rice de section [{fiches}]. "
        f"Son échéance est septembre 2025 [{fiches}]."
    )
    service, _ = _llm_service(
        demo_workspace, tool_call("detail_action", {"action": "fiches UE"}), final
    )
    parts = list(service.stream("Qui porte l'action sur les fiches UE ?"))
    chunks = [p for p in parts if isinstance(p, str) and p.strip()]
    assert len(chunks) == 2 and chunks[0].startswith("L'action")
    assert isinstance(parts[-1], Answer) and parts[-1].text == final


def test_an_ungrounded_sentence_of_the_model_is_dropped_and_flagged(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    c2r2 = rec_id(demo_service, "c2/r2")
    final = (
        f"La recommandation 2 du critère 2 n'est couverte par aucune action [{c2r2}]. "
        f"Le laboratoire a reçu deux millions d'euros [{c2r2}]. "
        "Toutes les recommandations sont couvertes."
    )
    service, _ = _llm_service(
        demo_workspace, tool_call("recommandations_non_couvertes", {"critere": "2"}), final
    )
    answer = service.ask("Quelles recommandations du critère 2 ne sont pas couvertes ?")
    assert (
        answer.text
        == f"La recommandation 2 du critère 2 n'est couverte par aucune action [{c2r2}]."
    )
    assert len(answer.warnings) == 2 and all(
        w.startswith("Phrase retirée") for w in answer.warnings
    )


def test_when_nothing_survives_the_default_answer_is_given(demo_workspace: Workspace) -> None:
    service, _ = _llm_service(demo_workspace, "Tout va très bien, le plan est parfait.")
    answer = service.ask("Quelles actions n'ont pas de responsable ?")
    assert answer.mode == "default" and answer.text.startswith("3 actions n'ont pas de responsable")
    assert any("réponse sans LLM" in w for w in answer.warnings)


def test_a_model_that_fails_falls_back_to_the_default_mode(demo_workspace: Workspace) -> None:
    service, _ = _llm_service(demo_workspace)  # no scripted reply: the fake raises
    answer = service.ask("Qu'est-ce qui est en retard ?")
    assert answer.mode == "default" and "3 actions sont en retard" in answer.text
    assert any("n'a pas répondu" in w for w in answer.warnings)


def test_follow_up_in_llm_mode_refers_to_the_cited_actions(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    portfolio = action_id(demo_service, "portfolio numérique")
    service, model = _llm_service(
        demo_workspace,
        f"L'action « Remplacer le carnet de stage papier par un portfolio numérique sur Moodle » n'a pas de responsable [{portfolio}].",
        f"Le portfolio numérique est en cours [{portfolio}].",
    )
    first = service.ask("Qui porte l'action sur le portfolio numérique ?")
    assert first.follow_up_context.action_ids == [portfolio]
    service.ask("où en est-elle ?", first.conversation_id)
    human = str(model.received[-1][1].content)
    assert portfolio in human  # the context gives ids, never the documents' text


def test_missing_integrations_raise_a_french_error_with_the_install_hint() -> None:
    pytest.importorskip("langchain_core")
    try:
        import langchain_ollama  # noqa: F401
    except ImportError:
        with pytest.raises(LLMBackendMissingError, match="pip install langchain-ollama"):
            chat_model(LLMSettings(provider="ollama", model="mistral"))
    try:
        import langchain_openai  # noqa: F401
    except ImportError:
        with pytest.raises(LLMBackendMissingError, match="pip install langchain-openai"):
            chat_model(LLMSettings(provider="openai", model="gpt"))
    # One factory with the drafts' rewording (assistant.llm): "none" builds nothing.
    assert chat_model(LLMSettings()) is None
    with pytest.raises(LLMConfigurationError):  # no model name (or no package)
        chat_model(LLMSettings(provider="ollama"))


def test_tools_accept_the_owner_as_the_model_spells_it(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    from assistant.chat.tools import run_tool
    from assistant.schema.chat import Focus

    result = run_tool(
        "actions_du_responsable",
        {"responsable": "coordination qualite"},
        demo_service.compose,
        Focus(),
    )
    assert "Coordination qualité porte 6 actions" in result and result.strip().endswith(
        "</donnees>"
    )
