r"""data/symbols.json: where it is, how the generator writes it, how the library reads it.

The one home of the file's layout: ``tools/build_symbols.py`` computes the facts and
hands them to `dump`; `read` gives them back as a `Data`, which `symbols.table.Table`
serves look-ups from. The meaning of the columns, the scopes and the format version
are `symbols.schema`'s. Schema (format 3)::

    {"format": 3, "unicode": "18.0.0",
     "groups": [group names, symbols.groups.GROUPS],
     "blocks": [[start, end, name], ...],          # Unicode 18 blocks
     "html4": "AElig\tAacute…",                     # HTML 4 entity names (tab-separated)
     "provenance": {"unicode-math-table.tsv": "latex3/unicode-math, 2025-03-09", …},
                                                     # the tables read, with their versions
     "symbols": {                                    # one list per column, one entry per row
        "cp": [int], "name": [str], "gc": [str],
        "group": [index into groups], "scope": [0 math | 1 extended],
        "latex": ["command\torigin,origin\tpackage\tmath_class\n…"],  # primary first
        "html": ["entity\tentity"], "typst": [names], "vim": [digraphs],
        "compose": [key sequences], "asciimath": [names], "rfc1345": [mnemonics],
        "alias": [informative aliases], "formal": [formal aliases],
        "concept": ["for all\tuniversal quantifier"],   # tools/data/concepts.tsv
        "shape": ["upside-down a\tturned a"],
        "xref": ["2010 2212"], "lookalike": ["002D"]},  # hex code points
     "concept_order": "FOLDED PHRASE\t21D4 27FA\n…",   # who a shared phrase finds first
     "prefer": "00B5\t03BC in math use\n…",       # the unusual one of look-alikes
     "latex_extra": {"order": "\\quad\t2003 2001\n…",   # commands of several symbols
                     "sequences": "\\colonapprox\t3A 2248\n…",  # of several characters
                     "widths": "\\,\t3/18 em\n…",      # spacing commands
                     "no_text": "\\!\tnegative space\n…",  # commands of no character
                     "ligatures": "--\t2013\n…"},     # TeX's input ligatures
     "search": {"math": {...}},                      # the math search index, packed
     "index_bytes": 708466,                          # length of the "search" value
     "layout": {"bytes": 863710, "rows": 64,         # where the columns lie (see below)
                "at": {"cp": [offsets of rows 0, 64, …, then of "]"], ...},
                "index_parts": {"math": {"latex": [start, end], ...}}},  # in "search"
     "unlisted": {"alias": "FEFF\tBOM, ZWNBSP\n…",    # characters outside the table:
                  "formal": "FEFF\tBYTE ORDER MARK\tBOM\tZWNBSP\n…",  # their aliases,
                  "concept": …, "shape": …, "lookalike": "430\t61 251\n…"}}  # phrases, look-alikes

Rows are in code point order. List-valued fields are packed into one string per row
(items joined by TAB, LaTeX entries by LF, their origins by ","; "" for none), so the
file holds one JSON value per row and field rather than a quarter of a million small
lists and strings: it parses about three times faster (bench/README.md). A row is
unpacked when it is asked for (`names`, `xrefs`, `latex`); `unpack_column` unpacks a
whole column for indexes built elsewhere.

``unlisted`` gives the characters of the ``all`` scope (built at run time from
unicodedata2) their NamesList informative and NameAliases formal aliases, concept and
shape phrases and look-alikes: one line per character, ``HEX<TAB>alias<TAB>alias``
(look-alikes as hex code points), in code point order (`unlisted_rows`).

``latex_extra`` holds what the LaTeX columns cannot: ``order``, the precedence the
generator decided for each command several symbols claim (docs/latex-conflicts.md), best
first; ``sequences``, commands of several characters (``\colonapprox`` ``:≈``), which
`symbols.latex.convert` writes out; ``widths`` of spacing commands (``\,`` 3/18 em);
``no_text``, commands that give no character and why (``\!``: a negative space);
``ligatures``, TeX's input ligatures (``--`` –, ``~`` a no-break space). Each is
``KEY<TAB>VALUE`` lines (`packed_map`, `unpacked_map`); code points as hex.

``prefer`` names, for the unusual one of two look-alikes (tools/data/lookalikes.tsv), the
usual one and the advice: ``HEX<TAB>USUAL-HEX advice`` lines (`packed_map`).

``concept_order`` ranks the characters of a concept or shape phrase that several of them
share ("if and only if": ⟺ ⇔ ↔), as tools/data/concepts.tsv orders its rows: one line per
phrase, ``FOLDED PHRASE<TAB>HEX HEX…`` (`concept_order`); phrases of one character are
not listed.

``search`` holds the pure-data parts of the math scope's search index
(`symbols.search_index.pack_index`), so that the first search of a process splits a few
strings instead of indexing every name (30 ms). A file without it still works: the
index is then built on first use.

What makes a look-up parse little of the file (each measured in bench/README.md;
`read` reads the bytes whole, a fraction of a millisecond, and keeps them):

* ``index_bytes``, near the top (keys are sorted), is the length of the ``search``
  value: the index (40 % of the file) is parsed at the first search, and the columns
  are found after it without parsing it.
* ``layout`` says where the columns lie in the ``symbols`` value (``bytes``: its length;
  ``at``: per column, the offsets from its ``{`` of rows 0, 64, 128… and of the
  column's closing ``]``): `Columns` parses a column, or a chunk of 64 rows of it,
  when it is first used. ``index_parts`` gives the ``[start, end)`` of each packed
  search part's string within the ``search`` value: `SearchParts` parses only the
  parts a search needs.

A file laid out otherwise (a stale layout, a wrong length) is read whole, with the
same answers. The file stays one JSON document, written byte for byte the same on
every run (`dump`: sorted keys, compact, ASCII).

`Data` is what the rest of the library sees, whatever it was read from: `Data.of` takes
the file's JSON object (or any mapping of the same shape, e.g. one kept with `marshal`),
`Columns` and `SearchParts` hold parsed values as well as bytes to parse, and
`SearchParts` holds the parts of any scope. `load` is the one place the process gets
its `Data`.
"""

