"""A landscape plan under a grouped two-row header: paysage-entete-groupee.

Landscape; the first header row groups « Mise en œuvre » over « Qui » / « Pour quand » and
« Suivi » over « Indicateur » / « État », while « Réf. » and « Action » span both header
rows. References are « Rec. N », some combined (« Rec. 2, 4 »); several owner cells name
two bodies on two lines; long rows are allowed to break across a page.
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Table, text_cell

# recommendation numbers, action, owner lines, deadline, indicators, state
_LAW: tuple[tuple[tuple[str, ...], str, tuple[str, ...], str, tuple[str, ...], str], ...] = (
    (
        ("1",),
        "Réécrire les acquis d'apprentissage terminaux du bachelier en lien avec le "
        "référentiel de compétences du secteur juridique",
        ("Conseil de section",),
        "Décembre 2024",
        ("Acquis validés par le conseil pédagogique",),
        "Terminé",
    ),
    (
        ("1", "3"),
        "Introduire un portfolio de compétences suivi du bloc 1 au bloc 3",
        ("Coordinatrice pédagogique", "Cellule techno-pédagogique"),
        "Rentrée académique 2025",
        ("Portfolio ouvert pour chaque étudiant",),
        "En cours",
    ),
    (
        ("2",),
        "Augmenter la part des travaux pratiques en rédaction d'actes",
        ("Titulaires des cours de droit civil",),
        "2025-2026",
        ("Heures de travaux pratiques au programme",),
        "À lancer",
    ),
    (
        ("2", "4"),
        "Organiser des procès simulés avec des magistrats et des avocats du barreau local, "
        "préparés en équipes d'étudiants de bloc 2 et de bloc 3 et évalués par un jury mixte "
        "composé d'enseignants et de praticiens",
        ("Responsable des relations professionnelles", "Barreau de Namur"),
        "Mars 2025",
        (
            "Nombre de procès simulés",
            "Participation des étudiants de bloc 2 et 3",
            "Avis du jury mixte",
        ),
        "En cours",
    ),
    (
        ("3",),
        "Former les enseignants à l'évaluation par compétences",
        ("Service de formation continue",),
        "1er trimestre 2025",
        ("Nombre d'enseignants formés",),
        "Terminé",
    ),
    (
        ("4",),
        "Développer les stages dans les services juridiques des administrations",
        ("Coordinateur des stages",),
        "Septembre 2025",
        ("Nouvelles conventions de stage",),
        "En cours",
    ),
    (
        ("4",),
        "Inviter des juristes d'entreprise à présenter leur métier en bloc 1",
        ("Délégué aux relations entreprises",),
        "Février 2025",
        ("Nombre d'interventions",),
        "Terminé",
    ),
    (
        ("5",),
        "Mettre à disposition les bases de données juridiques en ligne depuis le domicile",
        ("Bibliothèque", "Service informatique"),
        "Janvier 2025",
        ("Accès distant ouvert",),
        "Terminé",
    ),
    (
        ("5",),
        "Former les étudiants de bloc 1 à la recherche documentaire juridique au moyen de "
        "trois ateliers obligatoires (législation, jurisprudence, doctrine) animés par la "
        "bibliothécaire juriste avec un enseignant de méthodologie, puis d'un test en ligne "
        "en fin de premier quadrimestre",
        ("Bibliothécaire juriste", "Enseignant de méthodologie"),
        "Octobre 2025",
        (
            "Taux de participation aux ateliers",
            "Taux de réussite au test documentaire",
            "Nombre d'emprunts d'ouvrages juridiques",
        ),
        "À lancer",
    ),
    (
        ("6",),
        "Mettre en place un dispositif d'accueil et de suivi des étudiants en reprise "
        "d'études, avec un référent, des horaires adaptés et un accompagnement "
        "méthodologique au premier quadrimestre",
        ("Direction de catégorie", "Service d'aide à la réussite"),
        "Rentrée académique 2025",
        (
            "Nombre d'étudiants suivis",
            "Taux de réussite des étudiants en reprise d'études",
        ),
        "À lancer",
    ),
    (
        ("6",),
        "Analyser les causes d'abandon en cours de bloc 1",
        ("Cellule qualité",),
        "Juin 2025",
        ("Rapport d'analyse présenté au conseil de catégorie",),
        "En cours",
    ),
    (
        ("2", "6"),
        "Réorganiser l'horaire pour dégager une plage de remédiation hebdomadaire",
        ("Secrétariat de direction", "Coordinatrice pédagogique"),
        "Septembre 2025",
        ("Plage inscrite à l'horaire",),
        "À lancer",
    ),
    (
        ("7",),
        "Publier un état d'avancement du plan d'action chaque année",
        ("Coordinateur qualité",),
        "Continu",
        ("État d'avancement publié sur le site",),
        "En cours",
    ),
    (
        ("7",),
        "Associer un représentant étudiant au comité de suivi du plan",
        ("Conseil étudiant",),
        "Novembre 2024",
        ("Représentant désigné",),
        "Terminé",
    ),
)


def paysage_entete_groupee() -> Layout:
    book = GoldBook()
    numbers = sorted({n for refs, *_ in _LAW for n in refs}, key=int)
    rec_ids = {n: book.rec(f"Rec. {n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        (
            text_cell("Réf.", rowspan=2, bold=True),
            text_cell("Action", rowspan=2, bold=True),
            text_cell("Mise en œuvre", colspan=2, bold=True),
            None,
            text_cell("Suivi", colspan=2, bold=True),
            None,
        ),
        (
            None,
            None,
            text_cell("Qui", bold=True),
            text_cell("Pour quand", bold=True),
            text_cell("Indicateur", bold=True),
            text_cell("État", bold=True),
        ),
    ]
    for refs, text, owners, deadline, indicators, state in _LAW:
        book.act(
            text,
            owner=joined(owners),
            deadline=deadline,
            indicators=indicators,
            status=state,
            addresses=[rec_ids[n] for n in refs],
        )
        rows.append(
            (
                text_cell("Rec. " + ", ".join(refs)),
                text_cell(text),
                text_cell(*owners),
                text_cell(deadline),
                text_cell(*indicators),
                text_cell(state),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'amélioration",
            "Haute École du Condroz",
            "Bachelier en droit",
            "Mise à jour du 15 janvier 2025 — « Rec. » : recommandations du rapport final d'évaluation",
        ),
        Table(tuple(rows), header_rows=2, widths=(1.1, 4.6, 2.4, 1.6, 3.0, 1.1), font_size=10.0),
    ]
    return layout(
        "paysage-entete-groupee",
        book,
        blocks,
        institution="Haute École du Condroz",
        programme="Bachelier en droit",
        plan_date="15 janvier 2025",
        landscape=True,
        notes="Landscape; two-row header: Réf. and Action span both rows, 'Mise en œuvre' over "
        "Qui | Pour quand, 'Suivi' over Indicateur | État. 'Rec. 2, 4' addresses Rec. 2 and "
        "Rec. 4; two-line owner cells are joined with '; '; rows may break across pages.",
    )
