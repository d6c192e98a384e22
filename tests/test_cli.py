"""The one-shot command line: `app.cli.main` in-process, and a few real processes."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

import app.cli as cli
from app.arguments import parse_lookup
from app.display import char_width, text_width, visible
from symbols.inputs import METHODS

# The documented --json schema (docs/cli.md): keys and their order.
JSON_KEYS = [
    "char",
    "codepoint",
    "name",
    "block",
    "category",
    "group",
    "scope",
    "latex",
    "latex_commands",
    "html",
    "typst",
    "aliases",
    "formal_aliases",
    "related",
    "inputs",
    "score",
    "matched",
    "concepts",
    "shapes",
    "lookalikes",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def tsv(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MATHSYM_METHOD", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


# --------------------------------------------------------------------------- look-ups


@pytest.mark.parametrize(
    ("argv", "char"),
    [
        (["forall"], "∀"),
        (["\\le"], "≤"),
        (["U+2200"], "∀"),
        (["double", "struck", "R"], "ℝ"),
        (["&rarr;"], "→"),
        (["->"], "→"),  # starts with a dash yet is a query, not an option
        (["--", "-"], "-"),
    ],
)
def test_lookup_first_line(capsys: pytest.CaptureFixture[str], argv: list[str], char: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    first = tsv(out)[0]
    assert first[0] == char
    assert first[1] == f"U+{ord(char):04X}"


def test_lookup_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--method", "macos", "forall")
    assert code == 0
    assert tsv(out)[0] == ["∀", "U+2200", "FOR ALL", "\\forall", "⌥2200"]


@pytest.mark.parametrize(
    ("method", "keys"),
    [("linux", "Ctrl+Shift+U 2200 Space"), ("windows", "2200 Alt+X"), ("html", "&forall;")],
)
def test_method_option_and_env(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, method: str, keys: str
) -> None:
    assert tsv(run(capsys, "--method", method, "-n1", "forall")[1])[0][4] == keys
    monkeypatch.setenv("MATHSYM_METHOD", method)
    assert tsv(run(capsys, "-n1", "forall")[1])[0][4] == keys


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-n", "3", "arrow")
    assert code == 0
    assert len(out.splitlines()) == 3
    assert len(run(capsys, "arrow")[1].splitlines()) == cli.DEFAULT_LIMIT


def test_scope(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--scope", "all", "-n1", "hiragana letter small a")
    assert code == 0
    assert tsv(out)[0][:2] == ["ぁ", "U+3041"]
    code, out, _ = run(capsys, "--scope", "math", "hiragana letter small a")
    assert "ぁ" not in [row[0] for row in tsv(out)]


def test_widens_scope_when_math_has_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    # (the package attribute symbols.search is the function, so fetch the module)
    search_module = importlib.import_module("symbols.search")
    # The CLI formats from search_rows (plain rows, no Symbol records).
    real = search_module.search_rows
    scopes: list[str] = []

    def only_all(query: str, limit: int = 10, scope: str = "math") -> list[Any]:
        scopes.append(scope)
        return real(query, limit, scope) if scope == "all" else []

    monkeypatch.setattr(search_module, "search_rows", only_all)
    code, out, err = run(capsys, "-n1", "hiragana letter small a")
    assert code == 0
    assert scopes == ["math", "extended", "all"]
    assert tsv(out)[0][0] == "ぁ"
    assert "showing the all scope" in err and err.count("\n") == 1
    # an explicit --scope is never widened
    scopes.clear()
    code, out, err = run(capsys, "--scope", "math", "hiragana letter small a")
    assert (code, out, scopes) == (1, "", ["math"])
    assert "try --scope all" in err


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("char", "∀"),
        ("glyph", "∀"),
        ("codepoint", "U+2200"),
        ("name", "FOR ALL"),
        ("latex", "\\forall"),
        ("html", "&forall;"),
        ("typst", "sym.forall"),
        ("macos", "⌥2200"),
        ("utf8", "E2 88 80"),
        ("block", "Mathematical Operators"),
        ("category", "Sm"),
    ],
)
def test_format_field(capsys: pytest.CaptureFixture[str], field: str, value: str) -> None:
    code, out, _ = run(capsys, "-n1", "-f", field, "forall")
    assert code == 0
    assert out == value + "\n"


def test_format_one_line_per_match(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "-n", "4", "-f", "codepoint", "arrow")
    lines = out.splitlines()
    assert len(lines) == 4
    assert all(re.fullmatch(r"U\+[0-9A-F]{4,6}", line) for line in lines)


def test_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "\\le")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) >= 2
    top = data[0]
    assert list(top) == JSON_KEYS
    assert top["char"] == "≤"
    assert top["codepoint"] == "U+2264"
    assert top["name"] == "LESS-THAN OR EQUAL TO"
    assert top["category"] == "Sm"
    assert top["block"] == "Mathematical Operators"
    assert "\\le" in top["latex"]
    assert "le" in top["html"]
    assert top["latex_commands"][0]["command"] == top["latex"][0]
    assert set(top["inputs"]) <= set(METHODS)
    assert top["inputs"]["macos"] == "⌥2264"
    assert top["matched"]["field"] == "latex"
    assert isinstance(top["score"], float)
    for item in data:
        assert list(item) == JSON_KEYS
        assert all(isinstance(item[k], list) for k in ("latex", "html", "typst", "aliases"))


def test_json_first_is_one_element(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "-1", "--json", "forall")[1])
    assert [d["char"] for d in data] == ["∀"]


def test_first_detail_view(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-1", "--method", "vim", "\\le")
    assert code == 0
    pairs = tsv(out)
    assert all(len(p) == 2 for p in pairs)
    labels = [p[0] for p in pairs]
    assert pairs[0] == ["char", "≤"]
    assert ["name", "LESS-THAN OR EQUAL TO"] in pairs
    assert ["latex", "\\leq"] in pairs and ["latex", "\\le"] in pairs
    assert ["html", "&le;"] in pairs
    assert ["typst", "sym.lt.eq"] in pairs
    # every input method, the chosen one first
    methods = [label.removeprefix("input:") for label in labels if label.startswith("input:")]
    assert methods[0] == "vim"
    assert set(METHODS) - {"compose"} <= set(methods) <= set(METHODS)
    assert ["input:vim", "Ctrl-V u2264"] in pairs


def test_first_detail_view_on_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    _, out, _ = run(capsys, "-1", "nbsp")
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert re.fullmatch("char +\\[\xa0\\]", lines[0])
    assert any(line.startswith("how to type it") for line in lines)
    assert "macOS (Unicode Hex Input)" in out
    assert lines[-1].startswith("[ ]")  # the legend


def test_copy_takes_a_field_only_when_it_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parse_lookup(["-c", "forall"])
    assert (parsed.copy, [*parsed.extra, *parsed.query]) == ("char", ["forall"])
    parsed = parse_lookup(["-c", "latex", "forall"])
    assert (parsed.copy, [*parsed.extra, *parsed.query]) == ("latex", ["forall"])
    parsed = parse_lookup(["forall", "--copy"])
    assert (parsed.copy, parsed.query) == ("char", ["forall"])


def test_copy_reports_failure(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.clipboard

    calls: list[str] = []

    def fake(text: str) -> app.clipboard.CopyResult:
        calls.append(text)
        return app.clipboard.CopyResult(False, "none", "could not copy: no clipboard")

    monkeypatch.setattr(app.clipboard, "copy", fake)
    code, out, err = run(capsys, "-c", "latex", "forall")
    assert calls == ["\\forall"]
    assert code == 1
    assert err == "mathsym: error: could not copy: no clipboard\n"
    assert len(out.splitlines()) == 1  # -c shows the best match only


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["U+110000"], 2, "beyond the last Unicode code point"),
        (["U+D800"], 2, "surrogate"),
        (["U+ZZZZ"], 2, "not a code point"),
        (["0x"], 2, "not a code point"),
        (["U+0378"], 1, "unassigned"),
        ([""], 2, "empty query"),
        (["   "], 2, "empty query"),
        (["--json"], 2, "empty query"),
        (["--scope", "nope", "x"], 2, "invalid choice"),
        (["--method", "nope", "x"], 2, "unknown input method"),
        (["-f", "nope", "x"], 2, "unknown field"),
        (["-n", "0", "x"], 2, "at least 1"),
        (["-n", "many", "x"], 2, "not a whole number"),
        (["--json", "-f", "char", "x"], 2, "not both"),
        (["--bogus", "x"], 2, "unrecognized arguments"),
        (["--bo\ngus", "x"], 2, "unrecognized arguments: --bo\\ngus"),
        (["qqqqxxxxzzzz"], 1, "nothing matches"),
        (["identify", "--bogus"], 2, "unrecognized arguments"),
        (["convert", "--bogus"], 2, "unrecognized arguments"),
        # argparse reads "--" as the end of options and leaves a list (exit 70 before),
        # or nothing at all (silently the default before)
        (["--format=--", "x"], 2, "argument -f/--format: expected one value"),
        (["-f--", "x"], 2, "argument -f/--format: expected one value"),
        (["--limit=--", "x"], 2, "argument -n/--limit: expected one value"),
        (["--scope=--", "x"], 2, "argument --scope: expected one value"),
        (["--method=--", "x"], 2, "argument --method: expected one value"),
        (["identify", "--format=--", "x"], 2, "argument -f/--format: expected one value"),
        (["list", "--scope=--"], 2, "argument --scope: expected one value"),
        (["list", "--format=--"], 2, "argument --format: expected one value"),
        (["type", "--method=--", "x"], 2, "argument --method: expected one value"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, says: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("mathsym: error: ")
    assert says in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--bogus\x1b]0;PWNED\x07"],  # would retitle the terminal
        ["-n", "\x1b[31m"],
        ["--scope", "\x1b[2J"],
        ["--method", "mac\x9b1m"],
        ["-f", "\u202egnp.exe"],
        ["identify", "-f", "\x07"],
        ["U+\x1b"],
        ["--limit", "\x1b]52;c;eA==\x07"],
        ["convert", "--to-latex", "--bo\x00\x7fgus"],
    ],
)
def test_messages_escape_control_characters(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code in (1, 2)
    controls = {chr(c) for c in range(32) if c != 10} | {chr(c) for c in range(0x7F, 0xA0)}
    assert not controls & set(err), repr(err)
    assert "\u202e" not in err
    assert err.count("\n") == 1 and err.startswith("mathsym: error: ")
    assert "\\x1b" in err or "\\x07" in err or "\\x9b" in err or "\\u202e" in err or "\\x00" in err


def test_subcommand_word_searched_after_double_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    search_module = importlib.import_module("symbols.search")
    queries: list[str] = []

    def record(query: str, limit: int = 10, scope: str = "math") -> list[Any]:
        queries.append(query)
        return []

    monkeypatch.setattr(search_module, "search_rows", record)
    code, out, err = run(capsys, "--", "identify")
    assert queries[0] == "identify"  # searched, not run as the subcommand
    assert (code, out) == (1, "")
    assert "nothing matches 'identify'" in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    import unicodedata2

    import symbols

    code, out, _ = run(capsys, "--version")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"mathsym {symbols.__version__} (Unicode {unicodedata2.unidata_version})"
    assert f"unicodedata2 {unicodedata2.unidata_version}" in lines[2]
    # Each upstream table with its version, as the generator recorded them.
    made = dict(line.strip().split("  ", 1) for line in lines[lines.index("made from:") + 1 :])
    made = {name: value.strip() for name, value in made.items()}
    assert made["unicode-math-table.tsv"] == "latex3/unicode-math, 2025-03-09"
    assert made["typst-sym.txt"] == "typst/codex 0.3.0" and made["Compose"] == "libX11 1.8.4"
    assert made["unicodedata2"] == "18.0.0" and made["fontTools.unicodedata Blocks"] == "18.0.0"
    # 14 upstream tables and libraries, issue 11's three TeX tables and confusables, and
    # mathsym's own two (tools/data).
    assert len(made) == 20
    assert made["tools/data/concepts.tsv"].startswith("mathsym's own")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "examples:" in out and "mathsym identify" in out and "mathsym convert" in out


# --------------------------------------------------------------------------- identify


def test_identify(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "identify", "--method", "macos", "∀x∈ℝ")
    assert code == 0
    rows = tsv(out)
    assert [r[1] for r in rows] == ["U+2200", "U+0078", "U+2208", "U+211D"]
    assert rows[3] == ["ℝ", "U+211D", "DOUBLE-STRUCK CAPITAL R", "\\mathbb{R}", "⌥211D"]


def test_identify_keeps_grapheme_clusters(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "identify", "--method", "macos", "e\u0301\u2260")
    rows = tsv(out)
    assert len(rows) == 2
    assert rows[0][:3] == [
        "e\u0301",
        "U+0065 U+0301",
        "LATIN SMALL LETTER E + COMBINING ACUTE ACCENT",
    ]
    assert rows[0][4] == "⌥0065 ⌥0301"
    assert rows[1][1] == "U+2260"


def test_identify_tsv_never_breaks_lines(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "identify", "a\tb\nc")
    rows = tsv(out)
    assert len(rows) == 5 and all(len(r) == 5 for r in rows)
    assert rows[1][0].startswith("⟨") and rows[1][1] == "U+0009"


def test_identify_format_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "identify", "-f", "name", "∀ℝ")
    assert out.splitlines() == ["FOR ALL", "DOUBLE-STRUCK CAPITAL R"]
    data = json.loads(run(capsys, "identify", "--json", "a\u0301∀")[1])
    assert [(d["codepoint"], d["cluster"]) for d in data] == [
        ("U+0061", 0),
        ("U+0301", 0),
        ("U+2200", 1),
    ]
    assert all(list(d)[: len(JSON_KEYS)] == JSON_KEYS for d in data)


class _Writes(io.StringIO):
    """A stdout that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


