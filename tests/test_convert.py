"""symbols.convert / symbols.to_latex: LaTeX text to Unicode and back."""

from __future__ import annotations

import pytest

import symbols
from symbols.latex import convert, to_latex


def test_issue_example() -> None:
    assert convert(r"\forall x \in \mathbb{R}: x^2 \geq 0") == "∀ x ∈ ℝ: x² ≥ 0"


def test_exported_from_package() -> None:
    assert symbols.convert is convert
    assert symbols.to_latex is to_latex


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\mathbb R", "ℝ"),
        (r"\mathbb{ R }", "ℝ"),
        (r"\mathbf{AB}", "𝐀𝐁"),
        (r"\mathcal{L}", "ℒ"),
        (r"x^{12}", "x¹²"),
        (r"x_{i}", "xᵢ"),
        (r"x_1", "x₁"),
        (r"\sfrac{1}{2}", "½"),
        (r"\sfrac12", "½"),
        (r"\alpha\beta", "αβ"),
        (r"\alpha \beta", "α β"),  # spaces are kept as typed
        (r"\hat{x}", "x\u0302"),
        (r"\not\in", "∉"),  # U+2208 + U+0338 composes under NFC
        (r"\not=", "≠"),
        (r"\sum_{i=1}^n", "∑ᵢ₌₁ⁿ"),
        ("a \\rightarrow b", "a → b"),
        # a script with no Unicode form stays a script; commands inside still convert
        (r"\int_0^\infty", "∫₀^∞"),
        (r"e^{i\pi}", "e^{iπ}"),
        (r"e^{-x^2}", "e^{-x²}"),
    ],
)
def test_convert(latex: str, expected: str) -> None:
    assert convert(latex) == expected


@pytest.mark.parametrize(
    "latex",
    [
        r"\foo",  # unknown command
        r"\forallx",  # a different (unknown) control word, as TeX reads it
        r"x^{q+}",  # no superscript q: the whole script stays
        r"\mathbb{R3!}",  # not every character has a double-struck form
        r"\mathbb{",  # half-written
        "\\",
        "x^",
        r"\sfrac{7}{9}",  # no such vulgar fraction
        "plain text, no commands",
        "",
    ],
)
def test_unknown_stays(latex: str) -> None:
    assert convert(latex) == latex


def test_unknown_inside_known() -> None:
    assert convert(r"\alpha \foo \beta") == r"α \foo β"


def test_to_latex_issue_example() -> None:
    assert to_latex("∀x∈ℝ") == r"\forall x\in\mathbb{R}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("αβ", r"\alpha\beta"),  # package-free classic command preferred
        ("α1", r"\alpha1"),  # a digit cannot run into the command name
        ("αx", r"\alpha x"),
        ("x²", "x^2"),
        ("x²³", "x^{23}"),
        ("x₁²", "x_1^2"),
        ("x\u0302", r"\hat{x}"),
        ("𝐀", r"\mathbf{A}"),
        ("a → b", r"a \rightarrow b"),
        ("plain ascii {}", "plain ascii {}"),
        ("中", "中"),  # no command: kept
        ("", ""),
    ],
)
def test_to_latex(text: str, expected: str) -> None:
    assert to_latex(text) == expected


def test_round_trip_keeps_the_separating_space() -> None:
    # to_latex must separate \forall from x; convert keeps spaces as typed.
    assert convert(to_latex("∀x∈ℝ")) == "∀ x∈ℝ"


@pytest.mark.parametrize("text", ["∀ x∈ℝ", "αβγ", "x²³ ≤ y₁", "a → b ⇒ c", "∑ᵢ₌₁ⁿ"])
def test_round_trip(text: str) -> None:
    assert convert(to_latex(text)) == text


def test_every_table_symbol_round_trips() -> None:
    """to_latex of every symbol converts back to it (or to the command's first symbol)."""
    from symbols.table import load

    t = load()
    failures = []
    written = 0
    for sym in t.symbols("extended"):
        latex = to_latex(sym.char)
        if latex == sym.char or set(latex) == {"'"}:
            continue  # primes are written x' (LaTeX's own spelling), which convert keeps
        written += 1
        back = convert(latex)
        # A command shared by several symbols (\varepsilon: ε and ɛ) gives the first.
        first = chr(t.latex_index[latex][0]) if latex in t.latex_index else sym.char
        if back not in (sym.char, first):
            failures.append((sym.label, latex, back))
    assert written > 1000
    assert failures == []


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"x^{\prime}", "x′"),  # a prime is a superscript by nature
        (r"x^\prime", "x′"),
        (r"f^{\prime\prime}(x)", "f′′(x)"),
        ("x''", "x''"),  # the apostrophes stay as typed
        (r"x^{\prime 2}", "x^{′ 2}"),  # not only primes: stays a script
        (r"\sqrt{2}", "√2"),  # one character or a number: right after the sign
        (r"\sqrt{10}", "√10"),
        (r"\sqrt 2", "√2"),
        (r"\sqrt{\alpha}", "√α"),
        (r"\sqrt{x+1}", "√(x+1)"),  # longer: the braces become parentheses
        (r"\sqrt{x^2}", "√(x²)"),
        (r"\sqrt[3]{x}", "∛x"),
        (r"\sqrt[4]{8}", "∜8"),
        (r"\sqrt[5]{x}", r"\sqrt[5]{x}"),  # no character for it: as typed
        (r"\sqrt", "√"),
    ],
)
def test_primes_and_radicals(latex: str, expected: str) -> None:
    assert convert(latex) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("x′", "x'"), ("f″(x)", "f''(x)"), ("x′²", "x'^2"), ("α′", "\\alpha'")],
)
def test_to_latex_writes_primes_as_apostrophes(text: str, expected: str) -> None:
    assert to_latex(text) == expected


def test_commands_no_source_gives_stay() -> None:
    # No source maps \frobnicate or \lvertx: as typed, as symbols.from_latex says.
    assert symbols.from_latex("\\frobnicate") == [] and symbols.from_latex("\\lvertx") == []
    assert convert(r"\frobnicate x \lvertx") == r"\frobnicate x \lvertx"
    assert convert(r"a\thinspace b") == "a\u2009 b"  # spaces are kept as typed


def test_the_tex_names_of_mathjax_and_pylatexenc_convert() -> None:
    # Issue 11: MathJax's \lvert, spacing commands, pylatexenc's text-mode commands.
    assert convert(r"\lvert x \rvert") == "| x |"
    assert convert(r"a\,b\:c\quad d") == "a\u2009b\u205fc\u2003 d"
    assert convert(r"\textquoteleft\alpha\textquoteright") == "‘α’"
    assert convert(r"a \lt b \gt c") == "a < b > c"
    # Several characters (MathJax's mathtools, braket); none (a negative space).
    assert convert(r"x \colonapprox y") == "x :≈ y"
    assert convert(r"\qquad") == "\u2003\u2003"
    assert convert(r"x\!y") == "xy"
    # Upright and text commands set plain text.
    assert convert(r"\mathrm{A} + \text{if } x") == "A + if  x"
    assert convert(r"\mathrm{d}x") == "dx"


def test_to_latex_keeps_letters_known_only_to_rare_tables() -> None:
    # unicode.xml's \cyrchar\CYRA for А needs a rare package; UTF-8 is better.
    assert to_latex("Жё") == "Жё"
