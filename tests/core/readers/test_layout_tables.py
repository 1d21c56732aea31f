"""Space-aligned tables (pdftotext -layout): columns, wrapped cells, rows, continuations."""

from __future__ import annotations

from pathlib import Path

from assistant.readers import read_document
from assistant.readers.base import Paragraph, Table
from assistant.readers.layout_tables import find_layout_table
from assistant.settings import IngestSettings

TEXT = """\
PLAN D'ACTION 2024-2027

Référence      Action                                   Responsable          Échéance
C1-R1          Créer une cellule qualité de section     Direction            2025-2026
C3-R2          Revoir les fiches ECTS de toutes les     Coordinateur         Q1 2026
               unités d'enseignement                    pédagogique

Note : ce tableau est mis à jour chaque année par la coordination qualité de la section.

C2-R1          Organiser un forum métiers annuel        Responsable des      2026
               avec les employeurs                      stages
"""


def _blocks(tmp_path: Path, text: str) -> list[Table | Paragraph]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return list(read_document(path, IngestSettings()).blocks)


def test_columns_wrapped_cells_and_a_continuation_after_prose(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, TEXT)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [[(r.span.line_start, r.span.line_end, r.cells) for r in t.rows] for t in tables] == [
        [
            (3, 3, ("Référence", "Action", "Responsable", "Échéance")),
            (4, 4, ("C1-R1", "Créer une cellule qualité de section", "Direction", "2025-2026")),
            (
                5,
                6,
                (
                    "C3-R2",
                    "Revoir les fiches ECTS de toutes les unités d'enseignement",
                    "Coordinateur pédagogique",
                    "Q1 2026",
                ),
            ),
        ],
        [
            (
                10,
                11,
                (
                    "C2-R1",
                    "Organiser un forum métiers annuel avec les employeurs",
                    "Responsable des stages",
                    "2026",
                ),
            )
        ],
    ]
    prose = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert prose == [
        "PLAN D'ACTION 2024-2027",
        "Note : ce tableau est mis à jour chaque année par la coordination qualité de la section.",
    ]


def test_prose_with_double_spaces_stays_prose(tmp_path: Path) -> None:
    text = "Le comité recommande.  Il insiste  sur la qualité.\nSuite du paragraphe  ici.\n"
    blocks = _blocks(tmp_path, text)
    assert all(isinstance(b, Paragraph) for b in blocks)


