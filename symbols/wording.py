"""How people word a query otherwise than the tables do: contractions, spellings, synonyms.

The concept table (tools/data/concepts.tsv) and the Unicode names say a thing one or two
ways; people type it many more ("space that doesn't break" for NO-BREAK SPACE,
"micrometre" for "micrometer", "large wedge" for "big wedge", "tickmark" for "tick
mark"). These are rules of English wording, not facts about symbols, so they live here
rather than in the table: `normalise` rewrites the words of a query before any look-up,
`variants` gives the other forms a word may take in a phrase or a name, each with how
sure the reading is (below 1, so that a phrase said word for word still comes first).
"""

from __future__ import annotations

import re

__all__ = [
    "GREEK_NAMES",
    "described_words",
    "is_article",
    "mark_readings",
    "normalise_text",
    "normalise_words",
    "phrase_forms",
    "phrase_spans",
    "spellings",
    "stems",
    "variants",
]

# "doesn't" → "does not", "can't" → "can not", "won't" → "will not": fold would leave a
# stray "T" word. (A possessive "'s" stays: the table has phrases like "newton's notation".)
_CONTRACTION = re.compile(r"(?i)\b(can|won|[a-z]+n)['’]t\b")


def _expand(m: re.Match[str]) -> str:
    stem = m.group(1)
    low = stem.lower()
    if low == "can":
        return "can not"
    if low == "won":
        return "will not"
    return stem[:-1] + " not"


# "what's the symbol for pi": IS, not a stray letter S.
_IS = re.compile(r"(?i)\b(what|that|it|there|where|which|who|how|here)['’]s\b")
# How a question or a request begins, which says nothing of the symbol: "how do I type an
# upside down A", "I need the integral sign", "where is the …" (the I is no letter).
_ASKING = re.compile(
    r"(?i)^\s*(?:please\s+)?(?:"
    r"how\s+(?:do|can|could|should|would)\s+(?:i|you|we|one)\s+"
    r"(?:type|write|get|make|insert|enter|input|find|draw|produce|put|add|do|say)\b"
    r"|how\s+to\s+(?:type|write|get|make|insert|enter|input|find|draw|produce|put|add|do|say)\b"
    r"|i\s+(?:need|want|am\s+looking\s+for|['’]m\s+looking\s+for|am\s+after|would\s+like)\b"
    r"|(?:can|could)\s+(?:i|you)\s+(?:have|get|find|type)\b"
    r"|(?:looking\s+for|where\s+is|where\s+can\s+i\s+find|give\s+me|show\s+me|find\s+me)\b"
    r")"
)
# A half turn said in degrees is upside down ("T rotated 180 degrees", "turned 180°").
_HALF_TURN = re.compile(
    r"(?i)\b(?:rotated|turned|flipped|rotate|turn)\s+(?:by\s+|through\s+)?180\s*(?:degrees?|deg|°)?(?!\w)"
)
# A lone symbol among words ("upside down !", "circled +", "slashed ="): read as its name.
_LONE_SYMBOL = re.compile(r"(?<!\S)([^\w\s'’\\])(?!\S)")


# Contractions typed without their apostrophe ("doesnt divide", "isnt equal").
_BARE_CONTRACTION = re.compile(r"(?i)\b(does|do|did|is|are|was|were|has|have|had)nt\b")


def normalise_text(text: str) -> str:
    """*text* with contractions spelt out and a question's opening dropped (before folding).

    A lone symbol among words reads as its Unicode name ("upside down !" → upside down
    EXCLAMATION MARK), so that the words describe it.
    """
    if "'" in text or "’" in text:
        text = _IS.sub(r"\1 is", _CONTRACTION.sub(_expand, text))
    if "nt" in text.lower():
        text = _BARE_CONTRACTION.sub(r"\1 not", text)
    asked = _ASKING.match(text)
    if asked and asked.end() < len(text.rstrip()):
        text = text[asked.end() :]
    if "180" in text:
        text = _HALF_TURN.sub("upside down", text)
    if any(c.isalpha() for c in text) and _LONE_SYMBOL.search(text):
        text = _LONE_SYMBOL.sub(_named, text)
    return text


def _named(m: re.Match[str]) -> str:
    import unicodedata2  # only for a query that holds a lone symbol

    name: str = unicodedata2.name(m.group(1), "")
    return name.replace("HYPHEN-MINUS", "MINUS") or m.group(1)


