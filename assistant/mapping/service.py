"""Build the traceability matrix: for each recommendation, the actions that answer it.

Written links come first (a reference in the action's row, or the action's place under a
quoted recommendation); semantic candidates from the retriever complete them. Works within
one document or across documents (recommendations from an expert report, actions from a
separate plan): occurrences of one recommendation are unified first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.mapping.criteria import action_criteria, prior
from assistant.mapping.decisions import Decisions
from assistant.mapping.paraphrase import Concepts
from assistant.mapping.resolve import report_documents
from assistant.mapping.semantic import (
    ActionSearcher,
    Calibration,
    Candidate,
    Tokenize,
    calibration,
    embedder_name,
    memoized,
    prepare_queries,
    score_actions,
)
from assistant.mapping.unify import RecommendationGroup, unify
from assistant.mapping.verdicts import contested_reason, verdict
from assistant.schema import (
    Action,
    Coverage,
    LinkDecision,
    LinkDecisionKind,
    LinkKind,
    Mapping,
    MappingLink,
    Plan,
)

#: Written links are scored against at most this many ranked actions (others score 0).
_SCORED_ACTIONS_MAX = 300
#: Semantic candidates are drawn from at least this many of the retriever's actions: the
#: synonyms and the criterion prior re-rank them, and may promote one the retriever's own
#: top five missed (a paraphrase shares few words, so its fused rank is low).
_RANKED_ACTIONS = 30
_KIND_ORDER = {LinkKind.EXPLICIT: 0, LinkKind.PLACEMENT: 1, LinkKind.SEMANTIC: 2}


def build_mappings(
    plans: Sequence[Plan],
    searcher: ActionSearcher | None,
    tokenize: Tokenize,
    *,
    top_k: int = 5,
    params: Calibration | None = None,
    decisions: Sequence[LinkDecision] = (),
) -> list[Mapping]:
    """One `Mapping` per recommendation found in `plans`, in first-seen order.

    Args:
        plans: the documents of a workspace (reports, SWOTs, plans).
        searcher: retriever over the actions' passages; None = written links only.
        tokenize: the lexical index's tokenizer (French stems), for the link score.
        top_k: semantic candidates considered per recommendation.
        decisions: the coordinator's confirmed and rejected links (`assistant.mapping.decisions`).
    """
    params = params or calibration(embedder_name(searcher))
    groups = unify([rec for plan in plans for rec in plan.recommendations], report_documents(plans))
    actions = {action.id: action for plan in plans for action in plan.actions}
    written = _written_links(groups, actions.values())
    action_documents = sorted({a.document_id for a in actions.values()})
    # Each action's wording is scored against many recommendations: tokenize it once.
    tokenize = memoized(tokenize)
    if searcher is not None and actions:
        prepare_queries(searcher, [group.text for group in groups if group.text])
    expand = Concepts(tokenize).of if params.synonyms else None
    context = {a.id: a.axis for a in actions.values() if a.axis} if params.axis_context else None
    criteria = (
        action_criteria(actions.values(), [r for plan in plans for r in plan.recommendations])
        if params.criterion_prior
        else {}
    )
    decided = Decisions(plans, decisions)
    decided_by_group = {index: decided.for_group(group) for index, group in enumerate(groups)}
    scored_by_group: dict[int, list[Candidate]] = {}
    for index, group in enumerate(groups):
        if searcher is not None and group.text and actions:
            # Score written links too (is the citing action about the recommendation?), so
            # rank enough actions to see them; actions ranked below that score 0.
            wanted = _SCORED_ACTIONS_MAX if written.get(index) else _RANKED_ACTIONS
            k = max(top_k, min(len(actions), wanted))
            scored_by_group[index] = score_actions(
                group.text,
                searcher,
                tokenize,
                k=k,
                document_ids=action_documents,
                params=params,
                expand=expand,
                context=context,
                prior=prior(_criterion(group), criteria, params.criterion_prior),
            )
            rejected = {
                action_id
                for action_id, kind in decided_by_group[index].items()
                if kind is LinkDecisionKind.REJECTED
            }
            if rejected:  # never proposed again
                scored_by_group[index] = [
                    c for c in scored_by_group[index] if c.action_id not in rejected
                ]
    claims = _claims(scored_by_group, written)
    mappings: list[Mapping] = []
    for index, group in enumerate(groups):
        links = written.get(index, [])
        linked = {link.action_id for link in links}
        scored = scored_by_group.get(index)
        if scored is not None:
            content = {candidate.action_id: candidate.score for candidate in scored}
            links = [
                link.model_copy(
                    update={"content_score": min(1.0, content.get(link.action_id, 0.0))}
                )
                for link in links
            ]
            semantic = [c for c in scored if c.score >= params.candidate][:top_k]
            probable = False
            if not semantic and not links and params.probable is not None and scored:
                chosen = _probable_candidate(scored, index, claims, params)
                if chosen is not None:
                    semantic, probable = [chosen], True
            for candidate in semantic:
                if candidate.action_id in linked or candidate.action_id not in actions:
                    continue
                linked.add(candidate.action_id)
                links.append(
                    MappingLink(
                        action_id=candidate.action_id,
                        kind=LinkKind.SEMANTIC,
                        score=max(
                            0.0, min(1.0, candidate.rank_score if probable else candidate.score)
                        ),
                        content_score=min(1.0, candidate.score),
                        evidence=[actions[candidate.action_id].source],
                        probable=probable,
                    )
                )
        links = _confirmed(links, decided_by_group[index], actions, scored or [])
        links.sort(key=lambda link: (_KIND_ORDER[link.kind], not link.confirmed, -link.score))
        coverage, reason = verdict(links, actions, params)
        if group.unresolved:
            reason = (
                f"Référence introuvable dans le rapport : aucune recommandation du rapport "
                f"d'experts importé ne correspond à « {group.canonical.ref} » ; vérifiez la "
                "référence dans le plan (numéro, critère, page)."
            )
        elif coverage is Coverage.UNCOVERED and not group.text:
            reason = (
                "Aucune action ne la cite, et son texte n'est pas connu : importez le rapport "
                "d'experts pour chercher aussi les actions qui y répondent par leur contenu."
            )
        elif coverage is Coverage.UNCOVERED and searcher is None:
            reason = "Aucune action du plan ne la cite (recherche par le contenu désactivée)."
        elif coverage is Coverage.UNCOVERED and scored and not links:
            reason = _contested(scored[0], index, claims, groups, actions, params) or reason
        canonical = group.canonical
        mappings.append(
            Mapping(
                recommendation_id=canonical.id,
                recommendation_ref=canonical.ref,
                recommendation_key=canonical.key,
                criterion=_criterion(group),
                text=canonical.text,
                source=canonical.source,
                also_cited_as=sorted(group.ids - {canonical.id}),
                coverage=coverage,
                reason=reason,
                links=links,
                unresolved=group.unresolved,
            )
        )
    return mappings


def _confirmed(
    links: list[MappingLink],
    decided: dict[str, LinkDecisionKind],
    actions: dict[str, Action],
    scored: Sequence[Candidate],
) -> list[MappingLink]:
    """The links with the coordinator's confirmations: confirmed ones count as links."""
    confirmed = {a for a, kind in decided.items() if kind is LinkDecisionKind.CONFIRMED}
    if not confirmed:
        return links
    out = [
        link.model_copy(update={"confirmed": True, "probable": False})
        if link.kind is LinkKind.SEMANTIC and link.action_id in confirmed
        else link
        for link in links
    ]
    content = {c.action_id: max(0.0, min(1.0, c.score)) for c in scored}
    present = {link.action_id for link in out}
    for action_id in sorted(confirmed - present):
        if action_id in actions:
            out.append(
                MappingLink(
                    action_id=action_id,
                    kind=LinkKind.SEMANTIC,
                    score=content.get(action_id, 0.0),
                    content_score=content.get(action_id),
                    evidence=[actions[action_id].source],
                    confirmed=True,
                )
            )
    return out


