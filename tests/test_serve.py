"""``mathsym serve``: the TUI in a real browser (Debian's chromium driven by Playwright).

The browser test starts ``mathsym serve`` as a person would (its own process group, so
that SIGINT reaches it as Ctrl+C in a terminal does), loads the page in headless
chromium, reads the screen the page's terminal (xterm.js) holds, types ``\\le``, copies
with Enter and reads the browser's clipboard. A screenshot is kept under pytest's
temporary folder (its path is printed). Chromium is Debian's (``apt-get install
chromium``, as .ci/run does): browser downloads are impossible here, and
``playwright install`` is never run.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_env

from app.cli import main
from app.serve import is_loopback, port_problem, url_of
from app.state import State

pytestmark = pytest.mark.slow

#: The console script of this environment (pip install -e .).
MATHSYM = shutil.which("mathsym", path=str(Path(sys.executable).parent))

#: Debian's chromium (the package's launcher script sets its flags and libraries).
CHROMIUM = shutil.which("chromium")

#: Flags for a headless chromium that asks nothing of the network or the machine.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # runs as root here
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


needs_server = pytest.mark.skipif(
    MATHSYM is None or not _has("textual_serve"),
    reason="needs the mathsym script and textual-serve (pip install -e '.[test]')",
)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None or not _has("playwright"),
    reason="needs Debian's chromium (apt-get install chromium) and playwright",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """A running ``mathsym serve`` and what it printed."""

    def __init__(self, proc: subprocess.Popen[str], first_line: str) -> None:
        self.proc = proc
        self.first_line = first_line
        self.out = ""
        self.err = ""

    def stop(self) -> int:
        """Press Ctrl+C (SIGINT to the process group, as a terminal sends it); the status."""
        os.killpg(self.proc.pid, signal.SIGINT)
        out, err = self.proc.communicate(timeout=30)
        self.out, self.err = self.first_line + out, err
        return self.proc.returncode


@contextmanager
def serving(*args: str, cwd: Path | None = None, **env: str) -> Iterator[Served]:
    """Start ``mathsym serve ARGS`` and wait for its start line; stop it afterwards."""
    assert MATHSYM is not None
    proc = subprocess.Popen(
        [MATHSYM, "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(**env),
        cwd=cwd,
        start_new_session=True,
    )
    assert proc.stdout is not None
    ready = select.select([proc.stdout], [], [], 60)[0]
    line = proc.stdout.readline() if ready else ""
    served = Served(proc, line)
    try:
        if not line:
            proc.kill()
            pytest.fail(f"mathsym serve printed no start line: {proc.communicate()}")
        yield served
    finally:
        if proc.poll() is None:
            served.stop()


def _wait_for(what: str, check: Callable[[], Any], seconds: float = 60) -> Any:
    """Poll *check* until it gives something true (a wait, not a timed assertion)."""
    deadline = time.monotonic() + seconds
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


# xterm.js draws on a canvas, so the page's text is in the terminal's buffer, not in the
# DOM. textual-serve's script keeps its xterm.js Terminal to itself; its add-ons are
# handed it (`addon._terminal = terminal`), and this catches that assignment.
_CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "_terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer && value.buffer.active && !window.mathsymTerminal) {
      window.mathsymTerminal = value;
    }
    Object.defineProperty(this, "_terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
  },
});
"""

_SCREEN = """() => {
  const term = window.mathsymTerminal;
  if (!term) return null;
  const buffer = term.buffer.active, lines = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y).translateToString(true));
  return lines.join("\\n");
}"""


@needs_server
@needs_browser
def test_the_tui_in_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    state_dir = tmp_path / "state"
    State(state_dir).toggle_favorite(0x2200)  # a favorite made in the terminal app
    # A folder with a package named `app` of its own: the sessions must not import it.
    elsewhere = tmp_path / "project"
    (elsewhere / "app").mkdir(parents=True)
    (elsewhere / "app" / "__init__.py").write_text("raise SystemExit('the wrong app')\n")
    port = _free_port()
    started = time.monotonic()
    with serving("--port", str(port), cwd=elsewhere, MATHSYM_STATE_DIR=str(state_dir)) as srv:
        assert (
            srv.first_line
            == f"mathsym: serving the TUI on http://127.0.0.1:{port}/ (Ctrl+C stops it)\n"
        )
        print(f"serve: start line after {time.monotonic() - started:.2f} s")
        with sync_playwright() as pw:
            browser = pw.chromium.launch_persistent_context(
                str(tmp_path / "chromium-profile"),  # a fresh --user-data-dir
                executable_path=CHROMIUM,
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": 1100, "height": 640},
                permissions=["clipboard-read", "clipboard-write"],
            )
            try:
                page = browser.pages[0] if browser.pages else browser.new_page()
                outside: list[str] = []
                page.on(
                    "request",
                    lambda r: (
                        outside.append(r.url)
                        if not r.url.startswith((f"http://127.0.0.1:{port}/", "ws://", "data:"))
                        else None
                    ),
                )
                page.add_init_script(_CATCH_TERMINAL)
                loaded = time.monotonic()
                page.goto(f"http://127.0.0.1:{port}/")

                def screen() -> str:
                    return str(page.evaluate(_SCREEN) or "")

                # The favorite starred in the terminal app is there for an empty query.
                _wait_for("favorites", lambda: "Favorites" in screen() and "FOR ALL" in screen())
                print(f"serve: page drawn {time.monotonic() - loaded:.2f} s after loading it")
                page.click("#terminal")
                page.keyboard.type("\\le")
                _wait_for("≤ found", lambda: "LESS-THAN OR EQUAL TO" in screen())
                text = screen()
                assert "≤" in text and "\\le" in text
                shot = tmp_path / "mathsym-serve-le.png"
                page.screenshot(path=str(shot))
                print(f"serve: screenshot {shot}")
                # Enter copies: OSC 52 through the page onto the browser's clipboard.
                page.keyboard.press("Enter")
                copied = _wait_for(
                    "the copy", lambda: page.evaluate("navigator.clipboard.readText()") == "≤"
                )
                assert copied
                # The copy is a use, saved where the terminal app reads it.
                _wait_for("the use saved", lambda: 0x2264 in State(state_dir).recents)
                assert State(state_dir).favorites == [0x2200]
                assert outside == []  # the page loads nothing from elsewhere
                # Ctrl+C with the tab still open: the page says the session ended.
                assert srv.stop() == 0
                page.wait_for_selector("body.-closed", timeout=30_000)
                assert page.locator(".ended").is_visible()
            finally:
                browser.close()
    assert srv.out.splitlines() == [srv.first_line.rstrip("\n")]
    assert srv.err == "mathsym: stopped\n"
    _wait_for("the sessions to end", lambda: not _group_alive(srv.proc.pid), seconds=20)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@needs_server
