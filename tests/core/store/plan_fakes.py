"""Plans written in the FAKE parser's line format (`fakes.FakeParser`, tests/fakes.py).

The store must be tested without the real readers and extractor (they are written
separately and are slow on real PDFs): the store tests write these texts to files and pass
the one fake parser in (`ingest_files(..., parser=FakeParser())`); nothing is monkeypatched.
"""

from __future__ import annotations

PLAN_A = """\
rec: Critère 1, Recommandation 1 | Formaliser la politique qualité
rec: Critère 3, Recommandation 6 | Mieux répartir la charge de travail
act: Créer une cellule qualité | Direction | 2025-2026 | En cours | Nombre de réunions; PV publiés | Critère 1, Recommandation 1
act: Revoir les fiches ECTS | Coordinateur pédagogique | Q1 2026 | Réalisé | Fiches revues | Critère 3, Recommandation 6
act: Enquête auprès des diplômés | | | | |
swot: strength | Équipe motivée
swot: weakness | Peu de suivi des diplômés
warning: Tableau p.3 mal aligné
"""

PLAN_B = """\
rec: Critère 2, Recommandation 1 | Renforcer les liens avec le monde professionnel
act: Organiser un forum des métiers | Service stages | 2026 | À venir | Nombre d'entreprises présentes | Critère 2, Recommandation 1
"""
