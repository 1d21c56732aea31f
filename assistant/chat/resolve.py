"""Resolving what a question names against the workspace: recommendations, actions, roles, themes.

The recogniser reads « la recommandation 5 du critère 3 », « l'action sur le portfolio »,
« la coordination qualité », « les stages »; this module finds the items they designate, or
says that nothing or several things match, so that the answer can ask back instead of
guessing. Actions are matched by fuzzy wording (rapidfuzz), then by retrieval; themes by
French stems over the actions' wording and indicators, with typo correction against the
plan's own vocabulary (« stges » → « stages »).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.audit.roles import RoleEntry, role_key
from assistant.chat.followups import ACKNOWLEDGED
from assistant.chat.knowledge import Knowledge
from assistant.chat.synonyms import asked_stems, with_synonyms
from assistant.chat.text import close, fold_text, stems
from assistant.schema import Action, Mapping, PassageFilter, PassageKind, SearchHit
from assistant.schema.chat import Focus, Question

_KEY = re.compile(r"^(?:c(?P<c>\d+(?:\.\d+)*))?/?(?:r(?P<r>\d+))?(?:/p(?P<p>\d+))?$")
#: An action is « the one » when it scores this much and clearly more than the next one.
ACTION_MATCH = 75.0
ACTION_MARGIN = 8.0


@dataclass
class RecommendationLookup:
    """The recommendation a question designates, or why none could be chosen."""

    found: Mapping | None = None
    candidates: list[Mapping] = field(default_factory=list)  # several: ask which one
    criterion_used_from_context: bool = False


def key_parts(key: str) -> tuple[str | None, str | None, str | None]:
    """(criterion, number, page) of a normalised key: 'c3/r2' → ('3', '2', None)."""
    found = _KEY.match(key)
    if not found:
        return None, None, None
    return found.group("c"), found.group("r"), found.group("p")


def find_recommendation(
    knowledge: Knowledge,
    number: str,
    criterion: str | None,
    page: str | None,
    context_criterion: str | None = None,
) -> RecommendationLookup:
    """The mapping of « recommandation `number` (du `criterion`) (p. `page`) »."""
    wanted_criterion = criterion.split()[-1] if criterion else None
    matches = []
    for mapping in knowledge.mappings:
        c, r, p = key_parts(mapping.recommendation_key)
        if r != number or (page and p != page):
            continue
        if wanted_criterion and c != wanted_criterion:
            continue
        matches.append(mapping)
    if len(matches) == 1:
        return RecommendationLookup(found=matches[0])
    if len(matches) > 1 and context_criterion and not wanted_criterion:
        contextual = [m for m in matches if m.criterion == context_criterion]
        if len(contextual) == 1:
            return RecommendationLookup(found=contextual[0], criterion_used_from_context=True)
    return RecommendationLookup(candidates=matches)


def recommendations_of_criterion(knowledge: Knowledge, criterion: str) -> list[Mapping]:
    return [m for m in knowledge.mappings if m.criterion == criterion]


def known_criteria(knowledge: Knowledge) -> list[str]:
    found = {m.criterion for m in knowledge.mappings if m.criterion}
    return sorted(found, key=lambda c: [int(x) for x in c.split()[-1].split(".") if x.isdigit()])


# -- actions ---------------------------------------------------------------------------------


def _score(query: str, action: Action) -> float:
    text = fold_text(action.text)
    score = float(fuzz.token_set_ratio(query, text))
    if len(query) >= 10:
        score = max(score, float(fuzz.partial_ratio(query, text)))
    wanted = set(stems(query))
    if wanted:
        have = set(stems(action.text))
        score = max(score, 100.0 * len(wanted & have) / len(wanted))
    return score


def find_actions(
    knowledge: Knowledge, query: str, pool: Sequence[Action] | None = None
) -> list[tuple[Action, float]]:
    """Actions whose wording matches `query` (an id, a title or a few words), best first."""
    pool = list(knowledge.main_actions if pool is None else pool)
    query = query.strip()
    if query in knowledge.actions:
        return [(knowledge.actions[query], 100.0)]
    folded = fold_text(query)
    scored = sorted(((a, _score(folded, a)) for a in pool), key=lambda pair: -pair[1])
    return [(a, s) for a, s in scored if s >= 50.0][:5]


def unique_action(matches: list[tuple[Action, float]]) -> Action | None:
    """The one action a query designates, if it clearly stands out."""
    if not matches or matches[0][1] < ACTION_MATCH:
        return None
    if len(matches) > 1 and matches[1][1] > matches[0][1] - ACTION_MARGIN:
        return None
    return matches[0][0]


def closest_passages(
    knowledge: Knowledge,
    query: str,
    *,
    k: int = 3,
    document_ids: list[str] | None = None,
    kinds: list[PassageKind] | None = None,
) -> list[SearchHit]:
    """The passages retrieval finds closest to the query (empty without a retriever)."""
    if knowledge.retriever is None or not query.strip():
        return []
    search_filter = PassageFilter(document_ids=document_ids, kinds=kinds)
    return knowledge.retriever.search(query, k=k, filter=search_filter)


_REFERS = re.compile(
    rf"^{ACKNOWLEDGED}(?:(?:et |mais |pour )*(?:pour )?(?:les|la|le)squel|(?:et|parmi)\b"
    # « combien ? », « ça fait combien ? », « il y en a combien ? »: the last answer's items
    r"|(?:ca fait |il y en a |y en a )?combien(?: (?:y en a t il|il y en a|en tout|au total))?$)"
)


def previous_actions(knowledge: Knowledge, question: Question, focus: Focus) -> list[Action]:
    """The actions of the previous answer, when the question refers to them (else empty).

    « et lesquelles sont à venir ? », « qui pourrait s'en charger ? », « parmi elles… »:
    a follow-up is resolved against the items the last answer listed.
    """
    if not focus.action_ids or focus.subject not in ("actions", "criterion"):
        return []
    named = question.entities.action_query or question.entities.recommendation_number
    # « et du critère 4 ? » after the late actions of the 1st: a new scope, not « among them »
    moved = question.entities.criterion not in (None, focus.criterion)
    if moved and not question.entities.pronoun:
        return []
    # hyphens as spaces: « combien y en a-t-il ? »
    refers = question.entities.pronoun or bool(_REFERS.match(question.normalized.replace("-", " ")))
    if named or not refers:
        return []
    return [knowledge.actions[i] for i in focus.action_ids if i in knowledge.actions]


def surface_word(knowledge: Knowledge, stem: str) -> str:
    """A word of the plan whose stem is `stem` (« stages » for « stag »), to show a person."""
    for action in knowledge.main_actions:
        for word in re.findall(r"[\w-]+", action.text):
            if stems(word) == [stem]:
                return str(word).lower()
    return stem


def _document_texts(knowledge: Knowledge) -> list[str]:
    texts = [a.text for a in knowledge.actions.values()]
    texts += [r.text or "" for r in knowledge.recommendations.values()]
    return texts + [i.text for i in knowledge.swot.values()]


#: A word cut short this long or longer may be completed (« biosécu »; « info » is too short
#: to tell « information » from « informatique »).
_SHORTEST_TRUNCATION = 5


def completed_words(knowledge: Knowledge, phrase: str) -> str:
    """The phrase with every word cut short completed from the documents' words
    (« la biosécu » → « la biosécurité »), when exactly one family of words starts so.

    A word the documents use, or one typo away from such a word, is left as typed; so is a
    beginning shared by words of several families (unsure: the search says what it found).
    """
    vocabulary = knowledge.vocabulary()

    def complete(word: str) -> str:
        found = stems(word)
        if len(found) != 1 or len(found[0]) < _SHORTEST_TRUNCATION:
            return word
        stem = found[0]
        if stem in vocabulary or any(close(stem, v) for v in vocabulary):
            return word
        longer = [v for v in vocabulary if v.startswith(stem)]
        if not longer:
            return word
        shortest = min(longer, key=len)
        if not all(v.startswith(shortest) for v in longer):
            return word
        for text in _document_texts(knowledge):
            for written in re.findall(r"[\w-]+", text):
                if stems(written) == [shortest]:
                    return str(written).lower()
        return word

    return re.sub(r"[\w-]+", lambda m: complete(m.group(0)), phrase)


# -- roles -----------------------------------------------------------------------------------


def owner_in_question(knowledge: Knowledge, question: str) -> RoleEntry | None:
    """A role of the main plan named in the question (« la coordination qualité »)."""
    asked = set(role_key(question).split())
    best: RoleEntry | None = None
    for entry in knowledge.roles.entries:
        words = entry.key.split()
        if entry.vague or (len(words) < 2 and len(entry.key) < 5):
            continue
        if all(word in asked for word in words) and (
            best is None or len(words) > len(best.key.split())
        ):
            best = entry
    return best


_ACRONYM = re.compile(r"\b[A-ZÉÈ]{3,}\b")


def acronym_in_question(knowledge: Knowledge, question: str) -> str | None:
    """An acronym of the plan's owners named in the question (« le CERSO »), as the owners'
    cells write it: the roles that hold it, whatever else their cells say."""
    asked = set(role_key(question).split())
    for entry in knowledge.roles.entries:
        if entry.vague:
            continue
        for acronym in _ACRONYM.findall(entry.label):
            if role_key(acronym) in asked:
                return str(acronym)
    return None


def roles_of(knowledge: Knowledge, action: Action) -> list[str]:
    """Labels of the roles named in an action's owner cell (as the plan writes them)."""
    labels = [entry.label for entry in knowledge.roles.roles_of(action.owner)]
    return labels or ([action.owner.strip()] if action.owner and action.owner.strip() else [])


