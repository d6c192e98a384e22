"""The manual page: made from the command's parsers, shipped as man/mathsym.1, valid roff."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import REPO

from app.arguments import ENVIRONMENT, EXAMPLES, parsers
from app.cli import main
from app.manpage import man_page, roff

SHIPPED = REPO / "man" / "mathsym.1"


def test_shipped_page_is_what_the_parsers_give() -> None:
    # After changing an option or its help: mathsym --man > man/mathsym.1
    assert SHIPPED.read_text(encoding="utf-8") == man_page()


def test_mathsym_man_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--man"]) == 0
    assert capsys.readouterr().out == man_page()


def test_every_option_and_subcommand_is_in_the_page() -> None:
    page = man_page()
    for name, parser in parsers().items():
        if name:
            assert f".SS {name}\n" in page
        for action in parser._actions:
            for option in action.option_strings:
                assert roff(option) in page, (name, option)
            if action.help and action.help != "==SUPPRESS==":
                assert roff(action.help) in page, (name, action.dest)
    for command, _what in EXAMPLES:
        assert roff(command) in page
    for variable, _what in ENVIRONMENT:
        assert variable in page


def test_roff_escapes_what_roff_would_read_as_requests() -> None:
    assert roff("a-b \\le") == "a\\-b \\ele"
    assert roff(".x\n'y\nz") == "\\&.x\n\\&'y\nz"


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_reads_it_without_a_warning() -> None:
    text = man_page().encode()
    if shutil.which("preconv"):
        text = subprocess.run(["preconv"], input=text, capture_output=True, check=True).stdout
    run = subprocess.run(
        ["groff", "-man", "-ww", "-Tutf8"], input=text, capture_output=True, check=True
    )
    assert run.stderr == b""
    shown = run.stdout.decode()
    # Rendered as a person reads it (groff overstrikes bold: drop the backspaces).
    plain = "".join(c for i, c in enumerate(shown) if c != "\b" and shown[i + 1 : i + 2] != "\b")
    assert "mathsym completion bash|zsh|fish" in plain
    assert "--scope {math,extended,all}" in plain and "EXIT STATUS" in plain
