"""Flattened tables with no anchor: cells re-cut by what they hold, in the header's order.

Text extracted from a PDF (``pdftotext -raw``, many converters) prints a table's cells row
after row, one cell's lines after the other's, with nothing to mark where a cell or a row
ends: no priority mark, no status phrase (`flattened` handles those). What is left to go
on is the header, which gives the order of the columns, and the cells themselves: a new
cell opens with a capital, and what it holds (an action's wording, a body, a date, a
measure — `column_roles.cell_profile`) says which column it is. A row ends when a cell can
only belong to a column already passed, such as the next action.

Used only when nothing else read the document; what it yields is announced as a reading
of a flattened table, to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.cell_lists import split_listed
from assistant.extract.column_roles import cell_profile
from assistant.extract.dates import split_inline_deadline
from assistant.extract.flat_headers import HEADER_SPAN, NUMBER_ALONE, NUMBER_SIGN, WHEN, flat_header
from assistant.extract.flattened import STATUS_ANCHOR
from assistant.extract.infinitives import worded_as_action
from assistant.extract.items import join_list_cell, split_items
from assistant.extract.prose import AXIS_HEADING, OBJECTIVE_HEADING
from assistant.extract.references import Reference, leading_reference, recommendation_heading
from assistant.extract.row_line import content_kind, cut_row_line, support
from assistant.extract.row_links import (
    action_criterion,
    cited_recommendations,
    separate_criterion,
)
from assistant.extract.sections import opens_section, section_numbers
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    NO_FIELD,
    STATUS_PHRASE,
    Column,
    is_status_value,
    labelled_owner,
    priority_of,
)
from assistant.french.months import MONTH_ABBREVIATION
from assistant.french.wrapping import ends_mid_phrase
from assistant.schema import LinkKind, Span

# A row's number (« 3 », « 3. », « 1.2 ») or priority mark (« *** »), or an action's code
# (« A1.2 ») before the action's wording — not a period (« S2 2025 », « T4 »), nor the
# thousands of a sum (« 2 500 € ») or a share (« 30 % »)
_ROW_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?(?!\s*(?:\d{3}\b|k?€|%|[eE][uU][rR]))|\*{1,3}"
    r"|[A-Z]{1,3}-?\d{1,2}(?:\.\d{1,2})*(?=\s+[A-ZÀ-Þ]))"
    r"\s+(?=\S)"
)
_BULLET = re.compile(r"^\s*[•▪◦●–-]\s+\S")
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")
_ANNOUNCES = re.compile(r"^\s*\S.{0,40}:\s*$")  # a short line announcing what follows
_MIN_ROWS = 2
_CLOSING_MARKS = re.compile(r"(?:\s+[Xx✓✔●■])+\s*$")  # the marks of a timeline's periods
_SECTION_LOOKBACK = 200  # lines above a table where the headings of its section are looked for
_SUPPORT = 0.5  # a cell's content score for a role that makes it fit that column
# Columns whose content the cells cannot reveal: they are filled by position.
_BLIND = frozenset({Column.OBJECTIVE, Column.AXIS, Column.IGNORED, Column.RESULTS, Column.STEP})


@dataclass
class WrappedCell:
    lines: list[Line]

    @property
    def text(self) -> str:
        """The cell's wrapped lines joined as the sentence they are."""
        return squash("\n".join(line.text for line in self.lines))


@dataclass
class _Row:
    cells: dict[int, list[WrappedCell]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)

    def add(self, column: int, cell: WrappedCell) -> None:
        self.cells.setdefault(column, []).append(cell)
        self.lines.extend(cell.lines)

    lead: str = ""  # the row's number or priority mark
    axis: str | None = None
    heading: str | None = None  # the objective heading above the row
    owner: str | None = None  # the owner named above the table (« Porteur : X »)
    placement: _Placement | None = None  # the recommendation printed across, above it

    def value(self, column: int | None) -> str:
        if column is None or column not in self.cells:
            return ""
        return "\n".join(cell.text for cell in self.cells[column])


