"""config.toml's ``[aliases]``: the user's own names, found everywhere as exact matches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli
from app.config import alias_hit, user_aliases
from app.listing import list_lines

ALIASES = """\
[aliases]
iff = "⟺"
mycmd = "U+2318"
"my le" = '\\leqslant'
bad = "not a symbol"
"""


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MATHSYM_STATE_DIR", str(tmp_path))
    path = tmp_path / "config.toml"
    path.write_text(ALIASES, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_aliases_resolve_glyphs_code_points_and_latex(config: Path) -> None:
    aliases, problem = user_aliases(str(config.parent))
    assert aliases == {0x27FA: ["iff"], 0x2318: ["mycmd"], 0x2A7D: ["my le"]}
    assert problem.count("\n") == 0 and str(config) in problem and "bad = 'not a symbol'" in problem


@pytest.mark.parametrize("query", ["iff", "IFF", "  iff ", "my   le", "My Le"])
def test_any_case_and_spacing(config: Path, query: str) -> None:
    aliases, _ = user_aliases(str(config.parent))
    assert alias_hit(query, aliases) is not None


def test_lookup_finds_the_alias_first(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "iff")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[:3] == ["⟺", "U+27FA", "LONG LEFT RIGHT DOUBLE ARROW"]
    assert "ignored aliases" in err and err.count("\n") == 1  # the bad one, said once
    code, out, _err = _run(capsys, "--json", "-n", "3", "mycmd")
    items = json.loads(out)
    assert items[0]["char"] == "⌘"
    assert items[0]["matched"] == {"field": "user-alias", "text": "mycmd", "kind": "exact"}
    assert len({i["char"] for i in items}) == len(items)  # the alias hit is not repeated


def test_without_aliases_the_same_query_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MATHSYM_STATE_DIR", str(tmp_path))
    # (Not "cmd": the concept table knows it as ⌘ since issue 11.)
    code, out, err = _run(capsys, "-f", "char", "-n", "1", "mycmd")
    assert code == 1 and out == ""  # the alias above is what finds ⌘
    assert "nothing matches 'mycmd'" in err


def test_alias_in_list_lines(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "list")
    line = next(x for x in out.splitlines() if "U+27FA" in x)
    assert code == 0 and line.endswith("(iff)")
    assert not any(x.endswith("(iff)") for x in list_lines("math"))  # the user's, not the table's


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[aliases]\niff = "⟺\n', "line 2"),
        ("[aliases]\niff = \n", "line 2"),
        ("[aliases\n", "line 1"),
        ('aliases = "x"\n[aliases]\n', "line 2"),
    ],
)
def test_broken_config_is_one_line_and_look_ups_work(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    where: str,
) -> None:
    monkeypatch.setenv("MATHSYM_STATE_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "-f", "char", "-n", "1", "forall")
    assert (code, out) == (0, "∀\n")
    assert err.count("\n") == 1 and "config.toml" in err and where in err


def test_aliases_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('aliases = ["iff"]\n[keys]\n', encoding="utf-8")
    aliases, problem = user_aliases(str(tmp_path))
    assert aliases == {} and "[aliases] must be a table" in problem


def test_a_config_without_aliases_is_not_parsed(tmp_path: Path) -> None:
    # no [aliases] header: nothing is reported even for a file that is not TOML
    (tmp_path / "config.toml").write_text("[keys\nthis is not toml", encoding="utf-8")
    assert user_aliases(str(tmp_path)) == ({}, "")
