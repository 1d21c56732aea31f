"""Tables keyed by the codes of actions already read complete them (written before the rule).

A plan often lists its actions with a code (« B2.1 », « 3 ») and gives their indicators,
owners or statuses in a second table keyed by that code. The second table is not a list of
actions: each row completes the action it names, and a code that names no action is said.
"""

from __future__ import annotations

from document_blocks import extracted, table

from assistant.readers.base import Block, Paragraph, Table
from assistant.schema import Plan, Span, TableKind


def _table(first_line: int, *rows: tuple[str, ...]) -> Table:
    return table(first_line, *rows, file="suivi.docx")


def _paragraph(line: int, text: str) -> Paragraph:
    return Paragraph(text, Span(file="suivi.docx", line_start=line, line_end=line, excerpt=text))


def _plan(*blocks: Block) -> Plan:
    return extracted(*blocks, file="suivi.docx")


_PLAN_TABLE = _table(
    3,
    ("Réf.", "Action", "Responsable", "Échéance"),
    ("B1.1", "Réviser le règlement des stages infirmiers", "Directrice des stages", "Juin 2026"),
    ("B1.2", "Former les tuteurs de terrain à l'évaluation", "Cellule pédagogique", "Mars 2026"),
    ("B2.1", "Créer un local de simulation clinique", "Direction", "Septembre 2027"),
)


def _by_text(plan: Plan, start: str) -> int:
    return next(i for i, a in enumerate(plan.actions) if a.text.startswith(start))


def test_indicator_rows_keyed_by_code_complete_their_actions_instead_of_becoming_actions() -> None:
    plan = _plan(
        _paragraph(1, "Plan d'action de l'école d'infirmiers"),
        _PLAN_TABLE,
        _paragraph(8, "Indicateurs de suivi"),
        _table(
            9,
            ("Réf. action", "Indicateur", "Valeur initiale", "Cible"),
            ("B1.1", "Règlement adopté par le conseil", "Non", "Oui"),
            ("B1.2", "Nombre de tuteurs formés", "4", "40"),
            ("B1.2", "Satisfaction des stagiaires envers l'évaluation", "2,9/5", "3,8/5"),
        ),
    )
    assert len(plan.actions) == 3
    assert plan.actions[_by_text(plan, "Réviser")].indicators == ["Règlement adopté par le conseil"]
    assert plan.actions[_by_text(plan, "Former")].indicators == [
        "Nombre de tuteurs formés",
        "Satisfaction des stagiaires envers l'évaluation",
    ]
    assert plan.actions[_by_text(plan, "Créer")].indicators == []
    # each value taken from the second table cites the row it was read from
    derived = plan.actions[_by_text(plan, "Former")].derived
    assert [(d.field, d.value, d.source.line_start) for d in derived] == [
        ("indicators", "Nombre de tuteurs formés", 11),
        ("indicators", "Satisfaction des stagiaires envers l'évaluation", 12),
    ]
    kinds = [t.kind for t in plan.structure.tables]
    assert kinds == [TableKind.PLAN, TableKind.ACTION_FIELDS]


def test_a_code_that_names_no_action_is_said_in_french() -> None:
    plan = _plan(
        _PLAN_TABLE,
        _table(
            8,
            ("Réf. action", "Indicateur"),
            ("B1.1", "Règlement adopté par le conseil"),
            ("B3.4", "Nombre de conventions signées"),
        ),
    )
    assert len(plan.actions) == 3
    warning = next(w for w in plan.warnings if "B3.4" in w)
    assert "aucune action" in warning and "Nombre de conventions signées" in warning


def test_a_keyed_owner_fills_a_missing_owner_and_a_different_one_is_kept_and_warned() -> None:
    plan = _plan(
        _table(
            1,
            ("N°", "Action", "Responsable"),
            ("1", "Mettre à jour le guide de l'étudiant", ""),
            ("2", "Organiser une réunion des délégués par quadrimestre", "Secrétariat"),
        ),
        _table(
            5,
            ("N°", "Pilote", "Échéance"),
            ("1", "Service communication", "Décembre 2025"),
            ("2", "Direction", "Février 2026"),
        ),
    )
    assert len(plan.actions) == 2
    guide = plan.actions[_by_text(plan, "Mettre")]
    assert (guide.owner, guide.deadline) == ("Service communication", "Décembre 2025")
    assert guide.due is not None and guide.due.year == 2025
    meeting = plan.actions[_by_text(plan, "Organiser")]
    assert meeting.owner == "Secrétariat"  # its own value wins
    assert any("Direction" in w and "Secrétariat" in w for w in plan.warnings)


def test_keyed_rows_after_the_plan_in_the_same_sheet_are_not_actions() -> None:
    sheet = _table(
        1,
        ("Code", "Action", "Responsable", "Échéance"),
        ("P1", "Publier les critères d'évaluation des travaux", "Conseil des études", "Mai 2026"),
        ("P2", "Ouvrir une permanence d'aide à la rédaction", "Bibliothèque", "Octobre 2025"),
        ("Indicateurs", "", "", ""),
        ("Code", "Indicateur de suivi", "Cible", ""),
        ("P1", "Part des cours publiant leurs critères", "100 %", ""),
        ("P2", "Nombre de rendez-vous par an", "150", ""),
    )
    plan = _plan(sheet)
    assert [a.text[:7] for a in plan.actions] == ["Publier", "Ouvrir "]
    assert plan.actions[0].indicators == ["Part des cours publiant leurs critères"]
    assert plan.actions[1].indicators == ["Nombre de rendez-vous par an"]


