"""What the TUI remembers between runs: favorites, recents, settings and the user's key map.

Two files, both small:

* ``state.json`` in the platform's state directory (platformdirs ``user_state_dir``):
  favorites, recents and settings (theme, first input method, …). The app writes it.
* ``config.toml`` in the platform's config directory: the user's key remapping, for
  people to edit; the app only reads it.

``MATHSYM_STATE_DIR`` moves both into one directory (tests use it, and so can people
who keep dotfiles together).

Saved state is never lost: every write goes to a temporary file that replaces the old
one in a single ``os.replace``; a write re-reads the file under a lock and merges, so
two instances running at once keep each other's favorites; and a file that cannot be
read is renamed aside (never deleted) and reported once.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CONFIG_FILE",
    "MAX_FAVORITES",
    "MAX_RECENTS",
    "MAX_USES",
    "STATE_DIR_ENV",
    "STATE_FILE",
    "State",
    "config_dir",
    "load_keymap",
    "state_dir",
]

#: Environment variable that moves state.json and config.toml into one directory.
STATE_DIR_ENV = "MATHSYM_STATE_DIR"
#: The app-written state file's name.
STATE_FILE = "state.json"
#: The user-written config file's name (app.config reads it).
CONFIG_FILE = "config.toml"
#: How many recently copied symbols are kept.
MAX_RECENTS = 30
#: The most favorites kept: far more than anyone stars by hand, few enough that the
#: empty query's list and every save stay instant. A file with more (written by
#: something else) is kept aside whole, and its first this many are used.
MAX_FAVORITES = 1000

_APP_NAME = "mathsym"
_FORMAT_VERSION = 1


def state_dir() -> Path:
    """Return the directory of ``state.json``: ``$MATHSYM_STATE_DIR`` or the platform's."""
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # only the TUI needs it; keep it off the CLI's import path

    return Path(platformdirs.user_state_dir(_APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Return the directory of ``config.toml``: ``$MATHSYM_STATE_DIR`` or the platform's."""
    from app.config import config_directory

    return Path(config_directory())


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* (a lock file beside the state) while inside.

    fcntl where the platform has it (Linux, macOS); elsewhere writes are still atomic,
    only the merge of simultaneous writes is unguarded. The lock file is opened without
    following a symbolic link (``O_NOFOLLOW``) and must be a regular file: a link
    planted there would otherwise have mathsym create or lock whatever it points at.

    Raises:
        OSError: When the lock file cannot be opened, or is a link or not a file
            (its message says so).

    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise OSError(e.errno, f"its lock file {path.name} is a symbolic link") from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, f"its lock file {path.name} is not a regular file")
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _atomic_write(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file and one ``os.replace``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _set_aside(path: Path) -> Path:
    """Rename a bad file to ``NAME.corrupt-TIMESTAMP`` (unique) and return the new path."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


# --------------------------------------------------------------------------- parsing


class _BadState(ValueError):
    """The state file exists but does not hold what mathsym writes.

    Attributes:
        salvage: What can still be used (the first `MAX_FAVORITES` of too many), or
            None to start afresh.

    """

    def __init__(self, why: str, salvage: _Snapshot | None = None) -> None:
        super().__init__(why)
        self.salvage = salvage


def _is_character(codepoint: object) -> bool:
    """Tell whether *codepoint* is an int naming a character: 0-0x10FFFF, no surrogate.

    Surrogates (U+D800-DFFF) are halves of UTF-16 pairs, not characters: no symbol
    has one, and none can be written to a UTF-8 file.
    """
    return (
        isinstance(codepoint, int)
        and not isinstance(codepoint, bool)
        and 0 <= codepoint <= 0x10FFFF
        and not 0xD800 <= codepoint <= 0xDFFF
    )


def _codepoints(value: Any, what: str) -> list[int]:
    """Return the code points of a list, duplicates dropped (in linear time), order kept."""
    if not isinstance(value, list):
        raise _BadState(f"{what} is not a list")
    for item in value:
        if not _is_character(item):
            shown = repr(item) if len(repr(item)) <= 20 else repr(item)[:19] + "…"
            raise _BadState(f"{what} holds {shown}, not a character's code point")
    return list(dict.fromkeys(value))


@dataclass
class _Snapshot:
    favorites: list[int] = field(default_factory=list)
    recents: list[int] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    #: code point → (times used, when last used: seconds since the epoch)
    uses: dict[int, tuple[int, float]] = field(default_factory=dict)


def _uses(value: Any) -> dict[int, tuple[int, float]]:
    """Read the ``uses`` object: ``{"8704": [count, last_used]}``."""
    if not isinstance(value, dict):
        raise _BadState("uses is not an object")
    out: dict[int, tuple[int, float]] = {}
    for key, entry in value.items():
        # ASCII digits, and few: int() refuses thousands of digits (a ValueError of its own).
        number = isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= 7
        cp = int(key) if number else -1
        if not _is_character(cp):
            shown = repr(key) if len(repr(key)) <= 20 else repr(key)[:19] + "…"
            raise _BadState(f"uses holds {shown}, not a character's code point")
        ok = (
            isinstance(entry, list)
            and len(entry) == 2
            and all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in entry)
        )
        if not ok or entry[0] < 1:
            raise _BadState(f"uses of {key} is {entry!r}, not [count, time]")
        out[cp] = (int(entry[0]), float(entry[1]))
    return out


def _parse(text: str) -> _Snapshot:
    try:
        data = json.loads(text)
    except ValueError as e:
        raise _BadState(f"not JSON ({e})") from None
    except RecursionError:  # [[[[… nested past the interpreter's stack
        raise _BadState("not JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise _BadState("not a JSON object")
    settings = data.get("settings", {})
    if not isinstance(settings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in settings.items()
    ):
        raise _BadState("settings is not an object of strings")
    snap = _Snapshot(
        favorites=_codepoints(data.get("favorites", []), "favorites"),
        recents=_codepoints(data.get("recents", []), "recents")[:MAX_RECENTS],
        settings=dict(settings),
        uses=_uses(data.get("uses", {})),
    )
    if len(snap.favorites) > MAX_FAVORITES:
        many = len(snap.favorites)
        del snap.favorites[MAX_FAVORITES:]
        raise _BadState(
            f"holds {many:,} favorites, more than the {MAX_FAVORITES:,} mathsym keeps", snap
        )
    return snap


def _dump(snap: _Snapshot) -> str:
    data = {
        "version": _FORMAT_VERSION,
        "favorites": snap.favorites,
        "recents": snap.recents,
        "settings": snap.settings,
        "uses": {str(cp): [n, round(t, 1)] for cp, (n, t) in snap.uses.items()},
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


# --------------------------------------------------------------------------- the state


class State:
    """Favorites, recents and settings, persisted in ``state.json``.

    Every change is written at once (the file is tiny). A write re-reads the file under
    a lock and applies only this instance's own changes on top, so another instance's
    favorites survive.

    Attributes:
        path: The state file.
        notice: A one-line message for the user when the file could not be used
            (set aside or unwritable), else "". Shown once by the front end.

    """

    def __init__(self, directory: Path | None = None) -> None:
        """Load the state from *directory* (default `state_dir`); never raises for a bad file.

        Args:
            directory: Where ``state.json`` lives.

        """
        self.path: Path = (directory or state_dir()) / STATE_FILE
        self.notice: str = ""
        self._writable = True
        # This instance's own changes since the last write, re-applied on top of
        # whatever another instance wrote meanwhile.
        self._fav_changes: dict[int, bool] = {}
        self._new_recents: list[int] = []
        self._new_uses: list[tuple[int, float]] = []
        self._changed_settings: dict[str, str] = {}
        self._snap = self._read()

    # -- reading ------------------------------------------------------------

    def _read(self, locked: bool = False) -> _Snapshot:
        """Read the file, setting a bad one aside. Only this method touches a bad file.

        A file found bad is read again under the lock before it is moved (unless
        *locked*: the caller holds it): another mathsym starting at the same moment
        may have moved it already, or written a good one since.
        """
        try:
            return self._parse_file()
        except _BadState as bad:
            if locked:
                return self._bad(bad)
            try:
                with _locked(self._lock_path()):
                    try:
                        return self._parse_file()
                    except _BadState as still:
                        return self._bad(still)
            except OSError:  # no lock to be had (an unwritable folder): move it if we can
                return self._bad(bad)

    def _parse_file(self) -> _Snapshot:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _Snapshot()
        except (OSError, UnicodeDecodeError) as e:
            raise _BadState(f"cannot be read ({_reason(e)})") from None
        return _parse(text)

    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def _bad(self, bad: _BadState) -> _Snapshot:
        why = str(bad)
        try:
            aside = _set_aside(self.path)
        except FileNotFoundError:
            return _Snapshot()  # moved aside by another mathsym a moment ago: it said so
        except OSError as e:
            # Cannot even rename it: leave it alone and never overwrite it.
            self._writable = False
            self.notice = (
                f"State file {self.path} {why} and cannot be moved aside ({_reason(e)}); "
                "favorites and recents will not be saved this session."
            )
            return bad.salvage or _Snapshot()
        if bad.salvage is None:
            self.notice = (
                f"State file {self.path} {why}; kept it as {aside.name} and started afresh."
            )
            return _Snapshot()
        self.notice = (
            f"State file {self.path} {why}; kept it whole as {aside.name} and "
            f"use its first {len(bad.salvage.favorites):,}."
        )
        with contextlib.suppress(OSError):  # else kept in memory, written with the next change
            _atomic_write(self.path, _dump(bad.salvage))
        return bad.salvage

    # -- reading the values ---------------------------------------------------

    @property
    def favorites(self) -> list[int]:
        """Favorite code points, oldest first."""
        return list(self._snap.favorites)

    @property
    def recents(self) -> list[int]:
        """Recently copied code points, newest first (at most `MAX_RECENTS`)."""
        return list(self._snap.recents)

    def is_favorite(self, codepoint: int) -> bool:
        """Whether *codepoint* is a favorite."""
        return codepoint in self._snap.favorites

    def setting(self, key: str, default: str = "") -> str:
        """Return a stored setting (``theme``, ``first_method``, ``scope``…), or *default*."""
        return self._snap.settings.get(key, default)

    # -- changing them --------------------------------------------------------

    def toggle_favorite(self, codepoint: int) -> bool:
        """Add or remove a favorite and save.

        Args:
            codepoint: The symbol's code point.

        Returns:
            True when it is a favorite now. False also when it could not be added:
            there are `MAX_FAVORITES` already (`notice` says so).

        Raises:
            ValueError: When *codepoint* is no character's (a surrogate, out of range).

        """
        _check_character(codepoint)
        now = not self.is_favorite(codepoint)
        if now and len(self._snap.favorites) >= MAX_FAVORITES:
            self.notice = (
                f"There are {MAX_FAVORITES:,} favorites, the most mathsym keeps; "
                "remove one to add another."
            )
            return False
        self._fav_changes[codepoint] = now
        _apply_favorite(self._snap.favorites, codepoint, now)
        self.save()
        return now

    def add_recent(self, codepoint: int) -> None:
        """Put *codepoint* at the front of the recents and save.

        Raises:
            ValueError: When *codepoint* is no character's (a surrogate, out of range).

        """
        _check_character(codepoint)
        self._new_recents.append(codepoint)
        _push_recent(self._snap.recents, codepoint)
        self.save()

    def record_use(self, codepoint: int, when: float | None = None) -> None:
        """Count a use of *codepoint* (a copy, a pick, a typed symbol), make it recent, save.

        Args:
            codepoint: The symbol used.
            when: The time of the use (seconds since the epoch; default now).

        Raises:
            ValueError: When *codepoint* is no character's (a surrogate, out of range).

        """
        _check_character(codepoint)
        moment = time.time() if when is None else when
        self._new_uses.append((codepoint, moment))
        _count_use(self._snap.uses, codepoint, moment)
        self._new_recents.append(codepoint)
        _push_recent(self._snap.recents, codepoint)
        self.save()

    @property
    def uses(self) -> dict[int, tuple[int, float]]:
        """How often and when last each symbol was used: code point → (count, time)."""
        return dict(self._snap.uses)

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting and save (nothing is written when it is unchanged)."""
        if self._snap.settings.get(key) == value:
            return
        self._changed_settings[key] = value
        self._snap.settings[key] = value
        self.save()

    # -- writing ------------------------------------------------------------

    def save(self) -> bool:
        """Merge this instance's changes into the file on disk, atomically, under a lock.

        Returns:
            True when written; False when the file cannot be written (the reason goes
            to `notice`; the app keeps working in memory).

        """
        if not self._writable:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self._lock_path()):
                disk = self._with_changes(self._read(locked=True))
                _atomic_write(self.path, _dump(disk))
        except OSError as e:
            self.notice = f"Cannot save {self.path} ({_reason(e)}); changes are kept in memory."
            return False
        self._snap = disk
        self._fav_changes.clear()
        self._new_recents.clear()
        self._new_uses.clear()
        self._changed_settings.clear()
        return True

    def reload(self) -> None:
        """Re-read the file (another instance may have written it), keeping unsaved changes."""
        if self._writable:  # else the file is one we could not read: leave it alone
            self._snap = self._with_changes(self._read())

    def _with_changes(self, snap: _Snapshot) -> _Snapshot:
        """Apply this instance's changes not yet written on top of *snap*; return it."""
        for cp, on in self._fav_changes.items():
            _apply_favorite(snap.favorites, cp, on)
        for cp in self._new_recents:
            _push_recent(snap.recents, cp)
        for cp, moment in self._new_uses:
            _count_use(snap.uses, cp, moment)
        snap.settings.update(self._changed_settings)
        return snap


def _check_character(codepoint: int) -> None:
    if not _is_character(codepoint):
        raise ValueError(f"{codepoint!r} is not a character's code point")


def _apply_favorite(favorites: list[int], codepoint: int, on: bool) -> None:
    if on and codepoint not in favorites and len(favorites) < MAX_FAVORITES:
        favorites.append(codepoint)
    elif not on and codepoint in favorites:
        favorites.remove(codepoint)


#: How many symbols' use counts are kept: past it, the least used (then the oldest) go.
MAX_USES = 500


def _count_use(uses: dict[int, tuple[int, float]], codepoint: int, moment: float) -> None:
    count, last = uses.get(codepoint, (0, 0.0))
    uses[codepoint] = (count + 1, max(last, moment))
    if len(uses) > MAX_USES:
        for cp, _ in sorted(uses.items(), key=lambda kv: (kv[1][0], kv[1][1]))[
            : len(uses) - MAX_USES
        ]:
            del uses[cp]


def _push_recent(recents: list[int], codepoint: int) -> None:
    if codepoint in recents:
        recents.remove(codepoint)
    recents.insert(0, codepoint)
    del recents[MAX_RECENTS:]


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e) or type(e).__name__


