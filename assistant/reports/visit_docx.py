"""The visit preparation pack as a Word document: one page per recommendation.

The same dossiers as the HTML pack (`visit.dossiers`), laid out for Word so that the
coordinator can add her notes and proofs before the visit.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt, RGBColor

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
    document.add_heading("Préparation de la visite des experts", level=1)
    document.add_paragraph(
        f"{data.title} — situation au {long_date(data.report.as_of)} — une page par recommandation."
    )
    for index, dossier in enumerate(dossiers):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        mapping = dossier.mapping
        document.add_paragraph(mapping.criterion or "Sans critère").runs[0].bold = True
        document.add_heading(f"{mapping.recommendation_ref} — {dossier.coverage}", level=2)
        if mapping.text:
            document.add_paragraph(f"« {mapping.text} »").runs[0].italic = True
        document.add_paragraph(mapping.reason)
        document.add_heading("Actions", level=3)
        if dossier.actions:
            table = document.add_table(rows=1, cols=len(_COLUMNS))
            table.style = "Table Grid"
            for cell, title in zip(table.rows[0].cells, _COLUMNS, strict=True):
                cell.paragraphs[0].add_run(title).bold = True
            for item in dossier.actions:
                action = item.action
                values = (action.text, action.owner or "—", action.deadline or "—",
                          " ; ".join(action.indicators) or "—", action.status or "—", item.link)  # fmt: skip
                row = table.add_row().cells
                for cell, value in zip(row, values, strict=True):
                    cell.text = value
        else:
            document.add_paragraph("Aucune action du plan.")
        if dossier.proposals:
            document.add_heading("Actions proposées (à valider)", level=3)
            for text in dossier.proposals:
                run = document.add_paragraph(style="List Bullet").add_run(f"{text} [proposition]")
                run.italic = True
                run.font.color.rgb = RGBColor(0x8A, 0x5A, 0x00)
        for title, items, empty in (
            ("Preuves citées", dossier.evidence, "Aucune."),
            ("Ce qui manque", dossier.missing, "Rien relevé par l'audit."),
            ("Questions probables des experts", dossier.questions, "Aucune question particulière."),
        ):
            document.add_heading(title, level=3)
            for line in items or [empty]:
                document.add_paragraph(line, style="List Bullet" if items else None)
    properties = document.core_properties
    moment = data.report.generated_at.replace(tzinfo=None, microsecond=0)
    properties.author = properties.last_modified_by = "plan-assistant"
    properties.title = "Préparation de la visite des experts"
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)
