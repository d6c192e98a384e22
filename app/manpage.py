"""The manual page, mathsym(1), written from the command's own parsers.

``mathsym --man`` prints it; the wheel ships it as ``share/man/man1/mathsym.1``
(man/mathsym.1 in the repository, which a test keeps equal to what this writes, so
``mathsym --man > man/mathsym.1`` after changing an option). Every option and its
help come from `app.arguments.parsers`, the parsers the command reads its arguments
with; the examples, exit status and environment from the same lists ``--help`` shows.
Written here rather than with a man-page library: the command is a look-up parser
and eight subcommand parsers side by side, not one argparse tree, and what it takes
is a loop over their actions.
"""

from __future__ import annotations

from app.arguments import ENVIRONMENT, EXAMPLES, EXIT_STATUS, PROG, parsers

# Not `from typing import …` at run time (app modules follow app/cli.py's rule).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

__all__ = ["man_page", "roff"]


def roff(text: str) -> str:
    r"""Escape *text* for roff: backslashes, dashes and a leading ``.`` or ``'``.

    A dash becomes ``\-``, an ASCII minus as typed (a bare ``-`` may be set as a
    hyphen, which a copied option would not survive); a line starting with ``.`` or
    ``'`` would be a request.
    """
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def _bold(text: str) -> str:
    return f"\\fB{roff(text)}\\fR"


def _option(action: argparse.Action) -> str:
    """Return the ``.TP`` tag of an option: its spellings in bold, its value in italics."""
    names = ", ".join(_bold(o) for o in action.option_strings)
    if action.nargs == 0:
        return names
    metavar = action.metavar or (action.dest.upper() if not action.choices else None)
    if metavar is None:
        value = "{" + ",".join(str(c) for c in action.choices or ()) + "}"
    else:
        value = str(metavar)
    if action.nargs == "?":
        return f"{names} [\\fI{roff(value)}\\fR]"
    return f"{names} \\fI{roff(value)}\\fR"


def _arguments(parser: argparse.ArgumentParser) -> list[str]:
    """Return ``.TP`` paragraphs for the options and positional arguments of *parser*."""
    import argparse

    out: list[str] = []
    for action in parser._actions:  # argparse keeps no public list of them
        if action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            tag = _option(action)
        else:
            tag = f"\\fI{roff(str(action.metavar or action.dest.upper()))}\\fR"
            if action.nargs in ("*", "?"):
                tag += " ..." if action.nargs == "*" else ""
        out += [".TP", tag, roff(action.help or "")]
    return out


def _usage(parser: argparse.ArgumentParser) -> list[str]:
    lines = (parser.usage or parser.prog).split("\n")
    return [roff(lines[0])] + [".br\n" + roff(line.strip()) for line in lines[1:]]


def man_page() -> str:
    """Return mathsym(1) in roff (man macros)."""
    from symbols import __version__

    every = parsers()
    top = every.pop("")
    out = [
        f'.TH MATHSYM 1 "" "{PROG} {roff(__version__)}" "User Commands"',
        ".SH NAME",
        f"{PROG} \\- find, identify and type Unicode math and typographic symbols",
        ".SH SYNOPSIS",
        *_usage(top),
        ".SH DESCRIPTION",
        roff(top.description or ""),
        ".PP",
        roff(
            "A query is whatever you know about a symbol: a name (even misspelt), a LaTeX "
            "command (\\forall, \\mathbb{R}), an HTML entity (&rarr;), a Typst or AsciiMath "
            "name, a code point in any spelling (U+2200, 0x2200, &#x2200;), or the glyph "
            "itself. With no arguments mathsym starts its TUI, which searches as you type."
        ),
        ".SH OPTIONS",
        *_arguments(top),
        ".SH COMMANDS",
    ]
    for name, parser in every.items():
        out += [f".SS {name}", *_usage(parser), ".PP", roff(parser.description or "")]
        out += _arguments(parser)
    out += [".SH EXAMPLES"]
    for command, what in EXAMPLES:
        out += [".TP", f"\\fB{roff(command)}\\fR", roff(what)]
    out += [".SH EXIT STATUS", roff(EXIT_STATUS) + ".", ".SH ENVIRONMENT"]
    for name, what in ENVIRONMENT:
        out += [".TP", _bold(name), roff(what)]
    out += [
        ".SH FILES",
        ".TP",
        _bold("state.json"),
        roff(
            "favorites, recents and settings, in the platform's state directory "
            "(~/.local/state/mathsym on Linux) or $MATHSYM_STATE_DIR"
        ),
        ".TP",
        _bold("config.toml"),
        roff(
            "your key map and aliases, in the platform's config directory "
            "(~/.config/mathsym on Linux) or $MATHSYM_STATE_DIR"
        ),
        ".SH SEE ALSO",
        roff(
            "The documents in docs/ of the source distribution: cli.md, tui.md, "
            "searching.md, library.md, launchers.md, typing.md, data.md."
        ),
    ]
    return "\n".join(out) + "\n"
