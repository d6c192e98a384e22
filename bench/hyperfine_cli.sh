#!/usr/bin/env bash
# Whole-process time of the one-shot CLI beside a bare interpreter, with hyperfine
# (Debian/Ubuntu: apt-get install hyperfine). Run from a venv where mathsym is installed:
#   bash bench/hyperfine_cli.sh [RUNS]
# Writes a Markdown table to stdout (and bench/hyperfine_cli.md).
set -euo pipefail
runs="${1:-40}"
here="$(cd "$(dirname "$0")" && pwd)"
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install hyperfine" >&2; exit 2; }
command -v mathsym >/dev/null || { echo "mathsym not found: pip install . first" >&2; exit 2; }
# Byte code as pip leaves it after an install (this machine sets PYTHONDONTWRITEBYTECODE,
# and an editable install would otherwise compile our modules on every run).
python - <<'PY'
import compileall, os, app, symbols
for pkg in (symbols, app):
    compileall.compile_dir(os.path.dirname(pkg.__file__), quiet=1)
PY
# -N: no intermediate shell, so the bare interpreter is measured as it is.
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$here/hyperfine_cli.md" \
    "python -c pass" \
    "mathsym forall" \
    "mathsym --json '\\le'" \
    "python -c \"import symbols; symbols.get('∀')\"" >&2
cat "$here/hyperfine_cli.md"
