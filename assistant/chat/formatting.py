"""An answer as a coordinator reads it: numbered citations and a list of sources.

`Answer.text` keeps the cited ids in brackets (stable, checkable, what the grounding check
and the tests use); a person reads « [1, 2] » and, below the answer, where each source is
written. This is plain text (no terminal codes), so the CLI, a report or a web page can all
use it. `for_people` is the answer a web application shows (the HTTP API serves it): the
same answer whose text cites by number, ids only in the structured fields (`citations`,
`follow_up_context`); `StreamNumbering` numbers streamed chunks the same way.
"""

from __future__ import annotations

import re

from assistant.chat.reply import CITATION_GROUP
from assistant.schema import Span
from assistant.schema.chat import Answer


def where_written(span: Span) -> str:
    """« plan-action.docx, l. 19 », « rapport.pdf, p. 7, l. 3-5 », « plan.xlsx, Actions, l. 4 »."""
    parts = [span.file]
    if span.section:
        parts.append(span.section)
    if span.page is not None:
        parts.append(f"p. {span.page}")
    lines = (
        f"l. {span.line_start}"
        if span.line_start == span.line_end
        else f"l. {span.line_start}-{span.line_end}"
    )
    return ", ".join([*parts, lines])


def _ranges(numbers: list[int]) -> str:
    """« 1, 2, 3, 5 » → « 1-3, 5 »."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def for_people(answer: Answer) -> Answer:
    """The answer with « [1, 2] » in its text instead of ids: n is the n-th of `citations`."""
    return answer.model_copy(update={"text": numbered(answer, sources=False)})


class StreamNumbering:
    """Numbers the ids of streamed chunks in order of first citation, as `for_people` will
    number the final answer (its citations are in that order): the chunks a web page shows
    as they come are the final text, piece by piece."""

    def __init__(self) -> None:
        self._order: dict[str, int] = {}

    def __call__(self, chunk: str) -> str:
        def renumber(match: re.Match[str]) -> str:
            ids = [i.strip() for i in match.group(1).split(",") if i.strip()]
            for item in ids:
                self._order.setdefault(item, len(self._order) + 1)
            return f"[{_ranges(sorted({self._order[i] for i in ids}))}]"

        return CITATION_GROUP.sub(renumber, chunk)


def numbered(answer: Answer, *, sources: bool = True) -> str:
    """The answer's text with [1], [2-4] instead of ids, then « Sources : » one per line."""
    order = {citation.id: index for index, citation in enumerate(answer.citations, start=1)}

    def renumber(match: re.Match[str]) -> str:
        group = match.group(1)
        numbers = sorted({order[i.strip()] for i in group.split(",") if i.strip() in order})
        return f"[{_ranges(numbers)}]" if numbers else ""

    text = CITATION_GROUP.sub(renumber, answer.text)
    if not sources or not answer.citations:
        return text
    lines = [text, "", "Sources :"]
    for citation in answer.citations:
        where = where_written(citation.span) if citation.span else "bibliothèque d'indicateurs"
        # « plan-action.md (version 1), l. 61 »: an item of an earlier version
        span, document = citation.span, citation.document
        if span and document and document != span.file and document.startswith(span.file):
            where = document + where.removeprefix(span.file)
        if citation.kind == "draft":
            where = "proposition calculée (à valider)"
        quote = (
            citation.quote if len(citation.quote) <= 110 else citation.quote[:109].rstrip() + "…"
        )
        lines.append(f"[{order[citation.id]}] {where} — « {quote} »")
    return "\n".join(lines)
