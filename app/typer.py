"""Typing a symbol into the focused window, as if from the keyboard.

The desktop path of mathsym (a hotkey, the picker, the symbol in your document)
ends here. Which tool can type depends on the session:

* X11: ``xdotool type`` (it maps a spare key code to any character, astral ones
  included).
* Wayland: ``wtype`` (compositors with the virtual-keyboard protocol: sway,
  Hyprland, river, KDE; not GNOME), then ``ydotool`` (any compositor, through
  /dev/uinput and its daemon; it types only ASCII, so other text is pasted).
* macOS, Windows, a console: nothing here types; the text is copied instead.

Paste mode (``--paste``) copies the text, sends the paste key and then puts the
previous clipboard back: for terminals and apps that drop synthetic key events.

Every tool runs with a time limit and is killed when it overruns: a stuck helper
must never hang mathsym. Where nothing can type, or typing is refused, the text
is copied and the one-line message says so, with what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "INSTALL_HINTS",
    "Outcome",
    "focused_x11_window",
    "session",
    "type_later",
    "type_text",
]

#: How long one helper process may take (seconds) before it is killed.
TOOL_TIMEOUT = 5.0

#: xdotool's --delay, in milliseconds. For a character missing from the keyboard map
#: xdotool binds a spare key code, sends the key press, waits half of this, then
#: unbinds it; an app that reads the press after the unbinding sees no character.
#: Measured on Xvfb with xterm: 12 ms lost 3 of 50 symbols, 20 ms and more none;
#: 60 leaves room for a busy machine and costs a single glyph nothing noticeable.
XDOTOOL_DELAY_MS = 60

#: wtype's -s: milliseconds it waits after sending its keymap, before the first key.
#: Without it the focused app may get the key before the keymap that names it:
#: on headless sway with foot, 3 of 5 single symbols were lost; with 30 ms, none of 40.
WTYPE_SETTLE_MS = 50

#: How long the clipboard keeps the pasted text before the previous one is put
#: back (seconds): the target app reads the clipboard after it gets the paste key.
PASTE_RESTORE_DELAY = 0.3

#: The paste key sent in paste mode, unless MATHSYM_PASTE_KEY names another
#: (terminals want ctrl+shift+v).
DEFAULT_PASTE_KEY = "ctrl+v"

#: What to install, per session, for typing to work.
INSTALL_HINTS: dict[str, str] = {
    "x11": "install xdotool (apt install xdotool, dnf install xdotool, pacman -S xdotool)",
    "wayland": "install wtype (wlroots compositors, KDE) or ydotool with its daemon (any "
    "compositor)",
    "macos": "macOS has no typing helper here; paste with ⌘V",
    "windows": "Windows has no typing helper here; paste with Ctrl+V",
    "none": "no graphical session (DISPLAY and WAYLAND_DISPLAY are unset)",
}

# Linux input event codes ydotool sends for the paste key (KEY_LEFTCTRL, KEY_LEFTSHIFT, KEY_V).
_YDOTOOL_CODES = {"ctrl": 29, "shift": 42, "v": 47, "insert": 110}


@dataclass(frozen=True)
class Outcome:
    """What `type_text` did.

    Attributes:
        ok: True when the text was typed (or pasted) into the focused window.
        how: The tool that did it (``xdotool``, ``wtype``, ``ydotool``), with
            `` (paste)`` in paste mode; ``""`` when nothing typed.
        message: One line for the user: what happened, or why not and what to install.

    """

    ok: bool
    how: str
    message: str


def session(env: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """Tell which kind of desktop session this is.

    Args:
        env: The environment (default ``os.environ``).
        platform: ``sys.platform`` (default the running one).

    Returns:
        ``"wayland"``, ``"x11"``, ``"macos"``, ``"windows"`` or ``"none"``.

    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform == "darwin":
        return "macos"
    if platform.startswith(("win", "cygwin")):
        return "windows"
    kind = env.get("XDG_SESSION_TYPE", "").lower()
    if env.get("WAYLAND_DISPLAY") or kind == "wayland":
        return "wayland"
    if env.get("DISPLAY") or kind == "x11":
        return "x11"
    return "none"


