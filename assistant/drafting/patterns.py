"""Indicator candidates from the reviewed pattern library, filled with the action's words.

A pattern is a candidate when the action names its themes (rare themes and phrases weigh
more than « qualité » or « B1 ») or uses its words. It is then filled with what the action
and its plan say — the public (« étudiants de B2 »), the document produced, the plan's own
platform (« ConnectED ») and council — and cites the similar actions already measured the
same way. A pattern filled with the action's nouns scores above one left with defaults.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from assistant.audit.french import content_words, plain_text
from assistant.audit.indicator_patterns import IndicatorPattern, folded_theme_in
from assistant.audit.measurability import Signal, assess_indicator, is_measurable
from assistant.drafting.adapt import indicator_kind
from assistant.drafting.candidates import (
    CITED_ACTIONS,
    WRITING_VERBS,
    Candidate,
    action_source,
    subject_stems,
)
from assistant.drafting.context import DraftingContext, Neighbour
from assistant.drafting.wording import (
    DraftDue,
    action_object,
    instance_of,
    platform_of,
    public_of,
)
from assistant.schema import Action, DraftSource

#: Score of a pattern: base, + themes (rare themes weigh more), + placeholders filled from the
#: action, + words shared by the pattern and the action.
PATTERN_BASE, PATTERN_THEMES, PATTERN_OWN, PATTERN_WORDS = 0.2, 0.25, 0.04, 0.4
#: Bonus per similar action already measured like the pattern (cited with it).
PATTERN_SUPPORT = 0.01
#: A pattern is only a candidate when its theme weight, or the share of its words the action
#: uses, reaches this: one generic theme (« réussite », « B1 ») does not speak of the action.
PATTERN_MIN_EVIDENCE = 0.5
#: Weight of a one-word theme (« qualité », « enseignement ») against a phrase or an acronym.
SINGLE_WORD_THEME = 0.6

_YEAR_OF_STUDY = re.compile(r"(?:B|BA|bloc\s?|Bloc\s?)\d")


def _pattern_source(pattern: IndicatorPattern) -> DraftSource:
    return DraftSource(
        kind="pattern",
        ref=pattern.id,
        label=f"Modèle « {pattern.measure} » : {pattern.rationale}",
    )


def _fill(
    pattern: IndicatorPattern, action: Action, context: DraftingContext, due: DraftDue
) -> tuple[str, int]:
    """The pattern rendered with the action's words, and how many placeholders they filled.

    The plan's platform and council fill their placeholders too, but do not count: they say
    how the institution works, not that the pattern fits this action.
    """
    obj = action_object(action)
    values: dict[str, str] = {}
    own = 0
    for name in pattern.placeholders:
        default = pattern.defaults[name]
        if name == "echeance":
            values[name] = _echeance(pattern, due)
            own += due.from_deadline
            continue
        value: str | None = None
        if name == "public" and (public := public_of(action.text)):
            value = f"étudiants de {public}" if default.startswith("étudiants") else public
        elif name == "support":
            value = _plan_name(name, action, context)
        elif name == "instance" and f"en {{{name}}}" in pattern.template:
            # only « validé en {instance} »: « de la {instance} » needs the pattern's own noun
            value = _plan_name(name, action, context)
        elif (
            name == "livrable"
            and pattern.template.startswith("{livrable}")
            and obj is not None
            and obj.verb.split()[0] in WRITING_VERBS
        ):
            value = obj.capitalised
        if value is not None:
            values[name] = value
            own += name in {"public", "livrable"}
    text = pattern.render(**values)
    if "livrable" in values and obj is not None:
        ending = ("e" if obj.feminine else "") + ("s" if obj.plural else "")
        text = text.replace("é(e)", "é" + ending)
    return text, own


def _plan_name(placeholder: str, action: Action, context: DraftingContext) -> str | None:
    """The platform (« support ») or council (« instance ») the action's plan names most.

    Read once per plan: it means reading the whole plan, and every pattern asks again.
    """
    key = (action.document_id, placeholder)
    if key not in context.memo.plan_names:
        plan = context.plan_of(action)
        name = platform_of(plan) if placeholder == "support" else instance_of(plan)
        context.memo.plan_names[key] = name
    return context.memo.plan_names[key]


def _echeance(pattern: IndicatorPattern, due: DraftDue) -> str:
    """The date as the template's sentence wants it (« à la rentrée 2027 », « sur le cycle »)."""
    year = due.day.year
    if "rentrée {echeance}" in pattern.template:
        return str(year)
    if "cycle {echeance}" in pattern.template:
        return f"{year - 3}-{year}"
    return due.text


