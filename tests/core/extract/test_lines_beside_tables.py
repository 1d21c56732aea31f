"""Actions left as text beside the tables read are said, not lost in silence."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.settings import Settings

# Word saved as text: three small tables one cell a line; the first two have two rows
# (too few to be told from text by their regularity), the third has three (a table).
TEXT = """Plan d'action
Haute École du Val — Bachelier en diététique
« Le comité recommande de renforcer l'encadrement des stages. » (Recommandation 1, p.4)
Actions prévues :
Action
Responsable
Échéance
Indicateur
État
Rédiger une charte d'encadrement des stages avec les lieux de stage
Coordinatrice des stages
Juin 2025
Charte signée par les lieux
En cours
Former les maîtres de stage à la grille d'évaluation commune
Coordinatrice des stages
Septembre 2025
Nombre de maîtres formés
Non entamé

« Les experts suggèrent d'ouvrir davantage de stages à l'étranger. » (Recommandation 2, p.6)
Actions prévues :
Action
Responsable
Échéance
Indicateur
État
Conclure deux conventions Erasmus avec des écoles de diététique
Relations internationales
Février 2026
Conventions signées
Non entamé
Organiser une séance d'information sur la mobilité en bloc 2
Relations internationales
Novembre 2025
Séance tenue
Réalisé

« Le comité invite la section à mieux préparer le travail de fin d'études. » (Recommandation 3, p.8)
Actions prévues :
Action
Responsable
Échéance
Indicateur
État
Mettre en place des permanences méthodologiques pour le travail de fin d'études
Équipe de méthodologie
Octobre 2024
Nombre de permanences
Réalisé
Publier un guide de rédaction du travail de fin d'études en ligne
Équipe de méthodologie
Décembre 2024
Guide en ligne
Réalisé
Fixer des dates intermédiaires de remise du travail de fin d'études
Président du jury
Rentrée académique 2025
Calendrier communiqué
En cours
"""


def test_actions_in_text_beside_a_table_read_are_warned(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    plan = parse_file(path, Settings())
    texts = [action.text for action in plan.actions]
    if "Conclure deux conventions Erasmus avec des écoles de diététique" not in texts:
        assert any("hors des tableaux" in warning for warning in plan.warnings), plan.warnings
