"""`mkdocs serve`, as scripts/serve runs it, rebuilds with the package's code as it is on disk."""

from __future__ import annotations

import queue
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
BUILT = ("Documentation built", "Serving on")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def next_build(lines: queue.Queue, log: list[str], timeout: float = 240) -> None:
    """Waits for MkDocs to say a build finished; fails on an error line or when it stops."""
    while True:
        line = lines.get(timeout=timeout)
        if line is None:
            pytest.fail("mkdocs serve stopped:\n" + "".join(log[-30:]))
        log.append(line)
        if line.startswith("ERROR"):
            pytest.fail("".join(log[-30:]))
        if any(mark in line for mark in BUILT):
            return


def test_an_edit_to_the_package_shows_in_the_next_rebuild(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "CHANGELOG.md"):  # the hook publishes the release notes
        shutil.copy(ROOT / name, project)
    for name in ("hooks", "docs", "rubric", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: ([lines.put(l) for l in server.stderr], lines.put(None)),
                     daemon=True).start()
    log: list[str] = []

    def dashboard() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/self-assessment/", timeout=30) as r:
            return r.read().decode("utf-8")

    try:
        while not any("Serving on" in line for line in log):
            next_build(lines, log)
        assert "brings the 23 elements together" in dashboard()

        # A template-free function of the package: the value behind {{ rubric.elements }}.
        module = project / "hooks" / "taskforce_roadmap" / "placeholders.py"
        module.write_text(module.read_text(encoding="utf-8").replace(
            '"elements": str(len(roadmap.elements)),', '"elements": "twenty-three",'),
            encoding="utf-8")
        next_build(lines, log)
        assert "brings the twenty-three elements together" in dashboard()
    finally:
        server.terminate()
        server.wait(timeout=30)