def _criterion(group: RecommendationGroup) -> str | None:
    canonical = group.canonical
    return canonical.criterion or next((m.criterion for m in group.members if m.criterion), None)


@dataclass(frozen=True)
class _Claim:
    """A recommendation an action is a candidate for (`_claims`)."""

    score: float  # the candidate's ranking score for that recommendation
    index: int  # the recommendation (group index)
    its_best: bool  # the action is that recommendation's best candidate
    written: bool = False  # the plan itself ties the action to that recommendation


def _claims(
    scored: dict[int, list[Candidate]], written: dict[int, list[MappingLink]]
) -> dict[str, list[_Claim]]:
    """For each candidate action, every recommendation it is a candidate for, and those
    the plan ties it to (a written link: what the plan says the action answers)."""
    out: dict[str, list[_Claim]] = {}
    for index, candidates in scored.items():
        for rank, candidate in enumerate(candidates):
            out.setdefault(candidate.action_id, []).append(
                _Claim(candidate.rank_score, index, rank == 0)
            )
    for index, links in written.items():
        for link in links:
            out.setdefault(link.action_id, []).append(_Claim(1.0, index, True, written=True))
    return out


def _contested(
    best: Candidate,
    index: int,
    claims: dict[str, list[_Claim]],
    groups: Sequence[RecommendationGroup],
    actions: dict[str, Action],
    params: Calibration,
) -> str | None:
    """The reason of an uncovered verdict whose best candidate another recommendation took
    by its content. None when the plan ties that action to another recommendation: the
    plan says what the action answers, and a verdict it settles is not in doubt."""
    rivals = [c for c in claims.get(best.action_id, ()) if c.index != index]
    if params.probable is None or best.rank_score < params.probable or not rivals:
        return None
    if any(claim.written for claim in rivals):
        return None
    rival = max(rivals, key=lambda claim: claim.score)
    return contested_reason(
        actions[best.action_id].text, best.rank_score, groups[rival.index].canonical.ref
    )


