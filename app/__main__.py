"""``python -m app``: the same as the ``mathsym`` command."""

from app.cli import main

raise SystemExit(main())
