"""The browser code follows the ecosystem's conventions: Prettier's format, ESLint's recommended
rules (configured in .prettierrc.json and eslint.config.mjs) and TypeScript's checks of its JSDoc
types (tsconfig.json for every file, tsconfig.strict.json in strict mode), pinned in package-lock.json."""

import re
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


def copy_for_probe(tmp_path: Path) -> Path:
    """The files the checks read, in a scratch folder: a probe never writes into the source tree."""
    for name in (".prettierrc.json", "eslint.config.mjs", "tsconfig.json", "tsconfig.strict.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "types", tmp_path / "types")
    shutil.copytree(ROOT / JS, tmp_path / JS)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


def run_in(folder: Path, tool: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / tool), *args], cwd=folder, capture_output=True, text=True)


@pytest.mark.slow  # proves the check can fail; the check itself stays in the quick run
def test_tsc_catches_a_type_error_in_the_browser_code(tmp_path):
    # The check above can fail: a store call with a number for an assessment id is reported, in
    # the loose check of every file and in the strict check of the store.
    copy = copy_for_probe(tmp_path)
    (copy / JS / "zz-tsc-probe.js").write_text("(() => { window.TF_STORE.select(42); })();\n")
    done = run_in(copy, "tsc", "--noEmit", "-p", "tsconfig.json")
    assert done.returncode != 0 and "zz-tsc-probe.js" in done.stdout, done.stdout
    store = copy / JS / "store.js"
    original = store.read_text(encoding="utf-8")
    loosened = original.replace("const byId = (id) =>", "const byId = (/** @type {number} */ id) =>")
    assert loosened != original
    store.write_text(loosened, encoding="utf-8")
    done = run_in(copy, "tsc", "--noEmit", "-p", "tsconfig.strict.json")
    assert done.returncode != 0 and "store.js" in done.stdout, done.stdout


def loose_files(folder: Path) -> set[str]:
    """The browser files under `folder` that tsc's strict config does not check."""
    done = run_in(folder, "tsc", "--listFilesOnly", "-p", "tsconfig.strict.json")
    assert done.returncode == 0, done.stdout + done.stderr
    checked = {Path(line).resolve() for line in done.stdout.splitlines() if line.strip()}
    return {str(f.relative_to(folder)) for f in (folder / JS).glob("**/*.js") if f.resolve() not in checked}


def anys_in_types(folder: Path) -> list[str]:
    """Every `any` the shared types declare (comments aside): it would switch tsc's checks off."""
    hits = []
    for path in sorted((folder / "types").glob("*.d.ts")):
        code = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for n, line in enumerate(code.splitlines(), 1):
            if re.search(r"\bany\b", line.split("//")[0]):
                hits.append(f"{path.name}: {line.strip()}")
    return hits


def test_every_browser_file_is_type_checked_in_strict_mode():
    assert loose_files(ROOT) == set()


def test_the_shared_types_declare_no_any():
    assert anys_in_types(ROOT) == []


@pytest.mark.slow  # proves the checks above can fail
def test_a_file_left_out_of_strict_mode_or_an_any_in_the_types_is_reported(tmp_path):
    copy = copy_for_probe(tmp_path)
    config = copy / "tsconfig.strict.json"
    config.write_text(config.read_text(encoding="utf-8").replace(
        '"include"', f'"exclude": ["{JS}drawer.js"], "include"'), encoding="utf-8")
    assert loose_files(copy) == {JS + "drawer.js"}
    shared = copy / "types" / "core.d.ts"
    shared.write_text(shared.read_text(encoding="utf-8") + "/** a comment's any is fine */\ntype Probe = any;\n")
    assert anys_in_types(copy) == ["core.d.ts: type Probe = any;"]


@pytest.mark.slow  # proves the check can fail; the check itself stays in the quick run
def test_lint_catches_a_badly_formatted_file(tmp_path):
    # The two checks above can fail: a long line and an unused variable are both reported.
    copy = copy_for_probe(tmp_path)
    bad = copy / JS / "zz-lint-probe.js"
    bad.write_text('(() => { const unused = 1; const x = "' + "a" * 120 + '"; return x; })();\n')
    assert run_in(copy, "prettier", "--check", JS).returncode != 0
    done = run_in(copy, "eslint", JS)
    assert done.returncode != 0 and "no-unused-vars" in done.stdout, done.stdout
