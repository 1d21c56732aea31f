"""Plan tables whose columns PDF extraction flattened into consecutive lines.

Such text reads: the action's description, then a line starting with the priority mark
(``***``) followed by the owner, a status phrase ("Action en cours depuis 2015 et
pérenne"), the expected results, and a trailing column's text — then the next action's
description. The header row (found in the same flattened form) gives the column order.
Rows are cut at priority marks; the text between one row's status and the next mark is
split where the next description begins (after two blank lines, else at its last block).
A table without a priority column is cut at its status phrases instead, the owner being
the text just before the status (see `FlattenedTable._rows_at_statuses`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.items import _looks_infinitive, split_items
from assistant.extract.stream import Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import NO_FIELD, PRIORITY_MARK, STATUS_PHRASE, Column, column_of
from assistant.ids import fold
from assistant.schema import LinkKind, Span

_HEADER_WORDS = re.compile(r"[*/\s]+")
# A flattened header is a few short column titles (< 300 characters in all): lines beyond
# this many characters are text, and matching phrases in them costs time on large files.
_MAX_HEADER_CHARS = 600


def header_columns(lines: list[Line]) -> tuple[list[Column], int] | None:
    """Columns of a flattened header starting at lines[0], and how many lines it spans."""
    # Each line is folded once (`fold` of the joined lines is the join of the folded ones):
    # the windows below overlap, and the caller tries a header at every line.
    keys = [_folded(line.text) for line in lines[:9]]

    def joined(count: int) -> str:
        return " ".join(key for key in keys[:count] if key)

    for span in range(2, min(8, len(lines)) + 1):
        if len(joined(span - 1)) > _MAX_HEADER_CHARS:
            return None
        columns = _columns_in_key(joined(span))
        if columns is not None and len(set(columns)) >= 4:
            # extend while the next lines are still header words
            while span < len(keys) and _columns_in_key(keys[span]) and len(lines[span].text) < 120:
                more = _columns_in_key(joined(span + 1))
                if more is None:
                    break
                columns, span = more, span + 1
            return columns, span
    return None


@lru_cache(maxsize=64)
def _folded(text: str) -> str:
    return fold(text)


_PHRASES = sorted(
    [
        "description des actions", "degre de priorite", "responsable(s)", "responsables",
        "responsable", "porteur(s)", "porteur", "degre de realisation / echeance(s)",
        "degre de realisation / echeances", "degre de realisation", "etat de realisation",
        "echeance(s)", "echeances", "echeance", "resultats attendus", "conditions de realisation",
        "indicateurs de suivi", "indicateurs", "actions", "action", "objectifs", "objectif",
        "priorite", "statut", "delai", "moyens", "acteurs concernes", "quand",
    ],
    key=len,
    reverse=True,
)  # fmt: skip


# One group: splitting a key gives the texts between the phrases and the phrases found,
# in one scan (the header search tries windows of lines at every line of a document).
_PHRASE = re.compile("(" + "|".join(re.escape(p) for p in _PHRASES) + ")")
# A match is one of the phrases: its column is looked up, not recomputed per match.
_PHRASE_COLUMN = {phrase: column_of(phrase) for phrase in _PHRASES}


def _columns_in_key(key: str) -> list[Column] | None:
    parts = _PHRASE.split(key)  # text, phrase, text, phrase, ..., text
    columns: list[Column] = []
    for phrase in parts[1::2]:
        column = _PHRASE_COLUMN[phrase]
        if column is not None and (not columns or columns[-1] is not column):
            columns.append(column)
    if not columns:
        return None
    rest = " ".join(parts[::2])  # each phrase replaced by a space
    leftover = _HEADER_WORDS.sub("", rest)
    if len(leftover) > max(6, len(key) // 6):
        return None
    return columns


@dataclass
class FlatRow:
    description: list[Line]
    mark: Line  # the line where the row's columns after the description begin
    priority: int | None
    body: list[Line] = field(default_factory=list)  # everything after the mark


@dataclass
class FlattenedTable:
    """Lines of one section of a flattened table (between headings and quotes).

    Actions are emitted once every section is known (`emit_all`), because the trailing
    column's repeated phrases are learnt across sections.
    """

    columns: list[Column]
    axis: str | None
    heading: str | None
    placement: tuple[str, Span] | None
    lines: list[Line] = field(default_factory=list)
    _trailing: list[str] = field(default_factory=list)

    def add(self, line: Line) -> None:
        self.lines.append(line)

    def drafts(self) -> list[ActionDraft]:
        return [self._action(row) for row in self._rows()]

    def _rows(self) -> list[FlatRow]:
        if Column.PRIORITY not in self.columns:
            return self._rows_at_statuses()
        rows: list[FlatRow] = []
        pending: list[Line] = []
        for line in self.lines:
            mark = PRIORITY_MARK.match(line.text)
            if mark is None:
                pending.append(line)
                continue
            if rows:
                tail, description = _split_tail(pending)
                rows[-1].body.extend(tail)
            else:
                description = pending
            rows.append(FlatRow(description=description, mark=line, priority=len(mark.group(1))))
            pending = []
        if rows:
            rows[-1].body.extend(_until_strong_break(pending))
        return [row for row in rows if row.description]

    def _rows_at_statuses(self) -> list[FlatRow]:
        """Rows of a table without priority marks, anchored on their status phrases.

        Each row has one status ("Action en cours depuis 2015", "Réalisé"), written where
        the status column begins: at the start of a line, or after the owner on the same
        line. The owner is that line's beginning, or else the block just above it; what
        precedes the owner is the previous row's tail and this row's description.
        """
        rows: list[FlatRow] = []
        pending: list[Line] = []
        for line in self.lines:
            if not _is_status_anchor(line):
                pending.append(line)
                continue
            owner: list[Line] = []
            blocks = _blocks(pending)
            if STATUS_ANCHOR.match(line.text) and len(blocks) >= 2:
                # the owner is the last block, with the blocks it continues ("de référence")
                start = len(blocks) - 1
                while start > 1 and blocks[start][0].text[:1].islower():
                    start -= 1
                owner = [kept for block in blocks[start:] for kept in block]
                pending = [kept for block in blocks[:start] for kept in block]
            if rows:
                tail, description = _split_tail(pending)
                rows[-1].body.extend(tail)
            else:
                description = pending
            mark = owner[0] if owner else line
            body = [*owner[1:], line] if owner else []
            rows.append(FlatRow(description=description, mark=mark, priority=None, body=body))
            pending = []
        if rows:
            rows[-1].body.extend(_until_strong_break(pending))
        return [row for row in rows if row.description]

    def _action(self, row: FlatRow) -> ActionDraft:
        after_mark = PRIORITY_MARK.sub("", row.mark.raw, count=1)
        body_text = "\n".join([after_mark, *(line.raw for line in row.body)])
        text = squash(body_text)
        owner: str | None
        status: str | None = None
        status_match = STATUS_PHRASE.search(text)
        if status_match:
            owner = text[: status_match.start()].strip(" ,;-") or None
            status = status_match.group(0).strip()
            results = text[status_match.end() :]
        elif text and _looks_infinitive(text.split()[0]):
            owner, results = None, text
        else:
            owner, results = (text or None), ""
        results = _strip_trailing_column(results, self)
        deadline = status if Column.STATUS_DEADLINE in self.columns else None
        description = squash("\n".join(line.raw for line in row.description))
        last = (row.body or [row.mark])[-1]
        placement = self.placement
        links = [(placement[0], LinkKind.PLACEMENT, placement[1])] if placement else []
        return ActionDraft(
            text=description,
            source=merge_spans(row.description[0].span, last.span, description),
            objective=self.heading,
            axis=self.axis,
            owner=owner,
            deadline=deadline,
            indicators=split_items(results),
            status=status,
            priority=row.priority,
            links=links,
        )


# A status where a status column begins: at the start of the line, capitalised...
STATUS_ANCHOR = re.compile(rf"^(?:{STATUS_PHRASE.pattern})", re.IGNORECASE)
_OWNER_PREFIX = 60  # ...or after the owner's few words on the same line


def _is_status_anchor(line: Line) -> bool:
    match = STATUS_PHRASE.search(line.text)
    if match is None or not match.group(0)[:1].isupper():
        return False
    prefix = line.text[: match.start()].strip()
    return not prefix or (len(prefix) <= _OWNER_PREFIX and not prefix.endswith((",", ":", "de")))


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if not blocks or line.gap_before >= 1:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _split_tail(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split text between two marks into (previous row's tail, next row's description)."""
    if not lines:
        return [], []
    strong = [i for i, line in enumerate(lines) if line.gap_before >= 2 and i > 0]
    if strong:
        cut = strong[-1]
        return lines[:cut], lines[cut:]
    blocks = _blocks(lines)
    # bullet sub-items (glyph lines) belong to the description block before them
    while len(blocks) > 1 and blocks[-1][0].raw.lstrip()[:1] in {"\uf0b7", "•", "▪", "-"}:
        blocks[-2].extend(blocks.pop())
    description = blocks[-1]
    tail = [line for block in blocks[:-1] for line in block]
    return tail, description


