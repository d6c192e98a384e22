"""A hostile audit of mathsym, reproducible: junk in, count what goes wrong.

    python bench/audit.py [--repo PATH] [--runs 3000] [--procs 320] [--seed 14] [--json]

Runs the checkout at --repo (default: this one) the way issue 14's audit did, with fixed
seeds so that two runs (before and after a change, or on two checkouts) see the same
input:

* ``cli``: in-process ``app.cli.main(argv)`` runs with junk arguments (options with bad
  values, control characters, lone surrogates, deep LaTeX, long words) and junk stdin,
  in a child process of its own session (no terminal, no display);
* ``proc``: whole ``python -m app`` processes with junk argv bytes and stdin, in odd
  environments (C locale, ASCII or Latin-1 output, buffered or unbuffered, bad
  ``COLUMNS``, no ``HOME``…) writing to a pipe, a closed pipe, ``/dev/full`` or nothing;
* ``library``: the public functions called with values of the wrong type;
* ``state``: bad state.json and config.toml files, a directory and a symlink loop in
  their place, 50,000 favorites, a lock file that is a symlink, eight instances
  starting at once on a corrupt file, eight writers at once;
* ``clipboard``: ``mathsym -c`` with an ``xclip`` on PATH that never returns;
* ``big``: ``identify --json`` on 250 KB, and LaTeX nested and repeated as in the issue.

Counted everywhere: runs; tracebacks (a Python traceback on stderr, exit status 70 or
120, or an exception escaping); hangs (no answer within the time limit: 10 s in
process, 20-60 s for a process); peak memory (the largest ``ru_maxrss`` of any
process). Each section adds what it checks (messages over one line, raw control
characters on stderr, exit statuses outside 0/1/2/74/130, files not set aside…).
Timing figures (favorites) are wall time on the machine it runs on.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
#: Where every process of the audited checkout runs: ``python -m app`` and ``python -c``
#: put the current folder first on sys.path, which must not be some other checkout.
NEUTRAL_CWD = tempfile.mkdtemp(prefix="audit-cwd-")
EXPECTED_CODES = {0, 1, 2, 74, 130}
CONTROLS = {chr(c) for c in range(32) if c != 10} | {"\x7f"}

# --------------------------------------------------------------------------- junk


OPTIONS = [
    "-n",
    "--limit",
    "--scope",
    "--method",
    "-f",
    "--format",
    "--json",
    "-1",
    "--first",
    "-c",
    "--copy",
    "--",
    "-",
    "--help",
    "--version",
    "--bogus",
    "--limit=--",
    "--scope=--",
    "--format=--",
    "--method=--",
    "-n0",
    "-n-5",
    "--limit=99999999999999999999",
]
VALUES = [
    "forall",
    "\\le",
    "U+2200",
    "0x110000",
    "U+D800",
    "&#x110000;",
    "&rarr;",
    "arrow.r",
    "math",
    "all",
    "nope",
    "latex",
    "macos",
    "glyph",
    "chord",
    "0",
    "-1",
    "abc",
    "",
    " ",
    "\u00a0",
    "∀x∈ℝ",
    "\x1b]0;PWNED\x07",
    "\x1b[31mred",
    "\x00",
    "a\r\nb",
    "\u202e",
    "\udcff",
    "\ud800",
    "a\udc80b",
    "\\mathbb{",
    "\\hat{" * 30 + "x" + "}" * 30,
    "\\sqrt{" * 400 + "x" + "}" * 400,
    "^{" * 1000,
    "\\a" * 3000,
    "x" * 20_000,
    "plus minus " * 500,
]
# Not desktop: --install writes into the home folder, --launch opens a terminal.
SUBCOMMANDS = ["identify", "convert", "tui", "list", "type"]


def junk_argv(rnd: random.Random) -> list[str]:
    """Return one junk command line: maybe a subcommand, then options and values mixed."""
    argv: list[str] = []
    if rnd.random() < 0.3:
        argv.append(rnd.choice(SUBCOMMANDS))
    for _ in range(rnd.randint(0, 5)):
        pool = OPTIONS if rnd.random() < 0.5 else VALUES
        argv.append(rnd.choice(pool))
    if rnd.random() < 0.1 and argv and argv[0] == "convert":
        argv.insert(1, "--to-latex")
    if argv in ([], ["tui"]):  # the TUI with no terminal: one fast error, seen enough
        argv.append("forall")
    return argv


def junk_bytes(rnd: random.Random, most: int = 200) -> bytes:
    """Return junk for stdin: random bytes, a junk value, UTF-16, or broken UTF-8."""
    kind = rnd.randrange(4)
    if kind == 0:
        return bytes(rnd.randrange(256) for _ in range(rnd.randint(1, most)))
    if kind == 1:
        return rnd.choice(VALUES).encode("utf-8", "surrogatepass")
    if kind == 2:
        return b"\xff\xfe" + "∀".encode("utf-16-le")
    return b"\xc3\x28\xa0\xa1\xe2\x28\xa1"  # invalid UTF-8 sequences


# --------------------------------------------------------------------------- in process


class _Hang(BaseException):
    """Raised by the alarm: a run took longer than its limit (not caught by the CLI)."""


def child_cli(runs: int, seed: int, limit: float) -> None:
    """Run *runs* junk command lines through app.cli.main; print a JSON summary."""
    import app.cli

    def alarm(signum: int, frame: object) -> None:
        raise _Hang

    signal.signal(signal.SIGALRM, alarm)
    rnd = random.Random(seed)
    counts = dict.fromkeys(
        ["runs", "tracebacks", "hangs", "bad_codes", "multiline", "raw_controls", "bad_json"], 0
    )
    examples: dict[str, list[str]] = {}
    for _ in range(runs):
        argv = junk_argv(rnd)
        stdin_bytes = junk_bytes(rnd)
        out_buf, err_buf = io.BytesIO(), io.BytesIO()
        saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(out_buf, encoding="utf-8", write_through=True)
        sys.stderr = io.TextIOWrapper(err_buf, encoding="utf-8", write_through=True)
        problem = ""
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            code = app.cli.main(argv)
        except _Hang:
            code, problem = -1, "hangs"
        except BaseException as exc:
            code, problem = -2, f"tracebacks ({type(exc).__name__})"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
                    stream.detach()  # else the wrapper closes the buffer when dropped
            sys.stdin, sys.stdout, sys.stderr = saved
        counts["runs"] += 1
        err = err_buf.getvalue().decode("utf-8", "replace")
        found = [problem] if problem else []
        if code == 70:
            found.append("tracebacks (exit 70)")
        elif code >= 0 and code not in EXPECTED_CODES:
            found.append("bad_codes")
        if any(line and not line.startswith("mathsym") for line in err.split("\n")):
            found.append("multiline")
        if CONTROLS & set(err):
            found.append("raw_controls")
        if "--json" in argv and code in (0, 1) and not {"--help", "--version"} & set(argv):
            try:
                json.loads(out_buf.getvalue().decode("utf-8") or "null")
            except ValueError:
                found.append("bad_json")
        for kind in found:
            key = kind.split(" ")[0]
            counts[key] += 1
            examples.setdefault(kind, [])
            if len(examples[kind]) < 3:
                examples[kind].append(f"{repr(argv)[:120]} -> {code}: {err[-160:]!r}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"counts": counts, "examples": examples, "peak_kib": peak}))


def section_cli(repo: Path, runs: int, seed: int) -> dict[str, Any]:
    env = _env(repo)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["MATHSYM_STATE_DIR"] = tempfile.mkdtemp(prefix="audit-state-")
    proc = subprocess.run(
        [sys.executable, __file__, "--child-cli", str(runs), str(seed)],
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # no controlling terminal: -c cannot write OSC 52 to ours
        timeout=runs * 12 + 60,
        cwd=NEUTRAL_CWD,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.decode("utf-8", "replace")[-2000:]}
    data: dict[str, Any] = json.loads(proc.stdout.decode().splitlines()[-1])
    data["peak_mib"] = round(data.pop("peak_kib") / 1024, 1)
    return data


# --------------------------------------------------------------------------- processes


ENVIRONMENTS: list[tuple[str, dict[str, str | None]]] = [
    ("plain", {}),
    ("unbuffered", {"PYTHONUNBUFFERED": "1"}),
    ("C locale", {"LANG": "C", "LC_ALL": "C"}),
    ("POSIX locale, ascii", {"LC_ALL": "POSIX", "PYTHONIOENCODING": "ascii"}),
    ("latin-1", {"PYTHONIOENCODING": "latin-1"}),
    ("utf-8 mode off", {"PYTHONUTF8": "0", "LC_ALL": "C"}),
    ("TERM=dumb, NO_COLOR", {"TERM": "dumb", "NO_COLOR": "1"}),
    ("COLUMNS=abc", {"COLUMNS": "abc"}),
    ("COLUMNS=-3", {"COLUMNS": "-3"}),
    ("COLUMNS=10**6", {"COLUMNS": "1000000"}),
    ("bad MATHSYM_METHOD", {"MATHSYM_METHOD": "\x1b]0;x\x07bogus"}),
    ("no HOME", {"HOME": None}),
    ("state dir unwritable", {"MATHSYM_STATE_DIR": "/proc/mathsym-audit"}),
    ("no TERM", {"TERM": None}),
]
TARGETS = ["pipe", "closed pipe", "/dev/full", "closed"]


def section_proc(repo: Path, procs: int, seed: int) -> dict[str, Any]:
    rnd = random.Random(seed)
    counts = dict.fromkeys(
        ["runs", "tracebacks", "hangs", "bad_codes", "multiline", "raw_controls"], 0
    )
    examples: dict[str, list[str]] = {}
    peak = 0
    state = tempfile.mkdtemp(prefix="audit-state-")
    # Every case at least once: --help and --version into a closed pipe and /dev/full,
    # unbuffered or not, then junk.
    fixed: list[tuple[list[bytes], str, int]] = []
    for args in ([b"--help"], [b"--version"], [b"identify", b"--help"], [b"forall"]):
        for target in ("closed pipe", "/dev/full"):
            for env_index in (0, 1):
                fixed.append((args, target, env_index))
    for i in range(procs):
        if i < len(fixed):
            argv, target, env_index = fixed[i]
            stdin = b""
        else:
            argv = [_os_bytes(a) for a in junk_argv(rnd)]
            if rnd.random() < 0.5:
                argv.append(junk_bytes(rnd, 40).replace(b"\x00", b""))
            target = rnd.choice(TARGETS)
            env_index = rnd.randrange(len(ENVIRONMENTS))
            stdin = junk_bytes(rnd, 2000)
        name, changes = ENVIRONMENTS[env_index]
        env = _env(repo, MATHSYM_STATE_DIR=state)
        env.pop("PYTHONUNBUFFERED", None)  # set only where the environment says so
        env.pop("DISPLAY", None)
        for key, value in changes.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        argv = [a.replace(b"\x00", b"") for a in argv]
        if argv and argv[0] == b"tui":
            argv.append(b"--help")  # no terminal here: one error line, tested enough
        code, err, maxrss, hung = _run_process(
            [sys.executable.encode(), b"-m", b"app", *argv], env, stdin, target, 30
        )
        peak = max(peak, maxrss)
        counts["runs"] += 1
        text = err.decode("utf-8", "replace")
        found = []
        if hung:
            found.append("hangs")
        elif "Traceback" in text or code in (70, 120):
            found.append("tracebacks")
        elif code not in EXPECTED_CODES:
            found.append("bad_codes")
        if any(line and not line.startswith("mathsym") for line in text.split("\n")):
            found.append("multiline")
        if CONTROLS & set(text):
            found.append("raw_controls")
        for kind in found:
            counts[kind] += 1
            examples.setdefault(kind, [])
            if len(examples[kind]) < 4:
                shown = b" ".join(argv)[:100]
                examples[kind].append(f"{shown!r} [{name}, {target}] -> {code}: {text[-160:]!r}")
    shutil.rmtree(state, ignore_errors=True)
    return {"counts": counts, "examples": examples, "peak_mib": round(peak / 1024, 1)}


def _os_bytes(arg: str) -> bytes:
    """The bytes of *arg* as argv would hold them (lone surrogates as their bad bytes)."""
    try:
        return arg.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return arg.encode("utf-8", "surrogatepass")  # ED A0 80: no UTF-8 either


def _run_process(
    argv: list[bytes], env: dict[str, str], stdin: bytes, target: str, timeout: float
) -> tuple[int, bytes, int, bool]:
    """Run one process; return (exit status, stderr, its peak RSS in KiB, hung)."""
    out_r = out_w = -1
    stdout: Any
    if target == "pipe":
        stdout = subprocess.PIPE
    elif target == "closed pipe":
        out_r, out_w = os.pipe()
        os.close(out_r)  # the reader is gone before anything is written
        stdout = out_w
    elif target == "/dev/full":
        stdout = open("/dev/full", "wb")  # noqa: SIM115 - closed below
    else:
        stdout = None
    err_file = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after the wait
    with tempfile.TemporaryFile() as stdin_file:
        stdin_file.write(stdin)
        stdin_file.seek(0)
        proc = subprocess.Popen(
            argv,
            env={k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()},
            stdin=stdin_file,
            stdout=stdout,
            stderr=err_file,
            start_new_session=True,
            pass_fds=(),
            close_fds=True,
            preexec_fn=(lambda: os.close(1)) if target == "closed" else None,
        )
    if out_w >= 0:
        os.close(out_w)
    if target == "/dev/full":
        stdout.close()
    deadline = time.monotonic() + timeout
    hung = False
    status = None
    rusage = None
    if proc.stdout is not None:
        # A reader that keeps the pipe empty, as a consumer would (a full pipe would
        # look like a hang, and polling it now and then would set the pace).
        pipe = proc.stdout
        reader = threading.Thread(target=lambda: all(iter(lambda: pipe.read(1 << 16), b"")))
        reader.start()
    while status is None:
        pid, status_raw, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status = status_raw
            break
        if time.monotonic() > deadline:
            hung = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
    if proc.stdout is not None:
        reader.join(timeout=10)  # EOF once the process and what it started are gone
        proc.stdout.close()
    err_file.seek(0)
    err = err_file.read()
    err_file.close()
    return proc.returncode, err, rusage.ru_maxrss if rusage is not None else 0, hung


# --------------------------------------------------------------------------- library

WRONG = [None, 1, 1.5, True, b"\\le", bytearray(b"x"), ["\\le"], ("x",), {"x": 1}, object()]


def child_library() -> None:
    import symbols
    from symbols.query import graphemes, parse

    calls: list[tuple[str, Any]] = [
        ("search", lambda v: symbols.search(v)),
        ("search limit", lambda v: symbols.search("arrow", limit=v)),
        ("search scope", lambda v: symbols.search("arrow", scope=v)),
        ("get", lambda v: symbols.get(v)),
        ("from_latex", lambda v: symbols.from_latex(v)),
        ("from_html", lambda v: symbols.from_html(v)),
        ("from_typst", lambda v: symbols.from_typst(v)),
        ("convert", lambda v: symbols.convert(v)),
        ("to_latex", lambda v: symbols.to_latex(v)),
        ("inputs", lambda v: symbols.inputs(v)),
        ("inputs first", lambda v: symbols.inputs("∀", first=v)),
        ("table", lambda v: symbols.table(v)),
        ("query.parse", lambda v: parse(v)),
        ("query.graphemes", lambda v: graphemes(v)),
    ]
    outcome: dict[str, dict[str, int]] = {}
    for name, call in calls:
        for value in WRONG:
            if name in ("get", "search limit") and isinstance(value, int) and value is not True:
                continue  # an int is right there
            if name == "inputs first" and value is None:
                continue  # None is its default: the OS's method first
            try:
                call(value)
                kind = "returned"
            except TypeError:
                kind = "TypeError"
            except ValueError:
                kind = "ValueError"
            except Exception as exc:
                kind = type(exc).__name__
            outcome.setdefault(name, {})
            outcome[name][kind] = outcome[name].get(kind, 0) + 1
    print(json.dumps(outcome))


def section_library(repo: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child-library"],
        env=_env(repo),
        capture_output=True,
        timeout=300,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.decode()[-2000:]}
    outcome = json.loads(proc.stdout.decode().splitlines()[-1])
    totals: dict[str, int] = {}
    for kinds in outcome.values():
        for kind, n in kinds.items():
            totals[kind] = totals.get(kind, 0) + n
    rules = {name: "/".join(sorted(kinds)) for name, kinds in outcome.items()}
    return {"counts": {"calls": sum(totals.values()), **totals}, "per_function": rules}


# --------------------------------------------------------------------------- state files

STATE_FILES: list[tuple[str, bytes]] = [
    ("not JSON", b"{not json"),
    ("empty", b""),
    ("a list", b"[1, 2, 3]"),
    ("favorites a string", b'{"favorites": "oops"}'),
    ("negative code point", b'{"favorites": [-5]}'),
    ("code point too big", b'{"favorites": [1114112]}'),
    ("a surrogate", b'{"favorites": [55296]}'),
    ("a float", b'{"favorites": [8704.0]}'),
    ("a bool", b'{"favorites": [true]}'),
    ("huge int", b'{"favorites": [' + b"9" * 5000 + b"]}"),
    ("NaN", b'{"favorites": [NaN]}'),
    ("settings not strings", b'{"settings": {"theme": 3}}'),
    ("settings a list", b'{"settings": []}'),
    ("recents nested", b'{"recents": [[8704]]}'),
    ("binary", b"\xff\xfe\x00garbage"),
    ("UTF-16", '{"favorites": [8704]}'.encode("utf-16")),
    ("UTF-8 BOM", b'\xef\xbb\xbf{"favorites": [8704]}'),
    ("deep [", b"[" * 100_000),
    ("deep {", b'{"a":' * 100_000),
    ("deep favorites", b'{"favorites": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    ("duplicate favorites x 50,000", None),  # type: ignore[list-item]  # filled in below
    ("10 MB of spaces", b" " * 10_000_000 + b"{}"),
    ("NUL bytes", b"\x00" * 1000),
    ("lone surrogate escape", b'{"settings": {"theme": "\\ud800"}}'),
]
CONFIG_FILES: list[tuple[str, bytes]] = [
    ("not TOML", b"[keys\n"),
    ("deep array", b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    ("deep inline table", b"a = " + b"{b = " * 50_000 + b"1" + b"}" * 50_000 + b"\n"),
    ("binary", b"\xff\xfe\x00"),
    ("keys not a table", b'keys = "ctrl+x"\n'),
    ("key ctrl+", b'[keys]\ncopy_latex = "ctrl+"\n'),
    ("key empty parts", b'[keys]\nfavorite = ",,"\n'),
    ("key +", b'[keys]\nfavorite = "+"\n'),
    ("key ctrl+shift+", b'[keys]\nfavorite = "ctrl+shift+"\n'),
    ("key a number", b"[keys]\nfavorite = 3\n"),
    ("key a list of numbers", b"[keys]\nfavorite = [1, 2]\n"),
    ("key with control chars", b'[keys]\nfavorite = "ctrl+\\u001b"\n'),
]


def child_state(kind: str, name: str, directory: str) -> None:
    """Start what the TUI starts with (State, then the key map) on a bad file."""
    from app.state import State, load_keymap

    result: dict[str, Any] = {}
    if kind == "state":
        s = State(Path(directory))
        result["notice"] = s.notice
        result["favorites"] = len(s.favorites)
        second = State(Path(directory))  # a later start must work too
        result["second_notice"] = second.notice
    else:
        keymap, problem = load_keymap(Path(directory))
        result["keymap"] = keymap
        result["problem"] = problem
    print(json.dumps(result))


def section_state(repo: Path) -> dict[str, Any]:
    counts = dict.fromkeys(
        ["runs", "tracebacks", "hangs", "not_set_aside", "bad_keys_unreported"], 0
    )
    examples: dict[str, list[str]] = {}
    peak = 0
    dupes = b'{"favorites": [' + b",".join(b"8704" for _ in range(50_000)) + b"]}"
    cases = [("state", n, dupes if c is None else c) for n, c in STATE_FILES]
    cases += [("config", n, c) for n, c in CONFIG_FILES]
    cases += [("state", "a directory", b"<dir>"), ("state", "a symlink loop", b"<loop>")]
    for kind, name, content in cases:
        d = Path(tempfile.mkdtemp(prefix="audit-state-"))
        target = d / ("state.json" if kind == "state" else "config.toml")
        if content == b"<dir>":
            target.mkdir()
        elif content == b"<loop>":
            target.symlink_to(target)
        else:
            target.write_bytes(content)
        code, err, maxrss, hung = _run_process(
            [sys.executable.encode(), __file__.encode(), b"--child-state", kind.encode(),
             name.encode(), str(d).encode()],
            _env(repo),
            b"",
            "pipe",
            60,
        )  # fmt: skip
        peak = max(peak, maxrss)
        counts["runs"] += 1
        found = []
        if hung:
            found.append("hangs")
        elif code != 0 or b"Traceback" in err:
            found.append("tracebacks")
        elif kind == "state" and content not in (b"<dir>", b"<loop>"):
            aside = [p for p in d.iterdir() if ".corrupt-" in p.name]
            fine = name in (
                "duplicate favorites x 50,000",
                "10 MB of spaces",
                "lone surrogate escape",
            )
            if not aside and not fine:
                found.append("not_set_aside")
        for kind_found in found:
            counts[kind_found] += 1
            examples.setdefault(kind_found, []).append(f"{kind}: {name}")
        shutil.rmtree(d, ignore_errors=True)
    counts["bad_keys_unreported"] = _bad_keys_unreported(repo)
    result: dict[str, Any] = {
        "counts": counts,
        "examples": examples,
        "peak_mib": round(peak / 1024, 1),
    }
    result.update(_state_concurrency(repo))
    result.update(_favorites_timing(repo))
    result.update(_lock_symlink(repo))
    return result


def _bad_keys_unreported(repo: Path) -> int:
    """Count the bad key specs of CONFIG_FILES that load_keymap passes without a word."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from app.state import load_keymap\n"
        "d = Path(sys.argv[1])\n"
        "missed = 0\n"
        "for spec in ['ctrl+', '+', 'ctrl+shift+', ',,', 'ctrl++x', 'ctrl+\\x1b']:\n"
        "    (d / 'config.toml').write_text('[keys]\\nfavorite = ' + json.dumps(spec) + '\\n')\n"
        "    keymap, problem = load_keymap(d)\n"
        "    missed += not problem\n"
        "print(missed)\n"
    )
    d = tempfile.mkdtemp(prefix="audit-keys-")
    proc = subprocess.run(
        [sys.executable, "-c", code, d], env=_env(repo), capture_output=True, timeout=60
    )
    shutil.rmtree(d, ignore_errors=True)
    return int(proc.stdout.decode().split()[-1]) if proc.returncode == 0 else -1


