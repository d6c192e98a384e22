"""What a person typing into the TUI in a real terminal gets: frames and bytes per key, and
how long until the new results are on screen. With and without a variant of the app.

    PYTHONPATH=. python bench/bench_tui_terminal.py [--rounds 4] [--interval 0.15] [--size 80x24]

The app runs in a tmux pane (a real terminal emulator; tmux is what the tests drive too).
``tmux pipe-pane -O`` hands every byte the app writes to the terminal to a recorder, which
stamps each chunk with the monotonic clock; the keys are sent with ``tmux send-keys``, one
every --interval seconds (a steady typist), and stamped just before each is sent.

A *frame* is a burst of output: chunks less than 4 ms apart (textual writes a frame in
one go; its refreshes are at least a 60 Hz tick apart). For each key, until the next key:

- echo: key sent → the first frame that writes into the query box's text row (the key
  seen);
- results: key sent → the first frame that writes into the results list's rows (the
  list's region is read from the cursor moves textual writes, ``ESC [ row ; col H``);
- frames and bytes written.

The variants (--variants, default ``current``) are set up in the app's process before it
starts, by name, in `VARIANTS`: ``current`` is the tree as it is. Rounds interleave the
variants; medians and 90th percentiles over all keys of all rounds are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["forall", "arrow", "integral", "plus minus", "rarr", "alpha", "\\le", "subset"]

#: Python run in the app's process before the app starts, by variant name. The tree
#: itself is ``current``; others are set here when there is something to compare. (The
#: frame hold of issue 10 was measured against ``no-hold`` by the first version of this
#: script, in the commit that added it, whose tree still had the hold: bench/README.md.)
VARIANTS: dict[str, str] = {
    "current": "",
}

RECORDER = r"""
import os, struct, sys, time
out = open(sys.argv[1], "wb")
while True:
    data = os.read(0, 65536)
    if not data:
        break
    out.write(struct.pack("<dI", time.monotonic(), len(data)) + data)
    out.flush()
