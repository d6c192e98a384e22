"""The ``mathsym`` command line: one-shot look-ups, identify, convert. Never imports textual.

``mathsym forall`` prints the best matches, one per line; ``mathsym identify TEXT``
names every character of a text; ``mathsym convert 'LaTeX'`` turns LaTeX into
Unicode (and back with ``--to-latex``). With no arguments it starts the TUI,
which is the only path that imports `app.tui` (and so textual).

Exit status: 0 found, 1 nothing found (or nothing copied), 2 usage error. Every
error is one line on stderr, never a traceback.

The look-up path is kept short because it is timed against a bare interpreter
(bench/bench_cli.py): argparse, the table, search and inputs are all it loads;
json only for ``--json``, pyperclip only for ``--copy``.
"""

from __future__ import annotations

import gc
import os
import sys

from app.arguments import (
    DEFAULT_LIMIT,
    EXTRA_FIELDS,
    PROG,
    parse_completion,
    parse_convert,
    parse_desktop,
    parse_identify,
    parse_list,
    parse_lookup,
    parse_serve,
    parse_tui,
    parse_type,
)

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from types import SimpleNamespace
    from typing import Any, TextIO

    from symbols.search import Row

    #: Parsed look-up arguments: argparse's, or `_quick_lookup`'s with the same fields.
    LookupArgs = argparse.Namespace | SimpleNamespace

    #: A symbol as plain data: the fields of `symbols.Symbol` by name
    #: (`symbols.table.fields_of`). The CLI formats from these, so that a look-up
    #: never builds a Symbol record nor imports dataclasses (bench/README.md).
    Fields = dict[str, Any]

__all__ = ["DEFAULT_LIMIT", "EXTRA_FIELDS", "INTERNAL_ERROR", "SUBCOMMANDS", "main"]

#: Exit status for an internal error (a bug, a missing or broken data file).
INTERNAL_ERROR = 70

#: Exit status when stdout cannot be written (``>/dev/full``): sysexits' EX_IOERR.
WRITE_ERROR = 74


