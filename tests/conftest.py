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
from playwright.sync_api import Browser, BrowserContext, Page

from chromium import CHROMIUM, CHROMIUM_ARGS
from pages import RECORDER
from project import OUTPUT, ROOT, RUBRIC, Site, _QuietHandler, is_local, mkdocs_build
from shared_tab import SharedTab


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


def record_foreign_requests(context: BrowserContext) -> tuple[list[str], object]:
    """A request to anywhere but this machine fails at the browser's proxy
    (`browser_type_launch_args`); this remembers it, for the test to fail at teardown."""
    foreign: list[str] = []

    def note(request):
        if not is_local(request.url):
            foreign.append(request.url)
    context.on("request", note)
    return foreign, note


@pytest.fixture
def context(new_context):
    """A context of the test's own, network recorded: every browser test fails on a foreign request."""
    ctx = new_context()
    ctx.foreign_requests, _ = record_foreign_requests(ctx)
    yield ctx
    assert ctx.foreign_requests == [], f"requests left the site's origin: {ctx.foreign_requests}"


# Tests that must start in a context of their own: they drive it (the `context` fixture: more tabs,
# routes, init scripts) or say so (own_context). Tests that only shape it (browser_context_args)
# share a tab with the tests that shape it the same way.
OWN_CONTEXT_FIXTURES = {"context", "new_context"}


def needs_own_context(request) -> bool:
    return bool(OWN_CONTEXT_FIXTURES & set(request.fixturenames)) or bool(
        request.node.get_closest_marker("own_context"))


@pytest.fixture(scope="session")
def shared_tabs(browser: Browser, browser_context_args, site):
    """One tab per worker and per shape of context, lent to every test that only asks for `page`."""
    tabs: dict[str, SharedTab] = {}

    def tab_for(shape: dict) -> SharedTab:
        key = repr(sorted(shape.items()))
        if key not in tabs:
            tabs[key] = SharedTab(browser, {**browser_context_args, **shape}, site.url,
                                  prepare=lambda ctx: ctx.add_init_script(RECORDER))
        return tabs[key]
    yield tab_for
    for tab in tabs.values():
        tab.close()


@pytest.fixture
def page(request) -> Page:
    """The test's tab: a shared tab, reset (shared_tab.py), unless the test needs a context of its own."""
    if needs_own_context(request):
        yield request.getfixturevalue("context").new_page()
        return
    shape = request.node.get_closest_marker("browser_context_args")
    tab: SharedTab = request.getfixturevalue("shared_tabs")(shape.kwargs if shape else {})
    lent = tab.lend()
    foreign, note = record_foreign_requests(lent.context)
    try:
        yield lent
    finally:
        lent.context.remove_listener("request", note)
        tab.give_back()
    assert foreign == [], f"requests left the site's origin: {foreign}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# Modules opt in to `watch` with pytest.mark.usefixtures("watch").
@pytest.fixture
def watch(request):
    """Fails the test on a CSP violation or an uncaught error in any of its pages."""
    errors: list[str] = []

    def listen(p: Page):
        p.on("pageerror", lambda e: errors.append(f"{p.url}: {e}"))
    if needs_own_context(request):
        context: BrowserContext = request.getfixturevalue("context")
        context.add_init_script(RECORDER)
        context.on("page", listen)
        pages = lambda: context.pages  # noqa: E731
    else:  # the shared tab's context records CSP violations from the start (`shared_tab`)
        tab: Page = request.getfixturevalue("page")
        listen(tab)
        pages = lambda: [tab]  # noqa: E731
    yield
    for p in pages():
        if not p.is_closed():
            try:
                errors += p.evaluate("() => window.__problems || []")
            except Exception:  # a page mid-navigation at teardown has nothing to report
                pass
    assert errors == []
