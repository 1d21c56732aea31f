"""Fiches action as labelled paragraphs under axis headings: fiches-porteur-calendrier.

No table. Each axis is a heading; each fiche a small heading « Fiche 2.1 » followed by
bold-labelled paragraphs: « Intitulé », « Porteur » (the owner), « Personnes associées »
(contributors, not the owner), « Calendrier », « Moyens » (resources, not an indicator),
« Critère de réussite » (the indicator) and, on some fiches only, « Réf. » citing the
experts' recommendations in the short form « C2-R3 ».
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, GoldBook, Layout, Paragraph

# axis, then its fiches: title, porteur, associated people, calendar, means,
# success criterion, references (criterion, number)
_PHYSIO: tuple[
    tuple[str, tuple[tuple[str, str, str, str, str, str, tuple[tuple[str, str], ...]], ...]],
    ...,
] = (
    (
        "Ancrage clinique de la formation",
        (
            (
                "Augmenter le nombre de lieux de stage en kinésithérapie respiratoire",
                "Coordinatrice des stages",
                "Maîtres de stage des hôpitaux partenaires",
                "Rentrée académique 2025",
                "Deux conventions nouvelles ; temps de coordination dégagé",
                "Au moins six lieux de stage actifs",
                (("2", "3"),),
            ),
            (
                "Harmoniser les carnets de stage entre les trois blocs",
                "Commission des stages",
                "Enseignants cliniciens",
                "Janvier 2025",
                "Réunions de la commission",
                "Carnet unique utilisé par tous les étudiants",
                (),
            ),
            (
                "Organiser des séances de simulation avec patients standardisés",
                "Responsable du laboratoire de simulation",
                "Acteurs formés, cellule techno-pédagogique",
                "2e quadrimestre 2024-2025",
                "Budget de 4 000 € pour la rémunération des acteurs",
                "Quatre séances par bloc et par an",
                (("2", "1"), ("3", "2")),
            ),
        ),
    ),
    (
        "Réussite et accompagnement des étudiants",
        (
            (
                "Proposer des ateliers de remise à niveau en anatomie au bloc 1",
                "Service d'aide à la réussite",
                "Assistants du département",
                "Octobre 2024",
                "Six heures d'encadrement par semaine",
                "Taux de réussite en anatomie supérieur à 60 %",
                (("4", "1"),),
            ),
            (
                "Instaurer un entretien individuel après la session de janvier",
                "Titulaires de bloc 1",
                "Psychologue du service social",
                "Chaque année en février",
                "Grille d'entretien commune",
                "Part des étudiants en échec reçus en entretien",
                (),
            ),
            (
                "Publier un guide de l'étudiant en kinésithérapie",
                "Secrétariat pédagogique",
                "Délégués étudiants",
                "Septembre 2025",
                "Mise en page par le service communication",
                "Guide distribué à la rentrée",
                (("4", "3"),),
            ),
        ),
    ),
    (
        "Pilotage du programme et démarche qualité",
        (
            (
                "Réunir deux fois par an un comité de programme élargi aux professionnels",
                "Direction du département paramédical",
                "Représentants de l'Union des kinésithérapeutes",
                "Mars 2025",
                "Salle et défraiement des membres externes",
                "Deux réunions tenues et procès-verbal diffusé",
                (("1", "2"),),
            ),
            (
                "Intégrer les résultats des enquêtes étudiantes au rapport annuel",
                "Cellule qualité",
                "Coordinateurs de bloc",
                "Continu",
                "Outil d'enquête de l'institution",
                "Rapport annuel comprenant une section « avis des étudiants »",
                (),
            ),
            (
                "Mettre à jour les fiches descriptives des unités d'enseignement",
                "Coordinateur pédagogique",
                "Ensemble des titulaires",
                "Juin 2025",
                "Une demi-journée de travail collectif",
                "100 % des fiches conformes au modèle",
                (("1", "4"), ("5", "1")),
            ),
            (
                "Évaluer à mi-parcours la mise en œuvre du présent plan",
                "Comité de pilotage qualité",
                "Cellule qualité",
                "T1 2026",
                "Tableau de suivi partagé",
                "Bilan à mi-parcours présenté au conseil de catégorie",
                (("5", "2"),),
            ),
        ),
    ),
)


def fiches_porteur_calendrier() -> Layout:
    book = GoldBook()
    rec_ids: dict[tuple[str, str], str] = {}
    refs_in_order = sorted(
        {ref for _, fiches in _PHYSIO for *_, refs in fiches for ref in refs},
        key=lambda ref: (int(ref[0]), int(ref[1])),
    )
    for criterion, number in refs_in_order:
        rec_ids[criterion, number] = book.rec(
            f"C{criterion}-R{number}", criterion=f"Critère {criterion}", number=number
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action — fiches actions",
            "Haute École du Val de Haine",
            "Bachelier en kinésithérapie",
            "Document de travail du comité de pilotage, novembre 2024",
        ),
        Paragraph(
            "Les références « Cx-Ry » renvoient à la recommandation y du critère x du rapport "
            "d'évaluation externe."
        ),
    ]
    for a, (axis, fiches) in enumerate(_PHYSIO, start=1):
        blocks.append(Paragraph(f"Axe {a} : {axis}", style="heading1"))
        for f, (title, porteur, associated, when, means, success, refs) in enumerate(
            fiches, start=1
        ):
            book.act(
                title,
                owner=porteur,
                deadline=when,
                indicators=[success],
                axis=axis,
                addresses=[rec_ids[ref] for ref in refs],
            )
            blocks.append(Paragraph(f"Fiche {a}.{f}", style="heading2"))
            blocks.append(Paragraph(title, label="Intitulé :"))
            if refs:
                cited = ", ".join(f"C{c}-R{n}" for c, n in refs)
                blocks.append(Paragraph(cited, label="Réf. :"))
            blocks.extend(
                [
                    Paragraph(porteur, label="Porteur :"),
                    Paragraph(associated, label="Personnes associées :"),
                    Paragraph(when, label="Calendrier :"),
                    Paragraph(means, label="Moyens :"),
                    Paragraph(success, label="Critère de réussite :"),
                ]
            )
    return layout(
        "fiches-porteur-calendrier",
        book,
        blocks,
        institution="Haute École du Val de Haine",
        programme="Bachelier en kinésithérapie",
        plan_date="Novembre 2024",
        notes="No table: 'Axe N : …' headings, then per fiche a 'Fiche N.M' heading and bold "
        "labels Intitulé / Réf. (some fiches) / Porteur (owner) / Personnes associées (not the "
        "owner) / Calendrier / Moyens (not an indicator) / Critère de réussite (indicator). "
        "'C1-R4, C5-R1' addresses both.",
    )