def _state_concurrency(repo: Path, rounds: int = 10, starters: int = 8) -> dict[str, Any]:
    """Start eight State()s at once on a corrupt file, ten times; then eight writers at once."""
    start_code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from app.state import State\n"
        "t = float(sys.argv[2])\n"
        "time.sleep(max(0.0, t - time.time()))\n"
        "s = State(Path(sys.argv[1]))\n"
        "print('READONLY' if 'not be saved' in s.notice or 'cannot be moved' in s.notice "
        "else 'OK')\n"
    )
    readonly = lost = 0
    for r in range(rounds):
        d = Path(tempfile.mkdtemp(prefix="audit-race-"))
        content = b"{corrupt %d" % r
        (d / "state.json").write_bytes(content)
        at = time.time() + 1.0
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", start_code, str(d), str(at)],
                env=_env(repo),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(starters)
        ]
        for p in procs:
            out, _ = p.communicate(timeout=60)
            readonly += out.decode().strip() == "READONLY"
        kept = [p.read_bytes() for p in d.iterdir() if ".corrupt-" in p.name]
        lost += kept.count(content) != 1
        shutil.rmtree(d, ignore_errors=True)
    write_code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.state import State\n"
        "s = State(Path(sys.argv[1]))\n"
        "base = int(sys.argv[2])\n"
        "for cp in range(base, base + 100):\n"
        "    s.toggle_favorite(cp)\n"
    )
    d = Path(tempfile.mkdtemp(prefix="audit-writers-"))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", write_code, str(d), str(0x2200 + 1000 * i)], env=_env(repo)
        )
        for i in range(8)
    ]
    for w in writers:
        w.wait(timeout=300)
    data = json.loads((d / "state.json").read_text())
    kept_favorites = len(set(data["favorites"]))
    shutil.rmtree(d, ignore_errors=True)
    return {
        "concurrent_starts": f"{readonly} of {rounds * starters} read-only; "
        f"{lost} of {rounds} corrupt files not kept exactly once",
        "concurrent_writers": f"{kept_favorites}/800 favorites kept",
    }


