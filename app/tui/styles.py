"""The inline styles of the TUI's content: rows, the glyph box, the detail pane, help.

Theme variables only, so that every theme (and NO_COLOR) works; the widgets' own
styles are in mathsym.tcss. Inline content resolves a variable to a colour without
the widget's background: ``$text-muted`` is ``auto 60%`` there, which comes out as
full white, so muted text is ``$foreground-muted`` (the foreground at 60%).
"""

from __future__ import annotations

__all__ = ["ACCENT", "FAVORITE", "HEADING", "HIGHLIGHT", "KEYS", "MUTED", "SPACE"]

#: Labels, code points, notes: what is there to read but not to look for first.
MUTED = "$foreground-muted"
#: Section headings of the detail pane and the results list.
HEADING = "bold $text-secondary"
#: The keys to press (a chord), where they must stand out from everything else.
KEYS = "bold $text-accent"
#: Keys in a table of their own (help, the rows' keys column).
ACCENT = "$text-accent"
#: The matched part of a row.
HIGHLIGHT = "bold underline $text-accent"
#: The ★ of a favorite.
FAVORITE = "$text-warning"
#: A space character, highlighted so that its width shows as a bar.
SPACE = "on $accent 40%"
