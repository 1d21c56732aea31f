"""The ordered rules that choose a question's intent from its cues, references and shape.

Each rule reads the cues of `assistant.chat.lexicon` (« owner », « negation », « late »...),
the references of `assistant.chat.entities` (criterion, recommendation number, action named)
and the shapes of `assistant.chat.question_shapes`. The order matters and is the point of
this module: « Quelles actions n'ont pas d'indicateur ? » (a missing field) must win over
« propose des indicateurs » (a draft), a recommendation number over « couverte », a named
action over a theme. Rules are easier to audit than a classifier trained on a few dozen
questions, and every decision can be explained by the cues that fired.
"""

from __future__ import annotations

from collections.abc import Collection

from assistant.chat.entities import theme, theme_drop_words
from assistant.chat.followups import FOLLOW_UP
from assistant.chat.history import asks_a_status_change, asks_where_it_went, names_a_change
from assistant.chat.lexicon import CueMatch
from assistant.chat.periods import about_the_world, asks_when_due, names_a_period
from assistant.chat.question_shapes import (
    ADVICE,
    ALL_HAVE,
    ALL_RECOMMENDATIONS,
    COUNTING,
    CRITERIA_COMPARED,
    NEWS,
    PLANNED_FOR,
    STATE_OF_ONE,
    STILL_NEEDED,
    THEME_FRAME,
    WHAT_IS,
    WHERE_ARE_WE,
    asks_the_items,
    counts_something_else,
)
from assistant.chat.text import stems
from assistant.schema.chat import Entities, Intent, MissingField


def decide(
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
        NEWS.search(normalized)
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
    # « quelles sont les lacunes du plan ? », « qu'est-ce qui manque dans notre plan ? »: the
    # audit's gaps (« qu'est-ce qui manque pour la reco 3 ? » is that recommendation's answer)
    names_one = entities.recommendation_number or entities.action_query
    if (
        (cues.has("gap") or (cues.has("missing") and not names_one))
        and not cues.any("swot", "duplicate", "advice", "propose", "hypothetical")
        and not ADVICE.search(normalized)
    ):
        return Intent.GAPS, ("gap",)
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
    if cues.has("indicator") and STILL_NEEDED.search(normalized) and not cues.has("propose"):
        entities.field = MissingField.INDICATOR
        return Intent.MISSING_FIELD, ("indicator",)
    if (
        entities.field in (MissingField.OWNER, MissingField.DEADLINE, MissingField.INDICATOR)
        and ALL_HAVE.search(normalized)
        and not cues.any("count", "propose")
    ):
        return Intent.MISSING_FIELD, ("all",)  # « toutes les actions ont-elles un responsable ? »
    if ALL_RECOMMENDATIONS.search(normalized) and not cues.any(
        "count", "propose", "advice", "owner", "indicator", "deadline"
    ):
        return Intent.UNCOVERED, ("all",)  # « toutes les recos ont-elles une action ? »: the others
    # a proposal asked for (« que proposer pour … », « tu proposerais quoi ? ») that is not
    # a field of an action (who, which indicator, when): advice on what to do
    proposes = cues.any("propose", "hypothetical") and not cues.any(
        "owner", "who", "indicator", "count", "deadline", "late"
    )
    if proposes and subject and known and not any(stem in known for stem in stems(subject)):
        proposes = bool(entities.recommendation_number or refers)  # « … quoi franchement ? »
    asks_advice = cues.has("advice") or bool(ADVICE.search(normalized)) or proposes
    targeted = bool(subject or entities.recommendation_number or refers)
    if asks_advice and targeted and not cues.has("indicator"):
        return Intent.ADVICE, ("advice",)
    if cues.has("swot") and cues.any("negation", "cover", "forgotten", "gap"):
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
        and CRITERIA_COMPARED.search(normalized)
        and cues.any("cover", "progress", "partial")
    ):
        return Intent.PROGRESS, ("progress",)  # criteria compared on their coverage
    if cues.has("count") and counts_something_else(normalized):
        return Intent.FREE, ("count",)  # « combien de fois par an … ? »: the text, not a tally
    uncovered_question = cues.has("negation") and (cues.has("cover") or has_reco_word)
    if cues.has("count") and has_reco_word and not entities.recommendation_number:
        # « combien de recommandations ? »: the coverage; with a state (« partiellement
        # couvertes », « non couvertes ») the recommendations in that state
        if uncovered_question or cues.has("partial"):
            return Intent.UNCOVERED, ("count",)
        return Intent.PROGRESS, ("count",)
    if (cues.has("count") or COUNTING.search(normalized)) and not uncovered_question:
        return Intent.COUNTS, ("count",)
    if (
        entities.extreme
        and entities.group_by == "owner"
        and cues.has("who", "owner")
        and not (subject or entities.action_query or refers or WHAT_IS.search(normalized))
    ):
        return Intent.COUNTS, ("count",)  # « qui est le plus chargé ? »: owners compared
    if (
        (subject or entities.action_query)
        and STATE_OF_ONE.search(normalized)
        and not (cues.any("list", "count") or "actions" in words or has_reco_word)
    ):
        return Intent.ACTION_DETAILS, ("progress",)
    if cues.has("priority") and not entities.priority and (subject or entities.action_query):
        return Intent.ACTION_DETAILS, ("priority",)  # « quelle est la priorité du tutorat ? »
    if entities.priority and not (subject or entities.action_query or has_reco_word):
        # « les actions prioritaires du critère 4 ? »: the actions of that priority, by status
        return Intent.STATUS, ("priority",)
    progress = cues.has("progress") or bool(WHERE_ARE_WE.search(normalized))
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
        named_theme = theme(text, theme_drop_words(cues, *THEME_FRAME[Intent.THEME_OWNERS]))
        if entities.status and not theme(text, theme_drop_words(cues)):
            return Intent.STATUS, ()  # « les actions reportées, qui les porte ? »
        if entities.action_query or (entities.pronoun and not named_theme) or not named_theme:
            return Intent.ACTION_DETAILS, ("owner",)
        return Intent.THEME_OWNERS, ("owner",)
    if entities.action_query and (cues.any("deadline", "progress", "owner") or progress):
        return Intent.ACTION_DETAILS, ()
    if entities.status and (cues.any("action", "list") or WHAT_IS.search(normalized)):
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
        and not WHAT_IS.search(normalized)  # « qu'est-ce qui est prévu … » asks what, not who
    ):
        return Intent.THEME_OWNERS, ("who",)
    if (
        subject
        and cues.has("owner")
        and not cues.any("negation", "count", "hypothetical", "list")
        and not WHAT_IS.search(normalized)
    ):
        return Intent.ACTION_DETAILS, ("owner",)  # « est-ce que le portfolio a un responsable ? »
    planned_for = cues.has("action") and cues.any("list", "planned")
    if subject and (planned_for or PLANNED_FOR.search(normalized)) and not cues.has("negation"):
        return Intent.THEME_STATUS, ("action",)
    if entities.criterion and cues.has("cover") and not entities.recommendation_number:
        # « est-ce que le critère 5 est bien couvert ? »
        return Intent.UNCOVERED if cues.has("negation") else Intent.PROGRESS, ("cover",)
    if has_reco_word and entities.criterion and cues.any("cover", "planned", "list"):
        return Intent.UNCOVERED if cues.has("negation") else Intent.PROGRESS, ()
    if entities.criterion and cues.has("planned") and not cues.has("negation"):
        return Intent.PROGRESS, ()  # « qu'est-ce qui a été fait pour le critère 1 ? »
    return None, ()
