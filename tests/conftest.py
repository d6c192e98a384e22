"""Helpers the test layers share: the repository, the data file, the TUI under Pilot, tmux,
a virtual X display, an X terminal, a headless Wayland session."""

from __future__ import annotations

import asyncio
import os
import select
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from textual.pilot import Pilot

#: The repository's top folder (tests put it on PYTHONPATH for subprocesses).
REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------- the data file


@pytest.fixture(scope="session")
def raw() -> bytes:
    """The bytes of the data file the library reads (`symbols.datafile.data_path`)."""
    from symbols.datafile import data_path

    return Path(data_path()).read_bytes()


@pytest.fixture(scope="session")
def whole(raw: bytes) -> dict[str, Any]:
    """That file parsed whole, as json reads it."""
    import json

    obj: dict[str, Any] = json.loads(raw)
    return obj


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


# --------------------------------------------------------------------------- the TUI under Pilot


async def settle(pilot: Pilot[Any], timeout: float = 30) -> None:
    """Wait until the app has nothing left to do: no worker running, every message handled.

    Conditions, not sleeps: a search runs in a worker thread and hands its rows back
    through the event loop, and each step (the key, the box's Changed, the rows, the
    detail pane) is a message to some widget. Quiet means no worker unfinished and no
    message queued anywhere on the screens, twice in a row (a handler running when
    the queues are looked at may still post one). The app should be made with
    ``detail_delay=0`` and ``cursor_blink=False``: then no timer is left to wait for.

    Raises:
        AssertionError: when the app is still busy after *timeout* seconds.

    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:
        # A failed worker is the app's to report (it does): only wait for the rest to end.
        running = [w for w in app.workers if not w.is_finished]
        await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
        await pilot.pause(0)  # every widget handles what is queued for it so far
        nodes = [app, *(n for s in app.screen_stack for n in s.walk_children(with_self=True))]
        busy = any(not w.is_finished for w in app.workers) or any(
            n.message_queue_size for n in nodes
        )
        quiet = 0 if busy else quiet + 1
        if time.monotonic() > deadline:
            raise AssertionError(f"the app was still busy after {timeout} s")


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press *keys* (Pilot's names: ``"a"``, ``"?"``, ``"ctrl+l"``, ``"pagedown"``) and `settle`.

    What `Pilot.press` does, less its two CPU-idle waits per key (20 ms windows, longer
    on a loaded machine): the events the terminal driver would post, then conditions.
    A run of characters is typed in one burst, as a quick typist or a paste sends them
    (the box takes them in order; only the last query's results are shown); any other
    key is handled, and the app settled, before the next.
    """
    import unicodedata

    from textual import events
    from textual.keys import KEY_NAME_REPLACEMENTS, key_to_character

    for i, key in enumerate(keys):
        name, char = key, key_to_character(key)
        if len(key) == 1 and not key.isalnum():
            name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
            name, char = KEY_NAME_REPLACEMENTS.get(name, name), key
        pilot.app.post_message(events.Key(name, char))
        typed = len(key) == 1 and key.isprintable()
        following = i + 1 < len(keys) and len(keys[i + 1]) == 1 and keys[i + 1].isprintable()
        if not (typed and following):
            await settle(pilot)


async def until(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 30) -> None:
    """Settle the app until *condition()* holds (a thread, such as a copy, may end later).

    Raises:
        AssertionError: when it does not hold within *timeout* seconds.

    """
    deadline = time.monotonic() + timeout
    await settle(pilot, timeout)
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never came true within {timeout} s: {condition}")
        await settle(pilot, timeout)


# --------------------------------------------------------------------------- X11


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


