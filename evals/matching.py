"""One-to-one matching of predicted items to gold items.

Every figure of the parser evaluation is computed over these matchings, so their rules are
the heart of the evaluation:

* recommendations are matched by their *normalised reference* (criterion, number, page),
  then, for those left over, by the fuzzy similarity of their quoted wording;
* actions are matched by the fuzzy similarity of their wording, with an optimal
  assignment so that near-identical siblings ("LLN : module d'initiation…" / "MONTIGNIES :
  module d'initiation…") and verbatim duplicates each find their own partner (equal
  wordings are told apart by how many of their other fields agree).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from assistant.ids import fold
from assistant.schema import Action, Recommendation
from evals.text import FIELD_SIMILARITY, is_blank, normalise, ratio, same_value

# Action fields compared over matched pairs, in display order.
ACTION_FIELDS: tuple[str, ...] = ("owner", "deadline", "indicators", "status", "objective", "axis")

# --- thresholds -------------------------------------------------------------------------

# A predicted action is the gold action when token_sort_ratio >= 85 on normalised texts.
# Measured on the gold: distinct actions of one plan score at most 79 with each other,
# except implantation variants of one activity that differ only by their prefix (helha
# A2/A4, "LLN : …" vs "MONTIGNIES : …", 94.5) and the verbatim duplicates A88/A89 — the
# optimal assignment, not the threshold, separates those. Above 85 we still forgive what
# extraction legitimately does to a text: a kept enumerator "1) ", PDF hyphenation
# re-joined differently, a dropped trailing full stop or footnote call (≈ 15 % of edits).
ACTION_SIMILARITY = 85.0
# A long text that contains the other almost verbatim (partial_ratio >= 95) also matches:
# the parser truncated a cell or appended a neighbouring fragment (promsoc A8 keeps two
# sub-bullets in its text). Only when the shorter text is long enough not to be generic
# and not dwarfed by the longer one, so a merged row does not swallow a short action.
CONTAINED_SIMILARITY = 95.0
CONTAINED_MIN_CHARS = 30
CONTAINED_MIN_LENGTH_RATIO = 0.4


class Pair(NamedTuple):
    """A matched (gold index, predicted index) with its similarity (0-100)."""

    gold: int
    predicted: int
    score: float


def text_similarity(gold: str | None, predicted: str | None) -> float:
    """Similarity (0-100) of two item wordings, as used to match actions.

    token_sort_ratio of the normalised texts; a near-verbatim containment between two long
    texts (see `CONTAINED_SIMILARITY`) scores exactly `ACTION_SIMILARITY`, so it is accepted
    but always loses against a genuine full match in the assignment.
    """
    a, b = normalise(gold), normalise(predicted)
    if not a or not b:
        return 0.0
    full = fuzz.token_sort_ratio(a, b)
    if full >= ACTION_SIMILARITY:
        return full
    shorter, longer = sorted((len(a), len(b)))
    if (
        shorter >= CONTAINED_MIN_CHARS
        and shorter / longer >= CONTAINED_MIN_LENGTH_RATIO
        and fuzz.partial_ratio(a, b) >= CONTAINED_SIMILARITY
    ):
        return ACTION_SIMILARITY
    return full


TieBreak = Callable[[int, int], float]


def assign(
    scores: Sequence[Sequence[float]], threshold: float, tie_break: TieBreak | None = None
) -> list[Pair]:
    """Optimal one-to-one pairs of rows (gold) and columns (predicted) scoring >= threshold.

    Maximises first the number of pairs, then their total similarity (each eligible pair
    weighs a constant far larger than any sum of scores, plus its score). ``tie_break(i, j)``
    in [0, 1] is added to eligible pairs only, so it can decide between equally similar
    candidates but never outweigh one point of similarity. Uses scipy's Hungarian algorithm
    when scipy is installed, else a greedy best-first pass, which is optimal in the usual
    case where each item has one clearly best partner.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    eligible = [(i, j) for i in range(rows) for j in range(cols) if scores[i][j] >= threshold]
    if not eligible:
        return []
    weight = {
        (i, j): scores[i][j] + (0.99 * tie_break(i, j) if tie_break else 0.0) for i, j in eligible
    }
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return _greedy(scores, weight)
    bonus = 1000.0 * (min(rows, cols) + 1)
    weights = [[0.0] * cols for _ in range(rows)]
    for (i, j), w in weight.items():
        weights[i][j] = bonus + w
    row_ind, col_ind = linear_sum_assignment(weights, maximize=True)
    pairs = [
        Pair(int(i), int(j), float(scores[i][j]))
        for i, j in zip(row_ind, col_ind, strict=True)
        if (i, j) in weight
    ]
    return sorted(pairs)


