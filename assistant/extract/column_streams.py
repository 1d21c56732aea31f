"""Tables whose text came out column after column: each column's cells re-attached by order.

``pdftotext`` in its default mode (and other converters) prints a table as text flows: the
column titles as short blocks of their own, then a column's cells top to bottom, in chunks
that interleave with the other columns' chunks (three actions, their owners, their
deadlines, the next actions...). Nothing tells where one row ends. What survives is each
column's order: the n-th owner printed is the n-th row's owner.

So the cells are recovered (`flat_cells.wrapped_cells`: a capital opens a cell unless the
line above ends mid-phrase), each is given the role its content reveals
(`column_roles.cell_profile`, restricted to the roles the titles name, a block's cells
agreeing with each other), and every role's cells, in the order printed, are laid beside
the actions. A role with exactly one cell per action is attached; any other count cannot
be aligned and is left out, with a French warning saying so. Row-by-row text reads the same
way, since each role's cells keep their order there too; the readings compete
(`reading_score`) and this one is announced « à vérifier » in every case.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.extract.block_counts import best_exact_subset
from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.column_roles import cell_profile
from assistant.extract.flat_cells import WrappedCell, wrapped_cells
from assistant.extract.items import split_items
from assistant.extract.prose import AXIS_HEADING, OBJECTIVE_HEADING
from assistant.extract.row_line import SUPPORT, content_kind
from assistant.extract.row_links import action_criterion, cited_recommendations
from assistant.extract.sections import opens_section
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.stream_chunks import chunk_rows
from assistant.extract.stream_titles import CONTENT, SINKS, TITLE_ROLES, is_heading, stream_titles
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    Column,
    labelled_owner,
    priority_of,
)
from assistant.french.wrapping import ends_mid_phrase
from assistant.schema import LinkKind, Span

_LABELS = {
    Column.OWNER: "responsables",
    Column.DEADLINE: "échéances",
    Column.INDICATORS: "indicateurs",
    Column.STATUS: "statuts",
    Column.PRIORITY: "priorités",
    Column.REFERENCE: "références aux recommandations",
    Column.CRITERION: "critères",
}
_MIN_ACTIONS = 2
_PROSE_CHARS = 95  # a line this long is a paragraph's, not a table cell's
_WHOLE_COLUMN = 1.5
_SURE = 0.8  # a block whose cells all hold this clearly keeps its role
# a column keeps the blocks that fit it when they hold at least a third of its cells
_KEPT_SHARE = 3
_CONTINUED = Column.IGNORED  # a cell that turned out to continue the action above
_ROW_NUMBER = re.compile(r"^\s*(?:n\s*°|\d{1,3}[.)]?|°)\s*$", re.IGNORECASE)


@dataclass
class _Cell:
    cell: WrappedCell
    role: Column | None
    axis: str | None = None
    objective: str | None = None
    titled: Column | None = None  # the column whose title is printed right above its block
    owner: str | None = None  # named over its table (« Porteur : X »)
    # the further cells of one row's cell (two bodies, one a line: `_one_row_chunks`)
    merged: list[WrappedCell] = field(default_factory=list)

    @property
    def text(self) -> str:
        if not self.merged:
            return self.cell.text
        joint = "; " if self.role is Column.OWNER else " "
        return joint.join(cell.text for cell in [self.cell, *self.merged])


def read_column_streams(items: list[Item], plan: PlanBuilder) -> int:
    """Add the actions of a table printed column after column; return how many."""
    lines = [item for item in items if isinstance(item, Line)]
    titled = stream_titles(lines)
    if titled is None:
        return 0
    start, roles, title_lines = titled
    while start and is_heading(lines[start - 1].text):
        start -= 1  # the context of the first table (« Porteur : X » over its titles)
    blocks = _collect(lines[start:], title_lines)
    cells = [cell for block in blocks for cell in block]
    actions = _actions(blocks)
    if len(actions) < _MIN_ACTIONS:
        return 0
    left_out = _assign_blocks(blocks, roles - {Column.ACTION}, len(actions))
    placed = _placed_cells(blocks, len(actions), set(CONTENT) - {Column.ACTION})
    cells = [cell for block in blocks for cell in block]
    streams: dict[Column, list[_Cell]] = {
        role: [cell for cell in cells if cell.role is role]
        for role in roles - SINKS
        if role is not Column.ACTION
    }
    attached: dict[Column, list[_Cell]] = {
        role: cells for role, cells in streams.items() if len(cells) == len(actions)
    }
    # a column that cannot be laid beside the actions by order keeps the cells whose row
    # their chunk tells
    partial = {role: placed[role] for role in streams if role not in attached and role in placed}
    plan.reading = "column_streams"
    for index, action in enumerate(actions):
        row = {role: cells[index] for role, cells in attached.items()}
        row.update({role: by_row[index] for role, by_row in partial.items() if index in by_row})
        plan.add_action(_draft(plan, action, row))
    _warn(plan, len(actions), attached, streams, left_out, partial)
    return len(actions)


def _collect(lines: list[Line], titles: dict[int, Column]) -> list[list[_Cell]]:
    """The lines after the titles cut into blocks (a blank line between two) of cells.

    `titles` gives the column of each title line (by ``id``): the cells printed right under
    a title, with no blank line between, are that column's. Headings (« Axe 1 »,
    « Objectif 1.2 ») give the context of the actions printed after them.
    """
    axis: str | None = None
    objective: str | None = None
    owner: str | None = None
    titled: Column | None = None
    blocks: list[list[_Cell]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            cells = wrapped_cells(current)
            blocks.append([_Cell(c, None, axis, objective, titled, owner) for c in cells])
            current.clear()

    for index, line in enumerate(lines):
        if opens_section(lines, index):
            break
        if line.gap_before:
            flush()
            titled = None
        if id(line) in titles:
            flush()
            titled = titles[id(line)]
        elif _ROW_NUMBER.match(line.text) or len(line.text) > _PROSE_CHARS:
            flush()
            titled = None
        elif AXIS_HEADING.match(line.text):
            flush()
            titled = None
            axis = squash(line.text)
        elif OBJECTIVE_HEADING.match(line.text):
            flush()
            titled = None
            objective = squash(line.text)
        elif (named := labelled_owner(line.text)) is not None:
            flush()
            titled = None
            owner = named
        else:
            current.append(line)
    flush()
    return blocks


def _profile(cell: _Cell) -> dict[Column, float]:
    return cell_profile(cell.text)


def _actions(blocks: list[list[_Cell]]) -> list[_Cell]:
    """The action cells: blocks mostly worded as actions, where a cell that is not worded
    as one continues the action above it (its line opened with a capital). A block opening
    in lower case where the last action ended mid-phrase goes on that action first (a cell
    cut between two chunks)."""
    actions: list[_Cell] = []
    for whole in blocks:
        if whole[0].titled not in (None, Column.ACTION):
            continue  # printed under another column's title
        block = whole
        head = block[0]
        if actions and head.text[:1].islower() and ends_mid_phrase(actions[-1].text):
            actions[-1].cell.lines.extend(head.cell.lines)
            head.role = _CONTINUED
            block = block[1:]
            if not block:
                continue
        worded = [_profile(cell).get(Column.ACTION, 0.0) >= SUPPORT for cell in block]
        if sum(worded) * 2 < len(block) or not worded[0]:
            continue
        for cell, is_action in zip(block, worded, strict=True):
            if is_action:
                cell.role = Column.ACTION
                actions.append(cell)
            else:
                actions[-1].cell.lines.extend(cell.cell.lines)
                cell.role = _CONTINUED
    return actions


def _assign_blocks(blocks: list[list[_Cell]], roles: set[Column], rows: int) -> dict[Column, int]:
    """Give each other block one role: what its cells hold, and one cell per action.

    A block is printed from one column, so its cells share a role. Each block starts with
    the role its cells' contents support most; a block then changes role when that makes
    more columns hold exactly one cell per action (worth `_WHOLE_COLUMN` of content
    support each), each time the change that helps most, until none helps; a column left
    with too many cells then keeps the blocks that fit it (`_fit_counts`). Returns how
    many cells each column left out that way.
    """
    open_blocks = [block for block in blocks if block[0].role is None]
    support = [
        {role: sum(_profile(cell).get(content_kind(role), 0.0) for cell in block) for role in roles}
        for block in open_blocks
    ]
    titled_roles = [_titled_roles(block[0].titled, roles) for block in open_blocks]
    titled_best = [
        max(titled, key=lambda r: scores[r], default=None) if titled is not None else None
        for titled, scores in zip(titled_roles, support, strict=True)
    ]
    # a column printed whole right under its title (one cell per action) is complete: the
    # blocks printed elsewhere are another column's (bodies under the years of a timeline)
    full = {
        role
        for role, block in zip(titled_best, open_blocks, strict=True)
        if role is not None and role not in SINKS and len(block) == rows
    }
    free = roles - full
    chosen: list[Column | None] = []
    options: list[list[Column | None]] = []
    for block, scores, titled, title_best in zip(
        open_blocks, support, titled_roles, titled_best, strict=True
    ):
        if titled is not None:
            # printed right under its title: that column's, or no field's (« Remarques »)
            chosen.append(title_best)
            options.append([title_best])
            continue
        best = max(sorted(free), key=lambda r: scores[r], default=None)
        sure = best is not None and all(
            _profile(cell).get(content_kind(best), 0.0) >= _SURE for cell in block
        )
        chosen.append(best if best is not None and scores[best] > 0 else None)
        # a block sure of its role is never dropped nor moved to make a count right, but
        # to a column of the same content (the partners' bodies, the start's dates)
        twins = sorted(
            r for r in free if best and r != best and content_kind(r) is content_kind(best)
        )
        options.append([best, *twins] if sure else [None, *sorted(free)])

    sizes = [len(block) for block in open_blocks]
    counts = Counter(r for r, size in zip(chosen, sizes, strict=True) for _ in range(size) if r)

    def whole(role: Column | None, count: int) -> float:
        return _WHOLE_COLUMN if role is not None and role not in SINKS and count == rows else 0.0

    def gain(index: int, option: Column | None) -> float:
        """What moving one block from its role to `option` adds to the reading's value."""
        before, size = chosen[index], sizes[index]
        delta = support[index].get(option, 0.0) if option else 0.0
        delta -= support[index].get(before, 0.0) if before else 0.0
        for role, change in ((before, -size), (option, size)):
            if role is not None:
                delta += whole(role, counts[role] + change) - whole(role, counts[role])
        return delta

    # steepest ascent: the single change that helps most, until none helps (each change
    # adds value; the loop is bounded all the same)
    for _ in range(len(open_blocks) * (len(roles) + 2)):
        step = max(
            (
                (gain(i, o), i, o)
                for i in range(len(open_blocks))
                for o in options[i]
                if o != chosen[i]
            ),
            # on a tie, the first block; but the last one to a column that fills no field
            # (a chunk prints the owners before the partners, as the titles go)
            key=lambda c: (round(c[0], 9), c[1] if c[2] in SINKS else -c[1]),
            default=(0.0, 0, None),
        )
        if step[0] <= 1e-9:
            break
        _, index, option = step
        before = chosen[index]
        if before is not None:
            counts[before] -= sizes[index]
        if option is not None:
            counts[option] += sizes[index]
        chosen[index] = option
    left_out = _fit_counts(chosen, options, support, sizes, roles, rows)
    for block, role in zip(open_blocks, chosen, strict=True):
        for cell in block:
            cell.role = role
    return left_out