def _run(argv: Sequence[str], stdin: str | None = None) -> tuple[bool, str]:
    """Run a helper with a time limit; (True, "") or (False, its one-line complaint)."""
    from app.helpers import HelperStuck, run

    # The tool found on PATH when it was chosen (`_tools`), by its full path.
    command = [shutil.which(argv[0]) or argv[0], *argv[1:]]
    try:
        done = run(command, input=stdin, seconds=TOOL_TIMEOUT)
    except HelperStuck:  # stopped, with whatever it started
        return False, f"{argv[0]} did not finish within {TOOL_TIMEOUT:g} s and was stopped"
    except OSError as e:
        return False, f"{argv[0]} could not start ({e.strerror or e})"
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        why = said[-1] if said else f"exit status {done.returncode}"
        return False, f"{argv[0]} refused: {why}"
    return True, ""


def _xdotool_focus(window: str) -> tuple[bool, str]:
    """Give *window* the focus: activate it through the window manager, else focus it."""
    ok, _why = _run(["xdotool", "windowactivate", "--sync", window])
    if ok:
        return True, ""
    # No window manager (or one without _NET_ACTIVE_WINDOW): set the input focus directly.
    return _run(["xdotool", "windowfocus", "--sync", window])


def _type_with(tool: str, text: str) -> tuple[bool, str]:
    if tool == "xdotool":
        delay = str(XDOTOOL_DELAY_MS)
        return _run(["xdotool", "type", "--clearmodifiers", "--delay", delay, "--", text])
    if tool == "wtype":
        return _run(["wtype", "-s", str(WTYPE_SETTLE_MS), "--", text])
    # ydotool types through key codes of a US layout: ASCII only.
    return _run(["ydotool", "type", "--", text])


def _paste_with(tool: str, key: str) -> tuple[bool, str]:
    parts = [p.strip().lower() for p in key.split("+") if p.strip()]
    if tool == "xdotool":
        return _run(["xdotool", "key", "--clearmodifiers", "+".join(parts)])
    if tool == "wtype":
        *mods, last = parts or ["v"]
        argv = ["wtype", "-s", str(WTYPE_SETTLE_MS)]
        for m in mods:
            argv += ["-M", m]
        argv += ["-k", last]
        for m in reversed(mods):
            argv += ["-m", m]
        return _run(argv)
    codes = [_YDOTOOL_CODES.get(p) for p in parts]
    if None in codes:
        return False, f"ydotool: cannot send {key!r} (known keys: ctrl, shift, v, insert)"
    events = [f"{c}:1" for c in codes] + [f"{c}:0" for c in reversed(codes)]
    return _run(["ydotool", "key", *events])


def _tools(kind: str) -> list[str]:
    """Return the installed typing tools of a session, in the order they are tried."""
    wanted = {"x11": ["xdotool"], "wayland": ["wtype", "ydotool"]}.get(kind, [])
    return [t for t in wanted if shutil.which(t)]


