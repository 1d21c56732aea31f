"""What a table's surroundings and second header row say about its actions (written before the rules).

Two arrangements of real plans, built by hand as the readers give them:

* a timeline whose first header row names the years, each merged over its quarter columns,
  and whose second row repeats « T1 … T4 » under every year: a quarter means nothing without
  the year above it, so the deadline is « T3 2026 », not « T3 »;
* a plan grouped by who carries the actions: a heading « Porteur : X » above each table, no
  owner column; the heading gives X to every action of its table, the next heading replaces
  it, and a heading that names no owner ends it.
"""

from __future__ import annotations

from document_blocks import extracted, table

from assistant.extract import extract_plan
from assistant.readers.base import Block, Paragraph, RawDocument, Table, TableRow
from assistant.schema import DocumentFormat, Plan, Span

_FILE = "plan.docx"


def _span(line: int, excerpt: str) -> Span:
    return Span(file=_FILE, line_start=line, line_end=line, excerpt=excerpt[:80])


def _table(first_line: int, *rows: tuple[str, ...]) -> Table:
    return table(first_line, *rows, file=_FILE)


def _heading(line: int, text: str, level: int = 2) -> Paragraph:
    return Paragraph(text, _span(line, text), heading_level=level)


def _plan(*blocks: Block) -> Plan:
    return extracted(*blocks, file=_FILE)


def test_quarters_under_merged_years_carry_their_year() -> None:
    plan = _plan(
        _table(
            1,
            ("Action", "Responsable", "2025", "", "", "", "2026", "", "", ""),
            ("", "", "T1", "T2", "T3", "T4", "T1", "T2", "T3", "T4"),
            ("Rédiger la charte des stages", "Directrice", "", "●", "●", "", "", "", "", ""),
            ("Ouvrir un cours d'allemand", "Coordinatrice", "", "", "", "●", "●", "", "●", ""),
        )
    )
    assert [a.deadline for a in plan.actions] == ["T3 2025", "T3 2026"]


def test_quarters_with_their_year_in_one_header_cell() -> None:
    plan = _plan(
        _table(
            1,
            ("Action", "Responsable", "T1 2025", "T2 2025", "T3 2025"),
            ("Rédiger la charte des stages", "Directrice", "X", "X", ""),
        )
    )
    assert [a.deadline for a in plan.actions] == ["T2 2025"]


def test_quarters_under_a_title_that_is_no_year_stay_as_written() -> None:
    plan = _plan(
        _table(
            1,
            ("Action", "Responsable", "Calendrier 2025", "", ""),
            ("", "", "Q1 2025", "Q2 2025", "Q3 2025"),
            ("Rédiger la charte des stages", "Directrice", "X", "", "X"),
        )
    )
    assert [a.deadline for a in plan.actions] == ["Q3 2025"]


_HEADER = ("Action", "Échéance", "Indicateur")


def test_an_owner_heading_gives_its_owner_to_the_table_below() -> None:
    plan = _plan(
        _heading(1, "Porteur : Direction de département"),
        _table(2, _HEADER, ("Recruter un maître-assistant", "Septembre 2025", "Poste pourvu")),
        _heading(4, "Responsable : Cellule qualité"),
        _table(
            5,
            _HEADER,
            ("Généraliser l'évaluation des enseignements", "Janvier 2026", "Taux d'UE évaluées"),
            ("Enquêter sur l'insertion des diplômés", "Mars 2026", "Taux de réponse"),
        ),
    )
    assert [a.owner for a in plan.actions] == [
        "Direction de département",
        "Cellule qualité",
        "Cellule qualité",
    ]
    # the label line is no objective of the actions below it
    assert all(a.objective is None or "Porteur" not in a.objective for a in plan.actions)


def test_an_owner_column_wins_over_the_heading_and_other_headings_end_it() -> None:
    plan = _plan(
        _heading(1, "Porteur : Direction de département"),
        _table(
            2,
            ("Action", "Responsable", "Échéance"),
            ("Recruter un maître-assistant", "Directrice adjointe", "Septembre 2025"),
        ),
        _heading(4, "Axe 2 : Ouverture internationale"),
        _table(5, _HEADER, ("Signer deux accords Erasmus", "Juin 2026", "Accords signés")),
    )
    assert [a.owner for a in plan.actions] == ["Directrice adjointe", None]


def test_an_owner_heading_deeper_than_the_axis_heading_keeps_the_axis() -> None:
    plan = _plan(
        _heading(1, "Axe 1 : Pédagogie", level=1),
        _heading(2, "Porteur : Conseil pédagogique", level=2),
        _table(3, _HEADER, ("Réviser les fiches UE du bloc 1", "Juin 2026", "Fiches révisées")),
    )
    [action] = plan.actions
    assert action.owner == "Conseil pédagogique"


