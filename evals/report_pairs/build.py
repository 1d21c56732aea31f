"""Render the report pairs of `specs.py`: reports as Word files and the PDFs LibreOffice
exports from them, plans as DOCX/XLSX/Markdown, and each pair's ``gold.json``.

Usage (needs LibreOffice; the rendered files are committed so that CI does not)::

    python -m evals.report_pairs.build [NAME ...]   # only the named pairs

Reports use Word heading styles and real Word numbering (``w:numPr``, restarted for every
list), as a committee's secretary writes them. Page numbers of the recommendations (for
plans citing « Rp.6 - 1 » or « p.9 ») are read back from the exported PDF, then the plans
are written with them.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from evals.report_pairs.specs import CRITERIA, PAIRS, Spec
from evals.report_pairs.specs_hedged import DIETETIQUE
from evals.report_pairs.specs_hedged_dashes import SCIENCES_POLITIQUES
from evals.report_pairs.specs_hedged_global import GESTION_PUBLIQUE
from evals.report_pairs.specs_hedged_page import SAGE_FEMME
from evals.report_pairs.specs_hedged_prose import ERGOTHERAPIE
from evals.report_pairs.specs_hedged_table import ELECTROMECANIQUE
from evals.report_pairs.specs_more import MORE_PAIRS
from evals.report_pairs.specs_outcomes import OUTCOME_PAIRS
from evals.report_pairs.specs_semantic import SEMANTIC_PAIRS
from evals.report_pairs.specs_styles import STYLE_PAIRS
from evals.report_pairs.specs_voices import VOICE_PAIRS

HEDGED_PAIRS = (
    DIETETIQUE,
    ERGOTHERAPIE,
    GESTION_PUBLIQUE,
    ELECTROMECANIQUE,
    SAGE_FEMME,
    SCIENCES_POLITIQUES,
)
ALL_PAIRS = (
    PAIRS + SEMANTIC_PAIRS + MORE_PAIRS + STYLE_PAIRS + VOICE_PAIRS + OUTCOME_PAIRS + HEDGED_PAIRS
)

HERE = Path(__file__).parent
PAIRS_DIR = HERE / "pairs"
_OWNERS = (
    "Coordination qualité",
    "Direction de département",
    "Responsable de section",
    "Conseil pédagogique",
    "Coordinateur·rice des stages",
)
_DEADLINES = ("2025-2026", "juin 2026", "Q1 2027", "septembre 2025", "2026-2027")
_INDICATORS = (
    "Document adopté en conseil",
    "Nombre de participants",
    "Taux de satisfaction ≥ 70 %",
    "Procès-verbal publié",
    "Calendrier diffusé",
)


# ----------------------------------------------------------------------------- identity
def recommendations(spec: Spec) -> list[dict[str, Any]]:
    """The report's recommendations with their identities (page filled in later)."""
    out: list[dict[str, Any]] = []
    for k, rec in enumerate(spec.get("synthesis", []), 1):
        out.append({"id": rec["id"], "text": rec["text"], "kind": "principal", "principal": k})
    running = 0
    for chapter in spec["chapters"]:
        for n, rec in enumerate(chapter["recommendations"], 1):
            running += 1
            out.append(
                {
                    "id": rec["id"],
                    "text": rec["text"],
                    "kind": "chapter",
                    "criterion": chapter["criterion"],
                    "number": n,
                    "global_number": running,
                }
            )
    return out


def findings(spec: Spec) -> list[dict[str, Any]]:
    return [
        {"kind": kind, "criterion": chapter["criterion"], "text": text}
        for chapter in spec["chapters"]
        for kind, key in (("strength", "forces"), ("improvement", "improvements"))
        for text in chapter[key]
    ]


# ------------------------------------------------------------------------ Word numbering
def _restarted_list(document: WordDocument, style: str) -> int:
    """A new w:num on the abstract numbering of `style`, restarting at 1; its numId."""
    numbering = document.part.numbering_part.element
    style_element = document.styles[style].element
    style_num = style_element.pPr.numPr.numId.val
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def _list(document: WordDocument, items: list[str], *, numbered: bool) -> None:
    style = "List Number" if numbered else "List Bullet"
    num_id = _restarted_list(document, style) if numbered else None
    for text in items:
        paragraph = document.add_paragraph(text, style=style)
        if num_id is not None:
            p_pr = paragraph._p.get_or_add_pPr()
            num_pr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), "0")
            num = OxmlElement("w:numId")
            num.set(qn("w:val"), str(num_id))
            num_pr.append(ilvl)
            num_pr.append(num)
            p_pr.append(num_pr)


