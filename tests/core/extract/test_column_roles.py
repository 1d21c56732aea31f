"""Column roles from header words and cell contents; the structure report and its warnings."""

from __future__ import annotations

from pathlib import Path

from assistant.extract.column_roles import cell_profile, infer_roles
from assistant.extract.vocabulary import Column
from assistant.parsing import parse_file
from assistant.schema import TableKind
from assistant.settings import Settings


def _parse(tmp_path: Path, text: str, name: str = "plan.md"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def test_cell_profiles_tell_owners_deadlines_and_references_apart() -> None:
    assert cell_profile("Conseil de département\nCoordinatrice qualité").get(Column.OWNER)
    assert cell_profile("Q1 2027").get(Column.DEADLINE) == 1.0
    assert cell_profile("Rp.6 - 1").get(Column.REFERENCE) == 1.0
    assert cell_profile("Critère 1.2.1").get(Column.CRITERION) == 1.0
    # the short form of a criterion (« C3 », « C2.1 ») is a criterion, not somebody
    assert cell_profile("C3").get(Column.CRITERION)
    assert Column.OWNER not in cell_profile("C2.1")
    # a measure (« Nombre de… ») or an outcome (« … révisée ») is no body, whatever it names
    for indicator in ("Nombre de stages en archives", "Fiche UE révisée", "Taux de réussite"):
        assert cell_profile(indicator).get(Column.INDICATORS), indicator
        assert Column.OWNER not in cell_profile(indicator), indicator
    for owner in ("Comité de pilotage", "Délégué des étudiants", "Cellule qualité"):
        assert cell_profile(owner).get(Column.OWNER), owner
    assert Column.OWNER not in cell_profile("Organiser des réunions de coordination")
    assert cell_profile("Organiser des réunions de coordination").get(Column.ACTION)


def test_a_measure_made_each_year_is_an_indicator_not_a_deadline() -> None:
    # a recurrence qualifying what is counted or delivered (« annuel », « chaque année »)
    for cell in ("Compte rendu annuel du panel", "Part des cours évalués chaque année",
                 "Enquête annuelle réalisée"):  # fmt: skip
        profile = cell_profile(cell)
        assert profile[Column.INDICATORS] > profile.get(Column.DEADLINE, 0.0), cell
    # the recurrence alone, or when it falls, is a deadline
    for cell in ("Chaque année en octobre", "Fin de chaque quadrimestre", "À chaque rentrée"):
        profile = cell_profile(cell)
        assert profile[Column.DEADLINE] > profile.get(Column.INDICATORS, 0.0), cell


def test_sums_and_shares_are_told_from_numbered_cells() -> None:
    # a sum is a budget's cell, whatever its figure looks like; a share alone says how far
    # along an action is; neither figure is the number of an item (« 60 % » is not « 60. »)
    for sum_ in ("6 500 €", "4 000 € (fonds FSE)", "Sans coût", "€ 1.200", "2 k€", "800 EUR"):
        assert max(cell_profile(sum_), key=cell_profile(sum_).get) is Column.BUDGET, sum_
    assert max(cell_profile("60 %"), key=cell_profile("60 %").get) is Column.STATUS
    assert Column.INDICATORS in cell_profile("5 % du budget")
    assert Column.BUDGET not in cell_profile("Budget consommé")
    assert Column.BUDGET not in cell_profile("Réduire de 2 000 € le coût des licences")


def test_a_column_of_criteria_beside_recommendation_references_is_criteria() -> None:
    rows = [
        ("Critère 1.2.1", "Rp.6 - 1", "Créer un tutorat"),
        ("Critère 2.1", "Recommandations principales n°1 et n°2", "Revoir les fiches UE"),
        ("Critère 3.4", "Critère 3, Recommandation 4", "Réunir le conseil"),
    ]
    header = {0: Column.REFERENCE, 1: Column.REFERENCE, 2: Column.ACTION}
    roles = infer_roles(header, rows, 3).roles
    assert roles == {0: Column.CRITERION, 1: Column.REFERENCE, 2: Column.ACTION}


def test_plan_citing_criteria_and_recommendations_links_only_recommendations(
    tmp_path: Path,
) -> None:
    plan = _parse(
        tmp_path,
        "| Référentiel | Référence | Action | Responsable |\n|---|---|---|---|\n"
        "| Critère 1.2.1 | Rp.6 - 1 | Créer un tutorat par les pairs | Cellule pédagogique |\n"
        "| Critère 2.1 | Recommandations principales n°1 et n°2 | Revoir les fiches UE "
        "du bloc 1 | Coordination de section |\n"
        "| Critère 3.4 | C3-R4 | Réunir le conseil consultatif | Direction |\n",
    )
    refs = sorted(r.ref for r in plan.recommendations)
    assert refs == sorted(
        ["Rp.6 - 1", "Recommandation principale n°1", "Recommandation principale n°2", "C3-R4"]
    )
    assert [len(a.addresses) for a in plan.actions] == [1, 2, 1]


def test_an_owner_column_named_after_bodies_is_read_from_its_cells(tmp_path: Path) -> None:
    # « Mandataires » is no column title of the vocabulary: the cells say who they are
    plan = _parse(
        tmp_path,
        "| Objectifs | Mandataires | Actions |\n|---|---|---|\n"
        "| Mieux accueillir | Conseil de département | Organiser une journée d'accueil : "
        "septembre 2025 |\n"
        "| Suivre les stages | Coordination des stages | Rédiger une charte de stage : "
        "juin 2026 |\n",
    )
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Organiser une journée d'accueil", "Conseil de département", "septembre 2025"),
        ("Rédiger une charte de stage", "Coordination des stages", "juin 2026"),
    ]
    columns = {c.header: c for c in plan.structure.tables[0].columns}
    assert columns["Mandataires"].role == "owner"
    assert "contenu" in columns["Mandataires"].evidence


