"""A content signature of a parsed document, to recognise the same plan in another file.

A coordinator often holds one plan as .docx, the .pdf exported from it and an .xlsx copy;
importing all three would triple every action and gap. Bytes differ between formats, so
the signature is built from what the parser understood: the words of each action, of
each recommendation, of each SWOT item and finding, folded (case, accents), cut into
overlapping 3-word shingles, each shingle tagged with the kind of item it comes from. Two
documents are compared by the Jaccard index of their shingle sets: the same plan read
from another format scores near 1 (a PDF's wrapped cells change a few shingles at most),
a revised version of it scores in between, another institution's plan near 0.

Two plans are compared on their actions alone, and a phrase repeated in three items or
more is left out: plans of different programmes filled in from one template share the
template's wording and the cluster's recommendations, quoted in full, but not their
actions. The thresholds are measured, not guessed (cases in
`tests/core/ingest/test_signature.py`):

- the demo plan as .md/.docx/.pdf/.xlsx: 1.000 pairwise; the demo report .md/.pdf: 1.000;
- the demo plan revised (10 / 30 / 50 % of its actions dropped or reworded): 0.93 / 0.83 / 0.71;
- different documents (demo plan, report, SWOT, the three real plans of ../shared/seeds):
  at most 0.022;
- plans of four programmes from one template (`tests/core/ingest/template_plans.py`, two
  templates, 12 pairs): at most 0.232 (before: all 12 at 0.445-0.464, taken for
  versions); versions of one of them changing 2 / 5 / 8 of 15 actions: at least
  0.862 / 0.763 / 0.696;
- the in-sample layouts of the zoo (`evals/zoo`, 24 layouts as DOCX, PDF and XLSX; the
  aside ones were not used): the same layout in two formats scores at least 0.886 (70 of
  72 pairs ≥ 0.9); two different layouts at most 0.062 over 2,484 pairs.

Plans that share most of their actions' wording while being different programmes (the
bench's synthetic plans, whose actions repeat the recommendations' words) can still
score above `NEARLY_SAME`; the coordinator then keeps both (`DuplicateChoice.KEEP_BOTH`).

An expert report quoted by a plan shares its recommendations' wording with it; the
actions, present only in the plan, keep the two apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from assistant.ids import fold
from assistant.schema import Plan

#: At or above: the same content (another format or copy of a stored document).
SAME_CONTENT = 0.98
#: At or above (and below SAME_CONTENT): nearly the same, most likely another version.
NEARLY_SAME = 0.4
_SHINGLE_WORDS = 3
#: A shingle found in this many items of one kind is the template's or the writer's
#: formula (« en conseil de section », « à compléter »), not what tells a plan apart.
_FORMULA_ITEMS = 3
_WORD = re.compile(r"[^\W_]+")
_ACTION = "a:"

Signature = frozenset[str]


def signature(plan: Plan) -> Signature:
    """The shingles of a parsed document (empty for a document with no item).

    Shingles repeated in `_FORMULA_ITEMS` items or more of one kind are left out (when
    that leaves any): a template's fixed wording, repeated row after row, is shared by
    every programme that fills the template in.
    """
    shingles: set[str] = set()
    for kind, texts in (
        ("a", (action.text for action in plan.actions)),
        ("r", (item.text or item.ref for item in plan.recommendations)),
        ("s", (item.text for item in plan.swot)),
        ("f", (item.text for item in plan.findings)),
    ):
        shingles.update(_without_formulas([set(_shingles(kind, [text])) for text in texts]))
    return frozenset(shingles)


def similarity(first: Signature, second: Signature) -> float:
    """Jaccard index of two signatures (0 when either is empty).

    Two plans (both with actions) are compared on their actions only: what a plan quotes
    (the experts' recommendations, the same for every programme of a cluster) and its
    SWOT say which evaluation it answers, its actions say which plan it is. A plan and a
    report, or two reports, are compared on everything they hold.
    """
    own_first = frozenset(s for s in first if s.startswith(_ACTION))
    own_second = frozenset(s for s in second if s.startswith(_ACTION))
    if own_first and own_second:
        first, second = own_first, own_second
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _without_formulas(items: list[set[str]]) -> set[str]:
    counts = Counter(shingle for item in items for shingle in item)
    every = set(counts)
    kept = {shingle for shingle, items_with in counts.items() if items_with < _FORMULA_ITEMS}
    return kept or every


def _shingles(kind: str, texts: Iterable[str]) -> Iterable[str]:
    for text in texts:
        words = _WORD.findall(fold(text))
        if len(words) < _SHINGLE_WORDS:
            if words:
                yield f"{kind}:{' '.join(words)}"
            continue
        for start in range(len(words) - _SHINGLE_WORDS + 1):
            yield f"{kind}:{' '.join(words[start : start + _SHINGLE_WORDS])}"
