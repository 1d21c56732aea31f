"""``make bench`` end to end on a tiny corpus, with the FAKE embedder (tests/fakes.py).

The figures mean nothing here (no model, a dozen actions); the test checks that every
scenario runs in its own process, that the table and the targets are printed, and that an
unchanged corpus re-ingested and rebuilt embeds nothing. Real figures: ``make bench``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals import bench


@pytest.mark.slow
def test_the_benchmark_runs_on_a_tiny_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures_file = tmp_path / "bench.json"
    status = bench.main(
        [
            "--sizes",
            "1",
            "2",
            "--actions",
            "5",
            "--recommendations",
            "10",
            "--pdf-actions",
            "8",
            "--audit-plans",
            "2",
            "--zoo-pdfs",
            "2",
            "--embedder",
            "fakes:HashingEmbedder",
            "--json",
            str(figures_file),
            "--startup-runs",
            "1",
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0, printed
    for row in (
        "PDF reader: pages/s | actions/s",
        "embedding throughput (sentences/s)",
        "search hybrid p50 | p95 (ms)",
        "full audit: computed first | again (s)",
        "full audit stored, read back (s)",
        "peak memory, RSS (MB)",
        "Targets (issue 8)",
        "indexing within",
        "Start-up (fresh process",
    ):
        assert row in printed
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["startup"]["--help"]["heavy"] == []
    one, two = figures["sizes"]["1"], figures["sizes"]["2"]
    assert (one["actions"], two["actions"]) == (5, 10)
    for size in (one, two):
        assert size["embedded at build"] > 0
        assert size["embedded on re-ingest+rebuild"] == 0  # issue 3
        assert size["peak RSS MB"] > 0
        assert size["search hybrid p95 ms"] >= size["search hybrid p50 ms"] > 0
        assert "chat p95 ms" in size or size["chat"] == "n/a (chat not available)"
        assert "index build (server) s" in size or "server" in size
    assert figures["pdf"]["actions"] == 8 and figures["pdf"]["embedded"] > 0
    audit = figures["audit"]
    assert (audit["recommendations"], audit["actions"]) == (10, 10)
    # Issue 19: the audit computed afresh (every stage run) and read back, told apart.
    assert audit["audit computed cpu s"] > 0 and audit["map all computed cpu s"] > 0
    assert audit["audit stored s"] > 0 and audit["audit in memory s"] >= 0
    for size in (one, two):
        assert size["audit computed cpu s"] > 0 and size["audit stored s"] > 0
    # Issue 19: the PDF read beside the raw text extraction of the same file, same run.
    pdf = figures["pdf"]
    assert pdf["read+extract cpu s"] > pdf["pypdfium2 text cpu s"] > 0
    assert pdf["ratio to fastest"] > 1 and pdf["zoo ratio to fastest"] > 1
