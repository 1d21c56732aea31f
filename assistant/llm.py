"""The one factory of optional LLM backends (LangChain chat models), loaded lazily.

The chat's LLM mode and the rewording of drafts both ask for the model here, so that
they agree on defaults and on errors: provider "none" (the default) returns None and
imports nothing; "ollama" → ``langchain_ollama.ChatOllama``; "openai" →
``langchain_openai.ChatOpenAI`` (any OpenAI-compatible server, through ``base_url``; a
local server needs no key, so a placeholder is sent when none is set). The table of
backends (`BACKENDS`) may be replaced by the caller: tests name a fake model class there.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from assistant.errors import LLMBackendMissingError, LLMConfigurationError
from assistant.settings import LLMSettings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

__all__ = ["BACKENDS", "Backend", "chat_model"]


class Backend(NamedTuple):
    """Where a provider's chat model class lives, and the package that brings it."""

    module: str
    class_name: str
    package: str


BACKENDS: Mapping[str, Backend] = {
    "ollama": Backend("langchain_ollama", "ChatOllama", "langchain-ollama"),
    "openai": Backend("langchain_openai", "ChatOpenAI", "langchain-openai"),
}
#: Sent as the key to an OpenAI-compatible server when none is configured (local servers).
NO_KEY = "sans-cle"


def chat_model(
    settings: LLMSettings, backends: Mapping[str, Backend] = BACKENDS
) -> BaseChatModel | None:
    """The configured chat model, or None for provider "none" (nothing is imported then).

    Args:
        backends: provider → where its class lives (default: LangChain's integrations).

    Raises:
        LLMBackendMissingError: langchain-ollama / langchain-openai is not installed.
        LLMConfigurationError: no model name is configured.
    """
    if settings.provider == "none":
        return None
    module_name, class_name, package = backends[settings.provider]
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise LLMBackendMissingError(settings.provider, package) from error
    if not settings.model:
        raise LLMConfigurationError(
            f"Aucun modèle n'est indiqué pour le fournisseur « {settings.provider} » : "
            "renseignez PLAN_ASSISTANT_LLM__MODEL (par exemple « mistral »)."
        )
    options: dict[str, object] = {"model": settings.model, "temperature": settings.temperature}
    if settings.base_url:
        options["base_url"] = settings.base_url
    if settings.provider == "openai":
        options["api_key"] = settings.api_key or NO_KEY
    model: BaseChatModel = getattr(module, class_name)(**options)
    return model
