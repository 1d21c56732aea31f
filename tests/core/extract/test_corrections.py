"""The coordinator's corrections of column roles and of « not a plan », over the parser's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.parsing import parse_file
from assistant.schema import StructureCorrections, TableCorrection, TableKind
from assistant.settings import Settings

PLAN = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
    "\n\nContacts utiles\n\n"
    "| Action | Responsable | Échéance |\n|---|---|---|\n"
    "| Réserver la salle des fêtes | Économat | Mai 2026 |\n"
    "| Commander le buffet | Économat | Mai 2026 |\n"
)

UNKNOWN_TITLES = (
    "| Chantier prioritaire | Mandataire | Horizon visé |\n|---|---|---|\n"
    "| Refondre le portail des stages | Cellule numérique | 2027 |\n"
    "| Former les maîtres de stage | Coordination des stages | 2026 |\n"
)


def _parse(tmp_path: Path, text: str, corrections: StructureCorrections | None = None):
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings(), corrections)


def test_a_role_given_by_the_coordinator_wins_and_leaves_the_column_that_had_it(
    tmp_path: Path,
) -> None:
    before = _parse(tmp_path, PLAN)
    assert [a.owner for a in before.actions[:2]] == ["Direction", "Direction"]
    corrections = StructureCorrections(tables=[TableCorrection(table=1, roles={2: "owner"})])
    after = _parse(tmp_path, PLAN, corrections)
    assert [a.owner for a in after.actions[:2]] == ["Service social", "Secrétariat"]
    columns = {c.index: c for c in after.structure.tables[0].columns}
    assert columns[2].role == "owner" and columns[2].confidence == 1.0
    assert "utilisateur" in columns[2].evidence
    assert columns[1].role != "owner"
    assert [a.deadline for a in after.actions[:2]] == ["Septembre 2026", "Juin 2027"]


def test_a_table_marked_not_a_plan_is_not_read(tmp_path: Path) -> None:
    assert len(_parse(tmp_path, PLAN).actions) == 4
    corrections = StructureCorrections(tables=[TableCorrection(table=2, not_plan=True)])
    plan = _parse(tmp_path, PLAN, corrections)
    assert [a.text for a in plan.actions] == [
        "Organiser une journée d'accueil",
        "Publier un guide de l'étudiant",
    ]
    assert plan.structure.tables[1].kind is TableKind.NOT_PLAN
    assert "utilisateur" in (plan.structure.tables[1].note or "")


def test_roles_named_for_a_table_whose_titles_the_parser_did_not_know(tmp_path: Path) -> None:
    corrections = StructureCorrections(
        tables=[
            TableCorrection(table=1, roles={0: "action", 1: "owner", 2: "deadline"}, header_rows=1)
        ]
    )
    plan = _parse(tmp_path, UNKNOWN_TITLES, corrections)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Refondre le portail des stages", "Cellule numérique", "2027"),
        ("Former les maîtres de stage", "Coordination des stages", "2026"),
    ]


def test_an_unknown_role_is_refused_in_french() -> None:
    with pytest.raises(ValidationError, match="rôle"):
        TableCorrection(table=1, roles={0: "patron"})