def _favorites_timing(repo: Path) -> dict[str, Any]:
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from app.state import State\n"
        "d = Path(sys.argv[1])\n"
        "(d / 'state.json').write_text(json.dumps({'favorites': list(range(0x10000, 0x10000 + "
        "50000))}))\n"
        "t = time.perf_counter(); s = State(d); load = time.perf_counter() - t\n"
        "t = time.perf_counter(); s.toggle_favorite(0x2200); toggle = time.perf_counter() - t\n"
        "print(json.dumps([round(load, 3), round(toggle, 3), len(s.favorites)]))\n"
    )
    d = tempfile.mkdtemp(prefix="audit-favs-")
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, d], env=_env(repo), capture_output=True, timeout=600
        )
        load, toggle, kept = json.loads(proc.stdout.decode().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        return {"favorites_50000": "did not finish within 600 s"}
    finally:
        shutil.rmtree(d, ignore_errors=True)
    return {"favorites_50000": f"load {load} s, one toggle {toggle} s, {kept} kept"}


def _lock_symlink(repo: Path) -> dict[str, Any]:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.state import State\n"
        "s = State(Path(sys.argv[1]))\n"
        "s.toggle_favorite(0x2200)\n"
        "print(s.notice)\n"
    )
    d = Path(tempfile.mkdtemp(prefix="audit-lock-"))
    victim = d / "victim"
    (d / "state.json.lock").symlink_to(victim)
    subprocess.run(
        [sys.executable, "-c", code, str(d)], env=_env(repo), capture_output=True, timeout=60
    )
    followed = victim.exists()
    shutil.rmtree(d, ignore_errors=True)
    return {"lock_follows_symlink": followed}


