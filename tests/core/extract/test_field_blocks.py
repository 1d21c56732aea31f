"""Plans written as "fiches action": one block of labelled fields per action, in any format."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assistant.errors import NoRecognisableContentError
from assistant.parsing import parse_file
from assistant.schema import Plan, StatusCategory
from assistant.settings import Settings

FICHES = """\
PLAN D'ACTION – Bachelier en informatique de gestion
Suivi de l'évaluation AEQES 2023

Axe 1 : Gouvernance et pilotage

Action 1.1 – Mettre en place une commission qualité de section
Recommandation(s) visée(s) : Critère 1, Recommandation 2
Responsable : Coordinatrice qualité
Échéance : juin 2025
Indicateur(s) : PV des réunions ; nombre de réunions par an
État d'avancement : En cours

Action 1.2 – Formaliser la communication interne
Recommandation(s) visée(s) : Critère 1, Recommandation 3
Porteur : Direction de catégorie
Échéance : 2025-2026
Indicateurs :
- Charte de communication adoptée
- Taux de lecture de la lettre interne
Moyens : 0,1 ETP
État d'avancement : Non entamé

Axe 2 : Programme

Action : Réviser les fiches ECTS de toutes les UE
Responsable : Responsables d'UE
Échéance : septembre 2025
Statut : Réalisé
"""


def _parse(tmp_path: Path, name: str, text: str) -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def _rows(plan: Plan) -> list[tuple[object, ...]]:
    keys = {r.id: r.key for r in plan.recommendations}
    return [
        (
            a.text,
            a.owner,
            a.deadline,
            a.indicators,
            a.status_category,
            a.axis,
            [keys[link.recommendation_id] for link in a.links],
        )
        for a in plan.actions
    ]


EXPECTED = [
    (
        "Mettre en place une commission qualité de section",
        "Coordinatrice qualité",
        "juin 2025",
        ["PV des réunions", "nombre de réunions par an"],
        StatusCategory.IN_PROGRESS,
        "Axe 1 : Gouvernance et pilotage",
        ["c1/r2"],
    ),
    (
        "Formaliser la communication interne",
        "Direction de catégorie",
        "2025-2026",
        ["Charte de communication adoptée", "Taux de lecture de la lettre interne"],
        StatusCategory.PLANNED,
        "Axe 1 : Gouvernance et pilotage",
        ["c1/r3"],
    ),
    (
        "Réviser les fiches ECTS de toutes les UE",
        "Responsables d'UE",
        "septembre 2025",
        [],
        StatusCategory.DONE,
        "Axe 2 : Programme",
        [],
    ),
]


def test_fiches_action_in_plain_text(tmp_path: Path) -> None:
    plan = _parse(tmp_path, "plan.txt", FICHES)

    assert _rows(plan) == EXPECTED
    first = plan.actions[0].source
    assert (first.line_start, first.line_end) == (6, 11)  # title to last field
    assert plan.actions[0].due is not None and plan.actions[0].due.year == 2025


def test_fiches_action_in_markdown_with_headings_and_bold_labels(tmp_path: Path) -> None:
    markdown = "\n".join(
        f"**{line.split(' : ', 1)[0]}** : {line.split(' : ', 1)[1]}"
        if " : " in line and not line.startswith(("Axe", "Action 1"))
        else f"### {line}"
        if line.startswith("Action 1")
        else line
        for line in FICHES.splitlines()
    )
    assert _rows(_parse(tmp_path, "plan.md", markdown)) == EXPECTED


def test_fiches_action_in_word(tmp_path: Path) -> None:
    document = docx.Document()
    for line in FICHES.splitlines():
        if line.startswith(("Axe", "Action 1")):
            document.add_heading(line, level=2)
        elif line:
            document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))

    assert _rows(parse_file(path, Settings())) == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        # an expert report: "Recommandation n : ..." paragraphs are not action fields
        "Critère 1\nRecommandation 1 : Formaliser la politique qualité.\n"
        "Recommandation 2 : Associer les étudiants.\n",
        # one labelled line is not a plan
        "Compte rendu de réunion\nResponsable : Direction\nLe point est reporté.\n",
    ],
)
def test_prose_with_colons_is_not_a_fiche(tmp_path: Path, text: str) -> None:
    try:
        plan = _parse(tmp_path, "texte.txt", text)
    except NoRecognisableContentError:
        return
    assert plan.actions == []


def test_tables_win_over_fields(tmp_path: Path) -> None:
    """A table plan with a legend of labelled lines is read from its table only."""
    text = (
        "Responsable : la coordination qualité pilote l'ensemble.\n"
        "Échéance : toutes les actions avant 2027.\n\n"
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Créer une cellule qualité | Direction | 2025-2026 |\n"
    )
    plan = _parse(tmp_path, "plan.md", text)
    assert [a.text for a in plan.actions] == ["Créer une cellule qualité"]


def test_fiches_action_as_word_tables_of_labels_and_values(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Axe 1 : Gouvernance et pilotage", level=1)
    for title, rows in [
        (
            "Fiche action 1.1 – Mettre en place une commission qualité de section",
            [
                ("Recommandation(s) visée(s)", "Critère 1, Recommandation 2"),
                ("Responsable", "Coordinatrice qualité"),
                ("Échéance", "juin 2025"),
                ("Indicateurs", "PV des réunions\nNombre de réunions par an"),
                ("État d'avancement", "En cours"),
            ],
        ),
        (
            "Fiche action 1.2 – Formaliser la communication interne",
            [
                ("Responsable", "Direction de catégorie"),
                ("Échéance", "2025-2026"),
                ("Statut", "Non entamé"),
            ],
        ),
    ]:
        document.add_heading(title, level=2)
        table = document.add_table(rows=len(rows), cols=2)
        for index, (label, value) in enumerate(rows):
            table.cell(index, 0).text = label
            table.cell(index, 1).text = value
    path = tmp_path / "fiches.docx"
    document.save(str(path))

    plan = parse_file(path, Settings())

    assert _rows(plan) == [
        (
            "Mettre en place une commission qualité de section",
            "Coordinatrice qualité",
            "juin 2025",
            ["PV des réunions", "Nombre de réunions par an"],
            StatusCategory.IN_PROGRESS,
            "Axe 1 : Gouvernance et pilotage",
            ["c1/r2"],
        ),
        (
            "Formaliser la communication interne",
            "Direction de catégorie",
            "2025-2026",
            [],
            StatusCategory.PLANNED,
            "Axe 1 : Gouvernance et pilotage",
            [],
        ),
    ]


# Fiches as `pdftotext -raw` gives them: label and value on one line with no colon, labels
# wrapped, a label alone above its value.
SPACED = """\
Fiches de suivi
Mesure n°1
Intitulé de la mesure Ouvrir une permanence d'orientation en Bloc 1
Porteur Service d'aide à la réussite
Délai Mars 2026
Critères de
succès
- Nombre d'étudiants reçus
- Taux de réinscription
Recommandation(s)
concernée(s)
Recommandation 3 (p. 8)
État Réalisé
Mesure n°2
Intitulé de la mesure Publier le calendrier des évaluations dès septembre
Porteur Secrétariat des études
Délai Septembre 2026
Critères de
succès
- Calendrier publié
Recommandation(s)
concernée(s)
Recommandation 5 (p. 11)
État En cours
"""


def test_fiches_whose_labels_have_no_colon(tmp_path: Path) -> None:
    path = tmp_path / "fiches.txt"
    path.write_text(SPACED, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline, a.indicators, a.status) for a in plan.actions] == [
        (
            "Ouvrir une permanence d'orientation en Bloc 1",
            "Service d'aide à la réussite",
            "Mars 2026",
            ["Nombre d'étudiants reçus", "Taux de réinscription"],
            "Réalisé",
        ),
        (
            "Publier le calendrier des évaluations dès septembre",
            "Secrétariat des études",
            "Septembre 2026",
            ["Calendrier publié"],
            "En cours",
        ),
    ]
    refs = {r.id: r.ref for r in plan.recommendations}
    assert [[refs[link.recommendation_id] for link in a.links] for a in plan.actions] == [
        ["Recommandation 3 (p. 8)"],
        ["Recommandation 5 (p. 11)"],
    ]
    assert any("deux-points" in warning for warning in plan.warnings)


def test_column_titles_alone_on_their_lines_are_not_fields(tmp_path: Path) -> None:
    # a table printed one column after the other: its titles, then its cells
    text = "Plan\n\nAction\n\nResponsable\n\nÉchéance\n\nIndicateurs\n\nRevoir les grilles\n"
    path = tmp_path / "blocs.txt"
    path.write_text(text, encoding="utf-8")
    try:
        plan = parse_file(path, Settings())
    except NoRecognisableContentError:
        return
    assert not [a for a in plan.actions if a.owner or a.deadline]


def test_fields_without_a_role_do_not_cut_a_fiche(tmp_path: Path) -> None:
    """Two fields the plan keeps no value of (« Partenaires », « Moyens ») are one fiche's."""
    text = (
        "Fiche 1\n"
        "Intitulé : Ouvrir un atelier d'écriture scientifique en Bloc 3\n"
        "Pilote : Coordinatrice des TFE\n"
        "Partenaires : Bibliothèque centrale\n"
        "Échéance : février 2026\n"
        "Moyens : deux heures par semaine\n"
        "Critère de réussite : Atelier suivi par 80 % des étudiants\n"
        "\n"
        "Fiche 2\n"
        "Intitulé : Publier un guide des stages à l'étranger\n"
        "Pilote : Bureau des relations internationales\n"
        "Partenaires : Étudiants de Bloc 3\n"
        "Échéance : juin 2026\n"
        "Moyens : budget de mise en page\n"
        "Critère de réussite : Guide en ligne\n"
    )
    path = tmp_path / "fiches.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Coordinatrice des TFE", "février 2026", ["Atelier suivi par 80 % des étudiants"]),
        ("Bureau des relations internationales", "juin 2026", ["Guide en ligne"]),
    ]


