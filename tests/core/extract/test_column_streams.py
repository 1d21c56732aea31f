"""Tables whose text came out column after column (``pdftotext`` default mode).

Written before the reader, from how that mode prints a table: the column titles as short
blocks of their own, then each column's cells top to bottom, in chunks that interleave
(a few actions, the owners beside them, their deadlines, then the next actions...), with
nothing between two cells of one chunk but a capital letter.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import NoRecognisableContentError
from assistant.parsing import parse_file
from assistant.settings import Settings

# One table of five rows; the columns print in two chunks each.
CHUNKED = """Plan d'amélioration 2025-2028
Bachelier en informatique de gestion

Action

Responsable

Échéance

Indicateur

Moderniser le cours de bases de
données avec un projet commun
Inviter des entreprises du secteur à
présenter leurs métiers en Bloc 2

Titulaire du cours
de bases de données
Cellule
relations entreprises

Février
2026
2025-2026

Taux de projets
remis
Nombre de
présentations

Créer un espace de travail
collaboratif pour les étudiants
Réviser les grilles d'évaluation du
travail de fin d'études
Former les enseignants à
l'accompagnement des stages

Service informatique
Jury des TFE
Coordinateur des
stages

Rentrée
académique 2026
Juin 2026
Q4 2026

Espace ouvert
Grille validée
Enseignants formés
"""


# The owners of CHUNKED's five actions, in order.
CHUNKED_OWNERS = [
    "Titulaire du cours de bases de données",
    "Cellule relations entreprises",
    "Service informatique",
    "Jury des TFE",
    "Coordinateur des stages",
]


def _plan(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def test_columns_printed_in_chunks_are_reattached_by_order(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CHUNKED)
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Moderniser le cours de bases de données avec un projet commun",
         "Titulaire du cours de bases de données", "Février 2026", ["Taux de projets remis"]),
        ("Inviter des entreprises du secteur à présenter leurs métiers en Bloc 2",
         "Cellule relations entreprises", "2025-2026", ["Nombre de présentations"]),
        ("Créer un espace de travail collaboratif pour les étudiants",
         "Service informatique", "Rentrée académique 2026", ["Espace ouvert"]),
        ("Réviser les grilles d'évaluation du travail de fin d'études",
         "Jury des TFE", "Juin 2026", ["Grille validée"]),
        ("Former les enseignants à l'accompagnement des stages",
         "Coordinateur des stages", "Q4 2026", ["Enseignants formés"]),
    ]  # fmt: skip
    assert plan.structure.readers[0] == "column_streams"
    assert plan.structure.needs_review
    warning = " ".join(plan.warnings)
    assert "colonne" in warning and "à vérifier" in warning


# The owner column has more cells than there are actions (two bodies in one cell, on two
# lines): which owner goes with which action cannot be told, so none is attached.
UNEVEN = """Action

Porteur

Échéance

Développer un tutorat entre étudiants
de Bloc 3 et de Bloc 1
Publier les fiches des unités
d'enseignement avant la rentrée
Organiser une journée portes ouvertes
consacrée aux masters

Service d'aide à la réussite
Direction
Conseil pédagogique
Service communication

Octobre 2025
Septembre 2025
Mars 2026
"""


def test_a_column_with_more_cells_than_actions_is_not_guessed(tmp_path: Path) -> None:
    plan = _plan(tmp_path, UNEVEN)
    assert [a.text for a in plan.actions] == [
        "Développer un tutorat entre étudiants de Bloc 3 et de Bloc 1",
        "Publier les fiches des unités d'enseignement avant la rentrée",
        "Organiser une journée portes ouvertes consacrée aux masters",
    ]
    assert [a.owner for a in plan.actions] == [None, None, None]
    assert [a.deadline for a in plan.actions] == ["Octobre 2025", "Septembre 2025", "Mars 2026"]
    warning = " ".join(plan.warnings)
    assert "4" in warning and "3 actions" in warning and "responsable" in warning.lower()


# A reference column and a priority column, printed as their own blocks.
CITED = """Réf.

Priorité

Action

Responsable(s)

C1-R2
C3-R1
Critère 4,
Recommandation 2

***
**
*

Mettre en place un comité de
programme avec le monde professionnel
Harmoniser les modalités
d'évaluation entre enseignants
Actualiser le site de la section

