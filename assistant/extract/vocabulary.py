"""French vocabularies of action plans: column names, statuses, priorities.

Matching is case- and accent-insensitive (`assistant.ids.fold`). The lists come from real
published plans (AEQES and similar) and are meant to grow; keep each entry general.
"""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.french.months import MONTH_ABBREVIATION, MONTH_WORDS
from assistant.ids import fold
from assistant.schema import StatusCategory


class Column(StrEnum):
    """What a plan table's column holds."""

    REFERENCE = "reference"
    STEP = "step"  # "Etape": each row is a step of one objective; it names the action
    ACTION = "action"
    OBJECTIVE = "objective"
    OWNER = "owner"
    GUARANTOR = "guarantor"  # "Garant de l'objectif": an owner only when no owner column exists
    DEADLINE = "deadline"
    STATUS = "status"
    STATUS_DEADLINE = "status_deadline"  # "Degré de réalisation / Échéance(s)"
    INDICATORS = "indicators"
    RESULTS = "results"  # "Résultats attendus": indicators only when no indicator column exists
    PRIORITY = "priority"
    AXIS = "axis"
    CRITERION = "criterion"
    IGNORED = "ignored"  # known columns that have no field (means, conditions, comments...)
    TIMELINE = "timeline"  # one column per period ("2024-2025", "Q1 2026"), marked with an X


