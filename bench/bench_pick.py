"""Picker latency: from Enter to the glyph on stdout, beside the app's own exit.

    PYTHONPATH=. python bench/bench_pick.py [--runs 20] [--size 110x32]

``mathsym --pick forall`` runs on a pseudo-terminal of the given size (stdin and stderr,
where textual reads keys and draws) with stdout a pipe, as in ``x=$(mathsym --pick)``.
Once the result row is drawn, Enter is written to the terminal; measured are the
time until the glyph arrives on the pipe, and until the process has exited.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _drain(fd: int, until: bytes, timeout: float) -> bytes:
    """Read the terminal until *until* shows (escape codes and all) or *timeout* passes."""
    seen = b""
    deadline = time.monotonic() + timeout
    while until not in seen and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def one_pick(cols: int, rows: int, state: str) -> tuple[float, float]:
    """(seconds from Enter to the glyph on stdout, seconds from Enter to exit)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "MATHSYM_STATE_DIR": state,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--pick", "forall"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    assert proc.stdout is not None
    try:
        _drain(master, b"FOR ALL", 30)
        _drain(master, b"\x00never", 0.5)  # let the detail pane and footer settle
        start = time.perf_counter()
        os.write(master, b"\r")
        got = b""
        while not got:
            if select.select([proc.stdout], [], [], 0.001)[0]:
                got = os.read(proc.stdout.fileno(), 64)
            else:
                _drain(master, b"\x00never", 0.001)  # keep the terminal flowing
        printed = time.perf_counter() - start
        while proc.poll() is None:
            _drain(master, b"\x00never", 0.001)
        exited = time.perf_counter() - start
        assert got.decode() == "∀", got
        return printed, exited
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)


def main() -> None:
    """Run the picks and print the medians and 90th percentiles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", default="110x32")
    ns = parser.parse_args()
    cols, rows = (int(n) for n in ns.size.split("x"))
    printed: list[float] = []
    exited: list[float] = []
    with tempfile.TemporaryDirectory() as state:
        one_pick(cols, rows, state)  # warm the caches
        for _ in range(ns.runs):
            p, e = one_pick(cols, rows, state)
            printed.append(p * 1000)
            exited.append(e * 1000)

    def line(label: str, values: list[float]) -> str:
        q = statistics.quantiles(values, n=10)
        return f"| {label} | {statistics.median(values):.0f} ms | {q[-1]:.0f} ms |"

    print(f"{ns.runs} picks at {cols}x{rows}, Python {sys.version.split()[0]}")
    print("| from Enter to | median | p90 |\n|---|---|---|")
    print(line("the glyph on stdout", printed))
    print(line("the process exit", exited))


if __name__ == "__main__":
    main()
