"""The checks CI enforces and the pre-commit hooks run are the same, and come before the tests."""

from __future__ import annotations

import re

from conftest import REPO

# What CONTRIBUTING.md lists as the checks, as commands.
CHECKS = (
    "ruff check .",
    "ruff format --check .",
    "mypy",
    "lint-imports",
    "python3 ../shared/tools/import_cycles.py symbols",
)


def _ci_lines() -> list[str]:
    text = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _hook_entries() -> list[str]:
    text = (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    return [m.group(1).strip() for m in re.finditer(r"^\s*entry:\s*(.+)$", text, re.MULTILINE)]


def test_ci_runs_every_check_before_the_tests() -> None:
    lines = _ci_lines()
    tests_at = next(i for i, line in enumerate(lines) if "python -m pytest" in line)
    for check in CHECKS:
        at = [i for i, line in enumerate(lines) if line == check]
        assert at and at[0] < tests_at, check
    # `set -e` makes any failing check fail the run.
    assert "set -euo pipefail" in lines


def test_pre_commit_hooks_are_the_checks_of_ci() -> None:
    entries = _hook_entries()
    assert len(entries) == len(CHECKS)
    for check in CHECKS:
        assert any(entry == check or check in entry for entry in entries), check
