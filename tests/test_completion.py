"""Shell completion (argcomplete) in real shells: bash always, zsh and fish where installed.

Each test prints ``mathsym completion SHELL``, loads it in the shell as a user would,
and asks the shell itself for the completions of a command line; the shell runs the
``mathsym`` console script of this environment to answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.arguments import SHELLS, field_names, parsers, pick_field_names
from app.cli import main
from symbols.inputs import METHODS

pytestmark = pytest.mark.slow

#: The console script of this environment (pip install -e .): what a shell runs.
MATHSYM = shutil.which("mathsym", path=str(Path(sys.executable).parent))

needs_script = pytest.mark.skipif(MATHSYM is None, reason="mathsym is not installed here")

SUBCOMMANDS = ["identify", "convert", "tui", "type", "list", "desktop", "serve", "completion"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("_ARC", "COMP_"))}
    assert MATHSYM is not None
    env["PATH"] = str(Path(MATHSYM).parent) + os.pathsep + env.get("PATH", "")
    env["HOME"] = str(tmp_path)  # no user's shell start-up files
    return env


def _code(shell: str, tmp_path: Path) -> Path:
    """Write `mathsym completion SHELL`'s output to a file, as the docs say to."""
    out = subprocess.run(
        [str(MATHSYM), "completion", shell], capture_output=True, text=True, check=True
    ).stdout
    path = tmp_path / f"mathsym.{shell}"
    path.write_text(out)
    return path


# Bash: the completion function is called as bash calls it for a Tab press.
_BASH = r"""
source "$1"
line="$2"
COMP_LINE="$line"; COMP_POINT=${#line}; COMP_TYPE=9
read -ra COMP_WORDS <<< "$line"
[[ "$line" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_python_argcomplete mathsym "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""


def bash_complete(line: str, tmp_path: Path) -> list[str]:
    code = _code("bash", tmp_path)
    run = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", _BASH, "bash", str(code), line],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    return [word.strip() for word in run.stdout.splitlines() if word.strip()]


@needs_script
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mathsym ", [*SUBCOMMANDS, "--scope", "--method", "--json", "-f", "--pick", "--man"]),
        ("mathsym se", ["serve"]),
        ("mathsym --scope ", ["math", "extended", "all"]),
        ("mathsym --method ", list(METHODS)),
        ("mathsym --method win", ["windows", "windows-numpad"]),
        ("mathsym -f ", list(field_names())),
        ("mathsym --format ", list(field_names())),
        ("mathsym -c ", list(field_names())),
        ("mathsym --pick ", list(pick_field_names())),
        ("mathsym list --format ", ["plain", "tsv", "json", "alfred"]),
        ("mathsym list --scope ", ["math", "extended", "all"]),
        ("mathsym completion ", ["bash", "zsh", "fish"]),
        ("mathsym serve --", ["--host", "--port", "--open", "--help"]),
        ("mathsym identify --", ["--json", "--format", "--method", "--help"]),
        ("mathsym type --", ["--paste", "--window", "--format", "--scope", "--method"]),
        ("mathsym desktop --", ["--print", "--install", "--uninstall", "--launch", "--terminal"]),
        ("mathsym forall --sc", ["--scope"]),  # options after query words too
    ],
)
def test_bash_completes(line: str, expected: list[str], tmp_path: Path) -> None:
    got = bash_complete(line, tmp_path)
    assert set(expected) <= set(got), sorted(set(expected) - set(got))
    if line.endswith(("--scope ", "--method ", "-f ", "--format ", "se")):
        # Where a value must come: that value only (no option, no subcommand).
        assert set(got) == set(expected)


@needs_script
def test_bash_offers_no_file_names_for_query_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "forall.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    got = bash_complete("mathsym identify ", tmp_path)
    assert "forall.txt" not in got and "--json" in got


def _zsh_or_fish(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed (apt-get install {shell})")
    return path


# zsh: load the function with compinit, then run it under zpty-free completion by
# calling it with `words` and CURRENT set, capturing what it offers to compadd.
_ZSH = r"""
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"
source "$1"
compadd() { local a; for a in "$@"; do [[ "$a" == -* ]] || print -r -- "$a"; done }
_describe() { local name=$1 arr=$2; shift 2; print -rl -- "${(@P)arr}" }
BUFFER="$2"; CURSOR=${#BUFFER}
words=(${(z)BUFFER}); [[ "$BUFFER" == *" " ]] && words+=("")
CURRENT=${#words}
_python_argcomplete
"""


@needs_script
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mathsym ", ["serve", "completion", "identify"]),
        ("mathsym --scope ", ["math", "extended", "all"]),
        ("mathsym -f ", ["latex", "codepoint", "block"]),
        ("mathsym list --format ", ["plain", "tsv", "json", "alfred"]),
    ],
)
def test_zsh_completes(line: str, expected: list[str], tmp_path: Path) -> None:
    zsh = _zsh_or_fish("zsh")
    code = _code("zsh", tmp_path)
    run = subprocess.run(
        [zsh, "-f", "-c", _ZSH, "zsh", str(code), line],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    # zsh's entries are "value:description" (argcomplete gives descriptions in zsh).
    got = {entry.split(":", 1)[0].replace("\\", "") for entry in run.stdout.split()}
    assert set(expected) <= got, (run.stdout, run.stderr)


@needs_script
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mathsym ", ["serve", "completion", "identify", "list"]),
        ("mathsym --scope ", ["math", "extended", "all"]),
        ("mathsym --method ", ["macos", "vim", "html"]),
        ("mathsym --pick ", ["latex", "html", "codepoint"]),
        ("mathsym list --format ", ["plain", "tsv", "json", "alfred"]),
    ],
)
def test_fish_completes(line: str, expected: list[str], tmp_path: Path) -> None:
    fish = _zsh_or_fish("fish")
    code = _code("fish", tmp_path)
    run = subprocess.run(
        [fish, "--no-config", "-c", f"source {code}; complete -C '{line}'"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    got = {entry.split("\t", 1)[0] for entry in run.stdout.splitlines()}
    assert set(expected) <= got, (run.stdout, run.stderr)


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_prints_the_shell_code(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    out = capsys.readouterr().out
    assert "_ARGCOMPLETE" in out and "mathsym" in out


def test_completion_refuses_another_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "tcsh"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'tcsh'" in err


def test_the_completion_tree_holds_every_subcommand_and_option() -> None:
    from app.completion import completion_tree

    tree = completion_tree()
    sub = next(a for a in tree._actions if a.dest == "command")
    assert list(sub.choices or ()) == list(parsers())[1:]  # every subcommand, in order
    top_options = {o for a in tree._actions for o in a.option_strings}
    assert top_options == {o for a in parsers()[""]._actions for o in a.option_strings}
