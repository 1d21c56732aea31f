"""A throw-away Chroma server (``chroma run``) on 127.0.0.1, for the benchmark and the tests.

Started as a subprocess on a free port with its data in a given folder, waited for with a
bound (its heartbeat), and always stopped, even when the block fails.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_SECONDS = 30.0


def chroma_executable() -> str | None:
    """The ``chroma`` command of this environment (beside the interpreter), or on the PATH."""
    beside_python = Path(sys.executable).with_name("chroma")
    return str(beside_python) if beside_python.exists() else shutil.which("chroma")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def heartbeat(port: int) -> bool:
    """Whether a Chroma server answers on the port (plain http.client: no proxy involved)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/api/v2/heartbeat")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


class ChromaServerError(RuntimeError):
    """The server exited or did not answer in time (its log is in the message)."""


@contextmanager
def chroma_server(data: Path, startup_seconds: float = STARTUP_SECONDS) -> Iterator[str | None]:
    """Run ``chroma run`` with its data in `data`; yields its URL (None: no chroma command).

    Raises:
        ChromaServerError: the server exited, or did not answer within `startup_seconds`.
    """
    executable = chroma_executable()
    if executable is None:
        yield None
        return
    data.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = data.with_name(f"{data.name}.log")
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [executable, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(data)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        try:
            deadline = time.monotonic() + startup_seconds
            while not heartbeat(port):
                if server.poll() is not None:
                    raise ChromaServerError(
                        f"chroma run exited with {server.returncode}: {log_path.read_text()}"
                    )
                if time.monotonic() > deadline:
                    raise ChromaServerError(f"chroma run did not answer within {startup_seconds} s")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
