"""How the parser evaluation is shown: rich tables, the ``--details`` view, and JSON.

The details view is where the extractor's author spends time, so it names gold items by
their annotation ids (A12, R3), prints field values in full and marks nulls visibly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from assistant.schema import Action, Recommendation, Span
from evals.figures import Figure
from evals.scoring import Discrepancies, FieldMismatch, FileScore

_SHORT = 90


def _short(text: str, limit: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(value: str | list[str] | None) -> Text:
    """A field value in full; null and [] are shown as such, list items one per line."""
    if value is None:
        return Text("∅ null", style="dim italic")
    if isinstance(value, list):
        if not value:
            return Text("∅ []", style="dim italic")
        return Text("\n".join(f"• {item}" for item in value))
    return Text(value)


def figures_table(title: str, listed: Sequence[Figure]) -> Table:
    """One table of figures with their fraction, target and PASS/FAIL mark."""
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    table.add_column("Count", justify="right", style="dim")
    table.add_column("Target", justify="right")
    table.add_column("", justify="center")
    for figure in listed:
        value = "—" if figure.value is None else f"{figure.value:.3f}"
        target = "" if figure.target is None else f"≥ {figure.target:.2f}"
        mark = {
            True: Text("PASS", style="bold green"),
            False: Text("FAIL", style="bold red"),
            None: Text("n/a" if figure.target is not None else "", style="dim"),
        }[figure.passed]
        table.add_row(figure.label, value, figure.fraction, target, mark)
    return table


def _heading(title: str, count: int) -> Text:
    return Text(f"\n{title} ({count})", style="bold underline")


def _where(span: Span) -> str:
    """Position in the seed; the file is already named by the section's rule."""
    page = f"p.{span.page} " if span.page is not None else ""
    lines = (
        f"l.{span.line_start}"
        if span.line_start == span.line_end
        else f"l.{span.line_start}-{span.line_end}"
    )
    return page + lines


def _listing(rows: Sequence[tuple[str | Text, str | Text]]) -> Table:
    """Label / text lines with a hanging indent: wrapped text stays in its column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)  # indent
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in rows:
        grid.add_row("", label, text)
    return grid


def _comparison(rows: Sequence[tuple[str, Text, Text]]) -> Table:
    """Label / gold / predicted blocks, aligned, values wrapped in their own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=4)  # indent
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, gold, predicted in rows:
        grid.add_row("", label, "gold", gold)
        grid.add_row("", "", "pred", predicted)
    return grid


def _rec(rec: Recommendation | None) -> Text:
    if rec is None:
        return Text("(an id the plan does not define)", style="red")
    return Text.assemble((rec.id, "bold"), f" {rec.ref}")


def _recommendation_parts(found: Discrepancies) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for title, recs in (
        ("Gold recommendations not found", found.unmatched_gold_recommendations),
        ("Predicted recommendations matching no gold", found.unmatched_predicted_recommendations),
    ):
        if recs:
            parts.append(_heading(title, len(recs)))
            rows: list[tuple[str | Text, str | Text]] = []
            for rec in recs:
                text = Text(rec.ref)
                if rec.text:
                    text.append(f"  « {_short(rec.text, 80)} »", style="dim")
                rows.append((rec.id, text))
            parts.append(_listing(rows))
    mismatches = found.recommendation_text_mismatches
    if mismatches:
        parts.append(_heading("Recommendation texts that differ", len(mismatches)))
        parts.append(_comparison([(g.id, _value(g.text), _value(p.text)) for g, p in mismatches]))
    return parts


def _action_parts(found: Discrepancies) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if found.unmatched_gold_actions:
        parts.append(_heading("Gold actions not found", len(found.unmatched_gold_actions)))
        rows: list[tuple[str | Text, str | Text]] = []
        for action in found.unmatched_gold_actions:
            text = Text(action.text)
            if action.id in found.nearest_predicted:
                nearest, score = found.nearest_predicted[action.id]
                text.append(
                    f"\nnearest predicted ({score:.0f}) at {_where(nearest.source)}: "
                    f"{_short(nearest.text, 80)}",
                    style="dim",
                )
            rows.append((action.id, text))
        parts.append(_listing(rows))
    if found.unmatched_predicted_actions:
        parts.append(
            _heading("Predicted actions matching no gold", len(found.unmatched_predicted_actions))
        )
        parts.append(
            _listing([(_where(a.source), a.text) for a in found.unmatched_predicted_actions])
        )
    if found.approximate_matches:
        parts.append(
            _heading(
                "Approximate action matches (wording differs; fields still compared)",
                len(found.approximate_matches),
            )
        )
        parts.append(
            _comparison(
                [
                    (f"{g.id} ≈{s:.0f}", Text(g.text), Text(p.text))
                    for g, p, s in found.approximate_matches
                ]
            )
        )
    return parts


