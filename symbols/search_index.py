"""The search indexes: one per scope, made on the first search that needs it.

Rows are symbols (code points); documents are the texts searched by words: each
row's name, aliases and formal aliases. Words map to documents, and sorted key
lists answer prefix look-ups with `bisect`.

The parts that are pure data (words → documents, whole names, LaTeX/HTML/Typst/
AsciiMath names → code points) are computed by `pack_index` into a few strings.
The generator stores them for every scope in data/symbols.json, so the first
search of a process reads those strings instead of folding and indexing every
name (about 30 ms for the 5,000 of math, a third of a one-shot ``mathsym
forall``; 0.6 s for the 34,500 of all). `Postings` splits the block of 64 keys
holding a key when a query touches it and parses its numbers; a document's text
and words are read from the table (or unicodedata2) on first use. What a
long-lived process reads often is unpacked whole (`_WHOLE_AFTER`). Parts only some
queries need (case-folded names, typo vocabularies, per-row ranks) are built on
first use too. A table without stored parts (or with parts of other rows) computes
them here, with the same answers.
"""

from __future__ import annotations

import bisect
from _thread import allocate_lock
from functools import cached_property, partial
from itertools import compress, pairwise

from symbols.query import concept_key, fold
from symbols.schema import SCOPES
from symbols.table import load

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any, Generic, TypeVar

    from symbols.schema import LatexEntry
    from symbols.table import Table

    _T = TypeVar("_T")

    class _Generic(Generic[_T]):
        pass
else:

    class _Generic:
        """Stands for typing.Generic at run time (subscripting it is a no-op)."""

        def __class_getitem__(cls, _item):
            return cls


__all__ = [
    "FILLER",
    "FILLER_WEIGHT",
    "Postings",
    "SearchIndex",
    "index",
    "name_weight",
    "pack_index",
    "warm",
    "weight",
]

# Styled math letters ("alpha" → α before 𝛼).
_STYLED_BLOCKS = frozenset(
    {"Mathematical Alphanumeric Symbols", "Arabic Mathematical Alphabetic Symbols"}
)

# Packages whose commands every LaTeX user has.
_COMMON_PACKAGES = frozenset({"", "amssymb", "amsmath", "latexsym"})

# Words that say what kind of thing a character is rather than which one: they
# weigh less when judging how much of a name the query covers, so "a" finds
# LATIN SMALL LETTER A before "is a tautology".
FILLER = frozenset(
    {
        "LATIN",
        "GREEK",
        "SMALL",
        "CAPITAL",
        "LETTER",
        "SIGN",
        "SYMBOL",
        "WITH",
        "OF",
        "AND",
        "OR",
        "THE",
        "TO",
        "MATHEMATICAL",
        "OPERATOR",
        "CHARACTER",
    }
)
FILLER_WEIGHT = 0.25


def weight(token: str) -> float:
    """Weight of a name word: `FILLER_WEIGHT` for filler words, else 1."""
    return FILLER_WEIGHT if token in FILLER else 1.0


def name_weight(toks: tuple[str, ...]) -> float:
    """Total weight of the words of a name (never 0)."""
    return sum(weight(t) for t in toks) or 1.0


#: Keys per block of a packed part, and ints per block of ``doc_row`` (`pack_index`):
#: a look-up splits the block holding its key, not the whole part (the ``all`` scope's
#: whole names are 40,000 keys: splitting them took longer than the rest of a search).
KEYS_PER_BLOCK = 64

# Look-ups after which a part read block by block is unpacked whole, and the rows of a
# scope put in a dict: a one-shot search stays well under it; in the TUI, typing passes
# it within a few keys, and every later search then costs what an unpacked index does.
_WHOLE_AFTER = 1024
# Look-ups ignoring case after which they are made in lower-cased tables of every key
# (`SearchIndex._often_folded`): past the first few searches of a session.
_FOLD_AFTER = 64


