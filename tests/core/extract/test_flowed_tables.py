"""Plan tables flowed by ``pdftotext`` in its default mode, made the way coordinators make them.

Each plan here is written as a Word table (through the zoo's renderer, `evals.zoo`),
exported to PDF by headless LibreOffice and flattened by ``pdftotext`` without ``-layout``:
the text the parser then receives is what such a file really gives, chunks of columns in
the reading order poppler chooses, nothing written by hand. Without LibreOffice or
poppler the tests are skipped with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings
from evals.zoo.build import export_pdfs
from evals.zoo.docx_render import docx_bytes
from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Cell, GoldBook, Paragraph, Table, text_cell

pytestmark = pytest.mark.slow  # (a LibreOffice conversion each)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} n'est pas installé : test sauté")
    return path


def flowed_plan(tmp_path: Path, rows: list[tuple[Cell | None, ...]], **table: object) -> Plan:
    """The plan read from the ``pdftotext`` text of a Word table of these rows."""
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    blocks = [
        *title_blocks(
            "Plan d'action 2026-2028",
            "Haute École des Hautes Fagnes",
            "Bachelier en gestion des ressources humaines",
            "Adopté le 12 janvier 2026",
        ),
        Paragraph("Le tableau ci-dessous reprend les actions retenues."),
        Table(tuple(rows), **table),  # type: ignore[arg-type]
    ]
    name = "plan-flowed"
    plan = layout(name, GoldBook(), blocks, institution="-", programme="-", plan_date="-", notes="")
    docx_file = tmp_path / f"{name}.docx"
    docx_file.write_bytes(docx_bytes(plan))
    export_pdfs([docx_file], soffice)
    text = tmp_path / f"{name}.txt"
    subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(docx_file.with_suffix(".pdf")), str(text)], check=True
    )
    return parse_file(text, Settings())


# action, owner, indicator, the periods marked (three columns of a timeline)
_TIMELINE_PLAN = (
    ("Rédiger une charte de l'évaluation continue des stages", "Coordinatrice des stages",
     "Charte adoptée", (1, 0, 0)),
    ("Ouvrir un atelier de simulation d'entretiens d'embauche", "Cellule orientation",
     "Nombre d'ateliers tenus", (0, 1, 1)),
    ("Recruter un maître-assistant en droit social", "Direction du département",
     "Poste pourvu", (0, 1, 0)),
    ("Créer une banque de cas pratiques partagée", "Équipe des enseignants de gestion",
     "Nombre de cas déposés", (1, 1, 0)),
    ("Organiser une enquête de satisfaction des diplômés", "Service qualité",
     "Taux de réponse", (0, 0, 1)),
    ("Revoir la grille d'évaluation du mémoire", "Jury des mémoires",
     "Grille diffusée", (1, 0, 0)),
    ("Proposer un module de langue néerlandaise en bloc 2", "Conseil pédagogique",
     "Module au programme", (0, 0, 1)),
)  # fmt: skip


def test_a_timeline_beside_the_plan_does_not_hide_its_owners(tmp_path: Path) -> None:
    """The timeline's period titles (« T1 », « 2026 ») and marks print as blocks of their
    own among the owners'; they are no owners, and the owners still hold one per action."""
    top = (
        text_cell("Action", rowspan=2, bold=True),
        text_cell("Pilote", rowspan=2, bold=True),
        text_cell("Indicateur", rowspan=2, bold=True),
        text_cell("Mise en œuvre", colspan=3, bold=True),
        None,
        None,
    )
    periods = ("T1 2026", "T3 2026", "T1 2027")
    second = (None, None, None, *(text_cell(p, bold=True) for p in periods))
    body = [
        (text_cell(a), text_cell(o), text_cell(i), *(text_cell("X" if m else "") for m in marks))
        for a, o, i, marks in _TIMELINE_PLAN
    ]
    plan = flowed_plan(
        tmp_path, [top, second, *body], header_rows=2, widths=(4.0, 2.2, 2.2, 0.9, 0.9, 0.9)
    )
    assert [a.text for a in plan.actions] == [row[0] for row in _TIMELINE_PLAN]
    assert [a.owner for a in plan.actions] == [row[1] for row in _TIMELINE_PLAN]
    # what was left out to make the count is said, and the reading stays « à vérifier »
    assert any("écart" in w and "responsables" in w for w in plan.warnings), plan.warnings
    assert plan.structure.needs_review