def with_date(text: str, due: DraftDue) -> str:
    """Append the date when the indicator has none (patterns counting « par an »)."""
    if assess_indicator(text).signal is Signal.DATE or due.text in text:
        return text
    return f"{text} d'ici {due.text}"


def _theme_weights(context: DraftingContext) -> dict[str, float]:
    """Weight of each theme: 1 for a theme of one pattern, less for « stage » (in seven)."""
    if context.memo.theme_weights is None:
        context.memo.theme_weights = _library_theme_weights(context)
    return context.memo.theme_weights


def _library_theme_weights(context: DraftingContext) -> dict[str, float]:
    counts = Counter(plain_text(t) for p in context.patterns.patterns for t in set(p.themes))
    specific = {
        plain_text(t)
        for p in context.patterns.patterns
        for t in p.themes
        # « lieu de stage », « EEE »: not « qualité », nor a year of study (« B1 »)
        if (" " in t.strip() or t.isupper()) and not _YEAR_OF_STUDY.fullmatch(t)
    }
    return {
        theme: (1.0 if theme in specific else SINGLE_WORD_THEME) / count**0.5
        for theme, count in counts.items()
    }


def pattern_candidates(
    action: Action, context: DraftingContext, due: DraftDue, neighbours: list[Neighbour]
) -> list[Candidate]:
    subject = f"{action.text} {action.objective or ''}"
    folded = f" {plain_text(subject)} "
    mine = subject_stems(subject)
    weights = _theme_weights(context)
    found: list[Candidate] = []
    for pattern, _ in context.patterns.match(subject, limit=len(context.patterns.patterns)):
        themes = math.fsum(  # exact: no dependence on the set's (hash-seeded) order
            weights[plain_text(t)] for t in set(pattern.themes) if _theme_in(plain_text(t), folded)
        )
        if "livrable" in pattern.placeholders and not _names_deliverable(action, pattern):
            continue  # « Note de politique qualité » is another action's deliverable
        text, own = _fill(pattern, action, context, due)
        text = with_date(text, due)
        words = subject_stems(f"{pattern.render()} {pattern.measure}")
        shared = len(words & mine) / len(words) if words else 0.0
        if themes < PATTERN_MIN_EVIDENCE and shared < PATTERN_MIN_EVIDENCE:
            continue
        sources = [_pattern_source(pattern)]
        sources += [
            action_source(n, indicator)
            for n, indicator in _supporting(pattern, neighbours)[:CITED_ACTIONS]
        ]
        score = (
            PATTERN_BASE
            + PATTERN_THEMES * min(1.0, themes / 2)
            + PATTERN_OWN * own
            + PATTERN_WORDS * shared
            + PATTERN_SUPPORT * (len(sources) - 1)
        )
        found.append(
            Candidate(
                kind=pattern.kind,
                text=text,
                measure=pattern.measure,
                target=pattern.default_target,
                score=round(score, 4),
                basis=f"adapté du modèle « {pattern.measure} » de la bibliothèque d'indicateurs",
                sources=tuple(sources),
            )
        )
    return found


def _names_deliverable(action: Action, pattern: IndicatorPattern) -> bool:
    """Can the pattern's {livrable} be filled with what the action produces?"""
    obj = action_object(action)
    if not pattern.template.startswith("{livrable}"):
        return True  # « Page {livrable} »: the default completes the pattern's own noun
    return obj is not None and obj.verb.split()[0] in WRITING_VERBS


def _theme_in(theme: str, folded_text: str) -> bool:
    """A theme as whole words, optionally plural (as `IndicatorLibrary.match` reads them)."""
    return folded_theme_in(theme, folded_text)


def _supporting(
    pattern: IndicatorPattern, neighbours: list[Neighbour]
) -> list[tuple[Neighbour, str]]:
    """Similar actions measured like the pattern (same kind, a theme word in the indicator)."""
    themes = [plain_text(theme) for theme in pattern.themes]
    measure = set(content_words(pattern.measure))
    found: list[tuple[Neighbour, str]] = []
    for neighbour in neighbours:
        for indicator in neighbour.action.indicators:
            folded = plain_text(indicator)
            if indicator_kind(indicator) != pattern.kind or not is_measurable(indicator):
                continue
            if any(_theme_in(theme, f" {folded} ") for theme in themes) or measure & set(
                content_words(indicator)
            ):
                found.append((neighbour, indicator))
                break
    return found
