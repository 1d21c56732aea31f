"""Validation errors in French, one language per message, each naming the field's path.

pydantic and FastAPI describe an invalid request in English (« Field required », « Input
should be a valid integer »); the API's messages are French, and a message mixing the two
(« Requête invalide — body.files : Field required ») reads as a bug to a coordinator. Each
error is translated from its stable `type` and its context values; a type not listed here
gets a generic French phrase rather than its English text, so no English ever leaks. No
maintained package translates pydantic v2 errors into French (pydantic-translations is
for pydantic 1; pydantic-i18n ships no French), hence this small table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: What is wrong, by pydantic error type; placeholders are the error's context values.
PROBLEMS: Mapping[str, str] = {
    "missing": "est obligatoire",
    "extra_forbidden": "n'est pas un champ connu",
    "string_type": "doit être un texte",
    "string_too_short": "doit compter au moins {min_length} caractère(s)",
    "string_too_long": "doit compter au plus {max_length} caractères",
    "string_pattern_mismatch": "n'a pas le format attendu ({pattern})",
    "string_unicode": "doit être un texte UTF-8",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "float_type": "doit être un nombre",
    "float_parsing": "doit être un nombre",
    "bool_type": "doit valoir true ou false",
    "bool_parsing": "doit valoir true ou false",
    "greater_than": "doit être supérieur à {gt}",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "less_than": "doit être inférieur à {lt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "enum": "doit valoir {expected}",
    "literal_error": "doit valoir {expected}",
    "list_type": "doit être une liste",
    "too_short": "doit compter au moins {min_length} élément(s)",
    "too_long": "doit compter au plus {max_length} éléments",
    "dict_type": "doit être un objet JSON",
    "model_type": "doit être un objet JSON",
    "model_attributes_type": "doit être un objet JSON",
    "json_invalid": "n'est pas du JSON valide",
    "json_type": "n'est pas du JSON valide",
    "date_type": "doit être une date AAAA-MM-JJ",
    "date_parsing": "doit être une date AAAA-MM-JJ",
    "date_from_datetime_parsing": "doit être une date AAAA-MM-JJ",
    "date_from_datetime_inexact": "doit être une date AAAA-MM-JJ",
    "datetime_type": "doit être une date et heure ISO 8601",
    "datetime_parsing": "doit être une date et heure ISO 8601",
    "uuid_type": "doit être un identifiant UUID",
    "uuid_parsing": "doit être un identifiant UUID",
    "bytes_type": "doit être un fichier",
}
GENERIC = "n'est pas valide"
#: Patterns of the schema that have a plainer French reading than the expression itself.
PATTERNS: Mapping[str, str] = {r"\S": "ne peut pas être vide"}
#: Messages raised by FastAPI itself (not pydantic types) that need a French reading.
_KNOWN_TEXTS: Mapping[str, str] = {"Expected UploadFile": "doit être un fichier"}
_PLACES: Mapping[str, str] = {
    "body": "le champ",
    "query": "le paramètre",
    "path": "le paramètre d'adresse",
    "header": "l'en-tête",
    "cookie": "le cookie",
}


def location(error: Mapping[str, Any]) -> str:
    """The dotted path of the invalid part: 'body.files', 'query.limit', 'body.items.0'."""
    return ".".join(str(part) for part in error.get("loc", ())) or "body"


def problem(error: Mapping[str, Any]) -> str:
    """What is wrong with the part, in French (never the English text of pydantic)."""
    kind = str(error.get("type", ""))
    context = dict(error.get("ctx") or {})
    if kind == "string_pattern_mismatch" and context.get("pattern") in PATTERNS:
        return PATTERNS[str(context["pattern"])]
    if kind in ("value_error", "assertion_error"):
        return _custom(context.get("error"), str(error.get("msg", "")))
    template = PROBLEMS.get(kind)
    if template is None:
        return GENERIC
    if "expected" in context:
        context["expected"] = _french_choices(str(context["expected"]))
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return template.split(" ({", 1)[0].split(" {", 1)[0] or GENERIC


def phrase(error: Mapping[str, Any]) -> str:
    """'le champ body.files est obligatoire', 'le paramètre query.limit doit être …'."""
    where = location(error)
    place = _PLACES.get(where.split(".", 1)[0], "le champ")
    return f"{place} {where} {problem(error)}"


def message(errors: list[Mapping[str, Any]], shown: int = 5) -> str:
    """The one French sentence of a 422 (the first `shown` problems, then how many more)."""
    phrases = [phrase(error) for error in errors[:shown]]
    more = len(errors) - shown
    tail = f" ; et {more} autre(s) problème(s)" if more > 0 else ""
    return f"Requête invalide : {' ; '.join(phrases)}{tail}."


def _custom(cause: object, text: str) -> str:
    """Our own validators raise French `ValueError`s; FastAPI's few are known texts."""
    for english, french in _KNOWN_TEXTS.items():
        if english in text:
            return french
    said = str(cause) if cause is not None else ""
    return f"n'est pas valide : {said}" if said and _looks_french(said) else GENERIC


def _looks_french(text: str) -> bool:
    # Messages of this project's validators (« date attendue au format AAAA-MM-JJ ») carry
    # French words or accents; pydantic's own carry neither.
    lowered = f" {text.lower()} "
    return any(mark in lowered for mark in ("é", "è", "à", " attendu", " au ", " le ", " la "))


def _french_choices(expected: str) -> str:
    # pydantic writes "'a', 'b' or 'c'".
    return expected.replace(" or ", " ou ")