# --------------------------------------------------------------------------- clipboard


def section_clipboard(repo: Path) -> dict[str, Any]:
    d = Path(tempfile.mkdtemp(prefix="audit-clip-"))
    marker = f"600.{os.getpid()}"  # sleep 600.PID: a command line no one else has
    fake = d / "xclip"
    # A clipboard tool that never answers (an X server that does not reply); its own
    # child, the sleep, is what a stopped tool must not leave behind.
    fake.write_text(f"#!/bin/sh\nsleep {marker}\n")
    fake.chmod(0o755)
    env = _env(repo, DISPLAY=":99", PATH=f"{d}{os.pathsep}{os.environ['PATH']}")
    env.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    code, err, maxrss, hung = _run_process(
        [sys.executable.encode(), b"-m", b"app", b"-c", b"forall"], env, b"", "pipe", 60
    )
    took = time.monotonic() - started
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", f"sleep {marker}"], capture_output=True).stdout.split()
    for pid in left:
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), signal.SIGKILL)
    shutil.rmtree(d, ignore_errors=True)
    return {
        "counts": {"runs": 1, "hangs": int(hung), "stuck_children": len(left)},
        "result": f"exit {code} after {took:.1f} s: {err.decode('utf-8', 'replace').strip()!r}",
        "peak_mib": round(maxrss / 1024, 1),
    }