def _line(line: int, text: str) -> Paragraph:
    return Paragraph(text, _span(line, text))


def test_an_owner_line_without_heading_style_just_above_its_table() -> None:
    """The PDF export loses the heading style: « Porteur : X » is a plain line over its table."""
    plan = _plan(
        _line(1, "Porteur : Direction de département"),
        _table(2, _HEADER, ("Recruter un maître-assistant", "Septembre 2025", "Poste pourvu")),
        _line(4, "Porteur : Cellule qualité"),
        _table(5, _HEADER, ("Enquêter sur l'insertion des diplômés", "Mars 2026", "Taux")),
    )
    assert [a.owner for a in plan.actions] == ["Direction de département", "Cellule qualité"]
    assert all(a.objective is None or "Porteur" not in a.objective for a in plan.actions)


def test_owner_rows_of_one_sheet_own_the_rows_below_them() -> None:
    """A spreadsheet holds it all in one grid: the owner is a row of one filled cell."""
    plan = _plan(
        _table(
            1,
            ("Porteur : Direction de département", "", ""),
            _HEADER,
            ("Recruter un maître-assistant", "Septembre 2025", "Poste pourvu"),
            ("Porteur : Cellule qualité", "", ""),
            _HEADER,
            ("Enquêter sur l'insertion des diplômés", "Mars 2026", "Taux de réponse"),
            ("Publier les résultats des enquêtes", "Juin 2026", "Rapport publié"),
        )
    )
    assert [a.owner for a in plan.actions] == [
        "Direction de département",
        "Cellule qualité",
        "Cellule qualité",
    ]


def test_an_indicator_cell_that_says_it_is_not_set_yet_gives_no_indicator() -> None:
    plan = _plan(
        _table(
            1,
            ("Action", "Responsable", "Échéance", "Indicateur"),
            ("Recruter un maître-assistant", "Directrice", "Septembre 2025", "À définir"),
            ("Publier le calendrier du mémoire", "Secrétariat", "Juin 2025", "néant"),
            ("Ouvrir des stages en archives", "Responsable des stages", "2026", "Nombre de stages"),
        )
    )
    assert [a.indicators for a in plan.actions] == [[], [], ["Nombre de stages"]]


def test_a_keyed_indicator_row_that_is_not_set_yet_gives_no_indicator() -> None:
    plan = _plan(
        _table(
            1,
            ("N°", "Action", "Responsable"),
            ("1", "Recruter un maître-assistant", "Directrice"),
            ("2", "Publier le calendrier du mémoire", "Secrétariat"),
        ),
        _table(
            4,
            ("Action n°", "Indicateur"),
            ("1", "Poste pourvu"),
            ("2", "à préciser"),
        ),
    )
    assert [a.indicators for a in plan.actions] == [["Poste pourvu"], []]


def _page_table(page: int, first_line: int, *rows: tuple[str, ...]) -> Table:
    spans = [
        Span(file="plan.pdf", page=page, line_start=n, line_end=n, excerpt=" | ".join(c)[:80])
        for n, c in enumerate(rows, start=first_line)
    ]
    return Table(
        rows=tuple(TableRow(cells, span) for cells, span in zip(rows, spans, strict=True)),
        span=spans[0].model_copy(update={"line_end": spans[-1].line_end}),
    )


def _pdf_plan(*blocks: Block) -> Plan:
    raw = RawDocument(
        name="plan.pdf",
        format=DocumentFormat.PDF,
        sha256="0" * 64,
        size_bytes=1000,
        blocks=list(blocks),
    )
    return extract_plan(raw)


_PAGE_HEADER = ("Réf.", "Action", "Responsable", "Échéance", "Indicateurs")


def test_a_row_cut_by_a_page_break_goes_on_in_the_first_row_of_the_next_page() -> None:
    plan = _pdf_plan(
        _page_table(
            1,
            1,
            _PAGE_HEADER,
            ("R1", "Réviser la charte qualité", "Coordination qualité", "Juin 2025", "Charte"),
            (
                "R2",
                "Renouveler le matériel du laboratoire de",
                "Direction de",
                "Décembre 2025",
                "Inventaire du matériel",
            ),
        ),
        _page_table(
            2,
            4,
            ("", "simulation en soins intensifs", "catégorie", "", "remplacé\nBudget engagé"),
            ("R3", "Proposer un tutorat par les pairs", "Service d'aide", "Q2 2026", "Taux"),
        ),
    )
    assert [a.text for a in plan.actions] == [
        "Réviser la charte qualité",
        "Renouveler le matériel du laboratoire de simulation en soins intensifs",
        "Proposer un tutorat par les pairs",
    ]
    cut = plan.actions[1]
    assert cut.owner == "Direction de catégorie"
    assert cut.deadline == "Décembre 2025"
    assert cut.indicators == ["Inventaire du matériel remplacé", "Budget engagé"]


