"""The k smallest values of an array, in the order a stable full sort gives them.

A search keeps the k best of thousands of passages: sorting all of them (``argsort``) for
each of an audit's hundreds of searches costs more than the scores themselves. The k-th
smallest value is found in linear time (``argpartition``); what is smaller, and what ties
with it, is then sorted stably, so ties keep the order of the array, exactly as
``np.argsort(values, kind="stable")[:k]`` would give them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def smallest(values: NDArray[np.floating], k: int) -> NDArray[np.intp]:
    """Positions of the `k` smallest `values`, smallest first, ties in array order."""
    import numpy as np

    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    if k >= len(values) or np.isnan(values).any():
        return np.argsort(values, kind="stable")[:k]
    kth = values[np.argpartition(values, k - 1)[k - 1]]
    kept = np.flatnonzero(values <= kth)  # in array order: ties with the k-th included
    return kept[np.argsort(values[kept], kind="stable")][:k]
