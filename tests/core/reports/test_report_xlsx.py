"""The workbook: one sheet per table, frozen bold headers, filters, fills, reproducible bytes."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from assistant.reports import ReportData
from assistant.reports.xlsx import render_xlsx

HEADERS = {
    "Synthèse": ["Critère", "Recommandations", "Couvertes", "Partielles", "Non couvertes"],
    "Traçabilité": ["Critère", "Recommandation (réf.)", "Recommandation", "Couverture"],
    "Lacunes": ["Gravité", "Concerne", "Type", "Constat et suite à donner", "Sources"],
    "Propositions": ["Action", "Champ", "Proposition (à valider)"],
    "Actions": ["Action", "Axe", "Objectif", "Responsable", "Échéance"],
    "Documents": ["Document", "Titre", "Format", "Pages"],
}
FILTERS = {
    "Synthèse": "A4:H7",
    "Traçabilité": "A1:P9",
    "Lacunes": "A1:H10",
    "Propositions": "A1:M3",
    "Actions": "A1:S9",
    "Documents": "A1:G3",
}


@pytest.fixture
def workbook(report_data: ReportData) -> Workbook:
    return load_workbook(io.BytesIO(render_xlsx(report_data)))


def test_sheets_headers_frozen_panes_and_filters(workbook: Workbook) -> None:
    assert workbook.sheetnames == list(HEADERS)
    for name, headers in HEADERS.items():
        sheet = workbook[name]
        # The summary opens with the title and the « situation au » line (issue 13).
        header = 4 if name == "Synthèse" else 1
        row = [cell.value for cell in sheet[header]]
        assert row[: len(headers)] == headers, name
        assert all(cell.font.bold for cell in sheet[header]), name
        assert sheet.freeze_panes == f"A{header + 1}", name
        assert sheet.auto_filter.ref == FILTERS[name], name
        assert sheet.column_dimensions["A"].width >= 12, name


def test_summary_values_and_total_below_the_filter(workbook: Workbook) -> None:
    sheet = workbook["Synthèse"]
    assert sheet["A1"].value and sheet["A1"].font.bold  # the report's title
    assert str(sheet["A3"].value).startswith("Situation au ")
    assert [c.value for c in sheet[7]] == ["Critère 4", 2, 1, 0, 1, 0.5, 2, 4]
    assert sheet["F5"].number_format == '0"\u202f"%'  # « 63 % », the French way
    assert sheet["A8"].value is None  # a blank row keeps the total out of sorting
    assert [c.value for c in sheet[9]][:5] == ["Total", 6, 4, 1, 1]
    assert sheet["A9"].font.bold


def test_traceability_rows(workbook: Workbook) -> None:
    sheet = workbook["Traçabilité"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 8  # one per link, plus one for the uncovered recommendation
    uncovered = [row for row in rows if row[3] == "Non couverte"]
    assert len(uncovered) == 1
    assert uncovered[0][1] == "Critère 4, Recommandation 4"
    assert uncovered[0][5:8] == ("—", "—", "—")
    no_owner = next(row for row in rows if str(row[5]).startswith("Rééquilibrer"))
    assert no_owner[6] == "—"
    semantic = next(row for row in rows if row[11] == "sémantique")
    assert semantic[12] == pytest.approx(0.48)
    assert sheet["C2"].alignment.wrap_text


def test_conditional_fills_cover_coverage_severity_and_missing(workbook: Workbook) -> None:
    def ranges(name: str) -> set[str]:
        return {str(cf.sqref) for cf in workbook[name].conditional_formatting}

    assert {"D2:D9", "F2:K9"} <= ranges("Traçabilité")
    assert "A2:A10" in ranges("Lacunes")
    assert {"D2:H9", "L2:L9"} <= ranges("Actions")
    severity_rules = workbook["Lacunes"].conditional_formatting
    formulas = {rule.formula[0] for cf in severity_rules for rule in cf.rules}
    assert formulas == {'"Critique"', '"Majeure"', '"Mineure"', '"Information"'}


def test_gaps_drafts_and_actions(workbook: Workbook) -> None:
    gaps = list(workbook["Lacunes"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in gaps] == ["Critique"] + ["Majeure"] * 5 + ["Mineure"] * 2 + [
        "Information"
    ]
    assert gaps[0][4] == "rapport-experts-2023.pdf p.21 l.8-11"
    drafts = list(workbook["Propositions"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in drafts] == ["Responsable", "Indicateur"]
    assert drafts[1][7] == pytest.approx(0.41)
    assert workbook["Propositions"]["C2"].font.italic
    actions = {row[0]: row for row in workbook["Actions"].iter_rows(min_row=2, values_only=True)}
    assert len(actions) == 8
    tutoring = actions["Mettre en place un tutorat par les pairs pour les étudiants de Bloc 1"]
    assert tutoring[6] == "—"  # no indicator
    assert tutoring[10] == "Critère 4, Recommandation 1"
    assert tutoring[11:17] == (3, "oui", "non", "oui", "oui", "non")


def test_document_text_is_never_a_formula(report_data: ReportData) -> None:
    next(iter(report_data.actions.values())).owner = '=HYPERLINK("https://evil.example","x")'
    sheet = load_workbook(io.BytesIO(render_xlsx(report_data)))["Actions"]
    assert sheet["D2"].value == '=HYPERLINK("https://evil.example","x")'
    assert sheet["D2"].data_type == "s"


def test_output_is_reproducible(report_data: ReportData) -> None:
    content = render_xlsx(report_data)
    generated = report_data.report.generated_at
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.properties.created == generated
    assert workbook.properties.modified == generated
    assert workbook.properties.title == report_data.title
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(2026, 11, 23, 14, 5, 0)}
    assert render_xlsx(report_data) == content


def test_a_link_to_confirm_prints_whole(report_data: ReportData) -> None:
    # « sémantique probable, à confirmer » in a 16-wide column that did not wrap printed
    # « sémantique probab » through LibreOffice: the words that say to check it were cut.
    mappings = [
        m.model_copy(
            update={"links": [link.model_copy(update={"probable": True}) for link in m.links]}
        )
        for m in report_data.report.mappings
    ]
    data = report_data.model_copy(
        update={"report": report_data.report.model_copy(update={"mappings": mappings})}
    )
    sheet = load_workbook(io.BytesIO(render_xlsx(data)))["Traçabilité"]
    [column] = [cell.column_letter for cell in sheet[1] if cell.value == "Lien"]
    cells = [c for c in sheet[column][1:] if c.value == "sémantique probable, à confirmer"]
    assert cells and all(c.alignment.wrap_text for c in cells)
    width = sheet.column_dimensions[column].width
    assert width >= len("sémantique") + 2  # the longest word on one line
    assert all(sheet.row_dimensions[c.row].height >= 2 * 12 for c in cells)  # two lines tall
