"""The coordinator confirms or rejects a probable link; the choice is stored in the workspace
and kept across re-imports (keyed by file names, the recommendation's reference and the
action's wording, not by ids)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_paraphrase_mapping import PLAN, REPORT, TOKENIZE, FixedCosineSearcher

from assistant.errors import UnknownLinkError, WrittenLinkError
from assistant.ingest import ingest_files
from assistant.mapping.decisions import decide
from assistant.mapping.semantic import Calibration
from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.schema import Coverage, LinkDecisionKind, Mapping, Plan
from assistant.services import decide_link
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.link_decisions import decisions_revision, link_decisions

PARAMS = Calibration(
    dense_weight=0.5, covered=0.6, partial=0.6, candidate=0.6, synonyms=True, probable=0.15
)


def _write(folder: Path, plan: str = PLAN) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rapport.md").write_text(REPORT, encoding="utf-8")
    (folder / "plan.md").write_text(plan, encoding="utf-8")
    return [folder / "rapport.md", folder / "plan.md"]


def _map(plans: list[Plan], decisions: object = ()) -> dict[str, Mapping]:
    searcher = FixedCosineSearcher(plans, cosine=0.2)
    found = build_mappings(plans, searcher, TOKENIZE, params=PARAMS, decisions=decisions)  # type: ignore[arg-type]
    return {m.recommendation_key: m for m in found}


def _parsed(paths: list[Path]) -> list[Plan]:
    return [parse_file(path, Settings()) for path in paths]


def test_a_confirmed_link_counts_as_a_link(tmp_path: Path) -> None:
    plans = _parsed(_write(tmp_path))
    before = _map(plans)["c1/r1"]
    assert before.coverage is Coverage.PARTIAL and "probable" in before.reason
    action_id = before.links[0].action_id
    decision = decide(
        plans, before.recommendation_id, action_id, LinkDecisionKind.CONFIRMED, "Coordination"
    )
    after = _map(plans, [decision])["c1/r1"]
    assert after.coverage is Coverage.COVERED
    assert "probable" not in after.reason and "confirmé" in after.reason
    assert [(link.action_id, link.confirmed, link.probable) for link in after.links] == [
        (action_id, True, False)
    ]


def test_a_rejected_link_is_never_proposed_again(tmp_path: Path) -> None:
    plans = _parsed(_write(tmp_path))
    before = _map(plans)["c1/r1"]
    action_id = before.links[0].action_id
    decision = decide(
        plans, before.recommendation_id, action_id, LinkDecisionKind.REJECTED, "Coordination"
    )
    after = _map(plans, [decision])["c1/r1"]
    assert action_id not in {link.action_id for link in after.links}


def test_a_decision_does_not_depend_on_item_ids(tmp_path: Path) -> None:
    plans = _parsed(_write(tmp_path))
    before = _map(plans)["c1/r1"]
    decision = decide(
        plans,
        before.recommendation_id,
        before.links[0].action_id,
        LinkDecisionKind.CONFIRMED,
        "Coordination",
    )
    # the same documents read again with other ids (a re-import that renumbers items)
    renumbered = [
        plan.model_copy(
            update={
                "actions": [a.model_copy(update={"id": f"x-{a.id}"}) for a in plan.actions],
                "recommendations": [
                    r.model_copy(update={"id": f"x-{r.id}"}) for r in plan.recommendations
                ],
            }
        )
        for plan in plans
    ]
    after = _map(renumbered, [decision])["c1/r1"]
    assert after.coverage is Coverage.COVERED
    assert after.links[0].confirmed and after.links[0].action_id.startswith("x-")


def test_unknown_items_and_written_links_are_refused_in_french(tmp_path: Path) -> None:
    plans = _parsed(_write(tmp_path))
    rec_id = _map(plans)["c1/r1"].recommendation_id
    with pytest.raises(UnknownLinkError, match="Aucune action"):
        decide(plans, rec_id, "nope", LinkDecisionKind.CONFIRMED, "c")
    with pytest.raises(UnknownLinkError, match="Aucune recommandation"):
        decide(plans, "nope", plans[1].actions[0].id, LinkDecisionKind.CONFIRMED, "c")
    cited = PLAN.replace("| Objectif |", "| Référence | Objectif |").replace(
        "|---|", "|---|---|", 1
    )
    cited = cited.replace("| Traçabilité |", "| Critère 1, Recommandation 1 | Traçabilité |")
    cited = cited.replace("| Équipement |", "| Critère 1, Recommandation 2 | Équipement |")
    plans = _parsed(_write(tmp_path / "cited", cited))
    mapping = _map(plans)["c1/r1"]
    assert mapping.links and mapping.links[0].kind.value == "explicit"
    with pytest.raises(WrittenLinkError, match="cite déjà"):
        decide(
            plans,
            mapping.recommendation_id,
            mapping.links[0].action_id,
            LinkDecisionKind.REJECTED,
            "c",
        )


def test_decisions_are_stored_and_survive_a_re_import(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    paths = _write(tmp_path / "sources")
    ingest_files(workspace, paths, parse_processes=0)
    mapping = _map(workspace.plans())["c1/r1"]
    action_id = mapping.links[0].action_id
    empty = decisions_revision(workspace)
    stored = decide_link(
        workspace, mapping.recommendation_id, action_id, LinkDecisionKind.CONFIRMED, "Marie"
    )
    assert decisions_revision(workspace) != empty
    assert [(d.author, d.decision) for d in link_decisions(workspace)] == [
        ("Marie", LinkDecisionKind.CONFIRMED)
    ]
    assert stored.report_document == "rapport.md" and stored.plan_document == "plan.md"
    # the plan changes (a new first action) and is imported again: the decision holds
    changed = PLAN.replace(
        "| Traçabilité |",
        "| Accueil | Organiser une journée d'accueil des nouveaux | Direction | 2026 |\n"
        "| Traçabilité |",
    )
    (tmp_path / "sources" / "plan.md").write_text(changed, encoding="utf-8")
    ingest_files(workspace, paths, parse_processes=0)
    after = _map(workspace.plans(), link_decisions(workspace))["c1/r1"]
    assert after.coverage is Coverage.COVERED
    assert [link.confirmed for link in after.links] == [True]
    # deciding again replaces the decision
    decide_link(
        workspace,
        after.recommendation_id,
        after.links[0].action_id,
        LinkDecisionKind.REJECTED,
        "Marie",
    )
    assert [d.decision for d in link_decisions(workspace)] == [LinkDecisionKind.REJECTED]
