"""Layouts defined by where the recommendations sit.

* recommandations-en-bandeau — each recommendation is a full-width row heading the actions
  that answer it.
* recommandations-citees — each recommendation quoted « … » (Recommandation 2, p.7), then a
  borderless table of the actions answering it.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Paragraph,
    Table,
    header_row,
    text_cell,
)

# recommendation number, text, [(action, owner, deadline, indicator, progress)]
_TRANSLATION = (
    (
        "1",
        "Renforcer l'entraînement à l'interprétation simultanée en cabine.",
        (
            (
                "Doubler le nombre d'heures de cabine en master 1",
                "Responsable de la filière interprétation",
                "2025-2026",
                "Heures de cabine par étudiant",
                "À l'étude",
            ),
            (
                "Organiser des conférences simulées avec des orateurs invités",
                "Enseignants d'interprétation",
                "Chaque quadrimestre",
                "Nombre de conférences simulées",
                "Réalisé",
            ),
        ),
    ),
    (
        "2",
        "Intégrer davantage les outils de traduction assistée et la post-édition.",
        (
            (
                "Généraliser l'usage d'un outil de TAO dans les cours de traduction spécialisée",
                "Coordinatrice des cours de traduction",
                "Septembre 2025",
                "Cours utilisant l'outil",
                "En cours",
            ),
            (
                "Créer un séminaire de post-édition de traduction automatique",
                "Coordinatrice des cours de traduction",
                "Q2 2026",
                "Séminaire inscrit au programme",
                "Non entamé",
            ),
            (
                "Former les enseignants à la gestion de mémoires de traduction",
                "Service de formation du personnel",
                "Janvier 2025",
                "Nombre d'enseignants formés",
                "Réalisé",
            ),
        ),
    ),
    (
        "3",
        "Développer les stages en institutions européennes et en agences.",
        (
            (
                "Signer des conventions avec trois agences de traduction",
                "Chargé des stages",
                "Juin 2025",
                "Conventions signées",
                "En cours",
            ),
            (
                "Préparer les candidatures aux stages des institutions européennes",
                "Chargé des stages",
                "Octobre 2025",
                "Nombre de candidatures déposées",
                "Non entamé",
            ),
        ),
    ),
    (
        "4",
        "Améliorer l'information sur les débouchés dès le bachelier.",
        (
            (
                "Organiser une table ronde annuelle de diplômés traducteurs et interprètes",
                "Association des diplômés",
                "Mars 2025",
                "Nombre de participants",
                "Réalisé",
            ),
            (
                "Publier des portraits de diplômés sur le site de la faculté",
                "Service communication",
                "Continu",
                "Nombre de portraits publiés",
                "En cours",
            ),
        ),
    ),
)


def recommandations_en_bandeau() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Action", "Responsable", "Échéance", "Indicateur de réussite", "Avancement")
    ]
    for number, rec_text, actions in _TRANSLATION:
        ref = f"Recommandation {number}"
        rec_id = book.rec(ref, text=rec_text, number=number)
        band = Cell((Paragraph(f"{ref} : {rec_text}", bold=True),), colspan=5, shaded=True)
        rows.append((band, None, None, None, None))
        for text, owner, deadline, indicator, progress in actions:
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                status=progress,
                addresses=[rec_id],
            )
            rows.append(
                (
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(indicator),
                    text_cell(progress),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action consécutif à l'évaluation",
            "Université de Mons-Borinage",
            "Master en traduction et en interprétation",
            "Faculté de traduction",
        ),
        Table(tuple(rows), widths=(3.4, 2.2, 1.9, 2.2, 2.0)),
    ]
    return layout(
        "recommandations-en-bandeau",
        book,
        blocks,
        institution="Université de Mons-Borinage",
        programme="Master en traduction et en interprétation",
        plan_date="2024",
        notes="Each recommendation is a full-width shaded row (gridSpan) heading "
        "the rows of its actions.",
    )


# ref, quoted text, [(action, owner, deadline, indicator, state)]
_SPEECH = (
    (
        "Recommandation 2, p.7",
        "Le comité recommande de formaliser la progression des compétences cliniques en logopédie sur les trois blocs.",
        (
            (
                "Construire une grille de progression des compétences cliniques par bloc",
                "Coordinatrice clinique",
                "Juin 2025",
                "Grille validée en réunion d'équipe",
                "En cours",
            ),
            (
                "Présenter la grille aux maîtres de stage lors de la réunion de rentrée",
                "Coordinatrice clinique",
                "Septembre 2025",
                "Présentation faite",
                "Non entamé",
            ),
        ),
    ),
    (
        "Recommandation 4, p.9",
        "Les experts suggèrent d'offrir aux étudiants davantage d'occasions d'observer des bilans logopédiques réels.",
        (
            (
                "Filmer des bilans avec l'accord des patients pour constituer une vidéothèque",
                "Enseignants de bilan",
                "2025",
                "Nombre de vidéos disponibles",
                "En cours",
            ),
            (
                "Ouvrir le centre de consultation de l'école aux observations du Bloc 2",
                "Responsable du centre de consultation",
                "Q1 2026",
                "Nombre d'observations par étudiant",
                "Non entamé",
            ),
        ),
    ),
    (
        "Recommandation 5, p.11",
        "Il conviendrait de mieux soutenir les étudiants dans la rédaction de leur travail de fin d'études.",
        (
            (
                "Mettre en place des permanences méthodologiques pour le TFE",
                "Équipe de méthodologie",
                "Octobre 2024",
                "Nombre de permanences",
                "Réalisé",
            ),
            (
                "Publier un guide de rédaction du TFE",
                "Équipe de méthodologie",
                "Décembre 2024",
                "Guide en ligne",
                "Réalisé",
            ),
            (
                "Fixer des dates intermédiaires de remise du TFE",
                "Président du jury",
                "Rentrée académique 2025",
                "Calendrier communiqué",
                "En cours",
            ),
        ),
    ),
    (
        "Recommandation 7, p.13",
        "Le comité encourage la section à développer la recherche appliquée avec les partenaires cliniques.",
        (
            (
                "Répondre à un appel à projets de recherche appliquée avec un hôpital partenaire",
                "Direction de section",
                "2026-2027",
                "Projet déposé",
                "Non entamé",
            ),
        ),
    ),
)


def recommandations_citees() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan d'action",
        "Haute École de Bruxelles-Midi",
        "Bachelier en logopédie",
        "Réponses aux recommandations du rapport d'évaluation",
    )
    for ref, quote, actions in _SPEECH:
        rec_id = book.rec(ref, text=quote, number=ref.split()[1].rstrip(","))
        blocks.append(Paragraph(f"« {quote} » ({ref})", style="quote"))
        blocks.append(Paragraph("Actions prévues :", bold=True))
        rows: list[tuple[Cell | None, ...]] = [
            header_row("Action", "Responsable", "Échéance", "Indicateur", "État")
        ]
        for text, owner, deadline, indicator, state in actions:
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                status=state,
                addresses=[rec_id],
            )
            rows.append(
                (
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(indicator),
                    text_cell(state),
                )
            )
        blocks.append(Table(tuple(rows), widths=(3.6, 2.0, 1.9, 2.2, 1.4), ruled=False))
    return layout(
        "recommandations-citees",
        book,
        blocks,
        institution="Haute École de Bruxelles-Midi",
        programme="Bachelier en logopédie",
        plan_date="2024",
        notes="Recommendations quoted in « » followed by (ref); each is followed by "
        "a table without ruling lines of the actions answering it.",
    )
