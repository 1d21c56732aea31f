"""How a document's tables were read, and the coordinator's corrections of it.

Opened from the documents list (« s »): one line per column of each table, with the role
the parser gave it and how sure it is. « r » gives the selected column the next role
(action, responsable, échéance…, ignorée), « n » marks its table as not the plan; ctrl+s
keeps the corrections, reads the document again with them and applies them at every
later import of the file; Échap leaves without changing anything. A correction that
leaves a corrected table without any action is refused by the core (French message).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from assistant.french.numbers import percent
from assistant.schema import (
    CORRECTABLE_ROLES,
    ROLE_LABELS_FR,
    StructureCorrections,
    StructureReport,
    TableCorrection,
)
from tui import messages as msg
from tui.format import MISSING

HELP = (
    "r : rôle suivant pour la colonne choisie · n : ce tableau n'est pas le plan · "
    "ctrl+s : enregistrer et relire le document · Échap : revenir sans rien changer"
)


class StructureScreen(Screen[None]):
    """The columns of a stored document's tables, their roles, and their corrections."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "next_role", "Rôle suivant"),
        Binding("n", "not_plan", "Pas un plan"),
        Binding("ctrl+s", "save", "Enregistrer"),
        Binding("escape", "back", "Revenir"),
    ]

    def __init__(self, name: str, report: StructureReport | None) -> None:
        super().__init__()
        self.document = name
        self.report = report or StructureReport()
        saved = self.report.corrections or StructureCorrections()
        self.roles: dict[tuple[int, int], str] = {
            (t.table, column): role for t in saved.tables for column, role in t.roles.items()
        }
        self.not_plan: set[int] = {t.table for t in saved.tables if t.not_plan}

    def compose(self) -> ComposeResult:
        with Vertical(id="structure"):
            yield Static(Text(f"Lecture des tableaux — {self.document}"), classes="title")
            yield Static(HELP, classes="intro")
            table: DataTable[Text] = DataTable(cursor_type="row", id="structure-table")
            for title in ("Tableau", "Colonne", "Titre", "Rôle", "Confiance"):
                table.add_column(title)
            yield table
            if not self.report.tables:
                yield Static("Aucun tableau lu dans ce document.", id="structure-empty")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        table = self.query_one("#structure-table", DataTable)
        table.clear()
        for report in self.report.tables:
            known = {column.index: column for column in report.columns}
            # every column up to the last one read, those given no role included
            for index in range(max(known, default=-1) + 1):
                column = known.get(index)
                key = (report.index, index)
                chosen = self.roles.get(key)
                role = chosen or (column.role if column else None)
                label = ROLE_LABELS_FR.get(role or "", role or MISSING)
                if report.index in self.not_plan:
                    label = "pas un plan"
                sure = percent(column.confidence) if column and column.role else MISSING
                table.add_row(
                    Text(str(report.index)),
                    Text(str(index + 1)),
                    Text((column.header if column else None) or MISSING),
                    Text(label + (" (corrigé)" if chosen else "")),
                    Text("choisi" if chosen else sure),
                    key=f"{report.index}:{index}",
                )

    def _selected(self) -> tuple[int, int] | None:
        table = self.query_one("#structure-table", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        table_index, column = key.split(":")
        return int(table_index), int(column)

    def _current_role(self, key: tuple[int, int]) -> str | None:
        if key in self.roles:
            return self.roles[key]
        report = next(t for t in self.report.tables if t.index == key[0])
        return next((c.role for c in report.columns if c.index == key[1]), None)

    def action_next_role(self) -> None:
        key = self._selected()
        if key is None:
            return
        current = self._current_role(key)
        at = CORRECTABLE_ROLES.index(current) if current in CORRECTABLE_ROLES else -1
        self.roles[key] = CORRECTABLE_ROLES[(at + 1) % len(CORRECTABLE_ROLES)]
        row = self.query_one("#structure-table", DataTable).cursor_row
        self._show()
        self.query_one("#structure-table", DataTable).move_cursor(row=row)

    def action_not_plan(self) -> None:
        key = self._selected()
        if key is None:
            return
        self.not_plan ^= {key[0]}
        row = self.query_one("#structure-table", DataTable).cursor_row
        self._show()
        self.query_one("#structure-table", DataTable).move_cursor(row=row)

    def corrections(self) -> StructureCorrections:
        """The corrections as chosen on this screen."""
        tables = sorted({t for t, _ in self.roles} | self.not_plan)
        return StructureCorrections(
            tables=[
                TableCorrection(
                    table=table,
                    not_plan=table in self.not_plan,
                    roles={c: r for (t, c), r in self.roles.items() if t == table},
                )
                for table in tables
            ]
        )

    def action_save(self) -> None:
        self.app.post_message(msg.StructureCorrectionAsked(self.document, self.corrections()))
        self.app.pop_screen()

    def action_back(self) -> None:
        self.app.pop_screen()