# --------------------------------------------------------------------------- big inputs

BIG_CASES: list[tuple[str, list[bytes], bytes]] = [
    ("identify --json, 210 KB", [b"identify", b"--json"], "∀x∈ℝ".encode() * 21_000),
    ("convert \\hat{ x 24", [b"convert", b"\\hat{" * 24 + b"x" + b"}" * 24], b""),
    ("convert \\a x 20,000", [b"convert"], b"\\a" * 20_000),
    ("convert \\sqrt{ x 400", [b"convert"], b"\\sqrt{" * 400 + b"x" + b"}" * 400),
    ("convert ^{ x 1000", [b"convert"], b"^{" * 1000 + b"x" + b"}" * 1000),
    ("convert 1 MB of formulas", [b"convert"], b"\\forall x \\in \\mathbb{R}: x^2 " * 35_000),
    ("identify 1 MB", [b"identify", b"-f", b"name"], "∀x∈ℝ ".encode() * 80_000),
    (
        "to-latex 100,000 accents",
        [b"convert", b"--to-latex"],
        b"x" + "\u0302".encode() * 100_000,
    ),
]


def section_big(repo: Path) -> dict[str, Any]:
    counts = dict.fromkeys(["runs", "tracebacks", "hangs"], 0)
    rows = []
    peak = 0
    for name, argv, stdin in BIG_CASES:
        started = time.monotonic()
        code, err, maxrss, hung = _run_process(
            [sys.executable.encode(), b"-m", b"app", *argv], _env(repo), stdin, "pipe", 60
        )
        took = time.monotonic() - started
        counts["runs"] += 1
        text = err.decode("utf-8", "replace")
        if hung:
            counts["hangs"] += 1
        elif "Traceback" in text or code in (70, 120):
            counts["tracebacks"] += 1
        peak = max(peak, maxrss)
        shown = "hung (killed at 60 s)" if hung else f"exit {code}, {took:.1f} s"
        note = text.strip().splitlines()[-1][:120] if text.strip() else ""
        rows.append(f"{name}: {shown}, {maxrss / 1024:.0f} MiB {note}".rstrip())
    return {"counts": counts, "cases": rows, "peak_mib": round(peak / 1024, 1)}


