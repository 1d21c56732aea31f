"""The indicator pattern library: measurable indicators for the usual themes of a plan.

When an action has no indicator, or only « Meilleure visibilité », the drafting step proposes
one. It must not invent: it starts from a reviewed pattern for the action's theme (stage,
TFE, EEE, mobilité, aide à la réussite...) whose template, once its placeholders are filled,
is measurable by construction. The library is data (`data/indicator_patterns.json`) so that a
quality coordinator can review and extend it; loading validates it, so a broken pattern
fails at start-up with a message naming it, not in the middle of a draft.
"""

from __future__ import annotations

import json
import re
import string
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.audit.french import plain_text
from assistant.errors import IndicatorLibraryError

PATTERNS_FILE = "indicator_patterns.json"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def template_fields(template: str) -> list[str]:
    """Placeholders of a template, in order of first use ("{cible}" → "cible")."""
    found: list[str] = []
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in found:
            found.append(name)
    return found


class IndicatorPattern(BaseModel):
    """One reviewed way of measuring progress on a theme."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable slug ('stage-conventions-signees').")
    themes: list[str] = Field(
        min_length=1, description="Words and phrases of the theme, as a plan writes them."
    )
    kind: Literal["output", "outcome"] = Field(
        description="'output' (what the institution produces) or 'outcome' (the effect)."
    )
    template: str = Field(description="The indicator, with {placeholders}.")
    measure: str = Field(min_length=3, description="What is counted or rated.")
    default_target: str = Field(min_length=1, description="A sensible target, for display.")
    defaults: dict[str, str] = Field(
        default_factory=dict, description="A default value for every placeholder."
    )
    rationale: str = Field(min_length=10, max_length=300, description="Why this indicator.")

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"identifiant invalide « {value} » (minuscules, chiffres, tirets)")
        return value

    @field_validator("themes")
    @classmethod
    def _themes(cls, value: list[str]) -> list[str]:
        if any(not theme.strip() or len(theme) > 40 for theme in value):
            raise ValueError("chaque thème doit faire de 1 à 40 caractères")
        return value

    @model_validator(mode="after")
    def _placeholders_have_defaults(self) -> IndicatorPattern:
        used = template_fields(self.template)
        if not used and not self.template.strip():
            raise ValueError("modèle vide")
        missing = [name for name in used if name not in self.defaults]
        if missing:
            raise ValueError(f"pas de valeur par défaut pour {', '.join(missing)}")
        unused = sorted(set(self.defaults) - set(used))
        if unused:
            raise ValueError(f"valeurs par défaut inutilisées : {', '.join(unused)}")
        return self

    @property
    def placeholders(self) -> list[str]:
        """Placeholders of the template, in order."""
        return template_fields(self.template)

    def render(self, **values: str) -> str:
        """The indicator with the given values, defaults for the rest."""
        unknown = set(values) - set(self.placeholders)
        if unknown:
            raise IndicatorLibraryError(
                f"Le modèle {self.id} n'a pas de champ {', '.join(sorted(unknown))}."
            )
        return self.template.format(**{**self.defaults, **values})


class IndicatorLibrary(BaseModel):
    """The whole library, with the placeholder vocabulary all templates share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = Field(
        default="", validation_alias="_comment", description="What the file is, for reviewers."
    )
    version: int = Field(ge=1, description="Format version of the file.")
    placeholders: dict[str, str] = Field(description="Placeholder → what to put in it.")
    patterns: list[IndicatorPattern] = Field(min_length=1, description="The patterns.")

    @model_validator(mode="after")
    def _consistent(self) -> IndicatorLibrary:
        seen: set[str] = set()
        for pattern in self.patterns:
            if pattern.id in seen:
                raise ValueError(f"identifiant en double : {pattern.id}")
            seen.add(pattern.id)
            unknown = [p for p in pattern.placeholders if p not in self.placeholders]
            if unknown:
                raise ValueError(f"{pattern.id} : champs inconnus {', '.join(unknown)}")
        return self

    def get(self, pattern_id: str) -> IndicatorPattern:
        """The pattern with this id.

        Raises:
            KeyError: no pattern has this id.
        """
        for pattern in self.patterns:
            if pattern.id == pattern_id:
                return pattern
        raise KeyError(pattern_id)

    def match(self, text: str, limit: int = 5) -> list[tuple[IndicatorPattern, int]]:
        """Patterns whose themes appear in a text (an action, an objective), best first.

        The score is the number of distinct theme phrases found as whole words after
        folding (case, accents, inclusive writing); ties keep the library's order.
        """
        folded = f" {plain_text(text)} "
        scored: list[tuple[IndicatorPattern, int]] = []
        for pattern in self.patterns:
            hits = sum(1 for theme in pattern.themes if _theme_in(theme, folded))
            if hits:
                scored.append((pattern, hits))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:limit]


def _theme_in(theme: str, folded_text: str) -> bool:
    return folded_theme_in(plain_text(theme), folded_text)


def folded_theme_in(key: str, folded_text: str) -> bool:
    """A folded theme as whole words, with an optional plural ("stage" ~ "stages")."""
    # The substring test is only a shortcut (the pattern needs the key as written); the
    # library's 300-odd themes are tried against every action drafted.
    return key in folded_text and _theme_pattern(key).search(folded_text) is not None


@lru_cache(maxsize=4096)
def _theme_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(key)}s?(?![a-z0-9])")


def parse_library(raw: str, source: str = PATTERNS_FILE) -> IndicatorLibrary:
    """Validate a library given as JSON text.

    Raises:
        IndicatorLibraryError: invalid JSON or an invalid pattern, with what to fix.
    """
    try:
        return IndicatorLibrary.model_validate(json.loads(raw))
    except json.JSONDecodeError as error:
        raise IndicatorLibraryError(f"{source} n'est pas un JSON valide : {error}") from error
    except ValidationError as error:
        problems = "; ".join(
            f"{'/'.join(str(p) for p in e['loc'])} : {e['msg']}" for e in error.errors()
        )
        raise IndicatorLibraryError(
            f"{source} contient des modèles invalides : {problems}"
        ) from error


@cache
def load_indicator_patterns() -> IndicatorLibrary:
    """The packaged library (`assistant/audit/data/indicator_patterns.json`), validated."""
    folder = resources.files("assistant.audit").joinpath("data")
    return parse_library(folder.joinpath(PATTERNS_FILE).read_text("utf-8"))
