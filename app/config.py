r"""config.toml, the file people edit: where it is, reading it, and their own aliases.

``[aliases]`` names symbols in the user's own words::

    [aliases]
    iff = "⟺"            # a glyph
    cmd = "U+2318"       # a code point, in any spelling mathsym reads
    le = '\leqslant'     # a LaTeX command

An alias is found as an exact match everywhere: ``mathsym iff``, the TUI, the
picker and ``mathsym list``. (``[keys]``, the TUI's key map, is read by
`app.state.load_keymap`.)

This module imports only os and sys at first: the one-shot CLI asks it for an
alias on every look-up, and a person without a config file pays a failed open.
"""

from __future__ import annotations

import os
import sys

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

__all__ = [
    "ALIAS_FIELD",
    "CONFIG_FILE",
    "alias_hit",
    "config_directory",
    "read_config",
    "user_aliases",
]

#: The user-written config file's name.
CONFIG_FILE = "config.toml"

#: The `matched` field of a hit on a user's alias (``--json``: ``"matched": {"field": …}``).
ALIAS_FIELD = "user-alias"

_APP_NAME = "mathsym"


def config_directory() -> str:
    """Return the directory of config.toml: ``$MATHSYM_STATE_DIR`` or the platform's."""
    override = os.environ.get("MATHSYM_STATE_DIR")
    if override:
        return override
    if sys.platform.startswith("linux"):
        # platformdirs' rule on Linux (the XDG base directory spec), without importing it.
        base = os.environ.get("XDG_CONFIG_HOME", "").strip()
        return os.path.join(base or os.path.expanduser("~/.config"), _APP_NAME)
    import platformdirs

    return str(platformdirs.user_config_dir(_APP_NAME, appauthor=False))


def _toml_loads(text: str) -> dict[str, Any]:
    """Parse TOML with tomllib (tomli before Python 3.11); ValueError when invalid."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib.loads(text)
    import tomli  # type: ignore[import-not-found,unused-ignore]  # 3.10 only

    return dict(tomli.loads(text))


def read_config(path: str, quick_section: str = "") -> tuple[dict[str, Any], str]:
    """Read config.toml at *path*: its tables, and a one-line problem report ("" if none).

    Args:
        path: The file.
        quick_section: When given, a file that does not even mention it is not
            parsed (cheap for the one-shot CLI, which only wants ``[aliases]``).

    Returns:
        The parsed document ({} when absent or broken) and the problem: it names the
        file, and the line of a syntax error. Never raises.

    """
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return {}, ""
    except OSError as e:
        return {}, f"Cannot read {path} ({e.strerror or e})."
    if quick_section and quick_section.encode() not in raw:
        return {}, ""
    try:
        return _toml_loads(raw.decode("utf-8")), ""
    except ValueError as e:  # UnicodeDecodeError and TOMLDecodeError are ValueErrors
        return {}, f"{path} cannot be used ({e})."
    except RecursionError:  # a = [[[[… nested past the interpreter's stack
        return {}, f"{path} cannot be used (nested too deeply)."


def user_aliases(directory: str | None = None) -> tuple[dict[int, list[str]], str]:
    """Read ``[aliases]``: code point → the user's names for it.

    Args:
        directory: Where config.toml lives (default `config_directory`).

    Returns:
        The aliases by code point, and a one-line problem report naming the file
        (and the line, for a syntax error), or "" when all is well. A broken file
        gives no aliases and the report; it never raises.

    """
    path = os.path.join(directory or config_directory(), CONFIG_FILE)
    data, problem = read_config(path, quick_section="aliases")
    if problem:
        return {}, f"{problem[:-1]}; no aliases in use."
    table = data.get("aliases", {})
    if not isinstance(table, dict):
        return {}, f'{path}: [aliases] must be a table of name = "symbol"; no aliases in use.'
    out: dict[int, list[str]] = {}
    bad: list[str] = []
    for name, value in table.items():
        cp = _resolve(value) if isinstance(value, str) and name.strip() else None
        if cp is None:
            bad.append(f"{name} = {value!r}")
            continue
        out.setdefault(cp, []).append(" ".join(name.split()))
    if bad:
        shown = ", ".join(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
        problem = f"{path}: ignored aliases that name no single symbol: {shown}."
    return out, problem


def _resolve(value: str) -> int | None:
    """Return the code point a user's alias names: a glyph, a code point, a LaTeX command."""
    value = value.strip()
    from symbols.table import fields_of

    if len(value) == 1:
        cp: int | None = ord(value)
    else:
        from symbols.query import written_codepoint

        cp = written_codepoint(value)
        if cp is None and value.startswith("\\"):
            from symbols.table import from_latex

            found = from_latex(value)
            cp = found[0].codepoint if found else None
    return cp if cp is not None and fields_of(cp) is not None else None


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def alias_hit(query: str, aliases: Mapping[int, list[str]]) -> tuple[int, str] | None:
    """Return the symbol whose user alias *query* is (any case, any spacing), with the alias."""
    folded = _fold(query)
    if not folded:
        return None
    for cp, names in aliases.items():
        for name in names:
            if _fold(name) == folded:
                return cp, name
    return None
