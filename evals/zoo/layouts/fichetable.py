"""All fiches action in one two-column table: fiches-tableau-unique.

A single long table of two columns, label then value. Each fiche opens with a shaded
row merged over both columns (« Fiche action n° 3 »), then one row per label:
« Recommandation(s) visée(s) », « Intitulé de l'action », « Responsable(s) »,
« Partenaires » (not the owner), « Échéancier », « Indicateur(s) de réussite » (a bulleted
list when there are several) and « Ressources nécessaires » (not an indicator).
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Paragraph,
    Table,
    list_cell,
    text_cell,
)

# recommendation numbers, action, responsible(s), partners, deadline, indicators, resources
_NURSING: tuple[
    tuple[tuple[str, ...], str, tuple[str, ...], str, str, tuple[str, ...], str], ...
] = (
    (
        ("1",),
        "Développer la simulation clinique haute fidélité en bloc 2",
        ("Responsable du centre de simulation",),
        "Hôpital universitaire partenaire",
        "Septembre 2025",
        ("Nombre de séances de simulation par étudiant",),
        "Un mannequin haute fidélité ; 0,2 ETP de technicien",
    ),
    (
        ("1", "3"),
        "Former les enseignants au débriefing après simulation",
        ("Cellule d'appui pédagogique", "Responsable du centre de simulation"),
        "Centre de formation continue",
        "Décembre 2025",
        (
            "Nombre d'enseignants formés",
            "Satisfaction des étudiants à l'égard du débriefing",
        ),
        "Budget de formation de 4 000 euros",
    ),
    (
        ("2",),
        "Réviser le portfolio de stage pour y intégrer le raisonnement clinique",
        ("Coordinatrice des stages",),
        "Infirmiers référents des lieux de stage",
        "Juin 2026",
        ("Portfolio révisé utilisé dans tous les stages",),
        "Temps de coordination",
    ),
    (
        ("3",),
        "Mettre en place des intervisions entre maîtres de formation pratique",
        ("Directrice de section",),
        "Aucun",
        "2025-2026",
        ("Nombre d'intervisions par quadrimestre",),
        "Une salle de réunion, deux heures par mois",
    ),
    (
        ("4",),
        "Créer une permanence d'écoute pour les étudiants en stage",
        ("Service social étudiant",),
        "Service de santé mentale de la ville",
        "Février 2026",
        (
            "Nombre d'étudiants reçus",
            "Taux d'abandon en cours de stage",
        ),
        "Une psychologue à mi-temps",
    ),
    (
        ("5",),
        "Publier un tableau de bord annuel de la réussite par bloc",
        ("Cellule qualité",),
        "Service informatique",
        "Octobre 2025",
        ("Tableau de bord présenté au conseil de section",),
        "Extraction des données d'inscription",
    ),
    (
        ("2", "5"),
        "Associer les étudiants de bloc 3 à l'accueil des nouveaux stagiaires",
        ("Coordinatrice des stages",),
        "Délégués étudiants",
        "Septembre 2026",
        ("Nombre d'étudiants de bloc 3 parrains",),
        "Aucune ressource supplémentaire",
    ),
    (
        ("4",),
        "Adapter les horaires de stage des étudiants bénéficiant d'aménagements raisonnables",
        ("Référente des aménagements raisonnables", "Coordinatrice des stages"),
        "Lieux de stage",
        "Q1 2026",
        ("Part des demandes d'aménagement satisfaites",),
        "Temps de concertation avec les lieux de stage",
    ),
)


def _refs_text(numbers: tuple[str, ...]) -> str:
    if len(numbers) == 1:
        return f"Recommandation {numbers[0]}"
    return "Recommandations " + " et ".join(numbers)


def _label(text: str) -> Cell:
    return text_cell(text, bold=True)


def fiches_tableau_unique() -> Layout:
    book = GoldBook()
    numbers = sorted({n for refs, *_ in _NURSING for n in refs}, key=int)
    rec_ids = {n: book.rec(f"Recommandation {n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = []
    for number, fiche in enumerate(_NURSING, start=1):
        refs, text, owners, partners, deadline, indicators, resources = fiche
        book.act(
            text,
            owner=joined(owners),
            deadline=deadline,
            indicators=indicators,
            addresses=[rec_ids[n] for n in refs],
        )
        title = Cell((Paragraph(f"Fiche action n° {number}"),), colspan=2, bold=True, shaded=True)
        rows.append((title, None))
        rows.append((_label("Recommandation(s) visée(s)"), text_cell(_refs_text(refs))))
        rows.append((_label("Intitulé de l'action"), text_cell(text)))
        rows.append((_label("Responsable(s)"), text_cell(*owners)))
        rows.append((_label("Partenaires"), text_cell(partners)))
        rows.append((_label("Échéancier"), text_cell(deadline)))
        indicator_cell = (
            list_cell(list(indicators)) if len(indicators) > 1 else text_cell(*indicators)
        )
        rows.append((_label("Indicateur(s) de réussite"), indicator_cell))
        rows.append((_label("Ressources nécessaires"), text_cell(resources)))
    blocks: list[Block] = [
        *title_blocks(
            "Fiches action du plan de suivi",
            "Haute École Sainte-Gudule — Département paramédical",
            "Bachelier en soins infirmiers",
            "Plan de suivi de l'évaluation AEQES (2024)",
        ),
        Paragraph(
            "Chaque fiche précise la recommandation visée, le responsable, l'échéance et "
            "les indicateurs de réussite de l'action."
        ),
        Table(tuple(rows), header_rows=0, widths=(2.6, 6.4)),
    ]
    return layout(
        "fiches-tableau-unique",
        book,
        blocks,
        institution="Haute École Sainte-Gudule",
        programme="Bachelier en soins infirmiers",
        plan_date="2024",
        notes="One two-column table holds every fiche: a shaded title row merged over both "
        "columns, then label/value rows. Owner = 'Responsable(s)' (two lines joined with "
        "'; '), not 'Partenaires'; deadline = 'Échéancier'; indicators = 'Indicateur(s) de "
        "réussite' (bullets when several), not 'Ressources nécessaires'.",
    )
