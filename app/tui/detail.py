"""The detail pane: the highlighted symbol at a glance, then everything else about it.

The first lines answer what the person came for without scrolling, at every size: the
glyph, its name and code point, the key chord of the method shown first (the OS's own,
or ``MATHSYM_METHOD``, or "Show first" in the palette), the macOS Unicode Hex Input
chord when that is not it, then the primary LaTeX command and HTML entity. Below them:
why the symbol matched when the query said what it means or looks like ("looks like:
upside-down a"), category and group, every LaTeX command with its package (and a
spacing command's width), every entity, Typst names, aliases, every input method with
its note, the look-alikes (at most `LOOKALIKES_SHOWN`), and the related symbols.

Below 72 columns the pane folds away and `GlanceStrip` shows the same first lines,
one each, under the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from app.display import CATEGORY_NAMES
from app.tui.glyph import glyph_content, glyph_scale
from app.tui.rows import WHY_MATCHED
from app.tui.styles import FAVORITE, HEADING, KEYS, MUTED
from app.tui.widgets import RelatedList

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from symbols.inputs import InputMethod
    from symbols.search import Matched
    from symbols.table import Symbol

__all__ = [
    "EMPTY_HINT",
    "LOOKALIKES_SHOWN",
    "DetailPane",
    "GlanceStrip",
    "detail_content",
    "glance_content",
    "glance_line",
    "glance_methods",
    "glyph_box",
    "no_match_hint",
    "short_label",
]


#: What the detail pane says when nothing is highlighted and nothing was typed.
EMPTY_HINT = Content.styled("Nothing here yet: type a name, \\command or U+code.", MUTED)

#: Most look-alikes the detail pane lists (a letter like "o" has dozens).
LOOKALIKES_SHOWN = 6

#: Short names where the label's part before the parenthesis is not one.
_SHORT_LABELS = {"windows-numpad": "Alt+numpad"}


def short_label(method: InputMethod) -> str:
    """Return a method's name in a word or two (``Linux``, ``macOS``), for one-line layouts."""
    return _SHORT_LABELS.get(method.id, method.label.split(" (")[0])


def glance_methods(symbol: Symbol, first: str | None) -> list[InputMethod]:
    """Return the methods shown at a glance: the one shown first, then macOS when that is not it.

    Args:
        symbol: The symbol.
        first: The method shown first (None: ``MATHSYM_METHOD``, else the OS's own).

    Returns:
        One or two methods; macOS's Unicode Hex Input is always among them (the hex
        chord is what the person keeps a page at hand for).

    """
    from symbols.inputs import inputs

    methods = inputs(symbol, first=first)
    shown = methods[:1]
    if shown[0].id != "macos":
        shown += [m for m in methods if m.id == "macos"]
    return shown


def _keys(method: InputMethod) -> Content:
    if method.keys:
        return Content.styled(method.keys, KEYS)
    # A method that cannot type this character (the numpad above U+FFFF): say why.
    reason = method.note.split(":")[0].split(".")[0]
    return Content.assemble(("—", KEYS), (f"  {reason}" if reason else "", MUTED))


def _primary_forms(symbol: Symbol) -> list[tuple[str, str, str]]:
    """(label, form, note) for the primary LaTeX command and HTML entity, where there are."""
    forms: list[tuple[str, str, str]] = []
    if symbol.latex_commands:
        first = symbol.latex_commands[0]
        forms.append(("LaTeX", first.command, first.package))
    if symbol.html:
        forms.append(("HTML", f"&{symbol.html[0]};", ""))
    return forms


def glyph_box(symbol: Symbol) -> Content:
    """Return the glyph box's lines: the glyph, then among letters and doubled, for scale.

    A stand-in (a space, an invisible character) has no line for scale. Short
    terminals show the box one line high: the glyph alone.
    """
    glyph, _note = glyph_content(symbol)
    scale = glyph_scale(symbol)
    return Content.assemble(glyph.stylize("bold"), *(("\n", scale) if scale else ()))


