"""``mathsym serve``: the TUI in a browser tab, through textual-serve (the ``web`` extra).

textual-serve runs a small web server (aiohttp). Each browser tab that opens the page
gets a session of its own: a ``mathsym`` TUI process started for it, whose screen
and keys go through a websocket to the page, where xterm.js draws them. The TUI is
the same program as in a terminal, with the same favorites, recents and settings
(the same files: `app.state`). Copying works through the page: the TUI sends the
text as an OSC 52 escape sequence, as it does to a terminal, and the page's terminal
puts it on the browser's clipboard (browsers allow that on ``http://127.0.0.1`` and
``http://localhost``, and on other addresses only over HTTPS).

Only loopback by default: anyone who can reach the port gets a session that can read
and change the user's favorites. Another ``--host`` must be asked for, and a warning
says so. This module is imported only by ``mathsym serve``; textual-serve (and so
textual and aiohttp) only once it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Not `from typing import …` at run time (app modules follow app/cli.py's rule).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from typing import Any

__all__ = ["PAGE", "is_loopback", "port_problem", "run_serve", "session_command"]

#: The folder of the page's template (app_index.html), in place of textual-serve's.
PAGE = Path(__file__).resolve().parent / "web"

#: What a session process runs. Not ``python -m app``: that would put the current
#: folder first on sys.path, where another project's ``app`` package may be.
_SESSION_CODE = (
    "import sys; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; "
    "from app.tui import run; sys.exit(run(web=True))"
)


def session_command() -> str:
    """Return the shell command textual-serve runs for each browser tab: the TUI."""
    import shlex

    return shlex.join([sys.executable, "-c", _SESSION_CODE])


def is_loopback(host: str) -> bool:
    """Tell whether *host* is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_of(host: str, port: int) -> str:
    """Return the page's address for *host* and *port* (IPv6 addresses in brackets)."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def port_problem(host: str, port: int) -> str | None:
    """Say why the server cannot listen on *host*:*port*, or None when it can.

    Tried before the server starts, the way it will bind (address reuse on, as
    aiohttp has it), so that a port in use is one line rather than a traceback.
    """
    import errno
    import socket

    try:
        found = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot serve on {host!r}: {getattr(exc, 'strerror', None) or exc}"
    for family, kind, proto, _name, address in found:
        with socket.socket(family, kind, proto) as sock:
            if hasattr(socket, "SO_REUSEADDR") and sys.platform != "win32":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return (
                        f"port {port} on {host} is in use (another mathsym serve?); "
                        f"choose another with --port"
                    )
                return f"cannot serve on {host} port {port}: {exc.strerror or exc}"
    return None


def run_serve(
    ns: argparse.Namespace, note: Callable[[str], None], error: Callable[[str], None]
) -> int:
    """Serve the TUI until Ctrl+C (or SIGTERM); return the exit status.

    Args:
        ns: ``host``, ``port`` and ``open`` (`app.arguments.parse_serve`).
        note: Writes a one-line ``mathsym: …`` message to stderr.
        error: Writes a one-line ``mathsym: error: …`` message to stderr.

    Returns:
        0 once stopped; 1 when textual-serve is not installed; 2 when the address
        cannot be served (a port in use, an unknown host).

    """
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        missing = (exc.name or "textual_serve").split(".")[0]
        error(
            f"mathsym serve needs {missing.replace('_', '-')}, which is not installed: "
            "pip install 'mathsym[web]' (with pipx: pipx inject mathsym textual-serve)"
        )
        return 1
    host = ns.host.strip("[]")  # an IPv6 address may come as in a URL: [::1]
    problem = port_problem(host, ns.port)
    if problem is not None:
        error(problem)
        return 2
    url = url_of(host, ns.port)
    if not is_loopback(host):
        note(
            f"warning: serving on {host}, not only this machine: anyone who can reach "
            f"port {ns.port} gets a mathsym session with your favorites and settings"
        )
    server = _server_class(Server)(
        session_command(),
        host=host,
        port=ns.port,
        title="mathsym",
        templates_path=str(PAGE),
    )
    server.started = lambda: _started(url, ns.open)
    import asyncio

    # textual-serve asks asyncio for the current event loop; Python 3.14 no longer
    # makes one on demand.
    asyncio.set_event_loop(asyncio.new_event_loop())
    try:
        server.serve()
    except OSError as exc:  # lost the port between the check and the start
        error(f"cannot serve on {host} port {ns.port}: {exc.strerror or exc}")
        return 2
    note("stopped")
    return 0


def _started(url: str, open_browser: bool) -> None:
    """Say where the page is (the one line of a start), and open it when asked."""
    sys.stdout.write(f"mathsym: serving the TUI on {url} (Ctrl+C stops it)\n")
    sys.stdout.flush()
    if open_browser:
        import threading
        import webbrowser

        # A browser can take a while to start (or be a text one that waits): not on
        # the server's thread.
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def _server_class(base: type[Any]) -> type[Any]:
    """Make textual-serve's Server quiet but for the start line: no banner, no access log."""
    import logging

    class MathsymServer(base):  # type: ignore[misc]
        #: Called once the server takes connections (`run_serve` sets it).
        started: Callable[[], None]
        announcer: object = None

        def initialize_logging(self) -> None:
            # Errors only (a session that failed to start), one line each.
            logging.basicConfig(level=logging.WARNING, format="mathsym serve: %(message)s")
            # A session still winding down when the server stops is reaped after the
            # event loop closed: asyncio says so, with nothing for the user to do.
            logging.getLogger("asyncio").addFilter(
                lambda record: "that handles pid" not in str(record.msg)
            )

        async def on_startup(self, app: object) -> None:
            # Called before the server binds its port: the start line (and --open)
            # wait until the port takes connections, so that the URL works when shown.
            import asyncio

            self.announcer = asyncio.get_running_loop().create_task(self.when_listening())

        async def when_listening(self) -> None:
            import asyncio

            probe = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(
                self.host, self.host.strip("[]")
            )
            for _ in range(3000):  # 30 s at most, then said anyway
                try:
                    _reader, writer = await asyncio.open_connection(probe, self.port)
                except OSError:
                    await asyncio.sleep(0.01)
                    continue
                writer.close()
                break
            self.started()

    return MathsymServer
