"""A calendar of action numbers feeds the actions' deadlines and statuses (written before the rule).

The calendar after a plan (months or quarters listing the numbers of the actions due, or
done: « 3 (réalisé) ») is not a list of actions; it says when each numbered action is due
and which are done. An action with no deadline or status of its own takes the calendar's,
marked as derived from it (with the row cited); where the calendar disagrees with the
action's own value, the action keeps its own and the product warns.
"""

from __future__ import annotations

from datetime import date

from document_blocks import extracted, table

from assistant.readers.base import Block, Table
from assistant.schema import Plan, StatusCategory, TableKind


def _table(first_line: int, *rows: tuple[str, ...]) -> Table:
    return table(first_line, *rows, file="plan.docx")


def _plan(*blocks: Block) -> Plan:
    return extracted(*blocks, file="plan.docx")


_NUMBERED_PLAN = _table(
    1,
    ("N°", "Action", "Responsable"),
    ("1", "Recenser les besoins en matériel des laboratoires", "Service technique"),
    ("2", "Rédiger une charte d'utilisation des salles informatiques", "Direction"),
    ("3", "Former les assistants à la sécurité des laboratoires", "Conseiller en prévention"),
)


def test_months_with_planned_and_done_columns_give_deadlines_and_statuses() -> None:
    plan = _plan(
        _NUMBERED_PLAN,
        _table(
            6,
            ("Mois", "Actions prévues", "Actions réalisées"),
            ("Octobre 2025", "1", "1"),
            ("Janvier 2026", "2, 3", "—"),
        ),
    )
    census, charter, training = plan.actions
    assert (census.deadline, census.due) == ("Octobre 2025", date(2025, 10, 31))
    assert census.status_category is StatusCategory.DONE
    assert (charter.deadline, charter.status) == ("Janvier 2026", None)
    assert training.deadline == "Janvier 2026"
    # marked as derived from the calendar, citing its row
    assert {(d.field, d.source.line_start) for d in census.derived} == {
        ("deadline", 7),
        ("status", 7),
    }
    assert all("calendrier" in d.origin for d in census.derived)
    assert plan.structure.tables[1].kind is TableKind.TIMELINE


def test_quarter_columns_and_academic_year_rows_date_the_actions_in_the_right_year() -> None:
    plan = _plan(
        _NUMBERED_PLAN,
        _table(
            6,
            ("Année", "Sept. – déc.", "Janv. – avril", "Mai – août"),
            ("2025-2026", "1 (réalisé)", "2", "–"),
            ("2026-2027", "", "", "3"),
        ),
    )
    census, charter, training = plan.actions
    assert census.due == date(2025, 12, 31) and census.status_category is StatusCategory.DONE
    assert charter.due == date(2026, 4, 30)  # January–April of 2025-2026 is in 2026
    assert training.due == date(2027, 8, 31)


def test_an_own_deadline_or_status_is_kept_and_a_disagreeing_calendar_is_warned() -> None:
    plan = _plan(
        _table(
            1,
            ("N°", "Action", "Échéance", "État"),
            ("1", "Réviser les fiches des unités d'enseignement", "Mars 2026", "Planifié"),
            ("2", "Organiser une journée portes ouvertes du master", "Avril 2026", "En cours"),
        ),
        _table(
            4,
            ("Mois", "Actions prévues", "Actions réalisées"),
            ("Mars 2026", "1", "1"),
            ("Novembre 2027", "2", ""),
        ),
    )
    fiches, open_day = plan.actions
    assert (fiches.deadline, fiches.status) == ("Mars 2026", "Planifié")
    assert (open_day.deadline, open_day.status) == ("Avril 2026", "En cours")
    assert not fiches.derived and not open_day.derived
    assert any("Planifié" in w and "réalis" in w.lower() for w in plan.warnings)  # status disagrees
    assert any("Avril 2026" in w and "Novembre 2027" in w for w in plan.warnings)


