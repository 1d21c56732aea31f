"""Layouts built on merged cells and on where the recommendations sit.

* paysage-fusions-verticales — landscape; reference and objective each merged down their
  rows, with different boundaries.
* entete-deux-niveaux — a two-row header ("Mise en œuvre" over owner and horizon, "Suivi"
  over indicator and progress).
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Table,
    header_row,
    text_cell,
)

# ref, [(objective, [(action, owner, deadline, indicator, status)])]
_BIOLOGY = (
    (
        "Recommandation n° 1",
        (
            (
                "Renforcer la démarche qualité des laboratoires d'enseignement",
                (
                    (
                        "Rédiger les procédures de travail des laboratoires selon la norme ISO 15189",
                        "Responsable qualité des laboratoires",
                        "Juin 2025",
                        "Procédures validées",
                        "En cours",
                    ),
                    (
                        "Former les techniciens de laboratoire à la traçabilité des échantillons",
                        "Responsable qualité des laboratoires",
                        "Q1 2025",
                        "Nombre de techniciens formés",
                        "Réalisé",
                    ),
                ),
            ),
        ),
    ),
    (
        "Recommandation n° 2",
        (
            (
                "Actualiser les contenus en biologie moléculaire",
                (
                    (
                        "Introduire des travaux pratiques de PCR en temps réel en Bloc 2",
                        "Titulaire de biologie moléculaire",
                        "2025-2026",
                        "TP organisés",
                        "Non entamé",
                    ),
                    (
                        "Acquérir un thermocycleur supplémentaire",
                        "Direction de département",
                        "Décembre 2025",
                        "Appareil en service",
                        "En cours",
                    ),
                ),
            ),
            (
                "Développer la bio-informatique",
                (
                    (
                        "Créer un module d'initiation à l'analyse de séquences",
                        "Enseignant de bio-informatique",
                        "Septembre 2026",
                        "Module inscrit au programme",
                        "Non entamé",
                    ),
                ),
            ),
        ),
    ),
    (
        "Recommandation n° 3",
        (
            (
                "Mieux préparer les stages hospitaliers",
                (
                    (
                        "Organiser une préparation aux règles de biosécurité avant le premier stage",
                        "Coordinateur des stages",
                        "Octobre 2024",
                        "Taux de participation",
                        "Réalisé",
                    ),
                    (
                        "Harmoniser les carnets de stage entre les hôpitaux partenaires",
                        "Coordinateur des stages",
                        "Mars 2025",
                        "Carnet commun adopté",
                        "En cours",
                    ),
                    (
                        "Réunir les maîtres de stage une fois par an",
                        "Coordinateur des stages",
                        "Chaque année en mai",
                        "Compte rendu de réunion",
                        "En cours",
                    ),
                ),
            ),
        ),
    ),
    (
        "Recommandation n° 5",
        (
            (
                "Soutenir l'insertion professionnelle",
                (
                    (
                        "Proposer un atelier de rédaction de CV scientifique",
                        "Service emploi",
                        "Février 2025",
                        "Nombre de participants",
                        "Reporté",
                    ),
                    (
                        "Mettre en relation les finissants avec les laboratoires privés de la région",
                        "Direction de département",
                        "2026",
                        "Nombre de contacts établis",
                        "Non entamé",
                    ),
                ),
            ),
        ),
    ),
)


def paysage_fusions_verticales() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Réf. rapport", "Objectif", "Action", "Responsable", "Échéance", "Indicateur", "Statut"
        )
    ]
    for ref, objectives in _BIOLOGY:
        rec_id = book.rec(ref, number=ref.split()[-1])
        span = sum(len(actions) for _, actions in objectives)
        first_of_ref = True
        for objective, actions in objectives:
            for index, (text, owner, deadline, indicator, status) in enumerate(actions):
                book.act(
                    text,
                    owner=owner,
                    deadline=deadline,
                    indicators=[indicator],
                    status=status,
                    objective=objective,
                    addresses=[rec_id],
                )
                ref_cell = text_cell(ref, rowspan=span) if first_of_ref else None
                objective_cell = text_cell(objective, rowspan=len(actions)) if index == 0 else None
                first_of_ref = False
                rows.append(
                    (
                        ref_cell,
                        objective_cell,
                        text_cell(text),
                        text_cell(owner),
                        text_cell(deadline),
                        text_cell(indicator),
                        text_cell(status),
                    )
                )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action",
            "Haute École Léonard de Vinci-Ouest",
            "Bachelier en biologie médicale",
            "Plan 2024-2026",
        ),
        Table(tuple(rows), widths=(2.2, 2.4, 3.8, 2.2, 1.4, 2.0, 1.2)),
    ]
    return layout(
        "paysage-fusions-verticales",
        book,
        blocks,
        institution="Haute École Léonard de Vinci-Ouest",
        programme="Bachelier en biologie médicale",
        plan_date="2024",
        landscape=True,
        notes="Reference and objective cells are vertically merged (vMerge) over "
        "their actions, with different boundaries.",
    )


# action, owner, horizon, indicator, progress, link
_GRAPHIC = (
    (
        "Remplacer le parc d'ordinateurs de l'atelier de PAO",
        "Service informatique",
        "Été 2025",
        "Postes remplacés",
        "Commande passée",
        "C4-R1",
    ),
    (
        "Négocier une licence de site pour la suite de création graphique",
        "Direction",
        "Q1 2025",
        "Licence active",
        "Terminé",
        "C4-R1",
    ),
    (
        "Introduire un cours de design d'interface en Bloc 2",
        "Responsable pédagogique",
        "Rentrée académique 2025",
        "Fiche UE approuvée",
        "En préparation",
        "C3-R2",
    ),
    (
        "Inviter des studios de création aux jurys de fin d'année",
        "Coordinateur des jurys",
        "Juin 2025",
        "Nombre de professionnels dans les jurys",
        "À faire",
        "C2-R1",
    ),
    (
        "Exposer les travaux des finissants dans une galerie de la ville",
        "Équipe enseignante",
        "Mai 2026",
        "Exposition organisée; Nombre de visiteurs",
        "À faire",
        "C2-R1",
    ),
    (
        "Organiser un suivi individuel du portfolio en Bloc 3",
        "Titulaires d'atelier",
        "2025-2026",
        "Entretiens réalisés",
        "À faire",
        "C3-R2",
    ),
    (
        "Écrire une charte de l'usage des images générées par intelligence artificielle",
        "Conseil pédagogique",
        "Décembre 2024",
        "Charte adoptée",
        "Terminé",
        "C3-R4",
    ),
    (
        "Mesurer la charge de travail des projets d'atelier",
        "Cellule qualité",
        "Q2 2025",
        "Heures déclarées par projet",
        "En cours",
        "C3-R4",
    ),
    (
        "Créer un compte de la section sur un réseau professionnel",
        "Chargée de communication",
        "Novembre 2024",
        "Nombre d'abonnés",
        "Terminé",
        "C2-R3",
    ),
)


def entete_deux_niveaux() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    top: tuple[Cell | None, ...] = (
        text_cell("Action", rowspan=2, bold=True),
        text_cell("Mise en œuvre", colspan=2, bold=True),
        None,
        text_cell("Suivi", colspan=2, bold=True),
        None,
        text_cell("Lien avec le rapport", rowspan=2, bold=True),
    )
    second: tuple[Cell | None, ...] = (
        None,
        text_cell("Porteur", bold=True),
        text_cell("Horizon", bold=True),
        text_cell("Indicateur", bold=True),
        text_cell("Où en est-on ?", bold=True),
        None,
    )
    rows = [top, second]
    for text, owner, horizon, indicator, progress, link in _GRAPHIC:
        if link not in ids:
            ids[link] = book.rec(link, criterion=f"Critère {link[1]}", number=link[-1])
        indicators = indicator.split("; ")
        book.act(
            text,
            owner=owner,
            deadline=horizon,
            indicators=indicators,
            status=progress,
            addresses=[ids[link]],
        )
        rows.append(
            (
                text_cell(text),
                text_cell(owner),
                text_cell(horizon),
                text_cell(*indicators),
                text_cell(progress),
                text_cell(link),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2026",
            "École supérieure des arts appliqués de Tournai",
            "Bachelier en techniques graphiques",
            "Version du 18 novembre 2024",
        ),
        Table(tuple(rows), header_rows=2, widths=(4.0, 2.0, 1.6, 2.2, 1.6, 1.3)),
    ]
    return layout(
        "entete-deux-niveaux",
        book,
        blocks,
        institution="École supérieure des arts appliqués de Tournai",
        programme="Bachelier en techniques graphiques",
        plan_date="18 novembre 2024",
        landscape=True,
        notes="Two-row header: 'Mise en œuvre' spans Porteur|Horizon and 'Suivi' "
        "spans Indicateur|Où en est-on ?. Progress phrases are the status.",
    )