def _stands_out(scored: Sequence[Candidate], standout: float | None) -> bool:
    """Does the best candidate stand out from the second by at least `standout`?"""
    if standout is None or not scored:
        return False
    second = scored[1].rank_score if len(scored) > 1 else 0.0
    return scored[0].rank_score - second >= standout


def _names_its_concepts(candidate: Candidate, floor: float | None) -> bool:
    """Does the candidate name at least `floor` of the recommendation's concepts?"""
    return floor is not None and candidate.concepts is not None and candidate.concepts >= floor


def _probable_candidate(
    scored: Sequence[Candidate], index: int, claims: dict[str, list[_Claim]], params: Calibration
) -> Candidate | None:
    """The candidate a « lien probable » of recommendation `index` rests on, if any.

    The best candidate, when the recommendation is what that action answers best (or when
    it stands out from the second). Otherwise the next ones, down to rank
    `probable_depth` and within `probable_window` of the best: an action the best
    candidate's rival does not take (one theme, two recommendations, two actions).
    """
    best = scored[0]
    if best.rank_score < (params.probable or 0.0):
        return None
    if (
        _answers_best(best, index, claims, params)
        or _stands_out(scored, params.probable_standout)
        or _names_its_concepts(best, params.probable_concepts)
    ):
        return best
    for candidate in scored[1 : params.probable_depth]:
        if (
            candidate.rank_score < (params.probable or 0.0)
            or best.rank_score - candidate.rank_score > params.probable_window
        ):
            break
        if _answers_best(candidate, index, claims, params):
            return candidate
    return None


def _answers_best(
    best: Candidate, index: int, claims: dict[str, list[_Claim]], params: Calibration
) -> bool:
    """Is this recommendation what its best candidate action answers best?

    Not when the plan ties the action to another recommendation (and not to this one).
    A rival recommendation scoring the action higher takes it away, by any lead when the
    action is that rival's best answer too (or by more than `probable_margin`), by more than
    `rival_lead_elsewhere` when the rival has a better answer of its own (or not at all
    with `rivals_among_best`): a near tie there is one action answering two
    recommendations, not a sign that it answers only the rival.
    """
    own_lead = params.probable_margin or 0.0
    for claim in claims.get(best.action_id, ()):
        if claim.index == index:
            continue
        if claim.written:  # the plan says what the action answers, and it is not this one
            return False
        if claim.its_best:
            lead = own_lead
        elif params.rivals_among_best:
            continue
        elif params.rival_lead_elsewhere is not None:
            lead = params.rival_lead_elsewhere
        else:
            lead = own_lead
        if claim.score > best.rank_score + lead:
            return False
    return True


def _written_links(
    groups: list[RecommendationGroup], actions: Iterable[Action]
) -> dict[int, list[MappingLink]]:
    group_of = {rec_id: index for index, group in enumerate(groups) for rec_id in group.ids}
    written: dict[int, list[MappingLink]] = {}
    for action in actions:
        for link in action.links:
            index = group_of.get(link.recommendation_id)
            if index is None:
                continue
            bucket = written.setdefault(index, [])
            if any(existing.action_id == action.id for existing in bucket):
                continue
            bucket.append(
                MappingLink(
                    action_id=action.id,
                    kind=link.kind,
                    score=1.0,
                    evidence=[link.evidence, action.source],
                )
            )
    return written