def test_a_number_the_plan_does_not_have_is_said() -> None:
    plan = _plan(
        _NUMBERED_PLAN,
        _table(6, ("Mois", "Actions prévues"), ("Mars 2026", "1, 9"), ("Juin 2026", "2")),
    )
    assert plan.actions[0].deadline == "Mars 2026"
    assert any("9" in w and "calendrier" in w for w in plan.warnings)


def test_numbered_items_of_a_cell_are_the_numbers_the_calendar_cites() -> None:
    plan = _plan(
        _table(
            1,
            ("Objectif", "Actions"),
            (
                "Améliorer l'accueil des étudiants",
                "1. Organiser une journée d'accueil\n2. Désigner un parrain par étudiant",
            ),
        ),
        _table(3, ("Mois", "Actions prévues"), ("Septembre 2025", "1"), ("Octobre 2025", "2")),
    )
    assert [a.deadline for a in plan.actions] == ["Septembre 2025", "Octobre 2025"]


def test_a_calendar_below_the_plan_in_its_sheet_is_read_as_a_calendar() -> None:
    sheet = _table(
        1,
        ("N°", "Action", "Responsable"),
        ("1", "Recenser les besoins en matériel des laboratoires", "Service technique"),
        ("2", "Rédiger une charte d'utilisation des salles informatiques", "Direction"),
        ("Mois", "Actions prévues", "Actions réalisées"),
        ("Février 2026", "2", "—"),
        ("Mai 2026", "1", "1"),
    )
    plan = _plan(sheet)
    assert [(a.deadline, a.status) for a in plan.actions] == [
        ("Mai 2026", "Réalisé"),
        ("Février 2026", None),
    ]
    (report,) = plan.structure.tables
    assert report.actions == 2 and report.note is not None and "calendrier" in report.note


def test_actions_running_all_along_the_calendar_take_its_row_title() -> None:
    plan = _plan(
        _NUMBERED_PLAN,
        _table(
            6,
            ("Année", "Sept. – déc.", "Janv. – avril"),
            ("2025-2026", "1", "2"),
            ("En continu", "3", ""),
        ),
    )
    assert plan.actions[2].deadline == "En continu"


def test_a_calendar_of_action_codes_with_letters_feeds_those_actions() -> None:
    plan = _plan(
        _table(
            1,
            ("Code", "Action", "Pilote"),
            ("T1.1", "Cartographier les compétences du référentiel", "Cellule pédagogique"),
            ("T1.2", "Ajuster les fiches des unités d'enseignement", "Coordinateurs de bloc"),
        ),
        _table(4, ("Période", "Actions"), ("Mars 2026", "T1.1 (fait)"), ("Juin 2026", "T1.2")),
    )
    mapping, sheets = plan.actions
    assert (mapping.deadline, mapping.status_category) == ("Mars 2026", StatusCategory.DONE)
    assert sheets.deadline == "Juin 2026"
    assert plan.structure.tables[1].kind is TableKind.TIMELINE


def test_a_number_written_before_the_action_in_its_cell_is_its_code() -> None:
    plan = _plan(
        _table(
            1,
            ("Action", "Responsable"),
            ("1. Recenser les besoins en matériel des laboratoires", "Service technique"),
            ("2. Rédiger une charte d'utilisation des salles", "Direction"),
        ),
        _table(4, ("Mois", "Actions prévues"), ("Mars 2026", "2"), ("Juin 2026", "1")),
    )
    assert [(a.text[:8], a.deadline) for a in plan.actions] == [
        ("Recenser", "Juin 2026"),
        ("Rédiger ", "Mars 2026"),
    ]


def test_a_state_in_brackets_other_than_done_is_a_status_too() -> None:
    plan = _plan(
        _NUMBERED_PLAN,
        _table(
            6,
            ("Mois", "Actions"),
            ("Février 2026", "1 (en cours), 2"),
            ("Avril 2026", "3 (reporté)"),
        ),
    )
    census, charter, training = plan.actions
    assert census.status_category is StatusCategory.IN_PROGRESS
    assert charter.status is None
    assert training.status == "Reporté"
