"""Build data/symbols.json from the upstream tables, unicodedata2 and html.entities.

Usage::

    python tools/build_symbols.py [SOURCES_DIR] [-o data/symbols.json]

SOURCES_DIR defaults to ``../shared/data/sources`` beside the repository root. mathsym's
own hand-curated tables are read from tools/data (see tools/data/README.md): the concept
and shape table, concepts.tsv.
The output is byte-identical on every run (no timestamps, sorted keys, every
list built in a fixed order).

The file's layout (schema, packing, the offsets that let a look-up read little of it)
is written and read by one module, `symbols.datafile`; what its columns mean is
`symbols.schema`. This script computes the facts and hands them to
`symbols.datafile.dump`. The math scope's search index is precomputed by the library's
own `symbols.search_index.pack_index` (the one implementation) and stored with them.

LaTeX origins, best first: ``unicode-math``, ``style`` (styled letters, scripts and
``\\sfrac`` made here from Unicode names and decompositions), ``latex`` (the classic
command of unimathsymbols), ``unicode.xml``, ``julia``. A command several
characters claim is kept for each of them; look-ups rank them by that order.
"""

from __future__ import annotations

import argparse
import html.entities
import importlib.metadata
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import unicodedata2

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "tools") not in sys.path:
    sys.path.insert(0, str(REPO / "tools"))

from lookalikes import lookalikes, preferences  # noqa: E402
from sources import (  # noqa: E402
    LatexEntry,
    read_asciimath,
    read_compose,
    read_concepts,
    read_confusables,
    read_julia,
    read_latex2text,
    read_lookalike_preferences,
    read_mathjax,
    read_name_aliases,
    read_names_list,
    read_rfc1345,
    read_typst,
    read_uni2latex,
    read_unicode_math,
    read_unicode_xml,
    read_unimathsymbols,
    read_versions,
    read_vim,
    read_w3c_entities,
)
from styles import script_entries, sfrac_entries, styled_entries  # noqa: E402
from tex import TexNames, tex_names  # noqa: E402

from symbols import datafile  # noqa: E402
from symbols.groups import GROUPS, group_for  # noqa: E402
from symbols.query import concept_key  # noqa: E402
from symbols.schema import COLUMNS, LATEX_ORIGINS, SCOPES  # noqa: E402
from symbols.search_index import pack_index  # noqa: E402
from symbols.table import Table, scan_named  # noqa: E402

#: mathsym's own concept and shape table (tools/data/README.md).
CONCEPTS = REPO / "tools" / "data" / "concepts.tsv"
#: mathsym's own table of which look-alike is the unusual one (tools/data/README.md).
LOOKALIKE_PREFERENCES = REPO / "tools" / "data" / "lookalikes.tsv"

MATH_BLOCKS = (
    "Greek and Coptic",
    "General Punctuation",
    "Superscripts and Subscripts",
    "Currency Symbols",
    "Combining Diacritical Marks",
    "Combining Diacritical Marks for Symbols",
    "Letterlike Symbols",
    "Number Forms",
    "Arrows",
    "Mathematical Operators",
    "Miscellaneous Technical",
    "Geometric Shapes",
    "Miscellaneous Mathematical Symbols-A",
    "Miscellaneous Mathematical Symbols-B",
    "Supplemental Arrows-A",
    "Supplemental Arrows-B",
    "Supplemental Arrows-C",
    "Supplemental Mathematical Operators",
    "Miscellaneous Symbols and Arrows",
    "Supplemental Punctuation",
    "Mathematical Alphanumeric Symbols",
    "Geometric Shapes Extended",
)
#: Unicode 18's block of Leibnizian and other math symbols, found by its start.
LEIBNIZ_BLOCK_START = 0x1DB00

EXTENDED_BLOCKS = (
    "Dingbats",
    "Miscellaneous Symbols",
    "Box Drawing",
    "Block Elements",
    "Enclosed Alphanumerics",
    "Control Pictures",
    "Alphabetic Presentation Forms",
    "Spacing Modifier Letters",
    "Phonetic Extensions",
    "Arabic Mathematical Alphabetic Symbols",
    "Musical Symbols",
)
#: Blocks whose symbols and punctuation (not letters or digits) are in scope math.
ASCII_LATIN1 = ("Basic Latin", "Latin-1 Supplement")


def unicode_blocks_version() -> str:
    """Return the version of the Blocks.txt that fontTools carries (its header names it)."""
    from fontTools.unicodedata import Blocks  # type: ignore[import-untyped]

    found = re.search(r"Blocks-([0-9.]+)\.txt", Path(Blocks.__file__).read_text(encoding="utf-8"))
    return found.group(1) if found else "?"


