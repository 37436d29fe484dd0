"""What the suite's own speed relies on: pytest-xdist's `--dist loadgroup` (scripts/test) must send
the tests of one `xdist_group` to one worker, so an expensive build (the offline edition, another
engine's site) is made once. pytest 9.2 silently stopped that (pyproject.toml pins below it)."""

from __future__ import annotations

import subprocess
import sys

GROUPED = '''
import os, time, pytest

@pytest.mark.xdist_group("build")
@pytest.mark.parametrize("n", range(8))
def test_grouped(n, tmp_path_factory):
    time.sleep(0.1)
    (tmp_path_factory.getbasetemp().parent.parent / f"worker-{n}").write_text(os.environ["PYTEST_XDIST_WORKER"])

@pytest.mark.parametrize("n", range(8))
def test_free(n):
    time.sleep(0.1)
'''


def test_the_tests_of_one_group_run_on_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(GROUPED)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "run").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider",
         "-p", "no:playwright", "-q", "--basetemp", str(tmp_path / "run" / "tmp"), str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
    workers = {(tmp_path / "run" / f"worker-{n}").read_text() for n in range(8)}
    assert len(workers) == 1, f"one group's tests ran on {sorted(workers)}"
