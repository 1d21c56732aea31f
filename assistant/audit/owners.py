"""Rules on who carries an action: a vague collective, or a person instead of a function.

« L'équipe » or « Tous les enseignants » names nobody who will answer for the action at the
follow-up visit. The fix is almost always a role the plan already uses for the same subject
(« Responsable des stages » for a stage visit), so the message cites it: the coordinator
recognises it and the drafting step can propose it.

Decision: the rule fires even when the plan has no precise role on the subject (then it
lists the plan's most used precise roles, or none); a collective owner is a weakness experts
flag whatever the rest of the plan looks like.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from assistant.audit.base import action_gap, blank, quote
from assistant.audit.french import content_stems, word_set
from assistant.audit.roles import RoleCatalog, RoleEntry, is_vague_owner, split_owner
from assistant.french.folding import fold_accents
from assistant.schema import Action, Gap, Severity

VAGUE_OWNER = "vague_owner"
OWNER_IS_A_PERSON = "owner_is_a_person"

#: Least subject overlap (sum of idf of shared stems, + SAME_OBJECTIVE) to cite a role.
MIN_SUBJECT_SCORE = 2.0
SAME_OBJECTIVE = 2.0


def _subject(action: Action) -> set[str]:
    return set(content_stems(f"{action.text} {action.objective or ''}"))


def related_role(
    action: Action, actions: Sequence[Action], catalog: RoleCatalog
) -> tuple[RoleEntry, list[Action]] | None:
    """The precise role that owns actions closest in subject to `action`, and those actions.

    Closeness: the rarer the shared words the better (idf over the plan's actions), plus a
    bonus for actions under the same objective. None when nothing is close enough.
    """
    subjects = {a.id: _subject(a) for a in actions}
    df = Counter(stem for stems in subjects.values() for stem in stems)
    total = len(actions)
    mine = subjects.get(action.id) or _subject(action)
    by_id = {a.id: a for a in actions}
    best: tuple[float, RoleEntry, list[Action]] | None = None
    for entry in catalog.precise():
        scored: list[tuple[float, Action]] = []
        for other_id in entry.action_ids:
            other = by_id.get(other_id)
            if other is None or other.id == action.id:
                continue
            shared = mine & subjects[other.id]
            # sorted: a sum over a set would depend on PYTHONHASHSEED in its last digits,
            # enough to flip a near-tie between two roles from one process to the next
            score = math.fsum(math.log(total / df[s]) for s in sorted(shared) if df[s])
            if action.objective and other.objective == action.objective:
                score += SAME_OBJECTIVE
            scored.append((score, other))
        if not scored:
            continue
        scored.sort(key=lambda pair: -pair[0])
        top = scored[0][0]
        if top >= MIN_SUBJECT_SCORE and (best is None or top > best[0]):
            close = [other for score, other in scored if score >= MIN_SUBJECT_SCORE]
            best = (top, entry, close)
    return (best[1], best[2]) if best else None


def vague_owner(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """Every role in the owner cell is a vague collective."""
    catalog = RoleCatalog.from_actions(actions)
    gaps: list[Gap] = []
    for action in actions:
        if blank(action.owner) or not is_vague_owner(action.owner):
            continue
        owner = quote(action.owner or "", 50)
        advice = f"Le responsable {owner} de l'action {quote(action.text)} est un collectif : "
        advice += "personne n'en répond en particulier. "
        found = related_role(action, actions, catalog)
        if found is not None:
            entry, close = found
            examples = " ; ".join(quote(a.text, 60) for a in close[:2])
            advice += (
                f"Confiez-la à une fonction précise : {quote(entry.label, 50)} porte déjà des "
                f"actions sur le même sujet ({examples})."
            )
        elif precise := catalog.precise():
            names = ", ".join(quote(e.label, 40) for e in precise[:3])
            advice += (
                f"Confiez-la à une fonction précise, par exemple l'une de celles du plan : {names}."
            )
        else:
            advice += "Confiez-la à une fonction précise (ex. « Coordinateur·rice de section »)."
        gaps.append(action_gap(VAGUE_OWNER, Severity.MINOR, action, advice))
    return gaps


_CIVILITY = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Mr|Madame|Monsieur|Dr|Pr|Prof\.?)\s+[A-ZÀ-Ý]")
_INITIAL = re.compile(r"^[A-ZÀ-Ý]\.\s?[A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)?$")
_FIRST_NAMES = word_set(
    """alain anne antoine benoit bernard catherine cecile christine christophe claire
    david dominique emilie eric francoise francois frederic isabelle jacques jean julie
    laurence laurent marc marie martine michel nathalie nicolas olivier pascal patrick
    philippe pierre sandrine sophie stephane sylvie thierry valerie veronique vincent
    anne-marie jean-pierre jean-marc jean-francois marie-france"""
)
_NAME = re.compile(
    r"^(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+[A-ZÀ-Ý][A-Za-zà-ÿ'-]+$"
)


def looks_like_a_person(role: str) -> bool:
    """True for "Mme Dupont", "J. Martin", "Marie DUPONT": a person, not a function."""
    role = role.strip()
    if _CIVILITY.match(role) or _INITIAL.match(role):
        return True
    match = _NAME.match(role)
    if match is None:
        return False
    return fold_accents(match["first"]) in _FIRST_NAMES


def owner_is_a_person(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """A personal name where a function is expected."""
    gaps: list[Gap] = []
    for action in actions:
        people = [role for role in split_owner(action.owner) if looks_like_a_person(role)]
        if not people:
            continue
        names = ", ".join(quote(p, 40) for p in people)
        gaps.append(
            action_gap(
                OWNER_IS_A_PERSON,
                Severity.INFO,
                action,
                f"Le responsable de l'action {quote(action.text)} est une personne ({names}). "
                "Nommez plutôt sa fonction (ex. « Coordinateur·rice de section ») : le plan "
                "doit rester valable quand les personnes changent.",
            )
        )
    return gaps
