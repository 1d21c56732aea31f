"""Tables saved as text one cell a line (Word or LibreOffice « Texte »)."""

from __future__ import annotations

from assistant.readers.cell_lines import find_cell_grid

# A table of four columns, one cell a line, an empty cell an empty line, under a title
# block; then a paragraph.
SIMPLE = """Plan de la section
Bachelier en droit
Mise à jour 2026
Action
Porteur
Échéance
État
Créer un bureau d'aide juridique étudiant
Direction
Mars 2026
En cours
Publier un guide du mémoire en droit social
Cellule pédagogique

Non entamé
Organiser un concours de plaidoirie chaque année
Titulaire de procédure
Avril 2027
Réalisé
Le plan sera revu au conseil de département de juin, avec les délégués des étudiants.
"""

# Periods under a merged « Calendrier » title, marks or empty cells under them.
TIMELINE = """Action
Porteur
Calendrier


S1 2026
S2 2026
S1 2027
Ouvrir une permanence d'orientation
Service social
X


Revoir les grilles d'évaluation des stages
Coordination des stages

X
X
Former les jurys à l'évaluation des TFE
Direction

X

"""

PROSE = """Préambule
Contexte
Méthode
Le comité a rencontré les étudiants et les enseignants pendant deux jours de visite.
Il a relevé des forces et des points d'amélioration que le plan reprend ci-dessous.
Les actions ont été discutées en conseil de département avant d'être adoptées.
Elles seront suivies chaque année par la cellule qualité de la haute école.
"""


def test_rows_of_equal_cells_under_the_titles() -> None:
    lines = SIMPLE.split("\n")
    grid = find_cell_grid(lines, 0)
    assert grid is not None
    assert grid.start_line == 3  # the title block above is text before the table
    assert [cells for _, _, cells in grid.rows] == [
        ["Action", "Porteur", "Échéance", "État"],
        ["Créer un bureau d'aide juridique étudiant", "Direction", "Mars 2026", "En cours"],
        ["Publier un guide du mémoire en droit social", "Cellule pédagogique", "", "Non entamé"],
        ["Organiser un concours de plaidoirie chaque année", "Titulaire de procédure",
         "Avril 2027", "Réalisé"],
    ]  # fmt: skip
    assert lines[grid.end_line].startswith("Le plan sera revu")


def test_a_merged_title_over_periods_gives_two_header_rows() -> None:
    grid = find_cell_grid(TIMELINE.split("\n"), 0)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows][:3] == [
        ["Action", "Porteur", "Calendrier", "", ""],
        ["", "", "S1 2026", "S2 2026", "S1 2027"],
        ["Ouvrir une permanence d'orientation", "Service social", "X", "", ""],
    ]
    assert len(grid.rows) == 5


def test_prose_is_no_grid() -> None:
    assert find_cell_grid(PROSE.split("\n"), 0) is None


# Rows grouped under band rows printed across the table (a merged row: the recommendation
# over the actions answering it), one line each, the first one right under the titles.
BANDS = """Le plan reprend les objectifs du rapport ; sous chacun, les actions que la section mène.
N°
Action
Porteur
Échéance
Objectif 1 — Mieux accueillir les nouveaux étudiants dès la rentrée académique
1
Créer un parrainage par les étudiants de bloc 2
Délégués étudiants
Septembre 2026
2
Ouvrir une permanence d'accueil le premier mois
Secrétariat
Octobre 2026
Objectif 2 — Suivre les diplômés
3
Lancer une enquête annuelle auprès des diplômés
Cellule qualité
Juin 2027
4
Réunir les anciens chaque printemps
Service des alumni
Avril 2027
"""


