"""Every error the core raises on purpose is defined in `assistant/errors.py` (issue 17).

Read from the source (no import): a class anywhere else in `assistant/` that derives from
an error of `assistant.errors` is a second place for errors, and fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import assistant
from assistant import errors

CORE = Path(assistant.__file__).parent


def _error_names() -> set[str]:
    return {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.PlanAssistantError)
    }


#: Built-in bases of exceptions: an internal signal lives in `errors.py` too.
_BUILTIN_BASES = {"Exception", "ValueError", "RuntimeError", "LookupError", "OSError"}


def _base_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.add(base.id)
        elif isinstance(base, ast.Attribute):
            names.add(base.attr)
    return names


def test_the_error_module_knows_the_errors_of_store_reports_chat_and_services() -> None:
    names = _error_names()
    for moved in (
        "ReviewError",
        "UnknownJobError",
        "UnknownKeyError",
        "UnknownLinkError",
        "NoPlanError",
        "UnknownReportFormatError",
        "PdfConverterMissingError",
        "IndexingPostponedError",
        "WorkspaceChangingError",
    ):
        assert moved in names


def test_no_error_class_is_defined_outside_the_error_module() -> None:
    names = _error_names()
    elsewhere = []
    for path in sorted(CORE.rglob("*.py")):
        if path == CORE / "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and _base_names(node) & (names | _BUILTIN_BASES):
                elsewhere.append(f"{path.relative_to(CORE)}:{node.lineno} {node.name}")
    assert elsewhere == []


_FRENCH = {
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "un",
    "une",
    "est",
    "pas",
    "ce",
    "cette",
    "n",
    "l",
    "d",
}
_ENGLISH = {"the", "cannot", "error", "not", "file", "is", "found", "failed"}


def _error_classes() -> list[type[errors.PlanAssistantError]]:
    return [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.PlanAssistantError)
    ]


def test_every_error_class_has_a_french_default_message_of_its_own() -> None:
    missing = []
    for cls in _error_classes():
        own = cls.__dict__.get("default_message")
        if not isinstance(own, str) or not own.strip():
            missing.append(cls.__name__)
    assert missing == []
    # French, not a placeholder nor English: French words, none of English, a full stop
    for cls in _error_classes():
        text = cls.default_message
        words = set(re.findall(r"[a-zà-ÿ]+", text.lower()))
        assert words & _FRENCH, (cls.__name__, text)
        assert not words & _ENGLISH, (cls.__name__, text)
        assert text.rstrip()[-1] in ".!»", cls.__name__


def test_an_error_raised_without_a_message_says_its_default_one() -> None:
    built_from_arguments = {
        errors.IngestBatchError,
        errors.LLMBackendMissingError,
        errors.UnknownReportFormatError,
        errors.PdfConversionError,
        errors.IndexingPostponedError,
    }
    for cls in _error_classes():
        if cls in built_from_arguments:
            continue
        if issubclass(cls, errors.IngestError):
            assert str(cls("plan.docx")) == f"plan.docx : {cls.default_message}"
        else:
            assert str(cls()) == cls.default_message, cls.__name__


def test_a_message_given_at_the_raise_site_wins_over_the_default() -> None:
    assert str(errors.UnknownJobError("Aucune tâche « j1 ».")) == "Aucune tâche « j1 »."
    assert str(errors.CorruptFileError("a.pdf", "illisible.")) == "a.pdf : illisible."


def test_the_configuration_error_of_the_language_model_is_a_class_of_its_own() -> None:
    assert errors.LLMConfigurationError is not errors.LLMError
    assert issubclass(errors.LLMConfigurationError, errors.LLMError)
