"""The two readers of a look-up's arguments agree: the quick one and argparse.

`app.arguments._quick_lookup` reads the usual look-up arguments without argparse (a
one-shot look-up saves about 3 ms); whatever it accepts, argparse must read the same
way, or a look-up would succeed or fail depending on whether another option (``-c``)
sent it to argparse. Hypothesis generates the argument lists: ``--`` anywhere and more
than once, repeated options, ``-nN``, ``-n N``, ``--opt=value`` and ``-n=N`` forms,
bad values, unknown options and words that look like options.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.arguments import _argparse_lookup, _quick_lookup, parse_lookup, split_operands
from app.cli import main

# Option spellings with their values, good and bad.
_LIMITS = ["1", "2", "10", "0", "-3", "n", "", " 3", "+4", "٣", "1.5"]
_SCOPES = ["math", "extended", "all", "MATH", "nope", ""]
_METHODS = ["html", "MacOS", "vim", "nope", ""]
_FIELDS = ["char", "LaTeX", "codepoint", "block", "chord", "nope", ""]

_WORDS = ["forall", "x", "le", "\\le", "-", "U+2200", "double struck", "", "≤", "a b"]
# Things that look like options but are none of the quick reader's.
_OTHERS = [
    "-c", "--copy", "--copy=latex", "--pick", "--type", "--paste", "-h", "--help",
    "--version", "-x", "--js", "--json=yes", "-1n3", "-11", "-5", "--lim", "-n 3",
    "--=", "-=", "---", "--limit=", "-f=char", "-n=2", "-fn", "-nf",
]  # fmt: skip


def _valued(names: list[str], values: list[str]) -> st.SearchStrategy[list[str]]:
    """One valued option in every spelling: ``-n 3``, ``-n3``, ``-n=3``, ``--limit=3``."""
    name = st.sampled_from(names)
    value = st.sampled_from(values)
    return st.one_of(
        st.tuples(name, value).map(list),
        st.tuples(name, value).map(lambda t: [f"{t[0]}={t[1]}"]),
        st.tuples(name.filter(lambda n: len(n) == 2), value).map(lambda t: [t[0] + t[1]]),
        name.map(lambda n: [n]),  # the value missing
    )


_PIECE = st.one_of(
    st.sampled_from(_WORDS).map(lambda w: [w]),
    st.sampled_from(["--json", "-1", "--first", "--"]).map(lambda f: [f]),
    _valued(["-n", "--limit"], _LIMITS),
    _valued(["--scope"], _SCOPES),
    _valued(["--method"], _METHODS),
    _valued(["-f", "--format"], _FIELDS),
    st.sampled_from(_OTHERS).map(lambda o: [o]),
    st.text(alphabet="-=n1fa ", max_size=5).map(lambda t: [t]),
)


def _argv(pieces: list[list[str]]) -> list[str]:
    return [arg for piece in pieces for arg in piece]


def _argparse_outcome(argv: list[str]) -> dict[str, Any] | int:
    """argparse's namespace as a dict, or its exit status when it refuses."""
    try:
        return vars(_argparse_lookup(argv))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, max_size=8).map(_argv))
def test_what_the_quick_reader_accepts_argparse_reads_alike(argv: list[str]) -> None:
    quick = _quick_lookup(argv)
    if quick is not None:
        assert _argparse_outcome(argv) == vars(quick)


# Only what the quick reader is for: it must take every such list itself (so that
# the property above is not met by a reader that gives everything to argparse).
_USUAL_PIECE = st.one_of(
    st.sampled_from(["forall", "x", "\\le", "-", "≤", "U+2200"]).map(lambda w: [w]),
    st.sampled_from(["--json", "-1", "--first"]).map(lambda f: [f]),
    st.sampled_from(["1", "3", "25"]).flatmap(
        lambda n: st.sampled_from([["-n", n], [f"-n{n}"], [f"--limit={n}"], ["--limit", n]])
    ),
    st.sampled_from(["math", "extended", "all"]).flatmap(
        lambda s: st.sampled_from([["--scope", s], [f"--scope={s}"]])
    ),
    st.sampled_from(["html", "vim", "MacOS"]).flatmap(
        lambda m: st.sampled_from([["--method", m], [f"--method={m}"]])
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_USUAL_PIECE, max_size=6).map(_argv),
    st.lists(st.sampled_from(["-n", "--json", "-c", "--", "-x", "word"]), max_size=3),
)
def test_the_quick_reader_takes_the_usual_arguments(head: list[str], tail: list[str]) -> None:
    argv = [*head, "--", *tail]
    quick = _quick_lookup(argv)
    assert quick is not None
    assert vars(quick) == _argparse_outcome(argv)
    assert quick.query[len(quick.query) - len(tail) :] == tail


@given(st.lists(st.sampled_from(["a", "--", "-n", "--json", "x"]), max_size=8))
def _x_splits_at_the_first_double_dash(argv: list[str]) -> None:
    head, tail = split_operands(argv)
    assert "--" not in head
    assert head + (["--"] if "--" in argv else []) + tail == argv


@pytest.mark.parametrize(
    ("argv", "query", "limit", "json"),
    [
        (["--json", "--", "-n", "3"], ["-n", "3"], None, True),
        (["-n2", "--", "-n3"], ["-n3"], 2, False),
        (["--", "--json"], ["--json"], None, False),
        (["--", "a", "--", "b"], ["a", "--", "b"], None, False),
        (["-n", "3", "--", "-1"], ["-1"], 3, False),
    ],
)
def test_words_after_double_dash_are_query_words(
    argv: list[str], query: list[str], limit: int | None, json: bool
) -> None:
    # argparse alone (parse_intermixed_args, Python 3.11) read options after `--`.
    for ns in (_argparse_lookup(argv), parse_lookup(argv)):
        assert ns.query == query
        assert (ns.limit, ns.json) == (limit, json)


@pytest.mark.parametrize(
    "argv",
    [
        ["-nn", "-n2", "forall"],
        ["--scope", "nope", "--scope", "math", "forall"],
        ["-n0", "-n1", "x"],
    ],
)
def test_a_bad_value_is_an_error_even_when_a_later_one_is_good(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, the quick reader kept only the last value: exit 0 alone, 2 with -c.
    assert main(argv) == 2
    assert main([*argv, "-c"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("mathsym: error: argument ") for line in err)


@pytest.mark.parametrize(
    ("parse", "argv", "words", "dest"),
    [
        ("parse_identify", ["--json", "--", "-f", "char"], ["-f", "char"], "text"),
        ("parse_convert", ["x", "--", "--to-latex"], ["x", "--to-latex"], "text"),
        ("parse_tui", ["--", "--pick"], ["--pick"], "query"),
        ("parse_type", ["--scope", "all", "--", "-f", "x"], ["-f", "x"], "query"),
    ],
)
def test_subcommands_take_words_after_double_dash_as_words(
    parse: str, argv: list[str], words: list[str], dest: str
) -> None:
    import app.arguments

    ns = getattr(app.arguments, parse)(argv)
    assert getattr(ns, dest) == words
    assert getattr(ns, "pick", None) is None and getattr(ns, "format", None) is None