Direction de catégorie
Coordination pédagogique
Service communication
"""


def test_references_and_priorities_printed_as_columns(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CITED)
    assert [a.owner for a in plan.actions] == [
        "Direction de catégorie",
        "Coordination pédagogique",
        "Service communication",
    ]
    assert [a.priority for a in plan.actions] == [3, 2, 1]
    by_id = {r.id: r for r in plan.recommendations}
    cited = [[by_id[link.recommendation_id] for link in a.links] for a in plan.actions]
    assert [len(refs) for refs in cited] == [1, 1, 1]
    assert [(refs[0].criterion, refs[0].number) for refs in cited] == [
        ("Critère 1", "2"),
        ("Critère 3", "1"),
        ("Critère 4", "2"),
    ]


def test_prose_is_not_read_as_columns(tmp_path: Path) -> None:
    """Words of column titles inside sentences, one a block, do not make a table."""
    prose = (
        "Action\n\nLe responsable de la qualité présente chaque année l'action menée.\n\n"
        "Échéance et indicateurs sont discutés en conseil.\n\n"
        "Organiser la visite des experts demande du temps et de la méthode.\n\n"
        "Responsable\n\nLa direction veille à ce que chacun connaisse son rôle.\n"
    )
    try:
        plan = _plan(tmp_path, prose)
    except NoRecognisableContentError:
        return
    assert "column_streams" not in plan.structure.readers


# The first title follows the introduction's last sentence with no blank line between.
AFTER_PROSE = """Plan d'action du master en sciences infirmières
Chaque action est suivie par la commission qualité du département.
Action
Mettre en place un tutorat
par les pairs en Bloc 1
Réviser le règlement des
stages cliniques

Resp.
Service d'aide à la réussite
Conseil de département

Échéance
Octobre 2025
Juin 2026
"""


def test_titles_right_after_a_paragraph(tmp_path: Path) -> None:
    plan = _plan(tmp_path, AFTER_PROSE)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Mettre en place un tutorat par les pairs en Bloc 1",
         "Service d'aide à la réussite", "Octobre 2025"),
        ("Réviser le règlement des stages cliniques", "Conseil de département", "Juin 2026"),
    ]  # fmt: skip


CRITERIA = """Critère

Action

Responsable

Critère 2
Critère 4

Créer un comité de programme avec
les employeurs de la région
Revoir les modalités d'évaluation
des stages

Direction de département
Commission des stages
"""


def test_the_criterion_column_reaches_the_actions(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CRITERIA)
    assert [(a.owner, a.criterion) for a in plan.actions] == [
        ("Direction de département", "Critère 2"),
        ("Commission des stages", "Critère 4"),
    ]


# pdftotext printed each column's first cell right under its title, with no blank line
# between: a short value (« R1 », « Q3 ») under a title is a cell, not the title wrapped.
VALUE_UNDER_TITLE = """Action

Réf.
R4

Responsable
Conseil des études

Échéance
Q3 2026

Revoir le calendrier des examens
de seconde session
Ouvrir une permanence d'aide
à la rédaction des rapports

R2

Service d'aide à la réussite