# -- themes ----------------------------------------------------------------------------------


@dataclass
class ThemeMatch:
    """Actions about a theme, and how the theme was read."""

    actions: list[Action]
    stems: list[str]
    corrected: dict[str, str] = field(default_factory=dict)  # typed stem → vocabulary stem
    complete: bool = True  # every stem of the theme found (else: best partial matches)


def _theme_text(knowledge: Knowledge, action: Action) -> str:
    """What an action is about: its wording, its indicators, the references it answers
    (« Analyse transversale … p.14 » names a subject the action text may not repeat)."""
    refs = [rec.ref for r in action.addresses if (rec := knowledge.recommendations.get(r))]
    return " ".join([action.text, *action.indicators, *refs])


#: A word this long that no action uses may stand for a longer word of one action (« info »).
_SHORTEST_CUT = 4


def theme_actions(knowledge: Knowledge, theme: str, pool: Sequence[Action]) -> ThemeMatch:
    """Actions of `pool` whose wording or indicators use the theme's words (stems)."""
    action_stems = {a.id: with_synonyms(stems(_theme_text(knowledge, a))) for a in pool}
    vocabulary = frozenset().union(*action_stems.values()) if action_stems else frozenset()
    corrected: dict[str, str] = {}

    def known(stem: str) -> str:
        """The stem, or the closest one of the plan's vocabulary (« stges » → « stag »)."""
        if stem in vocabulary or not vocabulary or stem.startswith("~"):
            return stem
        near = sorted((v for v in vocabulary if close(stem, v)), key=lambda v: -fuzz.ratio(stem, v))
        if near:
            corrected[stem] = near[0]
            return near[0]
        return stem

    wanted = [tuple(tuple(known(s) for s in conj) for conj in alternatives)
              for alternatives in asked_stems(stems(theme))]  # fmt: skip
    if not wanted:
        return ThemeMatch([], [])
    shown = [alternatives[-1][0] for alternatives in wanted]
    typed = set(stems(theme))  # as asked: a synonym's stem is never a word cut short

    def holds(stem: str, found: frozenset[str] | set[str]) -> bool:
        """The action uses the word, or (a word cut short, « info ») one that starts so:
        among one action's words the beginning is no longer ambiguous."""
        if stem in found:
            return True
        if not (len(stem) >= _SHORTEST_CUT and stem in typed and stem not in vocabulary):
            return False
        longer = sorted((v for v in found if v.startswith(stem)), key=len)
        if longer:  # the answer repeats the subject in the plan's word (« lettre d'information »)
            corrected.setdefault(stem, longer[0])
        return bool(longer)

    hits = {a.id: sum(1 for alternatives in wanted
                      if any(all(holds(s, action_stems[a.id]) for s in conj) for conj in alternatives))
            for a in pool}  # fmt: skip
    complete = [a for a in pool if hits[a.id] == len(wanted)]
    if complete:
        return ThemeMatch(complete, shown, corrected)
    best = max(hits.values(), default=0)
    if best == 0:
        return ThemeMatch([], shown, corrected)
    partial = [a for a in pool if hits[a.id] == best]
    return ThemeMatch(partial, shown, corrected, complete=False)
