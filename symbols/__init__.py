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
    # For type checkers only (``X as X`` marks an explicit re-export, which mypy --strict
    # wants of a typed package): at run time __getattr__ below imports these on first use.
    from typing import Any

    from symbols.inputs import InputMethod as InputMethod
    from symbols.inputs import inputs as inputs
    from symbols.latex import convert as convert
    from symbols.latex import to_latex as to_latex
    from symbols.records import LatexCommand as LatexCommand
    from symbols.records import Symbol as Symbol
    from symbols.results import Match as Match
    from symbols.results import Matched as Matched
    from symbols.schema import SCOPES as SCOPES
    from symbols.search import search as search
    from symbols.table import from_html as from_html
    from symbols.table import from_latex as from_latex
    from symbols.table import from_typst as from_typst
    from symbols.table import get as get
    from symbols.table import table as table

__version__ = "0.1.0"

__all__ = [
    "SCOPES",
    "InputMethod",
    "LatexCommand",
    "Match",
    "Matched",
    "Symbol",
    "__version__",
    "convert",
    "from_html",
    "from_latex",
    "from_typst",
    "get",
    "inputs",
    "search",
    "table",
    "to_latex",
]

# name → module that defines it, for every name of __all__ but __version__. Resolved by
# __getattr__ on first access (PEP 562), so `import symbols` costs one tiny module and
# the heavy parts load when used.
_EXPORTS: dict[str, str] = {
    "SCOPES": "symbols.schema",
    "LatexCommand": "symbols.records",
    "Symbol": "symbols.records",
    "from_html": "symbols.table",
    "from_latex": "symbols.table",
    "from_typst": "symbols.table",
    "get": "symbols.table",
    "table": "symbols.table",
    "Match": "symbols.results",
    "Matched": "symbols.results",
    "search": "symbols.search",
    "InputMethod": "symbols.results",
    "inputs": "symbols.inputs",
    "convert": "symbols.latex",
    "to_latex": "symbols.latex",
}


# Hidden from type checkers, which see the names themselves (the TYPE_CHECKING imports
# above): a __getattr__ would make any misspelt name type-check, as Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        from symbols._modules import lazy_attribute

        return lazy_attribute(__name__, name, _EXPORTS)


def __dir__() -> list[str]:
    return sorted(__all__)
