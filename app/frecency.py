"""The user's symbols first: frecency from what they copied, picked and typed.

Each use (a copy in the TUI or with ``-c``, a pick, a typed symbol) is counted in
state.json with its time. A symbol's frecency is its use count, halved for every
`HALF_LIFE_DAYS` since its last use: what you use often and lately outranks what
you used a lot last year. Symbols only in the recents (state files from before
use counts) get a little, less the further down they are.

It orders matches of the same tier in the TUI and ``--pick`` (an exact match
still beats a prefix match, however often you use the prefix one) and the head
of ``mathsym list``. Plain look-ups, ``--json`` and `symbols.search` stay the same
for the same query, whoever runs them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

__all__ = ["HALF_LIFE_DAYS", "by_tier", "frecency", "used_first"]

#: Days after which a use counts half.
HALF_LIFE_DAYS = 30.0

_T = TypeVar("_T")


def frecency(
    uses: Mapping[int, tuple[int, float]], recents: Sequence[int], now: float | None = None
) -> dict[int, float]:
    """Score the user's symbols: code point → frecency (above 0 for every symbol used).

    Args:
        uses: code point → (times used, last used: seconds since the epoch).
        recents: The recents, newest first.
        now: The time to score at (default now).

    """
    moment = time.time() if now is None else now
    scores: dict[int, float] = {}
    for cp, (count, last) in uses.items():
        age_days = max(0.0, moment - last) / 86400
        scores[cp] = count * 0.5 ** (age_days / HALF_LIFE_DAYS)
    for rank, cp in enumerate(recents):
        # A recent use with no count (an older state file): less than one fresh use.
        scores.setdefault(cp, 0.5 * 0.8**rank)
    return scores


def by_tier(
    items: Sequence[_T],
    tier: Callable[[_T], str],
    codepoint: Callable[[_T], int],
    scores: Mapping[int, float],
) -> list[_T]:
    """Reorder *items* (already ranked) so that within each run of one tier the used come first.

    Among the used, the higher frecency first; the rest keep their order, as do
    the tiers themselves.
    """
    if not scores:
        return list(items)
    out: list[_T] = []
    start = 0
    for end in range(1, len(items) + 1):
        if end == len(items) or tier(items[end]) != tier(items[start]):
            run = items[start:end]
            out += sorted(run, key=lambda item: -scores.get(codepoint(item), 0.0))
            start = end
    return out


def used_first(directory: Path | None = None) -> list[int]:
    """Return the user's symbols, most frecent first, then the other favorites."""
    from app.state import State

    state = State(directory)
    scores = frecency(state.uses, state.recents)
    ranked = sorted(scores, key=lambda cp: -scores[cp])
    return list(dict.fromkeys([*ranked, *state.favorites]))