class Document:
    """A terminal running ``cat >> FILE``: what a person types into it lands in FILE."""

    def __init__(self, target: Path, process: subprocess.Popen[bytes]) -> None:
        self.target = target
        self.process = process

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
        """Close the terminal."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


#: What a document terminal runs: non-canonical input, so cat gets each character as it
#: is typed (no Enter needed), appended to FILE.
_CAT = "stty -icanon -echo min 1; cat >> '{target}'"


class XTerm(Document):
    """An xterm on a virtual display running ``cat >> FILE``: a document to type into."""

    def __init__(self, display: str, target: Path) -> None:
        self.display = display
        self.env = clean_env(DISPLAY=display)
        process = subprocess.Popen(
            ["xterm", "-T", "document", "-e", _CAT.format(target=target)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        super().__init__(target, process)
        self.window = self.xdotool("search", "--sync", "--name", "^document$").split()[0]
        # The window comes before its shell has run stty and cat: what is typed before
        # then may be lost (a loaded machine showed it). cat's redirection makes the file.
        deadline = time.monotonic() + 20
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def xdotool(self, *args: str) -> str:
        """Run xdotool on this display; its output."""
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def focus(self) -> None:
        """Give this xterm the keyboard focus (there is no window manager)."""
        self.xdotool("windowfocus", "--sync", self.window)


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


# --------------------------------------------------------------------------- Wayland

#: The unprivileged user a headless sway runs as when the tests run as root (sway
#: refuses root); .ci/run creates it.
SWAY_USER = os.environ.get("MATHSYM_TEST_USER", "mathsym-test")


class Wayland:
    """A headless sway session: its socket, runtime folder and an environment for clients."""

    def __init__(self, socket: Path, runtime: Path) -> None:
        self.socket = socket
        self.runtime = runtime
        # Clients (foot, wtype, mathsym) may run as root, in sway's runtime folder.
        self.env = clean_env(
            WAYLAND_DISPLAY=socket.name, XDG_RUNTIME_DIR=str(runtime), LANG="C.UTF-8"
        )

    def press(self, text: str, *, enter: bool = True) -> None:
        """Type *text* (ASCII) into the focused window as a person would, then Enter.

        Key by key by keysym, in one wtype: fuzzel and foot in the kitty keyboard mode
        textual turns on read wtype's text mode by raw key code, and wtype's own keymap
        puts its first character on Escape's code; a second wtype's keymap may give
        Return a code that reads as something else.
        """
        names = {" ": "space", "\\": "backslash"}
        keys = [a for ch in text for a in ("-k", names.get(ch, ch), "-s", "40")]
        finish = ["-s", "1000", "-k", "Return"] if enter else []
        subprocess.run(["wtype", "-s", "100", *keys, *finish], env=self.env, timeout=30, check=True)


def _sway_command(config: Path, runtime: Path) -> list[str] | None:
    env = [
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "LANG=C.UTF-8",
        f"XDG_RUNTIME_DIR={runtime}",
        "WLR_BACKENDS=headless",
        "WLR_RENDERER=pixman",
        "WLR_LIBINPUT_NO_DEVICES=1",
        f"HOME={runtime}",
    ]
    command = ["env", "-i", *env, "sway", "-c", str(config)]
    if os.geteuid() != 0:
        return command
    import pwd

    try:
        user = pwd.getpwnam(SWAY_USER)
    except KeyError:
        return None
    os.chown(runtime, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", SWAY_USER, "--", *command]


@pytest.fixture
def wayland() -> Iterator[Wayland]:
    """A headless sway compositor (wlroots: it has the virtual-keyboard protocol)."""
    if not all(shutil.which(t) for t in ("sway", "foot", "wtype")):
        pytest.skip("needs sway, foot and wtype (apt-get install sway foot wtype; .ci/run does)")
    import tempfile

    runtime = Path(tempfile.mkdtemp(prefix="mathsym-wayland-"))
    runtime.chmod(0o700)
    config = runtime / "sway.conf"
    config.write_text("output HEADLESS-1 resolution 1280x800\n", encoding="utf-8")
    config.chmod(0o644)
    command = _sway_command(config, runtime)
    if command is None:
        shutil.rmtree(runtime)
        pytest.skip(f"sway refuses root: needs the user {SWAY_USER} (.ci/run creates it)")
    log = runtime / "sway.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        sockets: list[Path] = []
        while not sockets and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
            sockets = sorted(runtime.glob("wayland-*[0-9]"))
        if not sockets:
            pytest.skip(f"sway did not start: {log.read_text(errors='replace')[-300:]}")
        yield Wayland(sockets[0], runtime)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(runtime, ignore_errors=True)


class FootDocument(Document):
    """A foot terminal on a Wayland session running ``cat >> FILE``; it has the focus."""

    def __init__(self, session: Wayland, target: Path) -> None:
        self.session = session
        target.touch()
        process = subprocess.Popen(
            ["foot", "-T", "document", "sh", "-c", _CAT.format(target=target)],
            env=session.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        super().__init__(target, process)
        # foot maps its window, sway focuses it, cat waits: give it a moment to be ready.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            done = subprocess.run(
                ["wtype", "-s", "50", "--", "."],
                env=session.env,
                capture_output=True,
                timeout=20,
            )
            if done.returncode == 0 and target.read_text(encoding="utf-8").endswith("."):
                break
            time.sleep(0.3)
        target.write_text("", encoding="utf-8")  # cat appends: the document starts empty


@pytest.fixture
def foot(wayland: Wayland, tmp_path: Path) -> Iterator[FootDocument]:
    """A foot terminal running ``cat > document.txt`` with the focus, on headless sway."""
    doc = FootDocument(wayland, tmp_path / "document.txt")
    try:
        yield doc
    finally:
        doc.close()


# --------------------------------------------------------------------------- tmux


class Tmux:
    """One private tmux server (its own socket) running one shell command line, in pane "app"."""

    def __init__(self, socket: Path, state: Path) -> None:
        self.socket = str(socket)
        #: MATHSYM_STATE_DIR of what runs inside: the test's own favorites and recents.
        self.state = state

    def run(self, *args: str) -> str:
        """Run a tmux command on this server; its output."""
        out = subprocess.run(
            ["tmux", "-S", self.socket, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=20,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
        return out.stdout

    def start(self, command: str, size: tuple[int, int] = (80, 24), **env: str) -> None:
        """Run a shell *command* line in a pane of *size*; the shell stays 30 s after it.

        The pane gets this checkout on PYTHONPATH, its own state folder, a 256-colour
        terminal and a UTF-8 locale, and *env* (DISPLAY=…) on top.
        """
        values = {
            "PYTHONPATH": str(REPO),
            "MATHSYM_STATE_DIR": str(self.state),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            **env,
        }
        exports = " ".join(f"export {k}={shlex.quote(v)};" for k, v in values.items())
        # The shell stays after the app exits, so its last screen can still be read.
        line = f"{exports} {command}; sleep 30"
        cols, rows = (str(n) for n in size)
        self.run("new-session", "-d", "-s", "app", "-x", cols, "-y", rows, line)

    def start_app(self, args: str = "", size: tuple[int, int] = (80, 24), **env: str) -> None:
        """Run ``python -m app ARGS`` (a shell-quoted argument string) in a pane of *size*."""
        self.start(f"{shlex.quote(sys.executable)} -m app {args}", size, **env)

    def keys(self, *keys: str) -> None:
        """Send keys to the pane (tmux send-keys)."""
        self.run("send-keys", "-t", "app", *keys)

    def type(self, text: str) -> None:
        """Type *text* as it is (no key names)."""
        self.keys("-l", text)

    def screen(self) -> str:
        """The pane's text now."""
        return self.run("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """The pane's text once it shows *text*; an AssertionError with the pane if never."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        alive = subprocess.run(
            ["tmux", "-S", self.socket, "has-session", "-t", "app"], capture_output=True
        )
        state = "running" if alive.returncode == 0 else "gone (the tmux server exited)"
        raise AssertionError(f"{text!r} never appeared; session {state}; the pane shows:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A private tmux server; the socket in the test's own folder, nothing left in /tmp."""
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux (apt-get install tmux; .ci/run does)")
    t = Tmux(tmp_path / "tmux.sock", tmp_path / "state")
    yield t
    t.run("kill-server")
