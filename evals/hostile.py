"""``python -m evals.hostile`` (part of ``make bench``): hostile uploads, as the server runs them.

Builds every hostile file of `evals.hostile_inputs` (bombs, floods, quadratic tables) plus a
few ordinary files, and runs each as a background ingestion job (`assistant.store.jobs`),
the path an API upload takes: parsed in a memory-limited worker process, written all or
nothing. Prints, per case, whether it was read or refused (and by which error), how long it
took and whether the workspace was left unchanged; then the counts and the peak memory of
this process (which stands for the server: it runs the jobs) and of the largest worker.

Usage::

    python -m evals.hostile [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.ingest import ingest_files
from assistant.schema import JobState
from assistant.settings import IngestSettings, Settings
from assistant.store import Workspace
from assistant.store.jobs import create_job, new_job_id, run_ingest_job, staging_dir
from evals import hostile_inputs as build
from evals import hostile_pdf

#: The issue's target: the server stays under 1 GB while parsing any upload.
SERVER_PEAK_TARGET_MB = 1024


@dataclass
class Case:
    name: str
    outcome: str  # "read" or "refused"
    error_code: str | None
    seconds: float
    cpu_seconds: float  # the worker's user + system time (wall time means little under load)
    unchanged: bool  # a refused file left the workspace as it was
    french_message: bool


def _text(content: str) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_text(content, encoding="utf-8")
        return path

    return write


DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"
#: A shorter time limit than the default (600 s), so that the bench shows it at work.
JOB_TIMEOUT_SECONDS = 120.0


def _demo(name: str, *, markup: bool = False) -> Callable[[Path], Path]:
    def copy(path: Path) -> Path:
        text_or_bytes = (DEMO / name).read_bytes()
        if markup:
            text = text_or_bytes.decode("utf-8")
            text = text.replace("Créer une", f"Créer {build.MARKUP_INJECTION} une", 1)
            text_or_bytes = text.encode("utf-8")
        path.write_bytes(text_or_bytes)
        return path

    return copy


def _cases() -> list[tuple[str, Callable[[Path], Path]]]:
    return [
        ("bombe.docx", lambda p: build.docx_bomb(p, inflated_mb=1000)),
        ("texte-gonfle.docx", lambda p: build.docx_inflating_text(p, paragraphs=2_000_000)),
        ("lourd.docx", lambda p: build.docx_incompressible(p, megabytes=45)),
        ("plan-action.docx", _demo("plan-action.docx")),
        ("plan-action.xlsx", _demo("plan-action.xlsx")),
        ("colonne-xfd.xlsx", build.xlsx_wide),
        ("fusion-geante.xlsx", build.xlsx_huge_merge),
        ("lignes.xlsx", lambda p: build.xlsx_rows(p, rows=20_000)),
        ("plan-20000.xlsx", lambda p: build.xlsx_plan_rows(p, rows=20_000)),
        ("operateurs.pdf", build.pdf_operator_flood),
        ("formes.pdf", lambda p: hostile_pdf.pdf_form_drawn_many_times(p, invocations=1000)),
        ("formes-gigognes.pdf", lambda p: hostile_pdf.pdf_nested_forms(p, depth=4, fanout=50)),
        ("chiffre-bombe.pdf", lambda p: hostile_pdf.pdf_encrypted_bomb(p, inflated_mb=1000)),
        ("prose.docx", lambda p: build.docx_prose(p, kilobytes=4_000)),
        ("plan-action.pdf", _demo("plan-action.pdf")),
        ("fusions.txt", _text(build.html_growing_spans(rows=300))),
        ("colonnes.txt", _text(build.layout_rows_never_closing(5_000))),
        ("balises.md", _demo("plan-action.md", markup=True)),
    ]


def _why(code: str | None, message: str) -> str | None:
    """The reason of a refusal: a batch of one file says it in its message."""
    if code != "ingest_batch_error":
        return code
    if "refusé par sécurité" in message:
        return "too_complex"
    if "aucun" in message or "ne contient" in message:
        return "no_content"
    return code


def _children_cpu() -> float:
    """CPU seconds of the finished worker processes (a job's parser runs in one)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(directory: Path) -> tuple[list[Case], dict[str, float]]:
    settings = Settings(ingest=IngestSettings(job_timeout_seconds=JOB_TIMEOUT_SECONDS))
    workspace = Workspace.open(directory / "ws", settings)
    made = directory / "files"
    made.mkdir()
    cases: list[Case] = []
    for name, make in _cases():
        path = make(made / name)
        before = [(d.name, d.sha256) for d in workspace.documents()]
        job_id = new_job_id()
        folder = staging_dir(workspace, job_id)
        folder.mkdir(parents=True)
        shutil.copy(path, folder / name)
        path.unlink()
        create_job(workspace, job_id, [name], "bench", "bench")
        start, cpu = time.perf_counter(), _children_cpu()
        job = run_ingest_job(workspace, job_id, "bench", ingest=ingest_files)
        seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
        after = [(d.name, d.sha256) for d in workspace.documents()]
        read = job.state is JobState.SUCCEEDED
        message = job.error_message or ""
        cases.append(
            Case(
                name=name,
                outcome="read" if read else "refused",
                error_code=_why(job.error_code, message),
                seconds=round(seconds, 2),
                cpu_seconds=round(cpu, 2),
                unchanged=read or before == after,
                french_message=read or (name in message and " ; " in message),
            )
        )
    peaks = {
        "server peak RSS MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest worker peak RSS MB": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    return cases, peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-") as directory:
        cases, peaks = run(Path(directory))
    print("Hostile uploads, each run as an ingestion job (parsed in a worker process):")
    for case in cases:
        code = f" ({case.error_code})" if case.error_code else ""
        print(
            f"  {case.name:<22} {case.outcome}{code}, {case.seconds:.1f} s "
            f"(worker CPU {case.cpu_seconds:.1f} s)"
        )
    refused = [c for c in cases if c.outcome == "refused"]
    clean = [c for c in refused if c.unchanged and c.french_message]
    print(
        f"hostile cases: {len(cases)}; refused cleanly: {len(clean)}/{len(refused)}; "
        f"read within bounds: {len(cases) - len(refused)}"
    )
    server = peaks["server peak RSS MB"]
    met = "met" if server < SERVER_PEAK_TARGET_MB else "MISSED"
    print(
        f"server peak RSS: {server:.0f} MB (target < {SERVER_PEAK_TARGET_MB} MB: {met}); "
        f"largest worker: {peaks['largest worker peak RSS MB']:.0f} MB"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"cases": [asdict(c) for c in cases], **peaks}, indent=2),
            encoding="utf-8",
        )
    return 0 if len(clean) == len(refused) and server < SERVER_PEAK_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
