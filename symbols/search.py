"""Search: one query string in, ranked symbols out.

`search` reads the query every way it can be meant (`symbols.query.parse`), looks
each reading up in indexes built once per scope, and ranks the hits in tiers::

    code point / glyph  >  exact  >  concept  >  prefix  >  word-prefix  >  substring  >  fuzzy

Within a tier the better match comes first (whole words over partial words, a
name mostly made of the query over one that merely contains it), then the
everyday symbol (it has a LaTeX command, it is in the math scope, it is a plain
letter rather than a styled math variant), then the shorter name, then the lower
code point. Typos are caught by rapidfuzz over the small vocabulary of words and
LaTeX names (not over every full name), and rapidfuzz is only imported when a
query actually needs it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from symbols._modules import keep, make_module_callable
from symbols.query import Query, concept_key, fold, is_art, parse, plain_text
from symbols.schema import SCOPES
from symbols.search_index import FILLER, FILLER_WEIGHT, SearchIndex, index, name_weight, weight
from symbols.table import fields_of, load, make_symbol
from symbols.wording import (
    described_words,
    is_article,
    mark_readings,
    phrase_forms,
    phrase_spans,
    spellings,
    stems,
    variants,
)

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable
    from typing import Any, TypeVar

    _T = TypeVar("_T")

    from symbols.results import Match, Matched
    from symbols.search_index import Postings

__all__ = ["MAX_LIMIT", "Match", "Matched", "Row", "prominence_order", "search", "search_rows"]


def _smallest(n: int, items: Collection[_T], key: Callable[[_T], Any]) -> list[_T]:
    """``heapq.nsmallest(n, items, key=key)``, which is ``sorted(items, key=key)[:n]``.

    Sorted here when there are few items: a one-shot look-up then never imports
    heapq (0.2 ms); a long list of hits is worth the heap.
    """
    if len(items) <= max(n, _FEW):
        return sorted(items, key=key)[:n]
    import heapq

    return heapq.nsmallest(n, items, key=key)


_FEW = 512

#: One search result as plain data: (code point, score, matched field, matched text,
#: spans, kind) — a `Match` before its `Symbol` and `Matched` are built.
Row = tuple[int, float, str, str, tuple[tuple[int, int], ...], str]

#: Most results one search returns; a larger ``limit`` is cut to this.
MAX_LIMIT = 1000

# Most names scored for one word reading (see _words_any_order), and most names
# completed by one prefix (see _word_hits): short common starts match thousands.
_MAX_SCORED = 1500
_MAX_LOOSE = 300  # of the last resort's
_GUESSES = 10  # the last resort's answers (a screenful), and a short list filled up to
_MAX_PREFIXED = 300

# Tier floors. Within a tier a hit earns at most 97 more points (the weights below),
# so tiers never mix. Code points typed and pasted glyphs have fixed scores above all.
# "concept": the query says a phrase of the concept table (tools/data/concepts.tsv):
# below a name typed whole, above a name only begun or partly typed.
_TIER_SCORE = {
    "codepoint": 800.0,
    "glyph": 800.0,
    "exact": 700.0,
    "concept": 600.0,
    "prefix": 500.0,
    "word-prefix": 400.0,
    "substring": 300.0,
    "fuzzy": 200.0,
}
# Weights of the parts of a score inside a tier (they sum to 97, under the 100 between tiers).
_W_QUALITY = 50.0  # how well the query matches this text
_W_EVERYDAY = 30.0  # LaTeX name, math scope, plain letter
_W_SHORT = 7.0  # shorter names first
_W_POPULAR = 5.0  # named by many sources (LaTeX, HTML, Typst, Vim, Compose, AsciiMath)
# Votes of the sources past which a symbol counts as fully everyday (→ has 9).
_POPULAR_NAMES = 10
_W_FIELD = {  # which kind of name matched, for exact hits on the same footing
    "latex": 5.0,
    "name": 5.0,
    "html": 4.0,
    "typst": 4.0,
    "asciimath": 3.0,
    "alias": 3.0,
    "formal": 3.0,
}
_LONGEST_NAME = 80
# The most a symbol's prior can be (`_prior`: each of its parts is 0..1).
_MOST_PRIOR = _W_EVERYDAY + _W_SHORT + _W_POPULAR
# Fixed scores: a code point typed as such, a pasted glyph, and ASCII punctuation read
# as glyphs ("<="), which waits just below the exact names it may also be (AsciiMath ≤).
_TYPED_SCORE = 900.0
_PASTED = 890.0
_ASCII_ART = _TIER_SCORE["exact"] - 1.0

# Unicode names spell digits out (SUBSCRIPT ZERO): a typed digit finds its name too.
_DIGIT_NAMES = dict(
    zip(
        "0123456789",
        ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"],
        strict=True,
    )
)

_WORD = re.compile(r"[^\W_]+")


# --------------------------------------------------------------------------- scoring


class _Hits:
    """The best hit per code point while the readings of a query are looked up."""

    def __init__(self, idx: SearchIndex) -> None:
        self.idx = idx
        self.best: dict[int, tuple[float, str, str, str, tuple[str, ...]]] = {}
        # `_prior` of the code points met, kept with the index: it depends on the symbol
        # only, and typing meets the same symbols again and again.
        self.priors: dict[int, float] = idx.__dict__.setdefault("_priors", {})

    def add(
        self,
        cp: int,
        tier: str,
        quality: float,
        field: str,
        text: str,
        words: tuple[str, ...] = (),
        *,
        fixed: float | None = None,
        prior: float = 1.0,
        weigh_field: bool = True,
    ) -> None:
        """Record a hit on *cp*; keep it if it beats the one already there.

        Args:
            cp: The code point found.
            tier: Its tier (a key of `_TIER_SCORE`).
            quality: How well the query matches *text*, 0..1.
            field: Which field matched.
            text: The matched text as shown.
            words: The query words matched (for highlighting words in names).
            fixed: A score to use as is (glyphs and code points keep their order).
            prior: The share of `_prior` counted: less where an order the data gives
                (the concept table's) must outweigh it.
            weigh_field: Whether *field* weighs in (`_W_FIELD`): not for a concept
                phrase shown as the name it restates.

        """
        if fixed is not None:
            score = fixed
        else:
            # `score`, inlined (hits are added by the thousand in a search).
            known = self.priors.get(cp)
            if known is None:
                known = self.priors[cp] = _prior(self.idx, cp)
            score = (
                _TIER_SCORE[tier]
                + _W_QUALITY * max(0.0, min(quality, 1.0))
                + prior * known
                + (_W_FIELD.get(field, 0.0) if weigh_field else 0.0)
            )
        old = self.best.get(cp)
        if old is None or score > old[0]:  # `put`
            self.best[cp] = (score, tier, field, text, words)

    def score(self, cp: int, tier: str, quality: float, prior: float = 1.0) -> float:
        """Return the score of a hit on *cp* (see `add`), its field's weight left out."""
        known = self.priors.get(cp)
        if known is None:
            known = self.priors[cp] = _prior(self.idx, cp)
        return _TIER_SCORE[tier] + _W_QUALITY * max(0.0, min(quality, 1.0)) + prior * known

    def improves(self, cp: int, score: float) -> bool:
        """Tell whether a hit of *score* on *cp* would replace the one there."""
        old = self.best.get(cp)
        return old is None or score > old[0]

    def put(
        self, cp: int, score: float, tier: str, field: str, text: str, words: tuple[str, ...]
    ) -> None:
        """Record a hit whose score is known; keep it if it beats the one already there."""
        if self.improves(cp, score):
            self.best[cp] = (score, tier, field, text, words)

    def bar(self, limit: int) -> float:
        """Return the *limit*-th best score so far, -1 with fewer hits.

        What a hit must beat to be among the results, as hits are only ever added.
        """
        if len(self.best) < limit:
            return -1.0
        return -_smallest(limit, [-v[0] for v in self.best.values()], key=float)[-1]

    def top(self) -> float:
        """Return the best score so far, 0 without hits (every hit scores above 200)."""
        return max((v[0] for v in self.best.values()), default=0.0)

    def top_exact(self) -> bool:
        return any(v[1] in ("exact", "codepoint", "glyph") for v in self.best.values())

    def __len__(self) -> int:
        return len(self.best)


def _prior(idx: SearchIndex, cp: int) -> float:
    """Return the part of a score that does not depend on the query: everyday, short, popular."""
    row = idx.row_of.get(cp)
    everyday = idx.everyday(row) if row is not None else 0.0
    length = idx.name_length(row) if row is not None else _LONGEST_NAME
    short = 1.0 - min(length, _LONGEST_NAME) / _LONGEST_NAME
    return _W_EVERYDAY * everyday + _W_SHORT * short + _W_POPULAR * _popularity(cp)


def prominence_order(scope: str = "math") -> list[int]:
    """Return every code point of *scope*, the most everyday first.

    The order search gives symbols that match a query equally well (a LaTeX name,
    the math scope, a plain letter, a short name, many sources naming it), then by
    code point: what a launcher's list (``mathsym list``) shows first.

    Raises:
        ValueError: For an unknown scope.

    """
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}: choose one of {', '.join(SCOPES)}")
    idx = index(scope)
    return sorted(idx.cps, key=lambda cp: (-_prior(idx, cp), cp))


_POPULARITY: dict[int, float] = {}
_TEX_ONLY = frozenset({"mathjax", "pylatexenc"})


def _popularity(cp: int) -> float:
    """How many names the sources give *cp*, 0..1: a tie-breaker among equals.

    Each source that names a symbol (LaTeX, HTML entities, Typst, Vim digraphs,
    Compose sequences, AsciiMath) is a vote that people type it, two at most per
    source: → (9) before ↑ (8), × (7) before ✕ (1), … (7) before ⋮ (5). Counted
    once per code point, only for symbols that are hit.
    """
    value = _POPULARITY.get(cp)
    if value is None:
        table = load()
        i = table.row_of(cp)
        count = 0
        if i is not None:
            # At most two votes per source: a symbol with many synonyms in one source
            # (six \mathscr spellings) is not more everyday for that. The LaTeX vote
            # counts the LaTeX tables' commands: MathJax and pylatexenc mostly repeat
            # them, and their own (\textuparrow, \lt) say little of everyday use.
            latex = [e for e in table.latex_entries(i) if not set(e[1]) <= _TEX_ONLY]
            count = min(len(latex), 2) + sum(
                min(len(table.names(i, col)), 2)
                for col in ("html", "typst", "vim", "compose", "asciimath")
            )
        value = _POPULARITY[cp] = min(count, _POPULAR_NAMES) / _POPULAR_NAMES
    return value


