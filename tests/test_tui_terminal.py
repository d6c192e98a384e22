"""The TUI refuses to start without a terminal instead of spinning on a pipe."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO

import app.tui as tui


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "MATHSYM_STATE_DIR": str(tmp_path / "state"),
        "TERM": "xterm-256color",
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        ([], b"forall\n"),  # echo forall | mathsym
        ([], None),  # mathsym </dev/null
        (["tui", "forall"], None),
        (["--pick", "latex", "forall"], None),
    ],
)
def test_no_terminal_is_a_one_line_error(
    tmp_path: Path, args: list[str], stdin: bytes | None
) -> None:
    # Before the check, textual started anyway and never ended: the timeout catches that.
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.startswith("mathsym: the TUI needs a terminal (stdin is not one)")
    assert err.count("\n") == 1 and "mathsym QUERY" in err
    assert proc.stdout == b""


@pytest.fixture
def terminal() -> Iterator[io.TextIOWrapper]:
    """One end of a pseudo-terminal, opened as a text stream."""
    master, slave = pty.openpty()
    stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        yield stream
    finally:
        stream.close()
        os.close(master)


def test_stdout_captured_is_fine(
    monkeypatch: pytest.MonkeyPatch, terminal: io.TextIOWrapper
) -> None:
    # x=$(mathsym --pick): stdout is a pipe, but textual draws on stderr.
    monkeypatch.setattr(sys, "__stdin__", terminal)
    monkeypatch.setattr(sys, "__stderr__", terminal)
    monkeypatch.setattr(sys, "__stdout__", io.StringIO())
    assert tui.terminal_problem() is None


def test_screen_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch, terminal: io.TextIOWrapper, capsys: pytest.CaptureFixture[str]
) -> None:
    # mathsym 2>log: keys could be read, but the screen would go into the file.
    monkeypatch.setattr(sys, "__stdin__", terminal)
    monkeypatch.setattr(sys, "__stderr__", io.StringIO())
    assert tui.terminal_problem() == "stderr is not one"
    assert tui.run("forall") == 2
    err = capsys.readouterr().err
    assert err == (
        "mathsym: the TUI needs a terminal (stderr is not one); "
        "for a one-shot look-up run `mathsym QUERY`\n"
    )