def unicode_blocks() -> list[tuple[int, int, str]]:
    """Unicode 18 blocks from fontTools (the UCD 17 Blocks.json lacks the new ones)."""
    from fontTools.unicodedata import Blocks

    out = []
    for i, start in enumerate(Blocks.RANGES):
        name = Blocks.VALUES[i]
        end = Blocks.RANGES[i + 1] - 1 if i + 1 < len(Blocks.RANGES) else 0x10FFFF
        if name != "No_Block":
            out.append((start, end, name))
    return out


#: The AMS packages every mathematician loads (amssymb loads amsfonts).
AMS_PACKAGES = ("amsmath", "amssymb", "amsfonts")
#: A bare command (``\\cdot``, ``\\{``), as opposed to one with an argument or a
#: construction (``\\mathrm{\\Delta}``, ``\\hspace{0.167em}``, ``\\int\\!\\int``).
_BARE = re.compile(r"^\\(?:[A-Za-z]+|[^A-Za-z\s])$")
#: unicode.xml's macros of particular fonts and classes, which need a package it
#: does not name: Elsevier's (\\ElsevierGlyph, \\Elz…), pifont's, T2A Cyrillic.
_FONT_MACROS = re.compile(r"^\\(?:Elz|Elx|ElsevierGlyph|Pisymbol|ding|cyrchar)")
#: The short forms issue 2 names as what "every LaTeX user types" (LaTeX kernel
#: commands): trusted as package-free whichever source gives them. Only Julia gives
#: \\emptyset (U+2205), beside the classic \\varnothing of amssymb.
KERNEL_SHORT_FORMS = frozenset(
    {
        *(r"\le", r"\ge", r"\ne", r"\to", r"\gets", r"\lnot", r"\land", r"\lor"),
        *(r"\emptyset", r"\dots", r"\lbrace", r"\rbrace"),
    }
)
#: Commands MathJax maps to a character that TeX itself defines as another thing:
#: MathJax inserts U+00A0 for ``\\space`` and ``\\ ``, but in LaTeX ``\\space`` is a plain
#: (breakable) space and ``\\ `` an interword one. Kept, but never a symbol's first command
#: while it has another (U+00A0 is ``\\nobreakspace``, what ``~`` stands for).
TEX_DEFINES_OTHERWISE = frozenset({r"\space", "\\ "})


def _everyday_rank(
    command: str, origins: set[str], package: str, has_classic: bool
) -> tuple[int, int]:
    """How readily a command works in an ordinary LaTeX document (lower is readier).

    Tiers: 0 styled-letter, script and fraction forms; 1 what works with no
    package; 2 amsmath/amssymb/amsfonts; 3 a command only unicode.xml or Julia
    gives, where a classic command exists too; 4 other packages; 5 unicode-math
    names; 6 a command only MathJax or pylatexenc gives (their vocabularies, not
    LaTeX's: MathJax's ``\\lt`` is no LaTeX command, its ``\\hat`` draws ``^`` over an
    argument); 7 unicode.xml's font macros (`_FONT_MACROS`).

    A command of the LaTeX sources (unimathsymbols, unicode-math) carries its
    package (*package* is "unicode-math" for a unicode-math name no classic source
    gives, see `Builder.merge_latex`). unicode.xml and Julia name no package, and
    both also carry names that are not LaTeX (\\lessequivlnt, \\join): theirs count
    as package-free only where the character has no classic (unimathsymbols)
    command at all, or for `KERNEL_SHORT_FORMS`. Within a tier a bare math command
    comes first, then one with an argument or a construction, then text-mode
    commands (``\\textparagraph``): ¶ is ``\\P``, U+2009 ``\\thinspace``.
    """
    if "style" in origins:
        return 0, 0
    if origins <= {"mathjax", "pylatexenc"}:
        tier = 6
    elif origins & {"latex", "unicode-math"}:
        if not package:
            tier = 1
        elif package in AMS_PACKAGES:
            tier = 2
        else:
            tier = 5 if package == "unicode-math" else 4
    elif _FONT_MACROS.match(command):
        tier = 7
    elif command in KERNEL_SHORT_FORMS or not has_classic:
        tier = 1
    else:
        tier = 3
    if command in TEX_DEFINES_OTHERWISE:
        return tier, 3
    form = 2 if command.startswith("\\text") else 0 if _BARE.match(command) else 1
    return tier, form


@dataclass
class Merged:
    """One (symbol, command) pair with every source that gives it."""

    command: str
    origins: set[str] = field(default_factory=set)
    packages: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    seq: int = 0


