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
     "search": {"all": {...}, "extended": {...},     # every scope's search index, packed
                "math": {...}},                      # (parts equal to math's: "shared")
     "index_bytes": 5175848,                         # length of the "search" value
     "layout": {"bytes": 863710, "rows": 64,         # where the columns lie (see below)
                "at": {"cp": [offsets of rows 0, 64, …, then of "]"], ...},
                "index_parts": {"math": {"latex": [start, end], ...}, ...}},  # in "search"
     "unlisted": {"alias": "FEFF\tBOM, ZWNBSP\n…",    # characters outside the table:
                  "formal": "FEFF\tBYTE ORDER MARK\tBOM\tZWNBSP\n…",  # their aliases,
                  "concept": …, "shape": …,                 # their phrases,
                  "lookalike": "430\t61 251\n…",           # look-alikes,
                  "named": "A8-A9 AD AF B2-B3 …"}}    # and which are in scope all

Rows are in code point order. List-valued fields are packed into one string per row
(items joined by TAB, LaTeX entries by LF, their origins by ","; "" for none), so the
file holds one JSON value per row and field rather than a quarter of a million small
lists and strings: it parses about three times faster (bench/README.md). A row is
unpacked when it is asked for (`names`, `xrefs`, `latex`); `unpack_column` unpacks a
whole column for indexes built elsewhere.

