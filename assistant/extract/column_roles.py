"""Column-role inference: what each column of a table holds, from its header AND its cells.

A header word alone misleads as soon as a plan was not written for our vocabulary: an owner
column titled by the bodies responsible (« Instances »), a column of AEQES criteria
(« Critère 1.2.1 ») beside the column of recommendation references (« Rp.6 - 1 »), a table
with no header at all. Each candidate role scores a column from two kinds of evidence:

* its header (`vocabulary.column_of`), a strong prior;
* its cells: dates and periods, bodies and roles, measurable phrases, action wording,
  reference patterns, status phrases, priority marks (`cell_profile`).

`infer_roles` keeps the header's role when the cells do not contradict it, gives a role to
columns whose header says nothing, tells criteria from recommendation references, and says
how sure it is (a confidence per column and for the table). The lexicon lives in
``data/cell_lexicon_fr.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from assistant.extract.dates import due_date
from assistant.extract.infinitives import is_infinitive, is_past_participle
from assistant.extract.references import parse_references
from assistant.extract.vocabulary import Column, is_status_value, priority_of, status_category
from assistant.french.numbers import percent
from assistant.ids import fold
from assistant.schema import StatusCategory

_LEXICON = Path(__file__).parent / "data" / "cell_lexicon_fr.json"

#: Roles a table has at most one column of (the first, best-scored one wins).
SINGLE_ROLES = frozenset(
    {
        Column.ACTION,
        Column.OWNER,
        Column.DEADLINE,
        Column.STATUS,
        Column.PRIORITY,
        Column.REFERENCE,
        Column.INDICATORS,
        Column.CRITERION,
    }
)
#: Roles the cells can reveal (others — objective, axis, step — come from headers only).
CONTENT_ROLES = (
    Column.REFERENCE,
    Column.CRITERION,
    Column.STATUS,
    Column.PRIORITY,
    Column.DEADLINE,
    Column.OWNER,
    Column.INDICATORS,
    Column.ACTION,
    Column.TIMELINE,
    Column.BUDGET,
)
#: Rows a table's roles are inferred from: its first rows tell what its columns hold, and the
#: whole table is then read with the roles chosen (a 20,000-row sheet is not profiled whole).
SAMPLE_ROWS = 40
#: A share of cells at least this large is evidence enough to give a role to a column
#: whose header says nothing.
CONTENT_THRESHOLD = 0.6

_WORD = re.compile(r"[a-z0-9'’-]+")
# (not the figure of a share or a sum: « 60 % », « 2 500 € »)
_ENUMERATOR = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\s*[).]?(?!\s*(?:%|k?€|\d{3}\b))|[a-z]\)|[-–—•▪])\s+", re.I
)
# « 1.2.1 », « Critère 2.1 », and the short form « C3 », « C2.1 »
# A sum of money opening a cell (« 6 500 € », « 4 000 € (fonds FSE) », « env. 2 k€ »,
# « € 1.200 »), not a figure inside a sentence
_MONEY = re.compile(
    r"^\s*(?:(?:env(?:iron)?\.?|ca\.?|±|~|max(?:imum)?\.?)\s*)?"
    r"(?:€\s*\d|\d[\d\s\u00a0\u202f.]*(?:,\d+)?\s*(?:k\s*)?(?:€|eur\b|euros?\b))",
    re.IGNORECASE,
)
_SHARE_ALONE = re.compile(r"^\s*\d{1,3}(?:[.,]\d+)?\s*%\s*$")
_CRITERION_NUMBER = re.compile(
    r"^\s*(?:(?:crit[èe]re\s*)?\d(?:\.\d{1,2}){1,2}|C\s?\d{1,2}(?:\.\d{1,2}){0,2})\s*$", re.I
)


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return {key: frozenset(values) for key, values in raw.items() if isinstance(values, list)}


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _has_phrase(folded: str, words: list[str], phrases: frozenset[str]) -> bool:
    return any((" " in p and p in folded) or (" " not in p and p in words) for p in phrases)


def _starts_like_action(words: list[str]) -> bool:
    """An infinitive ("Organiser", "Revoir") or an action noun ("Mise en place")."""
    if not words:
        return False
    first = words[0]
    if first in _lexicon()["action_nouns"]:
        return True
    return is_infinitive(first) and first not in _lexicon()["body_words"]


@lru_cache(maxsize=65536)
def cell_profile(cell: str) -> dict[Column, float]:
    """How much a cell looks like each role's content (0 to 1), independent of its column."""
    text = _ENUMERATOR.sub("", cell.strip())
    folded = fold(text)
    words = _words(text)
    profile: dict[Column, float] = {}
    if not words and not text:
        return profile
    lexicon = _lexicon()
    short = len(words) <= 12 and len(text) <= 120
    if folded.strip(" .") in lexicon["mark_values"]:
        profile[Column.TIMELINE] = 1.0
        return profile
    if len(words) <= 8 and (
        _MONEY.match(text) or any(folded.startswith(v) for v in lexicon["cost_values"])
    ):
        profile[Column.BUDGET] = 1.0  # a sum, or « Sans coût »: nothing else a cell holds
        return profile
    references = parse_references(text)
    if references:
        numbered = any(r.number is not None for r in references)
        profile[Column.REFERENCE if numbered else Column.CRITERION] = 1.0
    elif _CRITERION_NUMBER.match(text):
        profile[Column.CRITERION] = 0.8
    if priority_of(text) is not None:
        profile[Column.PRIORITY] = 1.0
    if is_status_value(text):
        profile[Column.STATUS] = 1.0
    elif _SHARE_ALONE.match(text):
        profile[Column.STATUS] = 0.9  # « 60 % »: how far along, more than what is measured
    elif short and status_category(text) is not StatusCategory.UNKNOWN:
        profile[Column.STATUS] = 0.6
    worded_deadline = False  # a deadline by its words alone (« annuel », « continu »)
    if short and due_date(text) is not None and len(words) <= 8:
        profile[Column.DEADLINE] = 1.0 if Column.STATUS not in profile else 0.5
    elif short and _has_phrase(folded, words, lexicon["deadline_words"]) and len(words) <= 6:
        profile[Column.DEADLINE] = 0.8
        worded_deadline = True
    action_like = _starts_like_action(words)
    # a measure (« Nombre de… », « Taux de… ») or an outcome (« Fiche UE révisée ») names
    # what is counted or obtained, not who does it, whatever body it mentions
    measured = bool(words) and (
        words[0] in lexicon["measure_openers"]
        or (
            2 <= len(words) <= 6
            and Column.STATUS not in profile  # « Réalisé », « Reporté » are statuses
            and words[0] not in lexicon["body_words"]  # « Direction Conventions signées »:
            and words[-1] not in lexicon["body_words"]  # an owner's cell ran into the next
            and words[-1] not in lexicon["deadline_words"]  # « À chaque rentrée »
            and is_past_participle(text.split()[-1])
        )
    )
    if (
        short
        and not action_like
        and not measured
        and _has_phrase(folded, words, lexicon["body_words"])
    ):
        profile[Column.OWNER] = 0.9
    elif (
        short
        and not measured
        and not action_like
        and Column.DEADLINE not in profile
        and Column.CRITERION not in profile
        and _looks_like_names(text)
    ):
        profile[Column.OWNER] = 0.7
    named_measure = bool(words) and words[0] in lexicon["measure_openers"]
    named_measure = named_measure or _has_phrase(folded, words, lexicon["measure_words"])
    if measured or named_measure or "%" in text:
        profile[Column.INDICATORS] = 0.8
    if worded_deadline and named_measure:
        # « Compte rendu annuel », « Part des cours évalués chaque année »: the recurrence
        # says how often the measure is made, the cell names what is measured (a
        # participle alone does not: « À chaque rentrée » is a deadline)
        profile[Column.DEADLINE] = 0.4
    if action_like and len(words) >= 3:
        profile[Column.ACTION] = 0.9
    elif len(words) >= 8 and not profile:
        profile[Column.ACTION] = 0.4
    return profile


