"""requirements.txt, the hashed lock `scripts/setup` installs, agrees with pyproject.toml.

Edit a range in pyproject.toml without running `scripts/lock`, and these tests say so.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from project import ROOT

PROJECT = "taskforce-roadmap (pyproject.toml)"
REFRESH = "run scripts/lock to refresh requirements.txt"


def declared(pyproject: Path) -> list[Requirement]:
    """What pyproject.toml asks for: the site's packages, the tests', and the build backend."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    lines = [*project["dependencies"], *project["optional-dependencies"]["test"],
             *data["build-system"]["requires"]]
    return [Requirement(line) for line in lines]


def locked(lock: Path) -> dict[str, tuple[Version, int, set[str]]]:
    """name → (pinned version, number of hashes, what the lock says needs it)."""
    pins: dict[str, tuple[Version, int, set[str]]] = {}
    name = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", line):
            name = canonicalize_name(match.group(1))
            pins[name] = (Version(match.group(2)), 0, set())
        elif name and (match := re.match(r"^\s+--hash=sha256:[0-9a-f]{64}", line)):
            version, hashes, needed_by = pins[name]
            pins[name] = (version, hashes + 1, needed_by)
        elif name and (match := re.match(r"^\s+#\s+(?:via\s+)?(\S.*)$", line)):
            if match.group(1) != "via":
                pins[name][2].add(match.group(1).strip())
    return pins


def disagreements(pyproject: Path, lock: Path) -> list[str]:
    wanted = declared(pyproject)
    pins = locked(lock)
    problems = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement} is not in the lock")
        elif not requirement.specifier.contains(pins[name][0], prereleases=True):
            problems.append(f"{requirement} does not allow the locked {name}=={pins[name][0]}")
    direct = {canonicalize_name(r.name) for r in wanted}
    for name, (version, hashes, needed_by) in pins.items():
        if hashes == 0:
            problems.append(f"{name}=={version} has no hash")
        if PROJECT in needed_by and name not in direct:
            problems.append(f"{name} is locked for pyproject.toml, which no longer asks for it")
    return problems


def test_the_lock_pins_every_declared_package_within_its_range():
    assert disagreements(ROOT / "pyproject.toml", ROOT / "requirements.txt") == [], REFRESH


def test_every_locked_package_carries_hashes_and_no_machine_specific_source():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert locked(ROOT / "requirements.txt")
    assert not re.search(r"^\s*--(extra-)?index-url|^\s*--find-links|file://", text, re.M)
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    assert "--require-hashes" in setup and "-r requirements.txt" in setup


def test_the_check_catches_a_range_the_lock_does_not_meet(tmp_path):
    """The agreement check itself can fail: a raised floor, a new package, a dropped one."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    edited = tmp_path / "pyproject.toml"
    edited.write_text(pyproject.replace('"mkdocs>=1.6.1,<2"', '"mkdocs>=1.7,<2"')
                      .replace('"jsonschema>=4.21,<5",', '"jsonschema>=4.21,<5", "mkdocs-minify-plugin>=0.8",')
                      .replace('"hypothesis>=6.100,<7",', ""), encoding="utf-8")
    problems = disagreements(edited, ROOT / "requirements.txt")
    assert any(p.startswith("mkdocs<2,>=1.7 does not allow") for p in problems), problems
    assert "mkdocs-minify-plugin>=0.8 is not in the lock" in problems
    assert "hypothesis is locked for pyproject.toml, which no longer asks for it" in problems
