"""An answer as a coordinator reads it: numbered citations and a list of sources.

`Answer.text` keeps the cited ids in brackets (stable, checkable, what tests and the API
use); a person reads « [1, 2] » and, below the answer, where each source is written. This
is plain text (no terminal codes), so the CLI, a report or a web page can all use it.
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
        if citation.kind == "draft":
            where = "proposition calculée (à valider)"
        quote = (
            citation.quote if len(citation.quote) <= 110 else citation.quote[:109].rstrip() + "…"
        )
        lines.append(f"[{order[citation.id]}] {where} — « {quote} »")
    return "\n".join(lines)
