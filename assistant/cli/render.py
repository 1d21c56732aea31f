"""Rich renderings, in French, of the core's results (plans, ingestion reports).

Kept apart from the commands so that the same tables can be reused by other commands
(and later by reports) and so that each command module stays a few lines long.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from assistant.french.numbers import percent
from assistant.schema import ROLE_LABELS_FR, Action, Plan, StructureReport
from assistant.store import IngestReport, Outcome

OUTCOME_LABELS = {
    Outcome.ADDED: "ajouté",
    Outcome.REPLACED: "remplacé",
    Outcome.UNCHANGED: "inchangé",
    Outcome.DUPLICATE: "doublon ignoré",
    Outcome.VERSION: "nouvelle version",
    Outcome.SKIPPED: "ignoré",
}
_OUTCOME_STYLE = {
    Outcome.ADDED: "green",
    Outcome.REPLACED: "yellow",
    Outcome.UNCHANGED: "dim",
    Outcome.DUPLICATE: "magenta",
    Outcome.VERSION: "cyan",
    Outcome.SKIPPED: "dim",
}
_MISSING = Text("—", style="red")


def _cell(value: str | None) -> Text:
    # A Text, never a str: Rich reads a str cell as markup, and document text may hold
    # "[/]" (a crash) or "[link=…]" (a hyperlink injected in the terminal).
    return _MISSING if not value else Text(value)


def _field(action: Action, name: str) -> Text:
    """A field of an action; one read in another table says where (« d'après le calendrier
    des actions, l. 23 »), since the action's own row does not hold it."""
    value: str | None = getattr(action, name)
    cell = _cell(value)
    derived = next((d for d in action.derived if d.field == name), None)
    if derived is None or not value:
        return cell
    return Text.assemble(
        value, (f"\n({derived.origin}, l. {derived.source.line_start})", "italic dim")
    )


def plan_tables(plan: Plan) -> RenderableType:
    """The document, its recommendations, its actions and the parser's warnings."""
    document = plan.document
    title = f" — {escape(document.title)}" if document.title else ""
    parts: list[RenderableType] = [
        Text.from_markup(f"[bold]{escape(document.name)}[/]{title} ({document.format.value})")
    ]
    recommendations = Table(title=f"Recommandations ({len(plan.recommendations)})", expand=True)
    recommendations.add_column("Id", ratio=2, no_wrap=True)
    recommendations.add_column("Référence", ratio=3)
    recommendations.add_column("Critère", ratio=2)
    recommendations.add_column("N°", ratio=1)
    recommendations.add_column("Texte", ratio=5)
    for rec in plan.recommendations:
        recommendations.add_row(
            Text(rec.id), Text(rec.ref), _cell(rec.criterion), _cell(rec.number), _cell(rec.text)
        )
    parts.append(recommendations)

    ref_of = {rec.id: rec.ref for rec in plan.recommendations}
    actions = Table(title=f"Actions ({len(plan.actions)})", expand=True)
    actions.add_column("Action", ratio=4)
    for heading in ("Responsable", "Échéance", "État"):
        actions.add_column(heading, ratio=2)
    actions.add_column("Indic.", justify="right", ratio=1)
    actions.add_column("Répond à", ratio=2)
    for action in plan.actions:
        answered = "\n".join(ref_of.get(rec_id, rec_id) for rec_id in action.addresses)
        actions.add_row(
            Text(action.text),
            _field(action, "owner"),
            _field(action, "deadline"),
            _field(action, "status"),
            Text(str(len(action.indicators)), style="red" if not action.indicators else ""),
            _cell(answered),
        )
    parts.append(actions)

    if plan.swot:
        swot = Table(title=f"Analyse AFOM ({len(plan.swot)})", expand=True)
        swot.add_column("Quadrant")
        swot.add_column("Élément")
        labels = {
            "strength": "Force",
            "weakness": "Faiblesse",
            "opportunity": "Opportunité",
            "threat": "Menace",
        }
        for item in plan.swot:
            swot.add_row(labels[item.kind.value], Text(item.text))
        parts.append(swot)
    structure = structure_table(plan.structure)
    if structure is not None:
        parts.append(structure)
    parts.extend(Text(f"Attention : {warning}", style="yellow") for warning in plan.warnings)
    return Group(*parts)


_TABLE_KINDS = {
    "plan": "plan",
    "recommendations": "recommandations",
    "swot": "AFOM",
    "timeline": "calendrier",
    "action_fields": "complète des actions (par leur code)",
    "not_plan": "hors plan",
    "unread": "non lu",
}


_ROLE_LABELS = {
    **ROLE_LABELS_FR,
    "guarantor": "garant",
    "status_deadline": "état / échéance",
    "results": "résultats attendus",
    "step": "étape",
    "timeline": "période",
    "action_code": "code d'action",
}


def structure_table(structure: StructureReport) -> Table | None:
    """How each table was read: its kind, the role of each column and how sure."""
    tables = structure.tables
    if not tables:
        return None
    confidence = structure.confidence
    table = Table(
        title=f"Structure lue (confiance {percent(confidence)}"
        + (", à vérifier)" if structure.needs_review else ")"),
        expand=True,
    )
    for heading in ("Tableau", "Lu comme", "Colonnes (rôle, confiance)", "Lignes", "Actions"):
        table.add_column(heading)
    for report in tables:
        columns = ", ".join(
            f"n°{c.index + 1}{f' « {c.header} »' if c.header else ''} → "
            f"{_ROLE_LABELS.get(c.role, c.role)} ({percent(c.confidence)})"
            for c in report.columns
            if c.role
        )
        table.add_row(
            Text(f"{report.index} (l. {report.source.line_start})"),
            Text(_TABLE_KINDS.get(report.kind.value, report.kind.value)),
            Text(columns or (report.note or "—")),
            str(report.rows),
            str(report.actions),
        )
    return table


def ingest_table(report: IngestReport) -> Table:
    """One row per file: what happened to it and what it holds."""
    table = Table(title="Import", expand=True)
    for heading in ("Fichier", "Résultat", "Recommandations", "Actions", "AFOM"):
        table.add_column(heading)
    for entry in report.files:
        table.add_row(
            Text(entry.name),
            Text(OUTCOME_LABELS[entry.outcome], style=_OUTCOME_STYLE[entry.outcome]),
            str(entry.recommendations),
            str(entry.actions),
            str(entry.swot),
        )
    return table


def ingest_summary(report: IngestReport) -> str:
    """'3 fichiers : 1 ajouté, 1 remplacé, 1 inchangé.'"""
    total = len(report.files)
    counts = [
        _plural(report.added, "ajouté"),
        _plural(report.replaced, "remplacé"),
        _plural(report.unchanged, "inchangé"),
    ]
    # Shown only when they happen: most imports have none.
    if report.versions:
        counts.append(
            f"{report.versions} nouvelle{'s' if report.versions > 1 else ''} version{'s' if report.versions > 1 else ''}"
        )
    if report.duplicates:
        counts.append(
            f"{report.duplicates} doublon{'s' if report.duplicates > 1 else ''} ignoré{'s' if report.duplicates > 1 else ''}"
        )
    if report.skipped:
        counts.append(_plural(report.skipped, "ignoré") + " (pas un document de plan)")
    return f"{_plural(total, 'fichier')} : {', '.join(counts)}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"