#: Words that start a subcommand when they come first; ``mathsym -- identify``
#: searches for the word instead.
SUBCOMMANDS: tuple[str, ...] = (
    "identify",
    "convert",
    "tui",
    "type",
    "list",
    "desktop",
    "serve",
    "completion",
)


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mathsym`` command and return its exit status.

    Called with no *argv* (as the ``mathsym`` program or ``python -m app``), a
    one-shot command ends the process itself once its output is flushed (see
    `_run_as_program`); with *argv* it only returns the status.

    Args:
        argv: The arguments after the program name (``sys.argv[1:]`` by default).

    Returns:
        0 when something was found (or done), 1 when nothing was found or copied,
        2 for a usage error, 70 for an internal error, 130 when interrupted.

    """
    if argv is None:
        if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (app.completion)
            from app.completion import complete

            return complete()
        return _run_as_program(sys.argv[1:])
    return _run(list(argv), _Out.for_std_streams())


def _run_as_program(args: list[str]) -> int:
    """Run as a process of its own, skipping work a one-shot process does not need.

    The cyclic garbage collector is switched off: it only slows down building the
    search index (tens of thousands of small containers, each collection pass
    walking them all) in a process that lives a tenth of a second. And the
    process ends with `os._exit` once stdout and stderr are flushed, instead of
    freeing every object of the table and index one by one on the way out.
    Together about a quarter of the run time of ``mathsym forall``
    (bench/README.md). The TUI, a long-lived process, gets neither.
    """
    gc.disable()
    out = _Out.for_std_streams()
    code = _run(args, out)
    if not out.fast_exit:
        gc.enable()
        return code
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - not contextlib.suppress: a look-up need not import contextlib
            stream.flush()
        except (OSError, ValueError):  # a reader gone: nothing to tell
            pass
    os._exit(code)


def _run(args: list[str], out: _Out) -> int:
    try:
        try:
            code = _dispatch(_decoded(args, out), out)
        except SystemExit as stop:  # argparse's --help, --version and usage errors
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        # --help and --version too: what argparse printed may still sit in the buffer,
        # and a closed pipe or a full disk shows only now.
        out.flush()
        return code
    except _WriteFailed as failed:  # a full disk, a dead terminal: not a bug of ours
        _silence_stdout()
        out.error(f"cannot write the output: {failed.reason}")
        return WRITE_ERROR
    except BrokenPipeError:
        # The reader went away (`mathsym arrow | head -1`): stop quietly, and point
        # stdout at /dev/null so the interpreter's final flush does not complain.
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug or a broken data file: one line, not a traceback
        if os.environ.get("MATHSYM_DEBUG"):
            raise
        message = str(exc).removeprefix(f"{PROG}: ").splitlines()
        out.error(
            f"{message[0] if message else type(exc).__name__} "
            "(internal error; MATHSYM_DEBUG=1 shows the traceback)"
        )
        return INTERNAL_ERROR


def _decoded(args: list[str], out: _Out) -> list[str]:
    """Return *args* with bytes that were not UTF-8 as U+FFFD, as stdin has them (said once).

    Python hands such bytes over as lone surrogates (``surrogateescape``: byte 0xFF
    is U+DCFF), which no text has; they are read the way `_read_stdin` reads stdin.
    """
    if all(arg.isascii() for arg in args):
        return args
    decoded = [_utf8_or_replaced(arg) for arg in args]
    if decoded != args:
        out.note(
            "an argument is not valid UTF-8; undecodable bytes are read as U+FFFD "
            "REPLACEMENT CHARACTER"
        )
    return decoded


def _utf8_or_replaced(arg: str) -> str:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return arg
    try:
        data = arg.encode("utf-8", "surrogateescape")  # the bytes as they came
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte: no character
        kept = "".join(
            "\ufffd" if "\ud800" <= ch <= "\udfff" and not "\udc80" <= ch <= "\udcff" else ch
            for ch in arg
        )
        data = kept.encode("utf-8", "surrogateescape")
    return data.decode("utf-8", "replace")


def _dispatch(args: list[str], out: _Out) -> int:
    if not args:
        return _start_tui(out, "", None)
    if args[0] == "identify":
        return _identify(parse_identify(args[1:]), out)
    if args[0] == "convert":
        return _convert(parse_convert(args[1:]), out)
    if args[0] == "tui":
        tui = parse_tui(args[1:])
        return _start_tui(out, " ".join(tui.query), tui.pick, _typing(tui))
    if args[0] == "type":
        return _type(parse_type(args[1:]), out)
    if args[0] == "list":
        return _list(parse_list(args[1:]), out)
    if args[0] == "desktop":
        from app.desktop import run_desktop

        return run_desktop(parse_desktop(args[1:]), out.note, out.error, out.line)
    if args[0] == "completion":
        from app.completion import shell_code

        out.line(shell_code(parse_completion(args[1:]).shell))
        return 0
    if args[0] == "serve":
        # app.serve imports textual-serve (and so textual) only once it runs.
        from app.serve import run_serve

        served = parse_serve(args[1:])
        # A long-lived process: the collector back on. It still ends with os._exit (see
        # `_run_as_program`): the sessions' process handles would otherwise be
        # finalized after the event loop closed, each with a warning.
        gc.enable()
        return run_serve(served, out.note, out.error)
    args, dashed = _split_dashed(args)
    ns = parse_lookup(args)
    ns.extra[:0] = dashed
    if ns.pick is not None:
        return _start_tui(out, " ".join([*ns.extra, *ns.query]), ns.pick, _typing(ns))
    return _lookup(ns, out)


def _typing(ns: LookupArgs) -> dict[str, Any] | None:
    """Return the ``--type`` request of a pick (paste, window), or None to print the pick."""
    if not ns.type:
        return None
    return {"paste": ns.paste, "window": ns.window}


def _split_dashed(args: list[str]) -> tuple[list[str], list[str]]:
    """Take query words that merely start with a dash (``->``, ``-->``, ``-=``) out of *args*.

    argparse would read them as unknown options; they cannot be one of ours, which
    all start with a letter or digit after the dashes. Arguments after ``--`` stay.
    """
    kept: list[str] = []
    words: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            kept.extend(args[i:])
            break
        body = arg[2:] if arg.startswith("--") else arg[1:]
        if arg.startswith("-") and len(arg) > 1 and arg != "--" and not body[:1].isalnum():
            words.append(arg)
        else:
            kept.append(arg)
    return kept, words


def _silence_stdout() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


# --------------------------------------------------------------------------- output


class _WriteFailed(Exception):
    """Writing to stdout failed for another reason than a closed pipe (``>/dev/full``)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = error.strerror or str(error)


