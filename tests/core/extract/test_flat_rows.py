"""Flattened tables without anchors: cells re-cut by what they hold, in the header's order."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.settings import Settings

# What `pdftotext -raw` gives for a ruled table: each row's cells one after the other, a
# cell's wrapped lines in a row, two cells sometimes on one line.
RAW = """Plan d'action de la section
N
°
Que faire ? Qui ? Quand ? Comment mesurer
?
1 Proposer aux étudiants de Bloc 1 un
atelier de prise de parole en classe
Maîtres-assistants
de français
Octobre
2024
Nombre d'ateliers
donnés
2 Observer des classes multiâges lors
des stages de Bloc 2
Coordination des stages
2024-2025 Rapports
d'observation
déposés
3 Mettre en commun une banque de
préparations de leçons commentées
Équipe des
didacticiens
Juin 2025 Nombre de
préparations
partagées
"""


def test_raw_text_of_a_table_is_read_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(RAW, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Proposer aux étudiants de Bloc 1 un atelier de prise de parole en classe",
         "Maîtres-assistants de français", "Octobre 2024", ["Nombre d'ateliers donnés"]),
        ("Observer des classes multiâges lors des stages de Bloc 2",
         "Coordination des stages", "2024-2025", ["Rapports d'observation déposés"]),
        ("Mettre en commun une banque de préparations de leçons commentées",
         "Équipe des didacticiens", "Juin 2025", ["Nombre de préparations partagées"]),
    ]  # fmt: skip
    assert plan.structure.readers[0] == "flattened_rows"
    assert any("aplati" in warning for warning in plan.warnings)