@pytest.mark.parametrize(
    "text", ["∀x∈ℝ e\u0301 👩\u200d💻 \ud7ff\U000e0001", "\U0010ffff\u0378"], ids=["mixed", "odd"]
)
@pytest.mark.parametrize("reuse", [4096, 2], ids=["reused", "forgotten"])
def test_identify_json_is_exactly_the_array(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, reuse: int
) -> None:
    monkeypatch.setattr(cli, "_JSON_REUSE", reuse)  # objects made once, or made again
    code, out, _ = run(capsys, "identify", "--json", text + text)
    assert code == 0
    items = json.loads(out)
    assert [item["cluster"] for item in items] == sorted(item["cluster"] for item in items)
    assert "".join(item["char"] for item in items) == text + text
    # Printed object by object, and still json.dumps's text of the whole array.
    assert out == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def test_identify_json_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    # 250 KB of text made 221 MB of JSON, built whole in memory (2.4 GB) before a byte
    # was written; now no write holds more than one object.
    text = "∀x∈ℝ" * 5_000 + "".join(chr(c) for c in range(0x2200, 0x2300))
    written = _Writes()
    monkeypatch.setattr(sys, "stdout", written)
    assert cli.main(["identify", "--json", text]) == 0
    items = json.loads(written.getvalue())
    assert len(items) == 20_256 and items[-1]["char"] == "\u22ff"
    assert items[0]["cluster"] == 0 and items[-1]["cluster"] == 20_255
    assert len(written.sizes) > 20_000 and max(written.sizes) < 8_000


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_identify_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "→≤\n".encode())
    code, out, _ = run(capsys, "identify")
    assert code == 0
    assert [r[0] for r in tsv(out)] == ["→", "≤"]  # echo's newline is not identified


