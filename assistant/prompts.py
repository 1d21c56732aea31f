"""LLM prompt templates, loaded from `prompts/` and checked against their declared placeholders.

Prompts are data so that they can be reviewed and translated without touching code; a
template that asks for a value the code does not supply fails at load time, not mid-answer.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from pathlib import Path

from assistant.errors import PromptError

#: Every prompt and the placeholders it may use.
PROMPT_FIELDS: dict[str, frozenset[str]] = {
    "rewrite_draft": frozenset({"action", "draft", "sources"}),
    "chat_system": frozenset({"plan", "as_of"}),
    "chat_question": frozenset({"question", "context"}),
    "chat_tool_result": frozenset({"tool", "data"}),
}


def prompts_dir() -> Path:
    """`prompts/` of a source checkout, or the copy packaged inside the wheel."""
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("assistant") / "_prompts"))


@cache
def load_prompt(name: str, directory: Path | None = None) -> str:
    """The template text of a prompt.

    Args:
        directory: where the templates are (default: `prompts_dir()`).

    Raises:
        PromptError: unknown prompt, missing file, or a placeholder not declared for it.
    """
    if name not in PROMPT_FIELDS:
        raise PromptError(f"Modèle de prompt inconnu : {name}")
    path = (directory or prompts_dir()) / f"{name}.txt"
    if not path.is_file():
        raise PromptError(f"Modèle de prompt introuvable : {path}")
    text = path.read_text(encoding="utf-8")
    used = {field for _, field, _, _ in string.Formatter().parse(text) if field}
    unknown = used - PROMPT_FIELDS[name]
    if unknown:
        raise PromptError(
            f"Le prompt {name} utilise des champs inconnus : {', '.join(sorted(unknown))}"
        )
    return text