class Postings:
    """A read-only mapping key → list of ints, kept packed until a key is asked for.

    Built from two strings: the keys, sorted, joined by *sep*; and one entry per
    key (ints joined by ``,``) joined by spaces. A key's ints are parsed on first
    use. With *at* (``"k,k,… v,v,…"``: where every `KEYS_PER_BLOCK`-th key starts
    in *keys*, and its entry in *values*) a key is found by bisecting the first
    keys of the blocks and splitting the one block that holds it; without, both
    strings are split whole up front (at C speed). Either way, what a one-shot
    ``mathsym forall`` never looks at stays a string.
    """

    __slots__ = (
        "_blocks",
        "_firsts",
        "_kat",
        "_keys",
        "_lookups",
        "_n",
        "_parsed",
        "_raw",
        "_sep",
        "_text",
    )

    def __init__(self, keys: str, values: str, sep: str = " ", at: str = "") -> None:
        self._sep = sep
        self._parsed: dict[int, list[int]] = {}
        self._text = (keys, values)
        self._keys: list[str] | None = None  # every key, split when first needed whole
        self._raw: list[str] | None = None  # every entry, when split whole
        self._blocks: dict[int, tuple[list[str], list[str]]] = {}
        self._kat: list[int] = []
        self._firsts: list[str] = []
        self._n = -1
        self._lookups = 0
        anchors = _anchors(at, keys, values, sep) if at and keys else None
        if anchors is None:
            self._keys = keys.split(sep) if keys else []
            self._raw = values.split(" ") if keys else []
            self._n = len(self._keys)
        else:
            self._kat, vat = anchors
            self._firsts = [keys[a : keys.find(sep, a) % (len(keys) + 1)] for a in self._kat]
            self._text = (keys, values, vat)  # type: ignore[assignment]

    @classmethod
    def of(cls, index: dict[str, list[int]]) -> Postings:
        """Wrap an index computed in this process: nothing to parse (see `SearchIndex`)."""
        new = cls("", "")
        new._keys = sorted(index)
        new._n = len(new._keys)
        new._parsed = {i: index[k] for i, k in enumerate(new._keys)}
        return new

    def keys(self) -> list[str]:
        """Return the keys, sorted (a list: bisect it for prefix look-ups)."""
        if self._keys is None:
            self._keys = self._text[0].split(self._sep)
        return self._keys

    def prefixed(self, prefix: str, end: str = "\U0010ffff") -> list[str]:
        """Return the keys from *prefix* up to (not including) ``prefix + end``, sorted.

        With the default *end*, the keys starting with *prefix*; only the blocks
        holding them are split.
        """
        hi = prefix + end
        keys = self._keys
        if keys is not None or not self._kat:
            keys = self.keys()
            lo = bisect.bisect_left(keys, prefix)
            return keys[lo : bisect.bisect_left(keys, hi, lo)]
        if self._often():
            return self.prefixed(prefix, end)
        found: list[str] = []
        b = max(bisect.bisect_right(self._firsts, prefix) - 1, 0)
        while b < len(self._kat):
            block = self._block(b)[0]
            lo = bisect.bisect_left(block, prefix)
            up = bisect.bisect_left(block, hi, lo)
            found += block[lo:up]
            if up < len(block):
                break
            b += 1
        return found

    def has_prefix(self, prefix: str) -> bool:
        """Tell whether some key starts with *prefix* (one block split at most)."""
        keys = self._keys
        if keys is not None or not self._kat:
            keys = self.keys()
            i = bisect.bisect_left(keys, prefix)
            return i < len(keys) and keys[i].startswith(prefix)
        b = max(bisect.bisect_right(self._firsts, prefix) - 1, 0)
        block = self._block(b)[0]
        j = bisect.bisect_left(block, prefix)
        if j < len(block):
            return block[j].startswith(prefix)
        return b + 1 < len(self._firsts) and self._firsts[b + 1].startswith(prefix)

    def ignoring_case(self, key: str) -> list[str] | None:
        """Return the keys that are *key* in lower case, sorted; None for a non-ASCII *key*.

        Found letter by letter: the prefixes some key starts with, each letter in
        either case (and K as the KELVIN SIGN too, the one character outside ASCII
        that lower-cases into it), so that no table of every key lower-cased is
        built (the all scope's LaTeX names: 8 ms).
        """
        target = key.lower()
        if not target.isascii():
            return None
        prefixes = [""]
        for ch in target:
            options = {ch, ch.upper(), "\u212a"} if ch == "k" else {ch, ch.upper()}
            prefixes = [p + o for p in prefixes for o in options if self.has_prefix(p + o)]
            if not prefixes:
                return []
        return sorted(p for p in prefixes if p in self)

    def _block(self, b: int) -> tuple[list[str], list[str]]:
        """Return the keys and entries of block *b*, split on first use."""
        found = self._blocks.get(b)
        if found is None:
            keys, values, vat = self._text  # type: ignore[misc]
            kat, sep = self._kat, self._sep
            if b + 1 < len(kat):
                ks = keys[kat[b] : kat[b + 1] - 1].split(sep)
                vs = values[vat[b] : vat[b + 1] - 1].split(" ")
            else:
                ks, vs = keys[kat[b] :].split(sep), values[vat[b] :].split(" ")
            if len(ks) != len(vs) or (len(ks) != KEYS_PER_BLOCK and b + 1 < len(kat)):
                # Anchors that do not fit their strings: a file broken by hand.
                raise ValueError("mathsym: the stored search index is damaged: regenerate it")
            found = self._blocks[b] = (ks, vs)
        return found

    def _at(self, i: int) -> list[int]:
        found = self._parsed.get(i)
        if found is None:
            if self._raw is not None:
                raw = self._raw[i]
            else:
                b, j = divmod(i, KEYS_PER_BLOCK)
                raw = self._block(b)[1][j]
            found = self._parsed[i] = [int(v) for v in raw.split(",")]
        return found

    def _find(self, key: str) -> int:
        if self._keys is not None or not self._kat:
            keys = self.keys()
            i = bisect.bisect_left(keys, key)
            return i if i < len(keys) and keys[i] == key else -1
        if self._often():
            return self._find(key)
        b = bisect.bisect_right(self._firsts, key) - 1
        if b < 0:
            return -1
        block = self._block(b)[0]
        j = bisect.bisect_left(block, key)
        return b * KEYS_PER_BLOCK + j if j < len(block) and block[j] == key else -1

    def _often(self) -> bool:
        """Count a look-up by block; after `_WHOLE_AFTER`, split both strings whole."""
        self._lookups += 1
        if self._lookups <= _WHOLE_AFTER:
            return False
        keys, values = self._text[0], self._text[1]
        self._keys = keys.split(self._sep)
        self._raw = values.split(" ")
        self._kat, self._blocks = [], {}
        return True

    def at(self, i: int) -> list[int]:
        """Return the ints of the *i*-th key in key order (as ``self[self.keys()[i]]``)."""
        if not 0 <= i < (self._n if self._n >= 0 else len(self)):
            raise IndexError(i)
        return self._at(i)

    def get(self, key: str, default: Any = None) -> Any:
        """Return the ints of *key*, or *default* when it is not a key."""
        i = self._find(key)
        return default if i < 0 else self._at(i)

    def __getitem__(self, key: str) -> list[int]:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._at(i)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        if self._n < 0:
            self._n = self._text[0].count(self._sep) + 1
        return self._n

    def items(self) -> Iterator[tuple[str, list[int]]]:
        """(key, ints) pairs in key order."""
        return ((k, self._at(i)) for i, k in enumerate(self.keys()))