def _greedy(scores: Sequence[Sequence[float]], weight: dict[tuple[int, int], float]) -> list[Pair]:
    taken_rows: set[int] = set()
    taken_cols: set[int] = set()
    pairs: list[Pair] = []
    # Heaviest pair first; exact ties resolved in document order (row, then column).
    for i, j in sorted(weight, key=lambda ij: (-weight[ij], ij)):
        if i not in taken_rows and j not in taken_cols:
            taken_rows.add(i)
            taken_cols.add(j)
            pairs.append(Pair(i, j, float(scores[i][j])))
    return sorted(pairs)


def match_by_text(
    gold: Sequence[str | None],
    predicted: Sequence[str | None],
    tie_break: TieBreak | None = None,
) -> list[Pair]:
    """Optimal one-to-one matching of two lists of wordings (`text_similarity`)."""
    scores = [[text_similarity(g, p) for p in predicted] for g in gold]
    return assign(scores, ACTION_SIMILARITY, tie_break)


def indicators_agree(gold: Sequence[str], predicted: Sequence[str]) -> tuple[bool, int]:
    """Whether two indicator lists agree item by item, and how many items matched.

    Items are paired one-to-one by an optimal assignment at ratio >= FIELD_SIMILARITY, so
    the order of the items does not matter; the lists agree when every item on both sides
    found its partner (hence the same count).
    """
    gold_items = [g for g in gold if not is_blank(g)]
    predicted_items = [p for p in predicted if not is_blank(p)]
    scores = [[ratio(g, p) for p in predicted_items] for g in gold_items]
    matched = len(assign(scores, FIELD_SIMILARITY))
    return matched == len(gold_items) == len(predicted_items), matched


def field_agrees(gold: Action, predicted: Action, name: str) -> bool:
    """Whether one field of `ACTION_FIELDS` agrees (`same_value`, or `indicators_agree`)."""
    if name == "indicators":
        return indicators_agree(gold.indicators, predicted.indicators)[0]
    gold_value: str | None = getattr(gold, name)
    predicted_value: str | None = getattr(predicted, name)
    return same_value(gold_value, predicted_value)


def match_actions(gold: Sequence[Action], predicted: Sequence[Action]) -> list[Pair]:
    """Pairs (gold index, predicted index, score) of matched actions.

    The wording decides. Between equally worded candidates — verbatim duplicate actions
    such as helha A88/A89, which differ only by owner and status — the one whose other
    fields agree more wins, so that the pairing, and hence the field figures, do not
    depend on the order the parser emits them in.
    """

    def agreement(i: int, j: int) -> float:
        agreeing = sum(field_agrees(gold[i], predicted[j], name) for name in ACTION_FIELDS)
        return agreeing / len(ACTION_FIELDS)

    return match_by_text([a.text for a in gold], [a.text for a in predicted], agreement)


# --- recommendations --------------------------------------------------------------------

_NUMERO = re.compile(r"\bn\s*[°º]|\bno\.?(?=\s*\d)")
_CRITERION = re.compile(r"\bcriteres?\s*(\d+(?:\.\d+)*)")
_RECOMMENDATION = re.compile(r"\b(?:recommandations?|reco)\.?\s*(?:principales?\s*)?(\d+)")
_PAGE = re.compile(r"\bp(?:age|\.)?\s*(\d+)\b")
# Short forms seen in plans: "C2-R1" (criterion 2, recommendation 1), "Rp.6 - 1" (page 6, n° 1).
_SHORT_CRITERION = re.compile(r"\bc\s*(\d+(?:\.\d+)*)\s*[-/,]?\s*r\s*(\d+)\b")
_SHORT_PAGE = re.compile(r"\brp\.?\s*(\d+)\s*-\s*(\d+)\b")
_QUALIFIER = re.compile(r"\b(principale|transversale)s?\b")
_WORDS = re.compile(r"[a-z0-9]+")


