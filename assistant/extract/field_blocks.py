"""Action plans written as "fiches action": one block of labelled fields per action.

    Action 1.1 – Mettre en place une commission qualité de section
    Recommandation(s) visée(s) : Critère 1, Recommandation 2
    Responsable : Coordinatrice qualité
    Échéance : juin 2025
    Indicateurs :
    - PV des réunions
    - nombre de réunions par an
    État d'avancement : En cours

A field is a line "Label : value" whose label is a plan column of the shared vocabulary
(`vocabulary.column_of`: the same words as table headers); its value may go on over the
next lines (a dash list of indicators). The action's wording is its "Action :" field, or
else the title line just above the fields ("Action 1.1 – ...", "Fiche action 3 : ...", a
heading). Used only when a document yields no table-based action, and only for blocks
that carry at least two of owner, deadline, indicators, status and reference — so that a
report's "Recommandation 3 : ..." paragraphs or a lone "Responsable : X" line are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.dates import due_date
from assistant.extract.items import join_list_cell, split_items
from assistant.extract.prose import AXIS_HEADING, OBJECTIVE_HEADING
from assistant.extract.row_links import cited_recommendations
from assistant.extract.spaced_labels import with_spaced_labels_as_fields
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import NO_FIELD, Column, column_of
from assistant.readers.base import Table
from assistant.schema import LinkKind

_FIELD = re.compile(r"^(?P<label>[^:\n]{2,60}?)\s*:\s*(?P<value>.*)$", re.S)
# "Action 1.1 –", "Fiche action n°3 :", "Action 2 :" before the wording of a title line
_TITLE_PREFIX = re.compile(
    r"^\s*(?:fiche[- ])?(?:actions?|mesures?|fiches?|chantiers?|projets?|initiatives?)\s*"
    r"(?:n\s*°\s*|no\.?\s*)?[\dIVX]+(?:\.\d+)*\s*[:.–—-]?\s*",
    re.IGNORECASE,
)
# What makes a block an action of a plan (the wording alone does not).
_EVIDENCE = {Column.OWNER, Column.DEADLINE, Column.INDICATORS, Column.STATUS, Column.REFERENCE}
_FIELDS = _EVIDENCE | {
    Column.ACTION,
    Column.OBJECTIVE,
    Column.GUARANTOR,
    Column.RESULTS,
    Column.STATUS_DEADLINE,
    Column.PRIORITY,
    *NO_FIELD,
}


@dataclass
class _Field:
    column: Column
    lines: list[Line]
    parts: list[str]


@dataclass
class _Block:
    title: Line | None
    axis: str | None
    objective: str | None
    fields: list[_Field] = field(default_factory=list)
    spaced: bool = False  # a label separated from its value by a space only (to check)

    def columns(self) -> set[Column]:
        return {f.column for f in self.fields}

    def value(self, column: Column) -> str:
        return "\n".join(p for f in self.fields if f.column is column for p in f.parts if p)


def read_field_blocks(items: list[Item], plan: PlanBuilder) -> int:
    """Add the actions of "fiche action" plans; return how many were added."""
    blocks = [b for b in _blocks(items) if len(b.columns() & _EVIDENCE) >= 2]
    added = spaced = 0
    for block in blocks:
        draft = _draft(block, plan)
        if draft is not None:
            plan.add_action(draft)
            added += 1
            spaced += block.spaced
    if spaced:
        plan.warnings.append(
            f"Fiches dont les libellés ne sont suivis d'aucun deux-points : {spaced} "
            "action(s) relues en séparant chaque libellé de sa valeur, à vérifier."
        )
    return added


def _blocks(items: list[Item]) -> list[_Block]:
    blocks: list[_Block] = []
    axis: str | None = None
    objective: str | None = None
    title: Line | None = None  # the last line that could name the next block's action
    block: _Block | None = None
    current: _Field | None = None
    lines, rewritten = with_spaced_labels_as_fields(_with_label_tables_as_lines(items))
    for item in lines:
        if not isinstance(item, Line):
            block = current = title = None
            continue
        text = item.text.strip()
        if AXIS_HEADING.match(text) and len(text) < 200:
            axis, objective, block, current, title = squash(text), None, None, None, None
            continue
        if OBJECTIVE_HEADING.match(text):
            objective, block, current, title = squash(text), None, None, None
            continue
        column, value = _field(text)
        if column is not None:
            # a field seen again opens the next fiche, unless it is one of those whose
            # value is kept nowhere (« Partenaires », « Moyens »: several per fiche)
            starts_another = block is not None and (
                column is Column.ACTION or (column in block.columns() and column not in NO_FIELD)
            )
            if block is None or starts_another:
                block = _Block(title if block is None else None, axis, objective)
                blocks.append(block)
                title = None
            current = _Field(column, [item], [value])
            block.fields.append(current)
            block.spaced = block.spaced or id(item) in rewritten
            continue
        if current is not None and item.heading_level is None and not _TITLE_PREFIX.match(text):
            current.lines.append(item)  # the field goes on (a dash list, a wrapped value)
            current.parts.append(text)
            continue
        block = current = None
        title = item if len(text) <= 300 else None
    return blocks


def _with_label_tables_as_lines(items: list[Item]) -> list[Item]:
    """A two-column table of labels and values (a Word "fiche action") as "Label : value"
    lines; the table item kept after them ends the block (the line above stays its title)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Table) and _is_label_table(item):
            for row in item.rows:
                filled = [cell for cell in row.cells if cell.strip()]
                if len(filled) == 1:  # a title row between fiches ("Fiche action n°2")
                    text = squash(filled[0])
                    out.append(Line(text=text, raw=text, span=row.span, gap_before=1))
                    continue
                label, value = filled
                text = f"{squash(label)} : {value.strip()}"
                out.append(Line(text=text, raw=text, span=row.span, gap_before=0))
            out.append(item)
        else:
            out.append(item)
    return out


