"""Snapshot tests of the TUI (pytest-textual-snapshot): fixed sizes, pinned theme, colour on.

Update after an intended change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs under tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import press, settle

pytest.importorskip("pytest_textual_snapshot")

from textual.pilot import Pilot

from app.state import State
from app.tui.app import MathsymApp

THEME = "textual-dark"


@pytest.fixture(autouse=True)
def _pinned_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Colour on, and the same first input method on every machine.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("MATHSYM_METHOD", "linux")


async def _settle(pilot: Pilot[Any]) -> None:
    # The results are in and the detail pane follows them at once (detail_delay=0);
    # the screenshot is taken after textual's own waits for the screen to be drawn.
    await settle(pilot)


def _app(tmp_path: Path, query: str = "") -> MathsymApp:
    # A steady cursor (cursor_blink=False from the start): a blinking one is drawn or not
    # depending on how long the run took, and a blink already under way when blinking
    # is switched off later can still hide it (seen on a loaded machine).
    return MathsymApp(
        query=query, state_dir=tmp_path, theme=THEME, detail_delay=0, cursor_blink=False
    )


class TestMainScreen:
    def test_search_results_80x24(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "arrow"), terminal_size=(80, 24), run_before=_settle)

    def test_narrow_40x12_folds_detail(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "arrow"), terminal_size=(40, 12), run_before=_settle)


class TestGlance:
    """Issue 15: the chords on the first screen of every symbol, at every size."""

    def test_chords_at_80x24(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "forall"), terminal_size=(80, 24), run_before=_settle)

    def test_two_unit_macos_chord_at_110x32(self, snap_compare: Any, tmp_path: Path) -> None:
        app = _app(tmp_path, "U+1D400")
        assert snap_compare(app, terminal_size=(110, 32), run_before=_settle)

    def test_folded_strip_at_40x12(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "forall"), terminal_size=(40, 12), run_before=_settle)

    def test_keys_column_in_a_wide_list(self, snap_compare: Any, tmp_path: Path) -> None:
        app = _app(tmp_path, "element of")
        assert snap_compare(app, terminal_size=(170, 24), run_before=_settle)


class TestDetailPane:
    def test_related_and_inputs(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "U+2205"), terminal_size=(110, 40), run_before=_settle)

    def test_combining_mark_on_dotted_circle(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path, "U+0302"), terminal_size=(100, 30), run_before=_settle)


class TestEmptyQuery:
    def test_favorites_then_recents(self, snap_compare: Any, tmp_path: Path) -> None:
        state = State(tmp_path)
        for cp in (0x2200, 0x2203, 0x211D):
            state.toggle_favorite(cp)
        for cp in (0x2192, 0x2264):
            state.add_recent(cp)
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_settle)


class TestHelp:
    def test_help_screen(self, snap_compare: Any, tmp_path: Path) -> None:
        async def open_help(pilot: Pilot[Any]) -> None:
            await _settle(pilot)
            await press(pilot, "f1")

        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=open_help)
