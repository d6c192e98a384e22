"""app.state: favorites, recents and settings survive runs, crashes and each other."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path

import pytest

from app.state import MAX_RECENTS, STATE_DIR_ENV, STATE_FILE, State, load_keymap, state_dir


def test_state_dir_env_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "x"))
    assert state_dir() == tmp_path / "x"
    assert State().path == tmp_path / "x" / STATE_FILE


def test_fresh_dir_is_empty_and_created_on_write(tmp_path: Path) -> None:
    d = tmp_path / "new" / "dir"
    s = State(d)
    assert s.favorites == [] and s.recents == [] and s.notice == ""
    assert not (d / STATE_FILE).exists()
    assert s.toggle_favorite(0x2200) is True
    assert json.loads((d / STATE_FILE).read_text())["favorites"] == [0x2200]


def test_round_trip(tmp_path: Path) -> None:
    s = State(tmp_path)
    s.toggle_favorite(0x2200)
    s.toggle_favorite(0x2203)
    s.toggle_favorite(0x2200)  # off again
    s.add_recent(0x2264)
    s.add_recent(0x2192)
    s.add_recent(0x2264)  # moves to the front, no duplicate
    s.set_setting("theme", "nord")
    t = State(tmp_path)
    assert t.favorites == [0x2203]
    assert t.recents == [0x2264, 0x2192]
    assert t.setting("theme") == "nord"
    assert t.setting("missing", "dflt") == "dflt"
    assert t.is_favorite(0x2203) and not t.is_favorite(0x2200)


def test_recents_are_capped(tmp_path: Path) -> None:
    s = State(tmp_path)
    for cp in range(0x2200, 0x2200 + MAX_RECENTS + 5):
        s.add_recent(cp)
    r = State(tmp_path).recents
    assert len(r) == MAX_RECENTS
    assert r[0] == 0x2200 + MAX_RECENTS + 4


def test_no_temp_files_left_behind(tmp_path: Path) -> None:
    s = State(tmp_path)
    for cp in range(0x2200, 0x2210):
        s.toggle_favorite(cp)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_two_instances_keep_each_others_favorites(tmp_path: Path) -> None:
    a = State(tmp_path)
    b = State(tmp_path)  # both loaded before either wrote
    a.toggle_favorite(0x2200)
    b.toggle_favorite(0x2203)
    a.toggle_favorite(0x2264)
    assert set(State(tmp_path).favorites) == {0x2200, 0x2203, 0x2264}
    assert set(a.favorites) == {0x2200, 0x2203, 0x2264}  # a's save merged b's write
    # A removal by one instance is not undone by the other's later write.
    a.toggle_favorite(0x2203)
    b.add_recent(0x2192)
    assert set(State(tmp_path).favorites) == {0x2200, 0x2264}


def _add_many(directory: str, start: int, n: int) -> None:
    s = State(Path(directory))
    for cp in range(start, start + n):
        s.toggle_favorite(cp)


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locking is POSIX only")
def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    ctx = (
        multiprocessing.get_context("fork")
        if hasattr(os, "fork")
        else multiprocessing.get_context("spawn")
    )
    procs = [
        ctx.Process(target=_add_many, args=(str(tmp_path), 0x2200 + 100 * i, 25)) for i in range(3)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    favs = set(State(tmp_path).favorites)
    assert favs == {0x2200 + 100 * i + k for i in range(3) for k in range(25)}


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2, 3]",
        b'{"favorites": "oops"}',
        b'{"favorites": [-5]}',
        b'{"settings": {"theme": 3}}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_corrupt_file_is_kept_aside(tmp_path: Path, content: bytes) -> None:
    (tmp_path / STATE_FILE).write_bytes(content)
    s = State(tmp_path)
    assert s.favorites == []
    assert "kept it as" in s.notice
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes() == content  # never altered, never deleted
    s.toggle_favorite(0x2200)
    assert State(tmp_path).favorites == [0x2200]
    assert State(tmp_path).notice == ""  # said once, not on every run


def test_second_corrupt_file_gets_its_own_name(tmp_path: Path) -> None:
    for content in (b"{", b"}"):
        (tmp_path / STATE_FILE).write_bytes(content)
        State(tmp_path)
    aside = sorted(p.read_bytes() for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert aside == [b"{", b"}"]


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions do not bind root or work this way on Windows",
)
def test_unwritable_dir_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    d.mkdir()
    (d / STATE_FILE).write_text('{"favorites": [8704]}')
    d.chmod(0o500)
    try:
        s = State(d)
        assert s.favorites == [0x2200]
        assert s.toggle_favorite(0x2203) is True  # kept in memory
        assert s.is_favorite(0x2203)
        assert "Cannot save" in s.notice
    finally:
        d.chmod(0o700)
    assert json.loads((d / STATE_FILE).read_text())["favorites"] == [0x2200]


def test_keymap_absent_is_empty(tmp_path: Path) -> None:
    assert load_keymap(tmp_path) == ({}, "")


def test_keymap_read(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[keys]\ncopy_latex = "ctrl+l"\nfavorite = ["ctrl+s", "f2"]\nquit = 3\n'
    )
    keymap, problem = load_keymap(tmp_path)
    assert keymap == {"copy_latex": "ctrl+l", "favorite": "ctrl+s,f2"}
    assert "quit" in problem


def test_keymap_broken_toml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("[keys\n")
    keymap, problem = load_keymap(tmp_path)
    assert keymap == {}
    assert "cannot be used" in problem


def test_reload_sees_another_instances_favorites(tmp_path: Path) -> None:
    a = State(tmp_path)
    b = State(tmp_path)
    b.toggle_favorite(0x2203)
    assert a.favorites == []
    a.reload()
    assert a.favorites == [0x2203]
