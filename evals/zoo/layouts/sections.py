"""Criterion sections, numbered actions, a long plan over pages: criteres-numerotation-multipage.

Under each criterion heading « Critère 3 — … », a table « N° | Action | Réf. recommandation |
Responsable | Échéance | Indicateurs » whose actions are numbered « 3.2.1 » (criterion,
line of work, action) in their own column; the tables are long and cross page breaks, their
header row repeated on each page. The reference column cites the report's per-criterion
recommendations as « R3.2 » (criterion 3, recommendation 2), combined « R3.1 et R3.3 », or
the recommendations of its summary as « Rec. 4 et 5 » (each member addressed). Several
indicators in a cell are one per line. No status.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# heading, [(number, action, reference cell, refs, owner, deadline, indicators)]
_Row = tuple[str, str, str, tuple[str, ...], str, str, tuple[str, ...]]
_MUSIC: tuple[tuple[str, tuple[_Row, ...]], ...] = (
    (
        "Critère 1 — Politique de qualité et gouvernance",
        (
            (
                "1.1.1",
                "Constituer une commission de programme par domaine (instruments, chant, écriture) "
                "et en publier la composition",
                "R1.1",
                ("R1.1",),
                "Directeur des études musicales",
                "Octobre 2024",
                ("Trois commissions constituées", "Composition publiée sur l'intranet"),
            ),
            (
                "1.1.2",
                "Inscrire l'analyse des résultats des jurys à l'ordre du jour de chaque commission",
                "R1.1",
                ("R1.1",),
                "Présidents des commissions de programme",
                "Juin 2025",
                ("Procès-verbaux mentionnant l'analyse des résultats",),
            ),
            (
                "1.2.1",
                "Désigner une personne de référence qualité parmi le personnel administratif",
                "R1.2",
                ("R1.2",),
                "Direction de l'école",
                "Janvier 2025",
                ("Référente désignée et présentée aux équipes",),
            ),
            (
                "1.2.2",
                "Organiser une rencontre annuelle entre la direction et les délégués étudiants "
                "sur le suivi du plan",
                "Rec. 1",
                ("Rec. 1",),
                "Direction de l'école",
                "Chaque année en mars",
                ("Rencontre tenue", "Compte rendu diffusé aux étudiants"),
            ),
        ),
    ),
    (
        "Critère 2 — Pertinence du programme",
        (
            (
                "2.1.1",
                "Recueillir l'avis des orchestres, ensembles et académies de musique sur les "
                "compétences attendues des jeunes diplômés",
                "R2.1",
                ("R2.1",),
                "Coordinatrice des relations extérieures",
                "Mai 2025",
                ("Nombre d'employeurs consultés", "Synthèse présentée au conseil de gestion"),
            ),
            (
                "2.1.2",
                "Intégrer un module d'entrepreneuriat culturel (statut d'artiste, droits "
                "d'auteur, diffusion) au master",
                "R2.1 et Rec. 2",
                ("R2.1", "Rec. 2"),
                "Conseil de gestion pédagogique",
                "Rentrée 2025-2026",
                ("Module inscrit au programme",),
            ),
            (
                "2.2.1",
                "Mettre à jour le site internet de l'école avec les parcours des anciens étudiants",
                "R2.2",
                ("R2.2",),
                "Chargé de communication",
                "Décembre 2024",
                ("Dix portraits d'anciens publiés",),
            ),
            (
                "2.2.2",
                "Participer chaque année à deux salons de l'enseignement supérieur artistique",
                "R2.2",
                ("R2.2",),
                "Chargé de communication",
                "2024-2025",
                ("Présence aux deux salons",),
            ),
        ),
    ),
    (
        "Critère 3 — Cohérence interne du programme",
        (
            (
                "3.1.1",
                "Rédiger pour chaque unité d'enseignement des acquis d'apprentissage reliés au "
                "référentiel de compétences du domaine musique",
                "R3.1 et R3.3",
                ("R3.1", "R3.3"),
                "Coordinateurs de domaine",
                "Juin 2025",
                ("Part des fiches ECTS révisées", "Tableau de correspondance validé"),
            ),
            (
                "3.1.2",
                "Harmoniser les grilles d'évaluation des examens publics d'instrument entre les "
                "classes",
                "R3.1",
                ("R3.1",),
                "Professeurs de la classe d'instrument",
                "Janvier 2026",
                ("Grille commune adoptée",),
            ),
            (
                "3.2.1",
                "Mesurer la charge de travail réelle des étudiants en période de concerts et "
                "d'examens par une enquête",
                "R3.2",
                ("R3.2",),
                "Cellule qualité",
                "Avril 2025",
                ("Taux de réponse à l'enquête", "Analyse présentée aux commissions"),
            ),
            (
                "3.2.2",
                "Revoir le calendrier des productions pour éviter qu'elles coïncident avec la "
                "session d'examens",
                "R3.2 et Rec. 3",
                ("R3.2", "Rec. 3"),
                "Directeur des études musicales",
                "Septembre 2025",
                ("Calendrier des productions publié en septembre",),
            ),
            (
                "3.3.1",
                "Renforcer la place de la musique de chambre dans le cursus de bachelier",
                "R3.3",
                ("R3.3",),
                "Conseil de gestion pédagogique",
                "2025-2026",
                ("Heures de musique de chambre au programme",),
            ),
            (
                "3.3.2",
                "Proposer un séminaire de méthodologie de la recherche artistique en master 1",
                "Rec. 4 et 5",
                ("Rec. 4", "Rec. 5"),
                "Responsable de la recherche artistique",
                "Février 2026",
                ("Séminaire organisé", "Nombre de mémoires de recherche artistique"),
            ),
        ),
    ),
    (
        "Critère 4 — Efficacité et équité du programme",
        (
            (
                "4.1.1",
                "Ouvrir les salles de travail le samedi et en soirée pendant les périodes "
                "d'examens",
                "R4.1",
                ("R4.1",),
                "Régisseur des bâtiments",
                "Novembre 2024",
                ("Horaires élargis affichés", "Taux d'occupation des salles"),
            ),
            (
                "4.1.2",
                "Remplacer les pianos des salles d'étude les plus usés selon un plan pluriannuel",
                "R4.1",
                ("R4.1",),
                "Direction de l'école",
                "2024-2025 à 2026-2027",
                ("Nombre de pianos remplacés par an",),
            ),
            (
                "4.2.1",
                "Proposer un accompagnement psychologique et une prévention du trac aux étudiants",
                "R4.2 et Rec. 5",
                ("R4.2", "Rec. 5"),
                "Service d'accompagnement des étudiants",
                "Octobre 2025",
                ("Nombre d'étudiants reçus", "Ateliers de gestion du stress organisés"),
            ),
            (
                "4.2.2",
                "Informer les étudiants étrangers des démarches administratives dès leur admission",
                "R4.2",
                ("R4.2",),
                "Secrétariat des étudiants",
                "Août 2025",
                ("Guide d'accueil traduit en anglais",),
            ),
        ),
    ),
    (
        "Critère 5 — Analyse et plan d'action",
        (
            (
                "5.1.1",
                "Actualiser le plan d'action chaque année et en présenter l'avancement au conseil "
                "de gestion",
                "R5.1",
                ("R5.1",),
                "Cellule qualité",
                "Chaque année en juin",
                ("Plan actualisé adopté",),
            ),
            (
                "5.1.2",
                "Préparer le dossier d'avancement en vue de l'évaluation de suivi",
                "R5.1 et Rec. 1",
                ("R5.1", "Rec. 1"),
                "Cellule qualité",
                "Décembre 2026",
                ("Dossier transmis à l'agence",),
            ),
        ),
    ),
)


def _criterion_of(ref: str) -> str | None:
    return None if ref.startswith("Rec") else f"Critère {ref[1]}"


def criteres_numerotation_multipage() -> Layout:
    book = GoldBook()
    refs = [ref for _, rows in _MUSIC for row in rows for ref in row[3]]
    rec_ids = {
        ref: book.rec(ref, criterion=_criterion_of(ref), number=ref.rsplit(".", 1)[-1].split()[-1])
        for ref in dict.fromkeys(sorted(refs, key=lambda r: (r.startswith("Rec"), r)))
    }
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027",
            "École supérieure des arts de la Gileppe — Domaine de la musique",
            "Bachelier et master en musique",
            "Réponse aux recommandations du rapport d'évaluation externe",
        ),
        Paragraph(
            "Les recommandations « R » sont celles du rapport, numérotées par critère "
            "(R3.2 : critère 3, deuxième recommandation) ; les « Rec. » sont les "
            "recommandations de la synthèse du rapport. Les actions sont numérotées par "
            "critère, ligne d'action et action."
        ),
    ]
    for heading, rows in _MUSIC:
        blocks.append(Paragraph(heading, style="heading2"))
        table: list[tuple[Cell | None, ...]] = [
            header_row(
                "N°", "Action", "Réf. recommandation", "Responsable", "Échéance", "Indicateurs"
            )
        ]
        for number, text, cell, keys, owner, deadline, indicators in rows:
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=indicators,
                addresses=[rec_ids[k] for k in keys],
            )
            table.append(
                (
                    text_cell(number),
                    text_cell(text),
                    text_cell(cell),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(*indicators),
                )
            )
        blocks.append(Table(tuple(table), widths=(1.3, 4.6, 2.1, 2.3, 2.1, 2.6), font_size=10.0))
    return layout(
        "criteres-numerotation-multipage",
        book,
        blocks,
        institution="École supérieure des arts de la Gileppe",
        programme="Bachelier et master en musique",
        plan_date="2024",
        notes="One table per criterion heading ('Critère 3 — …'), long enough to cross pages "
        "(header row repeated). Actions numbered '3.2.1' in an N° column (not part of the "
        "text). References 'R3.2' (criterion 3, n° 2) and the summary's 'Rec. 4'; combined "
        "cells ('R3.1 et R3.3', 'Rec. 4 et 5', 'R2.1 et Rec. 2') address each member. "
        "Several indicators one per line. No status.",
    )
