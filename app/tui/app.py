"""The mathsym TUI: search as you type, copy, favorite, and learn the chord."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from app.state import State, load_keymap
from app.tui.detail import DetailPane, GlanceStrip, no_match_hint
from app.tui.formats import BASIC_FORMATS, format_label, value_of
from app.tui.help import HelpScreen
from app.tui.rows import FULL_ROW_MIN_WIDTH, KEYS_MIN_WIDTH, header_row, result_row
from app.tui.widgets import PickInput, QueryInput, RelatedList, ResultsList, StatusLine
from symbols.query import ASCII_SPACE, is_blank

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from textual.app import ComposeResult
    from textual.content import Content
    from textual.notifications import SeverityLevel
    from textual.theme import Theme
    from textual.timer import Timer

    from symbols.search import Match, Matched
    from symbols.table import Symbol

__all__ = ["MathsymApp", "SearchScreen"]

#: Most rows in the results list: enough to browse, few enough to redraw per keystroke.
RESULT_LIMIT = 300
#: Rows built at once: the first screenfuls, then `MORE_ROWS` more at a time.
FIRST_ROWS = 40
MORE_ROWS = 100
#: Within this many rows of the end of what is built, build more.
NEAR_END = 5
#: How many matches to ask for when a group filter will throw most of them away.
GROUP_SEARCH_LIMIT = 5000
#: Below this many columns the rows leave out the code point, so names have room
#: (at 72 columns and up, beside the detail pane, the list is wider than this).
COMPACT_WIDTH = FULL_ROW_MIN_WIDTH
#: Seconds after the last keystroke before the detail pane catches up.
DETAIL_DELAY = 0.1
#: Default theme when none was chosen before.
DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the results list.

    Attributes:
        symbol: The symbol, or None for a section heading.
        matched: What the query matched, or None.
        title: The heading text for a heading row.

    """

    symbol: Symbol | None
    matched: Matched | None = None
    title: str = ""


def compute_rows(
    query: str,
    scope: str,
    group: str | None,
    favorites: list[int],
    recents: list[int],
    *,
    used: Mapping[int, float] | None = None,
    aliases: Mapping[int, list[str]] | None = None,
) -> list[Row]:
    """Return the rows for a query: search results, a whole group, or favorites then recents.

    Args:
        query: What was typed.
        scope: ``math``, ``extended`` or ``all``.
        group: Only symbols of this group, or None for every group.
        favorites: Favorite code points (shown for an empty query).
        recents: Recently copied code points (shown for an empty query).
        used: The user's frecency by code point (`app.frecency`): their symbols come
            first among matches of the same tier.
        aliases: The user's own aliases (config.toml): one typed whole comes first.

    Returns:
        At most `RESULT_LIMIT` symbol rows (plus headings).

    """
    # Imported here, each where needed: an empty query at start-up (nothing saved yet)
    # then draws its first frame without loading the search engine.
    from symbols.table import get

    rows: list[Row] = []
    if not is_blank(query):
        from symbols.search import search

        limit = RESULT_LIMIT if group is None else GROUP_SEARCH_LIMIT
        matches = search(query, limit=limit, scope=scope)
        if used:
            from app.frecency import by_tier

            matches = by_tier(matches, _tier, _codepoint, used)
        rows = [Row(m.symbol, m.matched) for m in matches if group in (None, m.symbol.group)]
        mine = _alias_row(query, aliases or {})
        if mine is not None and mine.symbol is not None and group in (None, mine.symbol.group):
            taken = mine.symbol.codepoint
            rows = [mine, *(r for r in rows if r.symbol is None or r.symbol.codepoint != taken)]
        return rows[:RESULT_LIMIT]
    if group is not None:
        # An empty query with a group: browse the whole shelf.
        return [Row(s) for s in _shelf(scope, group)]
    shelves = (("★ Favorites", favorites), ("Recent", [c for c in recents if c not in favorites]))
    for title, cps in shelves:
        syms = [s for s in (get(cp) for cp in cps) if s is not None]
        if syms:
            rows.append(Row(None, title=title))
            rows += [Row(s) for s in syms]
    return rows


