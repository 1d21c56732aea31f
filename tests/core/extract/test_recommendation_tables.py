"""An expert report's summary table of recommendations, cut by page breaks: the PDF gives
one table a page, the later ones without the header and often starting with the end of a
row the break cut. Built by hand, as the PDF reader gives them (written before the rule:
the report pair bachelier-electromecanique lost 7 of its 10 recommendations)."""

from __future__ import annotations

from document_blocks import extracted, table

from assistant.readers.base import Paragraph
from assistant.schema import DocumentFormat, Span

_FILE = "rapport.pdf"
_HEADER = ("Critère", "N°", "Recommandation", "Degré d'urgence")


def _report(*blocks: object) -> list[tuple[str | None, str | None, str]]:
    title = Paragraph(
        "Tableau récapitulatif des recommandations",
        Span(file=_FILE, page=6, line_start=1, line_end=1, excerpt="Tableau"),
        heading_level=1,
    )
    plan = extracted(title, *blocks, file=_FILE, format=DocumentFormat.PDF)  # type: ignore[arg-type]
    return [(r.criterion, r.number, r.text or "") for r in plan.recommendations]


def test_a_summary_table_goes_on_across_pages() -> None:
    found = _report(
        table(
            2,
            _HEADER,
            ("Critère 1", "1", "Le comité recommande de partager la démarche qualité.", "**"),
            ("Critère 2", "1", "Le comité encourage la section à actualiser les", "**"),
            file=_FILE,
            page=6,
        ),
        table(
            1,
            ("", "", "contenus relatifs à l'automatisation industrielle.", ""),
            ("Critère 2", "2", "Il serait utile de soutenir la recherche de stage.", "*"),
            file=_FILE,
            page=7,
        ),
        table(
            1,
            ("Critère 3", "1", "Le comité recommande d'harmoniser les règles de sécurité.", "*"),
            file=_FILE,
            page=8,
        ),
    )
    assert [(criterion, number) for criterion, number, _ in found] == [
        ("Critère 1", "1"),
        ("Critère 2", "1"),
        ("Critère 2", "2"),
        ("Critère 3", "1"),
    ]
    assert found[1][2] == (
        "Le comité encourage la section à actualiser les contenus relatifs à "
        "l'automatisation industrielle."
    )


def test_a_table_of_another_width_after_it_is_not_its_continuation() -> None:
    found = _report(
        table(
            2,
            _HEADER,
            ("Critère 1", "1", "Le comité recommande de partager la démarche qualité.", "**"),
            file=_FILE,
            page=6,
        ),
        table(
            1,
            ("Membre du comité", "Fonction"),
            ("Jeanne Dupont, professeure honoraire", "Présidente du comité"),
            file=_FILE,
            page=7,
        ),
    )
    assert [(criterion, number) for criterion, number, _ in found] == [("Critère 1", "1")]
