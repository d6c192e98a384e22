r"""LaTeX text both ways: `convert` (``\alpha \to \beta`` → ``α → β``) and `to_latex` back.

The spellings of one command (``\mathbb R`` for ``\mathbb{R}``, ``forall`` without its
backslash, ``^{2}``) are read by `symbols.query.normalize_command`, re-exported here with
`STYLE_COMMANDS`; the converter looks the canonical keys up in the table.
"""

from __future__ import annotations

import re

# The spellings of one command are the query reader's (`symbols.query`): re-exported
# here, where the LaTeX helpers were first documented.
from symbols.query import STYLE_COMMANDS, normalize_command

# Not `from typing import …` at run time: typing is slow to import (bench/README.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from symbols.records import Symbol

__all__ = ["STYLE_COMMANDS", "convert", "normalize_command", "to_latex"]

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
    typed; spaces are kept as they are.

    Args:
        text: Text with LaTeX commands.

    Returns:
        The converted text.

    """
    return _Converter(text).run()


def to_latex(text: str) -> str:
    r"""Replace the symbols in *text* by LaTeX commands: ``∀x∈ℝ`` → ``\forall x\in\mathbb{R}``.

    ASCII passes through unchanged, and so does any character with no LaTeX
    command. A command that works in classic LaTeX is preferred, one that needs no package
    first (``\alpha`` over ``\upalpha``), then one from a common package
    (``\mathbb{R}`` over unicode-math's ``\BbbR``); runs of super- or subscripts
    are grouped (``x²³`` → ``x^{23}``); combining accents wrap their base
    (``x̂`` → ``\hat{x}``); primes are apostrophes, as in LaTeX (``x′`` → ``x'``).
    A space follows a command only where the next character
    is a letter, which would otherwise run into the command's name.

    Args:
        text: Unicode text.

    Returns:
        The text with LaTeX commands.

    """
    from symbols.table import get

    units: list[str] = []  # one entry per output piece, so accents can wrap the last
    scripts: list[str] = []  # pending run of ^x or _x pieces, merged on flush

    def flush() -> None:
        if scripts:
            mark = scripts[0][0]
            body = _join([s[1:] for s in scripts])
            units.append(f"{mark}{body}" if len(scripts) == 1 else f"{mark}{{{body}}}")
            scripts.clear()

    for ch in text:
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


def _preferred_command(sym: Symbol) -> str:
    r"""Pick the command to_latex writes for *sym* ("" to keep the character).

    Classic and package-free first, then classic, then unicode-math. A letter known
    only to the W3C or Julia tables (``\cyrchar\CYRA`` for А) stays as it is:
    today's LaTeX reads UTF-8 letters, and those commands need rare packages.
    """
    commands = sym.latex_commands
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
    """A one-pass scanner over LaTeX text (see `convert`)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def run(self) -> str:
        text, out, i = self.text, [], 0
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                piece, i = self.command(i)
            elif ch in "^_":
                piece, i = self.script(i)
            else:
                piece, i = ch, i + 1
            out.append(piece)
        return "".join(out)

    def command(self, start: int) -> tuple[str, int]:
        """Convert the command at *start*; return (output, index after it)."""
        text = self.text
        m = _CONTROL_WORD.match(text, start)
        # A control word (\alpha), else a control symbol (\{, \', \|) or a lone backslash.
        end = m.end() if m is not None else min(start + 2, len(text))
        name = m.group(1) if m is not None else ""
        cmd = text[start:end]
        if name in STYLE_COMMANDS:
            arg = self.argument(end)
            styled = self.styled(name, arg[0]) if arg is not None else None
            return (styled, arg[1]) if styled is not None and arg is not None else (cmd, end)
        if name == "sfrac":
            first = self.argument(end)
            second = self.argument(first[1]) if first is not None else None
            if first is not None and second is not None:
                hit = self.lookup(f"\\sfrac{{{first[0].strip()}}}{{{second[0].strip()}}}")
                if hit is not None:
                    return hit, second[1]
            return cmd, end
        run_end = end
        while run_end < len(text) and not text[run_end].isspace():
            run_end += 1
        if run_end > end:
            # Keys with odd tails, stored whole: \mkern1mu, \mathchar"2208.
            hit = self.lookup(text[start:run_end])
            if hit is not None:
                return hit, run_end
        arg = self.argument(end)
        if arg is not None:
            # Commands stored with their argument: \'{e} → é, \c{} → ¸.
            hit = self.lookup(f"{cmd}{{{arg[0].strip()}}}") or self.lookup(text[start : arg[1]])
            if hit is not None:
                return hit, arg[1]
        hit = self.lookup(cmd)
        if hit is None:
            return cmd, end
        if hit in _RADICALS:
            return self.radical(hit, end) or (cmd, end)
        if arg is not None and _is_mark(hit):
            base = _Converter(arg[0]).run()
            if len(base) == 1:
                return _nfc(base + hit), arg[1]
        return hit, end

    def radical(self, root: str, pos: int) -> tuple[str, int] | None:
        r"""Convert a radical's argument: ``\sqrt{2}`` → ``√2``, ``\sqrt{x+1}`` → ``√(x+1)``.

        One character or a number goes right after the sign; anything longer is put
        in parentheses, which is what the braces meant. ``\sqrt[3]{x}`` → ``∛x`` (and
        ``[4]`` → ∜); another index stays as typed (None).
        """
        text = self.text
        if root == "\u221a" and text.startswith("[", pos):
            close = text.find("]", pos)
            index = text[pos + 1 : close].strip() if close > 0 else ""
            if index not in _ROOT_INDEX:
                return None
            root, pos = _ROOT_INDEX[index], close + 1
        arg = self.argument(pos)
        if arg is None:
            return root, pos
        body = _Converter(arg[0]).run().strip()
        from symbols.query import graphemes

        if len(graphemes(body)) == 1 or _NUMBER.match(body):
            return root + body, arg[1]
        return f"{root}({body})", arg[1]

    def script(self, start: int) -> tuple[str, int]:
        r"""Convert ``^2``, ``_{12}``: every character must have a script form.

        Otherwise the script stays a script, and only the commands inside it are
        converted: ``^\infty`` → ``^∞``, ``e^{i\pi}`` → ``e^{iπ}``.
        """
        arg = self.argument(start + 1)
        if arg is None:
            return self.text[start], start + 1
        body, end = arg
        mark = self.text[start]
        units = _SCRIPT_UNIT.findall(body)
        chars = [self.lookup(f"{mark}{unit}") for unit in units]
        if chars and all(c is not None for c in chars):
            return "".join(c for c in chars if c is not None), end
        if mark == "^" and units and all(u.startswith("\\") for u in units):
            # ^{\prime}: a prime is already a superscript mark (x′), with no other form.
            primes = [self.lookup(u) for u in units]
            if all(p is not None and p in _PRIMES for p in primes):
                return "".join(p for p in primes if p is not None), end
        raw = self.text[start + 1 : end]
        return mark + raw.replace(body, _Converter(body).run(), 1), end

    def styled(self, style: str, body: str) -> str | None:
        r"""Convert ``\mathbb{AB}`` → ``𝔸𝔹``; None unless every letter has a styled form."""
        body = body.strip()
        parts = [body] if body.startswith("\\") else list(body.replace(" ", ""))
        found = [self.lookup(f"\\{style}{{{p}}}") for p in parts]
        if not found or any(f is None for f in found):
            return None
        return "".join(f for f in found if f is not None)

    def argument(self, pos: int) -> tuple[str, int] | None:
        r"""Read the argument at *pos*: ``{…}`` (balanced), ``\cmd`` or one character."""
        text = self.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos >= len(text):
            return None
        if text[pos] == "{":
            depth = 0
            for j in range(pos, len(text)):
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        return text[pos + 1 : j], j + 1
            return None
        m = _CONTROL_WORD.match(text, pos)
        if m is not None:
            return m.group(0), m.end()
        if text[pos] in "}\\^_":
            return None
        return text[pos], pos + 1

    @staticmethod
    def lookup(command: str) -> str | None:
        """Return the character of an exact table command, or None."""
        from symbols.table import load

        hits = load().latex_index.get(command)
        return chr(hits[0]) if hits else None


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