def _tier(match: Match) -> str:
    return match.matched.kind


def _codepoint(match: Match) -> int:
    return match.symbol.codepoint


def _alias_row(query: str, aliases: Mapping[int, list[str]]) -> Row | None:
    """Return the row of the user's own alias typed whole (config.toml ``[aliases]``)."""
    from app.config import ALIAS_FIELD, alias_hit
    from symbols.search import Matched
    from symbols.table import get

    hit = alias_hit(query, aliases)
    symbol = get(hit[0]) if hit is not None else None
    if hit is None or symbol is None:
        return None
    name = hit[1]
    return Row(symbol, Matched(ALIAS_FIELD, name, ((0, len(name)),), "exact"))


@lru_cache(maxsize=64)
def _shelf(scope: str, group: str) -> tuple[Symbol, ...]:
    """Return the first `RESULT_LIMIT` symbols of *group* in *scope*, in code point order.

    Cached: listing the "all" scope builds 34,000 symbols (about 0.2 s).
    """
    from symbols.table import table

    found = (s for s in table(scope) if s.group == group)
    return tuple(s for _, s in zip(range(RESULT_LIMIT), found, strict=False))


class SearchScreen(Screen[None]):
    """The main screen: query box, results, detail pane and footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # First after Enter's "Copy" in the footer: the chord is what mathsym is for.
        Binding("ctrl+g", "copy('chord')", "Chord", id="copy_chord"),
        Binding("ctrl+l", "copy('latex')", "LaTeX", id="copy_latex"),
        Binding("ctrl+t", "copy('html')", "HTML", id="copy_html", show=False),
        Binding("ctrl+o", "copy('codepoint')", "U+", id="copy_codepoint", show=False),
        Binding("ctrl+f", "favorite", "★", id="favorite"),
        Binding("f2", "cycle_scope", "Scope", id="scope"),
        Binding("f3", "cycle_group(1)", "Group", id="group"),
        Binding("shift+f3", "cycle_group(-1)", "Group back", id="group_back", show=False),
        Binding("up", "move('up')", "Up", id="cursor_up", show=False),
        Binding("down", "move('down')", "Down", id="cursor_down", show=False),
        Binding("pageup", "move('page_up')", "Page up", id="page_up", show=False),
        Binding("pagedown", "move('page_down')", "Page down", id="page_down", show=False),
        Binding("escape", "escape", "Clear/quit", id="clear", show=False),
    ]
    """Keys of the main screen; each id can be remapped in config.toml."""

    def __init__(self, query: str = "") -> None:
        """Build the screen.

        Args:
            query: The query to start with.

        """
        super().__init__()
        self._initial_query = query
        self.rows: list[Row] = []
        self._generation = 0  # of the latest search asked for
        self._shown = 0  # of the search whose rows are shown
        self._compact = False
        #: The method whose keys the rows show as a column (wide lists), or None.
        self._keys_method: str | None = None
        self._detail_timer: Timer | None = None
        self._typed = False
        self._detail_shown: (
            tuple[Symbol | None, bool, str | None, str, bool, Matched | None] | None
        ) = None
        # Where each jump to a related symbol came from: (query, highlighted row).
        # Esc walks back; typing a query of one's own forgets them.
        self._back: list[tuple[str, int | None]] = []
        self._set_value: str | None = None
        self._restore_highlight: int | None = None

    @property
    def mathsym(self) -> MathsymApp:
        """The app, typed."""
        app = self.app
        assert isinstance(app, MathsymApp)
        return app

    def compose(self) -> ComposeResult:
        """Lay out the query box, status line, results and detail pane, and the footer."""
        with Vertical(id="main"):
            query = (PickInput if self.mathsym.pick is not None else QueryInput)(
                value=self._initial_query,
                placeholder="name, \\latex, &entity;, U+2200 or a glyph   (F1 help)",
                id="query",
            )
            # Set before mounting: the blink timer is then created paused for good.
            query.cursor_blink = self.mathsym.cursor_blink
            yield query
            yield StatusLine(id="status")
            with Horizontal(id="body"):
                yield ResultsList(id="results")
                yield DetailPane(id="detail")
            yield GlanceStrip(id="strip", classes="-empty")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Focus the query box and show the first results."""
        self.query_one(QueryInput).focus()
        # The pane was composed empty: showing "nothing" again would only re-lay it.
        self._detail_shown = (None, False, self.mathsym.first_method, "", False, None)
        self.refresh_results()

    # -- searching ------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._typed = True
        if self._detail_timer is not None:
            self._defer_detail()  # another keystroke: the pane waits for where it ends
        if event.value != self._set_value:
            self._back.clear()  # a query of the user's own: nothing to go back to
        self._set_value = None
        self.refresh_results()

    @on(QueryInput.HelpRequested)
    def _help_requested(self) -> None:
        self.mathsym.action_help()

    def refresh_results(self) -> None:
        """Search again for the current query, scope and group (in a worker)."""
        app = self.mathsym
        self._generation += 1
        query = self.query_one(QueryInput).value
        if is_blank(query):
            app.state.reload()  # another mathsym may have starred something meanwhile
        favorites, recents = app.state.favorites, app.state.recents
        if is_blank(query) and not (app.group or favorites or recents):
            self._show_rows(self._generation, [])  # nothing to look up (a first start)
            return
        self._search(self._generation, query, app.scope, app.group, favorites, recents)

    def _rows_for(
        self, query: str, scope: str, group: str | None, favorites: list[int], recents: list[int]
    ) -> list[Row]:
        """Return the rows of a search, ranked by the user's frecency and aliases."""
        used, aliases = self._ranking()
        return compute_rows(query, scope, group, favorites, recents, used=used, aliases=aliases)

    def _ranking(self) -> tuple[Mapping[int, float], Mapping[int, list[str]]]:
        """Return the user's frecency and aliases, which order the rows of a search."""
        from app.frecency import frecency

        state = self.mathsym.state
        return frecency(state.uses, state.recents), self.mathsym.aliases

    @work(exclusive=True, thread=True, group="search", exit_on_error=False)
    def _search(
        self,
        generation: int,
        query: str,
        scope: str,
        group: str | None,
        favorites: list[int],
        recents: list[int],
    ) -> None:
        # A thread, so a slow first search (building the "all" scope) never freezes typing.
        rows = self._rows_for(query, scope, group, favorites, recents)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_rows, generation, rows)

    @work(thread=True, group="warm", exit_on_error=False)
    def warm(self, scope: str) -> None:
        """Read *scope*'s search index in a thread, before the first key typed in it.

        After F2 to the all scope, the first key then finds its results as fast as
        in the math scope (bench/README.md). A failure here is left to that search
        to report.
        """
        from symbols.search_index import warm

        warm(scope)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when a search fails (a broken install, say) instead of crashing."""
        if event.state == WorkerState.ERROR and event.worker.group == "search":
            error = event.worker.error
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            self.notify(
                f"Search failed: {type(error).__name__}: {first}", severity="error", timeout=10
            )

    def _catch_up(self) -> None:
        """Show the results of what is typed now, in place of the worker's to come.

        For a key that acts on the results before they came (Enter typed right after the
        query, as a fast typist or a launcher's xdotool types): it acts on what was typed.
        """
        self.workers.cancel_group(self, "search")
        app = self.mathsym
        query = self.query_one(QueryInput).value
        rows = self._rows_for(query, app.scope, app.group, app.state.favorites, app.state.recents)
        self._show_rows(self._generation, rows)

    def _show_rows(self, generation: int, rows: list[Row]) -> None:
        if generation != self._generation:
            return  # a newer keystroke's results are on their way
        self._shown = generation
        self.rows = rows
        results = self.query_one(ResultsList)
        self._compact, self._keys_method = self._row_layout()
        # The first screenfuls now, the rest as the highlight or the scroll nears the
        # end: every row added costs a render, and most queries end in the first few.
        results.set_options(self._options(rows[:FIRST_ROWS]))
        first = next((i for i, r in enumerate(rows) if r.symbol is not None), None)
        restore, self._restore_highlight = self._restore_highlight, None
        if restore is not None and restore < len(rows) and rows[restore].symbol is not None:
            if restore >= FIRST_ROWS:  # back to a row further down than the first batch
                results.add_options(self._options(rows[FIRST_ROWS : restore + MORE_ROWS]))
            first = restore
        results.highlighted = first
        self._update_status()
        if self._typed:
            self._defer_detail()
        else:
            self._update_detail()  # the first results: no keystroke to wait for

    def _row_layout(self) -> tuple[bool, str | None]:
        """(compact rows?, the method whose keys are a column or None) for the list's width."""
        width = self.query_one(ResultsList).size.width
        if width < KEYS_MIN_WIDTH:
            return width < COMPACT_WIDTH, None
        from symbols.inputs import preferred_method

        return False, self.mathsym.first_method or preferred_method()

    def _row(self, symbol: Symbol, matched: Matched | None, favorite: bool) -> Content:
        keys = None
        if self._keys_method is not None:
            from symbols.inputs import keys_for

            keys = keys_for(symbol, self._keys_method)
        return result_row(symbol, matched, favorite, self._compact, keys)

    def _options(self, rows: list[Row]) -> list[Option]:
        state = self.mathsym.state
        return [
            Option(header_row(r.title), disabled=True)
            if r.symbol is None
            else Option(self._row(r.symbol, r.matched, state.is_favorite(r.symbol.codepoint)))
            for r in rows
        ]

    @on(ResultsList.NearEnd)
    def _more_rows(self) -> None:
        """Append the next batch of rows (up to `RESULT_LIMIT` in all)."""
        results = self.query_one(ResultsList)
        shown = results.option_count
        if shown < len(self.rows):
            results.add_options(self._options(self.rows[shown : shown + MORE_ROWS]))

    def _update_status(self) -> None:
        app = self.mathsym
        count = sum(1 for r in self.rows if r.symbol is not None)
        if not is_blank(self.query_one(QueryInput).value):
            found = f"{count}{'+' if count >= RESULT_LIMIT else ''} found"
        elif count:
            plus = "+" if count >= RESULT_LIMIT else ""
            found = f"{count}{plus} in the group" if app.group else "favorites and recent"
        else:
            found = "type to search · ★ favorites and recents show here"
        parts = [found, f"scope {app.scope}", app.group or "all groups"]
        if self._keys_method is not None:
            from symbols.inputs import LABELS

            parts.append(f"keys: {LABELS[self._keys_method]}")
        if app.pick is not None:
            parts.append(f"Enter prints the {format_label(app.pick)}, Esc cancels")
        self.query_one(StatusLine).text = " · ".join(parts)

    # -- the highlighted symbol ----------------------------------------------

    @property
    def current(self) -> Symbol | None:
        """The highlighted symbol, or None."""
        index = self.query_one(ResultsList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index].symbol

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= event.option_list.option_count - NEAR_END:
            self._more_rows()
        if self._detail_timer is None:  # else the pending update shows the new highlight
            self._update_detail()

    def _defer_detail(self) -> None:
        """Update the detail pane once typing pauses for `DETAIL_DELAY` seconds.

        Redrawing the pane (every input method, related symbols) costs more than the
        list itself; a fast typist only needs the pane for where the query ends up.
        """
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        delay = self.mathsym.detail_delay
        if delay <= 0:  # at once (tests): textual's timers take no zero interval
            self.call_later(self._update_detail)
            return
        self._detail_timer = self.set_timer(delay, self._update_detail)

    def _update_detail(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        detail = self.query_one(DetailPane)
        # Below 72 columns the pane folds away and the strip under the list takes over.
        folded = not detail.display
        sym = self.current
        app = self.mathsym
        fav = sym is not None and app.state.is_favorite(sym.codepoint)
        query = self.query_one(QueryInput).value
        # With nothing highlighted, what the pane says depends on the query.
        missed = query.strip(ASCII_SPACE) if sym is None and not is_blank(query) else ""
        index = self.query_one(ResultsList).highlighted
        # What the query matched: the pane says why when it is a meaning or a shape
        # (the folded strip does not: the row already says it).
        matched = (
            self.rows[index].matched
            if sym is not None and index is not None and not folded
            else None
        )
        key = (sym, fav, app.first_method, missed, folded, matched)
        if key == self._detail_shown:
            return  # the same symbol again ("forall" → "forall "): nothing to redraw
        self._detail_shown = key
        hint = no_match_hint(missed, app.scope, app.group) if missed else None
        if folded:
            self.query_one(GlanceStrip).show(sym, app.first_method, fav, hint)
        else:
            detail.show(sym, app.first_method, fav, hint, matched)

    def on_resize(self) -> None:
        """Fill the detail pane when it unfolds; re-lay the rows when the list narrows."""
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        if self._row_layout() != (self._compact, self._keys_method):
            self._rebuild_rows()
        else:
            self._update_detail()

    def _rebuild_rows(self) -> None:
        """Lay the rows out again (the list's width or the keys column's method changed)."""
        self._restore_highlight = self.query_one(ResultsList).highlighted
        self._show_rows(self._generation, self.rows)

    # -- actions -------------------------------------------------------------

    def action_move(self, how: str) -> None:
        """Move the results highlight: ``up``, ``down``, ``page_up`` or ``page_down``."""
        results = self.query_one(ResultsList)
        getattr(results, f"action_cursor_{how}" if how in ("up", "down") else f"action_{how}")()

    def action_copy(self, what: str) -> None:
        """Copy the highlighted symbol as *what* (or pick it, or jump to a related one)."""
        focused = self.focused
        if isinstance(focused, RelatedList) and what == "glyph":
            self._jump_to_related(focused)
            return
        if self._shown != self._generation:
            self._catch_up()  # Enter before the results of the last key
        sym = self.current
        if sym is None:
            if is_blank(self.query_one(QueryInput).value):
                self.notify("Nothing to copy: type a query first.", severity="warning")
            else:
                self.notify("Nothing to copy: no symbol matches.", severity="warning")
            return
        self.mathsym.copy_symbol(sym, what)

    @on(ResultsList.DoubleClicked)
    def _double_clicked(self, event: ResultsList.DoubleClicked) -> None:
        if 0 <= event.index < len(self.rows) and (sym := self.rows[event.index].symbol):
            self.mathsym.copy_symbol(sym, "glyph")

    @on(OptionList.OptionSelected, "#related")
    def _related_selected(self, event: OptionList.OptionSelected) -> None:
        related = self.query_one(RelatedList)
        related.highlighted = event.option_index
        self._jump_to_related(related)

    def _jump_to_related(self, related: RelatedList) -> None:
        index = related.highlighted
        if index is None or not 0 <= index < len(related.codepoints):
            return
        query = self.query_one(QueryInput)
        self._back.append((query.value, self.query_one(ResultsList).highlighted))
        self._set_query(f"U+{related.codepoints[index]:04X}")
        query.focus()

    def _set_query(self, value: str) -> None:
        """Put *value* in the query box without forgetting where Esc goes back to."""
        query = self.query_one(QueryInput)
        if query.value != value:
            self._set_value = value
            query.value = value
            query.cursor_position = len(value)

    def action_favorite(self) -> None:
        """Toggle ★ on the highlighted symbol."""
        sym = self.current
        if sym is None:
            self.notify("Nothing to favorite here.", severity="warning")
            return
        state = self.mathsym.state
        was = state.is_favorite(sym.codepoint)
        on_now = state.toggle_favorite(sym.codepoint)
        if on_now == was:  # not added: the favorites are full (MAX_FAVORITES)
            self.notify(state.notice, severity="warning")
            return
        self.mathsym.show_state_notice()
        self.notify(f"{'★ Added' if on_now else 'Removed'} {sym.char} {sym.name}")
        if is_blank(self.query_one(QueryInput).value):
            self.refresh_results()  # the favorites section itself changed
            return
        results = self.query_one(ResultsList)
        index = results.highlighted
        if index is not None:
            row = self.rows[index]
            results.replace_option_prompt_at_index(index, self._row(sym, row.matched, on_now))
        self._update_detail()

    def action_cycle_scope(self) -> None:
        """Widen the scope: math → extended → all → math."""
        from symbols.table import SCOPES

        app = self.mathsym
        app.set_scope(SCOPES[(SCOPES.index(app.scope) + 1) % len(SCOPES)])

    def action_cycle_group(self, step: int) -> None:
        """Filter by the next (or previous) group; "all groups" sits between the ends."""
        from symbols.groups import GROUPS

        app = self.mathsym
        cycle: list[str | None] = [None, *GROUPS]
        app.set_group(cycle[(cycle.index(app.group) + step) % len(cycle)])

    def action_escape(self) -> None:
        """Go back from a related symbol, else clear the query; on an empty query, quit.

        In --pick mode Esc always cancels.
        """
        query = self.query_one(QueryInput)
        if self.mathsym.pick is not None:
            self.app.exit(None)
        elif self._back:
            value, highlighted = self._back.pop()
            self._restore_highlight = highlighted
            self._set_query(value)
            if query.value == value and self._set_value is None:
                self.refresh_results()  # the same query (a jump to itself): re-highlight
        elif query.value:
            query.value = ""
        else:
            self.app.exit(None)


class MathsymApp(App[str | None]):
    """The mathsym TUI.

    Attributes:
        pick: In ``--pick`` mode, the format Enter prints (``glyph``, ``latex``…); else None.
        state: Favorites, recents and settings.
        scope: The search scope.
        group: The group filter, or None.
        first_method: The input method listed first, or None for the OS's own.

    """

    CSS_PATH = "mathsym.tcss"
    TITLE = "mathsym"
    # The detail pane folds away below 72 columns; the query box slims below 16 rows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide"), (110, "-very-wide")]  # noqa: RUF012 - textual's API
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]
    """App-wide keys (the command palette is Ctrl+P)."""

    def __init__(
        self,
        query: str = "",
        pick: str | None = None,
        *,
        state_dir: Path | None = None,
        theme: str | None = None,
        on_pick: Callable[[str], None] | None = None,
        detail_delay: float = DETAIL_DELAY,
        cursor_blink: bool = True,
        browser: bool = False,
    ) -> None:
        """Build the app.

        Args:
            query: The query to start with.
            pick: ``--pick`` mode: the format Enter prints; None for normal mode.
            state_dir: Where state.json and config.toml live (default: the platform's).
            theme: Force this theme and do not save theme changes (for tests).
            on_pick: Called with the pick the moment it is made, before the app winds
                down (the app still exits with it).
            detail_delay: Seconds after the last keystroke before the detail pane
                catches up (tests set 0, so that waiting for the search is enough).
            cursor_blink: Blink the query box's cursor (snapshot tests want it steady).
            browser: A browser tab of ``mathsym serve``: copies go to the browser's
                clipboard only, never to the clipboard of the machine serving it.

        """
        super().__init__()
        self.pick = pick
        self._on_pick = on_pick
        self.detail_delay = detail_delay
        self.cursor_blink = cursor_blink
        self.browser = browser
        self.state = State(state_dir)
        self._config_dir = state_dir
        self._pinned_theme = theme
        # Set before mounting: changing the theme afterwards restyles every widget.
        saved = theme or self.state.setting("theme", DEFAULT_THEME)
        self.theme = saved if saved in self.available_themes else DEFAULT_THEME
        from symbols.table import SCOPES

        stored_scope = self.state.setting("scope", "math")
        self.scope = stored_scope if stored_scope in SCOPES else "math"
        self.group: str | None = None
        self.first_method = self._stored_method()
        self._query = query
        self._notices_shown: set[str] = set()
        self.keymap: dict[str, str] = {}
        #: The user's own aliases (config.toml ``[aliases]``), read at mount.
        self.aliases: dict[int, list[str]] = {}

    def _stored_method(self) -> str | None:
        from symbols.inputs import METHODS

        method = self.state.setting("first_method")
        return method if method in METHODS else None

    def get_default_screen(self) -> Screen[None]:
        """Return the search screen."""
        return SearchScreen(self._query)

    def on_mount(self) -> None:
        """Apply the saved theme and the user's key map; report state problems once."""
        if self._pinned_theme is None:
            self.theme_changed_signal.subscribe(self, self._theme_changed)
        keymap, problem = load_keymap(self._config_dir)
        known = {b.id for b in self._all_bindings() if b.id}
        unknown = sorted(set(keymap) - known)
        if unknown:
            problem = (problem + " " if problem else "") + (
                f"config.toml: no binding called {', '.join(unknown)}."
            )
        self.keymap = {k: v for k, v in keymap.items() if k in known}
        if self.keymap:
            self.set_keymap(self.keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=10)
        from app.config import user_aliases

        directory = None if self._config_dir is None else str(self._config_dir)
        self.aliases, alias_problem = user_aliases(directory)
        if alias_problem and alias_problem != problem:
            self.notify(alias_problem, severity="warning", timeout=10)
        self.show_state_notice()

    def _theme_changed(self, theme: Theme) -> None:
        self.state.set_setting("theme", theme.name)
        self.show_state_notice()

    def show_state_notice(self) -> None:
        """Tell the user, once, that the state file was set aside or cannot be saved."""
        notice = self.state.notice
        if notice and notice not in self._notices_shown:
            self._notices_shown.add(notice)
            self.notify(notice, severity="warning", timeout=10)

    @property
    def search_screen(self) -> SearchScreen:
        """The main screen (wherever the app currently is)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, SearchScreen)
        return screen

    # -- settings --------------------------------------------------------------

    def set_scope(self, scope: str) -> None:
        """Search in *scope* from now on (remembered across runs)."""
        self.scope = scope
        self.state.set_setting("scope", scope)
        self.show_state_notice()
        screen = self.search_screen
        if is_blank(screen.query_one(QueryInput).value):
            screen.warm(scope)  # nothing to search yet: read its index before the first key
        screen.refresh_results()

    def set_group(self, group: str | None) -> None:
        """Show only *group* (None: every group)."""
        self.group = group
        self.search_screen.refresh_results()

    def set_first_method(self, method: str) -> None:
        """List *method* first in the detail pane and use it for "copy chord" (remembered)."""
        self.first_method = method
        self.state.set_setting("first_method", method)
        self.show_state_notice()
        screen = self.search_screen
        if screen._keys_method is not None:
            screen._rebuild_rows()  # the keys column shows the new method's keys
        screen._update_detail()

    # -- copying -------------------------------------------------------------

    def copy_symbol(self, symbol: Symbol, what: str) -> None:
        """Copy *symbol* as *what*; in --pick mode, exit with it instead.

        The text goes out as OSC 52 at once (works over SSH) and to the system
        clipboard from a thread (a clipboard tool can take a while to start).
        """
        if self.pick is not None:
            fmt = self.pick if what == "glyph" else what
            value = value_of(symbol, fmt, self.first_method)
            if not value:
                self.notify(f"{symbol.char} has no {format_label(fmt)}.", severity="warning")
                return
            if self._on_pick is not None:
                self._on_pick(value)  # first: saving the use below takes a moment
            self.state.record_use(symbol.codepoint)
            self.exit(value)
            return
        value = value_of(symbol, what, self.first_method)
        label = format_label(what)
        if not value:
            self.notify(f"{symbol.char} {symbol.name} has no {label}.", severity="warning")
            return
        self.copy_to_clipboard(value)
        self.state.record_use(symbol.codepoint)
        self.show_state_notice()
        described = f"{value} ({label} of {symbol.label} {symbol.name})"
        if self.browser:
            # The page puts textual's copy on the browser's clipboard; the server's own
            # clipboard may belong to somebody else's screen.
            self.notify(f"Copied {described} to your browser's clipboard.")
            return
        self._copy_native(value, described)

    @work(thread=True, group="clipboard")
    def _copy_native(self, text: str, described: str) -> None:
        from app.tui.clip import copy_native

        ok, how = copy_native(text)
        severity: SeverityLevel
        if ok:
            message, severity = (
                f"Copied {described} to {how} and via the terminal (OSC 52).",
                "information",
            )
        else:
            message, severity = (
                f"Copied {described} via the terminal (OSC 52) only; {how}.",
                "warning",
            )
        self.call_from_thread(self.notify, message, severity=severity)

    # -- help and palette -----------------------------------------------------

    def _all_bindings(self) -> list[Binding]:
        out: list[Binding] = []
        query_input = PickInput if self.pick is not None else QueryInput
        for cls_bindings in (query_input.BINDINGS, SearchScreen.BINDINGS, MathsymApp.BINDINGS):
            out += [b for b in cls_bindings if isinstance(b, Binding)]
        return out

    def key_help(self) -> list[tuple[str, str, str]]:
        """Return (keys, what they do, binding id) for every binding, as remapped by the user.

        Keys that are not bindings (the palette, Tab, the mouse) come last, with no id.
        """
        rows: list[tuple[str, str, str]] = []
        for b in self._all_bindings():
            keys = self.keymap.get(b.id or "", b.key)
            shown = ", ".join(self._display_key(k) for k in keys.split(","))
            rows.append((shown, _binding_help(b), b.id or ""))
        rows += [
            ("ctrl+p", "command palette: scope, group, copy as …, method shown first, theme", ""),
            ("tab", "into the related symbols (Enter jumps), Esc back", ""),
            ("double click", "copy that row", ""),
        ]
        return rows

    def _display_key(self, key: str) -> str:
        return {"question_mark": "?", "pageup": "PgUp", "pagedown": "PgDn"}.get(key, key)

    def action_help(self) -> None:
        """Open the help screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_help()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Offer filters, "copy as …" and the method shown first in the command palette."""
        yield from super().get_system_commands(screen)
        from symbols.groups import GROUPS
        from symbols.inputs import LABELS, METHODS
        from symbols.table import SCOPES

        yield SystemCommand("Help", "Keys and query syntax", self.action_help)
        for scope in SCOPES:
            yield SystemCommand(
                f"Scope: {scope}", f"Search the {scope} scope", partial(self.set_scope, scope)
            )
        yield SystemCommand("Group: all groups", "No group filter", partial(self.set_group, None))
        for group in GROUPS:
            yield SystemCommand(
                f"Group: {group}", f"Show only {group}", partial(self.set_group, group), False
            )
        formats = [f for f in BASIC_FORMATS if f != "char"] + list(METHODS)
        for fmt in formats:
            yield SystemCommand(
                f"Copy as {format_label(fmt)}",
                f"Copy the highlighted symbol as its {format_label(fmt)}",
                partial(self.search_screen.action_copy, fmt),
                fmt in ("latex", "html", "codepoint"),
            )
        for method in METHODS:
            yield SystemCommand(
                f"Show first: {LABELS[method]}",
                "List this input method first and copy its chord with the chord key",
                partial(self.set_first_method, method),
                False,
            )
        yield SystemCommand(
            "Favorite ★", "Toggle ★ on the highlighted symbol", self.search_screen.action_favorite
        )


def _binding_help(binding: Binding) -> str:
    """Return a line of help for a binding (its description, spelled out where terse)."""
    return _LONG_HELP.get(binding.id or "", binding.description)


_LONG_HELP: dict[str, str] = {
    "copy": "copy the glyph (in --pick: print it and exit)",
    "copy_latex": "copy the LaTeX command",
    "copy_html": "copy the HTML entity",
    "copy_codepoint": "copy the code point (U+2200)",
    "copy_chord": "copy the key chord of the method shown first",
    "favorite": "toggle ★ favorite",
    "scope": "scope: math → extended → all",
    "group": "next group filter",
    "group_back": "previous group filter",
    "cursor_up": "previous result",
    "cursor_down": "next result",
    "page_up": "results page up",
    "page_down": "results page down",
    "clear": "back from a related symbol, else clear the query; quit when empty (--pick: cancel)",
    "help": "this help",
    "quit": "quit",
}
