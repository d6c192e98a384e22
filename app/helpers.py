"""Helper processes with a time limit: clipboard tools, typing tools, desktop tools.

mathsym starts other programs (xclip, wl-copy, xdotool, wtype, notify-send…) and a
stuck one must never hang it: an X server that never answers leaves xclip waiting
for ever. Each helper runs in a session of its own, so that stopping it stops what
it started too (a shell script's ``sleep``, a tool's own helper); its waits end at a
deadline, after which it is stopped and `HelperStuck` says so in one line; and any
still running when mathsym exits are stopped (`stop_helpers`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from typing import Any

__all__ = [
    "HELPER_SECONDS",
    "HelperStuck",
    "TimedPopen",
    "detach",
    "finish_helpers",
    "run",
    "stop_helpers",
]

#: Longest a helper may run (seconds) unless its caller gives another limit. A tool
#: that works takes a few milliseconds.
HELPER_SECONDS = 3.0


class HelperStuck(OSError):
    """A helper process did not finish within its time and was stopped."""


_live: set[TimedPopen] = set()
_live_lock = threading.Lock()


class TimedPopen(subprocess.Popen):  # type: ignore[type-arg]
    """A Popen whose waits end at a deadline, stopping the process and what it started.

    The process gets a session of its own (POSIX), so that stopping it stops its
    children too and none is left behind. *seconds* is its time (default
    `HELPER_SECONDS`, read when it starts).
    """

    def __init__(self, *args: Any, seconds: float | None = None, **kwargs: Any) -> None:
        if os.name == "posix":
            kwargs.setdefault("start_new_session", True)
        super().__init__(*args, **kwargs)
        self.seconds = HELPER_SECONDS if seconds is None else seconds
        self._deadline = time.monotonic() + self.seconds
        with _live_lock:
            _live.add(self)

    def _left(self, timeout: float | None) -> float:
        left = max(0.0, self._deadline - time.monotonic())
        return left if timeout is None else min(timeout, left)

    def _stuck(self) -> HelperStuck:
        self.stop()
        name = os.path.basename(str(self.args[0] if isinstance(self.args, list) else self.args))
        return HelperStuck(f"{name} did not finish within {self.seconds:g} s and was stopped")

    def communicate(self, input: Any = None, timeout: float | None = None) -> Any:
        """Communicate as Popen does, until the deadline at the latest (else `HelperStuck`)."""
        try:
            out = super().communicate(input, self._left(timeout))
        except subprocess.TimeoutExpired:
            raise self._stuck() from None
        with _live_lock:
            _live.discard(self)
        return out

    def wait(self, timeout: float | None = None) -> int:
        """Wait as Popen does, until the deadline at the latest (else `HelperStuck`)."""
        try:
            code = super().wait(self._left(timeout))
        except subprocess.TimeoutExpired:
            raise self._stuck() from None
        with _live_lock:
            _live.discard(self)
        return code

    def stop(self) -> None:
        """Kill the process and its session's other processes; reap it."""
        with contextlib.suppress(OSError):
            if os.name == "posix":
                os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.Popen.wait(self, 1.0)
        for pipe in (self.stdin, self.stdout, self.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        with _live_lock:
            _live.discard(self)


def stop_helpers() -> None:
    """Stop every helper process still running (at exit, so that none outlives mathsym)."""
    with _live_lock:
        running = list(_live)
    for proc in running:
        proc.stop()


atexit.register(stop_helpers)


def finish_helpers(grace: float) -> None:
    """Give running helpers *grace* seconds to finish, then stop the rest.

    What the TUI does when it quits: a copy under way usually ends in milliseconds,
    a stuck tool is not waited for (``Ctrl+Q`` quits at once, not after its limit).
    """
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        with _live_lock:
            if not any(proc.poll() is None for proc in _live):
                return
        time.sleep(0.02)
    stop_helpers()


def run(
    argv: Sequence[str], *, input: str | None = None, seconds: float | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a helper to its end (text in and out), within *seconds*.

    Raises:
        HelperStuck: It did not finish in time; it and what it started were stopped.
        OSError: It could not start.

    """
    with TimedPopen(
        list(argv),
        seconds=seconds,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        out, err = proc.communicate(input)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def detach(argv: Sequence[str]) -> None:
    """Start a program that outlives mathsym: no time limit, its own session, no stdio.

    For the picker's terminal window and the typist that waits for it to close: the
    terminal's hang-up must not reach them, and mathsym does not wait for them.

    Raises:
        OSError: It could not start.

    """
    subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