def test_titles_wrapped_over_two_lines_and_rows_opened_by_marks() -> None:
    from assistant.readers.layout_tables import find_layout_table

    lines = [
        "Priorité     Action                       Instance(s)      Terme",
        "                                          porteuse(s)",
        "***          Refondre l'UE de catalogage  Conseil de       2024-2025",
        "             selon le modèle actuel       catégorie",
        "**           Créer un stage en archives   Direction        Q1 2027",
        "Critère 1,   Former les étudiants         Cellule          juin 2026",
        "Reco. 2      à la veille documentaire     pédagogique",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["Priorité", "Action", "Instance(s) porteuse(s)", "Terme"]
    assert [row.texts() for row in table.rows] == [
        ["***", "Refondre l'UE de catalogage selon le modèle actuel", "Conseil de catégorie",
         "2024-2025"],
        ["**", "Créer un stage en archives", "Direction", "Q1 2027"],
        ["Critère 1, Reco. 2", "Former les étudiants à la veille documentaire",
         "Cellule pédagogique", "juin 2026"],
    ]  # fmt: skip


def test_a_row_under_a_vertically_merged_first_cell_opens_on_its_other_columns() -> None:
    from assistant.readers.layout_tables import find_layout_table

    lines = [
        "Réf.        Action                      Responsable     Échéance   Statut",
        "Reco. 1     Rédiger les procédures      Cellule         Juin 2025  En cours",
        "            des laboratoires            qualité",
        "            Former les techniciens      Direction       Q1 2025    Réalisé",
        "Reco. 2     Acquérir un thermocycleur   Direction       2025-2026  Reporté",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert [row.texts()[1] for row in table.rows] == [
        "Rédiger les procédures des laboratoires",
        "Former les techniciens",
        "Acquérir un thermocycleur",
    ]
    assert [row.merged for row in table.rows] == [set(), {0}, set()]


def test_numbered_items_in_a_cell_keep_a_line_each_with_their_wrapped_text() -> None:
    lines = [
        "Axe           Porteurs           Mesures",
        "Réussite      Service d'aide     1. Créer un tutorat par les pairs en",
        "                                    bloc 1 : octobre 2026",
        "                                 2. Publier les résultats : juin 2027",
        "Ouverture     Relations          a) Signer deux accords",
        "              internationales    b) Accueillir un enseignant invité",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    first, second = (row.texts() for row in table.rows)
    assert first[2] == (
        "1. Créer un tutorat par les pairs en bloc 1 : octobre 2026\n"
        "2. Publier les résultats : juin 2027"
    )
    assert second[1] == "Relations internationales"  # wrapped text, not a list
    assert second[2] == "a) Signer deux accords\nb) Accueillir un enseignant invité"


def test_the_header_repeated_under_a_section_title_opens_a_table_of_its_own(
    tmp_path: Path,
) -> None:
    text = (
        "Axe 1 — Terrain\n"
        "Action                    Responsable         Échéance\n\n"
        "Allonger le stage         Resp. des stages    2026\n\n"
        "Créer une parcelle        Chef de travaux     2025\n\n"
        "Axe 2 — Programme\n"
        "Action                    Responsable         Échéance\n\n"
        "Ajouter une UE            Conseil de section  2025\n"
    )
    blocks = _blocks(tmp_path, text)
    kinds = [type(block).__name__ for block in blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Table"]
    assert blocks[2].text == "Axe 2 — Programme"
    first, second = blocks[1], blocks[3]
    assert isinstance(first, Table) and isinstance(second, Table)
    assert [row.cells[0] for row in first.rows] == [
        "Action",
        "Allonger le stage",
        "Créer une parcelle",
    ]
    assert [row.cells[0] for row in second.rows] == ["Action", "Ajouter une UE"]


def test_periods_under_the_last_title_become_a_column_each() -> None:
    lines = [
        "Action                    Porteur        Calendrier",
        "                                         S1      S2      S1",
        "                                         2026    2026    2027",
        "Revoir les grilles        Direction      X       X",
        "Créer un espace commun    Bibliothèque                   X",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["Action", "Porteur", "S1 2026", "S2 2026", "S1 2027"]
    assert [row.texts() for row in table.rows] == [
        ["Revoir les grilles", "Direction", "X", "X", ""],
        ["Créer un espace commun", "Bibliothèque", "", "", "X"],
    ]


def test_a_row_cut_by_a_page_break_goes_on_after_the_repeated_header(tmp_path: Path) -> None:
    """The header printed again at the top of the next page, in the middle of a row whose
    cells go on below it in lower case: one row, the header skipped."""
    text = (
        "Action                    Responsable         Échéance       État\n\n"
        "Allonger le stage de      Resp. des stages    2026           En cours\n"
        "troisième année\n\n"
        "Organiser un jury         Président du        Rentrée        Réalisé\n"
        "Action                    Responsable         Échéance       État\n\n"
        "intermédiaire des TFE     jury                académique\n"
        "                                              2025\n\n"
        "Créer une parcelle        Chef de travaux     2025           Non entamé\n"
    )
    blocks = _blocks(tmp_path, text)
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert [row.cells[:3] for row in tables[0].rows[1:]] == [
        ("Allonger le stage de troisième année", "Resp. des stages", "2026"),
        ("Organiser un jury intermédiaire des TFE", "Président du jury", "Rentrée académique 2025"),
        ("Créer une parcelle", "Chef de travaux", "2025"),
    ]


def test_a_repeated_header_at_other_positions_and_a_table_of_one_row(tmp_path: Path) -> None:
    """The header printed again a few characters off (another page's layout) is still the
    header; a table of one row under a header of four titles or more is a table."""
    text = (
        "Action                      Responsable       Échéance       État\n\n"
        "Organiser un jury           Président du      Rentrée        Réalisé\n"
        "Action                   Responsable     Échéance     État\n\n"
        "intermédiaire des TFE       jury              académique\n\n\n"
        "Actions prévues :\n\n"
        "Action                      Responsable       Échéance       État\n\n"
        "Répondre à un appel à       Direction de      2026-2027      Non\n"
        "projets de recherche        section                          entamé\n"
    )
    tables = [block for block in _blocks(tmp_path, text) if isinstance(block, Table)]
    assert [[row.cells[:2] for row in table.rows[1:]] for table in tables] == [
        [("Organiser un jury intermédiaire des TFE", "Président du jury")],
        [("Répondre à un appel à projets de recherche", "Direction de section")],
    ]


def test_a_wrapped_header_repeated_at_another_page_layout(tmp_path: Path) -> None:
    """A header wrapped over three lines, printed again on the next page with its columns
    elsewhere (that page laid out on its own), inside a row the break cut: the row goes on
    below it, and the rows after it are read at the new page's columns."""
    text = (
        "Action                       Porteur           Échéance     Suivi au\n"
        "                                               prévue       31/12/2025\n\n"
        "Ouvrir une antenne de        Direction des     Mars 2026    En cours\n"
        "tutorat à Namur              études\n\n"
        "Recruter un chargé de        Service des       Juin 2026    Action à\n"
        "\f"
        "Action                 Porteur         Échéance   Suivi au\n"
        "                                       prévue     31/12/2025\n\n"
        "mission pour les stages      ressources                     planifier\n"
        "                             humaines\n\n"
        "Publier le bilan      Cellule qualité  Mai 2027   Non entamé\n"
        "annuel du plan\n"
    )
    tables = [block for block in _blocks(tmp_path, text) if isinstance(block, Table)]
    assert [[row.cells for row in table.rows[1:]] for table in tables] == [
        [
            ("Ouvrir une antenne de tutorat à Namur", "Direction des études", "Mars 2026",
             "En cours"),
            ("Recruter un chargé de mission pour les stages", "Service des ressources humaines",
             "Juin 2026", "Action à planifier"),
            ("Publier le bilan annuel du plan", "Cellule qualité", "Mai 2027", "Non entamé"),
        ]
    ]  # fmt: skip


def test_rows_under_vertically_merged_cells_with_wrapped_text(tmp_path: Path) -> None:
    """Reference and objective cells merged down over their actions, wrapped on their own
    lines: a row opens where the action and the cells after it open, not where the merged
    cells' wrapped text goes on (« Recommandation n° » / « 2 », an objective's last words);
    text after a line ending mid-phrase goes on even with a capital (« … de » / « TFE »)."""
    grid = [
        ("Réf.", "Objectif", "Action", "Porteur", "Échéance"),
        (
            "Recommandation n°",
            "Améliorer le",
            "Publier un guide des",
            "Cellule qualité",
            "Mars 2026",
        ),
        ("1", "suivi des", "stages", "", ""),
        ("", "étudiants en", "Créer un tutorat par les pairs", "Service social", "Juin 2026"),
        ("", "difficulté", "", "", ""),
        ("Recommandation n°", "Clarifier les", "Réviser le règlement du", "Jury du", "Mai 2026"),
        ("2", "évaluations", "TFE en bloc 3", "mémoire", ""),
        ("", "", "Publier les grilles de", "Direction", "2026-2027"),
        ("", "", "critères", "", ""),
    ]
    widths = (20, 16, 34, 18, 10)
    text = "".join(
        "".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in grid
    )
    tables = [block for block in _blocks(tmp_path, text) if isinstance(block, Table)]
    assert [row.cells[0::2] for row in tables[0].rows[1:]] == [
        ("Recommandation n° 1", "Publier un guide des stages", "Mars 2026"),
        ("", "Créer un tutorat par les pairs", "Juin 2026"),
        ("Recommandation n° 2", "Réviser le règlement du TFE en bloc 3", "Mai 2026"),
        ("", "Publier les grilles de critères", "2026-2027"),
    ]


def test_a_full_width_band_row_between_rows_keeps_the_table(tmp_path: Path) -> None:
    """A recommendation printed across the whole table (a merged band row) runs over the
    columns: it is one row of its own, its wrapped end included, and the table goes on."""
    text = (
        "N°    Action                     Porteur          Échéance\n"
        "Recommandation 1 — Ouvrir davantage le programme aux employeurs de la région\n"
        "et aux anciens\n"
        "1.1   Créer un conseil            Direction        2026\n"
        "      consultatif\n"
        "Recommandation 2 — Mieux suivre les étudiants en difficulté\n"
        "2.1   Désigner des tuteurs        Service social   2025\n"
    )
    tables = [block for block in _blocks(tmp_path, text) if isinstance(block, Table)]
    assert len(tables) == 1
    assert [row.cells[:3] for row in tables[0].rows[1:]] == [
        ("Recommandation 1 — Ouvrir davantage le programme aux employeurs de la région et "
         "aux anciens", "", ""),
        ("1.1", "Créer un conseil consultatif", "Direction"),
        ("Recommandation 2 — Mieux suivre les étudiants en difficulté", "", ""),
        ("2.1", "Désigner des tuteurs", "Service social"),
    ]  # fmt: skip


def test_a_second_header_line_splits_grouped_titles_into_columns() -> None:
    """Titles grouped under a merged title (« Porteurs » over « Principal » and « Associés »)
    give a column each, the group's start no longer hiding the sub-columns; titles without
    a group keep theirs, and a sub-title wrapped onto the next line is completed."""
    lines = [
        "N°   Mesure                          Porteurs                      Dates                 Avancement",
        "                                     Principal       Associés      Début     Fin         Situation au",
        "                                                                                         31/03/2026",
        "1    Réécrire le règlement des       Directrice      Délégués      Sept.     Mars 2026   Réalisé",
        "     études                                          étudiants     2025",
        "2    Ouvrir une permanence           Service social  Tuteurs       Oct.      Juin 2026   En cours",
    ]  # fmt: skip
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == [
        "N°", "Mesure", "Principal", "Associés", "Début", "Fin", "Situation au 31/03/2026"
    ]  # fmt: skip
    assert [row.texts() for row in table.rows] == [
        ["1", "Réécrire le règlement des études", "Directrice", "Délégués étudiants",
         "Sept. 2025", "Mars 2026", "Réalisé"],
        ["2", "Ouvrir une permanence", "Service social", "Tuteurs", "Oct.", "Juin 2026",
         "En cours"],
    ]  # fmt: skip


def test_a_data_row_of_short_capitalised_cells_is_not_a_second_header() -> None:
    lines = [
        "Réf.   Action                        Responsable        Échéance",
        "R1     Former                        Direction          2026",
        "R2     Recruter                      Secrétariat        Juin 2027",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["Réf.", "Action", "Responsable", "Échéance"]
    assert len(table.rows) == 2


def test_cells_run_together_by_narrow_columns_are_cut_at_the_column_start() -> None:
    """A narrow column's text may reach the next column with one space between them
    (« Service de S2 2026 »): cut where a word opens at the next column's start, with a
    capital or a digit. A line of the action running on over an empty column keeps its
    text (« … et de leurs visites » over an owner's column empty on that line)."""

    def line(*cells: tuple[int, str]) -> str:
        text = ""
        for column, cell in cells:
            text = text.ljust(column) + cell
        return text

    # columns at 0, 6, 36, 51, 62; « S2 » opens at the deadline's start, one space after
    # « de », « En » at the status's
    lines = [
        line((0, "N°"), (6, "Action"), (36, "Porteur"), (51, "Échéance"), (62, "État")),
        line((0, "1.1"), (6, "Revoir les grilles des"), (40, "Service de"), (51, "S2 2026"),
             (62, "En")),
        line((6, "stages"), (36, "l'emploi"), (62, "cours")),
        line((0, "1.2"), (6, "Former les tuteurs aux outils"), (36, "Cellule TICE"), (51, "2027"),
             (62, "Réalisé")),
        line((6, "de suivi en ligne et de leurs visites")),
    ]  # fmt: skip
    assert lines[1][36:] == "    Service de S2 2026    En"
    assert lines[4] == "      de suivi en ligne et de leurs visites"  # over the owner's start
    table = find_layout_table(lines, 0)
    assert table is not None
    assert [row.texts() for row in table.rows] == [
        ["1.1", "Revoir les grilles des stages", "Service de l'emploi", "S2 2026", "En cours"],
        ["1.2", "Former les tuteurs aux outils de suivi en ligne et de leurs visites",
         "Cellule TICE", "2027", "Réalisé"],
    ]  # fmt: skip


def test_a_numbered_heading_after_the_table_is_not_a_row() -> None:
    lines = [
        "N°   Action                      Responsable     Échéance",
        "1    Ouvrir un guichet unique    Secrétariat     Juin 2026",
        "2    Publier les horaires        Direction       Mai 2026",
        "",
        "3. Calendrier des actions",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert [row.texts()[1] for row in table.rows] == [
        "Ouvrir un guichet unique",
        "Publier les horaires",
    ]


def test_years_over_quarters_title_a_column_per_quarter() -> None:
    # « 2025 » and « 2026 » span the quarters printed under them: each quarter a column
    text = """\
Action                     Responsable    Indicateur       2025                2026
                                                           T1   T2   T3   T4   T1   T2   T3   T4
Ouvrir un cours d'allemand Direction      Cours ouvert          ●    ●
Organiser des tandems      Service RI     Tandems formés                 ●    ●
Certifier le niveau B2     Coordination   Part certifiée                                ●
"""
    table = find_layout_table(text.split("\n"), 0)
    assert table is not None
    assert table.header[3:] == [
        "T1 2025", "T2 2025", "T3 2025", "T4 2025", "T1 2026", "T2 2026", "T3 2026", "T4 2026"
    ]  # fmt: skip
    assert len(table.rows) == 3


def test_a_criterion_band_and_the_quoted_recommendations_stay_in_the_table() -> None:
    text = """\
Action                                  Responsable       Échéance
Critère 2 — Pertinence du programme
« Associer les logopèdes de terrain à la révision du programme » (Recommandation 2.1)
Constituer un comité consultatif        Direction         Décembre 2025
Soumettre chaque révision au comité     Coordination      Septembre 2026
« Rendre visibles les débouchés du bachelier » (Recommandation 2.2)
Publier des portraits d'anciens         Communication     Mars 2026
"""
    table = find_layout_table(text.split("\n"), 0)
    assert table is not None
    firsts = [row.cells[0][0] for row in table.rows]
    assert firsts[0].startswith("Critère 2") and firsts[1].startswith("« Associer")
    assert firsts[-2].startswith("« Rendre") and firsts[-1].startswith("Publier")


def test_a_wrapped_line_opening_with_a_capital_goes_on_when_its_other_cells_do() -> None:
    """A row's second line may open with a capital in the first column (« UE à l'avis… »,
    an acronym) and still be the row's wrapped text: the owner goes on in lower case, the
    deadline's year completes the month above (« Septembre » / « 2026 »)."""
    lines = [
        "Action                                  Responsable          Échéance     Indicateur",
        "Soumettre chaque révision de fiche      Coordinateur         Septembre    Part des fiches",
        "UE à l'avis du comité consultatif       pédagogique          2026         soumises au comité",
        "Publier des portraits de diplômés       Service              Mars 2026    Portraits publiés",
        "sur le site de la haute école           communication",
        "Organiser une journée d'accueil         Direction            2025         Journée tenue",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["Action", "Responsable", "Échéance", "Indicateur"]
    assert [row.texts() for row in table.rows] == [
        ["Soumettre chaque révision de fiche UE à l'avis du comité consultatif",
         "Coordinateur pédagogique", "Septembre 2026", "Part des fiches soumises au comité"],
        ["Publier des portraits de diplômés sur le site de la haute école",
         "Service communication", "Mars 2026", "Portraits publiés"],
        ["Organiser une journée d'accueil", "Direction", "2025", "Journée tenue"],
    ]  # fmt: skip


def test_three_columns_under_a_number_mark_and_two_titles_are_a_table() -> None:
    """« N° » has no word, yet it titles the column of the actions' numbers: a table of
    three columns whose first title is such a mark, the two others words, is a table (its
    second title wrapped on the line below)."""
    lines = [
        "N°      Recommandation            Mesure",
        "        visée",
        "1       Recommandation 2          Créer un tutorat par les pairs en",
        "                                  première année",
        "2       Recommandations 1 et 3    Réviser les grilles d'évaluation des stages",
        "3       Recommandation 4          Ouvrir un local d'étude",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["N°", "Recommandation visée", "Mesure"]
    assert [row.texts() for row in table.rows] == [
        ["1", "Recommandation 2", "Créer un tutorat par les pairs en première année"],
        ["2", "Recommandations 1 et 3", "Réviser les grilles d'évaluation des stages"],
        ["3", "Recommandation 4", "Ouvrir un local d'étude"],
    ]


def test_three_segments_with_two_unworded_are_no_header() -> None:
    """Only the first title may be a mark: figures side by side are no table's header."""
    lines = [
        "Total   12      15",
        "Bloc 1  4       5",
        "Bloc 2  8       10",
    ]
    assert find_layout_table(lines, 0) is None


def test_wrapped_titles_keep_their_words_apart_and_their_cut_words_whole() -> None:
    """« Mesure » over « n° » is two words; « N » over « ° » and « Indicateu » over « r »
    (a narrow column cut a word without a hyphen) are one."""
    lines = [
        "Mesure   N    Pilote       Indicateu  Suivi",
        "n°       °                 r",
        "1        A    Direction    2026       Rapport annuel",
        "2        B    Secrétariat  2027       Tableau de bord",
    ]
    table = find_layout_table(lines, 0)
    assert table is not None
    assert table.header == ["Mesure n°", "N°", "Pilote", "Indicateur", "Suivi"]
