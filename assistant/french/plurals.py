"""Counted nouns as French writes them: « 1 lacune », « 0 action », « 3 constats ».

French puts 0 and 1 in the singular. The reports and the audit's own tallies
(`assistant.audit.findings.gap_tally`) count with this one function.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 action', '3 actions', '0 action' (French: 0 and 1 are singular)."""
    word = singular if count <= 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
