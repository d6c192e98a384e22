"""The ``mathsym`` command line's arguments: the look-up options, subcommands and help.

The usual look-up arguments (query words, ``--json``, ``-1``, ``-n``, ``--scope``,
``--method``, ``-f``) are read without argparse, which a one-shot look-up would pay
about 3 ms for (bench/README.md); anything else, and every error, goes to argparse so
that its messages and exit status 2 stay the same. Whatever the quick reader accepts,
argparse reads the same way: tests/test_arguments_agree.py generates argument lists
(``--``, repeated options, ``-nN`` and ``=`` forms, unknown options) to show it.

Both readers split the arguments at the first ``--`` before anything else
(`split_operands`): what follows it is query words, whatever they look like. argparse's
own ``--`` handling is not used: `parse_intermixed_args` reads options after ``--`` in
Python 3.11 (``mathsym --json -- -n 3`` took ``-n 3`` as a limit).
"""

from __future__ import annotations

import os
import sys

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from types import SimpleNamespace
    from typing import Any, NoReturn

    #: Parsed look-up arguments: argparse's, or `_quick_lookup`'s with the same fields.
    LookupArgs = argparse.Namespace | SimpleNamespace

__all__ = [
    "DEFAULT_LIMIT",
    "ENVIRONMENT",
    "EXAMPLES",
    "EXIT_STATUS",
    "EXTRA_FIELDS",
    "PROG",
    "SHELLS",
    "field_names",
    "parse_completion",
    "parse_convert",
    "parse_desktop",
    "parse_identify",
    "parse_list",
    "parse_lookup",
    "parse_serve",
    "parse_tui",
    "parse_type",
    "parsers",
    "pick_field_names",
    "split_operands",
    "version",
]

PROG = "mathsym"

#: Matches shown when ``-n`` is not given.
DEFAULT_LIMIT = 10

#: Fields ``-f`` and ``--copy`` take beyond the formats the TUI copies and ``--pick``
#: prints (`app.tui.formats.all_formats`: char/glyph, codepoint, name, chord and
#: every input method id: latex, html, typst, macos…).
EXTRA_FIELDS: tuple[str, ...] = ("block", "category", "group")

#: Examples shown by ``--help`` and the manual page: (command, what it does).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("mathsym forall", "the best matches for a name"),
    ("mathsym '\\le'", "a LaTeX command (also &rarr; for HTML, arrow.r for Typst)"),
    ("mathsym U+2200", "a code point (2200, 0x2200, &#x2200; work too)"),
    ("mathsym double struck R", "several words are one query"),
    ("mathsym -1 integral", "the best match in detail: every name and input method"),
    ("mathsym --json '\\le'", "JSON, for scripts"),
    ("mathsym -n1 -f char forall", "just the glyph: ∀"),
    ("mathsym -c forall", "copy ∀ to the clipboard (-c latex forall copies \\forall)"),
    ("mathsym identify '∀x∈ℝ'", "name every character of a text (stdin when none)"),
    ("mathsym convert '\\forall x \\in \\mathbb{R}'", "LaTeX to Unicode: ∀ x ∈ ℝ"),
    ("mathsym convert --to-latex '∀x∈ℝ'", "and back: \\forall x\\in\\mathbb{R}"),
    ("mathsym", "the interactive TUI (also: mathsym tui QUERY)"),
    ("mathsym type '\\le'", "type ≤ into the focused window (xdotool, wtype, ydotool)"),
    ("mathsym --pick --type", "pick in the TUI, then type it where you were typing"),
    ("mathsym list | fzf | mathsym identify -f char", "pick with a launcher's filter"),
    ("mathsym desktop --install", "a menu entry that opens the picker"),
    ("mathsym serve --open", "the TUI in a browser tab (pip install 'mathsym[web]')"),
    ("mathsym completion bash", "shell completion (also zsh, fish)"),
    ("mathsym -- identify", "search for a word that is also a subcommand"),
)

#: What the exit status says.
EXIT_STATUS = "0 found, 1 nothing found (or not copied), 2 usage error"

