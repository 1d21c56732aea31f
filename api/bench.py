"""Read-endpoint benchmark: throughput and p50/p95 latency of the API under concurrent load.

Run it standalone (``python -m api.bench``; ``make bench``). It starts a real server
(``python -m api serve``) on a free loopback port in a child process, with a throw-away
data directory; creates a workspace, uploads the demo corpus and waits for the ingestion;
primes the mapping and audit caches (with the real embedding model that takes a while: it
is the cost of the first request after a change, reported separately); then sends a
bounded load from this process — `--concurrency` asyncio clients sharing a budget of
`--requests` requests and a `--duration` limit — spread over the read endpoints, and
prints throughput and latency percentiles per endpoint. Only 127.0.0.1 is ever contacted,
and the server is stopped whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "demo"
DEMO_FILES = ("rapport-experts.pdf", "analyse-swot.md", "plan-action.docx")
AS_OF = "2026-11-23"
WORKSPACE = "bench"


@dataclass
class Sample:
    """Latencies (seconds) and failures of one endpoint."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` quantile (nearest rank) of `values`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(data_dir: Path, admin_key: str, workers: int) -> Iterator[str]:
    """A real API server on a free loopback port, stopped on exit."""
    port = _free_port()
    log = (data_dir / "server.log").open("wb")
    env = {**os.environ, "PLAN_ASSISTANT_API__ADMIN_KEY": admin_key, "HF_HUB_OFFLINE": "1"}
    command = [
        sys.executable,
        "-m",
        "api",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir / "api"),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped: see {log.name}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start within 120 s")
            time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log.close()


def prepare(base: str, admin_key: str) -> tuple[dict[str, str], dict[str, float], str]:
    """Workspace, key, demo corpus ingested, caches primed.

    Returns:
        The key's headers, the set-up timings, the id of one action.
    """
    admin = {"Authorization": f"Bearer {admin_key}"}
    timings: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=600) as client:
        client.post("/workspaces", json={"id": WORKSPACE, "name": "Banc d'essai"}, headers=admin)
        token = client.post(
            "/keys", json={"label": "bench", "workspaces": [WORKSPACE]}, headers=admin
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        files = [("files", (name, (CORPUS / name).read_bytes())) for name in DEMO_FILES]
        started = time.perf_counter()
        job = client.post(f"/workspaces/{WORKSPACE}/documents", files=files, headers=headers)
        location = job.headers["location"]
        deadline = time.monotonic() + 600
        while (state := client.get(location, headers=headers).json())["state"] not in (
            "succeeded",
            "failed",
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("the ingestion did not finish within 600 s")
            time.sleep(0.1)
        if state["state"] != "succeeded":
            raise RuntimeError(f"the ingestion failed: {state['error_message']}")
        timings["ingest demo corpus (s)"] = time.perf_counter() - started
        for name, path in (
            ("first /mappings (s)", f"/workspaces/{WORKSPACE}/mappings"),
            ("first /gaps (s)", f"/workspaces/{WORKSPACE}/gaps?as_of={AS_OF}"),
        ):
            started = time.perf_counter()
            client.get(path, headers=headers).raise_for_status()
            timings[name] = time.perf_counter() - started
        action = client.get(f"/workspaces/{WORKSPACE}/actions?limit=1", headers=headers).json()
    return headers, timings, action["data"][0]["id"]


def endpoints(action_id: str) -> dict[str, str]:
    prefix = f"/workspaces/{WORKSPACE}"
    return {
        "workspaces": "/workspaces",
        "documents": f"{prefix}/documents",
        "actions": f"{prefix}/actions?limit=50",
        "actions?owner": f"{prefix}/actions?owner=coordination&status=in_progress",
        "action": f"{prefix}/actions/{action_id}",
        "recommendations": f"{prefix}/recommendations?criterion=3",
        "mappings (cached)": f"{prefix}/mappings?coverage=partial",
        "gaps (cached)": f"{prefix}/gaps?as_of={AS_OF}&severity=major",
        "drafts": f"{prefix}/drafts",
        "health": "/health",
    }


async def load(
    base: str,
    headers: dict[str, str],
    targets: dict[str, str],
    *,
    concurrency: int,
    requests: int,
    duration: float,
) -> tuple[dict[str, Sample], float]:
    """Send at most `requests` requests within `duration` s from `concurrency` clients."""
    samples = {name: Sample() for name in targets}
    names = list(targets)
    budget = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    started = time.perf_counter()
    deadline = started + duration

    async def client_loop(client: httpx.AsyncClient) -> None:
        for index in budget:
            if time.perf_counter() > deadline:
                return
            name = names[index % len(names)]
            begin = time.perf_counter()
            try:
                response = await client.get(targets[name], headers=headers)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            samples[name].latencies.append(time.perf_counter() - begin)
            samples[name].errors += 0 if ok else 1

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
    return samples, time.perf_counter() - started


def report(
    samples: dict[str, Sample], elapsed: float, timings: dict[str, float], concurrency: int
) -> dict[str, Any]:
    every = [value for sample in samples.values() for value in sample.latencies]
    errors = sum(sample.errors for sample in samples.values())
    rows = {
        name: {
            "requests": len(s.latencies),
            "errors": s.errors,
            "p50_ms": round(percentile(s.latencies, 0.50) * 1000, 1),
            "p95_ms": round(percentile(s.latencies, 0.95) * 1000, 1),
            "mean_ms": round(statistics.fmean(s.latencies) * 1000, 1) if s.latencies else None,
        }
        for name, s in samples.items()
    }
    return {
        "concurrency": concurrency,
        "requests": len(every),
        "errors": errors,
        "elapsed_s": round(elapsed, 2),
        "throughput_rps": round(len(every) / elapsed, 1) if elapsed else None,
        "p50_ms": round(percentile(every, 0.50) * 1000, 1),
        "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "setup": {name: round(value, 2) for name, value in timings.items()},
        "endpoints": rows,
    }


def _print(result: dict[str, Any]) -> None:
    print(f"\nSet-up: {json.dumps(result['setup'], ensure_ascii=False)}")
    print(f"\n{'endpoint':<20} {'req':>6} {'err':>4} {'p50 ms':>8} {'p95 ms':>8}")
    for name, row in result["endpoints"].items():
        print(
            f"{name:<20} {row['requests']:>6} {row['errors']:>4} {row['p50_ms']:>8} {row['p95_ms']:>8}"
        )
    print(
        f"\nAll read endpoints: {result['requests']} requests, {result['errors']} errors, "
        f"{result['throughput_rps']} req/s with {result['concurrency']} concurrent clients; "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=3000, help="request budget")
    parser.add_argument("--duration", type=float, default=30.0, help="time limit (s)")
    parser.add_argument("--server-workers", type=int, default=1, help="server processes")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    if not 1 <= args.concurrency <= 256 or not 1 <= args.requests <= 100_000:
        parser.error("--concurrency must be in 1..256 and --requests in 1..100000")
    admin_key = secrets.token_urlsafe(32)
    with (
        tempfile.TemporaryDirectory(prefix="plan-assistant-bench-") as directory,
        server(Path(directory), admin_key, args.server_workers) as base,
    ):
        headers, timings, action_id = prepare(base, admin_key)
        targets = endpoints(action_id)
        samples, elapsed = asyncio.run(
            load(
                base,
                headers,
                targets,
                concurrency=args.concurrency,
                requests=args.requests,
                duration=args.duration,
            )
        )
    result = report(samples, elapsed, timings, args.concurrency)
    _print(result)
    if args.json:
        args.json.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
