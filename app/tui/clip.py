"""The system clipboard from inside the TUI.

`app.clipboard` serves the one-shot CLI: it silences stdout/stderr while the
clipboard tool starts, and falls back to writing OSC 52 to /dev/tty itself. Inside
the TUI both would fight textual for the terminal (textual draws on stderr and sends
OSC 52 through its own driver), so the TUI asks pyperclip directly and only for the
system clipboard.
"""

from __future__ import annotations

import os
import sys

__all__ = ["copy_native"]


def copy_native(text: str) -> tuple[bool, str]:
    """Put *text* on the system clipboard through pyperclip.

    Args:
        text: What to copy.

    Returns:
        (True, where it went) on success, else (False, a short reason). Never raises.

    """
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # No display: xclip/wl-copy would only print an error across the screen.
        return False, "no display for a system clipboard"
    try:
        import pyperclip

        pyperclip.copy(text)
        back = pyperclip.paste()
    except Exception as exc:  # pyperclip's own error, or whatever its tool raised
        first = str(exc).strip().splitlines()
        reason = first[0] if first else type(exc).__name__
        if type(exc).__name__ == "PyperclipException":
            reason = "no clipboard tool found (install xclip, xsel or wl-clipboard)"
        return False, reason
    # Some pyperclip back ends do not check the tool's exit status: read it back.
    if back != text:
        return False, "the clipboard tool did not take the text"
    return True, "the system clipboard"
