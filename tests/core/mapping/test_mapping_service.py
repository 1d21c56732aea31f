"""Mapping: written links first, then semantic candidates; verdicts follow the calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.mapping.semantic import Calibration
from assistant.mapping.service import build_mappings
from assistant.mapping.unify import unify
from assistant.parsing import parse_file
from assistant.schema import (
    Coverage,
    LinkKind,
    Passage,
    PassageFilter,
    PassageKind,
    Plan,
    SearchHit,
)
from assistant.settings import Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
PARAMS = Calibration(dense_weight=0.5, covered=0.6, partial=0.4, candidate=0.2)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:«»()").lower() for w in text.split() if len(w) > 3]


class WordOverlapSearcher:
    """A FAKE retriever (no embeddings): ranks action passages by shared words."""

    def __init__(self, plans: list[Plan]) -> None:
        self.passages = [
            Passage(
                id=a.id,
                kind=PassageKind.ACTION,
                document_id=a.document_id,
                text=a.text,
                source=a.source,
            )
            for plan in plans
            for a in plan.actions
        ]
        self.queries: list[str] = []

    def search(
        self, query: str, *, k: int = 10, filter: PassageFilter | None = None
    ) -> list[SearchHit]:
        self.queries.append(query)
        wanted = set(_words(query))
        scored = []
        for passage in self.passages:
            shared = len(wanted & set(_words(passage.text))) / max(1, len(wanted))
            scored.append(SearchHit(passage=passage, score=shared, dense_score=shared))
        scored.sort(key=lambda hit: -hit.score)
        return scored[:k]


@pytest.fixture(scope="module")
def demo_plans() -> list[Plan]:
    settings = Settings()
    return [parse_file(DEMO / name, settings) for name in ("rapport-experts.md", "plan-action.md")]


def test_report_and_plan_occurrences_are_unified(demo_plans: list[Plan]) -> None:
    report, plan = demo_plans
    groups = unify([*report.recommendations, *plan.recommendations])
    assert len(groups) == len(report.recommendations) == 16
    c5r2 = next(g for g in groups if g.canonical.key == "c5/r2")
    assert c5r2.canonical.document_id == report.document.id  # the worded occurrence wins
    assert {m.ref for m in c5r2.members} >= {"C5-R2"}


def test_written_links_cover_and_unanswered_recommendations_are_uncovered(
    demo_plans: list[Plan],
) -> None:
    mappings = build_mappings(demo_plans, None, _words, params=PARAMS)
    by_key = {m.recommendation_key: m for m in mappings}
    assert by_key["c1/r1"].coverage is Coverage.COVERED
    assert all(link.kind is LinkKind.EXPLICIT for link in by_key["c1/r1"].links)
    # GAPS.md: C2-R2, C3-R1 and C4-R2 are answered by no action at all
    for key in ("c2/r2", "c3/r1", "c4/r2"):
        assert by_key[key].coverage is Coverage.UNCOVERED, key
        assert by_key[key].links == []


def test_semantic_candidates_complete_written_links(demo_plans: list[Plan]) -> None:
    searcher = WordOverlapSearcher(demo_plans)
    mappings = build_mappings(demo_plans, searcher, _words, params=PARAMS)
    assert len(searcher.queries) == 16  # one query per worded recommendation
    for mapping in mappings:
        kinds = [link.kind for link in mapping.links]
        assert kinds == sorted(
            kinds, key=[LinkKind.EXPLICIT, LinkKind.PLACEMENT, LinkKind.SEMANTIC].index
        )
        ids = [link.action_id for link in mapping.links]
        assert len(ids) == len(set(ids))


def test_verdict_thresholds_follow_the_calibration(demo_plans: list[Plan]) -> None:
    report, plan = demo_plans
    unlinked = plan.model_copy(
        update={"actions": [a.model_copy(update={"links": []}) for a in plan.actions]}
    )
    strict = Calibration(dense_weight=0.5, covered=0.99, partial=0.98, candidate=0.0)
    lenient = Calibration(dense_weight=0.5, covered=0.01, partial=0.0, candidate=0.0)
    searcher = WordOverlapSearcher([unlinked])
    strict_result = build_mappings([report, unlinked], searcher, _words, params=strict)
    lenient_result = build_mappings([report, unlinked], searcher, _words, params=lenient)
    assert all(m.coverage is Coverage.UNCOVERED for m in strict_result)
    assert all(m.coverage is Coverage.COVERED for m in lenient_result)
    assert all(link.kind is LinkKind.SEMANTIC for m in lenient_result for link in m.links)


@pytest.mark.slow
def test_ten_thousand_actions_are_mapped_with_every_written_link(tmp_path: Path) -> None:
    """A plan of 10,000 actions (synthetic, Markdown), the FAKE hashing embedder, Chroma in
    memory: every recommendation gets a mapping and every written reference is kept."""
    from fakes import HashingEmbedder

    from assistant.retrieval.french import StemTokenizer
    from assistant.retrieval.hybrid import HybridRetriever
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.retrieval.vector_store import ChromaVectorStore
    from assistant.retrieval.workspace_indexes import workspace_passages
    from assistant.settings import RetrievalSettings
    from evals import synthetic

    report = synthetic.generate_report(100)
    path = synthetic.write_plan(synthetic.generate_plan(0, report, 10_000), tmp_path, "md")
    report_path = tmp_path / "rapport.md"
    report_path.write_text(report.markdown, encoding="utf-8")
    plans = [parse_file(report_path, Settings()), parse_file(path, Settings())]
    assert len(plans[1].actions) == 10_000
    embedder = HashingEmbedder()
    retriever = HybridRetriever(
        embedder, ChromaVectorStore.in_memory(embedder.name), LexicalIndex(), RetrievalSettings()
    )
    retriever.index(workspace_passages(plans))

    mappings = build_mappings(plans, retriever, StemTokenizer().tokenize)

    assert len(mappings) == len({r.key for r in plans[0].recommendations}) == 100
    key_of = {r.id: r.key for r in plans[1].recommendations}
    written = {(key_of[link.recommendation_id], a.id) for a in plans[1].actions for link in a.links}
    found = {
        (m.recommendation_key, link.action_id)
        for m in mappings
        for link in m.links
        if link.kind is not LinkKind.SEMANTIC
    }
    assert len(written) > 5_000 and written <= found
