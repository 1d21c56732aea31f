"""Intent recognition without an LLM: a question understood, in context.

`recognize` reads the question's cues and references, lets the ordered rules
(`assistant.chat.intent_rules`) choose its intent, and falls back on what the question needs
(`assistant.chat.intent_needs`) when no rule decides.

Follow-ups: a question that starts with « et », « pour », « même question », or that only
names a criterion, a recommendation or a theme, reuses the last intent with its entities
updated (« et pour le critère 4 ? »). A question that has its own intent but lacks an
entity (« qui en est responsable ? ») takes it from the conversation's focus later, in
the composers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from assistant.chat.entities import extract, theme, theme_drop_words
from assistant.chat.followups import FOLLOW_UP, asks_advice_back, bare_number, merge
from assistant.chat.intent_needs import NEEDS_CONFIDENCE, intent_by_needs, slots_of
from assistant.chat.intent_rules import decide
from assistant.chat.lexicon import find_cues
from assistant.chat.nonsense import asked_operation
from assistant.chat.question_shapes import ADVICE, POSSESSIVE, THEME_FRAME
from assistant.chat.text import normalize_question, stems
from assistant.extract.language import question_language
from assistant.schema.chat import Focus, Intent, Question

OwnerMatcher = Callable[[str], str | None]


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
        intent, deciding = decide(text, normalized, cues, entities, owner, known)
    if owner:
        entities.owner_query = owner
    follow_up = bool(FOLLOW_UP.match(normalized)) and focus is not None and focus.intent is not None
    confidence = 0.9 - 0.15 * cues.fuzzy_count(*deciding, "owner", "late", "indicator")
    if intent is None and focus is not None and focus.intent is not None:
        names_something = bool(
            entities.criterion
            or entities.recommendation_number
            or entities.action_query
            # « lesquelles sont critiques ? » after the gaps: a slot of that intent only
            or (entities.severity and focus.intent is Intent.GAPS)
        )
        short = len(normalized.split()) <= 8
        if follow_up or (names_something and short):
            intent, follow_up, confidence = focus.intent, True, 0.8
        elif asks_advice_back(normalized, cues, ADVICE) and (
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
    carries_owner = follow_up or bool(POSSESSIVE.search(normalized))
    if carries_owner and focus is not None and focus.owner and not entities.owner_query:
        entities.owner_query = focus.owner  # « et ses actions en retard ? »
    frame = THEME_FRAME.get(intent)
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