# --------------------------------------------------------------------------- key map


def load_keymap(directory: Path | None = None) -> tuple[dict[str, str], str]:
    """Read the user's key remapping from ``config.toml``.

    The file has one table, ``[keys]``, mapping a binding id to keys (comma-separated
    for several)::

        [keys]
        copy_latex = "ctrl+l"
        favorite = "ctrl+s,f2"

    Args:
        directory: Where ``config.toml`` lives (default `config_dir`).

    Returns:
        The key map (binding id → keys) and a one-line problem report ("" when the
        file is absent or fine). A broken file gives an empty map, never an exception.

    """
    from app.config import read_config

    path = (directory or config_dir()) / CONFIG_FILE
    data, problem = read_config(str(path))
    if problem:
        return {}, f"{problem[:-1]}; default keys in use."
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, f'{path}: [keys] must be a table of binding id = "keys"; default keys in use.'
    keymap: dict[str, str] = {}
    bad: list[str] = []
    unusable: list[str] = []
    for binding_id, value in keys.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not (isinstance(value, str) and value.strip()):
            bad.append(binding_id)
            continue
        specs = value.replace(" ", "").split(",")
        good = [spec for spec in specs if _key_problem(spec) is None]
        unusable += [
            f"{binding_id} = {spec!r} ({_key_problem(spec)})" for spec in specs if spec not in good
        ]
        if good:
            keymap[binding_id] = ",".join(good)
    problems = []
    if bad:
        problems.append(f"ignored {', '.join(bad)} (keys must be a string)")
    if unusable:
        problems.append(f"ignored keys textual cannot read: {'; '.join(unusable)}")
    if not problems:
        return keymap, ""
    from app.display import message_safe

    return keymap, message_safe(f"{path}: {', '.join(problems)}.")


#: Modifiers a key may have, as textual names them (``ctrl+shift+a``).
_KEY_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def _key_problem(spec: str) -> str | None:
    """Say why *spec* (one key: ``ctrl+s``, ``f2``, ``question_mark``) is no key, or None.

    textual takes any string and simply never matches a malformed one, so ``ctrl+``
    would leave a binding with no key and no word about it.
    """
    if not spec:
        return "empty"
    *modifiers, key = spec.split("+")
    if not key:
        return "nothing after the last +" if modifiers else "empty"
    unknown = [m for m in modifiers if m.lower() not in _KEY_MODIFIERS]
    if unknown:
        known = ", ".join(sorted(_KEY_MODIFIERS))
        return f"{unknown[0] or 'an empty part'} is not a modifier ({known})"
    if len(key) > 1 and not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in key):
        return "a key is one character or a name such as f2, pageup, question_mark"
    if len(key) == 1 and not key.isprintable():
        return "not a printable character"
    return None
