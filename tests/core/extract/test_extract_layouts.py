"""General layout rules of the extractor, each on a small synthetic document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.errors import NoRecognisableContentError
from assistant.extract.dates import due_date
from assistant.extract.items import split_items
from assistant.extract.references import parse_references
from assistant.extract.vocabulary import Column, column_of, status_category
from assistant.parsing import parse_file
from assistant.schema import LinkKind, Plan, StatusCategory, SwotKind
from assistant.settings import Settings


def _linked_keys(plan: Plan) -> list[list[str]]:
    """For each action, the keys of the recommendations it is linked to."""
    keys = {r.id: r.key for r in plan.recommendations}
    return [[keys[link.recommendation_id] for link in a.links] for a in plan.actions]


def _parse(tmp_path: Path, name: str, text: str) -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Critère 3, Recommandation 6", ["c3/r6"]),
        ("Critère1, Recommandation 13", ["c1/r13"]),
        ("Critère 3, Recommandation 9 Critère 4, Recommandation 6", ["c3/r9", "c4/r6"]),
        ("Critère 4, Recommandations 1 et 3", ["c4/r1", "c4/r3"]),
        ("C2-R1", ["c2/r1"]),
        ("Recommandation n° 1, p.9", ["r1/p9"]),
        ("Rp.6 - 1", ["r1/p6"]),
        ("Recommandations principales n°1 et n°2 (synthèse)", ["principale/r1", "principale/r2"]),
        ("Critère 1.2.1", ["c1.2.1"]),
        ("Critère 5", ["c5"]),
        # short forms listed in one cell: each member is a reference of its own
        ("R2 et R3", ["r2", "r3"]),
        ("R1, R4", ["r1", "r4"]),
        ("Rec. 2, 4", ["r2", "r4"]),
        ("R1 à R3", ["r1", "r2", "r3"]),
        ("Reco 5 ; R7", ["r5", "r7"]),
        # a criterion's recommendations listed with their prefix repeated
        ("Critère 3 R1, R4", ["c3/r1", "c3/r4"]),
        ("C5 R1 et R6", ["c5/r1", "c5/r6"]),
        ("C2-R1 et R3", ["c2/r1", "c2/r3"]),
        ("Critère 2, Recommandation 1 et Recommandation 4", ["c2/r1", "c2/r4"]),
        ("Réunion 3", []),
    ],
)
def test_reference_forms(cell: str, expected: list[str]) -> None:
    assert [r.key for r in parse_references(cell)] == expected


def test_indicator_items_recover_lost_line_breaks() -> None:
    assert split_items("Accès rapide à ConnectED Taux de participation") == [
        "Accès rapide à ConnectED",
        "Taux de participation",
    ]
    assert split_items("Note avalisée par le Conseil de département") == [
        "Note avalisée par le Conseil de département"
    ]
    assert split_items("-Nombre de demandes -Taux de réussite des AR") == [
        "Nombre de demandes",
        "Taux de réussite des AR",
    ]


@pytest.mark.parametrize(
    ("status", "category"),
    [
        ("Réalisé", StatusCategory.DONE),
        ("Réalisé et implémenté", StatusCategory.DONE),
        ("En cours", StatusCategory.IN_PROGRESS),
        ("Action en cours depuis 2015 et pérenne", StatusCategory.IN_PROGRESS),
        ("Action à planifier en 2016-2017", StatusCategory.PLANNED),
        ("À venir", StatusCategory.PLANNED),
        ("Reporté", StatusCategory.POSTPONED),
        ("Plus d'actualité", StatusCategory.ABANDONED),
        ("Non entamé", StatusCategory.PLANNED),
        ("Pas encore démarré", StatusCategory.PLANNED),
        ("À initier", StatusCategory.PLANNED),
        ("Entamé", StatusCategory.IN_PROGRESS),
        (None, StatusCategory.UNKNOWN),
    ],
)
def test_status_vocabulary(status: str | None, category: StatusCategory) -> None:
    assert status_category(status) is category


@pytest.mark.parametrize(
    ("deadline", "due"),
    [
        ("juin 2027", date(2027, 6, 30)),
        ("Q1 2027", date(2027, 1, 31)),
        ("2025-2026", date(2026, 9, 14)),
        ("septembre 2026 - décembre 2026", date(2026, 12, 31)),
        ("Action en cours depuis septembre 2015", None),
        ("Tout au long du parcours", None),
    ],
)
def test_deadlines_read_as_dates(deadline: str, due: date | None) -> None:
    assert due_date(deadline) == due


def test_header_that_lost_its_first_column_is_realigned(tmp_path: Path) -> None:
    # The header names 4 columns; the data rows carry an unnamed objective column first.
    text = (
        "Référence\tActions locales\tResponsables\tEtat de réalisation\n"
        "Soutenir la réussite\t\t\t\t\n"
        "Renforcer le tutorat\tCritère 3, Recommandation 2\tLLN : tutorat par les pairs\tCellule d'aide\tEn cours\n"
        "\t\tMONS : tutorat numérique\tCoordination B1\tRéalisé\n"
    )
    plan = _parse(tmp_path, "plan.txt", text)
    assert [a.text for a in plan.actions] == [
        "LLN : tutorat par les pairs",
        "MONS : tutorat numérique",
    ]
    assert [a.owner for a in plan.actions] == ["Cellule d'aide", "Coordination B1"]
    assert [a.objective for a in plan.actions] == ["Renforcer le tutorat"] * 2
    # the continuation row inherits its group's reference
    assert all(a.addresses == [plan.recommendations[0].id] for a in plan.actions)


def test_page_break_fragment_row_continues_the_previous_action(tmp_path: Path) -> None:
    text = (
        "Objectifs\tActeurs concernés\tQuand\tIndicateurs\n"
        "1) Aider les étudiants\t-Direction -Secrétariat\tAnnuellement\t-Nombre de rencontres\n"
        "\t\t\t- Taux de présence aux séances\n"
    )
    plan = _parse(tmp_path, "plan.txt", text)
    (action,) = plan.actions
    assert action.text == "Aider les étudiants"
    assert action.owner == "Direction; Secrétariat"
    assert action.indicators == ["Nombre de rencontres", "Taux de présence aux séances"]


def test_quoted_recommendation_covers_the_actions_placed_under_it(tmp_path: Path) -> None:
    text = (
        "Axe 1 : Communiquer\n\n"
        "Description des actions\nDegré de priorité\n*/**/***\nResponsable(s)\n"
        "Degré de réalisation / Échéance(s)\nRésultats attendus\n\n"
        "« Le comité recommande de généraliser l'usage de la plateforme numérique pour les cours. » "
        "(Recommandation 4, p.6)\n\n"
        "Former les enseignants\nà la plateforme\n\n"
        "** Direction et service technique\n\n"
        "Action en cours et pérenne - Nombre d'enseignants formés\n"
    )
    plan = _parse(tmp_path, "plan.txt", text)
    (rec,) = plan.recommendations
    assert rec.key == "r4/p6" and rec.text and rec.text.startswith("Le comité recommande")
    (action,) = plan.actions
    assert action.text == "Former les enseignants à la plateforme"
    assert action.priority == 2
    assert action.owner == "Direction et service technique"
    assert action.status == "Action en cours et pérenne"
    assert action.indicators == ["Nombre d'enseignants formés"]
    assert [link.kind for link in action.links] == [LinkKind.PLACEMENT]


def test_reference_column_quoting_the_recommendation_keeps_its_wording(tmp_path: Path) -> None:
    text = (
        "| Recommandation des experts | Action | Responsable |\n|---|---|---|\n"
        "| R3 : Renforcer l'encadrement des stages par des visites systématiques des superviseurs "
        "sur les lieux de stage | Organiser deux visites par stagiaire | Responsable des stages |\n"
    )
    plan = _parse(tmp_path, "plan.md", text)
    (rec,) = plan.recommendations
    assert rec.ref == "R3"
    assert rec.text and rec.text.startswith("Renforcer l'encadrement des stages")


def test_numbered_list_plan(tmp_path: Path) -> None:
    text = (
        "Plan d'action 2019-2021\n\n"
        "1. Réunir le collège de département – Responsable : Collège de département\n"
        "2. Réviser les fiches UE du bloc 1 : septembre 2019\n"
        "3. Programmation des séquences d'accueil : juin 2020\n"
    )
    plan = _parse(tmp_path, "plan.txt", text)
    assert [a.owner for a in plan.actions] == ["Collège de département", None, None]
    assert [a.deadline for a in plan.actions] == [None, "septembre 2019", "juin 2020"]


def test_swot_as_a_two_by_two_table(tmp_path: Path) -> None:
    text = (
        "| Forces | Faiblesses |\n|---|---|\n| Équipe engagée | Locaux vétustes |\n"
        "| Opportunités | Menaces |\n| Nouveaux partenaires | Baisse des inscriptions |\n"
    )
    plan = _parse(tmp_path, "swot.md", text)
    assert {(item.kind, item.text) for item in plan.swot} == {
        (SwotKind.STRENGTH, "Équipe engagée"),
        (SwotKind.WEAKNESS, "Locaux vétustes"),
        (SwotKind.OPPORTUNITY, "Nouveaux partenaires"),
        (SwotKind.THREAT, "Baisse des inscriptions"),
    }


def test_ids_are_stable_and_distinguish_repeated_wording(tmp_path: Path) -> None:
    text = (
        "| Action | Responsable |\n|---|---|\n| Réunir le comité | A |\n| Réunir le comité | B |\n"
    )
    first = _parse(tmp_path, "plan.md", text)
    again = _parse(tmp_path, "plan.md", text + "| Nouvelle action | C |\n")
    assert first.actions[0].id != first.actions[1].id
    assert [a.id for a in again.actions[:2]] == [a.id for a in first.actions]


def test_a_timeline_of_period_columns_gives_the_deadline(tmp_path: Path) -> None:
    """Columns per school year marked with an X: the action runs until the last one."""
    plan = _parse(
        tmp_path,
        "plan.md",
        "| Recommandation | Action | Responsable | 2024-2025 | 2025-2026 | Q1 2027 | Indicateurs |\n"
        "|---|---|---|---|---|---|---|\n"
        "| C1-R1 | Créer une cellule qualité | Direction | X | X | | PV des réunions |\n"
        "| C3-R2 | Revoir les fiches ECTS | Coordinateur | | ✓ | ✓ | Fiches revues |\n"
        "| C2-R1 | Organiser un forum métiers | Responsable des stages | | | | Participants |\n",
    )
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Créer une cellule qualité", "Direction", "2025-2026", ["PV des réunions"]),
        ("Revoir les fiches ECTS", "Coordinateur", "Q1 2027", ["Fiches revues"]),
        ("Organiser un forum métiers", "Responsable des stages", None, ["Participants"]),
    ]
    assert plan.actions[0].due == due_date("2025-2026")


def test_a_single_period_cell_in_a_row_is_data_not_a_header(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.md",
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Créer une cellule qualité | Direction | 2025-2026 |\n"
        "| Responsable qualité à désigner | 2024 | En cours |\n",
    )
    assert [a.text for a in plan.actions] == [
        "Créer une cellule qualité",
        "Responsable qualité à désigner",
    ]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Responsable(s)", Column.OWNER),
        ("Qui ?", Column.OWNER),
        ("Quoi ?", Column.ACTION),
        ("Pour quand ?", Column.DEADLINE),
        ("Comment ?", Column.IGNORED),
        ("Moyens de vérification", Column.INDICATORS),
        ("Sources de vérification", Column.INDICATORS),
        ("Valeur cible", Column.INDICATORS),
        ("Référence SWOT", Column.IGNORED),
        ("Lien avec le rapport", Column.REFERENCE),
        ("Degré d'urgence", Column.PRIORITY),
        ("Service concerné", Column.OWNER),
        ("2025-2026", Column.TIMELINE),
        ("Q1 2027", Column.TIMELINE),
        ("Personnes ressources", None),  # a contact list's header, not an owner column
        ("Contacts", None),
        # a title of the vocabulary in the singular or the plural names the same column
        ("Critère de réussite", Column.INDICATORS),
        ("Critères de réussite", Column.INDICATORS),
        ("Indicateur de suivi", Column.INDICATORS),
    ],
)
def test_header_vocabulary(header: str, column: Column | None) -> None:
    assert column_of(header) is column


def test_a_five_w_table_is_a_plan(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.md",
        "| Quoi ? | Qui ? | Pour quand ? | Comment ? | Moyens de vérification |\n"
        "|---|---|---|---|---|\n"
        "| Créer une cellule qualité | Direction | juin 2025 | Réunions mensuelles | PV |\n",
    )
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Créer une cellule qualité", "Direction", "juin 2025", ["PV"])
    ]


def test_a_header_on_two_rows_under_a_merged_group_cell(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.txt",
        "<table>\n"
        '<tr><th rowspan="2">Recommandation</th><th rowspan="2">Action</th>'
        '<th rowspan="2">Responsable</th><th colspan="2">Suivi</th></tr>\n'
        "<tr><th>Échéance</th><th>État</th></tr>\n"
        "<tr><td>C1-R1</td><td>Créer une cellule qualité</td><td>Direction</td>"
        "<td>2025-2026</td><td>En cours</td></tr>\n"
        "</table>\n",
    )
    assert [(a.text, a.owner, a.deadline, a.status) for a in plan.actions] == [
        ("Créer une cellule qualité", "Direction", "2025-2026", "En cours")
    ]
    assert [r.key for r in plan.recommendations] == ["c1/r1"]


def test_recommendation_rows_across_a_plan_table_place_the_actions_below(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.md",
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Recommandation 1 : Formaliser la politique qualité de la section | | |\n"
        "| Rédiger une note de politique qualité | Direction | juin 2025 |\n"
        "| Critère 3, Recommandation 2 : Développer l'approche programme | | |\n"
        "| Organiser deux journées pédagogiques | Direction | 2025-2026 |\n"
        "| Objectif : mieux informer | | |\n"
        "| Refaire le site web | Service communication | 2026 |\n",
    )
    keys = {r.id: r.key for r in plan.recommendations}
    assert [(r.key, r.text) for r in plan.recommendations] == [
        ("r1", "Formaliser la politique qualité de la section"),
        ("c3/r2", "Développer l'approche programme"),
    ]
    assert [
        (a.text, a.objective, [(keys[x.recommendation_id], x.kind) for x in a.links])
        for a in plan.actions
    ] == [
        ("Rédiger une note de politique qualité", None, [("r1", LinkKind.PLACEMENT)]),
        ("Organiser deux journées pédagogiques", None, [("c3/r2", LinkKind.PLACEMENT)]),
        # an ordinary heading row is an objective; the recommendation above still holds
        ("Refaire le site web", "Objectif : mieux informer", [("c3/r2", LinkKind.PLACEMENT)]),
    ]


def test_rows_under_a_merged_reference_cell_answer_the_same_recommendation(
    tmp_path: Path,
) -> None:
    plan = _parse(
        tmp_path,
        "plan.txt",
        "<table>\n<tr><th>Recommandation</th><th>Action</th><th>Responsable</th></tr>\n"
        '<tr><td rowspan="2">C1-R1</td><td>Rédiger une note</td><td>Direction</td></tr>\n'
        "<tr><td>Présenter la note au conseil</td><td>Coordinatrice qualité</td></tr>\n"
        "<tr><td>C3-R2</td><td>Organiser deux journées</td><td>Direction</td></tr>\n"
        "</table>\n",
    )
    assert _linked_keys(plan) == [["c1/r1"], ["c1/r1"], ["c3/r2"]]


def test_a_merged_reference_cell_in_word_but_not_an_empty_one(tmp_path: Path) -> None:
    """Word says which empty cells are covered by the merged cell above; Markdown cannot."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=5, cols=3)
    rows = [
        ("Recommandation", "Action", "Responsable"),
        ("C1-R1", "Rédiger une note", "Direction"),
        ("", "Présenter la note au conseil", "Coordinatrice qualité"),
        ("C3-R2", "Organiser deux journées", "Direction"),
        ("", "Former les enseignants à Moodle", "Direction"),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # the last row's empty cell is NOT merged
    table.cell(1, 0).text = "C1-R1"
    path = tmp_path / "plan.docx"
    document.save(str(path))

    plan = parse_file(path, Settings())
    assert _linked_keys(plan) == [["c1/r1"], ["c1/r1"], ["c3/r2"], []]


def test_a_plan_with_english_column_titles_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(NoRecognisableContentError, match=r"en anglais \(Owner, Deadline, Status\)"):
        _parse(
            tmp_path,
            "plan.md",
            "| Action | Owner | Deadline | Status |\n|---|---|---|---|\n"
            "| Create a quality unit | Director | 2025 | Done |\n",
        )


def test_a_merged_reference_cell_in_excel(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Plan d'action 2025-2028"])
    sheet.append([])
    sheet.append(["", "Recommandation", "Action", "Responsable"])
    sheet.append(["", "C1-R1", "Rédiger une note", "Direction"])
    sheet.append(["", None, "Présenter la note au conseil", "Coordinatrice qualité"])
    sheet.append(["", "C3-R2", "Organiser deux journées", "Direction"])
    sheet.append(["", None, "Former les enseignants à Moodle", "Direction"])
    sheet.merge_cells("B4:B5")  # the last row's empty cell is not merged
    path = tmp_path / "plan.xlsx"
    workbook.save(str(path))

    plan = parse_file(path, Settings())
    assert _linked_keys(plan) == [["c1/r1"], ["c1/r1"], ["c3/r2"], []]


def test_a_plan_numbered_by_axis_with_owners_and_deadlines_in_brackets(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.txt",
        "Plan d'action 2025-2028\n\nAxe 1 : Gouvernance et pilotage\n\n"
        "1.1 Mettre en place une commission qualité (Responsable : Direction ; échéance : juin 2025)\n"
        "1.2 Formaliser la communication interne (Responsable : Coordination qualité ; "
        "échéance : 2025-2026)\n\nAxe 2 : Programme\n\n"
        "2.1 Réviser les fiches ECTS (Responsable : Coordinateurs d'UE ; échéance : septembre 2025)\n"
        "Action 2.2 : Organiser un forum métiers (Responsable : Responsable des stages ; "
        "échéance : 2026)\n",
    )
    assert [(a.text, a.owner, a.deadline, a.axis) for a in plan.actions] == [
        ("Mettre en place une commission qualité", "Direction", "juin 2025", "Axe 1 : Gouvernance et pilotage"),
        ("Formaliser la communication interne", "Coordination qualité", "2025-2026", "Axe 1 : Gouvernance et pilotage"),
        ("Réviser les fiches ECTS", "Coordinateurs d'UE", "septembre 2025", "Axe 2 : Programme"),
        ("Organiser un forum métiers", "Responsable des stages", "2026", "Axe 2 : Programme"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "cited", ["R5, p.7", "Rec. 5, p.7", "Reco 5, p. 7", "Recommandation 5, p.7"]
)
def test_a_quote_cited_in_short_form(tmp_path: Path, cited: str) -> None:
    plan = _parse(
        tmp_path,
        "plan.txt",
        f"« Le comité recommande de mieux informer les étudiants sur les stages. » ({cited})\n\n"
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Publier un guide des stages | Direction | 2025 |\n",
    )
    assert [(r.key, r.text) for r in plan.recommendations] == [
        ("r5/p7", "Le comité recommande de mieux informer les étudiants sur les stages.")
    ]
    assert _linked_keys(plan) == [["r5/p7"]]


_CRITERION_PLAN = """\
# Plan d'action

| Critère | Objectif | Action | Responsable | Échéance |
|---|---|---|---|---|
| Critère 3 | Un fil rouge | Revoir ensemble les plans de cours | Direction | 2026 |
| Critère 1.2 | Décider ensemble | Réunir le conseil chaque trimestre | Direction | 2026 |
| | Divers | Repeindre le hall d'entrée | Direction | 2026 |
"""


@pytest.mark.parametrize("name", ["plan.md", "plan.txt"])
def test_a_criterion_column_lands_on_the_action(tmp_path: Path, name: str) -> None:
    """A plan naming the criterion each action serves and no recommendation: the criterion
    is the action's (the mapper's criterion prior needs it), and is not a recommendation."""
    plan = _parse(tmp_path, name, _CRITERION_PLAN)
    assert [a.criterion for a in plan.actions] == ["Critère 3", "Critère 1.2", None]
    assert not any(a.links for a in plan.actions)
    assert plan.recommendations == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Critère 3", "Critère 3"),
        ("Critère n° 1.2", "Critère 1.2"),
        ("C4", "Critère 4"),
        ("2", "Critère 2"),
        ("Critère 4 : efficacité et équité", "Critère 4"),
        ("C3-R4", None),  # a recommendation, not a criterion alone
        ("Axe A — Gouvernance", None),
        ("", None),
    ],
)
def test_criterion_cells(cell: str, expected: str | None) -> None:
    from assistant.extract.row_links import action_criterion

    assert action_criterion(cell) == expected


def test_quoted_recommendations_as_rows_of_a_sheet_place_the_actions_below(
    tmp_path: Path,
) -> None:
    """A sheet where each quoted recommendation (with its reference) stands in a row of its
    own above the actions answering it, the header repeated under each."""
    rows = [
        "Plan de suivi;;;",
        "« Le comité recommande de renforcer l'accompagnement des stages. » (Recommandation 3, p.8);;;",
        "Action;Responsable;Échéance;Indicateur",
        "Organiser une visite de chaque lieu de stage;Coordination des stages;2026;Visites faites",
        "Former les maîtres de stage;Direction;Juin 2026;Nombre de formés",
        ";;;",
        "« Les experts invitent la section à ouvrir ses cours aux alumni. » (Recommandation 6, p.12);;;",
        "Action;Responsable;Échéance;Indicateur",
        "Créer une conférence annuelle des diplômés;Cellule alumni;Mai 2027;Conférence tenue",
    ]
    plan = _parse(tmp_path, "plan.csv", "\n".join(rows) + "\n")
    keys = {r.id: r.key for r in plan.recommendations}
    assert [[keys[link.recommendation_id] for link in a.links] for a in plan.actions] == [
        ["r3/p8"],
        ["r3/p8"],
        ["r6/p12"],
    ]