def _anchors(at: str, keys: str, values: str, sep: str) -> tuple[list[int], list[int]] | None:
    """Read a part's block anchors (see `Postings`); None when they do not fit its strings."""
    try:
        kat, vat = (list(map(int, half.split(","))) for half in at.split(" "))
    except ValueError:
        return None
    if len(kat) != len(vat) or not kat or kat[0] != 0 or vat[0] != 0:
        return None
    # Each block starts right after a separator, in order: a stale anchor is caught here.
    if any(
        not (
            0 < k < len(keys)
            and keys[k - 1] == sep
            and 0 < v < len(values)
            and values[v - 1] == " "
        )
        for k, v in zip(kat[1:], vat[1:], strict=True)
    ) or any(a >= b for a, b in pairwise(kat)):
        return None
    return kat, vat


class _Ints:
    """A list of ints packed as ``"3,3,4,…"``, parsed by block as items are read.

    *at* gives where every `KEYS_PER_BLOCK`-th int starts (``pack_index`` writes
    it); the ``all`` scope's ``doc_row`` holds 40,000 ints of which a search reads
    a few dozen.
    """

    __slots__ = ("_at", "_blocks", "_n", "_reads", "_text", "_whole", "on_whole")

    def __init__(self, text: str, at: list[int]) -> None:
        self._text = text
        self._at = at
        self._blocks: dict[int, list[int]] = {}
        self._n = text.count(",") + 1 if text else 0
        self._reads = 0
        self._whole: list[int] | None = None
        #: Called with the whole list once it is parsed (after `_WHOLE_AFTER` reads).
        self.on_whole: Callable[[list[int]], None] | None = None

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> int:
        whole = self._whole
        if whole is not None:
            return whole[i]
        self._reads += 1
        if self._reads > _WHOLE_AFTER:
            whole = self._whole = list(map(int, self._text.split(",")))
            if self.on_whole is not None:
                self.on_whole(whole)
            return whole[i]
        if not 0 <= i < self._n:
            if not -self._n <= i < 0:
                raise IndexError(i)
            i += self._n
        block = self._blocks.get(i // KEYS_PER_BLOCK)
        if block is not None:
            return block[i % KEYS_PER_BLOCK]
        b, j = divmod(i, KEYS_PER_BLOCK)
        at, text = self._at, self._text
        piece = text[at[b] : at[b + 1] - 1] if b + 1 < len(at) else text[at[b] :]
        block = self._blocks[b] = list(map(int, piece.split(",")))
        if len(block) != KEYS_PER_BLOCK and b + 1 < len(at):
            raise ValueError("mathsym: the stored search index is damaged: regenerate it")
        return block[j]

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(self._n))


def _ints(text: str, at: str) -> list[int] | _Ints:
    """Unpack ``doc_row``: by block with its anchors *at*, else whole."""
    if at and text:
        try:
            starts = list(map(int, at.split(",")))
        except ValueError:
            starts = []
        if (
            starts
            and starts[0] == 0
            and all(0 < s < len(text) and text[s - 1] == "," for s in starts[1:])
            and all(a < b for a, b in pairwise(starts))
        ):
            return _Ints(text, starts)
    return list(map(int, text.split(","))) if text else []


def _pack_postings(index: dict[str, list[int]], sep: str = " ") -> list[str]:
    """Pack *index* into the strings `Postings` reads back: keys, entries, block anchors."""
    keys = sorted(index)
    for key in keys:
        if not key or sep in key:
            raise ValueError(f"cannot pack the key {key!r} (empty, or holds {sep!r})")
    entries = [",".join(map(str, index[k])) for k in keys]
    return [sep.join(keys), " ".join(entries), _pack_anchors(keys, entries)]


def _pack_anchors(keys: list[str], entries: list[str]) -> str:
    """Where every `KEYS_PER_BLOCK`-th key and entry start: ``"k,k,… v,v,…"`` ("" for none)."""
    if not keys:
        return ""
    kat, vat = [], []
    k = v = 0
    for i, (key, entry) in enumerate(zip(keys, entries, strict=True)):
        if i % KEYS_PER_BLOCK == 0:
            kat.append(k)
            vat.append(v)
        k += len(key) + 1
        v += len(entry) + 1
    return ",".join(map(str, kat)) + " " + ",".join(map(str, vat))


def _pack_ints(ints: list[int]) -> list[str]:
    """Pack ``doc_row``: the ints ``,``-joined, and where every `KEYS_PER_BLOCK`-th starts."""
    texts = list(map(str, ints))
    at, pos = [], 0
    for i, text in enumerate(texts):
        if i % KEYS_PER_BLOCK == 0:
            at.append(pos)
        pos += len(text) + 1
    return [",".join(texts), ",".join(map(str, at))]


# The parts of an index that are pure data, packed as strings (see `pack_index`):
# name → separator of its keys. data/symbols.json carries them for the math scope.
_PARTS = {
    "concept": "\n",  # folded phrases hold spaces, plain-text art "|" ("|-"): never a newline
    "concept_vocab": " ",
    "vocab": " ",
    "compact": " ",
    "spaced": "|",  # spaced names hold spaces, never "|" (a name word is letters/digits)
    "unprefixed": " ",
    "latex": " ",
    "html": " ",
    "typst": " ",
    "asciimath": " ",
}


