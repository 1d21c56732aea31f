"""How SMART an action is: five yes/no criteria a coordinator can check and fix one by one.

The score is not a grade of the action's value; it counts which of the fields experts expect
are usable. Each criterion is deliberately simple, so that "why is this criterion false?"
always has a one-line answer:

- **specific** — the wording says what will be done: at least `MIN_CONTENT_WORDS` meaningful
  words, opening (after any site label such as "LLN :") with an action verb ("Rédiger",
  "Organiser") or a noun that names something done or made ("Mise en place", "Création",
  "Atelier", "Guide"). "Communication interne" is a theme, not an action.
- **measurable** — at least one indicator is measurable (`measurability.is_measurable`).
- **assigned** — an owner is written and at least one of its roles is not a vague
  collective ("L'équipe", "Tous les enseignants").
- **time_bound** — the deadline can be read as a date (`Action.due` or the deadline cell).
- **tracked** — a status is written, and it agrees with the dates: none of the date rules
  (stale deadline, past period written as future, done before its period) applies.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.audit.base import blank
from assistant.audit.duplicates import site_label
from assistant.audit.french import content_words, plain_text, word_set
from assistant.audit.measurability import is_measurable
from assistant.audit.roles import RoleCatalog, is_vague_role, role_key, split_owner
from assistant.audit.timing import date_problem, deadline_of
from assistant.schema import Action, SmartScore

#: Fewer meaningful words than this cannot say concretely what will be done.
MIN_CONTENT_WORDS = 3

# Nouns ending like infinitives: "Atelier de méthodologie" opens with a noun, not a verb.
_NOT_VERBS = word_set(
    """atelier dossier cahier calendrier metier premier dernier centre cadre registre
    repertoire livre lettre membre titre chiffre nombre ordre semestre trimestre
    quadrimestre filiere matiere carriere maniere rencontre offre partenaire referentiel
    questionnaire seminaire itineraire horaire annuaire glossaire memoire notaire
    dispositif"""
)
_INFINITIVE = re.compile(r"^[a-z-]+(?:er|ir|ire|re|oir|oitre)$")
# Nouns naming something done ("Création", "Mise en place") or made ("Guide", "Atelier").
_ACTION_NOUN = re.compile(r"^[a-z-]+(?:tion|sion|ment|age|ure)s?$")
_CONCRETE_NOUNS = word_set(
    """mise atelier ateliers guide module modules projet seminaire journee journees tutorat
    plan charte grille cellule commission comite groupe espace portfolio repertoire base
    procedure enquete questionnaire seance seances formation campagne dispositif reunion
    reunions rencontre rencontres visite visites test tests livret brochure note rapport
    programme convention conventions accord catalogue registre site page lettre cours
    entretien entretiens permanence stage stages bourse remise soiree invitation consultation
    diagnostic diagnostique referentiel poursuite soutien reflexion processus analyse travail
    refonte suivi recherche etude bilan inventaire"""
)
# "Après la phase diagnostic, repérer...", "Pour tous les B1, 3 ateliers...": look past them.
_PREPOSITIONS = word_set("apres avant pour dans des lors en au a avec afin suite sur")


def _opening_words(text: str) -> list[str]:
    _, wording = site_label(text)
    # "En B1 : Mise en place..." — skip a short scope prefix before a colon.
    if ":" in wording[:25]:
        wording = wording.split(":", 1)[1] or wording
    words = re.split(r"[\s/]+", plain_text(wording))
    return [w.strip('.,;:()«»"') for w in words if w.strip('.,;:()«»"')]


def _names_an_action(word: str) -> bool:
    if word in _CONCRETE_NOUNS:
        return True
    if word in _NOT_VERBS:
        return False
    return bool(_INFINITIVE.match(word) or _ACTION_NOUN.match(word))


def is_specific(action: Action) -> bool:
    """Enough words, opening with an action verb or a concrete noun (see module docstring)."""
    if len(content_words(action.text)) < MIN_CONTENT_WORDS:
        return False
    words = _opening_words(action.text)
    if not words:
        return False
    if words[0] in _PREPOSITIONS:
        return any(_names_an_action(w) for w in words[1:12] if w not in _PREPOSITIONS)
    return _names_an_action(words[0])


def is_assigned(action: Action, roles: RoleCatalog | None = None) -> bool:
    """An owner with at least one role that is not a vague collective."""
    if blank(action.owner):
        return False
    for surface in split_owner(action.owner):
        entry = roles.get(role_key(surface)) if roles is not None else None
        vague = entry.vague if entry is not None else is_vague_role(surface)
        if not vague:
            return True
    return False


def is_tracked(action: Action, as_of: date) -> bool:
    """A status is written and no date rule contradicts it."""
    return not blank(action.status) and date_problem(action, as_of) is None


def smart_score(action: Action, as_of: date, roles: RoleCatalog | None = None) -> SmartScore:
    """The five SMART criteria of one action and how many are met.

    Args:
        action: the action to score.
        as_of: reference date for the deadline checks ("--as-of").
        roles: the workspace's role catalog; its verdict on vague roles wins when it knows
            the role (None: judge each role on its own wording).
    """
    criteria = {
        "specific": is_specific(action),
        "measurable": any(is_measurable(i) for i in action.indicators if not blank(i)),
        "assigned": is_assigned(action, roles),
        "time_bound": deadline_of(action) is not None,
        "tracked": is_tracked(action, as_of),
    }
    return SmartScore(action_id=action.id, score=sum(criteria.values()), **criteria)
