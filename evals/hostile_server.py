"""``python -m evals.hostile_server`` (part of ``make bench``): a plan just under the item cap,
uploaded to a real server, and what the server process pays for it.

`evals.hostile` runs each hostile file as a job in its own process, without the index and
analysis stage that follows an API import. This one starts ``plan-assistant serve`` (one
process) on a free loopback port with a throw-away data directory, uploads the demo
experts' report with a generated sheet of `--actions` actions (default: just under
``ingest.max_items``), waits for the job — parsed, stored, indexed, mapped, audited — and
prints the server process's peak resident memory (``VmHWM``) and CPU time, its own and that
of the worker processes it started, against the issue's target (the server under 1 GB).

Usage::

    python -m evals.hostile_server [--actions 11900] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from api.bench import SERVER_PIDS, server
from assistant.settings import IngestSettings
from evals import hostile_inputs as build

SERVER_PEAK_TARGET_MB = 1024
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "demo"
REPORT = "rapport-experts.pdf"
JOB_TIMEOUT_SECONDS = 7200


def _proc_figures(pid: int) -> dict[str, float]:
    """Peak RSS (MB), own CPU and reaped children's CPU (s) of a live process (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return {
        "server peak RSS MB": peak_kb / 1024,
        "server CPU s": (int(fields[11]) + int(fields[12])) / tick,
        "workers CPU s": (int(fields[13]) + int(fields[14])) / tick,
    }


def _children_peaks(pid: int, peaks: dict[str, float]) -> None:
    """The largest peak RSS (MB) seen so far of the server's worker processes, by kind."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) != pid:
                continue
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (stat.parent / "status").read_text()
        except (OSError, ValueError, IndexError):
            continue
        kind = "analysis" if "analyses.worker" in command else "parse"
        for line in status.splitlines():
            if line.startswith("VmHWM"):
                key = f"largest {kind} worker peak RSS MB"
                peaks[key] = max(peaks.get(key, 0.0), int(line.split()[1]) / 1024)


def run(directory: Path, actions: int) -> dict[str, Any]:
    sheet = build.xlsx_plan_rows(directory / f"plan-{actions}.xlsx", rows=actions)
    admin_key = "pa_" + secrets.token_hex(24)
    admin = {"Authorization": f"Bearer {admin_key}"}
    # The figure is the memory: a loaded machine must not make the job hit its time limit.
    os.environ.setdefault("PLAN_ASSISTANT_INGEST__JOB_TIMEOUT_SECONDS", str(JOB_TIMEOUT_SECONDS))
    with server(directory, admin_key, workers=1) as base:
        pid = SERVER_PIDS[base]
        with httpx.Client(base_url=base, timeout=600) as client:
            client.post("/workspaces", json={"id": "plan", "name": "Plan"}, headers=admin)
            token = client.post(
                "/keys", json={"label": "bench", "workspaces": ["plan"]}, headers=admin
            ).json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            before = _proc_figures(pid)
            files = [
                ("files", (REPORT, (CORPUS / REPORT).read_bytes())),
                ("files", (sheet.name, sheet.read_bytes())),
            ]
            started = time.perf_counter()
            response = client.post("/workspaces/plan/documents", files=files, headers=headers)
            response.raise_for_status()
            location = response.headers["location"]
            workers: dict[str, float] = {}
            while (job := client.get(location, headers=headers).json())["state"] not in (
                "succeeded",
                "failed",
            ):
                _children_peaks(pid, workers)
                time.sleep(0.5)
            seconds = time.perf_counter() - started
            after = _proc_figures(pid)
    return {
        "actions": actions,
        "sheet MB": sheet.stat().st_size / 1e6,
        "job state": job["state"],
        "job error": job.get("error_message"),
        "job wall s": round(seconds, 1),
        "server peak RSS MB (before upload)": round(before["server peak RSS MB"]),
        "server peak RSS MB": round(after["server peak RSS MB"]),
        "server CPU s": round(after["server CPU s"] - before["server CPU s"], 1),
        "workers CPU s": round(after["workers CPU s"] - before["workers CPU s"], 1),
        **{key: round(value) for key, value in workers.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = IngestSettings().max_items - 100
    parser.add_argument("--actions", type=int, default=default, help=f"(default {default})")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-server-") as directory:
        figures = run(Path(directory), args.actions)
    peak = figures["server peak RSS MB"]
    met = "met" if peak < SERVER_PEAK_TARGET_MB else "MISSED"
    print(
        f"A plan of {figures['actions']} actions ({figures['sheet MB']:.2f} MB XLSX) and the "
        f"demo report, uploaded: job {figures['job state']} in {figures['job wall s']} s"
    )
    if figures["job error"]:
        print(f"  job error: {figures['job error']}")
    print(
        f"server peak RSS: {peak} MB (target < {SERVER_PEAK_TARGET_MB} MB: {met}; "
        f"{figures['server peak RSS MB (before upload)']} MB before the upload); "
        f"server CPU {figures['server CPU s']} s, worker processes CPU "
        f"{figures['workers CPU s']} s"
    )
    for kind in ("parse", "analysis"):
        key = f"largest {kind} worker peak RSS MB"
        if key in figures:
            print(f"  {key}: {figures[key]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if figures["job state"] == "succeeded" and peak < SERVER_PEAK_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
