"""The layout zoo is sound test data: gold, rendered files, split, and its scoring.

These tests check the zoo itself, not the parser's figures on it (those are reported by
``python -m evals.zoo_eval``; floors are added once the extraction rewrite lands).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from assistant.readers import read_document
from assistant.schema import Action, Plan, Span
from assistant.settings import Settings
from evals.gold import gold_to_plan, load_gold
from evals.zoo.build import FORMATS, RENDERED, SPLIT, gold_json, gold_path, rendered_file
from evals.zoo.docx_render import docx_bytes
from evals.zoo.layouts import LAYOUTS
from evals.zoo.markdown_render import markdown_text
from evals.zoo.model import (
    Cell,
    Layout,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    list_cell,
    text_cell,
)
from evals.zoo_eval import ZOO_TARGETS, aggregate, evaluate_zoo, exact, load_split

NAMES = sorted(LAYOUTS)


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_consistent_and_committed(name: str) -> None:
    layout = LAYOUTS[name]()
    gold = load_gold(gold_path(name))  # raises on an address to an unknown recommendation
    assert 8 <= len(gold.actions) <= 30
    assert all(action.text.strip() for action in gold.actions)
    assert len({a.id for a in gold.actions}) == len(gold.actions)
    assert len({r.id for r in gold.recommendations}) == len(gold.recommendations)
    assert gold_path(name).read_text(encoding="utf-8") == gold_json(layout), (
        f"{name}: committed gold differs from its builder; run `python -m evals.zoo.build`"
    )


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_rendered_file_is_readable(name: str, fmt: str) -> None:
    path = rendered_file(name, fmt)
    assert path.is_file(), f"{path} missing: run `python -m evals.zoo.build`"
    document = read_document(path, Settings().ingest)
    text = document.text()
    # The first action's opening words are in every form (text forms may wrap it).
    first = LAYOUTS[name]().gold.actions[0].text.split()[:3]
    assert " ".join(first) in " ".join(text.split())


def test_split_covers_every_layout_once_with_a_third_aside() -> None:
    in_sample, aside = load_split()
    assert sorted(in_sample + aside) == NAMES
    assert len(set(in_sample + aside)) == len(in_sample) + len(aside)
    assert len(NAMES) >= 21
    assert 0.28 <= len(aside) / len(NAMES) <= 0.40
    assert json.loads(SPLIT.read_text(encoding="utf-8"))["rule"]


@pytest.mark.parametrize("name", NAMES)
def test_rebuilding_a_docx_gives_the_same_text(name: str, tmp_path: Path) -> None:
    rebuilt = tmp_path / f"{name}.docx"
    rebuilt.write_bytes(docx_bytes(LAYOUTS[name]()))
    settings = Settings().ingest
    committed = read_document(rendered_file(name, "docx"), settings)
    assert read_document(rebuilt, settings).text() == committed.text()


@pytest.mark.parametrize("name", NAMES)
def test_the_converter_text_is_the_committed_one(name: str) -> None:
    assert markdown_text(LAYOUTS[name]()) == rendered_file(name, "txt-tsv").read_text("utf-8")


def test_converter_text_writes_rows_on_a_line_and_merged_cells_once() -> None:
    table = Table(
        (
            (text_cell("Objectif"), text_cell("Action"), text_cell("Qui")),
            (
                text_cell("Accueillir", rowspan=2),
                list_cell(["Ouvrir un local", "Prêter des portables"]),
                text_cell("Direction", "Service social"),
            ),
            (None, text_cell("Publier un guide"), text_cell("Cellule")),
        )
    )
    numbered = ListBlock((ListItem("Aider les étudiants"), ListItem("Anticiper")), "paren")
    layout = Layout(
        "t", "HE", "Bachelier", "2025",
        (Paragraph("Plan", style="title"), Paragraph("suivi", label="Objet :"), numbered, table),
        gold=LAYOUTS[NAMES[0]]().gold,
    )  # fmt: skip
    assert markdown_text(layout) == (
        "# Plan\n\n**Objet :** suivi\n\n- 1) Aider les étudiants\n- 2) Anticiper\n\n"
        "Objectif\tAction\tQui\n"
        "Accueillir\t-Ouvrir un local -Prêter des portables\tDirection Service social\n"
        "\tPublier un guide\tCellule\n"
    )


def _document_xml(name: str) -> str:
    with zipfile.ZipFile(rendered_file(name, "docx")) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "items-numerotes-par-instance",
        "liste-multiniveau",
        "puces-dans-cellules",
        "numerotation-axes-objectifs",
        "recommandations-gras-champs-en-ligne",
    ],
)
def test_lists_are_real_word_numbering(name: str) -> None:
    xml = _document_xml(name)
    assert "<w:numPr>" in xml
    with zipfile.ZipFile(rendered_file(name, "docx")) as archive:
        numbering = archive.read("word/numbering.xml").decode("utf-8")
    assert "<w:abstractNum " in numbering
    # Numbers are Word's, never typed into the text.
    assert "1. Désigner" not in xml and ">1.<" not in xml


@pytest.mark.parametrize(
    ("name", "mark"),
    [
        ("paysage-fusions-verticales", "<w:vMerge/>"),
        ("recommandation-texte-fusionnee", '<w:vMerge w:val="restart"/>'),
        ("recommandations-en-bandeau", "<w:gridSpan "),
        ("entete-deux-niveaux", "<w:gridSpan "),
        ("recommandations-lignes-pleine-largeur", "<w:gridSpan "),
        ("paysage-entete-groupee", '<w:vMerge w:val="restart"/>'),
        ("recommandations-bandeaux-semestres", "<w:gridSpan "),
        ("entete-fusionnee-responsabilites", "<w:gridSpan "),
        ("entete-fusionnee-responsabilites", '<w:vMerge w:val="restart"/>'),
        ("faiblesses-swot-budget-partenaires", '<w:vMerge w:val="restart"/>'),
        ("constats-objectifs-moyens", '<w:vMerge w:val="restart"/>'),
        ("responsable-fusionne-partenaires", '<w:vMerge w:val="restart"/>'),
    ],
)
def test_merges_are_real_word_merges(name: str, mark: str) -> None:
    assert mark in _document_xml(name)


def test_a_grid_whose_spans_and_holes_disagree_is_rejected() -> None:
    wide: Cell = text_cell("a", colspan=2)
    with pytest.raises(ValueError):
        Table(((wide, text_cell("b")), (text_cell("c"), text_cell("d"))))
    with pytest.raises(ValueError):
        Table(((text_cell("a"), None), (text_cell("c"), text_cell("d"))))


def test_exact_fields_forgive_only_case_spacing_and_punctuation() -> None:
    gold = Action(
        id="A1",
        document_id="d",
        text="x",
        owner="Direction; CAP",
        deadline="Juin 2025",
        source=Span(file="plan.docx", line_start=1, line_end=1, excerpt="x"),
    )
    assert exact(gold, gold.model_copy(update={"owner": "direction ,  CAP"}), "owner")
    assert not exact(gold, gold.model_copy(update={"owner": "Direction CAP Juin 2025"}), "owner")
    assert not exact(gold, gold.model_copy(update={"owner": None}), "owner")
    assert not exact(gold, gold.model_copy(update={"deadline": "Juin 2025; Mars 2026"}), "deadline")
    assert exact(
        gold.model_copy(update={"owner": None}), gold.model_copy(update={"owner": ""}), "owner"
    )


def _gold_plan(path: Path) -> Plan:
    return gold_to_plan(load_gold(gold_path(path.parent.name)))


def test_a_perfect_parser_meets_every_target_everywhere() -> None:
    forms = evaluate_zoo(lambda path, settings: _gold_plan(path))
    assert len(forms) == len(NAMES) * len(FORMATS)
    for aside in (False, True):
        total = aggregate(forms, aside)
        assert total.missed() == []
        assert total.silent == total.refused == 0
        figures = total.figures()
        assert all(figures[key] == 1.0 for key in ZOO_TARGETS if figures[key] is not None)


def test_a_refusal_scores_zero_and_a_quiet_bad_parse_is_silent() -> None:
    def parser(path: Path, settings: Settings) -> Plan:
        plan = _gold_plan(path)
        if path.suffix == ".xlsx":
            raise ValueError("refused")
        if path.suffix == ".pdf":  # owners bleed, no warning
            actions = [a.model_copy(update={"owner": f"{a.owner} Direction"}) for a in plan.actions]
            return plan.model_copy(update={"actions": actions})
        return plan

    forms = evaluate_zoo(parser)
    refused = [f for f in forms if f.error]
    assert {f.fmt for f in refused} == {"xlsx"} and all(
        f.score.counts.actions.tp == 0 for f in refused
    )
    silent = {f.fmt for f in forms if f.silent}
    assert silent == {"pdf"}
    assert RENDERED.is_dir()
