"""The site under the two engines that could replace MkDocs 1.x (README "Other engines"):

- ProperDocs, which continues MkDocs 1.x: a drop-in, hooks and all. It must build the site the
  hook builds under MkDocs.
- Zensical, Material's successor, which reads mkdocs.yml but ignores `hooks:`: render, then
  `zensical build`, then secure. What works there today is tested so a regression shows.

Each engine lives in its own cached venv outside the project (never in the lock), installed from
PyPI on first use; without PyPI these tests are skipped and say why.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import sysconfig
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import RECORDER, tick
from project import ROOT, _QuietHandler
from test_render import cli, contents

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("engines")]  # one worker builds each engine's site
ENGINES = {"properdocs": "properdocs==1.6.7", "zensical": "zensical==0.0.73"}
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "taskforce-roadmap"


def engine(name: str) -> Path:
    """The engine's command, from a venv cached across runs and clones."""
    spec = ENGINES[name]
    venv = CACHE / spec.replace("==", "-")
    command = venv / "bin" / name
    if not command.exists():
        steps = [[sys.executable, "-m", "venv", str(venv)],
                 [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", spec]]
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True, timeout=600)
            if result.returncode != 0:
                lines = (result.stderr or result.stdout).strip().splitlines() or ["(no output)"]
                pytest.skip(f"{spec} could not be installed from PyPI (no network?): {lines[-1]}")
    if name == "properdocs":
        # Material, the extensions and this project's package, from the project's venv:
        # ProperDocs stands in for MkDocs itself and for nothing else.
        site_packages = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
        (site_packages / "taskforce-roadmap-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return command


class Served:
    def __init__(self, directory: Path):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0),
                                          functools.partial(_QuietHandler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.directory = directory

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# --- ProperDocs: a drop-in --------------------------------------------------------------------

def test_properdocs_builds_the_same_site_as_mkdocs(site, tmp_path):
    properdocs = engine("properdocs")
    built = tmp_path / "site"
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(built)],
                            cwd=ROOT, env={**os.environ, "SITE_URL": site.url}, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    ours, theirs = contents(site.dir), contents(built)
    assert sorted(ours) == sorted(theirs)
    # Each page names its generator ("mkdocs-1.6.1" / "mkdocs-ProperDocs 1.6.7"); all else is equal.
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    assert [name for name in ours
            if generator.sub(b"", ours[name]) != generator.sub(b"", theirs[name])] == []
    assert b"ProperDocs" in theirs["index.html"]


# --- Zensical: render, build, secure ----------------------------------------------------------

def zensical_build(rendered: Path, site_config: str, site_url: str) -> Path:
    """render → zensical build → secure; returns the built site."""
    command = engine("zensical")
    assert cli("render", "-f", site_config, str(rendered)).returncode == 0
    config = rendered / "mkdocs.yml"
    # Zensical's own bundle names scripts on unpkg.com (pyodide, ace, glightbox) that it loads only
    # for features this site does not use; its privacy plugin warns, and strict would stop there.
    config.write_text(config.read_text(encoding="utf-8").replace("\nstrict: true\n", "\nstrict: false\n"))
    result = subprocess.run([str(command), "build", "-f", str(config)], cwd=rendered,
                            env={**os.environ, "SITE_URL": site_url}, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    secured = cli("secure", "-f", str(config), str(rendered / "site"))
    assert secured.returncode == 0, secured.stderr
    return rendered / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    rendered = tmp_path_factory.mktemp("zensical") / "rendered"
    served = Served(rendered / "site")
    zensical_build(rendered, "mkdocs.yml", served.url)
    served.start()
    yield served
    served.stop()


@pytest.fixture(scope="module")
def zensical_offline(tmp_path_factory) -> Path:
    rendered = tmp_path_factory.mktemp("zensical-offline") / "rendered"
    return zensical_build(rendered, "mkdocs.offline.yml", "http://127.0.0.1:8000/")


# Zensical's bundle inserts a <style> element at run time, which the site's policy (style-src
# 'self') blocks; nothing visible depends on it in the tests below. Any other violation fails.
KNOWN_ZENSICAL_VIOLATIONS = {"CSP style-src-elem inline"}


@pytest.fixture
def watched(context):
    """A page that fails the test on a new CSP violation or an uncaught error."""
    errors: list[str] = []
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    errors += page.evaluate("() => window.__problems || []")
    assert set(errors) <= KNOWN_ZENSICAL_VIOLATIONS, errors


def test_zensical_pages_navigation_and_csp(zensical_site, watched: Page, roadmap):
    page = watched
    # Below 1700 px an element page's navigation is a drawer; at 1920 px the sidebar is in view.
    page.set_viewport_size({"width": 1920, "height": 1000})
    element = roadmap.elements[0]
    page.goto(zensical_site.url + element.url)
    expect(page.locator("h1")).to_contain_text(element.title)
    expect(page.locator("article [id^='stage-']")).to_have_count(5)
    expect(page.locator("li[data-indicator]")).to_have_count(len(element.indicators))
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    following = roadmap.elements[1]
    page.locator(f"nav.md-nav--primary a[href$='{following.id}/']").first.click()
    expect(page).to_have_url(zensical_site.url + following.url)
    expect(page.locator("h1")).to_contain_text(following.title)


def test_zensical_checklist_and_dashboard(zensical_site, watched: Page):
    page = watched
    page.goto(zensical_site.url + "internal-foundations/meetings/")
    box = page.locator("#tf-check-meetings-notes-taken")
    tick(box)
    page.reload()
    expect(box).to_be_checked()
    page.goto(zensical_site.url + "self-assessment/")
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("tr[data-element='meetings']")).not_to_have_attribute("data-stage", "")


@pytest.mark.xfail(strict=True, reason="zensical 0.0.73: search stays at 'Initializing search' "
                   "(search.json and its worker load, no result ever shows); README 'Other engines'")
def test_zensical_search_finds_an_indicator(zensical_site, watched: Page):
    page = watched
    page.goto(zensical_site.url)
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("material witness bonds")
    result = page.locator(".md-search-result__list a[href*='prosecutions']").first
    expect(result).to_be_attached(timeout=10000)


def test_zensical_offline_edition_checklist_and_dashboard_from_a_folder(zensical_offline, watched: Page):
    page = watched
    page.goto((zensical_offline / "internal-foundations" / "meetings.html").as_uri())
    box = page.locator("#tf-check-meetings-notes-taken")
    tick(box)
    page.reload()
    expect(box).to_be_checked()
    page.goto((zensical_offline / "self-assessment.html").as_uri())
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("tr[data-element='meetings']")).not_to_have_attribute("data-stage", "")
