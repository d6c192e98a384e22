"""Browsing groups: the shelves a person scans (Greek, Arrows, Relations…).

One rule serves both the generator (groups stored in data/symbols.json) and
characters built at run time for the ``all`` scope, so the two never disagree.
"""

from __future__ import annotations

__all__ = ["GROUPS", "group_for"]

#: Every group, in the order front ends list them.
GROUPS: tuple[str, ...] = (
    "Greek",
    "Arrows",
    "Relations",
    "Binary operators",
    "Large operators",
    "Delimiters",
    "Letterlike & alphabets",
    "Punctuation & typography",
    "Spaces",
    "Geometric shapes",
    "Accents & combining",
    "Currency",
    "Other",
)

_GEOMETRIC_BLOCKS = frozenset(
    {
        "Geometric Shapes",
        "Geometric Shapes Extended",
        "Box Drawing",
        "Block Elements",
        "Miscellaneous Symbols and Arrows",
    }
)
_LETTER_BLOCKS = frozenset(
    {
        "Letterlike Symbols",
        "Mathematical Alphanumeric Symbols",
        "Arabic Mathematical Alphabetic Symbols",
        "Alphabetic Presentation Forms",
        "Number Forms",
        "Enclosed Alphanumerics",
    }
)
# Zero-width and invisible format characters people look for next to the spaces.
_INVISIBLE = frozenset(
    {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2061, 0x2062, 0x2063, 0x2064}
)


def group_for(codepoint: int, category: str, block: str, name: str, math_class: str) -> str:
    """Return the browsing group of a character.

    Args:
        codepoint: The code point.
        category: Its general category (``Sm``).
        block: Its Unicode block.
        name: Its Unicode name.
        math_class: Its LaTeX math class where a source gives one (``rel``, ``bin``…), or "".

    Returns:
        One of `GROUPS`.

    """
    if category == "Zs" or codepoint in _INVISIBLE:
        return "Spaces"
    if category in ("Mn", "Me") or math_class == "accent":
        return "Accents & combining"
    if category == "Sc":
        return "Currency"
    if block == "Greek and Coptic" or (block == "Greek Extended" and category.startswith("L")):
        return "Greek"
    if "ARROW" in name or "HARPOON" in name:
        return "Arrows"
    if (
        block in _LETTER_BLOCKS
        or (category.startswith("L") and category != "Lm")
        or category == "Nl"
    ):
        return "Letterlike & alphabets"
    if math_class == "op" or "N-ARY" in name:
        return "Large operators"
    if _is_delimiter(category, name, math_class):
        return "Delimiters"
    if math_class == "rel":
        return "Relations"
    if math_class == "bin":
        return "Binary operators"
    if block in _GEOMETRIC_BLOCKS:
        return "Geometric shapes"
    if category == "Sm":
        if math_class in ("ord", "punct"):
            # ∀ ∃ ∅ ∞ ∂ ∇ ⊤ ⊥: ordinary symbols, neither relations nor operators.
            return "Other"
        return "Relations" if _looks_relational(name) else "Binary operators"
    if category.startswith("P") or block in ("General Punctuation", "Supplemental Punctuation"):
        return "Punctuation & typography"
    if category in ("Sk", "Lm"):
        return "Accents & combining"
    return "Other"


def _is_delimiter(category: str, name: str, math_class: str) -> bool:
    # Quotation marks are Ps/Pe too (‚ „) and "!" is \mathclose in unicode-math:
    # both belong with punctuation, not with brackets.
    if "QUOTATION" in name:
        return False
    if category in ("Ps", "Pe") or math_class == "fence":
        return True
    return math_class in ("open", "close") and category != "Po"


_RELATION_WORDS = (
    "EQUAL",
    "EQUIVALENT",
    "LESS-THAN",
    "GREATER-THAN",
    "SUBSET",
    "SUPERSET",
    "ELEMENT OF",
    "CONTAINS AS MEMBER",
    "PRECEDES",
    "SUCCEEDS",
    "TILDE",
    "PARALLEL",
    "PERPENDICULAR",
    "PROVES",
    "TRUE",
    "FORCES",
    "MODELS",
    "DIVIDES",
    "IDENTICAL",
    "ASYMPTOTICALLY",
    "APPROXIMATELY",
    "PROPORTIONAL",
    "NORMAL SUBGROUP",
)


def _looks_relational(name: str) -> bool:
    return any(word in name for word in _RELATION_WORDS)
