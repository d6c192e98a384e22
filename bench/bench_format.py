"""The layout of data/symbols.json against simpler ones: what the byte offsets buy.

    python bench/bench_format.py [--runs 20]

Four ways to read the same table, each timed in fresh processes:

``chunked``
    the shipped file as `symbols.datafile.read` reads it: the search index left on disk
    (``index_bytes``), columns parsed 64 rows at a time where a look-up needs them
    (``layout``), and a search reading only the packed index parts it needs
    (``index_parts``).
``index read whole``
    the same, but the first search reads and parses the whole index (``index_parts``
    renamed away).
``index skipped``
    the index left on disk, every column parsed whole (``layout`` renamed away).
``whole json``
    one ``json.loads`` of the whole file, index included (``index_bytes`` renamed away).
``marshal``
    the same JSON object kept with `marshal` (what a cache in the user's cache dir could
    hold: marshal's format belongs to one Python version, so it cannot be what ships);
    ``marshal, no index``: without the search index.

For each: the whole process of ``import symbols; symbols.get('∀')`` (the import target)
and of the CLI's ``mathsym forall`` and ``mathsym --json '\\le'`` (the CLI targets; not
for marshal, which no shipped reader reads), medians of interleaved runs beside
``python -c pass``; the peak RSS of the ``get`` process; and, inside a fresh process,
the time from opening the file to the first row's fields (median of the runs).

Byte code is compiled first and kept in a temporary PYTHONPYCACHEPREFIX, as an
installed package would have it.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "symbols.json"

# Prints the peak RSS (KiB on Linux) of the one child it runs.
_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)

# Inside a fresh process: from opening the file to the fields of ∀'s row.
_INSIDE = """
import sys, time
from symbols import datafile
from symbols.table import Table
path, kind = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if kind == "marshal":
    import marshal
    with open(path, "rb") as f:
        data = datafile.Data.of(marshal.loads(f.read()))
else:
    data = datafile.read(path)
table = Table(data)
table.row_fields(table.row_of(0x2200))
print(time.perf_counter() - t)
"""

# `get` through a marshalled table: the process-wide data replaced before the look-up.
_GET_MARSHAL = (
    "import marshal, sys; from symbols import datafile; "
    "f = open(sys.argv[1], 'rb'); datafile._DATA = datafile.Data.of(marshal.loads(f.read())); "
    "import symbols; symbols.get('\\u2200')"
)
_GET = "import symbols; symbols.get('\\u2200')"


def _variants(tmp: Path) -> dict[str, Path]:
    raw = DATA.read_bytes()
    no_layout = raw.replace(b'"layout":{"at":', b'"layout":{"ta":', 1)
    whole = raw.replace(b'"index_bytes":', b'"index_count":', 1)
    parts_whole = raw.replace(b'"index_parts":', b'"index_trap":', 1)
    assert no_layout != raw and whole != raw and parts_whole != raw
    out = {
        "chunked": DATA,
        "index read whole": tmp / "parts-whole.json",
        "index skipped": tmp / "no-layout.json",
        "whole json": tmp / "whole.json",
    }
    out["index read whole"].write_bytes(parts_whole)
    out["index skipped"].write_bytes(no_layout)
    out["whole json"].write_bytes(whole)
    out["marshal"] = tmp / "symbols.marshal"
    obj = json.loads(raw)
    out["marshal"].write_bytes(marshal.dumps(obj))
    out["marshal, no index"] = tmp / "no-index.marshal"
    out["marshal, no index"].write_bytes(marshal.dumps({**obj, "search": {}}))
    return out


def _environment(cache: str, data: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if data is not None:
        env["MATHSYM_DATA"] = str(data)
    return env


def _mathsym() -> list[str]:
    script = shutil.which("mathsym", path=str(Path(sys.executable).parent))
    return [script] if script is not None else [sys.executable, "-m", "app"]


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="interleaved runs of each command")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        cache = str(tmp / "pycache")
        variants = _variants(tmp)
        py = sys.executable
        commands: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {
            ("python -c pass", ""): ([py, "-c", "pass"], _environment(cache)),
        }
        for name, path in variants.items():
            if name.startswith("marshal"):
                commands[name, "get"] = ([py, "-c", _GET_MARSHAL, str(path)], _environment(cache))
                continue
            env = _environment(cache, path)
            commands[name, "get"] = ([py, "-c", _GET], env)
            commands[name, "forall"] = ([*_mathsym(), "forall"], env)
            commands[name, "json"] = ([*_mathsym(), "--json", "\\le"], env)
        for cmd, env in commands.values():  # compile byte code, warm the page cache
            _wall(cmd, env)
            _wall(cmd, env)
        times: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
        inside: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for key, (cmd, env) in commands.items():
                times[key].append(_wall(cmd, env))
            for name, path in variants.items():
                kind = "marshal" if name.startswith("marshal") else "json"
                out = subprocess.run(
                    [py, "-c", _INSIDE, str(path), kind],
                    env=_environment(cache),
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                inside[name].append(float(out))
        peak: dict[str, float] = {}
        for name in variants:
            cmd, env = commands[name, "get"]
            out = subprocess.run(
                [py, "-c", _PEAK, *cmd], env=env, capture_output=True, text=True, check=True
            ).stdout
            peak[name] = int(out) / 1024
        sizes = {name: path.stat().st_size for name, path in variants.items()}

    ms = {key: statistics.median(t) * 1000 for key, t in times.items()}
    bare = ms["python -c pass", ""]
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {args.runs} interleaved "
        f"runs, load average {os.getloadavg()[0]:.1f}; python -c pass {bare:.1f} ms"
    )
    print()
    print(
        "| layout | file | open → first row | `import symbols; get('∀')` | peak RSS "
        "| `mathsym forall` | `mathsym --json '\\le'` |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")

    def cell(name: str, what: str) -> str:
        value = ms.get((name, what))
        return "—" if value is None else f"{value:.1f} ms ({value / bare:.2f}×)"

    for name in variants:
        first_row = statistics.median(inside[name]) * 1000
        print(
            f"| {name} | {sizes[name] / 1e6:.2f} MB | {first_row:.1f} ms | {cell(name, 'get')} "
            f"| {peak[name]:.1f} MiB | {cell(name, 'forall')} | {cell(name, 'json')} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
