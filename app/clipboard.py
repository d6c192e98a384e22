"""Copying text to the clipboard: the system clipboard first, else OSC 52 to the terminal.

The system clipboard goes through pyperclip (pbcopy on macOS, wl-copy, xclip or
xsel on Linux, the Win32 API on Windows). Where none of those works — typically
over SSH, or on a console with no display — the text is sent to the controlling
terminal as an OSC 52 escape sequence, which most modern terminal emulators turn
into a clipboard write (and tmux does too with ``set-clipboard on``).

pyperclip is imported only when something is copied: it costs about as much as
a bare interpreter start, and a look-up does not need it.
"""

from __future__ import annotations

import base64
import contextlib
import os
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Re-exported: the clipboard's helpers were the first with a time limit.
from app.helpers import HELPER_SECONDS, TimedPopen, stop_helpers

__all__ = [
    "HELPER_SECONDS",
    "CopyResult",
    "copy",
    "copy_system",
    "load_pyperclip",
    "osc52_sequence",
    "stop_helpers",
]

#: The terminal the OSC 52 sequence goes to (the controlling terminal, even when
#: stdout is a pipe).
TTY_PATH = "/dev/tty"


#: How long to keep reading the clipboard back after a copy (seconds). xclip and
#: wl-copy return before the process they fork has taken the selection, so the
#: first read can see the old contents, more often on a busy machine.
READBACK_SECONDS = 1.0


@dataclass(frozen=True)
class CopyResult:
    """What `copy` did.

    Attributes:
        ok: True when the text went somewhere that should put it on the clipboard.
        how: ``"system"`` (pyperclip), ``"osc52"`` (escape sequence to the terminal)
            or ``"none"``.
        message: One line for the user saying which way it went, or why neither worked.

    """

    ok: bool
    how: str
    message: str


def osc52_sequence(text: str, *, tmux: bool = False) -> bytes:
    r"""Build the OSC 52 "set clipboard" escape sequence for *text*.

    Args:
        text: What to copy.
        tmux: Wrap the sequence in tmux's DCS passthrough (``ESC P tmux; … ESC \``),
            with every ESC inside doubled, so that it reaches the outer terminal
            when tmux has ``allow-passthrough on``.

    Returns:
        The bytes to write to the terminal.

    """
    payload = base64.b64encode(text.encode("utf-8"))
    seq = b"\x1b]52;c;" + payload + b"\x07"
    if tmux:
        seq = b"\x1bPtmux;" + seq.replace(b"\x1b", b"\x1b\x1b") + b"\x1b\\"
    return seq


def copy(text: str) -> CopyResult:
    """Put *text* on the clipboard: the system clipboard, else OSC 52 to the terminal.

    Args:
        text: What to copy.

    Returns:
        A `CopyResult` saying whether it worked and how.

    """
    reason = copy_system(text)
    if reason is None:
        return CopyResult(True, "system", "copied to the system clipboard")
    sent = _copy_osc52(text)
    if sent is None:
        return CopyResult(
            True,
            "osc52",
            f"no system clipboard ({reason}); sent an OSC 52 escape to the terminal "
            "(works in most modern terminals, and in tmux with set-clipboard on)",
        )
    return CopyResult(
        False,
        "none",
        f"could not copy: no system clipboard ({reason}) and no terminal for OSC 52 ({sent})",
    )


def copy_system(text: str, *, quiet: bool = True) -> str | None:
    """Copy *text* to the system clipboard through pyperclip, and read it back.

    Args:
        text: What to copy.
        quiet: Point stdout and stderr at /dev/null while the clipboard tool starts
            (see `_quiet_std_fds`); a full-screen app that draws on them may say no.

    Returns:
        None on success, else a short reason why not.

    """
    try:
        pyperclip = load_pyperclip()
    except ImportError:
        return "pyperclip is not installed"
    try:
        with _quiet_std_fds() if quiet else contextlib.nullcontext():
            pyperclip.copy(text)
            back = _read_back(pyperclip.paste, text)
    except pyperclip.PyperclipException:
        # Its message is a paragraph with a URL; say the useful part in a few words.
        return "no clipboard tool found: install xclip, xsel or wl-clipboard, or set $DISPLAY"
    except Exception as exc:  # a clipboard tool's OSError, or anything it raises
        first = str(exc).strip().splitlines()
        return first[0] if first else type(exc).__name__
    # pyperclip's xclip and wl-copy back ends do not check the tool's exit status
    # (an unreachable $DISPLAY "succeeds"), so reading the text back is the only proof.
    if back != text:
        return "the clipboard tool did not take the text"
    return None


