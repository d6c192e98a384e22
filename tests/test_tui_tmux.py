"""End to end: the real app in a real terminal (tmux), typed into like a person would."""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest
from conftest import Tmux

pytestmark = pytest.mark.slow


#: What the first screen shows for each query, with MATHSYM_METHOD=linux: the glyph, the
#: name and code point, the Linux chord and the macOS one (only the glance has it: the
#: test waits for it), the LaTeX command and entity.
FIRST_SCREEN = {
    "forall": ["∀", "FOR ALL", "U+2200", "Ctrl+Shift+U 2200 Space", "⌥2200", "\\forall",
               "&forall;"],
    "U+1D400": ["𝐀", "MATHEMATICAL BOLD CAPITAL A", "Ctrl+Shift+U 1d400 Space", "⌥D835 ⌥DC00",
                "\\mathbf{A}"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("size", "query"),
    [
        ((80, 24), "forall"),
        ((110, 32), "U+1D400"),
        ((72, 20), "forall"),  # the narrowest the pane shows at
        ((40, 12), "U+1D400"),  # folded: the strip under the list
        ((40, 12), "forall"),
        ((170, 30), "forall"),  # the list wide enough for a keys column
    ],
    ids=str,
)
def test_the_chords_are_on_the_first_screen(tmux: Tmux, size: tuple[int, int], query: str) -> None:
    # Typed as a person would; nothing scrolled: what the pane shows as it opens.
    tmux.start_app(size=size, MATHSYM_METHOD="linux")
    tmux.wait_for("palette")  # the footer is drawn: the app is up
    tmux.type(query)
    expected = FIRST_SCREEN[query]
    # The pane (or strip) catches up with the list a moment later, all its lines at once.
    screen = tmux.wait_for(next(text for text in expected if text.startswith("⌥")))
    missing = [text for text in expected if text not in screen]
    assert not missing, f"{missing} not on the first screen:\n{screen}"
    assert "^g Chord" in screen.splitlines()[-1]  # the chord key, in the footer
    if size[0] >= 164:
        assert "keys: Linux (GTK, IBus)" in screen
        row = next(line for line in screen.splitlines() if "U+2200" in line)
        assert "Ctrl+Shift+U 2200 Space" in row  # the keys column


def test_macos_first_shows_its_chord_once(tmux: Tmux) -> None:
    tmux.start_app(size=(80, 24), MATHSYM_METHOD="macos")
    tmux.wait_for("palette")
    tmux.type("forall")
    screen = tmux.wait_for("&forall;")
    assert screen.count("⌥2200") == 1 and "macOS (Unicode Hex Input)" in screen


#: How launchers and scripts capture the pick, each with where the test reads it back.
PICK_RECIPES = {
    "command substitution": 'x=$({cmd}); printf %s "$x" > {out}',
    "redirect to a file": "{cmd} > {out}",
    "pipe": "{cmd} | cat > {out}",
}


@pytest.mark.parametrize(
    ("recipe", "size"),
    # Each recipe and each size at least once (the bug was in every recipe, at every
    # size but 80x24): four runs instead of the twelve of every pair.
    [
        ("command substitution", (110, 32)),
        ("redirect to a file", (40, 12)),
        ("pipe", (200, 60)),
        ("command substitution", (80, 24)),
    ],
    ids=str,
)
def test_pick_with_stdout_captured(
    tmux: Tmux, tmp_path: Path, recipe: str, size: tuple[int, int]
) -> None:
    # stdout is a pipe or a file in every recipe; the picker must still be drawn at the
    # pane's own size and take keys (it used to spin at any size but 80x24).
    out = tmp_path / "picked.txt"
    cmd = PICK_RECIPES[recipe].format(
        cmd=f"{shlex.quote(sys.executable)} -m app --pick", out=shlex.quote(str(out))
    )
    tmux.start(cmd, size)
    tmux.wait_for("palette")  # the app is up
    tmux.type("\\le")
    tmux.wait_for("LESS-THAN OR EQUAL TO")  # the keys got through (they never did)
    tmux.keys("Enter")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (out.exists() and out.read_text()):
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8") == "≤"


def test_pick_prints_after_the_app_exits(tmux: Tmux, tmp_path: Path) -> None:
    out = tmp_path / "picked.txt"
    tmux.start_app(f"--pick latex forall > {shlex.quote(str(out))}", size=(100, 30))
    tmux.wait_for("FOR ALL")
    tmux.keys("Enter")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (out.exists() and out.read_text()):
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8") == "\\forall"
