"""One owner merged down over consecutive actions, and partners: responsable-fusionne-partenaires.

Columns « Rec. | Action | Responsable | Partenaires | Échéance | Indicateur ». The owner
cell is merged down over the consecutive actions that owner carries (two to four rows, at
times across two recommendations); « Partenaires » names the outside bodies involved (not
the owner; some cells empty). References « R3 », one per row.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# owner, [(recommendation number, action, partners, deadline, indicator)]
_CONSTRUCTION: tuple[tuple[str, tuple[tuple[str, str, str, str, str], ...]], ...] = (
    (
        "Directrice du département technique",
        (
            (
                "1",
                "Créer un conseil de perfectionnement avec des entreprises de construction",
                "Confédération Construction Wallonne",
                "Janvier 2025",
                "Conseil constitué et réuni deux fois par an",
            ),
            (
                "1",
                "Faire valider le profil d'enseignement par le conseil de perfectionnement",
                "Confédération Construction Wallonne",
                "Juin 2025",
                "Profil d'enseignement validé",
            ),
            (
                "2",
                "Signer des conventions d'accueil de stagiaires avec trois bureaux d'études",
                "Bureaux d'études partenaires",
                "Septembre 2025",
                "Trois conventions signées",
            ),
        ),
    ),
    (
        "Coordinateur des travaux pratiques",
        (
            (
                "3",
                "Organiser une visite de chantier par quadrimestre dans chaque bloc",
                "Entreprises générales de la région",
                "2024-2025",
                "Six visites réalisées par an",
            ),
            (
                "3",
                "Aménager un atelier de maçonnerie et de coffrage pour les essais de matériaux",
                "",
                "Mars 2026",
                "Atelier utilisé en travaux pratiques",
            ),
        ),
    ),
    (
        "Responsable de l'option BIM",
        (
            (
                "4",
                "Introduire la modélisation BIM dans le projet intégré de bloc 2",
                "Éditeur du logiciel de modélisation",
                "Septembre 2025",
                "Projet de bloc 2 remis en format BIM",
            ),
            (
                "4",
                "Former quatre enseignants à la coordination BIM",
                "Centre de compétence Construction",
                "Décembre 2025",
                "Quatre attestations de formation",
            ),
            (
                "5",
                "Proposer un module de sensibilisation à la performance énergétique des bâtiments",
                "Cluster Éco-construction",
                "Février 2026",
                "Module ouvert en bloc 3",
            ),
            (
                "5",
                "Équiper la salle informatique d'une caméra thermique et d'un logiciel PEB",
                "",
                "Avril 2026",
                "Matériel disponible au prêt",
            ),
        ),
    ),
    (
        "Service d'aide à la réussite",
        (
            (
                "6",
                "Proposer des séances de remédiation en mathématiques appliquées en bloc 1",
                "",
                "Octobre 2024",
                "Nombre d'étudiants présents aux séances",
            ),
            (
                "6",
                "Suivre les abandons en cours d'année et en analyser les motifs",
                "Délégués étudiants",
                "Juin 2025",
                "Rapport annuel sur les abandons",
            ),
        ),
    ),
)


def responsable_fusionne_partenaires() -> Layout:
    book = GoldBook()
    numbers = sorted({n for _, actions in _CONSTRUCTION for n, *_ in actions}, key=int)
    rec_ids = {n: book.rec(f"R{n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Rec.", "Action", "Responsable", "Partenaires", "Échéance", "Indicateur")
    ]
    for owner, actions in _CONSTRUCTION:
        for index, (number, text, partners, deadline, indicator) in enumerate(actions):
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                addresses=[rec_ids[number]],
            )
            rows.append(
                (
                    text_cell(f"R{number}"),
                    text_cell(text),
                    text_cell(owner, rowspan=len(actions)) if index == 0 else None,
                    text_cell(partners) if partners else Cell(),
                    text_cell(deadline),
                    text_cell(indicator),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2026",
            "Haute École de la Thyle — Département technique",
            "Bachelier en construction",
            "Actions répondant aux recommandations R1 à R6 du comité des experts",
        ),
        Paragraph(
            "Les actions sont regroupées par responsable ; la colonne « Partenaires » cite les "
            "organismes extérieurs associés à leur réalisation."
        ),
        Table(tuple(rows), widths=(1.1, 3.8, 2.4, 2.4, 1.9, 2.4)),
    ]
    return layout(
        "responsable-fusionne-partenaires",
        book,
        blocks,
        institution="Haute École de la Thyle",
        programme="Bachelier en construction",
        plan_date="2024",
        notes="Owner cell merged down over the 2-4 consecutive actions of that owner, at "
        "times across two recommendations; 'Partenaires' are outside bodies, not the owner "
        "(some cells empty). References 'R3', one per row. No status.",
    )