def _word_strength(word: str, token: str) -> float:
    """How well a query word matches a name word: 1 whole, less for a part."""
    if token.startswith(word):
        return _start_strength(word, token)
    if word in token:
        return 0.5
    return 0.0


def _start_strength(word: str, token: str) -> float:
    """How well *word* says *token*, which it is or begins: 1 whole, less the less it says."""
    return 1.0 if token == word else 0.8 + 0.15 * len(word) / len(token)


# --------------------------------------------------------------------------- readings


def _codepoint_hits(q: Query, hits: _Hits) -> None:
    if q.codepoint is not None and _known(q.codepoint):
        label = f"U+{q.codepoint:04X}"
        hits.add(q.codepoint, "codepoint", 1, "codepoint", label, fixed=_TYPED_SCORE)
    for i, cp in enumerate(q.glyphs):
        if not _known(cp):
            continue
        # One pasted character (or a string of them) is identified first, in order;
        # ASCII punctuation like "<=" may rather be a name (AsciiMath ≤), so it waits.
        base = _PASTED if not q.text.isascii() or len(q.text) == 1 else _ASCII_ART
        hits.add(cp, "glyph", 1, "glyph", chr(cp), fixed=base - i * 0.01)


def _known(cp: int) -> bool:
    """Tell whether *cp* is a symbol `make_symbol` builds (`fields_of` is not None).

    A row of the table is one: its fields (20 columns) are built only for a result.
    """
    return load().row_of(cp) is not None or fields_of(cp) is not None


def _as_written(q: Query) -> bool:
    r"""Tell whether the query is written in a notation rather than in words.

    A LaTeX command, an HTML entity or a dotted Typst name: "\le", "&rarr;", "arrow.r".
    """
    text = q.text.strip()
    return text.startswith(("\\", "&")) or ("." in text.strip(".") and " " not in text)


