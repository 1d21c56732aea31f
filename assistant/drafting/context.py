"""What drafting knows about a workspace, computed once: plans, roles, patterns, neighbours.

A draft is only as good as the evidence it stands on. The evidence is the workspace itself:
the actions its plans already hold (who carries them, how they are measured), the roles
its owner cells name, and the reviewed indicator pattern library. `build_context` reads all
of that once, so that drafting the thirty gaps of a plan does not rebuild a role catalog
thirty times; `similar_actions` asks the retriever which actions of the workspace read
most like a given one, which is what both owner and indicator drafts are grounded on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from assistant.audit.indicator_patterns import IndicatorLibrary, load_indicator_patterns
from assistant.audit.roles import RoleCatalog, RoleEntry
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.workspace_indexes import action_text
from assistant.schema import Action, PassageFilter, PassageKind, Plan, SearchHit

#: Weight of the embedding cosine in the similarity of two actions (the rest: shared stems).
#: Below the mapping's 0.5: the default MiniLM model is English-trained and finds most French
#: actions alike (cosines 0.5-0.9); on the gold plans (leave-one-out owners, evals/drafting_eval)
#: 0.35 ranked the real owner first for 0.47 of actions (top 3: 0.73) against 0.45 (0.72) at 0.5.
DENSE_WEIGHT = 0.35
#: Neighbours fetched per action (the action itself is dropped from them).
NEIGHBOURS = 15


class ActionSearcher(Protocol):
    """What drafting needs from retrieval (`assistant.retrieval.hybrid.HybridRetriever`)."""

    def search(
        self, query: str, *, k: int | None = ..., filter: PassageFilter | None = ...
    ) -> list[SearchHit]: ...


@dataclass(frozen=True)
class Neighbour:
    """An action that reads like the one being drafted, and how much."""

    action: Action
    rank: int  # 1-based, in the retriever's order
    similarity: float  # in [0, 1]: cosine and shared French stems, averaged
    same_document: bool  # same plan as the drafted action


# "LLN : ...", "MONTIGNIES : ...": the site (implantation) an action is run on. Owners are
# often local ("Responsable RI local"), so actions of the same site vote a little more.
_SITE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý'-]{2,20})\s*:")
_BARE_SITE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý'-]{2,20})\s+[A-ZÀ-Ýa-zà-ÿ]")


def site_of(action: Action, known_sites: frozenset[str] = frozenset()) -> str | None:
    """The site prefix of an action ("LLN : ..." → "LLN"), or None.

    A capitalised word without colon ("LLN Invitation des...") counts only when the plan
    writes it elsewhere with a colon (it is then a known site, not an acronym like "TFE").
    """
    if match := _SITE.match(action.text):
        return match.group(1)
    if (match := _BARE_SITE.match(action.text)) and match.group(1) in known_sites:
        return match.group(1)
    return None


@dataclass
class DraftingMemo:
    """What drafting derives from a context on first use, kept for the next action drafted.

    Every action drafted reads the owner cells of its whole plan, the roles of its document,
    the actions and sites of the roles it may propose (a role of every plan carries actions
    all over the workspace), its plan's platform and council and the library's theme
    weights: the same answers, over and over. They depend only on the context's plans, catalog and pattern library, which
    never change once it is built; `with_action` builds a new context, so a new memo.
    Each entry is stored whole once computed, so a reader in another thread sees an
    entry complete or not at all (at worst, both compute it).
    """

    plans: dict[str, Plan] | None = None  # document id → its (first) plan
    roles: dict[str, tuple[RoleEntry, ...]] = field(default_factory=dict)  # owner → usable
    document_roles: dict[str, frozenset[str]] | None = None  # document → its role keys
    # role key → document → the role's actions of that document, in the role's order
    role_actions: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # role key → (the sites of its actions, whether one of them has no site)
    role_sites: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    plan_names: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (doc, what)
    theme_weights: dict[str, float] | None = None


@dataclass(frozen=True)
class DraftingContext:
    """Everything drafting reads, built once per workspace by `build_context`."""

    plans: tuple[Plan, ...]
    searcher: ActionSearcher
    roles: RoleCatalog
    patterns: IndicatorLibrary
    as_of: date
    actions: dict[str, Action] = field(default_factory=dict)  # id → action
    document_of: dict[str, str] = field(default_factory=dict)  # action id → document id
    sites: dict[str, str] = field(default_factory=dict)  # action id → site, when it has one
    stems: dict[str, frozenset[str]] = field(default_factory=dict)  # action id → its stems
    # (action id, query) → [(neighbour id, similarity, same document)]: ids, not actions,
    # so that a context derived by `with_action` never sees an action as it was before.
    _neighbours: dict[tuple[str, str], list[tuple[str, float, bool]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    memo: DraftingMemo = field(default_factory=DraftingMemo, repr=False, compare=False)

    @property
    def document_ids(self) -> list[str]:
        return [plan.document.id for plan in self.plans]

    def plan_of(self, action: Action) -> Plan | None:
        """The plan an action belongs to (by its document id)."""
        plans = self.memo.plans
        if plans is None:
            plans = {}
            for plan in self.plans:
                plans.setdefault(plan.document.id, plan)
            self.memo.plans = plans
        return plans.get(action.document_id)

    def with_action(self, action: Action) -> DraftingContext:
        """The same context where one action is replaced (e.g. its owner hidden).

        Used by the leave-one-out evaluation and by a coordinator who edits an action
        before asking again: the role catalog is rebuilt, the retriever is kept (action
        passages do not contain owners, and a changed text is searched as a new query).
        """
        plans = tuple(
            plan.model_copy(
                update={"actions": [action if a.id == action.id else a for a in plan.actions]}
            )
            if plan.document.id == action.document_id
            else plan
            for plan in self.plans
        )
        stems = dict(self.stems)
        stems[action.id] = frozenset(StemTokenizer().tokenize(action_text(action)))
        return build_context(
            plans,
            self.searcher,
            self.as_of,
            patterns=self.patterns,
            _cache=self._neighbours,
            _stems=stems,
        )


def build_context(
    plans: Sequence[Plan],
    searcher: ActionSearcher,
    as_of: date,
    *,
    patterns: IndicatorLibrary | None = None,
    _cache: dict[tuple[str, str], list[tuple[str, float, bool]]] | None = None,
    _stems: dict[str, frozenset[str]] | None = None,
) -> DraftingContext:
    """Read a workspace once for drafting.

    Args:
        plans: every plan of the workspace (their owners make the role catalog).
        searcher: a retriever over (at least) the action passages of these plans.
        as_of: the reference date (deadlines of indicator drafts are reckoned from it).
        patterns: the indicator library (default: the packaged, reviewed one).
    """
    plans = tuple(plans)
    actions: dict[str, Action] = {}
    document_of: dict[str, str] = {}
    for plan in plans:
        for action in plan.actions:
            actions.setdefault(action.id, action)
            document_of.setdefault(action.id, plan.document.id)
    tokenizer = StemTokenizer()
    sites: dict[str, str] = {}
    for plan in plans:
        colon_sites = frozenset(
            match.group(1) for a in plan.actions if (match := _SITE.match(a.text))
        )
        for action in plan.actions:
            if site := site_of(action, colon_sites):
                sites[action.id] = site
    return DraftingContext(
        plans=plans,
        searcher=searcher,
        roles=RoleCatalog.from_plans(plans),
        patterns=patterns or load_indicator_patterns(),
        as_of=as_of,
        actions=actions,
        document_of=document_of,
        sites=sites,
        stems=_stems
        if _stems is not None
        else {aid: frozenset(tokenizer.tokenize(action_text(a))) for aid, a in actions.items()},
        _neighbours={} if _cache is None else _cache,
    )


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def similarity(cosine: float | None, shared_stems: float) -> float:
    """How alike two actions read, in [0, 1]: a weighted mean of cosine and shared stems.

    Fused retrieval scores only rank; a similarity must also say "close" or "far" so that a
    draft's confidence means something across actions (same blend as the mapping's link
    score, with a symmetric overlap since both sides are actions).
    """
    if cosine is None:
        return round(shared_stems, 4)
    return round(DENSE_WEIGHT * max(0.0, cosine) + (1 - DENSE_WEIGHT) * shared_stems, 4)


def similar_actions(
    action: Action, context: DraftingContext, k: int = NEIGHBOURS
) -> list[Neighbour]:
    """The actions of the context that read most like `action`, most similar first.

    The action itself is never its own neighbour. Hits the context does not know (other
    passages of the retriever, a stale index) are skipped.
    """
    query = action_text(action)
    key = (action.id, query)
    if key not in context._neighbours:
        context._neighbours[key] = _search(action, query, context, k)
    found: list[Neighbour] = []
    for other_id, score, same_document in context._neighbours[key][:k]:
        other = context.actions.get(other_id)
        if other is not None:
            found.append(Neighbour(other, len(found) + 1, score, same_document))
    return found


def _search(
    action: Action, query: str, context: DraftingContext, k: int
) -> list[tuple[str, float, bool]]:
    hits = context.searcher.search(
        query,
        k=k + 1,
        filter=PassageFilter(kinds=[PassageKind.ACTION], document_ids=context.document_ids),
    )
    mine = frozenset(StemTokenizer().tokenize(query))
    found: list[tuple[str, float, bool]] = []
    for hit in hits:
        other_id = hit.passage.id
        if other_id == action.id or other_id not in context.actions:
            continue
        shared = _dice(mine, context.stems.get(other_id, frozenset()))
        same_document = context.document_of.get(other_id) == action.document_id
        found.append((other_id, similarity(hit.dense_score, shared), same_document))
    return found


__all__ = [
    "ActionSearcher",
    "DraftingContext",
    "Neighbour",
    "build_context",
    "similar_actions",
    "similarity",
    "site_of",
]
