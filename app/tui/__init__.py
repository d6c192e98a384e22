"""The mathsym TUI (textual). `run` is what ``mathsym``, ``mathsym tui`` and ``--pick`` call."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["QUIT_GRACE", "run", "terminal_problem"]

#: Seconds a copy still under way when the TUI quits may take to finish (then stopped).
QUIT_GRACE = 0.5


def terminal_problem() -> str | None:
    """Say why the TUI cannot run here, or None when stdin and the screen are terminals.

    textual reads keys from ``sys.__stdin__`` and draws on ``sys.__stderr__`` (on
    Windows ``sys.__stdout__``); when either is a pipe or a file it does not stop but
    spins, writing escape codes. So ``mathsym --pick`` with stdout captured is fine,
    ``echo forall | mathsym`` is not.

    Returns:
        A few words naming the stream that is not a terminal, or None.

    """
    screen_name = "stdout" if os.name == "nt" else "stderr"
    screen = sys.__stdout__ if os.name == "nt" else sys.__stderr__
    for name, stream in (("stdin", sys.__stdin__), (screen_name, screen)):
        try:
            tty = stream is not None and stream.isatty()
        except (OSError, ValueError):  # closed
            tty = False
        if not tty:
            return f"{name} is not one"
    return None


def run(
    query: str = "",
    pick: str | None = None,
    typing: dict[str, Any] | None = None,
    *,
    web: bool = False,
) -> int:
    """Run the TUI until the user quits; return the process exit code.

    Args:
        query: The query to start with.
        pick: ``--pick`` mode: the format Enter prints to stdout (``glyph``, ``latex``,
            ``html``, ``codepoint``, ``name``, ``chord`` or an input method id; "" means
            glyph). None runs the normal app.
        typing: With *pick*: type the pick into a window instead of printing it
            (``{"paste": bool, "window": X11 id or None}``, see `app.typer`).
        web: A browser tab's session of ``mathsym serve`` (`app.serve`): textual's web
            driver talks to the page through stdin and stdout, which are pipes, not
            a terminal.

    Returns:
        0 normally and when a symbol was picked; 1 when a pick was cancelled (Esc);
        2 for an unknown pick format or when stdin or the screen (stderr) is not a
        terminal (a one-line message on stderr).

    """
    from app.tui.formats import check_format

    fmt: str | None = None
    if pick is not None:
        try:
            fmt = check_format(pick or "glyph")
        except ValueError as e:
            from app.display import message_safe

            print(f"mathsym: {message_safe(str(e))}", file=sys.stderr)
            return 2
    # textual first: when it is missing, that (the caller's ImportError message) is
    # the thing to fix, terminal or not.
    from app.tui.app import MathsymApp

    if web:
        app = MathsymApp(query=query, browser=True)
        app.run()
        return app.return_code or 0
    problem = terminal_problem()
    if problem is not None:
        print(
            f"mathsym: the TUI needs a terminal ({problem}); "
            "for a one-shot look-up run `mathsym QUERY`",
            file=sys.stderr,
        )
        return 2

    with _stdout_on_the_terminal() as stdout:
        # A captured stdout gets the pick the moment it is made (see `_Stdout`).
        deliver = stdout.deliver if typing is None else None
        app = MathsymApp(query=query, pick=fmt, on_pick=deliver)
        try:
            result = app.run()
        finally:
            from app.helpers import finish_helpers

            finish_helpers(QUIT_GRACE)  # a stuck clipboard tool does not hold up the exit
    if fmt is None:
        return app.return_code or 0
    if result is None:
        return 1
    if typing is not None:
        return _type_pick(result, typing)
    if stdout.delivered:
        return 0
    # On a terminal, printed only now, after textual has given the screen back; with a
    # newline, for the prompt's sake.
    sys.stdout.write(result + ("\n" if sys.stdout.isatty() else ""))
    sys.stdout.flush()
    return 0


class _Stdout:
    """The process's real stdout while the TUI runs, and the pick written to it early.

    When stdout is captured (``x=$(mathsym --pick)``, ``| wl-copy``) the pick is
    written the moment Enter picks it, and the pipe closed, so the reader has it
    without waiting for textual to wind down (which takes longer than the pick
    itself: bench/bench_pick.py). No newline into a pipe: ``mathsym --pick | wl-copy``
    copies the symbol alone, and ``xdotool type`` would type a newline as Enter.
    """

    def __init__(self, saved: int | None) -> None:
        #: A duplicate of the real stdout while descriptor 1 is on the terminal, else None.
        self.saved = saved
        self.delivered = False
        # Read now: while the app runs, textual stands in for sys.stdout.
        self.encoding = getattr(sys.stdout, "encoding", None) or "utf-8"

    def deliver(self, text: str) -> None:
        """Write *text* to the captured stdout and close it; on a terminal, do nothing yet."""
        if self.saved is None or self.delivered:
            return
        self.delivered = True
        data = text.encode(self.encoding, "backslashreplace")
        try:
            while data:
                data = data[os.write(self.saved, data) :]
        except OSError:  # the reader went away: nothing to tell it
            pass
        # Close the pipe (the reader sees its end) by putting /dev/null in its place.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, self.saved)
        os.close(null)


@contextmanager
def _stdout_on_the_terminal() -> Iterator[_Stdout]:
    """While the app runs, point file descriptor 1 at the terminal when stdout is captured.

    ``x=$(mathsym --pick)``, ``mathsym --pick > file`` and ``mathsym --pick | cat`` leave
    stdout a pipe or a file. textual's Linux driver sizes the screen with
    `shutil.get_terminal_size`, which asks stdout and falls back to 80x24 there, while
    the app's first size comes from Rich, which asks stdin and gets the real size:
    each resize event then swaps the two sizes, every ~10 ms, forever, and no key gets
    through (only a terminal of exactly 80x24 escaped). With descriptor 1 on the
    terminal (the screen textual draws on, stderr, checked by `terminal_problem`)
    every size query agrees. The pick goes to the real stdout (`_Stdout.deliver`).
    """
    try:
        captured = not os.isatty(1)
        screen = sys.__stderr__.fileno() if sys.__stderr__ is not None else -1
    except (OSError, ValueError):  # stdout closed, or stderr has no descriptor
        captured, screen = False, -1
    if not captured or screen < 0 or not os.isatty(screen):
        yield _Stdout(None)
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(screen, 1)
        yield _Stdout(saved)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def _type_pick(text: str, typing: dict[str, Any]) -> int:
    """Type the pick into the window the person was typing in (``--pick --type``).

    With ``--window`` (what ``mathsym desktop --launch`` passes: the window that had
    the focus before the picker's terminal opened) it is focused and typed into
    now. Without, the picker's own terminal is probably about to close and hand the
    focus back: a detached process types once it has (`app.typer.type_later`).
    """
    from app import typer

    if typing.get("window"):
        outcome = typer.type_text(text, paste=bool(typing.get("paste")), window=typing["window"])
        if not outcome.ok:
            print(f"mathsym: {outcome.message}", file=sys.stderr)
        return 0 if outcome.ok else 1
    typer.type_later(text, paste=bool(typing.get("paste")))
    return 0
