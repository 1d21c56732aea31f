"""The completed action plan as a Word document: the table a coordinator hands in.

AEQES plans are Word tables (Recommandation, Action, Responsable, Échéance, Indicateurs,
État). This writes the audited plan back in that shape, recommendation by recommendation
(natural order), so that it can be edited in Word: the plan's own cells as written, the
cells it leaves empty filled with the best pending proposal in italics and marked
« [proposition] », and the actions proposed for unanswered recommendations marked the same
way. An action whose citation was written for the previous report's recommendation of that
number stays where the plan put it, marked in italics « [écrite pour l'ancien rapport, à
vérifier] ». A rejected proposal never appears; an accepted one is already in the plan's cells.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from assistant.reports.archive import reproducible_zip
from assistant.reports.data import ReportData
from assistant.reports.french import long_date
from assistant.reports.view import NO_CRITERION, build_view
from assistant.schema import Action, Draft, DraftField, DraftStatus, LinkKind, Mapping

COLUMNS = ("Recommandation", "Action", "Responsable", "Échéance", "Indicateurs", "État")
WIDTHS_CM = (5.2, 7.0, 3.6, 2.6, 5.4, 2.4)
PROPOSAL_MARK = "[proposition]"
#: Under an action whose citation was written for the previous report's recommendation of
#: that number (`MappingLink.previous_report`): not counted as an answer, to be checked.
EARLIER_MARK = "[écrite pour l'ancien rapport, à vérifier]"
PROPOSAL_COLOUR = RGBColor(0x8A, 0x5A, 0x00)
_PENDING = (DraftStatus.PROPOSED,)


@dataclass(frozen=True)
class Piece:
    """One run of a cell: the plan's text, or a proposal (italic, marked)."""

    text: str
    proposal: bool = False


@dataclass(frozen=True)
class PlanRow:
    recommendation: list[Piece]
    cells: list[list[Piece]]  # Action, Responsable, Échéance, Indicateurs, État


def plan_rows(data: ReportData) -> list[tuple[str, list[PlanRow]]]:
    """The rows of the completed plan, grouped by criterion (what the DOCX and tests read)."""
    best = _best_pending(data.report.drafts)
    proposed_actions: dict[str, list[Draft]] = {}
    for draft in data.report.action_drafts:
        if draft.recommendation_id and draft.status not in (DraftStatus.REJECTED,):
            proposed_actions.setdefault(draft.recommendation_id, []).append(draft)
    groups: list[tuple[str, list[PlanRow]]] = []
    placed: set[str] = set()
    for block in build_view(data).trace:
        rows: list[PlanRow] = []
        for recommendation in block.recommendations:
            mapping = recommendation.mapping
            head = _recommendation_cell(mapping)
            links = [
                link
                for link in mapping.links
                if link.kind is not LinkKind.SEMANTIC and link.action_id in data.actions
            ]
            written = [data.actions[link.action_id] for link in links]
            for link, action in zip(links, written, strict=True):
                placed.add(action.id)
                cells = _action_cells(action, best)
                if link.previous_report:
                    cells[0] = [*cells[0], Piece(f"\n{EARLIER_MARK}", True)]
                rows.append(PlanRow(head, cells))
            for draft in proposed_actions.get(mapping.recommendation_id, []):
                rows.append(PlanRow(head, _proposed_action_cells(draft)))
            if not written and not proposed_actions.get(mapping.recommendation_id):
                rows.append(PlanRow(head, [[Piece("— aucune action")], [], [], [], []]))
        if rows:
            groups.append((block.criterion, rows))
    rest = [action for action in data.actions.values() if action.id not in placed]
    if rest:
        rows = [PlanRow([Piece("—")], _action_cells(action, best)) for action in rest]
        groups.append(("Actions liées à aucune recommandation écrite", rows))
    return groups


def _recommendation_cell(mapping: Mapping) -> list[Piece]:
    pieces = [Piece(mapping.recommendation_ref)]
    if mapping.text:
        pieces.append(Piece(f"\n« {mapping.text} »"))
    return pieces


def _best_pending(drafts: Sequence[Draft]) -> dict[tuple[str, DraftField], Draft]:
    """The strongest pending proposal per action and field (drafts come strongest first)."""
    best: dict[tuple[str, DraftField], Draft] = {}
    for draft in drafts:
        if draft.status in _PENDING:
            best.setdefault((draft.action_id, draft.field), draft)
    return best


