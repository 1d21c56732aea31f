"""Data and helpers shared by the CLI tests (imported by name: keep this file name unique)."""

from __future__ import annotations

import hashlib
from pathlib import Path

# A plan in the simplest layout the real parser reads: a Markdown table with the usual
# French column headings. The CLI tests run the real readers and extractor on it.
PLAN_MD = """\
# Plan d'action 2024-2027

| Recommandation | Action | Responsable | Échéance | Indicateurs | État |
|---|---|---|---|---|---|
| Critère 1, Recommandation 1 | Créer une cellule qualité | Direction | 2025-2026 | Nombre de réunions | En cours |
| Critère 3, Recommandation 6 | Revoir les fiches ECTS | Coordinateur pédagogique | Q1 2026 | Fiches revues | Réalisé |
"""

#: Another plan (not a duplicate of PLAN_MD: different actions).
SUIVI_MD = """\
# Suivi des actions 2025

| Recommandation | Action | Responsable | Échéance | Indicateurs | État |
|---|---|---|---|---|---|
| Critère 2, Recommandation 1 | Organiser un forum des anciens diplômés | Service communication | Juin 2026 | Participants au forum | À lancer |
| Critère 4, Recommandation 2 | Former les maîtres de stage à la grille d'évaluation | Coordination des stages | 2026-2027 | Maîtres de stage formés | En cours |
"""


def tree_state(root: Path) -> dict[str, str]:
    """Every file under `root` with the hash of its bytes (directories end with '/')."""
    return {
        path.relative_to(root).as_posix() + ("/" if path.is_dir() else ""): (
            "" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(root.rglob("*"))
    }
