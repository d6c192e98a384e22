"""hyperfine, interleaved: several rounds of a few runs of each command, pooled.

    python bench/hyperfine_rounds.py [--rounds 10] [--runs 5] COMMAND...

hyperfine runs one command's runs back to back, so a machine that slows down midway
(other jobs starting) favours whichever ran first. Here each round runs every
command --runs times (after 2 warm-up runs, ``-N``: no shell in between), the rounds
alternate, and the times of all rounds are pooled: median, lower quartile, mean ± σ
and the ratio to the first command. Used for issue 12's unicodeit comparison, with
each command installed from a wheel into a venv of its own (byte code compiled by
pip, as a user has it):

    python bench/hyperfine_rounds.py "/tmp/v/bin/python -c pass" \\
        "/tmp/v/bin/mathsym '\\forall'" "/tmp/u/bin/python -m unicodeit.cli '\\forall'"
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def main() -> int:
    """Run the rounds and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    if shutil.which("hyperfine") is None:
        print("hyperfine not found: apt-get install hyperfine", file=sys.stderr)
        return 2
    pooled: dict[str, list[float]] = {c: [] for c in args.commands}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "round.json")
        hyperfine = ["hyperfine", "-N", "--style", "none", "--warmup", "2"]
        for _ in range(args.rounds):
            subprocess.run(
                [*hyperfine, "--runs", str(args.runs), "--export-json", out, *args.commands],
                check=True,
                env=env,
                cwd=tmp,
                stdout=subprocess.DEVNULL,
            )
            with open(out, encoding="utf-8") as f:
                for result in json.load(f)["results"]:
                    pooled[result["command"]] += result["times"]
    base = statistics.median(pooled[args.commands[0]])
    print(
        f"hyperfine, {args.rounds} interleaved rounds of {args.runs} runs "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    print()
    print("| command | median | lower quartile | mean ± σ | × first |")
    print("|---|---:|---:|---:|---:|")
    for command, times in pooled.items():
        times.sort()
        m = statistics.median(times)
        q = times[len(times) // 4]
        mean, sd = statistics.fmean(times), statistics.stdev(times)
        print(
            f"| `{command}` | {m * 1000:.1f} ms | {q * 1000:.1f} ms "
            f"| {mean * 1000:.1f} ± {sd * 1000:.1f} ms | {m / base:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
