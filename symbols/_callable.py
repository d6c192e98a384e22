"""Make a submodule callable as the function it is named after (``symbols.table("math")``).

The package exports functions that share their name with the module defining them:
`symbols.table`, `symbols.search`, `symbols.inputs`. Importing such a module (``from
symbols.table import get``, done by the other modules) makes Python set the package
attribute to the module, hiding the lazily exported function. A module whose class
forwards calls to the function keeps ``symbols.table("math")`` working whichever of
the two was bound last.
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # not `from typing import …`: typing is slow to import
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["make_module_callable"]


def make_module_callable(module_name: str, func: Callable[..., Any]) -> None:
    """Let the module *module_name* be called as *func*, with the same arguments.

    Args:
        module_name: A module already in `sys.modules` (pass ``__name__``).
        func: The function a call of the module runs.

    """

    class _CallableModule(types.ModuleType):
        __doc__ = sys.modules[module_name].__doc__

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return func(*args, **kwargs)

    _CallableModule.__name__ = _CallableModule.__qualname__ = f"CallableModule[{module_name}]"
    sys.modules[module_name].__class__ = _CallableModule