# Folded header prefixes, most specific first. A header cell matches the first entry it
# starts with (after folding); footnote calls and trailing punctuation are ignored.
_HEADER_PREFIXES: list[tuple[str, Column]] = [
    ("degre de realisation / echeance", Column.STATUS_DEADLINE),
    ("etat de realisation / echeance", Column.STATUS_DEADLINE),
    ("statut / echeance", Column.STATUS_DEADLINE),
    # links to the SWOT, evidence columns: not references to a recommendation
    ("reference swot", Column.IGNORED),
    ("lien avec le swot", Column.IGNORED),
    ("lien avec la swot", Column.IGNORED),
    ("lien swot", Column.IGNORED),
    ("sources de verification", Column.INDICATORS),
    ("source de verification", Column.INDICATORS),
    ("moyens de verification", Column.INDICATORS),
    ("lien avec le rapport", Column.REFERENCE),
    ("reference", Column.REFERENCE),
    ("ref. recommandation", Column.REFERENCE),
    ("ref recommandation", Column.REFERENCE),
    ("ref.", Column.REFERENCE),
    ("recommandation", Column.REFERENCE),
    ("lien avec les recommandations", Column.REFERENCE),
    ("lien avec la recommandation", Column.REFERENCE),
    ("n° recommandation", Column.REFERENCE),
    ("n° de recommandation", Column.REFERENCE),
    ("origine", Column.REFERENCE),
    ("source", Column.REFERENCE),
    ("etape", Column.STEP),
    ("phase", Column.STEP),
    ("description des actions", Column.ACTION),
    ("description de l'action", Column.ACTION),
    ("intitule de l'action", Column.ACTION),
    ("actions a mener", Column.ACTION),
    ("actions locales", Column.ACTION),
    ("action", Column.ACTION),
    ("mesure de l", Column.INDICATORS),  # "Mesure de l'impact"
    ("mesure", Column.ACTION),
    ("activite", Column.ACTION),
    ("intitule", Column.ACTION),
    ("description", Column.ACTION),
    ("pistes d'action", Column.ACTION),
    ("projet", Column.ACTION),
    ("chantier", Column.ACTION),
    ("tache", Column.ACTION),
    ("objectif", Column.OBJECTIVE),
    ("but", Column.OBJECTIVE),
    ("enjeu", Column.OBJECTIVE),
    ("thematique", Column.OBJECTIVE),
    ("theme", Column.OBJECTIVE),
    ("domaine", Column.OBJECTIVE),
    # people who help are not the owner: "Pilote" + "Personnes associées" names one owner
    ("personnes associees", Column.IGNORED),
    ("personne associee", Column.IGNORED),
    ("contributeur", Column.IGNORED),
    ("collaborateurs", Column.IGNORED),
    ("en appui", Column.IGNORED),
    ("responsabilite", Column.OWNER),
    ("responsable", Column.OWNER),
    ("porteur", Column.OWNER),
    ("pilote", Column.OWNER),
    ("acteurs concernes", Column.OWNER),
    ("acteur", Column.OWNER),
    ("intervenant", Column.OWNER),
    ("personne responsable", Column.OWNER),
    ("personnes impliquees", Column.OWNER),
    ("personnes concernees", Column.OWNER),
    ("services concernes", Column.OWNER),
    ("service responsable", Column.OWNER),
    ("qui", Column.OWNER),
    # not "personnes ressources" / "personne de contact": headers of contact lists (ITN)
    ("service", Column.OWNER),
    ("quoi", Column.ACTION),
    ("que faire", Column.ACTION),
    ("garant", Column.GUARANTOR),
    # a start date is not a deadline; the end date is
    ("date de debut", Column.IGNORED),
    ("debut", Column.IGNORED),
    ("demarrage", Column.IGNORED),
    ("date de fin", Column.DEADLINE),
    ("fin", Column.DEADLINE),
    ("echeance", Column.DEADLINE),
    ("echeancier", Column.DEADLINE),
    ("delai", Column.DEADLINE),
    ("quand", Column.DEADLINE),
    ("calendrier", Column.DEADLINE),
    ("date", Column.DEADLINE),
    ("periode", Column.DEADLINE),
    ("planification", Column.DEADLINE),
    ("horizon", Column.DEADLINE),
    ("timing", Column.DEADLINE),
    ("pour quand", Column.DEADLINE),
    ("planning", Column.DEADLINE),
    ("annee de realisation", Column.DEADLINE),
    ("indicateur", Column.INDICATORS),
    ("criteres de reussite", Column.INDICATORS),
    ("criteres d'evaluation", Column.INDICATORS),
    ("criteres de realisation", Column.INDICATORS),
    ("livrable", Column.INDICATORS),
    ("cible", Column.INDICATORS),
    ("valeur cible", Column.INDICATORS),
    ("preuve", Column.INDICATORS),
    ("resultats attendus", Column.RESULTS),
    ("resultat attendu", Column.RESULTS),
    ("resultats escomptes", Column.RESULTS),
    ("etat de realisation", Column.STATUS),
    ("etat d'avancement", Column.STATUS),
    ("degre de realisation", Column.STATUS),
    ("degre d'avancement", Column.STATUS),
    ("avancement", Column.STATUS),
    ("statut", Column.STATUS),
    ("etat", Column.STATUS),
    ("realisation", Column.STATUS),
    ("suivi", Column.STATUS),
    ("degre de priorite", Column.PRIORITY),
    ("niveau de priorite", Column.PRIORITY),
    ("priorite", Column.PRIORITY),
    ("importance", Column.PRIORITY),
    ("degre d'urgence", Column.PRIORITY),
    ("urgence", Column.PRIORITY),
    ("axe", Column.AXIS),
    ("critere", Column.CRITERION),
    ("niveau de pilotage", Column.IGNORED),
    ("moyens", Column.IGNORED),
    ("ressources", Column.IGNORED),
    ("difficultes", Column.IGNORED),
    ("conditions de realisation", Column.IGNORED),
    ("commentaire", Column.IGNORED),
    ("remarque", Column.IGNORED),
    ("observation", Column.IGNORED),
    ("budget", Column.IGNORED),
    ("cout", Column.IGNORED),
    ("partenaires", Column.IGNORED),
    ("risques", Column.IGNORED),
    ("constat", Column.IGNORED),
    ("comment mesurer", Column.INDICATORS),
    ("comment evaluer", Column.INDICATORS),
    ("comment verifier", Column.INDICATORS),
    ("comment", Column.IGNORED),  # "Comment ?" of a Qui/Quoi/Quand/Comment table: the means
    ("faiblesse", Column.IGNORED),
    ("points d'amelioration", Column.IGNORED),
    ("point d'amelioration", Column.IGNORED),
    ("n°", Column.IGNORED),
    ("numero", Column.IGNORED),
]

_FOOTNOTE_TAIL = re.compile(r"[\s\d¹²³⁴⁵⁶⁷⁸⁹⁰*:()]+$")


# A period heading a timeline column: "2024-2025", "2024-25", "2026", "Q1 2026", "sept. 2025".
_PERIOD_LABEL = re.compile(
    r"^\s*(?:(?:ann[ée]e\s+(?:acad[ée]mique\s+)?)?(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?"
    r"|q\s*[1-4]\s*[-/]?\s*(?:19|20)\d{2}"
    rf"|{MONTH_ABBREVIATION}[a-zéû]*\.?\s*(?:19|20)\d{{2}})"
    r"\s*$",
    re.IGNORECASE,
)


def is_period_label(cell: str) -> bool:
    """True when a header cell names a period (a column of a timeline)."""
    return bool(_PERIOD_LABEL.match(cell))