def _page_break(document: WordDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- the report
_SECTION_TITLES = {
    "default": ("Forces principales", "Points d'amélioration", "Recommandations"),
    "vigilance_dashes": ("Points forts", "Points de vigilance", "Nos recommandations"),
    "prioritaires_atouts": ("Atouts", "Points faibles", "Recommandations"),
    "positifs_faiblesses": ("Points positifs", "Faiblesses", "Recommandations du comité"),
}


_QUOTE_INTROS = ("Le comité formule la recommandation suivante :", "Il recommande dès lors :")


def write_report(spec: Spec, path: Path, page_numbers: dict[str, int] | None = None) -> None:
    """The report as a Word file.

    Args:
        page_numbers: for the « per_page » style, each recommendation's number among those
            of its page (from a first rendering; 1 for all when unknown).
    """
    style = spec["style"]
    document = docx.Document()
    document.add_heading(spec["title"], level=0)
    document.add_paragraph(f"{spec['institution']} — Évaluation AEQES 2024-2025")
    numbered_headings = style in ("global", "criterion_numbered_headings")
    chapter_number = 1

    def heading(text: str) -> None:
        nonlocal chapter_number
        label = f"{chapter_number}. {text}" if numbered_headings else text
        chapter_number += 1
        document.add_heading(label, level=1)

    heading("Introduction")
    document.add_paragraph(
        "Le comité des experts a visité l'établissement et rencontré les autorités, les "
        "enseignants, les étudiants, des diplômés et des représentants du monde "
        "professionnel. Le rapport suit les critères du référentiel AEQES."
    )
    if spec.get("synthesis"):
        heading("Synthèse de l'évaluation")
        document.add_paragraph(
            "Le comité retient les recommandations principales suivantes, développées dans "
            "les chapitres consacrés à chaque critère."
        )
        principal_title = (
            "Recommandations prioritaires"
            if style == "prioritaires_atouts"
            else "Recommandations principales"
        )
        document.add_heading(principal_title, level=2)
        texts = [rec["text"] for rec in spec["synthesis"]]
        if style == "synthesis_numbered":
            for k, text in enumerate(texts, 1):
                document.add_paragraph(f"Recommandation principale n°{k} : {text}")
        else:
            _list(document, texts, numbered=True)
    if numbered_headings:
        heading("Méthodologie")
        document.add_paragraph(
            "Les constats s'appuient sur le dossier d'autoévaluation et sur les entretiens."
        )
    running = 0
    for index, chapter in enumerate(spec["chapters"]):
        if style != "per_page" or index == 0:  # per page: chapters run on
            _page_break(document)
        criterion = chapter["criterion"]
        heading(f"Critère {criterion} : {CRITERIA[criterion]}")
        document.add_heading("Constats et analyses", level=2)
        document.add_paragraph(chapter["constats"])
        if style == "constats_quoted":
            for k, rec in enumerate(chapter["recommendations"]):
                document.add_paragraph(_QUOTE_INTROS[k % len(_QUOTE_INTROS)])
                document.add_paragraph(f"« {rec['text'].rstrip('.')} »")
        titles = _SECTION_TITLES.get(style, _SECTION_TITLES["default"])
        document.add_heading(titles[0], level=2)
        _list(document, chapter["forces"], numbered=False)
        document.add_heading(titles[1], level=2)
        _list(document, chapter["improvements"], numbered=False)
        if style in ("summary_only", "constats_quoted"):
            continue  # recommendations in the final table, or quoted in the constats
        document.add_heading(titles[2], level=2)
        texts = [rec["text"] for rec in chapter["recommendations"]]
        if style == "per_page":
            for rec in chapter["recommendations"]:
                number = (page_numbers or {}).get(rec["id"], 1)
                document.add_paragraph(f"{number}. {rec['text']}")
        elif style == "vigilance_dashes":
            # dashes typed by the secretary, one paragraph per recommendation (no Word list)
            for text in texts:
                document.add_paragraph(f"– {text}")
        elif style == "global":
            for text in texts:
                running += 1
                document.add_paragraph(f"Recommandation {running} : {text}")
        elif style in ("criterion_bullets", "synthesis_bullets"):
            _list(document, texts, numbered=False)
        else:
            _list(document, texts, numbered=True)
    if style == "summary_only":
        _page_break(document)
        heading("Tableau récapitulatif des recommandations")
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        titles4 = ("Critère", "N°", "Recommandation", "Degré d'urgence")
        for cell, title in zip(table.rows[0].cells, titles4, strict=True):
            cell.text = title
        for chapter in spec["chapters"]:
            for n, rec in enumerate(chapter["recommendations"], 1):
                row = table.add_row().cells
                row[0].text = f"Critère {chapter['criterion']}"
                row[1].text = str(n)
                row[2].text = rec["text"]
                row[3].text = "**" if n == 1 else "*"
    elif spec.get("summary_table"):
        _page_break(document)
        heading("Tableau récapitulatif des recommandations")
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, title in zip(
            table.rows[0].cells, ("Critère", "Recommandations", "Degré d'urgence"), strict=True
        ):
            cell.text = title
        for chapter in spec["chapters"]:
            row = table.add_row().cells
            row[0].text = f"Critère {chapter['criterion']}"
            row[1].text = "\n".join(
                f"{n}. {rec['text']}" for n, rec in enumerate(chapter["recommendations"], 1)
            )
            row[2].text = "**"
    heading("Conclusion")
    document.add_paragraph(
        "Le comité remercie l'établissement pour la qualité de l'accueil et des échanges."
    )
    document.save(str(path))


def export_pdf(source: Path) -> Path:
    """The PDF LibreOffice exports from `source` (beside it)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(source.parent),
                str(source),
            ],
            check=True,
            capture_output=True,
        )
    return source.with_suffix(".pdf")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def locate_pages(pdf: Path, recs: list[dict[str, Any]]) -> None:
    """Fill each recommendation's page and its index among the recommendations of its page."""
    # Layout mode keeps paragraphs whole; a table cell's lines come out whole in reading
    # order (a report whose recommendations are in a table only).
    readings = [
        [
            _squash(page)
            for page in subprocess.run(
                ["pdftotext", *mode, str(pdf), "-"], check=True, capture_output=True, text=True
            ).stdout.split("\f")
        ]
        for mode in (["-layout"], [])
    ]
    flat = readings[0]
    searched_from = 0
    per_page: dict[int, int] = {}
    for rec in recs:
        probe = _squash(rec["text"])[:35]
        for number in range(searched_from, len(flat)):
            if any(probe in reading[number] for reading in readings):
                rec["page"] = number + 1
                per_page[number + 1] = per_page.get(number + 1, 0) + 1
                rec["page_index"] = per_page[number + 1]
                searched_from = number
                break
        else:
            raise RuntimeError(f"{pdf.name}: recommendation not found in the PDF: {probe}")


# ----------------------------------------------------------------------------- the plan
def references(action: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """How the plan cites what the action answers (empty: it cites nothing)."""
    cite = action.get("cite")
    if cite is None:
        return []
    if cite == "criterion_only":
        return ["Critère 1.2.1"]
    if cite == "bogus":
        return ["Critère 4, Recommandation 9"]
    recs = [by_id[rec_id] for rec_id in action["answers"]]
    principal = [r for r in recs if r["kind"] == "principal"]
    chapter = [r for r in recs if r["kind"] == "chapter"]
    out: list[str] = []
    if len(principal) > 1:
        numbers = " et ".join(f"n°{r['principal']}" for r in principal)
        out.append(f"Recommandations principales {numbers} (synthèse)")
    elif principal:
        out.append(f"Recommandation principale n°{principal[0]['principal']} (synthèse)")
    for rec in chapter:
        if cite == "short":
            out.append(f"C{rec['criterion']}-R{rec['number']}")
        elif cite in ("rp", "principal_pair"):
            out.append(f"Rp.{rec['page']} - {rec['page_index']}")
        elif cite == "global_page" or cite == "quote":
            out.append(f"(Recommandation n° {rec['global_number']}, p.{rec['page']})")
        else:
            out.append(f"Critère {rec['criterion']}, Recommandation {rec['number']}")
    return out


_HEADER_CITING = ["Référence", "Objectif", "Action", "Responsable", "Échéance", "Indicateurs"]
_HEADER_SEMANTIC = ["Axe", "Objectif", "Action", "Responsable", "Échéance", "Indicateurs"]
#: A plan naming, for each action, the AEQES criterion it serves and no recommendation.
_HEADER_CRITERION = ["Critère", "Objectif", "Action", "Responsable", "Échéance", "Indicateurs"]


def _rows(spec: Spec, actions: list[dict[str, Any]], citing: bool) -> list[list[str]]:
    rows = []
    for n, action in enumerate(actions):
        if citing:
            lead = " ; ".join(action["references"])
        elif spec["plan"].get("criterion_column"):
            lead = f"Critère {action['criterion']}"
        else:
            lead = action.get("axis", "")
        rows.append(
            [
                lead,
                action["objective"],
                action["text"],
                _OWNERS[n % len(_OWNERS)],
                _DEADLINES[n % len(_DEADLINES)],
                _INDICATORS[n % len(_INDICATORS)],
            ]
        )
    return rows


def write_plan(spec: Spec, actions: list[dict[str, Any]], path: Path) -> None:
    citing = any(a.get("cite") for a in actions)
    header = _HEADER_CITING if citing else _HEADER_SEMANTIC
    if not citing and spec["plan"].get("criterion_column"):
        header = _HEADER_CRITERION
    rows = _rows(spec, actions, citing)
    title = f"Plan d'action — {spec['title'].split('— ', 1)[-1]}"
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Plan d'action"
        sheet.append([title])
        sheet.append([])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(path)
    elif path.suffix == ".docx":
        document = docx.Document()
        document.add_heading(title, level=0)
        document.add_paragraph(f"{spec['institution']} — réponse au rapport des experts")
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        document.save(str(path))
    else:
        path.write_text(_markdown_plan(title, spec, header, actions, rows), encoding="utf-8")


def _markdown_plan(
    title: str, spec: Spec, header: list[str], actions: list[dict[str, Any]], rows: list[list[str]]
) -> str:
    lines = [f"# {title}", "", f"{spec['institution']} — réponse au rapport des experts", ""]

    def table(chunk: list[list[str]]) -> None:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines.extend("| " + " | ".join(row) + " |" for row in chunk)
        lines.append("")

    # Rows citing their reference first, then the quoted recommendations with the actions
    # under each: an action placed under a quote answers it, whatever follows.
    pairs = list(zip(actions, rows, strict=True))
    citing = [row for action, row in pairs if action.get("cite") != "quote"]
    if citing:
        table(citing)
    for action, row in pairs:
        if action.get("cite") == "quote":
            lines.append(f"« {action['quoted']} » {action['references'][0]}")
            lines.append("")
            table([["", *row[1:]]])
    return "\n".join(lines)


# ------------------------------------------------------------------------------- a pair
def build_pair(spec: Spec, split: str) -> dict[str, Any]:
    folder = PAIRS_DIR / spec["name"]
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "rapport.docx"
    write_report(spec, report)
    pdf = export_pdf(report)
    recs = recommendations(spec)
    locate_pages(pdf, recs)
    if spec["style"] == "per_page":  # number them per page, then check the pages held
        numbers = {rec["id"]: rec["page_index"] for rec in recs}
        write_report(spec, report, numbers)
        pdf = export_pdf(report)
        recs = recommendations(spec)
        locate_pages(pdf, recs)
        if {rec["id"]: rec["page_index"] for rec in recs} != numbers:
            raise RuntimeError(f"{spec['name']}: the pages moved when numbered")
    by_id = {rec["id"]: rec for rec in recs}
    actions = []
    for action in spec["plan"]["actions"]:
        entry = copy.deepcopy(action)
        entry["references"] = references(action, by_id)
        if action.get("cite") == "quote":
            entry["quoted"] = by_id[action["answers"][0]]["text"].rstrip(".")
        actions.append(entry)
    plan = folder / f"plan.{spec['plan']['format']}"
    write_plan(spec, actions, plan)
    answered = {rec_id for action in actions for rec_id in action["answers"]}
    gold = {
        "name": spec["name"],
        "split": split,
        "report": {"docx": report.name, "pdf": pdf.name},
        "plan": plan.name,
        "recommendations": recs,
        "findings": findings(spec),
        "actions": [
            {
                "text": a["text"],
                "objective": a["objective"],
                "answers": a["answers"],
                "references": a["references"],
                "cite": a.get("cite"),
            }
            for a in actions
        ],
        "coverage": {rec["id"]: rec["id"] in answered for rec in recs},
        "unresolved_references": [
            ref for a in actions if a.get("cite") == "bogus" for ref in a["references"]
        ],
        "criterion_references": [
            ref for a in actions if a.get("cite") == "criterion_only" for ref in a["references"]
        ],
    }
    gold["stem_overlap"] = stem_overlap(gold)
    (folder / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return gold


def stem_overlap(gold: dict[str, Any]) -> dict[str, float]:
    """Per recommendation: share of its content stems found in the actions answering it."""
    from assistant.retrieval.french import StemTokenizer

    tokenize = StemTokenizer().tokenize
    out: dict[str, float] = {}
    for rec in gold["recommendations"]:
        answering = [a for a in gold["actions"] if rec["id"] in a["answers"]]
        if not answering:
            continue
        wanted = set(tokenize(rec["text"]))
        found = set(tokenize(" ".join(a["text"] for a in answering)))
        out[rec["id"]] = round(len(wanted & found) / max(1, len(wanted)), 3)
    return out


def main(names: list[str]) -> None:
    """Render the named pairs (all when none is named: LibreOffice re-renders the PDFs)."""
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    for spec in ALL_PAIRS:
        if names and spec["name"] not in names:
            continue
        which = "aside" if spec["name"] in split["aside"] else "in_sample"
        gold = build_pair(spec, which)
        overlaps = list(gold["stem_overlap"].values())
        mean = sum(overlaps) / max(1, len(overlaps))
        print(f"{spec['name']:28} {which:9} recs={len(gold['recommendations'])} overlap={mean:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
