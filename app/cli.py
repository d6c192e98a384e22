"""The ``mathsym`` command line (one-shot look-ups). Never imports textual."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = sys.argv[1:] if argv is None else argv
    print("usage: mathsym QUERY", file=sys.stderr if args else sys.stdout)
    return 0