class Builder:
    """Reads every source once and assembles the columns."""

    def __init__(self, sources: Path) -> None:
        self.src = sources
        #: The tables read, in order, with their versions as SOURCES.md gives them.
        self.versions = read_versions(sources / "SOURCES.md")
        self.used: dict[str, str] = {}
        self.tex = TexNames()
        self.order: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        # (code point, command) → when the sources first gave it (see `latex_order`).
        self.latex_seq: dict[tuple[int, str], int] = {}
        self.report: dict[str, Any] = {}
        self.blocks = unicode_blocks()
        self.block_by_name = {name: (lo, hi) for lo, hi, name in self.blocks}

    # -- helpers --------------------------------------------------------------

    def source(self, name: str) -> Path:
        """Return the path of the upstream table *name*, noting it (and its version) as read."""
        self.used[name] = self.versions.get(name, "")
        return self.src / name

    def block_of(self, cp: int) -> str:
        """Block name of *cp*."""
        for lo, hi, name in self.blocks:
            if lo <= cp <= hi:
                return name
        return "No_Block"

    def block_range(self, name: str) -> range:
        """Code points of the block called *name* (fails loudly if Unicode renamed it)."""
        lo, hi = self.block_by_name[name]
        return range(lo, hi + 1)

    @staticmethod
    def assigned(cp: int) -> bool:
        """Assigned, and not a surrogate or private-use code point."""
        return unicodedata2.category(chr(cp)) not in ("Cn", "Cs", "Co")

    # -- scope ------------------------------------------------------------------

    def scopes(self, named: set[int]) -> dict[int, int]:
        """Code point → 0 (math) or 1 (extended)."""
        scope: dict[int, int] = {}
        for name in EXTENDED_BLOCKS:
            for cp in self.block_range(name):
                if self.assigned(cp):
                    scope[cp] = 1
        for cp in range(0x110000):
            if unicodedata2.category(chr(cp)) == "Cc":
                scope[cp] = 1
        math: set[int] = set()
        leibniz = next(name for lo, _hi, name in self.blocks if lo == LEIBNIZ_BLOCK_START)
        for name in (*MATH_BLOCKS, leibniz):
            math.update(cp for cp in self.block_range(name) if self.assigned(cp))
        for name in ASCII_LATIN1:
            for cp in self.block_range(name):
                if unicodedata2.category(chr(cp))[0] in "PSZ":
                    math.add(cp)
        for cp in range(0x110000):
            if unicodedata2.category(chr(cp)) == "Sm":
                math.add(cp)
        math.update(cp for cp in named if self.assigned(cp))
        for cp in sorted(math):
            if unicodedata2.category(chr(cp)) != "Cc":
                scope[cp] = 0
        self.report["math_block_name_1DB00"] = leibniz
        return scope

    # -- LaTeX ------------------------------------------------------------------

    def latex_sources(self) -> tuple[list[LatexEntry], list[LatexEntry]]:
        """Source entries in precedence order, and unimathsymbols' ``#`` references."""
        um = read_unicode_math(self.source("unicode-math-table.tsv"))
        ums, approx = read_unimathsymbols(self.source("unimathsymbols.txt"))
        xml, _ = read_unicode_xml(self.source("w3c-unicode-xml.tsv"))
        julia, emoji, multi = read_julia(self.source("julia-latex-symbols.tsv"))
        self.tex = tex_names(
            read_mathjax(self.source("mathjax-tex.tsv")),
            read_latex2text(self.source("pylatexenc-latex2text.tsv")),
            read_uni2latex(self.source("pylatexenc-uni2latex.tsv")),
            self.report,
        )
        self.report["julia_skipped"] = {"emoji": emoji, "multi_codepoint": multi}
        self.report["latex_source_entries"] = {
            "unicode-math-table": len(um),
            "unimathsymbols": len(ums),
            "unicode.xml": len(xml),
            "mathjax+pylatexenc": len(self.tex.entries),
            "julia": len(julia),
        }
        return [
            *um,
            *self.outdated_unicode_math(um, ums),
            *xml,
            *self.tex.entries,
            *julia,
        ], approx

    def outdated_unicode_math(
        self, um: list[LatexEntry], ums: list[LatexEntry]
    ) -> list[LatexEntry]:
        """Relabel unimathsymbols' unicode-math names that unicode-math 2025 gives elsewhere.

        unimathsymbols records an older unicode-math: ``\\setminus`` at U+29F5 (now
        U+2216), ``\\mbfvarepsilon`` at U+1D6DC (now U+1D6C6). Such a name is kept for
        the old character but with origin ``latex`` (unimathsymbols), so the current
        unicode-math mapping wins instead of tying with it.
        """
        current = {e.command: e.codepoint for e in um}
        out = []
        relabelled = []
        for e in ums:
            if e.origin == "unicode-math" and current.get(e.command, e.codepoint) != e.codepoint:
                # Still a unicode-math name (of an older release): needs unicode-math.
                e = LatexEntry(e.codepoint, e.command, "latex", "unicode-math", e.math_class)
                relabelled.append(f"{e.command} U+{e.codepoint:04X}")
            out.append(e)
        self.report["outdated_unicode_math"] = relabelled
        return out

    def merge_latex(
        self, entries: list[LatexEntry], in_table: set[int], char_class: dict[int, str]
    ) -> dict[int, list[list[Any]]]:
        """Merge per (symbol, command) and order each symbol's commands, primary first.

        The primary command is the one a person types in plain LaTeX: styled-letter,
        script and fraction forms (origin ``style``) first, then commands that need
        no package, then those of amsmath/amssymb, then other packages, then
        unicode-math names (`_everyday_rank` has the details); then the precedence
        of `symbols.schema.LATEX_ORIGINS`, and source order breaks ties. So α is ``\\alpha`` (not
        unicode-math's ``\\mupalpha``), Δ ``\\Delta``, ∅ ``\\emptyset`` and & ``\\&``.
        """
        merged: dict[int, dict[str, Merged]] = {}
        seq = 0
        for e in entries:
            if e.codepoint not in in_table:
                continue
            per = merged.setdefault(e.codepoint, {})
            m = per.get(e.command)
            if m is None:
                m = per[e.command] = Merged(e.command, seq=seq)
                seq += 1
            m.origins.add(e.origin)
            if e.package and e.origin not in m.packages:
                m.packages[e.origin] = e.package
            if e.math_class and e.origin not in m.classes:
                m.classes[e.origin] = e.math_class
        out: dict[int, list[list[Any]]] = {}
        for cp, per in merged.items():
            for m in per.values():
                self.latex_seq[cp, m.command] = m.seq
            rows = []
            has_classic = any("latex" in m.origins for m in per.values())
            for m in per.values():
                origins = [o for o in LATEX_ORIGINS if o in m.origins]
                package = next((m.packages[o] for o in ("style", "latex") if o in m.packages), "")
                if not package and "latex" not in m.origins:
                    # A unicode-math name that unicode.xml or Julia repeat (\\less,
                    # \\mathyen) still needs unicode-math; one only they give needs nothing;
                    # one only MathJax gives needs the package its MathJax package stands for.
                    package = m.packages.get("unicode-math", "") or m.packages.get("mathjax", "")
                mclass = next(
                    (m.classes[o] for o in origins if o in m.classes), char_class.get(cp, "")
                )
                key = (
                    *_everyday_rank(m.command, m.origins, package, has_classic),
                    LATEX_ORIGINS.index(origins[0]),
                    m.seq,
                )
                rows.append((key, [m.command, origins, package, mclass]))
            out[cp] = [row for _key, row in sorted(rows, key=lambda r: r[0])]
        return out

    def approx_entries(self, approx: list[LatexEntry], used: set[str]) -> list[LatexEntry]:
        """unimathsymbols ``#`` references whose command no LaTeX source maps anywhere."""
        kept = [e for e in approx if e.command not in used]
        self.report["unimathsymbols_approx"] = {
            "kept": len(kept),
            "skipped": len(approx) - len(kept),
        }
        return kept

    # -- names -------------------------------------------------------------------

    def html_names(self) -> list[tuple[int, str]]:
        """Every single-code-point HTML5 entity name (no ``;``), unicode.xml's order first."""
        names: dict[str, int] = {}
        multi: set[str] = set()
        for key, value in sorted(html.entities.html5.items()):
            if len(value) != 1:
                multi.add(key.rstrip(";"))
                continue
            names[key.rstrip(";")] = ord(value)
        for cp, name in read_w3c_entities(self.source("w3c-htmlmathml.json")):
            names.setdefault(name, cp)
        _, xml_entities = read_unicode_xml(self.source("w3c-unicode-xml.tsv"))
        order = {(cp, name): i for i, (cp, name) in enumerate(xml_entities)}
        self.report["html"] = {"names": len(names), "multi_codepoint_skipped": len(multi)}
        pairs = sorted(
            ((cp, name) for name, cp in names.items()),
            key=lambda p: (p[0], order.get(p, len(order)), p[1].lower(), p[1]),
        )
        return pairs

    def name_of(self, cp: int, formal: dict[int, list[tuple[str, str]]]) -> str:
        """The Unicode name; for controls (which have none) the first formal alias.

        ``control`` aliases are preferred (U+0009 CHARACTER TABULATION); U+0080,
        U+0081 and U+0099 only have ``figment`` aliases (PADDING CHARACTER).
        """
        name: str = unicodedata2.name(chr(cp), "")
        if name:
            return name
        for wanted in ("control", "figment"):
            for alias, kind in formal.get(cp, []):
                if kind == wanted:
                    return alias
        raise ValueError(f"U+{cp:04X} has no name")

    # -- mathsym's own tables --------------------------------------------------------

    def concepts(self) -> list[tuple[int, str, str]]:
        """tools/data/concepts.tsv: (code point, ``means``/``looks``, phrase) in table order."""
        rows = read_concepts(CONCEPTS)
        kinds = {"means": 0, "looks": 0}
        for _cp, kind, _p in rows:
            kinds[kind] += 1
        self.report["concepts"] = {"rows": len(rows), **kinds}
        return rows

    # -- assemble ------------------------------------------------------------------

    def build(self) -> datafile.Data:
        """Everything data/symbols.json holds (`symbols.datafile.dump` writes it)."""
        latex_entries, approx = self.latex_sources()
        html_pairs = self.html_names()
        typst_pairs, typst_skipped = read_typst(self.source("typst-sym.txt"))
        self.report["typst"] = {"names": len(typst_pairs), "skipped": typst_skipped}

        named = (
            {e.codepoint for e in latex_entries}
            | {cp for cp, _ in html_pairs}
            | {cp for cp, _ in typst_pairs}
        )
        scope = self.scopes(named)
        in_table = set(scope)

        # Character-level math class: unicode-math first, then unimathsymbols.
        char_class: dict[int, str] = {}
        for e in latex_entries:
            if e.math_class and e.origin in ("unicode-math", "latex"):
                char_class.setdefault(e.codepoint, e.math_class)

        classic: dict[int, str] = {}
        for e in latex_entries:
            if e.origin == "latex" and e.command[1:].isalpha():
                classic.setdefault(e.codepoint, e.command)
        aliases, xrefs, reserved = read_names_list(self.source("ucd17-NamesList.json"))
        generated = [
            *styled_entries(reserved, classic, self.report),
            *script_entries(in_table, classic, self.report),
            *sfrac_entries(in_table, self.report),
        ]
        # A ``#`` reference is kept unless a LaTeX source (unicode-math, unimathsymbols)
        # maps its command elsewhere: Julia's \\hbar is ħ U+0127, but LaTeX's \\hbar
        # renders ℏ U+210F, as unimathsymbols' ``#\\hbar`` there says.
        used = {e.command for e in latex_entries if e.origin in ("unicode-math", "latex")}
        used |= {e.command for e in generated}
        ordered = [e for e in latex_entries if e.origin == "unicode-math"]
        ordered += generated
        ordered += [e for e in latex_entries if e.origin != "unicode-math"]
        ordered += self.approx_entries(approx, used)
        latex = self.merge_latex(ordered, in_table, char_class)

        formal: dict[int, list[tuple[str, str]]] = {}
        for cp, alias, kind in read_name_aliases(self.source("ucd17-NameAliases.json")):
            formal.setdefault(cp, []).append((alias, kind))

        def collect(pairs: list[tuple[int, str]]) -> dict[int, list[str]]:
            out: dict[int, list[str]] = {}
            for cp, name in pairs:
                if cp in in_table:
                    lst = out.setdefault(cp, [])
                    if name not in lst:
                        lst.append(name)
            return out

        html_col = collect(html_pairs)
        typst_col = collect(typst_pairs)
        vim_col = collect(read_vim(self.source("vim-digraph.txt")))
        rfc_col = collect(read_rfc1345(self.source("rfc1345.txt")))
        compose_col = collect(read_compose(self.source("Compose")))
        # ASCIIMathML.js maps "-" to U+0096, a C1 control (a slip for U+2212 in its
        # table): names of control characters are left out.
        asciimath = read_asciimath(self.source("asciimath.tsv"))
        ascii_col = collect(
            [(cp, n) for cp, n in asciimath if unicodedata2.category(chr(cp)) != "Cc"]
        )
        self.report["asciimath_skipped_controls"] = [
            f"{n} U+{cp:04X}" for cp, n in asciimath if unicodedata2.category(chr(cp)) == "Cc"
        ]

        concepts = self.concepts()
        preference_rows = read_lookalike_preferences(LOOKALIKE_PREFERENCES)
        alike = lookalikes(
            read_confusables(self.source("confusables.tsv")),
            xrefs,
            in_table,
            {unusual: usual for unusual, usual, _a in preference_rows},
        )
        prefer = preferences(preference_rows, alike)
        self.report["lookalikes"] = {
            "in_table": sum(1 for cp in alike if cp in in_table),
            "outside": sum(1 for cp in alike if cp not in in_table),
            "pairs": sum(len(v) for v in alike.values()),
            "preferences": len(prefer),
        }
        concept_col = collect([(cp, p) for cp, kind, p in concepts if kind == "means"])
        shape_col = collect([(cp, p) for cp, kind, p in concepts if kind == "looks"])

        cols: dict[str, list[Any]] = {k: [] for k in COLUMNS}
        for cp in sorted(in_table):
            gc = unicodedata2.category(chr(cp))
            name = self.name_of(cp, formal)
            block = self.block_of(cp)
            commands = latex.get(cp, [])
            mclass = commands[0][3] if commands else char_class.get(cp, "")
            cols["cp"].append(cp)
            cols["name"].append(name)
            cols["gc"].append(gc)
            cols["group"].append(GROUPS.index(group_for(cp, gc, block, name, mclass)))
            cols["scope"].append(scope[cp])
            cols["latex"].append(commands)
            cols["html"].append(html_col.get(cp, []))
            cols["typst"].append(typst_col.get(cp, []))
            cols["vim"].append(vim_col.get(cp, []))
            cols["compose"].append(compose_col.get(cp, []))
            cols["asciimath"].append(ascii_col.get(cp, []))
            cols["rfc1345"].append(rfc_col.get(cp, []))
            cols["alias"].append(aliases.get(cp, []))
            cols["formal"].append([a for a, _k in formal.get(cp, [])])
            cols["xref"].append(xrefs.get(cp, []))
            cols["concept"].append(concept_col.get(cp, []))
            cols["shape"].append(shape_col.get(cp, []))
            cols["lookalike"].append(alike.get(cp, []))

        self.report["rows"] = {"math": cols["scope"].count(0), "extended": cols["scope"].count(1)}
        order = self.order = latex_order(cols, self.latex_seq)
        self.report["conflicts"] = {
            cmd: [f"U+{cp:04X} {'/'.join(origins)}" for cp, origins in claims]
            for cmd, claims in order.items()
        }
        data = datafile.Data(
            unicode=unicodedata2.unidata_version,
            groups=list(GROUPS),
            blocks=[list(b) for b in self.blocks],
            # HTML 4's entity names, which symbols.inputs ranks first: stored so that a
            # look-up need not import html.entities.
            html4="\t".join(sorted(html.entities.name2codepoint)),
            columns=datafile.Columns(datafile.pack_columns(cols)),
            # What the table was made from: `mathsym --version` prints it.
            provenance={
                **self.used,
                # mathsym's own tables, beside the upstream ones.
                "tools/data/concepts.tsv": f"mathsym's own, {len(concepts):,} rows",
                "tools/data/lookalikes.tsv": f"mathsym's own, {len(preference_rows)} rows",
                "unicodedata2": importlib.metadata.version("unicodedata2"),
                "fontTools.unicodedata Blocks": unicode_blocks_version(),
            },
            unlisted={
                "alias": datafile.pack_unlisted(aliases, in_table),
                "formal": datafile.pack_unlisted(
                    {cp: [a for a, _k in v] for cp, v in formal.items()}, in_table
                ),
                "concept": datafile.pack_unlisted(_phrases(concepts, "means"), in_table),
                "shape": datafile.pack_unlisted(_phrases(concepts, "looks"), in_table),
                "lookalike": datafile.pack_unlisted(
                    {cp: [f"{o:04X}" for o in v] for cp, v in alike.items()}, in_table
                ),
                # The code points scope "all" adds: a search there need not scan Unicode.
                "named": datafile.pack_ranges(cp for cp in scan_named() if cp not in in_table),
            },
            prefer=datafile.packed_map(
                {f"{cp:04X}": f"{usual:04X} {advice}" for cp, (usual, advice) in prefer.items()}
            ),
            concept_order=datafile.pack_concept_order(_concept_order(concepts)),
            latex_extra={
                "order": datafile.packed_map(
                    {cmd: " ".join(f"{cp:04X}" for cp, _o in v) for cmd, v in order.items()}
                ),
                "sequences": datafile.packed_map(
                    {c: " ".join(f"{cp:04X}" for cp in v) for c, v in self.tex.sequences.items()}
                ),
                "widths": datafile.packed_map(self.tex.widths),
                "no_text": datafile.packed_map(self.tex.no_text),
                "ligatures": datafile.packed_map(
                    {k: f"{cp:04X}" for k, cp in self.tex.ligatures.items()}
                ),
            },
        )
        # Every scope's search index, precomputed by the library's own code (the one
        # implementation) so that a one-shot search only splits the strings it reads.
        table = Table(data)
        return data.with_search({scope: pack_index(scope, table) for scope in SCOPES})


