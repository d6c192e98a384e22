"""The search indexes: one per scope, made on the first search that needs it.

Rows are symbols (code points); documents are the texts searched by words: each
row's name, aliases and formal aliases. Words map to documents, and sorted key
lists answer prefix look-ups with `bisect`.

The parts that are pure data (words → documents, whole names, LaTeX/HTML/Typst/
AsciiMath names → code points) are computed by `pack_index` into a few strings.
The generator stores them for the math scope in data/symbols.json, so the first
search of a process splits those strings (C speed) instead of folding and
indexing 5,000 names (about 30 ms, a third of a one-shot ``mathsym forall``);
other scopes run `pack_index` on first use. `Postings` then parses a key's
numbers when a query touches it, and a document's text and words are read from
the table on first use. Parts only some queries need (case-folded names, typo
vocabularies, per-row ranks) are built on first use too.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from itertools import compress

from symbols.query import fold
from symbols.schema import SCOPES
from symbols.table import all_codepoints, load

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


class Postings:
    """A read-only mapping key → list of ints, kept packed until a key is asked for.

    Built from two strings: the keys, sorted, joined by *sep*; and one entry per
    key (ints joined by ``,``) joined by spaces. Splitting them is all the work done
    up front (at C speed); a key is found by bisecting, and its ints are parsed on
    first use. This is what lets a one-shot ``mathsym forall`` skip building tens of
    thousands of small lists it would never look at.
    """

    __slots__ = ("_keys", "_parsed", "_raw")

    def __init__(self, keys: str, values: str, sep: str = " ") -> None:
        self._keys: list[str] = keys.split(sep) if keys else []
        self._raw: list[str] = values.split(" ") if keys else []
        self._parsed: dict[int, list[int]] = {}

    @classmethod
    def of(cls, index: dict[str, list[int]]) -> Postings:
        """Wrap an index computed in this process: nothing to parse (see `SearchIndex`)."""
        new = cls("", "")
        new._keys = sorted(index)
        new._parsed = {i: index[k] for i, k in enumerate(new._keys)}
        return new

    def keys(self) -> list[str]:
        """Return the keys, sorted (a list: bisect it for prefix look-ups)."""
        return self._keys

    def _at(self, i: int) -> list[int]:
        found = self._parsed.get(i)
        if found is None:
            found = self._parsed[i] = [int(v) for v in self._raw[i].split(",")]
        return found

    def _find(self, key: str) -> int:
        i = bisect.bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

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
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> Iterator[tuple[str, list[int]]]:
        """(key, ints) pairs in key order."""
        return ((k, self._at(i)) for i, k in enumerate(self._keys))


def _pack_postings(index: dict[str, list[int]], sep: str = " ") -> list[str]:
    """Pack *index* into the two strings `Postings` reads back, keys sorted."""
    keys = sorted(index)
    for key in keys:
        if not key or sep in key:
            raise ValueError(f"cannot pack the key {key!r} (empty, or holds {sep!r})")
    return [sep.join(keys), " ".join(",".join(map(str, index[k])) for k in keys)]


# The parts of an index that are pure data, packed as strings (see `pack_index`):
# name → separator of its keys. data/symbols.json carries them for the math scope.
_PARTS = {
    "concept": "|",  # folded phrases hold spaces, never "|"
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

    The generator stores the result for the math scope in data/symbols.json
    (under ``search``), so that the first search of a process only splits strings;
    other scopes are packed at run time by this same function on first use.

    Returns:
        ``doc_row``: the row of each document, ``,``-joined; for each part of
        `_PARTS` (``vocab`` words → documents, ``compact``/``spaced``/``unprefixed``
        whole names → documents, ``latex``/``html``/``typst``/``asciimath`` names →
        code points, ``concept`` folded concept and shape phrases → code points (see
        `SearchIndex.concept`), ``concept_vocab`` their words → phrases): its sorted keys
        under the part's name and their ints under ``NAME:ints``.

    """
    doc_row, parts = _index_parts(_ScopeRows(scope, table))
    out = {"doc_row": ",".join(map(str, doc_row))}
    for name, sep in _PARTS.items():
        out[name], out[name + ":ints"] = _pack_postings(parts[name], sep)
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
    for row, cp in enumerate(rows.cps):
        for kind, phrase in rows.phrases(row):
            key = fold(phrase)
            if not key:
                continue  # punctuation only ("?!"): pasted, it is found as glyphs
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
    """The rows of one scope: code points, rows of the JSON table, and their documents."""

    def __init__(self, scope: str, table: Table) -> None:
        limit = SCOPES.index(scope)
        # itertools.compress and map run at C speed: no Python loop over the table.
        keep = list(map(limit.__ge__, table.column("scope")))
        self.table = table
        self.table_row: list[int] = list(compress(range(len(keep)), keep))
        self.cps: list[int] = list(compress(table.codepoints, keep))
        self.extra_names: list[str] = []  # names of the rows after the table's (scope all)
        if scope == "all":
            import unicodedata2

            uname = unicodedata2.name
            in_table = set(self.cps)
            for cp in all_codepoints():
                name = uname(chr(cp), "") if cp not in in_table else ""
                if name:
                    self.table_row.append(-1)
                    self.cps.append(cp)
                    self.extra_names.append(name)

    def docs(self, row: int) -> list[tuple[int, str, str]]:
        """List (row, field, text) of the name, aliases and formal aliases of *row*."""
        i = self.table_row[row]
        t = self.table
        if i < 0:  # outside the table: unicodedata2's name, aliases from the table's extras
            cp = self.cps[row]
            return [
                (row, "name", self.extra_names[row - self._first_extra]),
                *((row, "alias", a) for a in t.unlisted_names(cp, "alias")),
                *((row, "formal", a) for a in t.unlisted_names(cp, "formal")),
            ]
        return [
            (row, "name", t.name(i)),
            *((row, "alias", a) for a in t.names(i, "alias")),
            *((row, "formal", a) for a in t.names(i, "formal")),
        ]

    def phrases(self, row: int) -> list[tuple[int, str]]:
        """List (kind, phrase) of the concept table's phrases of *row*: 0 means, 1 looks."""
        i = self.table_row[row]
        t = self.table
        if i < 0:
            cp = self.cps[row]
            concepts, shapes = t.unlisted_names(cp, "concept"), t.unlisted_names(cp, "shape")
        else:
            concepts, shapes = t.names(i, "concept"), t.names(i, "shape")
        return [*((0, p) for p in concepts), *((1, p) for p in shapes)]

    def name(self, row: int) -> str:
        """Return the Unicode name of *row*."""
        i = self.table_row[row]
        if i < 0:
            return self.extra_names[row - self._first_extra]
        return self.table.name(i)

    def name_length(self, row: int) -> int:
        """Length of the Unicode name of *row*.

        Read when asked (for a hit's score): a one-shot look-up parses a few rows
        of the names, not all of them.
        """
        i = self.table_row[row]
        if i < 0:
            return len(self.extra_names[row - self._first_extra])
        return len(self.table.name(i))

    @cached_property
    def _first_extra(self) -> int:
        return len(self.cps) - len(self.extra_names)


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
        # The math scope's parts come packed from data/symbols.json; other scopes (or
        # a file without them) compute theirs here, with no packing round trip.
        packed = table.packed_search(scope)
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
        self.row_of: dict[int, int] = dict(zip(self.cps, range(len(self.cps)), strict=True))
        self._everyday: list[float] = []  # filled on first use, see everyday()
        # Each part is unpacked on first use: "\\le" looks up LaTeX names only, and a
        # one-word query never needs the spaced names.
        self._prefix_cache: dict[str, list[int]] = {}

    def _part(self, name: str) -> Postings:
        if self._computed:
            return Postings.of(self._computed[name])
        part = self._part_text
        return Postings(part(name), part(name + ":ints"), _PARTS[name])

    def _part_text(self, name: str) -> str:
        # Asked for only of a packed index: a computed one has its parts (and doc_row).
        assert self._packed is not None
        return self._packed(name)

    # -- documents: a row's name, aliases and formal aliases, read on first use ----

    @cached_property
    def doc_row(self) -> list[int]:
        """The row of each document."""
        return list(map(int, self._part_text("doc_row").split(",")))

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
        """Return the phrase as the table writes it (``upside-down a``) for a folded *key*."""
        row = self.row_of.get(cp)
        if row is not None:
            for k, phrase in self._rows.phrases(row):
                if k == kind and fold(phrase) == key:
                    return phrase
        return key.lower()

    def _doc(self, d: int) -> tuple[str, str]:
        """(field, text) of document *d*: its row's documents come in a fixed order."""
        row = self.doc_row[d]
        first = bisect.bisect_left(self.doc_row, row)
        _row, field, text = self._rows.docs(row)[d - first]
        return field, text

    # -- parts built on first use (a one-shot `mathsym forall` never needs them) --

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
        lo = bisect.bisect_left(self.vocab, prefix)
        hi = bisect.bisect_left(self.vocab, prefix + "\uffff", lo)
        return self.vocab[lo:hi]

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


def index(scope: str) -> SearchIndex:
    """Return the index of *scope*, built on first use and then kept for the process."""
    idx = INDEXES.get(scope)
    if idx is None:
        idx = INDEXES[scope] = SearchIndex(scope)
    return idx