# Words that only carry a negation to its verb: "that does not break".
_AUXILIARIES = frozenset({"THAT", "WHICH", "DOES", "DO", "WILL", "CAN", "MUST", "IS", "ARE"})
# A negated verb that Unicode names and the concept table write as a NON- compound:
# "space that does not break" is a NON-BREAKING (NO-BREAK) SPACE, "does not join" a
# ZERO WIDTH NON-JOINER. Other negations keep their words ("does not divide" is ∤).
_NON_COMPOUNDS = {
    "BREAK": "BREAKING",
    "BREAKS": "BREAKING",
    "BREAKING": "BREAKING",
    "JOIN": "JOINER",
    "JOINS": "JOINER",
    "JOINING": "JOINER",
    "SPACE": "SPACING",
    "SPACING": "SPACING",
}
# Phrases people use for a shape that names and phrases say in one word: "1 in a circle" is
# CIRCLED DIGIT ONE, "T lying on its side" a sideways T, "dot on top" a DOT ABOVE. The
# phrase's last word reads so too (the table also holds "… in a circle" phrases).
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("IN", "A", "CIRCLE"), "CIRCLED"),
    (("INSIDE", "A", "CIRCLE"), "CIRCLED"),
    (("IN", "CIRCLE"), "CIRCLED"),
    (("IN", "A", "SQUARE"), "SQUARED"),
    (("INSIDE", "A", "SQUARE"), "SQUARED"),
    (("IN", "A", "BOX"), "SQUARED"),
    (("ON", "ITS", "SIDE"), "SIDEWAYS"),
    (("ON", "THE", "SIDE"), "SIDEWAYS"),
    (("OF", "EACH", "OTHER"), "STACKED"),
    (("ABOVE", "THE", "OTHER"), "STACKED"),
    (("ON", "TOP"), "ABOVE"),
    (("AT", "THE", "TOP"), "ABOVE"),
    (("AT", "THE", "BOTTOM"), "BELOW"),
    (("UP", "HIGH"), "RAISED"),
    (("UP", "TOP"), "RAISED"),
    (("DOWN", "LOW"), "LOWERED"),
    (("DIAGONAL", "LINE"), "SLASH"),
    (("DIAGONAL", "STROKE"), "SLASH"),
    (("ABOVE", "THE", "LINE"), "RAISED"),
    (("BELOW", "THE", "LINE"), "LOWERED"),
    (("ABOVE", "THE", "BASELINE"), "RAISED"),
    (("BELOW", "THE", "BASELINE"), "LOWERED"),
)


def phrase_forms(words: tuple[str, ...]) -> dict[int, tuple[str, float]]:
    """Word position → the one word its phrase reads as ("in a circle": CIRCLE → CIRCLED)."""
    return {end - 1: (meant, _SYNONYM) for _start, end, meant in phrase_spans(words)}


