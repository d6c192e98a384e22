"""``mathsym desktop``: the menu entry, its install, and the launch from a hotkey on."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FootDocument, XTerm, clean_env

from app import cli
from app.desktop import DESKTOP_ID, TERMINALS, desktop_entry, terminal_command


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="needs desktop-file-validate (apt-get install desktop-file-utils; .ci/run does)",
)
@pytest.mark.parametrize(
    "argv",
    [None, ["/opt/my tools/mathsym"], ["/usr/bin/python3", "-m", "app"], ["/x/100%/mathsym"]],
)
def test_the_entry_is_valid(tmp_path: Path, argv: list[str] | None) -> None:
    path = tmp_path / DESKTOP_ID
    path.write_text(desktop_entry(argv), encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout


def test_exec_quoting_round_trips() -> None:
    # the spec's quoting: reserved characters inside double quotes, % doubled
    entry = desktop_entry(["/opt/my tools/math$ym", "-m", "100%"])
    exec_line = next(x for x in entry.splitlines() if x.startswith("Exec="))
    assert exec_line == 'Exec="/opt/my tools/math\\$ym" -m 100%% desktop --launch'


def test_print(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "desktop", "--print")
    assert code == 0 and err == ""
    assert out.startswith("[Desktop Entry]\n") and "Exec=" in out and "desktop --launch" in out


def test_install_and_uninstall(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    code, _out, err = _run(capsys, "desktop", "--install")
    entry = tmp_path / "share" / "applications" / DESKTOP_ID
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "mathsym.svg"
    assert code == 0 and err.count("\n") == 1 and str(entry) in err
    assert entry.read_text(encoding="utf-8") == desktop_entry()
    assert icon.read_text(encoding="utf-8").startswith("<svg")
    # again: replaced, not duplicated
    assert _run(capsys, "desktop", "--install")[0] == 0
    assert sorted(p.name for p in entry.parent.iterdir() if p.name != "mimeinfo.cache") == [
        DESKTOP_ID
    ]
    code, _out, err = _run(capsys, "desktop", "--uninstall")
    assert code == 0 and not entry.exists() and not icon.exists()
    assert "removed" in err


def test_install_where_it_cannot_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = _run(capsys, "desktop", "--install")
    assert code == 1 and out == "" and err.count("\n") == 1 and "cannot install" in err


def test_desktop_needs_one_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "desktop")
    assert code == 2 and err.count("\n") == 1


# --------------------------------------------------------------------------- terminals


@pytest.fixture
def on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH of only fake terminals (none at first), and no $TERMINAL."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("TERMINAL", raising=False)
    return bin_dir


def _install(bin_dir: Path, *names: str) -> None:
    for name in names:
        tool = bin_dir / name
        tool.write_text("#!/bin/sh\n")
        tool.chmod(0o755)


def test_no_terminal(on_path: Path) -> None:
    assert terminal_command(["mathsym"]) is None


@pytest.mark.parametrize("name", sorted(TERMINALS))
def test_each_known_terminal_runs_the_command_at_a_small_size(on_path: Path, name: str) -> None:
    _install(on_path, name)
    argv = terminal_command(["mathsym", "--pick", "--type"])
    assert argv is not None
    assert Path(argv[0]).name == name
    assert argv[-3:] == ["mathsym", "--pick", "--type"]
    if name not in ("xdg-terminal-exec", "wezterm", "x-terminal-emulator"):
        assert any("100" in a for a in argv) and any("28" in a for a in argv)


def test_the_order_of_choice(on_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(on_path, "xterm", "kitty", "foot", "xdg-terminal-exec", "myterm")
    assert terminal_command(["m"]) == ["xdg-terminal-exec", "m"]
    (on_path / "xdg-terminal-exec").unlink()
    monkeypatch.setenv("TERMINAL", "myterm")
    assert terminal_command(["m"]) == ["myterm", "-e", "m"]  # an unknown one: -e
    monkeypatch.setenv("TERMINAL", str(on_path / "kitty"))  # a path to a known one
    argv = terminal_command(["m"])
    assert argv is not None and argv[0].endswith("kitty") and "initial_window_width=100c" in argv
    monkeypatch.delenv("TERMINAL")
    assert terminal_command(["m"])[0] == "foot"  # type: ignore[index]
    assert terminal_command(["m"], "xterm -fa Mono")[:4] == ["xterm", "-fa", "Mono", "-e"]  # type: ignore[index]


def test_launch_without_a_terminal(
    capsys: pytest.CaptureFixture[str], on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    code, _out, err = _run(capsys, "desktop", "--launch")
    assert code == 1 and err.count("\n") == 1 and "TERMINAL" in err


# --------------------------------------------------------------------------- for real


@pytest.mark.slow
def test_launch_from_a_hotkey_to_the_document(xterm: XTerm, tmp_path: Path) -> None:
    # What the entry runs: note the focused window (the document), open the picker in an
    # xterm, and type the pick into the document.
    env = clean_env(DISPLAY=xterm.display, MATHSYM_STATE_DIR=str(tmp_path / "state"))
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"
    done = subprocess.run(
        [sys.executable, "-m", "app", "desktop", "--launch", "--terminal", "xterm"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    found = xterm.xdotool("search", "--sync", "--name", "^mathsym$").split()
    assert found, "the picker's terminal did not open"
    xterm.xdotool("windowfocus", "--sync", found[0])
    _wait_for_the_picker()
    xterm.xdotool("type", "--delay", "60", "\\infty")  # a person types into the picker
    # Return at once: the picker acts on what was typed, its search come back or not.
    xterm.xdotool("key", "Return")
    assert xterm.typed("∞") == "∞"


@pytest.mark.slow
def test_launch_on_wayland(foot: FootDocument, tmp_path: Path) -> None:
    # Wayland: no window id to note; the picker opens in foot, and the pick is typed
    # once the picker's window has closed and sway has given the document the focus back.
    env = {**foot.session.env, "MATHSYM_STATE_DIR": str(tmp_path / "state")}
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"
    done = subprocess.run(
        [sys.executable, "-m", "app", "desktop", "--launch", "--terminal", "foot"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    _wait_for_the_picker()  # in its own window, which sway focuses
    foot.session.press("\\infty")
    assert foot.typed("∞") == "∞"


def _wait_for_the_picker(timeout: float = 60) -> None:
    """Wait until a picker process runs, and give textual time to draw and read keys."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-f", "--", "--pick --type"], capture_output=True)
        if found.returncode == 0:
            time.sleep(3)
            return
        time.sleep(0.1)
    raise AssertionError("the picker never started")
