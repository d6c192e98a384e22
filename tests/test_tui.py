"""The TUI under textual's Pilot: typing, moving, copying, favorites, filters, pick, help."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from conftest import press, settle, until

pytest.importorskip("textual")

from textual.pilot import Pilot
from textual.widgets import Static

import app.tui as tui
from app.state import STATE_DIR_ENV, STATE_FILE, State
from app.tui.app import MathsymApp
from app.tui.detail import DetailPane
from app.tui.help import HelpScreen
from app.tui.widgets import QueryInput, RelatedList, ResultsList
from symbols import get


def sync(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a fresh event loop (no pytest async plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


@pytest.fixture
def clip(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """pyperclip replaced by a fake system clipboard; returns what it was given."""
    import pyperclip

    copied: list[str] = []
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    monkeypatch.setattr(pyperclip, "paste", lambda: copied[-1] if copied else "")
    return copied


def chars(app: MathsymApp) -> list[str]:
    return [r.symbol.char for r in app.search_screen.rows if r.symbol is not None]


def help_text(app: MathsymApp) -> str:
    """Everything the open help screen says, cell by cell."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def palette_choice(app: MathsymApp) -> str:
    """The command palette's highlighted command ("" when none, or the palette is closed)."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    option = lists.first().highlighted_option if lists else None
    return "" if option is None else str(option.prompt)


def make(tmp_path: Path, **kw: Any) -> MathsymApp:
    """The app as the tests drive it: no delays (the pane follows the results at once),
    a steady cursor, a pinned theme (unless *kw* says otherwise)."""
    kw = {"theme": "textual-dark", "detail_delay": 0, "cursor_blink": False, **kw}
    return MathsymApp(state_dir=tmp_path, **kw)


@sync
async def test_query_has_focus_and_typing_updates_results(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, QueryInput)
        await press(pilot, *"forall")
        await settle(pilot)
        assert chars(app)[0] == "∀"
        await press(pilot, *["backspace"] * 6, *"rarr")
        await settle(pilot)
        assert chars(app)[0] == "→"
        assert app.search_screen.current is not None and app.search_screen.current.char == "→"


@sync
async def test_enter_right_after_typing_picks_what_was_typed(
    tmp_path: Path, clip: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A launcher's xdotool, or a fast typist, sends Enter before the search of the last
    # key has come back: the search worker is held up here to make sure of it.
    import threading

    from textual import events

    import app.tui.app as tui_app

    compute = tui_app.compute_rows

    def slow(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            threading.Event().wait(0.5)
        return compute(*args, **kwargs)

    monkeypatch.setattr(tui_app, "compute_rows", slow)
    app = make(tmp_path)
    async with app.run_test(size=(90, 28)) as pilot:
        await settle(pilot)
        for key in "\\infty":
            name = {"\\": "backslash"}.get(key, key)
            app.post_message(events.Key(name, key))
        app.post_message(events.Key("enter", None))
        await until(pilot, lambda: clip)
        assert clip == ["∞"]
        assert chars(app)[0] == "∞"


@sync
async def test_initial_query_and_row_content(tmp_path: Path) -> None:
    app = make(tmp_path, query="\\le")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert chars(app)[0] == "≤"
        results = app.search_screen.query_one(ResultsList)
        first = str(results.get_option_at_index(0).prompt)
        assert "≤" in first and "U+2264" in first and "\\le" in first


@sync
async def test_arrows_move_results_while_query_keeps_focus(tmp_path: Path) -> None:
    app = make(tmp_path, query="arrow")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.search_screen.query_one(ResultsList)
        assert results.highlighted == 0
        await press(pilot, "down", "down")
        assert results.highlighted == 2
        await press(pilot, "up")
        assert results.highlighted == 1
        await press(pilot, "pagedown")
        assert results.highlighted is not None and results.highlighted > 5
        await press(pilot, "pageup")
        assert results.highlighted == 1  # a page down, then a page back
        assert isinstance(app.focused, QueryInput)
        # The detail pane follows the highlight.
        await press(pilot, "down")
        sym = app.search_screen.current
        assert sym is not None and sym == app.search_screen.rows[2].symbol
        glance = str(app.search_screen.query_one("#glance").render())
        assert glance.splitlines()[0] == sym.name


@sync
async def test_enter_copies_glyph_natively_and_by_osc52(tmp_path: Path, clip: list[str]) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
        assert app.clipboard == "∀"  # textual's OSC 52 copy
        assert clip == ["∀"]  # pyperclip
        messages = [n.message for n in app._notifications]
        assert messages[-1] == (
            "Copied ∀ (glyph of U+2200 FOR ALL) to the system clipboard and via the terminal "
            "(OSC 52)."
        )
    assert State(tmp_path).recents == [0x2200]


@sync
async def test_other_keys_copy_latex_html_codepoint_chord(
    tmp_path: Path, clip: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHSYM_METHOD", "linux")
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        expected = {
            "ctrl+l": "\\forall",
            "ctrl+t": "&forall;",
            "ctrl+o": "U+2200",
            "ctrl+g": "Ctrl+Shift+U 2200 Space",  # the chord shown first, at a glance
        }
        for key, want in expected.items():
            await press(pilot, key)
            await settle(pilot)
            assert app.clipboard == want, key
            assert clip[-1] == want


@sync
async def test_missing_clipboard_tool_is_a_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyperclip

    def broken(text: str) -> None:
        raise pyperclip.PyperclipException("no copy/paste mechanism")

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(pyperclip, "copy", broken)
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
        assert app.clipboard == "∀"  # OSC 52 still went out
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings == [
            "Copied ∀ (glyph of U+2200 FOR ALL) via the terminal (OSC 52) only; "
            "no clipboard tool found: install xclip, xsel or wl-clipboard, or set $DISPLAY."
        ]


@sync
async def test_double_click_copies_that_row(tmp_path: Path, clip: list[str]) -> None:
    app = make(tmp_path, query="arrow")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.search_screen.query_one(ResultsList)
        second = app.search_screen.rows[1].symbol
        assert second is not None
        await pilot.double_click(results, offset=(5, 1))
        await settle(pilot)
        assert app.clipboard == second.char
        assert results.highlighted == 1


@sync
async def test_favorites_survive_two_runs_and_show_for_empty_query(tmp_path: Path) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+f")
        await settle(pilot)
        results = app.search_screen.query_one(ResultsList)
        assert "★" in str(results.get_option_at_index(0).prompt)
    assert json.loads((tmp_path / STATE_FILE).read_text())["favorites"] == [0x2200]

    app2 = make(tmp_path)  # a second run, empty query
    async with app2.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app2.search_screen.rows
        assert rows[0].symbol is None and "Favorites" in rows[0].title
        assert rows[1].symbol is not None and rows[1].symbol.char == "∀"
        # Toggling it off again in the second run sticks too.
        await press(pilot, "ctrl+f")
        await settle(pilot)
    assert State(tmp_path).favorites == []


@sync
async def test_deeply_nested_files_do_not_stop_the_app(tmp_path: Path) -> None:
    # "[" x 100,000 was a RecursionError at start, and the file stayed: every start failed.
    (tmp_path / STATE_FILE).write_bytes(b"[" * 100_000)
    (tmp_path / "config.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    for _ in range(2):  # and the next start too
        app = make(tmp_path, query="forall")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert chars(app)[0] == "∀"
            messages = " ".join(n.message for n in app._notifications)
            assert "nested too deeply" in messages
    assert [p.read_bytes() for p in tmp_path.iterdir() if ".corrupt-" in p.name] == [b"[" * 100_000]


@sync
async def test_favorites_full_says_so_instead_of_removed(tmp_path: Path) -> None:
    from app.state import MAX_FAVORITES

    full = list(range(0x1D400, 0x1D400 + MAX_FAVORITES))
    (tmp_path / STATE_FILE).write_text(json.dumps({"favorites": full}))
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+f")
        messages = [n.message for n in app._notifications]
        assert any(f"{MAX_FAVORITES:,} favorites" in m for m in messages), messages
        assert not any(m.startswith(("Removed", "★ Added")) for m in messages)
        results = app.search_screen.query_one(ResultsList)
        assert "★" not in str(results.get_option_at_index(0).prompt)
    assert State(tmp_path).favorites == full


@sync
async def test_empty_query_lists_favorites_then_recents(tmp_path: Path) -> None:
    s = State(tmp_path)
    s.toggle_favorite(0x2200)
    s.add_recent(0x2192)
    s.add_recent(0x2200)  # also a favorite: listed once, under favorites
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.search_screen.rows
        assert [(r.title, r.symbol.char if r.symbol else None) for r in rows] == [
            ("★ Favorites", None),
            ("", "∀"),
            ("Recent", None),
            ("", "→"),
        ]
        results = app.search_screen.query_one(ResultsList)
        assert results.highlighted == 1  # the heading is skipped


@sync
async def test_corrupt_state_file_kept_aside_and_reported_once(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text("{oops")
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert chars(app)[0] == "∀"  # the app works
        await press(pilot, "ctrl+f")
        await settle(pilot)
        notices = [n.message for n in app._notifications if "kept it as" in n.message]
        assert len(notices) == 1
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_text() == "{oops"
    assert State(tmp_path).favorites == [0x2200]


@sync
async def test_scope_and_group_filters_from_keys(tmp_path: Path) -> None:
    app = make(tmp_path, query="alpha")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.scope == "math"
        await press(pilot, "f2")
        await settle(pilot)
        assert app.scope == "extended"
        assert State(tmp_path).setting("scope") == "extended"  # remembered
        await press(pilot, "f2", "f2")
        await settle(pilot)
        assert app.scope == "math"
        await press(pilot, "f3")  # first group: Greek
        await settle(pilot)
        assert app.group == "Greek"
        syms = [r.symbol for r in app.search_screen.rows if r.symbol]
        assert "α" in [s.char for s in syms] and all(s.group == "Greek" for s in syms)
        assert "Greek" in str(app.search_screen.query_one("#status").render())
        await press(pilot, "shift+f3")
        await settle(pilot)
        assert app.group is None


@sync
async def test_switching_scope_reads_its_index_before_the_first_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from symbols import search_index

    # As in a fresh process: no index of the wider scopes built yet.
    for scope in ("extended", "all"):
        monkeypatch.delitem(search_index.INDEXES, scope, raising=False)
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await app.workers.wait_for_complete()
        assert "extended" in search_index.INDEXES and "all" not in search_index.INDEXES
        await pilot.press("f2")
        await settle(pilot)
        await app.workers.wait_for_complete()
        warmed = search_index.INDEXES["all"]
        assert "word_docs" in warmed.__dict__  # its parts unpacked too
        await pilot.press(*"check")
        await settle(pilot)
        assert search_index.INDEXES["all"] is warmed  # the search used it
        assert get("\u2713") in [r.symbol for r in app.search_screen.rows]


@sync
async def test_empty_query_with_group_browses_the_group(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.set_group("Arrows")
        await settle(pilot)
        syms = [r.symbol for r in app.search_screen.rows if r.symbol]
        assert len(syms) > 50 and all(s.group == "Arrows" for s in syms)


@sync
async def test_command_palette_offers_filters_copy_and_method(
    tmp_path: Path, clip: list[str]
) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in (
            "Scope: all",
            "Group: Greek",
            "Copy as LaTeX",
            "Show first: Vim (insert mode)",
        ):
            assert title in titles
        # Through the palette itself: open, type, Enter.
        await press(pilot, "ctrl+p")
        await press(pilot, *"copy as latex")
        await until(pilot, lambda: palette_choice(app).startswith("Copy as LaTeX"))
        await press(pilot, "enter")
        await settle(pilot)
        assert app.clipboard == "\\forall"
        titles["Show first: Vim (insert mode)"].callback()
        await settle(pilot)
        assert app.first_method == "vim"
        assert State(tmp_path).setting("first_method") == "vim"
        info = str(app.search_screen.query_one("#info").render())
        assert info.index("Vim") < info.index("Emacs")


@sync
async def test_related_symbols_jump(tmp_path: Path) -> None:
    app = make(tmp_path, query="U+2205")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        sym = app.search_screen.current
        assert sym is not None and sym.related, "∅ has NamesList cross references (Ø, ⌀)"
        related = app.search_screen.query_one(RelatedList)
        assert related.codepoints == list(sym.related)
        await press(pilot, "tab")
        assert app.focused is related
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.focused, QueryInput)
        target = get(sym.related[0])
        assert target is not None and app.search_screen.current == target


@sync
async def test_help_screen_f1_and_question_mark(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "ctrl+l" in text and "U+2200" in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)
        await press(pilot, "question_mark")  # on an empty query: help, not a "?"
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        await press(pilot, *"a?")
        assert not isinstance(app.screen, HelpScreen)
        assert app.search_screen.query_one(QueryInput).value == "a?"


@sync
async def test_keymap_from_config_file_remaps_by_id(tmp_path: Path, clip: list[str]) -> None:
    (tmp_path / "config.toml").write_text('[keys]\ncopy_latex = "f5"\nnot_a_binding = "f6"\n')
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "f5")
        await settle(pilot)
        assert app.clipboard == "\\forall"
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings == ["config.toml: no binding called not_a_binding."]
        await press(pilot, "f1")
        assert "f5" in help_text(app)


def test_every_binding_has_an_id() -> None:
    from app.tui.app import SearchScreen
    from app.tui.widgets import PickInput

    for cls in (MathsymApp, SearchScreen, QueryInput, PickInput, HelpScreen, RelatedList):
        for b in cls.BINDINGS:
            assert getattr(b, "id", None), (cls.__name__, b)


@sync
async def test_theme_persists(tmp_path: Path) -> None:
    app = make(tmp_path, theme=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"  # the default, the first time
        app.theme = "nord"
        await settle(pilot)
    assert State(tmp_path).setting("theme") == "nord"
    app2 = make(tmp_path, theme=None)
    async with app2.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app2.theme == "nord"


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
@sync
async def test_small_sizes_fold_the_detail_pane(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        detail = app.search_screen.query_one(DetailPane)
        results = app.search_screen.query_one(ResultsList)
        assert detail.display == (size[0] >= 72)
        assert results.size.height >= 5  # still a usable list
        assert chars(app)[0] == "∀"


@sync
async def test_escape_clears_then_quits(tmp_path: Path) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "escape")
        assert app.search_screen.query_one(QueryInput).value == ""
        await press(pilot, "escape")
        await settle(pilot)
    assert app.return_value is None


@pytest.mark.parametrize(
    ("what", "expected"), [("", "∀"), ("latex", "\\forall"), ("codepoint", "U+2200")]
)
@sync
async def test_pick_mode_returns_the_choice(tmp_path: Path, what: str, expected: str) -> None:
    app = make(tmp_path, query="forall", pick=what or "glyph")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
    assert app.return_value == expected


def _fake_run(keys: list[str]) -> Any:
    """MathsymApp.run replaced by a headless Pilot run pressing *keys*."""

    def run(self: MathsymApp, **_: Any) -> Any:
        async def auto(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await press(pilot, *keys)

        return MathsymApp.run_orig(self, headless=True, size=(100, 30), auto_pilot=auto)  # type: ignore[attr-defined]

    return run


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(MathsymApp, "run_orig", MathsymApp.run, raising=False)
    # Headless: no terminal needed (pytest's stdin is not one).
    monkeypatch.setattr(tui, "terminal_problem", lambda: None)

    def press(*keys: str) -> None:
        monkeypatch.setattr(MathsymApp, "run", _fake_run(list(keys)))

    return press


def test_run_pick_prints_after_exit(headless: Any, capsys: pytest.CaptureFixture[str]) -> None:
    headless("enter")
    assert tui.run("forall", pick="latex") == 0
    assert capsys.readouterr().out == "\\forall"  # no newline into a pipe


def test_run_pick_escape_prints_nothing(headless: Any, capsys: pytest.CaptureFixture[str]) -> None:
    headless("escape")
    assert tui.run("forall", pick="") == 1
    assert capsys.readouterr().out == ""


def test_run_pick_unknown_format_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert tui.run("forall", pick="bogus") == 2
    err = capsys.readouterr().err
    assert err.startswith("mathsym: unknown format 'bogus'") and err.count("\n") == 1


def test_run_normal_mode_returns_zero(headless: Any, capsys: pytest.CaptureFixture[str]) -> None:
    headless("ctrl+q")
    assert tui.run("forall") == 0
    assert capsys.readouterr().out == ""


@sync
async def test_long_results_are_built_as_you_scroll(tmp_path: Path) -> None:
    from app.tui.app import FIRST_ROWS, RESULT_LIMIT

    app = make(tmp_path, query="arrow")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.search_screen.query_one(ResultsList)
        total = len(app.search_screen.rows)
        assert total == RESULT_LIMIT  # "arrow" has more matches than the cap
        assert results.option_count == FIRST_ROWS
        pages = 0
        while results.highlighted != total - 1 and pages < 60:  # a page at a time, to the end
            await press(pilot, "pagedown")
            pages += 1
        assert results.option_count == total
        assert results.highlighted == total - 1
        # Scrolling (wheel or scrollbar) to the end builds more too.
        await press(pilot, "ctrl+u", *"arrow")
        await settle(pilot)
        assert results.option_count == FIRST_ROWS
        results.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        assert results.option_count > FIRST_ROWS


@sync
async def test_clicking_a_related_symbol_jumps(tmp_path: Path) -> None:
    app = make(tmp_path, query="U+2205")
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        related = app.search_screen.query_one(RelatedList)
        assert len(related.codepoints) >= 2
        related.scroll_visible(animate=False, immediate=True)  # as the mouse wheel would
        await settle(pilot)
        target = get(related.codepoints[1])
        await pilot.click(related, offset=(3, 1))  # the second related symbol
        await settle(pilot)
        assert target is not None and app.search_screen.current == target
        assert app.search_screen.query_one(QueryInput).value == f"U+{target.codepoint:04X}"


@sync
async def test_favorites_from_another_instance_show_up(tmp_path: Path) -> None:
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+f")  # this instance stars ∀
        State(tmp_path).toggle_favorite(0x2192)  # another instance stars → meanwhile
        await press(pilot, "escape")  # empty query: favorites
        await settle(pilot)
        assert chars(app) == ["∀", "→"]
    assert State(tmp_path).favorites == [0x2200, 0x2192]


@sync
async def test_a_failing_search_is_a_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.tui.app as tui_app

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise FileNotFoundError("data/symbols.json not found")

    monkeypatch.setattr(tui_app, "compute_rows", broken)
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *"forall")
        await settle(pilot)
        assert app.is_running
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "symbols.json" in errors[-1]


@pytest.mark.parametrize("space", ["\u00a0", "\u2003"])
@sync
async def test_a_pasted_lone_unicode_space_is_identified(tmp_path: Path, space: str) -> None:
    # Only ASCII white space is blank (as in symbols.search): a pasted NO-BREAK SPACE
    # or EM SPACE is a glyph to identify, not the favorites view.
    State(tmp_path).toggle_favorite(0x2200)
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert chars(app) == ["∀"]  # the favorites view
        app.search_screen.query_one(QueryInput).value = space
        await settle(pilot)
        assert chars(app)[0] == space
        assert "found" in str(app.search_screen.query_one("#status").render())
        app.search_screen.query_one(QueryInput).value = " \t"
        await settle(pilot)
        assert chars(app) == ["∀"]  # ASCII white space is still blank


@pytest.mark.parametrize(("size", "ids"), [((80, 24), True), ((40, 12), False)])
@sync
async def test_help_is_laid_out_in_columns(
    tmp_path: Path, size: tuple[int, int], ids: bool
) -> None:
    # Keys | what they do | binding id, and query | meaning: a long description wraps
    # inside its own column, never back under the keys, and an id never wraps.
    app = make(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        await settle(pilot)
        screen = app.screen
        for grid in ("#help-keys", "#help-syntax"):
            keys = list(screen.query(f"{grid} .help-key"))
            whats = list(screen.query(f"{grid} .help-what"))
            assert keys and len(keys) == len(whats)
            assert len({w.region.x for w in keys}) == 1
            assert len({w.region.x for w in whats}) == 1
            assert whats[0].region.x > keys[0].region.x + max(k.region.width for k in keys) - 1
            assert all(k.region.height == 1 for k in keys)
        chord = next(w for w in screen.query("#help-keys .help-what") if "chord" in str(w.render()))
        id_cells = [w for w in screen.query(".help-id") if w.display and str(w.render())]
        if ids:
            assert "[copy_chord]" in [str(w.render()) for w in id_cells]
            assert all(w.region.height == 1 for w in id_cells)
            assert min(w.region.x for w in id_cells) > chord.region.right - 1
            assert (
                max(w.region.right for w in id_cells) <= screen.query_one("#help-body").region.right
            )
        else:
            assert id_cells == []  # folded away: the descriptions need the room


@pytest.mark.parametrize("width", [72, 76, 80])
@sync
async def test_rows_keep_the_code_point_beside_the_detail_pane(tmp_path: Path, width: int) -> None:
    # Glyph, code point, LaTeX and name on every row whenever the detail pane shows
    # (72 columns and up): the name is what gets cut, not the code point.
    app = make(tmp_path, query="circlearrowright")
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        screen = app.search_screen
        assert screen.query_one(DetailPane).display
        results = screen.query_one(ResultsList)
        row = results.get_option_at_index(0).prompt
        text = str(row)
        assert chars(app)[0] == "↻"
        assert "U+21BB" in text
        assert "\\circlearrowr…" in text  # the full LaTeX column, not the compact one
        # The name starts on screen, with room for a word or two.
        assert results.size.width - text.index("CLOCKWISE") >= 12


@sync
async def test_no_match_says_so_in_the_pane_and_on_enter(tmp_path: Path, clip: list[str]) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, *"qqxyzzyq")
        await settle(pilot)
        assert chars(app) == []
        info = str(app.search_screen.query_one("#info").render())
        assert info.startswith("No symbol matches 'qqxyzzyq'.")
        assert "F2 searches a wider scope" in info
        await press(pilot, "enter")
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings[-1] == "Nothing to copy: no symbol matches."
        assert clip == []
        # Cleared: back to the first-start hint and message.
        await press(pilot, "escape")
        await settle(pilot)
        assert str(app.search_screen.query_one("#info").render()).startswith("Nothing here yet")
        await press(pilot, "enter")
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings[-1] == "Nothing to copy: type a query first."


@sync
async def test_escape_goes_back_from_related_jumps(tmp_path: Path) -> None:
    app = make(tmp_path, query="empty")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.search_screen
        query = screen.query_one(QueryInput)
        results = screen.query_one(ResultsList)
        await press(pilot, "down")  # not the first row: the highlight comes back too
        await settle(pilot)
        start = screen.current
        assert start is not None and start.related
        history = [("empty", start)]
        for _ in range(2):  # two jumps deep
            sym = screen.current
            assert sym is not None and sym.related
            await press(pilot, "tab", "enter")
            await settle(pilot)
            target = get(sym.related[0])
            assert (
                target is not None
                and screen.current == target
                and query.value == f"U+{target.codepoint:04X}"
            )
            history.append((query.value, target))
        history.pop()
        while history:
            value, sym = history.pop()
            await press(pilot, "escape")
            await settle(pilot)
            assert query.value == value and screen.current == sym
        assert results.highlighted == 1
        await press(pilot, "escape")  # nothing left to go back to: clears as before
        await settle(pilot)
        assert query.value == ""


@sync
async def test_typing_after_a_jump_forgets_the_way_back(tmp_path: Path) -> None:
    app = make(tmp_path, query="U+2205")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "enter")
        await settle(pilot)
        await press(pilot, "backspace", *"rarr")
        await settle(pilot)
        await press(pilot, "escape")
        await settle(pilot)
        assert app.search_screen.query_one(QueryInput).value == ""


@sync
async def test_a_slow_search_does_not_hold_up_typing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The search runs in a thread: keys are taken (and the box shows them) while it
    # runs, and only the last query's results are shown.
    import threading

    import app.tui.app as tui_app

    gate = threading.Event()
    real = tui_app.compute_rows

    def slow(*args: Any, **kwargs: Any) -> Any:
        gate.wait(30)
        return real(*args, **kwargs)

    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(tui_app, "compute_rows", slow)
        query = app.search_screen.query_one(QueryInput)
        for ch in "fo":  # two keys, while both searches wait
            query.insert_text_at_cursor(ch)
            for _ in range(3):
                await pilot.pause(0)
        assert query.value == "fo" and query.cursor_position == 2
        assert chars(app) == []  # no results yet, and the keys were taken all the same
        gate.set()
        await settle(pilot)
        assert query.value == "fo"
        expected = [r.symbol.char for r in real("fo", app.scope, None, [], []) if r.symbol]
        assert chars(app) == expected


# --------------------------------------------------------------------------- the glance (issue 15)


def _text(widget: Any) -> str:
    return str(widget.render())


def _colors(widget: Any, y: int, *texts: str) -> list[Any]:
    """The colours (textual Colors) *widget* draws each of *texts* in, on its line *y*."""
    from textual.color import Color

    segments = list(widget.render_line(y))
    found = []
    for text in texts:
        seg = next(s for s in segments if text in s.text)
        assert seg.style is not None and seg.style.color is not None
        found.append(Color.from_rich_color(seg.style.color))
    return found


@pytest.mark.parametrize("size", [(80, 24), (110, 32), (72, 20), (100, 15)], ids=str)
@sync
async def test_the_chords_are_on_the_first_screen_of_the_pane(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Glyph box, then name, code point, the chord shown first and macOS's, LaTeX and
    # entity: all inside the pane as it opens, nothing scrolled.
    monkeypatch.setenv("MATHSYM_METHOD", "linux")
    app = make(tmp_path, query="U+1D400")  # a long name, a two-unit macOS chord
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.search_screen
        detail = screen.query_one(DetailPane)
        glance = screen.query_one("#glance")
        assert detail.display and not screen.query_one("#strip").display
        assert detail.scroll_y == 0
        assert detail.content_region.contains_region(glance.region)
        assert screen.query_one("#glyph-box").region.bottom <= glance.region.y
        lines = _text(glance).splitlines()
        assert lines[0] == "MATHEMATICAL BOLD CAPITAL A"
        assert "  Ctrl+Shift+U 1d400 Space" in lines and "  ⌥D835 ⌥DC00" in lines
        assert lines[-1] == "LaTeX \\mathbf{A}"
        # The glyph, then among letters and doubled; short terminals show the glyph alone
        # (a box one line high), never fewer chords.
        box = screen.query_one("#glyph-box")
        assert _text(box).splitlines() == ["𝐀", "x𝐀H  𝐀𝐀"]
        assert box.region.height == (4 if size[1] >= 16 else 3)


@pytest.mark.parametrize("size", [(40, 12), (71, 30)], ids=str)
@sync
async def test_folded_layout_shows_the_glance_under_the_list(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHSYM_METHOD", "linux")
    app = make(tmp_path, query="forall")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.search_screen
        strip = screen.query_one("#strip")
        results = screen.query_one(ResultsList)
        assert strip.display and not screen.query_one(DetailPane).display
        assert screen.region.contains_region(strip.region)
        assert strip.region.y >= results.region.bottom  # under the list
        assert strip.region.height == 4
        assert _text(strip).splitlines() == [
            "∀ U+2200 FOR ALL",
            "Linux  Ctrl+Shift+U 2200 Space",
            "macOS  ⌥2200",
            "\\forall  &forall;",
        ]
        assert results.size.height >= 5  # the list is still a list
        # Labels are muted (dimmer than the name); the chord stands out in the accent.
        label, chord = _colors(strip, 1, "Linux", "Ctrl+Shift+U 2200 Space")
        (name,) = _colors(strip, 0, "FOR ALL")
        assert label.brightness < name.brightness
        assert chord != name and chord != label
        # The strip follows the highlight, and says so when nothing matches.
        await press(pilot, "ctrl+u", *"qqxyzzyq")
        assert _text(strip).startswith("No symbol matches 'qqxyzzyq'.")
        await press(pilot, "ctrl+u")
        assert not strip.display  # no query, no hint: the list has the room


@sync
async def test_the_pane_unfolds_and_folds_with_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHSYM_METHOD", "linux")
    app = make(tmp_path, query="forall")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = app.search_screen
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert not screen.query_one("#strip").display
        assert _text(screen.query_one("#glance")).splitlines()[0] == "FOR ALL"
        await press(pilot, "down")  # (one row: the highlight stays)
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert _text(screen.query_one("#strip")).splitlines()[0] == "∀ U+2200 FOR ALL"


@sync
async def test_wide_lists_show_the_keys_as_a_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATHSYM_METHOD", "linux")
    app = make(tmp_path, query="element of")
    async with app.run_test(size=(164, 30)) as pilot:  # the list: 164 - 44 = 120
        await settle(pilot)
        screen = app.search_screen
        results = screen.query_one(ResultsList)
        assert results.size.width == 120

        def row(i: int) -> str:
            return str(results.get_option_at_index(i).prompt)

        assert chars(app)[0] == "∈"
        assert row(0) == " ∈  U+2208   \\in            Ctrl+Shift+U 2208 Space  ELEMENT OF"
        assert _text(screen.query_one("#status")).endswith(" · keys: Linux (GTK, IBus)")
        await press(pilot, "down")
        second = screen.current
        assert second is not None
        # "Show first: macOS": the column shows macOS's chords, the highlight stays.
        app.set_first_method("macos")
        await settle(pilot)
        assert f"⌥{second.codepoint:04X}" in row(1) and "Ctrl+Shift+U" not in row(1)
        assert results.highlighted == 1
        assert _text(screen.query_one("#status")).endswith(" · keys: macOS (Unicode Hex Input)")
        # One column narrower: no keys column (and none in the status line).
        await pilot.resize_terminal(163, 30)
        await settle(pilot)
        assert "⌥" not in row(0) and "keys:" not in _text(screen.query_one("#status"))
        assert results.highlighted == 1


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=str)
@sync
async def test_the_footer_shows_the_chord_key(tmp_path: Path, size: tuple[int, int]) -> None:
    from textual.widgets._footer import FooterKey

    app = make(tmp_path, query="forall")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys = {k.key: k for k in app.screen.query(FooterKey)}
        chord = keys["ctrl+g"]
        assert chord.description == "Chord"
        palette = keys["ctrl+p"]
        assert chord.region.width > 0 and chord.region.right <= palette.region.x


@sync
async def test_the_detail_pane_says_what_a_meaning_or_shape_matched(tmp_path: Path) -> None:
    app = make(tmp_path, query="upside down a")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert chars(app)[0] == "∀"
        screen = app.search_screen
        glance, info = screen.query_one("#glance"), screen.query_one("#info")
        # Below the glance (issue 15 keeps its first lines): the info's first line.
        assert _text(glance).splitlines()[0] == "FOR ALL"
        assert "looks like" not in _text(glance)
        assert _text(info).splitlines()[0] == "looks like: upside-down a"
        assert info.region.y >= glance.region.bottom
        info_text = _text(info)
        assert info_text.index("looks like:") < info_text.index("Type it")
        await pilot.press(*["backspace"] * len("upside down a"), *"forall")
        await settle(pilot)
        info_text = _text(app.search_screen.query_one("#info"))
        assert "looks like:" not in info_text and "means:" not in info_text  # a name matched


@sync
async def test_the_detail_pane_lists_look_alikes(tmp_path: Path) -> None:
    app = make(tmp_path, query="U+00B5")
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        info = str(app.search_screen.query_one("#info").render())
        section = info[info.index("Looks like") :]
        assert "μ  U+03BC GREEK SMALL LETTER MU" in section
        assert info.index("Looks like") > info.index("Type it")  # below the chords
