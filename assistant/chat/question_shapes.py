"""The shapes of French questions that the intent rules read, as patterns and predicates.

A coordinator asks « où en est … ? », « qu'est-ce qui … », « que devrait-on faire … »,
« toutes les actions ont-elles … ? »: the wording around the subject says what kind of answer
is wanted. These patterns match a normalised question (`assistant.chat.text.normalize_question`:
folded, no accents, numbers in words as digits); the ordered rules
(`assistant.chat.intent_rules`) and a few composers ask them, never the raw words.
`THEME_FRAME` says, per intent, which cue words frame the question rather than name its subject.
"""

from __future__ import annotations

import re

from assistant.chat.lexicon import CueMatch, find_cues, plan_item_words
from assistant.schema.chat import Intent

WHERE_ARE_WE = re.compile(
    r"\bou en (?:est|sont|sommes|etes)\b|\bpoint sur\b|\bfaire le point\b|"
    r"\b(?:on|ca|nous|vous) en (?:est|sommes|etes)\b|\ben (?:est|sont|sommes|etes)[ -](?:on |nous |elles |ils )?ou\b"
)


def asks_where_it_stands(normalized: str) -> bool:
    """« où en est … ? », « elles en sont où ? », « point sur … » (a normalised question)."""
    return bool(WHERE_ARE_WE.search(normalized))


WHAT_IS = re.compile(r"\bqu est-ce qui\b|\bqu est ce qui\b|\bce qui\b")
ADVICE = re.compile(
    r"\b(?:que|quoi) (?:faire|devrait|devrions|faudrait|devons|conseill)|\bidees? (?:pour|sur)\b|"
    r"\bcomment (?:on )?(?:pourrait |peut |peux |doit |faut il )?(?:ameliorer|avancer|renforcer|"
    r"remedier|mieux|traiter|gerer|resoudre|repondre|corriger|reduire|lutter|agir)\b"
)
STILL_NEEDED = re.compile(r"\b(?:faut|manque|manquent|encore|reste|restent)\b")
COUNTING = re.compile(
    r"\ble (?:plus|moins) d actions\b|\bpar (?:responsable|porteur|personne|critere|etat|statut|"
    r"reco)s?\b|\bau total\b"
)
PLANNED_FOR = re.compile(
    r"\b(?:prevu|prevue|prevues|prevoit|prevoient|prevoyons|planifie)s?"
    r"(?:[ -](?:on|t on|t-on|le plan|notre plan|votre plan|la section|il|elle|nous))? "
    r"(?:pour|sur|contre|en|concernant)\b"
    r"|\b(?:on a|a t on|avons nous|qu on a) (?:quoi |prevu |fait )?(?:sur|pour|contre)\b"
    r"|\btout ce qui (?:concerne|touche|parle)\b"
    # the subject put first (« pour la biosécurité, qu'est-ce qu'on a prévu ? », « le TFE,
    # qu'avons-nous fait ? »): the question ends on what was planned
    r"|\bqu (?:est.ce qu )?(?:on a|a t on|a-t-on|avons nous|avons-nous|ils ont) "
    r"(?:prevu|fait|mis en place|planifie|lance)\b"
    r"|\b(?:on a|a t on|avons nous|vous avez) (?:prevu|fait|mis en place|planifie) quoi\b"
)
_STATES = (
    r"(?:deja |bien |toujours )?(?:fait|faite|fini|finie|termine|terminee|realise|realisee|"
    r"boucle|bouclee|acheve|achevee|lance|lancee|commence|commencee|en cours|en place)"
)
#: « le guide du TFE, il est fait ? », « c fait ? », « est-elle terminée ? »: the state of one
#: thing named, asked yes or no (not a list of the actions in a state).
STATE_OF_ONE = re.compile(
    rf"\b(?:il|elle|c|ca)(?: est)? {_STATES}\b|\best[ -](?:il|elle) {_STATES}\b"
    rf"|^est[ -]ce qu(?:e|e l| l| il| elle)?\b(?:(?! sont ).)* est {_STATES}\b"
)
#: « est-ce que toutes les actions ont un responsable ? », « chaque action a-t-elle … »
ALL_HAVE = re.compile(
    r"\b(?:toutes? les actions|chaque action|les actions)\b(?: \w+){0,4} "
    r"(?:ont|a|ont elles|a t elle|ont-elles|a-t-elle|possedent|disposent)\b"
)
#: « est-ce que toutes les recommandations ont au moins une action ? », « chaque reco est-elle
#: traitée ? »: every recommendation asked about at once, answered by the ones that are not.
ALL_RECOMMENDATIONS = re.compile(
    r"\b(?:toutes? les reco|chaque reco)s?\b(?: \w+){0,4} "
    r"(?:ont|a|ont elles|a t elle|ont-elles|a-t-elle|sont|est|recoivent|trouvent)\b"
)
#: « combien de fois … », « le nombre d'étudiants »: the thing a count is about, as named.
COUNTED = re.compile(r"\b(?:combien|nombre|nb) (?:de |d |des )(?P<noun>[a-z][a-z-]*)")
#: Cues whose words name the plan's own items (actions, owners, gaps, SWOT items, fields,
#: states): a count of those is a count of the plan.
_PLAN_ITEM_CUES = ("action", "owner", "gap", "swot", "indicator", "deadline", "duplicate",
                   "done", "ongoing", "postponed", "abandoned", "upcoming", "late", "priority",
                   "missing", "vague", "history")  # fmt: skip


