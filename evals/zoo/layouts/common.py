"""Pieces every layout builder uses: the title block and the layout record."""

from __future__ import annotations

from evals.zoo.model import Block, GoldBook, Layout, Paragraph


def title_blocks(title: str, institution: str, programme: str, subtitle: str) -> list[Block]:
    """Title, institution and programme lines as they open most plans."""
    return [
        Paragraph(title, style="title"),
        Paragraph(institution, bold=True),
        Paragraph(programme),
        Paragraph(subtitle),
    ]


def layout(
    name: str,
    book: GoldBook,
    blocks: list[Block],
    *,
    institution: str,
    programme: str,
    plan_date: str,
    notes: str,
    landscape: bool = False,
) -> Layout:
    """The `Layout` with its gold file (document name ``<name>.docx``)."""
    return Layout(
        name=name,
        institution=institution,
        programme=programme,
        plan_date=plan_date,
        blocks=tuple(blocks),
        gold=book.file(name, institution, programme, plan_date, notes),
        landscape=landscape,
    )


def joined(values: list[str] | tuple[str, ...]) -> str | None:
    """Several lines of one cell as the gold writes them ("a; b"), None when empty."""
    return "; ".join(values) if values else None