class _Out:
    """Where the command writes: stdout lines and one-line stderr messages.

    Characters the output encoding cannot hold (``PYTHONIOENCODING=ascii``, a
    Latin-1 locale) are written as backslash escapes instead of crashing, and the
    first time that happens a note on stderr says so.
    """

    def __init__(self, stdout: TextIO, stderr: TextIO) -> None:
        self.stdout = stdout
        self.stderr = stderr
        #: False once the TUI ran: it must leave the process the ordinary way.
        self.fast_exit = True
        self.encoding = (getattr(stdout, "encoding", None) or "utf-8").lower()
        self.utf = self.encoding.replace("-", "").replace("_", "") in ("utf8", "utf8sig")
        self._noted = False
        for stream in (stdout, stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                try:  # noqa: SIM105 - not contextlib.suppress (not imported by a look-up)
                    reconfigure(errors="backslashreplace")
                except (ValueError, OSError):
                    pass

    @classmethod
    def for_std_streams(cls) -> _Out:
        """Write to sys.stdout and sys.stderr (to nowhere if one was closed before start)."""
        # `mathsym x >&-` starts with sys.stdout None: write nowhere, quietly.
        if sys.stdout is None:
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until exit
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until exit
        return cls(sys.stdout, sys.stderr)

    def line(self, text: str = "", end: str = "\n") -> None:
        """Write one line to stdout (or a piece of one, with *end* "")."""
        if not self._noted and not self.can_encode(text):
            self._noted = True
            self.note(
                f"the output encoding ({self.encoding}) cannot show every character; "
                "those are written as \\u escapes (use a UTF-8 locale, e.g. LANG=C.UTF-8)"
            )
        try:
            self.stdout.write(text + end)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _WriteFailed(exc) from exc

    def flush(self) -> None:
        """Flush stdout; a failing write becomes `_WriteFailed` (a reader gone stays BrokenPipe)."""
        try:
            self.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _WriteFailed(exc) from exc

    def can_encode(self, text: str) -> bool:
        """Tell whether stdout's encoding holds *text* as it is."""
        if self.utf:
            return True
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def note(self, message: str) -> None:
        """Write a one-line ``mathsym: …`` message to stderr (control characters escaped)."""
        from app.display import message_safe

        # stdout's lines first, in order with this one. (Not contextlib.suppress: a
        # look-up does not import contextlib.)
        try:  # noqa: SIM105
            self.stdout.flush()
        except (OSError, ValueError):
            pass  # a failing stdout is reported where it is written (`line`, `flush`)
        try:
            self.stderr.write(f"{PROG}: {message_safe(message)}\n")
            self.stderr.flush()
        except (OSError, ValueError):
            pass  # stderr full or closed: nowhere left to say anything

    def error(self, message: str) -> None:
        """Write a one-line ``mathsym: error: …`` message to stderr."""
        self.note(f"error: {message}")


# --------------------------------------------------------------------------- TUI


def _start_tui(
    out: _Out, query: str, pick: str | None, typing: dict[str, Any] | None = None
) -> int:
    """Run the TUI; the only place app.tui's application (and so textual) is imported."""
    out.fast_exit = False
    gc.enable()
    try:
        from app.tui import run
    except ImportError as exc:
        if _textual_missing(out, exc):
            return 1
        # No TUI in this build: show what the command line can do instead.
        parse_lookup(["--help"])
        return 0
    try:
        code = int(run(query, pick, typing))
    except ImportError as exc:  # app.tui imports textual only when it starts
        if _textual_missing(out, exc):
            return 1
        raise
    # A pick is made and saved, and the terminal given back: what is left is the
    # interpreter freeing the app and the table object by object, a quarter of a
    # second that `x=$(mathsym --pick)` waits for (bench/bench_pick.py). The normal
    # TUI leaves the ordinary way (a clipboard thread may still be copying).
    out.fast_exit = pick is not None
    return code


def _textual_missing(out: _Out, exc: ImportError) -> bool:
    missing = (exc.name or "").split(".")[0]
    if missing not in ("textual", "rich"):
        return False
    out.error(
        f"the TUI needs {missing}, which is not installed (pip install textual); "
        "one-shot look-ups work without it: mathsym QUERY"
    )
    return True


# --------------------------------------------------------------------------- look-up


def _codepoint_problem(query: str) -> tuple[str, int] | None:
    """Say why a ``U+…``/``0x…`` query cannot be a character, with the exit status."""
    from symbols.query import written_codepoint

    s = query.strip()
    value = written_codepoint(s)
    if value is None:
        if s[:2] not in ("U+", "u+", "0x", "0X"):
            return None
        return f"{_quoted(s)} is not a code point: {s[:2]} takes 1 to 6 hex digits (0-9, A-F)", 2
    label = f"U+{value:04X}"
    if value > 0x10FFFF:
        return f"{label} is beyond the last Unicode code point, U+10FFFF", 2
    if 0xD800 <= value <= 0xDFFF:
        return (f"{label} is a surrogate code point (half of a UTF-16 pair), not a character"), 2
    import unicodedata2

    if unicodedata2.category(chr(value)) == "Cn":
        kind = (
            "a noncharacter"
            if (value & 0xFFFE) == 0xFFFE or 0xFDD0 <= value <= 0xFDEF
            else "unassigned"
        )
        return f"{label} is {kind} in Unicode {unicodedata2.unidata_version}", 1
    return None


def _find(query: str, scope: str | None, limit: int, out: _Out) -> list[tuple[Fields, Row]] | int:
    """Search for a look-up or ``type``: the matches as (fields, row), or an exit status.

    An empty query or an impossible code point is a usage error (2); nothing
    found is 1. With no *scope* given, a query no math symbol matches is looked
    up in the wider scopes, and a note says so.
    """
    from symbols.query import is_blank
    from symbols.search import search_rows
    from symbols.table import fields_of

    if is_blank(query):  # a pasted lone no-break space is a query, not blank
        out.error("empty query: say what to look for, e.g. mathsym forall (see mathsym --help)")
        return 2
    mine = _user_alias(query, out)
    problem = _codepoint_problem(query) if mine is None else None
    if problem is not None:
        out.error(problem[0])
        return problem[1]
    _say_no_text(query, out)
    # Plain rows, not symbols.search's Match records: see `Fields`.
    matches = search_rows(query, limit=limit, scope=scope or "math")
    if mine is not None:  # the user's own name for a symbol comes first
        matches = [mine, *(m for m in matches if m[0] != mine[0])][:limit]
    if not matches and scope is None:
        # Nothing among the math symbols: a code point, a glyph or a rarer name the
        # user typed on purpose is better shown from the wider table than refused.
        for wider in ("extended", "all"):
            matches = search_rows(query, limit=limit, scope=wider)
            if matches:
                out.note(f"no math symbol matches {_quoted(query)}; showing the {wider} scope")
                break
    if not matches:
        where = (
            f"in the {scope} scope (try --scope all)"
            if scope not in (None, "all")
            else "in Unicode"
        )
        out.error(f"nothing matches {_quoted(query)} {where}")
        return 1
    # search_rows keeps only characters, which always have fields.
    return [(f, m) for m in matches if (f := fields_of(m[0])) is not None]


def _say_no_text(query: str, out: _Out) -> None:
    r"""Say so when the query is a LaTeX command that gives no character (``\!``)."""
    if not query.startswith("\\"):
        return
    from symbols.table import latex_width, load

    why = load().latex_extra("no_text").get(query.strip())
    if why:
        width = latex_width(query.strip())
        out.note(f"{query.strip()} gives no character: {why}" + (f" ({width})" if width else ""))


def _user_alias(query: str, out: _Out) -> Row | None:
    """Return a hit on the user's own alias (config.toml ``[aliases]``) as a search row."""
    from app.config import ALIAS_FIELD, alias_hit, user_aliases

    aliases, problem = user_aliases()
    if problem:
        out.note(problem)
    hit = alias_hit(query, aliases)
    if hit is None:
        return None
    cp, name = hit
    return (cp, 1000.0, ALIAS_FIELD, name, ((0, len(name)),), "exact")


def _lookup(ns: LookupArgs, out: _Out) -> int:
    query = " ".join([*ns.extra, *ns.query])
    limit = ns.limit or (1 if ns.first or ns.copy else DEFAULT_LIMIT)
    found = _find(query, ns.scope, limit, out)
    if isinstance(found, int):
        if found == 1 and ns.json:  # a script reading JSON gets valid JSON either way
            _print_json(out, [])
        return found
    method = ns.method or _default_method()
    if ns.json:
        _print_json(out, [_symbol_json(f, m) for f, m in found])
    elif ns.format is not None:
        values = [_field(f, ns.format, method) for f, _m in found]
        if not any(values):
            best = found[0][0]
            out.error(f"{_label(best)} has no {ns.format} (nor has any other match)")
            return 1
        for value in values:  # one line per match, empty where a match has none
            out.line(value)
    elif ns.first:
        _print_detail(out, found[0][0], method)
    else:
        rows = [_match_row(f, m, method) for f, m in found]
        _print_rows(
            out,
            rows,
            _LOOKUP_ROLES,
            [_highlight(m, row) for (_f, m), row in zip(found, rows, strict=True)],
        )
    if ns.copy is not None:
        best = found[0][0]
        code = _copy(out, _field(best, ns.copy, method), _label(best))
        if code == 0:
            _record_use(best["codepoint"], out)
        return code
    return 0


def _quoted(text: str, most: int = 60) -> str:
    """Quote *text* for a one-line message: shortened when long, invisible characters escaped.

    Backslashes stay single: a doubled one is not what the user typed.
    """
    short = text if len(text) <= most else text[: most - 1] + "…"
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in short)
    return f"'{shown}'"


