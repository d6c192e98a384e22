r"""LaTeX text both ways: `convert` (``\alpha \to \beta`` → ``α → β``) and `to_latex` back.

The spellings of one command (``\mathbb R`` for ``\mathbb{R}``, ``forall`` without its
backslash, ``^{2}``) are read by `symbols.query.normalize_command`, re-exported here with
`STYLE_COMMANDS`; the converter looks the canonical keys up in the table.
"""

from __future__ import annotations

import re

# The spellings of one command are the query reader's (`symbols.query`): re-exported
# here, where the LaTeX helpers were first documented.
from symbols.query import PLAIN_COMMANDS, STYLE_COMMANDS, normalize_command

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from symbols.records import Symbol

__all__ = ["MAX_NESTING", "STYLE_COMMANDS", "convert", "normalize_command", "to_latex"]

#: How deep braces ``{…}`` may nest in the text `convert` takes (deeper: ValueError).
#: Real formulas stay within a dozen levels; the bound keeps the conversion's recursion
#: and copying small whatever the text.
MAX_NESTING = 100

# --------------------------------------------------------------------------- converting text


def convert(text: str) -> str:
    r"""Replace the LaTeX commands in *text* by the characters they stand for.

    ``\forall x \in \mathbb{R}: x^2 \geq 0`` becomes ``∀ x ∈ ℝ: x² ≥ 0``. Styled
    letters (``\mathbb{R}``, ``\mathbb R``, ``\mathbf{AB}``), super- and subscripts
    (``^2``, ``_{12}``, only when every character has a Unicode form; ``^{\prime}`` is
    ``′``), ``\sfrac{1}{2}``, radicals (``\sqrt{2}`` → ``√2``, ``\sqrt{x+1}`` →
    ``√(x+1)``, ``\sqrt[3]{x}`` → ``∛x``) and accents (``\hat{x}``, ``\not\in``) are
    understood. Whatever is not known —
    an unknown command, ``^{x+y}`` with no superscript ``+``… — is left exactly as
    typed; spaces are kept as they are. A backslash escapes the next character
    (``\{`` is a brace, not a group). The time taken grows linearly with the length.

    Args:
        text: Text with LaTeX commands.

    Returns:
        The converted text.

    Raises:
        TypeError: When *text* is not a str.
        ValueError: When braces nest more than `MAX_NESTING` levels deep.

    """
    if not isinstance(text, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.convert", "text", text, "a str")
    return _Converter(text).run()


def to_latex(text: str) -> str:
    r"""Replace the symbols in *text* by LaTeX commands: ``∀x∈ℝ`` → ``\forall x\in\mathbb{R}``.

    ASCII passes through unchanged, and so does any character with no LaTeX
    command. A command that works in classic LaTeX is preferred, one that needs no package
    first (``\alpha`` over ``\upalpha``), then one from a common package
    (``\mathbb{R}`` over unicode-math's ``\BbbR``); runs of super- or subscripts
    are grouped (``x²³`` → ``x^{23}``); combining accents wrap their base
    (``x̂`` → ``\hat{x}``), and so do the accents of a precomposed letter with no
    command of its own (``ŷ`` → ``\hat{y}``, ``é`` → ``\acute{e}``); primes are
    apostrophes, as in LaTeX (``x′`` → ``x'``).
    A space follows a command only where the next character
    is a letter, which would otherwise run into the command's name.

    Args:
        text: Unicode text.

    Returns:
        The text with LaTeX commands.

    Raises:
        TypeError: When *text* is not a str.

    """
    if not isinstance(text, str):
        from symbols._arguments import wrong_type

        raise wrong_type("symbols.to_latex", "text", text, "a str")
    from symbols.table import get

    units: list[str] = []  # one entry per output piece, so accents can wrap the last
    scripts: list[str] = []  # pending run of ^x or _x pieces, merged on flush

    def flush() -> None:
        if scripts:
            mark = scripts[0][0]
            body = _join([s[1:] for s in scripts])
            units.append(f"{mark}{body}" if len(scripts) == 1 else f"{mark}{{{body}}}")
            scripts.clear()

    for ch in _decomposed(text, get):
        if ch in _APOSTROPHES:
            # LaTeX's own spelling: x' is x^{\prime}, while x\prime sets the prime on
            # the baseline.
            flush()
            units.append(_APOSTROPHES[ch])
            continue
        sym = None if ch < "\x80" else get(ch)
        command = _preferred_command(sym) if sym is not None else ""
        if not command:
            flush()
            units.append(ch)
            continue
        if command[0] in "^_" and len(command) > 1:
            if scripts and scripts[0][0] != command[0]:
                flush()
            scripts.append(command)
            continue
        flush()
        if sym is not None and sym.category in ("Mn", "Me") and units:
            units[-1] = f"{command}{{{units[-1]}}}"
        else:
            units.append(command)
    flush()
    return _join(units)


def _decomposed(text: str, get: Callable[[str], Symbol | None]) -> Iterator[str]:
    r"""Yield the characters of *text*, a precomposed letter with no command of its own split.

    ŷ is y and U+0302, which `to_latex` writes ``\hat{y}``: a letter is written as its
    canonical decomposition when it has no command (LaTeX or unicode-math) and every mark
    of it has one.
    """
    import unicodedata2

    for ch in text:
        if ch < "\x80":
            yield ch
            continue
        sym = get(ch)
        if sym is None or _preferred_command(sym) or not sym.category.startswith("L"):
            yield ch
            continue
        parts = unicodedata2.normalize("NFD", ch)
        marks = [get(m) for m in parts[1:]]
        if (
            len(parts) > 1
            and _round_trips(parts[0], get)
            and all(m is not None and _preferred_command(m) for m in marks)
        ):
            yield from parts
        else:
            yield ch


def _round_trips(base: str, get: Callable[[str], Symbol | None]) -> bool:
    r"""Tell whether *base* is written so that `convert` gives it back (ϒ's ``\upUpsilon`` is Υ)."""
    if base < "\x80":
        return True
    sym = get(base)
    command = _preferred_command(sym) if sym is not None else ""
    if not command:
        return False
    from symbols.table import load

    hits = load().latex_index.get(command)
    return hits is not None and hits[0] == ord(base)


def _join(units: list[str]) -> str:
    """Concatenate LaTeX pieces, with a space where a letter would extend a command."""
    out: list[str] = []
    for i, unit in enumerate(units):
        out.append(unit)
        nxt = units[i + 1] if i + 1 < len(units) else ""
        if nxt[:1].isalpha() and _ENDS_IN_CONTROL_WORD.search(unit):
            out.append(" ")
    return "".join(out)


_ENDS_IN_CONTROL_WORD = re.compile(r"\\[A-Za-z]+$")

# Primes as LaTeX writes them after a symbol: one apostrophe each (′ → ', ″ → '').
_APOSTROPHES = {"\u2032": "'", "\u2033": "''", "\u2034": "'''", "\u2057": "''''"}

# Radicals take their argument (\sqrt{2} → √2); \sqrt[3] and \sqrt[4] have characters too.
_RADICALS = frozenset("\u221a\u221b\u221c")
_ROOT_INDEX = {"3": "\u221b", "4": "\u221c"}
_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")

# Origins whose commands work in classic (pdf)LaTeX with the usual packages; to_latex
# prefers them so that its output compiles without unicode-math.
_CLASSIC_ORIGINS = frozenset({"latex", "style"})
_TEXT_ONLY_ORIGINS = frozenset({"mathjax", "pylatexenc"})


def _preferred_command(sym: Symbol) -> str:
    r"""Pick the command to_latex writes for *sym* ("" to keep the character).

    Classic and package-free first, then classic, then unicode-math. A letter known
    only to the W3C or Julia tables (``\cyrchar\CYRA`` for А) stays as it is:
    today's LaTeX reads UTF-8 letters, and those commands need rare packages.
    """
    # MathJax's and pylatexenc's own vocabularies (MathJax's \lt, its \hat drawing ^)
    # may not compile in LaTeX: never written.
    commands = [c for c in sym.latex_commands if not set(c.origins) <= _TEXT_ONLY_ORIGINS]
    classic = [c for c in commands if _CLASSIC_ORIGINS.intersection(c.origins)]
    for c in classic:
        if not c.package:
            return c.command
    if classic:
        return classic[0].command
    for c in commands:
        if "unicode-math" in c.origins:
            return c.command
    if not commands or sym.category.startswith("L"):
        return ""
    return commands[0].command


class _Converter:
    r"""One pass over LaTeX text (see `convert`), in time linear in its length.

    Every scan is bounded: braces are matched once up front (`_groups`), a group's
    content is converted once, inside its own limits, and a lookup is only tried
    when the text could be a key of the table (no key is longer than
    `_longest_key`). An accent's argument is converted only as far as its first
    piece (is it one character?), and that piece is kept for when the argument is
    converted as text after all. The one price left is copying: a radical or a
    script copies its converted group into its own output, so text nested *d*
    deep is copied *d* times, which `MAX_NESTING` bounds.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.closes, depth = _groups(text)
        if depth > MAX_NESTING:
            raise ValueError(
                f"braces {{…}} nest {depth} levels deep; convert takes at most {MAX_NESTING}"
            )
        from symbols.table import load

        table = load()
        self.index = table.latex_index
        # Commands of several characters, and of none (\!): `symbols.datafile`'s latex_extra.
        self.sequences = table.latex_extra("sequences")
        self.no_text = table.latex_extra("no_text")
        self.longest = _longest_key()
        # Pieces converted ahead (an accent's argument, by `single`), by (start, limit).
        self.ahead: dict[tuple[int, int], tuple[str, int]] = {}

    def run(self) -> str:
        return self.region(0, len(self.text))

    def region(self, start: int, limit: int) -> str:
        """Convert ``text[start:limit]`` as text of its own (a group's content, or all)."""
        text, out, i = self.text, [], start
        while i < limit:
            m = _SPECIAL.search(text, i, limit)
            if m is None:
                out.append(text[i:limit])
                break
            j = m.start()
            if j > i:
                out.append(text[i:j])  # plain text, as it is
            close = self.closes.get(j, -1) if text[j] == "{" else -1
            if close >= 0:
                # A group nobody took as an argument: its braces stay, its content converts.
                piece, i = "{" + self.region(j + 1, close) + "}", close + 1
            elif text[j] == "{":
                piece, i = "{", j + 1  # unclosed: a plain character
            else:
                piece, i = self.piece(j, limit)
            out.append(piece)
        return "".join(out)

    def piece(self, start: int, limit: int) -> tuple[str, int]:
        """Convert the command or script at *start* (not past *limit*): (output, index after)."""
        done = self.ahead.pop((start, limit), None)
        if done is not None:
            return done
        if self.text[start] == "\\":
            return self.command(start, limit)
        return self.script(start, limit)

    def single(self, start: int, limit: int) -> str | None:
        """Return ``text[start:limit]`` converted when that is one character, else None.

        Every piece gives at least one character, so only a first piece that reaches
        *limit* can: it alone is converted (and kept for `piece`), not the whole text.
        """
        if start >= limit:
            return None
        ch = self.text[start]
        if ch == "{":
            return None  # a group keeps its braces: two characters at least
        if ch != "\\" and ch not in "^_":
            return ch if limit == start + 1 else None
        done = self.piece(start, limit)
        self.ahead[(start, limit)] = done
        return done[0] if done[1] == limit and len(done[0]) == 1 else None

    def command(self, start: int, limit: int) -> tuple[str, int]:
        """Convert the command at *start*; return (output, index after it)."""
        text = self.text
        m = _CONTROL_WORD.match(text, start, limit)
        # A control word (\alpha), else a control symbol (\{, \', \|) or a lone backslash.
        end = m.end() if m is not None else min(start + 2, limit)
        name = m.group(1) if m is not None else ""
        cmd = text[start:end]
        if name in STYLE_COMMANDS or name in PLAIN_COMMANDS:
            arg = self.argument(end, limit)
            styled = self.styled(name, arg) if arg is not None else None
            if styled is None and arg is not None and name in PLAIN_COMMANDS:
                # \mathrm{A}, \text{if }: the text itself, its commands converted.
                styled = self.region(arg[0], arg[1])
            return (styled, arg[2]) if styled is not None and arg is not None else (cmd, end)
        if name == "sfrac":
            first = self.argument(end, limit)
            second = self.argument(first[2], limit) if first is not None else None
            if first is not None and second is not None:
                hit = self.lookup(f"\\sfrac{{{self.key(first)}}}{{{self.key(second)}}}")
                if hit is not None:
                    return hit, second[2]
            return cmd, end
        # Keys with odd tails, stored whole: \mkern1mu, \mathchar"2208. A run of
        # non-blanks longer than every key cannot be one: it is not even read.
        run = _NON_BLANK.match(text, end, min(limit, start + self.longest + 1))
        run_end = run.end() if run is not None else end
        if end < run_end and run_end - start <= self.longest:
            hit = self.lookup(text[start:run_end])
            if hit is not None:
                return hit, run_end
        arg = self.argument(end, limit)
        if arg is not None:
            # Commands stored with their argument: \'{e} → é, \c{} → ¸.
            hit = self.lookup(f"{cmd}{{{self.key(arg)}}}") or (
                self.lookup(text[start : arg[2]]) if arg[2] - start <= self.longest else None
            )
            if hit is not None:
                return hit, arg[2]
        hit = self.lookup(cmd)
        if hit is None:
            hit = self.sequence(cmd)
            if hit is not None:
                return hit, end
            if cmd in self.no_text:
                # \! and the other negative spaces; \hspace{…} with its argument.
                return "", arg[2] if arg is not None and text.startswith("{", end) else end
            return cmd, end
        if hit in _RADICALS:
            return self.radical(hit, end, limit) or (cmd, end)
        if arg is not None and _is_mark(hit):
            base = self.single(arg[0], arg[1])
            if base is not None:
                return _nfc(base + hit), arg[2]
        return hit, end

    def radical(self, root: str, pos: int, limit: int) -> tuple[str, int] | None:
        r"""Convert a radical's argument: ``\sqrt{2}`` → ``√2``, ``\sqrt{x+1}`` → ``√(x+1)``.

        One character or a number goes right after the sign; anything longer is put
        in parentheses, which is what the braces meant. ``\sqrt[3]{x}`` → ``∛x`` (and
        ``[4]`` → ∜); another index stays as typed (None).
        """
        text = self.text
        if root == "\u221a" and pos < limit and text[pos] == "[":
            index = _ROOT_INDEX_RE.match(text, pos, limit)
            if index is None:
                return None
            root, pos = _ROOT_INDEX[index.group(1)], index.end()
        arg = self.argument(pos, limit)
        if arg is None:
            return root, pos
        body = self.region(arg[0], arg[1]).strip()
        if _one_grapheme(body) or _NUMBER.match(body):
            return root + body, arg[2]
        return f"{root}({body})", arg[2]

    def script(self, start: int, limit: int) -> tuple[str, int]:
        r"""Convert ``^2``, ``_{12}``: every character must have a script form.

        Otherwise the script stays a script, and only the commands inside it are
        converted: ``^\infty`` → ``^∞``, ``e^{i\pi}`` → ``e^{iπ}``.
        """
        text = self.text
        arg = self.argument(start + 1, limit)
        if arg is None:
            return text[start], start + 1
        first, last, end = arg
        mark = text[start]
        # Unit by unit, stopping at the first one with no script form (a nested
        # group stops it at its brace: no unit is read twice).
        chars: list[str] = []
        for unit in _SCRIPT_UNIT.finditer(text, first, last):
            key = mark + unit.group()
            char = self.lookup(key) if len(key) <= self.longest else None
            if char is None:
                chars.clear()
                break
            chars.append(char)
        if chars:
            return "".join(chars), end
        if mark == "^":
            # ^{\prime}: a prime is already a superscript mark (x′), with no other form.
            primes: list[str] = []
            for unit in _SCRIPT_UNIT.finditer(text, first, last):
                word = unit.group()
                prime = self.lookup(word) if word[0] == "\\" and len(word) <= self.longest else None
                if prime is None or prime not in _PRIMES:
                    primes.clear()
                    break
                primes.append(prime)
            if primes:
                return "".join(primes), end
        body = self.region(first, last)
        return mark + text[start + 1 : first] + body + text[last:end], end

    def styled(self, style: str, arg: tuple[int, int, int]) -> str | None:
        r"""Convert ``\mathbb{AB}`` → ``𝔸𝔹``; None unless every letter has a styled form."""
        first, last = self.stripped(arg[0], arg[1])
        if first >= last:
            return None
        body = self.text[first:last]
        if body[0] == "\\":
            key = f"\\{style}{{{body}}}" if last - first <= self.longest else ""
            return self.lookup(key) if key else None
        found: list[str] = []
        for ch in body:
            if ch == " ":
                continue
            char = self.lookup(f"\\{style}{{{ch}}}")
            if char is None:
                return None
            found.append(char)
        return "".join(found) or None

    def argument(self, pos: int, limit: int) -> tuple[int, int, int] | None:
        r"""Read the argument at *pos*: ``{…}`` (balanced), ``\cmd`` or one character.

        Returns:
            (where its content starts, where it ends, the index after the argument), or
            None when there is none before *limit*.

        """
        text = self.text
        blank = _TABS.match(text, pos, limit)
        pos = blank.end() if blank is not None else pos
        if pos >= limit:
            return None
        if text[pos] == "{":
            close = self.closes.get(pos, -1)
            return (pos + 1, close, close + 1) if close >= 0 else None
        m = _CONTROL_WORD.match(text, pos, limit)
        if m is not None:
            return pos, m.end(), m.end()
        if text[pos] in "}\\^_":
            return None
        return pos, pos + 1, pos + 1

    def stripped(self, first: int, last: int) -> tuple[int, int]:
        """Narrow ``text[first:last]`` to its content without surrounding white space."""
        text = self.text
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        return first, last

    def key(self, arg: tuple[int, int, int]) -> str:
        """Return an argument's content as a key part (stripped); "" (no key) when too long."""
        first, last = self.stripped(arg[0], arg[1])
        return self.text[first:last] if last - first <= self.longest else "\0"

    def lookup(self, command: str) -> str | None:
        """Return the character of an exact table command, or None."""
        hits = self.index.get(command)
        return chr(hits[0]) if hits else None

    def sequence(self, command: str) -> str | None:
        r"""Return the text of a command of several characters (``\colonapprox`` ``:≈``)."""
        from symbols.datafile import xrefs

        found = self.sequences.get(command)
        return "".join(map(chr, xrefs(found))) if found else None


def _groups(text: str) -> tuple[dict[int, int], int]:
    r"""Match the braces of *text* in one pass.

    A backslash takes the character after it, as in TeX: ``\{`` and ``\}`` are not
    braces. An unclosed ``{`` and a stray ``}`` are plain characters.

    Returns:
        {index of each ``{``: index of its ``}``}, and how deep the matched pairs nest.

    """
    closes: dict[int, int] = {}
    stack: list[int] = []
    opened: list[tuple[int, int]] = []  # (index of "{", how many were open before it)
    for m in _BRACE.finditer(text):
        if m.group() == "{":
            opened.append((m.start(), len(stack)))
            stack.append(m.start())
        elif m.group() == "}" and stack:
            closes[stack.pop()] = m.start()
    # What stays on the stack never closes, and lies under every pair opened after
    # it: a pair's depth is what was open before it, less those.
    deepest = unclosed = 0
    for index, before in opened:
        if index in closes:
            deepest = max(deepest, before + 1 - unclosed)
        else:
            unclosed += 1
    return closes, deepest


_longest: list[int] = []


def _longest_key() -> int:
    """Return the length of the longest LaTeX key of the table (once per process)."""
    if not _longest:
        from symbols.table import load

        _longest.append(max(map(len, load().latex_index), default=0))
    return _longest[0]


def _one_grapheme(text: str) -> bool:
    """Tell whether *text* is one grapheme cluster, reading no further than its first break."""
    from symbols.query import graphemes

    # Cluster breaks depend on what comes before only, so a break within the first
    # characters is a break of the whole: a long radicand is read no further.
    peek = 2
    while len(graphemes(text[:peek])) == 1:
        if peek >= len(text):
            return True
        peek *= 2
    return False


_SPECIAL = re.compile(r"[\\^_{]")
_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)
_NON_BLANK = re.compile(r"\S*")
_TABS = re.compile(r"[ \t]*")
_ROOT_INDEX_RE = re.compile(r"\[\s*([34])\s*\]")
_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)")
# Characters that are superscripts by nature: PRIME, DOUBLE/TRIPLE/QUADRUPLE PRIME
# and the reversed ones.
_PRIMES = frozenset("\u2032\u2033\u2034\u2057\u2035\u2036\u2037")
# One character of a super/subscript: a command (^\beta) or a non-blank character.
_SCRIPT_UNIT = re.compile(r"\\[A-Za-z]+|\S")


def _is_mark(char: str) -> bool:
    """Tell whether *char* is a combining mark (it attaches to the argument that follows)."""
    import unicodedata2

    return bool(unicodedata2.category(char) in ("Mn", "Me"))


def _nfc(text: str) -> str:
    """Compose ``∈`` + U+0338 into ``∉`` where Unicode has the precomposed character."""
    import unicodedata2

    return str(unicodedata2.normalize("NFC", text))
