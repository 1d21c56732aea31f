"""The visit preparation pack as a Word document: one page per recommendation.

The same dossiers as the HTML pack (`visit.dossiers`), laid out for Word so that the
coordinator can add her notes and proofs before the visit.

Paragraphs and tables go in through `_Body`, not `document.add_paragraph`: python-docx looks
for the section properties from the start of the body at each insertion and resolves a style
name against every style at each paragraph, which made a pack for a plan at the item cap
(~50,000 paragraphs) quadratic and minutes long. The markup is the same.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.reports.archive import reproducible_zip
from assistant.reports.data import ReportData
from assistant.reports.french import long_date
from assistant.reports.visit import Dossier

_COLUMNS = ("Action", "Responsable", "Échéance", "Indicateurs", "État", "Lien")


def visit_docx(data: ReportData, dossiers: Sequence[Dossier]) -> bytes:
    """The bytes of the .docx pack."""
    document = new_document()
    section = document.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    document.styles["Normal"].font.size = Pt(9.5)
    body = _Body(document)
    body.heading("Préparation de la visite des experts", level=1)
    body.paragraph(
        f"{data.title} — situation au {long_date(data.report.as_of)} — une page par recommandation."
    )
    for index, dossier in enumerate(dossiers):
        if index:
            body.paragraph().add_run().add_break(WD_BREAK.PAGE)
        mapping = dossier.mapping
        body.paragraph(mapping.criterion or "Sans critère").runs[0].bold = True
        body.heading(f"{mapping.recommendation_ref} — {dossier.coverage}", level=2)
        if mapping.text:
            body.paragraph(f"« {mapping.text} »").runs[0].italic = True
        body.paragraph(mapping.reason)
        body.heading("Actions", level=3)
        if dossier.actions:
            table = body.table(len(_COLUMNS), style="Table Grid")
            for cell, title in zip(table.rows[0].cells, _COLUMNS, strict=True):
                cell.paragraphs[0].add_run(title).bold = True
            for item in dossier.actions:
                action = item.action
                values = (action.text, action.owner or "—", action.deadline or "—",
                          " ; ".join(action.indicators) or "—", action.status or "—", item.link)  # fmt: skip
                row = table.add_row().cells  # type: ignore[no-untyped-call]
                for cell, value in zip(row, values, strict=True):
                    cell.text = value
        else:
            body.paragraph("Aucune action du plan.")
        if dossier.proposals:
            body.heading("Actions proposées (à valider)", level=3)
            for text in dossier.proposals:
                run = body.paragraph(style="List Bullet").add_run(f"{text} [proposition]")
                run.italic = True
                run.font.color.rgb = RGBColor(0x8A, 0x5A, 0x00)
        for title, items, empty in (
            ("Preuves citées", dossier.evidence, "Aucune."),
            ("Ce qui manque", dossier.missing, "Rien relevé par l'audit."),
            ("Questions probables des experts", dossier.questions, "Aucune question particulière."),
        ):
            body.heading(title, level=3)
            for line in items or [empty]:
                body.paragraph(line, style="List Bullet" if items else None)
    properties = document.core_properties
    moment = data.report.generated_at.replace(tzinfo=None, microsecond=0)
    properties.author = properties.last_modified_by = "plan-assistant"
    properties.title = "Préparation de la visite des experts"
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


class _Body:
    """Appends to the document's body in constant time (what `Document.add_paragraph`,
    `add_heading` and `add_table` write, without their scans)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._end = document.element.body.sectPr  # new blocks go just before it
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self._document._body)
        if text:
            paragraph.add_run(text)
        if style is not None:
            element.style = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, f"Heading {level}")

    def table(self, columns: int, style: str) -> Table:
        element = CT_Tbl.new_tbl(1, columns, self._document._block_width)
        self._end.addprevious(element)
        table = Table(element, self._document._body)
        element.tblStyle_val = self._style_id(style, WD_STYLE_TYPE.TABLE)
        return table

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self._document.part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
        return self._style_ids[key]