def _phrases(concepts: list[tuple[int, str, str]], kind: str) -> dict[int, list[str]]:
    """Code point → its phrases of one kind (``means``, ``looks``), in table order."""
    out: dict[int, list[str]] = {}
    for cp, k, phrase in concepts:
        if k == kind:
            out.setdefault(cp, []).append(phrase)
    return out


def _concept_order(concepts: list[tuple[int, str, str]]) -> dict[str, list[int]]:
    """Folded phrase → the code points that have it, in table order (its first row first).

    The table's rule (tools/data/README.md): the first row for a phrase is its preferred
    answer. Phrases that fold alike ("upside-down a", "upside down a") are one phrase to
    search, ranked by the first row of either.
    """
    order: dict[str, list[int]] = {}
    for cp, _kind, phrase in concepts:
        found = order.setdefault(concept_key(phrase), [])
        if cp not in found:
            found.append(cp)
    return order


def _canonical_singleton(cp: int) -> bool:
    """Tell whether Unicode maps *cp* canonically to one other character (EM QUAD, OHM SIGN)."""
    return bool(unicodedata2.normalize("NFC", chr(cp)) != chr(cp))


def latex_order(
    cols: dict[str, list[Any]], seq: dict[tuple[int, str], int]
) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """Decide the precedence of every command several symbols claim: command → claims, best first.

    The rule (docs/latex-conflicts.md): a character Unicode maps canonically to another
    (U+2001 EM QUAD to U+2003 EM SPACE, U+2126 OHM SIGN to Ω) after the others; then the
    best origin (`symbols.schema.LATEX_ORIGINS`); then the order in which the sources
    give them (*seq*: the first source's own order); then the code point.
    """
    claims: dict[str, list[tuple[tuple[bool, int, int, int], int, tuple[str, ...]]]] = {}
    for cp, commands in zip(cols["cp"], cols["latex"], strict=True):
        for cmd, origins, _pkg, _cls in commands:
            key = (_canonical_singleton(cp), LATEX_ORIGINS.index(origins[0]), seq[cp, cmd], cp)
            claims.setdefault(cmd, []).append((key, cp, tuple(origins)))
    return {
        cmd: [(cp, origins) for _key, cp, origins in sorted(v)]
        for cmd, v in sorted(claims.items())
        if len(v) > 1
    }


