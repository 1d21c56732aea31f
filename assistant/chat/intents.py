"""Intent recognition without an LLM: a few ordered rules over cues and references.

Each rule reads the cues of `assistant.chat.lexicon` (« owner », « negation », « late »...)
and the references of `assistant.chat.entities` (criterion, recommendation number, action
named). The order matters and is the point of this module: « Quelles actions n'ont pas
d'indicateur ? » (a missing field) must win over « propose des indicateurs » (a draft), a
recommendation number over « couverte », a named action over a theme. Rules are easier
to audit than a classifier trained on a few dozen questions, and every decision can be
explained by the cues that fired.

Follow-ups: a question that starts with « et », « pour », « même question », or that only
names a criterion, a recommendation or a theme, reuses the last intent with its entities
updated (« et pour le critère 4 ? »). A question that has its own intent but lacks an
entity (« qui en est responsable ? ») takes it from the conversation's focus later, in
the composers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.chat.entities import extract, theme, theme_drop_words
from assistant.chat.followups import FOLLOW_UP, asks_advice_back, bare_number, merge
from assistant.chat.history import asks_a_status_change, asks_where_it_went, names_a_change
from assistant.chat.intent_needs import NEEDS_CONFIDENCE, intent_by_needs, slots_of
from assistant.chat.lexicon import CueMatch, find_cues
from assistant.chat.nonsense import asked_operation
from assistant.chat.periods import about_the_world, asks_when_due, names_a_period
from assistant.chat.text import normalize_question, stems
from assistant.extract.language import question_language
from assistant.schema.chat import Entities, Focus, Intent, MissingField, Question

_WHERE_ARE_WE = re.compile(
    r"\bou en (?:est|sont|sommes|etes)\b|\bpoint sur\b|\bfaire le point\b|"
    r"\b(?:on|ca|nous|vous) en (?:est|sommes|etes)\b|\ben (?:est|sont|sommes|etes)[ -](?:on |nous |elles |ils )?ou\b"
)


def asks_where_it_stands(normalized: str) -> bool:
    """« où en est … ? », « elles en sont où ? », « point sur … » (a normalised question)."""
    return bool(_WHERE_ARE_WE.search(normalized))


_WHAT_IS = re.compile(r"\bqu est-ce qui\b|\bqu est ce qui\b|\bce qui\b")
_ADVICE = re.compile(
    r"\b(?:que|quoi) (?:faire|devrait|devrions|faudrait|devons|conseill)|\bidees? (?:pour|sur)\b|"
    r"\bcomment (?:on )?(?:pourrait |peut |peux |doit |faut il )?(?:ameliorer|avancer|renforcer|"
    r"remedier|mieux|traiter|gerer|resoudre|repondre|corriger|reduire|lutter|agir)\b"
)
_STILL_NEEDED = re.compile(r"\b(?:faut|manque|manquent|encore|reste|restent)\b")
_COUNTING = re.compile(
    r"\ble (?:plus|moins) d actions\b|\bpar (?:responsable|porteur|personne|critere|etat|statut|"
    r"reco)s?\b|\bau total\b"
)
_PLANNED_FOR = re.compile(
    r"\b(?:prevu|prevue|prevues|prevoit|prevoient|prevoyons|planifie)s?"
    r"(?:[ -](?:on|t on|t-on|le plan|notre plan|votre plan|la section|il|elle|nous))? "
    r"(?:pour|sur|contre|en|concernant)\b"
    r"|\b(?:on a|a t on|avons nous|qu on a) (?:quoi |prevu |fait )?(?:sur|pour|contre)\b"
    r"|\btout ce qui (?:concerne|touche|parle)\b"
)
_STATES = (
    r"(?:deja |bien |toujours )?(?:fait|faite|fini|finie|termine|terminee|realise|realisee|"
    r"boucle|bouclee|acheve|achevee|lance|lancee|commence|commencee|en cours|en place)"
)
#: « le guide du TFE, il est fait ? », « c fait ? », « est-elle terminée ? »: the state of one
#: thing named, asked yes or no (not a list of the actions in a state).
_STATE_OF_ONE = re.compile(
    rf"\b(?:il|elle|c|ca)(?: est)? {_STATES}\b|\best[ -](?:il|elle) {_STATES}\b"
    rf"|^est[ -]ce qu(?:e|e l| l| il| elle)?\b(?:(?! sont ).)* est {_STATES}\b"
)
#: « est-ce que toutes les actions ont un responsable ? », « chaque action a-t-elle … »
_ALL_HAVE = re.compile(
    r"\b(?:toutes? les actions|chaque action|les actions)\b(?: \w+){0,4} "
    r"(?:ont|a|ont elles|a t elle|ont-elles|a-t-elle|possedent|disposent)\b"
)
#: « quelles sont les forces … », « c'est quoi les menaces »: the items of a kind, listed.
_WHAT_ARE = re.compile(r"\b(?:quel(?:le)?s? sont|c est quoi|donne moi|liste)\b")


def asks_the_items(normalized: str, cues: CueMatch) -> bool:
    """« quelles sont les forces ? », « combien de menaces ? »: the items themselves, not the
    ones lacking something."""
    wanted = cues.any("count", "list") or bool(_WHAT_ARE.search(normalized))
    return wanted and not cues.any("negation", "cover", "forgotten")


#: « quel critère est le moins couvert ? »: criteria compared, none named.
_CRITERIA_COMPARED = re.compile(r"\bcriteres?\b(?! \d)")
#: « ses actions », « son plan »: the owner the last answer was about.
_POSSESSIVE = re.compile(r"\b(?:ses|son|sa)\b")
_NEWS = re.compile(
    r"\bquoi de (?:neuf|9)\b|\bversions?\b|\bancien plan\b"
    # « quelles actions sont nouvelles ? », « une nouvelle échéance » (not « les nouveaux
    # enseignants », a subject): what is new in the plan
    r"|\bnouvel(?:le)?s? (?:actions?|echeances?|responsables?|indicateurs?|etats?|statuts?)\b"
    r"|\bactions? (?:\w+ ){0,2}(?:nouvelles?|nouveaux)\b(?! \w)"
)

#: Cue words that are part of the question's frame, not its subject, per intent.
_THEME_FRAME: dict[Intent, tuple[str, ...]] = {
    Intent.THEME_OWNERS: ("owner", "who", "list", "action", "pronoun", "planned"),
    Intent.OTHER_PLANS: ("other", "institution", "cover", "planned", "action", "list"),
    Intent.FREE: ("list", "who"),
    Intent.OWNER_DRAFTS: ("owner", "who", "hypothetical", "action", "pronoun", "list"),
}

OwnerMatcher = Callable[[str], str | None]


def _decide(
    text: str,
    normalized: str,
    cues: CueMatch,
    entities: Entities,
    owner: str | None,
    known: Collection[str] = frozenset(),
) -> tuple[Intent | None, tuple[str, ...]]:
    """The intent the rules choose, and the cues that decided it (None: no rule fired)."""
    has_reco_word = " reco" in f" {normalized}"
    words = normalized.split()
    # « compare le plan actuel avec l'ancienne version »: versions, not other institutions
    if (
        _NEWS.search(normalized)
        or (cues.has("history") and cues.has("since"))
        or asks_where_it_went(normalized)
    ):
        return Intent.HISTORY, ("history",)
    if cues.has("other") and (cues.has("institution") or "ailleurs" in words):
        return Intent.OTHER_PLANS, ("other",)
    if (names_a_change(normalized) or asks_a_status_change(normalized)) and not cues.any(
        "propose", "hypothetical"
    ):
        return Intent.HISTORY, ("history",)  # « quelles actions ont été retirées ? »
    if cues.has("cost") and not entities.recommendation_number:
        return Intent.FREE, ("cost",)  # « ils coûtent combien ? »: no budget, not a count
    if asks_when_due(normalized, cues):  # « qui se terminent en 2027 ? », « la prochaine échéance »
        entities.period = normalized if names_a_period(normalized) else None
        return Intent.DUE, ("deadline",)
    if cues.has("duplicate"):
        return Intent.DUPLICATES, ("duplicate",)
    if entities.field is MissingField.RECOMMENDATION:
        return Intent.MISSING_FIELD, ("negation",)  # « des actions qui ne citent aucune reco ? »
    subject = theme(text, theme_drop_words(cues))
    if subject and known and about_the_world(text, known):
        subject = None  # « il fait beau aujourd'hui ? »: the day, not a subject of the plan
    refers = entities.pronoun or bool(FOLLOW_UP.match(normalized))
    if (
        cues.has("hypothetical")
        and cues.any("owner", "who")
        and not cues.has("indicator")
        and (subject or refers or entities.action_query)
    ):
        return Intent.OWNER_DRAFTS, ("hypothetical",)
    if cues.has("vague") and cues.any("owner", "indicator") and not cues.has("propose"):
        # « quels indicateurs sont vagues ? »: the audit's vague ones come with the missing ones
        entities.field = MissingField.OWNER if cues.has("owner") else MissingField.INDICATOR
        return Intent.MISSING_FIELD, ("vague",)
    if cues.has("indicator") and _STILL_NEEDED.search(normalized) and not cues.has("propose"):
        entities.field = MissingField.INDICATOR
        return Intent.MISSING_FIELD, ("indicator",)
    if (
        entities.field in (MissingField.OWNER, MissingField.DEADLINE, MissingField.INDICATOR)
        and _ALL_HAVE.search(normalized)
        and not cues.any("count", "propose")
    ):
        return Intent.MISSING_FIELD, ("all",)  # « toutes les actions ont-elles un responsable ? »
    # a proposal asked for (« que proposer pour … », « tu proposerais quoi ? ») that is not
    # a field of an action (who, which indicator, when): advice on what to do
    proposes = cues.any("propose", "hypothetical") and not cues.any(
        "owner", "who", "indicator", "count", "deadline", "late"
    )
    if proposes and subject and known and not any(stem in known for stem in stems(subject)):
        proposes = bool(entities.recommendation_number or refers)  # « … quoi franchement ? »
    asks_advice = cues.has("advice") or bool(_ADVICE.search(normalized)) or proposes
    targeted = bool(subject or entities.recommendation_number or refers)
    if asks_advice and targeted and not cues.has("indicator"):
        return Intent.ADVICE, ("advice",)
    if cues.has("swot") and cues.any("negation", "cover", "forgotten"):
        return Intent.SWOT_GAPS, ("swot",)
    if (
        cues.has("swot")
        and asks_the_items(normalized, cues)
        and not cues.any("action", "owner", "deadline", "indicator", "advice", "propose")
    ):
        return Intent.SWOT_GAPS, ("swot",)  # « quelles sont les forces ? »: the items themselves
    if (
        cues.has("indicator")
        and not cues.has("negation")
        and (cues.has("propose") or entities.action_query or entities.pronoun or cues.has("list"))
    ):
        return Intent.INDICATORS, ("indicator",)
    if (
        subject
        and cues.has("indicator")
        and not cues.any("negation", "count", "propose", "hypothetical", "list", "advice")
    ):
        return Intent.ACTION_DETAILS, (
            "indicator",
        )  # « est-ce que le tutorat a des indicateurs ? »
    if (
        cues.has("negation")
        and (cues.any("owner", "deadline", "indicator") or entities.field is MissingField.STATUS)
        and not (cues.has("who") or entities.recommendation_number)
    ):
        return Intent.MISSING_FIELD, ("negation",)
    if cues.has("late") or cues.has("inconsistent"):
        # « des incohérences entre statut et date ? »: the late answer lists them
        return Intent.LATE, ("late",)
    if entities.recommendation_number or (entities.page and has_reco_word):
        return Intent.RECOMMENDATION, ()
    if (
        entities.extreme
        and not entities.criterion
        and _CRITERIA_COMPARED.search(normalized)
        and cues.any("cover", "progress", "partial")
    ):
        return Intent.PROGRESS, ("progress",)  # criteria compared on their coverage
    uncovered_question = cues.has("negation") and (cues.has("cover") or has_reco_word)
    if cues.has("count") and has_reco_word and not entities.recommendation_number:
        # « combien de recommandations ? »: the coverage; with a state (« partiellement
        # couvertes », « non couvertes ») the recommendations in that state
        if uncovered_question or cues.has("partial"):
            return Intent.UNCOVERED, ("count",)
        return Intent.PROGRESS, ("count",)
    if (cues.has("count") or _COUNTING.search(normalized)) and not uncovered_question:
        return Intent.COUNTS, ("count",)
    if (
        entities.extreme
        and entities.group_by == "owner"
        and cues.has("who", "owner")
        and not (subject or entities.action_query or refers or _WHAT_IS.search(normalized))
    ):
        return Intent.COUNTS, ("count",)  # « qui est le plus chargé ? »: owners compared
    if (
        (subject or entities.action_query)
        and _STATE_OF_ONE.search(normalized)
        and not (cues.any("list", "count") or "actions" in words or has_reco_word)
    ):
        return Intent.ACTION_DETAILS, ("progress",)
    if cues.has("priority") and not entities.priority and (subject or entities.action_query):
        return Intent.ACTION_DETAILS, ("priority",)  # « quelle est la priorité du tutorat ? »
    if entities.priority and not (subject or entities.action_query or has_reco_word):
        # « les actions prioritaires du critère 4 ? »: the actions of that priority, by status
        return Intent.STATUS, ("priority",)
    progress = cues.has("progress") or bool(_WHERE_ARE_WE.search(normalized))
    # « la reco sur la biosécurité est-elle couverte ? »: a subject, not a numbered reference
    plain = not (entities.criterion or entities.action_query or entities.recommendation_number)
    if plain and subject and (progress or (cues.has("cover") and not cues.has("negation"))):
        return Intent.THEME_STATUS, ("progress",)
    if progress and (entities.criterion or not (entities.action_query or entities.pronoun)):
        return Intent.PROGRESS, ("progress",)
    bare = not (subject or entities.criterion or entities.recommendation_number)
    if (
        (entities.pronoun or (refers and bare))
        and (progress or cues.has("deadline"))
        and not cues.has("negation")
    ):
        return Intent.ACTION_DETAILS, (
            "progress",
        )  # « et elles en sont où ? », « leurs échéances ? »
    if (
        cues.has("negation") and (cues.has("cover") or (has_reco_word and cues.has("planned")))
    ) or (has_reco_word and cues.any("partial", "forgotten")):
        return Intent.UNCOVERED, ("negation", "cover")
    if has_reco_word and cues.has("cover") and not (subject or entities.recommendation_number):
        # « est-ce que toutes les recommandations sont couvertes ? »: the ones that are not
        return Intent.UNCOVERED, ("cover",)
    if owner and not cues.has("who"):
        # « les actions de la DAE pas encore terminées »: a status among an owner's actions
        return (Intent.STATUS if entities.status else Intent.OWNER_ACTIONS), ()
    if cues.has("owner") and (cues.has("who") or cues.has("list")):
        named_theme = theme(text, theme_drop_words(cues, *_THEME_FRAME[Intent.THEME_OWNERS]))
        if entities.status and not theme(text, theme_drop_words(cues)):
            return Intent.STATUS, ()  # « les actions reportées, qui les porte ? »
        if entities.action_query or (entities.pronoun and not named_theme) or not named_theme:
            return Intent.ACTION_DETAILS, ("owner",)
        return Intent.THEME_OWNERS, ("owner",)
    if entities.action_query and (cues.any("deadline", "progress", "owner") or progress):
        return Intent.ACTION_DETAILS, ()
    if entities.status and (cues.any("action", "list") or _WHAT_IS.search(normalized)):
        return Intent.STATUS, ()
    # What a question needs decides the rest: a field of the actions on a subject
    # (« quand est prévue la grille … ? »), who does a subject (« qui accompagne … ? »),
    # the actions on a subject (« quelles actions sont prévues pour … ? »).
    if subject and cues.has("deadline") and not cues.has("negation"):
        return Intent.ACTION_DETAILS, ("deadline",)
    if (
        subject
        and cues.has("who")
        and not cues.any("negation", "count")
        and not _WHAT_IS.search(normalized)  # « qu'est-ce qui est prévu … » asks what, not who
    ):
        return Intent.THEME_OWNERS, ("who",)
    if (
        subject
        and cues.has("owner")
        and not cues.any("negation", "count", "hypothetical", "list")
        and not _WHAT_IS.search(normalized)
    ):
        return Intent.ACTION_DETAILS, ("owner",)  # « est-ce que le portfolio a un responsable ? »
    planned_for = cues.has("action") and cues.any("list", "planned")
    if subject and (planned_for or _PLANNED_FOR.search(normalized)) and not cues.has("negation"):
        return Intent.THEME_STATUS, ("action",)
    if entities.criterion and cues.has("cover") and not entities.recommendation_number:
        # « est-ce que le critère 5 est bien couvert ? »
        return Intent.UNCOVERED if cues.has("negation") else Intent.PROGRESS, ("cover",)
    if has_reco_word and entities.criterion and cues.any("cover", "planned", "list"):
        return Intent.UNCOVERED if cues.has("negation") else Intent.PROGRESS, ()
    if entities.criterion and cues.has("planned") and not cues.has("negation"):
        return Intent.PROGRESS, ()  # « qu'est-ce qui a été fait pour le critère 1 ? »
    return None, ()


def recognize(
    text: str,
    focus: Focus | None = None,
    owner_of: OwnerMatcher | None = None,
    known: Collection[str] = frozenset(),
    loose_owner_of: OwnerMatcher | None = None,
) -> Question:
    """Understand a question: intent, confidence, entities, follow-up or not.

    Args:
        text: the question as typed.
        focus: what the conversation was about (None: a first question).
        owner_of: finds a role of the workspace named in the question (« la coordination
            qualité »), returning its label, or None.
        known: stems of the words of the workspace's documents: real words, never typos.
        loose_owner_of: finds an owner named more loosely (an acronym of the owners' cells),
            tried only when no rule decided the intent.
    """
    normalized = normalize_question(text)
    cues = find_cues(normalized.split(), known)
    entities = extract(text, normalized, cues)
    owner = owner_of(text) if owner_of else None
    intent: Intent | None = None
    deciding: tuple[str, ...] = ()
    if question_language(text) is None:  # not French: answered with a French hint
        intent, deciding = _decide(text, normalized, cues, entities, owner, known)
    if owner:
        entities.owner_query = owner
    follow_up = bool(FOLLOW_UP.match(normalized)) and focus is not None and focus.intent is not None
    confidence = 0.9 - 0.15 * cues.fuzzy_count(*deciding, "owner", "late", "indicator")
    if intent is None and focus is not None and focus.intent is not None:
        names_something = bool(
            entities.criterion or entities.recommendation_number or entities.action_query
        )
        short = len(normalized.split()) <= 8
        if follow_up or (names_something and short):
            intent, follow_up, confidence = focus.intent, True, 0.8
        elif asks_advice_back(normalized, cues, _ADVICE) and (
            focus.recommendation_ids or focus.action_ids
        ):
            # « tu proposerais quoi alors ? »: advice on what was just discussed
            intent, follow_up, confidence = Intent.ADVICE, True, 0.7
    # (« et pour le critère 4 ? » with no conversation before it refers to nothing: unsure)
    if (
        intent is None
        and question_language(text) is None
        and asked_operation(normalized) is None
        and not FOLLOW_UP.match(normalized)
    ):
        # no rule fired: the intent whose needs the question meets best, if one leads clearly
        subject = theme(text, theme_drop_words(cues))
        if subject and known and not any(stem in known for stem in stems(subject)):
            subject = None  # words no document uses (« franchement »): no subject to answer on
        loose = owner or (loose_owner_of(text) if loose_owner_of is not None else None)
        intent = intent_by_needs(cues, slots_of(entities, subject, loose))
        if intent is not None and loose and not owner:
            entities.owner_query = loose  # « qu'est-ce que fait le CERSO ? »
        confidence = NEEDS_CONFIDENCE
    if intent is None:
        intent, confidence = Intent.FREE, 0.3
    carries_owner = follow_up or bool(_POSSESSIVE.search(normalized))
    if carries_owner and focus is not None and focus.owner and not entities.owner_query:
        entities.owner_query = focus.owner  # « et ses actions en retard ? »
    frame = _THEME_FRAME.get(intent)
    drop = theme_drop_words(cues, *frame) if frame else theme_drop_words(cues)
    entities.theme = theme(text, drop)
    if follow_up and focus is not None:
        bare_number(normalized, focus, entities)
    if follow_up and focus is not None and intent == focus.intent:
        entities = merge(focus.entities, entities)
    elif follow_up and focus is not None and not entities.criterion:
        entities.criterion = focus.criterion
    return Question(
        text=text,
        normalized=normalized,
        intent=intent,
        confidence=max(0.3, min(1.0, confidence)),
        entities=entities,
        follow_up=follow_up,
    )
