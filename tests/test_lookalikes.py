"""Look-alikes (issue 11 §3): confusables and NamesList in the table, and identify's warnings."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

import symbols
from app import cli
from symbols.table import load


def alike(char: str) -> tuple[str, ...]:
    sym = symbols.get(char)
    assert sym is not None
    return sym.lookalikes


@pytest.mark.parametrize(
    ("char", "other"),
    [
        ("\u00b5", "\u03bc"),  # MICRO SIGN, GREEK SMALL LETTER MU (confusables)
        ("\u2212", "-"),  # MINUS SIGN, HYPHEN-MINUS
        ("\u2126", "\u03a9"),  # OHM SIGN, GREEK CAPITAL LETTER OMEGA
        ("\u212b", "\u00c5"),  # ANGSTROM SIGN, Å (a canonical singleton)
        ("\u2206", "\u0394"),  # INCREMENT, GREEK CAPITAL LETTER DELTA
        ("\u2300", "\u2205"),  # DIAMETER SIGN, EMPTY SET
        ("\u2223", "|"),  # DIVIDES, VERTICAL LINE: both look like l
        ("\u2211", "\u03a3"),  # N-ARY SUMMATION, SIGMA: NamesList, both ways
        ("\u22a5", "\u27c2"),  # UP TACK, PERPENDICULAR
        ("\u043e", "o"),  # CYRILLIC SMALL LETTER O, outside the table
    ],
)
def test_look_alikes_go_both_ways(char: str, other: str) -> None:
    assert other in alike(char)
    assert char in alike(other)


def test_the_usual_one_comes_first() -> None:
    assert alike("\u00b5")[0] == "\u03bc"
    assert alike("-")[0] == "\u2212"
    assert alike("\u2300")[0] == "\u2205"


def test_related_is_not_alike() -> None:
    # NamesList relates them, but they are not drawn alike: names sharing a word, or a
    # cross reference made one way only.
    assert "\u2213" not in alike("\u00b1")  # ± ∓
    assert "<" not in alike("\u2264")  # ≤ <
    assert "+" not in alike("\u2212")  # + names − (and not back)
    # A styled letter is a look-alike of its letter only.
    assert alike("\U0001d428") == ("o",)  # MATHEMATICAL BOLD SMALL O


def test_look_alikes_are_symmetric_in_the_table() -> None:
    t = load()
    styled = {"Mathematical Alphanumeric Symbols", "Letterlike Symbols"}
    one_way = []
    for sym in t.symbols("extended"):
        if sym.block in styled:
            continue
        for other in sym.lookalikes:
            back = symbols.get(other)
            if (
                back is not None
                and back.scope != "all"
                and back.block not in styled
                and sym.char not in back.lookalikes
            ):
                one_way.append((sym.label, back.label))
    assert one_way == []


def _identify(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["identify", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("\u00b5", "µ MICRO SIGN — looks like μ GREEK SMALL LETTER MU; in math use μ"),
        ("x-1", "- HYPHEN-MINUS — looks like − MINUS SIGN; in math use −"),
        ("\u2126", "\u2126 OHM SIGN — looks like \u03a9 GREEK CAPITAL LETTER OMEGA; in math"),
        ("\u2206x", "∆ INCREMENT — looks like Δ GREEK CAPITAL LETTER DELTA; for the Greek"),
        ("A=\u2300", "⌀ DIAMETER SIGN — looks like ∅ EMPTY SET; for the empty set use ∅"),
    ],
)
def test_identify_warns_about_the_unusual_one(
    capsys: pytest.CaptureFixture[str], text: str, warning: str
) -> None:
    code, out, err = _identify(capsys, text)
    assert code == 0 and len(out.splitlines()) == len(text)
    assert f"mathsym: {warning}" in err
    assert err.count("\n") == 1  # once, one line


@pytest.mark.parametrize("text", ["\u03bc", "x\u22121", "\u03a9\u0394\u2205", "abc"])
def test_identify_says_nothing_of_the_usual_ones(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, _out, err = _identify(capsys, text)
    assert code == 0 and err == ""


def test_identify_json_carries_the_warning(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _identify(capsys, "--json", "\u00b5\u00b5a")
    items = json.loads(out)
    assert [i["cluster"] for i in items] == [0, 1, 2]
    assert items[0]["warning"].startswith("µ MICRO SIGN — looks like μ")
    assert items[1]["warning"] == items[0]["warning"]
    assert items[2]["warning"] is None
    assert items[0]["lookalikes"][0]["char"] == "\u03bc"
    assert items[0]["lookalikes"][0] == {"char": "\u03bc", "codepoint": "U+03BC"}


def test_every_preference_row_is_in_the_data() -> None:
    rows = [
        line.split("\t")
        for line in (REPO / "tools" / "data" / "lookalikes.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
        if line and not line.startswith(("#", "unusual\t"))
    ]
    assert len(rows) >= 10
    for unusual, usual, advice, source in rows:
        assert source in {"unicode-charts", "iso80000-2", "common-usage"}
        found = load().prefer(int(unusual[2:], 16))
        assert found == (int(usual[2:], 16), advice), unusual
        assert chr(int(usual[2:], 16)) in alike(chr(int(unusual[2:], 16)))