def column_of(header_cell: str) -> Column | None:
    """The column a header cell names, or None when it is not a known plan column."""
    if is_period_label(header_cell):
        return Column.TIMELINE
    key = fold(header_cell).strip(" :*")
    key = _FOOTNOTE_TAIL.sub("", key).strip()
    if not key or len(key) > 90:
        return None
    for prefix, column in _HEADER_PREFIXES:
        if (
            key == prefix
            or key.startswith(prefix + " ")
            or key.startswith(prefix + "(")
            or (key.startswith(prefix) and len(prefix) > 5)
        ):
            if column is Column.DEADLINE and "/" in key and "realisation" in key:
                return Column.STATUS_DEADLINE
            return column
    return None


# --- statuses -------------------------------------------------------------------------

_MONTHS = MONTH_WORDS
_YEAR = r"(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?"
_WHEN = rf"(?:(?:{_MONTHS})\s+)?{_YEAR}"

# "Action en cours depuis septembre 2015 et pérenne", "Action réalisée en 2014-2015",
# "Action à planifier en 2016-2017 et pérenne", "Action terminée en 2022".
STATUS_PHRASE = re.compile(
    r"\b(?:Action\s+)?(?:en\s+cours|r[ée]alis[ée]e?s?|impl[ée]ment[ée]e?s?|planifi[ée]e?s?|"
    r"[àa]\s+planifier|termin[ée]e?s?|report[ée]e?s?|abandonn[ée]e?s?|[àa]\s+venir|"
    r"plus\s+d['’]actualit[ée]|non\s+r[ée]alis[ée]e?s?|en\s+attente|suspendue?s?)"
    rf"(?:\s+depuis\s+{_WHEN})?(?:\s+(?:en|pour|d[èe]s|fin|d[ée]but)\s+{_WHEN})?"
    r"(?:\s+et\s+p[ée]renne)?(?:\s+pour\s+(?:le|la|les)\s+\w+)?",
    re.IGNORECASE,
)

_STATUS_CATEGORIES: list[tuple[re.Pattern[str], StatusCategory]] = [
    (re.compile(r"plus d'actualite|abandonn|supprim|annul|sans objet"), StatusCategory.ABANDONED),
    (re.compile(r"report|suspendu|en attente|differe"), StatusCategory.POSTPONED),
    # negations first: "Non entamé", "Pas encore démarré" mean not started, not in progress
    (
        re.compile(
            r"\b(?:non|pas(?: encore)?)\s+(?:entame|initie|demarre|commence|lance|debute)"
            r"|\ba (?:demarrer|initier|entamer|commencer|debuter)\b"
        ),
        StatusCategory.PLANNED,
    ),
    (re.compile(r"en cours|partiellement|entame|initie|demarre"), StatusCategory.IN_PROGRESS),
    (
        re.compile(r"a planifier|planifie|a venir|prevu|pas commence|non commence|a lancer"),
        StatusCategory.PLANNED,
    ),
    (re.compile(r"non realise"), StatusCategory.PLANNED),
    (
        re.compile(r"realise|implemente|termine|acheve|fait\b|clotur|finalise|atteint"),
        StatusCategory.DONE,
    ),
]


def status_category(status: str | None) -> StatusCategory:
    """Normalised meaning of a free-text status (first matching family wins)."""
    if not status:
        return StatusCategory.UNKNOWN
    key = fold(status).replace("’", "'")
    for pattern, category in _STATUS_CATEGORIES:
        if pattern.search(key):
            return category
    return StatusCategory.UNKNOWN


def is_status_value(text: str) -> bool:
    """True when a cell holds nothing but a status ('En cours', 'Réalisé et implémenté')."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60:
        return False
    match = STATUS_PHRASE.match(stripped)
    rest = stripped[match.end() :] if match else stripped
    return match is not None and len(rest.strip(" .;,-")) <= len(stripped) // 2


# --- priorities -----------------------------------------------------------------------

PRIORITY_MARK = re.compile(r"^\s*(\*{1,3})(?=\s|$)")


def priority_of(text: str | None) -> int | None:
    """'***' → 3, 'Haute' → 3, '2' → 2; None when not a priority."""
    if not text:
        return None
    key = fold(text).strip()
    stars = re.fullmatch(r"\*{1,3}", key)
    if stars:
        return len(key)
    if key in {"1", "2", "3"}:
        return int(key)
    words = {"haute": 3, "elevee": 3, "forte": 3, "moyenne": 2, "basse": 1, "faible": 1}
    return words.get(key)


def header_prefixes() -> list[tuple[str, Column]]:
    """The folded header words and the column each names (for readers of flattened text)."""
    return list(_HEADER_PREFIXES)