#: « tous les combien ? », « à quelle fréquence ? », « tous les combien de mois ? »: how often.
HOW_OFTEN = re.compile(r"\b(?:tou(?:te)?s les combien|a quelle (?:frequence|periodicite))\b")


def counts_something_else(normalized: str) -> bool:
    """« combien de fois par an … ? », « combien d'étudiants … ? »: a count of a thing the plan
    does not list (its answer, if any, is in the documents' text, not in a tally of actions);
    « tous les combien ? » asks how often, not how many."""
    if HOW_OFTEN.search(normalized):
        return True
    found = COUNTED.search(normalized)
    if found is None:
        return False
    noun = found["noun"]
    return not (find_cues([noun]).any(*_PLAN_ITEM_CUES) or noun in plan_item_words())


#: « quelles sont les forces … », « c'est quoi les menaces »: the items of a kind, listed.
WHAT_ARE = re.compile(r"\b(?:quel(?:le)?s? sont|c est quoi|donne moi|liste)\b")


def asks_the_items(normalized: str, cues: CueMatch) -> bool:
    """« quelles sont les forces ? », « combien de menaces ? »: the items themselves, not the
    ones lacking something."""
    wanted = cues.any("count", "list") or bool(WHAT_ARE.search(normalized))
    return wanted and not cues.any("negation", "cover", "forgotten", "gap")


#: « quel critère est le moins couvert ? »: criteria compared, none named.
CRITERIA_COMPARED = re.compile(r"\bcriteres?\b(?! \d)")
#: « ses actions », « son plan »: the owner the last answer was about.
POSSESSIVE = re.compile(r"\b(?:ses|son|sa)\b")
NEWS = re.compile(
    r"\bquoi de (?:neuf|9)\b|\bversions?\b|\bancien plan\b"
    # « quelles actions sont nouvelles ? », « une nouvelle échéance » (not « les nouveaux
    # enseignants », a subject): what is new in the plan
    r"|\bnouvel(?:le)?s? (?:actions?|echeances?|responsables?|indicateurs?|etats?|statuts?)\b"
    r"|\bactions? (?:\w+ ){0,2}(?:nouvelles?|nouveaux)\b(?! \w)"
)


#: Cue words that are part of the question's frame, not its subject, per intent.
THEME_FRAME: dict[Intent, tuple[str, ...]] = {
    Intent.THEME_OWNERS: ("owner", "who", "list", "action", "pronoun", "planned"),
    Intent.OTHER_PLANS: ("other", "institution", "cover", "planned", "action", "list"),
    Intent.FREE: ("list", "who"),
    Intent.OWNER_DRAFTS: ("owner", "who", "hypothetical", "action", "pronoun", "list"),
}
