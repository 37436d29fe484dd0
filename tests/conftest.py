"""Shared fixtures: one strict build of the real site, a local server for it, and a Playwright
setup that drives Debian's Chromium and records (and blocks) every request leaving the machine.
Helpers live in project.py (paths, builds, serving) and pages.py (what a reader does)."""

from __future__ import annotations

import functools
import shutil
import socket
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from chromium import CHROMIUM, CHROMIUM_ARGS
from pages import RECORDER
from project import OUTPUT, ROOT, RUBRIC, Site, _QuietHandler, is_local, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The whole site built strictly, and served on a port bound *before* the build: instant
    navigation only intercepts links under site_url, so the build must know the real port."""
    site_dir = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(site_dir)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = mkdocs_build(ROOT, site_dir, site_url=url)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-3000:]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(url=url, dir=site_dir, log=result.stderr)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def offline(tmp_path_factory) -> Path:
    """The offline edition, built once per run as scripts/offline builds it (without the zip)."""
    target = tmp_path_factory.mktemp("offline") / "task-force-roadmap"
    result = mkdocs_build(ROOT, target, config="mkdocs.offline.yml")
    if result.returncode != 0:
        pytest.fail(f"the offline edition's build failed:\n{result.stderr[-3000:]}")
    return target


@pytest.fixture(scope="session")
def roadmap():
    from taskforce_roadmap import load_roadmap
    return load_roadmap(RUBRIC)


@pytest.fixture
def rubric_copy(tmp_path) -> Path:
    """A writable copy of the real rubric, for tests that break it."""
    target = tmp_path / "rubric"
    shutil.copytree(RUBRIC, target)
    return target


# --- Playwright, driving Debian's Chromium -------------------------------------------------------

@pytest.fixture(scope="session")
def nowhere():
    """A local port bound but never listening: a proxy there refuses every connection at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, nowhere):
    # Every request for another host goes to that proxy and fails there, so nothing leaves the
    # machine. Chromium never proxies loopback, so the site itself is reached directly (Playwright's
    # own `proxy` option would proxy loopback too, hence the flag). A route on "**/*" did this per
    # context, but held every request of every page for a round trip to Python and turned off the
    # HTTP cache: about a third of a page load's CPU time.
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": [*CHROMIUM_ARGS, f"--proxy-server={nowhere}"]}


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.url


@pytest.fixture
def context(new_context):
    """Every browser test runs with the network recorded: a request to anywhere but this machine
    fails at the browser's proxy (`browser_type_launch_args`), is remembered, and fails the test at
    teardown."""
    ctx = new_context()
    foreign: list[str] = []
    ctx.on("request", lambda request: None if is_local(request.url) else foreign.append(request.url))
    ctx.foreign_requests = foreign
    yield ctx
    assert foreign == [], f"requests left the site's origin: {foreign}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# Modules opt in to `watch` with pytest.mark.usefixtures("watch").
@pytest.fixture
def watch(context: BrowserContext):
    """Fails the test on a CSP violation or an uncaught error in any of its pages."""
    errors: list[str] = []
    context.add_init_script(RECORDER)
    context.on("page", lambda p: p.on("pageerror", lambda e: errors.append(f"{p.url}: {e}")))
    yield
    for p in context.pages:
        if not p.is_closed():
            try:
                errors += p.evaluate("() => window.__problems || []")
            except Exception:  # a page mid-navigation at teardown has nothing to report
                pass
    assert errors == []
