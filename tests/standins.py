"""Local stand-ins for the Hugging Face Hub (or a mirror) and ModelScope, on 127.0.0.1.

A `StandIn` serves canned answers by path (query string included) from a threaded
``http.server``; an answer of `HANG` never comes (the handler waits until the stand-in stops,
at most `HANG_LIMIT` seconds), which is how a firewalled or dead endpoint behaves.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = "hang"
HANG_LIMIT = 10.0
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def config_answer(config: object, commit: str = COMMIT) -> Answer:
    """A config.json as the Hub (or hf-mirror) serves it: the commit in ``X-Repo-Commit``."""
    return Answer(200, json.dumps(config).encode(), {"X-Repo-Commit": commit})


@dataclass
class StandIn:
    url: str
    routes: dict[str, Answer | str]
    seen: list[tuple[str, dict[str, str]]]  # (path, headers) of every request


@contextmanager
def standin() -> Iterator[StandIn]:
    """A server on 127.0.0.1 on a free port, stopped (and its hanging handlers released) after."""
    routes: dict[str, Answer | str] = {}
    seen: list[tuple[str, dict[str, str]]] = []
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append((self.path, dict(self.headers.items())))
            answer = routes.get(self.path, Answer(404, b"Entry not found"))
            if answer == HANG:
                release.wait(HANG_LIMIT)
                return
            assert isinstance(answer, Answer)
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield StandIn(f"http://127.0.0.1:{server.server_address[1]}", routes, seen)
    finally:
        release.set()
        server.shutdown()
        server.server_close()