def _fit_counts(
    chosen: list[Column | None],
    options: list[list[Column | None]],
    support: list[dict[Column, float]],
    sizes: list[int],
    roles: set[Column],
    rows: int,
) -> dict[Column, int]:
    """A column still holding more cells than rows keeps the blocks that add up to one per
    row and fit it best (`best_exact_subset`); the others go elsewhere (`_elsewhere`). A
    block that fits the role with nowhere else to go is always kept. Returns how many cells each column left out (to be said)."""
    left_out: dict[Column, int] = {}
    for role in sorted(roles - SINKS):
        mine = [i for i, r in enumerate(chosen) if r is role]
        cells = sum(sizes[i] for i in mine)
        if not rows < cells <= _KEPT_SHARE * rows:
            continue  # (many more cells than rows: the blocks are not told apart, a guess)
        elsewhere = {i: _elsewhere(options[i], support[i][role] / sizes[i], role) for i in mine}
        required = {k for k, i in enumerate(mine) if elsewhere[i] is role}
        kept = best_exact_subset(
            [sizes[i] for i in mine], [support[i][role] for i in mine], required, rows
        )
        if kept is None:
            continue
        for k, i in enumerate(mine):
            if k not in kept:
                chosen[i] = elsewhere[i]
                left_out[role] = left_out.get(role, 0) + sizes[i]
    return left_out


