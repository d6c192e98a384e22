"""Module tricks that keep ``import symbols`` cheap and its names convenient.

Names whose definition costs an import (the dataclass records need `dataclasses`,
about 1.5× a bare interpreter start) are imported the first time somebody asks for
them, by a module's ``__getattr__`` (PEP 562). The package's uses `lazy_attribute`,
which names the defining modules as strings; a submodule's imports the defining module
itself (an import statement the layering checks see: import-linter,
``import_cycles.py``) and keeps the name with `keep`.

`make_module_callable` lets a submodule be called as the function it is named
after (``symbols.table("math")``). The package exports functions that share
their name with the module defining them: `symbols.table`, `symbols.search`,
`symbols.inputs`. Importing such a module (``from symbols.table import get``, done
by the other modules) makes Python set the package attribute to the module, hiding
the lazily exported function. A module whose class forwards calls to the function
keeps ``symbols.table("math")`` working whichever of the two was bound last.
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # not `from typing import …`: typing is slow to import
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["keep", "lazy_attribute", "make_module_callable"]


def lazy_attribute(module_name: str, name: str, exports: dict[str, str]) -> Any:
    """Import *name* from the module *exports* names for it, and keep it in *module_name*.

    Call it from the package's ``__getattr__``; later look-ups find the name in the
    module's globals and skip ``__getattr__``.

    Args:
        module_name: The module asking (pass ``__name__``).
        name: The attribute looked up.
        exports: Attribute name → the module that defines it.

    Returns:
        The attribute.

    Raises:
        AttributeError: for a name *exports* does not list.

    """
    source = exports.get(name)
    if source is None:
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
    import importlib

    return keep(module_name, name, getattr(importlib.import_module(source), name))


def keep(module_name: str, name: str, value: Any) -> Any:
    """Set *name* to *value* in the module *module_name* and return it.

    A submodule's ``__getattr__`` imports the defining module itself and keeps the
    name with this: later look-ups find it in the module's globals.
    """
    setattr(sys.modules[module_name], name, value)
    return value


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