def opens_like_owner(text: str) -> bool:
    """Whether a text starts the way an owner's cell does: with a body or a role
    (« Service… », « Coordinatrice… ») or as names and acronyms (« CQD, DD »)."""
    words = _words(text)
    return bool(words) and (words[0] in _lexicon()["body_words"] or _looks_like_names(text))


def _looks_like_names(text: str) -> bool:
    """Acronyms or capitalised names ("CQD, DD", "M. Dupont / Mme Leroy")."""
    tokens: list[str] = re.findall(r"[A-Za-zÀ-ÿ][\wÀ-ÿ.'’-]*", text)
    if not tokens or len(tokens) > 8:
        return False
    capitalised = sum(token[0].isupper() for token in tokens)
    return bool(capitalised >= max(1, 0.7 * len(tokens)))


@dataclass(frozen=True)
class ColumnRole:
    """The role given to one column, how sure, and why."""

    index: int
    role: Column | None
    confidence: float
    evidence: str  # French, for the structure report


@dataclass(frozen=True)
class RoleAssignment:
    """Roles of a table's columns."""

    columns: tuple[ColumnRole, ...]

    @property
    def roles(self) -> dict[int, Column]:
        return {c.index: c.role for c in self.columns if c.role is not None}

    @property
    def confidence(self) -> float:
        """How sure the table reading is: the weakest of its key columns."""
        key = [c.confidence for c in self.columns if c.role in _KEY_ROLES]
        return min(key) if key else 0.0


