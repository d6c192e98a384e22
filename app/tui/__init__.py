"""The mathsym TUI (textual). `run` is what ``mathsym``, ``mathsym tui`` and ``--pick`` call."""

from __future__ import annotations

import sys

__all__ = ["run"]


def run(query: str = "", pick: str | None = None) -> int:
    """Run the TUI until the user quits; return the process exit code.

    Args:
        query: The query to start with.
        pick: ``--pick`` mode: the format Enter prints to stdout (``glyph``, ``latex``,
            ``html``, ``codepoint``, ``name``, ``chord`` or an input method id; "" means
            glyph). None runs the normal app.

    Returns:
        0 normally and when a symbol was picked; 1 when a pick was cancelled (Esc);
        2 for an unknown pick format (a one-line message on stderr).

    """
    from app.tui.formats import check_format

    fmt: str | None = None
    if pick is not None:
        try:
            fmt = check_format(pick or "glyph")
        except ValueError as e:
            print(f"mathsym: {e}", file=sys.stderr)
            return 2
    from app.tui.app import MathsymApp

    app = MathsymApp(query=query, pick=fmt)
    result = app.run()
    if fmt is None:
        return app.return_code or 0
    if result is None:
        return 1
    # Printed only now, after textual has given the terminal back. No newline into a
    # pipe, so `mathsym --pick | wl-copy` copies the symbol alone (a newline would also
    # be typed as Enter by `xdotool type`); one on a terminal, for the prompt's sake.
    sys.stdout.write(result + ("\n" if sys.stdout.isatty() else ""))
    sys.stdout.flush()
    return 0
