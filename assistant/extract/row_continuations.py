"""Rows that go on with the action above them instead of opening one.

Two kinds: a row with no action text of its own (an owner or an indicator more, under a
merged action cell), and the rest of a row a page break cut in two. The second is told by
its wording going on in lower case, on the next page, from an unfinished sentence. A
reference printed on that rest (« Critère 4, » on one page, « Recommandation 3 » on the
next) completes the reference above; it is a row of its own only when nothing else in it
goes on in lower case.
"""

from __future__ import annotations

from assistant.extract.builder import PlanBuilder
from assistant.extract.context import TableSchema
from assistant.extract.items import indicator_items, join_list_cell
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column
from assistant.readers.base import TableRow
from assistant.schema import ExplicitLink, LinkKind, Span

_SENTENCE_END = (".", "!", "?", ";")


def cell_at(cells: tuple[str, ...], index: int | None) -> str:
    """The cell at `index`, stripped; « » when the row has no such cell."""
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def cut_by_page(
    row: TableRow, text: str, cells: list[str], schema: TableSchema, plan: PlanBuilder
) -> bool:
    """Whether a row is the rest of the last action, its row cut by a page break: the first
    row of its page, its wording going on in lower case from an unfinished sentence, with
    no reference of its own (a reference's rest goes with other cells in lower case)."""
    if not plan.actions or not text[:1].islower():
        return False
    last = plan.actions[-1]
    page, last_page = row.span.page, last.source.page
    if page is None or last_page is None or page <= last_page:
        return False
    reference = schema.column(Column.REFERENCE)
    own_reference = reference is not None and reference != schema.lead and cells[reference].strip()
    if own_reference and not _rest_goes_on(cells, schema, reference):
        return False
    return not last.text.rstrip().endswith(_SENTENCE_END)


def _rest_goes_on(cells: list[str], schema: TableSchema, reference: int | None) -> bool:
    """Besides the wording and the reference, every filled cell goes on in lower case
    (« réussite », « planifier »), and there is at least one."""
    action = schema.column(Column.ACTION)
    others = [c.strip() for i, c in enumerate(cells) if i not in (action, reference) and c.strip()]
    return bool(others) and all(cell[:1].islower() for cell in others)


def continue_previous(
    cells: list[str],
    schema: TableSchema,
    plan: PlanBuilder,
    text: str = "",
    links: list[tuple[str, Span]] | None = None,
) -> None:
    """A row with no action text, or the rest of a row cut by a page break (`text`, the
    rest of its wording; `links`, what its completed reference cites), continues the
    previous action."""
    if not plan.actions:
        return
    last = plan.actions[-1]

    def get(role: Column) -> str:
        return cell_at(tuple(cells), schema.column(role))

    indicator_cell = (
        get(Column.INDICATORS) if schema.has(Column.INDICATORS) else get(Column.RESULTS)
    )
    indicators, more = list(last.indicators), indicator_items(indicator_cell)
    if text and indicators and more and more[0][:1].islower():
        indicators[-1] = f"{indicators[-1]} {more.pop(0)}"  # one indicator cut in two
    owner = join_list_cell(get(Column.OWNER))
    update: dict[str, object] = {
        "indicators": indicators + more,
        "owner": _go_on(last.owner, owner) if text else last.owner or owner,
        "status": _status(last.status, squash(get(Column.STATUS)), cut=bool(text)),
        "deadline": last.deadline or join_list_cell(get(Column.DEADLINE)),
    }
    if text:
        update["text"] = f"{last.text} {text}"
    dropped: set[str] = set()
    if links is not None:  # the whole reference, its half above replaced
        kept = [link for link in last.links if link.kind is not LinkKind.EXPLICIT]
        cited = [
            ExplicitLink(recommendation_id=rec, kind=LinkKind.EXPLICIT, evidence=span)
            for rec, span in dict(links).items()
        ]
        update["links"] = [*kept, *cited]
        dropped = {link.recommendation_id for link in last.links} - {rec for rec, _ in links}
    plan.replace_last_action(last.model_copy(update=update))
    plan.forget_uncited(dropped)


def _status(before: str | None, after: str, *, cut: bool) -> str | None:
    """The status above, completed by its rest when a page break cut it (« Action à » +
    « planifier »); else the first one written."""
    if cut and before and after[:1].islower():
        return f"{before} {after}"
    return before or after or None


def _go_on(before: str | None, after: str | None) -> str | None:
    """A cell's text cut by a page break, then its rest: one phrase when the rest goes on
    in lower case (« Direction de » + « catégorie »)."""
    if not before or not after:
        return before or after
    return f"{before} {after}" if after[:1].islower() else f"{before}; {after}"
