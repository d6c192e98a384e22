"""The system clipboard from inside the TUI.

`app.clipboard.copy_system` does the work (pyperclip, then reading the text back).
Inside the TUI it must not silence stdout/stderr (textual draws on them), and the
TUI sends OSC 52 itself through textual's driver, so this module only decides
whether trying the system clipboard makes sense at all.
"""

from __future__ import annotations

import os
import sys

from app.clipboard import copy_system

__all__ = ["copy_native"]


def copy_native(text: str) -> tuple[bool, str]:
    """Put *text* on the system clipboard.

    Args:
        text: What to copy.

    Returns:
        (True, where it went) on success, else (False, a short reason). Never raises.

    """
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # No display: xclip or wl-copy would only print an error across the screen.
        return False, "no display for a system clipboard"
    reason = copy_system(text, quiet=False)
    if reason is None:
        return True, "the system clipboard"
    return False, reason
