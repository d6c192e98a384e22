"""symbols.inputs: every way to type a character, checked against Python's own encoders and parsers.

Every symbol of the ``extended`` table is checked, plus a spread of the ``all`` scope and
hypothesis-drawn code points: UTF-8/UTF-16 against ``str.encode``, the Python escapes
through ``ast.literal_eval``, JSON through ``json.loads``, HTML through ``html.unescape``,
the key chords by reading the code point back out of them.
"""

from __future__ import annotations

import ast
import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symbols.inputs import (
    ENV_VAR,
    LABELS,
    METHODS,
    InputMethod,
    check_method,
    inputs,
    inputs_dict,
    keys_for,
    preferred_method,
)
from symbols.table import Symbol, all_codepoints, get, table

# --------------------------------------------------------------------------- helpers


def _units(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _by_id(methods: list[InputMethod]) -> dict[str, InputMethod]:
    return {m.id: m for m in methods}


def _full(pattern: str, text: str) -> re.Match[str]:
    m = re.fullmatch(pattern, text)
    assert m, f"{text!r} does not match {pattern!r}"
    return m


def _css_unescape(text: str) -> int:
    """Read one CSS escape as CSS Syntax 3 does: a backslash, 1-6 hex digits, one optional space."""
    m = _full(r"\\([0-9A-Fa-f]{1,6}) ?", text)
    return int(m.group(1), 16)


def _js_string(literal: str) -> str:
    """Decode the JavaScript string forms of inputs() (\\uXXXX, \\u{…}) without a JS engine."""
    body = _full(r'"(.*)"', literal).group(1)

    # \u{…} first, into \uXXXX pairs, so one JSON decode handles both spellings.
    def braces(m: re.Match[str]) -> str:
        cp = int(m.group(1), 16)
        return "".join(f"\\u{u:04x}" for u in _units(chr(cp)))

    return str(json.loads('"' + re.sub(r"\\u\{([0-9A-Fa-f]{1,6})\}", braces, body) + '"'))


def _keysym(key: str) -> str:
    return "Space" if key == "space" else key


def _exotic(form: str) -> int:
    return sum(1 for k in form.split(" ")[1:] if len(k) > 1 and k != "Space")


def check_character(char: str, sym: Symbol | None) -> None:
    """Assert every method for *char* against an independent decoder."""
    cp = ord(char)
    methods = inputs(char, first="utf8")
    assert methods[0].id == "utf8"
    got = _by_id(methods)
    # Canonical order after the first one; compose present exactly when a sequence exists.
    expected_ids = [m for m in METHODS if m != "compose" or (sym is not None and sym.compose)]
    assert [m.id for m in methods] == ["utf8"] + [m for m in expected_ids if m != "utf8"]
    for m in methods:
        assert m.label == LABELS[m.id]
    units = _units(char)

    # Encodings, against Python's encoders.
    assert got["utf8"].keys == char.encode("utf-8").hex(" ").upper()
    assert got["utf16"].keys == " ".join(f"{u:04X}" for u in units)
    assert [int(t, 16) for t in got["utf16"].keys.split()] == units

    # macOS: one ⌥XXXX per UTF-16 unit, upper-case, four digits.
    mac = got["macos"].keys.split(" ")
    assert [int(_full(r"⌥([0-9A-F]{4})", t).group(1), 16) for t in mac] == units

    # Linux (GTK): lower-case hex, at least four digits.
    linux = _full(r"Ctrl\+Shift\+U ([0-9a-f]{4,6}) Space", got["linux"].keys)
    assert int(linux.group(1), 16) == cp

    win = _full(r"([0-9A-F]{4,6}) Alt\+X", got["windows"].keys)
    assert int(win.group(1), 16) == cp

    numpad = got["windows-numpad"]
    if cp > 0xFFFF:
        assert numpad.keys == "" and "U+FFFF" in numpad.note
    else:
        assert int(_full(r"Alt \+ numpad \+ ([0-9A-F]{4})", numpad.keys).group(1), 16) == cp
        assert "EnableHexNumpad" in numpad.note

    vim = got["vim"]
    if cp == 0x0A:
        assert vim.keys == ""
    elif cp <= 0xFFFF:
        assert int(_full(r"Ctrl-V u([0-9a-f]{4})", vim.keys).group(1), 16) == cp
    else:
        assert int(_full(r"Ctrl-V U([0-9a-f]{8})", vim.keys).group(1), 16) == cp
    digraphs = sym.vim if sym is not None and cp != 0x0A else ()
    assert vim.alternatives == tuple(
        "Ctrl-K " + " ".join("Space" if k == " " else k for k in d) for d in digraphs
    )

    emacs = got["emacs"]
    assert int(_full(r"C-x 8 RET ([0-9A-F]{4,6}) RET", emacs.keys).group(1), 16) == cp
    name = sym.name if sym is not None and not sym.name.startswith("<") else ""
    assert emacs.alternatives == ((f"C-x 8 RET {name} RET",) if name else ())

    if sym is not None and sym.compose:
        forms = (got["compose"].keys, *got["compose"].alternatives)
        stored = {"Compose " + " ".join(_keysym(k) for k in s.split(" ")) for s in sym.compose}
        assert sorted(forms) == sorted(stored)
        # The first one is the easiest to type: fewest keys that are not plain characters.
        assert _exotic(forms[0]) == min(_exotic(f) for f in forms)
    else:
        assert "compose" not in got

    latex = got["latex"]
    caret = [f for f in (latex.keys, *latex.alternatives) if f.startswith("^^^^")]
    assert len(caret) == 1
    if cp <= 0xFFFF:
        assert int(_full(r"\^\^\^\^([0-9a-f]{4})", caret[0]).group(1), 16) == cp
    else:
        assert int(_full(r"\^{6}([0-9a-f]{6})", caret[0]).group(1), 16) == cp
    if sym is not None and sym.latex:
        assert latex.keys == sym.latex[0]
        assert set(latex.alternatives) == {caret[0], *sym.latex[1:]}
    else:
        assert latex.keys == caret[0]

    typst = got["typst"]
    escapes = [f for f in (typst.keys, *typst.alternatives) if f.startswith('"')]
    assert len(escapes) == 1
    assert int(_full(r'"\\u\{([0-9A-F]{1,6})\}"', escapes[0]).group(1), 16) == cp
    if sym is not None and sym.typst:
        assert typst.keys == "sym." + sym.typst[0]
        assert {f for f in typst.alternatives if f.startswith("sym.")} == {
            "sym." + n for n in sym.typst[1:]
        }
    else:
        assert typst.keys == escapes[0]

    check_html(char, got["html"], sym)

    css = got["css"]
    if cp == 0:
        assert css.keys == ""
    else:
        assert _css_unescape(css.keys) == cp
        assert _css_unescape(css.keys + " ") == cp
        assert [_css_unescape(a) for a in css.alternatives] == [cp]
        assert all(len(a) == 7 for a in css.alternatives)  # six digits: no space needed

    py = got["python"]
    assert ast.literal_eval(py.keys) == char
    named = [a for a in py.alternatives if a.startswith('"\\N{')]
    for form in py.alternatives:
        if form.startswith('"'):
            assert ast.literal_eval(form) == char, form
        else:
            assert int(_full(r"chr\(0x([0-9A-F]+)\)", form).group(1), 16) == cp
    # \N{…} is offered exactly when the running Python knows the character's name.
    if name:
        try:
            known = unicodedata.lookup(name) == char
        except KeyError:
            known = False
        if known:
            assert named == [f'"\\N{{{name}}}"']
        else:
            assert name in py.note and unicodedata.unidata_version in py.note

    js = got["json"]
    assert json.loads(js.keys) == char
    assert re.fullmatch(r'"(\\u[0-9a-f]{4}){1,2}"', js.keys)
    for form in js.alternatives:
        assert json.loads(form) == char

    jsc = got["javascript"]
    for form in (jsc.keys, *jsc.alternatives):
        if form.startswith('"'):
            assert _js_string(form) == char, form
        else:
            assert int(_full(r"String\.fromCodePoint\(0x([0-9A-F]+)\)", form).group(1), 16) == cp
    if cp > 0xFFFF:
        assert jsc.keys == f'"\\u{{{cp:X}}}"'


def check_html(char: str, method: InputMethod, sym: Symbol | None) -> None:
    cp = ord(char)
    if cp == 0 or 0x80 <= cp <= 0x9F:
        assert method.keys == "" and "cannot be written" in method.note
        return
    forms = (method.keys, *method.alternatives)
    numeric = f"&#x{cp:X};"
    assert numeric in forms
    named = [f for f in forms if f != numeric]
    assert sorted(named) == sorted(f"&{n};" for n in (sym.html if sym is not None else ()))
    if named:
        assert method.keys == named[0]
    if "parse error" in method.note:
        # Python's html.unescape drops these (browsers keep them): only the number is checked.
        assert int(_full(r"&#x([0-9A-F]+);", numeric).group(1), 16) == cp
        return
    for form in forms:
        assert html.unescape(form) == char, form


# --------------------------------------------------------------------------- the examples


def test_for_all_exactly() -> None:
    got = _by_id(inputs("∀"))
    assert got["macos"].keys == "⌥2200"
    assert got["linux"].keys == "Ctrl+Shift+U 2200 Space"
    assert got["windows"].keys == "2200 Alt+X"
    assert got["windows-numpad"].keys == "Alt + numpad + 2200"
    assert got["vim"].keys == "Ctrl-V u2200"
    assert "Ctrl-K F A" in got["vim"].alternatives
    assert got["emacs"].keys == "C-x 8 RET 2200 RET"
    assert "C-x 8 RET FOR ALL RET" in got["emacs"].alternatives
    assert got["latex"].keys == "\\forall"
    assert "^^^^2200" in got["latex"].alternatives
    assert got["typst"].keys == "sym.forall"
    assert got["html"].keys == "&forall;"
    assert "&#x2200;" in got["html"].alternatives
    assert got["css"].keys == "\\2200"
    assert got["python"].keys == '"\\u2200"'
    assert '"\\N{FOR ALL}"' in got["python"].alternatives
    assert got["json"].keys == '"\\u2200"'
    assert got["javascript"].keys == '"\\u2200"'
    assert got["utf8"].keys == "E2 88 80"
    assert got["utf16"].keys == "2200"


def test_bold_a_above_the_bmp_exactly() -> None:
    got = _by_id(inputs("𝐀"))
    assert got["macos"].keys == "⌥D835 ⌥DC00"
    assert got["linux"].keys == "Ctrl+Shift+U 1d400 Space"
    assert got["windows"].keys == "1D400 Alt+X"
    assert got["windows-numpad"].keys == ""
    assert "not possible" in got["windows-numpad"].note.lower()
    assert got["vim"].keys == "Ctrl-V U0001d400"
    assert "^^^^^^01d400" in (got["latex"].keys, *got["latex"].alternatives)
    assert got["python"].keys == '"\\U0001d400"'
    assert '"\\N{MATHEMATICAL BOLD CAPITAL A}"' in got["python"].alternatives
    assert got["json"].keys == '"\\ud835\\udc00"'
    assert got["javascript"].keys == '"\\u{1D400}"'
    assert got["html"].keys == "&#x1D400;" or "&#x1D400;" in got["html"].alternatives
    assert got["css"].keys == "\\1D400"
    assert got["utf8"].keys == "F0 9D 90 80"
    assert got["utf16"].keys == "D835 DC00"


def test_compose_sequence_for_not_equal() -> None:
    got = _by_id(inputs("≠"))
    assert "Compose = /" in (got["compose"].keys, *got["compose"].alternatives)


def test_compose_left_out_without_a_sequence() -> None:
    assert "compose" not in _by_id(inputs("𝐀"))
    assert "compose" not in inputs_dict("𝐀")


def test_notes_carry_the_setup() -> None:
    got = _by_id(inputs("∀"))
    assert "Unicode Hex Input" in got["macos"].note and "⌥-arrow" in got["macos"].note
    assert "Qt/KDE" in got["linux"].note and "IBus or Fcitx" in got["linux"].note
    assert "select" in got["windows"].note
    assert 'EnableHexNumpad = "1" (REG_SZ)' in got["windows-numpad"].note
    assert "HKCU\\Control Panel\\Input Method" in got["windows-numpad"].note


def test_markup_characters_get_their_entities() -> None:
    assert _by_id(inputs("&"))["html"].keys == "&amp;"
    assert _by_id(inputs("<"))["html"].keys == "&lt;"
    assert "markup" in _by_id(inputs("<"))["html"].note


def test_html_prefers_the_html4_name() -> None:
    assert _by_id(inputs("¨"))["html"].keys == "&uml;"
    assert _by_id(inputs("±"))["html"].keys == "&plusmn;"
    assert _by_id(inputs("→"))["html"].keys == "&rarr;"


def test_css_note_documents_the_trailing_space() -> None:
    css = _by_id(inputs("∀"))["css"]
    assert "\\2200 " in css.note and "\\002200" in css.alternatives


# --------------------------------------------------------------------------- whole table


def _extended() -> list[Symbol]:
    return table("extended")


def test_every_symbol_of_the_extended_table() -> None:
    table = _extended()
    assert len(table) > 1000
    for sym in table:
        check_character(sym.char, sym)


def _all_sample() -> Iterator[Symbol]:
    cps = all_codepoints()
    chosen = set(cps[::7]) | {cp for cp in cps if cp > 0xFFFF and cp % 13 == 0}
    for cp in sorted(chosen):
        sym = get(cp)
        assert sym is not None
        yield sym


def test_a_spread_of_the_all_scope() -> None:
    seen = above = 0
    for sym in _all_sample():
        check_character(sym.char, sym)
        seen += 1
        above += sym.codepoint > 0xFFFF
    assert seen > 5000 and above > 3000


_SCALARS = st.integers(0, 0x10FFFF).filter(lambda cp: not 0xD800 <= cp <= 0xDFFF)


@settings(max_examples=400, deadline=None)
@given(_SCALARS)
def test_any_code_point(cp: int) -> None:
    check_character(chr(cp), get(cp))


def test_symbol_argument_and_property_agree_with_the_str() -> None:
    for ch in "∀≤𝐀ℝ&":
        sym = get(ch)
        assert sym is not None
        assert inputs(sym, first="linux") == inputs(ch, first="linux")
        assert sym.inputs == inputs(ch)


def test_keys_for_and_inputs_dict_agree_with_inputs() -> None:
    for sym in _extended()[::50]:
        methods = inputs(sym.char, first="macos")
        for m in methods:
            assert keys_for(sym.char, m.id) == m.keys
        as_dict = inputs_dict(sym.char)
        assert list(as_dict) == [m for m in METHODS if m in {x.id for x in methods}]
        assert as_dict == {m.id: m.keys for m in methods}
    assert keys_for("𝐀", "compose") == ""


# --------------------------------------------------------------------------- special code points


def test_control_characters() -> None:
    nul = _by_id(inputs("\x00"))
    assert nul["html"].keys == "" and nul["css"].keys == ""
    assert ast.literal_eval(nul["python"].keys) == "\x00"
    assert '"\\N{NULL}"' in nul["python"].alternatives  # a formal alias Python accepts
    tab = _by_id(inputs("\t"))
    assert html.unescape(tab["html"].keys) == "\t"
    assert '"\\t"' in tab["json"].alternatives
    c1 = _by_id(inputs("\x85"))
    assert c1["html"].keys == "" and "windows-1252" in c1["html"].note
    bell = _by_id(inputs("\x07"))
    assert bell["html"].keys == "&#x7;" and "parse error" in bell["html"].note
    assert _by_id(inputs("\n"))["vim"].keys == ""


def test_surrogates_cannot_be_typed() -> None:
    for cp in (0xD800, 0xDBFF, 0xDC00, 0xDFFF):
        methods = inputs(chr(cp))
        assert {m.id for m in methods} == set(METHODS) - {"compose"}
        for m in methods:
            assert m.keys == "" and "surrogate" in m.note
        assert set(inputs_dict(chr(cp)).values()) == {""}


def test_noncharacter_and_unassigned() -> None:
    for cp in (0xFFFE, 0x10FFFF, 0xFDD0):
        got = _by_id(inputs(chr(cp)))
        assert "parse error" in got["html"].note
        assert json.loads(got["json"].keys) == chr(cp)
    unassigned = 0x0378  # a hole in the Greek block
    assert get(unassigned) is None
    check_character(chr(unassigned), None)


def test_python_name_missing_from_the_running_python(monkeypatch: pytest.MonkeyPatch) -> None:
    def lookup(name: str) -> str:
        raise KeyError(name)

    monkeypatch.setattr(unicodedata, "lookup", lookup)
    py = _by_id(inputs("∀"))["python"]
    assert not any(a.startswith('"\\N') for a in py.alternatives)
    assert "FOR ALL" in py.note


# --------------------------------------------------------------------------- order and choice


def test_first_puts_a_method_ahead_of_canonical_order() -> None:
    for first in METHODS:
        ids = [m.id for m in inputs("≠", first=first)]
        assert ids[0] == first
        assert ids[1:] == [m for m in METHODS if m != first]


def test_first_missing_method_leaves_canonical_order() -> None:
    ids = [m.id for m in inputs("𝐀", first="compose")]
    assert ids == [m for m in METHODS if m != "compose"]


def test_preferred_method_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert preferred_method("darwin") == "macos"
    assert preferred_method("win32") == "windows"
    assert preferred_method("cygwin") == "windows"
    assert preferred_method("linux") == "linux"
    assert preferred_method("freebsd14") == "linux"


def test_environment_variable_chooses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, " Vim ")
    assert preferred_method("darwin") == "vim"
    assert inputs("∀")[0].id == "vim"
    assert inputs("∀", first="html")[0].id == "html"  # an explicit choice wins
    monkeypatch.setenv(ENV_VAR, "nonsense")
    assert preferred_method("darwin") == "macos"