def phrase_spans(words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, the one word it reads as) of each shape phrase in *words*."""
    out = []
    for said, meant in _PHRASES:
        n = len(said)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == said:
                out.append((i, i + n, meant))
    return out


# Words of a description that say nothing a name says: "a square drawn with dots",
# "an arrow that curves back", "looks like a diamond".
_DESCRIBING = frozenset(
    {
        *("A", "AN", "THE", "IT", "ITS", "IS", "THAT", "WHICH", "LIKE", "LOOKS", "LOOKING"),
        *("IN", "INSIDE", "ON", "AT", "INTO", "WITHIN", "ONE", "SHAPE", "SHAPED"),
        *("DRAWN", "MADE", "CHARACTER", "SYMBOL", "SIGN", "GLYPH", "THING", "AS", "LITTLE", "TINY"),
        *("FONT", "TYPEFACE"),
    }
)


_SIZES = frozenset({"SMALL", "LITTLE", "TINY", "MINI"})
_PLACED = {
    **dict.fromkeys(("ABOVE", "RAISED", "HIGH", "TOP"), "SUPERSCRIPT"),
    **dict.fromkeys(("BELOW", "LOWERED", "LOW", "BOTTOM", "UNDER"), "SUBSCRIPT"),
}


def described_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """*words* as a name might say them: shape phrases as their one word, filler dropped.

    >>> described_words(("DASH", "INSIDE", "A", "CIRCLE"))
    ('DASH', 'CIRCLED')
    """
    spans = {start: (end, meant) for start, end, meant in phrase_spans(words)}
    if _SIZES.intersection(words):
        # "small 2 above", "tiny plus up top": a small thing above or below is a
        # superscript or a subscript (SUPERSCRIPT TWO), the size said by that.
        for i, w in enumerate(words):
            if i not in spans and w in _PLACED:
                spans[i] = (i + 1, _PLACED[w])
    placed = any(meant in _PLACED.values() for _end, meant in spans.values())
    out: list[str] = []
    i = 0
    while i < len(words):
        if i in spans:
            end, meant = spans[i]
            out.append(meant)
            i = end
            continue
        if words[i] not in _DESCRIBING and not (placed and words[i] in _SIZES):
            out.append(words[i])
        i += 1
    return tuple(out)


# Words that say "much" before a comparison: "way smaller than", "a lot bigger than".
_INTENSIFIERS = frozenset({"WAY", "FAR", "LOT", "LOTS", "VASTLY", "HUGELY"})


# Comparisons of size an intensifier may come before; another word in -ER only with THAN
# after it ("way wider than"): "far corner", "way under" are no comparisons.
_COMPARATIVES = frozenset(
    {"LESS", "MORE", "GREATER", "SMALLER", "BIGGER", "LARGER", "LOWER", "HIGHER", "FEWER"}
)


def _compares(words: list[str], i: int) -> bool:
    """Tell whether *words* [i] begins a comparison ("smaller", "wider than")."""
    word = words[i]
    return word in _COMPARATIVES or (
        len(word) > 4 and word.endswith("ER") and words[i + 1 : i + 2] == ["THAN"]
    )


def normalise_words(words: list[str]) -> list[str]:
    """Rewrite folded query *words*: negations and intensifiers as the tables say them.

    A negated verb reads as its NON- compound (see above), an intensifier before a
    comparison as MUCH ("way smaller than" is "much smaller than").
    """
    out = list(words)
    for i in range(len(out) - 2, -1, -1):
        if out[i] in _INTENSIFIERS and _compares(out, i + 1):
            out[i] = "MUCH"
            if i and out[i - 1] == "A" and words[i] == "LOT":
                del out[i - 1]
    if "NOT" in out:
        i = out.index("NOT")
        if i + 1 < len(out) and out[i + 1] in _NON_COMPOUNDS:
            start = i
            while start > 0 and out[start - 1] in _AUXILIARIES:
                start -= 1
            out[start : i + 2] = ["NON", _NON_COMPOUNDS[out[i + 1]]]
    return out


# Groups of words people use for one another when describing a shape or a sign. Each
# word of a group reads as each other one, a little less surely (`_SYNONYM`).
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("BIG", "LARGE", "HUGE", "GIANT", "ENORMOUS"),
    ("SMALL", "LITTLE", "TINY"),
    ("BACKWARDS", "BACKWARD", "REVERSED", "MIRRORED", "REVERSE"),
    ("HOLLOW", "OPEN", "WHITE", "OUTLINED", "OUTLINE", "EMPTY"),
    ("FILLED", "SOLID", "BLACK", "SHADED"),
    ("WAVY", "SQUIGGLY", "WIGGLY", "SQUIGGLE", "WIGGLE", "WAVE"),
    ("SQUIGGLE", "TILDE"),
    ("SCRIPT", "HANDWRITTEN", "HANDWRITING", "CURSIVE"),
    ("CURLY", "CURVY", "CURLED"),
    ("TICK", "CHECK"),
    ("QUOTE", "QUOTATION", "QUOTES"),
    ("SLASH", "SOLIDUS", "SLASHED", "STROKE"),
    ("LINE", "SLASH"),
    ("CROSSED", "STRUCK"),
    ("ABOVE", "OVER", "ATOP"),
    ("BELOW", "UNDER", "BENEATH", "UNDERNEATH"),
    ("MIDDLE", "CENTRE", "CENTER", "MID", "CENTERED", "CENTRED", "MIDLINE"),
    ("SIDEWAYS", "LYING"),
    ("RAISED", "SUPERSCRIPT"),
    ("LOWERED", "SUBSCRIPT"),
    ("POINTING", "FACING"),
    ("DIAMOND", "RHOMBUS", "LOZENGE"),
    ("SQUARE", "BOX"),
    ("ELEMENT", "MEMBER"),
    ("DIGIT", "NUMBER", "NUMERAL"),
    ("TWO", "DOUBLE"),
    ("THREE", "TRIPLE"),
    ("BAR", "LINE", "STROKE"),
    ("INSIDE", "IN", "WITHIN"),
    ("BARS", "LINES"),
    ("STACKED", "STACK"),
    ("TYPE", "TYPING"),
    ("JUDGEMENT", "JUDGMENT"),
    ("ACKNOWLEDGEMENT", "ACKNOWLEDGMENT"),
    ("GREY", "GRAY"),
    ("BLACKBOARD", "CHALKBOARD"),
    ("CAPITAL", "CAPS"),
    ("MONOSPACE", "MONOSPACED", "TYPEWRITER"),
    ("BROKEN", "BREAK"),
)
_SYNONYM = 0.9
_SYNONYMS: dict[str, tuple[str, ...]] = {}
for _group in _GROUPS:  # a word in several groups reads as the words of each
    for _w in _group:
        _SYNONYMS[_w] = tuple(
            dict.fromkeys([*_SYNONYMS.get(_w, ()), *(v for v in _group if v != _w)])
        )
_SPELLING = 0.97  # British and American spellings are the same word

# British ↔ American endings, longest first: "micrometre" ↔ "micrometer", "colour" ↔
# "color", "normalised" ↔ "normalized", "analyse" ↔ "analyze".
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ISATION", "IZATION"),
    ("ISING", "IZING"),
    ("ISED", "IZED"),
    ("ISES", "IZES"),
    ("ISE", "IZE"),
    ("YSE", "YZE"),
    ("TRES", "TERS"),
    ("TRE", "TER"),
    ("BRE", "BER"),
    ("OURS", "ORS"),
    ("OUR", "OR"),
)
# Words that end so but are no British spelling ("four", "promise", "otherwise").
_NOT_BRITISH = frozenset(
    {
        *("FOUR", "POUR", "YOUR", "HOUR", "TOUR", "SOUR", "OUR", "FLOUR", "DOUR"),
        *("RISE", "WISE", "OTHERWISE", "CLOCKWISE", "PROMISE", "PRECISE", "CONCISE"),
        *("EXERCISE", "NOISE", "POISE", "PRAISE", "RAISE", "RAISED", "TREATISE", "EXPERTISE"),
        *("PREMISE", "SUPERVISE", "REVISE", "DEVISE", "ADVISE", "SURPRISE", "WISES"),
        *("ANTICLOCKWISE", "COUNTERCLOCKWISE", "PAIRWISE", "ELEMENTWISE", "LIKEWISE"),
        *("ORDER", "UNDER", "OVER", "POWER", "LETTER", "OTHER", "AFTER", "ARE", "MORE"),
    }
)


def spellings(word: str) -> list[tuple[str, float]]:
    """British and American spellings of folded *word* other than itself."""
    return [(w, _SPELLING) for w in _spellings(word)]


def _spellings(word: str) -> list[str]:
    if word in _NOT_BRITISH or len(word) < 5:
        return []
    out = []
    for british, american in _ENDINGS:
        if word.endswith(british):
            out.append(word[: -len(british)] + american)
            break
    for british, american in _ENDINGS:
        if word.endswith(american) and not word.endswith(("ERER", "ORER")):
            out.append(word[: -len(american)] + british)
            break
    return out


def stems(word: str) -> list[str]:
    """List the words folded *word* may inflect, likeliest first ("ROUNDED": ROUND).

    For a word that is itself a phrase word too, so not left to the search's start of a
    word ("rounded corners" holds ROUNDED, "round w" ROUND): -ED and -ING, with a
    doubled consonant undone ("DOTTED": DOT) or an E put back ("CURVED": CURVE).

    >>> stems("DOTTED")
    ['DOTT', 'DOT', 'DOTTE']
    """
    for ending in ("ING", "ED"):
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 3:
            out = [base]
            if base[-1] == base[-2] and base[-1] not in "AEIOUSL":
                out.append(base[:-1])
            return [*out, base + "E"]
    return []


def variants(word: str) -> list[tuple[str, float]]:
    """Other forms folded *word* may take (with how sure each is), not *word* itself.

    >>> variants("MICROMETRE")
    [('MICROMETER', 0.97)]
    >>> [w for w, _ in variants("LARGE")]
    ['BIG', 'HUGE', 'GIANT', 'ENORMOUS']
    """
    out = [(w, _SPELLING) for w in _spellings(word)]
    out += [(w, _SYNONYM) for w in _SYNONYMS.get(word, ())]
    return out


# The Greek letters' names, as Unicode writes them (and LAMBDA, as people do).
GREEK_NAMES = frozenset(
    {
        *("ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA"),
        *("KAPPA", "LAMBDA", "LAMDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO", "SIGMA"),
        *("TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA", "DIGAMMA"),
    }
)


# A diacritic or an overlay described rather than named: "o with two dots" is O WITH
# DIAERESIS, "n with a squiggle on top" N WITH TILDE, "l with a line through it" L WITH
# STROKE, "c with a tail" C WITH CEDILLA. Each entry: the words said, the name words they
# may read as (a tail is a cedilla, an ogonek or a hook, as the letter has), and where
# the mark sits; the words that say so ("on top", "through it") belong to the
# description. Marks whose name says no place (TILDE, CARON) read without it; a word as
# common as "v", "line" or "circle" is a mark only where the place is said.
_Words = tuple[tuple[str, ...], ...]
_ABOVE: _Words = (("ON", "TOP", "OF", "IT"), ("ON", "TOP"), ("AT", "THE", "TOP"), ("OVER", "IT"))
_ABOVE += (("ON", "IT"), ("ABOVE", "IT"), ("ABOVE",), ("OVER",), ("ATOP",))
_BELOW: _Words = (("UNDERNEATH", "IT"), ("UNDER", "IT"), ("BELOW", "IT"), ("AT", "THE", "BOTTOM"))
_BELOW += (("UNDERNEATH",), ("UNDER",), ("BELOW",), ("BENEATH",))
_THROUGH: _Words = (("THROUGH", "THE", "MIDDLE"), ("THROUGH", "IT"), ("ACROSS", "IT"))
_THROUGH += (("THROUGH",), ("ACROSS",))
_PLACES = {"above": _ABOVE, "below": _BELOW, "through": _THROUGH}
_DOTS = ("DIAERESIS",)
_MARKS: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, bool], ...] = (
    # (said, readings, place, the place must be said)
    (("TWO", "DOTS"), (_DOTS,), "above", False),
    (("2", "DOTS"), (_DOTS,), "above", False),
    (("DOUBLE", "DOT"), (_DOTS,), "above", False),
    (("DOUBLE", "DOTS"), (_DOTS,), "above", False),
    (("UMLAUT",), (_DOTS,), "above", False),
    (("TREMA",), (_DOTS,), "above", False),
    (("DIERESIS",), (_DOTS,), "above", False),
    (("DOT",), (("DOT", "ABOVE"),), "above", True),
    (("DOT",), (("DOT", "BELOW"),), "below", True),
    (("RING",), (("RING", "ABOVE"),), "above", True),
    (("CIRCLE",), (("RING", "ABOVE"),), "above", True),
    (("RING",), (("RING", "BELOW"),), "below", True),
    (("SQUIGGLE",), (("TILDE",),), "above", False),
    (("SQUIGGLY", "LINE"), (("TILDE",),), "above", False),
    (("WAVY", "LINE"), (("TILDE",),), "above", False),
    (("WIGGLY", "LINE"), (("TILDE",),), "above", False),
    (("SQUIGGLY",), (("TILDE",),), "above", True),
    (("WAVE",), (("TILDE",),), "above", True),
    (("V",), (("CARON",),), "above", True),
    (("HACEK",), (("CARON",),), "above", False),
    (("HAT",), (("CIRCUMFLEX",),), "above", False),
    (("ROOF",), (("CIRCUMFLEX",),), "above", False),
    (("CARET",), (("CIRCUMFLEX",),), "above", True),
    (("ACCENT",), (("ACUTE",), ("GRAVE",)), "above", False),
    (("V", "ACCENT"), (("CARON",),), "above", False),
    (("TICK",), (("ACUTE",),), "above", True),
    (("BACKWARDS", "TICK"), (("GRAVE",),), "above", False),
    (("BACKWARDS", "ACCENT"), (("GRAVE",),), "above", False),
    (("BAR",), (("MACRON",),), "above", True),
    (("LINE",), (("MACRON",),), "above", True),
    (("OVERBAR",), (("MACRON",),), "above", False),
    (("OVERLINE",), (("MACRON",),), "above", False),
    (("SMILE",), (("BREVE",),), "above", False),
    (("U",), (("BREVE",),), "above", True),
    (("TAIL",), (("CEDILLA",), ("OGONEK",), ("HOOK",), ("TAIL",)), "below", False),
    (("HOOK",), (("CEDILLA",), ("OGONEK",), ("HOOK",)), "below", True),
    (("COMMA",), (("COMMA", "BELOW"),), "below", True),
    (("LINE",), (("LINE", "BELOW"),), "below", True),
    (("LINE",), (("STROKE",), ("BAR",)), "through", True),
    (("BAR",), (("STROKE",), ("BAR",)), "through", False),
    (("SLASH",), (("SOLIDUS",), ("STROKE",)), "through", False),
    (("STROKE",), (("STROKE",),), "through", False),
    (("STRIKETHROUGH",), (("STROKE",),), "through", False),
    (("SLASHED",), (("STROKE",),), "through", False),
    (("BARRED",), (("STROKE",), ("BAR",)), "through", False),
    (("CROSSED",), (("STROKE",), ("BAR",)), "through", False),
    (("STRUCK", "THROUGH"), (("STROKE",), ("BAR",)), "through", False),
)
_MARK_WORDS = frozenset(w for said, *_ in _MARKS for w in said)
# Any letter, that a mark is described on: "hat over a letter".
_ANY_LETTER = frozenset({"LETTER", "LETTERS", "VOWEL", "VOWELS", "CONSONANT", "CHARACTER"})
_NOT_THE_MARK = _ANY_LETTER | {"A", "AN", "THE", "ANY"}
_PLACE_WORDS = frozenset(place[0] for places in _PLACES.values() for place in places)
# Words before a described mark that say nothing of it: "a little ring", "a tiny v".
_BEFORE_MARK = frozenset({"A", "AN", "THE", "LITTLE", "TINY", "SMALL", "SINGLE"})


def is_article(words: tuple[str, ...], i: int) -> bool:
    """Tell whether word *i* is the article "a" rather than the letter.

    It is before other words ("e with a slash", "hat over a letter"), but not before
    WITH, where it is the letter a shape is described on ("a with a ring").
    """
    return words[i] == "A" and i + 1 < len(words) and words[i + 1] != "WITH"


def mark_readings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other readings of folded *words* that describe a letter's mark (see `_MARKS`).

    >>> mark_readings(("N", "WITH", "A", "SQUIGGLE", "ON", "TOP"))
    [('N', 'WITH', 'TILDE')]
    """
    if not _MARK_WORDS.intersection(words) or len(words) > 8:
        return []
    readings: list[tuple[str, ...]] = [()]
    marked: set[int] = set()  # the words that describe a mark
    i = 0
    while i < len(words):
        found = _mark_at(words, i)
        if found is None:
            readings = [(*r, words[i]) for r in readings]
            i += 1
            continue
        end, names = found
        # The words before it that only lead up to it ("with a little") go.
        before, readings = readings, []
        for r in before:
            while r and r[-1] in _BEFORE_MARK:
                r = r[:-1]
            readings += [r + n for n in names]
        readings = list(dict.fromkeys(readings))[:4]
        marked.update(range(i, end))
        i = end
    if not marked:
        return []
    # A mark needs the letter it is on: "umlaut" or "dot on top" alone is the mark itself,
    # and on a sign ("equals with a dot on top") the concept table's shapes say it better.
    letters = [
        w
        for i, w in enumerate(words)
        if i not in marked and (w in GREEK_NAMES or (len(w) == 1 and not is_article(words, i)))
    ]
    on_any = any(
        w in _ANY_LETTER and _PLACE_WORDS.intersection(words[max(0, j - 2) : j])
        for j, w in enumerate(words)
    )
    if not letters and on_any:
        # On any letter ("a v accent over a letter", "tick over a vowel"): the mark itself,
        # to put on a letter (COMBINING CARON), without the words for the letter.
        marks = (tuple(w for w in r if w not in _NOT_THE_MARK) for r in readings)
        return [("COMBINING", *r) for r in marks if r]
    return [r for r in readings if any(w in r for w in letters)]


def _mark_at(words: tuple[str, ...], i: int) -> tuple[int, tuple[tuple[str, ...], ...]] | None:
    """(end, readings) of the longest described mark at word *i*, with its place."""
    best: tuple[int, tuple[tuple[str, ...], ...]] | None = None
    for said, names, place, needs_place in _MARKS:
        n = len(said)
        if words[i : i + n] != said:
            continue
        end = i + n
        for where in _PLACES[place]:
            if words[end : end + len(where)] == where:
                end += len(where)
                break
        else:
            if needs_place:
                continue
        if best is None or end > best[0]:
            best = (end, names)
    return best