def type_text(
    text: str,
    *,
    paste: bool = False,
    window: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Outcome:
    """Type *text* into the focused window (or *window*, on X11).

    When no tool can type here, or each refuses, the text is copied to the
    clipboard instead and the message says so, with what to install.

    Args:
        text: What to type (a glyph, usually).
        paste: Copy, send the paste key (``MATHSYM_PASTE_KEY``, default ctrl+v), then
            restore the previous clipboard, instead of typing key by key.
        window: An X11 window id to focus first (the window that had focus before
            the picker opened); ignored elsewhere.
        env: The environment (default ``os.environ``).

    Returns:
        An `Outcome`; never raises for a missing or failing tool.

    """
    env = os.environ if env is None else env
    kind = session(env)
    tools = _tools(kind)
    complaints: list[str] = []
    if window and kind == "x11" and "xdotool" in tools:
        ok, why = _xdotool_focus(window)
        if not ok:
            complaints.append(why)
    for tool in tools:
        # ydotool types through a US key map: anything else goes through the clipboard.
        as_paste = paste or (tool == "ydotool" and not text.isascii())
        ok, why = _paste(tool, text, env) if as_paste else _type_with(tool, text)
        if ok:
            how = f"{tool} (paste)" if as_paste else tool
            return Outcome(True, how, f"typed {_shown(text)} with {how}")
        complaints.append(why)
    return _copy_instead(text, kind, complaints)


def _paste(tool: str, text: str, env: Mapping[str, str]) -> tuple[bool, str]:
    """Copy *text*, send the paste key with *tool*, then put the old clipboard back."""
    from app.clipboard import copy_system

    previous = _clipboard_text()
    reason = copy_system(text)
    if reason is not None:
        return False, f"paste needs the clipboard: {reason}"
    ok, why = _paste_with(tool, env.get("MATHSYM_PASTE_KEY") or DEFAULT_PASTE_KEY)
    if previous is not None and previous != text:
        time.sleep(PASTE_RESTORE_DELAY)
        copy_system(previous)
    return ok, why


def _clipboard_text() -> str | None:
    """Return the clipboard's text, or None when it cannot be read (nothing to restore)."""
    try:
        from app.clipboard import load_pyperclip  # xclip & co. with a time limit

        value = load_pyperclip().paste()
    except Exception:  # any failure only means: nothing to restore
        return None
    return value if isinstance(value, str) else None


def _copy_instead(text: str, kind: str, complaints: list[str]) -> Outcome:
    from app.clipboard import copy

    why = "; ".join(complaints) if complaints else f"nothing can type here: {INSTALL_HINTS[kind]}"
    if complaints and kind in ("x11", "wayland"):
        why += f" ({INSTALL_HINTS[kind]})"
    copied = copy(text)
    if copied.ok:
        where = "the clipboard" if copied.how == "system" else "the clipboard via the terminal"
        return Outcome(False, "", f"did not type ({why}); copied {_shown(text)} to {where} instead")
    return Outcome(False, "", f"did not type ({why}); {copied.message}")


def _shown(text: str) -> str:
    """*text* for a message: printable as is, else its code points."""
    if text.isprintable() and len(text) <= 20:
        return text
    return " ".join(f"U+{ord(c):04X}" for c in text[:8]) + (" …" if len(text) > 8 else "")


# --------------------------------------------------------------------------- after the picker


def type_later(text: str, *, paste: bool = False, window: str | None = None) -> None:
    """Type *text* from a detached process once the picker's window has gone.

    The picker usually runs in a terminal opened for it; when it exits, the terminal
    closes and the window manager gives the focus back to the window the person was
    typing in. Typing must wait for that, from a process that outlives the terminal
    (a new session, so the terminal's hang-up does not reach it).
    """
    own = os.environ.get("WINDOWID", "")
    argv = [sys.executable, "-m", "app.typer", "--from-window", own]
    if window:
        argv += ["--window", window]
    if paste:
        argv.append("--paste")
    argv += ["--", text]
    from app.helpers import detach

    detach(argv)


#: How long the detached typist waits for the picker's window to lose the focus.
FOCUS_WAIT = 1.0


def _wait_for_focus_to_leave(own: str) -> None:
    """Wait until the focused X11 window is no longer *own*, at most `FOCUS_WAIT` seconds.

    Elsewhere (Wayland: no client may ask which window has the focus) wait a fixed
    quarter second, long enough for a compositor to refocus after a window closes.
    """
    if session() != "x11" or not own or not shutil.which("xdotool"):
        time.sleep(0.25)
        return
    deadline = time.monotonic() + FOCUS_WAIT
    while time.monotonic() < deadline:
        now = focused_x11_window()
        if now and now != own:
            return
        time.sleep(0.02)


def focused_x11_window() -> str | None:
    """Return the X11 window with the focus (xdotool), or None when none can be told.

    The window manager's active window where there is one, else the input focus
    itself (an X server with no window manager, like Xvfb in the tests).
    """
    from app.helpers import run

    for ask in (["xdotool", "getactivewindow"], ["xdotool", "getwindowfocus"]):
        try:
            done = run(ask, seconds=2)
        except OSError:  # not installed, or stuck (HelperStuck is an OSError)
            return None
        window = done.stdout.strip()
        # 0 and 1 are None and PointerRoot: the focus follows the pointer, no window has it.
        if done.returncode == 0 and window.isdigit() and int(window) > 1:
            return window
    return None


def _main(argv: list[str]) -> int:
    """Run ``python -m app.typer --from-window ID [--window ID] [--paste] -- TEXT``."""
    own, window, paste = "", None, False
    args = iter(argv)
    text = ""
    for arg in args:
        if arg == "--from-window":
            own = next(args, "")
        elif arg == "--window":
            window = next(args, None)
        elif arg == "--paste":
            paste = True
        elif arg == "--":
            text = " ".join(args)
    if not text:
        return 2
    _wait_for_focus_to_leave(own)
    outcome = type_text(text, paste=paste, window=window)
    if not outcome.ok:
        _notify(outcome.message)
    return 0 if outcome.ok else 1


def _notify(message: str) -> None:
    """Tell the person through a desktop notification (the picker's terminal is gone)."""
    if shutil.which("notify-send"):
        from app.helpers import run

        with contextlib.suppress(OSError):
            run(["notify-send", "mathsym", message], seconds=TOOL_TIMEOUT)


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
