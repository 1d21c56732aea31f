"""Indicator drafts that make sense for their action, and those a reader would laugh at.

Two kinds of proposals read as nonsense to a coordinator, whatever their score:
- satisfaction with a person or a role (« Taux de bénéficiaires satisfaits du responsable »
  for « Désigner un responsable, une échéance et des indicateurs… »): nobody surveys
  satisfaction with a job title;
- satisfaction with a rule (« Taux de bénéficiaires satisfaits des règles de
  biosécurité »): a rule, a procedure or a charter is followed, not liked — what measures
  it is who knows and applies it;
- an indicator that counts or rates up the very thing the action removes (« Remplacer le
  carnet de stage papier par un portfolio » measured by the carnets, « Supprimer les
  doublons » by the number of doublons ≥ …): only a decrease of it would make sense.
"""

from __future__ import annotations

import re

from assistant.audit.french import plain_text, word_set
from assistant.drafting.wording import ActionObject

#: Words naming a person or a role: satisfaction with them is not an indicator.
_ROLES = word_set(
    """responsable coordinateur coordinatrice coordination direction directeur directrice
    president presidente referent referente conseiller conseillere gestionnaire secretariat
    titulaire promoteur promotrice garant porteur"""
)
#: Words naming a rule to follow: satisfaction with it is not an indicator either.
_RULES = word_set("""regle procedure charte reglement norme consigne protocole""")
#: Verbs whose object is what the action removes or reduces.
_REMOVING = word_set(
    """remplacer supprimer abandonner eliminer retirer limiter reduire diminuer
    alleger eviter"""
)
_DECREASE = re.compile(
    r"≤|<|\bau plus\b|\bmoins de\b|\bramen|\breduit|\bbaisse|\bdiminu|\bsuppression\b|\b0\b"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", plain_text(text))


def sensible(indicator: str, obj: ActionObject | None) -> bool:
    """False for an indicator draft that makes no sense for an action with this object."""
    if obj is None:
        return True
    folded = plain_text(indicator)
    head = _words(obj.noun)[:1]
    if "satisf" in folded and head and head[0].rstrip("s") in _ROLES | _RULES:
        return False
    verb = _words(obj.verb)[:1]
    if verb and verb[0] in _REMOVING and head:
        removed = head[0].rstrip("sx")
        mentions = any(word.rstrip("sx") == removed for word in _words(indicator))
        if mentions and ("satisf" in folded or not _DECREASE.search(folded)):
            return False
    return True
