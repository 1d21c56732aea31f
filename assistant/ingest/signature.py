"""A content signature of a parsed document, to recognise the same plan in another file.

A coordinator often holds one plan as .docx, the .pdf exported from it and an .xlsx copy;
importing all three would triple every action and gap. Bytes differ between formats, so
the signature is built from what the parser understood: the words of each action, of
each recommendation, of each SWOT item and finding, folded (case, accents), cut into
overlapping 3-word shingles, each shingle tagged with the kind of item it comes from. Two
documents are compared by the Jaccard index of their shingle sets: the same plan read
from another format scores near 1 (a PDF's wrapped cells change a few shingles at most),
a revised version of it scores in between, another institution's plan near 0. The
thresholds are measured, not guessed (cases in `tests/core/ingest/test_signature.py`):

- the demo plan as .md/.docx/.pdf/.xlsx: 1.000 pairwise; the demo report .md/.pdf: 1.000;
- the demo plan revised (10 / 30 / 50 % of its actions dropped or reworded): 0.96 / 0.84 / 0.75;
- different documents (demo plan, report, SWOT, the three real plans of ../shared/seeds):
  at most 0.019;
- the in-sample layouts of the zoo (`evals/zoo`, 15 layouts; the aside ones were not used):
  the same layout as DOCX, PDF and XLSX scores at least 0.435 (44 of 45 pairs ≥ 0.5, 38
  ≥ 0.9; the text forms, read far less well, fall lower); two different layouts score at
  most 0.056 over 3,370 pairs.

An expert report quoted by a plan shares its recommendations' wording with it; the
actions, present only in the plan, keep the two apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.ids import fold
from assistant.schema import Plan

#: At or above: the same content (another format or copy of a stored document).
SAME_CONTENT = 0.98
#: At or above (and below SAME_CONTENT): nearly the same, most likely another version.
NEARLY_SAME = 0.4
_SHINGLE_WORDS = 3
_WORD = re.compile(r"[^\W_]+")

Signature = frozenset[str]


def signature(plan: Plan) -> Signature:
    """The shingles of a parsed document (empty for a document with no item)."""
    shingles: set[str] = set()
    for kind, texts in (
        ("a", (action.text for action in plan.actions)),
        ("r", (item.text or item.ref for item in plan.recommendations)),
        ("s", (item.text for item in plan.swot)),
        ("f", (item.text for item in plan.findings)),
    ):
        shingles.update(_shingles(kind, texts))
    return frozenset(shingles)


def similarity(first: Signature, second: Signature) -> float:
    """Jaccard index of two signatures (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _shingles(kind: str, texts: Iterable[str]) -> Iterable[str]:
    for text in texts:
        words = _WORD.findall(fold(text))
        if len(words) < _SHINGLE_WORDS:
            if words:
                yield f"{kind}:{' '.join(words)}"
            continue
        for start in range(len(words) - _SHINGLE_WORDS + 1):
            yield f"{kind}:{' '.join(words[start : start + _SHINGLE_WORDS])}"
