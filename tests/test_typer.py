"""Typing into the focused window: `app.typer`, ``mathsym type`` and ``--pick --type``.

For real where it can be: an xterm running ``cat > FILE`` on Xvfb has the focus and
xdotool types into it. The Wayland tools (wtype, ydotool) cannot run without a
compositor; fakes on PATH record what they are asked to do.
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, FootDocument, Tmux, XTerm, clean_env

import app.typer
from app.typer import session, type_text

pytestmark = pytest.mark.slow


# --------------------------------------------------------------------------- the session


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", "wayland"),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", "wayland"),
        ({"DISPLAY": ":0"}, "linux", "x11"),
        ({"XDG_SESSION_TYPE": "x11"}, "linux", "x11"),
        ({"XDG_SESSION_TYPE": "tty"}, "linux", "none"),
        ({}, "linux", "none"),
        ({"DISPLAY": ":0"}, "darwin", "macos"),
        ({}, "win32", "windows"),
    ],
)
def test_session(env: dict[str, str], platform: str, expected: str) -> None:
    assert session(env, platform) == expected


# --------------------------------------------------------------------------- fake tools


def _fake_tool(bin_dir: Path, name: str, script: str) -> Path:
    """Put a stand-in for *name* in *bin_dir*: it logs its arguments, then runs *script*."""
    log = bin_dir / f"{name}.log"
    tool = bin_dir / name
    tool.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$(for a in "$@"; do printf "%s " "[$a]"; done)" >> {log}\n'
        f"{script}\n",
        encoding="utf-8",
    )
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return log


class Fakes:
    """A folder of fake tools that is all of PATH, and what was copied "instead"."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.copied: list[str] = []

    def which(self, name: str) -> str | None:
        path = self.bin / name
        return str(path) if path.exists() else None


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """Only fake typing tools exist, and nothing real is copied (the copies are recorded)."""
    import app.clipboard

    found = Fakes(tmp_path / "bin")
    found.bin.mkdir()
    monkeypatch.setattr("app.typer.shutil.which", found.which)

    def fake_copy(text: str) -> app.clipboard.CopyResult:
        found.copied.append(text)
        return app.clipboard.CopyResult(True, "system", "copied")

    monkeypatch.setattr(app.clipboard, "copy", fake_copy)
    monkeypatch.setattr(app.clipboard, "copy_system", lambda text, quiet=True: None)
    monkeypatch.setattr(app.typer, "_clipboard_text", lambda: "previous")
    monkeypatch.setattr(app.typer, "PASTE_RESTORE_DELAY", 0)
    return found


def test_wayland_types_with_wtype(fakes: Fakes) -> None:
    log = _fake_tool(fakes.bin, "wtype", "exit 0")
    outcome = type_text("≤", env={"WAYLAND_DISPLAY": "wayland-0"})
    assert outcome.ok and outcome.how == "wtype"
    assert log.read_text().split() == ["[-s]", "[50]", "[--]", "[≤]"]


def test_wayland_falls_back_to_ydotool_paste_for_non_ascii(fakes: Fakes) -> None:
    # GNOME has no virtual-keyboard protocol: wtype refuses, ydotool pastes ≤ (it types ASCII only).
    _fake_tool(
        fakes.bin,
        "wtype",
        'echo "Compositor does not support the virtual keyboard protocol" >&2; exit 1',
    )
    log = _fake_tool(fakes.bin, "ydotool", "exit 0")
    outcome = type_text("≤", env={"WAYLAND_DISPLAY": "wayland-0"})
    assert outcome.ok and outcome.how == "ydotool (paste)"
    # ctrl (29) and v (47) down, then up in reverse order
    assert log.read_text().split() == ["[key]", "[29:1]", "[47:1]", "[47:0]", "[29:0]"]
    assert fakes.copied == []  # nothing copied "instead"


def test_ydotool_types_ascii(fakes: Fakes) -> None:
    log = _fake_tool(fakes.bin, "ydotool", "exit 0")
    outcome = type_text("<=", env={"WAYLAND_DISPLAY": "wayland-0"})
    assert outcome.ok and outcome.how == "ydotool"
    assert log.read_text().split() == ["[type]", "[--]", "[<=]"]


def test_paste_key_from_the_environment(fakes: Fakes) -> None:
    log = _fake_tool(fakes.bin, "wtype", "exit 0")
    env = {"WAYLAND_DISPLAY": "w", "MATHSYM_PASTE_KEY": "ctrl+shift+v"}
    outcome = type_text("∀", paste=True, env=env)
    assert outcome.ok and outcome.how == "wtype (paste)"
    expected = [
        "[-s]",
        "[50]",
        "[-M]",
        "[ctrl]",
        "[-M]",
        "[shift]",
        "[-k]",
        "[v]",
        "[-m]",
        "[shift]",
        "[-m]",
    ]
    assert log.read_text().split() == [*expected, "[ctrl]"]


