r"""mathsym's library: a typed table of Unicode math and typographic symbols.

Everything is reachable from here, loaded on first use so that ``import symbols``
stays cheap (no textual, no rapidfuzz, no JSON parsing until something is asked)::

    >>> import symbols
    >>> symbols.get("∀").latex[0]
    '\\forall'
    >>> [s.char for s in symbols.from_latex(r"\mathbb{R}")]
    ['ℝ']
"""

from __future__ import annotations

# Not `from typing import …`: typing alone would double the cost of `import symbols`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    # For type checkers only: at run time __getattr__ below imports these on first use.
    from typing import Any

    from symbols.inputs import InputMethod, inputs  # noqa: F401
    from symbols.latex import convert, to_latex  # noqa: F401
    from symbols.search import Match, search  # noqa: F401
    from symbols.table import (  # noqa: F401
        SCOPES,
        LatexCommand,
        Symbol,
        from_html,
        from_latex,
        from_typst,
        get,
        table,
    )

__version__ = "0.1.0"

# name → module that defines it. Resolved by __getattr__ on first access (PEP 562),
# so `import symbols` costs one tiny module and the heavy parts load when used.
_EXPORTS: dict[str, str] = {
    "SCOPES": "symbols.table",
    "LatexCommand": "symbols.table",
    "Symbol": "symbols.table",
    "from_html": "symbols.table",
    "from_latex": "symbols.table",
    "from_typst": "symbols.table",
    "get": "symbols.table",
    "table": "symbols.table",
    "Match": "symbols.search",
    "search": "symbols.search",
    "InputMethod": "symbols.inputs",
    "inputs": "symbols.inputs",
    "convert": "symbols.latex",
    "to_latex": "symbols.latex",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    from symbols._modules import lazy_attribute

    return lazy_attribute(__name__, name, _EXPORTS)


def __dir__() -> list[str]:
    return sorted(__all__)
