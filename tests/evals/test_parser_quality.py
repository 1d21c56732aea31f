"""The real parser on the real seeds must meet the issue's targets (see `evals.targets`).

This keeps the figures from regressing. Until the extractor is good enough it fails, and
the assertion message lists every missed figure and every file the parser could not read.
"""

from __future__ import annotations

import pytest

from evals.parser_eval import evaluate_parser
from evals.shared import SharedData


@pytest.mark.shared
def test_parser_meets_the_targets_on_the_gold(shared_data: SharedData) -> None:
    evaluation = evaluate_parser(shared_data)
    assert evaluation.passed and not evaluation.errors(), evaluation.failure_report()
