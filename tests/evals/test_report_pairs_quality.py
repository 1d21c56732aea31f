"""The report-pairs figures must not regress (real offline MiniLM embedder).

Figures at the time of writing (``python -m evals --only report-pairs``, six in-sample
pairs since session 4, three of them semantic-only): recommendations found 1.00 in DOCX
and PDF with no strength or improvement point among them, explicit-link F1 1.00, semantic
recall@5 0.96 / MRR 0.81, coverage accuracy 0.91 in-sample. Session 5 added two harder
in-sample pairs (eight, five semantic-only): recall@5 0.97 / MRR 0.90, coverage accuracy
0.844 (it was 0.91 on the six easier pairs, 0.844 on the eight before session 5's work),
so the floor was 0.84. Session 6 added two in-sample pairs in new report styles (ten,
seven semantic-only; 0.735 before its rule work): recommendations found 1.00, coverage
accuracy 0.878 (leave-one-pair-out estimate of the calibration 0.867), so the floor is
0.87. The aside third is checked for reading only: its mapping figures are reported, not
tuned to.
"""

from __future__ import annotations

import pytest

from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.settings import Settings
from evals.report_pairs.evaluation import run_pairs


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, object]]:
    settings = Settings()
    return run_pairs(SentenceTransformerEmbedder(settings.embedding), settings)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["in_sample", "aside"])
def test_reports_are_read_as_experts_write_them(
    figures: dict[str, dict[str, object]], split: str
) -> None:
    found = figures[split]
    for rendering in ("docx", "pdf"):
        assert found[f"{rendering} recommendations recall"] >= 0.9
        assert found[f"{rendering} findings taken as recommendations"] == 0
    assert found["criterion references taken as recommendations"] == 0


@pytest.mark.slow
def test_in_sample_plans_are_mapped_to_their_reports(
    figures: dict[str, dict[str, object]],
) -> None:
    found = figures["in_sample"]
    assert found["explicit links f1"] == 1.0
    assert found["semantic recall@5"] >= 0.9
    # 0.87 was set on session 6's synonym groups, which fitted the pairs in view; with
    # the groups leave-one-out keeps and three new pairs, in-sample was 0.820 (aside 0.782).
    # Session 8 (actions cited elsewhere never « probable », a rival answered elsewhere
    # needs a clear lead, floor 0.2): 0.869, leave-one-pair-out estimate 0.852 (aside 0.800)
    # Session 9 added two in-sample pairs in a new style (the committee asks questions, the
    # plan states outcomes), scored only once written: 12 of their 18 verdicts right, so
    # in-sample is 0.843 (leave-one-pair-out 0.829-0.836; aside, with its new pair, 0.778).
    # Session 10 added two in-sample pairs in the committees' hedged style (long paragraphs
    # asking several things), scored only once written: 15 of their 25 verdicts right, 19
    # once their XLSX plan's actions were all read (a data row had been taken for a
    # header), so in-sample is 0.830 (leave-one-pair-out 0.824; aside, with its new pair,
    # 0.773). Two more hedged in-sample pairs after that: 10 of 19 right, 16 once a summary
    # table cut by page breaks was read whole; 18 pairs in-sample 0.832 (leave-one-pair-out
    # 0.826), aside 0.762.
    assert found["coverage accuracy"] >= 0.83


@pytest.mark.slow
def test_a_reference_missing_from_the_report_is_flagged(
    figures: dict[str, dict[str, object]],
) -> None:
    assert figures["aside"]["unresolved references flagged"] == "1/1"
