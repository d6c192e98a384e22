"""``mathsym list`` for launchers, and the chosen line given back to ``identify``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import clean_env

from app import cli
from app.listing import FORMATS, list_lines, symbol_of_line
from symbols.search import search
from symbols.table import get, table


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with no favorites, recents or config of the person running it."""
    monkeypatch.setenv("MATHSYM_STATE_DIR", str(tmp_path / "state"))


@pytest.mark.parametrize(("scope", "least"), [("math", 4000), ("extended", 5000), ("all", 34000)])
def test_every_symbol_of_the_scope_once(scope: str, least: int) -> None:
    lines = list(list_lines(scope, "tsv"))
    codepoints = [line.split("\t")[1] for line in lines]
    assert len(lines) >= least
    assert len(set(codepoints)) == len(codepoints)
    assert {f"U+{s.codepoint:04X}" for s in table(scope)} == set(codepoints)


def test_every_plain_line_of_the_math_scope_resolves_to_its_symbol() -> None:
    for line in list_lines("math", "plain"):
        cp = symbol_of_line(line)
        assert cp is not None, line
        assert f"U+{cp:04X}" in line


def test_tsv_has_six_columns_and_the_raw_glyph() -> None:
    for line in list_lines("extended", "tsv"):
        cells = line.split("\t")
        assert len(cells) == 6, line
        sym = get(cells[1])
        assert sym is not None and cells[2] == sym.name
        if sym.char.isprintable() or sym.category in ("Mn", "Mc", "Me", "Zs"):
            assert cells[0] == sym.char  # lone marks and spaces raw, for cut -f1


def test_lines_carry_what_people_search_by() -> None:
    line = next(x for x in list_lines("math") if "U+2200" in x)
    assert line.startswith("∀  U+2200  FOR ALL")
    for part in ("\\forall", "&forall;", "universal quantifier"):
        assert part in line
    assert "for all" in line.lower()  # launchers match without case (dmenu and rofi with -i)


def test_everyday_symbols_come_first() -> None:
    lines = list(list_lines("math", "tsv"))
    first = {line.split("\t")[0] for line in lines[:150]}
    # what people type most is near the top, the styled alphabets far below
    assert {"∀", "→", "≤", "≠", "∞", "∈", "±"} <= first
    assert not any("MATHEMATICAL BOLD" in line for line in lines[:500])


def test_the_users_symbols_come_first() -> None:
    lines = list(list_lines("math", "tsv", first=[0x2A74, 0x22C8, 0x10FFFF]))
    # in the scope and in the given order; a code point outside the scope is skipped
    assert [line.split("\t")[1] for line in lines[:2]] == ["U+2A74", "U+22C8"]
    assert len(lines) == len(set(lines))


def test_json_lines_and_alfred() -> None:
    objects = [json.loads(line) for line in list_lines("math", "json")]
    assert len(objects) >= 4000
    forall = next(o for o in objects if o["codepoint"] == "U+2200")
    assert forall["char"] == "∀" and forall["latex"] == "\\forall" and forall["html"] == "&forall;"
    (document,) = list(list_lines("math", "alfred"))
    items = json.loads(document)["items"]
    assert len(items) == len(objects)
    item = next(i for i in items if i["uid"] == "U+2200")
    assert item["arg"] == "∀" and "\\forall" in item["match"] and "for all" in item["match"]


def test_unknown_format_and_scope() -> None:
    with pytest.raises(ValueError, match="format"):
        list(list_lines("math", "xml"))
    with pytest.raises(ValueError, match="scope"):
        list(list_lines("everything", "plain"))
    assert "plain" in FORMATS


@pytest.mark.parametrize(
    "text",
    ["∀x∈ℝ", "∀  U+2201  FOR ALL", "x  U+2200  FOR ALL", "∀  U+2200  THERE EXISTS", "U+2200"],
)
def test_ordinary_text_is_not_a_list_line(text: str) -> None:
    assert symbol_of_line(text) is None


# --------------------------------------------------------------------------- the CLI


def test_list_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "list", "--format", "tsv", "--scope", "extended")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == len(list(table("extended")))


def test_list_bad_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "list", "--format", "xml")
    assert code == 2 and err.count("\n") == 1 and "invalid choice" in err


def test_identify_a_chosen_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = next(x for x in list_lines("math") if "U+2A74" in x)
    code, out, _err = _run(capsys, "identify", "-f", "char", line)
    assert (code, out) == (0, "⩴\n")
    code, out, _err = _run(capsys, "identify", "--json", line)
    (item,) = json.loads(out)
    assert item["codepoint"] == "U+2A74"


@pytest.mark.parametrize("cp", [0x0301, 0x00A0, 0x200B, 0x0009, 0x1D400])
def test_stand_ins_resolve_too(capsys: pytest.CaptureFixture[str], cp: int) -> None:
    # a lone mark on ◌, a framed space, ⟨ZWSP⟩, ⟨TAB⟩: the line still names its symbol
    line = next(x for x in list_lines("all") if f"  U+{cp:04X}  " in x)
    assert symbol_of_line(line) == cp
    code, out, _err = _run(capsys, "identify", "-f", "codepoint", line)
    assert (code, out) == (0, f"U+{cp:04X}\n")


@pytest.mark.skipif(shutil.which("fzf") is None, reason="needs fzf (.ci/run installs it)")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("for all", "∀"),
        ("\\forall", "∀"),
        ("&rarr;", "→"),
        ("U+2264", "≤"),
        ("empty set", "∅"),
        ("nabla", "∇"),
        ("\\le", "≤"),
    ],
)
def test_fzf_recipe(tmp_path: Path, query: str, expected: str) -> None:
    # docs/launchers.md: mathsym list | fzf --tiebreak=index | mathsym identify -f char
    # (--tiebreak=index: among equal matches, keep the list's order, most used first)
    env = clean_env(MATHSYM_STATE_DIR=str(tmp_path / "state"))
    pipeline = (
        f"{sys.executable} -m app list | fzf --tiebreak=index --filter {_q(query)} | head -1 | "
        f"{sys.executable} -m app identify -f char"
    )
    done = subprocess.run(
        ["sh", "-c", pipeline], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected + "\n"
    assert search(query, limit=1)[0].symbol.char == expected  # the same answer as a look-up


def _q(text: str) -> str:
    import shlex

    return shlex.quote(text)
