"""Look-alikes: characters drawn so alike that one is taken for the other.

Two sources, both directions:

* UTS #39 ``confusables.tsv``: characters that share a *skeleton* (a prototype) look alike:
  µ and μ (µ → μ), ∣ and | (both → l), ∅ and ⌀ (⌀ → ∅). A character's look-alikes are its
  prototype, the characters whose prototype it is, and those that share its prototype.
  Skeleton groups can be large (79 characters look like ``o``): only members in the table
  (scopes math and extended) or in ASCII are kept, which are the ones people type; and a
  styled math letter (𝐨 𝑜 ℴ: a ``<font>`` variant) is a look-alike of its letter only,
  as a style of it, not of the letter's other look-alikes.
* Unicode's canonical singletons: a character Unicode maps to one other canonically is
  drawn as it (Å ANGSTROM SIGN is Å, Ω OHM SIGN is Ω).
* NamesList cross references (``x`` lines) that both characters make, between names that
  share no word saying what they are: ∑ N-ARY SUMMATION and Σ GREEK CAPITAL LETTER
  SIGMA, ∇ NABLA and ▽ WHITE DOWN-POINTING TRIANGLE, ⊥ UP TACK and ⟂ PERPENDICULAR. One
  between names that share one (≤ and <, ± and ∓), or made one way only (+ names −),
  points at a related character, not a look-alike: `symbols.Symbol.related` has it.

A character's look-alikes are ordered the usual one first (where tools/data/lookalikes.tsv
names one), then those in the table, then ASCII, then by code point.
"""

from __future__ import annotations

import unicodedata2

__all__ = ["NAME_FILLER", "lookalikes", "preferences"]

#: Name words that say what kind of character it is rather than what it is.
NAME_FILLER = frozenset(
    {
        *("SIGN", "SYMBOL", "LETTER", "SMALL", "CAPITAL", "LATIN", "GREEK", "CYRILLIC"),
        *("WITH", "OF", "AND", "OR", "THE", "A", "TO", "MATHEMATICAL", "OPERATOR"),
        *("CHARACTER", "MARK", "FORM", "COMBINING", "MODIFIER"),
    }
)


def _font_base(cp: int) -> int | None:
    """The letter a styled math letter is a style of (𝐨 → o), else None."""
    parts = unicodedata2.decomposition(chr(cp)).split()
    return int(parts[1], 16) if parts[:1] == ["<font>"] and len(parts) == 2 else None


def _words(cp: int) -> set[str]:
    name = unicodedata2.name(chr(cp), "")
    return {w for w in name.replace("-", " ").split() if w not in NAME_FILLER}


def lookalikes(
    confusables: list[tuple[int, int]],
    xrefs: dict[int, list[int]],
    kept: set[int],
    usual: dict[int, int],
) -> dict[int, list[int]]:
    """Code point → its look-alikes, ordered (see the module docstring).

    Args:
        confusables: ``(source, prototype)`` pairs of UTS #39.
        xrefs: NamesList cross references, code point → code points.
        kept: The characters of the table (scopes math and extended).
        usual: Unusual → usual, from tools/data/lookalikes.tsv (ranks the usual first).

    """

    def wanted(cp: int) -> bool:
        return cp in kept or cp < 0x80

    prototype: dict[int, int] = {}
    groups: dict[int, set[int]] = {}
    for source, target in confusables:
        prototype[source] = target
        groups.setdefault(target, {target}).add(source)
    found: dict[int, set[int]] = {}
    styled = {cp: base for cp in prototype if (base := _font_base(cp)) is not None}
    for target, members in groups.items():
        for cp in members:
            if cp in styled:
                found.setdefault(cp, set()).add(styled[cp])  # 𝐨: only its letter o
                continue
            # Its prototype always; the rest of the group where people type them.
            others = {
                m
                for m in members
                if m != cp and (m == target or wanted(m)) and (m not in styled or styled[m] == cp)
            }
            if others:
                found.setdefault(cp, set()).update(others)
    for cp in sorted(kept):
        other_char = unicodedata2.normalize("NFC", chr(cp))
        if len(other_char) == 1 and other_char != chr(cp):
            found.setdefault(cp, set()).add(ord(other_char))
            found.setdefault(ord(other_char), set()).add(cp)
    for cp, refs in xrefs.items():
        for other in refs:
            mutual = cp in xrefs.get(other, ())
            words, its = _words(cp), _words(other)
            if other != cp and mutual and words and its and not words & its:
                found.setdefault(cp, set()).add(other)
                found.setdefault(other, set()).add(cp)
    out: dict[int, list[int]] = {}
    for cp, others in found.items():
        assigned = [o for o in others if unicodedata2.category(chr(o)) not in ("Cn", "Cs")]
        out[cp] = sorted(assigned, key=lambda o: (usual.get(cp) != o, o not in kept, o >= 0x80, o))
    return out


def preferences(
    rows: list[tuple[int, int, str]], found: dict[int, list[int]]
) -> dict[int, tuple[int, str]]:
    """Unusual → (usual, advice) of tools/data/lookalikes.tsv, each row a look-alike pair.

    Raises:
        ValueError: for a row whose two characters are no look-alikes by the sources.
    """
    out: dict[int, tuple[int, str]] = {}
    for unusual, usual, advice in rows:
        if usual not in found.get(unusual, ()):
            raise ValueError(
                f"lookalikes.tsv: U+{unusual:04X} and U+{usual:04X} are no look-alikes by "
                "confusables.tsv or NamesList"
            )
        out[unusual] = (usual, advice)
    return out
