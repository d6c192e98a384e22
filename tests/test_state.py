"""app.state: favorites, recents and settings survive runs, crashes and each other."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import app.state as state_module
from app.state import (
    MAX_FAVORITES,
    MAX_RECENTS,
    STATE_DIR_ENV,
    STATE_FILE,
    State,
    load_keymap,
    state_dir,
)


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


# --------------------------------------------------------------------------- hostile files


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000,  # a RecursionError, the file left in place: every start failed
        b'{"a":' * 100_000,
        b'{"favorites": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"favorites": [55296]}',  # a surrogate is no character
        b'{"recents": [57343]}',
        b'{"uses": {"55296": [1, 1.0]}}',
        b'{"uses": {"' + b"9" * 5000 + b'": [1, 1.0]}}',  # int() raised its own ValueError
    ],
    ids=[
        "deep-array",
        "deep-object",
        "deep-favorites",
        "surrogate-favorite",
        "surrogate-recent",
        "surrogate-use",
        "huge-use",
    ],
)
def test_any_bad_file_is_kept_aside_and_the_next_start_works(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / STATE_FILE).write_bytes(content)
    s = State(tmp_path)
    assert s.favorites == [] and "kept it as" in s.notice
    assert [p.read_bytes() for p in tmp_path.iterdir() if ".corrupt-" in p.name] == [content]
    assert State(tmp_path).notice == ""


@pytest.mark.parametrize("codepoint", [0xD800, 0xDFFF, -1, 0x110000])
def test_no_character_no_favorite(tmp_path: Path, codepoint: int) -> None:
    s = State(tmp_path)
    with pytest.raises(ValueError, match="not a character"):
        s.toggle_favorite(codepoint)
    with pytest.raises(ValueError, match="not a character"):
        s.add_recent(codepoint)
    with pytest.raises(ValueError, match="not a character"):
        s.record_use(codepoint)
    assert not (tmp_path / STATE_FILE).exists()


def test_too_many_favorites_are_kept_whole_and_the_first_used(tmp_path: Path) -> None:
    # 50,000 favorites took 10 s to load and 10 s per toggle (quadratic de-duplication).
    many = list(range(0x10000, 0x10000 + 50_000))
    original = json.dumps({"favorites": many + many, "recents": [0x2200]}).encode()
    (tmp_path / STATE_FILE).write_bytes(original)
    s = State(tmp_path)
    assert s.favorites == many[:MAX_FAVORITES] and s.recents == [0x2200]
    assert "holds 50,000 favorites" in s.notice and f"first {MAX_FAVORITES:,}" in s.notice
    assert [p.read_bytes() for p in tmp_path.iterdir() if ".corrupt-" in p.name] == [original]
    again = State(tmp_path)  # what is in use was written back
    assert again.favorites == many[:MAX_FAVORITES] and again.notice == ""


def test_favorites_stop_at_the_cap(tmp_path: Path) -> None:
    full = list(range(0x1D400, 0x1D400 + MAX_FAVORITES))
    (tmp_path / STATE_FILE).write_text(json.dumps({"favorites": full}))
    s = State(tmp_path)
    assert s.toggle_favorite(0x2200) is False and not s.is_favorite(0x2200)
    assert f"{MAX_FAVORITES:,} favorites" in s.notice
    assert s.toggle_favorite(full[0]) is False  # removing one still works
    assert s.toggle_favorite(0x2200) is True
    assert State(tmp_path).favorites == [*full[1:], 0x2200]


def test_duplicates_are_dropped_in_order(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps({"favorites": [3, 1, 3, 2, 1] * 10_000}))
    assert State(tmp_path).favorites == [3, 1, 2]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locking")
def test_the_lock_file_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    (tmp_path / (STATE_FILE + ".lock")).symlink_to(victim)
    s = State(tmp_path)
    assert s.toggle_favorite(0x2200) is True  # kept in memory
    assert not victim.exists()  # before: created through the link
    assert s.notice == (
        f"Cannot save {tmp_path / STATE_FILE} (its lock file {STATE_FILE}.lock is a "
        "symbolic link); changes are kept in memory."
    )
    assert not (tmp_path / STATE_FILE).exists()


def test_a_file_moved_aside_by_another_start_is_no_reason_to_stop_saving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two mathsyms start on a corrupt file: both read it, one moves it aside first.
    # The other used to fail to move it and go read-only with a misleading notice.
    (tmp_path / STATE_FILE).write_bytes(b"{corrupt")
    read = State._parse_file
    moved: list[Path] = []

    def read_then_the_other_moves_it(self: State) -> Any:
        try:
            return read(self)
        finally:
            if not moved and self.path.exists():
                moved.append(state_module._set_aside(self.path))  # the other instance

    monkeypatch.setattr(State, "_parse_file", read_then_the_other_moves_it)
    s = State(tmp_path)
    assert moved and s.notice == ""  # the other one said it
    assert s.toggle_favorite(0x2200) is True
    assert State(tmp_path).favorites == [0x2200]
    assert moved[0].read_bytes() == b"{corrupt"


def _start(directory: str, at: float) -> str:
    time.sleep(max(0.0, at - time.time()))
    return State(Path(directory)).notice


@pytest.mark.slow  # 80 processes
@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locking is POSIX only")
def test_many_starts_at_once_on_a_corrupt_file(tmp_path: Path) -> None:
    # The audit's race: 8 at once, 10 times; before, a quarter went read-only.
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    for round_ in range(10):
        d = tmp_path / str(round_)
        d.mkdir()
        (d / STATE_FILE).write_bytes(b"{corrupt %d" % round_)
        with ctx.Pool(8) as pool:
            notices = pool.starmap(_start, [(str(d), time.time() + 0.5)] * 8)
        assert not [n for n in notices if "cannot be moved aside" in n], notices
        assert sum("kept it as" in n for n in notices) == 1
        kept = [p.read_bytes() for p in d.iterdir() if ".corrupt-" in p.name]
        assert kept == [b"{corrupt %d" % round_]


@pytest.mark.parametrize(
    ("value", "kept", "says"),
    [
        ('"ctrl+"', None, "favorite = 'ctrl+' (nothing after the last +)"),
        ('"+"', None, "favorite = '+'"),
        ('"ctrl+shift+"', None, "nothing after the last +"),
        ('",,"', None, "favorite = '' (empty)"),
        ('"cmd+s"', None, "cmd is not a modifier"),
        ('"ctrl+s,ctrl+"', "ctrl+s", "favorite = 'ctrl+'"),
        ('["f4", "ctrl+\\u001b"]', "f4", "favorite = 'ctrl+\\x1b' (not a printable character)"),
        ('"page up"', "pageup", None),
        ('"ctrl+shift+f1"', "ctrl+shift+f1", None),
    ],
)
def test_keys_textual_cannot_read_are_reported(
    tmp_path: Path, value: str, kept: str | None, says: str | None
) -> None:
    (tmp_path / "config.toml").write_text(f"[keys]\nfavorite = {value}\n", encoding="utf-8")
    keymap, problem = load_keymap(tmp_path)
    assert keymap.get("favorite") == kept
    if says is None:
        assert problem == ""
    else:
        assert says in problem and "\n" not in problem and "\x1b" not in problem


@pytest.mark.parametrize(
    "content",
    [
        "a = " + "[" * 100_000 + "]" * 100_000 + "\n",
        "[aliases]\nx = " + "{a = " * 20_000 + "1" + "}" * 20_000 + "\n",
    ],
    ids=["deep-array", "deep-inline-table"],
)
def test_a_deeply_nested_config_is_reported_not_raised(tmp_path: Path, content: str) -> None:
    from app.config import user_aliases

    (tmp_path / "config.toml").write_text(content)
    keymap, problem = load_keymap(tmp_path)
    assert keymap == {} and "nested too deeply" in problem and "default keys" in problem
    aliases, problem = user_aliases(str(tmp_path))  # what every look-up reads
    assert aliases == {}
    if "[aliases]" in content:  # else not even parsed
        assert "nested too deeply" in problem
