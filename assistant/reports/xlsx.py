"""The gap audit as a workbook, one sheet per table, the way coordinators keep their plans.

Each sheet has a bold frozen header row, an autofilter, sized and wrapped columns, and
conditional fills (coverage, severity, missing values) that survive the coordinator's own
edits. Each sheet also prints: landscape A4, fitted to the page width, the header row
repeated on every page, rows tall enough for their wrapped text; the summary sheet opens
with the report's title and its « situation au » date. The file is byte-for-byte
reproducible: workbook dates are the audit's `generated_at` and the zip entries carry that
same timestamp. Here each sheet says what its columns and rows are; `xlsx_table` writes
them as a table, `xlsx_print` sets up the printed page.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from assistant.audit.changes import describe_plan_changes
from assistant.reports.archive import reproducible_zip
from assistant.reports.data import ReportData
from assistant.reports.french import (
    COVERAGE_LABEL,
    DRAFT_FIELD_LABEL,
    DRAFT_STATUS_LABEL,
    INDICATOR_KIND_LABEL,
    MISSING,
    PERCENT_FORMAT,
    SEVERITY_LABEL,
    STATUS_CATEGORY_LABEL,
    TARGET_KIND_LABEL,
    link_label,
    long_date,
    ratio,
)
from assistant.reports.view import ReportView, build_view
from assistant.reports.xlsx_print import note_rows
from assistant.reports.xlsx_table import (
    BOLD,
    COVERAGE_FILLS,
    MISSING_FILL,
    SEVERITY_FILLS,
    Cell,
    Column,
    fill_equal,
    table,
    write_row,
    yes,
)
from assistant.schema import Coverage


def render_xlsx(data: ReportData) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    view = build_view(data)
    workbook = Workbook()
    _summary_sheet(workbook.active, view, data)
    _trace_sheet(workbook.create_sheet(), data, view)
    _gaps_sheet(workbook.create_sheet(), view)
    _drafts_sheet(workbook.create_sheet(), view)
    _actions_sheet(workbook.create_sheet(), data, view)
    _documents_sheet(workbook.create_sheet(), data)
    if data.report.changes:
        _versions_sheet(workbook.create_sheet(), data)
    moment = _naive(data.report.generated_at)
    properties = workbook.properties
    properties.creator = "plan-assistant"
    properties.lastModifiedBy = "plan-assistant"
    properties.title = data.title
    properties.subject = data.programme
    properties.created = moment
    properties.modified = moment
    return reproducible_zip(_save(workbook), moment)


#: Rows above the summary table: the title, the programme and the « situation au » line.
_SUMMARY_HEADER_ROW = 4


def _summary_sheet(sheet: Worksheet, view: ReportView, data: ReportData) -> None:
    sheet.title = "Synthèse"
    situation = f"Situation au {long_date(data.report.as_of)}"
    if view.origin_note:
        situation += f" — {view.origin_note}"
    columns = [
        Column("Critère", 20),
        Column("Recommandations", 17, wrap=False),
        Column("Couvertes", 12, wrap=False),
        Column("Partielles", 12, wrap=False),
        Column("Non couvertes", 15, wrap=False),
        Column("Taux de couverture", 19, wrap=False, number_format=PERCENT_FORMAT),
        Column("Actions", 10, wrap=False),
        Column("Lacunes", 10, wrap=False),
    ]
    rows: list[list[Cell]] = [
        [s.criterion, s.recommendations, s.covered, s.partial, s.uncovered,
         ratio(s.covered, s.recommendations), s.actions, s.gaps]
        for s in [*view.criteria, view.total]
    ]  # fmt: skip
    if not view.measured:
        # Nobody measured coverage: the recommendations are only cited, so neither a count
        # of « covered » ones nor a rate is printed (as in the other formats).
        keep = (0, 1, 6, 7)
        columns = [columns[i] for i in keep]
        columns[1] = Column("Recommandations citées", 24, wrap=False)
        rows = [[row[i] for i in keep] for row in rows]
    header = _SUMMARY_HEADER_ROW
    last = table(sheet, columns, rows[:-1], header_row=header)
    # Above the table, each line merged across it and wrapped: printed, a plan alone's
    # summary has 4 narrow columns, and its warning was cut at the fourth.
    titles = [(1, data.title, Font(bold=True, size=14), 0.6), (2, data.programme, BOLD, 0.75),
              (3, situation, Font(italic=True), 1.0)]  # fmt: skip
    for row, text, font, letters in titles:
        if text:
            note_rows(sheet, row, [text], len(columns), letters=letters)
            sheet.cell(row=row, column=1).font = font
    # The total sits below the filtered table, so sorting never moves it.
    total_row = last + 2
    write_row(sheet, total_row, columns, rows[-1])
    for cell in sheet[total_row]:
        cell.font = BOLD
    # The same sentences as under the other formats' table: what the counts count.
    notes = note_rows(sheet, total_row + 2, [t for t in (f"En bref : {view.tally}.", view.total_note) if t],
                      len(columns))  # fmt: skip
    sheet.print_area = f"A1:{get_column_letter(len(columns))}{notes}"
    if not view.measured:
        return
    red = PatternFill("solid", fgColor=COVERAGE_FILLS[COVERAGE_LABEL[Coverage.UNCOVERED]])
    sheet.conditional_formatting.add(
        f"E{header + 1}:E{total_row}",
        CellIsRule(operator="greaterThan", formula=["0"], fill=red),
    )


def _trace_sheet(sheet: Worksheet, data: ReportData, view: ReportView) -> None:
    sheet.title = "Traçabilité"
    columns = [
        # Wrapped text columns kept narrow: the sheet prints fitted to the page width, and
        # every unit of width here makes the printed text smaller (rows grow instead).
        Column("Critère", 12),
        Column("Recommandation (réf.)", 18),
        Column("Recommandation", 32),
        Column("Couverture", 14, wrap=False),
        Column("Justification", 24),
        Column("Action", 34),
        Column("Responsable", 20),
        Column("Échéance", 14),
        Column("Échéance (date)", 14, wrap=False, number_format="DD/MM/YYYY"),
        Column("Indicateurs", 32),
        Column("État", 16),
        Column("Lien", 20),  # « sémantique probable, à confirmer » printed whole
        Column("Score du lien", 13, wrap=False, number_format="0.00"),
        Column("SMART (/5)", 11, wrap=False),
        Column("Id recommandation", 22, wrap=False),
        Column("Id action", 22, wrap=False),
    ]
    rows: list[list[Cell]] = []
    for block in view.trace:
        for recommendation in block.recommendations:
            mapping = recommendation.mapping
            head: list[Cell] = [
                block.criterion,
                mapping.recommendation_ref,
                recommendation.text or MISSING,
                view.coverage_label(mapping),
                mapping.reason,
            ]
            for row in recommendation.rows:
                action, link = row.action, row.link
                if action is None:
                    # Dashes in text columns; number and date columns stay empty.
                    label = row.action_label or MISSING
                    cells: list[Cell] = [label, MISSING, MISSING, None, MISSING, MISSING,
                                         MISSING, None, None]  # fmt: skip
                else:
                    cells = [
                        action.text,
                        action.owner or MISSING,
                        action.deadline or MISSING,
                        action.due,
                        "\n".join(action.indicators) or MISSING,
                        action.status or MISSING,
                        link_label(link) if link is not None else MISSING,
                        link.score if link is not None else None,
                        row.smart.score if row.smart is not None else None,
                    ]
                action_id = link.action_id if link is not None else None
                rows.append([*head, *cells, mapping.recommendation_id, action_id])
    last = table(sheet, columns, rows)
    fill_equal(sheet, "D", last, COVERAGE_FILLS)
    fill_equal(sheet, "F:K", last, {MISSING: MISSING_FILL})


def _gaps_sheet(sheet: Worksheet, view: ReportView) -> None:
    sheet.title = "Lacunes"
    columns = [
        Column("Gravité", 13, wrap=False),
        Column("Concerne", 42),
        Column("Type", 15, wrap=False),
        Column("Constat et suite à donner", 70),
        Column("Sources", 42),
        Column("Règle", 28, wrap=False),
        Column("Id cible", 22, wrap=False),
        Column("Id", 30, wrap=False),
    ]
    # A register: one row per gap, so that it can be filtered and sorted; the actions of a
    # grouped finding each get their row, with the finding's message.
    rows: list[list[Cell]] = []
    for severity, items in view.gaps.items():
        for item in items:
            kind = TARGET_KIND_LABEL[item.gap.target_kind]
            if not item.members:
                rows.append([SEVERITY_LABEL[severity], item.target, kind, item.message,
                             "\n".join(item.citations) or MISSING, item.gap.kind,
                             item.gap.target_id, item.gap.id])  # fmt: skip
            for member, gap in zip(item.members, item.gaps, strict=True):
                message = item.message + (f" ({member.detail})" if member.detail else "")
                rows.append([SEVERITY_LABEL[severity], member.label, kind, message,
                             "\n".join(member.citations) or MISSING, gap.kind,
                             gap.target_id, gap.id])  # fmt: skip
    last = table(sheet, columns, rows)
    fill_equal(sheet, "A", last, SEVERITY_FILLS)


def _drafts_sheet(sheet: Worksheet, view: ReportView) -> None:
    sheet.title = "Propositions"
    columns = [
        Column("Action", 45),
        Column("Champ", 13, wrap=False),
        Column("Proposition (à valider)", 45),
        Column("Type d'indicateur", 16, wrap=False),
        Column("Mesure", 36),
        Column("Cible", 12),
        Column("Échéance", 12),
        Column("Confiance", 11, wrap=False, number_format=PERCENT_FORMAT),
        Column("Justification", 50),
        Column("Sources", 55),
        Column("Statut", 12, wrap=False),
        Column("Id action", 22, wrap=False),
        Column("Id", 30, wrap=False),
    ]
    rows: list[list[Cell]] = []
    for item in view.drafts:
        draft = item.draft
        sources = "\n".join(
            f"{s.kind} : {s.label}" + (f" ({s.citation})" if s.citation else "")
            for s in item.sources
        )
        kind = draft.indicator_kind
        rows.append([
            item.action, DRAFT_FIELD_LABEL[draft.field], draft.proposal,
            INDICATOR_KIND_LABEL.get(kind, kind) if kind else None, draft.measure,
            draft.target, draft.due, draft.confidence, draft.rationale, sources or MISSING,
            DRAFT_STATUS_LABEL[draft.status], draft.action_id, draft.id,
        ])  # fmt: skip
    last = table(sheet, columns, rows)
    # A proposal is not a fact: shown in italics on a pale fill, like a pencilled note.
    for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=3, max_col=3):
        cell.font = Font(italic=True)
        cell.fill = PatternFill("solid", fgColor="FFF6DC")


def _actions_sheet(sheet: Worksheet, data: ReportData, view: ReportView) -> None:
    sheet.title = "Actions"
    columns = [
        Column("Action", 50),
        Column("Axe", 26),
        Column("Objectif", 30),
        Column("Responsable", 26),
        Column("Échéance", 14),
        Column("Échéance (date)", 14, wrap=False, number_format="DD/MM/YYYY"),
        Column("Indicateurs", 42),
        Column("État", 16),
        Column("État (catégorie)", 16, wrap=False),
        Column("Priorité", 9, wrap=False),
        Column("Recommandations", 30),
        Column("SMART (/5)", 11, wrap=False),
        *[Column(letter, 5, wrap=False) for letter in ("S", "M", "A", "R", "T")],
        Column("Source", 34),
        Column("Id", 22, wrap=False),
    ]
    smart = {score.action_id: score for score in data.report.smart}
    rows: list[list[Cell]] = []
    for action in data.actions.values():
        score = smart.get(action.id)
        flags: list[Cell] = (
            [yes(score.specific), yes(score.measurable), yes(score.assigned),
             yes(score.time_bound), yes(score.tracked)]
            if score is not None else [None] * 5
        )  # fmt: skip
        rows.append([
            action.text, action.axis, action.objective, action.owner or MISSING,
            action.deadline or MISSING, action.due, "\n".join(action.indicators) or MISSING,
            action.status or MISSING, STATUS_CATEGORY_LABEL[action.status_category],
            action.priority, "\n".join(view.action_refs.get(action.id, [])) or MISSING,
            score.score if score is not None else None, *flags, action.source.label(),
            action.id,
        ])  # fmt: skip
    last = table(sheet, columns, rows)
    fill_equal(sheet, "D:H", last, {MISSING: MISSING_FILL})
    fill_equal(sheet, "M:Q", last, {"non": MISSING_FILL})
    if last >= 2:
        sheet.conditional_formatting.add(
            f"L2:L{last}",
            ColorScaleRule(start_type="num", start_value=0, start_color="F4B6B6",
                           mid_type="num", mid_value=3, mid_color="FFE8A3",
                           end_type="num", end_value=5, end_color="C8E6C9"),
        )  # fmt: skip


def _documents_sheet(sheet: Worksheet, data: ReportData) -> None:
    sheet.title = "Documents"
    columns = [
        Column("Document", 34),
        Column("Titre", 45),
        Column("Format", 9, wrap=False),
        Column("Pages", 8, wrap=False),
        Column("Taille (octets)", 15, wrap=False, number_format="#,##0"),
        Column("SHA-256", 68, wrap=False),
        Column("Id", 22, wrap=False),
    ]
    rows: list[list[Cell]] = [
        [d.name, d.title, d.format.value.upper(), d.pages, d.size_bytes, d.sha256, d.id]
        for d in data.report.documents
    ]
    table(sheet, columns, rows)


#: The columns of the « Versions » sheet, after the document and the version.
_STATUS_COLUMNS = (("done", "Réalisées"), ("in_progress", "En cours"), ("planned", "À venir"),
                   ("postponed", "Reportées"), ("abandoned", "Abandonnées"),
                   ("unknown", "Sans état"))  # fmt: skip


def _versions_sheet(sheet: Worksheet, data: ReportData) -> None:
    """Each document kept in several versions: the previous version's figures beside the
    current one's, then every change (what a coordinator hands in with the plan's history)."""
    sheet.title = "Versions"
    columns = [
        Column("Document", 30),
        Column("Version", 9, wrap=False),
        Column("Actions", 9, wrap=False),
        *(Column(label, 11, wrap=False) for _key, label in _STATUS_COLUMNS),
        Column("Sans responsable", 12, wrap=False),
        Column("Sans échéance", 11, wrap=False),
        Column("Recommandations citées", 15, wrap=False),
        Column("Changements depuis la version précédente", 70),
    ]
    rows: list[list[Cell]] = []
    for changes in data.report.changes:
        head, *lines = describe_plan_changes(changes)
        for name, number, figures, said in (
            (changes.previous_name, changes.previous_version, changes.previous_figures, ""),
            (changes.name, changes.version, changes.figures, "\n".join([head, *lines])),
        ):
            if figures is None:
                continue
            rows.append([
                name, number, figures.actions,
                *(figures.by_status.get(key, 0) for key, _label in _STATUS_COLUMNS),
                figures.without_owner, figures.without_deadline, figures.recommendations, said,
            ])  # fmt: skip
    table(sheet, columns, rows)


def _naive(moment: datetime) -> datetime:
    """The moment in UTC without tzinfo (what the OOXML core properties store)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _save(workbook: Workbook) -> bytes:
    # Not `workbook.save()`: it stamps `modified` with the current time.
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(workbook, archive).save()  # writes every part and closes the archive
    return buffer.getvalue()
