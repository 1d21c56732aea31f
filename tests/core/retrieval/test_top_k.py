"""`top_k.smallest`: the k smallest values, exactly as a stable full sort orders them."""

from __future__ import annotations

import numpy as np

from assistant.retrieval.top_k import smallest


def test_the_k_smallest_are_those_of_a_stable_full_sort_ties_included() -> None:
    rng = np.random.default_rng(7)
    for trial in range(2000):
        size = int(rng.integers(0, 60))
        # few distinct values: many ties, at the k-th place too; float32 like the cosines
        values = rng.integers(0, 6 if trial % 2 else 1000, size).astype(np.float32) / 7
        if trial % 5 == 0 and size:
            values[rng.integers(0, size)] = -0.0
        for k in (0, 1, 2, 5, size - 1, size, size + 3):
            expected = np.argsort(values, kind="stable")[: max(k, 0)]
            assert smallest(values, k).tolist() == expected.tolist(), (values, k)


def test_not_a_number_falls_back_to_the_full_sort() -> None:
    values = np.array([0.3, np.nan, 0.1, 0.2])
    assert smallest(values, 2).tolist() == [2, 3]
    assert smallest(values, 4).tolist() == [2, 3, 0, 1]