def test_numbered_items_in_one_cell_are_separate_actions(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "<table><tr><td>Objectif</td><td>Actions</td><td>Indicateurs</td></tr>"
        "<tr><td>Coordonner</td><td>1. Désigner un référent : septembre 2020<br>"
        "2. Tenir une réunion par quadrimestre : décembre 2020</td>"
        "<td>- Référent nommé<br>- Nombre de réunions</td></tr></table>\n",
        name="plan.txt",
    )
    assert [(a.text, a.deadline, a.indicators, a.objective) for a in plan.actions] == [
        ("Désigner un référent", "septembre 2020", ["Référent nommé"], "Coordonner"),
        ("Tenir une réunion par quadrimestre", "décembre 2020", ["Nombre de réunions"],
         "Coordonner"),
    ]  # fmt: skip


def test_bullets_sharing_one_deadline_stay_one_action(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "<table><tr><td>Action</td><td>Échéance</td></tr>"
        "<tr><td>- Préparer le questionnaire<br>- Le diffuser</td><td>juin 2026</td></tr>"
        "</table>\n",
        name="plan.txt",
    )
    assert len(plan.actions) == 1


def test_a_contact_list_after_the_plan_is_ignored_with_a_note(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Créer un tutorat | Cellule pédagogique | juin 2026 |\n\n"
        "Personnes de contact\n\n"
        "| Service | Nom | Adresse |\n|---|---|---|\n"
        "| Cellule qualité | A. Martin | a.martin@exemple.be |\n"
        "| Secrétariat | B. Durand | 081 23 45 67 |\n",
    )
    assert [a.text for a in plan.actions] == ["Créer un tutorat"]
    kinds = [t.kind for t in plan.structure.tables]
    assert kinds == [TableKind.PLAN, TableKind.NOT_PLAN]
    assert "contacts" in (plan.structure.tables[1].note or "")


def test_a_table_without_header_gives_candidates_to_check(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "Plan d'amélioration\n\n"
        "| Organiser une journée d'accueil des étudiants | Conseil de département | "
        "septembre 2025 |\n|---|---|---|\n"
        "| Rédiger une charte de stage commune | Coordination des stages | juin 2026 |\n"
        "| Mettre en place un tutorat par les pairs | Cellule d'aide à la réussite | "
        "2025-2026 |\n",
    )
    assert [a.owner for a in plan.actions][-2:] == [
        "Coordination des stages",
        "Cellule d'aide à la réussite",
    ]
    assert plan.structure.needs_review
    assert any("à vérifier" in w for w in plan.warnings)