def _elsewhere(options: list[Column | None], fit: float, role: Column) -> Column | None:
    """Where a block read as `role` goes if that column cannot keep it: a column of the
    same content that fills no field (the partners beside the owners), else no column when
    its cells fit the role poorly (`fit`, their mean support), else nowhere (`role`)."""
    sink = next((o for o in options if o in SINKS), None)
    if sink is not None:
        return sink
    return None if None in options and fit < SUPPORT else role


def _placed_cells(
    blocks: list[list[_Cell]], rows: int, fields: set[Column]
) -> dict[Column, dict[int, _Cell]]:
    """The cells whose row the chunk they are printed in tells (`stream_chunks`), by column
    and row; a block of several cells in a chunk of one row is joined into that row's cell
    (two bodies, one a line)."""
    spans = chunk_rows([(block[0].role, len(block)) for block in blocks], rows, fields)
    placed: dict[Column, dict[int, _Cell]] = {}
    for block, span in zip(blocks, spans, strict=True):
        role = block[0].role
        if span is None or role is None:
            continue
        if len(block) > span.count:
            first, *rest = block
            first.merged = [cell.cell for cell in rest]
            del block[1:]
        for offset, cell in enumerate(block):
            placed.setdefault(role, {})[span.first + offset] = cell
    return placed


