"""Recommendations as bold paragraphs, actions with inline fields: recommandations-gras-champs-en-ligne.

No table at all. Under each criterion heading, every recommendation of the experts is a
bold paragraph « Recommandation n°X : … », followed by a bulleted list of the actions that
answer it; each action carries its fields in parentheses at the end of the same paragraph
(« … (responsable : X ; échéance : juin 2025 ; indicateur : …) »), in varying order, some
without an indicator. The gold action text stops before the parenthesis.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, GoldBook, Layout, ListBlock, ListItem, Paragraph

# criterion heading, [(number, recommendation, [(action, owner, deadline, indicator|'')])]
_POLITICS: tuple[
    tuple[str, tuple[tuple[str, str, tuple[tuple[str, str, str, str], ...]], ...]], ...
] = (
    (
        "Critère 1 — Politique de qualité et pilotage du programme",
        (
            (
                "1",
                "Le comité recommande d'associer les étudiants de master aux décisions du "
                "conseil des études.",
                (
                    (
                        "Réserver deux sièges aux délégués de master au conseil des études",
                        "président du conseil des études",
                        "octobre 2025",
                        "deux délégués élus et présents aux réunions",
                    ),
                    (
                        "Transmettre l'ordre du jour du conseil aux délégués une semaine à l'avance",
                        "secrétariat facultaire",
                        "dès la rentrée 2025",
                        "",
                    ),
                ),
            ),
        ),
    ),
    (
        "Critère 2 — Pertinence du programme",
        (
            (
                "2",
                "Les experts invitent la faculté à mieux préparer les diplômés aux métiers de "
                "l'analyse politique hors du monde académique.",
                (
                    (
                        "Ouvrir un stage optionnel de dix semaines dans une administration ou une ONG",
                        "coordinatrice des stages",
                        "septembre 2026",
                        "nombre de conventions de stage signées",
                    ),
                    (
                        "Inviter chaque quadrimestre un ancien diplômé à présenter son parcours",
                        "cellule d'insertion professionnelle",
                        "décembre 2025",
                        "quatre rencontres organisées par an",
                    ),
                ),
            ),
            (
                "3",
                "Le comité suggère de rendre visibles les débouchés du master sur le site de "
                "la faculté.",
                (
                    (
                        "Rédiger une page consacrée aux débouchés avec des témoignages d'anciens",
                        "service de communication",
                        "mars 2025",
                        "page publiée et consultée",
                    ),
                ),
            ),
        ),
    ),
    (
        "Critère 3 — Cohérence interne du programme",
        (
            (
                "4",
                "Le comité recommande de clarifier la progression des méthodes quantitatives "
                "entre le bachelier et le master.",
                (
                    (
                        "Cartographier les méthodes enseignées dans chaque cours de méthodologie",
                        "commission de programme",
                        "juin 2025",
                        "cartographie présentée au conseil des études",
                    ),
                    (
                        "Créer un cours de remise à niveau en statistique pour les étudiants passerelle",
                        "titulaire du cours de statistique",
                        "rentrée académique 2025-2026",
                        "taux de réussite des étudiants passerelle",
                    ),
                    (
                        "Harmoniser les consignes des mémoires qui mobilisent des données d'enquête",
                        "commission des mémoires",
                        "janvier 2026",
                        "",
                    ),
                ),
            ),
            (
                "5",
                "Il conviendrait de mieux répartir la charge de travail entre les deux "
                "quadrimestres du master 1.",
                (
                    (
                        "Déplacer le séminaire de politique comparée au second quadrimestre",
                        "vice-doyenne à l'enseignement",
                        "2025-2026",
                        "écart d'heures entre les quadrimestres",
                    ),
                ),
            ),
        ),
    ),
    (
        "Critère 4 — Efficacité et équité du programme",
        (
            (
                "6",
                "Le comité encourage la faculté à développer l'accompagnement des étudiants "
                "qui travaillent.",
                (
                    (
                        "Enregistrer les cours magistraux du master et les mettre en ligne",
                        "service d'appui technopédagogique",
                        "février 2026",
                        "part des cours disponibles en ligne",
                    ),
                    (
                        "Proposer un horaire décalé pour les séminaires de master 2",
                        "vice-doyenne à l'enseignement",
                        "septembre 2025",
                        "",
                    ),
                ),
            ),
        ),
    ),
)

#: The order in which each action's inline fields are written, varied from one to the next.
_ORDERS = (
    ("responsable", "échéance", "indicateur"),
    ("échéance", "responsable", "indicateur"),
    ("responsable", "indicateur", "échéance"),
)


def _inline(owner: str, deadline: str, indicator: str, order: tuple[str, ...]) -> str:
    values = {"responsable": owner, "échéance": deadline, "indicateur": indicator}
    return " ; ".join(f"{name} : {values[name]}" for name in order if values[name])


def recommandations_gras_champs_en_ligne() -> Layout:
    book = GoldBook()
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'amélioration du master en sciences politiques",
            "Université de l'Ourthe — Faculté de droit et de science politique",
            "Master en sciences politiques",
            "Réponse de la faculté au rapport final du comité d'experts (mai 2024)",
        ),
        Paragraph(
            "Pour chaque recommandation du comité, la faculté indique les actions qu'elle "
            "engage, avec entre parenthèses le responsable, l'échéance et, lorsqu'il existe, "
            "l'indicateur de suivi."
        ),
    ]
    count = 0
    for heading, recommendations in _POLITICS:
        criterion = heading.split(" — ")[0]
        blocks.append(Paragraph(heading, style="heading2"))
        for number, wording, actions in recommendations:
            ref = f"Recommandation n°{number}"
            rec_id = book.rec(ref, text=wording, criterion=criterion, number=number)
            blocks.append(Paragraph(f"{ref} : {wording}", bold=True))
            items = []
            for text, owner, deadline, indicator in actions:
                book.act(
                    text,
                    owner=owner,
                    deadline=deadline,
                    indicators=[indicator] if indicator else [],
                    addresses=[rec_id],
                )
                fields = _inline(owner, deadline, indicator, _ORDERS[count % len(_ORDERS)])
                items.append(ListItem(f"{text} ({fields})"))
                count += 1
            blocks.append(ListBlock(tuple(items), kind="bullet"))
    blocks.append(
        Paragraph(
            "Le plan sera revu chaque année par le conseil des études et son état "
            "d'avancement communiqué aux étudiants."
        )
    )
    return layout(
        "recommandations-gras-champs-en-ligne",
        book,
        blocks,
        institution="Université de l'Ourthe",
        programme="Master en sciences politiques",
        plan_date="2024",
        notes="No table. Criterion headings; each recommendation a bold paragraph "
        "'Recommandation n°X : …' (ref 'Recommandation n°X', its text the wording after the "
        "colon), then Word bullets, one action each, its fields inline in parentheses in "
        "varying order ('(responsable : X ; échéance : Y ; indicateur : Z)', some without "
        "indicator); text = the wording before the parenthesis. No status.",
    )