``unlisted`` is about the characters of the ``all`` scope outside the table (their
names and categories are unicodedata2's): ``named`` says which they are, as hex ranges
(`pack_ranges`: every individually named character the table lacks, so that nothing
scans Unicode at run time), and ``alias``, ``formal``, ``concept``, ``shape`` and
``lookalike`` give them their NamesList informative and NameAliases formal aliases,
concept and shape phrases and look-alikes, one line per character,
``HEX<TAB>alias<TAB>alias`` (look-alikes as hex code points), in code point order
(`unlisted_rows`).

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

``search`` holds the pure-data parts of every scope's search index
(`symbols.search_index.pack_index`), so that the first search of a process splits a
few strings instead of indexing every name (30 ms for math, 0.6 s for all). A file
without them still works: the index is then built on first use. A part another scope
holds alike (the concept table's phrases, the Typst and AsciiMath names) is stored in
math's only, and that scope's ``shared`` part names it (`share_parts`).

What makes a look-up read and parse little of the file (each measured in
bench/README.md):

* ``index_bytes``, near the top (keys are sorted), is the length of the ``search``
  value: the index is parsed at the first search, and the columns are found after it
  without parsing it.
* The parts of every scope but math (``all`` and ``extended``: 4.4 of the file's
  7.4 MB, before math's in sorted order) are not read: `read` reads the head, then
  everything after them in one read, and keeps those bytes. A search of such a scope
  reads its parts then, if the file is still the one read (its device, inode, size and
  time); else, or if they do not lie where the layout says, that scope's index is
  computed from the table read, with the same answers.
* ``layout`` says where the columns lie in the ``symbols`` value (``bytes``: its length;
  ``at``: per column, the offsets from its ``{`` of rows 0, 64, 128… and of the
  column's closing ``]``): `Columns` parses a column, or a chunk of 64 rows of it,
  when it is first used. ``index_parts`` gives the ``[start, end)`` of each packed
  search part's string within the ``search`` value: `SearchParts` parses only the
  parts a search needs.

A file laid out otherwise (a stale layout, a wrong length) is read whole, with the
same answers. The file stays one JSON document, written byte for byte the same on
every run (`dump`: sorted keys, compact, ASCII but for the index's UTF-8), and is
read with CPython's own JSON scanner (`_loads`): a look-up never imports the json
package.

`Data` is what the rest of the library sees, whatever it was read from: `Data.of` takes
the file's JSON object (or any mapping of the same shape, e.g. one kept with `marshal`),
`Columns` and `SearchParts` hold parsed values as well as bytes to parse, and
`SearchParts` holds the parts of any scope. `load` is the one place the process gets
its `Data`.
"""

from __future__ import annotations

import os
from functools import partial

from symbols.schema import (
    CODEPOINT_COLUMNS,
    COLUMNS,
    FORMAT,
    NAME_COLUMNS,
    SCALAR_COLUMNS,
    SCOPES,
)

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
    "pack_ranges",
    "pack_unlisted",
    "packed_map",
    "parse",
    "read",
    "unlisted_row",
    "unlisted_rows",
    "unpack_column",
    "unpack_ranges",
    "unpacked_map",
    "xrefs",
]

#: Environment variable naming another data/symbols.json to read (tests, experiments).
DATA_ENV = "MATHSYM_DATA"

#: Rows per chunk of a column that `Columns` can parse alone.
ROWS_PER_CHUNK = 64

# The header, blocks, groups, layout, concept_order and latex_extra come before the
# index: about 66 kB (a head longer than this is not found: the file is read whole).
_HEAD_BYTES = 1 << 17


def _json_scanner() -> Callable[[str, int], tuple[Any, int]] | None:
    """CPython's JSON scanner (`_json`, what json.loads runs), or None where there is none.

    Called directly, a look-up does not import the json package (its decoder, encoder
    and scanner modules: 1.3 ms, a sixth of an interpreter's start, bench/README.md).
    """
    try:
        from _json import make_scanner
    except ImportError:  # another Python: json.loads it is
        return None

    class _Context:
        # What the scanner reads of a json.JSONDecoder, as json.loads makes it.
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = {
            "-Infinity": float("-inf"),
            "Infinity": float("inf"),
            "NaN": float("nan"),
        }.__getitem__

    context: Any = _Context
    scanner: Callable[[str, int], tuple[Any, int]] = make_scanner(context)
    return scanner


_SCAN = _json_scanner()


def _loads(text: str | bytes | memoryview) -> Any:
    """Parse one JSON value that fills *text* (ASCII or UTF-8), as json.loads does."""
    if not isinstance(text, str):
        text = str(text, "utf-8")  # from bytes or a view alike, with no copy first
    if _SCAN is None:
        import json

        return json.loads(text)
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        end = -1
    if end != len(text):
        import json

        return json.loads(text)  # not one value alone: json's own error says why
    return value


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


def pack_ranges(codepoints: Iterable[int]) -> str:
    """Pack code points as hex ranges: ``"20-7E A0 A2-AC"`` (sorted, each once)."""
    runs: list[list[int]] = []
    for cp in sorted(set(codepoints)):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return " ".join(f"{a:X}" if a == b else f"{a:X}-{b:X}" for a, b in runs)


def unpack_ranges(packed: str) -> list[int]:
    """Read what `pack_ranges` wrote: the code points, ascending."""
    out: list[int] = []
    for run in packed.split():
        a, _, b = run.partition("-")
        out += range(int(a, 16), int(b or a, 16) + 1)
    return out


def unlisted_row(packed: str, codepoint: int) -> tuple[str, ...]:
    """Read one character's names from what `pack_unlisted` wrote, () for none.

    Found by its line's start (``HEX<TAB>``), without splitting the rest.
    """
    key = f"{codepoint:X}\t"
    if packed.startswith(key):
        start = len(key)
    else:
        at = packed.find("\n" + key)
        if at < 0:
            return ()
        start = at + 1 + len(key)
    end = packed.find("\n", start)
    return tuple(packed[start : end if end >= 0 else len(packed)].split("\t"))


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
            col = self._lists[name] = _loads(self._raw[base + at[0] - 1 : base + at[-1] + 1])
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
            chunk = _loads("[" + self._raw[base + at[k] : base + end].decode() + "]")
            self._chunks[name, k] = chunk
        return chunk[j]


#: The scope whose index parts the others share where they are equal (`share_parts`):
#: the default one, which `read` keeps in memory.
SHARED_FROM = "math"
#: The part of another scope naming, space-separated, the parts it takes from it.
SHARED = "shared"


def share_parts(parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Store once the index parts every scope holds alike: *parts* with those left out.

    The concept table's phrases, the Typst and AsciiMath names and the unprefixed
    mathematical names are the same in every scope (a scope limits the names searched,
    not what a reviewed row describes): stored in each, they were a sixth of the file.
    Another scope keeps its own parts and names the ones it shares under ``shared``.
    """
    base = parts.get(SHARED_FROM)
    if not base:
        return parts
    out: dict[str, dict[str, str]] = {}
    for scope, own in parts.items():
        same = [] if scope == SHARED_FROM else sorted(k for k, v in own.items() if base.get(k) == v)
        if SHARED in own or not same:
            out[scope] = own
            continue
        kept = {k: v for k, v in own.items() if k not in same}
        kept[SHARED] = " ".join(same)
        out[scope] = kept
    return out


class SearchParts:
    """The packed search index parts (`symbols.search_index.pack_index`) by scope.

    Given as a dict (the generator, a file read whole), or as the file's bytes: the
    ``search`` value lies at *base*, *size* bytes long, and *at* (the layout's
    ``index_parts``) says where each part's string lies within it, so that a search
    parses only the parts it needs (a LaTeX command: the LaTeX names, a fifth of the
    index).

    `read` leaves the parts of every scope but the default one on disk (*hole*:
    where they lie within the ``search`` value, cut out of *raw*): *fetch* reads
    those bytes when such a scope is first searched, or gives None when the file is
    no longer the one read (replaced, changed, removed); the scope then has no
    stored parts and its index is computed from the table, with the same answers.
    """

    def __init__(
        self,
        parts: dict[str, dict[str, str]] | None = None,
        raw: bytes = b"",
        base: int = 0,
        size: int = 0,
        at: dict[str, dict[str, list[int]]] | None = None,
        hole: tuple[int, int] = (0, 0),
        fetch: Callable[[int, int], bytes | None] | None = None,
        offset: int = 0,
    ) -> None:
        self._parts = parts
        self._raw = raw
        self._base = base
        self._offset = offset  # raw holds the file's bytes from here on
        self._size = size
        self._hole = hole
        self._fetch = fetch
        self._fetched: dict[str, memoryview | None] = {}
        self._at: dict[str, dict[str, list[int]]] = {}
        if at is not None and _layout_is_ranges(at, size):
            self._at = at
        self._fits: dict[str, bool] = {}
        if not self._cut:
            # Every part in memory: one look at the layout, as before the hole existed.
            fits = all(self._scope_fits(scope) for scope in self._at)
            self._at = self._at if fits else {}

    @property
    def _cut(self) -> bool:
        return self._hole[1] > self._hole[0]

    @property
    def unparsed(self) -> bool:
        """True while the index is bytes of the file, parsed on first use (see `read`)."""
        return self._parts is None

    @property
    def left_on_disk(self) -> list[str]:
        """The scopes whose parts `read` left on disk, read at their first search."""
        lo, hi = self._hole
        return sorted(
            scope
            for scope, parts in self._at.items()
            if any(lo <= a and b <= hi for a, b in parts.values())
        )

    def fits_in_memory(self) -> bool:
        """Tell whether the parts held in memory lie where the layout says (see `read`)."""
        on_disk = self.left_on_disk
        return all(self._scope_fits(scope) for scope in self._at if scope not in on_disk)

    def whole(self) -> dict[str, dict[str, str]]:
        """Every scope's parts, the whole index parsed on first use ({} for none).

        Parts left on disk that can no longer be read are left out.
        """
        if self._parts is None:
            if self._cut:
                found: Any = {}
                for scope, names in self._at.items():
                    get = self.scope(scope)
                    if get is not None:
                        found[scope] = {name: get(name) for name in names}
            else:
                found = _loads(self._raw[self._base : self._base + self._size])
            self._parts = found if isinstance(found, dict) else {}
        return self._parts

    def scope(self, scope: str) -> Callable[[str], str] | None:
        """How to get one part of the packed index of *scope* by name, or None without one.

        Each part is parsed by itself where the layout says where it lies; else the
        parts come from `whole`. A part the scope shares with the default one (its
        ``shared`` part names them: `share_parts`) is that scope's.
        """
        get = self._own(scope)
        if get is None or scope == SHARED_FROM:
            return get
        try:
            shared = frozenset(get(SHARED).split())
        except KeyError:
            return get  # a file that stores every part of every scope
        base = self._own(SHARED_FROM)
        if base is None:
            return None  # not to be read: the index is computed instead

        def part(name: str) -> str:
            return base(name) if name in shared else get(name)

        return part

    def _own(self, scope: str) -> Callable[[str], str] | None:
        """How to get one of the parts stored under *scope* itself (see `scope`)."""
        if self._parts is None and self._at:
            # The layout lists every scope the index holds: no need to parse it to know.
            if scope not in self._at:
                return None
            if self._scope_fits(scope):
                return partial(self._part, scope)
            if self._cut:
                return None  # not where the layout says: the index is computed instead
        parts = self.whole().get(scope)
        return None if not parts else parts.__getitem__

    def _scope_fits(self, scope: str) -> bool:
        """Tell whether *scope*'s parts are strings where the layout says (once per scope)."""
        fits = self._fits.get(scope)
        if fits is None:
            try:
                fits = all(
                    self._bytes(scope, a - 1, a + 1).tobytes() == b':"'
                    and self._bytes(scope, b - 1, b).tobytes() == b'"'
                    for a, b in self._at[scope].values()
                )
            except _Gone:
                fits = False
            self._fits[scope] = fits
        return fits

    def _bytes(self, scope: str, a: int, b: int) -> memoryview:
        """Bytes [a, b) of the ``search`` value: in memory, or of *scope*'s parts on disk.

        A view, not a copy: a part of the all scope is a megabyte, and every new
        buffer of that size costs its pages' faults as well as the copying.
        """
        hi = self._hole[1]
        if not self._cut or a >= hi:
            at = self._base - self._offset
            return memoryview(self._raw)[at + a : at + b]
        if scope not in self._fetched:
            found = self._read_scope(scope)
            self._fetched[scope] = None if found is None else memoryview(found)
        chunk = self._fetched[scope]
        first = min(a for a, _b in self._at[scope].values()) - 1
        if chunk is None or a < first or b > first + len(chunk):
            raise _Gone(scope)
        return chunk[a - first : b - first]

    def _read_scope(self, scope: str) -> bytes | None:
        """Read the bytes of *scope*'s parts from the file now; None if it changed."""
        ranges = self._at[scope].values()
        first, last = min(a for a, _b in ranges) - 1, max(b for _a, b in ranges)
        lo, hi = self._hole
        if self._fetch is None or not lo <= first < last <= hi:
            return None
        return self._fetch(self._base + first, self._base + last)

    def _part(self, scope: str, name: str) -> str:
        a, b = self._at[scope][name]
        return _string(self._bytes(scope, a, b))


def _string(raw: bytes | memoryview) -> str:
    r"""Read the JSON string *raw* (its quotes included), as `_loads` would.

    With no escape in it, the string is its UTF-8 bytes (`dump` writes the index
    unescaped): decoding them is several times faster than json's scanning (the all
    scope's parts are a megabyte each). A string with escapes (the LaTeX names'
    backslashes) is json's to read.
    """
    try:
        text = str(raw[1:-1], "utf-8")  # decoded from the view: no copy first
    except UnicodeDecodeError:
        text = "\\"  # not as dump writes it: json will say
    if "\\" not in text:
        return text
    value: str = _loads(raw)
    return value


class _Gone(Exception):
    """Parts left on disk that cannot be read any more (the file changed)."""


def _layout_is_ranges(at: Any, size: int) -> bool:
    """Tell whether the layout's ``index_parts`` is scope → part → [start, end) within *size*."""
    try:
        return all(
            isinstance(a, int) and isinstance(b, int) and 1 <= a < b <= size
            for parts in at.values()
            for a, b in parts.values()
        )
    except (AttributeError, TypeError, ValueError):
        return False


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
            search=SearchParts(share_parts(parts)),
            provenance=self.provenance,
            concept_order=self.concept_order,
            latex_extra=self.latex_extra,
            prefer=self.prefer,
        )


def read(path: str) -> Data:
    """Read data/symbols.json, parsing what a look-up needs now and keeping the rest as bytes.

    The search index is parsed at the first search, part by part (``index_bytes``,
    ``index_parts``), and the columns chunk by chunk as rows are asked for (``layout``):
    see the module docstring. The parts of every scope but the default one (the
    ``all`` scope's are two thirds of the file) are not read at all until that scope
    is first searched (`SearchParts`). A file laid out otherwise is parsed whole.

    Raises:
        OSError: when the file cannot be read.
        ValueError: when it is not JSON, or of another format.

    """
    with open(path, "rb") as f:
        head = f.read(_HEAD_BYTES)
        found = _head(head)
        hole = _on_disk(found[3], found[0]) if found is not None else None
        if found is None or hole is None:
            f.seek(0)
            return parse(f.read())
        # What comes after the parts left on disk, in one read (the head's bytes are
        # not needed again: joining them would copy 1.6 MB, a tenth of a look-up).
        f.seek(hole[1])
        raw = f.read()
        stamp = _stamp(os.fstat(f.fileno()))
    data = _parse(raw, found, hole[1], hole, partial(_fetch, path, stamp), head)
    if data is None or not data.search.fits_in_memory():
        with open(path, "rb") as f:  # laid out otherwise than the head says: read it all
            return parse(f.read())
    return data


def parse(raw: bytes) -> Data:
    """Parse the bytes of data/symbols.json as `read` does (see there), all of them in memory."""
    found = _head(raw)
    if found is not None:
        data = _parse(raw, found)
        if data is not None:
            return data
    return Data.of(_loads(raw.rstrip()))


def _head(raw: bytes) -> tuple[int, int, int, dict[str, Any]] | None:
    """Find the index and parse what comes before it.

    Returns (the index's start, its end, where the ``search`` key is, the head's
    object); None for a file laid out otherwise.
    """
    at = raw.find(b',"search":', 0, _HEAD_BYTES)
    size_at = raw.find(b'"index_bytes":', 0, max(at, 0))
    if size_at < 0:
        return None
    size = raw[size_at + len(b'"index_bytes":') : raw.find(b",", size_at)]
    if not size.isdigit():
        return None
    start = at + len(b',"search":')
    head = _loads(raw[:at] + b"}")
    return (start, start + int(size), at, head) if isinstance(head, dict) else None


def _on_disk(head: dict[str, Any], start: int) -> tuple[int, int] | None:
    """Where in the file the parts of the scopes other than the default one lie.

    None when there are none, or when a part of the default scope lies among them.
    """
    layout = head.get("layout")
    at = layout.get("index_parts") if isinstance(layout, dict) else None
    if not isinstance(at, dict) or not _layout_is_ranges(at, head.get("index_bytes", 0)):
        return None
    left = [r for scope, parts in at.items() if scope != SCOPES[0] for r in parts.values()]
    kept = [r for scope, parts in at.items() if scope == SCOPES[0] for r in parts.values()]
    if not left:
        return None
    lo, hi = min(a for a, _b in left) - 1, max(b for _a, b in left)
    if any(a < hi and b > lo for a, b in kept):
        return None
    return start + lo, start + hi


def _parse(
    raw: bytes,
    found: tuple[int, int, int, dict[str, Any]],
    offset: int = 0,
    hole: tuple[int, int] = (0, 0),
    fetch: Callable[[int, int], bytes | None] | None = None,
    head_bytes: bytes | None = None,
) -> Data | None:
    """Parse the file's bytes after its head (`_head`); None when the index's length is wrong.

    *raw* holds the file's bytes from *offset* on (the head's are *head_bytes*); the
    parts in [*hole*) are left on disk, to *fetch*.
    """
    start, end, at, head = found
    if not raw.startswith(b',"symbols":', end - offset):
        return None
    layout: Any = head.get("layout")
    parts_at = layout.get("index_parts") if isinstance(layout, dict) else None
    search = SearchParts(
        None, raw, start, end - start, parts_at, (hole[0] - start, hole[1] - start), fetch, offset
    )
    symbols_at = end - offset + len(b',"symbols":')
    columns = _lazy_columns(layout, raw, symbols_at)
    if columns is None:  # a layout that does not fit: the rest is parsed whole
        first = raw if head_bytes is None else head_bytes
        return Data.of(_loads(first[:at] + raw[end - offset :].rstrip()), search=search)
    head.update(_loads(b"{" + raw[symbols_at + layout["bytes"] + 1 :].rstrip()))
    return Data.of(head, columns, search)


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    """Tell one file from another, or from itself changed: device, inode, size, time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _fetch(path: str, stamp: tuple[int, ...], a: int, b: int) -> bytes | None:
    """Bytes [a, b) of the file at *path* if it is still the one read (*stamp*), else None."""
    try:
        with open(path, "rb") as f:
            if _stamp(os.fstat(f.fileno())) != stamp:
                return None
            f.seek(a)
            chunk = f.read(b - a)
    except OSError:
        return None
    return chunk if len(chunk) == b - a else None


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
    ``index_bytes`` and ``layout`` computed from what is written. The search index
    alone is UTF-8: its parts are read by decoding their bytes, not by json, and two
    words of aliases (``ÆSC``, ``EÐEL``) escaped sent 2 MB of the all scope's names
    through json's scanner (7 ms).
    """
    columns = {name: data.columns.whole(name) for name in data.columns.names()}
    search = data.search.whole()
    search_text = _utf8(search)
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
        "search": _SEARCH_HERE,
        # The length of the index as written: `read` leaves it on disk by this length
        # until a search needs it.
        "index_bytes": len(search_text),
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
    written = _compact(obj).encode("ascii")
    here = _compact(_SEARCH_HERE).encode("ascii")
    if written.count(here) != 1:
        raise AssertionError("dump: the index's place is not found once")
    return written.replace(here, search_text) + b"\n"


# Where `dump` puts the index (UTF-8) in the rest of the file (ASCII).
_SEARCH_HERE = "\x00search\x00"


def _compact(value: Any) -> str:
    import json  # the writer's (the generator's): a look-up reads with _json alone

    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def _utf8(value: Any) -> bytes:
    """Write *value* as `_compact` does, but in UTF-8 rather than with escapes."""
    import json

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


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
    """Where each packed part lies in the ``search`` value: ``[start, end)`` of its string.

    In bytes of its UTF-8 (`dump`).
    """
    size = 1  # the "{"
    at: dict[str, dict[str, list[int]]] = {}
    for n, scope in enumerate(sorted(search)):
        size += len(b"," if n else b"") + len(_utf8(scope)) + len(b":{")
        at[scope] = {}
        for m, name in enumerate(sorted(search[scope])):
            size += len(b"," if m else b"") + len(_utf8(name)) + len(b":")
            value = _utf8(search[scope][name])
            at[scope][name] = [size, size + len(value)]
            size += len(value)
        size += 1  # its "}"
    written = _utf8(search)
    if size + 1 != len(written) or any(
        _loads(written[a:b]) != search[scope][name]
        for scope, parts in at.items()
        for name, (a, b) in parts.items()
    ):
        raise AssertionError("search_layout: the index is not written as dump() writes it")
    return at