@pytest.mark.parametrize(
    ("env", "install"),
    [
        ({"DISPLAY": ":9"}, "xdotool"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wtype"),
        ({}, "no graphical session"),
    ],
)
def test_nothing_can_type_copies_and_says_what_to_install(
    fakes: Fakes, env: dict[str, str], install: str
) -> None:
    outcome = type_text("∀", env=env)
    assert not outcome.ok
    assert "copied ∀ to the clipboard instead" in outcome.message
    assert install in outcome.message
    assert "\n" not in outcome.message
    assert fakes.copied == ["∀"]


def test_a_hanging_tool_is_stopped(fakes: Fakes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.typer, "TOOL_TIMEOUT", 0.5)
    _fake_tool(fakes.bin, "xdotool", "sleep 30")
    started = time.monotonic()
    outcome = type_text("∀", env={"DISPLAY": ":9"})
    assert time.monotonic() - started < 10  # not the 30 s the tool would take
    assert not outcome.ok and "did not finish" in outcome.message
    assert fakes.copied == ["∀"]


# --------------------------------------------------------------------------- for real, on X11


def _mathsym(display: str, *args: str, state: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=clean_env(DISPLAY=display, MATHSYM_STATE_DIR=str(state)),
        cwd=state.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_type_puts_the_symbol_into_the_focused_window(xterm: XTerm, tmp_path: Path) -> None:
    done = _mathsym(xterm.display, "type", "\\le", state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert xterm.typed("≤") == "≤"


def test_type_a_field_and_an_astral_symbol(xterm: XTerm, tmp_path: Path) -> None:
    state = tmp_path / "state"
    assert _mathsym(xterm.display, "type", "-f", "latex", "for all", state=state).returncode == 0
    assert _mathsym(xterm.display, "type", "U+1D400", state=state).returncode == 0
    assert xterm.typed("𝐀") == "\\forall𝐀"


def test_type_with_nothing_found(xterm: XTerm, tmp_path: Path) -> None:
    done = _mathsym(xterm.display, "type", "qqqzzzxxx", state=tmp_path / "state")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "nothing matches" in done.stderr


def test_pick_type_into_the_window_that_had_the_focus(
    xterm: XTerm, tmp_path: Path, tmux: Tmux
) -> None:
    # The picker runs in another terminal (tmux here); on Enter the pick is typed into
    # the X window given by --window, the one the person was writing in.
    command = (
        f"{shlex.quote(sys.executable)} -m app --pick --type --window {xterm.window}; "
        "echo EXIT=$?; sleep 30"
    )
    tmux.start(command, (100, 30), DISPLAY=xterm.display)
    tmux.wait_for("palette")
    tmux.keys("-l", "\\rightarrow")
    tmux.wait_for("RIGHTWARDS ARROW")
    tmux.keys("Enter")
    tmux.wait_for("EXIT=0")
    assert xterm.typed("→") == "→"


def test_the_detached_typist_waits_for_the_picker_window_to_go(
    xterm: XTerm, tmp_path: Path
) -> None:
    # --pick --type without --window: the picker's own terminal (WINDOWID) still has the
    # focus when the picker exits; the detached typist waits until it has gone.
    picker = XTerm(xterm.display, tmp_path / "picker.txt")
    try:
        picker.focus()
        env = {**clean_env(DISPLAY=xterm.display), "WINDOWID": picker.window}
        subprocess.run(
            [sys.executable, "-c", "import app.typer as t; t.type_later('∞')"],
            env=env,
            cwd=REPO,
            check=True,
            timeout=30,
        )
        time.sleep(0.3)
        assert not (tmp_path / "picker.txt").read_text()  # nothing typed into the picker
    finally:
        picker.close()
    xterm.focus()  # what a window manager does when the picker's window closes
    assert xterm.typed("∞") == "∞"


def test_env_of_a_subprocess_has_no_display() -> None:
    # The fixtures depend on it: no test types into the developer's own desktop.
    assert "DISPLAY" not in clean_env() and "WAYLAND_DISPLAY" not in clean_env()
    assert os.pathsep in clean_env()["PYTHONPATH"] or clean_env()["PYTHONPATH"] == str(REPO)


# --------------------------------------------------------------------------- for real, on Wayland


def test_type_on_wayland_with_wtype(foot: FootDocument, tmp_path: Path) -> None:
    env = {**foot.session.env, "MATHSYM_STATE_DIR": str(tmp_path / "state")}
    for query in ("\\le", "for all", "U+1D400"):
        done = subprocess.run(
            [sys.executable, "-m", "app", "type", query],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
    assert foot.typed("≤∀𝐀") == "≤∀𝐀"