def _default_method() -> str:
    from symbols.inputs import preferred_method

    return preferred_method()


# Colour role of each column of a look-up or identify line.
_LOOKUP_ROLES = ("glyph", "code", "name", "latex", "keys", "dim")


#: How the note at the end of a row says what a concept-table phrase is to the symbol.
WHY_LABELS = {"concept": "means", "shape": "looks like"}


def _match_row(sym: Fields, match: Row, method: str) -> list[str]:
    row = _symbol_row(sym, method)
    _cp, _score, field, text, _spans, _kind = match
    # Say why a match came up when it is not visible in the row (an alias, a meaning, a
    # shape: "(means: if and only if)", "(looks like: upside-down a)").
    if field not in ("name", "latex", "char", "codepoint"):
        label = WHY_LABELS.get(field, field)
        row.append(f"({label}: {text})" if text else f"({label})")
    return row


def _highlight(match: Row, row: list[str]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Underline what the query matched, where it shows: in the name or LaTeX column."""
    _cp, _score, _field, text, spans, _kind = match
    if not spans:
        return {}
    for column in (2, 3):  # name, LaTeX
        if row[column] == text:
            return {column: spans}
    return {}


def _label(sym: Fields) -> str:
    """Return the code point in U+ notation, as `symbols.Symbol.label` gives it."""
    return f"U+{sym['codepoint']:04X}"


def _latex(sym: Fields) -> list[str]:
    """Return the LaTeX commands, primary first, as `symbols.Symbol.latex` gives them."""
    return [c[0] for c in sym["latex_commands"]]


def _symbol_row(sym: Fields, method: str) -> list[str]:
    from symbols.inputs import keys_for

    latex = _latex(sym)
    keys = keys_for(sym["char"], method)
    return [sym["char"], _label(sym), sym["name"], latex[0] if latex else "", keys]


def _field(sym: Fields, field: str, method: str) -> str:
    """Return the value of one -f/--copy field of a symbol ("" when it has no such form)."""
    if field in EXTRA_FIELDS:
        return str(sym[field])
    if field in ("char", "glyph", "name"):
        return str(sym["name" if field == "name" else "char"])
    if field == "codepoint":
        return _label(sym)
    # Key chords and escapes: app.tui.formats decides them for the TUI, --pick and
    # here alike; it takes a Symbol record.
    from app.tui.formats import value_of
    from symbols.table import make_symbol

    record = make_symbol(sym["codepoint"])
    return "" if record is None else value_of(record, field, first=method)


def _print_rows(
    out: _Out,
    rows: list[list[str]],
    roles: Sequence[str],
    highlights: Sequence[dict[int, tuple[tuple[int, int], ...]]] = (),
) -> None:
    """Aligned, coloured columns on a terminal; tab-separated plain lines otherwise."""
    from app.display import LEGEND, Style, plain_safe, render_rows, visible

    style = Style(out.stdout)
    tty = _isatty(out.stdout)
    if not tty:
        for row in rows:
            # Always the same five columns for scripts; the "why" note is for people.
            out.line("\t".join([plain_safe(row[0]), *row[1:5]]))
        return
    kinds: list[str] = []
    shown = []
    for row in rows:
        glyph, kind = visible(row[0], _formal_aliases(row[0]))
        if kind is not None and kind not in kinds:
            kinds.append(kind)
        shown.append([glyph, *row[1:]])
    for line in render_rows(shown, roles, style, highlights):
        out.line(line)
    if kinds:
        out.line(style("dim", "   ".join(LEGEND[k] for k in kinds)))


def _formal_aliases(cluster: str) -> tuple[str, ...]:
    from symbols.table import fields_of

    sym = fields_of(ord(cluster[0])) if cluster else None
    return sym["formal_aliases"] if sym is not None else ()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


# --------------------------------------------------------------------------- detail view


Pair = tuple[str, str, str]  # (label, value, colour role) of one detail line


def _detail_pairs(sym: Fields, tty: bool, show: Callable[[str], str]) -> list[Pair]:
    """List the facts of the detail view, one line per value (labels repeat).

    *show* turns a glyph into what is printed (a stand-in for invisible ones).
    """
    from symbols.table import fields_of

    pairs: list[Pair] = [
        ("char", show(sym["char"]), "glyph"),
        ("codepoint", _label(sym), "code"),
        ("name", sym["name"], "name"),
    ]
    pairs += [("formal alias", a, "name") for a in sym["formal_aliases"]]
    pairs += [("alias", a, "name") for a in sym["aliases"]]
    category = sym["category"]
    if tty:
        from app.display import CATEGORY_NAMES

        category += f" ({CATEGORY_NAMES.get(sym['category'], '?')})"
    pairs += [
        ("block", sym["block"], ""),
        ("category", category, ""),
        ("group", sym["group"], ""),
        ("scope", sym["scope"], ""),
    ]
    from symbols.table import latex_width

    for command, origins, package, math_class in sym["latex_commands"]:
        extra = [f"from {', '.join(origins)}"] if origins else []
        if package:
            extra.append(f"\\usepackage{{{package}}}")
        if math_class:
            extra.append(f"class {math_class}")
        width = latex_width(command)
        if width:
            extra.append(f"width {width}")
        value = f"{command}  ({'; '.join(extra)})" if tty and extra else command
        pairs.append(("latex", value, "latex"))
    pairs += [("html", f"&{h};", "latex") for h in sym["html"]]
    pairs += [("typst", f"sym.{t}", "latex") for t in sym["typst"]]
    pairs += [("asciimath", a, "latex") for a in sym["asciimath"]]
    pairs += [("rfc1345", r, "latex") for r in sym["rfc1345"]]
    for cp in sym["related"]:
        other = fields_of(cp)
        name = other["name"] if other is not None else ""
        pairs.append(("related", f"{show(chr(cp))} U+{cp:04X} {name}".rstrip(), ""))
    pairs += [("means", c, "") for c in sym["concepts"]]
    pairs += [("looks like", c, "") for c in sym["shapes"]]
    for glyph in sym["lookalikes"]:
        other = fields_of(ord(glyph))
        name = other["name"] if other is not None else ""
        pairs.append(("look-alike", f"{show(glyph)} U+{ord(glyph):04X} {name}".rstrip(), ""))
    return pairs


def _input_pairs(sym: Fields, method: str, tty: bool) -> list[Pair]:
    """Every input method of the detail view, the chosen one first."""
    from symbols.inputs import inputs

    pairs: list[Pair] = []
    for m in inputs(sym["char"], first=method):
        forms = [m.keys, *m.alternatives] if m.keys else []
        if not tty:
            # One line per form, the main one first; "input:latex" apart from the
            # fact "latex" above, for scripts.
            pairs += [(f"input:{m.id}", form, "keys") for form in forms or [""]]
            continue
        value = "  or  ".join(forms)
        pairs.append((m.label, value or "(not possible)", "keys"))
        if m.note:
            pairs.append(("", m.note, "dim"))
    return pairs


def _print_detail(out: _Out, sym: Fields, method: str) -> None:
    from app.display import LEGEND, Style, pad, plain_safe, text_width, visible

    tty = _isatty(out.stdout)
    kinds: list[str] = []

    def show(char: str) -> str:
        if not tty:
            return plain_safe(char)
        text, kind = visible(char, _formal_aliases(char))
        if kind is not None and kind not in kinds:
            kinds.append(kind)
        return text

    facts = _detail_pairs(sym, tty, show)
    typing = _input_pairs(sym, method, tty)
    if not tty:
        for label, value, _role in facts + typing:
            out.line(f"{label}\t{value}")
        return
    style = Style(out.stdout)
    for title, pairs in ((None, facts), ("how to type it", typing)):
        if title:
            out.line()
            out.line(style("label", title))
        width = max(text_width(label) for label, _v, _r in pairs)
        for label, value, role in pairs:
            out.line(f"{style('label', pad(label, width))}  {style(role, value)}".rstrip())
    if kinds:
        out.line(style("dim", "   ".join(LEGEND[k] for k in kinds)))


# --------------------------------------------------------------------------- JSON


def _symbol_json(sym: Fields, match: Row | None = None) -> dict[str, Any]:
    """One symbol as the stable JSON object documented in docs/cli.md (see "--json")."""
    from symbols.inputs import inputs_dict
    from symbols.table import latex_width

    return {
        "char": sym["char"],
        "codepoint": _label(sym),
        "name": sym["name"],
        "block": sym["block"],
        "category": sym["category"],
        "group": sym["group"],
        "scope": sym["scope"],
        "latex": _latex(sym),
        "latex_commands": [
            {
                "command": command,
                "package": package,
                "math_class": math_class,
                "origins": list(origins),
                "width": latex_width(command),
            }
            for command, origins, package, math_class in sym["latex_commands"]
        ],
        "html": list(sym["html"]),
        "typst": list(sym["typst"]),
        "aliases": list(sym["aliases"]),
        "formal_aliases": list(sym["formal_aliases"]),
        "related": [f"U+{cp:04X}" for cp in sym["related"]],
        "inputs": inputs_dict(sym["char"]),
        "score": None if match is None else round(float(match[1]), 4),
        "matched": None
        if match is None
        else {"field": match[2], "text": match[3], "kind": match[5]},
        "concepts": list(sym["concepts"]),
        "shapes": list(sym["shapes"]),
        "lookalikes": [_lookalike_json(g) for g in sym["lookalikes"]],
    }


def _lookalike_json(glyph: str) -> dict[str, str]:
    """One look-alike as the JSON gives it: its char and code point.

    Not its name: a look-alike outside the table is named by unicodedata2, which a
    look-up does not load otherwise (bench/README.md); ``mathsym --json U+03BC`` has it.
    """
    return {"char": glyph, "codepoint": f"U+{ord(glyph):04X}"}


def _print_json(out: _Out, items: Iterable[dict[str, Any] | str]) -> None:
    """Print a JSON array of *items*, one at a time (never the whole text in memory).

    The output is ``json.dumps(items, indent=2)``'s, byte for byte. An item may be
    given as the text `_json_text` made of it, to reuse it.
    """
    first = True
    for item in items:
        text = item if isinstance(item, str) else _json_text(out, item)
        # One level in: each line of the item two spaces further right.
        out.line(("[\n  " if first else ",\n  ") + text.replace("\n", "\n  "), end="")
        first = False
    out.line("[]" if first else "\n]")


def _json_text(out: _Out, item: dict[str, Any] | str | None) -> str:
    import json

    # Raw characters where stdout can hold them, \u escapes (still valid JSON) where not.
    return json.dumps(item, ensure_ascii=not out.utf, indent=2)


# --------------------------------------------------------------------------- identify


def _read_stdin(out: _Out) -> str:
    """All of stdin as text: UTF-8, with undecodable bytes replaced (and said so)."""
    stream = sys.stdin
    if stream is None:
        return ""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data = buffer.read()
    try:
        return str(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        out.note(
            f"stdin is not valid UTF-8 (byte {exc.start}); undecodable bytes are shown "
            "as U+FFFD REPLACEMENT CHARACTER"
        )
        return str(data.decode("utf-8", errors="replace"))


def _text_argument(words: list[str], out: _Out) -> str:
    if words:
        return " ".join(words)
    if _isatty(sys.stdin):
        out.note("reading text from the terminal; end it with Ctrl-D")
    text = _read_stdin(out)
    # `echo x | mathsym identify`: the newline echo adds is not part of the text.
    return text[:-1] if text.endswith("\n") else text


def _identify(ns: argparse.Namespace, out: _Out) -> int:
    from symbols.query import graphemes
    from symbols.table import fields_of

    text = _text_argument(ns.text, out)
    if not text:
        out.error("nothing to identify: give TEXT or pipe it in (see mathsym identify --help)")
        return 2
    method = ns.method or _default_method()
    clusters = _listed_symbols(text) or graphemes(text)
    _warn_lookalikes(clusters, out)
    if ns.json:
        _print_json(out, _identified_json(out, clusters))
        return 0
    rows: list[list[str]] = []
    for cluster in clusters:
        syms = [fields_of(ord(ch)) for ch in cluster]
        if ns.format is not None:
            out.line(_cluster_field(cluster, syms, ns.format, method))
        else:
            rows.append(_cluster_row(cluster, syms, method))
    if rows:
        _print_rows(out, rows, _LOOKUP_ROLES)
    return 0


#: How many characters' JSON objects `_identified_json` keeps for reuse.
_JSON_REUSE = 4096


def _identified_json(out: _Out, clusters: list[str]) -> Iterator[str]:
    """Yield the JSON text of every code point of *clusters*, with its ``cluster`` index.

    Made one at a time for `_print_json`: 250 KB of text is some 85,000 objects and
    200 MB of JSON, which used to be built whole (2.4 GB of memory). A text repeats
    its characters, so each one's object is made once (for the last few thousand
    seen) and only its ``cluster`` changes.
    """
    from symbols.table import fields_of

    made: dict[str, str] = {}
    for index, cluster in enumerate(clusters):
        for ch in cluster:
            text = made.get(ch)
            if text is None:
                if len(made) >= _JSON_REUSE:
                    made.clear()
                sym = fields_of(ord(ch))
                item = _symbol_json(sym) if sym is not None else _unassigned_json(ch)
                # "cluster" comes last: the object without its closing "\n}", then it.
                text = made[ch] = _json_text(out, item)[:-2]
            warning = _json_text(out, _lookalike_warning(ord(ch)))
            yield f'{text},\n  "cluster": {index},\n  "warning": {warning}\n}}'


def _lookalike_warning(codepoint: int) -> str | None:
    """Say what to use instead of the unusual one of two look-alikes, or None.

    ``µ MICRO SIGN — looks like μ GREEK SMALL LETTER MU; in math use μ``: the pairs and
    the advice are tools/data/lookalikes.tsv's.
    """
    from app.display import visible
    from symbols.table import fields_of, load

    found = load().prefer(codepoint)
    this, usual = fields_of(codepoint), fields_of(found[0]) if found else None
    if found is None or this is None or usual is None:
        return None
    glyph, other = visible(chr(codepoint))[0], visible(usual["char"])[0]
    return f"{glyph} {this['name']} — looks like {other} {usual['name']}; {found[1]} {other}"


def _warn_lookalikes(clusters: list[str], out: _Out) -> None:
    """Warn on stderr, once per character, about the unusual ones of look-alike pairs."""
    said: set[str] = set()
    for cluster in clusters:
        for ch in cluster:
            if ch not in said:
                said.add(ch)
                warning = _lookalike_warning(ord(ch))
                if warning:
                    out.note(warning)


def _listed_symbols(text: str) -> list[str]:
    """Return the symbols of lines `mathsym list` printed (a launcher's choice), else [].

    ``mathsym list | fzf | mathsym identify`` names the chosen symbol, not every
    character of its line; only when every line is such a line.
    """
    from app.listing import symbol_of_line

    lines = [line for line in text.splitlines() if line.strip()]
    cps = [symbol_of_line(line) for line in lines]
    return [chr(cp) for cp in cps if cp is not None] if lines and None not in cps else []


def _unassigned_json(ch: str) -> dict[str, Any]:
    """Build a JSON object of the same shape for a code point with no symbol."""
    cp = ord(ch)
    return {
        "char": ch,
        "codepoint": f"U+{cp:04X}",
        "name": _unknown_name(cp),
        "block": "",
        "category": "Cs" if 0xD800 <= cp <= 0xDFFF else "Cn",
        "group": "",
        "scope": "all",
        "latex": [],
        "latex_commands": [],
        "html": [],
        "typst": [],
        "aliases": [],
        "formal_aliases": [],
        "related": [],
        "inputs": {},
        "score": None,
        "matched": None,
        "concepts": [],
        "shapes": [],
        "lookalikes": [],
    }


def _unknown_name(cp: int) -> str:
    kind = "surrogate" if 0xD800 <= cp <= 0xDFFF else "unassigned"
    return f"<{kind}-{cp:04X}>"


def _cluster_row(cluster: str, syms: list[Fields | None], method: str) -> list[str]:
    from symbols.inputs import keys_for
    from symbols.latex import to_latex

    if len(cluster) == 1 and syms[0] is not None:
        return _symbol_row(syms[0], method)
    labels = " ".join(f"U+{ord(ch):04X}" for ch in cluster)
    names = " + ".join(
        s["name"] if s is not None else _unknown_name(ord(ch))
        for ch, s in zip(cluster, syms, strict=True)
    )
    latex = to_latex(cluster) if all(s is not None for s in syms) else ""
    keys = " ".join(keys_for(s["char"], method) for s in syms if s is not None)
    return [cluster, labels, names, latex if latex != cluster else "", keys]


def _cluster_field(cluster: str, syms: list[Fields | None], field: str, method: str) -> str:
    """Return one -f field of a grapheme cluster: each code point's value, joined."""
    if field in ("char", "glyph"):
        return cluster
    values = []
    for ch, sym in zip(cluster, syms, strict=True):
        if sym is not None:
            values.append(_field(sym, field, method))
        elif field == "name":
            values.append(_unknown_name(ord(ch)))
        elif field == "codepoint":
            values.append(f"U+{ord(ch):04X}")
        # a surrogate or unassigned code point has no other field
    return (" + " if field == "name" else " ").join(values)


# --------------------------------------------------------------------------- convert


def _convert(ns: argparse.Namespace, out: _Out) -> int:
    from symbols.latex import convert, to_latex

    text = _text_argument(ns.text, out)
    try:
        result = to_latex(text) if ns.to_latex else convert(text)
    except ValueError as exc:  # braces nested deeper than symbols.latex.MAX_NESTING
        out.error(f"cannot convert: {exc}")
        return 2
    out.line(result)
    if ns.copy:
        return _copy(out, result, "the result")
    return 0


# --------------------------------------------------------------------------- type, list


def _type(ns: argparse.Namespace, out: _Out) -> int:
    from app.typer import type_text
    from symbols.table import fields_of

    query = " ".join(ns.query)
    if not ns.query:  # a launcher's choice: `mathsym list | rofi -dmenu | mathsym type`
        query = _read_stdin(out).strip("\r\n")
        if not query.strip():
            out.error("nothing chosen: stdin was empty (the launcher was cancelled?)")
            return 1
    listed = _listed_symbols(query)
    if len(listed) == 1:
        best = fields_of(ord(listed[0]))
    else:
        found = _find(query, ns.scope, 1, out)
        if isinstance(found, int):
            return found
        best = found[0][0]
    if best is None:  # a listed line always names a character
        return 1
    text = _field(best, ns.format or "char", ns.method or _default_method())
    if not text:
        out.error(f"{_label(best)} {best['name']} has no {ns.format}")
        return 1
    outcome = type_text(text, paste=ns.paste, window=ns.window)
    _record_use(best["codepoint"], out)  # typed, or copied instead: used either way
    if outcome.ok:
        return 0
    out.error(outcome.message)
    return 1


def _record_use(codepoint: int, out: _Out) -> None:
    """Count a use (a typed or copied symbol) for the user's frecency (app.frecency)."""
    from app.state import State

    state = State()
    state.record_use(codepoint)
    if state.notice:
        out.note(state.notice)


def _list(ns: argparse.Namespace, out: _Out) -> int:
    from app.config import user_aliases
    from app.frecency import used_first
    from app.listing import list_lines

    aliases, problem = user_aliases()
    if problem:
        out.note(problem)
    for line in list_lines(ns.scope, ns.format, first=used_first(), user_aliases=aliases):
        out.line(line)
    return 0


# --------------------------------------------------------------------------- copy


def _copy(out: _Out, text: str, what: str) -> int:
    from app.clipboard import copy

    if not text:
        out.error(f"nothing to copy: {what} has no such form")
        return 1
    result = copy(text)
    shown = text if len(text) <= 40 else text[:39] + "…"
    if result.ok:
        out.note(f"copied {shown} ({what}): {result.message}")
        return 0
    out.error(result.message)
    return 1