def _titled_roles(title: Column | None, roles: set[Column]) -> list[Column] | None:
    """The roles a block printed under `title` may take (none: a column with no field),
    or None when no title is printed above it."""
    if title is None:
        return None
    return sorted(set(TITLE_ROLES.get(title, (title,))) & roles)


def _draft(plan: PlanBuilder, action: _Cell, row: dict[Column, _Cell]) -> ActionDraft:
    lines = action.cell.lines
    text = squash(action.text)
    value = {role: squash(cell.text) for role, cell in row.items()}
    reference = value.get(Column.REFERENCE, "")
    criterion = value.get(Column.CRITERION, "")
    links: list[tuple[str, LinkKind, Span]] = []
    if reference or criterion:
        evidence = row.get(Column.REFERENCE) or row[Column.CRITERION]
        cited = cited_recommendations(
            plan,
            reference or criterion,
            criterion if reference else "",
            evidence.cell.lines[0].span,
        )
        links = [(rec, LinkKind.EXPLICIT, span) for rec, span in cited]
    return ActionDraft(
        text=text,
        source=merge_spans(lines[0].span, lines[-1].span, text),
        objective=action.objective,
        axis=action.axis,
        owner=value.get(Column.OWNER, action.owner),
        deadline=value.get(Column.DEADLINE),
        indicators=split_items(value[Column.INDICATORS]) if Column.INDICATORS in value else [],
        status=value.get(Column.STATUS),
        priority=priority_of(value.get(Column.PRIORITY)),
        criterion=action_criterion(criterion) if criterion else None,
        links=links,
    )


def _warn(
    plan: PlanBuilder,
    actions: int,
    attached: dict[Column, list[_Cell]],
    streams: dict[Column, list[_Cell]],
    left_out: dict[Column, int],
    partial: dict[Column, dict[int, _Cell]],
) -> None:
    plan.structure.needs_review = True
    kept = [_LABELS[role] for role in CONTENT if role in attached and role in _LABELS]
    fields = f" ; leurs {', '.join(kept)} rattachés dans l'ordre des colonnes" if kept else ""
    plan.warnings.append(
        "Tableau dont l'extraction du texte a imprimé les colonnes l'une après l'autre : "
        f"{actions} action(s) relues{fields}, à vérifier (l'extraction a pu déplacer une "
        "cellule courte d'une ligne à l'autre)."
    )
    for role in CONTENT:
        if role in attached and left_out.get(role) and role in _LABELS:
            plan.warnings.append(
                f"Les {_LABELS[role]} de ce tableau ont été rattachés aux actions en écartant "
                f"{left_out[role]} cellule(s) imprimée(s) parmi eux qui ne leur ressemblaient "
                "pas (un calendrier, une remarque…) : à vérifier."
            )
    for role in CONTENT:
        cells = streams.get(role)
        if role in attached or role not in _LABELS or cells is None:
            continue
        if role in partial:
            plan.warnings.append(
                f"Les {_LABELS[role]} de ce tableau ({len(cells)} lus pour {actions} actions) "
                f"n'ont été rattachés qu'à {len(partial[role])} action(s), celles dont la "
                "ligne est sûre : à vérifier, et à compléter d'après le document pour les "
                "autres."
            )
            continue
        plan.warnings.append(
            f"Les {_LABELS[role]} de ce tableau ({len(cells)} lus pour {actions} actions) n'ont "
            "pas pu être rattachés aux actions : à compléter d'après le document."
        )
