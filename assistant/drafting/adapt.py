"""Reusing another action's indicator for this one, and telling outputs from outcomes.

The best indicator for an action is often the one a similar action already has: the same
plan measures its three « module d'initiation » by « Taux de participation ». Copied as is,
though, it would carry the other action's date and miss a target, and a bare « Taux de
participation » says nothing of whom or what. `adapt_indicator` drops the other action's
date, adds ours, adds a target when there is none (a threshold for a rate, a rise over the
last completed academic year for a count) and completes a bare measure with this action's
public and object. The result is a suggestion the coordinator edits, and the rationale
says where it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from assistant.audit.french import content_words, plain_text
from assistant.audit.measurability import Signal, assess_indicator
from assistant.drafting.wording import ActionObject, DraftDue
from assistant.french.months import MONTH_WORDS

# The effect of an action (a rate of success, a satisfaction, a result), as opposed to what
# the action produces (a document, a count of sessions, a participation).
_OUTCOME = re.compile(
    r"\b(?:reussite|reussi\w*|satisf\w*|abandons?|decroch\w*|insertion|emploi|diplomes?|"
    r"admission|inscriptions?|perseverance|utilisation|consultation|note moyenne|trouv\w*|"
    r"avis|acquis|comprehension|appropriation|resultats?|impact|ecart|delai moyen|"
    r"maintien en formation|retention|employabilite)\b"
)


@lru_cache(maxsize=16_384)
def indicator_kind(indicator: str) -> Literal["output", "outcome"]:
    """« outcome » for an effect (success, satisfaction, result), else « output »."""
    return "outcome" if _OUTCOME.search(plain_text(indicator)) else "output"


_MONTHS = MONTH_WORDS + "|sept|janv"
_DATE_PHRASE = re.compile(
    r"\s*[,;]?\s*\(?\s*(?:(?:d['’]ici|en|dès|avant|pour|à la rentrée|fin|début|au cours de|"
    r"entre)\s+)?(?:(?:" + _MONTHS + r")\s+)?(?:19|20)\d{2}"
    r"(?:\s*(?:[-–/]|et)\s*(?:19|20)?\d{2})?\s*\)?",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(
    r"(?:≥|≤|>=|<=)\s*\d+(?:[.,]\d+)?\s*%?|\(\s*cible\s*:[^)]*\)|\bcible\s*:\s*[^;,)]+|"
    r"\bau moins\s+\d+\s*%?|\b\d+(?:[.,]\d+)?\s*%"
)
_RATE = re.compile(r"^(?:taux|pourcentage|part|proportion|ratio)\b")
_COUNT = re.compile(r"^(?:nombre|nbre?|nb)\b")
_PARTICIPATION = re.compile(r"\b(?:participation|participations|presence|frequentation)\b")


@dataclass(frozen=True)
class Adapted:
    """An indicator reworded for the drafted action."""

    text: str
    measure: str  # what is counted or rated (the indicator without target and date)
    target: str


def last_academic_year(as_of: date) -> str:
    """The last completed academic year at `as_of` (« 2025-2026 » in November 2026)."""
    end = as_of.year if as_of.month >= 9 else as_of.year - 1
    return f"{end - 1}-{end}"


def _default_rate(folded: str) -> int:
    if _PARTICIPATION.search(folded):
        return 70
    if "satisf" in folded:
        return 75
    return 80


def _complete(head: str, obj: ActionObject | None, public: str | None) -> str:
    """« Taux de participation » → « Taux de participation des étudiants de B1 aux ateliers »."""
    if obj is None or obj.about_people or len(content_words(head)) > 2:
        return head
    folded = plain_text(head)
    who = f"étudiants de {public}" if public else "étudiants"
    if _PARTICIPATION.search(folded) and "participant" not in folded:
        return f"{head} des {who} {obj.after_a}"
    if "satisf" in folded:
        about = obj.after_de
        about = "à l'égard " + (about[3:] if about.startswith("de ") else about)
        if about.startswith("à l'égard la ") or about.startswith("à l'égard l'"):
            about = "à l'égard de " + about[len("à l'égard ") :]
        return f"{head} des {who} {about}"
    return f"{head} pour {obj.with_article}"


def adapt_indicator(
    indicator: str,
    obj: ActionObject | None,
    public: str | None,
    due: DraftDue,
    as_of: date,
) -> Adapted | None:
    """Another action's indicator, with our date, a target and (if bare) our public and object.

    Returns None when nothing is left once the date is dropped.
    """
    text = " ".join(_DATE_PHRASE.sub(" ", indicator).split()).strip(" ;,.-–:")
    if len(text) < 4:
        return None
    threshold = _THRESHOLD.search(text)
    verdict = assess_indicator(text)
    if threshold is None and verdict.signal is Signal.QUANTITY:
        # « ramené à 2 », « 3 ateliers »: a number that already is the target
        head, target, tail = text, verdict.cue, ""
    elif threshold is not None:
        head = text[: threshold.start()].strip(" :;,(")
        target = threshold.group(0).strip(" ()")
        tail = text[threshold.start() :]
    else:
        head, target, tail = text, "", ""
    head = _complete(head, obj, public) if head else head
    folded = plain_text(head)
    if not target:
        if _RATE.match(folded):
            target = f"≥ {_default_rate(folded)} %"
            tail = target
        elif _COUNT.match(folded):
            target = f"en hausse par rapport à {last_academic_year(as_of)}"
            tail = target
        else:
            target = "réalisé et vérifiable"
    proposal = " ".join(f"{head} {tail}".split()).strip(" ;,")
    proposal = f"{proposal} d'ici {due.text}"
    return Adapted(proposal[:1].upper() + proposal[1:], head or text, target)