def test_a_second_plan_table_whose_numbers_start_again_is_read_as_actions() -> None:
    plan = _plan(
        _table(
            1,
            ("N°", "Action", "Responsable"),
            ("1", "Réviser le règlement des examens", "Jury"),
            ("2", "Publier le calendrier des examens en septembre", "Secrétariat"),
        ),
        _table(
            5,
            ("N°", "Action", "Responsable"),
            ("1", "Installer des bornes de recharge sur le parking", "Service technique"),
            ("2", "Rénover l'éclairage de la bibliothèque", "Service technique"),
        ),
    )
    assert len(plan.actions) == 4
    assert all(not a.derived for a in plan.actions)


def test_a_plan_row_whose_number_repeats_an_earlier_one_stays_in_the_plan() -> None:
    # a text reader cut « 10 » into « 1 » and « 0 »: no title row, inside the plan table
    plan = _plan(
        _table(
            1,
            ("N°", "Action", "Responsable"),
            ("1", "Réviser le règlement des examens", "Jury"),
            ("2", "Publier le calendrier des examens en septembre", "Secrétariat"),
            ("1", "Créer une salle d'étude en libre accès", "Bibliothécaire"),
            ("0", "la semaine des examens", ""),
        ),
    )
    assert [a.text[:6] for a in plan.actions][:3] == ["Révise", "Publie", "Créer "]
    assert plan.actions[0].owner == "Jury"
    assert all(not a.derived for a in plan.actions)


def test_the_plan_sheet_keeps_its_report_when_keyed_rows_follow_in_it() -> None:
    sheet = _table(
        1,
        ("Réf.", "Action", "Responsable"),
        ("B1", "Réviser le règlement des stages infirmiers", "Directrice des stages"),
        ("B2", "Former les tuteurs de terrain à l'évaluation", "Cellule pédagogique"),
        ("Réf.", "Indicateur", ""),
        ("B1", "Règlement adopté par le conseil", ""),
        ("B2", "Nombre de tuteurs formés", ""),
    )
    plan = _plan(sheet)
    (report,) = plan.structure.tables
    assert report.kind is TableKind.PLAN and report.actions == 2
    assert report.note is not None and "code" in report.note
    assert [a.indicators for a in plan.actions] == [
        ["Règlement adopté par le conseil"],
        ["Nombre de tuteurs formés"],
    ]


def test_keyed_rows_go_on_in_the_next_table_without_titles_and_stop_at_a_new_table() -> None:
    plan = _plan(
        _PLAN_TABLE,
        _table(8, ("Réf. action", "Indicateur"), ("B1.1", "Règlement adopté par le conseil")),
        _table(10, ("B1.2", "Nombre de tuteurs formés"), ("B2.1", "Local ouvert aux étudiants")),
        _table(
            13,
            ("N°", "Action", "Responsable"),
            ("7", "Rédiger un guide du tuteur de stage", "Cellule pédagogique"),
        ),
    )
    assert [a.indicators for a in plan.actions] == [
        ["Règlement adopté par le conseil"],
        ["Nombre de tuteurs formés"],
        ["Local ouvert aux étudiants"],
        [],
    ]
    assert plan.actions[3].text == "Rédiger un guide du tuteur de stage"


def test_a_key_cell_may_repeat_the_actions_wording_after_its_code() -> None:
    plan = _plan(
        _PLAN_TABLE,
        _table(
            8,
            ("Action", "Indicateur"),
            ("B1.1 – Réviser le règlement des stages", "Règlement adopté par le conseil"),
            ("B2.1 Créer un local de simulation", "Local ouvert aux étudiants"),
            ("B1.2 Installer des bornes de recharge", "Bornes installées"),
        ),
    )
    assert len(plan.actions) == 3
    assert plan.actions[_by_text(plan, "Réviser")].indicators == ["Règlement adopté par le conseil"]
    assert plan.actions[_by_text(plan, "Créer")].indicators == ["Local ouvert aux étudiants"]
    # a code followed by another action's wording is not that action's
    assert plan.actions[_by_text(plan, "Former")].indicators == []
    assert any("B1.2 Installer" in w for w in plan.warnings)


def test_a_numbered_heading_after_the_keyed_rows_ends_them_quietly() -> None:
    sheet = _table(
        1,
        ("Réf.", "Action", "Responsable"),
        ("B1", "Réviser le règlement des stages infirmiers", "Directrice des stages"),
        ("B2", "Former les tuteurs de terrain à l'évaluation", "Cellule pédagogique"),
        ("Réf.", "Indicateur", ""),
        ("B1", "Règlement adopté par le conseil", ""),
        ("B2", "Nombre de tuteurs formés", ""),
        ("3. Suivi du plan", "", ""),
    )
    plan = _plan(sheet)
    assert not [w for w in plan.warnings if "Suivi du plan" in w]
    assert [a.indicators for a in plan.actions] == [
        ["Règlement adopté par le conseil"],
        ["Nombre de tuteurs formés"],
    ]