from __future__ import annotations

import json
import os
from functools import partial

from symbols.schema import CODEPOINT_COLUMNS, COLUMNS, FORMAT, NAME_COLUMNS, SCALAR_COLUMNS

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from symbols.schema import LatexEntry


__all__ = [
    "DATA_ENV",
    "ROWS_PER_CHUNK",
    "Columns",
    "Data",
    "SearchParts",
    "concept_order",
    "data_path",
    "dump",
    "latex",
    "load",
    "names",
    "pack_columns",
    "pack_concept_order",
    "pack_unlisted",
    "packed_map",
    "parse",
    "read",
    "unlisted_rows",
    "unpack_column",
    "unpacked_map",
    "xrefs",
]

#: Environment variable naming another data/symbols.json to read (tests, experiments).
DATA_ENV = "MATHSYM_DATA"

#: Rows per chunk of a column that `Columns` can parse alone.
ROWS_PER_CHUNK = 64

# The header, blocks, groups and layout come before the index: about 24 kB.
_HEAD_BYTES = 1 << 16


def data_path() -> str:
    """Where data/symbols.json is: `DATA_ENV`, inside the installed package, or in the checkout."""
    override = os.environ.get(DATA_ENV)
    if override:
        return override
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (
        os.path.join(here, "data", "symbols.json"),
        os.path.join(os.path.dirname(here), "data", "symbols.json"),
    ):
        if os.path.isfile(candidate):
            return candidate
    raise FileNotFoundError(
        "mathsym: data/symbols.json not found beside the symbols package; "
        "run `python tools/build_symbols.py` in a source checkout"
    )


# --------------------------------------------------------------------------- one field of one row


def names(packed: str) -> tuple[str, ...]:
    """Unpack a row of a name column (`symbols.schema.NAME_COLUMNS`): TAB-separated."""
    return tuple(packed.split("\t")) if packed else ()


def xrefs(packed: str) -> tuple[int, ...]:
    """Unpack a row of a code point column (``xref``, ``lookalike``): hex separated by spaces."""
    return tuple(int(h, 16) for h in packed.split(" ")) if packed else ()


