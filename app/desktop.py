"""``mathsym desktop``: an application-menu entry that opens the picker and types the pick.

``--print`` writes the .desktop entry to stdout, ``--install`` puts it (and an
icon) under ``$XDG_DATA_HOME`` (``~/.local/share``), where application menus and
launchers (rofi -show drun, wofi, fuzzel, GNOME, KDE) find it; ``--uninstall``
removes both.

The entry runs ``mathsym desktop --launch``, which

1. notes the window that has the focus (X11, with xdotool), the one the person
   was typing in;
2. opens the picker in a small terminal window of the user's own terminal
   (``--terminal``, else xdg-terminal-exec, ``$TERMINAL``, x-terminal-emulator,
   or the first installed of a known list);
3. and the picker, on Enter, types the symbol into that window
   (``mathsym --pick --type --window ID``; on Wayland, where no client may know
   another's window, into whichever window gets the focus back).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "DESKTOP_ID",
    "TERMINALS",
    "desktop_entry",
    "picker_command",
    "run_desktop",
    "terminal_command",
]

#: The entry's file name (its desktop id) and the icon's name.
DESKTOP_ID = "mathsym.desktop"
ICON_NAME = "mathsym"

#: The picker window's size in cells: the results, the detail pane and the chords fit.
COLUMNS, ROWS = 100, 28

#: Known terminals, in the order they are tried, and how each runs a command in a
#: window of a given title and size. ``{cols}``, ``{rows}`` and ``{title}`` are filled
#: in; the command's words follow the template.
TERMINALS: dict[str, list[str]] = {
    "xdg-terminal-exec": ["xdg-terminal-exec"],
    "foot": ["foot", "--title={title}", "--window-size-chars={cols}x{rows}"],
    "kitty": [
        "kitty",
        "--title",
        "{title}",
        "-o",
        "initial_window_width={cols}c",
        "-o",
        "initial_window_height={rows}c",
    ],
    "alacritty": [
        "alacritty",
        "--title",
        "{title}",
        "-o",
        "window.dimensions.columns={cols}",
        "-o",
        "window.dimensions.lines={rows}",
        "-e",
    ],
    "ghostty": [
        "ghostty",
        "--title={title}",
        "--window-width={cols}",
        "--window-height={rows}",
        "-e",
    ],
    "wezterm": ["wezterm", "start", "--always-new-process", "--"],
    "gnome-terminal": ["gnome-terminal", "--title={title}", "--geometry={cols}x{rows}", "--"],
    "konsole": ["konsole", "-p", "TerminalColumns={cols}", "-p", "TerminalRows={rows}", "-e"],
    "xfce4-terminal": ["xfce4-terminal", "--title={title}", "--geometry={cols}x{rows}", "-x"],
    "urxvt": ["urxvt", "-title", "{title}", "-geometry", "{cols}x{rows}", "-e"],
    "xterm": ["xterm", "-T", "{title}", "-geometry", "{cols}x{rows}", "-e"],
    # Debian's alternative: Debian policy promises -T and -e.
    "x-terminal-emulator": ["x-terminal-emulator", "-T", "{title}", "-e"],
}

_TITLE = "mathsym"

# Other names some distributions install known terminals under.
_TERMINAL_ALIASES = {
    "rxvt-unicode": "urxvt",
    "urxvtc": "urxvt",
    "gnome-terminal.wrapper": "gnome-terminal",
}

#: A 48x48 icon: a sigma and a less-or-equal on a rounded square (paths only, no fonts).
ICON_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">
  <rect x="2" y="2" width="44" height="44" rx="9" fill="#2d3f63"/>
  <path d="M9 10h16v4H15.5l6.5 8-6.5 8H25v4H9v-3l8-9-8-9z" fill="#f2f2f2"/>
  <path d="M40 12 27 18.5 40 25v-4l-7-2.5 7-2.5zM27 29h13v4H27z" fill="#ffcc4d"/>
</svg>
"""


def _mathsym_argv() -> list[str]:
    """How to start this mathsym again: its console script, else ``python -m app``."""
    found = shutil.which("mathsym")
    if found:
        return [os.path.abspath(found)]
    return [sys.executable, "-m", "app"]