def pack_index(scope: str, table: Table) -> dict[str, str]:
    """Compute the pure-data parts of the search index of *scope*, packed as strings.

    The generator stores the result for every scope in data/symbols.json (under
    ``search``), so that the first search of a process only splits the blocks of
    strings it reads; a table without them computes its index at run time (the
    same parts, unpacked).

    Returns:
        ``rows``: how many rows the scope has (an index of other rows is not used);
        ``doc_row``: the row of each document, ``,``-joined, and ``doc_row:at``
        where every `KEYS_PER_BLOCK`-th starts; for each part of `_PARTS` (``vocab``
        words → documents, ``compact``/``spaced``/``unprefixed`` whole names →
        documents, ``latex``/``html``/``typst``/``asciimath`` names → code points,
        ``concept`` folded concept and shape phrases → code points (see
        `SearchIndex.concept`), ``concept_vocab`` their words → phrases): its sorted
        keys under the part's name, their ints under ``NAME:ints`` and the blocks'
        anchors under ``NAME:at`` (see `Postings`).

    """
    rows = _ScopeRows(scope, table)
    doc_row, parts = _index_parts(rows)
    out = {"rows": str(len(rows.cps))}
    out["doc_row"], out["doc_row:at"] = _pack_ints(doc_row)
    for name, sep in _PARTS.items():
        out[name], out[name + ":ints"], out[name + ":at"] = _pack_postings(parts[name], sep)
    return out


def _index_parts(rows: _ScopeRows) -> tuple[list[int], dict[str, dict[str, list[int]]]]:
    """Compute the parts `pack_index` packs: the row of each document, and each part."""
    table = rows.table
    docs = [doc for row in range(len(rows.cps)) for doc in rows.docs(row)]
    parts: dict[str, dict[str, list[int]]] = {name: {} for name in _PARTS}
    words, compact, spaced, unprefixed = (
        parts["vocab"],
        parts["compact"],
        parts["spaced"],
        parts["unprefixed"],
    )
    doc_row: list[int] = []
    for d, (row, _field, text) in enumerate(docs):
        doc_row.append(row)
        toks = fold(text).split()
        for tok in dict.fromkeys(toks):
            words.setdefault(tok, []).append(d)
        compact.setdefault("".join(toks), []).append(d)
        spaced.setdefault(" ".join(toks), []).append(d)
        if toks[:1] == ["MATHEMATICAL"] and len(toks) > 1:
            # MATHEMATICAL LEFT ANGLE BRACKET is what people call "left angle bracket".
            unprefixed.setdefault("".join(toks[1:]), []).append(d)
    in_scope = dict.fromkeys(rows.cps)
    # "\ " (a control space: U+00A0) is no query: a query is trimmed. convert() reads it.
    latex = {k: v for k, v in table.latex_index.items() if not any(c.isspace() for c in k)}
    parts["latex"] = _scoped(latex, in_scope)
    parts["html"] = _scoped(table.html_index, in_scope)
    parts["typst"] = _scoped(table.typst_index, in_scope)
    asciimath = parts["asciimath"]
    for i, names in enumerate(table.column("asciimath")):
        cp = table.codepoints[i]
        if cp in in_scope:
            for n in names:
                asciimath.setdefault(n, []).append(cp)
    parts["concept"], parts["concept_vocab"] = _concept_parts(rows)
    return doc_row, parts


