"""`mkdocs serve`, as scripts/serve runs it, rebuilds with the package's code as it is on disk."""

from __future__ import annotations

import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from project import ROOT

pytestmark = pytest.mark.slow
# The end of the first build, and of every rebuild. Not "Documentation built in N seconds": MkDocs
# drops any build message it has logged before (its DuplicateFilter), so a rebuild that takes as
# long as the first build, to the hundredth of a second, says nothing.
BUILT = ("Serving on", "Reloading browsers")
DETECTED = "Detected file changes"
# How long a rebuild may take on a loaded 2-core machine (the first build alone takes ~20 s).
BUILD_WAIT = 240


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_said(log: list[str]) -> str:
    return "mkdocs serve said, last:\n" + "".join(log[-30:])


def next_line(lines: queue.Queue, log: list[str], deadline: float) -> str:
    """The server's next line before the deadline; fails with what it said when there is none."""
    try:
        line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        pytest.fail("no word from mkdocs serve in time; " + server_said(log))
    if line is None:
        pytest.fail("mkdocs serve stopped; " + server_said(log))
    log.append(line)
    if line.startswith("ERROR"):
        pytest.fail(server_said(log))
    return line


def next_build(lines: queue.Queue, log: list[str]) -> None:
    """Waits for MkDocs to say a build finished; fails on an error line or when it stops."""
    deadline = time.monotonic() + BUILD_WAIT
    while True:
        line = next_line(lines, log, deadline)
        if any(mark in line for mark in BUILT):
            return


def save_until_seen(path: Path, text: str, lines: queue.Queue, log: list[str]) -> None:
    """Saves the file, and saves it again until the server says it saw a change.

    The watcher takes its first snapshot in a thread of its own, which may run after "Serving on"
    is printed: on a busy machine an edit made at once can land before that snapshot and never
    count as a change. A person saves again; so does this, every two seconds (the watcher polls
    every half second), each time with a new mtime.
    """
    deadline = time.monotonic() + BUILD_WAIT
    while True:
        path.write_text(text, encoding="utf-8")
        try:
            line = lines.get(timeout=2.0)
        except queue.Empty:
            if time.monotonic() > deadline:
                pytest.fail(f"the edit to {path.name} was never seen; " + server_said(log))
            continue
        if line is None:
            pytest.fail("mkdocs serve stopped; " + server_said(log))
        log.append(line)
        if DETECTED in line:
            return


def settle(lines: queue.Queue, log: list[str]) -> None:
    """Waits until the server is idle: a save seen twice rebuilds twice, and a page read during
    a rebuild may be missing."""
    while True:
        try:
            line = lines.get(timeout=2.0)
        except queue.Empty:
            return
        if line is None:
            pytest.fail("mkdocs serve stopped; " + server_said(log))
        log.append(line)
        if DETECTED in line:
            next_build(lines, log)


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
        assert "stands on all 23 elements" in dashboard()

        # A template-free function of the package: the value behind {{ rubric.elements }}.
        module = project / "hooks" / "taskforce_roadmap" / "placeholders.py"
        edited = module.read_text(encoding="utf-8").replace(
            '"elements": str(len(roadmap.elements)),', '"elements": "twenty-three",')
        assert edited != module.read_text(encoding="utf-8")
        save_until_seen(module, edited, lines, log)
        next_build(lines, log)
        settle(lines, log)
        assert "stands on all twenty-three elements" in dashboard()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_rebuild_that_logs_no_build_time_still_counts_as_built():
    """What CI once saw: the rebuild took 1.07 s like the first build, so MkDocs's duplicate filter
    dropped its "Documentation built in 1.07 seconds" line."""
    lines: queue.Queue = queue.Queue()
    for line in ("INFO    -  Building documentation...\n", "INFO    -  [16:30:14] Reloading browsers\n"):
        lines.put(line)
    log: list[str] = []
    next_build(lines, log)
    assert log[-1].endswith("Reloading browsers\n")