def test_band_rows_across_the_table_are_rows_of_their_own() -> None:
    lines = BANDS.splitlines()
    grid = find_cell_grid(lines, 1)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows] == [
        ["N°", "Action", "Porteur", "Échéance"],
        ["Objectif 1 — Mieux accueillir les nouveaux étudiants dès la rentrée académique",
         "", "", ""],
        ["1", "Créer un parrainage par les étudiants de bloc 2", "Délégués étudiants",
         "Septembre 2026"],
        ["2", "Ouvrir une permanence d'accueil le premier mois", "Secrétariat", "Octobre 2026"],
        ["Objectif 2 — Suivre les diplômés", "", "", ""],
        ["3", "Lancer une enquête annuelle auprès des diplômés", "Cellule qualité",
         "Juin 2027"],
        ["4", "Réunir les anciens chaque printemps", "Service des alumni", "Avril 2027"],
    ]  # fmt: skip
    assert grid.rows[4][:2] == (14, 14)  # a band takes its one line
    assert grid.end_line == len(lines)


# Cells merged down a column (the recommendation, the objective) saved as empty lines: the
# rows under them open with empty cells, one of them a cell shorter than the column's rule.
MERGED_DOWN = """Le plan reprend les recommandations des experts et les actions qui leur répondent.
Réf.
Objectif
Action
Porteur
Échéance
Recommandation 1
Améliorer l'accueil des étudiants de première année
Créer un parrainage par les étudiants de bloc 2
Délégués étudiants
Septembre 2026


Ouvrir une permanence d'accueil le premier mois
Secrétariat
Octobre 2026
Recommandation 2
Mieux suivre l'insertion de tous les diplômés
Lancer une enquête annuelle auprès des diplômés
Cellule qualité
Juin 2027

Réunir les anciens
Organiser une rencontre avec les anciens chaque printemps
Service des alumni
Avril 2027
"""


def test_rows_under_cells_merged_down_keep_the_grid() -> None:
    lines = MERGED_DOWN.splitlines()
    grid = find_cell_grid(lines, 1)
    assert grid is not None
    assert [cells[2] for _, _, cells in grid.rows[1:]] == [
        "Créer un parrainage par les étudiants de bloc 2",
        "Ouvrir une permanence d'accueil le premier mois",
        "Lancer une enquête annuelle auprès des diplômés",
        "Organiser une rencontre avec les anciens chaque printemps",
    ]


def test_fiches_of_labelled_lines_are_no_grid() -> None:
    """Fiches of « Label : valeur » lines, nine lines each (eight for one) with the blank between them,
    are regular enough to look like rows of three cells: they are fiches, not a table."""
    lines: list[str] = []
    for number, (title, owner, when) in enumerate(
        [
            ("Ouvrir une permanence d'accueil au secrétariat pendant le premier mois", "Secrétariat",
             "Octobre 2026"),
            ("Publier les grilles d'évaluation des stages sur la plateforme de cours", "Coordination",
             "Juin 2026"),
            ("Réunir les anciens chaque printemps avec les étudiants du dernier bloc", "Alumni",
             "Avril 2027"),
            ("Lancer une enquête auprès des diplômés un an après leur sortie du programme",
             "Cellule qualité", "T1 2027"),
        ],
        start=1,
    ):  # fmt: skip
        lines += [
            "",
            f"Fiche 2.{number}",
            f"Intitulé : {title}",
            *([f"Réf. : C2-R{number}"] if number > 1 else []),  # (the first cites nothing)
            f"Porteur : {owner}",
            "Personnes associées : Délégués étudiants",
            f"Calendrier : {when}",
            "Moyens : Une demi-journée de travail",
            "Critère de réussite : Un bilan présenté au conseil de la section chaque année",
        ]
    assert all(find_cell_grid(lines, start) is None for start in range(len(lines)))


# Years merged over their semesters: the first header row names years, the second the
# semesters under each (titles with digits that are periods, not data).
YEARS_OVER_SEMESTERS = """Action
Porteur
2026
2027


S1
S2
S1
S2
Ouvrir une permanence d'orientation
Service social
X



Revoir les grilles d'évaluation des stages
Coordination des stages

X
X

Former les jurys à l'évaluation des TFE
Direction


X
X
"""


def test_years_merged_over_their_periods_are_titles() -> None:
    grid = find_cell_grid(YEARS_OVER_SEMESTERS.split("\n"), 0)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows][:3] == [
        ["Action", "Porteur", "2026", "", "2027", ""],
        ["", "", "S1", "S2", "S1", "S2"],
        ["Ouvrir une permanence d'orientation", "Service social", "X", "", "", ""],
    ]
    assert len(grid.rows) == 5


