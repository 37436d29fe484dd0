"""The browser code follows the ecosystem's conventions: Prettier's format, ESLint's recommended
rules (configured in .prettierrc.json and eslint.config.mjs) and TypeScript's checks of its JSDoc
types (tsconfig.json for every file, tsconfig.strict.json for the store), pinned in package-lock.json."""

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


def test_browser_code_passes_tsc_check_js():
    for config in ("tsconfig.json", "tsconfig.strict.json"):
        done = run("tsc", "--noEmit", "-p", config)
        assert done.returncode == 0, config + "\n" + done.stdout + done.stderr


def test_tsc_catches_a_type_error_in_the_browser_code():
    # The check above can fail: a store call with a number for an assessment id is reported, in
    # the loose check of every file and in the strict check of the store.
    bad = ROOT / JS / "zz-tsc-probe.js"
    bad.write_text("(() => { window.TF_STORE.select(42); })();\n")
    store = ROOT / JS / "store.js"
    original = store.read_text(encoding="utf-8")
    try:
        done = run("tsc", "--noEmit", "-p", "tsconfig.json")
        assert done.returncode != 0 and "zz-tsc-probe.js" in done.stdout, done.stdout
        store.write_text(original.replace("const byId = (id) =>", "const byId = (/** @type {number} */ id) =>"),
                         encoding="utf-8")
        done = run("tsc", "--noEmit", "-p", "tsconfig.strict.json")
        assert done.returncode != 0 and "store.js" in done.stdout, done.stdout
    finally:
        bad.unlink()
        store.write_text(original, encoding="utf-8")


def test_lint_catches_a_badly_formatted_file(tmp_path):
    # The two checks above can fail: a long line and an unused variable are both reported.
    bad = ROOT / JS / "zz-lint-probe.js"
    bad.write_text('(() => { const unused = 1; const x = "' + "a" * 120 + '"; return x; })();\n')
    try:
        assert run("prettier", "--check", str(bad)).returncode != 0
        assert run("eslint", str(bad)).returncode != 0
    finally:
        bad.unlink()
