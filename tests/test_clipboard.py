"""Copying for real: X11 through Xvfb + xclip, OSC 52 through a pseudo-terminal."""

from __future__ import annotations

import base64
import os
import pty
import select
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_env

import app.clipboard
from app.clipboard import copy_system, osc52_sequence

pytestmark = pytest.mark.slow


# --------------------------------------------------------------------------- the sequence


def test_osc52_bytes() -> None:
    assert osc52_sequence("∀") == b"\x1b]52;c;4oiA\x07"
    assert base64.b64decode(osc52_sequence("\\forall")[7:-1]) == b"\\forall"


def test_osc52_tmux_passthrough() -> None:
    # DCS tmux; <sequence with each ESC doubled> ST
    assert osc52_sequence("∀", tmux=True) == b"\x1bPtmux;\x1b\x1b]52;c;4oiA\x07\x1b\\"


# --------------------------------------------------------------------------- read-back


def _slow_pyperclip(monkeypatch: pytest.MonkeyPatch, takes: int | None) -> list[str]:
    """A pyperclip whose clipboard shows a copy only on the *takes*-th read (never if None).

    Like xclip, whose forked process takes the selection a moment after copy() returns.
    Returns the list of texts each paste() call saw.
    """
    seen: list[str] = []
    state = {"pending": "", "clip": "old"}

    def copy(text: str) -> None:
        state["pending"] = text

    def paste() -> str:
        if takes is not None and len(seen) + 1 >= takes:
            state["clip"] = state["pending"]
        seen.append(state["clip"])
        return state["clip"]

    fake = types.ModuleType("pyperclip")
    fake.copy = copy  # type: ignore[attr-defined]
    fake.paste = paste  # type: ignore[attr-defined]
    fake.PyperclipException = RuntimeError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyperclip", fake)
    return seen


def test_read_back_waits_for_a_slow_clipboard_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _slow_pyperclip(monkeypatch, takes=4)
    assert copy_system("∀", quiet=False) is None
    assert seen == ["old", "old", "old", "∀"]


def test_read_back_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.clipboard, "READBACK_SECONDS", 0.05)
    seen = _slow_pyperclip(monkeypatch, takes=None)
    assert copy_system("∀", quiet=False) == "the clipboard tool did not take the text"
    assert len(seen) > 1 and set(seen) == {"old"}


# --------------------------------------------------------------------------- X11


@pytest.fixture
def xvfb(xvfb: str) -> str:
    """The shared virtual display (conftest), where xclip is installed."""
    if shutil.which("xclip") is None:
        pytest.skip("needs xclip (apt-get install xclip; .ci/run installs it)")
    return xvfb


def _clipboard(display: str, expected: str) -> str:
    """The X clipboard's text, read until it is *expected* or 10 s have passed."""
    deadline = time.monotonic() + 10
    while True:
        text = subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            timeout=30,
        ).stdout.decode()
        if text == expected or time.monotonic() > deadline:
            return text
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-c", "forall"], "∀"),
        (["-c", "latex", "forall"], "\\forall"),
        (["--copy=html", "le"], "&le;"),
    ],
)
def test_copy_to_x11_clipboard(xvfb: str, args: list[str], expected: str) -> None:
    # capture_output: the run must end even though xclip keeps serving the selection
    # (it must not inherit our pipes).
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=clean_env(DISPLAY=xvfb),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "system clipboard" in proc.stderr.decode()
    assert _clipboard(xvfb, expected) == expected


def test_convert_copy(xvfb: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "convert", "-c", "\\alpha \\to \\beta"],
        env=clean_env(DISPLAY=xvfb),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "α → β\n"
    assert _clipboard(xvfb, "α → β") == "α → β"


# --------------------------------------------------------------------------- OSC 52


def _run_with_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes, str]:
    """Run mathsym with a pseudo-terminal as its controlling terminal (not its stdout).

    Returns (exit status, everything written to the terminal, stderr).
    """
    master, slave = pty.openpty()
    slave_name = os.ttyname(slave)
    os.close(slave)

    def take_terminal() -> None:
        # After setsid() (start_new_session), opening a terminal makes it ours.
        os.close(os.open(slave_name, os.O_RDWR))

    proc = subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=take_terminal,
    )
    _, err = proc.communicate(timeout=60)
    seen = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: nothing left on the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.returncode, seen, err.decode()


