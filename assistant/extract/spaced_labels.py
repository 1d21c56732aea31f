"""« Fiche » fields whose label and value are separated by a space only, not a colon.

Text extracted from a two-column « fiche » table (``pdftotext -raw``, many converters)
puts each label before its value on one line, the label sometimes wrapped:

    Pilote Coordinateur de la clinique
    Indicateurs de
    réussite
    • Nombre de patients reçus par semaine
    Recommandation(s)
    visée(s)
    Recommandation 4 (p. 12)

A line opens a field when it starts with a column title of the vocabulary (the same words
as table headers, `vocabulary.header_prefixes`) followed by lower-case words of the label
(« de réussite », « visée(s) ») and then, if any, a value that opens with a capital, a
digit or a mark. A label left without value takes its wrapped end from the next line
(lower case) and its value from the line after it. Such lines are rewritten « Label :
value » for `field_blocks`, but only in a run of at least three of them naming at least
two different fields, most with their value on their line: a sentence that happens to
begin with « Action » stays a sentence, and column titles alone on their lines (a table
printed one column after the other) are no fields.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from assistant.extract.stream import Item, Line
from assistant.extract.vocabulary import NO_FIELD, Column, column_of, header_prefixes
from assistant.ids import fold

_LABEL_CHARS = 45
_LABEL_WORDS = 6
_RUN = 3  # labelled lines a run needs
_WINDOW = 14  # lines within which they must fall
_NUMBERED = re.compile(r"^(?:n\s*°\s*)?[\dIVX]+(?:\.\d+)*\s*[:.–—)-]")


@cache
def _prefixes() -> dict[str, list[str]]:
    """The column titles by their first two characters, the longest first in each group."""
    groups: dict[str, list[str]] = {}
    for prefix in sorted({p for p, _ in header_prefixes()}, key=len, reverse=True):
        groups.setdefault(prefix[:2], []).append(prefix)
    return groups


def spaced_label(text: str) -> tuple[str, str] | None:
    """(label, value) when the line opens with a field label and no colon follows it."""
    folded = fold(text[: _LABEL_CHARS + 5])
    if ":" in text[:_LABEL_CHARS]:
        return None  # (a colon: « Label : value », read as such)
    prefix = next(
        (
            p
            for p in _prefixes().get(folded[:2], ())
            if folded.startswith(p) and _ends_word(folded, len(p))
        ),
        None,
    )
    if prefix is None:
        return None
    # where the prefix ends in the text as written (folding may change lengths: « œ »)
    end = next(
        (n for n in range(max(1, len(prefix) - 2), len(prefix) + 3) if fold(text[:n]) == prefix),
        None,
    )
    if end is None:
        return None
    plural = re.match(r"s\b|\(s\)|x\b", text[end:])
    end += plural.end() if plural else 0
    # lower-case words of the label go on until the value opens
    base = end
    for word in re.finditer(r"\s+(\S+)", text[base:]):
        if not word.group(1)[:1].islower():
            break
        end = base + word.end()
    label, value = text[:end].strip(), text[end:].strip()
    if len(label) > _LABEL_CHARS or len(label.split()) > _LABEL_WORDS:
        return None
    if re.search(r"\d", label) or _NUMBERED.match(value):
        return None  # a title: « Mesure n°1 », « Action 1.1 – Mettre en place… »
    if value and not (value[:1].isupper() or value[:1].isdigit() or value[:1] in '•-–*(«"'):
        return None
    return label, value


def _ends_word(folded: str, at: int) -> bool:
    return at >= len(folded) or not folded[at].isalpha() or folded[at] == "s"


def with_spaced_labels_as_fields(items: list[Item]) -> tuple[list[Item], set[int]]:
    """The items, with runs of space-separated « Label value » lines made « Label : value »,
    and the `id` of each line so rewritten (its reading is to check)."""
    labelled = [
        spaced_label(item.text.strip()) if isinstance(item, Line) else None for item in items
    ]
    keep = _in_runs(items, labelled)
    out: list[Item] = []
    rewritten: set[int] = set()
    pending: tuple[int, Column | None] | None = None  # (index in out, column) of a bare label
    for index, item in enumerate(items):
        found = labelled[index] if keep[index] else None
        if not isinstance(item, Line):
            out.append(item)
            pending = None
            continue
        text = item.text.strip()
        if pending is not None:
            at, column = pending
            head = out[at]
            assert isinstance(head, Line)
            if text[:1].islower() and len(text.split()) <= 3 and found is None:
                label = f"{head.text.removesuffix(' :')} {text}"
                out[at] = replace(head, text=f"{label} :")
                rewritten.add(id(out[at]))
                pending = (at, column_of(label))
                continue  # the label's wrapped end
            if found is None or column_of(found[0]) == column:
                pending = None
                out.append(item)  # the label's value (« Recommandation 4 (p. 12) »)
                continue
        if found is None:
            out.append(item)
            pending = None
            continue
        label, value = found
        text_as_field = f"{label} : {value}" if value else f"{label} :"
        out.append(replace(item, text=text_as_field))
        rewritten.add(id(out[-1]))
        pending = None if value else (len(out) - 1, column_of(label))
    return out, rewritten


def _in_runs(items: list[Item], labelled: list[tuple[str, str] | None]) -> list[bool]:
    """Which labelled lines belong to a run dense and varied enough to be fields."""
    keep = [False] * len(items)
    positions = [i for i, found in enumerate(labelled) if found is not None]
    answered = _answered_labels(items, labelled)
    for start in range(len(positions)):
        window = [p for p in positions[start:] if p - positions[start] <= _WINDOW]
        columns = {column_of(found[0]) for p in window if (found := labelled[p])}
        # most labels carry their value on their line, or on the next one when the same
        # labels come back fiche after fiche: titles alone on theirs, one after the
        # other, are the column headers of a table printed one column after the other
        valued = sum(bool(found[1]) or p in answered for p in window if (found := labelled[p]))
        if (
            len(window) >= _RUN
            and len(columns - {None, *NO_FIELD}) >= 2
            and valued >= len(window) / 2
        ):
            for p in window:
                keep[p] = True
    return keep


#: The fields that make a fiche an action's: an experts' report repeats its section titles
#: (« Constats et analyses », « Recommandations ») chapter after chapter too.
_PLAN_FIELDS = frozenset(
    {Column.ACTION, Column.OWNER, Column.DEADLINE, Column.INDICATORS, Column.STATUS}
)


def _answered_labels(items: list[Item], labelled: list[tuple[str, str] | None]) -> set[int]:
    """Bare labels (alone on their line) of an action's fields that come back in the
    document — each fiche of a Word table saved as text repeats them — and whose next line
    is not such a label: their value is that next line."""
    bare = [
        fold(found[0])
        if found is not None and not found[1] and column_of(found[0]) in _PLAN_FIELDS
        else None
        for found in labelled
    ]
    counts: dict[str, int] = {}
    for key in bare:
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    recurring = [key is not None and counts[key] >= 2 for key in bare]
    answered: set[int] = set()
    for index, item in enumerate(items):
        if not recurring[index] or not isinstance(item, Line):
            continue
        following = next(
            (n for n in range(index + 1, len(items)) if isinstance(items[n], Line)), None
        )
        if following is not None and not recurring[following]:
            answered.add(index)
    return answered