def _claim_cell(claim: str) -> str:
    label, origins = claim.split(" ", 1)
    return f"{chr(int(label[2:], 16))} {label} ({origins})"


_CONFLICTS_INTRO = """\
# LaTeX commands: precedence, and what the sources disagree on

Generated by `python tools/build_symbols.py --conflicts docs/latex-conflicts.md`.

Seven sources give LaTeX commands (README's Data sources). Every mapping is kept, with all
its origins; when several symbols claim one command, `symbols.from_latex` and search give
them in this order, decided once by the generator:

1. a character that Unicode maps canonically to another one (U+2001 EM QUAD is U+2003 EM
   SPACE, U+2126 OHM SIGN is Ω U+03A9, U+212B ANGSTROM SIGN is Å) comes after the others:
   `\\quad` is U+2003 EM SPACE, as MathJax, pylatexenc and Julia say, before unimathsymbols'
   U+2001;
2. the best origin: **unicode-math** > **style** (made here) > **latex** (unimathsymbols) >
   **unicode.xml** > **mathjax** (MathJax 4.1.3's TeX input, each command checked by running
   MathJax) > **pylatexenc** (its LaTeX-to-text and Unicode-to-LaTeX tables) > **julia**;
3. the order in which that source gives them (MathJax's note names U+2009 THIN SPACE, the
   conventional space, before U+2006 SIX-PER-EM SPACE, the exact one, for `\\,`), then the
   code point.

What this decides for the sources added by issue 11:

- **Spacing commands** find the Unicode space of their width, which the detail view shows:
  `\\,` and `\\thinspace` (3/18 em) U+2009 THIN SPACE, the conventional one, then U+2006
  SIX-PER-EM SPACE, the exact one; `\\:` and `\\>` (4/18 em) U+205F MEDIUM MATHEMATICAL
  SPACE; `\\enspace` (0.5 em) U+2002 EN SPACE; `\\quad` (1 em) U+2003 EM SPACE, then U+2001
  EM QUAD; `\\qquad` (2 em) is two EM SPACEs (a sequence, below). No character has the width
  of `\\;` (5/18 em): pylatexenc reads it as a plain space, and writes U+2008 PUNCTUATION
  SPACE as `\\;`; both are kept, in that order (pylatexenc also reads `\\,` and `\\:` as a
  plain space, after the spaces above). Negative spaces (`\\!`, `\\negthinspace`,
  `\\negmedspace`, `\\negthickspace`) give no character; the command line says so.
- **Text accents** (`\\'`, `\\^`, `\\"`, `\\~`, `\\=`, `\\.`, `\\u`, `\\v`…) give the
  combining mark first (unicode.xml, pylatexenc: U+0301 for `\\'`), then the spacing
  character MathJax draws (U+00B4). Math accents (`\\hat`, `\\vec`…) likewise: the
  combining mark, then MathJax's spacing character (`^`, →).
- **`\\lt` and `\\gt`** are < and > (MathJax's plain macros). MathJax also reads them as angle
  brackets after `\\left`; that reading is left out. MathJax's `\\Coloneq` at U+2A7A
  (GREATER-THAN WITH CIRCLE INSIDE, an upstream slip its table notes) is left out too.
- **Text-mode commands** of pylatexenc and MathJax's textcomp: `\\textquoteleft` is ‘ U+2018
  (the table had nothing, and search fell back to a look-alike name), `\\dag` †,
  `\\textbraceleft` {.
- **`\\space` and `\\ `**: MathJax inserts U+00A0 NO-BREAK SPACE for both, but in LaTeX
  `\\space` is a plain space and `\\ ` an interword one: they stay on U+00A0, never first;
  its first command is `\\nobreakspace` (what `~` stands for).
- **`\\AA`**: Å U+00C5 (unicode.xml, Julia, pylatexenc) before U+212B ANGSTROM SIGN (MathJax):
  rule 1.

"""