# --------------------------------------------------------------------------- helper processes


def load_pyperclip() -> types.ModuleType:
    """Import pyperclip with a time limit on every process it starts (`app.helpers`).

    pyperclip runs xclip, xsel, wl-copy, pbcopy… and waits for them with no time
    limit. It finds them through its module's ``subprocess``, which is swapped here
    for one whose processes are stopped once `HELPER_SECONDS` have passed: the copy
    then fails with a one-line reason (``xclip did not finish within 3 s and was
    stopped``) and `copy` falls back to OSC 52. Use this instead of ``import
    pyperclip`` wherever mathsym talks to the clipboard.
    """
    import pyperclip

    module: types.ModuleType = pyperclip
    if getattr(module, "subprocess", None) is not _TIMED_SUBPROCESS:
        module.subprocess = _TIMED_SUBPROCESS  # type: ignore[attr-defined]
    return module


def _call(*args: Any, **kwargs: Any) -> int:
    with TimedPopen(*args, **kwargs) as proc:
        return proc.wait()


def _check_call(*args: Any, **kwargs: Any) -> int:
    code = _call(*args, **kwargs)
    if code:
        raise subprocess.CalledProcessError(code, kwargs.get("args", args[0] if args else ""))
    return 0


def _run(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` within the helpers' time (what pyperclip calls)."""
    check = kwargs.pop("check", False)
    kwargs.pop("timeout", None)
    stdin = kwargs.pop("input", None)
    if stdin is not None:
        kwargs["stdin"] = subprocess.PIPE
    with TimedPopen(*args, **kwargs) as proc:
        out, err = proc.communicate(stdin)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    if check:
        done.check_returncode()
    return done


def _check_output(*args: Any, **kwargs: Any) -> Any:
    return _run(*args, stdout=subprocess.PIPE, check=True, **kwargs).stdout


# What pyperclip sees as its `subprocess` module: the real one, but for these.
_TIMED_SUBPROCESS = types.SimpleNamespace(
    **{name: getattr(subprocess, name) for name in dir(subprocess) if not name.startswith("__")}
)
_TIMED_SUBPROCESS.Popen = TimedPopen
_TIMED_SUBPROCESS.call = _call
_TIMED_SUBPROCESS.check_call = _check_call
_TIMED_SUBPROCESS.run = _run
_TIMED_SUBPROCESS.check_output = _check_output


def _read_back(paste: Callable[[], str], text: str) -> str:
    """Read the clipboard until it holds *text* or `READBACK_SECONDS` have passed.

    Returns:
        The last text read (equal to *text* on success).

    """
    deadline = time.monotonic() + READBACK_SECONDS
    delay = 0.01
    back = paste()
    while back != text:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        time.sleep(min(delay, left))
        delay = min(delay * 2, 0.2)
        back = paste()
    return back


class _quiet_std_fds:
    """Point fds 1 and 2 at /dev/null while pyperclip runs its clipboard tool.

    xclip and wl-copy fork a process that keeps serving the selection and inherits
    our stdout and stderr: a caller reading our output through a pipe (``mathsym -c
    x | cat``, a test's subprocess) would otherwise wait until that process exits.
    """

    def __enter__(self) -> None:
        self._saved: list[tuple[int, int]] = []
        if os.name != "posix":
            return
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            for fd in (1, 2):
                try:
                    self._saved.append((fd, os.dup(fd)))
                except OSError:
                    continue
                os.dup2(null, fd)
        finally:
            os.close(null)

    def __exit__(self, *exc: object) -> None:
        for fd, saved in self._saved:
            os.dup2(saved, fd)
            os.close(saved)


def _copy_osc52(text: str) -> str | None:
    """Write OSC 52 to the controlling terminal; None on success, else why not."""
    if os.name != "posix":
        return "not a POSIX terminal"
    try:
        fd = os.open(TTY_PATH, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        return f"cannot open {TTY_PATH}: {exc.strerror or exc}"
    try:
        if os.environ.get("TMUX"):
            # Plain first (tmux stores it with set-clipboard on and forwards it to
            # the outer terminal), then wrapped for tmux's passthrough (reaches the
            # outer terminal directly with allow-passthrough on).
            data = osc52_sequence(text) + osc52_sequence(text, tmux=True)
        else:
            data = osc52_sequence(text)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as exc:
        return f"cannot write to {TTY_PATH}: {exc.strerror or exc}"
    finally:
        os.close(fd)
    return None