class ReferenceKey(NamedTuple):
    """What a recommendation reference points to, independent of how it is typed."""

    criterion: str | None
    number: str | None
    page: str | None
    # "principale" / "transversale": the report numbers those separately from the others.
    qualifier: str | None
    # The folded words of a reference with neither criterion nor number
    # ("Analyse Transversale Cursus Assistant Social p.14"); '' otherwise.
    words: str

    def compact(self) -> str:
        """Short printable form: 'c3/r6', 'r1/p9', 'c5', 'p14/analyse-transversale-…'."""
        parts = [
            f"c{self.criterion}" if self.criterion else "",
            self.qualifier or "",
            f"r{self.number}" if self.number else "",
            f"p{self.page}" if self.page else "",
            self.words.replace(" ", "-"),
        ]
        return "/".join(part for part in parts if part)


def reference_key(ref: str) -> ReferenceKey:
    """Normalised key of a reference such as "Critère1, Recommandation 13" or "Recommandation n° 1, p.9".

    Case, accents and spaces are folded and "n°" / "n °" dropped, so "Critère1" equals
    "Critère 1"; criterion, number and page must all agree, so "Recommandation n° 1, p.9"
    and "Recommandation 1, p.5" (numbered per section of the expert report) stay distinct.
    """
    text = _NUMERO.sub(" ", fold(ref))
    criterion = number = page = None
    if short := _SHORT_PAGE.search(text):
        page, number = short.group(1), short.group(2)
    elif short := _SHORT_CRITERION.search(text):
        criterion, number = short.group(1), short.group(2)
    else:
        if found := _CRITERION.search(text):
            criterion = found.group(1)
        if found := _RECOMMENDATION.search(text):
            number = found.group(1)
        if found := _PAGE.search(text):
            page = found.group(1)
    if criterion is None and number is None:
        # A free-form reference: its words are its identity.
        words = " ".join(_WORDS.findall(_PAGE.sub(" ", text)))
        return ReferenceKey(None, None, page, None, words)
    qualifier = found.group(1) if (found := _QUALIFIER.search(text)) else None
    return ReferenceKey(criterion, number, page, qualifier, "")


@dataclass(frozen=True)
class RecommendationPair:
    """A matched recommendation and how it was matched ('reference' or 'text')."""

    gold: int
    predicted: int
    how: str
    score: float


def match_recommendations(
    gold: Sequence[Recommendation], predicted: Sequence[Recommendation]
) -> list[RecommendationPair]:
    """One-to-one matching: same reference key first, then fuzzy quoted text.

    Within one key, gold and predicted items pair in document order (a parser that emits a
    recommendation twice gets one match and one spurious item). Left-over items whose gold
    and predicted texts are both quoted are then matched like actions, by their wording.
    """
    by_key: dict[ReferenceKey, list[int]] = defaultdict(list)
    for j, rec in enumerate(predicted):
        by_key[reference_key(rec.ref)].append(j)
    pairs: list[RecommendationPair] = []
    left_gold: list[int] = []
    for i, rec in enumerate(gold):
        candidates = by_key.get(reference_key(rec.ref))
        if candidates:
            pairs.append(RecommendationPair(i, candidates.pop(0), "reference", 100.0))
        else:
            left_gold.append(i)
    used = {p.predicted for p in pairs}
    left_predicted = [j for j in range(len(predicted)) if j not in used]
    quoted_gold = [i for i in left_gold if gold[i].text]
    quoted_predicted = [j for j in left_predicted if predicted[j].text]
    for pair in match_by_text(
        [gold[i].text for i in quoted_gold], [predicted[j].text for j in quoted_predicted]
    ):
        pairs.append(
            RecommendationPair(
                quoted_gold[pair.gold], quoted_predicted[pair.predicted], "text", pair.score
            )
        )
    return sorted(pairs, key=lambda p: p.gold)