def glance_content(symbol: Symbol, first: str | None, favorite: bool) -> Content:
    """Return the lines under the glyph box: name, code point, chords, LaTeX and entity.

    Each chord on a line of its own under its method's name, so that it is never
    wrapped in the pane's 27 columns at 80×24. A stand-in's note ("◌ a combining
    mark, shown on a dotted circle") comes first.
    """
    _glyph, note = glyph_content(symbol)
    parts: list[Content | str | tuple[str, str]] = [
        (f"{note}\n" if note else "", MUTED),
        (symbol.name, "bold"),
        (" ★" if favorite else "", FAVORITE),
        "\n",
        (f"{symbol.label} · {symbol.block}", MUTED),
    ]
    for method in glance_methods(symbol, first):
        parts += ["\n", (method.label, MUTED), "\n  ", _keys(method)]
    for label, form, note in _primary_forms(symbol):
        parts += ["\n", (f"{label:<6}", MUTED), form, (f"  {note}" if note else "", MUTED)]
    return Content.assemble(*parts)


def glance_line(symbol: Symbol, first: str | None, favorite: bool) -> Content:
    """Return the folded layout's lines: glyph, code point, name; the chords; LaTeX, entity."""
    glyph, _note = glyph_content(symbol)
    # The code point before the name: a long name is what the strip's width cuts.
    parts: list[Content | str | tuple[str, str]] = [
        glyph.stylize("bold"),
        (f" {symbol.label} ", MUTED),
        ("★ " if favorite else "", FAVORITE),
        (symbol.name, "bold"),
    ]
    for method in glance_methods(symbol, first):
        parts += ["\n", (f"{short_label(method)}  ", MUTED), _keys(method)]
    forms = _primary_forms(symbol)
    if forms:
        parts.append("\n")
        parts += [x for _label, form, _note in forms for x in (form, "  ")][:-1]
    return Content.assemble(*parts)


def _section(title: str) -> Content:
    return Content.styled(f"\n{title}\n", HEADING)


def detail_content(
    symbol: Symbol, first_method: str | None, matched: Matched | None = None
) -> Content:
    """Everything below the glance: why it matched, category, names, every input method.

    Args:
        symbol: The symbol shown.
        first_method: The input method listed first (None: the OS's own).
        matched: What the query matched, if it came from a search: a meaning or a shape
            is said first, right under the glance ("means: if and only if").

    Returns:
        The content: why it matched (a meaning or a shape), category and group, every
        LaTeX command with its package and a spacing command's width, HTML, Typst,
        aliases, every input method with its note, and the look-alikes.

    """
    from symbols.inputs import inputs
    from symbols.table import latex_width

    category = CATEGORY_NAMES.get(symbol.category, symbol.category)
    parts: list[Content | str | tuple[str, str]] = []
    if matched is not None and matched.field in WHY_MATCHED:
        # One line under the glance: the name says nothing of "upside down a".
        parts += [(f"{WHY_MATCHED[matched.field]}: ", MUTED), matched.text, "\n"]
    parts += [(f"{symbol.category} {category} · {symbol.group}", MUTED), "\n"]
    if symbol.latex_commands:
        parts.append(_section("LaTeX"))
        for cmd in symbol.latex_commands:
            pkg = f"  ({cmd.package})" if cmd.package else ""
            width = latex_width(cmd.command)
            if width:
                pkg += f"  {width}"
            parts += [cmd.command, (pkg, MUTED), "\n"]
    if symbol.html:
        parts += [_section("HTML"), " ".join(f"&{h};" for h in symbol.html), "\n"]
    if symbol.typst:
        parts += [_section("Typst"), " ".join(f"sym.{t}" for t in symbol.typst), "\n"]
    aliases = [*symbol.aliases, *symbol.formal_aliases]
    if aliases:
        parts += [_section("Aliases"), "\n".join(aliases), "\n"]
    parts.append(_section("Type it"))
    for method in inputs(symbol, first=first_method):
        parts += [(method.label, MUTED), "\n  ", (method.keys or "—", "bold")]
        if method.alternatives:
            parts += [("  or ", MUTED), ", ".join(method.alternatives)]
        if method.note:
            parts += ["\n  ", (method.note, MUTED)]
        parts.append("\n")
    if symbol.lookalikes:
        parts.append(_section("Looks like"))
        from symbols.table import get

        for glyph in symbol.lookalikes[:LOOKALIKES_SHOWN]:
            other = get(glyph)
            name = other.name if other is not None else ""
            parts += [glyph, (f"  U+{ord(glyph):04X} ", MUTED), name, "\n"]
        more = len(symbol.lookalikes) - LOOKALIKES_SHOWN
        if more > 0:
            parts.append((f"and {more} more\n", MUTED))
    return Content.assemble(*parts)