def _art_hits(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    """Plain-text art the concept table gives ("(c)" ©, ":=" ≔, "<->" ↔), as sure as a name.

    Above the query's characters read as glyphs (`_ASCII_ART`), in the table's order.
    """
    if not is_art(q.text):
        return
    key = concept_key(q.text)
    for pos, value in enumerate(idx.concept.get(key, ())):
        cp, kind = value >> 1, value & 1
        text = idx.concept_text(cp, kind, key)
        hits.add(cp, "exact", 1.0 - 0.1 * pos, _CONCEPT_FIELDS[kind], text, weigh_field=False)


def _exact_name_hits(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    # A word typed without its backslash that is also a word of Unicode names
    # ("epsilon", "phi", "tilde", "not") is as much a name or an entity as a command:
    # the plain letter ε (GREEK SMALL LETTER EPSILON, &epsilon;) comes before LaTeX's
    # lunate ϵ. "\epsilon", and a word no name holds ("varepsilon"), stay LaTeX's.
    bare_word = not q.text.startswith("\\") and all(_in_a_name(w, idx) for w in q.words)
    latex_quality = 0.9 if q.words and bare_word else 1.0
    for key in q.latex:
        for pos, cp in enumerate(idx.latex.get(key, ())):
            # The table's order among the symbols of one command is the sources'
            # precedence (\perp: ⟂ then ⊥): it outweighs the popularity tie-breaker.
            hits.add(cp, "exact", latex_quality - 0.12 * pos, "latex", key)
    if not any(key in idx.latex for key in q.latex):
        # Second chance without case ("\Forall", "LEQ"), ranked below the real thing.
        for key in q.latex:
            for real in idx.latex_ignoring_case(key):
                for pos, cp in enumerate(idx.latex[real]):
                    hits.add(cp, "exact", 0.6 - 0.02 * pos, "latex", real)
    for name in q.html:
        found = idx.html.get(name)
        if found:
            for pos, cp in enumerate(found):
                hits.add(cp, "exact", 1.0 - 0.02 * pos, "html", f"&{name};")
        else:
            for real in idx.html_ignoring_case(name):
                for cp in idx.html[real]:
                    hits.add(cp, "exact", 0.6, "html", f"&{real};")
    for name in q.typst:
        found = idx.typst.get(name)
        if found is None and "." in name.strip("."):
            # Modifiers in another order ("arrow.double.r"): the same Typst symbol.
            base, *mods = name.strip(".").split(".")
            wanted = frozenset(mods)
            found_any = idx.typst_unordered.get((base, wanted), ())
            for cp, real in found_any:
                hits.add(cp, "exact", 0.95, "typst", real)
            if not found_any:
                # Typst takes the variant with the fewest other modifiers: "dots.c"
                # is dots.h.c (⋯), as Typst itself resolves it.
                for (b, have), entries in idx.typst_unordered.items():
                    if b == base and wanted < have:
                        for cp, real in entries:
                            hits.add(cp, "exact", 0.9 - 0.05 * len(have - wanted), "typst", real)
            continue
        for cp in found or ():
            hits.add(cp, "exact", 1.0, "typst", name)
    if q.asciimath:
        for cp in idx.asciimath.get(q.asciimath, ()):
            hits.add(cp, "exact", 1.0, "asciimath", q.asciimath)
    if q.glyphs and q.text.isascii():
        _typed_hits(q.text, idx, hits)
    if q.text.startswith("\\") and not any(key in idx.latex for key in q.latex):
        _text_command_hits(q, hits)
    if len(q.words) > 1:
        # "right arrow" → \rightarrow: LaTeX names are words run together.
        joined = "\\" + "".join(q.words).lower()
        for real in idx.latex_ignoring_case(joined):
            for pos, cp in enumerate(idx.latex[real]):
                hits.add(cp, "exact", 0.7 - 0.02 * pos, "latex", real)


def _text_command_hits(q: Query, hits: _Hits) -> None:
    r"""Commands that stand for text, not for one symbol: their characters, in order.

    ``\mathrm{A}`` and ``\text{A}`` are the plain letter (found whatever the scope, as a
    pasted glyph is); ``\colonapprox`` is ``:`` then ``≈`` (a command of several
    characters, `symbols.latex.convert`'s), unless that text holds letters or spaces
    (``\cos`` is the word cos, no symbol).
    """
    text = plain_text(q.text)
    if text is None:
        found = load().latex_extra("sequences")
        packed = next((found[k] for k in q.latex if k in found), "")
        chars = "".join(chr(int(h, 16)) for h in packed.split())
        if any(c.isalpha() or c.isspace() for c in chars):
            return
        text = chars
    for i, ch in enumerate(dict.fromkeys(c for c in text if not c.isspace())):
        score = _TIER_SCORE["exact"] + 90.0 - 0.01 * i
        hits.add(ord(ch), "exact", 1, "latex", q.text, fixed=score)


_TYPED: dict[str, dict[str, list[tuple[int, str, str]]]] = {}  # scope → key → hits


def _typed_keys(idx: SearchIndex) -> dict[str, list[tuple[int, str, str]]]:
    """ASCII punctuation → (code point, field, form) for `_typed_hits`, made once per scope."""
    keys = _TYPED.get(idx.scope)
    if keys is None:
        import unicodedata2

        keys = {}
        table = load()
        for i, cp in enumerate(table.codepoints):
            if cp in idx.row_of:
                for digraph in table.names(i, "vim"):
                    keys.setdefault(digraph, []).append((cp, "vim", digraph))
                for seq in table.names(i, "compose"):
                    keys.setdefault(seq.replace(" ", ""), []).append((cp, "compose", seq))
        for cp in idx.cps:
            ch = chr(cp)
            if unicodedata2.decomposition(ch).startswith("<compat>"):
                plain = unicodedata2.normalize("NFKC", ch)
                if len(plain) > 1 and plain.isascii():
                    keys.setdefault(plain, []).append((cp, "glyph", ch))
        for lig, found in _ligature_keys(idx).items():
            keys.setdefault(lig, []).extend(found)
        _TYPED[idx.scope] = keys
    return keys


def _ligature_keys(idx: SearchIndex) -> dict[str, list[tuple[int, str, str]]]:
    """TeX's input ligatures (pylatexenc): -- is –, `` is “, ~ a no-break space."""
    keys: dict[str, list[tuple[int, str, str]]] = {}
    for lig, hexes in load().latex_extra("ligatures").items():
        for cp in map(lambda h: int(h, 16), hexes.split()):
            if cp in idx.row_of:
                keys.setdefault(lig, []).append((cp, "latex", lig))
    return keys


def _typed_hits(text: str, idx: SearchIndex, hits: _Hits) -> None:
    """ASCII art as the sources spell it (``<-``, ``..``, ``...``).

    Vim digraphs (``<-``), Compose sequences typed without their spaces (``..`` for
    ``. .``) and Unicode's own compatibility decompositions (``...`` is HORIZONTAL
    ELLIPSIS, ``::=`` DOUBLE COLON EQUAL).
    """
    if len(text) == 1 and idx.scope not in _TYPED:
        # One key ("c", the first key typed in the TUI) is no digraph, Compose sequence or
        # decomposition: only a TeX ligature ("~") can be it. The whole table of keys
        # (every row's digraphs and sequences, 25 ms) waits for a query it can answer.
        found = _ligature_keys(idx).get(text, ())
    else:
        found = _typed_keys(idx).get(text, ())
    for cp, field, form in found:
        # A TeX ligature after the Vim digraph or Compose sequence of the same keys.
        ligature = field == "latex"
        hits.add(cp, "exact", 0.85 if ligature else 0.9, field, form, weigh_field=not ligature)


def _in_a_name(word: str, idx: SearchIndex) -> bool:
    r"""Tell whether *word* is a whole word of some Unicode name (not only of an alias).

    Entity and Typst names are aliases too and do not count: "asymp" is no name
    word, so LaTeX's \asymp (≍) keeps its full strength beside &asymp; (≈).
    """
    fields = idx.doc_field
    return any(fields[d] == "name" for d in idx.word_docs.get(word, ()))


def _prefix_hits(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    prefix = q.latex_prefix
    if len(prefix) >= 3 or (prefix and not prefix.startswith("\\")):
        keys = idx.latex.prefixed(prefix)
        if len(keys) <= 400:  # "\m" would list every \math… letter; wait for more
            # A bare word completed as a command ("quarter" → \quarternote) is weaker
            # evidence than the word itself in a name (VULGAR FRACTION ONE QUARTER).
            tier = "prefix" if q.text.startswith(("\\", "^", "_")) else "word-prefix"
            for key in keys:
                if key != prefix:
                    for cp in idx.latex[key][:1]:
                        hits.add(cp, tier, 0.3 + 0.6 * len(prefix) / len(key), "latex", key)
    if q.text.startswith("&") and len(q.text) >= 3:
        stem = q.text[1:].rstrip(";")
        for key in idx.html.prefixed(stem):
            if key != stem:
                for cp in idx.html[key]:
                    hits.add(cp, "prefix", 0.3 + 0.6 * len(stem) / len(key), "html", f"&{key};")
    for name in q.typst:
        if "." in name or len(name) >= 3:
            for key in idx.typst.prefixed(name):
                if key != name:
                    for cp in idx.typst[key]:
                        hits.add(cp, "prefix", 0.3 + 0.6 * len(name) / len(key), "typst", key)


def _word_hits(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    """Names and aliases: whole name, name prefix, then words in any order."""
    words = q.words
    compact = "".join(words)
    if not compact:
        return
    # Whole name, ignoring case, spaces and hyphens ("plusminus sign", "q.e.d.", "nbsp").
    for d in idx.compact.get(compact, ()):
        hits.add(idx.cps[idx.doc_row[d]], "exact", 1.0, idx.doc_field[d], idx.doc_text[d], words)
    for d in idx.unprefixed.get(compact, ()):
        hits.add(idx.cps[idx.doc_row[d]], "exact", 0.9, idx.doc_field[d], idx.doc_text[d], words)
    # Start of a name. Several words must be whole words but the last one ("less than
    # or eq"); one word may run across words ("plusmin", "lessthan").
    if len(words) == 1:
        if len(compact) < 2:
            return _words_any_order(words, idx, hits, capitals=q.capitals)
        keys, table, typed = idx.compact.prefixed(compact), idx.compact, compact
    else:
        typed = " ".join(words)
        keys, table = idx.spaced.prefixed(typed), idx.spaced
    if len(keys) > _MAX_PREFIXED:
        # "le" starts thousands of names; the shortest are those that can rank first.
        keys = _smallest(_MAX_PREFIXED, keys, key=lambda k: (len(k), k))
    if keys:
        last = words[-1]
        for key in keys:
            if key == typed:
                continue
            for d in table[key]:
                if len(last) == 1 and not _letter_alone(idx.doc_text[d], len(words) - 1):
                    continue  # "double struck N" is not DOUBLE-STRUCK N-ARY SUMMATION
                quality = len(typed) / len(key)
                cp = idx.cps[idx.doc_row[d]]
                hits.add(cp, "prefix", quality, idx.doc_field[d], idx.doc_text[d], words)
    _words_any_order(words, idx, hits, capitals=q.capitals)


def _letter_alone(text: str, position: int) -> bool:
    """Tell whether word *position* of *text* is one letter alone (not N-ARY, not NINE)."""
    for i, m in enumerate(_WORD.finditer(text)):
        if i == position:
            return len(m.group()) == 1 and text[m.end() : m.end() + 1] != "-"
    return False


def _words_any_order(
    words: tuple[str, ...],
    idx: SearchIndex,
    hits: _Hits,
    corrections: dict[str, list[tuple[str, float]]] | None = None,
    capitals: frozenset[str] = frozenset(),
    described: str = "",
    synonyms: bool = False,
) -> None:
    """Documents holding every query word (or a correction of it) at a word start.

    Args:
        words: The folded query words.
        idx: The scope's index.
        hits: Where hits go.
        corrections: For the fuzzy tier, each misspelt word → (vocabulary word, similarity).
        capitals: Single letters typed in upper case (see `Query.capitals`).
        described: For a letter's mark described ("o with two dots" read as O WITH
            DIAERESIS): the letter as typed. Such a name is a concept hit (what was
            described, said whole), the case typed chooses the capital or the small.
        synonyms: Words also read as their synonyms among shape words (a shape
            described: "diamond with a dot in the middle" is … WITH CENTRED DOT).

    """
    words = tuple(dict.fromkeys(words))[:8]  # repeated words add nothing
    per_word: list[list[tuple[str, float]]] = []  # the forms each query word may take
    for w in words:
        if corrections is not None and w in corrections:
            per_word.append(corrections[w])
        elif w in _DIGIT_NAMES:
            per_word.append([(w, 1.0), (_DIGIT_NAMES[w], 1.0)])  # "subscript 0" → ZERO
        elif len(w) > 3 and w.endswith("S") and not w.endswith("SS"):
            per_word.append([(w, 1.0), (w[:-1], 0.95), *spellings(w)])  # "numbers" → NUMBER
        else:
            per_word.append([(w, 1.0), *spellings(w)])
        if synonyms:
            per_word[-1] += [(v, sim) for v, sim in variants(w) if sim < 1.0]
    # Words like SIGN or LETTER may be left out of the name ("infinity sign" → INFINITY),
    # as long as some word that says which symbol is there.
    required = [i for i, w in enumerate(words) if w not in FILLER] or list(range(len(words)))
    doc_sets: list[set[int]] = []
    for i in required:
        found: set[int] = set()
        for form, _sim in per_word[i]:
            if len(form) == 1 or form.isdigit():
                found.update(idx.word_docs.get(form, ()))  # "R" is a letter, not a prefix
            else:
                found.update(idx.docs_with_prefix(form))
        if found:
            doc_sets.append(found)
        elif corrections is None:
            return
        # else: a typo nothing resembles ("lses"); the other words still count.
    if not doc_sets:
        return
    doc_sets.sort(key=len)
    candidates = doc_sets[0].intersection(*doc_sets[1:])
    if not candidates and corrections is not None and len(doc_sets) > 1:
        # No name holds every word: take those holding all but one.
        counts = Counter(d for found in doc_sets for d in found)
        candidates = {d for d, n in counts.items() if n >= len(doc_sets) - 1}
    if len(candidates) > _MAX_SCORED:
        # A short, common start ("greek small le", "le") matches thousands of names:
        # score the lightest ones, which are those that can come first.
        weights = idx.doc_weight
        candidates = set(_smallest(_MAX_SCORED, candidates, key=lambda d: (weights[d], d)))
    tier = "fuzzy" if corrections is not None else "concept" if described else "word-prefix"
    word_weights = [weight(w) for w in words]
    query_weight = sum(word_weights)
    shown = tuple(f for forms in per_word for f, _ in forms[:1])
    # How well each query word matches a name word, worked out once per query and word:
    # the candidate names share most of their words (MATHEMATICAL, ARROW, LEFTWARDS…).
    strengths: list[dict[str, tuple[float, int]]] = [{} for _ in words]
    for d in candidates:
        toks = idx.doc_tokens[d]
        total = 0.0
        matched_weight = 0.0
        last = -1
        in_order = True
        lacks_content = False  # a query word that is no filler is missing from the name
        for w, forms, known, w_weight in zip(words, per_word, strengths, word_weights, strict=True):
            # The strongest form on some word of the name; among equals, the earlier
            # form, then the earlier word. This loop is the hot spot of a search.
            best = 0.0
            best_at = -1
            best_form = 0
            for at, tok in enumerate(toks):
                match = known.get(tok)
                if match is None:
                    match = known[tok] = _strength_on(tok, forms)
                s, form_at = match
                if s > best or (s == best and form_at < best_form):
                    best, best_at, best_form = s, at, form_at
            if best_at < 0:
                lacks_content = lacks_content or w not in FILLER
                continue  # a left-out filler word (or, for typos, a word nothing matched)
            matched_weight += w_weight
            total += best
            if best_at < last:
                in_order = False
            last = best_at
        # A name lacking a word of the query is a weaker match; lacking only a filler
        # ("plus or minus" → PLUS-MINUS SIGN) costs less than lacking a real word.
        cover = matched_weight / query_weight
        # A described mark's name is whole without its filler (LATIN SMALL LETTER): what
        # was described is the letter and its mark, as "o with two dots" says them.
        whole = idx.doc_weight[d]
        if described:
            whole -= FILLER_WEIGHT * sum(t in FILLER and t not in words for t in toks)
        quality = total / whole * (cover**2 if lacks_content else cover)
        if not in_order:
            quality -= 0.15
        if capitals:
            # "bold R" means the capital: CAPITAL names first, SMALL ones after.
            if "CAPITAL" in toks:
                quality += 0.1
            elif "SMALL" in toks:
                quality -= 0.1
        elif described.islower():
            if "SMALL" in toks:
                quality += 0.1
            elif "CAPITAL" in toks:
                quality -= 0.1
        cp = idx.cps[idx.doc_row[d]]
        prior = 1.0
        if described:
            # As a concept phrase: the prior counts as little (what was described
            # decides), and below a phrase the concept table says whole, whose order
            # holds ("h with stroke": ℏ, then ħ), above one said with a letter it lacks
            # ("u umlaut": ü before the umlaut mark itself).
            prior, quality = _CONCEPT_PRIOR, 0.85 * quality
        field = idx.doc_field[d]
        # As `_Hits.add` scores it; the name's text is read only for a hit that counts.
        score = hits.score(cp, tier, quality, prior)
        score += 0.0 if described else _W_FIELD.get(field, 0.0)
        if hits.improves(cp, score):
            hits.best[cp] = (score, tier, field, idx.doc_text[d], shown)


def _strength_on(tok: str, forms: list[tuple[str, float]]) -> tuple[float, int]:
    """How well the best of a query word's *forms* matches the name word *tok*, and which.

    1 for the word itself, less for a start of it (`_start_strength`), times the form's
    similarity, a quarter for a filler word; the first form reaching the best. (0, number
    of forms) when none matches.
    """
    best, best_form = 0.0, len(forms)
    for at, (form, sim) in enumerate(forms):
        if not tok.startswith(form):
            continue
        s = _start_strength(form, tok) * (sim * (FILLER_WEIGHT if tok in FILLER else 1.0))
        if s > best:
            best, best_form = s, at
    return best, best_form


# Words a query may hold around a concept phrase without saying anything more: "the
# symbol for such that", "what does the upside down A mean", "therefore in math"
# (single letters, checked apart, are often variables: "for all x", "a divides b").
_CONCEPT_FILLER = frozenset(
    {
        *("A", "AN", "THE", "OF", "FOR", "IN", "IS", "ON", "TO", "AS", "AT", "BY", "WITH"),
        *("THAT", "THIS", "IT", "ITS", "ARE", "BE", "DOES", "DO", "WHAT", "WHICH", "HOW"),
        *("SYMBOL", "SYMBOLS", "SIGN", "SIGNS", "MARK", "MARKS", "NOTATION", "CHARACTER"),
        *("GLYPH", "USED", "USE", "MEAN", "MEANS", "MEANING", "WRITE", "TYPE", "CALLED"),
        *("LOOKS", "LOOK", "LOOKING", "LIKE", "RESEMBLES", "RESEMBLING"),
        *("MATH", "MATHS", "MATHEMATICS", "LOGIC", "MUSIC", "MUSICAL", "CURRENCY"),
        *("GEOMETRY", "PHYSICS", "TYPOGRAPHY", "UNICODE", "SET", "SETS", "LETTER"),
        *("FONT", "TYPEFACE"),
    }
)
# A phrase's own filler words weigh less when judging how much of it the query says.
_PHRASE_FILLER = frozenset({"A", "AN", "THE", "OF", "TO", "IN", "IS", "ON", "FOR", "BY"})
_ARTICLES = frozenset({"AN", "THE"})  # which weigh nothing there
# Per position of a character among those sharing a phrase: more than the part of the
# prior a concept hit counts (`_CONCEPT_PRIOR`), so the table's order holds.
_CONCEPT_STEP = 0.16
_CONCEPT_PRIOR = 0.15
_BEGUN = 0.84  # at most, for a word that begins another (below a phrase said whole: 0.85)
_INFLECTIONS = frozenset({"S", "ES", "D", "ED", "ING", "LY"})
_PARTLY_PRIOR = 0.5  # of a phrase only partly said
_CONCEPT_FIELDS = ("concept", "shape")


def _concept_forms(word: str, synonyms: bool = False) -> list[tuple[str, float]]:
    """List the forms a query word may take in a phrase: itself, then without a plural.

    (Or, for a word ending in -Y, with -IES: "imply" is said by IMPLIES.)

    Then its other spellings ("micrometre"), and with *synonyms* the other words for the
    same thing ("large" → big): `symbols.wording`.
    """
    forms = [(word, 1.0)]
    if len(word) > 3 and word.endswith("S") and not word.endswith("SS"):
        forms.append((word[:-1], 0.95))
        if word.endswith("IES"):
            forms.append((word[:-3] + "Y", 0.95))  # "implies" → IMPLY
        elif word.endswith("ES"):
            forms.append((word[:-2], 0.95))
    elif len(word) > 3 and word.endswith("Y") and word[-2] not in "AEIOU":
        forms.append((word[:-1] + "IES", 0.95))  # "imply" → IMPLIES (a start: not IMPLYS)
    other = variants if synonyms else spellings
    forms += other(word)
    if len(forms) > 1 and forms[1][1] == 0.95:
        forms += [(v, s * 0.95) for v, s in other(forms[1][0])]
    return forms


#: A phrase word a query word's forms say → (strength, which form, its similarity).
_Said = dict[str, tuple[float, int, float]]


def _phrase_word_matches(
    forms: list[tuple[str, float]],
    vocab: Postings,
    names: Postings | None = None,
    as_is: Collection[str] = (),
) -> _Said:
    """Map each phrase word the *forms* of one query word say to (strength, form, sim).

    A form says a phrase word it is (strength: its similarity) or, of three letters or
    more, begins (less). For each phrase word, its strongest form, the first of equals.
    Worked out once per query word from the phrases' vocabulary: `_assign` then reads a
    phrase's words here instead of comparing each with each form (the phrases of a common
    word, "arrow", are hundreds). With the names' words (*names*: a query word typed in
    full), a form that is a word of its own begins another weakly (`_BEGUN`). A form in
    *as_is* (a stem: `symbols.wording.stems`) says only itself.
    """
    found: _Said = {}
    for at, (form, sim) in enumerate(forms):
        # Of three letters or more, a form may begin a word; a shorter one must be it.
        if len(form) >= 3 and form not in as_is:
            words = vocab.prefixed(form)
        else:
            words = [form] if form in vocab else []
        # A word of its own (in a phrase or a name) is that word rather than the start of
        # another: "care" of "care of symbol" only begins CARET ("caret symbol"), so not
        # enough for a phrase said whole. Its inflections are the word still (CIRCLED).
        whole = names is not None and (form in vocab or form in names)
        for tok in words:
            strength = _start_strength(form, tok) * sim
            if whole and tok != form and tok[len(form) :] not in _INFLECTIONS:
                strength = min(strength, _BEGUN)
            old = found.get(tok)
            if old is None or strength > old[0]:
                found[tok] = (strength, at, sim)
    return found


#: For each phrase word some query word says: (query word, strength, form, similarity)
#: of each word that says it.
_Sayers = dict[str, list[tuple[int, float, int, float]]]


def _sayers(matches: list[_Said]) -> _Sayers:
    """Turn what each query word says (`_phrase_word_matches`) into who says each phrase word.

    Once per query, so that `_assign` reads each token of a phrase once rather than once
    per query word.
    """
    out: _Sayers = {}
    for w, said in enumerate(matches):
        for tok, (strength, form, sim) in said.items():
            out.setdefault(tok, []).append((w, strength, form, sim))
    return out


def _assign(
    matches: list[_Said], sayers: _Sayers, toks: tuple[str, ...]
) -> list[tuple[float, int, float, int]]:
    """Each query word's phrase token as (strength, position, similarity, form); -1: none.

    *matches*: what each query word's forms say (`_phrase_word_matches`), *sayers* the
    same turned round (`_sayers`). A word's reading is its strongest on a token of the
    phrase; among equals, that of its earlier form, then of the earlier token. A token
    goes to the word that says it best: in "the symbol for therefore", THE only begins
    THEREFORE, which the word "therefore" says whole. Most phrases have no such contest,
    so the words are first matched each on its own, and only a contested token is given
    out again, strongest reading first.
    """
    none = (0.0, -1, 0.0, 0)
    best = [none] * len(matches)
    for i, tok in enumerate(toks):
        said = sayers.get(tok)
        if said is None:
            continue
        for w, strength, form, sim in said:
            old = best[w]
            if old[1] < 0 or strength > old[0] or (strength == old[0] and form < old[3]):
                best[w] = (strength, i, sim, form)
    at = [b[1] for b in best if b[1] >= 0]
    if len(at) < 2 or len(at) == len(set(at)):
        return best
    out = [none] * len(matches)
    used: set[int] = set()
    order = sorted(range(len(matches)), key=lambda i: (-best[i][0], i))
    for w in order:
        # Its readings, strongest first (only a token's strongest can be the first free).
        readings = sorted(
            (-r[0], r[1], i, r[2])
            for i, tok in enumerate(toks)
            if (r := matches[w].get(tok)) is not None
        )
        for minus, form, i, sim in readings:
            if i not in used:
                used.add(i)
                out[w] = (-minus, i, sim, form)
                break
    return out


def _concept_hits(
    q: Query,
    idx: SearchIndex,
    hits: _Hits,
    corrections: dict[str, list[tuple[str, float]]] | None = None,
    limit: int = 10,
    loose: bool = False,
    synonyms: bool = False,
) -> bool:
    """Phrases of the concept table the query says: "if and only if", "upside down a".

    A phrase the query says whole, with only filler words and lone letters around it
    ("the symbol for such that", "for all x"), is a ``concept`` hit: above names only
    begun, below a name typed whole. The start or part of a phrase ("much greater"), or
    a phrase with more words around it than filler ("wreath product of groups"), competes
    with the names of the word-prefix tier; with *corrections* (misspelt words), the
    fuzzy tier. Among the characters of one phrase, the table's order comes first; a
    letter typed in capitals asks for the capital ("fancy L": ℒ before ℓ). Of the phrases
    a query only partly says ("circle" is in 150 of them), the best few times *limit*
    are counted: the rest could not rank. *loose* is the last resort of a query nothing
    else found ("alphabet of a formal language", "micrometres"): a phrase that says part
    of the query, or that a query word begins, counts in the fuzzy tier. With *synonyms*,
    query words also read as their synonyms and shape phrases as one word ("large wedge",
    "dot on top": `symbols.wording`); `search_rows` asks for that only when no phrase was
    said as typed, since common shape words have many synonyms. Tells whether a phrase was
    said whole (a ``concept`` hit) with no letter of the query left unsaid ("handwriting
    M" says ✍'s phrase, but not the M: its synonyms may say more).
    """
    words = tuple(dict.fromkeys(q.words))[:8]
    if not words:
        return False
    # A lone letter is often a variable ("for all x", "a divides b"), but not the letter a
    # shape is described on ("o with a slash", "e with two bars"): that one must be said.
    content = [
        i
        for i, w in enumerate(words)
        if (w not in _CONCEPT_FILLER and len(w) > 1)
        or (len(w) == 1 and w.isalpha() and words[i + 1 : i + 2] == ("WITH",))
    ]
    if not content:
        # "u symbol", "big U": the letters are all the query says (not an article: "looks
        # like a w" says W).
        alone = [i for i, w in enumerate(words) if len(w) == 1 and w.isalpha()]
        content = [i for i in alone if not is_article(words, i)] or alone
    elif loose:
        # The last resort: the letter a shape is described on is said too ("looks like a
        # zigzag z": the phrases of Z, "greek z" among them).
        content += [
            i
            for i, w in enumerate(words)
            if len(w) == 1 and w.isalpha() and i not in content and not is_article(words, i)
        ]
    vocab = idx.concept_words
    per_word = []
    inflected: list[set[str]] = []  # each word's stems, which say only themselves
    for w in words:
        inflected.append(set())
        if corrections is not None and w in corrections:
            per_word.append(corrections[w])
            continue
        forms = _concept_forms(w, synonyms or loose)
        if synonyms or loose:
            # An inflection of a phrase word ("looks like a w rounded": ROUND), also where
            # it is a phrase word itself (ROUNDED, of "rounded corners"). (Then no more
            # than a start: "contained" is rather that word than "contain".)
            sure = _BEGUN if w in vocab else 0.9
            for stem in stems(w):
                if stem in vocab:
                    forms.append((stem, sure))
                    inflected[-1].add(stem)
                    break
        # A word ended otherwise than the phrase's ("similarity" for "similar",
        # "logically" for "logical"): the longest start of it that is a phrase word.
        # A suffix of one letter is more likely a slip ("subsett"): the fuzzy tier's.
        # Not for a word that is a phrase word itself ("alphabet" is no "alpha").
        for k in range(len(w) - 2, max(5, -(-len(w) * 3 // 5)) - 1, -1):
            if w in vocab:
                break
            if w[:k] in vocab:
                forms.append((w[:k], 0.85))
                break
        else:
            if loose and len(w) >= 6:
                # Last resort: a word of a phrase the query word begins with
                # ("micrometres": MICRO) or shares a long start with ("homeomorphic").
                for k in range(len(w) - 1, max(4, len(w) // 2) - 1, -1):
                    if w[:k] in vocab:
                        forms.append((w[:k], 0.8))
                        break
                    if k >= 0.75 * len(w) and vocab.has_prefix(w[:k]):
                        forms.append((w[:k], 0.8))
                        break
        per_word.append(forms)
    if synonyms or loose:
        for i, reading in phrase_forms(words).items():
            per_word[i].append(reading)
        # The words before a shape phrase's last say nothing apart from it: in "o up high"
        # (RAISED), UP is no content word a phrase lacks.
        led = {j for start, end, _meant in phrase_spans(words) for j in range(start, end - 1)}
        content = [i for i in content if i not in led] or content
    # The phrase words each query word's forms say, looked up once per query.
    # (The last word may be one still being typed: "set min" is on its way to MINUS.)
    matches = [
        _phrase_word_matches(
            forms, vocab, idx.word_docs if i < len(words) - 1 else None, inflected[i]
        )
        for i, forms in enumerate(per_word)
    ]
    sayers = _sayers(matches)
    # How much each query word says: a word few phrases hold ("circulation") more than
    # a common one ("integral").
    says = [idx.concept_weight(w) if i in content else 0.0 for i, w in enumerate(words)]
    # The phrases holding each content word (a form of it).
    holding = {i: _holding(vocab, matches[i]) for i in content}
    typed = set(words)
    if not any(holding.values()) and not typed & _CONCEPT_FILLER:
        return False  # no phrase holds a word of the query (the phrases are not even read)
    tokens_of = idx.concept_tokens
    # (Misspelt words, and the last resort, read those lacking one: "looks like a x with
    # a tail" has none holding both X and TAIL, and "greek x" says part of it.)
    need = len(content) if corrections is None and not loose else max(1, len(content) - 1)
    # A phrase that lacks some content word can only count when the query says all of
    # it (a phrase inside a longer query): it has no more words than the query.
    # (Said whole: each of its words is one of the query's, or that without a plural.)
    exact = {form for forms in per_word for form, sim in forms if sim >= 0.95}
    known: dict[int, _PhraseFacts] = idx.__dict__.setdefault("_phrase_facts", {})
    if need <= 1:
        found_any = set().union(*holding.values())  # every phrase holding one at least
    else:
        if need == len(holding):
            found_any = set.intersection(*holding.values())
        else:
            holds: Counter[int] = Counter()  # how many content words a phrase holds
            for found in holding.values():
                holds.update(found)
            found_any = {p for p, n in holds.items() if n >= need}
        # The others count when said whole: only those no longer than the query are read
        # (a content word's phrases, fewest words first), and only through a word said
        # as the phrase has it.
        for i in content:
            for key in exact.intersection(matches[i]):
                for n, p, toks in _phrases_of(idx, key):
                    if n > len(words):
                        break
                    if p not in found_any and exact.issuperset(toks):
                        found_any.add(p)
    if len(words) == 1 and len(words[0]) == 1 and corrections is None and not loose:
        # A query of one letter or digit ("a", "R"): the letter's names and styled forms
        # fill the list; a phrase that says more than the letter ("upside down a", in
        # 900 phrases) could only follow them, so only a phrase that is the letter is read.
        found_any = {p for p in found_any if len(tokens_of[p]) == 1}
    if loose and len(found_any) > _MAX_LOOSE:
        # A guess at the rest: the phrases holding what says most of the query ("W with
        # lines": W, in fewer phrases than LINE) are read, not every phrase of a word.
        found_any = _most_held(_MAX_LOOSE, found_any, holding, says)
    # Phrases of filler words only ("is in"), found through those words.
    for w in typed & _CONCEPT_FILLER:
        for n, p, toks in _phrases_of(idx, w):
            if n > len(typed):
                break  # (by their number of words) the rest have words the query lacks
            if p not in found_any and typed.issuperset(toks):
                found_any.add(p)
    if corrections is not None and sum(says) > 0:
        # A phrase must say half the query (`told`, below): one holding only words that
        # say little of it (ARROW, of "rigth arrow") cannot, and is not read.
        found_any &= _saying(holding, says, 0.5 * sum(says) - 1e-9)
    bar = hits.bar(limit)
    said_by = (*(key for i in content for key in matches[i]), *typed & _CONCEPT_FILLER)
    if bar > _TIER_SCORE["fuzzy"] + _W_QUALITY + _PARTLY_PRIOR * _MOST_PRIOR and (
        loose or corrections is not None
    ):
        return False  # every hit here is a guess, below the results there already
    if bar > _TIER_SCORE["word-prefix"] + _W_QUALITY + _PARTLY_PRIOR * _MOST_PRIOR:
        # Results enough above any phrase only partly said ("arrow" has 600 names): only
        # a phrase said whole could rank, which has no more words than the query.
        found_any &= _phrases_up_to(idx, said_by, len(words))
    if len(found_any) > _MAX_SCORED:
        # Those holding the most content words. (After the bar: "arrow" has 2,000 phrases,
        # of which only the short ones are read.)
        found_any = _most_held(_MAX_SCORED, found_any, holding, [1.0] * len(words))
    # A phrase inside a longer query leaves words out; not a word that no phrase or name
    # knows ("pluss minus"): that is more likely a slip, for the fuzzy tier.
    partial = (
        loose
        or corrections is not None
        or all(
            # (A form is a phrase word exactly when it is among the words it says.)
            any(f in matches[i] for f, _s in per_word[i]) or words[i] in idx.word_docs
            for i in content
        )
    )
    content_weight = sum(says) or 1.0
    concept_keys = idx.concept_keys
    repeated = len(words) < len(q.words[:8])  # a word typed twice, which a phrase may say
    said_whole: list[tuple[str, float, int]] = []  # (tier, quality, phrase): concept tier
    explained = False  # one of them leaves no letter of the query unsaid
    partly: list[tuple[float, str, int]] = []  # the others, best kept
    # (Misspelt words and the last resort give guesses, below the results there already:
    # fewer are kept.)
    cap = max(3 * limit, 30) if corrections is None and not loose else 2 * limit
    # A phrase only partly said ranks only if its hits beat the *limit*-th result so far
    # (the best such hit: its tier, the whole quality, half the most prior). Short of
    # one: a phrase said whole is never left out for it.
    top = _TIER_SCORE["fuzzy" if loose or corrections is not None else "word-prefix"]
    least = min(0.999, (bar - top - _PARTLY_PRIOR * _MOST_PRIOR) / _W_QUALITY - 1e-9)
    floor = max(-1.0, least)  # and the cap-th best quality of `partly`, once there are so many
    # Lone letters that are no content word ("for all x", "fraktur A"): a phrase lacking
    # one is either said whole or left out (the checks after the words are matched), so
    # the phrases that lack one and are longer than the rest of the query are left out
    # before their words are matched: "fraktur A" need not match FRAKTUR on 50 others.
    letter_words = [
        (matches[i].keys(), is_article(words, i))
        for i, w in enumerate(words)
        if len(w) == 1 and i not in content
    ]
    if letter_words:
        # Not even read: those lacking a letter that are no shorter than the query.
        keep = _phrases_up_to(idx, said_by, len(words) - 1)
        keep.update(set.intersection(*(_holding(vocab, said) for said, _a in letter_words)))
        found_any &= keep
    # Shorter phrases first: a phrase of n words the query says m of scores at most m/n,
    # so once enough are found, the longer ones cannot rank and are not looked at.
    order = sorted(sorted(found_any), key=idx.concept_lengths.__getitem__)  # (stable)
    # Misspelt words: the phrases in runs by the content words they hold, most told first;
    # a run lacking a word that says much of the query stops early ("squre root": of the
    # 300 phrases holding only SQUARE, those of two words are read).
    # (A phrase's length counts a word said twice twice, as the query's here does: "dot
    # dot dot" says …'s phrase of three words, "dot" only a third of it.)
    runs = [(len(q.words), 1.0, order)]
    if corrections is not None and content:
        runs = _runs_by_holders(order, holding, says, matches, len(words) - len(content))
    for can_say, told_most, phrases in runs:
        for p in phrases:
            toks, weights, phrase_weight, length, one_letter = known.get(p) or _phrase_facts(idx, p)
            if floor >= 0:
                # The best quality a phrase this long can reach (see the tiers below): what
                # the query can say of it, times the tier's factor for misspelt words (0.8)
                # or, past the query's length, the last resort's (0.5). It only falls with
                # the length, so once under the floor, so are the rest.
                best_possible = min(can_say, length) / length * told_most
                if corrections is not None:
                    best_possible *= 0.8
                elif loose and length > len(q.words):
                    best_possible *= 0.5
                if best_possible <= floor + 1e-9:  # (at best a tie)
                    break
                # Nor can this one, for what of it the query may say (`said`: its words some
                # query word says, short of all of them), times for misspelt words the tier's
                # factor and what of the query it holds (`told`), for the last resort its own.
                said_most = sum(w for t, w in zip(toks, weights, strict=True) if t in sayers)
                if said_most < phrase_weight:
                    bound = said_most / phrase_weight
                    if corrections is not None and content:
                        held = sum(says[i] for i in content if p in holding[i])
                        bound *= 0.8 * held / content_weight
                    elif loose:
                        bound *= 0.5
                    if bound <= floor + 1e-9:
                        continue
            if letter_words:
                lacking = [a for said, a in letter_words if said.isdisjoint(toks)]
                if lacking and (
                    len(toks) > len(words) - len(lacking) or (one_letter and not all(lacking))
                ):
                    continue
            matched: set[int] = set()
            said_weight = 0.0  # of the phrase's words said
            total = 0.0
            whole = True
            weakest = 1.0  # the least said of its words
            missing = 0.0  # weight of content words the phrase lacks
            optional = 0  # filler words and lone letters the phrase lacks
            letters = 0
            direct = 0  # words said as the phrase says them (not a synonym, nor a start)
            articles = 0  # of the letters, those that are rather the article "a"
            last = -1
            in_order = True
            for i, (w, (best, best_at, best_sim, _form)) in enumerate(
                zip(words, _assign(matches, sayers, toks), strict=True)
            ):
                if best_at < 0:
                    if says[i]:
                        missing += says[i]
                    elif len(w) == 1:
                        letters += 1
                        if is_article(words, i) and i not in content:
                            articles += 1  # "e with a slash"
                    else:
                        optional += 1
                    continue
                if best < 0.95:
                    whole = False
                    weakest = min(weakest, best)
                if best_sim >= 0.95:
                    direct += 1
                matched.add(best_at)
                # (Weights are 1 and 0.25: their sum is exact in any order.)
                said_weight += weights[best_at]
                total += best
                if best_at < last:
                    in_order = False
                last = best_at
            said = said_weight / phrase_weight
            lone = letters - articles
            if not matched or (lone and said < 1.0) or (lone and one_letter):
                # Nothing said; or a letter the phrase lacks where it names another thing:
                # "double struck R" is neither "double struck a" nor "double struck one".
                continue
            strength = total / len(matched)
            told = 1.0 - missing / content_weight  # how much of the query the phrase explains
            if loose:
                if said >= 1.0 and whole and not _CONCEPT_FILLER.issuperset(toks):
                    # A phrase said whole among words nothing knows ("alphabet of a
                    # language"): above a name guessed from a stem of a word. (Not one of
                    # filler only, which says nothing of the query: "like" is ♥'s.)
                    tier, quality = "fuzzy", 0.6 + 0.4 * told
                elif told >= 0.3:
                    tier, quality = "fuzzy", 0.5 * strength * said * told
                else:
                    continue
            elif corrections is not None:
                if told < 0.5:
                    continue
                # Below a name spelt as close: names first, as between the exact tiers.
                tier, quality = "fuzzy", 0.8 * strength * said * told
            elif said >= 1.0 and strength >= 0.85 and weakest > _BEGUN and not missing and direct:
                # Every word of the phrase said, some as a start ("approx equals") or
                # ended otherwise ("similarity"): weaker the less of them it took.
                tier = "concept"
                quality = 1.0 - 2.0 * (1.0 - strength) - 0.05 * optional - 0.12 * letters
                if repeated and length != len(q.words):
                    quality -= 0.05  # "dot dot dot" is …'s phrase before ⋅'s "dot"
            elif not missing:
                tier, quality = "word-prefix", strength * said - 0.12 * letters
            elif said >= 1.0 and whole and told >= 0.3 and partial:
                tier, quality = "word-prefix", 0.8 * told - 0.12 * letters
            else:
                continue
            if not in_order:
                quality -= 0.1
            if tier == "concept":
                said_whole.append((tier, quality, p))
                explained = explained or not lone
            else:
                partly.append((quality, tier, p))
                if len(partly) == cap or len(partly) == 2 * cap:
                    # The best cap kept, the rest could not be (nor anything below them).
                    partly = _smallest(cap, partly, key=_best_phrases)
                    floor = max(least, partly[-1][0])
    kept = _smallest(cap, partly, key=_best_phrases)
    concept = idx.concept
    for tier, quality, p in [*said_whole, *((t, qu, p) for qu, t, p in kept)]:
        toks = tokens_of[p]
        step = _CONCEPT_STEP if tier == "concept" else _CONCEPT_STEP / 2
        capital = bool(q.capitals) and any(t in q.capitals for t in toks)
        share = _CONCEPT_PRIOR if tier == "concept" else _PARTLY_PRIOR
        values = concept.at(p)  # phrase p is the p-th key
        for pos, value in enumerate(_with_capitals(idx, values) if capital else values):
            cp, kind = value >> 1, value & 1
            bonus = 0.0
            if capital:
                name = idx.name_of(cp)
                bonus = 0.2 if " CAPITAL " in f" {name} " else -0.2 if " SMALL " in name else 0.0
            score = hits.score(cp, tier, quality - step * pos + bonus, share)
            if not hits.improves(cp, score):
                continue  # what it matched is worked out only for a hit that counts
            name_words = _name_words(idx, cp)
            if all(any(n.startswith(t) for n in name_words) for t in toks):
                # The phrase restates the name ("plus minus"): the name says why.
                field, text = "name", idx.name_of(cp)
            else:
                field, text = _CONCEPT_FIELDS[kind], idx.concept_text(cp, kind, concept_keys[p])
            hits.put(cp, score, tier, field, text, words)
    as_typed = " ".join(words)
    for _tier, _quality, p in said_whole:
        if concept_keys[p] == as_typed and corrections is None and not loose and not synonyms:
            _above_aliases(hits, concept.at(p)[0], idx.concept_text, concept_keys[p], words)
    return explained


def _above_aliases(
    hits: _Hits,
    value: int,
    text_of: Callable[[int, int, str], str],
    key: str,
    words: tuple[str, ...],
) -> None:
    """Put the first answer of a phrase typed as it is just above the informal aliases.

    A NamesList alias typed whole is an exact hit ("rupee" is an alias of the Wancho ngun
    sign 𞋿, "enter key" of ⌤, "maps to" of ⟼); the concept table's first answer for the
    same words (₹, ⏎, ↦) is what people mean, so it comes first. Names and commands keep
    their place (a name typed whole still comes first: "xor" is ⊻ XOR).
    """
    cp, kind = value >> 1, value & 1
    aliases = [
        h[0] for c, h in hits.best.items() if c != cp and h[1] == "exact" and h[2] == "alias"
    ]
    if not aliases:
        return
    top = max(aliases)
    others = [h[0] for c, h in hits.best.items() if h[1] == "exact" and h[2] != "alias"]
    if others and max(others) > top:
        return  # a name or a command typed whole is above them all
    old = hits.best.get(cp)
    if old is None or old[0] <= top:
        text = text_of(cp, kind, key)
        hits.best[cp] = (top + 0.01, "exact", _CONCEPT_FIELDS[kind], text, words)


def _saying(holding: dict[int, set[int]], says: list[float], least: float) -> set[int]:
    """Return the phrases holding query words that say at least *least* together.

    *holding*: query word → the phrases holding it; *says*: how much each word says.
    The union, over the sets of words saying enough, of the phrases holding them all
    (a set holding a smaller one that says enough adds nothing).
    """
    enough: list[frozenset[int]] = []
    out: set[int] = set()
    for size in range(1, len(holding) + 1):
        for words in combinations(sorted(holding, key=lambda i: -says[i]), size):
            if sum(says[i] for i in words) < least or any(e <= set(words) for e in enough):
                continue
            enough.append(frozenset(words))
            out |= set.intersection(*(holding[i] for i in words))
    return out


def _runs_by_holders(
    order: list[int],
    holding: dict[int, set[int]],
    says: list[float],
    matches: list[_Said],
    others: int,
) -> list[tuple[int, float, list[int]]]:
    """Split phrases (in *order*) by the content words they hold, most told first.

    Each run: how many query words can say some word of its phrases (those it holds and
    the *others*, no content words), the most of the query they tell times the best any
    of its words is said (a correction's similarity: `strength`), the phrases.
    """
    runs: dict[tuple[int, ...], set[int]] = {(): set(order)}
    for i, held in holding.items():  # (split by sets: the phrases are hundreds)
        split: dict[tuple[int, ...], set[int]] = {}
        for words, phrases in runs.items():
            holds_it = (*words, i)
            split[holds_it] = phrases & held
            split[words] = phrases - held
        runs = {words: phrases for words, phrases in split.items() if phrases}
    place = {p: n for n, p in enumerate(order)}
    whole = sum(says) or 1.0
    out = []
    for h, ps in runs.items():
        said = 1.0 if others else max((r[0] for i in h for r in matches[i].values()), default=1.0)
        told = sum(says[i] for i in h) / whole * said
        out.append((len(h) + others, told, sorted(ps, key=place.__getitem__)))
    out.sort(key=lambda run: -run[1])
    return out


def _most_held(
    most: int, phrases: set[int], holding: dict[int, set[int]], weights: list[float]
) -> set[int]:
    """Return the *most* of *phrases* that hold the most weight of the query's words.

    *holding*: query word → the phrases holding it; *weights*: what each word weighs.
    Among equals, the lower phrase index.
    """
    held = dict.fromkeys(phrases, 0.0)
    for i, found in holding.items():
        for p in found.intersection(phrases):
            held[p] += weights[i]
    return set(_smallest(most, phrases, key=lambda p: (-held[p], p)))


def _best_phrases(entry: tuple[float, str, int]) -> tuple[float, int]:
    """Order phrases only partly said (quality, tier, phrase): best first, then by phrase."""
    return -entry[0], entry[2]


def _holding(vocab: Postings, words: Iterable[str]) -> set[int]:
    """Return the phrases holding one of *words*."""
    out: set[int] = set()
    for word in words:
        out.update(vocab[word])
    return out


def _phrases_up_to(idx: SearchIndex, words: Iterable[str], most: int) -> set[int]:
    """Return the phrases holding one of *words* that have at most *most* words (each once)."""
    out: set[int] = set()
    for word in words:
        for n, p, _toks in _phrases_of(idx, word):
            if n > most:
                break  # (fewest words first)
            out.add(p)
    return out


def _phrases_of(idx: SearchIndex, word: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Return (number of words, phrase, its words) of the phrases holding *word*, fewest first.

    Kept with the index, for the words `_concept_hits` reads only the short phrases of:
    filler words, and a content word of a phrase that must be said whole.
    """
    known: dict[str, list[tuple[int, int, tuple[str, ...]]]]
    known = idx.__dict__.setdefault("_phrases_of", {})
    found = known.get(word)
    if found is None:
        tokens_of = idx.concept_tokens
        found = known[word] = sorted(
            (len(tokens_of[p]), p, tokens_of[p]) for p in idx.concept_words.get(word, ())
        )
    return found


def _name_words(idx: SearchIndex, cp: int) -> list[str]:
    """Return the folded words of *cp*'s name, kept with the index (they depend on *cp* only)."""
    known: dict[int, list[str]] = idx.__dict__.setdefault("_name_words", {})
    found = known.get(cp)
    if found is None:
        found = known[cp] = fold(idx.name_of(cp)).split()
    return found


_PhraseFacts = tuple[tuple[str, ...], list[float], float, int, bool]


def _phrase_facts(idx: SearchIndex, p: int) -> _PhraseFacts:
    """Return what `_concept_hits` needs of phrase *p* that does not depend on the query.

    Its words (each once), their weights and its weight, its length in words, and
    whether a word of it is one letter. Kept with the index: they depend on the phrase
    only, and the phrases of a common word ("arrow") are met by query after query.
    """
    known: dict[int, _PhraseFacts] = idx.__dict__.setdefault("_phrase_facts", {})
    found = known.get(p)
    if found is None:
        toks = idx.concept_tokens[p]
        # A phrase's own filler words weigh less when judging how much of it is said, and
        # its articles nothing: "cross that looks like x" says "… looks like an x".
        # "a" only where it is one ("x in a circle"), not where it may be the letter
        # (of its words each once, "triangle in a triangle" ends in A: not "triangle in").
        weights = [
            0.0 if t in _ARTICLES or is_article(toks, i) else 0.25 if t in _PHRASE_FILLER else 1.0
            for i, t in enumerate(toks)
        ]
        if not any(weights):
            weights = [0.25 if t in _PHRASE_FILLER else 1.0 for t in toks]
        length = idx.concept_lengths[p]
        one_letter = any(len(t) == 1 for t in toks)
        found = known[p] = (toks, weights, sum(weights), length, one_letter)
    return found


def _with_capitals(idx: SearchIndex, values: list[int]) -> list[int]:
    """*values* of a phrase, each small letter's capital just before it (if in the scope).

    A letter typed in capitals asks for the capital even where the table describes the
    small one ("O with a stroke": Ø, though the row says ø).
    """
    out: list[int] = []
    for value in values:
        name = idx.name_of(value >> 1)
        if " SMALL " in name:
            import unicodedata2  # only for a capital letter typed in a phrase

            try:
                capital = ord(unicodedata2.lookup(name.replace(" SMALL ", " CAPITAL ", 1)))
            except KeyError:
                capital = -1
            paired = 2 * capital + (value & 1)
            if capital in idx.row_of and paired not in values and paired not in out:
                out.append(paired)
        if value not in out:
            out.append(value)
    return out


def _substring_hits(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    """Query words found inside name words ("tegral", "struck")."""
    words = [w for w in q.words if len(w) >= 3]
    if not words or len(words) != len(q.words):
        return
    doc_sets: list[set[int]] = []
    for w in words:
        found: set[int] = set()
        for v in idx.vocab:
            if w in v and not v.startswith(w):
                found.update(idx.word_docs[v])
        if not found:
            return
        doc_sets.append(found)
    doc_sets.sort(key=len)
    candidates = doc_sets[0].intersection(*doc_sets[1:])
    for d in list(candidates)[:5000]:
        toks = idx.doc_tokens[d]
        total = sum(max(_word_strength(w, t) * weight(t) for t in toks) for w in words)
        quality = total / name_weight(toks)
        cp = idx.cps[idx.doc_row[d]]
        hits.add(cp, "substring", quality, idx.doc_field[d], idx.doc_text[d], tuple(words))


def _command_as_words(q: Query, idx: SearchIndex, hits: _Hits) -> None:
    r"""Read an unknown command as a name: ``\infinity`` → INFINITY, ``\texteuro`` → EURO."""
    stem = q.text[1:]
    if not q.text.startswith("\\") or not stem.isalpha() or len(stem) < 3:
        return
    for word in (stem, stem[4:] if stem.startswith("text") else ""):
        if len(word) >= 3:
            _word_hits(Query(word, words=(word.upper(),)), idx, hits)
            if hits.best:
                return


def _fuzzy_hits(
    q: Query, idx: SearchIndex, hits: _Hits, limit: int = 10, correct: bool = False
) -> dict[str, str]:
    r"""Misspelt words ("intergral", "rigth arrow") and LaTeX names ("\rigtharrow").

    rapidfuzz is imported here, and only when some word looks misspelt (it is no
    word or word start of any name, nor the start of a LaTeX name). Returns each
    misspelt word's correction where one is clearly the word meant (`_sure`); with
    *correct*, the query so corrected is to be searched, and nothing more is done here.
    """
    misspelt = [
        w
        for w in q.words
        if len(w) >= 3 and not w.isdigit() and w not in idx.word_docs and not idx.vocab_prefixed(w)
    ]
    stem = q.text[1:] if q.text.startswith("\\") else q.text
    latex_slip = (
        len(stem) >= 4
        and stem.isalpha()
        and not idx.latex.prefixed("\\" + stem)
        and not idx.vocab_prefixed(stem.upper())
    )
    concept_vocab = idx.concept_words
    unknown = [
        w
        for w in q.words
        if len(w) >= 3
        and not w.isdigit()
        and w not in idx.concept_words
        and not concept_vocab.has_prefix(w)
    ]
    corrections: dict[str, list[tuple[str, float]]] = {}
    meant: dict[str, str] = {}
    if misspelt or latex_slip or unknown:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        for w in misspelt:
            # Slips rarely hit the first letter: comparing with words of the same initial
            # is faster and keeps "arow" from matching BKAROW. OSA counts a swap of two
            # letters ("rigth") as one slip.
            choices = idx.vocab_by_initial.get(w[0], [])
            cutoff = 0.7 if len(w) >= 5 else 0.75
            found = process.extract(
                w, choices, scorer=OSA.normalized_similarity, limit=4, score_cutoff=cutoff
            )
            forms = [(v, score) for v, score, _i in found]
            if _sure(w, forms):
                meant[w] = forms[0][0]
            # A word cut or ended differently ("quote" → QUOTATION, "laplacian" →
            # LAPLACE): the longest start, of at least 4 letters and 60 % of the word,
            # that some name word shares.
            for k in range(len(w) - 1, max(3, -(-len(w) * 3 // 5)) - 1, -1):
                stems = idx.vocab_prefixed(w[:k])
                if stems:
                    forms += [(v, 0.9 * k / len(w)) for v in stems[:8]]
                    break
            if forms:
                corrections[w] = forms
        if latex_slip:
            choices = idx.latex_words.get(stem[0].lower(), [])
            found = process.extract(
                stem, choices, scorer=OSA.normalized_similarity, limit=5, score_cutoff=0.75
            )
            if not found and not hits.best:
                # Nothing else at all: the slip may be the first letter ("\lvert" → \vert).
                every = idx.latex_words_all
                found = process.extract(
                    stem, every, scorer=OSA.normalized_similarity, limit=5, score_cutoff=0.75
                )
            for v, score, _i in found:
                for pos, cp in enumerate(idx.latex["\\" + v][:2]):
                    hits.add(cp, "fuzzy", 0.9 * score - 0.05 * pos, "latex", "\\" + v)
    phrases: dict[str, list[tuple[str, float]]] = {}
    if unknown:
        # The same for the words of concept phrases ("tomstone", "rael numbers").
        by_initial = idx.concept_vocab_by_initial
        for w in unknown:
            cutoff = 0.7 if len(w) >= 5 else 0.75
            found = process.extract(
                w,
                by_initial.get(w[0], []),
                scorer=OSA.normalized_similarity,
                limit=4,
                score_cutoff=cutoff,
            )
            if found:
                phrases[w] = [(v, score) for v, score, _i in found]
                if w not in meant and _sure(w, phrases[w]):
                    meant[w] = phrases[w][0][0]
    # Only a word nothing knows is corrected ("propositional" is a phrase's word, though
    # no name's), and only when each such word has a sure correction.
    slips = set(misspelt) & set(unknown)
    sure = {w: meant[w] for w in slips} if slips and slips <= meant.keys() else {}
    if sure and correct:
        # The query spelt right is searched instead (`_as_corrected`), whose answers come
        # before any guess at each word: the guesses are not worked out ("arow": 6 ms).
        return sure
    if corrections or (len(q.words) > 1 and not hits.best):
        # Also when every word is spelt right but no name holds them all ("three em
        # dsh" → THREE-EM DASH is found from the words it does hold).
        _words_any_order(q.words, idx, hits, corrections, q.capitals)
    if phrases:
        _concept_hits(q, idx, hits, phrases, limit)
    return sure


def _sure(word: str, forms: list[tuple[str, float]]) -> bool:
    """Tell whether the best of a misspelt word's corrections is clearly the word meant.

    One slip away (a letter left out, added, changed, or two swapped: "rigth"), and
    closer than any other: "propositional" is two from PROPORTIONAL, and no slip.
    """
    if not forms:
        return False
    best = forms[0][1]
    return best >= 1.0 - 1.0 / len(word) - 1e-9 and all(s < best for _v, s in forms[1:])


def _as_corrected(q: Query, meant: dict[str, str], hits: _Hits, limit: int, scope: str) -> None:
    """Search again as the query would be spelt right, and rank those answers first.

    "aproximately equal" then lists what "approximately equal" does (≈ first), in the
    fuzzy tier, where a misspelt query's answers are: a slip costs the order nothing.
    """
    text = q.text
    for wrong, right in meant.items():
        spelt = right.lower().replace("\\", "\\\\")  # (a replacement, not a pattern)
        text = re.sub(rf"(?i)(?<!\w){re.escape(wrong)}(?!\w)", spelt, text)
    if text == q.text:
        # The word as typed is not the folded one ("sumatión", "aproximately_equal"): the
        # query's words, each misspelt one corrected (a capital typed kept).
        text = " ".join(
            meant[w].lower() if w in meant else w if w in q.capitals else w.lower() for w in q.words
        )
    rows = _rows(text, limit, scope, correct=False)  # (once: no correction of a correction)
    said = tuple(fold(text).split())
    for rank, (cp, _score, field, found, _spans, _tier) in enumerate(rows):
        # Above the guesses at each word, in the order the query spelt right has.
        score = _TIER_SCORE["fuzzy"] + _W_QUALITY + _MOST_PRIOR + 5.0 - 0.1 * rank
        hits.put(cp, score, "fuzzy", field, found, said)


# --------------------------------------------------------------------------- results


def _spans_in(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where the query words sit in a name or alias (prefix of a word, else inside it)."""
    found: list[tuple[int, int]] = []
    toks = [(m.start(), m.group().upper()) for m in _WORD.finditer(text)]
    for w in words:
        span = None
        for start, tok in toks:
            if tok.startswith(w):
                span = (start, start + len(w))
                break
        if span is None:
            for start, tok in toks:
                at = tok.find(w)
                if at >= 0:
                    span = (start + at, start + at + len(w))
                    break
        if span is None and len(w) > 1:
            # Words run together ("plusminus"): cover the name words they spell.
            rest = w
            for start, tok in toks:
                if rest.startswith(tok):
                    found.append((start, start + len(tok)))
                    rest = rest[len(tok) :]
                elif tok.startswith(rest) and rest:
                    found.append((start, start + len(rest)))
                    rest = ""
                if not rest:
                    break
        if span is not None:
            found.append(span)
    return tuple(sorted(set(found)))


def _spans(
    kind: str, field: str, text: str, words: tuple[str, ...], q: Query
) -> tuple[tuple[int, int], ...]:
    """Where the query shows in the matched *text*, for highlighting."""
    if field in ("name", "alias", "formal", "concept", "shape"):
        spans = _spans_in(text, words)
    elif kind == "prefix":
        typed = q.text.rstrip(";")
        if field == "latex" and not typed.startswith(("\\", "^", "_")):
            typed = "\\" + typed
        if field == "typst" and typed.startswith("sym."):
            typed = typed[4:]
        n = len(typed) if text.startswith(typed) else 0
        spans = ((0, n),) if n else ()
    else:
        spans = ((0, len(text)),) if text else ()
    return spans


def _split_compounds(q: Query, idx: SearchIndex) -> Query:
    """*q* with a word no name or phrase holds read as two that are ("tickmark")."""
    words = q.words
    if not words or all(len(w) < 7 for w in words):
        return q
    vocab = idx.concept_words
    out: list[str] = []
    for w in words:
        if len(w) >= 7 and w.isalpha() and w not in idx.word_docs and w not in vocab:
            for k in range(3, len(w) - 2):
                head, tail = w[:k], w[k:]
                if (head in vocab or head in idx.word_docs) and (
                    tail in vocab or tail in idx.word_docs
                ):
                    out += (head, tail)
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    if len(out) == len(words):
        return q
    return q.with_words(tuple(out))


def search(query: str, limit: int = 10, scope: str = "math") -> list[Match]:
    r"""Find symbols for whatever the user typed.

    The query may be a code point (``2200``, ``U+2200``, ``\u2200``, ``&#8704;``), a
    pasted glyph or string of glyphs, a LaTeX command (``\forall``, ``mathbb R``,
    ``^2``), an HTML entity (``&rarr;``), a Typst name (``arrow.r.double``), or words
    of a name or alias in any order, partial or misspelt (``plus minus``,
    ``intergral``). docs/searching.md gives the ranking rules.

    Args:
        query: Any string; blank gives no results. Never raises for a `str`.
        limit: Most results wanted; ``<= 0`` gives none, more than `MAX_LIMIT` is cut.
        scope: ``math`` (default), ``extended`` or ``all``.

    Returns:
        Matches, best first; ties are broken by code point.

    Raises:
        TypeError: When *query* or *scope* is not a str, or *limit* not an int.
        ValueError: For an unknown scope.

    """
    _check_arguments("symbols.search", query, limit, scope)
    from symbols.results import Match, Matched

    out: list[Match] = []
    for cp, score, field, text, spans, kind in search_rows(query, limit, scope):
        sym = make_symbol(cp)
        if sym is not None:
            out.append(Match(sym, score, Matched(field, text, spans, kind)))
    return out


def _check_arguments(function: str, query: object, limit: object, scope: object) -> None:
    """Raise TypeError for a search argument of the wrong type (see `symbols._arguments`)."""
    for name, value, ok, expected in (
        ("query", query, isinstance(query, str), "a str"),
        ("limit", limit, isinstance(limit, int) and not isinstance(limit, bool), "an int"),
        ("scope", scope, isinstance(scope, str), "a str"),
    ):
        if not ok:
            from symbols._arguments import wrong_type

            raise wrong_type(function, name, value, expected)


def search_rows(query: str, limit: int = 10, scope: str = "math") -> list[Row]:
    """Find symbols as `search` does, as plain `Row` tuples (same ranking, same order).

    What the one-shot CLI formats from (with `symbols.table.fields_of`), so that a
    look-up never builds `Symbol` or `Match` records nor imports dataclasses.

    Raises:
        TypeError: When *query* or *scope* is not a str, or *limit* not an int.
        ValueError: For an unknown scope.

    """
    _check_arguments("symbols.search.search_rows", query, limit, scope)
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}: choose one of {', '.join(SCOPES)}")
    limit = min(limit, MAX_LIMIT)
    if limit <= 0:
        return []
    return _rows(query, limit, scope, correct=True)


def _rows(query: str, limit: int, scope: str, correct: bool) -> list[Row]:
    """`search_rows` of checked arguments; *correct*: search a sure correction too."""
    q = parse(query)
    if q.empty:
        return []
    idx = index(scope)
    hits = _Hits(idx)
    _codepoint_hits(q, hits)
    if q.words or q.latex or q.html or q.typst or q.asciimath:
        _exact_name_hits(q, idx, hits)
        _art_hits(q, idx, hits)
        _prefix_hits(q, idx, hits)
        _word_hits(q, idx, hits)
        if _as_written(q) and hits.top_exact():
            pass  # "\\le", "&rarr;", "arrow.r": the notation's names, not what words mean
        elif (
            not _concept_hits(q, idx, hits, limit=limit)
            and not hits.top_exact()
            and (any(variants(w) for w in q.words) or phrase_forms(q.words))
        ):
            # No phrase said as typed: read the words as their synonyms too.
            _concept_hits(q, idx, hits, limit=limit, synonyms=True)
        for words in mark_readings(q.words):
            # A letter's mark described ("o with two dots"): the names that say it.
            _words_any_order(words, idx, hits, capitals=q.capitals, described=q.text)
        if hits.top() < _TIER_SCORE["concept"]:
            # A shape described in words a name says otherwise ("dash inside a circle":
            # CIRCLED DASH; "diamond with a dot in the middle": … WITH CENTRED DOT).
            described = described_words(q.words)
            if 1 < len(described) < len(q.words) or any(variants(w) for w in described):
                _words_any_order(described, idx, hits, capitals=q.capitals, synonyms=True)
        if len(hits) < limit:
            _substring_hits(q, idx, hits)
        if not hits.best:
            _command_as_words(q, idx, hits)
        if not hits.top_exact() and len(hits) < limit:
            meant = _fuzzy_hits(q, idx, hits, limit, correct)
            if meant and correct:
                _as_corrected(q, meant, hits, limit, scope)
        if hits.top() < _TIER_SCORE["prefix"]:
            # Two words run together ("tickmark"), when they read better apart.
            split = _split_compounds(q, idx)
            if split is not q:
                _word_hits(split, idx, hits)
                _concept_hits(split, idx, hits, limit=limit, synonyms=True)
        best = hits.top()
        if not hits.best or (len(q.words) >= 3 and best < _TIER_SCORE["substring"]):
            # A polished tool rarely answers nothing, nor a longer query only with guesses
            # at misspellings: the phrases that say part of the query (a screenful of such
            # guesses, not the TUI's 300 rows: reading that many phrases took 15 ms).
            _concept_hits(q, idx, hits, limit=min(limit, _GUESSES), loose=True)
        elif (
            len(hits) < min(limit, _GUESSES) and len(q.words) > 1 and best < _TIER_SCORE["concept"]
        ):
            # Nor a description (nothing said whole) with a short list.
            _concept_hits(q, idx, hits, limit=_GUESSES, loose=True)
    second = None  # a reading shown right after the best one
    if q.codepoint is not None and any(
        q.codepoint not in idx.latex[k] for k in q.latex if k in idx.latex
    ):
        # "\u{A}": LaTeX's breve accent Ă first, the code point U+000A next.
        hits.best.pop(q.codepoint, None)
        second = q.codepoint
    if q.hex_codepoint is not None and _known(q.hex_codepoint):
        if q.hex_is_word and hits.best:
            # "face" is a word first and the code point second.
            hits.best.pop(q.hex_codepoint, None)
            second = q.hex_codepoint
        else:
            # "2200" is a code point first.
            label = f"U+{q.hex_codepoint:04X}"
            hits.add(q.hex_codepoint, "codepoint", 1, "codepoint", label, fixed=_TYPED_SCORE)
    ranked = _smallest(limit, hits.best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if second is not None and ranked:
        # Level with the best hit, so that both readings show.
        entry = (ranked[0][1][0], "codepoint", "codepoint", f"U+{second:04X}", ())
        ranked.insert(1, (second, entry))
        del ranked[limit:]
    return [
        (cp, round(score, 6), field, text, _spans(tier, field, text, words, q), tier)
        for cp, (score, tier, field, text, words) in ranked
        if _known(cp)
    ]


# Hidden from type checkers, which see the names themselves (the TYPE_CHECKING imports
# above): a __getattr__ would make any misspelt name type-check, as Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        # Match and Matched live in symbols.results, imported on first use: see there.
        if name not in _FROM_RESULTS:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from symbols import results

        return keep(__name__, name, getattr(results, name))


_FROM_RESULTS = ("Match", "Matched")


# ``symbols.search`` names both this module and the function `search`: see symbols._modules.
make_module_callable(__name__, search)
