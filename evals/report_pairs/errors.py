"""Why coverage verdicts go wrong on the in-sample report pairs: ``python -m evals.report_pairs.errors``.

In-sample pairs only (`split.json`): the aside third is never printed here. For every
gold recommendation, the verdict the mapper gives (couverte, partielle, probable — a
partial verdict resting on a « lien probable » —, non couverte) against the gold answer
(answered by some action or not), then for each wrong verdict what the gold answering
actions look like beside what the mapper proposed: the rank of the first right action
among the candidates, its ranking score, the best candidate's score, and whether the
best candidate answers another recommendation better (its favourite), so that one sees
whether the error comes from the ranking, from the threshold or from the decision rule.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant.mapping.criteria import action_criteria, prior
from assistant.mapping.paraphrase import Concepts
from assistant.mapping.semantic import Candidate, calibration, memoized, score_actions
from assistant.mapping.service import build_mappings
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.workspace_indexes import model_embedder, workspace_passages
from assistant.schema import Coverage, LinkKind, Mapping
from assistant.settings import Settings
from evals.mapping_eval import Embedders, searcher_for, searcher_name
from evals.report_pairs.evaluation import (
    PAIRS_DIR,
    PairFigures,
    _action_ids,
    _mappings_by_gold,
    _parse,
    load_gold,
    load_split,
    report_reading,
)

KINDS = ("couverte", "partielle", "probable", "non couverte")


def verdict_kind(mapping: Mapping | None) -> str:
    """The verdict as the coordinator reads it: « probable » when it rests on such a link."""
    if mapping is None or mapping.coverage is Coverage.UNCOVERED:
        return "non couverte"
    if any(link.probable for link in mapping.links) and all(
        link.kind is LinkKind.SEMANTIC and not link.confirmed for link in mapping.links
    ):
        return "probable"
    return "couverte" if mapping.coverage is Coverage.COVERED else "partielle"


@dataclass
class Row:
    pair: str
    rec: str
    cites: bool  # the plan cites recommendations
    gold: bool  # some action answers it
    kind: str
    first_right: int | None  # rank (1-based) of the first gold action among the candidates
    right_score: float | None
    best_score: float | None
    best_right: bool
    best_taken: bool  # the best candidate ranks another recommendation higher


def pair_rows(name: str, embedder: Embedders, settings: Settings) -> list[Row]:
    gold = load_gold(name)
    folder = PAIRS_DIR / name
    fig = PairFigures(name, gold["split"])
    report = _parse(folder / gold["report"]["pdf"], settings, fig)
    matched = report_reading(gold, report, "pdf", fig)
    plan = _parse(folder / gold["plan"], settings, fig)
    actions = _action_ids(gold, plan)
    plans = [report, plan]
    retriever = searcher_for(workspace_passages(plans), embedder)
    params = calibration(searcher_name(embedder))
    tokenize = memoized(StemTokenizer().tokenize)
    by_rec = _mappings_by_gold(build_mappings(plans, retriever, tokenize, params=params), matched)
    criteria = action_criteria(plan.actions, [*report.recommendations, *plan.recommendations])
    parsed = {r.id: r for r in report.recommendations}
    expand = Concepts(tokenize).of if params.synonyms else None
    context = {a.id: a.axis for a in plan.actions if a.axis} if params.axis_context else None
    scored: dict[str, list[Candidate]] = {}
    for rec in gold["recommendations"]:
        criterion = parsed[matched[rec["id"]]].criterion if rec["id"] in matched else None
        scored[rec["id"]] = score_actions(
            rec["text"],
            retriever,
            tokenize,
            k=len(plan.actions),
            document_ids=[plan.document.id],
            params=params,
            expand=expand,
            context=context,
            prior=prior(criterion, criteria, params.criterion_prior),
        )
    favourite: dict[str, tuple[float, str]] = {}
    for rec_id, candidates in scored.items():
        for candidate in candidates:
            if candidate.rank_score > favourite.get(candidate.action_id, (-9.0, ""))[0]:
                favourite[candidate.action_id] = (candidate.rank_score, rec_id)
    cites = any(action["cite"] for action in gold["actions"])
    rows = []
    for rec in gold["recommendations"]:
        relevant = {
            actions[i]
            for i, action in enumerate(gold["actions"])
            if rec["id"] in action["answers"] and i in actions
        }
        candidates = scored[rec["id"]]
        first = next((i for i, c in enumerate(candidates, 1) if c.action_id in relevant), None)
        best = candidates[0] if candidates else None
        rows.append(
            Row(
                name,
                rec["id"],
                cites,
                bool(gold["coverage"][rec["id"]]),
                verdict_kind(by_rec.get(rec["id"])),
                first,
                candidates[first - 1].rank_score if first else None,
                best.rank_score if best else None,
                best is not None and best.action_id in relevant,
                best is not None and favourite[best.action_id][1] != rec["id"],
            )
        )
    return rows


def summary(rows: list[Row]) -> dict[str, Any]:
    """The confusion matrix and the wrong verdicts' shapes."""
    matrix = Counter((("répondue" if r.gold else "sans réponse"), r.kind) for r in rows)
    wrong = [r for r in rows if r.gold != (r.kind != "non couverte")]
    shapes = Counter(
        (
            r.kind,
            "cite" if r.cites else "sémantique",
            "meilleur=juste" if r.best_right else f"juste au rang {r.first_right}",
            "meilleur pris ailleurs" if r.best_taken else "meilleur à elle",
        )
        for r in wrong
    )
    return {"matrix": matrix, "wrong": wrong, "shapes": shapes}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.report_pairs.errors")
    parser.add_argument("--rows", action="store_true", help="print every wrong verdict")
    args = parser.parse_args(argv)
    settings = Settings()
    embedder = model_embedder(settings.embedding)
    rows = [r for name in load_split()["in_sample"] for r in pair_rows(name, embedder, settings)]
    result = summary(rows)
    print("gold \\ verdict".ljust(16) + "".join(k.rjust(14) for k in KINDS))
    for gold in ("répondue", "sans réponse"):
        print(gold.ljust(16) + "".join(str(result["matrix"][gold, k]).rjust(14) for k in KINDS))
    print(f"right: {len(rows) - len(result['wrong'])} of {len(rows)}")
    for shape, count in result["shapes"].most_common():
        print(count, " · ".join(shape))
    if args.rows:
        for r in result["wrong"]:
            print(
                f"{r.pair} {r.rec} {r.kind} gold={'oui' if r.gold else 'non'} "
                f"rang={r.first_right} juste={r.right_score} meilleur={r.best_score} "
                f"pris={r.best_taken}"
            )


if __name__ == "__main__":
    main()