def conflicts_markdown(order: dict[str, list[tuple[int, tuple[str, ...]]]], tex: TexNames) -> str:
    """The precedence and the conflicts as a Markdown page (docs/latex-conflicts.md)."""
    lines = [
        _CONFLICTS_INTRO,
        "## Commands several symbols claim",
        "",
        "| command | first | also |",
        "|---|---|---|",
    ]
    for cmd, claims in order.items():
        (cp, origins), *rest = claims
        shown = cmd.replace("|", "\\|")
        also = "; ".join(_claim_cell(f"U+{c:04X} {'/'.join(o)}") for c, o in rest)
        lines.append(f"| `{shown}` | {_claim_cell(f'U+{cp:04X} ' + '/'.join(origins))} | {also} |")
    lines += [
        "",
        "## Commands of several characters",
        "",
        "`symbols.latex.convert` writes them out; search lists their characters in order",
        "when none is a letter or a space. A command any source gives one character is",
        "that character instead.",
        "",
        "| command | text |",
        "|---|---|",
    ]
    for cmd, cps in sorted(tex.sequences.items()):
        text = " ".join(f"U+{c:04X}" for c in cps)
        lines.append(f"| `{cmd.replace('|', chr(92) + '|')}` | {text} |")
    lines += ["", "## Commands of no character", "", "| command | why |", "|---|---|"]
    for cmd, why in sorted(tex.no_text.items()):
        width = tex.widths.get(cmd, "")
        lines.append(f"| `{cmd}` | {why}{f' ({width})' if width else ''} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sources", nargs="?", type=Path, default=REPO.parent / "shared" / "data" / "sources"
    )
    parser.add_argument("-o", "--output", type=Path, default=REPO / "data" / "symbols.json")
    parser.add_argument(
        "--report", type=Path, help="also write counts, skips and conflicts as JSON here"
    )
    parser.add_argument(
        "--conflicts",
        type=Path,
        help="also write the LaTeX commands several symbols claim (Markdown)",
    )
    args = parser.parse_args(argv)
    if not (args.sources / "SOURCES.md").is_file():
        print(f"build_symbols: no upstream tables in {args.sources}", file=sys.stderr)
        return 2
    if unicodedata2.unidata_version != "18.0.0":
        print(
            f"build_symbols: unicodedata2 {unicodedata2.unidata_version}, want 18.0.0",
            file=sys.stderr,
        )
        return 2
    builder = Builder(args.sources)
    data = datafile.dump(builder.build())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(args.output)
    report = builder.report
    if args.report:
        args.report.write_text(
            json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    if args.conflicts:
        markdown = conflicts_markdown(builder.order, builder.tex)
        args.conflicts.write_text(markdown, encoding="utf-8")
    summary = {k: v for k, v in report.items() if k not in ("conflicts", "outdated_unicode_math")}
    print(json.dumps(summary, ensure_ascii=False, sort_keys=True), file=sys.stderr)
    print(f"{len(report['conflicts'])} LaTeX commands claimed by several symbols", file=sys.stderr)
    print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