def test_a_new_action_opening_the_next_page_stays_an_action() -> None:
    plan = _pdf_plan(
        _page_table(
            1,
            1,
            _PAGE_HEADER,
            ("R1", "Réviser la charte qualité", "Coordination", "Juin 2025", "Charte"),
        ),
        _page_table(
            2, 3, ("R2", "Publier le plan actualisé", "Coordination", "Juin 2026", "Plan en ligne")
        ),
    )
    assert len(plan.actions) == 2


def test_a_data_row_whose_cells_start_like_titles_is_no_second_header() -> None:
    """« Coordinateur des stages » starts like an owner title and « 2024 | 2026 » like
    timeline titles, but a cell worded as an action (an infinitive and its complement)
    is never a column title: the row is data, not the header of a new table."""
    plan = _plan(
        _table(
            1,
            ("Intitulé de l'action", "Porteur", "Appui", "Début", "Fin"),
            (
                "Organiser des réunions avec les lieux de stage",
                "Directrice",
                "Cellule",
                "2024",
                "2025",
            ),
            (
                "Créer un répertoire des ressources",
                "Coordinateur des stages",
                "Secrétariat",
                "2024",
                "2026",
            ),
            (
                "Évaluer la charge de travail des étudiants",
                "Conseil de catégorie",
                "Délégués",
                "2025",
                "2026",
            ),
        )
    )
    assert [(a.text.split()[0], a.owner, a.deadline) for a in plan.actions] == [
        ("Organiser", "Directrice", "2025"),
        ("Créer", "Coordinateur des stages", "2026"),
        ("Évaluer", "Conseil de catégorie", "2026"),
    ]


def test_a_data_row_made_of_column_words_is_not_a_new_header() -> None:
    """An action worded as a noun phrase, in a row whose other cells happen to start like
    titles (« Axe 2 — … », « Coordinateur·rice des stages », « Calendrier diffusé »), is a
    data row: a sentence is never a column title. Read as a header, it silently dropped
    the nine actions below it (report pair bachelier-dietetique: 4 of 13 actions)."""
    plan = _plan(
        _table(
            1,
            ("Axe", "Objectif", "Action", "Responsable", "Échéance", "Indicateurs"),
            ("Axe 1 — Gouvernance", "Voix des apprenants", "Deux sièges réservés aux "
             "délégués au conseil", "Coordination qualité", "2025-2026", "Procès-verbal"),
            ("Axe 2 — Métier", "Ressources documentaires", "Abonnement de la bibliothèque à "
             "une table de composition des aliments", "Coordinateur·rice des stages",
             "2026-2027", "Calendrier diffusé"),
            ("Axe 3 — Programme", "Lisibilité du cursus", "Fusion des chapitres communs en "
             "un seul cours", "Conseil pédagogique", "juin 2026", "Document adopté"),
        )
    )  # fmt: skip
    assert [a.text[:12] for a in plan.actions] == ["Deux sièges ", "Abonnement d", "Fusion des c"]
    assert plan.actions[1].owner == "Coordinateur·rice des stages"


def test_an_owner_merged_down_over_its_actions_is_each_action_s_owner() -> None:
    # a vertical merge (DOCX, XLSX, HTML rowspan): the covered cells mean « as above »; a
    # cell left empty without a merge still means no owner
    rows = [
        ("Action", "Responsable", "Échéance"),
        ("Ouvrir une salle de simulation", "Direction", "2025"),
        ("Équiper la salle de mannequins", "", "2026"),
        ("Former les enseignants à la simulation", "", "2026"),
    ]
    merged = [frozenset(), frozenset(), frozenset({1}), frozenset()]
    grid = Table(
        tuple(TableRow(cells, _span(10 + n, cells[0]), merged[n]) for n, cells in enumerate(rows)),
        _span(10, rows[0][0]),
    )
    plan = _plan(grid)
    assert [(a.text, a.owner) for a in plan.actions] == [
        ("Ouvrir une salle de simulation", "Direction"),
        ("Équiper la salle de mannequins", "Direction"),
        ("Former les enseignants à la simulation", None),
    ]
