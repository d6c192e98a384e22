"""Helpers the test layers share: the repository, a virtual X display, an X terminal."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The repository's top folder (tests put it on PYTHONPATH for subprocesses).
REPO = Path(__file__).resolve().parent.parent


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a mathsym subprocess: no display, terminal or user settings.

    The test's own DISPLAY, tmux, colour and method settings never leak in; the
    repository is importable; *extra* is set on top.
    """
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "TMUX", "NO_COLOR", "MATHSYM_METHOD")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def start_xvfb(size: str = "320x240x24") -> tuple[subprocess.Popen[bytes], str] | None:
    """Start Xvfb on a display it picks itself; (the server, ":N"), or None if it cannot."""
    if shutil.which("Xvfb") is None:
        return None
    # -displayfd: Xvfb picks a free display itself (no race with another test run
    # picking the same number) and writes it on the pipe once it accepts connections.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", size],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            if not select.select([read_end], [], [], 0.5)[0]:
                continue
            chunk = os.read(read_end, 16)
            if not chunk:  # Xvfb exited
                break
            number += chunk
    finally:
        os.close(read_end)
    if not number.strip().isdigit():
        server.terminate()
        server.wait(timeout=10)
        return None
    return server, f":{number.strip().decode()}"


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private virtual X display; its DISPLAY name (":N")."""
    started = start_xvfb("1024x768x24")
    if started is None:
        pytest.skip("needs Xvfb (apt-get install xvfb; .ci/run installs it)")
    server, display = started
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


class XTerm:
    """An xterm on a virtual display running ``cat > FILE``: a document to type into."""

    def __init__(self, display: str, target: Path) -> None:
        self.display = display
        self.target = target
        self.env = clean_env(DISPLAY=display)
        self.process = subprocess.Popen(
            # Non-canonical input: cat gets each character as it is typed, no Enter needed.
            ["xterm", "-T", "document", "-e", f"stty -icanon -echo min 1; cat > '{target}'"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.window = self.xdotool("search", "--sync", "--name", "^document$").split()[0]

    def xdotool(self, *args: str) -> str:
        """Run xdotool on this display; its output."""
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def focus(self) -> None:
        """Give this xterm the keyboard focus (there is no window manager)."""
        self.xdotool("windowfocus", "--sync", self.window)

    def typed(self, expected: str, timeout: float = 20) -> str:
        """The document's text once it holds *expected* (or whatever it holds at the deadline)."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.target.read_text(encoding="utf-8") if self.target.exists() else ""
            if expected in text:
                return text
            time.sleep(0.1)
        return text

    def close(self) -> None:
        """Close the xterm."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def xterm(xvfb: str, tmp_path: Path) -> Iterator[XTerm]:
    """An xterm running ``cat > document.txt``, with the focus."""
    if shutil.which("xterm") is None or shutil.which("xdotool") is None:
        pytest.skip("needs xterm and xdotool (apt-get install xterm xdotool; .ci/run does)")
    term = XTerm(xvfb, tmp_path / "document.txt")
    term.focus()
    try:
        yield term
    finally:
        term.close()
