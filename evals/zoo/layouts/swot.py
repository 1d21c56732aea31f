"""The weakness answered first, budget and partners: faiblesses-swot-budget-partenaires.

The programme's self-evaluation ended with a SWOT analysis; the plan answers its
weaknesses. First column « Faiblesse identifiée (SWOT) », each weakness typed « F3 — … »
and merged down over the actions that answer it; then the action, « Responsable »,
« Échéance », « Budget » (amounts, « Sans coût », « 4 000 € (fonds FSE) ») and
« Partenaires » (outside bodies, not the owner). A last row merged across gives the total
budget: it is not an action. No indicator, no status, no recommendation references (a
weakness « F3 » is not a recommendation of the experts).
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# weakness, [(action, responsible, deadline, budget, partners)]
_HOSPITALITY: tuple[tuple[str, tuple[tuple[str, str, str, str, str], ...]], ...] = (
    (
        "F1 — Faible maîtrise des langues étrangères à la sortie",
        (
            (
                "Porter à quatre heures par semaine le cours d'anglais professionnel en bloc 2",
                "Coordinatrice des langues",
                "Septembre 2025",
                "Sans coût",
                "—",
            ),
            (
                "Organiser une semaine d'immersion en néerlandais dans un hôtel partenaire",
                "Coordinatrice des langues",
                "Avril 2026",
                "6 500 €",
                "Hôtel Zeezicht, Ostende",
            ),
        ),
    ),
    (
        "F2 — Équipements de la cuisine pédagogique vétustes",
        (
            (
                "Remplacer les fours et la chambre froide de la cuisine pédagogique",
                "Direction de la haute école",
                "Décembre 2025",
                "18 000 €",
                "Fédération Wallonie-Bruxelles",
            ),
            (
                "Établir un plan pluriannuel d'entretien du matériel de cuisine",
                "Responsable technique",
                "Juin 2025",
                "Sans coût",
                "—",
            ),
        ),
    ),
    (
        "F3 — Peu de contacts avec les employeurs du secteur",
        (
            (
                "Créer un conseil consultatif des hôteliers et restaurateurs",
                "Directeur de département",
                "Mars 2025",
                "500 €",
                "Fédération Horeca Wallonie",
            ),
            (
                "Organiser un salon annuel de l'emploi hôtelier sur le campus",
                "Chargée des relations entreprises",
                "Février 2026",
                "4 000 € (fonds FSE)",
                "Forem ; Fédération Horeca Wallonie",
            ),
            (
                "Proposer aux employeurs de co-encadrer les travaux de fin d'études",
                "Coordinateur des TFE",
                "2025-2026",
                "Sans coût",
                "Hôtels partenaires de stage",
            ),
        ),
    ),
    (
        "F4 — Taux d'abandon élevé en bloc 1",
        (
            (
                "Instaurer un entretien individuel avec chaque étudiant de bloc 1 en novembre",
                "Service d'aide à la réussite",
                "Novembre 2025",
                "Sans coût",
                "—",
            ),
            (
                "Mettre en place un tutorat entre étudiants de bloc 3 et de bloc 1",
                "Service d'aide à la réussite",
                "Octobre 2025",
                "1 500 €",
                "Association des étudiants",
            ),
        ),
    ),
    (
        "F5 — Communication interne peu structurée",
        (
            (
                "Centraliser les informations pratiques sur une page unique de l'intranet",
                "Secrétariat de département",
                "Septembre 2025",
                "Sans coût",
                "Service informatique",
            ),
            (
                "Tenir une réunion d'équipe mensuelle ouverte aux maîtres-assistants",
                "Directeur de département",
                "Dès janvier 2025",
                "Sans coût",
                "—",
            ),
        ),
    ),
)

_TOTAL = "30 500 € (hors fonds FSE : 26 500 €)"


def faiblesses_swot_budget_partenaires() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Faiblesse identifiée (SWOT)",
            "Action d'amélioration",
            "Responsable",
            "Échéance",
            "Budget",
            "Partenaires",
        )
    ]
    for weakness, actions in _HOSPITALITY:
        for index, (text, owner, deadline, budget, partners) in enumerate(actions):
            book.act(text, owner=owner, deadline=deadline)
            weakness_cell = text_cell(weakness, rowspan=len(actions)) if index == 0 else None
            rows.append(
                (
                    weakness_cell,
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(budget),
                    text_cell(partners),
                )
            )
    rows.append(
        (
            text_cell("Total du budget prévu", colspan=4, bold=True),
            None,
            None,
            None,
            text_cell(_TOTAL, bold=True),
            Cell(),
        )
    )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action issu de l'autoévaluation",
            "Haute École de la Province de Luxembourg",
            "Bachelier en gestion hôtelière",
            "Approuvé par le conseil de direction le 28 janvier 2025",
        ),
        Paragraph(
            "L'analyse SWOT du dossier d'autoévaluation a mis en évidence cinq faiblesses "
            "(F1 à F5). Le plan ci-dessous leur répond, avec le budget nécessaire et les "
            "partenaires extérieurs sollicités."
        ),
        Table(tuple(rows), widths=(2.4, 3.6, 1.9, 1.3, 1.5, 1.9)),
    ]
    return layout(
        "faiblesses-swot-budget-partenaires",
        book,
        blocks,
        institution="Haute École de la Province de Luxembourg",
        programme="Bachelier en gestion hôtelière",
        plan_date="Janvier 2025",
        landscape=True,
        notes="First column = the SWOT weakness ('F3 — …', merged down over its actions; not "
        "a recommendation, no references at all). 'Budget' is neither indicator nor status; "
        "'Partenaires' are not the owner. The last row (total budget, merged across) is not "
        "an action. No indicators, no status.",
    )
