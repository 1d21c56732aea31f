"""Recommendations as full-width rows: recommandations-lignes-pleine-largeur.

One table; each recommendation of the experts is an unshaded row merged across every
column (« Recommandation 2 : … »), followed by the actions answering it, numbered « 2.1 »,
« 2.2 » in a typed N° column; a priority column, no status.
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation number, wording, then its actions: text, owner lines, deadline,
# indicators, priority
_MANAGEMENT: tuple[
    tuple[str, str, tuple[tuple[str, tuple[str, ...], str, tuple[str, ...], str], ...]], ...
] = (
    (
        "1",
        "Clarifier les acquis d'apprentissage visés par chaque finalité du master",
        (
            (
                "Rédiger un profil d'enseignement par finalité",
                ("Commission de programme",),
                "Décembre 2024",
                ("Profils publiés dans le guide de l'étudiant",),
                "Haute",
            ),
            (
                "Mettre en correspondance les unités d'enseignement et les acquis visés",
                ("Coordinateur de finalité", "Conseiller pédagogique"),
                "Mars 2025",
                ("Matrice de correspondance complète",),
                "Haute",
            ),
        ),
    ),
    (
        "2",
        "Renforcer la place de la méthodologie de recherche avant le mémoire",
        (
            (
                "Créer un séminaire de méthodologie en première année de master",
                ("Président du jury de mémoire",),
                "Rentrée académique 2025",
                ("Séminaire organisé", "Taux de présence"),
                "Haute",
            ),
            (
                "Proposer un calendrier commun des étapes du mémoire",
                ("Secrétariat des études",),
                "Septembre 2025",
                ("Calendrier diffusé",),
                "Moyenne",
            ),
            (
                "Former les promoteurs à l'encadrement méthodologique",
                ("Service de pédagogie universitaire",),
                "2025-2026",
                ("Nombre de promoteurs formés",),
                "Moyenne",
            ),
        ),
    ),
    (
        "3",
        "Développer les liens avec les organisations qui accueillent les stagiaires",
        (
            (
                "Organiser chaque année une rencontre des maîtres de stage",
                ("Responsable des stages",),
                "Avril 2025",
                ("Nombre d'organisations représentées",),
                "Moyenne",
            ),
            (
                "Mettre en ligne une plateforme d'offres de stage",
                ("Service informatique", "Responsable des stages"),
                "T3 2025",
                ("Plateforme accessible", "Offres publiées par an"),
                "Basse",
            ),
        ),
    ),
    (
        "4",
        "Associer davantage les étudiants à l'évaluation des enseignements",
        (
            (
                "Présenter les résultats des évaluations aux délégués chaque quadrimestre",
                ("Vice-doyen à l'enseignement",),
                "Chaque quadrimestre",
                ("Procès-verbaux des réunions",),
                "Haute",
            ),
            (
                "Inviter deux étudiants au comité de programme",
                ("Doyen",),
                "Novembre 2024",
                ("Étudiants désignés",),
                "Haute",
            ),
            (
                "Diffuser une synthèse des suites données aux évaluations",
                ("Cellule qualité",),
                "Juin 2025",
                ("Synthèse publiée sur l'intranet",),
                "Moyenne",
            ),
        ),
    ),
    (
        "5",
        "Améliorer l'accueil des étudiants internationaux",
        (
            (
                "Traduire en anglais les documents d'accueil du master",
                ("Service des relations internationales",),
                "Août 2025",
                ("Documents traduits",),
                "Moyenne",
            ),
            (
                "Désigner un parrain étudiant pour chaque nouvel arrivant",
                ("Association des étudiants",),
                "Continu",
                ("Nombre de parrainages",),
                "Basse",
            ),
            (
                "Évaluer la satisfaction des étudiants internationaux",
                ("Cellule qualité",),
                "Juin 2026",
                ("Taux de satisfaction",),
                "Basse",
            ),
        ),
    ),
)


def recommandations_lignes_pleine_largeur() -> Layout:
    book = GoldBook()
    width = 6
    rows: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Actions", "Responsable(s)", "Échéance", "Indicateur(s)", "Priorité")
    ]
    for number, wording, actions in _MANAGEMENT:
        ref = f"Recommandation {number}"
        rec_id = book.rec(ref, number=number, text=wording)
        band = text_cell(f"{ref} : {wording}", colspan=width, bold=True)
        rows.append((band, *([None] * (width - 1))))
        for k, (text, owners, deadline, indicators, priority) in enumerate(actions, start=1):
            book.act(
                text,
                owner=joined(owners),
                deadline=deadline,
                indicators=indicators,
                addresses=[rec_id],
            )
            rows.append(
                (
                    text_cell(f"{number}.{k}"),
                    text_cell(text),
                    text_cell(*owners),
                    text_cell(deadline),
                    text_cell(*indicators),
                    text_cell(priority),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action consécutif à l'évaluation du programme",
            "Université de Mons-Borinage — Faculté d'économie et de gestion",
            "Master en sciences de gestion",
            "Adopté par le conseil facultaire le 21 octobre 2024",
        ),
        Paragraph(
            "Le tableau reprend, dans l'ordre du rapport des experts, chacune de leurs "
            "recommandations suivie des actions que la faculté s'engage à mener."
        ),
        Table(tuple(rows), widths=(0.8, 3.4, 2.0, 1.6, 2.2, 1.3)),
    ]
    return layout(
        "recommandations-lignes-pleine-largeur",
        book,
        blocks,
        institution="Université de Mons-Borinage — Faculté d'économie et de gestion",
        programme="Master en sciences de gestion",
        plan_date="21 octobre 2024",
        notes="Each recommendation is an unshaded full-width row (gridSpan) 'Recommandation N : "
        "wording' heading the actions that answer it; actions numbered N.k in a typed column; "
        "a priority column, no status.",
    )
