"""The library's one rule for arguments of the wrong type, and its message.

Every public function checks what it is given with a plain ``isinstance`` where it
starts, and only when that fails imports this module to build the exception:

* an argument of the wrong type (None, bytes, a float, a list; a bool where an int
  is wanted) raises ``TypeError``, naming the function, the argument, what it must
  be and what it was;
* a value of the right type that cannot be used raises ``ValueError`` only where the
  function says so (an unknown scope or input method, `symbols.inputs` of a string
  that is not one character, `symbols.convert` of braces nested too deep);
* any other string, however odd, is an answer: an empty list or None.

Nothing here is imported on the way to an answer, so the checks cost a look-up
nothing but the ``isinstance`` itself.
"""

from __future__ import annotations

__all__ = ["wrong_type"]


def wrong_type(function: str, argument: str, value: object, expected: str) -> TypeError:
    """Return the TypeError for *argument* of *function* (``symbols.get``) being *value*.

    Args:
        function: The public function, as users call it (``symbols.search``).
        argument: The parameter's name (``query``).
        value: What was given.
        expected: What it must be, in words (``a str``, ``a str or an int``).

    Returns:
        ``TypeError("symbols.search() argument 'query' must be a str, not NoneType")``.

    """
    return TypeError(
        f"{function}() argument {argument!r} must be {expected}, not {type(value).__name__}"
    )