def _until_strong_break(lines: list[Line]) -> list[Line]:
    for index, line in enumerate(lines):
        if index > 0 and line.gap_before >= 2:
            return lines[:index]
    return lines


def _strip_trailing_column(results: str, table: FlattenedTable) -> str:
    """Remove the text of a trailing ignored column (e.g. "Conditions de réalisation")."""
    if not table.columns or table.columns[-1] not in NO_FIELD:
        return results
    for phrase in table._trailing:
        if results.rstrip(" .").endswith(phrase):
            return results.rstrip(" .")[: -len(phrase)].rstrip()
    return results


def emit_all(tables: list[FlattenedTable], plan: PlanBuilder) -> None:
    """Learn the trailing column's phrases, then add every section's actions to the plan."""
    _learn_trailing_phrases(tables)
    for table in tables:
        for draft in table.drafts():
            plan.add_action(draft)


def _learn_trailing_phrases(tables: list[FlattenedTable]) -> None:
    """Phrases that end the row text of ≥ 2 rows: the trailing column's repeated content."""
    endings: Counter[str] = Counter()
    for table in tables:
        for row in table._rows():
            words = squash("\n".join(line.raw for line in row.body)).rstrip(" .").split()
            seen: set[str] = set()
            for size in range(3, min(12, len(words)) + 1):
                suffix = " ".join(words[-size:])
                if suffix[0].isupper() and suffix not in seen:
                    endings[suffix] += 1
                    seen.add(suffix)
    phrases = sorted((p for p, n in endings.items() if n >= 2), key=len, reverse=True)
    for table in tables:
        table._trailing = phrases
