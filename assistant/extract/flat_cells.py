"""The cells of a flattened table: its lines grouped into the cells they wrap.

Text extracted from a PDF prints a cell's wrapped lines one after the other and, at
times, several cells on one line. A line that opens with a capital, a digit or a mark,
after a line that does not end mid-phrase, opens a cell; a line holding a whole row is cut
in the header's order (`row_line.cut_row_line`), other lines by what they hold (a free
standing date, a closing status, the references opening them). Used by `flat_rows` and
`column_streams`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.extract.column_roles import cell_profile
from assistant.extract.flat_headers import NUMBER_ALONE, NUMBER_SIGN, WHEN
from assistant.extract.flattened import STATUS_ANCHOR
from assistant.extract.references import leading_reference
from assistant.extract.row_line import SUPPORT, cut_row_line, support
from assistant.extract.stream import Line
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    STATUS_PHRASE,
    Column,
    is_status_value,
)
from assistant.french.months import MONTH_ABBREVIATION
from assistant.french.wrapping import ends_mid_phrase

# A row's number (« 3 », « 3. », « 1.2 ») or priority mark (« *** »), or an action's code
# (« A1.2 ») before the action's wording — not a period (« S2 2025 », « T4 »), nor the
# thousands of a sum (« 2 500 € ») or a share (« 30 % »)
ROW_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?(?!\s*(?:\d{3}\b|k?€|%|[eE][uU][rR]))|\*{1,3}"
    r"|[A-Z]{1,3}-?\d{1,2}(?:\.\d{1,2})*(?=\s+[A-ZÀ-Þ]))"
    r"\s+(?=\S)"
)
BULLET = re.compile(r"^\s*[•▪◦●–-]\s+\S")
ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")
_CLOSING_MARKS = re.compile(r"(?:\s+[Xx✓✔●■])+\s*$")  # the marks of a timeline's periods
# Columns whose content the cells cannot reveal: they are filled by position.
BLIND = frozenset({Column.OBJECTIVE, Column.AXIS, Column.IGNORED, Column.RESULTS, Column.STEP})


@dataclass
class WrappedCell:
    lines: list[Line]

    @property
    def text(self) -> str:
        """The cell's wrapped lines joined as the sentence they are."""
        return squash("\n".join(line.text for line in self.lines))


# A reference waiting for its number on the next line (« Critère 1, Recommandation » / « 1 »).
_WAITS_NUMBER = re.compile(r"(?:^|\s)(?:recommandations?|reco\.?|crit[èe]res?)\s*$", re.IGNORECASE)
# A capitalised month closing a line after other words: a cell of its own, waiting for its
# year on the next line (« Direction de l'école Septembre » / « 2022 »).
_CLOSING_MONTH = re.compile(rf"\s(?P<month>{MONTH_ABBREVIATION}[a-zéû]*\.?)\s*$", re.IGNORECASE)
# A period that waits for its year on the next line (« Octobre », « Rentrée académique »,
# « 2e quadrimestre », « Premier semestre »).
_MONTH_ALONE = re.compile(
    rf"^(?:(?:fin |d[ée]but |mi-|d[èe]s |d'ici |avant |courant )?"
    rf"(?:{MONTH_ABBREVIATION}[a-zéû]*\.?|[ée]t[ée]|hiver|printemps|automne)"
    r"|rentr[ée]e(?: acad[ée]mique)?"
    r"|(?:1er|2e|2nd|3e|premier|second|deuxi[èe]me|troisi[èe]me)\s+"
    r"(?:quadrimestre|semestre|trimestre))$",
    re.IGNORECASE,
)
_BOUND_BEFORE = frozenset({"en", "de", "d'ici", "pour", "avant", "le", "dès", "des", "depuis"})