#: Environment variables mathsym reads: (name, what it does).
ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("MATHSYM_METHOD", "the input method shown (like --method)"),
    ("NO_COLOR", "turns colour off"),
    ("MATHSYM_STATE_DIR", "where state.json (favorites, recents) and config.toml are"),
    ("MATHSYM_PASTE_KEY", "the key --paste sends (default ctrl+v)"),
)


def _epilog() -> str:
    """Return the examples, exit status and environment that end ``--help``."""
    lines = ["", "examples:"]
    for command, what in EXAMPLES:
        lines.append(f"  {command:<31}{what}" if len(command) < 31 else f"  {command:<48}{what}")
    lines += ["", f"exit status: {EXIT_STATUS}.", "environment:"]
    lines += [f"  {name:<20}{what}" for name, what in ENVIRONMENT]
    return "\n".join(lines) + "\n"


def field_names() -> tuple[str, ...]:
    """Return what ``-f`` and ``--copy`` take: the TUI's formats and `EXTRA_FIELDS`."""
    # One list of formats for the TUI's "copy as", --pick, -f and --copy (app.tui.formats
    # never imports textual).
    from app.tui.formats import all_formats

    return (*all_formats(), *EXTRA_FIELDS)


def pick_field_names() -> tuple[str, ...]:
    """Return what ``--pick`` prints: the formats the TUI copies."""
    # --pick prints what the TUI copies: the formats without the CLI's EXTRA_FIELDS.
    return field_names()[: -len(EXTRA_FIELDS)]


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """Build argparse's formatter as wide as the terminal, without importing shutil.

    argparse builds a formatter for every ``add_argument`` (to check metavars),
    and its default width comes from `shutil.get_terminal_size`: importing shutil
    (with bz2, lzma, fnmatch) costs a look-up 1.6 ms. The same rule, from os:
    ``$COLUMNS``, else the terminal of stdout, else 80; minus 2 as argparse does.
    """
    import argparse

    columns = 0
    try:  # noqa: SIM105 - not contextlib.suppress (not imported by a look-up)
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        pass
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return argparse.RawDescriptionHelpFormatter(prog, width=(columns if columns > 0 else 80) - 2)


def _new_parser(prog: str, usage: str, description: str) -> argparse.ArgumentParser:
    """Build an ArgumentParser whose errors are one line on stderr and exit status 2."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            from app.display import message_safe

            hint = ""
            if "unrecognized arguments: -" in message:
                hint = " (to search for text that starts with -, put -- before it)"
            # One line, whatever the arguments quoted in the message contain, and no
            # escape sequence of theirs reaches the terminal.
            message = message_safe(message)
            self.exit(2, f"{PROG}: error: {message}{hint} (see {self.prog} --help)\n")

        def parse_known_args(  # type: ignore[override]
            self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
        ) -> tuple[argparse.Namespace, list[str]]:
            # Every way of parsing comes through here (parse_args, parse_intermixed_args).
            ns, extras = super().parse_known_args(args, namespace)
            # ``--format=--``: argparse takes "--" for the end of options and leaves the
            # option a list of no values (Python 3.11), which no option of ours means.
            for action in self._actions:
                value = getattr(ns, action.dest, None)
                if action.option_strings and action.nargs in (None, "?") and value == []:
                    names = "/".join(action.option_strings)
                    self.error(f"argument {names}: expected one value")
            return ns, extras

    return Parser(
        prog=prog,
        usage=usage,
        description=description,
        epilog=_epilog(),
        formatter_class=_help_formatter,
        allow_abbrev=False,
    )


def _field_action(fields: Callable[[], tuple[str, ...]]) -> type[argparse.Action]:
    r"""Build the action for ``-c [WHAT]``/``--pick [WHAT]``: WHAT only when it names a field.

    ``mathsym -c forall`` copies ∀ (``forall`` is the query), while
    ``mathsym -c latex forall`` copies ``\forall``. *fields* is called only when
    the option is used: listing them imports app.tui.formats, which a plain
    look-up does not need.
    """
    import argparse

    class FieldAction(argparse.Action):
        def __call__(
            self,
            parser: argparse.ArgumentParser,
            namespace: argparse.Namespace,
            values: str | Sequence[Any] | None,
            option_string: str | None = None,
        ) -> None:
            if isinstance(values, str) and values.lower() not in fields():
                namespace.extra.append(values)
                values = None
            setattr(namespace, self.dest, self.const if values is None else str(values).lower())

    return FieldAction


def _limit_problem(text: str) -> str | None:
    """Say what is wrong with *text* as ``-n``'s value, or None when it is a limit."""
    try:
        value = int(text)
    except ValueError:
        return f"{text!r} is not a whole number"
    return f"{text} is too small: at least 1" if value < 1 else None


