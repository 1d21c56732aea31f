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

from assistant.schema import Action, Recommendation
from evals.figures import Figure
from evals.scoring import Discrepancies, FieldMismatch, FileScore, LinkError

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


def _list_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str | Text]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _action_label(action: Action) -> Text:
    return Text(f"{action.id}\n", style="bold").append(_short(action.text), style="")


def _link_rows(errors: Sequence[LinkError], spurious: bool) -> list[list[str | Text]]:
    rows: list[list[str | Text]] = []
    for error in errors:
        rec = error.recommendation
        rec_label = f"{rec.id}  {rec.ref}" if rec else "(id not among the plan's recommendations)"
        if spurious:
            action = f"{_short(error.action.text, 60)}  ≈ gold {error.matched_action_id or '—'}"
            rows.append([action, f"{rec_label}  ≈ gold {error.matched_recommendation_id or '—'}"])
        else:
            rows.append([f"{error.action.id}  {_short(error.action.text, 60)}", rec_label])
    return rows


def _mismatch_rows(mismatches: Sequence[FieldMismatch]) -> list[list[str | Text]]:
    return [
        [_action_label(m.gold_action), m.field, _value(m.gold), _value(m.predicted)]
        for m in mismatches
    ]


def _recommendation_rows(recs: Sequence[Recommendation]) -> list[list[str | Text]]:
    return [[r.id, r.ref, _value(r.text)] for r in recs]


def details(score: FileScore) -> list[RenderableType]:
    """Everything that went wrong in one file, ready to print."""
    found: Discrepancies = score.discrepancies
    parts: list[RenderableType] = [Rule(f"Details — {score.document}", style="cyan")]
    if score.error:
        parts.append(Text(f"Parser error (scored as an empty plan): {score.error}", "bold red"))
    if score.warnings:
        parts.append(Text("Parser warnings:\n" + "\n".join(f"  • {w}" for w in score.warnings)))
    sections: list[tuple[str, Sequence[str], list[list[str | Text]]]] = [
        (
            "Gold recommendations not found",
            ("Gold id", "Reference", "Text"),
            _recommendation_rows(found.unmatched_gold_recommendations),
        ),
        (
            "Predicted recommendations matching no gold",
            ("Predicted id", "Reference", "Text"),
            _recommendation_rows(found.unmatched_predicted_recommendations),
        ),
        (
            "Recommendation texts that differ",
            ("Gold id", "Gold text", "Predicted text"),
            [
                [g.id, _value(g.text), _value(p.text)]
                for g, p in found.recommendation_text_mismatches
            ],
        ),
        (
            "Gold actions not found",
            ("Gold id", "Text"),
            [[a.id, a.text] for a in found.unmatched_gold_actions],
        ),
        (
            "Predicted actions matching no gold",
            ("Where", "Text"),
            [[a.source.label(), a.text] for a in found.unmatched_predicted_actions],
        ),
        (
            "Approximate action matches (text differs; fields still compared)",
            ("Gold id", "Score", "Gold text", "Predicted text"),
            [[g.id, f"{s:.0f}", g.text, p.text] for g, p, s in found.approximate_matches],
        ),
        (
            "Field mismatches",
            ("Action", "Field", "Gold", "Predicted"),
            _mismatch_rows(found.field_mismatches),
        ),
        (
            "Gold links missing",
            ("Gold action", "Gold recommendation"),
            _link_rows(found.missing_links, spurious=False),
        ),
        (
            "Predicted links not in gold",
            ("Predicted action", "Predicted recommendation"),
            _link_rows(found.spurious_links, spurious=True),
        ),
    ]
    for title, columns, rows in sections:
        if rows:
            parts.append(_list_table(title, columns, rows))
    if len(parts) == 1:
        parts.append(Text("Nothing to report: the parser agrees with the gold.", "green"))
    return parts


def print_details(console: Console, score: FileScore) -> None:
    """Print `details` of one file."""
    console.print(Group(*details(score)))


# --- JSON -------------------------------------------------------------------------------


def _action_json(action: Action) -> dict[str, Any]:
    return {"id": action.id, "text": action.text, "source": action.source.label()}


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
        "unmatched_gold_actions": [_action_json(a) for a in found.unmatched_gold_actions],
        "unmatched_predicted_actions": [_action_json(a) for a in found.unmatched_predicted_actions],
        "approximate_matches": [
            {"gold": _action_json(g), "predicted": _action_json(p), "score": round(s, 1)}
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