"""

LAUNCH = """
import sys
{setup}
from app.cli import main
raise SystemExit(main())
"""

_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


@dataclass
class Key:
    """What one key cost (times in seconds after it was sent; None: not within the window)."""

    echo: float | None
    results: float | None
    frames: int
    bytes: int


class Pane:
    """A private tmux server with the app in one pane, its output recorded."""

    def __init__(self, folder: Path, size: tuple[int, int], setup: str) -> None:
        self.socket = str(folder / "tmux.sock")
        self.log = folder / "output.bin"
        recorder = folder / "recorder.py"
        recorder.write_text(RECORDER, encoding="utf-8")
        launcher = folder / "launch.py"
        launcher.write_text(LAUNCH.format(setup=setup), encoding="utf-8")
        env = {
            "PYTHONPATH": str(REPO),
            "MATHSYM_STATE_DIR": str(folder / "state"),
            "MATHSYM_METHOD": "linux",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        python = shlex.quote(sys.executable)
        # The recorder starts before the app, so its first frame is in the log too.
        self.tmux(
            "new-session", "-d", "-s", "app", "-x", str(size[0]), "-y", str(size[1]),
            f"sleep 0.5; env {exports} {python} {shlex.quote(str(launcher))}",
        )  # fmt: skip
        record = f"{python} {shlex.quote(str(recorder))} {shlex.quote(str(self.log))}"
        self.tmux("pipe-pane", "-O", "-t", "app", record)
        self.wait_for("palette")

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.tmux("capture-pane", "-p", "-t", "app"):
            if time.monotonic() > deadline:
                raise SystemExit(f"the app never showed {text!r}")
            time.sleep(0.05)

    def chunks(self) -> list[tuple[float, bytes]]:
        import struct

        raw = self.log.read_bytes()
        out: list[tuple[float, bytes]] = []
        i = 0
        while i + 12 <= len(raw):
            t, n = struct.unpack_from("<dI", raw, i)
            out.append((t, raw[i + 12 : i + 12 + n]))
            i += 12 + n
        return out

    def close(self) -> None:
        self.tmux("kill-server")


def _frames(chunks: list[tuple[float, bytes]], gap: float = 0.004) -> list[tuple[float, bytes]]:
    frames: list[tuple[float, bytes]] = []
    last = -1.0
    for t, data in chunks:
        if frames and t - last < gap:
            frames[-1] = (frames[-1][0], frames[-1][1] + data)
        else:
            frames.append((t, data))
        last = t
    return frames


def _touches(frame: bytes, rows: range, columns: range) -> bool:
    """Whether *frame* writes into those rows and columns (1-based, as sent)."""
    return any(
        int(m[1]) in rows and int(m[2]) in columns for m in _MOVE.finditer(frame)
    )  # fmt: skip


def _regions(width: int, height: int) -> tuple[range, range, range]:
    """The query box's text row, the list's rows and columns (1-based, as sent).

    As app/tui/mathsym.tcss lays them out: the query box is 3 rows high (1 below 16
    rows), the status line under it, the list left of the detail pane (30 columns,
    44 from 110; none below 72) and above the footer.
    """
    short = height < 16
    query_row = 1 if short else 2
    first_list_row = query_row + (2 if short else 3)
    detail = 0 if width < 72 else 44 if width >= 110 else 30
    return (
        range(query_row, query_row + 1),
        range(first_list_row, height),
        range(1, width - detail + 1),
    )


def run_round(variant: str, size: tuple[int, int], interval: float) -> list[Key]:
    """Type every query once, key by key, in a fresh app; what each key cost."""
    folder = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    pane = Pane(folder, size, VARIANTS[variant])
    # (time sent, whether the key is counted): the Ctrl+U between queries only ends a window.
    sent: list[tuple[float, bool]] = []
    try:
        time.sleep(1.0)  # start-up work done
        for query in QUERIES:
            for ch in query:
                sent.append((time.monotonic(), True))
                pane.tmux("send-keys", "-t", "app", "-l", ch)
                time.sleep(interval)
            sent.append((time.monotonic(), False))
            pane.tmux("send-keys", "-t", "app", "C-u")
            time.sleep(0.5)
        time.sleep(0.3)
    finally:
        pane.tmux("pipe-pane", "-t", "app")  # closes the recorder's stdin
        time.sleep(0.3)
        chunks = pane.chunks()
        pane.close()
        shutil.rmtree(folder, ignore_errors=True)
    frames = _frames(chunks)
    query_rows, list_rows, list_columns = _regions(*size)
    keys: list[Key] = []
    for i, (t0, counted) in enumerate(sent):
        if not counted:
            continue
        t1 = sent[i + 1][0] if i + 1 < len(sent) else t0 + interval
        mine = [(t, f) for t, f in frames if t0 <= t < t1]
        echo = next((t for t, f in mine if _touches(f, query_rows, range(1, size[0] + 1))), None)
        hit = next((t for t, f in mine if _touches(f, list_rows, list_columns)), None)
        keys.append(
            Key(
                None if echo is None else echo - t0,
                None if hit is None else hit - t0,
                len(mine),
                sum(len(f) for _, f in mine),
            )
        )
    return keys


def _ms(values: list[float]) -> str:
    if not values:
        return "—"
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"{statistics.median(values) * 1000:6.1f} ms (p90 {p90 * 1000:6.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--interval", type=float, default=0.15, help="seconds between keys")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--variants", default="current", help="comma-separated names")
    args = ap.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("needs tmux")
    width, height = (int(x) for x in args.size.split("x"))
    names = args.variants.split(",")
    for name in names:
        if name not in VARIANTS:
            raise SystemExit(f"unknown variant {name!r}: choose from {', '.join(VARIANTS)}")
    results: dict[str, list[Key]] = {name: [] for name in names}
    for r in range(args.rounds):
        for name in names if r % 2 == 0 else reversed(names):
            results[name] += run_round(name, (width, height), args.interval)
    n = len(next(iter(results.values())))
    print(
        f"{args.size}, a key every {args.interval * 1000:.0f} ms, {args.rounds} rounds of "
        f"{n // args.rounds} keys; load average {os.getloadavg()[0]:.2f}"
    )
    for name, keys in results.items():
        echoes = [k.echo for k in keys if k.echo is not None]
        shown = [k.results for k in keys if k.results is not None]
        frames = statistics.mean(k.frames for k in keys)
        size = statistics.mean(k.bytes for k in keys)
        missing = sum(k.results is None for k in keys)
        print(f"  {name}:")
        print(f"    key → key echoed     {_ms(echoes)}")
        print(f"    key → results drawn  {_ms(shown)}   ({missing} keys drew no list row)")
        print(f"    frames per key       {frames:.2f}   bytes per key {size:,.0f}")


if __name__ == "__main__":
    main()