def test_identify_binary_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"\xff\xfeA")
    code, out, err = run(capsys, "identify")
    assert code == 0
    assert [r[1] for r in tsv(out)] == ["U+FFFD", "U+FFFD", "U+0041"]
    assert "not valid UTF-8" in err and err.count("\n") == 1


def test_identify_empty(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"")
    code, _, err = run(capsys, "identify")
    assert code == 2 and "nothing to identify" in err


def test_identify_invalid_utf8_in_argv_reads_as_stdin_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A non-UTF-8 byte in argv arrives as a lone surrogate (surrogateescape: 0xFF is
    # U+DCFF); it is read as stdin reads it, U+FFFD, and said once.
    code, out, err = run(capsys, "identify", "a\udcff", "\udce2\udc88")
    assert code == 0
    assert [r[1] for r in tsv(out)] == ["U+0061", "U+FFFD", "U+0020", "U+FFFD"]
    assert err == (
        "mathsym: an argument is not valid UTF-8; undecodable bytes are read as U+FFFD "
        "REPLACEMENT CHARACTER\n"
    )
    _stdin(monkeypatch, b"a\xff \xe2\x88")
    assert run(capsys, "identify")[1] == out  # the same bytes on stdin: the same lines


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "x\udbff\udc00"])
def test_lone_surrogates_in_arguments_are_no_characters(
    capsys: pytest.CaptureFixture[str], surrogate: str
) -> None:
    # Only a caller of main() can pass these (argv never holds them): U+FFFD too.
    code, out, err = run(capsys, "identify", "-f", "codepoint", surrogate)
    assert code == 0 and "U+D" not in out and "U+FFFD" in out
    assert "not valid UTF-8" in err