_KEY_ROLES = frozenset(
    {Column.ACTION, Column.OWNER, Column.DEADLINE, Column.REFERENCE, Column.INDICATORS}
)
_ROLE_NAMES = {
    Column.REFERENCE: "références de recommandations",
    Column.CRITERION: "critères du référentiel",
    Column.STATUS: "états d'avancement",
    Column.PRIORITY: "priorités",
    Column.DEADLINE: "échéances",
    Column.OWNER: "responsables (instances, rôles)",
    Column.INDICATORS: "indicateurs",
    Column.ACTION: "actions",
    Column.TIMELINE: "périodes cochées",
    Column.BUDGET: "montants (budget, coût)",
}


def column_profile(cells: Sequence[str]) -> dict[Column, float]:
    """Mean content score of each role over a column's non-empty cells."""
    filled = [cell for cell in cells if cell.strip()]
    if not filled:
        return {}
    totals: dict[Column, float] = {}
    for cell in filled:
        for role, score in cell_profile(cell).items():
            totals[role] = totals.get(role, 0.0) + score
    return {role: total / len(filled) for role, total in totals.items()}


def infer_roles(
    header_roles: dict[int, Column], rows: Sequence[Sequence[str]], width: int
) -> RoleAssignment:
    """Roles of every column from the header's roles and the data rows' cells.

    Args:
        header_roles: roles the header words give (column index -> role); may be empty.
        rows: data rows (their cells), a sample is enough.
        width: number of columns.
    """
    profiles = [column_profile([row[i] for row in rows if i < len(row)]) for i in range(width)]
    chosen: dict[int, ColumnRole] = {}
    for index in range(width):
        header = header_roles.get(index)
        profile = profiles[index]
        if header is None:
            continue
        if header in (Column.REFERENCE, Column.CRITERION):
            header = _reference_or_criterion(header, profile, profiles, index)
        agreement = profile.get(header, 0.0)
        checkable = header in CONTENT_ROLES and header is not Column.ACTION
        confidence = 0.6 + 0.4 * agreement if checkable else 0.85
        evidence = "titre de colonne" + (
            f" ; {percent(agreement)} des cellules ressemblent à des {_ROLE_NAMES[header]}"
            if checkable
            else ""
        )
        chosen[index] = ColumnRole(index, header, round(confidence, 2), evidence)
    taken = {c.role for c in chosen.values()}
    # Columns whose header says nothing: the best content role not already taken.
    for index in range(width):
        if index in chosen:
            continue
        ranked = sorted(profiles[index].items(), key=lambda item: -item[1])
        for role, share in ranked:
            if share < CONTENT_THRESHOLD:
                break
            if role in SINGLE_ROLES and role in taken:
                continue
            if role is Column.TIMELINE:
                continue  # marked cells without a period header: nothing to date them
            chosen[index] = ColumnRole(
                index,
                role,
                round(0.4 + 0.5 * share, 2),
                f"contenu : {percent(share)} des cellules ressemblent à des {_ROLE_NAMES[role]}",
            )
            taken.add(role)
            break
    return RoleAssignment(tuple(chosen[i] for i in sorted(chosen)))


def _reference_or_criterion(
    header: Column, profile: dict[Column, float], profiles: list[dict[Column, float]], index: int
) -> Column:
    """A column of criteria alone beside a column of recommendation references is criteria."""
    others_cite = any(
        p.get(Column.REFERENCE, 0.0) >= CONTENT_THRESHOLD
        for i, p in enumerate(profiles)
        if i != index
    )
    criteria = profile.get(Column.CRITERION, 0.0)
    references = profile.get(Column.REFERENCE, 0.0)
    if header is Column.REFERENCE and others_cite and criteria >= 0.5 > references:
        return Column.CRITERION
    if header is Column.CRITERION and references >= CONTENT_THRESHOLD and not others_cite:
        return Column.REFERENCE
    return header
