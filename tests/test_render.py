"""The roadmap without MkDocs hooks: `python -m taskforce_roadmap render`, then a plain
`mkdocs build` of what it wrote, then `python -m taskforce_roadmap secure`, builds the very site
the hook builds, byte for byte."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from project import ROOT, mkdocs_build


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "taskforce_roadmap", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def contents(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


@pytest.mark.slow
def test_render_then_plain_mkdocs_then_secure_builds_the_hooks_site(site, tmp_path):
    rendered = tmp_path / "rendered"
    result = cli("render", str(rendered))
    assert result.returncode == 0, result.stderr
    config = (rendered / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config
    assert (rendered / "docs" / "internal-foundations" / "mission-statement.md").is_file()
    assert (rendered / "docs" / "assets" / "javascripts" / "tf-rubric.js").is_file()
    assert "{{ rubric." not in (rendered / "docs" / "self-assessment.md").read_text(encoding="utf-8")

    plain = tmp_path / "plain"
    built = mkdocs_build(rendered, plain, site_url=site.url)
    assert built.returncode == 0, built.stderr[-3000:]
    assert "Content-Security-Policy" not in (plain / "index.html").read_text(encoding="utf-8")
    result = cli("secure", str(plain))
    assert result.returncode == 0, result.stderr

    ours, theirs = contents(site.dir), contents(plain)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == [], different
    assert len(ours) > 80


def test_secure_twice_changes_nothing(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<!doctype html><html><head><script>go()</script></head><body></body></html>")
    assert cli("secure", str(tmp_path)).returncode == 0
    once = page.read_bytes()
    assert cli("secure", str(tmp_path)).returncode == 0
    assert page.read_bytes() == once and once.count(b"Content-Security-Policy") == 1


def test_secure_refuses_a_page_no_hash_can_allow_and_names_it(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(
        '<html><head></head><body><button onclick="go()">Go</button></body></html>')
    result = cli("secure", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: about/index.html: inline event handler onclick= "
                                     "would be blocked by the CSP")


def test_render_stops_on_a_bad_rubric_with_the_hooks_one_line(tmp_path, rubric_copy):
    project = rubric_copy.parent
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (project / "docs").mkdir()
    mission = rubric_copy / "internal-foundations" / "mission-statement.yml"
    mission.write_text(mission.read_text(encoding="utf-8").replace("cites: [1]", "cites: [99]"))
    result = cli("render", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("error: rubric/internal-foundations/mission-statement.yml:")
    assert result.stderr.strip().endswith("99 is not a citation (1-27)")
    assert len(result.stderr.strip().splitlines()) == 1
