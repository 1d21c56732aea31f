"""Every hostile file refused by an import leaves the workspace as it was (issue 15).

The readers' own tests (`test_hostile_readers`) check the refusal of each file; here each
one is imported into a workspace that already holds a plan, through the same entry point
as the CLI, the TUI and the API's jobs (`ingest_files`): the import is refused with a
French message naming the file, and the stored documents, their rows and the database
file are byte- and row-identical afterwards. Every file is built here, at test time.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import DocumentTooComplexError, IngestBatchError
from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace
from evals import hostile_inputs as build

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _xlsx_bomb(path: Path) -> Path:
    """A real small workbook plus an entry of 150 MB of zeros (ratio ~1,000)."""
    build.xlsx_rows(path, rows=5)
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package,
        package.open("xl/media/filler.bin", "w") as filler,
    ):
        for _ in range(150):
            filler.write(block)
    return path


def _csv_rows(path: Path) -> Path:
    """A 2 MB CSV of 60,000 rows: past the rows of one table, refused before extraction."""
    rows = ["Action;Responsable;Échéance;Indicateur"]
    rows += [f"Action {n};Direction;2026;Taux {n}" for n in range(60_000)]
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def _html_spans(path: Path) -> Path:
    path.write_text(build.html_spans(cells=50, span=100), encoding="utf-8")
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "bombe.docx": lambda path: build.docx_bomb(path, inflated_mb=150),
    "bombe.xlsx": _xlsx_bomb,
    "large.xlsx": build.xlsx_wide,
    "fusion.xlsx": build.xlsx_huge_merge,
    "operateurs.pdf": lambda path: build.pdf_operator_flood(path, operators=3_000_000),
    "lignes.csv": _csv_rows,
    "fusions.txt": _html_spans,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the demo's SWOT analysis (imported once, copied per case)."""
    root = tmp_path_factory.mktemp("intact") / "espace"
    ingest_files(Workspace.open(root, Settings()), [DEMO / "analyse-swot.md"])
    return root


def _state(workspace: Workspace) -> tuple[object, ...]:
    documents = [(d.id, d.name, d.sha256, d.version) for d in workspace.documents()]
    plans = [plan.model_dump_json() for plan in workspace.plans()]
    database = hashlib.sha256(workspace.database.read_bytes()).hexdigest()
    return documents, plans, workspace.fingerprint(), database


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_refused_hostile_file_leaves_the_workspace_as_it_was(
    name: str, template: Path, tmp_path: Path
) -> None:
    root = tmp_path / "espace"
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("*.lock"))
    workspace = Workspace.open(root, Settings())
    hostile = HOSTILE[name](tmp_path / name)
    before = _state(workspace)

    with pytest.raises(IngestBatchError) as caught:
        ingest_files(workspace, [hostile])

    error = caught.value
    assert [type(failure) for failure in error.failures] == [DocumentTooComplexError]
    message = str(error)
    assert message.startswith("Le fichier n'a pas pu être importé ; l'espace de travail n'a")
    assert f"{name} : " in message and "réessayez" in message
    assert _state(Workspace.open(root, Settings())) == before
