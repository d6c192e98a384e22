"""The user's symbols first: frecency from what they copied, picked and typed.

Recently and often used symbols come first among matches of the same tier in
the TUI, ``--pick`` and ``mathsym list``. Plain look-ups, ``--json`` and
`symbols.search` stay the same for the same query, whoever runs them.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["used_first"]


def used_first(directory: Path | None = None) -> list[int]:
    """Return the user's symbols, most used first: the recents (newest first), then favorites."""
    from app.state import State

    state = State(directory)
    return list(dict.fromkeys([*state.recents, *state.favorites]))
