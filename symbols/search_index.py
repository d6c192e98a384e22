"""The search indexes: built once per scope, on the first search that needs them.

Rows are symbols (code points); documents are the texts searched by words: each
row's name, aliases and formal aliases. Words map to documents, and sorted key
lists answer prefix look-ups with `bisect`. Parts that only some queries need
(case-folded LaTeX names, typo vocabularies, per-row ranks) are built on first use,
so that a one-shot ``mathsym forall`` pays for little more than the exact indexes.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import unicodedata2

from symbols.query import fold
from symbols.table import SCOPES, LatexCommand, all_codepoints, load

__all__ = ["FILLER", "FILLER_WEIGHT", "SearchIndex", "index", "name_weight", "weight"]

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


class SearchIndex:
    """Everything one scope needs to answer a query, built once.

    Rows are symbols (code points); documents are the texts searched by words: a
    row's name, its aliases and formal aliases. Words map to documents; a sorted
    vocabulary answers prefix look-ups with `bisect`.
    """

    def __init__(self, scope: str) -> None:
        table = load()
        limit = SCOPES.index(scope)
        scopes = table.column("scope")
        names_col = table.column("name")
        alias_col = table.column("alias")
        formal_col = table.column("formal")
        self.scope = scope
        self.cps: list[int] = []
        self.table_row: list[int] = []  # row of the JSON table, -1 for the "all" extras
        self._everyday: list[float] = []  # filled on first use, see everyday()
        self.name_len: list[int] = []
        self.row_of: dict[int, int] = {}
        docs_row: list[int] = []
        docs_field: list[str] = []
        docs_text: list[str] = []

        def add_doc(row: int, field: str, text: str) -> None:
            docs_row.append(row)
            docs_field.append(field)
            docs_text.append(text)

        for i, cp in enumerate(table.codepoints):
            if scopes[i] > limit:
                continue
            row = len(self.cps)
            self.cps.append(cp)
            self.row_of[cp] = row
            name = names_col[i]
            self.table_row.append(i)
            self.name_len.append(len(name))
            add_doc(row, "name", name)
            for alias in alias_col[i]:
                add_doc(row, "alias", alias)
            for alias in formal_col[i]:
                add_doc(row, "formal", alias)
        if scope == "all":
            uname = unicodedata2.name
            for cp in all_codepoints():
                if cp in self.row_of:
                    continue
                name = uname(chr(cp), "")
                if not name:
                    continue
                row = len(self.cps)
                self.cps.append(cp)
                self.row_of[cp] = row
                self.table_row.append(-1)
                self.name_len.append(len(name))
                add_doc(row, "name", name)

        self.doc_row = docs_row
        self.doc_field = docs_field
        self.doc_text = docs_text
        self.doc_tokens: list[tuple[str, ...]] = []
        self.doc_weight: list[float] = []  # see _doc_weight
        word_docs: dict[str, list[int]] = {}
        compact: dict[str, list[int]] = {}
        spaced: dict[str, list[int]] = {}
        unprefixed: dict[str, list[int]] = {}
        canon: dict[str, str] = {}  # one string object per distinct word
        for d, text in enumerate(docs_text):
            toks = tuple([canon.setdefault(t, t) for t in fold(text).split()])
            self.doc_tokens.append(toks)
            self.doc_weight.append(name_weight(toks))
            for tok in set(toks):
                word_docs.setdefault(tok, []).append(d)
            compact.setdefault("".join(toks), []).append(d)
            spaced.setdefault(" ".join(toks), []).append(d)
            if toks[:1] == ("MATHEMATICAL",) and len(toks) > 1:
                # MATHEMATICAL LEFT ANGLE BRACKET is what people call "left angle bracket".
                unprefixed.setdefault("".join(toks[1:]), []).append(d)
        self.word_docs = word_docs
        self.vocab: list[str] = sorted(word_docs)
        self.compact = compact
        self.compact_keys: list[str] = sorted(compact)
        self.spaced = spaced
        self.spaced_keys: list[str] = sorted(spaced)
        self.unprefixed = unprefixed

        # Exact name indexes, restricted to this scope's rows.
        self.latex = _scoped(table.latex_index, self.row_of)
        self.latex_keys: list[str] = sorted(self.latex)
        self.html = _scoped(table.html_index, self.row_of)
        self.html_keys: list[str] = sorted(self.html)
        self.typst = _scoped(table.typst_index, self.row_of)
        self.typst_keys: list[str] = sorted(self.typst)
        self._prefix_cache: dict[str, list[int]] = {}

    # -- parts built on first use (a one-shot `mathsym forall` never needs them) --

    @cached_property
    def latex_folded(self) -> dict[str, list[str]]:
        r"""Lower-cased LaTeX command → the real commands ("\LEQ" → "\leq")."""
        return _casefolded(self.latex)

    @cached_property
    def html_folded(self) -> dict[str, list[str]]:
        """Lower-cased entity name → the real names."""
        return _casefolded(self.html)

    @cached_property
    def asciimath(self) -> dict[str, list[int]]:
        """AsciiMath name → code points."""
        table = load()
        out: dict[str, list[int]] = {}
        for i, names in enumerate(table.column("asciimath")):
            cp = table.codepoints[i]
            if cp in self.row_of:
                for n in names:
                    out.setdefault(n, []).append(cp)
        return out

    @cached_property
    def latex_words(self) -> dict[str, list[str]]:
        r"""LaTeX names without backslash by lower-cased initial, for typos ("\rigtharrow")."""
        out: dict[str, list[str]] = {}
        for k in sorted(self.latex):
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
            if i >= 0:
                sym = load().row_symbol(i)
                value = _everyday(sym.latex_commands, SCOPES.index(sym.scope), sym.block)
            else:
                value = _everyday((), len(SCOPES) - 1, load().block_of(self.cps[row]))
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


def _everyday(latex: tuple[LatexCommand, ...], scope: int, block: str) -> float:
    """How everyday a symbol is, 0..1: LaTeX names (core LaTeX best), scope, plain letters."""
    score = 0.0
    if latex:
        score += 0.35
        # A command of classic LaTeX or AMS (no exotic package) marks a symbol people use.
        if any("latex" in c.origins and c.package in _COMMON_PACKAGES for c in latex):
            score += 0.25
    score += (0.2, 0.1, 0.0)[scope]
    if block not in _STYLED_BLOCKS:
        score += 0.2
    return score


def _scoped(index: dict[str, list[int]], rows: dict[int, int]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for key, cps in index.items():
        kept = [cp for cp in cps if cp in rows]
        if kept:
            out[key] = kept
    return out


def _casefolded(index: dict[str, list[int]]) -> dict[str, list[str]]:
    """Lower-cased key → the real keys, for a case-insensitive second chance."""
    out: dict[str, list[str]] = {}
    for key in index:
        out.setdefault(key.lower(), []).append(key)
    return out


INDEXES: dict[str, SearchIndex] = {}


def index(scope: str) -> SearchIndex:
    """Return the index of *scope*, built on first use and then kept for the process."""
    idx = INDEXES.get(scope)
    if idx is None:
        idx = INDEXES[scope] = SearchIndex(scope)
    return idx