def test_a_first_row_of_dates_is_no_header() -> None:
    """Numbers in titles are allowed only as periods: « 12 mars » or « 3 étudiants » are
    data, so a grid whose would-be titles hold them is not read from there."""
    lines = ["Réunion du 12 mars", "3 étudiants présents", "Salle 204", *SIMPLE.split("\n")[3:]]
    grid = find_cell_grid(lines, 0)
    assert grid is None or grid.start_line == 3


def test_a_period_left_empty_by_the_first_rows_takes_a_later_mark() -> None:
    """The last period of a timeline is marked only from the fifth row on: its mark is a
    cell of that column, not a break in the table (under an objective merged down)."""
    rows = [
        (
            "Améliorer l'accueil des étudiants",
            "Ouvrir une permanence d'orientation",
            "Service social",
            "X",
            "",
            "",
        ),
        ("", "Former les tuteurs de première année", "Direction", "", "X", ""),
        ("", "Publier un guide de la première année", "Cellule pédagogique", "X", "X", ""),
        (
            "Renforcer les stages",
            "Revoir les grilles d'évaluation des stages",
            "Coordination",
            "",
            "X",
            "",
        ),
        (
            "",
            "Visiter chaque stagiaire sur son lieu de stage",
            "Superviseurs des stages de la section",
            "",
            "",
            "X",
        ),
        ("", "Réunir les maîtres de stage chaque année", "Coordination", "", "X", "X"),
    ]
    header = ["Objectif", "Action", "Porteur", "Calendrier", "", "", "", "S1 2026", "S2 2026"]
    text = "\n".join([*header, "S1 2027"])
    text += "\n" + "\n".join(cell for row in rows for cell in row) + "\n\nFin du plan.\n"
    grid = find_cell_grid(text.split("\n"), 0)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows][2:] == [list(row) for row in rows]


# One column a year, the year titles in the one header row; the year an action ends holds
# the body that brings it to term, the other years are empty.
YEAR_COLUMNS = """Action
Porteur
2025
2026
2027
Ouvrir une permanence d'orientation pour les étudiants de première année
Service social
Service social


Revoir les grilles d'évaluation des stages
Coordination des stages

Coordination des stages

Former les jurys à l'évaluation des TFE
Direction


Direction
Rédiger la charte des stages avec les lieux de stage
Coordination des stages
Coordination des stages


"""


def test_year_columns_filled_only_in_the_year_an_action_ends() -> None:
    """A column under a year is filled only in the year an action ends: its empty cells
    are its content, as a timeline's between its marks, not a break in the table."""
    grid = find_cell_grid(YEAR_COLUMNS.split("\n"), 0)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows][:3] == [
        ["Action", "Porteur", "2025", "2026", "2027"],
        ["Ouvrir une permanence d'orientation pour les étudiants de première année",
         "Service social", "Service social", "", ""],
        ["Revoir les grilles d'évaluation des stages", "Coordination des stages", "",
         "Coordination des stages", ""],
    ]  # fmt: skip
    assert len(grid.rows) == 5


START_AND_END_YEARS = """Action
Début
Fin
Ouvrir une permanence d'orientation
2025
2026
Revoir les grilles d'évaluation des stages
2026
2027
Former les jurys à l'évaluation des TFE
2025
2027
"""


def test_a_first_row_of_following_years_stays_a_row() -> None:
    """A first row whose start and end are two following years is a row, not titles."""
    grid = find_cell_grid(START_AND_END_YEARS.split("\n"), 0)
    assert grid is not None
    assert [cells for _, _, cells in grid.rows][:2] == [
        ["Action", "Début", "Fin"],
        ["Ouvrir une permanence d'orientation", "2025", "2026"],
    ]
    assert len(grid.rows) == 4