def _concept_parts(rows: _ScopeRows) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Compute the concept part (phrase → ``2 * cp + kind``) and its words → phrases.

    *kind* is 0 for a meaning, 1 for a shape. A phrase's characters come in the order of
    tools/data/concepts.tsv (`symbols.table.Table.concept_order`); a phrase index is the
    position of the phrase among the sorted keys of the concept part.
    """
    phrases: dict[str, list[int]] = {}
    for cp, kind, phrase in rows.described():
        key = concept_key(phrase)
        if not key:
            continue  # nothing to look up
        found = phrases.setdefault(key, [])
        value = 2 * cp + kind
        if value not in found:
            found.append(value)
    order = rows.table.concept_order
    for phrase, values in phrases.items():
        ranked = order.get(phrase)
        if ranked and len(values) > 1:
            rank = {cp: i for i, cp in enumerate(ranked)}
            values.sort(key=lambda v: (rank.get(v >> 1, len(rank)), v))
    vocab: dict[str, list[int]] = {}
    for i, phrase in enumerate(sorted(phrases)):
        for word in dict.fromkeys(phrase.split()):
            vocab.setdefault(word, []).append(i)
    return phrases, vocab


class _ScopeRows:
    """The rows of one scope: code points, rows of the JSON table, and their documents.

    The table's rows of the scope come first, in code point order; for ``all``, the
    characters outside the table follow, in code point order too (`Table.outside`),
    their names read from unicodedata2 when a document is first read.
    """

    def __init__(self, scope: str, table: Table) -> None:
        limit = SCOPES.index(scope)
        # itertools.compress and map run at C speed: no Python loop over the table.
        keep = list(map(limit.__ge__, table.column("scope")))
        self.table = table
        self.table_row: list[int] = list(compress(range(len(keep)), keep))
        self.cps: list[int] = list(compress(table.codepoints, keep))
        self.in_table = len(self.cps)  # rows from here on are outside the table
        if scope == "all":
            outside = table.outside()
            self.table_row += [-1] * len(outside)
            self.cps += outside

    def extra_name(self, row: int) -> str:
        """Return the Unicode name of a row outside the table (unicodedata2's)."""
        import unicodedata2

        name: str = unicodedata2.name(chr(self.cps[row]), "")
        return name

    def docs(self, row: int) -> list[tuple[int, str, str]]:
        """List (row, field, text) of the name, aliases and formal aliases of *row*."""
        i = self.table_row[row]
        t = self.table
        if i < 0:  # outside the table: unicodedata2's name, aliases from the table's extras
            cp = self.cps[row]
            return [
                (row, "name", self.extra_name(row)),
                *((row, "alias", a) for a in t.unlisted_names(cp, "alias")),
                *((row, "formal", a) for a in t.unlisted_names(cp, "formal")),
            ]
        return [
            (row, "name", t.name(i)),
            *((row, "alias", a) for a in t.names(i, "alias")),
            *((row, "formal", a) for a in t.names(i, "formal")),
        ]

    def described(self) -> Iterator[tuple[int, int, str]]:
        """Yield (code point, kind, phrase) of every concept-table row the scope searches.

        The scope's own characters first; then those the table describes beyond it (ſ,
        the musical clefs, CJK brackets): a scope limits which names are searched, but a
        character someone described by meaning or shape ("long s", "treble clef") is
        found in every scope, as a reviewed row rather than a name among thousands.
        """
        for row, cp in enumerate(self.cps):
            for kind, phrase in self.phrases(row):
                yield cp, kind, phrase
        if self.in_table < len(self.cps):
            return  # scope all: every character is already a row
        for cp, kind, phrase in self.beyond():
            yield cp, kind, phrase

    def beyond(self) -> list[tuple[int, int, str]]:
        """List (code point, kind, phrase) of the concept rows of characters outside the scope."""
        t = self.table
        inside = set(self.cps)
        out: list[tuple[int, int, str]] = []
        for column, kind in (("concept", 0), ("shape", 1)):
            values = t.column(column)
            for i, cp in enumerate(t.codepoints):
                if values[i] and cp not in inside:
                    out += ((cp, kind, p) for p in t.names(i, column))
            for cp, names in t.unlisted_column(column).items():
                out += ((cp, kind, p) for p in names)
        out.sort(key=lambda e: (e[0], e[1]))  # stable: each character's phrases in order
        return out

    def phrases_beyond(self, cp: int) -> list[tuple[int, str]]:
        """List (kind, phrase) of a character outside the scope (see `described`)."""
        return self._phrases(self.table.row_of(cp), cp)

    def phrases(self, row: int) -> list[tuple[int, str]]:
        """List (kind, phrase) of the concept table's phrases of *row*: 0 means, 1 looks."""
        i = self.table_row[row]
        return self._phrases(i if i >= 0 else None, self.cps[row])

    def _phrases(self, i: int | None, cp: int) -> list[tuple[int, str]]:
        """(kind, phrase) of the table's row *i*, or of *cp* outside the table (None)."""
        t = self.table
        if i is None:
            concepts, shapes = t.unlisted_names(cp, "concept"), t.unlisted_names(cp, "shape")
        else:
            concepts, shapes = t.names(i, "concept"), t.names(i, "shape")
        return [*((0, p) for p in concepts), *((1, p) for p in shapes)]

    def name(self, row: int) -> str:
        """Return the Unicode name of *row*."""
        i = self.table_row[row]
        if i < 0:
            return self.extra_name(row)
        return self.table.name(i)

    def name_length(self, row: int) -> int:
        """Length of the Unicode name of *row*.

        Read when asked (for a hit's score): a one-shot look-up parses a few rows
        of the names, not all of them.
        """
        i = self.table_row[row]
        if i < 0:
            return len(self.extra_name(row))
        return len(self.table.name(i))


class _RowOf:
    """Code point → row of a scope, as a read-only mapping, without a dict of every row.

    The rows' code points are two ascending runs (the table's rows, then those
    outside it): bisecting them costs a microsecond, a dict of the ``all`` scope's
    34,000 rows a few milliseconds to build.
    """

    __slots__ = ("_cps", "_dict", "_reads", "_split", "on_whole")

    def __init__(self, cps: list[int], split: int) -> None:
        self._cps = cps
        self._split = split
        self._reads = 0
        self._dict: dict[int, int] | None = None
        #: Called with the dict once it is built (after `_WHOLE_AFTER` look-ups).
        self.on_whole: Callable[[dict[int, int]], None] | None = None

    def get(self, cp: int, default: int | None = None) -> int | None:
        """Return the row of *cp*, or *default* when it is not in the scope."""
        rows = self._dict
        if rows is not None:
            return rows.get(cp, default)
        self._reads += 1
        if self._reads > _WHOLE_AFTER:
            rows = self._dict = dict(zip(self._cps, range(len(self._cps)), strict=True))
            if self.on_whole is not None:
                self.on_whole(rows)
            return rows.get(cp, default)
        cps, split = self._cps, self._split
        i = bisect.bisect_left(cps, cp, 0, split)
        if i < split and cps[i] == cp:
            return i
        i = bisect.bisect_left(cps, cp, split)
        return i if i < len(cps) and cps[i] == cp else default

    def __getitem__(self, cp: int) -> int:
        row = self.get(cp)
        if row is None:
            raise KeyError(cp)
        return row

    def __contains__(self, cp: object) -> bool:
        return isinstance(cp, int) and self.get(cp) is not None

    def __len__(self) -> int:
        return len(self._cps)

    def __iter__(self) -> Iterator[int]:
        return iter(self._cps)


class _Lazy(_Generic["_T"]):
    """A list whose items are computed on first access (by index) and then kept."""

    __slots__ = ("_items", "_make")

    def __init__(self, size: int, make: Callable[[int], _T]) -> None:
        self._items: list[_T | None] = [None] * size
        self._make = make

    def __getitem__(self, i: int) -> _T:
        value = self._items[i]
        if value is None:
            value = self._items[i] = self._make(i)
        return value

    def __len__(self) -> int:
        return len(self._items)


def _optional(packed: Callable[[str], str], name: str) -> str:
    """Return a part of a packed index that files written before it lack ("" then)."""
    try:
        return packed(name)
    except KeyError:
        return ""


class SearchIndex:
    """Everything one scope needs to answer a query.

    Rows are symbols (code points); documents are the texts searched by words: a
    row's name, its aliases and formal aliases. Words map to documents; a sorted
    vocabulary answers prefix look-ups with `bisect`. The pure-data parts come
    packed (`pack_index`: from data/symbols.json for the math scope) and are
    unpacked key by key as queries touch them; a document's text and words are
    read from the table on first use.
    """

    def __init__(self, scope: str, table: Table | None = None) -> None:
        table = load() if table is None else table
        rows = _ScopeRows(scope, table)
        # Every scope's parts come packed from data/symbols.json (if they are of these
        # rows); a table without them computes its parts here, with no packing round trip.
        packed = table.packed_search(scope)
        if packed is not None and _optional(packed, "rows") != str(len(rows.cps)):
            packed = None
        self._packed = packed
        self._computed: dict[str, dict[str, list[int]]] = {}
        if not packed:
            doc_row, self._computed = _index_parts(rows)
            self.__dict__["doc_row"] = doc_row  # the cached_property, already known
        self.scope = scope
        self._rows = rows
        self.cps = rows.cps
        self.table_row = rows.table_row  # row of the JSON table, -1 for the "all" extras
        self.name_length = rows.name_length
        self.row_of: _RowOf | dict[int, int] = _RowOf(self.cps, rows.in_table)
        # Once used often (the TUI), a dict, looked up in C without a method call.
        self.row_of.on_whole = partial(setattr, self, "row_of")
        self._everyday: list[float] = []  # filled on first use, see everyday()
        # Each part is unpacked on first use: "\\le" looks up LaTeX names only, and a
        # one-word query never needs the spaced names.
        self._prefix_cache: dict[str, list[int]] = {}
        self._concept_texts: dict[tuple[int, int, str], str] = {}  # see concept_text
        self._case_lookups = 0  # see _often_folded

    def _part(self, name: str) -> Postings:
        if self._computed:
            return Postings.of(self._computed[name])
        part = self._part_text
        return Postings(
            part(name), part(name + ":ints"), _PARTS[name], self._optional(name + ":at")
        )

    def _part_text(self, name: str) -> str:
        # Asked for only of a packed index: a computed one has its parts (and doc_row).
        assert self._packed is not None
        return self._packed(name)

    def _optional(self, name: str) -> str:
        assert self._packed is not None
        return _optional(self._packed, name)

    # -- documents: a row's name, aliases and formal aliases, read on first use ----

    @cached_property
    def doc_row(self) -> list[int] | _Ints:
        """The row of each document (a packed one is parsed by block as it is read)."""
        found = _ints(self._part_text("doc_row"), self._optional("doc_row:at"))
        if isinstance(found, _Ints):
            # Once read often (the TUI), a list, indexed in C without a method call.
            found.on_whole = partial(self.__dict__.__setitem__, "doc_row")
        return found

    @cached_property
    def _docs(self) -> _Lazy[tuple[str, str]]:
        return _Lazy(len(self.doc_row), self._doc)

    @cached_property
    def doc_field(self) -> _Lazy[str]:
        """Which field each document is: ``name``, ``alias`` or ``formal``."""
        return _Lazy(len(self.doc_row), lambda d: self._docs[d][0])

    @cached_property
    def doc_text(self) -> _Lazy[str]:
        """The text of each document, as shown (``FOR ALL``, ``universal quantifier``)."""
        return _Lazy(len(self.doc_row), lambda d: self._docs[d][1])

    @cached_property
    def doc_tokens(self) -> _Lazy[tuple[str, ...]]:
        """The folded words of each document (``FOR``, ``ALL``)."""
        return _Lazy(len(self.doc_row), lambda d: tuple(fold(self.doc_text[d]).split()))

    @cached_property
    def doc_weight(self) -> _Lazy[float]:
        """The weight of each document's words (see `name_weight`)."""
        return _Lazy(len(self.doc_row), lambda d: name_weight(self.doc_tokens[d]))

    # -- the packed parts ----------------------------------------------------------

    @cached_property
    def word_docs(self) -> Postings:
        """Name word → documents holding it."""
        return self._part("vocab")

    @cached_property
    def vocab(self) -> list[str]:
        """Every name word, sorted."""
        return self.word_docs.keys()

    @cached_property
    def compact(self) -> Postings:
        """Whole name, words run together (``PLUSMINUSSIGN``) → documents."""
        return self._part("compact")

    @cached_property
    def compact_keys(self) -> list[str]:
        """The keys of `compact`, sorted."""
        return self.compact.keys()

    @cached_property
    def spaced(self) -> Postings:
        """Whole name, words apart (``PLUS MINUS SIGN``) → documents."""
        return self._part("spaced")

    @cached_property
    def spaced_keys(self) -> list[str]:
        """The keys of `spaced`, sorted."""
        return self.spaced.keys()

    @cached_property
    def unprefixed(self) -> Postings:
        """Whole name without a leading MATHEMATICAL, run together → documents."""
        return self._part("unprefixed")

    @cached_property
    def latex(self) -> Postings:
        """LaTeX command → code points, the best-ranked first."""
        return self._part("latex")

    @cached_property
    def latex_keys(self) -> list[str]:
        """The LaTeX commands, sorted."""
        return self.latex.keys()

    @cached_property
    def html(self) -> Postings:
        """HTML entity name → code points."""
        return self._part("html")

    @cached_property
    def html_keys(self) -> list[str]:
        """The entity names, sorted."""
        return self.html.keys()

    @cached_property
    def typst(self) -> Postings:
        """Typst name → code points."""
        return self._part("typst")

    @cached_property
    def typst_keys(self) -> list[str]:
        """The Typst names, sorted."""
        return self.typst.keys()

    @cached_property
    def asciimath(self) -> Postings:
        """AsciiMath name → code points."""
        return self._part("asciimath")

    @cached_property
    def concept(self) -> Postings:
        """Folded concept or shape phrase (``IF AND ONLY IF``) → ``2 * cp + kind``.

        *kind* 0: the character means it; 1: it looks like it. Best first, in the order
        of tools/data/concepts.tsv.
        """
        return self._part("concept")

    @cached_property
    def concept_keys(self) -> list[str]:
        """The folded phrases, sorted: a phrase index is a position here."""
        return self.concept.keys()

    @cached_property
    def concept_words(self) -> Postings:
        """Word of a folded phrase → the phrase indexes holding it."""
        return self._part("concept_vocab")

    @cached_property
    def concept_tokens(self) -> _Lazy[tuple[str, ...]]:
        """The words of each phrase, by phrase index, each once ("of the order of")."""
        keys = self.concept_keys
        return _Lazy(len(keys), lambda i: tuple(dict.fromkeys(keys[i].split())))

    @cached_property
    def concept_lengths(self) -> list[int]:
        """Phrase index → its number of words, for `symbols.search`'s order.

        Shorter phrases are read first, so that the longer ones, which could not rank,
        are never looked at; counted once for all rather than for hundreds at each query.
        """
        return [key.count(" ") + 1 for key in self.concept_keys]

    @cached_property
    def concept_vocab_by_initial(self) -> dict[str, list[str]]:
        """Words of the concept phrases by initial, for typos."""
        out: dict[str, list[str]] = {}
        for w in self.concept_words:
            out.setdefault(w[0], []).append(w)
        return out

    def concept_weight(self, word: str) -> float:
        """How much a query word says, by how few phrases hold it: 1 for a rare word."""
        df = len(self.concept_words.get(word, ()))
        return 1.0 / (1.0 + 0.1 * df) ** 0.5 if df else 1.0

    def name_of(self, cp: int) -> str:
        """Return the Unicode name of *cp* ("" outside the scope)."""
        row = self.row_of.get(cp)
        return "" if row is None else self._rows.name(row)

    def concept_text(self, cp: int, kind: int, key: str) -> str:
        """Return the phrase as the table writes it (``upside-down a``) for a folded *key*.

        Kept once found: a row's phrases are folded one by one to find it, and typing
        meets the same phrases of the same symbols again.
        """
        found = self._concept_texts.get((cp, kind, key))
        if found is None:
            found = key.lower()
            row = self.row_of.get(cp)
            said = self._rows.phrases(row) if row is not None else self._rows.phrases_beyond(cp)
            for k, phrase in said:
                if k == kind and concept_key(phrase) == key:
                    found = phrase
                    break
            self._concept_texts[(cp, kind, key)] = found
        return found

    def _doc(self, d: int) -> tuple[str, str]:
        """(field, text) of document *d*: its row's documents come in a fixed order."""
        doc_row = self.doc_row
        row = doc_row[d]
        first = d
        # A row has a few documents (its name, aliases, formal aliases): step back to
        # its first rather than bisect (doc_row may be read block by block).
        while first > 0 and doc_row[first - 1] == row:
            first -= 1
        _row, field, text = self._rows.docs(row)[d - first]
        return field, text

    # -- parts built on first use (a one-shot `mathsym forall` never needs them) --

    def latex_ignoring_case(self, command: str) -> list[str]:
        r"""Return the LaTeX commands that are *command* in lower case (``\LEQ`` → ``\leq``)."""
        found = None if self._often_folded() else self.latex.ignoring_case(command)
        return self.latex_folded.get(command.lower(), []) if found is None else found

    def html_ignoring_case(self, name: str) -> list[str]:
        """Return the entity names that are *name* in lower case."""
        found = None if self._often_folded() else self.html.ignoring_case(name)
        return self.html_folded.get(name.lower(), []) if found is None else found

    def _often_folded(self) -> bool:
        """Count a look-up ignoring case; past `_FOLD_AFTER`, use the lower-cased tables.

        Letter by letter (`Postings.ignoring_case`) costs a one-shot look-up nothing to
        set up, but a few dozen prefix look-ups per query: most queries of words ask twice
        or more (the words as a command, run together). A session that searches on every
        key builds the tables once (a few ms) and then finds the same keys in one step.
        """
        self._case_lookups += 1
        return self._case_lookups > _FOLD_AFTER

    @cached_property
    def latex_folded(self) -> dict[str, list[str]]:
        r"""Lower-cased LaTeX command → the real commands ("\LEQ" → "\leq")."""
        return _casefolded(self.latex_keys)

    @cached_property
    def html_folded(self) -> dict[str, list[str]]:
        """Lower-cased entity name → the real names."""
        return _casefolded(self.html_keys)

    @cached_property
    def latex_words(self) -> dict[str, list[str]]:
        r"""LaTeX names without backslash by lower-cased initial, for typos ("\rigtharrow")."""
        out: dict[str, list[str]] = {}
        for k in self.latex_keys:
            if k.startswith("\\") and k[1:].isalpha():
                out.setdefault(k[1].lower(), []).append(k[1:])
        return out

    @cached_property
    def latex_words_all(self) -> list[str]:
        """Every LaTeX name of `latex_words`, whatever its initial."""
        return [w for words in self.latex_words.values() for w in words]

    @cached_property
    def typst_unordered(self) -> dict[tuple[str, frozenset[str]], list[tuple[int, str]]]:
        """Typst name as (base, set of modifiers) → (code point, name as listed).

        Typst does not care about the order of modifiers: ``arrow.double.r`` is
        ``arrow.r.double``.
        """
        out: dict[tuple[str, frozenset[str]], list[tuple[int, str]]] = {}
        for name, cps in self.typst.items():
            base, *mods = name.split(".")
            out.setdefault((base, frozenset(mods)), []).extend((cp, name) for cp in cps)
        return out

    @cached_property
    def vocab_by_initial(self) -> dict[str, list[str]]:
        """Name words by initial, for typos."""
        out: dict[str, list[str]] = {}
        for w in self.vocab:
            out.setdefault(w[0], []).append(w)
        return out

    def everyday(self, row: int) -> float:
        """How everyday the symbol of *row* is, 0..1 (see `_everyday`), computed once."""
        if not self._everyday:
            self._everyday = [-1.0] * len(self.cps)
        value = self._everyday[row]
        if value < 0:
            i = self.table_row[row]
            table = self._rows.table
            block = table.block_of(self.cps[row])
            if i >= 0:
                value = _everyday(table.latex_entries(i), table.column("scope")[i], block)
            else:
                value = _everyday((), len(SCOPES) - 1, block)
            self._everyday[row] = value
        return value

    # -- word look-ups ------------------------------------------------------

    def vocab_prefixed(self, prefix: str) -> list[str]:
        """Vocabulary words starting with *prefix* (the word itself included)."""
        return self.word_docs.prefixed(prefix, "\uffff")

    def docs_with_prefix(self, prefix: str) -> list[int]:
        """Documents with a word starting with *prefix*, cached (typing repeats prefixes)."""
        hit = self._prefix_cache.get(prefix)
        if hit is None:
            words = self.vocab_prefixed(prefix)
            if len(words) == 1:
                hit = self.word_docs[words[0]]
            else:
                merged: set[int] = set()
                for w in words:
                    merged.update(self.word_docs[w])
                hit = sorted(merged)
            if len(self._prefix_cache) > 4096:
                self._prefix_cache.clear()
            self._prefix_cache[prefix] = hit
        return hit


def _everyday(latex: tuple[LatexEntry, ...], scope: int, block: str) -> float:
    """How everyday a symbol is, 0..1: LaTeX names (core LaTeX best), scope, plain letters."""
    score = 0.0
    if latex:
        score += 0.35
        # A command of classic LaTeX or AMS (no exotic package) marks a symbol people use.
        if any(
            "latex" in origins and package in _COMMON_PACKAGES for _c, origins, package, _m in latex
        ):
            score += 0.25
    score += (0.2, 0.1, 0.0)[scope]
    if block not in _STYLED_BLOCKS:
        score += 0.2
    return score


def _scoped(index: dict[str, list[int]], rows: dict[int, None]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for key, cps in index.items():
        kept = [cp for cp in cps if cp in rows]
        if kept:
            out[key] = kept
    return out


def _casefolded(keys: list[str]) -> dict[str, list[str]]:
    """Lower-cased key → the real keys, for a case-insensitive second chance."""
    out: dict[str, list[str]] = {}
    for key in keys:
        out.setdefault(key.lower(), []).append(key)
    return out


INDEXES: dict[str, SearchIndex] = {}

# One index built at a time: a search and `warm` in two threads wait for the same one.
# (_thread, not threading: a one-shot look-up need not import threading.)
_BUILDING = allocate_lock()


def index(scope: str) -> SearchIndex:
    """Return the index of *scope*, built on first use and then kept for the process."""
    idx = INDEXES.get(scope)
    if idx is None:
        with _BUILDING:
            idx = INDEXES.get(scope)
            if idx is None:
                idx = INDEXES[scope] = SearchIndex(scope)
    return idx


def warm(scope: str) -> SearchIndex:
    """Build the index of *scope* and unpack what the first search of it reads.

    For a long-lived process about to search a scope: the TUI calls it (in a thread)
    when the scope is switched, so that the first key typed there only searches.
    The parts are unpacked (their blocks stay packed until a key is looked up) and
    the aliases of the characters outside the table read: 15-20 ms for ``all``.
    """
    idx = index(scope)
    parts = ("word_docs", "compact", "spaced", "unprefixed", "latex", "html", "typst")
    for part in (*parts, "concept", "concept_words"):
        getattr(idx, part)
    len(idx.asciimath) + len(idx.doc_row)
    table = idx._rows.table
    for column in ("alias", "formal", "concept", "shape"):
        table.unlisted_column(column)
    return idx
