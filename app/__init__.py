"""mathsym's front ends: the one-shot CLI (`app.cli`) and the TUI (`app.tui`)."""