Q1 2027
"""


def test_a_short_value_under_a_title_is_the_first_cell(tmp_path: Path) -> None:
    plan = _plan(tmp_path, VALUE_UNDER_TITLE)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [
        ([keys[link.recommendation_id] for link in a.links], a.owner, a.deadline)
        for a in plan.actions
    ] == [
        (["r4"], "Conseil des études", "Q3 2026"),
        (["r2"], "Service d'aide à la réussite", "Q1 2027"),
    ]


def test_a_numbered_section_after_the_table_ends_its_columns(tmp_path: Path) -> None:
    # the section after the plan (a calendar, an annex) holds dates and bodies too: read
    # as more cells, they made every column longer than the actions and none attached
    after = (
        "\n2. Calendrier de suivi\n"
        "Le comité de suivi se réunit deux fois par an.\n"
        "Printemps\n2026\nAutomne\n2026\nDirection\nConseil de section\n"
    )
    plan = _plan(tmp_path, CHUNKED + after)
    assert [a.deadline for a in plan.actions] == [
        "Février 2026",
        "2025-2026",
        "Rentrée académique 2026",
        "Juin 2026",
        "Q4 2026",
    ]
    assert plan.actions[-1].owner == "Coordinateur des stages"


def test_a_numbered_action_cell_does_not_end_the_columns(tmp_path: Path) -> None:
    numbered = CHUNKED.replace("Créer un espace de travail", "3. Créer un espace de travail")
    plan = _plan(tmp_path, numbered)
    assert len(plan.actions) == 5
    assert plan.actions[-1].owner == "Coordinateur des stages"


def test_the_cells_under_a_comment_title_are_not_another_column(tmp_path: Path) -> None:
    # the remarks look like bodies and measures (« Budget à confirmer »); printed right
    # under their title they belong to it, and a column with no field keeps them out
    remarks = (
        "\nRemarques\nÀ valider par le\nconseil de section\nBudget à confirmer\n"
        "Service informatique\nsollicité\nDépend du calendrier\nEn attente\n"
    )
    plan = _plan(tmp_path, CHUNKED + remarks)
    assert [a.owner for a in plan.actions] == CHUNKED_OWNERS
    assert all("Budget" not in " ".join(a.indicators) for a in plan.actions)


def test_a_title_right_under_the_title_block_is_a_title(tmp_path: Path) -> None:
    # the first title follows the document's title lines with no blank line: the titles
    # after it say it is one of them
    text = (
        CHUNKED.replace(
            "Bachelier en informatique de gestion\n\nAction\n",
            "Bachelier en informatique de gestion\nRéférence\n\nAction\n",
        )
        .replace(
            "Moderniser le cours de bases de",
            "R1\nR2\n\nModerniser le cours de bases de",
        )
        .replace(
            "Créer un espace de travail",
            "R3\nR4\nR5\n\nCréer un espace de travail",
        )
    )
    plan = _plan(tmp_path, text)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [[keys[link.recommendation_id] for link in a.links] for a in plan.actions] == [
        ["r1"],
        ["r2"],
        ["r3"],
        ["r4"],
        ["r5"],
    ]


def test_a_partners_column_takes_its_blocks_from_the_owners(tmp_path: Path) -> None:
    # « Contributeurs » hold bodies as the owners do; printed as blocks of their own, they
    # are the partners' when that leaves the owners one per action
    text = CHUNKED.replace(
        "Responsable\n\nÉchéance\n", "Responsable\n\nContributeurs\n\nÉchéance\n"
    ).replace(
        "Février\n2026\n2025-2026\n",
        "Enseignants du bloc 2\nService des stages\n\nFévrier\n2026\n2025-2026\n",
    )
    plan = _plan(tmp_path, text)
    assert [a.owner for a in plan.actions] == CHUNKED_OWNERS


def test_a_title_printed_again_alone_over_a_page_is_no_cell(tmp_path: Path) -> None:
    # after a page break the status title comes back as a block of its own above the next
    # cells
    text = (
        CHUNKED.replace("Indicateur\n\n", "Indicateur\n\nÉtat\n\n")
        .replace(
            "Taux de projets\nremis\nNombre de\nprésentations\n",
            "Taux de projets\nremis\nNombre de\nprésentations\n\nEn cours\nRéalisé\n",
        )
        .replace(
            "Enseignants formés\n",
            "Enseignants formés\n\nÉtat\n\nPlanifié\nEn cours\nRéalisé\n",
        )
    )
    text = text.replace("\nService informatique\n", "\nÉtat\n\nService informatique\n")
    plan = _plan(tmp_path, text)
    assert [a.status for a in plan.actions] == [
        "En cours", "Réalisé", "Planifié", "En cours", "Réalisé"
    ]  # fmt: skip
    # (read as cells, the two titles looked like bodies: seven owners for five actions)
    assert plan.actions[2].owner == "Service informatique"


# The table's caption is its first column's title in the plural (« Actions » over
# « Action »), after a list of contacts whose columns name no action.
CAPTIONED = """Plan d'action du bachelier en agronomie

Personnes de contact
Nom
Mme Léa Fontaine
M. Hugo Marchal

Fonction
Directrice
Coordinateur qualité

Actions
Action
Installer une station météo
sur la ferme pédagogique
Proposer un stage en
exploitation bio en Bloc 2
Réviser le cours de
machinisme agricole

Responsable
Coordinateur qualité
Responsable des stages
Titulaire du cours

Échéance
Mars 2026
2025-2026
Septembre 2025
"""


def test_a_caption_named_like_the_action_column_is_no_cell(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CAPTIONED)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Installer une station météo sur la ferme pédagogique", "Coordinateur qualité",
         "Mars 2026"),
        ("Proposer un stage en exploitation bio en Bloc 2", "Responsable des stages",
         "2025-2026"),
        ("Réviser le cours de machinisme agricole", "Titulaire du cours", "Septembre 2025"),
    ]  # fmt: skip


# One small table per owner, named on the line above it (« Responsable : … »), each
# printed column after column.
BY_OWNER = """Plan de suivi par responsable

Responsable : Direction de la haute école
Action
Rénover la salle informatique
du bâtiment B
Publier le règlement des études
en ligne

Échéance

Indicateur

Juin 2026
Septembre 2025

Salle rénovée
Règlement publié

Responsable : Service des stages
Action
Signer trois nouvelles conventions
de stage à l'étranger
Réunir les maîtres de stage
chaque année

Échéance

Indicateur

Mars 2026
Mai 2025

