"""The built site, once per test session, a loopback server for it, and a browser to visit it.

The site is built with ``mkdocs build --strict`` into ``$LLMSIZE_SITE_DIR`` (CI reuses that folder
for the link check) or a temporary folder. It is served on 127.0.0.1 under the path of
``site_url`` (``/llmsize/``), because the language switcher on the home pages links by absolute
path; the server records every file it sends and how many bytes (`Served`), so a test can say
what crossed the network. The ``browser`` and ``page`` fixtures drive Debian's Chromium headless
through Playwright (test_browser.py, test_calculator.py); ``pw`` is Playwright itself, for a test
that needs a browser profile of its own. Without Chromium those tests are skipped, unless
``LLMSIZE_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "llmsize"  # the path of site_url in mkdocs.yml


@dataclass(frozen=True)
class Build:
    """A finished build: where it went, how it ended, how long it took."""

    directory: Path
    returncode: int
    output: str
    seconds: float


def _build(directory: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LLMSIZE_BUILD_ZH": "true"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    print(f"\nsite build: {seconds:.1f} s -> {directory}")
    return Build(directory, done.returncode, done.stdout + done.stderr, seconds)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Build the whole bilingual site strictly, once per test run.

    Under pytest-xdist every worker asks for it: the first builds, under a file lock, and records
    the result with the run's id; the others wait for the lock and read that record.
    """
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    target = os.environ.get("LLMSIZE_SITE_DIR")
    if run is None:  # one process: build where asked, or in a fresh folder
        return _build(Path(target) if target else Path(tempfile.mkdtemp(prefix="llmsize-site-")))
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker
    directory = Path(target) if target else shared / "site"
    record = shared / "site-build.json"
    with FileLock(str(shared / "site-build.lock")):
        if record.is_file() and json.loads(record.read_text())["run"] == run:
            done = json.loads(record.read_text())
            return Build(directory, done["returncode"], done["output"], done["seconds"])
        built = _build(directory)
        data = {"run": run, "returncode": built.returncode, "output": built.output}
        record.write_text(json.dumps({**data, "seconds": built.seconds}))
        return built


@pytest.fixture(scope="session")
def site(site_build: Build) -> Path:
    """The built site's folder (the tests that need it fail if the build failed)."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.output[-3000:]}")
    return site_build.directory


@dataclass
class Served:
    """What the test server has sent: ``(path, body bytes)`` per response, in order."""

    log: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark(self) -> int:
        """A position in the log, to ask later what was sent since."""
        with self.lock:
            return len(self.log)

    def since(self, start: int) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.log[start:])


class _Handler(SimpleHTTPRequestHandler):
    """A plain static server (no cache headers, as GitHub Pages' are not relied on) that counts
    the body bytes it sends."""

    served: Served

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        with self.served.lock:
            self.served.log.append((self.path, len(data)))


@pytest.fixture(scope="session")
def served() -> Served:
    """Every file the test server sends during the session."""
    return Served()


@pytest.fixture(scope="session")
def base_url(site: Path, served: Served) -> Iterator[str]:
    """``http://127.0.0.1:PORT/llmsize/`` serving the built site."""
    root = Path(tempfile.mkdtemp(prefix="llmsize-serve-"))
    (root / PREFIX).symlink_to(site, target_is_directory=True)
    handler = type("Handler", (_Handler,), {"served": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{PREFIX}/"
    finally:
        server.shutdown()
        server.server_close()


# --- a browser -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# A browser with a profile of its own (launch_persistent_context) cannot be held back by
# routing (routing turns Chromium's HTTP cache off): no host but 127.0.0.1 resolves at all.
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


@pytest.fixture(scope="session")
def pw() -> Iterator[Any]:
    """Playwright, started once (``pw.chromium.launch...`` with `CHROMIUM` and `FLAGS`)."""
    if CHROMIUM is None:
        if os.environ.get("LLMSIZE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (LLMSIZE_REQUIRE_BROWSER=1) but was not found")
        pytest.skip("Chromium not installed (apt-get install chromium fonts-wqy-microhei)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(pw: Any) -> Iterator[Any]:
    # Playwright gives the browser a fresh temporary profile of its own.
    b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
    try:
        yield b
    finally:
        b.close()


@dataclass
class Visit:
    """What one page load did: console errors, page errors, and every request's URL."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Visit]]:
    # An English-speaking reader (a Chinese one is offered the Chinese page: test_lang_hint.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    tab = context.new_page()
    visit = Visit()
    tab.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    # Name what failed to load (the console message alone does not say).
    tab.on(
        "response",
        lambda r: (
            visit.console_errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None
        ),
    )

    def route(r: Any) -> None:
        visit.requests.append(r.request.url)
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:  # never let a request out; it is recorded and the test fails on it
            r.abort()

    tab.route("**/*", route)
    try:
        yield tab, visit
    finally:
        context.close()


def third_party(visit: Visit) -> list[str]:
    """Requests of ``visit`` that went (or tried to go) anywhere but 127.0.0.1."""
    return [
        u
        for u in visit.requests
        if not u.startswith(("data:", "blob:")) and urlparse(u).hostname != "127.0.0.1"
    ]
