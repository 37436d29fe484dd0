"""The browser code follows the ecosystem's conventions: Prettier's format and ESLint's recommended
rules (configured in .prettierrc.json and eslint.config.mjs), pinned in package-lock.json."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "node_modules" / ".bin"
JS = "overrides/assets/js/"


def run(tool: str, *args: str) -> subprocess.CompletedProcess:
    exe = BIN / tool
    if not exe.exists() or shutil.which("node") is None:
        pytest.fail(f"{exe} is missing: run scripts/setup --test")
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True)


def test_browser_code_is_formatted_by_prettier():
    done = run("prettier", "--check", JS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_browser_code_passes_eslint_recommended():
    done = run("eslint", "--max-warnings=0", JS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_lint_catches_a_badly_formatted_file(tmp_path):
    # The two checks above can fail: a long line and an unused variable are both reported.
    bad = ROOT / JS / "zz-lint-probe.js"
    bad.write_text('(() => { const unused = 1; const x = "' + "a" * 120 + '"; return x; })();\n')
    try:
        assert run("prettier", "--check", str(bad)).returncode != 0
        assert run("eslint", str(bad)).returncode != 0
    finally:
        bad.unlink()
