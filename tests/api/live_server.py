"""A real ``plan-assistant serve`` on a free loopback port, for the end-to-end tests.

The server runs in a child process (the CLI's own `serve` command, with the FAKE embedder
passed in by a small launcher); every wait is bounded and the server is always stopped.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from api_helpers import ADMIN_KEY

TESTS = Path(__file__).resolve().parents[1]
_LAUNCHER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from fakes import HashingEmbedder
    from assistant.cli.state import CliSeams
    if os.environ.get("E2E_STALL_WRITES"):  # to be killed in the middle of a write
        from assistant.store import rows
        real_insert = rows.insert_items
        def stalled(connection, plan):
            real_insert(connection, plan)
            Path(os.environ["E2E_STALL_WRITES"]).touch()
            time.sleep(120)
        rows.insert_items = stalled
    from assistant.cli.app import app
    app(
        ["serve", "--port", sys.argv[1], "--data-dir", sys.argv[2], "--log-level", "warning"],
        obj=CliSeams(embedder=HashingEmbedder()),
    )
    """
).format(tests=str(TESTS))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(
    data_dir: Path, **env: str
) -> Iterator[tuple[httpx.Client, subprocess.Popen[bytes]]]:
    """A real server on a free loopback port; stopped (then killed if need be) on exit."""
    port = _free_port()
    log = (data_dir.parent / f"server-{port}.log").open("wb")  # a file never fills up like a pipe
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, str(port), str(data_dir)],
        env={**os.environ, "PLAN_ASSISTANT_API__ADMIN_KEY": ADMIN_KEY, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None, (
                    process.stderr.read().decode() if process.stderr else ""
                )
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.2)
            yield client, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
        log.close()