def test_a_spreadsheet_of_one_column_is_read_as_text(tmp_path: Path) -> None:
    """A sheet where each row holds one line (« Pilote : … ») is a text, not a table whose
    rows would each be an action."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in (
        "Plan d'action de la section",
        "Fiche 1",
        "Intitulé : Ouvrir un atelier d'écriture scientifique en Bloc 3",
        "Pilote : Coordinatrice des TFE",
        "Échéance : février 2026",
        "Fiche 2",
        "Intitulé : Publier un guide des stages à l'étranger",
        "Pilote : Bureau des relations internationales",
        "Échéance : juin 2026",
    ):
        sheet.append([line])
    path = tmp_path / "fiches.xlsx"
    book.save(path)
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Ouvrir un atelier d'écriture scientifique en Bloc 3", "Coordinatrice des TFE",
         "février 2026"),
        ("Publier un guide des stages à l'étranger", "Bureau des relations internationales",
         "juin 2026"),
    ]  # fmt: skip


# Word fiches (two-column tables of labels and values) saved as text: each label on its own
# line, its value on the lines after it; the same labels come back in every fiche.
LABEL_LINES = """Fiches du plan de suivi
Fiche n°1
Action
Créer un guichet unique pour les stages à l'étranger
Référence
Recommandation 6 (p. 14)
Responsable
Bureau des relations internationales
Échéance
Septembre 2026
Indicateurs
    • Nombre de départs
    • Taux de satisfaction des partants
Statut
En cours

Fiche n°2
Action
Réviser les fiches descriptives des unités du bloc 1
Référence
Recommandation 2 (p. 7)
Responsable
Coordinateur de bloc
Échéance
Juin 2026
Indicateurs
    • Fiches publiées
Statut
Non entamé
"""


def test_fiches_whose_labels_stand_on_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "fiches.txt"
    path.write_text(LABEL_LINES, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline, a.indicators, a.status) for a in plan.actions] == [
        ("Créer un guichet unique pour les stages à l'étranger",
         "Bureau des relations internationales", "Septembre 2026",
         ["Nombre de départs", "Taux de satisfaction des partants"], "En cours"),
        ("Réviser les fiches descriptives des unités du bloc 1", "Coordinateur de bloc",
         "Juin 2026", ["Fiches publiées"], "Non entamé"),
    ]  # fmt: skip
    refs = {r.id: r.ref for r in plan.recommendations}
    assert sorted(refs.values()) == ["Recommandation 2 (p. 7)", "Recommandation 6 (p. 14)"]