def _positive_int(text: str) -> int:
    import argparse

    problem = _limit_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return int(text)


def split_operands(args: list[str]) -> tuple[list[str], list[str]]:
    """Split *args* at the first ``--``: what may hold options, and words that are only words.

    Both look-up readers and every subcommand's parser read only the first part,
    then add the second to their words (query or text), so that ``mathsym -- -n``
    searches for ``-n`` in every Python version.
    """
    if "--" not in args:
        return args, []
    at = args.index("--")
    return args[:at], args[at + 1 :]


def _parse_words(parser: argparse.ArgumentParser, args: list[str], dest: str) -> argparse.Namespace:
    """Parse options and words mixed (`split_operands` first): the words go to *dest*."""
    head, tail = split_operands(args)
    ns = parser.parse_intermixed_args(head)
    getattr(ns, dest).extend(tail)
    return ns


def _add_method(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--method",
        metavar="ID",
        help="the input method whose keys are shown: macos, linux, windows, windows-numpad, "
        "vim, emacs, compose, latex, typst, html, css, python, json, javascript, utf8, "
        "utf16 (default: $MATHSYM_METHOD, else your OS)",
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array (see docs/cli.md)")
    parser.add_argument(
        "-f",
        "--format",
        metavar="FIELD",
        help="print only FIELD of each result, one per line: char (or glyph), codepoint, "
        "name, block, category, group, chord (the --method keys), or an input method id "
        "(latex, html, typst, macos…)",
    )


def _check_common(parser: argparse.ArgumentParser, ns: argparse.Namespace) -> None:
    """Validate --method and -f, which take their choices from symbols.inputs."""
    from symbols.inputs import check_method

    if ns.method is not None:
        try:
            ns.method = check_method(ns.method)
        except ValueError as exc:
            parser.error(f"argument --method: {exc}")
    if ns.format is not None:
        names = field_names()
        if ns.format.lower() not in names:
            parser.error(
                f"argument -f/--format: unknown field {ns.format!r}: choose one of "
                f"{', '.join(names)}"
            )
        ns.format = ns.format.lower()
        if ns.json:
            parser.error("choose either --json or -f/--format, not both")


def version() -> str:
    """Return what ``--version`` prints: mathsym's version, its data's and their sources'.

    The first line is the one to parse (``mathsym 0.1.0 (Unicode 18.0.0)``, the
    Unicode version of the data); then where the data is, the libraries that read it,
    and each upstream table it was made from with its version (the generator records
    them in data/symbols.json: ``provenance``).
    """
    import platform

    import unicodedata2

    from symbols import __version__
    from symbols.datafile import data_path, load

    try:
        data = load()
    except (OSError, ValueError) as exc:
        return f"{PROG} {__version__}\ndata: {data_path()} cannot be read: {exc}"
    lines = [
        f"{PROG} {__version__} (Unicode {data.unicode})",
        f"data: {data_path()}",
        f"read with: unicodedata2 {unicodedata2.unidata_version}, "
        f"Python {platform.python_version()}",
    ]
    if data.provenance:
        lines.append("made from:")
        width = max(len(name) for name in data.provenance)
        lines += [f"  {name:<{width}}  {v}" for name, v in sorted(data.provenance.items())]
    return "\n".join(lines)


def _man_page() -> str:
    from app.manpage import man_page

    return man_page()


def _print_action(text: Callable[[], str]) -> type[argparse.Action]:
    """Build the action of ``--version`` and ``--man``: print *text()* (worked out only then)."""
    import argparse

    class PrintAction(argparse.Action):
        def __call__(
            self,
            parser: argparse.ArgumentParser,
            namespace: argparse.Namespace,
            values: str | Sequence[Any] | None,
            option_string: str | None = None,
        ) -> None:
            sys.stdout.write(text().rstrip("\n") + "\n")
            parser.exit()

    return PrintAction


#: Look-up options `_quick_lookup` reads: flags, and options that take a value.
_QUICK_FLAGS = {"--json": "json", "-1": "first", "--first": "first"}
_QUICK_VALUED = {
    "-n": "limit",
    "--limit": "limit",
    "--scope": "scope",
    "--method": "method",
    "-f": "format",
    "--format": "format",
}


def parse_lookup(args: list[str]) -> LookupArgs:
    """Read the arguments of a look-up: quickly when they are the usual ones, else argparse."""
    quick = _quick_lookup(args)
    return quick if quick is not None else _argparse_lookup(args)


def _quick_lookup(args: list[str]) -> SimpleNamespace | None:
    """Read the usual look-up arguments without argparse, or return None to leave it to argparse.

    argparse costs a one-shot look-up about 3 ms (its import with gettext and
    locale, then building the parser). This reads query words and the plain
    options anywhere among them: ``--json``, ``-1``, ``-n N``, ``--scope S``,
    ``--method ID``, ``-f FIELD``, also as ``--opt=value`` and ``-nN``, and ``--``.
    The namespace is argparse's own, field for field (tests/test_arguments_agree.py
    compares the two). Anything else returns None: ``--help``, ``--version``,
    ``-c``, ``--pick``, an unknown option, a missing or bad value (even one
    argparse would accept but then refuse), so that every message and error
    stays argparse's. Values are checked when argparse checks them: ``-n`` and
    ``--scope`` at each use (``-nn -n2`` is an error, as argparse says), ``--method``
    and ``-f`` once, the last given.
    """
    from types import SimpleNamespace

    from symbols.inputs import check_method
    from symbols.table import SCOPES

    got: dict[str, Any] = {}
    args, query = split_operands(args)
    words: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            words.append(arg)
            continue
        if arg in _QUICK_FLAGS:
            got[_QUICK_FLAGS[arg]] = True
            continue
        name, eq, value = arg.partition("=")
        if not (eq and name in _QUICK_VALUED):
            if arg in _QUICK_VALUED:
                name, value = arg, next(rest, "-")
                if value.startswith("-"):
                    return None  # missing, or an option: argparse says what is wrong
            elif arg[:2] in ("-n", "-f") and len(arg) > 2:
                name, value = arg[:2], arg[2:]
            else:
                return None
        key = _QUICK_VALUED[name]
        if key == "limit" and _limit_problem(value) is not None:
            return None
        if key == "scope" and value not in SCOPES:
            return None
        got[key] = value
    limit, scope, method, field = (got.get(k) for k in ("limit", "scope", "method", "format"))
    try:
        method = None if method is None else check_method(method)
    except ValueError:
        return None
    if field is not None:
        if got.get("json") or field.lower() not in field_names():
            return None
        field = field.lower()
    return SimpleNamespace(
        query=words + query,
        limit=None if limit is None else int(limit),
        scope=scope,
        method=method,
        first=got.get("first", False),
        json=got.get("json", False),
        format=field,
        copy=None,
        pick=None,
        type=False,
        paste=False,
        window=None,
        extra=[],
    )


def _lookup_parser(words: bool = True) -> argparse.ArgumentParser:
    """Build the parser of a look-up (and of the options with no subcommand).

    Args:
        words: With the QUERY words (the completion's tree leaves them out: there the
            first word is a subcommand).

    """
    import argparse

    from symbols.table import SCOPES

    parser = _new_parser(
        PROG,
        f"{PROG} [options] QUERY...\n"
        f"       {PROG} identify [--json | -f FIELD] [--method ID] [TEXT...]\n"
        f"       {PROG} convert [--to-latex] [-c] [TEXT...]\n"
        f"       {PROG} tui [QUERY...]   (or {PROG} with no arguments)\n"
        f"       {PROG} --pick [WHAT] [--type [--paste] [--window ID]] [QUERY...]\n"
        f"       {PROG} type [--paste] [--window ID] [-f FIELD] QUERY...\n"
        f"       {PROG} list [--scope S] [--format plain|tsv|json|alfred]\n"
        f"       {PROG} desktop --print | --install | --uninstall | --launch\n"
        f"       {PROG} serve [--host 127.0.0.1] [--port 8000] [--open]\n"
        f"       {PROG} completion bash|zsh|fish",
        "Find, identify and type Unicode math and typographic symbols.",
    )
    if words:
        parser.add_argument(
            "query",
            nargs="*",
            metavar="QUERY",
            help="a name, LaTeX command, entity, code point or glyph",
        )
    parser.add_argument(
        "-n",
        "--limit",
        type=_positive_int,
        metavar="N",
        help=f"how many matches to show (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--scope", choices=SCOPES, help="math (default), extended, or all of Unicode"
    )
    _add_method(parser)
    parser.add_argument("-1", "--first", action="store_true", help="the best match only, in detail")
    _add_format(parser)
    parser.add_argument(
        "-c",
        "--copy",
        nargs="?",
        const="char",
        default=None,
        metavar="WHAT",
        action=_field_action(field_names),
        help="copy the best match to the clipboard: its glyph, or WHAT "
        "(latex, html, codepoint, any -f field)",
    )
    parser.add_argument(
        "--pick",
        nargs="?",
        const="char",
        default=None,
        metavar="WHAT",
        action=_field_action(pick_field_names),
        help="open the TUI to pick a symbol; print its glyph (or WHAT) on exit",
    )
    _add_typing(parser, "with --pick: type the pick into the window you were typing in")
    parser.add_argument(
        "--version",
        nargs=0,
        default=argparse.SUPPRESS,
        action=_print_action(version),
        help="show the version of mathsym, of its Unicode data and of the tables it was made from",
    )
    parser.add_argument(
        "--man",
        nargs=0,
        default=argparse.SUPPRESS,
        action=_print_action(_man_page),
        help="print the manual page (roff: mathsym --man | man -l -)",
    )
    parser.set_defaults(extra=[])
    return parser


def _argparse_lookup(args: list[str]) -> argparse.Namespace:
    parser = _lookup_parser()
    ns = _parse_words(parser, args, "query")
    _check_common(parser, ns)
    if ns.copy is not None and ns.json:
        parser.error("choose either --json or -c/--copy, not both")
    _check_typing(parser, ns)
    return ns


def _add_typing(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``--type``, ``--paste`` and ``--window`` (the picker's way into a document)."""
    parser.add_argument("--type", action="store_true", help=what)
    parser.add_argument(
        "--paste",
        action="store_true",
        help="with --type: paste (copy, send ctrl+v or $MATHSYM_PASTE_KEY, restore the "
        "clipboard) instead of typing key by key",
    )
    parser.add_argument(
        "--window",
        metavar="ID",
        help="with --type: the X11 window to type into (default: the one focused when "
        "the picker closes)",
    )


def _check_typing(parser: argparse.ArgumentParser, ns: argparse.Namespace) -> None:
    if (ns.paste or ns.window) and not ns.type:
        parser.error("--paste and --window go with --type")
    if ns.type and ns.pick is None:
        parser.error("--type goes with --pick (to type a look-up's best match: mathsym type QUERY)")
    if ns.window is not None and not ns.window.strip().isdigit() and not ns.window.startswith("0x"):
        parser.error(f"argument --window: {ns.window!r} is not an X11 window id")


def _text_parser(name: str, usage: str, description: str) -> argparse.ArgumentParser:
    """Build the parser of a subcommand that takes TEXT (or stdin)."""
    parser = _new_parser(f"{PROG} {name}", f"{PROG} {name} {usage} [TEXT...]", description)
    parser.add_argument("text", nargs="*", metavar="TEXT")
    return parser


def _identify_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym identify``."""
    parser = _text_parser(
        "identify",
        "[--json | -f FIELD] [--method ID]",
        "Name every character of TEXT (grapheme clusters kept together); "
        "reads stdin when no TEXT is given.",
    )
    _add_method(parser)
    _add_format(parser)
    return parser


def parse_identify(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym identify``."""
    parser = _identify_parser()
    ns = _parse_words(parser, args, "text")
    _check_common(parser, ns)
    return ns


def _convert_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym convert``."""
    parser = _text_parser(
        "convert",
        "[--to-latex] [-c]",
        "Turn LaTeX commands into Unicode (\\alpha → α), or Unicode into LaTeX with "
        "--to-latex; reads stdin when no TEXT is given. Unknown commands stay as they are.",
    )
    parser.add_argument("--to-latex", action="store_true", help="Unicode to LaTeX")
    parser.add_argument("-c", "--copy", action="store_true", help="copy the result as well")
    return parser


def parse_convert(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym convert``."""
    parser = _convert_parser()
    return _parse_words(parser, args, "text")


def _tui_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym tui``."""
    parser = _new_parser(
        f"{PROG} tui",
        f"{PROG} tui [--pick [WHAT]] [QUERY...]",
        "Start the interactive TUI, optionally with a query typed in.",
    )
    parser.add_argument("query", nargs="*", metavar="QUERY")
    parser.add_argument(
        "--pick",
        nargs="?",
        const="char",
        default=None,
        metavar="WHAT",
        action=_field_action(pick_field_names),
        help="print the picked symbol's glyph (or WHAT) on exit",
    )
    _add_typing(parser, "with --pick: type the pick into the window you were typing in")
    return parser


def parse_tui(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym tui``."""
    parser = _tui_parser()
    parser.set_defaults(extra=[])
    ns = _parse_words(parser, args, "query")
    _check_typing(parser, ns)
    ns.query = [*ns.extra, *ns.query]
    return ns


def _type_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym type``."""
    import argparse

    from symbols.table import SCOPES

    parser = _new_parser(
        f"{PROG} type",
        f"{PROG} type [--paste] [--window ID] [-f FIELD] [--scope S] [QUERY...]",
        "Type the best match of QUERY into the focused window (X11: xdotool; Wayland: "
        "wtype, then ydotool). With no QUERY, stdin is read: a line of `mathsym list` "
        "chosen in a launcher types that symbol. Where nothing can type, it is copied "
        "instead and a line says what to install. Exit status 0 typed, 1 not typed "
        "(copied), nothing chosen or no match.",
    )
    parser.add_argument("query", nargs="*", metavar="QUERY")
    parser.add_argument(
        "--scope", choices=SCOPES, help="math (default), extended, or all of Unicode"
    )
    parser.add_argument(
        "-f",
        "--format",
        metavar="FIELD",
        help="type FIELD of the match instead of its glyph: latex, html, codepoint, name, "
        "chord, or an input method id",
    )
    _add_method(parser)
    _add_typing(parser, argparse.SUPPRESS)
    parser.set_defaults(type=True, json=False, pick=None)
    return parser


def parse_type(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym type``."""
    parser = _type_parser()
    ns = _parse_words(parser, args, "query")
    _check_common(parser, ns)
    if not ns.query and sys.stdin is not None and sys.stdin.isatty():
        parser.error("say what to type, e.g. mathsym type '\\le' (or pipe a mathsym list line)")
    return ns


def _list_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym list``."""
    from app.listing import FORMATS
    from symbols.table import SCOPES

    parser = _new_parser(
        f"{PROG} list",
        f"{PROG} list [--scope S] [--format {'|'.join(FORMATS)}]",
        "Print every symbol of a scope, one line each (glyph, code point, name, LaTeX, "
        "entity, aliases), your most used and the most everyday first: for launchers "
        "(rofi, wofi, fuzzel, dmenu, fzf) to filter. A chosen line given to "
        f"`{PROG} identify` names that symbol.",
    )
    parser.add_argument(
        "--scope", choices=SCOPES, default="math", help="math (default), extended, or all"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="plain",
        help="plain (default), tsv (six columns), json (JSON Lines) or alfred (script filter)",
    )
    return parser


def parse_list(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym list``."""
    parser = _list_parser()
    return parser.parse_args(args)


def _desktop_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym desktop``."""
    parser = _new_parser(
        f"{PROG} desktop",
        f"{PROG} desktop (--print | --install | --uninstall | --launch) [--terminal CMD]",
        "A desktop entry (application menu, launchers) that opens the picker in a "
        "terminal and types the chosen symbol into the window you were typing in.",
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--print", action="store_true", help="print the .desktop entry")
    what.add_argument(
        "--install",
        action="store_true",
        help="write it (and an icon) under $XDG_DATA_HOME (~/.local/share)",
    )
    what.add_argument("--uninstall", action="store_true", help="remove what --install wrote")
    what.add_argument(
        "--launch",
        action="store_true",
        help="what the entry runs: open the picker in a terminal, then type the pick",
    )
    parser.add_argument(
        "--terminal",
        metavar="CMD",
        help="with --launch: the terminal to open (default: xdg-terminal-exec, $TERMINAL, "
        "x-terminal-emulator, or the first of a known list that is installed)",
    )
    return parser


def parse_desktop(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym desktop``."""
    parser = _desktop_parser()
    return parser.parse_args(args)


def _port(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (1 to 65535)")
    return value


def _serve_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym serve``."""
    parser = _new_parser(
        f"{PROG} serve",
        f"{PROG} serve [--host HOST] [--port PORT] [--open]",
        "Serve the TUI in a browser tab (textual-serve; pip install 'mathsym[web]'). "
        "Each tab gets a session of its own, with your favorites, recents and settings. "
        "Ctrl+C stops the server.",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only; any other "
        "lets everyone who can reach the port use mathsym as you, and a warning says so)",
    )
    parser.add_argument(
        "--port", type=_port, default=8000, help="the port to listen on (default 8000)"
    )
    parser.add_argument("--open", action="store_true", help="open the page in your browser")
    return parser


def parse_serve(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym serve``."""
    parser = _serve_parser()
    return parser.parse_args(args)


#: The shells ``mathsym completion`` writes for.
SHELLS = ("bash", "zsh", "fish")


def _completion_parser() -> argparse.ArgumentParser:
    """Build the parser of ``mathsym completion``."""
    parser = _new_parser(
        f"{PROG} completion",
        f"{PROG} completion {{{','.join(SHELLS)}}}",
        "Print the shell code that completes mathsym's subcommands, options and their "
        "values (scopes, input methods, fields, formats) in bash, zsh or fish. Put it "
        "where your shell reads completions (see docs/cli.md), e.g. "
        f"{PROG} completion bash > ~/.local/share/bash-completion/completions/{PROG}",
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell: bash, zsh or fish")
    return parser


def parse_completion(args: list[str]) -> argparse.Namespace:
    """Read the arguments of ``mathsym completion``."""
    return _completion_parser().parse_args(args)


def parsers(words: bool = True) -> dict[str, argparse.ArgumentParser]:
    """Return every parser of the command, by subcommand ("" for a look-up), in order.

    The completion (`app.completion`) and the manual page (`app.manpage`) are made
    from these, the parsers the command itself reads its arguments with.

    Args:
        words: Whether the look-up parser takes QUERY words (see `_lookup_parser`).

    """
    return {
        "": _lookup_parser(words),
        "identify": _identify_parser(),
        "convert": _convert_parser(),
        "tui": _tui_parser(),
        "type": _type_parser(),
        "list": _list_parser(),
        "desktop": _desktop_parser(),
        "serve": _serve_parser(),
        "completion": _completion_parser(),
    }
