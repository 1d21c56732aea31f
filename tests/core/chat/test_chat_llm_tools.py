"""The LLM mode offers every intent as a tool, the ones of issue 14 included, with the same
composers and grounding as the default mode; a FAKE chat model (scripted, no network)
drives the full flow."""

from __future__ import annotations

from chat_helpers import action_id, make_service, rec_id
from fake_chat_model import ScriptedFakeChatModel, tool_call
from langchain_core.messages import ToolMessage

from assistant.chat.service import ConversationService
from assistant.chat.tools import TOOLS, run_tool
from assistant.schema.chat import Focus, Intent
from assistant.store import Workspace


def _run(service: ConversationService, name: str, **args: object) -> str:
    return run_tool(name, dict(args), service.compose, Focus())


def test_every_intent_has_a_tool() -> None:
    assert {intent for intent, _, _ in TOOLS.values()} == set(Intent)


def test_the_tool_of_each_new_intent_answers_as_the_default_mode(
    demo_service: ConversationService,
) -> None:
    twins = [action_id(demo_service, w) for w in ("Former les maîtres de stage", "Organiser une formation des maîtres")]  # fmt: skip
    duplicates = _run(demo_service, "actions_en_double")
    assert all(i in duplicates for i in twins)
    threats = _run(demo_service, "swot_sans_action", elements="menaces")
    assert "baisse des inscriptions" in threats and "fonds documentaire" not in threats
    owners = _run(demo_service, "compter_actions", par="responsable")
    assert "Coordinateur·rice de section porte le plus d'actions : 7" in owners
    done = _run(demo_service, "compter_actions", etat="realise")
    assert "17 actions sont réalisées" in done
    biosecurity = _run(demo_service, "etat_du_sujet", theme="biosécurité")
    assert rec_id(demo_service, "c4/r2") in biosecurity and "aucune action" in biosecurity
    library = _run(demo_service, "pistes_d_action", sujet="bibliothèque")
    assert "fonds documentaire" in library and "Recommandation" not in library.split("\n")[0]
    proposals = _run(demo_service, "responsables_possibles", action="portfolio numérique")
    assert action_id(demo_service, "portfolio numérique") in proposals
    assert "Responsables proposés" in proposals
    history = _run(demo_service, "historique_du_plan")
    assert "version précédente" in history
    for text in (duplicates, threats, owners, biosecurity, library, proposals, history):
        assert "\n<donnees" in text and text.rstrip().endswith("</donnees>")


def test_the_model_answers_an_aggregate_through_its_tool(
    demo_workspace: Workspace, demo_service: ConversationService
) -> None:
    postponed = action_id(demo_service, "plan pluriannuel de renouvellement")
    final = (
        f"Une action est reportée : « Établir un plan pluriannuel de renouvellement des "
        f"équipements de laboratoire » [{postponed}]. "
        f"Le plan compte aussi deux cents actions abandonnées [{postponed}]."
    )
    model = ScriptedFakeChatModel(  # FAKE LLM: scripted tool call, then a scripted answer
        messages=iter([tool_call("compter_actions", {"etat": "reporte"}), final])
    )
    service = make_service(demo_workspace, llm=model)
    answer = service.ask("combien d'actions reportées ?")
    assert answer.mode == "llm" and "compter_actions" in model.bound_tools
    tool_result = [m for m in model.received[-1] if isinstance(m, ToolMessage)]
    assert "1 action est reportée" in str(tool_result[0].content)
    # the grounding check keeps the supported sentence and drops the invented count
    assert answer.text.startswith("Une action est reportée") and "deux cents" not in answer.text
    assert [c.id for c in answer.citations] == [postponed]
    assert len(answer.warnings) == 1 and answer.warnings[0].startswith("Phrase retirée")


def test_an_unknown_tool_is_answered_as_data_with_the_list_of_tools(
    demo_service: ConversationService,
) -> None:
    result = _run(demo_service, "supprimer_le_plan")
    assert "Outil inconnu" in result and "compter_actions" in result