# A reference waiting for its number on the next line (« Critère 1, Recommandation » / « 1 »).
_WAITS_NUMBER = re.compile(r"(?:^|\s)(?:recommandations?|reco\.?|crit[èe]res?)\s*$", re.IGNORECASE)
# A capitalised month closing a line after other words: a cell of its own, waiting for its
# year on the next line (« Direction de l'école Septembre » / « 2022 »).
_CLOSING_MONTH = re.compile(rf"\s(?P<month>{MONTH_ABBREVIATION}[a-zéû]*\.?)\s*$", re.IGNORECASE)
# A period that waits for its year on the next line (« Octobre », « Rentrée académique »,
# « 2e quadrimestre », « Premier semestre »).
_MONTH_ALONE = re.compile(
    rf"^(?:(?:fin |d[ée]but |mi-)?{MONTH_ABBREVIATION}[a-zéû]*\.?|rentr[ée]e(?: acad[ée]mique)?"
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
    number = _ROW_NUMBER.match(text)
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
        row = cut_row_line(whole, columns, _BLIND) if columns else [whole]
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
            if cells and (completes or (not own_cell and wraps)):
                cells[-1].lines.append(piece)
            else:
                cells.append(WrappedCell([piece]))
    return cells


def _fits(column: Column, cell: WrappedCell) -> bool:
    return _support(column, cell) >= _SUPPORT


def _support(column: Column, cell: WrappedCell) -> float:
    """How much the cell's content looks like the column's (see `cell_profile`)."""
    return support(column, squash(cell.text))


def _rows(columns: list[Column], cells: list[WrappedCell]) -> list[_Row]:
    action = columns.index(Column.ACTION)
    # "N°" or a priority first: each row opens with its number or its mark (« *** »), when
    # the first cell does (a first column of findings, « Constat », opens with words)
    top = cells[0].lines[0].text if cells else ""
    numbered = (
        action > 0
        and columns[0] in {*NO_FIELD, Column.PRIORITY}
        and bool(_ROW_NUMBER.match(top) or NUMBER_ALONE.match(top))
    ) or bool(re.match(r"^\s*1[.)]?\s+\S", top))
    rows: list[_Row] = []
    at = -1  # the column the last cell went to
    queue = list(cells)
    while queue:
        cell = queue.pop(0)
        first = cell.lines[0].text
        if len(cell.lines) == 1 and NUMBER_ALONE.match(first) and (numbered or _leads(queue)):
            # the row's number on a line of its own (a table saved as text, one cell a line)
            rows.append(_Row(lead=first.strip()))
            at = 0
            continue
        ahead = [
            k
            for k in range(at + 1, len(columns))
            if columns[k] not in _BLIND and _fits(columns[k], cell)
        ]
        # a row opens at its first column the content reveals: a reference or criterion
        # column before the action (« Critère 1.2.1 », « Rp.6 - 1 »), else the action
        opening = _opening_column(columns, action, cell)
        # a bullet or the next number under the action cell goes on its list
        listed = at == action and bool(rows) and _continues_list(rows[-1].cells.get(at), first)
        opens_row = (numbered and _ROW_NUMBER.match(first) is not None) or (
            not numbered
            and not listed
            and at >= action
            and opening is not None
            and not (
                ahead
                and _fits(columns[ahead[0]], cell)
                and opening == action
                and _stronger(columns[ahead[0]], cell)
            )
        )
        if opens_row or not rows:
            rows.append(_Row())
            if numbered and (lead := _ROW_NUMBER.match(first)):
                rows[-1].lead = lead.group(0).strip()
                stripped = _ROW_NUMBER.sub("", first, count=1)
                cell.lines[0] = replace(cell.lines[0], text=stripped, raw=stripped)
            at = action if numbered or opening is None else opening
            if numbered and (before := _before_action(columns, action, [cell, *queue])):
                for column, cells_before in before.items():
                    for _ in cells_before:
                        rows[-1].add(column, cell)
                        cell = queue.pop(0)
            rows[-1].add(at, cell)
            continue
        # a cell stays in its column unless the next column it fits suits it better
        # (« Rentrée académique 2026 » names a period more than a body), or holds what
        # this one does when this one has its cell (the partners after the owner, the
        # deadline after the start)
        twin = bool(ahead) and content_kind(columns[ahead[0]]) is content_kind(columns[at])
        stays = (
            columns[at] not in _BLIND
            and _fits(columns[at], cell)
            and not (ahead and _support(columns[ahead[0]], cell) > _support(columns[at], cell))
            and not (twin and at in rows[-1].cells)
        )
        if ahead and not stays:
            at = ahead[0]
        elif (
            not stays
            and at + 1 < len(columns)
            and (columns[at + 1] in _BLIND or columns[at] not in _BLIND)
        ):
            at += 1  # fits no column it could reveal: the next one, by position
        if columns[at] in (Column.OWNER, Column.GUARANTOR) and at + 1 < len(columns):
            owner, following = _owner_then_more(cell)
            if following is not None:
                cell = owner
                queue.insert(0, following)
        rows[-1].add(at, cell)
    return _findings_joined(columns, _objectives_joined(columns, rows))


_LOOKAHEAD = 6  # cells after a row's number where its action is looked for


def _before_action(
    columns: list[Column], action: int, cells: list[WrappedCell]
) -> dict[int, list[WrappedCell]]:
    """The cells of a numbered row that stand before its action, by column: the columns
    between the number and the action hold what cannot be told by content (an axis, an
    objective, a finding). The action is the last cell worded as one before the first
    field that follows it (« 02 Développer les projets | Organiser la présentation… |
    Coordinatrice des projets »); the cells before it fill those columns from the action
    leftwards (a column on the left, merged down, is the one missing), extra cells going to
    the first. Empty when no such columns, or no action is found close after the number."""
    blind = [i for i in range(1, action) if columns[i] in _BLIND]
    if not blind or blind != list(range(action - len(blind), action)):
        return {}
    worded: int | None = None
    for index, cell in enumerate(cells[:_LOOKAHEAD]):
        if index and _ROW_NUMBER.match(cell.lines[0].text):
            break  # the next row
        if _fits(Column.ACTION, cell):
            worded = index
        elif worded is not None and any(
            _fits(columns[k], cell) for k in range(action + 1, len(columns))
        ):
            break
    else:
        return {}
    if not worded or _is_item(cells[worded]):
        return {}
    placed: dict[int, list[WrappedCell]] = {}
    before = cells[:worded]
    for column in reversed(blind):
        if not before:
            break
        taken = before[-1:] if column != blind[0] else before
        placed[column], before = taken, before[: len(before) - len(taken)]
    return dict(sorted(placed.items()))


def _leads(queue: list[WrappedCell]) -> bool:
    """Whether a number alone opens the row of the reference after it (« 1 » before
    « Recommandation 1 »: a row's number the titles did not name)."""
    return bool(queue) and leading_reference(queue[0].lines[0].text) > 0


def _continues_list(cells: list[WrappedCell] | None, first: str) -> bool:
    """Whether a cell opening with `first` is the next item of the list in `cells`: a
    bullet after a cell, or the number after the last item's (« 2. » after « 1. »)."""
    if not cells:
        return False
    if _BULLET.match(first):
        return True
    number = _ITEM_NUMBER.match(first)
    # the last item's number (a date alone on the line after an item is a cell of its own)
    last = next(
        (m for cell in reversed(cells) if (m := _ITEM_NUMBER.match(cell.lines[0].text))), None
    )
    return number is not None and last is not None and int(number[1]) == int(last[1]) + 1


def _objectives_joined(columns: list[Column], rows: list[_Row]) -> list[_Row]:
    """Objectives read as actions put back in their column, when the table has one: an
    unmarked cell before the items of the action's column in one row, or a row holding one
    unmarked action cell and nothing else before a row whose action cell is a list of
    items (the objective, read as an action's wording — « Améliorer l'accueil » —, opened
    a row of its own, and the bodies responsible after it opened the next one)."""
    objective = next(
        (i for i, c in enumerate(columns) if c in (Column.OBJECTIVE, Column.AXIS)), None
    )
    action = columns.index(Column.ACTION)
    if objective is None:
        return rows
    out: list[_Row] = []
    for row in rows:
        alone = out[-1] if out else None
        items = _list_only(row, action)
        if (
            len(items) > 2
            and objective not in row.cells
            and not _is_item(items[0])
            and all(_is_item(cell) for cell in items[1:])
        ):  # the objective opened the row, its items followed in the action's column
            row.cells[objective], row.cells[action] = items[:1], items[1:]
            out.append(row)
            continue
        if (
            alone is not None
            and set(alone.cells) == {action}
            and len(alone.cells[action]) == 1
            and not _is_item(alone.cells[action][0])
            and objective not in row.cells
            and items
            and _is_item(items[0])
        ):
            row.cells = {objective: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        if (
            alone is not None
            and objective < action  # (a column merged down is one on the left)
            and _lone_wording(alone, action, columns)
            and objective not in row.cells
            and action in row.cells
            and _has_fields(row, columns)
        ):  # the objective, merged down over its actions, printed alone before the first
            row.cells = {**alone.cells, objective: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        out.append(row)
    return _merged_down(columns, out, objective) if objective < action else out


def _findings_joined(columns: list[Column], rows: list[_Row]) -> list[_Row]:
    """A finding stated once over the actions that answer it (« Constat », « Faiblesse
    identifiée », a column of no field left of the action), read as a row of its own: a
    lone cell not worded as an action, with no field, before a row that has its action and
    fields. It goes back to its column, in the row below."""
    action = columns.index(Column.ACTION)
    finding = next((i for i in range(action) if columns[i] is Column.IGNORED), None)
    if finding is None:
        return rows
    out: list[_Row] = []
    for row in rows:
        alone = out[-1] if out else None
        if (
            alone is not None
            and _lone_wording(alone, action, columns)
            and not worded_as_action(alone.cells[action][0].text)
            and finding not in row.cells
            and action in row.cells
            and _has_fields(row, columns)
        ):
            row.cells = {**alone.cells, finding: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        out.append(row)
    return out


_FIELDS = frozenset({
    Column.OWNER, Column.GUARANTOR, Column.DEADLINE, Column.STATUS_DEADLINE,
    Column.INDICATORS, Column.RESULTS, Column.STATUS,
})  # fmt: skip


def _has_fields(row: _Row, columns: list[Column]) -> bool:
    return any(columns[i] in _FIELDS for i in row.cells)


def _lone_wording(row: _Row, action: int, columns: list[Column]) -> bool:
    """A row of one unmarked action cell (and its reference), nothing of an action's
    fields: an objective worded as an action (« Améliorer l'accueil des étudiants »)."""
    others = {columns[i] for i in row.cells if i != action}
    return (
        len(row.cells.get(action, [])) == 1
        and not _is_item(row.cells[action][0])
        and others <= {Column.REFERENCE}
    )


def _merged_down(columns: list[Column], rows: list[_Row], objective: int) -> list[_Row]:
    """Rows with neither objective nor reference, under a row that has its objective: the
    two cells were merged down over them (« Réf. | Objectif » printed once for their
    actions), so the rows take them from the row above."""
    reference = next((i for i, c in enumerate(columns) if c is Column.REFERENCE), None)
    above: _Row | None = None
    for row in rows:
        if objective in row.cells:
            above = row
        elif above is not None and (reference is None or reference not in row.cells):
            row.cells[objective] = above.cells[objective]
            if reference is not None and reference in above.cells:
                row.cells[reference] = above.cells[reference]
    return rows


def _list_only(row: _Row, action: int) -> list[WrappedCell]:
    """The row's action cells, without what follows the last item of a list in the last
    column: a list goes on with items only, so an unmarked line after it (« Calendrier de
    mise en œuvre », a calendar's rows) is text after the table, not the last action's."""
    cells = row.cells.get(action, [])
    marked = [_is_item(cell) for cell in cells]
    if sum(marked) < 2 or marked[-1]:
        return cells
    last = max(i for i, is_item in enumerate(marked) if is_item)
    if any(column > action for column in row.cells) or not all(marked[1 : last + 1]):
        return cells
    row.cells[action] = cells[: last + 1]
    dropped = {id(line) for cell in cells[last + 1 :] for line in cell.lines}
    row.lines = [line for line in row.lines if id(line) not in dropped]
    return row.cells[action]


def _is_item(cell: WrappedCell) -> bool:
    first = cell.lines[0].text
    return _BULLET.match(first) is not None or _ITEM_NUMBER.match(first) is not None


def _owner_then_more(cell: WrappedCell) -> tuple[WrappedCell, WrappedCell | None]:
    """An owner's cell run into the next one on its last line (« Direction Espace ouvert »,
    « Service informatique Logiciels installés »): cut before the capitalised word that
    opens a phrase, when what comes before is an owner and what follows is not."""
    last = cell.lines[-1]
    words = last.text.split()
    for index in range(len(words) - 2, 0, -1):
        word, after, before = words[index], words[index + 1], words[index - 1]
        if not (word[:1].isupper() and word[1:2].islower() and after[:1].islower()):
            continue
        if ends_mid_phrase(before):
            continue
        head, tail = " ".join(words[:index]), " ".join(words[index:])
        owner_text = squash(" ".join([*(line.text for line in cell.lines[:-1]), head]))
        if cell_profile(owner_text).get(Column.OWNER, 0.0) >= _SUPPORT and not cell_profile(
            tail
        ).get(Column.OWNER):
            return (
                WrappedCell([*cell.lines[:-1], replace(last, text=head, raw=head)]),
                WrappedCell([replace(last, text=tail, raw=tail)]),
            )
    return cell, None


def _opening_column(columns: list[Column], action: int, cell: WrappedCell) -> int | None:
    """The column, at or before the action's, that this cell's content says it belongs to."""
    for index in range(action + 1):
        if columns[index] not in _BLIND and _fits(columns[index], cell):
            return index
    return None


def _stronger(column: Column, cell: WrappedCell) -> bool:
    """The cell looks more like `column`'s content than like an action's."""
    return _support(column, cell) >= _support(Column.ACTION, cell)


def read_flat_rows(items: list[Item], plan: PlanBuilder) -> int:
    """Actions of flattened tables whose rows have no anchor; returns how many."""
    lines = [item for item in items if isinstance(item, Line)]
    added = 0
    index = 0
    context = _Context()
    while index < len(lines):
        if context.heading(lines[index].text, []):
            index += 1
            continue
        header = flat_header(lines[index : index + HEADER_SPAN])
        if header is None:
            index += 1
            continue
        columns, used = header
        body = _body(
            lines[index + used :], section_numbers(lines[max(0, index - _SECTION_LOOKBACK) : index])
        )
        rows = _table_rows(columns, body, context)
        if len(rows) >= _MIN_ROWS:
            for row in rows:
                for draft in _drafts(columns, row, plan):
                    plan.add_action(draft)
                    added += 1
        index += used + max(1, len(body))
    if added:
        plan.warnings.append(
            f"Tableau aplati (colonnes mises bout à bout par l'extraction du texte) : {added} "
            "action(s) relues d'après le contenu des cellules, à vérifier."
        )
    return added


@dataclass(frozen=True)
class _Placement:
    """A recommendation printed across the table (« Recommandation 1 — … »): the rows
    below it answer it, unless they cite their own."""

    reference: Reference
    wording: str
    source: Span


@dataclass
class _Context:
    """The axis and objective headings above the rows (« Axe 1 : … », « Objectif 1.2 : … »)
    and the recommendation across the table above them."""

    axis: str | None = None
    objective: str | None = None
    placement: _Placement | None = None
    owner: str | None = None  # « Porteur : X » above the table, when it has no owner column

    def heading(self, text: str, columns: list[Column]) -> bool:
        """Take the line as a heading when it is one the columns do not hold; True if so."""
        kind = _heading_kind(text, columns)
        if kind is Column.AXIS:
            self.axis, self.objective, self.owner = squash(text), None, None
        elif kind is Column.OBJECTIVE:
            self.objective = squash(text)
        elif kind is Column.OWNER:
            self.owner = labelled_owner(text)
        return kind is not None


def _heading_kind(text: str, columns: list[Column]) -> Column | None:
    if Column.AXIS not in columns and AXIS_HEADING.match(text) and len(text) < 200:
        return Column.AXIS
    if Column.OBJECTIVE not in columns and OBJECTIVE_HEADING.match(text):
        return Column.OBJECTIVE
    if Column.OWNER not in columns and labelled_owner(text) is not None:
        return Column.OWNER  # « Porteur : Direction de département » over its table
    return None


def _table_rows(columns: list[Column], body: list[Line], context: _Context) -> list[_Row]:
    """The rows of one flattened table, its headings and repeated headers taken out: each
    stretch between them is cut into rows under the headings above it."""
    action = columns.index(Column.ACTION)
    rows: list[_Row] = []
    stretch: list[Line] = []

    def close() -> None:
        for row in _rows(columns, wrapped_cells(stretch, columns)):
            if row.value(action):
                row.axis, row.heading = context.axis, context.objective
                row.owner = context.owner
                row.placement = context.placement
                rows.append(row)
        stretch.clear()

    at = 0
    while at < len(body):
        line = body[at]
        band = _band(body, at) if Column.REFERENCE not in columns else None
        if band is not None:
            close()
            context.placement, used = band
            at += used
            continue
        if _heading_kind(line.text, columns) is not None:
            close()  # the rows above keep the headings they were under
            context.heading(line.text, columns)
            at += 1
            continue
        again = flat_header(body[at : at + HEADER_SPAN])
        if again is not None:  # the header repeated under a heading or after a page break
            close()
            at += again[1]
            continue
        stretch.append(line)
        at += 1
    close()
    return rows


def _band(lines: list[Line], at: int) -> tuple[_Placement, int] | None:
    """A recommendation and its wording printed across a table with no reference column
    (a band row), with its wrapped lines (in lower case), and how many lines it takes."""
    used = 1
    while used < 4 and at + used < len(lines) and lines[at + used].text[:1].islower():
        used += 1
    text = squash(" ".join(line.text for line in lines[at : at + used]))
    defined = recommendation_heading(text)
    if defined is None:
        return None
    reference, wording = defined
    source = merge_spans(lines[at].span, lines[at + used - 1].span, text)
    if at + used < len(lines) and _ANNOUNCES.match(lines[at + used].text):
        used += 1  # « Actions prévues : » under it announces the rows
    return _Placement(reference, wording, source), used


def _body(lines: list[Line], sections: frozenset[str] = frozenset()) -> list[Line]:
    """The lines of the table: up to a heading, the next section's or two blank lines."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if out and (
            line.heading_level is not None
            or line.gap_before >= 2
            or opens_section(lines, index, sections)
        ):
            break
        out.append(line)
    return out


def _drafts(columns: list[Column], row: _Row, plan: PlanBuilder) -> list[ActionDraft]:
    """The row's action, or one per bulleted or numbered item of its action cell when they
    carry their own deadlines or numbers (`cell_lists.split_listed`)."""
    draft = _draft(columns, row, plan)

    def value(*roles: Column) -> str:
        return row.value(next((i for i, c in enumerate(columns) if c in roles), None))

    return split_listed(
        draft,
        value(Column.ACTION),
        value(Column.DEADLINE, Column.STATUS_DEADLINE),
        value(Column.INDICATORS) or value(Column.RESULTS),
    )


def _draft(columns: list[Column], row: _Row, plan: PlanBuilder) -> ActionDraft:
    def column(*roles: Column) -> int | None:
        return next((i for i, c in enumerate(columns) if c in roles), None)

    reference = column(Column.REFERENCE)
    reference_cell, criterion_cell = (
        squash(row.value(reference)),
        squash(row.value(column(Column.CRITERION))),
    )
    if column(Column.CRITERION) is not None:
        reference_cell, criterion_cell = separate_criterion(reference_cell, criterion_cell)
    cited = cited_recommendations(
        plan,
        reference_cell,
        criterion_cell,
        row.cells[reference][0].lines[0].span if reference in row.cells else row.lines[0].span,
    )
    if not cited and row.placement is not None:
        placed = row.placement
        cited = [
            (plan.recommendation(placed.reference, placed.source, placed.wording), placed.source)
        ]

    text, inline = split_inline_deadline(squash(row.value(column(Column.ACTION))))
    deadline_cell = row.value(column(Column.DEADLINE, Column.STATUS_DEADLINE))
    indicators = row.value(column(Column.INDICATORS)) or row.value(column(Column.RESULTS))
    status = squash(row.value(column(Column.STATUS, Column.STATUS_DEADLINE))) or None
    first, last = row.lines[0], row.lines[-1]
    return ActionDraft(
        text=text,
        source=merge_spans(first.span, last.span, text),
        objective=squash(row.value(column(Column.OBJECTIVE))) or row.heading,
        axis=row.axis,
        owner=join_list_cell(row.value(column(Column.OWNER, Column.GUARANTOR))) or row.owner,
        deadline=join_list_cell(deadline_cell) if deadline_cell else inline,
        indicators=split_items(indicators),
        status=status,
        priority=priority_of(row.lead) if columns[0] is Column.PRIORITY else None,
        criterion=action_criterion(criterion_cell),
        links=[(rec, LinkKind.EXPLICIT, evidence) for rec, evidence in cited],
    )