# --------------------------------------------------------------------------- convert


def test_convert(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "\\forall x \\in \\mathbb{R}: x^2 \\geq 0")
    assert (code, out) == (0, "∀ x ∈ ℝ: x² ≥ 0\n")
    assert run(capsys, "convert", "--to-latex", "∀x∈ℝ")[1] == "\\forall x\\in\\mathbb{R}\n"
    assert run(capsys, "convert", "\\unknown \\alpha")[1] == "\\unknown α\n"


def test_convert_nested_too_deep_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from symbols.latex import MAX_NESTING

    deep = "\\sqrt{" * 400 + "x" + "}" * 400  # a RecursionError, exit 70, before
    code, out, err = run(capsys, "convert", deep)
    assert (code, out) == (2, "")
    assert err == (
        f"mathsym: error: cannot convert: braces {{…}} nest 400 levels deep; "
        f"convert takes at most {MAX_NESTING}\n"
    )
    deepest = "\\sqrt{" * MAX_NESTING + "2" + "}" * MAX_NESTING
    inner = MAX_NESTING - 1
    assert run(capsys, "convert", deepest)[:2] == (0, "√(" * inner + "√2" + ")" * inner + "\n")


def test_convert_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\\alpha \\to \\beta\n\\sfrac{1}{2}\n")
    assert run(capsys, "convert")[1] == "α → β\n½\n"


# --------------------------------------------------------------------------- the TUI hand-off


