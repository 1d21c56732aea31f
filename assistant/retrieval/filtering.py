"""What a `PassageFilter` means, written once for every index.

Chroma applies filters itself (see `vector_store.chroma_where`); BM25 scores every passage
and filters afterwards with `passage_matches`. Both must agree, so the rules live here.
"""

from __future__ import annotations

from collections.abc import Hashable

from assistant.schema import Passage, PassageFilter

#: Filters whose results an index remembers until its passages change.
FILTERS_KEPT = 64


def filter_key(passage_filter: PassageFilter | None) -> Hashable:
    """A hashable form of a filter: indexes remember which passages each filter keeps."""
    if passage_filter is None:
        return None
    return (
        None if passage_filter.kinds is None else tuple(k.value for k in passage_filter.kinds),
        None if passage_filter.document_ids is None else tuple(passage_filter.document_ids),
        passage_filter.criterion,
        passage_filter.axis,
    )


def matches_nothing(passage_filter: PassageFilter | None) -> bool:
    """True when a condition lists no allowed value (``kinds=[]``): no passage can match."""
    if passage_filter is None:
        return False
    return passage_filter.kinds == [] or passage_filter.document_ids == []


def passage_matches(passage: Passage, passage_filter: PassageFilter | None) -> bool:
    """Whether `passage` satisfies every condition of `passage_filter` (None keeps all)."""
    if passage_filter is None:
        return True
    if passage_filter.kinds is not None and passage.kind not in passage_filter.kinds:
        return False
    if (
        passage_filter.document_ids is not None
        and passage.document_id not in passage_filter.document_ids
    ):
        return False
    if passage_filter.criterion is not None and passage.criterion != passage_filter.criterion:
        return False
    return passage_filter.axis is None or passage.axis == passage_filter.axis