# Findings merged down over their actions; an owner or a means of five words where the
# rows above had four (a short cell and a sentence are neighbours, not other kinds).
NEIGHBOUR_SHAPES = """Constat
Action
Moyens
Responsable
Échéance
Les stages commencent tard dans le cursus, en fin de deuxième année.
Ouvrir des séances d'observation dès le premier bloc du cursus
Planning de la clinique
Coordinatrice des stages
Février 2025

Confier l'accueil des patients aux étudiants du deuxième bloc
Grille d'anamnèse révisée
Maîtres-assistants cliniques
Septembre 2025
Le matériel de l'atelier est insuffisant pour les groupes actuels.
Équiper l'atelier de deux postes de thermoformage supplémentaires
Budget d'investissement
Direction de catégorie
Décembre 2025

Établir un registre de réservation des appareils de l'atelier
Agenda partagé sur l'intranet de l'école
Technicienne de l'atelier de la section
Mars 2025
L'évaluation des stages diffère d'un lieu de stage à l'autre.
Rédiger une grille d'évaluation commune à tous les lieux de stage
Groupe de travail
Responsable des stages
Juin 2025

Le plan sera revu chaque année par le conseil de catégorie, avec les délégués étudiants.
Les indicateurs seront suivis par la cellule qualité de la haute école et publiés.
Chaque responsable rend compte de l'avancement de ses actions au conseil de juin.
Les étudiants sont informés des actions menées lors de la rentrée académique suivante.
"""


def test_a_row_under_merged_cells_keeps_the_grid_with_longer_cells() -> None:
    lines = NEIGHBOUR_SHAPES.split("\n")
    grid = find_cell_grid(lines, 0)
    assert grid is not None
    assert [cells[1] for _, _, cells in grid.rows[1:]] == [
        "Ouvrir des séances d'observation dès le premier bloc du cursus",
        "Confier l'accueil des patients aux étudiants du deuxième bloc",
        "Équiper l'atelier de deux postes de thermoformage supplémentaires",
        "Établir un registre de réservation des appareils de l'atelier",
        "Rédiger une grille d'évaluation commune à tous les lieux de stage",
    ]
    # the empty line after the table and the paragraphs below it are no row
    assert lines[grid.end_line] == ""
    assert lines[grid.end_line + 1].startswith("Le plan sera revu")


def test_paragraphs_after_a_table_of_text_columns_are_no_row() -> None:
    """Without a column of dates or marks, nothing tells a row whose cells are one length
    off from paragraphs after an empty line: the grid ends at the empty line."""
    lines = NEIGHBOUR_SHAPES.split("\n")
    lines = [line for index, line in enumerate(lines) if index % 5 != 4 or index >= 30]
    ends = [index for index, line in enumerate(lines) if line.startswith("Le plan sera revu")]
    grid = find_cell_grid(lines, 0)
    assert grid is not None
    assert grid.end_line < ends[0]


# Indicator values: a count of one digit is a number, a dash is a value not yet known.
# (The first action is longer than a title: a run of short lines as long as a whole table
# is left to the readers of flattened text.)
VALUES = """Action
Responsable
Indicateur
Valeur cible
Valeur atteinte
Évaluer chaque cours par une enquête en ligne auprès des étudiants inscrits
Vice-doyen à la qualité
Part des cours évalués
100 %
68 %
Publier une synthèse des évaluations chaque année
Vice-doyen à la qualité
Nombre de synthèses publiées
2
1
Associer un membre extérieur à chaque jury de mémoire
Présidente du jury
Part des jurys avec un membre extérieur
75 %
—
Proposer un stage d'observation en agence régionale de santé
Responsable des stages
Nombre d'étudiants en stage
15

Le tableau de bord est mis à jour chaque année par la cellule qualité de l'école de santé.
"""


def test_value_columns_with_digits_dashes_and_gaps_are_a_grid() -> None:
    lines = VALUES.split("\n")
    grid = find_cell_grid(lines, 0)
    assert grid is not None
    assert [cells[3:] for _, _, cells in grid.rows[1:]] == [
        ["100 %", "68 %"],
        ["2", "1"],
        ["75 %", "—"],
        ["15", ""],
    ]
    assert lines[grid.end_line].startswith("Le tableau de bord")
