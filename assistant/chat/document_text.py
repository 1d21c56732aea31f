"""The documents' own text beside their items: what a question on a stated fact is answered from.

The parser keeps a plan's recommendations, actions and SWOT items; the sentences around them
(« … à la suite de la visite du comité des experts des 12, 13 et 14 mars 2024 », « La
prochaine mise à jour est prévue en novembre 2027 ») are in no item. A question on such a
fact (« quand les experts sont-ils venus ? ») is answered from these passages: every
paragraph and table row of each stored original, read again on first need, each with its
span and a stable citation id (``texte:<document id>:<first line>``).

A passage answers a question when it holds the question's content words; `best_text_support`
says how much of them the best passage holds, so that the chat can tell a question on the
documents' text from a question on the plan's actions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.chat.text import stems
from assistant.errors import IngestError
from assistant.readers.base import Paragraph
from assistant.readers.reading import read_document
from assistant.schema import Span
from assistant.settings import IngestSettings

#: Prefix of a passage's citation id.
TEXT_PREFIX = "texte:"


@dataclass(frozen=True)
class TextPassage:
    """One paragraph or table row of a document, as written."""

    id: str
    document_id: str
    text: str
    span: Span


def read_text_passages(
    documents: Iterable[tuple[str, str, Path]], settings: IngestSettings
) -> list[TextPassage]:
    """The paragraphs and table rows of each (document id, file name, original file).

    A file that can no longer be read (removed, damaged) gives no passage: the items the
    workspace keeps of it still answer. Spans name the file as ingested, not its copy.
    """
    passages: dict[str, TextPassage] = {}
    for document_id, name, path in documents:
        try:
            raw = read_document(path, settings)
        except (IngestError, OSError):
            continue
        for block in raw.blocks:
            pieces: Sequence[tuple[str, Span]]
            if isinstance(block, Paragraph):
                pieces = [(block.text, block.span)]
            else:  # a row's cells read as one line (« Coordinateur : Monsieur X »)
                pieces = [(" : ".join(c.strip() for c in row.cells if c.strip()), row.span)
                          for row in block.rows]  # fmt: skip
            for text, span in pieces:
                text = " ".join(text.split())
                if not text:
                    continue
                passage_id = f"{TEXT_PREFIX}{document_id}:{span.page or 0}:{span.line_start}"
                span = span.model_copy(update={"file": name, "excerpt": text[:200]})
                passages.setdefault(passage_id, TextPassage(passage_id, document_id, text, span))
    return list(passages.values())


def outside_items(passages: Iterable[TextPassage], items: Iterable[Span]) -> list[TextPassage]:
    """The passages no item (action, recommendation, SWOT item) was read from: the text
    around the items, not the items written a second time."""
    taken: dict[tuple[str, int | None], list[tuple[int, int]]] = {}
    for span in items:
        taken.setdefault((span.file, span.page), []).append((span.line_start, span.line_end))
    return [p for p in passages
            if not any(start <= p.span.line_start <= end
                       for start, end in taken.get((p.span.file, p.span.page), []))]  # fmt: skip


def share_held(wanted: Collection[str], text: str) -> float:
    """The share of the asked stems (`wanted`) a text holds."""
    if not wanted:
        return 0.0
    return len(set(wanted) & set(stems(text))) / len(wanted)


def text_answers(
    passages: Sequence[TextPassage], wanted: Collection[str], least: float
) -> list[tuple[float, TextPassage]]:
    """The passages holding at least `least` of the asked stems, the best first."""
    scored = [(share_held(wanted, p.text), p) for p in passages]
    return sorted(((s, p) for s, p in scored if s >= least and s > 0), key=lambda pair: -pair[0])
