"""Structure extraction: a `RawDocument` (paragraphs and table rows) into a cited `Plan`.

The extractor walks the document once, in reading order, keeping a `Context` (axis,
objective heading, quoted recommendation in force, plan table in force). Tables go to
`tables`, flattened PDF tables to `flattened`, headings/quotes/report recommendations/SWOT
to `prose`. Rules are about layouts and French vocabulary, never about one file.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import fields

from assistant.errors import NoRecognisableContentError
from assistant.extract.builder import PlanBuilder
from assistant.extract.candidates import read_candidates
from assistant.extract.column_roles import SAMPLE_ROWS
from assistant.extract.column_streams import read_column_streams
from assistant.extract.context import Context
from assistant.extract.field_blocks import read_field_blocks
from assistant.extract.flat_rows import read_flat_rows
from assistant.extract.flattened import FlattenedTable, emit_all, header_columns
from assistant.extract.language import detect_language, english_headers
from assistant.extract.lists import read_labelled_bullets, read_numbered_lists
from assistant.extract.plausibility import check
from assistant.extract.prose import (
    AXIS_HEADING,
    FOOTNOTE,
    OBJECTIVE_HEADING,
    RECOMMENDATIONS_HEADING,
    SUB_HEADING,
    criterion_heading,
    defined_recommendation,
    is_swot_document,
    listed_recommendation,
    quote_at,
    swot_heading,
    swot_item_text,
)
from assistant.extract.reading_score import reading_score
from assistant.extract.recommendation_tables import continued, read_recommendation_table
from assistant.extract.references import OPENING_QUOTES
from assistant.extract.report_sections import ReportReader
from assistant.extract.stream import Item, Line, stream
from assistant.extract.swot_tables import read_swot_table
from assistant.extract.tables import read_table
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column
from assistant.ids import document_id
from assistant.readers.base import RawDocument, Table, TableRow
from assistant.schema import Document, DocumentFormat, Plan, StructureCorrections, SwotKind

__all__ = ["extract_plan"]

_LANGUAGE_NAMES = {"en": "anglais", "nl": "néerlandais", "de": "allemand"}


def extract_plan(raw: RawDocument, corrections: StructureCorrections | None = None) -> Plan:
    """Extract recommendations, actions and SWOT items from a read document.

    `corrections` are the coordinator's of this file's tables (column roles, « pas un
    plan »): they win over what the parser infers.

    Raises:
        NoRecognisableContentError: nothing usable was found (with the likely reason).
    """
    language = detect_language(raw.text())
    document = Document(
        id=document_id(raw.name),
        name=raw.name,
        format=raw.format,
        sha256=raw.sha256,
        size_bytes=raw.size_bytes,
        pages=raw.pages,
        title=raw.title,
        language=language,
    )
    plan = PlanBuilder(document, corrections=corrections)
    plan.structure.corrections = corrections
    items = stream(raw)
    walker = _Walker(items, plan)
    walker.run()
    if not (plan.actions or plan.recommendations or plan.swot or walker.report.findings):
        _refuse_foreign(raw, language)
        if not read_candidates(items, plan):
            raise NoRecognisableContentError(raw.name, _nothing_reason(raw, plan))
    check(plan, items)
    result = plan.build()
    result.findings = walker.report.findings
    if language not in (None, "fr"):
        result.warnings.append(
            f"Langue détectée : {_LANGUAGE_NAMES.get(language, language)} ; l'extraction est "
            "conçue pour le français et peut être incomplète."
        )
    return result


def _refuse_foreign(raw: RawDocument, language: str | None) -> None:
    """A plan in English (or another language) is refused with what to rename."""
    english = english_headers(
        [row.cells for block in raw.blocks if isinstance(block, Table) for row in block.rows[:3]]
    )
    if english:
        raise NoRecognisableContentError(
            raw.name,
            f"les titres de colonnes sont en anglais ({', '.join(english)}) ; plan-assistant "
            "lit les plans d'action en français : renommez les colonnes (Action, "
            "Responsable, Échéance, Indicateurs, État de réalisation) puis réimportez",
        )
    if language in _LANGUAGE_NAMES:
        raise NoRecognisableContentError(
            raw.name,
            f"le document semble rédigé en {_LANGUAGE_NAMES[language]} ; plan-assistant lit "
            "les plans d'action et rapports d'experts en français",
        )


def _nothing_reason(raw: RawDocument, plan: PlanBuilder) -> str:
    notes = [t.note for t in plan.structure.tables if t.note]
    if notes:
        return "aucun plan d'action reconnu : " + " ; ".join(dict.fromkeys(notes))
    if raw.format in (DocumentFormat.XLSX, DocumentFormat.CSV):
        return (
            "aucune ligne d'en-tête de plan d'action n'a été reconnue dans le tableur ; il "
            "faut une ligne de titres de colonnes telles que Action, Responsable(s), "
            "Échéance, Indicateurs de suivi, État de réalisation, Référence"
        )
    return (
        "aucune recommandation, action ni élément SWOT n'a été reconnu ; vérifiez qu'il "
        "s'agit bien d'un plan d'action, d'un rapport d'experts ou d'une analyse SWOT "
        "(tableau avec des colonnes telles que Action, Responsable, Échéance, Indicateurs)"
    )


_BESIDE_LINES = 10  # fewer lines beside the tables hold no table
_BESIDE_ACTIONS = 2  # actions found there that the tables do not hold, to say so


class _Walker:
    def __init__(self, items: list[Item], plan: PlanBuilder) -> None:
        self.items = items
        self.plan = plan
        self.ctx = Context()
        self.flat_columns: list[Column] | None = None
        self.flat_sections: list[FlattenedTable] = []
        self.flat: FlattenedTable | None = None
        self.swot_document = is_swot_document(items)
        self.report = ReportReader(plan)
        # where the tables are: the rows after a table are found without a scan of the items
        self.tables = [i for i, item in enumerate(items) if isinstance(item, Table)]

    def run(self) -> None:
        index = 0
        while index < len(self.items):
            item = self.items[index]
            if isinstance(item, Table):
                self._close_flat()
                self.flat_columns = None
                self.ctx.listed = None
                summary, pieces = continued(item, self._tables_after(index))
                if read_swot_table(item, self.plan):
                    pass
                elif read_recommendation_table(summary, self.ctx, self.plan):
                    index += pieces  # the pieces the page breaks cut from it are read
                else:
                    read_table(item, self.ctx, self.plan, self._lookahead(index))
                index += 1
            else:
                index += self._line(index, item)
        self._close_flat()
        if self.plan.actions:  # the tables were read: flattened text beside them only
            self.plan.reading = "flattened_table"
            emit_all(self.flat_sections, self.plan)
            self._warn_actions_beside_tables()
            return
        self._best_reading_of_lines()

    def _line_readings(self) -> list[tuple[str, Callable[[PlanBuilder], object]]]:
        return [
            ("flattened_table", lambda plan: emit_all(self.flat_sections, plan)),
            ("fiches_action", lambda plan: read_field_blocks(self.items, plan)),
            ("numbered_list", lambda plan: read_numbered_lists(self.items, plan)),
            ("labelled_bullets", lambda plan: read_labelled_bullets(self.items, plan)),
            ("flattened_rows", lambda plan: read_flat_rows(self.items, plan)),
            ("column_streams", lambda plan: read_column_streams(self.items, plan)),
        ]

    def _warn_actions_beside_tables(self) -> None:
        """When tables were read, the text around them is read no further; but a table
        too small to be recovered from text may sit there. Each line reading is tried on
        a copy: if one finds actions with an owner or a deadline that the tables do not
        hold, the plan says so."""
        known = {squash(action.text).casefold() for action in self.plan.actions}
        if sum(isinstance(item, Line) for item in self.items) < _BESIDE_LINES:
            return
        found = 0
        for name, read in self._line_readings():
            if name == "flattened_table":
                continue  # (the flattened text beside the tables: read already)
            trial = PlanBuilder(self.plan.document)
            read(trial)
            # (a row's: with its owner or deadline; an introduction's list has none)
            found = max(
                found,
                sum(
                    squash(a.text).casefold() not in known and bool(a.owner or a.deadline)
                    for a in trial.actions
                ),
            )
        if found >= _BESIDE_ACTIONS:
            self.plan.warnings.append(
                f"{found} action(s) semblent figurer hors des tableaux lus (un tableau trop "
                "petit, ou imprimé comme du texte) et n'ont pas été retenues : vérifiez le "
                "document."
            )

    def _best_reading_of_lines(self) -> None:
        """Each way of reading the lines is tried on a copy of the plan; the one whose
        actions are most plausible (`reading_score`) is kept (the first on a tie)."""
        readings = self._line_readings()
        best: tuple[float, PlanBuilder] | None = None
        for name, read in readings:
            trial = copy.deepcopy(self.plan)
            trial.reading = name
            read(trial)
            score = reading_score(trial.actions)
            if trial.actions and (best is None or score > best[0]):
                best = (score, trial)
        if best is not None:
            for slot in fields(PlanBuilder):
                setattr(self.plan, slot.name, getattr(best[1], slot.name))

    def _tables_after(self, index: int) -> Iterator[Table]:
        """The tables right after the item at `index`, up to the first other item (lazily:
        only a summary table of recommendations looks at them)."""
        for at in range(index + 1, len(self.items)):
            item = self.items[at]
            if not isinstance(item, Table):
                return
            yield item

    def _lookahead(self, index: int) -> list[TableRow]:
        """The first rows of the tables after the item at `index` (as many as `align` reads)."""
        rows: list[TableRow] = []
        for at in range(bisect_right(self.tables, index), len(self.tables)):
            table = self.items[self.tables[at]]
            assert isinstance(table, Table)
            rows.extend(table.rows[: SAMPLE_ROWS - len(rows)])
            if len(rows) >= SAMPLE_ROWS:
                break
        return rows

    def _close_flat(self) -> None:
        if self.flat is not None and self.flat.lines:
            self.flat_sections.append(self.flat)
        self.flat = None

    def _open_flat(self) -> None:
        self._close_flat()
        if self.flat_columns is not None:
            ctx = self.ctx
            self.flat = FlattenedTable(self.flat_columns, ctx.axis, ctx.heading, ctx.placement)

    def _line(self, index: int, line: Line) -> int:
        """Handle the line at `index`; return how many items were consumed."""
        ctx, plan = self.ctx, self.plan
        if any(mark in line.text for mark in OPENING_QUOTES):
            quote = quote_at(self.items, index)
            if quote is not None:
                text, reference, span, used = quote
                ctx.placement = (plan.recommendation(reference, span, text), span)
                self._open_flat()
                return used
        if AXIS_HEADING.match(line.text) and len(line.text) < 200:
            ctx.new_axis(squash(line.text))
            self._open_flat()
            return 1
        header = header_columns([i for i in self.items[index : index + 9] if isinstance(i, Line)])
        if header is not None and _consecutive_lines(self.items, index, header[1]):
            self.flat_columns = header[0]
            ctx.schema = None
            self._open_flat()
            return header[1]
        in_plan = self.flat_columns is not None or ctx.schema is not None
        if in_plan and SUB_HEADING.match(line.text):
            ctx.new_section(squash(line.text))
            self._open_flat()
            return 1
        if self.flat is not None:
            self.flat.add(line)
            return 1
        return self._prose(index, line)

    def _prose(self, index: int, line: Line) -> int:
        ctx, plan = self.ctx, self.plan
        criterion = criterion_heading(line)
        if criterion is not None:
            ctx.criterion = criterion
            ctx.placement = None
            ctx.listed = None
            self.report.new_criterion(criterion)
            return 1
        if not self.swot_document and ctx.schema is None:
            used = self.report.line(self.items, index)
            if used is not None:
                ctx.listed = None
                if self.report.placement is not None:
                    ctx.placement = self.report.placement
                return used
        defined = defined_recommendation(self.items, index, ctx.criterion)
        if defined is not None:
            reference, text, span, used = defined
            ctx.placement = (plan.recommendation(reference, span, text), span)
            return used
        if RECOMMENDATIONS_HEADING.match(line.text) and not self.swot_document:
            ctx.listed = 0
            return 1
        if ctx.listed is not None:
            listed = listed_recommendation(self.items, index, ctx.criterion, ctx.listed)
            if listed is not None:
                reference, text, span, used = listed
                plan.recommendation(reference, span, text)
                ctx.listed = int(reference.number or ctx.listed + 1)
                return used
            if line.heading_level is not None or line.gap_before > 0:
                ctx.listed = None  # the list is over
        if self.swot_document:
            kind = swot_heading(line.text) if len(line.text) < 40 else None
            if kind is not None:
                ctx.swot_kind = kind.value
                return 1
            if line.heading_level is not None:
                ctx.swot_kind = None
            elif ctx.swot_kind is not None:
                item_text = swot_item_text(line)
                if item_text is not None:
                    plan.add_swot(SwotKind(ctx.swot_kind), item_text, line.span)
                return 1
        if (
            line.heading_level is None
            and index + 1 < len(self.items)
            and isinstance(self.items[index + 1], Table)
            and ctx.heading_seen(line.text)
        ):
            return 1  # a lone « Porteur : X » line just over its table (heading style lost)
        if (line.heading_level is not None and len(line.text) <= 250) or OBJECTIVE_HEADING.match(
            line.text
        ):
            if ctx.heading_seen(line.text, line.heading_level):
                return 1  # « Porteur : X »: the owner of what follows, not its objective
            ctx.new_section(squash(line.text))  # a real heading (Markdown '#', Word 'Titre N')
            return 1
        if ctx.schema is not None and not FOOTNOTE.match(line.text) and len(line.text) <= 250:
            ctx.heading = squash(line.text)
            ctx.group = None
        return 1


def _consecutive_lines(items: list[Item], index: int, count: int) -> bool:
    return all(isinstance(item, Line) for item in items[index : index + count])
