"""tools/data/concepts.tsv, the hand-curated concept and shape table, against README and Unicode 18.

The areas and source keys are read from tools/data/README.md, so that a key or an area used in the
table but not documented there fails here. Rows whose source is one of the local upstream tables
(Unicode NamesList, unicode-math, unimathsymbols) are checked word by word against those tables when
../shared/data/sources is present.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
import unicodedata2

from symbols.table import get

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tools" / "data"
TABLE = DATA / "concepts.tsv"
README = DATA / "README.md"
SOURCES = REPO.parent / "shared" / "data" / "sources"

HEADER = ["codepoint", "kind", "phrase", "area", "source"]
KINDS = {"means", "looks"}
CODEPOINT = re.compile(r"U\+([0-9A-F]{4,6})")

# Words a checked phrase may add to what its reference says ("the empty set" for "EMPTY SET").
FILLER = {
    *("a", "an", "and", "by", "in", "is", "of", "s", "set", "sign", "symbol", "the", "to"),
    "with",
}


class Row(NamedTuple):
    line: int
    codepoint: int
    kind: str
    phrase: str
    area: str
    source: str


def parse(text: str) -> list[Row]:
    """The table's rows; raises ValueError naming the line of the first malformed one."""
    rows: list[Row] = []
    header_seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != HEADER:
                raise ValueError(f"line {number}: header is {fields!r}, not {HEADER!r}")
            header_seen = True
            continue
        if len(fields) != len(HEADER):
            raise ValueError(f"line {number}: {len(fields)} fields, not {len(HEADER)}")
        match = CODEPOINT.fullmatch(fields[0])
        if not match:
            raise ValueError(f"line {number}: code point {fields[0]!r} is not U+XXXX")
        rows.append(Row(number, int(match.group(1), 16), *fields[1:]))
    if not header_seen:
        raise ValueError("no header row")
    return rows


def documented(heading: str) -> set[str]:
    """The backticked first-column keys of the table under README's `### heading`."""
    text = README.read_text(encoding="utf-8")
    section = text.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return parse(TABLE.read_text(encoding="utf-8"))


def test_every_row_parses_and_the_file_is_utf8_without_bom() -> None:
    raw = TABLE.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert parse(raw.decode("utf-8"))


def test_the_parser_rejects_what_the_table_must_not_contain() -> None:
    header = "\t".join(HEADER) + "\n"
    with pytest.raises(ValueError, match="header"):
        parse("codepoint\tphrase\n")
    with pytest.raises(ValueError, match="fields"):
        parse(header + "U+2200\tmeans\tfor all\tlogic\n")
    with pytest.raises(ValueError, match="U\\+XXXX"):
        parse(header + "2200\tmeans\tfor all\tlogic\tiso80000-2\n")
    assert parse("# comment\n\n" + header + "U+2200\tmeans\tfor all\tlogic\tiso80000-2\n") == [
        Row(4, 0x2200, "means", "for all", "logic", "iso80000-2")
    ]


def test_the_readme_documents_a_fixed_area_list_and_the_source_keys() -> None:
    assert len(documented("Areas")) == 21
    assert {"iso80000-2", "unicode-charts", "common-usage"} <= documented("Sources")


def test_code_points_are_assigned_in_unicode_18_and_known_to_the_table(rows: list[Row]) -> None:
    bad = []
    for row in rows:
        char = chr(row.codepoint)
        category = unicodedata2.category(char)
        if category in {"Cn", "Cs", "Co"} or get(row.codepoint) is None:
            bad.append((row.line, f"U+{row.codepoint:04X}", category))
    assert not bad


def test_kinds_areas_and_sources_are_the_documented_ones(rows: list[Row]) -> None:
    areas, sources = documented("Areas"), documented("Sources")
    assert not [r.line for r in rows if r.kind not in KINDS]
    assert not [(r.line, r.area) for r in rows if r.area not in areas]
    assert not [(r.line, r.source) for r in rows if r.source not in sources]


def test_phrases_are_lowercase_trimmed_and_single_spaced(rows: list[Row]) -> None:
    bad = [
        (r.line, r.phrase)
        for r in rows
        if not r.phrase
        or r.phrase != r.phrase.lower()
        or r.phrase != r.phrase.strip()
        or "  " in r.phrase
        or any(unicodedata2.category(c)[0] == "C" for c in r.phrase)
    ]
    assert not bad


def test_no_symbol_has_the_same_phrase_twice(rows: list[Row]) -> None:
    seen: dict[tuple[int, str], int] = {}
    repeated = []
    for row in rows:
        key = (row.codepoint, row.phrase)
        if key in seen:
            repeated.append((seen[key], row.line, row.phrase))
        seen[key] = row.line
    assert not repeated


def test_the_table_is_as_large_as_issue_11_asks(rows: list[Row]) -> None:
    kinds = Counter(r.kind for r in rows)
    assert len(rows) >= 1500
    assert kinds["means"] >= 1100
    assert kinds["looks"] >= 300
    # Every area of the fixed list is used: an unused area is a sign of a mislabelled section.
    assert {r.area for r in rows} == documented("Areas")


def test_the_examples_of_issue_11_are_answered_first(rows: list[Row]) -> None:
    first: dict[str, int] = {}
    for row in rows:
        first.setdefault(row.phrase, row.codepoint)
    expected = {
        "if and only if": "⟺",
        "iff": "⟺",
        "such that": "∣",
        "tends to": "→",
        "wreath product": "≀",
        "natural join": "⋈",
        "pitchfork": "⋔",
        "tombstone": "∎",
        "end of proof": "∎",
        "set membership": "∈",
        "is in": "∈",
        "real numbers": "ℝ",
        "reals": "ℝ",
        "tick": "✓",
        "check mark": "✓",
        "upside-down a": "∀",
        "upside down a": "∀",
        "backwards e": "∃",
        "implies": "⇒",
        "curly d": "∂",
    }
    assert {p: chr(first[p]) for p in expected if p in first} == expected


@cache
def _reference_texts() -> dict[str, dict[int, str]]:
    """Per checked source key, the text its rows' phrases must be drawn from, by code point."""
    nameslist = json.loads((SOURCES / "ucd17-NamesList.json").read_text(encoding="utf-8"))
    charts: dict[int, str] = {}
    for entry in nameslist["NamesList"]:
        if "name" not in entry:
            continue
        notes = [entry["name"]]
        for field in ("aliases", "comments", "crossReferences"):
            notes += entry.get(field, [])
        charts[int(entry["codepoint"], 16)] = " ".join(notes)
    unicode_math: dict[int, str] = {}
    for line in (SOURCES / "unicode-math-table.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            cp = int(fields[0], 16)
            unicode_math[cp] = unicode_math.get(cp, "") + " " + " ".join(fields[1:])
    milde: dict[int, str] = {}
    for line in (SOURCES / "unimathsymbols.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("^")
            cp = int(fields[0], 16)
            milde[cp] = milde.get(cp, "") + " " + " ".join(fields[2:])
    return {"unicode-charts": charts, "unicode-math": unicode_math, "unimathsymbols": milde}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/data/sources is not beside the repo")
def test_rows_from_local_references_use_only_their_words(rows: list[Row]) -> None:
    texts = _reference_texts()
    unsupported = []
    for row in rows:
        if row.source not in texts:
            continue
        reference = texts[row.source].get(row.codepoint, "")
        if row.source == "unicode-charts":
            reference += " " + unicodedata2.name(chr(row.codepoint), "")
        missing = _words(row.phrase) - _words(reference) - FILLER
        if missing:
            unsupported.append((row.line, row.phrase, row.source, sorted(missing)))
    assert not unsupported
