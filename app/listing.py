r"""``mathsym list``: every symbol of a scope, one line each, for launchers to filter.

rofi, wofi, fuzzel, dmenu and fzf filter lines with their own fuzzy matcher, so
each line carries what people search by: the glyph first, then the code point,
the Unicode name, the primary LaTeX command, the HTML entity and the aliases
(the user's own `[aliases]` too). The most used symbols come first: the user's
own (frecency, from the saved recents and use counts), then the most everyday.

The line the launcher hands back resolves to its symbol again
(`symbol_of_line`): ``mathsym identify "$line"`` names just that symbol, and
``mathsym identify -f char`` prints its glyph.

Formats:

* ``plain`` (default): ``∀  U+2200  FOR ALL  \forall  &forall;  (for all, …)``;
  invisible characters and lone marks show through a stand-in (``[ ]``, ``◌́``).
* ``tsv``: the raw glyph, code point, name, LaTeX, entity, aliases (``; ``-joined),
  always six tab-separated columns, for ``cut``.
* ``json``: JSON Lines, one object per symbol.
* ``alfred``: one Alfred script-filter document (``{"items": [...]}``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from app.display import plain_safe, visible

__all__ = ["FORMATS", "list_lines", "symbol_of_line"]

#: The formats ``mathsym list --format`` takes, the default first.
FORMATS: tuple[str, ...] = ("plain", "tsv", "json", "alfred")

# Two spaces between the fields of a plain line: a launcher shows them apart, and a
# name never holds two spaces in a row.
_SEP = "  "

# A plain or tsv line: the glyph field, then the code point.
_LINE = re.compile(r"^(?P<glyph>[^\t]*?)(?:\t|  )U\+(?P<hex>[0-9A-F]{4,6})(?:\t|  |$)")


def _order(scope: str, first: Sequence[int]) -> list[int]:
    """Return the code points of *scope*: *first* (the user's, in order), then the rest."""
    from symbols.search import prominence_order

    everyday = prominence_order(scope)
    members = set(everyday)
    mine = [cp for cp in dict.fromkeys(first) if cp in members]
    taken = set(mine)
    return mine + [cp for cp in everyday if cp not in taken]


def _fields(cp: int) -> dict[str, Any] | None:
    from symbols.table import fields_of

    return fields_of(cp)


def _aliases(sym: Mapping[str, Any], user: Mapping[int, Sequence[str]]) -> list[str]:
    return [*user.get(sym["codepoint"], ()), *sym["aliases"]]


def _shown(sym: Mapping[str, Any]) -> str:
    return visible(sym["char"], sym["formal_aliases"])[0]


def _latex(sym: Mapping[str, Any]) -> str:
    commands = sym["latex_commands"]
    return str(commands[0][0]) if commands else ""


def _entity(sym: Mapping[str, Any]) -> str:
    return f"&{sym['html'][0]};" if sym["html"] else ""


def _plain(sym: Mapping[str, Any], aliases: list[str]) -> str:
    parts = [_shown(sym), f"U+{sym['codepoint']:04X}", sym["name"], _latex(sym), _entity(sym)]
    line = _SEP.join(p for p in parts if p)
    if aliases:
        line += f"{_SEP}({', '.join(aliases)})"
    return line


def _tsv(sym: Mapping[str, Any], aliases: list[str]) -> str:
    cells = [
        plain_safe(sym["char"], sym["formal_aliases"]),
        f"U+{sym['codepoint']:04X}",
        sym["name"],
        _latex(sym),
        _entity(sym),
        "; ".join(aliases),
    ]
    return "\t".join(cells)


def _json(sym: Mapping[str, Any], aliases: list[str]) -> dict[str, Any]:
    return {
        "char": sym["char"],
        "codepoint": f"U+{sym['codepoint']:04X}",
        "name": sym["name"],
        "latex": _latex(sym),
        "html": _entity(sym),
        "aliases": aliases,
    }


def _alfred(sym: Mapping[str, Any], aliases: list[str]) -> dict[str, Any]:
    label = f"U+{sym['codepoint']:04X}"
    extra = [p for p in (_latex(sym), _entity(sym), label) if p]
    return {
        "uid": label,
        "title": f"{_shown(sym)}  {sym['name']}",
        "subtitle": "  ".join(extra + ([f"({', '.join(aliases)})"] if aliases else [])),
        "arg": sym["char"],
        "match": " ".join([sym["name"].lower(), *extra, *aliases]),
        "text": {"copy": sym["char"], "largetype": sym["char"]},
    }


def list_lines(
    scope: str = "math",
    fmt: str = "plain",
    *,
    first: Sequence[int] = (),
    user_aliases: Mapping[int, Sequence[str]] | None = None,
) -> Iterator[str]:
    """Yield the lines of ``mathsym list``.

    Args:
        scope: ``math``, ``extended`` or ``all``.
        fmt: One of `FORMATS`.
        first: Code points to put first, in this order (the user's most used).
        user_aliases: The user's own aliases by code point, listed with the symbol's.

    Yields:
        One line per symbol (for ``alfred``, one JSON document in all).

    Raises:
        ValueError: For an unknown scope or format.

    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    user = user_aliases or {}
    rows = _rows(_order(scope, first))
    if fmt == "alfred":
        items = [_alfred(sym, _aliases(sym, user)) for sym in rows]
        yield json.dumps({"items": items}, ensure_ascii=False)
        return
    for sym in rows:
        aliases = _aliases(sym, user)
        if fmt == "plain":
            yield _plain(sym, aliases)
        elif fmt == "tsv":
            yield _tsv(sym, aliases)
        else:
            yield json.dumps(_json(sym, aliases), ensure_ascii=False)


def _rows(codepoints: Iterable[int]) -> Iterator[dict[str, Any]]:
    for cp in codepoints:
        sym = _fields(cp)
        if sym is not None:
            yield sym


def symbol_of_line(line: str) -> int | None:
    """Return the code point of a line ``mathsym list`` printed (plain or tsv), else None.

    A line counts only when its glyph field and code point belong together and
    its name follows, so ordinary text is never mistaken for one:
    ``identify "∀  U+2200  FOR ALL …"`` names ∀ alone, ``identify "∀x∈ℝ"`` each character.
    """
    text = line.strip("\r\n")
    found = _LINE.match(text)
    if found is None:
        return None
    cp = int(found["hex"], 16)
    sym = _fields(cp)
    if sym is None:
        return None
    glyph = found["glyph"]
    if glyph not in (sym["char"], _shown(sym), plain_safe(sym["char"], sym["formal_aliases"])):
        return None
    rest = text[found.end() :]
    return cp if rest.startswith(sym["name"]) else None
