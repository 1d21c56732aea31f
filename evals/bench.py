"""``make bench``: what plan-assistant costs on this machine, and how it grows with the corpus.

Runs each scenario of `evals.bench_scenarios` in its own process (so that each peak memory
figure is its own), then prints one table — a column per corpus size (1, 10, 100 synthetic
plans by default), a row per measurement, dense/lexical/hybrid search and embedded Chroma
vs a ``chroma run`` server side by side — and the issue's targets, met or missed.

Usage::

    python -m evals.bench [--sizes 1 10 100] [--actions 40] [--no-server] [--json out.json]
        [--embedder MODULE:FACTORY]   # e.g. fakes:HashingEmbedder (tests), default: the model

Not part of ``make test``: the real figures take minutes. ``tests/core/test_bench_smoke.py``
runs it on a tiny corpus with a fake embedder.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from evals import bench_pdf

SIZES = (1, 10, 100)
WORKER_TIMEOUT_SECONDS = 3600

#: (figure key, label); "A|B" puts two figures (p50|p95) in one cell.
ROWS: tuple[tuple[str, str], ...] = (
    ("actions", "actions (plans × actions per plan)"),
    ("pages", "pages (PDF, XLSX sheets)"),
    ("load average", "machine load average (1 min) at start"),
    ("ingest s", "ingest all files: parse (worker processes) + store (s)"),
    *(
        (
            f"reader {fmt} pages/s|reader {fmt} actions/s",
            f"  {fmt.upper()} reader: pages/s | actions/s",
        )
        for fmt in ("pdf", "docx", "xlsx", "md")
    ),
    ("model load s", "embedding model load (s)"),
    ("index build s", "index build, cold cache (s)"),
    ("passages", "  passages indexed"),
    ("embedded at build", "  passages embedded"),
    ("embedding sentences/s", "  embedding throughput (sentences/s)"),
    ("re-ingest unchanged s", "re-ingest unchanged corpus + sync (s)"),
    ("rebuild from cache s", "reindex from the vector cache (s)"),
    ("embedded on re-ingest+rebuild", "  passages embedded by both"),
    ("search dense p50 ms|search dense p95 ms", "search dense-only p50 | p95 (ms)"),
    ("search lexical p50 ms|search lexical p95 ms", "search lexical-only p50 | p95 (ms)"),
    ("search hybrid p50 ms|search hybrid p95 ms", "search hybrid p50 | p95 (ms)"),
    ("map one rec p50 ms|map one rec p95 ms", "map one recommendation p50 | p95 (ms)"),
    (
        "map all computed s|map all stored s",
        "map every recommendation: computed | stored (s)",
    ),
    ("audit first computed s|audit computed s", "full audit: computed first | again (s)"),
    ("audit first computed cpu s|audit computed cpu s", "  the same, CPU: first | again (s)"),
    ("audit stored s", "  full audit stored, read back (s)"),
    ("audit without drafts computed s", "audit without drafts, computed (s)"),
    ("duplicates stored apart", "  synthetic plans the import took for duplicates"),
    ("chat warm-up s", "chat warm-up (s)"),
    ("chat p50 ms|chat p95 ms", "chat answer, default mode, p50 | p95 (ms)"),
    ("index build (server) s", "Chroma server: index build from cache (s)"),
    (
        "search dense server p50 ms|search dense server p95 ms",
        "Chroma server: search dense p50 | p95 (ms)",
    ),
    (
        "search hybrid server p50 ms|search hybrid server p95 ms",
        "Chroma server: search hybrid p50 | p95 (ms)",
    ),
    ("reopen (embedded) s|reopen (server) s", "open in a new process: embedded | server (s)"),
    (
        "chroma query (embedded) p50 ms|chroma query (server) p50 ms",
        "store's own filtered query p50: embedded | server (ms)",
    ),
    ("peak RSS MB", "peak memory, RSS (MB)"),
)


def load_factory(spec: str | None) -> Callable[[], Any] | None:
    """ "module:attribute" → the callable that builds an embedder (None: the configured model)."""
    if not spec:
        return None
    module, _, attribute = spec.partition(":")
    factory: Callable[[], Any] = getattr(importlib.import_module(module), attribute)
    return factory


def run_worker(args: argparse.Namespace) -> dict[str, Any]:
    """The scenario of this worker process."""
    from evals import bench_scenarios as scenarios

    factory = load_factory(args.embedder)
    if args.worker == "corpus":
        return scenarios.corpus_scenario(
            args.size,
            actions=args.actions,
            recommendations=args.recommendations,
            embedder_factory=factory,
            server=not args.no_server,
        )
    if args.worker == "pdf":
        return scenarios.pdf_scenario(
            actions=args.pdf_actions, embedder_factory=factory, zoo_pdfs=args.zoo_pdfs
        )
    return scenarios.audit_scenario(
        plans=args.audit_plans,
        actions=args.actions,
        recommendations=args.recommendations,
        embedder_factory=factory,
    )


def spawn(worker: list[str], args: argparse.Namespace, console: Console) -> dict[str, Any]:
    """Run one scenario in a fresh interpreter and read back its figures."""
    with tempfile.TemporaryDirectory(prefix="plan-assistant-bench-") as scratch:
        out = Path(scratch) / "figures.json"
        command = [sys.executable, "-m", "evals.bench", *worker, "--out", str(out)]
        command += ["--actions", str(args.actions), "--recommendations", str(args.recommendations)]
        command += ["--pdf-actions", str(args.pdf_actions), "--audit-plans", str(args.audit_plans)]
        command += ["--zoo-pdfs", str(args.zoo_pdfs)]
        if args.embedder:
            command += ["--embedder", args.embedder]
        if args.no_server:
            command.append("--no-server")
        # The child imports what this process can (tests/ for the fake embedder, say).
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        console.print(f"[dim]… {' '.join(worker)}[/]")
        done = subprocess.run(command, env=env, timeout=WORKER_TIMEOUT_SECONDS, check=False)
        if done.returncode != 0 or not out.exists():
            return {"error": f"exit status {done.returncode}"}
        figures: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return figures


def cell(value: Any, key: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, int) or key in {"plans", "passages"} or key.startswith("embedded"):
        return f"{int(value):,}".replace(",", " ")
    if key.endswith(" ms") or key.endswith("/s") or key.endswith(" MB"):
        return f"{value:,.0f}".replace(",", " ") if value >= 100 else f"{value:.1f}"
    return f"{value:.2f}"


def measurements_table(columns: dict[int, dict[str, Any]]) -> Table:
    table = Table(title="plan-assistant on this machine", title_justify="left")
    table.add_column("measurement")
    for size in columns:
        table.add_column(f"{size} plan{'s' if size > 1 else ''}", justify="right")
    notes: set[str] = set()
    for keys, label in ROWS:
        cells = []
        for figures in columns.values():
            parts = [cell(figures.get(key), key) for key in keys.split("|")]
            cells.append(" | ".join(parts))
        if all(c.replace("—", "").replace(" | ", "") == "" for c in cells):
            continue
        table.add_row(label, *cells)
    for figures in columns.values():
        notes |= {str(figures[k]) for k in ("chat", "server", "error") if k in figures}
    if notes:
        table.caption = "; ".join(sorted(notes))
    return table


def targets_table(
    columns: dict[int, dict[str, Any]],
    pdf: dict[str, Any],
    audit: dict[str, Any],
    fresh: dict[str, Any] | None = None,
) -> Table:
    table = Table(title="Targets (issue 8)", title_justify="left")
    for name in ("target", "measured", "verdict"):
        table.add_column(name)
    largest = columns[max(columns)] if columns else {}

    def verdict(value: float | None, limit: float) -> str:
        if value is None:
            return "not measured"
        return "MET" if value < limit else "MISSED"

    total = pdf.get("total s")
    cli = (fresh or {}).get("30-page PDF ingest")
    whole = (
        f"`plan-assistant ingest` in a new process (interpreter, imports, model load, parse, "
        f"index, analyses): {cell(cli['wall s'], 's')} s wall, {cell(cli['cpu s'], 's')} s CPU "
        f"(median of {cli['runs']}); "
        if cli
        else ""
    )
    table.add_row(
        "~30-page PDF plan ingested and indexed < 10 s (fresh process, model load included)",
        f"{whole}{cell(total, 's')} s ({pdf.get('pages')} pages, {pdf.get('actions')} actions) "
        "in a fresh worker, imports done: model load "
        f"{cell(pdf.get('model load s'), 's')} s while a worker process parses, then "
        f"{pdf.get('embedded')} passages embedded in {cell(pdf.get('embedding s'), 's')} s; "
        f"model already loaded: parse and store {cell(pdf.get('ingest s'), 's')} s "
        f"+ index {cell(pdf.get('index s'), 's')} s = {cell(pdf.get('warm total s'), 's')} s",
        verdict(cli["wall s"] if cli else total, 10),
    )
    table.add_row(
        f"30-page PDF read+extract ≤ {bench_pdf.MAX_RATIO:.0f}× the fastest raw text "
        f"extraction and < {bench_pdf.MAX_CPU_SECONDS:.0f} s CPU (issue 19)",
        bench_pdf.describe(pdf),
        bench_pdf.verdict(pdf),
    )
    table.add_row(
        "extraction of a 30-page plan < 2 s (issue 12)",
        f"{cell(pdf.get('extract cpu s'), 's')} s CPU (the read is apart, above)",
        verdict(pdf.get("extract cpu s"), 2),
    )
    table.add_row(
        "zoo PDFs (LibreOffice exports), for reference",
        bench_pdf.describe(pdf, prefix="zoo "),
        "—",
    )
    computed_cpu = audit.get("audit computed cpu s")
    table.add_row(
        f"audit {audit.get('recommendations')} recommendations × {audit.get('actions')} actions "
        "< 2 s warm: model loaded, index built, every analysis computed afresh (CPU)",
        f"{cell(computed_cpu, 's')} s CPU ({cell(audit.get('audit computed s'), 's')} s wall), "
        "median of 3; without drafts "
        f"{cell(audit.get('audit without drafts computed cpu s'), 's')} s CPU; the mapping "
        f"alone {cell(audit.get('map all computed cpu s'), 's')} s CPU; first in process "
        f"{cell(audit.get('audit first cpu s'), 's')} s CPU. Stored, read back: "
        f"{cell(audit.get('audit stored s'), 's')} s; in this process's memory "
        f"{cell(audit.get('audit in memory s'), 's')} s",
        verdict(computed_cpu, 2),
    )
    table.add_row(
        f"indexing within {MAX_INDEX_OVER_ENCODE:.1f}× of the model's own encode "
        f"({largest.get('plans')} plans; issue 19)",
        _index_over_encode(largest),
        verdict_at_most(index_over_encode(largest), MAX_INDEX_OVER_ENCODE),
    )
    p95 = largest.get("chat p95 ms")
    table.add_row(
        f"default-mode chat answer p95 < 300 ms ({largest.get('plans')} plans)",
        f"{cell(p95, ' ms')} ms" if p95 is not None else str(largest.get("chat", "—")),
        verdict(p95, 300),
    )
    rss = largest.get("peak RSS MB")
    table.add_row(
        f"memory < 1.5 GB at {largest.get('plans')} plans",
        f"{cell(rss, ' MB')} MB peak RSS (Chroma server not included)",
        verdict(rss, 1536),
    )
    return table


#: Issue 19: the index build costs at most this many times the model's encode of its passages.
MAX_INDEX_OVER_ENCODE = 1.3


def index_over_encode(figures: dict[str, Any]) -> float | None:
    """Index build time over the time the model spent encoding its passages, or None."""
    rate, embedded = figures.get("embedding sentences/s"), figures.get("embedded at build")
    build = figures.get("index build s")
    if not rate or not embedded or build is None:
        return None
    return float(build) / (float(embedded) / float(rate))


def _index_over_encode(figures: dict[str, Any]) -> str:
    ratio = index_over_encode(figures)
    if ratio is None:
        return "not measured"
    encode = float(figures["embedded at build"]) / float(figures["embedding sentences/s"])
    return (
        f"index build {cell(figures['index build s'], 's')} s, of which the model's encode "
        f"(timed inside the build) of {cell(figures['embedded at build'], 'embedded')} "
        f"passages {encode:.2f} s: {ratio:.2f}×"
    )


def verdict_at_most(value: float | None, limit: float) -> str:
    """MET when `value` is at most `limit`."""
    if value is None:
        return "not measured"
    return "MET" if value <= limit else "MISSED"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="plans per corpus"
    )
    parser.add_argument("--actions", type=int, default=40, help="actions per plan")
    parser.add_argument("--recommendations", type=int, default=100)
    parser.add_argument("--pdf-actions", type=int, default=205, help="rows of the ~30-page plan")
    parser.add_argument(
        "--zoo-pdfs", type=int, default=1000, help="zoo PDFs read beside the raw floor"
    )
    parser.add_argument("--audit-plans", type=int, default=25, help="plans of the audit target")
    parser.add_argument("--embedder", help="MODULE:FACTORY building the embedder (tests)")
    parser.add_argument("--no-server", action="store_true", help="skip the Chroma server rows")
    parser.add_argument("--no-targets", action="store_true", help="skip the target scenarios")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up figures")
    parser.add_argument("--startup-runs", type=int, default=5, help="runs per start-up figure")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("--worker", choices=("corpus", "pdf", "audit"), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        figures = run_worker(args)
        args.out.write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
        return 0
    console = Console()
    columns = {
        size: spawn(["--worker", "corpus", "--size", str(size)], args, console)
        for size in args.sizes
    }
    pdf = audit = {}
    if not args.no_targets:
        pdf = spawn(["--worker", "pdf"], args, console)
        audit = spawn(["--worker", "audit"], args, console)
    console.print(measurements_table(columns))
    startup: dict[str, Any] = {}
    if not args.no_startup:
        from evals.bench_startup import startup_figures, startup_table

        startup = startup_figures(runs=args.startup_runs)
        if not args.embedder:  # a fake embedder (tests) has nothing to compare
            from evals.bench_startup import embedder_figures

            startup["embedders"] = embedder_figures(runs=min(3, args.startup_runs))
        console.print(startup_table(startup))
        if not args.embedder:  # fresh processes use the real model: nothing to fake
            from evals.bench_fresh import fresh_figures, fresh_table

            startup["fresh process"] = fresh_figures(runs=min(3, args.startup_runs))
            console.print(fresh_table(startup["fresh process"]))
    if not args.no_targets:
        console.print(targets_table(columns, pdf, audit, startup.get("fresh process")))
    if args.json:
        payload = {
            "sizes": {str(k): v for k, v in columns.items()},
            "pdf": pdf,
            "audit": audit,
            "startup": startup,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    failed = [f for f in [*columns.values(), pdf, audit] if "error" in f]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