def test_default_order_uses_the_running_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert inputs("∀")[0].id == "macos"
    monkeypatch.setattr(sys, "platform", "win32")
    assert inputs("∀")[0].id == "windows"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", ["", "ab", "∀x", "U+2200"])
def test_not_one_character(bad: str) -> None:
    with pytest.raises(ValueError, match="exactly one character"):
        inputs(bad)
    with pytest.raises(ValueError, match="exactly one character"):
        keys_for(bad, "html")


def test_not_a_string() -> None:
    # The library's rule for wrong types (symbols._arguments): TypeError, saying what.
    with pytest.raises(TypeError, match=r"argument 'char' must be .*, not int"):
        inputs(0x2200)  # type: ignore[arg-type]


def test_unknown_method() -> None:
    with pytest.raises(ValueError, match=r"unknown input method 'mac'.*macos"):
        inputs("∀", first="mac")
    with pytest.raises(ValueError, match="unknown input method"):
        keys_for("∀", "word")
    assert check_method(" MacOS ") == "macos"


# --------------------------------------------------------------------------- docs/typing.md


def test_docs_table_matches_the_code() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "typing.md").read_text("utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+) \| (.+?) \| (.+?) \|$", text, re.M)
    assert [r[0] for r in rows] == list(METHODS)
    for char, column in (("∀", 2), ("𝐀", 3)):
        got = _by_id(inputs(char))
        for row in rows:
            method, label, cell = row[0], row[1].strip(), row[column]
            assert label == LABELS[method]
            m = got.get(method)
            if m is None:
                assert cell == "(no sequence)", method
            elif not m.keys:
                assert cell == "(not possible)", method
            else:
                assert cell == f"`{m.keys}`", (method, cell)


def test_package_attribute_stays_callable() -> None:
    import symbols
    import symbols.inputs as module

    assert symbols.inputs("∀", first="html") == inputs("∀", first="html")
    assert module.METHODS == METHODS
