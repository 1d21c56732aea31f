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


def tree_state(root: Path) -> dict[str, str]:
    """Every file under `root` with the hash of its bytes (directories end with '/')."""
    return {
        path.relative_to(root).as_posix() + ("/" if path.is_dir() else ""): (
            "" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(root.rglob("*"))
    }
