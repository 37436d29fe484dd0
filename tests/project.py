"""Where the project is and how the tests build and serve it: the real MkDocs CLI, strict, and a
static server that answers like a host. Imported by conftest's fixtures and by tests that build
their own copies."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from shared_tab import BETWEEN_TESTS

ROOT = Path(__file__).resolve().parent.parent
RUBRIC = ROOT / "rubric"
SEED = ROOT / "tests" / "seed" / "roadmap-extraction.txt"  # copy of shared/seed/000_5a01b7131608ce4d.txt
OUTPUT = ROOT / "test-output"  # screenshots for people to look at; ignored by git

sys.path.insert(0, str(ROOT / "hooks"))


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None,
                 extra_env: dict[str, str] | None = None,
                 config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """The real CLI, strict, never -q (which hides warnings from --strict in mkdocs 1.6)."""
    env = {**os.environ, **(extra_env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser left mid-response (a navigation), as it may on any host: no traceback

    def do_GET(self):
        if self.path == "/" + BETWEEN_TESTS:  # where a shared tab waits between tests (shared_tab.py)
            self._send_html(200, b"<!doctype html><title>Between tests</title>")
        else:
            super().do_GET()

    def send_error(self, code, message=None, explain=None):
        # Like a static host: serve the site's own 404 page.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            self._send_html(404, page.read_bytes())
        else:
            super().send_error(code, message, explain)

    def _send_html(self, code: int, body: bytes):
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Site:
    url: str  # with trailing slash
    dir: Path
    log: str  # what the strict build printed

    def html(self, path: str) -> str:
        return (self.dir / path / "index.html").read_text(encoding="utf-8")


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")