def no_match_hint(query: str, scope: str, group: str | None) -> Content:
    """Say that *query* matched nothing (in *group*), and how to widen the search.

    Args:
        query: What was typed (shown as typed, backslashes and all).
        scope: The scope searched.
        group: The group filter, or None.

    Returns:
        The detail pane's text.

    """
    where = f" in {group}" if group else ""
    parts: list[Content | str | tuple[str, str]] = [f"No symbol matches '{query}'{where}."]
    if group:
        parts.append(("\nF3 changes the group filter.", MUTED))
    if scope != "all":
        parts.append(("\nF2 searches a wider scope.", MUTED))
    return Content.assemble(*parts)


class DetailPane(VerticalScroll, can_focus=False):
    """Everything about the highlighted symbol: the glyph box, the glance, the rest, related."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._built = False

    def compose(self) -> ComposeResult:
        """Lay out the hint; the rest is mounted with the first symbol (see `_build`)."""
        yield Static(EMPTY_HINT, id="info")

    def _build(self) -> None:
        """Mount the glyph box, the glance and the related list around the info.

        Not composed up front: a first start shows only the hint, and fewer widgets
        make the first frame noticeably quicker (and every keystroke's layout: one
        Static for each block of text, not one for each part of it).
        """
        if self._built:
            return
        self._built = True
        info = self.query_one("#info", Static)
        self.mount(Static(id="glyph-box"), Static(id="glance"), before=info)
        title = Static(
            Content.styled("Related (Tab, then Enter to jump)", HEADING), id="related-title"
        )
        self.mount(title, RelatedList(id="related"), after=info)

    def show(
        self,
        symbol: Symbol | None,
        first_method: str | None,
        favorite: bool,
        hint: Content | None = None,
        matched: Matched | None = None,
    ) -> None:
        """Show *symbol*, or with None clear the pane and show *hint* (default `EMPTY_HINT`).

        *matched* is what the query matched, said when it is a meaning or a shape.
        """
        if symbol is None and not self._built:
            # The glyph box and related list are not mounted yet: only the text changes.
            self.query_one("#info", Static).update(hint or EMPTY_HINT)
            return
        self._build()
        box = self.query_one("#glyph-box", Static)
        glance = self.query_one("#glance", Static)
        info = self.query_one("#info", Static)
        related = self.query_one(RelatedList)
        title = self.query_one("#related-title", Static)
        box.display = glance.display = symbol is not None
        if symbol is None:
            info.update(hint or EMPTY_HINT)
            related.show([])
            title.display = False
            return
        box.update(glyph_box(symbol))
        glance.update(glance_content(symbol, first_method, favorite))
        info.update(detail_content(symbol, first_method, matched))
        from symbols.table import get

        found = [get(cp) for cp in symbol.related]
        related_symbols = [s for s in found if s is not None]
        related.show(related_symbols)
        title.display = bool(related_symbols)
        self.scroll_home(animate=False)


class GlanceStrip(Static):
    """The folded layout's detail (below 72 columns): the glance in a few lines under the list."""

    def show(
        self,
        symbol: Symbol | None,
        first_method: str | None,
        favorite: bool,
        hint: Content | None = None,
    ) -> None:
        """Show *symbol*'s first lines, or with None *hint* (nothing for the empty hint)."""
        # A class, not `display`: whether the strip shows at all is the stylesheet's
        # (it folds away with the terminal's width).
        self.set_class(symbol is None and hint is None, "-empty")
        if symbol is None:
            self.update(hint or "")
            return
        self.update(glance_line(symbol, first_method, favorite))