def _mismatch_parts(mismatches: Sequence[FieldMismatch]) -> list[RenderableType]:
    if not mismatches:
        return []
    by_action: dict[int, list[FieldMismatch]] = {}
    for mismatch in mismatches:
        by_action.setdefault(id(mismatch.gold_action), []).append(mismatch)
    parts: list[RenderableType] = [
        _heading(
            f"Field mismatches, in {len(by_action)} action{'s' if len(by_action) > 1 else ''}",
            len(mismatches),
        )
    ]
    for group in by_action.values():
        gold, predicted = group[0].gold_action, group[0].predicted_action
        header = Text(_short(gold.text)).append(f"  (pred {_where(predicted.source)})", "dim")
        parts.append(_listing([(gold.id, header)]))
        parts.append(_comparison([(m.field, _value(m.gold), _value(m.predicted)) for m in group]))
    return parts


def _link_parts(found: Discrepancies) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if found.missing_links:
        parts.append(_heading("Gold links missing", len(found.missing_links)))
        parts.append(
            _listing(
                [
                    (
                        e.action.id,
                        Text(f"{_short(e.action.text, 60)} → ").append_text(_rec(e.recommendation)),
                    )
                    for e in found.missing_links
                ]
            )
        )
    if found.spurious_links:
        parts.append(_heading("Predicted links not in gold", len(found.spurious_links)))
        rows: list[tuple[str | Text, str | Text]] = []
        for e in found.spurious_links:
            action = f"= gold {e.matched_action_id}" if e.matched_action_id else "no gold action"
            text = Text(f"{_short(e.action.text, 60)} ").append(f"({action})", "dim")
            text.append(" → ").append_text(_rec(e.recommendation))
            if e.recommendation is not None:
                rec = e.matched_recommendation_id
                text.append(f" ({'= gold ' + rec if rec else 'no gold recommendation'})", "dim")
            rows.append((_where(e.action.source), text))
        parts.append(_listing(rows))
    return parts


def details(score: FileScore) -> list[RenderableType]:
    """Everything that went wrong in one file, ready to print."""
    found: Discrepancies = score.discrepancies
    parts: list[RenderableType] = [Rule(f"Details — {score.document}", style="cyan")]
    if score.error:
        parts.append(Text(f"Parser error (scored as an empty plan): {score.error}", "bold red"))
    if score.warnings:
        parts.append(_heading("Parser warnings", len(score.warnings)))
        parts.extend(Text(f"  • {warning}") for warning in score.warnings)
    body = [
        *_recommendation_parts(found),
        *_action_parts(found),
        *_mismatch_parts(found.field_mismatches),
        *_link_parts(found),
    ]
    parts.extend(body or [Text("Nothing to report: the parser agrees with the gold.", "green")])
    return parts


def print_details(console: Console, score: FileScore) -> None:
    """Print `details` of one file."""
    console.print(Group(*details(score)), highlight=False)


# --- JSON -------------------------------------------------------------------------------


def _action_json(action: Action, where: bool = True) -> dict[str, Any]:
    # Gold actions carry no position (their span is a placeholder): no "source" for them.
    located = {"source": action.source.label()} if where else {}
    return {"id": action.id, "text": action.text, **located}


def _rec_json(rec: Recommendation | None) -> dict[str, Any] | None:
    return None if rec is None else {"id": rec.id, "ref": rec.ref, "text": rec.text}


def details_json(found: Discrepancies) -> dict[str, Any]:
    """The discrepancies of one file, JSON-ready."""
    return {
        "unmatched_gold_recommendations": [
            _rec_json(r) for r in found.unmatched_gold_recommendations
        ],
        "unmatched_predicted_recommendations": [
            _rec_json(r) for r in found.unmatched_predicted_recommendations
        ],
        "recommendation_text_mismatches": [
            {"gold": _rec_json(g), "predicted": _rec_json(p)}
            for g, p in found.recommendation_text_mismatches
        ],
        "unmatched_gold_actions": [
            {
                **_action_json(a, where=False),
                "nearest_predicted": (
                    {**_action_json(n[0]), "score": round(n[1], 1)}
                    if (n := found.nearest_predicted.get(a.id))
                    else None
                ),
            }
            for a in found.unmatched_gold_actions
        ],
        "unmatched_predicted_actions": [_action_json(a) for a in found.unmatched_predicted_actions],
        "approximate_matches": [
            {
                "gold": _action_json(g, where=False),
                "predicted": _action_json(p),
                "score": round(s, 1),
            }
            for g, p, s in found.approximate_matches
        ],
        "field_mismatches": [
            {
                "gold_action_id": m.gold_action.id,
                "predicted_action_id": m.predicted_action.id,
                "field": m.field,
                "gold": m.gold,
                "predicted": m.predicted,
            }
            for m in found.field_mismatches
        ],
        "missing_links": [
            {"gold_action_id": e.action.id, "recommendation": _rec_json(e.recommendation)}
            for e in found.missing_links
        ],
        "spurious_links": [
            {
                "predicted_action": _action_json(e.action),
                "recommendation": _rec_json(e.recommendation),
                "matched_gold_action_id": e.matched_action_id,
                "matched_gold_recommendation_id": e.matched_recommendation_id,
            }
            for e in found.spurious_links
        ],
    }