def latex(packed: str) -> tuple[LatexEntry, ...]:
    """Unpack a row of ``latex``: ``command TAB origin,origin TAB package TAB class`` per line."""
    if not packed:
        return ()
    out = []
    for entry in packed.split("\n"):
        cmd, origins, pkg, mclass = entry.split("\t")
        out.append((cmd, tuple(origins.split(",")), pkg, mclass))
    return tuple(out)


def unpack_column(name: str, packed: list[Any]) -> list[Any]:
    """Unpack every row of column *name* into lists (scalar columns are returned as they are).

    Name columns give lists of strings, ``xref`` lists of code points, ``latex`` lists of
    ``[command, [origins], package, math_class]``: the form `pack_columns` takes.
    """
    if name in NAME_COLUMNS:
        return [v.split("\t") if v else [] for v in packed]
    if name in CODEPOINT_COLUMNS:
        return [list(xrefs(v)) for v in packed]
    if name == "latex":
        return [[[c, list(o), p, m] for c, o, p, m in latex(v)] for v in packed]
    return packed


def _join(items: Iterable[str], sep: str, forbidden: str) -> str:
    items = list(items)
    for item in items:
        if not item or any(ch in item for ch in forbidden):
            raise ValueError(f"cannot pack {item!r}: empty or holds one of {forbidden!r}")
    return sep.join(items)