def _is_label_table(table: Table) -> bool:
    """Rows of a label and its value (titles alone on their row allowed: fiches stacked
    on one sheet)."""
    rows = [[c for c in row.cells if c.strip()] for row in table.rows]
    pairs = [cells for cells in rows if len(cells) == 2]
    if not rows or any(len(cells) > 2 for cells in rows) or len(pairs) < 0.5 * len(rows):
        return False
    return len({column_of(cells[0]) for cells in pairs} & _EVIDENCE) >= 2


def _field(text: str) -> tuple[Column | None, str]:
    match = _FIELD.match(text)
    if match is None or (_TITLE_PREFIX.match(text) and column_of(match["label"]) is None):
        return None, ""
    column = column_of(match["label"])
    if column not in _FIELDS:
        return None, ""
    return column, match["value"].strip()


def _draft(block: _Block, plan: PlanBuilder) -> ActionDraft | None:
    wording = squash(block.value(Column.ACTION))
    title = block.title
    if not wording and title is not None:
        wording = squash(_TITLE_PREFIX.sub("", title.text))
    if not wording:
        return None
    lines = [line for f in block.fields for line in f.lines]
    first = title if title is not None and not block.value(Column.ACTION) else lines[0]
    span = merge_spans(first.span, lines[-1].span, wording)
    indicators = split_items(block.value(Column.INDICATORS)) or split_items(
        block.value(Column.RESULTS)
    )
    status = squash(block.value(Column.STATUS)) or None
    deadline = join_list_cell(block.value(Column.DEADLINE))
    both = squash(block.value(Column.STATUS_DEADLINE))
    if both:
        status = status or both
        deadline = deadline or (both if due_date(both) else None)
    reference = squash(block.value(Column.REFERENCE))
    links = []
    if reference:
        reference_line = next(f.lines[0] for f in block.fields if f.column is Column.REFERENCE)
        cited = cited_recommendations(
            plan, reference, squash(block.value(Column.CRITERION)), reference_line.span
        )
        links = [(rec, LinkKind.EXPLICIT, evidence) for rec, evidence in cited]
    return ActionDraft(
        text=wording,
        source=span,
        objective=squash(block.value(Column.OBJECTIVE)) or block.objective,
        axis=block.axis,
        owner=join_list_cell(block.value(Column.OWNER))
        or join_list_cell(block.value(Column.GUARANTOR)),
        deadline=deadline,
        indicators=indicators,
        status=status,
        links=links,
    )
