"""A reference the new experts' report gives to another recommendation is not covered by the
actions the plan wrote for the old one (issue 13, item 5).

Walked by hand: the demo report, then a later report where « Critère 1, Recommandation 3 »
(« Centraliser l'information… ») is replaced by « Ouvrir une antenne de la section… ». The
changes said « Référence qui change de sens », but the matrix still showed the new
recommendation answered by the three communication actions written for the old one. The
embedder is the FAKE `HashingEmbedder` (tests/fakes.py): no model.
"""

from __future__ import annotations

import html
import re
from datetime import date
from io import BytesIO
from pathlib import Path

from fakes import HashingEmbedder
from openpyxl import load_workbook

from assistant import analyses
from assistant.ingest import ingest_files
from assistant.reports import ReportData
from assistant.reports.html import render_html
from assistant.reports.markdown import render_markdown
from assistant.reports.xlsx import render_xlsx
from assistant.retrieval import workspace_indexes
from assistant.services import audit_workspace, map_workspace
from assistant.settings import Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
OLD = (
    "Centraliser l'information destinée aux étudiants sur la plateforme Moodle et réduire "
    "le nombre de canaux de communication officiels."
)
NEW = "Ouvrir une antenne de la section dans une seconde implantation."
REF = "Critère 1, Recommandation 3"
LABEL = "explicite, ancien rapport, à vérifier"


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("&#x202F;", " ")


def _later_cycle(tmp_path: Path) -> tuple[Workspace, Path]:
    """The demo report and plan, then the report of the next cycle with C1-R3 replaced."""
    workspace_indexes.forget_open_retrievers()
    analyses.forget_in_memory()
    workspace = Workspace.open(tmp_path / "ws", Settings())
    report, plan = tmp_path / "rapport-experts.md", tmp_path / "plan-action.md"
    text = (DEMO / "rapport-experts.md").read_text("utf-8")
    assert OLD in text
    report.write_text(text, "utf-8")
    plan.write_text((DEMO / "plan-action.md").read_text("utf-8"), "utf-8")
    ingest_files(workspace, [report, plan])
    report.write_text(text.replace(OLD, NEW), "utf-8")
    ingest_files(workspace, [report])
    return workspace, plan


def _audit(workspace: Workspace) -> ReportData:
    return audit_workspace(
        workspace, Settings(), as_of=date(2026, 11, 23), drafts=False, embedder=HashingEmbedder()
    )


def _matrix_rows(data: ReportData) -> list[list[object]]:
    sheet = load_workbook(BytesIO(render_xlsx(data)))["Traçabilité"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(2)]
    return [
        [row["Couverture"], row["Lien"], row["Action"]]
        for row in rows
        if row["Recommandation (réf.)"] == REF
    ]


def test_the_matrix_does_not_count_actions_written_for_the_old_recommendation(
    tmp_path: Path,
) -> None:
    workspace, _ = _later_cycle(tmp_path)
    data = _audit(workspace)

    markdown = _plain(render_markdown(data))
    [row] = [line for line in markdown.splitlines() if line.startswith(f"| **{REF}** — « Ouvrir")]
    assert "| **⚠ Non couverte** |" in row and LABEL in row
    why = (
        "Les 3 actions qui citent cette référence ont été écrites pour le rapport précédent, où "
        "elle désignait une autre recommandation (« Centraliser l'information destinée aux "
        "étudiants"
    )
    # the critical gap a director reads, not « n'en couvrent qu'une partie »
    [gap] = [line for line in markdown.splitlines() if f"{REF} — « {NEW} »" in line]
    assert "Aucune action du plan n'y répond" in gap and why in gap
    assert "n'en couvrent qu'une partie" not in gap
    page = " ".join(_plain(html.unescape(re.sub(r"<[^>]+>", " ", render_html(data)))).split())
    assert LABEL in page and why in page
    # the workbook: three rows for C1-R3, none counted, and Critère 1 one uncovered more
    rows = _matrix_rows(data)
    assert [(cover, link) for cover, link, _ in rows] == [("Non couverte", LABEL)] * 3
    summary = load_workbook(BytesIO(render_xlsx(data)))["Synthèse"]
    cells = {row[0].value: [c.value for c in row] for row in summary.iter_rows(5)}
    assert cells["Critère 1"][4] == 1  # Non couvertes: C1-R3 (C1-R1, C1-R2 are cited)
    # the traceability matrix of `map` says the same
    mappings = map_workspace(workspace, Settings(), embedder=HashingEmbedder())
    assert next(m for m in mappings if m.recommendation_ref == REF).coverage.value == "uncovered"


def test_a_plan_stored_after_the_new_report_cites_its_numbering(tmp_path: Path) -> None:
    """The plan updated after the new report came: its citation of C1-R3 is the new one."""
    workspace, plan = _later_cycle(tmp_path)
    plan.write_text(plan.read_text("utf-8") + "\n", "utf-8")
    plan.write_text(
        plan.read_text("utf-8").replace("lettre d'information trimestrielle", "lettre mensuelle"),
        "utf-8",
    )
    ingest_files(workspace, [plan])

    rows = _matrix_rows(_audit(workspace))
    assert len(rows) == 3
    assert all(cover != "Non couverte" and link == "explicite" for cover, link, _ in rows)