# --------------------------------------------------------------------------- main


def _env(repo: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo)
    env.pop("MATHSYM_DEBUG", None)
    env.pop("MATHSYM_METHOD", None)
    env.pop("TMUX", None)
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra)
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=HERE, help="the checkout to audit")
    parser.add_argument("--runs", type=int, default=3000, help="in-process CLI runs")
    parser.add_argument("--procs", type=int, default=320, help="whole processes")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--only", nargs="*", help="sections to run (default: all)")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument("--child-cli", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-library", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-state", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_cli:
        child_cli(args.child_cli[0], args.child_cli[1], limit=10.0)
        return 0
    if args.child_library:
        child_library()
        return 0
    if args.child_state:
        child_state(*args.child_state)
        return 0
    repo = args.repo.resolve()
    os.chdir(NEUTRAL_CWD)  # see NEUTRAL_CWD
    sections: dict[str, Callable[[], dict[str, Any]]] = {
        "cli": lambda: section_cli(repo, args.runs, args.seed),
        "proc": lambda: section_proc(repo, args.procs, args.seed),
        "library": lambda: section_library(repo),
        "state": lambda: section_state(repo),
        "clipboard": lambda: section_clipboard(repo),
        "big": lambda: section_big(repo),
    }
    results: dict[str, Any] = {}
    for name, run in sections.items():
        if args.only and name not in args.only:
            continue
        started = time.monotonic()
        results[name] = run()
        results[name]["seconds"] = round(time.monotonic() - started, 1)
        print(f"{name}: done in {results[name]['seconds']} s", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return 0
    _report(repo, results)
    return 0


def _report(repo: Path, results: dict[str, Any]) -> None:
    total = dict.fromkeys(["runs", "tracebacks", "hangs"], 0)
    peak = 0.0
    print(f"audit of {repo}\n")
    print("| section | runs | tracebacks | hangs | other findings | peak RSS |")
    print("|---|---|---|---|---|---|")
    for name, res in results.items():
        if "error" in res:
            print(f"| {name} | (failed: {res['error'][-200:]!r}) | | | | |")
            continue
        counts = dict(res.get("counts", {}))
        runs = counts.pop("runs", counts.pop("calls", 0))
        tracebacks = counts.pop("tracebacks", 0)
        hangs = counts.pop("hangs", 0)
        if name == "library":
            tracebacks = sum(v for k, v in counts.items() if k not in ("TypeError", "ValueError"))
            tracebacks -= counts.get("returned", 0)
        other = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        for key in ("concurrent_starts", "concurrent_writers", "favorites_50000"):
            if key in res:
                other += f"; {key}: {res[key]}"
        if "lock_follows_symlink" in res:
            other += f"; lock follows a symlink: {res['lock_follows_symlink']}"
        if "result" in res:
            other += f"; {res['result']}"
        rss = res.get("peak_mib", "")
        peak = max(peak, float(rss or 0))
        print(f"| {name} | {runs} | {tracebacks} | {hangs} | {other} | {rss} MiB |")
        total["runs"] += runs
        total["tracebacks"] += tracebacks
        total["hangs"] += hangs
    print(
        f"| **all** | **{total['runs']}** | **{total['tracebacks']}** | **{total['hangs']}** "
        f"| | **{peak} MiB** |"
    )
    for name, res in results.items():
        for key in ("examples", "cases", "per_function"):
            if res.get(key):
                print(f"\n{name} {key}:")
                items = res[key].items() if isinstance(res[key], dict) else enumerate(res[key])
                for k, v in items:
                    print(f"  {k}: {v}")


if __name__ == "__main__":
    sys.exit(main())