def test_osc52_to_the_controlling_terminal() -> None:
    code, seen, err = _run_with_terminal(["-c", "forall"], clean_env())
    assert code == 0, err
    assert seen == b"\x1b]52;c;4oiA\x07"
    assert "OSC 52" in err and err.count("\n") == 1


def test_osc52_in_tmux_is_wrapped_too() -> None:
    code, seen, err = _run_with_terminal(
        ["-c", "latex", "forall"], clean_env(TMUX="/tmp/tmux-0/x,1,0")
    )
    assert code == 0, err
    plain = b"\x1b]52;c;" + base64.b64encode(b"\\forall") + b"\x07"
    assert seen == plain + b"\x1bPtmux;" + plain.replace(b"\x1b", b"\x1b\x1b") + b"\x1b\\"


def test_neither_clipboard_nor_terminal() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "-c", "forall"],
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        start_new_session=True,  # no controlling terminal at all
        timeout=60,
    )
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert err.startswith("mathsym: error: could not copy") and err.count("\n") == 1
    assert proc.stdout.decode().startswith("∀\tU+2200")


# --------------------------------------------------------------------------- a stuck tool


def _hanging_xclip(directory: Path) -> str:
    """Put an ``xclip`` on *directory* that never returns; return the command line of its child.

    A shell script, like many wrappers: killing the shell alone would leave its
    ``sleep`` running, so the test also shows that nothing it started is left behind.
    """
    marker = f"sleep 600.{os.getpid()}{time.monotonic_ns() % 100_000}"
    script = directory / "xclip"
    script.write_text(f"#!/bin/sh\n{marker}\n")
    script.chmod(0o755)
    return marker


def _left_running(marker: str) -> list[bytes]:
    time.sleep(0.3)  # a killed process is reaped by init a moment later
    return subprocess.run(["pgrep", "-f", marker], capture_output=True).stdout.split()


def test_every_helper_pyperclip_starts_has_a_time_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marker = _hanging_xclip(tmp_path)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("app.helpers.HELPER_SECONDS", 0.5)
    pyperclip: Any = app.clipboard.load_pyperclip()
    pyperclip.set_clipboard("xclip")  # the tool pyperclip picks with $DISPLAY set
    try:
        reason = copy_system("∀", quiet=False)
    finally:  # undecided again, as before the test
        pyperclip.copy, pyperclip.paste = (
            pyperclip.lazy_load_stub_copy,
            pyperclip.lazy_load_stub_paste,
        )
    assert reason == "xclip did not finish within 0.5 s and was stopped"
    assert _left_running(marker) == []


def test_a_hanging_clipboard_tool_falls_back_to_osc52(tmp_path: Path) -> None:
    # Before: `mathsym -c` waited for ever on a stuck xclip.
    marker = _hanging_xclip(tmp_path)
    env = clean_env(DISPLAY=":99", PATH=f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    code, seen, err = _run_with_terminal(["-c", "forall"], env)
    assert code == 0, err
    assert seen == b"\x1b]52;c;4oiA\x07"
    assert err.count("\n") == 1 and err.startswith("mathsym: copied ∀ (U+2200): no system ")
    assert "(xclip did not finish within 3 s and was stopped)" in err and "OSC 52" in err
    assert _left_running(marker) == []


@pytest.mark.skipif(shutil.which("xclip") is None, reason="needs xclip")
def test_a_working_tool_is_not_stopped(xvfb: str) -> None:
    # The real xclip forks a process that keeps serving the selection after the copy:
    # the time limit is for the tool's own run, not for that process.
    proc = subprocess.run(
        [sys.executable, "-m", "app", "-c", "latex", "forall"],
        env=clean_env(DISPLAY=xvfb),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    time.sleep(app.clipboard.HELPER_SECONDS + 0.5)
    assert _clipboard(xvfb, "\\forall") == "\\forall"


def test_quitting_stops_a_helper_still_running() -> None:
    # What the TUI does when it quits (app.tui.run): a short grace, then stop.
    from app.helpers import TimedPopen, finish_helpers

    done = TimedPopen(["true"], seconds=60)
    done.wait()
    stuck = TimedPopen(["sh", "-c", "sleep 60"], seconds=60)
    finish_helpers(0.1)
    assert stuck.poll() is not None  # stopped, not left to its 60 s
    assert done.returncode == 0
