"""Regenerate the zoo's rendered files: ``python -m evals.zoo.build``.

For each layout of `evals.zoo.layouts.LAYOUTS`, writes under ``evals/zoo/rendered/<name>/``:

* ``<name>.docx`` — python-docx, real Word numbering and merges (`evals.zoo.docx_render`);
* ``<name>.xlsx`` — openpyxl, real merged cells (`evals.zoo.xlsx_render`);
* ``<name>.pdf`` — what ``soffice --headless --convert-to pdf`` exports from that DOCX;
* ``<name>.txt``, ``<name>.layout.txt`` and ``<name>.raw.txt`` — ``pdftotext`` of that
  PDF, in its default reading-order mode, with ``-layout``, and with ``-raw`` (content
  order: a table's cells row after row, the "flattened" text many converters give);
* ``<name>.office.txt`` — the DOCX saved as text by LibreOffice (« Enregistrer sous… Texte »,
  ``--convert-to txt``), the way a coordinator gets a text file out of Word: one paragraph or
  table cell a line, a merged cell's covered rows as empty lines;
* ``<name>.tsv.txt`` — the text a document converter draws from the Word file, as the shared
  seeds were drawn: Markdown paragraphs and lists, each table row on one line with its cells
  separated by TAB characters (`evals.zoo.markdown_render`, from the layout itself);
* ``gold.json`` — the layout's gold, in the shape of ``../shared/gold/*.json``.

The files are committed, so tests and CI need neither LibreOffice nor poppler. Without
``soffice`` or ``pdftotext`` the PDF and text forms are skipped with a message. LibreOffice
runs with a private profile so that it does not collide with another instance.

Usage::

    python -m evals.zoo.build [--only NAME ...] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from evals.zoo.docx_render import docx_bytes
from evals.zoo.layouts import LAYOUTS
from evals.zoo.markdown_render import markdown_text
from evals.zoo.model import Layout
from evals.zoo.xlsx_render import xlsx_bytes

ZOO = Path(__file__).resolve().parent
RENDERED = ZOO / "rendered"
SPLIT = ZOO / "split.json"

#: The forms a coordinator holds, by the format key the evaluation reports.
FORMATS: dict[str, str] = {
    "docx": "{name}.docx",
    "pdf": "{name}.pdf",
    "xlsx": "{name}.xlsx",
    "txt": "{name}.txt",
    "txt-layout": "{name}.layout.txt",
    "txt-raw": "{name}.raw.txt",
    "txt-office": "{name}.office.txt",
    "txt-tsv": "{name}.tsv.txt",
}
#: Keep the committed renderings small.
SIZE_LIMIT_BYTES = 15 * 1024 * 1024


def rendered_file(name: str, fmt: str, root: Path = RENDERED) -> Path:
    """Path of one rendered form of one layout."""
    return root / name / FORMATS[fmt].format(name=name)


def gold_path(name: str, root: Path = RENDERED) -> Path:
    return root / name / "gold.json"


def gold_json(layout: Layout) -> str:
    """The layout's gold file as written to ``gold.json``."""
    return json.dumps(layout.gold.model_dump(), ensure_ascii=False, indent=1) + "\n"


def write_sources(layout: Layout, root: Path) -> Path:
    """Write the DOCX, XLSX and gold of one layout; returns its DOCX."""
    directory = root / layout.name
    directory.mkdir(parents=True, exist_ok=True)
    docx_path = rendered_file(layout.name, "docx", root)
    docx_path.write_bytes(docx_bytes(layout))
    rendered_file(layout.name, "xlsx", root).write_bytes(xlsx_bytes(layout))
    rendered_file(layout.name, "txt-tsv", root).write_text(markdown_text(layout), encoding="utf-8")
    gold_path(layout.name, root).write_text(gold_json(layout), encoding="utf-8")
    return docx_path


def export_pdfs(docx_files: Sequence[Path], soffice: str) -> None:
    """Convert every DOCX to PDF next to it in one LibreOffice run."""
    _convert(docx_files, soffice, "pdf", ".pdf")


def export_office_texts(docx_files: Sequence[Path], soffice: str) -> None:
    """Save every DOCX as UTF-8 text next to it, as LibreOffice's text export writes it."""
    _convert(docx_files, soffice, "txt:Text (encoded):UTF8", ".office.txt")


def _convert(docx_files: Sequence[Path], soffice: str, target: str, suffix: str) -> None:
    """One LibreOffice run converting every DOCX to `target`, each result next to its DOCX."""
    extension = "." + target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="zoo-lo-") as scratch:
        profile = Path(scratch) / "profile"
        out = Path(scratch) / "out"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        for docx_file in docx_files:
            shutil.move(out / f"{docx_file.stem}{extension}", docx_file.with_suffix(suffix))


def export_texts(pdf: Path, name: str, root: Path, pdftotext: str) -> None:
    """``pdftotext`` in its default mode, with ``-layout`` and with ``-raw``."""
    for fmt, flags in (("txt", []), ("txt-layout", ["-layout"]), ("txt-raw", ["-raw"])):
        target = rendered_file(name, fmt, root)
        subprocess.run([pdftotext, *flags, "-enc", "UTF-8", str(pdf), str(target)], check=True)


def build(names: Sequence[str], root: Path = RENDERED) -> list[str]:
    """Render the named layouts; returns what was skipped and why."""
    skipped: list[str] = []
    docx_files = [write_sources(LAYOUTS[name](), root) for name in names]
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None:
        skipped.append("soffice (LibreOffice) not found: PDF and text forms NOT regenerated")
        return skipped
    export_pdfs(docx_files, soffice)
    export_office_texts(docx_files, soffice)
    if pdftotext is None:
        skipped.append("pdftotext (poppler-utils) not found: text forms NOT regenerated")
        return skipped
    for name, docx_file in zip(names, docx_files, strict=True):
        export_texts(docx_file.with_suffix(".pdf"), name, root, pdftotext)
    return skipped


def total_size(root: Path = RENDERED) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the layout zoo's rendered files.")
    parser.add_argument("--only", action="append", choices=sorted(LAYOUTS), help="one layout")
    parser.add_argument("--out", type=Path, default=RENDERED, help="output directory")
    args = parser.parse_args(argv)
    names = args.only or list(LAYOUTS)
    for message in build(names, args.out):
        print(f"SKIPPED: {message}", file=sys.stderr)
    size = total_size(args.out)
    print(f"{len(names)} layouts rendered in {args.out} ({size / 1024 / 1024:.1f} MB in total)")
    if size > SIZE_LIMIT_BYTES:
        print(
            f"WARNING: rendered files exceed {SIZE_LIMIT_BYTES // 1024 // 1024} MB", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
