"""Give an action a field read in another table, or say why not.

Used by the tables that complete actions already read, by their code (`keyed_tables`) or
their number (`calendar_fields`). The action's own value always wins: a value is put on
an action only when it has none, marked as derived and cited (`Action.derived`); an equal
value changes nothing; a different one is not taken and the plan warns, in French.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.extract.builder import PlanBuilder
from assistant.extract.text import squash
from assistant.ids import fold
from assistant.schema import DerivedField, Span

#: The action fields another table can give, in French for the warnings.
FIELD_NAMES_FR = {
    "owner": "responsable",
    "deadline": "échéance",
    "status": "état",
    "indicators": "indicateur",
}


def same(own: str, other: str) -> bool:
    """Two values that differ only by case, accents, spacing or punctuation."""
    return _words(own) == _words(other)


def _words(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def complete(
    plan: PlanBuilder,
    position: int,
    field: str,
    value: str,
    *,
    origin: str,
    source: Span,
    code: str,
    agrees: Callable[[str, str], bool] = same,
) -> bool:
    """Give the action at `position` the `field` value `value` read at `source`.

    Args:
        origin: what gives the value, in French (« le calendrier des actions »).
        code: the action's code as the other table writes it, for the warning.
        agrees: whether the action's own value and `value` say the same thing.

    Returns:
        True when the value was put on the action.
    """
    value = squash(value)
    if not value:
        return False
    action = plan.actions[position]
    if field == "indicators":
        if any(same(known, value) for known in action.indicators):
            return False
    else:
        own = getattr(action, field)
        if own:
            if not agrees(own, value):
                plan.warnings.append(
                    f"{_where(source)} : l'action {code} a pour {FIELD_NAMES_FR[field]} "
                    f"« {own} » dans le plan, {origin} donne "
                    f"« {value} » : la valeur du plan est gardée, à vérifier."
                )
            return False
    plan.complete_action(
        position, DerivedField(field=field, value=value, origin=f"d'après {origin}", source=source)
    )
    return True


def _where(source: Span) -> str:
    page = f"p. {source.page}, " if source.page else ""
    return f"{source.file} ({page}l. {source.line_start})"
