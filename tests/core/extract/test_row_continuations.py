"""Rows that go on with the action above them (`assistant.extract.row_continuations`).

Built as a PDF reader gives a plan whose row a page break cut in two: the header printed
again on the next page, then the row's rest — every cell going on in lower case, the
reference cell too (« Critère 4, » above, « Recommandation 3 » below).
"""

from __future__ import annotations

from document_blocks import extracted, table

from assistant.readers.base import Table
from assistant.schema import DocumentFormat, Plan

_HEADER = ("Réf.", "Action", "Responsable", "Échéance", "État")


def _table(page: int, first_line: int, *rows: tuple[str, ...]) -> Table:
    return table(first_line, *rows, file="plan.pdf", page=page)


def _plan(*tables: Table) -> Plan:
    return extracted(*tables, file="plan.pdf", format=DocumentFormat.PDF)


def _cut_plan(rest_reference: str, rest: tuple[str, str, str, str]) -> Plan:
    return _plan(
        _table(
            1,
            1,
            _HEADER,
            ("Critère 4, Recommandation 1", "Recruter un assistant de laboratoire", "Direction", "2025", "À venir"),
            ("Critère 4,", "Mettre en place un suivi des étudiants en", "Service d'aide à la", "Q2 2025", "Action à"),
        ),
        _table(
            2,
            4,
            _HEADER,
            (rest_reference, *rest),
            ("Critère 5, Recommandation 1", "Actualiser le plan d'action tous les deux ans", "Service qualité", "Juin 2025", "En cours"),
        ),
    )  # fmt: skip


def test_a_row_cut_with_its_reference_is_one_action_citing_the_whole_reference() -> None:
    plan = _cut_plan("Recommandation 3", ("échec en première année", "réussite", "", "planifier"))
    assert len(plan.actions) == 3
    cut = plan.actions[1]
    assert cut.text == "Mettre en place un suivi des étudiants en échec en première année"
    assert cut.owner == "Service d'aide à la réussite"
    assert cut.status == "Action à planifier"
    cited = {r.id: r for r in plan.recommendations}
    assert [cited[link.recommendation_id].key for link in cut.links] == ["c4/r3"]
    assert all(r.key != "r3" for r in plan.recommendations)  # no half reference cited


def test_a_row_with_its_own_reference_and_capitalised_cells_is_a_row_of_its_own() -> None:
    plan = _cut_plan(
        "Critère 4, Recommandation 3",
        ("organiser un tutorat", "Service social", "2026", "En cours"),
    )
    assert len(plan.actions) == 4