def _action_cells(action: Action, best: dict[tuple[str, DraftField], Draft]) -> list[list[Piece]]:
    def filled(value: str | None, field: DraftField) -> list[Piece]:
        if value and value.strip():
            return [Piece(value)]
        draft = best.get((action.id, field))
        return [Piece(f"{draft.proposal} {PROPOSAL_MARK}", True)] if draft else [Piece("—")]

    indicators = [Piece(text) for text in action.indicators if text.strip()]
    draft = best.get((action.id, DraftField.INDICATOR))
    if draft is not None and not indicators:
        indicators = [Piece(f"{draft.proposal} {PROPOSAL_MARK}", True)]
    return [
        [Piece(action.text)],
        filled(action.owner, DraftField.OWNER),
        filled(action.deadline, DraftField.DEADLINE),
        _lines(indicators) or [Piece("—")],
        [Piece(action.status or "—")],
    ]


def _proposed_action_cells(draft: Draft) -> list[list[Piece]]:
    def mark(value: str | None) -> list[Piece]:
        return [Piece(f"{value} {PROPOSAL_MARK}", True)] if value else [Piece("—")]

    indicators = [Piece(f"{text} {PROPOSAL_MARK}", True) for text in draft.indicators]
    return [
        mark(draft.proposal),
        mark(draft.owner),
        mark(draft.due),
        _lines(indicators) or [Piece("—")],
        [Piece("À planifier (proposition)", True)],
    ]


def _lines(pieces: list[Piece]) -> list[Piece]:
    """Pieces one per line."""
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        out.append(Piece(("\n" if index else "") + piece.text, piece.proposal))
    return out


def render_plan_docx(data: ReportData) -> bytes:
    """The completed plan as the bytes of a .docx (landscape A4, one table per criterion)."""
    document = new_document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(9)
    document.add_heading(f"Plan d'action complété — {data.title}", level=1)
    if data.programme:
        document.add_paragraph(data.programme)
    intro = document.add_paragraph(
        f"Situation au {long_date(data.report.as_of)}. Les cellules en italique marquées "
        f"{PROPOSAL_MARK} sont des propositions de plan-assistant, à valider ou à supprimer "
        "avant diffusion ; tout le reste est repris du plan tel qu'il est écrit."
        + (
            f" Les actions marquées {EARLIER_MARK} citent un numéro que le rapport précédent "
            "donnait à une autre recommandation : elles ne sont pas comptées comme réponses."
            if any(link.previous_report for m in data.report.mappings for link in m.links)
            else ""
        )
    )
    intro.runs[0].italic = True
    for criterion, rows in plan_rows(data):
        document.add_heading(criterion if criterion != NO_CRITERION else "Sans critère", level=2)
        _table(document.add_table(rows=1, cols=len(COLUMNS)), rows)
    properties = document.core_properties
    moment = data.report.generated_at.replace(tzinfo=None, microsecond=0)
    properties.author = "plan-assistant"
    properties.title = f"Plan d'action complété — {data.title}"
    properties.created = properties.modified = moment
    properties.last_modified_by = "plan-assistant"
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def _table(table: Table, rows: list[PlanRow]) -> None:
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header._tr)
    for cell, title, width in zip(header.cells, COLUMNS, WIDTHS_CM, strict=True):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        _shade(cell, "1F3A5F")
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_CM, strict=True):
        column.width = Cm(width)  # the grid LibreOffice and Word lay the table out on
    first_of_group: _Cell | None = None
    previous: list[Piece] | None = None
    for row in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, pieces, width in zip(cells[1:], row.cells, WIDTHS_CM[1:], strict=True):
            cell.width = Cm(width)
            _write(cell, pieces)
        cells[0].width = Cm(WIDTHS_CM[0])
        if previous == row.recommendation and first_of_group is not None:
            # One recommendation, one merged cell over its actions (as plans are written):
            # the markup python-docx's `merge` ends with, written directly — `merge` walks
            # the table's rows once per merged row, cubic in a plan of 3,000 actions (132 s)
            # and hours at the item cap.
            first_of_group._tc.vMerge = ST_Merge.RESTART
            cells[0]._tc.vMerge = ST_Merge.CONTINUE
        else:
            _write(cells[0], row.recommendation)
            first_of_group, previous = cells[0], row.recommendation


def _write(cell: _Cell, pieces: list[Piece]) -> None:
    paragraph = cell.paragraphs[0]
    for piece in pieces:
        parts = piece.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                paragraph = cell.add_paragraph()
            if not part:
                continue
            run = paragraph.add_run(part)
            if piece.proposal:
                run.italic = True
                run.font.color.rgb = PROPOSAL_COLOUR


def _repeat_header(tr: object) -> None:
    """Word repeats this row at the top of each page the table runs onto."""
    properties = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
