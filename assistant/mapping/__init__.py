"""Recommendation → action traceability (explicit references first, then semantic evidence)."""