def test_the_page_is_there_once_the_line_is_and_ctrl_c_stops_it() -> None:
    import urllib.request

    port = _free_port()
    with serving("--port", str(port)) as srv:
        # The line comes once the port takes connections: the URL works when shown.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
            html = page.read().decode()
        assert "<title>mathsym</title>" in html and "textual.js" in html
        assert "https://" not in html  # nothing from elsewhere
        assert srv.stop() == 0
    assert "Traceback" not in srv.err and srv.err == "mathsym: stopped\n"


@needs_server
def test_a_port_in_use_is_one_line_and_status_2() -> None:
    assert MATHSYM is not None
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [MATHSYM, "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=60,
        )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        f"mathsym: error: port {port} on 127.0.0.1 is in use (another mathsym serve?); "
        "choose another with --port\n"
    )


@needs_server
def test_an_ipv6_loopback_in_brackets_is_served_without_a_warning() -> None:
    port = _free_port()
    if not socket.has_ipv6 or port_problem("::1", port) is not None:
        pytest.skip("no IPv6 loopback here")
    with serving("--host", "[::1]", "--port", str(port)) as srv:
        url = f"http://[::1]:{port}/"
        assert srv.first_line == f"mathsym: serving the TUI on {url} (Ctrl+C stops it)\n"
        assert srv.stop() == 0
    assert srv.err == "mathsym: stopped\n"


@needs_server
def test_another_host_is_served_with_a_warning() -> None:
    port = _free_port()
    with serving("--host", "0.0.0.0", "--port", str(port)) as srv:
        assert (
            srv.first_line
            == f"mathsym: serving the TUI on http://0.0.0.0:{port}/ (Ctrl+C stops it)\n"
        )
        assert srv.stop() == 0
    warning, stopped = srv.err.splitlines()
    assert warning.startswith("mathsym: warning: serving on 0.0.0.0, not only this machine")
    assert f"port {port}" in warning and stopped == "mathsym: stopped"


@needs_server
def test_open_opens_the_page_in_the_browser(tmp_path: Path) -> None:
    opened = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n')
    browser.chmod(0o755)
    port = _free_port()
    with serving("--port", str(port), "--open", BROWSER=str(browser)) as srv:
        _wait_for("the browser", lambda: opened.exists() and opened.read_text())
        assert srv.stop() == 0
    assert opened.read_text() == f"http://127.0.0.1:{port}/"


def test_without_the_web_extra_it_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "mathsym: error: mathsym serve needs textual-serve, which is not installed: "
        "pip install 'mathsym[web]' (with pipx: pipx inject mathsym textual-serve)\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "0"], "argument --port: 0 is not a port number (1 to 65535)"),
        (["--port", "http"], "argument --port: 'http' is not a port number"),
        (["--host"], "argument --host: expected one argument"),
        (["extra"], "unrecognized arguments: extra"),
    ],
)
def test_bad_arguments_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_what_counts_as_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_urls() -> None:
    assert url_of("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert url_of("::1", 8080) == "http://[::1]:8080/"


def test_port_problem_sees_a_listener_and_a_free_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert port_problem("127.0.0.1", port) is not None
    assert port_problem("127.0.0.1", _free_port()) is None


def test_a_browser_session_never_copies_to_the_servers_clipboard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The serving machine's clipboard may be somebody else's screen: a browser tab's copy
    # goes through the page (OSC 52) only.
    import asyncio

    import pyperclip

    from app.tui.app import MathsymApp

    native: list[str] = []
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(pyperclip, "copy", native.append)

    async def run(browser: bool) -> list[str]:
        app = MathsymApp(query="forall", state_dir=tmp_path, theme="textual-dark", browser=browser)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [n.message for n in app._notifications]

    said = asyncio.run(run(browser=True))
    assert native == [] and any("browser's clipboard" in m for m in said)
    asyncio.run(run(browser=False))
    assert native == ["∀"]  # the same copy in a terminal reaches the system clipboard
