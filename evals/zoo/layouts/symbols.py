"""A status column of symbols and its legend: statuts-symboles-legende.

Columns « Réf. | Action | Porteur | Échéance | Indicateur | État », the state written as a
symbol (« ✔ » done, « ◐ » under way, « ✘ » not started), explained by a two-column legend
table after the plan (« Symbole | Signification »): the legend yields nothing. References
in the short form « C2-R1 ». The gold status is the symbol as printed.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# (criterion, number), action, owner, deadline, indicator, symbol
_IMAGING: tuple[tuple[tuple[str, str], str, str, str, str, str], ...] = (
    (
        ("1", "1"),
        "Mettre en place une commission de programme réunissant enseignants et radiologues",
        "Directeur de la section",
        "Novembre 2024",
        "Deux réunions par année académique",
        "✔",
    ),
    (
        ("1", "2"),
        "Rédiger une procédure de révision annuelle des fiches d'unités d'enseignement",
        "Coordinatrice qualité",
        "Mars 2025",
        "Procédure approuvée et appliquée",
        "◐",
    ),
    (
        ("2", "1"),
        "Conclure une convention de stage avec un centre de radiothérapie supplémentaire",
        "Coordinateur des stages",
        "Septembre 2025",
        "Convention signée",
        "◐",
    ),
    (
        ("2", "1"),
        "Inviter les services d'imagerie partenaires à une journée annuelle d'échanges",
        "Coordinateur des stages",
        "Mai 2025",
        "Nombre de services représentés",
        "✘",
    ),
    (
        ("3", "1"),
        "Intégrer des cas cliniques d'IRM dans les travaux pratiques de bloc 2",
        "Enseignants de techniques d'imagerie",
        "Février 2025",
        "Six cas cliniques intégrés",
        "✔",
    ),
    (
        ("3", "2"),
        "Réduire le nombre d'examens écrits en fin de bloc 1 au profit d'évaluations continues",
        "Conseil pédagogique",
        "2025-2026",
        "Part des évaluations continues",
        "✘",
    ),
    (
        ("4", "1"),
        "Acquérir un logiciel de simulation de la dosimétrie pour la salle informatique",
        "Direction de la haute école",
        "Décembre 2025",
        "Licences installées sur vingt postes",
        "◐",
    ),
    (
        ("4", "2"),
        "Proposer un parrainage des étudiants de bloc 1 par des étudiants de bloc 3",
        "Service d'aide à la réussite",
        "Octobre 2024",
        "Nombre de binômes constitués",
        "✔",
    ),
    (
        ("4", "3"),
        "Recruter un technologue à mi-temps pour l'encadrement des laboratoires",
        "Direction de la haute école",
        "Rentrée 2025",
        "Recrutement effectué",
        "✘",
    ),
    (
        ("5", "1"),
        "Présenter l'état d'avancement du plan aux étudiants lors de la rentrée",
        "Coordinatrice qualité",
        "Chaque année en septembre",
        "Présentation faite et diffusée",
        "◐",
    ),
)

_LEGEND = (
    ("✔", "Action réalisée"),
    ("◐", "Action en cours de réalisation"),
    ("✘", "Action non entamée ou reportée"),
)


def statuts_symboles_legende() -> Layout:
    book = GoldBook()
    keys = sorted({key for key, *_ in _IMAGING})
    rec_ids = {(c, n): book.rec(f"C{c}-R{n}", criterion=f"Critère {c}", number=n) for c, n in keys}
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Réf.", "Action", "Porteur", "Échéance", "Indicateur", "État")
    ]
    for key, text, owner, deadline, indicator, symbol in _IMAGING:
        book.act(
            text,
            owner=owner,
            deadline=deadline,
            indicators=[indicator],
            status=symbol,
            addresses=[rec_ids[key]],
        )
        rows.append(
            (
                text_cell(f"C{key[0]}-R{key[1]}"),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(indicator),
                text_cell(symbol),
            )
        )
    legend: list[tuple[Cell | None, ...]] = [header_row("Symbole", "Signification")]
    legend.extend((text_cell(symbol), text_cell(meaning)) for symbol, meaning in _LEGEND)
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action — suivi au 31 janvier 2025",
            "Haute École du Geer — Département des sciences de la santé",
            "Bachelier technologue en imagerie médicale",
            "Actions décidées à la suite de l'évaluation AEQES",
        ),
        Paragraph(
            "La colonne « État » indique où en est chaque action à la date du suivi ; "
            "la légende des symboles figure sous le tableau."
        ),
        Table(tuple(rows), widths=(1.0, 3.8, 2.1, 1.9, 2.3, 1.1)),
        Paragraph("Légende", bold=True),
        Table(tuple(legend), widths=(1.0, 3.0)),
    ]
    return layout(
        "statuts-symboles-legende",
        book,
        blocks,
        institution="Haute École du Geer",
        programme="Bachelier technologue en imagerie médicale",
        plan_date="Janvier 2025",
        notes="Status is a symbol (✔ / ◐ / ✘; gold status = the symbol as printed), "
        "explained by a legend table after the plan ('Symbole | Signification'), which yields "
        "nothing. References 'C2-R1'; two actions answer C2-R1.",
    )
