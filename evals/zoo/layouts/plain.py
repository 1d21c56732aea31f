"""Plain single-table plans that still trip a parser tuned on other documents.

* sans-statut-ni-priorite — question headers ("Qui ?", "Quand ?"), no status nor priority.
* porteurs-et-instances — the owner column names the bodies ("Instance(s) porteuse(s)").
* contacts-et-budget — a contact list before the plan and a budget after it (not plans).
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

# what, who, when, how to measure
_PRIMARY = (
    (
        "Proposer aux étudiants de Bloc 1 un atelier de prise de parole en classe",
        "Maîtres-assistants de français",
        "Octobre 2024",
        "Nombre d'ateliers donnés",
    ),
    (
        "Observer des classes multiâges lors des stages de Bloc 2",
        "Maîtres de formation pratique",
        "2024-2025",
        "Rapports d'observation déposés",
    ),
    (
        "Mettre en commun une banque de préparations de leçons commentées",
        "Équipe des didacticiens",
        "Juin 2025",
        "Nombre de préparations partagées",
    ),
    (
        "Former les étudiants à la différenciation pédagogique en mathématiques",
        "Didacticien des mathématiques",
        "Q2 2025",
        "Séquences différenciées produites",
    ),
    (
        "Organiser une rencontre avec les directions des écoles de stage",
        "Direction de département",
        "Janvier 2025",
        "Nombre d'écoles représentées",
    ),
    (
        "Revoir le calendrier des stages pour éviter la période des évaluations externes",
        "Coordinatrice des stages",
        "Rentrée académique 2025",
        "Calendrier modifié",
    ),
    (
        "Introduire une initiation au numérique éducatif en Bloc 2",
        "Référent numérique",
        "Septembre 2025",
        "Heures d'initiation suivies",
    ),
    (
        "Accompagner les étudiants en difficulté de maîtrise de la langue",
        "Centre de remédiation",
        "Continu",
        "Progression aux tests de langue",
    ),
    (
        "Évaluer la satisfaction des maîtres de stage",
        "Cellule qualité",
        "Mai 2025",
        "Taux de satisfaction",
    ),
    (
        "Créer une ludothèque pédagogique en libre accès",
        "Bibliothécaire",
        "Décembre 2025",
        "Nombre de jeux empruntés",
    ),
)


def sans_statut_ni_priorite() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Que faire ?", "Qui ?", "Quand ?", "Comment mesurer ?")
    ]
    for n, (what, who, when, how) in enumerate(_PRIMARY, start=1):
        book.act(what, owner=who, deadline=when, indicators=[how])
        rows.append(
            (text_cell(str(n)), text_cell(what), text_cell(who), text_cell(when), text_cell(how))
        )
    blocks: list[Block] = [
        *title_blocks(
            "Nos engagements pour 2024-2026",
            "Haute École Pédagogique de Huy",
            "Bachelier instituteur primaire",
            "Plan d'action de la section",
        ),
        Paragraph("Ce tableau présente ce que l'équipe s'engage à réaliser."),
        Table(tuple(rows), widths=(0.4, 4.0, 2.0, 1.4, 2.2)),
    ]
    return layout(
        "sans-statut-ni-priorite",
        book,
        blocks,
        institution="Haute École Pédagogique de Huy",
        programme="Bachelier instituteur primaire",
        plan_date="2024",
        notes="Question headers; no status, no priority, no recommendation column.",
    )


# ref, action, bodies, deadline, indicators, status
_TOURISM = (
    (
        "Critère 1, Recommandation 2",
        "Constituer un groupe de pilotage du programme avec des représentants du secteur",
        ("Conseil de catégorie",),
        "Novembre 2024",
        ("Composition arrêtée",),
        "Réalisé",
    ),
    (
        "Critère 1, Recommandation 2",
        "Réviser annuellement le profil d'enseignement avec ce groupe",
        ("Conseil de catégorie", "Commission qualité"),
        "Chaque année en juin",
        ("Profil révisé",),
        "En cours",
    ),
    (
        "Critère 2, Recommandation 1",
        "Développer les stages à l'étranger dans les offices de tourisme partenaires",
        ("Bureau des relations internationales",),
        "2025-2026",
        ("Nombre de stages à l'étranger",),
        "En cours",
    ),
    (
        "Critère 2, Recommandation 3",
        "Faire connaître le bachelier lors des salons du tourisme",
        ("Service communication", "Étudiants ambassadeurs"),
        "Février 2025",
        ("Nombre de salons", "Demandes d'information reçues"),
        "Réalisé",
    ),
    (
        "Critère 3, Recommandation 1",
        "Renforcer l'enseignement du néerlandais et de l'allemand appliqués au tourisme",
        ("Section des langues",),
        "Rentrée académique 2025",
        ("Heures de langues au programme", "Niveau atteint en fin de Bloc 3"),
        "Non entamé",
    ),
    (
        "Critère 3, Recommandation 5",
        "Intégrer un projet de conception de circuit touristique durable",
        ("Conseil pédagogique",),
        "Q2 2025",
        ("Projet évalué",),
        "En cours",
    ),
    (
        "Critère 4, Recommandation 1",
        "Équiper une salle avec un logiciel de réservation professionnel",
        ("Direction", "Service informatique"),
        "Septembre 2025",
        ("Logiciel installé",),
        "Reporté",
    ),
    (
        "Critère 4, Recommandation 4",
        "Offrir un parrainage des étudiants de Bloc 1 par des étudiants de Bloc 3",
        ("Cellule d'aide à la réussite",),
        "Octobre 2024",
        ("Nombre de binômes",),
        "Réalisé",
    ),
    (
        "Critère 5, Recommandation 1",
        "Publier un bilan annuel du plan d'action à destination des étudiants",
        ("Commission qualité",),
        "Juin 2025",
        ("Bilan publié",),
        "Non entamé",
    ),
)


def porteurs_et_instances() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Référence", "Action", "Instance(s) porteuse(s)", "Terme", "Indicateurs", "Statut"
        )
    ]
    for ref, text, bodies, deadline, indicators, status in _TOURISM:
        if ref not in ids:
            criterion, number = ref.split(", ")
            ids[ref] = book.rec(ref, criterion=criterion, number=number.split()[-1])
        book.act(
            text,
            owner="; ".join(bodies),
            deadline=deadline,
            indicators=indicators,
            status=status,
            addresses=[ids[ref]],
        )
        rows.append(
            (
                text_cell(ref),
                text_cell(text),
                text_cell(*bodies),
                text_cell(deadline),
                text_cell(*indicators),
                text_cell(status),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action",
            "Haute École de la Côte-Nord",
            "Bachelier en tourisme",
            "Validé par la commission qualité le 4 octobre 2024",
        ),
        Table(tuple(rows), widths=(2.2, 3.6, 2.2, 1.6, 2.4, 1.3)),
    ]
    return layout(
        "porteurs-et-instances",
        book,
        blocks,
        institution="Haute École de la Côte-Nord",
        landscape=True,
        programme="Bachelier en tourisme",
        plan_date="4 octobre 2024",
        notes="The owner column is titled by bodies ('Instance(s) porteuse(s)'); "
        "the deadline column is titled 'Terme'.",
    )


_CONTACTS = (
    (
        "Mme Claire Dufour",
        "Directrice de département",
        "c.dufour@hautecole-ardenne.be",
        "081 22 45 10",
    ),
    ("M. Jonas Lambert", "Coordinateur qualité", "j.lambert@hautecole-ardenne.be", "081 22 45 31"),
    ("Mme Aïcha Benali", "Responsable des stages", "a.benali@hautecole-ardenne.be", "081 22 45 44"),
)
_BUDGET = (
    ("Banc d'essai pour moteurs électriques", "18 500", "Fonds d'équipement"),
    ("Licences de logiciel d'automatisme", "4 200", "Budget de fonctionnement"),
    ("Formation des enseignants", "2 800", "Fonds de formation continue"),
    ("Total", "25 500", ""),
)
_ELECTRO = (
    (
        "Acquérir un banc d'essai pour moteurs électriques",
        "Directrice de département",
        "Décembre 2025",
        "Banc installé et utilisé en TP",
        "En cours",
    ),
    (
        "Mettre à jour les TP d'automatisme sur les automates récents",
        "Enseignants d'automatisme",
        "Septembre 2025",
        "Nombre de TP révisés",
        "En cours",
    ),
    (
        "Former deux enseignants à la maintenance prédictive",
        "Coordinateur qualité",
        "Q2 2025",
        "Attestations de formation",
        "Non entamé",
    ),
    (
        "Organiser un salon des entreprises industrielles sur le campus",
        "Responsable des stages",
        "Mars 2026",
        "Nombre d'entreprises présentes",
        "Non entamé",
    ),
    (
        "Proposer un stage d'observation en Bloc 1",
        "Responsable des stages",
        "2025-2026",
        "Taux d'étudiants ayant effectué le stage",
        "Non entamé",
    ),
    (
        "Renforcer la sécurité électrique dans les laboratoires",
        "Conseiller en prévention",
        "Immédiat",
        "Rapport d'inspection sans remarque",
        "Réalisé",
    ),
    (
        "Évaluer le projet intégré de Bloc 3 avec un jury mixte",
        "Coordinateur qualité",
        "Juin 2025",
        "Présence d'un membre externe à chaque jury",
        "En cours",
    ),
    (
        "Créer une page de suivi des diplômés",
        "Coordinateur qualité",
        "2026",
        "Page en ligne",
        "Non entamé",
    ),
)


def contacts_et_budget() -> Layout:
    book = GoldBook()
    plan: list[tuple[Cell | None, ...]] = [
        header_row("Action", "Responsable", "Échéance", "Indicateur", "Statut")
    ]
    for text, owner, deadline, indicator, status in _ELECTRO:
        book.act(text, owner=owner, deadline=deadline, indicators=[indicator], status=status)
        plan.append(
            (
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
            "Haute École de l'Ardenne",
            "Bachelier en électromécanique",
            "Année académique 2024-2025",
        ),
        Paragraph("Comité de pilotage", style="heading1"),
        Table(
            (
                header_row("Nom", "Fonction", "Courriel", "Téléphone"),
                *(tuple(text_cell(v) for v in row) for row in _CONTACTS),
            ),
            widths=(1.6, 1.8, 2.6, 1.2),
            sheet="Contacts",
        ),
        Paragraph("Actions", style="heading1"),
        Table(tuple(plan), widths=(3.6, 2.0, 1.9, 2.4, 1.5), sheet="Plan"),
        Paragraph("Budget prévisionnel", style="heading1"),
        Table(
            (
                header_row("Poste", "Montant (€)", "Financement"),
                *(tuple(text_cell(v) for v in row) for row in _BUDGET),
            ),
            widths=(3.0, 1.0, 2.0),
            sheet="Budget",
        ),
    ]
    return layout(
        "contacts-et-budget",
        book,
        blocks,
        institution="Haute École de l'Ardenne",
        programme="Bachelier en électromécanique",
        plan_date="2024-2025",
        notes="A contact list and a budget table surround the plan: neither is a plan.",
    )
