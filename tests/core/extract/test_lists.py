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
