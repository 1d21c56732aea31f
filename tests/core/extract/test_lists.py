"""Plans written as numbered lists: flat runs and outlines (1 / 1.1 / 1.1.1)."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.settings import Settings

# An outline: axes, objectives under them, actions under the objectives (written before the
# rule, with its own programme and wording).
OUTLINE = """Plan de suivi 2025-2028

1. Une formation ancrée dans la pratique
1.1 Développer les partenariats avec les laboratoires
1.1.1 Signer trois conventions de stage avec des laboratoires hospitaliers — Responsable : Direction de section ; échéance : juin 2026
1.1.2 Inviter des biologistes à évaluer les travaux de fin d'études — Responsable : Coordinateur des TFE ; échéance : 2025-2026
1.2 Renforcer la pratique en laboratoire
1.2.1 Augmenter les heures de travaux pratiques en Bloc 2 — Responsable : Conseil de section ; échéance : rentrée académique 2026
2. Un suivi des étudiants plus proche
2.1 Prévenir le décrochage en première année
2.1.1 Proposer un entretien individuel à chaque étudiant de Bloc 1 — Responsable : Service d'aide à la réussite ; échéance : novembre 2025
2.1.2 Publier un guide de méthodologie du travail personnel — Responsable : Cellule pédagogique ; échéance : septembre 2025
"""


def test_an_outline_reads_its_leaves_as_actions_under_their_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Signer trois conventions de stage avec des laboratoires hospitaliers",
         "Direction de section", "juin 2026"),
        ("Inviter des biologistes à évaluer les travaux de fin d'études",
         "Coordinateur des TFE", "2025-2026"),
        ("Augmenter les heures de travaux pratiques en Bloc 2",
         "Conseil de section", "rentrée académique 2026"),
        ("Proposer un entretien individuel à chaque étudiant de Bloc 1",
         "Service d'aide à la réussite", "novembre 2025"),
        ("Publier un guide de méthodologie du travail personnel",
         "Cellule pédagogique", "septembre 2025"),
    ]  # fmt: skip
    assert [(a.axis, a.objective) for a in plan.actions[2:4]] == [
        ("Une formation ancrée dans la pratique", "Renforcer la pratique en laboratoire"),
        ("Un suivi des étudiants plus proche", "Prévenir le décrochage en première année"),
    ]


FLAT = """Nos actions

1. Réunir le conseil de section chaque trimestre : septembre 2025
2. Revoir les fiches des unités d'enseignement : juin 2026
3. Organiser une journée d'accueil des nouveaux étudiants : septembre 2025
"""


def test_a_flat_list_still_reads_each_item(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(FLAT, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.deadline) for a in plan.actions] == [
        ("Réunir le conseil de section chaque trimestre", "septembre 2025"),
        ("Revoir les fiches des unités d'enseignement", "juin 2026"),
        ("Organiser une journée d'accueil des nouveaux étudiants", "septembre 2025"),
    ]


# How pdftotext prints a numbered list of a table cell: a blank line may fall inside an
# item (after « de »), and the list is followed by a titled block of another table.
LIST_THEN_CALENDAR = """Actions

1. Organiser un accueil des nouveaux étudiants de

première année : septembre 2025
2. Publier un guide des stages pour les maîtres
de stage : janvier 2026
3. Ouvrir une permanence de remédiation en
mathématiques : octobre 2025

Calendrier de mise en œuvre
Numéros des actions prévues, mois par mois.

Mois
Septembre 2025
Octobre 2025
"""


def test_an_item_goes_on_over_a_blank_line_after_a_word_that_waits(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(LIST_THEN_CALENDAR, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.deadline) for a in plan.actions] == [
        ("Organiser un accueil des nouveaux étudiants de première année", "septembre 2025"),
        ("Publier un guide des stages pour les maîtres de stage", "janvier 2026"),
        ("Ouvrir une permanence de remédiation en mathématiques", "octobre 2025"),
    ]


# No table: each recommendation of the experts as a bold paragraph, the actions that answer
# it as bullets carrying their fields in brackets, in any order.
BULLETED = """Plan d'amélioration du bachelier en kinésithérapie

Recommandation 1 : Le comité recommande de renforcer la supervision des stages.

- Organiser une visite de mi-stage pour chaque étudiant (responsable : coordinatrice
des stages ; échéance : novembre 2025 ; indicateur : visites réalisées)
- Former les maîtres de stage à l'évaluation (échéance : 2026 ; responsable : cellule
pédagogique)

Recommandation 2 : Les experts suggèrent de mieux informer les étudiants de bloc 1.

- Publier un guide d'accueil en ligne (indicateur : guide publié ; responsable : service
communication ; échéance : septembre 2025)
"""


def test_bullets_carrying_their_fields_are_the_actions_of_the_recommendation_above(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(BULLETED, encoding="utf-8")
    plan = parse_file(path, Settings())
    refs = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.owner, a.deadline, a.indicators, [refs[x.recommendation_id] for x in a.links])
        for a in plan.actions
    ] == [
        ("Organiser une visite de mi-stage pour chaque étudiant", "coordinatrice des stages",
         "novembre 2025", ["visites réalisées"], ["r1"]),
        ("Former les maîtres de stage à l'évaluation", "cellule pédagogique", "2026", [], ["r1"]),
        ("Publier un guide d'accueil en ligne", "service communication", "septembre 2025",
         ["guide publié"], ["r2"]),
    ]  # fmt: skip


def test_bullets_without_fields_stay_prose(tmp_path: Path) -> None:
    text = (
        "Points forts relevés par le comité :\n\n- une équipe motivée ;\n"
        "- des locaux adaptés ;\n- un lien étroit avec les lieux de stage.\n"
    )
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    try:
        plan = parse_file(path, Settings())
    except Exception:  # refused: nothing recognised, as before
        return
    assert plan.actions == []


def test_bullet_marks_printed_apart_from_their_items(tmp_path: Path) -> None:
    # pdftotext (default mode) prints a list's marks on lines of their own, then the items
    text = (
        "Recommandation 3 : Il conviendrait de soutenir les étudiants salariés.\n"
        "•\n\n•\n\n"
        "Ouvrir une permanence le samedi matin (responsable : secrétariat ;\n"
        "échéance : octobre 2025)\n"
        "Enregistrer les cours du soir (échéance : 2026 ; responsable : service\n"
        "informatique)\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Ouvrir une permanence le samedi matin", "secrétariat", "octobre 2025"),
        ("Enregistrer les cours du soir", "service informatique", "2026"),
    ]
    assert all(len(a.links) == 1 for a in plan.actions)