def _exec_quote(arg: str) -> str:
    """Quote one argument of a desktop entry's Exec key (Desktop Entry spec 1.5)."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg.replace("%", "%%")
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$").replace("%", "%%")
    return f'"{escaped}"'


def desktop_entry(argv: Sequence[str] | None = None) -> str:
    """Return the .desktop entry: *argv* (default: this mathsym) ``desktop --launch``."""
    command = [*(argv or _mathsym_argv()), "desktop", "--launch"]
    exec_line = " ".join(_exec_quote(a) for a in command)
    tui = " ".join(_exec_quote(a) for a in [*(argv or _mathsym_argv()), "tui"])
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=mathsym",
            "GenericName=Symbol Picker",
            "Comment=Find a math or typographic symbol and type it where you were typing",
            f"Exec={exec_line}",
            f"Icon={ICON_NAME}",
            "Terminal=false",
            "Categories=Utility;TextTools;",
            "Keywords=unicode;math;symbol;latex;character;picker;glyph;",
            "StartupNotify=false",
            "Actions=browse;",
            "",
            "[Desktop Action browse]",
            "Name=Browse symbols in a terminal",
            f"Exec={tui}",
            "",
        ]
    )


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(base) if base else Path.home() / ".local" / "share"


def _targets() -> tuple[Path, Path]:
    data = _data_home()
    entry = data / "applications" / DESKTOP_ID
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    return entry, icon


def _write(path: Path, text: str) -> None:
    """Write *text* to *path* atomically (a temporary file, then one rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _refresh_caches(entry: Path) -> None:
    """Tell menus about the new entry, where the tools for that are installed."""
    for argv in (
        ["update-desktop-database", "-q", str(entry.parent)],
        ["gtk-update-icon-cache", "-q", "-t", str(_data_home() / "icons" / "hicolor")],
    ):
        if shutil.which(argv[0]):
            from app.helpers import run

            with contextlib.suppress(OSError):  # HelperStuck too: the menus catch up later
                run(argv, seconds=10)


# --------------------------------------------------------------------------- launching


def picker_command(window: str | None) -> list[str]:
    """Return the command the terminal runs: the picker, typing into *window* if known."""
    argv = [*_mathsym_argv(), "--pick", "--type"]
    return argv + (["--window", window] if window else [])


def _focused_window() -> str | None:
    """Return the X11 window with the focus now (xdotool), or None (Wayland, no xdotool)."""
    from app.typer import focused_x11_window, session

    if session() != "x11" or not shutil.which("xdotool"):
        return None
    return focused_x11_window()


def _known(name: str) -> str | None:
    """Return the `TERMINALS` key of a terminal command or path (``/usr/bin/kitty``: kitty)."""
    base = os.path.basename(name)
    aliases = {
        "rxvt-unicode": "urxvt",
        "urxvtc": "urxvt",
        "gnome-terminal.wrapper": "gnome-terminal",
    }
    base = aliases.get(base, base)
    return base if base in TERMINALS else None


def terminal_command(command: list[str], terminal: str | None = None) -> list[str] | None:
    """Build the argv that opens *command* in a terminal window, or None when there is none.

    Args:
        command: The command to run inside.
        terminal: The terminal to use (a known name, a path, or a command line);
            default ``$TERMINAL``, then the installed terminals of `TERMINALS`.

    """
    fill = {"cols": str(COLUMNS), "rows": str(ROWS), "title": _TITLE}
    choices: list[str] = []
    if terminal:
        choices.append(terminal)
    else:
        if shutil.which("xdg-terminal-exec"):
            choices.append("xdg-terminal-exec")
        if os.environ.get("TERMINAL"):
            choices.append(os.environ["TERMINAL"])
        choices += [t for t in TERMINALS if t != "xdg-terminal-exec"]
    for choice in choices:
        words = shlex.split(choice)
        if not words or not shutil.which(words[0]):
            continue
        known = _known(words[0])
        if known is not None and len(words) == 1:
            template = TERMINALS[known]
            return [words[0], *(t.format(**fill) for t in template[1:]), *command]
        # An unknown terminal, or one given with its own options: most take -e.
        return [*words, "-e", *command]
    return None


def _launch(ns: Any, note: Callable[[str], None], error: Callable[[str], None]) -> int:
    window = _focused_window()
    argv = terminal_command(picker_command(window), ns.terminal)
    if argv is None:
        wanted = ns.terminal or "a terminal emulator"
        error(
            f"cannot open the picker: {wanted} is not installed "
            "(set $TERMINAL, or pass --terminal CMD)"
        )
        return 1
    from app.helpers import detach

    try:
        detach(argv)
    except OSError as e:
        error(f"cannot start {argv[0]}: {e.strerror or e}")
        return 1
    return 0


def run_desktop(
    ns: Any,
    note: Callable[[str], None],
    error: Callable[[str], None],
    line: Callable[[str], None],
) -> int:
    """Carry out ``mathsym desktop`` (*ns* from `app.arguments.parse_desktop`)."""
    if ns.print:
        for text in desktop_entry().splitlines():
            line(text)
        return 0
    if ns.launch:
        return _launch(ns, note, error)
    entry, icon = _targets()
    if ns.uninstall:
        removed = []
        for path in (entry, icon):
            try:
                path.unlink()
                removed.append(str(path))
            except FileNotFoundError:
                pass
            except OSError as e:
                error(f"cannot remove {path}: {e.strerror or e}")
                return 1
        note(f"removed {', '.join(removed)}" if removed else "nothing was installed")
        _refresh_caches(entry)
        return 0
    try:
        _write(entry, desktop_entry())
        _write(icon, ICON_SVG)
    except OSError as e:
        error(f"cannot install the desktop entry: {e.strerror or e} ({e.filename})")
        return 1
    _refresh_caches(entry)
    launch = shlex.join([*_mathsym_argv(), "desktop", "--launch"])
    note(f"installed {entry} and {icon}; bind a key to: {launch}")
    return 0
