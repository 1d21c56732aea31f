"""A three-level Word outline, axis → objective → action: numerotation-axes-objectifs.

No table. One Word multilevel list (automatic numbering 1. / 1.1 / 1.1.1): axes at level 0,
objectives at level 1, actions at level 2 with the owner, deadline and sometimes an
indicator written inline after a dash (« … — Responsable : … ; échéance : … »). A bulleted
list of the plan's sources precedes it and is not actions.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, GoldBook, Layout, ListBlock, ListItem, Paragraph

# axis, objectives: objective, actions: text, owner, deadline, indicator or None
_INTERIOR: tuple[
    tuple[str, tuple[tuple[str, tuple[tuple[str, str, str, str | None], ...]], ...]], ...
] = (
    (
        "Un programme lisible et cohérent",
        (
            (
                "Rendre visibles les compétences travaillées en atelier",
                (
                    (
                        "Associer chaque atelier de projet aux compétences du référentiel",
                        "Coordinateur des ateliers",
                        "janvier 2025",
                        "tableau de correspondance publié",
                    ),
                    (
                        "Présenter le parcours de formation aux étudiants de bloc 1 dès la "
                        "première semaine",
                        "Direction de l'école",
                        "rentrée académique 2025",
                        None,
                    ),
                ),
            ),
            (
                "Équilibrer la charge de travail entre les quadrimestres",
                (
                    (
                        "Recenser les remises de projets de chaque quadrimestre",
                        "Conseil de gestion pédagogique",
                        "novembre 2024",
                        None,
                    ),
                    (
                        "Fixer un calendrier commun des jurys intermédiaires",
                        "Secrétariat des études",
                        "T2 2025",
                        "calendrier adopté par le conseil",
                    ),
                ),
            ),
        ),
    ),
    (
        "Une formation ouverte sur la profession",
        (
            (
                "Multiplier les contacts avec les bureaux et les entreprises",
                (
                    (
                        "Inviter chaque quadrimestre un architecte d'intérieur en activité",
                        "Professeurs de projet",
                        "continu",
                        "nombre de conférences",
                    ),
                    (
                        "Organiser des visites de chantier encadrées au bloc 2",
                        "Maître-assistant en technologie",
                        "avril 2025",
                        None,
                    ),
                    (
                        "Constituer un réseau d'anciens prêts à accueillir des stagiaires",
                        "Cellule des relations extérieures",
                        "2025-2026",
                        "nombre d'anciens inscrits",
                    ),
                ),
            ),
            (
                "Préparer les étudiants aux outils numériques du métier",
                (
                    (
                        "Généraliser l'apprentissage de la modélisation 3D au bloc 2",
                        "Enseignants d'infographie",
                        "septembre 2025",
                        "heures de cours de modélisation",
                    ),
                    (
                        "Renouveler les licences et le parc informatique de l'atelier",
                        "Direction et service informatique",
                        "décembre 2025",
                        None,
                    ),
                ),
            ),
        ),
    ),
    (
        "Une démarche qualité partagée",
        (
            (
                "Donner la parole aux étudiants",
                (
                    (
                        "Réaliser une enquête annuelle sur les conditions de travail en atelier",
                        "Cellule qualité",
                        "mai 2025",
                        "taux de participation",
                    ),
                    (
                        "Tenir une réunion de restitution avec les délégués",
                        "Coordinatrice qualité",
                        "juin 2025",
                        None,
                    ),
                ),
            ),
            (
                "Suivre le plan d'action",
                (
                    (
                        "Faire le point sur l'avancement du plan à chaque conseil de gestion",
                        "Conseil de gestion pédagogique",
                        "chaque trimestre",
                        "procès-verbaux",
                    ),
                    (
                        "Réviser le plan d'action au terme de la première année",
                        "Comité qualité",
                        "septembre 2025",
                        "plan révisé",
                    ),
                ),
            ),
        ),
    ),
)


def _inline(owner: str, deadline: str, indicator: str | None) -> str:
    tail = f" — Responsable : {owner} ; échéance : {deadline}"
    return tail + (f" ; indicateur : {indicator}" if indicator else "")


def numerotation_axes_objectifs() -> Layout:
    book = GoldBook()
    items: list[ListItem] = []
    for axis, objectives in _INTERIOR:
        items.append(ListItem(axis, level=0))
        for objective, actions in objectives:
            items.append(ListItem(objective, level=1))
            for text, owner, deadline, indicator in actions:
                book.act(
                    text,
                    owner=owner,
                    deadline=deadline,
                    indicators=[indicator] if indicator else [],
                    objective=objective,
                    axis=axis,
                )
                items.append(ListItem(text + _inline(owner, deadline, indicator), level=2))
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027",
            "École supérieure des arts de la Dyle",
            "Bachelier en architecture d'intérieur",
            "Suivi de l'évaluation AEQES du cluster « arts de l'espace »",
        ),
        Paragraph("Sources du plan", style="heading1"),
        Paragraph("Le présent plan s'appuie sur :"),
        ListBlock(
            (
                ListItem("le rapport d'autoévaluation de l'école (2023)"),
                ListItem("le rapport préliminaire du comité des experts"),
                ListItem("les échanges avec les étudiants et les enseignants en juin 2024"),
            ),
            kind="bullet",
        ),
        Paragraph("Axes, objectifs et actions", style="heading1"),
        ListBlock(tuple(items), kind="multilevel", list_id="plan"),
    ]
    return layout(
        "numerotation-axes-objectifs",
        book,
        blocks,
        institution="École supérieure des arts de la Dyle",
        programme="Bachelier en architecture d'intérieur",
        plan_date="2024",
        notes="One Word multilevel list (1. / 1.1 / 1.1.1): axis, objective, action; each "
        "action carries ' — Responsable : X ; échéance : Y [; indicateur : Z]' inline, which "
        "is not part of its text. The bulleted sources list is not actions. No recommendations.",
    )
