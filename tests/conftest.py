"""Shared fixtures: one strict build of the real site, a local server for it, and a Playwright
setup that drives Debian's Chromium and records (and blocks) every request leaving the machine."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUBRIC = ROOT / "rubric"
SEED = ROOT / "tests" / "seed" / "roadmap-extraction.txt"  # copy of shared/seed/000_5a01b7131608ce4d.txt
CHROMIUM = "/usr/bin/chromium"
OUTPUT = ROOT / "test-output"  # screenshots for people to look at; ignored by git

sys.path.insert(0, str(ROOT / "hooks"))


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None,
                 extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real CLI, strict, never -q (which hides warnings from --strict in mkdocs 1.6)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass

    def send_error(self, code, message=None, explain=None):
        # Like a static host: serve the site's own 404 page.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class Site:
    url: str  # with trailing slash
    dir: Path
    log: str  # what the strict build printed

    def html(self, path: str) -> str:
        return (self.dir / path / "index.html").read_text(encoding="utf-8")


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

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    # Chromium resolves Google hosts on its own; page request events cannot see that traffic.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.url


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def context(new_context):
    """Every browser test runs with the network recorded: a request to anywhere but this machine
    is aborted, remembered, and fails the test at teardown."""
    ctx = new_context()
    foreign: list[str] = []
    ctx.on("request", lambda request: None if is_local(request.url) else foreign.append(request.url))
    ctx.route("**/*", lambda route: route.continue_() if is_local(route.request.url)
              else route.abort("blockedbyclient"))
    ctx.foreign_requests = foreign
    yield ctx
    assert foreign == [], f"requests left the site's origin: {foreign}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
