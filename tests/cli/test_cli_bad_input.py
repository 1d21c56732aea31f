"""Every bad input: one clear message naming the file, exit code 1, the workspace untouched."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from assistant.cli.app import app

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"


def _snapshot(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _corrupt_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)


def _encrypted_pdf(path: Path) -> None:
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 720, "Plan d'action confidentiel")
    pdf.save()


def _zip_not_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/vacances.jpg", b"\xff\xd8\xff" + b"0" * 100)


def _huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk


def _no_header_sheet(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in range(1, 20):
        sheet.append([row, row * 3.5, row % 7])
    book.save(path)


def _garbage(path: Path) -> None:
    path.write_bytes(bytes((i * 97) % 256 for i in range(4096)))


def _english(path: Path) -> None:
    path.write_text(
        "# Annual report\n\nThe committee visited the department and met with the staff. "
        "It was pleased with the quality of the teaching and the commitment of the team. "
        "The students said that they were satisfied with the programme and that the labs "
        "are well equipped. This report is for the board and it is not an action plan.\n",
        encoding="utf-8",
    )


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("vide.md", _empty, "vide"),
    ("plan.odt", lambda p: p.write_text("x"), "format"),
    ("corrompu.pdf", _corrupt_pdf, "PDF"),
    ("protege.pdf", _encrypted_pdf, "mot de passe"),
    ("faux.docx", _zip_not_docx, "docx"),
    ("enorme.pdf", _huge, "Mo"),
    ("chiffres.xlsx", _no_header_sheet, "en-tête"),
    ("binaire.txt", _garbage, "texte"),
    ("english.md", _english, "anglais"),
]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    directory = tmp_path / "ws"
    result = CliRunner().invoke(
        app, ["ingest", str(CORPUS / "analyse-swot.md"), "-w", str(directory)]
    )
    assert result.exit_code == 0, result.output
    return directory


@pytest.mark.parametrize(("name", "make", "hint"), CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_refused_clearly_and_changes_nothing(
    name: str, make: Callable[[Path], None], hint: str, workspace: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "inbox" / name
    bad.parent.mkdir()
    make(bad)
    before = _snapshot(workspace)

    result = CliRunner().invoke(app, ["ingest", str(bad), "-w", str(workspace)])

    assert result.exit_code == 1
    assert name in result.output
    assert hint.casefold() in result.output.casefold()
    assert "Traceback" not in result.output
    assert _snapshot(workspace) == before


def test_one_bad_file_in_a_batch_imports_nothing(workspace: Path, tmp_path: Path) -> None:
    bad = tmp_path / "vide.md"
    bad.write_bytes(b"")
    before = _snapshot(workspace)
    result = CliRunner().invoke(
        app, ["ingest", str(CORPUS / "plan-action.md"), str(bad), "-w", str(workspace)]
    )
    assert result.exit_code == 1
    assert "vide.md" in result.output
    assert _snapshot(workspace) == before


def test_parse_of_a_bad_file_exits_non_zero_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "binaire.txt"
    _garbage(bad)
    result = CliRunner().invoke(app, ["parse", str(bad), "--format", "json"])
    assert result.exit_code == 1
    assert "binaire.txt" in result.output