def test_prose_with_a_numbered_list_is_never_nothing(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "Pistes retenues par l'équipe\n\n"
        "1. Revoir la grille d'évaluation des stages\n"
        "2. Organiser une rencontre avec les maîtres de stage\n"
        "3. Publier le calendrier des évaluations plus tôt\n",
        name="notes.txt",
    )
    assert len(plan.actions) == 3
    assert any("à vérifier" in w for w in plan.warnings)


def test_periods_under_a_merged_calendar_title_date_each_action(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "<table><tr><td>Action</td><td>Responsable</td>"
        "<td colspan='3'>Calendrier de réalisation</td></tr>"
        "<tr><td></td><td></td><td>Q1 2025</td><td>Q2 2025</td><td>Q1 2026</td></tr>"
        "<tr><td>Revoir les protocoles de TP</td><td>Titulaire</td><td>X</td><td>X</td>"
        "<td></td></tr>"
        "<tr><td>Adopter la fiche UE</td><td>Conseil</td><td></td><td></td><td>X</td></tr>"
        "</table>\n",
        name="plan.txt",
    )
    assert [(a.text, a.deadline) for a in plan.actions] == [
        ("Revoir les protocoles de TP", "Q2 2025"),
        ("Adopter la fiche UE", "Q1 2026"),
    ]


def test_the_end_date_is_the_deadline_and_how_to_measure_is_the_indicator(
    tmp_path: Path,
) -> None:
    plan = _parse(
        tmp_path,
        "| Que faire ? | Qui ? | Début | Fin | Comment mesurer ? |\n|---|---|---|---|---|\n"
        "| Organiser des ateliers d'écriture | Cellule pédagogique | Sept. 2024 | Juin 2025 "
        "| Nombre d'ateliers donnés |\n",
    )
    action = plan.actions[0]
    assert (action.deadline, action.indicators) == ("Juin 2025", ["Nombre d'ateliers donnés"])


def test_a_calendar_of_action_numbers_under_the_plan_gives_no_action(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "| Objectifs | Instances responsables | Actions |\n|---|---|---|\n"
        "| Mieux accueillir | Conseil de département | 1. Organiser une journée d'accueil "
        ": septembre 2025 |\n"
        "| Suivre les stages | Coordination des stages | 2. Rédiger une charte de stage "
        ": juin 2026 |\n"
        "| Mois | Actions prévues | Actions réalisées |\n"
        "| Septembre 2025 | 1, 7 | 1 |\n| Octobre 2025 | 4 | — |\n",
    )
    assert [(a.text, a.owner) for a in plan.actions] == [
        ("Organiser une journée d'accueil", "Conseil de département"),
        ("Rédiger une charte de stage", "Coordination des stages"),
    ]


def test_a_data_row_whose_cells_start_like_titles_is_not_a_header(tmp_path: Path) -> None:
    # « Action à planifier » is a status, « Critère 4, Recommandation 3 » a reference:
    # values, not the titles « Action » and « Critère » of a second header
    plan = _parse(
        tmp_path,
        "| Réf. | Action | Responsable | Échéance | État |\n|---|---|---|---|---|\n"
        "| Critère 4, Recommandation 1 | Recruter un assistant | Direction | 2025 | À venir |\n"
        "| Critère 4, Recommandation 3 | Suivre les étudiants en échec | Service d'aide à la "
        "réussite | Q2 2025 | Action à planifier |\n"
        "| Critère 5, Recommandation 1 | Actualiser le plan | Service qualité | 2026 | En cours |\n",
    )
    assert [(a.text, a.status) for a in plan.actions] == [
        ("Recruter un assistant", "À venir"),
        ("Suivre les étudiants en échec", "Action à planifier"),
        ("Actualiser le plan", "En cours"),
    ]
