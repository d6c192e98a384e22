"""Where the wide scopes' search index comes from: shipped, or built into a user cache.

    python bench/bench_scope_cache.py [--runs 20]

Issue 12 asked for the ``all`` scope's index either precomputed in the shipped data
or built once into the user's cache dir (keyed by the data's version), whichever
measures better. Both are measured here, as whole processes of ``mathsym --scope all
'byte order mark'`` (``app.cli``'s own entry, so the process ends as the program's
does), interleaved with ``python -c pass`` and ``mathsym forall``:

- shipped: data/symbols.json as the generator writes it, every scope's index in it,
  the wide scopes' parts read at their first search (this tree);
- cache, warm: data/symbols.json with the math index only (as it would ship), and the
  all scope's packed parts read from a marshal file named by the key (the data file's
  size and time, the Python's cache tag: what a cache must be keyed by), as
  ``platformdirs.user_cache_dir`` would hold it;
- cache, cold: the same, no cache file yet: the parts computed from the table
  (`symbols.search_index.pack_index`, the code the generator runs) and written as a
  cache would write them (a temporary file, then ``os.replace``).

Cold is what the first all-scope search after an install or an upgrade costs, in the
CLI and in the TUI alike (the issue asks for 150 ms "the first time too"). Also
printed: the sizes of the two data files, of the cache file, and what each data file
adds to the wheel (deflated, as a wheel stores it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

QUERY = ["--scope", "all", "byte order mark"]

# The cache as it would be written and read: one marshal file per key.
_CACHE = """
import marshal, os, sys
import symbols.table
from symbols import search_index

def cached_parts(cache_dir):
    table = symbols.table.load()
    from symbols.datafile import data_path
    st = os.stat(data_path())
    key = f"{st.st_size}-{st.st_mtime_ns}-{sys.implementation.cache_tag}"
    path = os.path.join(cache_dir, f"all-{key}.marshal")
    try:
        with open(path, "rb") as f:
            return table, marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    parts = search_index.pack_index("all", table)
    os.makedirs(cache_dir, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        marshal.dump(parts, f)
    os.replace(tmp, path)
    return table, parts

table, parts = cached_parts(sys.argv[1])
shipped = table.packed_search
table.packed_search = lambda scope: parts.__getitem__ if scope == "all" else shipped(scope)
from app.cli import _run_as_program
_run_as_program(sys.argv[2:])
"""

_SHIPPED = "import sys\nfrom app.cli import _run_as_program\n_run_as_program(sys.argv[1:])\n"


def _math_only(path: Path) -> None:
    """Write data/symbols.json as it would ship with the math index alone."""
    from symbols.datafile import dump, read

    data = read(str(REPO / "data" / "symbols.json"))
    whole = data.search.whole()
    path.write_bytes(dump(data.with_search({"math": whole["math"]})))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mathsym-cache-bench-"))
    math_only = work / "symbols.json"
    _math_only(math_only)
    cache = work / "cache"
    py = sys.executable
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["PYTHONPATH"] = str(REPO)
    os.chdir(work)  # `python -c` puts the working directory first on sys.path
    cached_env = {**env, "MATHSYM_DATA": str(math_only)}

    def cold() -> list[str]:
        shutil.rmtree(cache, ignore_errors=True)
        return [py, "-c", _CACHE, str(cache), *QUERY]

    commands: dict[str, tuple[Callable[[], list[str]], dict[str, str]]] = {
        "`python -c pass`": (lambda: [py, "-c", "pass"], env),
        "`mathsym forall` (shipped)": (lambda: [py, "-c", _SHIPPED, "forall"], env),
        "all scope, shipped": (lambda: [py, "-c", _SHIPPED, *QUERY], env),
        "all scope, cache warm": (lambda: [py, "-c", _CACHE, str(cache), *QUERY], cached_env),
        "all scope, cache cold (built, written)": (cold, cached_env),
    }
    outputs = {}
    for name, (make, e) in commands.items():  # warm-up, and the same answer every way
        for _ in range(2):
            out = subprocess.run(make(), env=e, capture_output=True, text=True, check=True)
            outputs[name] = out.stdout
    answers = {v for k, v in outputs.items() if k.startswith("all scope")}
    if len(answers) != 1:
        raise SystemExit(f"the ways disagree: {answers}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (make, e) in commands.items():
            argv = make()
            if name == "all scope, cache warm":
                # The cold run just before removed it: written again, untimed.
                subprocess.run(argv, env=e, stdout=subprocess.DEVNULL, check=True)
            t = time.perf_counter()
            subprocess.run(argv, env=e, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - t)
    bare = statistics.median(times["`python -c pass`"])
    print(
        f"{args.runs} interleaved rounds, load average {os.getloadavg()[0]:.1f}, "
        f"Python {sys.version.split()[0]}"
    )
    print()
    print("| way | median | × bare | lower quartile |")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        ts.sort()
        m = statistics.median(ts)
        print(
            f"| {name} | {m * 1000:.1f} ms | {m / bare:.2f}× | {ts[len(ts) // 4] * 1000:.1f} ms |"
        )
    shipped = (REPO / "data" / "symbols.json").read_bytes()
    small = math_only.read_bytes()
    cache_file = next(cache.glob("all-*.marshal"))
    print()
    print("| file | bytes | deflated (as in the wheel) |")
    print("|---|---:|---:|")
    for name, raw in (
        ("data/symbols.json, every scope's index (shipped)", shipped),
        ("data/symbols.json, the math index only (with a cache)", small),
        ("the cache file (marshal of the all scope's parts)", cache_file.read_bytes()),
    ):
        print(f"| {name} | {len(raw):,} | {len(zlib.compress(raw, 6)):,} |")


if __name__ == "__main__":
    main()
