"""Your symbols first: use counts in state.json, frecency, and where it orders (and where not)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import settle

from app import cli
from app.frecency import HALF_LIFE_DAYS, by_tier, frecency, used_first
from app.listing import list_lines
from app.state import MAX_USES, STATE_FILE, State
from symbols.search import search

DAY = 86400.0


def test_frecency_counts_and_fades() -> None:
    now = 1_000_000_000.0
    scores = frecency({1: (4, now), 2: (4, now - HALF_LIFE_DAYS * DAY), 3: (1, now)}, [], now)
    assert scores[1] == pytest.approx(4.0)
    assert scores[2] == pytest.approx(2.0)  # a half-life ago: half
    assert scores[1] > scores[2] > scores[3]


def test_recents_without_counts_score_a_little() -> None:
    scores = frecency({7: (1, 0.0)}, [5, 6, 7], now=0.0)
    assert 0 < scores[6] < scores[5] < 1 <= scores[7]


def test_by_tier_moves_the_used_up_within_their_tier_only() -> None:
    items = [("exact", 1), ("prefix", 2), ("prefix", 3), ("prefix", 4), ("fuzzy", 5)]
    out = by_tier(items, lambda i: i[0], lambda i: i[1], {4: 2.0, 3: 1.0, 5: 9.0})
    assert out == [("exact", 1), ("prefix", 4), ("prefix", 3), ("prefix", 2), ("fuzzy", 5)]
    assert by_tier(items, lambda i: i[0], lambda i: i[1], {}) == items


def test_uses_are_saved_merged_and_capped(tmp_path: Path) -> None:
    one, two = State(tmp_path), State(tmp_path)
    one.record_use(0x2200, when=100.0)
    two.record_use(0x2200, when=200.0)  # another instance, on top of the first
    two.record_use(0x2192, when=150.0)
    again = State(tmp_path)
    assert again.uses == {0x2200: (2, 200.0), 0x2192: (1, 150.0)}
    assert again.recents[:2] == [0x2192, 0x2200]
    data = json.loads((tmp_path / STATE_FILE).read_text())
    assert data["uses"] == {"8704": [2, 200.0], "8594": [1, 150.0]}
    many = {str(cp): [1, 1.0] for cp in range(0x3000, 0x3000 + MAX_USES + 5)}  # old, once each
    (tmp_path / STATE_FILE).write_text(json.dumps({**data, "uses": {**data["uses"], **many}}))
    State(tmp_path).record_use(0x2200, when=300.0)
    kept = State(tmp_path).uses
    assert len(kept) == MAX_USES and kept[0x2200] == (3, 300.0) and 0x2192 in kept


@pytest.mark.parametrize(
    "uses",
    [
        [],
        {"8704": [0, 1.0]},
        {"x": [1, 1.0]},
        {"8704": [1]},
        {"8704": "many"},
        {"99999999": [1, 1]},
    ],
)
def test_bad_uses_set_the_file_aside(tmp_path: Path, uses: object) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps({"favorites": [8704], "uses": uses}))
    state = State(tmp_path)
    assert state.uses == {} and "kept it as" in state.notice
    assert list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))


def test_used_first_orders_by_frecency_then_favorites(tmp_path: Path) -> None:
    state = State(tmp_path)
    state.toggle_favorite(0x2205)
    state.record_use(0x2192)
    for _ in range(3):
        state.record_use(0x2264)
    assert used_first(tmp_path) == [0x2264, 0x2192, 0x2205]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_puts_the_used_first_but_look_ups_stay_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MATHSYM_STATE_DIR", str(tmp_path))
    before = _run(capsys, "--json", "arrow")[1]
    State(tmp_path).record_use(0x21AC)  # ↬, far down the everyday order
    code, out, _err = _run(capsys, "list", "--format", "tsv")
    assert code == 0 and out.splitlines()[0].startswith("↬\tU+21AC")
    assert next(list_lines("math", "tsv")).split("\t")[1] != "U+21AC"  # the table's own order
    assert _run(capsys, "--json", "arrow")[1] == before  # a look-up is the same for everyone


# --------------------------------------------------------------------------- the TUI


def test_the_tui_puts_your_symbol_first_in_its_tier(tmp_path: Path) -> None:
    from app.tui.app import MathsymApp

    query = "arrow"
    plain = search(query, limit=300)
    # a symbol well down the list, in the tier of most hits (→ alone is in the one above:
    # "arrow" is a phrase of the concept table since issue 11)
    kinds = [m.matched.kind for m in plain]
    tier = max(set(kinds), key=kinds.count)
    first = kinds.index(tier)
    mine = next(m.symbol for m in plain[first + 10 :] if m.matched.kind == tier)
    state = State(tmp_path)
    state.record_use(mine.codepoint)
    state.record_use(mine.codepoint)

    async def run() -> list[str]:
        app = MathsymApp(state_dir=tmp_path, theme="textual-dark", query=query, detail_delay=0)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            return [r.symbol.char for r in app.search_screen.rows if r.symbol is not None]

    shown = asyncio.run(run())
    assert shown[first] == mine.char  # first in its tier
    assert shown[:first] == [m.symbol.char for m in plain[:first]]  # the tiers above stay
    assert sorted(shown) == sorted(m.symbol.char for m in plain)  # the same matches
    assert [m.symbol.char for m in search(query, limit=300)] == [m.symbol.char for m in plain]


def test_the_tui_finds_your_alias_first(tmp_path: Path) -> None:
    from app.tui.app import MathsymApp

    (tmp_path / "config.toml").write_text('[aliases]\n"left arrow" = "⇜"\n', encoding="utf-8")

    async def run() -> list[Any]:
        app = MathsymApp(
            state_dir=tmp_path, theme="textual-dark", query="Left  Arrow", detail_delay=0
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            return list(app.search_screen.rows)

    rows = asyncio.run(run())
    assert rows[0].symbol.char == "⇜"
    assert rows[0].matched.field == "user-alias" and rows[0].matched.text == "left arrow"
    assert [r.symbol.char for r in rows].count("⇜") == 1
