"""Shell completion for bash, zsh and fish, with argcomplete, from the command's own parsers.

``mathsym completion SHELL`` prints argcomplete's shell code for ``mathsym``. When the
shell completes, that code runs ``mathsym`` itself with ``_ARGCOMPLETE`` in its
environment: `app.cli.main` sees it first thing and comes here, where the parsers of
`app.arguments` (the ones the command reads its arguments with) are put together as
one tree, the subcommands under the look-up options, and argcomplete answers from it.
So the completion never drifts from the command, and a plain look-up pays nothing for
it: one environment check, and this module is never imported.

Why argcomplete: it completes bash, zsh and fish from an argparse parser, values
included (shtab writes no fish). Its cost, a Python start per Tab press (about 0.1 s),
falls on completion only.
"""

from __future__ import annotations

import os

from app.arguments import PROG, SHELLS, field_names, parsers, pick_field_names

# Not `from typing import …` at run time (app modules follow app/cli.py's rule).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

__all__ = ["complete", "completion_tree", "shell_code"]


def shell_code(shell: str) -> str:
    """Return the code that makes *shell* (bash, zsh or fish) complete ``mathsym``."""
    if shell not in SHELLS:
        raise ValueError(f"no completion for {shell!r}: choose one of {', '.join(SHELLS)}")
    from argcomplete.shell_integration import shellcode

    return shellcode([PROG], shell=shell).rstrip("\n")


def _methods() -> tuple[str, ...]:
    from symbols.inputs import METHODS

    return tuple(METHODS)


def completion_tree() -> argparse.ArgumentParser:
    """Return the whole command as one parser: look-up options, then the subcommands.

    The look-up parser without its QUERY words (so that the first word completes to a
    subcommand), each subcommand's parser under it, and the values argparse does not
    list itself given to argcomplete: fields for ``-f``/``-c``, formats for ``--pick``,
    input method ids for ``--method``.
    """
    from argcomplete.completers import ChoicesCompleter

    every = parsers(words=False)
    values = {
        "-f": field_names(),
        "-c": field_names(),
        "--pick": pick_field_names(),
        "--method": _methods(),
    }
    for parser in every.values():
        for action in parser._actions:  # argcomplete reads `completer` off each action
            for option in action.option_strings:
                if option in values:
                    completer = ChoicesCompleter(dict.fromkeys(values[option], ""))
                    action.completer = completer  # type: ignore[attr-defined]
    top = every.pop("")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, parser in every.items():
        # parents= copies the subcommand's own actions (its -h too: hence add_help off).
        commands.add_parser(name, parents=[parser], add_help=False, help=parser.description)
    return top


def complete() -> int:
    """Answer the shell's completion request (``_ARGCOMPLETE`` is set), then end the process."""
    from argcomplete import autocomplete
    from argcomplete.completers import SuppressCompleter

    # Query words and text are free: no file names offered for them.
    autocomplete(completion_tree(), default_completer=SuppressCompleter())
    # autocomplete ends the process itself once it has answered; here only when the
    # environment did not hold a request after all.
    return 0 if os.environ.get("_ARGCOMPLETE") else 2
