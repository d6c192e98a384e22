"""README's promises that a newcomer relies on: the two Quick start lines and CI running them."""

from __future__ import annotations

import re

from conftest import REPO


def _quick_start_lines() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    assert block, "Quick start has no code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_exactly_two_command_lines() -> None:
    lines = _quick_start_lines()
    assert len(lines) == 2
    install, test = lines
    assert install.rstrip().endswith("mathsym")
    assert "pytest" in test and ".[test]" in test


def test_ci_runs_the_readme_test_command() -> None:
    test_line = _quick_start_lines()[1]
    # The README line is: create venv && activate && <install extras> && <run pytest>.
    # CI makes its own venv, so the part from the install onwards must be in .ci/run verbatim.
    tail = test_line[test_line.index("pip install") :]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tail in ci


def test_every_data_source_is_credited_with_a_license() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Data sources", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| ") and "---" not in r][1:]
    assert len(rows) >= 12
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-1], f"no license for {cells[0]}"
