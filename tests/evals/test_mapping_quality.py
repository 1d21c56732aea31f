"""Mapping quality on annotated data must not regress (real offline MiniLM embedder).

Figures at the time of writing (``python -m evals --only mapping``): PROMSOC hidden
structure recall@5 0.90 / MRR 1.00 with the calibrated link score; demo corpus coverage
accuracy 0.94. The HELHa objective proxy (0.43, target 0.6) is reported, not enforced.
"""

from __future__ import annotations

import pytest

from assistant.mapping.semantic import calibration
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.settings import Settings
from evals.mapping_data import demo, promsoc
from evals.mapping_eval import hidden_rankings, mapper_figures, retriever_for
from evals.shared import SharedData


@pytest.fixture(scope="module")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(Settings().embedding)


@pytest.mark.shared
def test_promsoc_quoted_recommendations_find_their_actions(
    shared_data: SharedData, embedder: SentenceTransformerEmbedder
) -> None:
    data = promsoc(shared_data)
    retriever = retriever_for(workspace_passages(data.plans), embedder)
    figures = hidden_rankings(data, retriever, "link score")
    assert figures.recall_at_5 >= 0.9 and figures.mrr >= 0.7, figures
    mapper = mapper_figures(data, retriever, calibration())
    assert mapper["coverage_accuracy"] >= 0.8, mapper


def test_demo_coverage_verdicts_with_structure_hidden(
    embedder: SentenceTransformerEmbedder,
) -> None:
    data = demo()
    retriever = retriever_for(workspace_passages(data.plans), embedder)
    mapper = mapper_figures(data, retriever, calibration())
    assert mapper["coverage_accuracy"] >= 0.85, mapper
    assert mapper["link_precision"] >= 0.7, mapper
