"""End to end: the real app in a real terminal (tmux), typed into like a person would."""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest
from conftest import Tmux

pytestmark = pytest.mark.slow


def test_typing_forall_shows_the_symbol(tmux: Tmux) -> None:
    tmux.start_app()
    tmux.wait_for("palette")  # the footer is drawn: the app is up
    tmux.type("forall")
    for text in ("FOR ALL", "U+2200", "\\forall"):  # row and detail pane draw in turn
        screen = tmux.wait_for(text)
    assert "∀" in screen


def test_small_terminal_still_searches(tmux: Tmux) -> None:
    tmux.start_app(size=(40, 12))
    tmux.wait_for("palette")
    tmux.type("forall")
    screen = tmux.wait_for("FOR ALL")
    assert "∀" in screen


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
