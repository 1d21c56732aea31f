"""The gap audit as a Markdown document (French), to paste into a wiki, a mail or a DAE.

Document text comes from uploaded files: every piece of it is escaped so that it can
neither break a table nor smuggle HTML into a Markdown viewer.
"""

from __future__ import annotations

import re

from assistant.audit.changes import describe_plan_changes
from assistant.reports.data import ReportData
from assistant.reports.french import (
    DRAFT_FIELD_LABEL,
    DRAFT_STATUS_LABEL,
    MISSING,
    SEVERITY_HEADING,
    SEVERITY_ORDER,
    file_size,
    link_label,
    long_date,
    long_datetime,
    percent,
    plural,
    quote,
    ratio,
    typography,
)
from assistant.reports.view import (
    CriterionBlock,
    DraftView,
    GapView,
    ReportView,
    TraceRow,
    build_view,
)
from assistant.schema import Coverage, CriterionSummary, Severity

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")

SUGGESTION_WARNING = (
    "Ces propositions sont générées automatiquement à partir des sources citées. "
    "Elles ne figurent pas dans le plan d'action : ce sont des suggestions, pas des faits, "
    "à valider ou à rejeter par le coordinateur qualité."
)


def md(text: str) -> str:
    """Document text made safe for a Markdown line or table cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    """A citation as inline code (backticks inside are dropped: they would end the span)."""
    return f"`{text.replace('`', '')}`"


def render_markdown(data: ReportData) -> str:
    """The whole report as Markdown text (UTF-8, '\\n' line ends, final newline)."""
    view = build_view(data)
    lines: list[str] = []
    lines += _header(data)
    lines += _documents(data)
    lines += _changes(data)
    lines += _summary(view)
    lines += _traceability(view)
    lines += _gaps(view)
    lines += _drafts(view)
    return typography("\n".join(lines).rstrip("\n") + "\n")


def _header(data: ReportData) -> list[str]:
    report = data.report
    lines = [f"# {md(data.title)}", ""]
    if data.programme:
        lines += [f"**{md(data.programme)}**", ""]
    lines += [
        f"Situation au {long_date(report.as_of)} — rapport généré le "
        f"{long_datetime(report.generated_at)} (UTC).",
        "",
    ]
    return lines


def _documents(data: ReportData) -> list[str]:
    lines = ["## Documents audités", ""]
    if not data.report.documents:
        return [*lines, "Aucun document.", ""]
    lines += [
        "| Document | Format | Pages | Taille | Empreinte (SHA-256) |",
        "|---|---|---|---|---|",
    ]
    for document in data.report.documents:
        name = md(document.name) + (f" — {md(document.title)}" if document.title else "")
        pages = str(document.pages) if document.pages is not None else MISSING
        size = file_size(document.size_bytes)
        lines.append(
            f"| {name} | {document.format.value.upper()} | {pages} | {size} "
            f"| {code(document.sha256[:12])} |"
        )
    lines.append("")
    if data.report.reading_warnings:
        lines += ["### Lectures à vérifier", ""]
        for name, warnings in data.report.reading_warnings.items():
            lines += [f"- **{md(name)}** : {md(warning)}" for warning in warnings]
        lines.append("")
    return lines


def _changes(data: ReportData) -> list[str]:
    """« Changements depuis la version précédente », when a plan has several versions."""
    if not data.report.changes:
        return []
    lines = ["## Changements depuis la version précédente", ""]
    for changes in data.report.changes:
        head, *rest = describe_plan_changes(changes)
        lines += [f"**{md(head)}**", ""]
        lines += [f"- {md(line)}" for line in rest]
        lines.append("")
    return lines


def _summary_row(summary: CriterionSummary, strong: bool = False) -> str:
    cells = [
        md(summary.criterion),
        str(summary.recommendations),
        str(summary.covered),
        str(summary.partial),
        str(summary.uncovered),
        percent(ratio(summary.covered, summary.recommendations)),
        str(summary.actions),
        str(summary.gaps),
    ]
    if strong:
        cells = [f"**{cell}**" for cell in cells]
    return "| " + " | ".join(cells) + " |"


def _summary(view: ReportView) -> list[str]:
    if not view.measured:
        return _cited_summary(view)
    lines = [
        "## Synthèse par critère",
        "",
        "| Critère | Recommandations | Couvertes | Partielles | Non couvertes "
        "| Taux de couverture | Actions | Lacunes |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines += [_summary_row(summary) for summary in view.criteria]
    lines += [_summary_row(view.total, strong=True), "", view.total_note, ""]
    total = view.total
    lines += [
        f"En bref : {plural(total.recommendations, 'recommandation')}, "
        f"{plural(total.covered, 'couverte')}, {plural(total.partial, 'partielle')}, "
        f"{plural(total.uncovered, 'non couverte', 'non couvertes')} ; {view.tally}.",
        "",
    ]
    return lines


def _cited_summary(view: ReportView) -> list[str]:
    """Without an experts' report: what the plan cites, and no coverage rate."""
    lines = ["## Synthèse par critère", "", f"> ⚠ {view.origin_note}", ""]
    if view.criteria:
        lines += [
            "| Critère | Recommandations citées | Actions | Lacunes |",
            "|---|--:|--:|--:|",
        ]
        lines += [
            f"| {md(s.criterion)} | {s.recommendations} | {s.actions} | {s.gaps} |"
            for s in view.criteria
        ]
        total = view.total
        lines += [
            f"| **Total** | **{total.recommendations}** | **{total.actions}** | **{total.gaps}** |",
            "",
            view.total_note,
            "",
        ]
    total = view.total
    lines += [
        f"En bref : {plural(total.recommendations, 'recommandation citée', 'recommandations citées')}"
        f", {plural(total.actions, 'action')} ; {view.tally}.",
        "",
    ]
    return lines