Conventions signées
Réunion tenue
"""


def test_tables_under_their_owners_line_take_it_as_owner(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BY_OWNER)
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Rénover la salle informatique du bâtiment B", "Direction de la haute école",
         "Juin 2026", ["Salle rénovée"]),
        ("Publier le règlement des études en ligne", "Direction de la haute école",
         "Septembre 2025", ["Règlement publié"]),
        ("Signer trois nouvelles conventions de stage à l'étranger", "Service des stages",
         "Mars 2026", ["Conventions signées"]),
        ("Réunir les maîtres de stage chaque année", "Service des stages", "Mai 2025",
         ["Réunion tenue"]),
    ]  # fmt: skip


# The owners printed whole under their title, one per action; further columns titled by
# years hold bodies too (who brings the action to term that year). The column already holds
# one owner per action: the bodies printed later are not owners, and the indicators printed
# in two chunks around them keep their order.
FULL_UNDER_TITLE = """Action

Réviser le règlement des études
Créer un tutorat entre étudiants
Ouvrir une permanence d'orientation
Publier le bilan du plan d'action

Responsable
Direction de section
Service d'aide à la réussite
Cellule d'orientation
Commission qualité

Indicateur

2025

2026

Règlement adopté
Nombre de tuteurs formés

Direction de section

Nombre d'étudiants reçus
Bilan publié

Service d'aide à la réussite
Commission qualité
"""


def test_a_column_whole_under_its_title_takes_no_other_block(tmp_path: Path) -> None:
    plan = _plan(tmp_path, FULL_UNDER_TITLE)
    assert [(a.owner, a.indicators) for a in plan.actions] == [
        ("Direction de section", ["Règlement adopté"]),
        ("Service d'aide à la réussite", ["Nombre de tuteurs formés"]),
        ("Cellule d'orientation", ["Nombre d'étudiants reçus"]),
        ("Commission qualité", ["Bilan publié"]),
    ]
    assert plan.structure.needs_review


# Deadlines wrapped by a narrow column: a season or « Dès janvier » waiting for its year, a
# « Session de » for its month, an academic year whose hyphen the extraction dropped at the
# line break (« 2024-» / « 2025 » printed « 20242025 »).
WRAPPED_DATES = """Action

Responsable

Échéance

Remplacer les tapis de la salle de sport
Installer un système de sonorisation
Réviser le règlement des examens
Ouvrir un module de remédiation

Direction de section
Service technique
Jury des examens
Cellule pédagogique

Été
2025
Dès janvier
2025
Session de
juin 2026
1er quadrimestre
20242025
"""


def test_a_date_wrapped_over_lines_is_one_cell(tmp_path: Path) -> None:
    plan = _plan(tmp_path, WRAPPED_DATES)
    assert [(a.owner, a.deadline) for a in plan.actions] == [
        ("Direction de section", "Été 2025"),
        ("Service technique", "Dès janvier 2025"),
        ("Jury des examens", "Session de juin 2026"),
        ("Cellule pédagogique", "1er quadrimestre 2024-2025"),
    ]


# The actions printed first, then each row's other cells as a chunk of their own (its
# owner, its deadline, its indicator); one owner cell names two bodies, one a line. Its
# chunk holds one deadline and one indicator: the two lines are one row's owner.
ROW_CHUNKS = """Action

Responsable

Échéance

Indicateur

Réviser la charte de la coordination qualité
Tenir deux réunions annuelles avec les délégués
Créer un comité de programme avec les hôpitaux

Coordination qualité
Direction de catégorie

Décembre 2024

Charte validée

Coordination qualité

Juin 2025

Procès-verbaux publiés

Direction de catégorie

Rentrée 2025

Nombre de réunions tenues
"""


def test_two_bodies_in_one_row_chunk_are_one_owner(tmp_path: Path) -> None:
    plan = _plan(tmp_path, ROW_CHUNKS)
    assert [(a.owner, a.deadline) for a in plan.actions] == [
        ("Coordination qualité; Direction de catégorie", "Décembre 2024"),
        ("Coordination qualité", "Juin 2025"),
        ("Direction de catégorie", "Rentrée 2025"),
    ]
    assert plan.structure.readers[0] == "column_streams"
    assert any("à vérifier" in warning for warning in plan.warnings)


# An action cell cut between two chunks: its first line ends mid-phrase (« … un logiciel
# de »), the rest opens the next action block in lower case.
CUT_ACTION = """Action

Responsable

Échéance

Organiser des séances de remédiation
Intégrer un logiciel de

Direction de section
Service informatique

Octobre 2025
Mars 2026

comptabilité en ligne dans les travaux pratiques
Proposer une certification bureautique en Bloc 1

Cellule pédagogique

Juin 2026
"""


def test_an_action_cut_between_two_chunks_is_joined(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CUT_ACTION)
    assert [(a.text, a.owner) for a in plan.actions] == [
        ("Organiser des séances de remédiation", "Direction de section"),
        ("Intégrer un logiciel de comptabilité en ligne dans les travaux pratiques",
         "Service informatique"),
        ("Proposer une certification bureautique en Bloc 1", "Cellule pédagogique"),
    ]  # fmt: skip