def _split_line(line: Line) -> list[Line]:
    """The cells of a line that holds more than one: references opening it (« Critère 1.2.1
    Rp.6 - 1 Réviser… »); the text before a free-standing date, the date, and a capitalised
    text after it (a date inside a sentence stays there); a status closing it."""
    text = line.text
    number = ROW_NUMBER.match(text)
    if number is not None and leading_reference(text[number.end() :]):
        # « 1 Recommandation 1 Introduire… »: the row's number, then its reference
        head, tail = number.group(0).strip(), text[number.end() :].strip()
        return [
            replace(line, text=head, raw=head),
            *_split_line(replace(line, text=tail, raw=tail)),
        ]
    length = leading_reference(text)
    rest = text[length:].strip()
    if length and rest and (rest[:1].isupper() or leading_reference(rest)):
        head = text[:length].strip()
        return [
            replace(line, text=head, raw=head),
            *_split_line(replace(line, text=rest, raw=rest)),
        ]
    for match in WHEN.finditer(text):
        before, after = text[: match.start()].strip(), text[match.end() :].strip()
        last = before.split()[-1].lower() if before.split() else ""
        # (a sum may follow: « Mars 2026 12 000 € »)
        opens = after[:1].isupper() or Column.BUDGET in cell_profile(after)
        if last in _BOUND_BEFORE or (after and not opens):
            continue
        if before and (not before[:1].isupper() or len(before.split()) > 6):
            continue
        if not before and not after:
            return [line]
        pieces = [p for p in (before, match.group(0).strip()) if p]
        cells = [replace(line, text=p, raw=p, gap_before=0) for p in pieces]
        if after:  # « … Mars 2026 Nombre d'étudiants reçus Réalisé »: the rest is cut too
            cells += _split_line(replace(line, text=after, raw=after, gap_before=0))
        return cells
    month = _CLOSING_MONTH.search(text)
    if month is not None and month["month"][:1].isupper() and text[:1].isupper():
        head = text[: month.start()].strip()
        if head.split()[-1].lower() not in _BOUND_BEFORE and WHEN.search(head) is None:
            tail = month["month"]
            return [replace(line, text=head, raw=head), replace(line, text=tail, raw=tail)]
    status = STATUS_ANCHOR.match(text)
    rest = text[status.end() :].strip() if status else ""
    if status is not None and rest[:1].isupper():
        head = text[: status.end()].strip()
        return [replace(line, text=head, raw=head), replace(line, text=rest, raw=rest)]
    marks = _CLOSING_MARKS.search(text)
    if marks is not None and marks.start() > 0:
        head, tail = text[: marks.start()].strip(), marks.group(0).strip()
        return [
            *_split_line(replace(line, text=head, raw=head)),
            replace(line, text=tail, raw=tail),
        ]
    closing = _closing_status(text)
    if closing:
        head, tail = text[:closing].strip(), text[closing:].strip()
        return [replace(line, text=head, raw=head), replace(line, text=tail, raw=tail)]
    return [line]


def _closing_status(text: str) -> int:
    """Where a status closing the line starts (« Composition arrêtée Réalisé »), else 0."""
    end = len(text.rstrip())
    for match in STATUS_PHRASE.finditer(text):
        start = match.start()
        if (
            start > 0
            and match.end() == end
            and text[start].isupper()
            and is_status_value(match.group(0))
        ):
            return start
    return 0


def wrapped_cells(lines: list[Line], columns: list[Column] | None = None) -> list[WrappedCell]:
    """Lines grouped into cells: a line that opens with a capital, a digit or a mark, after a
    line that does not end mid-phrase, opens a cell; others wrap the cell above.

    With the table's `columns`, a line holding a whole row's cells is first cut in their
    order (`cut_row_line`); other lines are cut by what they hold (`_split_line`).
    """
    cells: list[WrappedCell] = []
    for whole in lines:
        row = cut_row_line(whole, columns, BLIND) if columns else [whole]
        pieces = row if len(row) > 1 else _split_line(whole)
        for piece in pieces:
            text = piece.text.strip()
            if not text:
                continue
            previous = cells[-1].lines[-1].text.rstrip() if cells else ""
            mid_phrase = ends_mid_phrase(previous)
            # « Juin » / « 2026 », « Recommandation n° » / « 2 »: the number the cell waits
            # for (the cell's text only when it matters: squashing a long cell at every
            # line made a page of prose quadratic)
            waiting = cells[-1].text if cells and text[:1].isdigit() else ""
            completes = bool(waiting) and bool(
                _MONTH_ALONE.match(waiting)
                or NUMBER_SIGN.fullmatch(waiting)
                or (_WAITS_NUMBER.search(waiting) and NUMBER_ALONE.match(text))
            )
            own_cell = len(pieces) > 1 or bool(WHEN.fullmatch(text))  # a split, a lone date
            # (a line cannot open a cell with a mark that closes a phrase: « : juin 2021 »)
            wraps = text[0].islower() or mid_phrase or text in "?°" or text[0] in "([:;,"
            # a date opening in lower case after a line that waits for it (« Session de » /
            # « juin 2026 ») goes on that cell, a lone date though it is
            waited = mid_phrase and text[0].islower() and len(pieces) == 1
            if cells and (completes or waited or (not own_cell and wraps)):
                cells[-1].lines.append(piece)
            else:
                cells.append(WrappedCell([piece]))
    return cells


def fits(column: Column, cell: WrappedCell) -> bool:
    return cell_support(column, cell) >= SUPPORT


def cell_support(column: Column, cell: WrappedCell) -> float:
    """How much the cell's content looks like the column's (see `cell_profile`)."""
    return support(column, squash(cell.text))