def _traceability(view: ReportView) -> list[str]:
    lines = [
        "## Matrice de traçabilité",
        "",
        "Une ligne par action liée à une recommandation. Les liens « sémantiques » sont "
        "déduits de la proximité des textes : à confirmer.",
        "",
    ]
    for block in view.trace:
        lines += _criterion_table(view, block)
    if not view.trace:
        lines += ["Aucune recommandation.", ""]
    return lines + _unlinked(view)


def _unlinked(view: ReportView) -> list[str]:
    """Every action no recommendation reaches: an imported action is never left out."""
    if not view.unlinked:
        return []
    title = "Actions du plan" if not view.trace else "Actions liées à aucune recommandation"
    lines = [
        f"### {title} ({len(view.unlinked)})",
        "",
        "| Action | Responsable | Échéance | Indicateurs | État | Lien | SMART |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_action_cells(row)) + " |" for row in view.unlinked]
    return [*lines, ""]


def _criterion_table(view: ReportView, block: CriterionBlock) -> list[str]:
    lines = [
        f"### {md(block.criterion)}",
        "",
        "| Recommandation | Couverture | Action | Responsable | Échéance | Indicateurs "
        "| État | Lien | SMART |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for recommendation in block.recommendations:
        mapping = recommendation.mapping
        coverage = view.coverage_label(mapping)
        if mapping.coverage is Coverage.UNCOVERED:
            coverage = f"**⚠ {coverage}**"
        for index, row in enumerate(recommendation.rows):
            ref = f"**{md(mapping.recommendation_ref)}**"
            if index == 0 and recommendation.text:
                ref += f" — {quote(md(recommendation.text))}"
            lines.append("| " + " | ".join([ref, coverage, *_action_cells(row)]) + " |")
    return [*lines, ""]


def _action_cells(row: TraceRow) -> list[str]:
    action = row.action
    label = row.action_label
    if action is None:
        return [md(label) if label else MISSING] + [MISSING] * 6
    deadline = md(action.deadline) if action.deadline else MISSING
    if row.overdue:
        deadline += " (dépassée)"
    link = row.link
    kind = link_label(link, score=True) if link is not None else MISSING
    return [
        md(label or action.id),
        md(action.owner) if action.owner else MISSING,
        deadline,
        " ; ".join(md(i) for i in action.indicators) if action.indicators else MISSING,
        md(action.status) if action.status else MISSING,
        kind,
        f"{row.smart.score}/5" if row.smart is not None else MISSING,
    ]


def _gaps(view: ReportView) -> list[str]:
    lines = ["## Lacunes", ""]
    if view.findings != view.gap_total:
        lines += [
            f"{plural(view.gap_total, 'lacune')} en {plural(view.findings, 'constat')} : les "
            "actions prises en défaut par une même règle sont regroupées.",
            "",
        ]
    for severity in SEVERITY_ORDER:
        gaps = view.gaps[severity]
        if severity is Severity.INFO and not gaps:
            continue
        lines += [f"### {SEVERITY_HEADING[severity]} ({sum(g.count for g in gaps)})", ""]
        if not gaps:
            lines += ["Aucune.", ""]
            continue
        for number, gap in enumerate(gaps, start=1):
            lines += _gap(number, gap)
        lines.append("")
    return lines


def _gap(number: int, gap: GapView) -> list[str]:
    lines = [f"{number}. **{md(gap.target)}** — {md(gap.message)}"]
    for member in gap.members:
        detail = f" ({md(member.detail)})" if member.detail else ""
        cited = f" — {', '.join(code(c) for c in member.citations)}" if member.citations else ""
        lines.append(f"   - {md(member.label)}{detail}{cited}")
    if gap.citations and not gap.members:
        lines.append("   Sources : " + ", ".join(code(c) for c in gap.citations))
    return lines


def _drafts(view: ReportView) -> list[str]:
    lines = ["## Propositions (à valider)", "", f"> ⚠ {SUGGESTION_WARNING}", ""]
    if not view.drafts:
        return [*lines, "Aucune proposition.", ""]
    for number, draft in enumerate(view.drafts, start=1):
        lines += _draft(number, draft)
    return lines


def _draft(number: int, view: DraftView) -> list[str]:
    draft = view.draft
    field = DRAFT_FIELD_LABEL[draft.field]
    lines = [
        f"### Proposition {number} — {field.lower()} pour {md(view.action)}",
        "",
        f"- **{field} (proposition à valider) :** {md(draft.proposal)}",
    ]
    lines += [f"- **{label} :** {md(value)}" for label, value in view.details]
    lines += [
        f"- **Confiance :** {percent(draft.confidence)}",
        f"- **Justification :** {md(draft.rationale)}",
        f"- **Statut :** {DRAFT_STATUS_LABEL[draft.status]}",
        "- **Sources :**" if view.sources else "- **Sources :** aucune",
    ]
    for source in view.sources:
        cited = f" ({code(source.citation)})" if source.citation else ""
        lines.append(f"  - {source.kind} : {md(source.label)}{cited}")
    return [*lines, ""]