@pytest.fixture
def fake_tui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    import app.tui

    calls: list[tuple[object, ...]] = []

    def run_tui(
        query: str = "", pick: str | None = None, typing: dict[str, object] | None = None
    ) -> int:
        calls.append((query, pick) if typing is None else (query, pick, typing))
        return 0

    monkeypatch.setattr(app.tui, "run", run_tui)
    return calls


@pytest.mark.parametrize(
    ("argv", "call"),
    [
        ([], ("", None)),
        (["tui"], ("", None)),
        (["tui", "double", "struck"], ("double struck", None)),
        (["--pick"], ("", "char")),
        (["--pick", "latex"], ("", "latex")),
        (["--pick", "latex", "arrow"], ("arrow", "latex")),
        (["--pick", "arrow"], ("arrow", "char")),
        (["tui", "--pick", "html", "rarr"], ("rarr", "html")),
        (["--pick", "--type"], ("", "char", {"paste": False, "window": None})),
        (["--pick", "latex", "--type", "--paste"], ("", "latex", {"paste": True, "window": None})),
        (
            ["tui", "--pick", "--type", "--window", "4194311", "le"],
            ("le", "char", {"paste": False, "window": "4194311"}),
        ),
    ],
)
def test_tui_hand_off(
    capsys: pytest.CaptureFixture[str],
    fake_tui: list[tuple[object, ...]],
    argv: list[str],
    call: tuple[object, ...],
) -> None:
    assert run(capsys, *argv)[0] == 0
    assert fake_tui == [call]


