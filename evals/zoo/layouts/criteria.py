"""Layouts that cite recommendations by their wording, per criterion or merged.

* tableaux-par-critere — one table per AEQES criterion under its heading, preceded by the
  recommendations it answers ("R3.1 — …"); the "Réf." column cites them in that short form.
* recommandation-texte-fusionnee — the recommendation's full wording in a first column,
  vertically merged over the rows of the actions answering it.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# criterion heading, [(rec number, rec text)], [(refs, action, owner, deadline, indicator, status)]
_LAW = (
    (
        "Critère 1 — Politique de qualité",
        "1",
        (("1", "Clarifier le rôle de la commission de programme dans le pilotage du master."),),
        (
            (
                ("1",),
                "Rédiger un règlement d'ordre intérieur de la commission de programme",
                "Présidence de la commission",
                "Octobre 2024",
                "ROI approuvé par le conseil de faculté",
                "Réalisé",
            ),
            (
                ("1",),
                "Ouvrir la commission à deux représentants des avocats stagiaires",
                "Doyen",
                "Janvier 2025",
                "Nombre de représentants externes siégeant",
                "En cours",
            ),
        ),
    ),
    (
        "Critère 2 — Pertinence du programme",
        "2",
        (
            (
                "1",
                "Renforcer la place des juristes praticiens dans les enseignements de droit social.",
            ),
            ("2", "Mieux informer les futurs étudiants des débouchés hors barreau."),
        ),
        (
            (
                ("1",),
                "Confier six séminaires de droit social à des praticiens du contentieux",
                "Titulaires des cours de droit social",
                "2025-2026",
                "Nombre de séminaires animés par des praticiens",
                "Non entamé",
            ),
            (
                ("2",),
                "Réaliser une brochure sur les métiers du droit en entreprise et dans l'administration",
                "Service information études",
                "Mai 2025",
                "Brochure diffusée aux salons",
                "En cours",
            ),
            (
                ("2",),
                "Inviter d'anciens diplômés aux journées portes ouvertes",
                "Association des alumni",
                "Printemps 2025",
                "Nombre d'alumni présents",
                "Réalisé",
            ),
        ),
    ),
    (
        "Critère 3 — Cohérence interne",
        "3",
        (
            ("1", "Harmoniser les exigences méthodologiques du mémoire entre promoteurs."),
            ("2", "Équilibrer la charge de travail du premier quadrimestre de master 1."),
            ("3", "Développer l'apprentissage de la plaidoirie et de la négociation."),
        ),
        (
            (
                ("1",),
                "Adopter un vade-mecum du mémoire commun à tous les promoteurs",
                "Coordinateur des mémoires",
                "Septembre 2025",
                "Vade-mecum publié",
                "En cours",
            ),
            (
                ("1",),
                "Organiser une formation des promoteurs à la grille d'évaluation du mémoire",
                "Coordinateur des mémoires",
                "Novembre 2025",
                "Taux de promoteurs formés",
                "Non entamé",
            ),
            (
                ("2",),
                "Déplacer un cours à option du premier vers le second quadrimestre",
                "Commission de programme",
                "2025-2026",
                "Heures de cours hebdomadaires au Q1",
                "Reporté",
            ),
            (
                ("3",),
                "Créer un concours interne de plaidoirie ouvert aux étudiants de master",
                "Centre de droit judiciaire",
                "Avril 2026",
                "Nombre d'équipes inscrites",
                "Non entamé",
            ),
            (
                ("3", "1"),
                "Intégrer un atelier de négociation dans le séminaire de méthodologie",
                "Titulaire du séminaire",
                "Q2 2026",
                "Atelier inscrit au programme",
                "Non entamé",
            ),
        ),
    ),
    (
        "Critère 4 — Efficacité et équité",
        "4",
        (("1", "Améliorer l'accueil des étudiants en passerelle issus des bacheliers en droit."),),
        (
            (
                ("1",),
                "Mettre en place un module de remise à niveau en droit des obligations pour les étudiants en passerelle",
                "Doyen",
                "Rentrée académique 2025",
                "Nombre d'inscrits au module",
                "En cours",
            ),
            (
                ("1",),
                "Désigner un référent pour les étudiants en passerelle",
                "Conseil de faculté",
                "Octobre 2024",
                "Référent désigné",
                "Réalisé",
            ),
        ),
    ),
)


def tableaux_par_critere() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan de suivi de l'évaluation",
        "Université de la Haute-Meuse — Faculté de droit",
        "Master en droit",
        "Version approuvée par le conseil de faculté du 12 septembre 2024",
    )
    for heading, criterion, recs, actions in _LAW:
        blocks.append(Paragraph(heading, style="heading1"))
        ids: dict[str, str] = {}
        for number, text in recs:
            ref = f"R{criterion}.{number}"
            ids[number] = book.rec(ref, text=text, criterion=f"Critère {criterion}", number=number)
            blocks.append(Paragraph(text, label=f"{ref} —"))
        rows: list[tuple[Cell | None, ...]] = [
            header_row("Réf.", "Actions", "Responsable", "Échéance", "Indicateur", "Statut")
        ]
        for refs, text, owner, deadline, indicator, status in actions:
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                status=status,
                addresses=[ids[n] for n in refs],
            )
            ref_cell = text_cell(", ".join(f"R{criterion}.{n}" for n in refs))
            rows.append(
                (
                    ref_cell,
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(indicator),
                    text_cell(status),
                )
            )
        blocks.append(Table(tuple(rows), widths=(1.0, 4.0, 2.0, 1.8, 2.4, 1.4)))
    return layout(
        "tableaux-par-critere",
        book,
        blocks,
        institution="Université de la Haute-Meuse",
        programme="Master en droit",
        landscape=True,
        plan_date="12 septembre 2024",
        notes="One table per criterion, each preceded by the recommendations it "
        "answers ('R3.1 — text'); the Réf. column cites them, sometimes two.",
    )


# recommendation ref, recommendation text, [(action, owner, deadline, indicators, status)]
_ARCHI = (
    (
        "Recommandation 1",
        "Le comité recommande de formaliser une politique d'atelier commune aux trois années de bachelier.",
        (
            (
                "Rédiger une note d'orientation pédagogique des ateliers de projet",
                "Collège des titulaires d'atelier",
                "Janvier 2025",
                ("Note adoptée",),
                "Réalisé",
            ),
            (
                "Instaurer un jury de fin d'atelier commun aux trois blocs",
                "Coordination des ateliers",
                "Juin 2025",
                ("Nombre de jurys communs organisés",),
                "En cours",
            ),
            (
                "Publier un calendrier unique des remises de projet",
                "Secrétariat académique",
                "Septembre 2024",
                ("Calendrier disponible en début d'année",),
                "Réalisé",
            ),
        ),
    ),
    (
        "Recommandation 2",
        "Le comité invite l'établissement à ouvrir davantage l'école sur les pratiques professionnelles et les chantiers.",
        (
            (
                "Organiser quatre visites de chantier par an encadrées par des architectes associés",
                "Professeurs de construction",
                "2024-2025",
                ("Nombre de visites", "Taux de participation"),
                "En cours",
            ),
            (
                "Créer un cycle de conférences d'architectes praticiens",
                "Cellule événements",
                "Octobre 2025",
                ("Programme du cycle", "Fréquentation moyenne"),
                "Non entamé",
            ),
        ),
    ),
    (
        "Recommandation 3",
        "Les experts recommandent de mieux articuler les cours théoriques d'histoire et de théorie avec le travail d'atelier.",
        (
            (
                "Associer un enseignant d'histoire de l'architecture à chaque jury d'atelier de Bloc 2",
                "Coordination des ateliers",
                "Q1 2026",
                ("Jurys avec enseignant d'histoire",),
                "Non entamé",
            ),
            (
                "Proposer un exercice d'analyse de références lié au sujet d'atelier",
                "Titulaires des cours théoriques",
                "Février 2026",
                ("Exercice inscrit dans les fiches UE",),
                "Non entamé",
            ),
        ),
    ),
    (
        "Recommandation 4",
        "Il est recommandé d'améliorer les conditions matérielles des ateliers et de la maquetterie.",
        (
            (
                "Étendre les heures d'ouverture de la maquetterie jusqu'à 21 heures",
                "Direction",
                "Mars 2025",
                ("Heures d'ouverture hebdomadaires",),
                "Réalisé",
            ),
            (
                "Remplacer la découpeuse laser",
                "Service technique",
                "Décembre 2025",
                ("Machine installée",),
                "Reporté",
            ),
            (
                "Aménager une salle de rendu accessible le week-end",
                "Direction",
                "2026",
                ("Salle ouverte",),
                "Plus d'actualité",
            ),
        ),
    ),
)


def recommandation_texte_fusionnee() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Recommandation des experts",
            "Action envisagée",
            "Pilote",
            "Délai",
            "Indicateurs",
            "État",
        )
    ]
    for ref, rec_text, actions in _ARCHI:
        rec_id = book.rec(ref, text=rec_text, number=ref.split()[-1])
        for index, (text, owner, deadline, indicators, status) in enumerate(actions):
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=indicators,
                status=status,
                addresses=[rec_id],
            )
            first: Cell | None = None
            if index == 0:
                first = Cell((Paragraph(ref, bold=True), Paragraph(rec_text)), rowspan=len(actions))
            rows.append(
                (
                    first,
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(*indicators),
                    text_cell(status),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'actions",
            "École supérieure d'architecture du Hainaut",
            "Bachelier en architecture",
            "Réponse au rapport d'évaluation de l'AEQES",
        ),
        Paragraph(
            "Le tableau reprend chaque recommandation du comité et les actions qui y répondent."
        ),
        Table(tuple(rows), widths=(3.2, 3.6, 1.8, 1.4, 2.2, 1.4)),
    ]
    return layout(
        "recommandation-texte-fusionnee",
        book,
        blocks,
        institution="École supérieure d'architecture du Hainaut",
        programme="Bachelier en architecture",
        plan_date="2024",
        landscape=True,
        notes="The first column holds the recommendation's reference and full "
        "wording, vertically merged over its actions.",
    )
