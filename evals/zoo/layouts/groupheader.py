"""A two-level header with merged group cells: entete-fusionnee-responsabilites.

The header's first row groups the columns under merged cells (« Responsabilités » over
« Pilote » and « Contributeurs », « Calendrier » over « Lancement » and « Échéance »,
« Suivi » over « Indicateur » and « État au 30/06/2025 »); « Réf. » and « Action » are
merged down both header rows. The owner is the pilot, never the contributors; the deadline
is « Échéance », never « Lancement ». References to the experts' recommendations are typed
« R2 », « R1 et R4 », « R3/R5 ».
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, text_cell

# refs as typed, numbers, action, pilot, contributors, start, deadline, indicator, state
_LIBRARY: tuple[tuple[str, tuple[str, ...], str, str, str, str, str, str, str], ...] = (
    (
        "R1",
        ("1",),
        "Réviser le profil d'enseignement pour y intégrer la médiation numérique",
        "Coordinatrice de section",
        "Équipe enseignante",
        "Sept. 2024",
        "Juin 2025",
        "Profil d'enseignement révisé",
        "En cours",
    ),
    (
        "R1 et R4",
        ("1", "4"),
        "Créer une unité d'enseignement consacrée à la gestion des archives numériques",
        "Responsable du bloc 2",
        "Archives de l'État ; maîtres de stage",
        "Janv. 2025",
        "Sept. 2025",
        "Fiche ECTS approuvée",
        "Non démarré",
    ),
    (
        "R2",
        ("2",),
        "Étendre la durée du stage de bloc 3 à douze semaines",
        "Coordinateur des stages",
        "Lieux de stage partenaires",
        "Sept. 2024",
        "Sept. 2025",
        "Durée du stage inscrite au programme",
        "Terminé",
    ),
    (
        "R2",
        ("2",),
        "Constituer un répertoire des lieux de stage avec leurs offres de missions",
        "Secrétariat de section",
        "Coordinateur des stages",
        "Oct. 2024",
        "Févr. 2025",
        "Nombre de lieux de stage répertoriés",
        "Terminé",
    ),
    (
        "R3/R5",
        ("3", "5"),
        "Mettre en place un parrainage des étudiants de bloc 1 par ceux de bloc 3",
        "Service d'aide à la réussite",
        "Délégués étudiants",
        "Sept. 2025",
        "Déc. 2025",
        "Nombre de binômes constitués",
        "Non démarré",
    ),
    (
        "R3",
        ("3",),
        "Proposer un test de positionnement en expression écrite à l'entrée",
        "Enseignante de français",
        "Service d'aide à la réussite",
        "Sept. 2024",
        "Oct. 2024",
        "Taux d'étudiants ayant passé le test",
        "Terminé",
    ),
    (
        "R4",
        ("4",),
        "Acquérir un logiciel de gestion de bibliothèque pour les travaux pratiques",
        "Direction de département",
        "Service informatique",
        "Mars 2025",
        "Juin 2026",
        "Logiciel installé en salle de TP",
        "En cours (30 %)",
    ),
    (
        "R5",
        ("5",),
        "Organiser une journée d'étude annuelle avec les diplômés du secteur",
        "Coordinatrice de section",
        "Association des anciens",
        "Janv. 2025",
        "Mai 2025",
        "Nombre de participants",
        "En cours",
    ),
    (
        "R6",
        ("6",),
        "Publier les résultats des enquêtes auprès des étudiants sur la plateforme",
        "Cellule qualité",
        "Délégués étudiants ; service communication",
        "Juin 2025",
        "Continu",
        "Résultats en ligne",
        "Non démarré",
    ),
    (
        "R6",
        ("6",),
        "Associer un représentant étudiant au comité de suivi du plan",
        "Direction de département",
        "Conseil étudiant",
        "Sept. 2024",
        "Nov. 2024",
        "Représentant désigné",
        "Terminé",
    ),
)


def _bold(text: str, *, colspan: int = 1, rowspan: int = 1) -> Cell:
    return text_cell(text, colspan=colspan, rowspan=rowspan, bold=True)


def entete_fusionnee_responsabilites() -> Layout:
    book = GoldBook()
    numbers = sorted({n for _, refs, *_ in _LIBRARY for n in refs}, key=int)
    rec_ids = {n: book.rec(f"R{n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        (
            _bold("Réf.", rowspan=2),
            _bold("Action", rowspan=2),
            _bold("Responsabilités", colspan=2),
            None,
            _bold("Calendrier", colspan=2),
            None,
            _bold("Suivi", colspan=2),
            None,
        ),
        (
            None,
            None,
            _bold("Pilote"),
            _bold("Contributeurs"),
            _bold("Lancement"),
            _bold("Échéance"),
            _bold("Indicateur"),
            _bold("État au 30/06/2025"),
        ),
    ]
    for typed, refs, text, pilot, helpers, start, deadline, indicator, state in _LIBRARY:
        book.act(
            text,
            owner=pilot,
            deadline=deadline,
            indicators=[indicator],
            status=state,
            addresses=[rec_ids[n] for n in refs],
        )
        rows.append(
            (
                text_cell(typed),
                text_cell(text),
                text_cell(pilot),
                text_cell(helpers),
                text_cell(start),
                text_cell(deadline),
                text_cell(indicator),
                text_cell(state),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action — suivi au 30 juin 2025",
            "Haute École provinciale du Brabant wallon",
            "Bachelier en bibliothéconomie et documentation",
            "Plan établi à la suite de l'évaluation de 2024",
        ),
        Paragraph(
            "Les références R1 à R6 renvoient aux recommandations du rapport d'évaluation "
            "externe. Le pilote rend compte de l'avancement au comité de suivi."
        ),
        Table(
            tuple(rows),
            header_rows=2,
            widths=(0.8, 3.2, 1.8, 2.0, 1.3, 1.3, 2.0, 1.4),
            font_size=8.0,
        ),
    ]
    return layout(
        "entete-fusionnee-responsabilites",
        book,
        blocks,
        institution="Haute École provinciale du Brabant wallon",
        programme="Bachelier en bibliothéconomie et documentation",
        plan_date="Juin 2025",
        landscape=True,
        notes="Two header rows: group cells merged across (gridSpan) over Pilote/Contributeurs, "
        "Lancement/Échéance, Indicateur/État; Réf. and Action merged down (vMerge). Owner = "
        "Pilote only; deadline = Échéance; 'R1 et R4' and 'R3/R5' address both.",
    )