def test_tui_without_textual(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.tui

    def no_textual(*args: object) -> int:
        raise ModuleNotFoundError("No module named 'textual'", name="textual")

    monkeypatch.setattr(app.tui, "run", no_textual)
    code, _, err = run(capsys)
    assert code == 1
    assert err.count("\n") == 1 and "needs textual" in err


# --------------------------------------------------------------------------- terminal output


class FakeTTY(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def _tty_run(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stdout", fake)
    code = cli.main(list(argv))
    return code, fake.getvalue()


def test_terminal_columns_align(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    # wide, combining, space, joiner, plain: the code point column lines up anyway
    code, out = _tty_run(monkeypatch, "identify", "中e\u0301 \u200b=x")
    assert code == 0
    lines = out.splitlines()
    rows = [line for line in lines if "U+" in line]
    assert len(rows) == 6
    starts = {text_width(line[: line.index("U+")]) for line in rows}
    assert len(starts) == 1
    assert rows[1].startswith("e\u0301 ")
    assert rows[2].startswith("[ ]")
    assert rows[3].startswith("⟨ZWSP⟩")
    assert "\t" not in out and "\x1b[" not in out
    legend = lines[len(rows) :]
    assert legend and "framed" in legend[0] and "invisible" in legend[0]


def test_combining_mark_on_dotted_circle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out = _tty_run(monkeypatch, "identify", "\u0301")
    assert out.splitlines()[0].startswith("\u25cc\u0301")
    assert "dotted circle" in out


def test_colour_only_on_a_terminal_and_never_with_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out = _tty_run(monkeypatch, "-n2", "forall")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out = _tty_run(monkeypatch, "-n2", "forall")
    assert "\x1b[" not in out
    monkeypatch.undo()
    assert "\x1b[" not in run(capsys, "-n2", "forall")[1]


def test_ascii_output_does_not_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii")
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert cli.main(["-n3", "arrow"]) == 0
    assert cli.main(["--json", "-n1", "forall"]) == 0
    stdout.flush()
    text = raw.getvalue().decode("ascii")
    assert "\\u2191" in text or "\\u2190" in text
    assert json.loads(text[text.index("[") :])[0]["char"] == "∀"
    assert stderr.getvalue().count("output encoding (ascii)") == 1


# --------------------------------------------------------------------------- display width


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("a", 1),
        ("中", 2),
        ("\u0301", 0),
        ("e\u0301", 1),
        ("\u200d", 0),
        ("∀", 1),
        ("❤\ufe0f", 2),
        ("🙂", 2),
        ("👩\u200d💻", 2),
        ("👍\U0001f3fd", 2),
        ("a\u200db", 2),
        ("ｗ", 2),
        ("", 0),
    ],
)
def test_text_width(text: str, width: int) -> None:
    assert text_width(text) == width


def test_char_width_matches_east_asian_width() -> None:
    import unicodedata2

    for cp in (0x3000, 0x4E00, 0xFF21, 0x1F600, 0xAC00):
        assert unicodedata2.east_asian_width(chr(cp)) in ("W", "F")
        assert char_width(chr(cp)) == 2


@pytest.mark.parametrize(
    ("cluster", "aliases", "shown", "kind"),
    [
        ("∀", (), "∀", None),
        ("\u0301", (), "\u25cc\u0301", "mark"),
        ("\xa0", ("NBSP",), "[\xa0]", "space"),
        ("\u200d", ("ZWJ",), "⟨ZWJ⟩", "invisible"),
        ("\u200b", ("ZWSP",), "⟨ZWSP⟩", "invisible"),
        ("\t", ("CHARACTER TABULATION", "HT", "TAB"), "⟨HT⟩", "invisible"),
        ("\u2028", (), "⟨2028⟩", "invisible"),
    ],
)
def test_visible(cluster: str, aliases: tuple[str, ...], shown: str, kind: str | None) -> None:
    assert visible(cluster, aliases) == (shown, kind)


# --------------------------------------------------------------------------- real processes


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "MATHSYM_METHOD")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _python_m(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = kwargs.pop("env", None) or _env()
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, timeout=60, **kwargs
    )


@pytest.mark.slow
def test_python_m_app() -> None:
    proc = _python_m("--method", "macos", "forall")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().splitlines()[0] == "∀\tU+2200\tFOR ALL\t\\forall\t⌥2200"
    assert proc.stderr == b""


@pytest.mark.slow
def test_console_script() -> None:
    exe = shutil.which("mathsym") or shutil.which("mathsym", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the mathsym console script is not installed (pip install -e .)")
    proc = subprocess.run(
        [exe, "-n1", "-f", "char", "forall"], env=_env(), capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "∀\n"


@pytest.mark.slow
def test_lookup_never_imports_the_tui_or_its_dependencies() -> None:
    code = (
        "import sys\n"
        "import app.cli\n"
        "assert 'textual' not in sys.modules, 'import app.cli loaded textual'\n"
        "app.cli.main(['forall']); app.cli.main(['--json', '\\\\le']); app.cli.main(['-1', 'le'])\n"
        "app.cli.main(['identify', 'x']); app.cli.main(['convert', '\\\\alpha'])\n"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'rich', 'pyperclip', 'platformdirs'})\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().splitlines()[-1] == "[]"


@pytest.mark.slow
@pytest.mark.parametrize("reader", ["head -1", "true"])
def test_closed_stdout_is_quiet(reader: str) -> None:
    # head reads a line and goes; true goes before anything is written
    proc = subprocess.run(
        f"{sys.executable} -m app -n 10 arrow | {reader}",
        shell=True,
        env=_env(),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.decode().splitlines()) == (1 if reader.startswith("head") else 0)
    assert proc.stderr == b""


@pytest.mark.slow
def test_tui_without_textual_for_real() -> None:
    # Blocking the import the way a missing package fails it, through the real app.tui.
    code = "import sys; sys.modules['textual'] = None\nimport app.cli; sys.exit(app.cli.main([]))"
    proc = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, timeout=60)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "needs textual" in err and "Traceback" not in err


@pytest.mark.slow
def test_stdout_closed_from_the_start() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m app forall >&-",
        shell=True,
        env=_env(),
        capture_output=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (0, b"")


@pytest.mark.slow
def test_non_utf8_locale() -> None:
    proc = _python_m("-n2", "forall", env=_env(LANG="C", LC_ALL="C", PYTHONIOENCODING="ascii"))
    assert proc.returncode == 0
    assert proc.stdout.decode("ascii").startswith("\\u2200\tU+2200\tFOR ALL")
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.decode().count("output encoding") == 1


@pytest.mark.slow
def test_invalid_utf8_in_argv_and_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "identify", b"x\xff"],
        env=_env(LC_ALL="C.UTF-8"),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"U+DCFF" not in proc.stdout and b"U+FFFD" in proc.stdout
    assert b"not valid UTF-8" in proc.stderr
    proc = _python_m("identify", input=b"\x80\x81 ok")
    assert proc.returncode == 0
    assert b"U+FFFD" in proc.stdout and b"not valid UTF-8" in proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.slow
def test_exit_status_of_the_process() -> None:
    # main() ends the process itself (os._exit) after flushing: status and output survive.
    proc = _python_m("--scope")
    assert proc.returncode == 2
    assert proc.stderr.decode().count("\n") == 1 and b"Traceback" not in proc.stderr
    proc = _python_m("U+0378")
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert proc.stderr.decode().startswith("mathsym: error: U+0378 is unassigned")
    proc = _python_m("-n", "10", "arrow")
    assert proc.returncode == 0 and len(proc.stdout.decode().splitlines()) == 10


# --------------------------------------------------------------------------- README


def _readme_examples() -> list[tuple[list[str], list[str]]]:
    """The `$ mathsym …` lines of the docs' console blocks, with the output shown.

    README's tour and docs/cli.md: every example a reader may copy must run.
    """
    import re
    import shlex

    examples: list[tuple[list[str], list[str]]] = []
    for page in ("README.md", "docs/cli.md"):
        text = (REPO / page).read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
            for line in block.splitlines():
                if line.startswith("$ mathsym"):
                    command = line[2:].split("  #", 1)[0]
                    examples.append((shlex.split(command)[1:], []))
                elif examples and not line.startswith("$ "):
                    examples[-1][1].append(line)
    return examples