def pack_columns(cols: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Pack unpacked columns (the form `unpack_column` gives) into one value per row.

    Raises:
        ValueError: for a column `symbols.schema.COLUMNS` does not list, or a name that
            is empty or holds a separator.

    """
    out: dict[str, list[Any]] = {}
    for name, col in cols.items():
        if name in SCALAR_COLUMNS:
            out[name] = list(col)
        elif name in CODEPOINT_COLUMNS:
            out[name] = [" ".join(f"{cp:04X}" for cp in row) for row in col]
        elif name == "latex":
            out[name] = [
                "\n".join(
                    "\t".join((_join([cmd], "", "\t\n"), _join(origins, ",", ",\t\n"), pkg, cls))
                    for cmd, origins, pkg, cls in row
                )
                for row in col
            ]
        elif name in NAME_COLUMNS:
            out[name] = [_join(row, "\t", "\t\n") for row in col]
        else:
            raise ValueError(f"unknown column {name!r}: the columns are {', '.join(COLUMNS)}")
    return out


def pack_unlisted(names_of: dict[int, list[str]], in_table: Iterable[int]) -> str:
    """Pack the names of the characters outside the table, one ``HEX<TAB>name…`` line each."""
    listed = set(in_table)
    return "\n".join(
        f"{cp:X}\t" + _join(names_of[cp], "\t", "\t\n")
        for cp in sorted(names_of)
        if cp not in listed and names_of[cp]
    )


def unlisted_rows(packed: str) -> dict[int, tuple[str, ...]]:
    """Read what `pack_unlisted` wrote: code point → names."""
    rows: dict[int, tuple[str, ...]] = {}
    for line in packed.splitlines():
        hex_cp, _, rest = line.partition("\t")
        rows[int(hex_cp, 16)] = tuple(rest.split("\t"))
    return rows


def packed_map(items: dict[str, str]) -> str:
    """Pack a str → str map as ``KEY<TAB>VALUE`` lines, keys sorted (see `unpacked_map`)."""
    return "\n".join(
        f"{_join([k], '', chr(9) + chr(10))}\t{_join([v], '', chr(9) + chr(10))}"
        for k, v in sorted(items.items())
    )


def unpacked_map(packed: str) -> dict[str, str]:
    """Read what `packed_map` wrote."""
    out: dict[str, str] = {}
    for line in packed.splitlines():
        key, _, value = line.partition("\t")
        out[key] = value
    return out


def pack_concept_order(order: dict[str, list[int]]) -> str:
    """Pack folded phrase → code points, best first, one ``PHRASE<TAB>HEX HEX`` line each.

    Only phrases of several characters are written: one character needs no order.
    """
    return "\n".join(
        f"{_join([phrase], '', chr(9) + chr(10))}\t" + " ".join(f"{cp:04X}" for cp in cps)
        for phrase, cps in sorted(order.items())
        if len(cps) > 1
    )


def concept_order(packed: str) -> dict[str, tuple[int, ...]]:
    """Read what `pack_concept_order` wrote: folded phrase → code points, best first."""
    out: dict[str, tuple[int, ...]] = {}
    for line in packed.splitlines():
        phrase, _, cps = line.partition("\t")
        out[phrase] = xrefs(cps)
    return out


# --------------------------------------------------------------------------- the file, read


class Columns:
    """The table's packed columns, each parsed from the file's bytes when it is first used.

    A column is one JSON list in data/symbols.json; the file's ``layout`` records
    where each one starts and ends, and where every `ROWS_PER_CHUNK`-th row starts,
    so that a look-up showing a few rows parses a few chunks of each column instead of
    the whole table (5 ms of a 9 ms interpreter start). Built from plain lists (the
    generator, a file read whole) it just holds them.

    Args:
        lists: Columns already parsed, by name.
        raw: The file's bytes, holding the others.
        layout: The file's ``layout``: offsets from the ``symbols`` value's ``{``…
        base: …which is at this offset of *raw*.

    """

    def __init__(
        self,
        lists: dict[str, list[Any]],
        raw: bytes = b"",
        layout: dict[str, Any] | None = None,
        base: int = 0,
    ) -> None:
        self._lists = dict(lists)
        self._raw = raw
        self._base = base
        self._at: dict[str, list[int]] = layout["at"] if layout else {}
        self._rows: int = layout["rows"] if layout else 1
        self._chunks: dict[tuple[str, int], list[Any]] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._lists or name in self._at

    @property
    def on_demand(self) -> bool:
        """True when the columns are parsed from the file's bytes on use (see `read`)."""
        return bool(self._at)

    def names(self) -> list[str]:
        """Return the names of the columns held, sorted."""
        return sorted({*self._lists, *self._at})

    def whole(self, name: str) -> list[Any]:
        """Every row of column *name*, packed (KeyError for an unknown column)."""
        col = self._lists.get(name)
        if col is None:
            at, base = self._at[name], self._base
            col = self._lists[name] = json.loads(self._raw[base + at[0] - 1 : base + at[-1] + 1])
        return col

    def at(self, name: str, i: int) -> Any:
        """Row *i* of column *name*, packed: from the whole column if parsed, else its chunk."""
        col = self._lists.get(name)
        if col is not None:
            return col[i]
        k, j = divmod(i, self._rows)
        chunk = self._chunks.get((name, k))
        if chunk is None:
            at, base = self._at[name], self._base
            # A chunk ends before the comma that starts the next one; the last at "]".
            end = at[k + 1] - 1 if k + 2 < len(at) else at[-1]
            # Decoded here: json.loads of bytes first works out their encoding, which
            # costs more than parsing a small chunk.
            chunk = json.loads("[" + self._raw[base + at[k] : base + end].decode() + "]")
            self._chunks[name, k] = chunk
        return chunk[j]


class SearchParts:
    """The packed search index parts (`symbols.search_index.pack_index`) by scope.

    Given as a dict (the generator, a file read whole), or as the file's bytes: the
    ``search`` value lies at *base*, *size* bytes long, and *at* (the layout's
    ``index_parts``) says where each part's string lies within it, so that a search
    parses only the parts it needs (a LaTeX command: the LaTeX names, a fifth of the
    index).
    """

    def __init__(
        self,
        parts: dict[str, dict[str, str]] | None = None,
        raw: bytes = b"",
        base: int = 0,
        size: int = 0,
        at: dict[str, dict[str, list[int]]] | None = None,
    ) -> None:
        self._parts = parts
        self._raw = raw
        self._base = base
        self._size = size
        self._at = at if at is not None and _parts_fit(raw, base, size, at) else {}

    @property
    def unparsed(self) -> bool:
        """True while the index is bytes of the file, parsed on first use (see `read`)."""
        return self._parts is None

    def whole(self) -> dict[str, dict[str, str]]:
        """Every scope's parts, the whole index parsed on first use ({} for none)."""
        if self._parts is None:
            found = json.loads(self._raw[self._base : self._base + self._size])
            self._parts = found if isinstance(found, dict) else {}
        return self._parts

    def scope(self, scope: str) -> Callable[[str], str] | None:
        """How to get one part of the packed index of *scope* by name, or None without one.

        Each part is parsed by itself where the layout says where it lies; else the
        parts come from `whole`.
        """
        if self._parts is None and self._at:
            # The layout lists every scope the index holds: no need to parse it to know.
            return partial(self._part, scope) if scope in self._at else None
        parts = self.whole().get(scope)
        return None if not parts else parts.__getitem__

    def _part(self, scope: str, name: str) -> str:
        a, b = self._at[scope][name]
        value: str = json.loads(self._raw[self._base + a : self._base + b])
        return value


def _parts_fit(raw: bytes, base: int, size: int, at: Any) -> bool:
    """Tell whether the layout's ``index_parts`` lie where it says: a string after a key."""
    try:
        for parts in at.values():
            for a, b in parts.values():
                if not (
                    0 < a < b <= size
                    and raw[base + a - 1 : base + a + 1] == b':"'
                    and raw[base + b - 1 : base + b] == b'"'
                ):
                    return False
    except (AttributeError, TypeError, ValueError):
        return False
    return True


class Data:
    """What data/symbols.json holds, as `read` gives it and `dump` writes it.

    Attributes:
        unicode: The Unicode version of the names (``18.0.0``).
        groups: The browsing groups; column ``group`` indexes them.
        blocks: ``[start, end, name]`` of every Unicode block, by start.
        html4: The HTML 4 entity names, tab-separated; None in a file without them.
        unlisted: ``alias``, ``formal``, ``concept``, ``shape`` and ``lookalike``: the
            aliases, phrases and look-alikes of the characters outside the table
            (`pack_unlisted`).
        concept_order: The characters of each shared concept or shape phrase, best
            first (`pack_concept_order`); "" in a file without it.
        latex_extra: ``order``, ``sequences``, ``widths``, ``no_text`` of LaTeX commands
            (`packed_map` strings, see the module docstring); {} in a file without them.
        prefer: The unusual one of look-alikes → the usual one and the advice
            (a `packed_map` string); "" in a file without it.
        columns: The packed columns (`Columns`).
        search: The packed search index parts (`SearchParts`).
        provenance: What the table was made from: each upstream table read (its file
            name in shared/data/sources) and the libraries, with their versions; empty
            in a file without them.

    """

    __slots__ = (
        "blocks",
        "columns",
        "concept_order",
        "groups",
        "html4",
        "latex_extra",
        "prefer",
        "provenance",
        "search",
        "unicode",
        "unlisted",
    )

    def __init__(
        self,
        *,
        unicode: str,
        groups: list[str],
        blocks: list[list[Any]],
        columns: Columns,
        html4: str | None = None,
        unlisted: dict[str, str] | None = None,
        search: SearchParts | None = None,
        provenance: dict[str, str] | None = None,
        concept_order: str = "",
        latex_extra: dict[str, str] | None = None,
        prefer: str = "",
    ) -> None:
        self.unicode = unicode
        self.provenance: dict[str, str] = provenance or {}
        self.groups = groups
        self.blocks = blocks
        self.columns = columns
        self.html4 = html4
        self.unlisted: dict[str, str] = unlisted or {}
        self.concept_order = concept_order
        self.latex_extra: dict[str, str] = latex_extra or {}
        self.prefer = prefer
        self.search = search if search is not None else SearchParts({})

    @classmethod
    def of(
        cls, obj: dict[str, Any], columns: Columns | None = None, search: SearchParts | None = None
    ) -> Data:
        """Make the `Data` of a JSON object as the file holds it (read whole, or its head).

        Raises:
            ValueError: for a format other than `symbols.schema.FORMAT`.

        """
        if obj.get("format") != FORMAT:
            raise ValueError(
                f"mathsym: data/symbols.json has format {obj.get('format')!r}, this "
                f"library reads format {FORMAT}: regenerate it with tools/build_symbols.py"
            )
        if columns is None:
            columns = Columns(obj["symbols"])
        if search is None:
            search = SearchParts(obj.get("search", {}))
        return cls(
            unicode=obj["unicode"],
            groups=obj["groups"],
            blocks=obj["blocks"],
            html4=obj.get("html4"),
            unlisted=obj.get("unlisted"),
            columns=columns,
            search=search,
            provenance=obj.get("provenance"),
            concept_order=obj.get("concept_order", ""),
            latex_extra=obj.get("latex_extra"),
            prefer=obj.get("prefer", ""),
        )

    def html4_names(self) -> frozenset[str]:
        """Return the HTML 4 entity names (``html.entities.name2codepoint``'s).

        Stored in the file: `symbols.input_methods` ranks them first, and reading them
        here spares a look-up importing html.entities (1 ms, a ninth of a bare
        interpreter start). Data without them gives the standard library's.
        """
        if self.html4 is None:
            from html.entities import name2codepoint

            return frozenset(name2codepoint)
        return frozenset(self.html4.split("\t"))

    def with_search(self, parts: dict[str, dict[str, str]]) -> Data:
        """Return the same data with these packed search index parts (the generator adds them)."""
        return Data(
            unicode=self.unicode,
            groups=self.groups,
            blocks=self.blocks,
            html4=self.html4,
            unlisted=self.unlisted,
            columns=self.columns,
            search=SearchParts(parts),
            provenance=self.provenance,
            concept_order=self.concept_order,
            latex_extra=self.latex_extra,
            prefer=self.prefer,
        )


def read(path: str) -> Data:
    """Read data/symbols.json, parsing what a look-up needs now and keeping the rest as bytes.

    The search index is parsed at the first search, part by part (``index_bytes``,
    ``index_parts``), and the columns chunk by chunk as rows are asked for (``layout``):
    see the module docstring. A file laid out otherwise is parsed whole.

    Raises:
        OSError: when the file cannot be read.
        ValueError: when it is not JSON, or of another format.

    """
    with open(path, "rb") as f:
        raw = f.read()
    return parse(raw)


def parse(raw: bytes) -> Data:
    """Parse the bytes of data/symbols.json as `read` does (see there)."""
    at = raw.find(b',"search":', 0, _HEAD_BYTES)
    size_at = raw.find(b'"index_bytes":', 0, max(at, 0))
    if size_at >= 0:
        size = raw[size_at + len(b'"index_bytes":') : raw.find(b",", size_at)]
        start = at + len(b',"search":')
        end = start + int(size) if size.isdigit() else -1
        if end > 0 and raw.startswith(b',"symbols":', end):
            head = json.loads(raw[:at] + b"}")
            layout = head.get("layout")
            parts_at = layout.get("index_parts") if isinstance(layout, dict) else None
            search = SearchParts(None, raw, start, end - start, parts_at)
            columns = _lazy_columns(layout, raw, end + len(b',"symbols":'))
            if columns is None:  # a layout that does not fit: the rest is parsed whole
                return Data.of(json.loads(raw[:at] + raw[end:]), search=search)
            head.update(json.loads(b"{" + raw[end + len(b',"symbols":') + layout["bytes"] + 1 :]))
            return Data.of(head, columns, search)
    return Data.of(json.loads(raw))


def _lazy_columns(layout: Any, raw: bytes, base: int) -> Columns | None:
    """Return the columns of the ``symbols`` value at *base*, parsed on use as *layout* says.

    None when the layout does not fit the bytes (the columns are then parsed whole).
    """
    if not isinstance(layout, dict):
        return None
    try:
        end = base + layout["bytes"]
        # Every column's "[" and "]" where the layout says: a stale layout is caught here.
        fits = raw[base : base + 1] == b"{" and raw[end - 1 : end + 2] == b'},"'
        for at in layout["at"].values():
            fits = (
                fits
                and raw[base + at[0] - 1 : base + at[0]] == b"["
                and raw[base + at[-1] : base + at[-1] + 1] == b"]"
            )
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return Columns({}, raw, layout, base) if fits else None


_DATA: Data | None = None


def load() -> Data:
    """Return the process-wide `Data` of `data_path()`, read on first use."""
    global _DATA
    if _DATA is None:
        _DATA = read(data_path())
    return _DATA


# --------------------------------------------------------------------------- the file, written


def dump(data: Data) -> bytes:
    r"""Write *data* as data/symbols.json: the same bytes for the same data, every time.

    Compact, sorted keys, ASCII with ``\\u`` escapes rather than raw UTF-8 (the table
    holds a dozen non-ASCII characters, and an all-ASCII file parses about a fifth
    faster: json decodes it to a one-byte-per-character string), a final newline; with
    ``index_bytes`` and ``layout`` computed from what is written.
    """
    columns = {name: data.columns.whole(name) for name in data.columns.names()}
    search = data.search.whole()
    obj: dict[str, Any] = {
        "format": FORMAT,
        "unicode": data.unicode,
        "groups": list(data.groups),
        "blocks": [list(b) for b in data.blocks],
        "symbols": columns,
        "unlisted": dict(data.unlisted),
        "concept_order": data.concept_order,
        "latex_extra": dict(data.latex_extra),
        "prefer": data.prefer,
        "search": search,
        # The length of the index as written: `read` leaves it on disk by this length
        # until a search needs it.
        "index_bytes": len(_compact(search)),
        # Where each column, each chunk of rows and each part of the index starts:
        # `read` parses them on use.
        "layout": {**_layout(columns), "index_parts": _search_layout(search)},
    }
    if data.html4 is not None:
        obj["html4"] = data.html4
    if data.provenance:
        # Named so that it sorts before "search": `parse` expects "search" and
        # "symbols" side by side.
        obj["provenance"] = dict(data.provenance)
    return (_compact(obj) + "\n").encode("ascii")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def _layout(symbols: dict[str, list[Any]]) -> dict[str, Any]:
    """Where the columns lie in the ``symbols`` value as `dump` writes it.

    ``bytes``: its length; ``rows``: `ROWS_PER_CHUNK`; ``at``: for each column,
    the offset (from the value's ``{``) of rows 0, 64, 128… and last of its ``]``.
    """
    pieces = ["{"]
    size = 1
    at: dict[str, list[int]] = {}
    for n, name in enumerate(sorted(symbols)):
        head = ("," if n else "") + _compact(name) + ":["
        size += len(head)
        pieces.append(head)
        starts = []
        for i, value in enumerate(symbols[name]):
            item = ("," if i else "") + _compact(value)
            if i % ROWS_PER_CHUNK == 0:
                starts.append(size + (1 if i else 0))
            size += len(item)
            pieces.append(item)
        at[name] = [*starts, size]
        pieces.append("]")
        size += 1
    pieces.append("}")
    written = "".join(pieces)
    # The offsets are only right if this is byte for byte what dump() writes.
    if written != _compact(symbols):
        raise AssertionError("layout: the columns are not written as dump() writes them")
    return {"bytes": len(written), "rows": ROWS_PER_CHUNK, "at": at}


def _search_layout(search: dict[str, dict[str, str]]) -> dict[str, dict[str, list[int]]]:
    """Where each packed part lies in the ``search`` value: ``[start, end)`` of its string."""
    size = 1  # the "{"
    at: dict[str, dict[str, list[int]]] = {}
    for n, scope in enumerate(sorted(search)):
        size += len(("," if n else "") + _compact(scope) + ":{")
        at[scope] = {}
        for m, name in enumerate(sorted(search[scope])):
            size += len(("," if m else "") + _compact(name) + ":")
            value = _compact(search[scope][name])
            at[scope][name] = [size, size + len(value)]
            size += len(value)
        size += 1  # its "}"
    written = _compact(search)
    if size + 1 != len(written) or any(
        json.loads(written[a:b]) != search[scope][name]
        for scope, parts in at.items()
        for name, (a, b) in parts.items()
    ):
        raise AssertionError("search_layout: the index is not written as dump() writes it")
    return at
