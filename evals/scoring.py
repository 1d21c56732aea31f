"""Scores of one predicted `Plan` against its gold `Plan`.

`score_plan` matches recommendations and actions (`evals.matching`), then counts. Counts,
not rates, are kept (`Counts`), so that files add up into a micro average and every figure
can be shown with its fraction ("88/91"). What went wrong is kept alongside
(`Discrepancies`) for the ``--details`` view the extractor's author works from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.schema import Action, Plan, Recommendation
from evals.matching import (
    ACTION_FIELDS,
    Pair,
    RecommendationPair,
    field_agrees,
    indicators_agree,
    match_actions,
    match_recommendations,
)
from evals.text import is_blank, normalise, same_value

FIELDS = ACTION_FIELDS


@dataclass(frozen=True)
class Tally:
    """``hits`` correct out of ``total``; rate None when nothing was counted."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class Confusion:
    """True positives, false positives, false negatives of a set comparison."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> Tally:
        return Tally(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> Tally:
        return Tally(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True)
class Counts:
    """Everything counted for one file, or summed over files (micro average)."""

    recommendations: Confusion = Confusion()
    recommendation_text: Tally = Tally()
    actions: Confusion = Confusion()
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    indicator_items: Confusion = Confusion()
    links: Confusion = Confusion()

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            recommendations=self.recommendations + other.recommendations,
            recommendation_text=self.recommendation_text + other.recommendation_text,
            actions=self.actions + other.actions,
            fields={name: self.fields[name] + other.fields[name] for name in FIELDS},
            indicator_items=self.indicator_items + other.indicator_items,
            links=self.links + other.links,
        )


@dataclass(frozen=True)
class FieldMismatch:
    """One field of a matched action pair that disagrees with the gold."""

    gold_action: Action
    predicted_action: Action
    field: str
    gold: str | list[str] | None
    predicted: str | list[str] | None


@dataclass(frozen=True)
class LinkError:
    """A link present on one side only, described with the gold ids where known."""

    action: Action  # gold action (missing link) or predicted action (spurious link)
    recommendation: Recommendation | None  # None: a link to an id the plan does not define
    matched_action_id: str | None = None  # spurious link: the gold action it maps to
    matched_recommendation_id: str | None = None  # spurious link: the gold rec it maps to


@dataclass
class Discrepancies:
    """What the parser got wrong in one file, for humans."""

    unmatched_gold_actions: list[Action] = field(default_factory=list)
    # For each unmatched gold action (by gold id): the most similar predicted action, if
    # any, with its score — tells a missed action from a mangled wording.
    nearest_predicted: dict[str, tuple[Action, float]] = field(default_factory=dict)
    unmatched_predicted_actions: list[Action] = field(default_factory=list)
    approximate_matches: list[tuple[Action, Action, float]] = field(default_factory=list)
    field_mismatches: list[FieldMismatch] = field(default_factory=list)
    unmatched_gold_recommendations: list[Recommendation] = field(default_factory=list)
    unmatched_predicted_recommendations: list[Recommendation] = field(default_factory=list)
    recommendation_text_mismatches: list[tuple[Recommendation, Recommendation]] = field(
        default_factory=list
    )
    missing_links: list[LinkError] = field(default_factory=list)
    spurious_links: list[LinkError] = field(default_factory=list)


@dataclass
class FileScore:
    """Counts and discrepancies of one document."""

    document: str
    counts: Counts
    discrepancies: Discrepancies
    error: str | None = None  # the parser failed: the file was scored as an empty plan
    warnings: list[str] = field(default_factory=list)  # the parser's own warnings


def score_plan(gold: Plan, predicted: Plan) -> FileScore:
    """Score a predicted plan against the gold plan of the same document."""
    found = Discrepancies()
    rec_pairs = match_recommendations(gold.recommendations, predicted.recommendations)
    action_pairs = match_actions(gold.actions, predicted.actions)

    rec_confusion, rec_text = _score_recommendations(gold, predicted, rec_pairs, found)
    action_confusion = _list_unmatched_actions(gold, predicted, action_pairs, found)
    fields, indicator_items = _score_fields(gold, predicted, action_pairs, found)
    links = _score_links(gold, predicted, rec_pairs, action_pairs, found)
    counts = Counts(
        recommendations=rec_confusion,
        recommendation_text=rec_text,
        actions=action_confusion,
        fields=fields,
        indicator_items=indicator_items,
        links=links,
    )
    return FileScore(
        document=gold.document.name,
        counts=counts,
        discrepancies=found,
        warnings=list(predicted.warnings),
    )


def _score_recommendations(
    gold: Plan, predicted: Plan, pairs: list[RecommendationPair], found: Discrepancies
) -> tuple[Confusion, Tally]:
    matched_gold = {p.gold for p in pairs}
    matched_predicted = {p.predicted for p in pairs}
    found.unmatched_gold_recommendations = [
        r for i, r in enumerate(gold.recommendations) if i not in matched_gold
    ]
    found.unmatched_predicted_recommendations = [
        r for j, r in enumerate(predicted.recommendations) if j not in matched_predicted
    ]
    # Text accuracy over matched recommendations whose gold quotes a wording: an unmatched
    # one is already counted by recall.
    text = Tally()
    for pair in pairs:
        g, p = gold.recommendations[pair.gold], predicted.recommendations[pair.predicted]
        if is_blank(g.text):
            continue
        correct = same_value(g.text, p.text)
        text += Tally(int(correct), 1)
        if not correct:
            found.recommendation_text_mismatches.append((g, p))
    confusion = Confusion(
        tp=len(pairs),
        fp=len(found.unmatched_predicted_recommendations),
        fn=len(found.unmatched_gold_recommendations),
    )
    return confusion, text


def _list_unmatched_actions(
    gold: Plan, predicted: Plan, pairs: list[Pair], found: Discrepancies
) -> Confusion:
    matched_gold = {p.gold for p in pairs}
    matched_predicted = {p.predicted for p in pairs}
    found.unmatched_gold_actions = [a for i, a in enumerate(gold.actions) if i not in matched_gold]
    found.unmatched_predicted_actions = [
        a for j, a in enumerate(predicted.actions) if j not in matched_predicted
    ]
    for action in found.unmatched_gold_actions:
        scored = [(_nearness(action.text, p.text), j) for j, p in enumerate(predicted.actions)]
        if scored:
            score, j = max(scored)
            found.nearest_predicted[action.id] = (predicted.actions[j], score)
    found.approximate_matches = [
        (gold.actions[p.gold], predicted.actions[p.predicted], p.score)
        for p in pairs
        if p.score < 100.0
    ]
    return Confusion(
        tp=len(pairs),
        fp=len(found.unmatched_predicted_actions),
        fn=len(found.unmatched_gold_actions),
    )


def _nearness(gold: str, predicted: str) -> float:
    """How close two wordings look to a human, for the "nearest predicted" hint only.

    Unlike the matching score it also rewards containment of any length, so that a badly
    truncated or merged wording still shows up as the nearest candidate.
    """
    a, b = normalise(gold), normalise(predicted)
    if min(len(a), len(b)) < 20:
        return fuzz.token_sort_ratio(a, b)
    return max(fuzz.token_sort_ratio(a, b), fuzz.partial_ratio(a, b))


def _score_fields(
    gold: Plan, predicted: Plan, pairs: list[Pair], found: Discrepancies
) -> tuple[dict[str, Tally], Confusion]:
    fields = {name: Tally() for name in FIELDS}
    items = Confusion()
    for pair in pairs:
        g, p = gold.actions[pair.gold], predicted.actions[pair.predicted]
        _, matched = indicators_agree(g.indicators, p.indicators)
        gold_n = sum(not is_blank(x) for x in g.indicators)
        predicted_n = sum(not is_blank(x) for x in p.indicators)
        items += Confusion(tp=matched, fp=predicted_n - matched, fn=gold_n - matched)
        for name in FIELDS:
            correct = field_agrees(g, p, name)
            fields[name] += Tally(int(correct), 1)
            if not correct:
                found.field_mismatches.append(
                    FieldMismatch(g, p, name, getattr(g, name), getattr(p, name))
                )
    return fields, items


def _score_links(
    gold: Plan,
    predicted: Plan,
    rec_pairs: list[RecommendationPair],
    action_pairs: list[Pair],
    found: Discrepancies,
) -> Confusion:
    """Compare (action, recommendation) pairs, the predicted ones seen through the matchings.

    A link from an unmatched predicted action, or to an unmatched predicted recommendation,
    cannot equal any gold link: it is spurious; the gold links of unmatched gold actions
    are missing.
    """
    gold_recs = {r.id: r for r in gold.recommendations}
    predicted_recs = {r.id: r for r in predicted.recommendations}
    rec_to_gold = {
        predicted.recommendations[p.predicted].id: gold.recommendations[p.gold].id
        for p in rec_pairs
    }
    action_to_gold = {p.predicted: p.gold for p in action_pairs}

    gold_links = {
        (i, rec_id) for i, action in enumerate(gold.actions) for rec_id in action.addresses
    }
    predicted_links: dict[tuple[int | str, str], tuple[int, str]] = {}
    for j, action in enumerate(predicted.actions):
        for rec_id in action.addresses:
            # Unmatched items get keys that cannot collide with gold indices / ids.
            gold_action: int | str = action_to_gold.get(j, f"predicted#{j}")
            gold_rec = rec_to_gold.get(rec_id, f"predicted#{rec_id}")
            predicted_links[(gold_action, gold_rec)] = (j, rec_id)

    for i, rec_id in sorted(gold_links - predicted_links.keys()):
        found.missing_links.append(LinkError(gold.actions[i], gold_recs.get(rec_id)))
    for key, (j, rec_id) in predicted_links.items():
        if key in gold_links:
            continue
        gold_action, gold_rec = key
        found.spurious_links.append(
            LinkError(
                predicted.actions[j],
                predicted_recs.get(rec_id),
                matched_action_id=(
                    gold.actions[gold_action].id if isinstance(gold_action, int) else None
                ),
                matched_recommendation_id=gold_rec if gold_rec in gold_recs else None,
            )
        )
    tp = len(gold_links & predicted_links.keys())
    return Confusion(tp=tp, fp=len(predicted_links) - tp, fn=len(gold_links) - tp)