def test_readme_examples(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHSYM_METHOD", "linux")  # README shows Linux chords
    examples = _readme_examples()
    assert len(examples) >= 12
    checked = 0
    for argv, expected in examples:
        if not argv or "-c" in argv:
            continue  # the TUI and the clipboard are tested above
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        if expected:
            assert [line.split() for line in out.splitlines()] == [
                line.split() for line in expected
            ], argv
            checked += 1
    assert checked >= 6


def test_render_rows_underlines_spans() -> None:
    from app.display import Style, render_rows

    style = Style(io.StringIO(), enabled=True)
    lines = render_rows([["∀", "FOR ALL"], ["中", "X"]], ["glyph", "name"], style, [{1: ((4, 7),)}])
    # 中 takes two cells: ∀ gets one more space than it
    assert lines[0] == "\x1b[1m∀\x1b[0m   FOR \x1b[4mALL\x1b[0m"
    assert lines[1] == "\x1b[1m中\x1b[0m  X"
    plain = render_rows([["∀", "FOR ALL"]], ["glyph", "name"], Style(io.StringIO(), enabled=False))
    assert plain == ["∀  FOR ALL"]


def test_terminal_underlines_the_match(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = _tty_run(monkeypatch, "-n1", "rightwards arrow")
    line = out.splitlines()[0]
    assert "RIGHTWARDS ARROW" in re.sub("\x1b\\[[0-9;]*m", "", line)
    assert "\x1b[4m" in line


def test_any_arguments_give_a_status_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    words = st.text(st.characters(codec=None, blacklist_categories=()), max_size=12)
    options = st.sampled_from(["-n", "2", "-1", "--json", "-f", "name", "--scope", "all", "--"])

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.lists(st.one_of(words, options), max_size=4))
    def check(argv: list[str]) -> None:
        if argv[:1] in (["tui"], []) or "--pick" in argv:
            return  # would start the TUI
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1, 2), (argv, err)
        assert "Traceback" not in err
        if code != 0:
            assert err.count("\n") >= 1 and err.startswith("mathsym: ")

    check()


@pytest.mark.slow
@pytest.mark.parametrize("no_color", [False, True])
def test_terminal_output_of_the_process(no_color: bool) -> None:
    import pty
    import select

    master, slave = pty.openpty()
    env = _env(TERM="xterm-256color", **({"NO_COLOR": "1"} if no_color else {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "identify", "--method", "macos", "中\u0301∀"],
        env=env,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    proc.wait(timeout=60)
    seen = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    text = seen.decode()
    assert proc.returncode == 0
    assert ("\x1b[" in text) is not no_color
    plain = re.sub("\x1b\\[[0-9;]*m", "", text).replace("\r\n", "\n")
    rows = plain.splitlines()
    assert "\t" not in plain and len(rows) == 2
    assert rows[0].startswith("中\u0301  U+4E2D U+0301")
    # the code point columns line up although 中 takes two cells and ∀ one
    assert text_width(rows[0][: rows[0].index("U+")]) == text_width(rows[1][: rows[1].index("U+")])


# --------------------------------------------------------------------------- QA findings


@pytest.mark.parametrize("space", ["\u00a0", "\u2003"])
def test_a_pasted_lone_space_is_identified_not_empty(
    capsys: pytest.CaptureFixture[str], space: str
) -> None:
    code, out, err = run(capsys, space)
    assert code == 0, err
    assert tsv(out)[0][1] == f"U+{ord(space):04X}"


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("&#x110000;", "beyond the last Unicode code point"),
        ("\\u{D800}", "surrogate"),
        ("0x110000", "beyond the last Unicode code point"),
    ],
)
def test_impossible_code_points_in_any_spelling_are_usage_errors(
    capsys: pytest.CaptureFixture[str], query: str, says: str
) -> None:
    code, out, err = run(capsys, query)
    assert code == 2 and out == ""
    assert says in err and err.count("\n") == 1


def test_messages_show_backslashes_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "\\qqqzzzunknown")
    assert code == 1
    assert "'\\qqqzzzunknown'" in err and "\\\\" not in err


def test_json_with_no_match_is_an_empty_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--json", "--scope", "math", "qqqzzzxxyy")
    assert code == 1 and json.loads(out) == [] and "nothing matches" in err


def test_format_field_no_match_has_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "-n1", "-f", "compose", "forall")
    assert code == 1 and out == ""
    assert "has no compose" in err


def test_format_keeps_one_line_per_match_when_some_lack_the_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "-n5", "-f", "compose", "arrow")
    assert code == 0
    assert len(out.splitlines()) == 5 and any(line for line in out.splitlines())


def _buffered_env() -> dict[str, str]:
    """The environment, with stdout buffered as most shells leave it (PYTHONUNBUFFERED unset).

    This machine sets PYTHONUNBUFFERED=1, which writes --help at once (and argparse
    ignores the failure); buffered, the failure shows only when the buffer is flushed.
    """
    env = _env()
    env.pop("PYTHONUNBUFFERED", None)
    return env


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["identify", "--help"], ["forall"]])
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_help_and_version_into_a_closed_pipe(args: list[str], unbuffered: bool) -> None:
    # `mathsym --help | true`: a traceback and exit 120 before, when buffered.
    env = _buffered_env()
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "app", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, b"")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["convert", "--help"]])
def test_help_and_version_into_a_full_disk(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "app", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_buffered_env(),
            timeout=60,
        )
    assert proc.returncode == cli.WRITE_ERROR
    assert proc.stderr == "mathsym: error: cannot write the output: No space left on device\n"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "encoding", [{"PYTHONIOENCODING": "latin-1"}, {"PYTHONUTF8": "0", "LC_ALL": "C"}], ids=str
)
def test_a_full_disk_with_a_narrow_output_encoding(encoding: dict[str, str]) -> None:
    # The note about \u escapes flushed stdout unguarded: a traceback and exit 120
    # (found by bench/audit.py) once a line was buffered before the first that needs it
    # (0 DIGIT ZERO, then ⁰ ₀ …).
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "app", "-n", "10", "0"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**_buffered_env(), **encoding},
            timeout=60,
        )
    assert proc.returncode == cli.WRITE_ERROR, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.endswith(
        "mathsym: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("args", "code"), [(["qqqqxxxxzzzz"], 1), (["--bogus"], 2)])
def test_stderr_on_a_full_disk_keeps_the_exit_status(args: list[str], code: int) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "app", *args],
            stdout=subprocess.PIPE,
            stderr=full,
            env=_buffered_env(),
            timeout=60,
        )
    assert proc.returncode == code


@pytest.mark.slow
def test_help_into_a_shell_pipe_that_closes() -> None:
    # As a person types it: `env -u PYTHONUNBUFFERED mathsym --help | true`.
    proc = subprocess.run(
        f'{shlex.quote(sys.executable)} -m app --help | true; echo "${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        env=_buffered_env(),
        capture_output=True,
        timeout=60,
    )
    assert proc.stdout == b"0\n" and proc.stderr == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_a_one_line_write_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "app", "arrow"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert proc.returncode == cli.WRITE_ERROR
    assert proc.stderr.strip().count("\n") == 0
    assert "cannot write the output" in proc.stderr and "Traceback" not in proc.stderr


# --------------------------------------------------------------------------- concepts (issue 11)


@pytest.mark.parametrize(
    ("query", "char", "field", "note"),
    [
        ("if and only if", "⟺", "concept", "(means: if and only if)"),
        ("tombstone", "∎", "concept", "(means: tombstone)"),
        ("upside down a", "∀", "shape", "(looks like: upside-down a)"),
    ],
)
def test_a_meaning_or_a_shape_says_why_it_matched(
    capsys: pytest.CaptureFixture[str], query: str, char: str, field: str, note: str
) -> None:
    code, out, _ = run(capsys, "-n1", query)
    assert code == 0
    line = tsv(out)[0]
    # Piped, the five columns stay as they are for scripts.
    assert line[0] == char and len(line) == 5
    code, out, _ = run(capsys, "--json", "-n1", query)
    top = json.loads(out)[0]
    assert top["char"] == char
    phrase = note.split(": ", 1)[1][:-1]
    assert top["matched"] == {"field": field, "text": phrase, "kind": "concept"}
    assert phrase in top["concepts" if field == "concept" else "shapes"]


def test_the_why_note_shows_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = Tty(), io.StringIO()
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["-n1", "upside down a"]) == 0
    assert out.getvalue().splitlines()[0].endswith("(looks like: upside-down a)")


def test_json_lists_meanings_shapes_and_lookalikes(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "--json", "-n1", "U+2200")
    top = json.loads(out)[0]
    assert "for all" in top["concepts"] and "upside-down a" in top["shapes"]
    assert isinstance(top["lookalikes"], list)
    _code, out, _ = run(capsys, "identify", "--json", "\U000e0001")  # outside the table
    assert json.loads(out)[0]["concepts"] == []


def test_the_detail_view_lists_meanings_and_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-1", "U+2203")
    assert code == 0
    facts = tsv(out)
    assert ["means", "there exists"] in facts
    assert ["looks like", "backwards e"] in facts
