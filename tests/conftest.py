"""Shared fixtures: one strict build of the real site, a local server for it, and a Playwright
setup that drives Debian's Chromium and records (and blocks) every request leaving the machine."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from chromium import CHROMIUM, CHROMIUM_ARGS

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

    def send_error(self, code, message=None, explain=None):
        # Like a static host: serve the site's own 404 page.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class Site:
    url: str  # with trailing slash
    dir: Path
    log: str  # what the strict build printed

    def html(self, path: str) -> str:
        return (self.dir / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The whole site built strictly, and served on a port bound *before* the build: instant
    navigation only intercepts links under site_url, so the build must know the real port."""
    site_dir = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(site_dir)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = mkdocs_build(ROOT, site_dir, site_url=url)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-3000:]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(url=url, dir=site_dir, log=result.stderr)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def offline(tmp_path_factory) -> Path:
    """The offline edition, built once per run as scripts/offline builds it (without the zip)."""
    target = tmp_path_factory.mktemp("offline") / "task-force-roadmap"
    result = mkdocs_build(ROOT, target, config="mkdocs.offline.yml")
    if result.returncode != 0:
        pytest.fail(f"the offline edition's build failed:\n{result.stderr[-3000:]}")
    return target


@pytest.fixture(scope="session")
def roadmap():
    from taskforce_roadmap import load_roadmap
    return load_roadmap(RUBRIC)


@pytest.fixture
def rubric_copy(tmp_path) -> Path:
    """A writable copy of the real rubric, for tests that break it."""
    target = tmp_path / "rubric"
    shutil.copytree(RUBRIC, target)
    return target


# --- Playwright, driving Debian's Chromium -------------------------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.url


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def context(new_context):
    """Every browser test runs with the network recorded: a request to anywhere but this machine
    is aborted, remembered, and fails the test at teardown."""
    ctx = new_context()
    foreign: list[str] = []
    ctx.on("request", lambda request: None if is_local(request.url) else foreign.append(request.url))
    ctx.route("**/*", lambda route: route.continue_() if is_local(route.request.url)
              else route.abort("blockedbyclient"))
    ctx.foreign_requests = foreign
    yield ctx
    assert foreign == [], f"requests left the site's origin: {foreign}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# --- Helpers the self-assessment's browser tests share ------------------------------------------
# Modules opt in to `watch` with pytest.mark.usefixtures("watch").

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MISSION = "internal-foundations/mission-statement/"  # stages hold 2, 2, 3, 2, 3 indicators
MEDIA = "public-engagement/media/"  # 3, 1, 2, 2, 3
DASHBOARD = "self-assessment/"
DATA = "self-assessment/data/"  # the dashboard's tools: export, import, share, snapshots, storage
RECORDER = """
window.__problems = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def watch(context: BrowserContext):
    """Fails the test on a CSP violation or an uncaught error in any of its pages."""
    errors: list[str] = []
    context.add_init_script(RECORDER)
    context.on("page", lambda p: p.on("pageerror", lambda e: errors.append(f"{p.url}: {e}")))
    yield
    for p in context.pages:
        if not p.is_closed():
            try:
                errors += p.evaluate("() => window.__problems || []")
            except Exception:  # a page mid-navigation at teardown has nothing to report
                pass
    assert errors == []


def box(page: Page, indicator: str):
    return page.locator(f"#tf-check-{indicator}")


TICKED = re.compile(r"\btf-ticked\b")


def tick(box: Locator):
    """Ticks an indicator's box and waits until the checklist has it: on a page opened without
    `open_element` the checklist's code arrives with the first tick, and a tick made before it
    arrives is saved when it does."""
    box.check()
    expect(box.locator("xpath=..")).to_have_class(TICKED)


def open_element(page: Page, path: str):
    """An element page with its checklist drawn. Where nothing is saved yet the checklist's code
    comes with the reader's first move toward it (assessment-loader.js): here, scrolling to "Your
    self-assessment" and back to where the page opened."""
    page.goto(path)
    opened_at = page.evaluate("() => scrollY")
    page.locator(".tf-assessment").evaluate("(mount) => mount.scrollIntoView()")
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    page.evaluate("(y) => scrollTo(0, y)", opened_at)


def open_plan(page: Page):
    """The target and actions editor under an element's checklist, loaded on demand: opened by the
    reader's button unless the element's plan already brought it."""
    plan = page.locator(".tf-a-plan")
    expect(plan).to_have_attribute("data-plan", re.compile("^(closed|loading|open)$"))
    if plan.get_attribute("data-plan") == "closed":
        page.get_by_role("button", name=re.compile("^Set a target and plan actions")).click()
    expect(plan).to_have_attribute("data-plan", "open")
    expect(page.get_by_label("Target stage", exact=True)).to_be_visible()


def assess_something(page: Page):
    """One tick saved: the dashboard then shows its overview, not the first visit's start guide.
    (Tests that toggle "mission-clearly-written" in another tab keep this one.)"""
    open_element(page, MISSION)
    box(page, "mission-periodic-review").check()


# On a first visit the dashboard's code waits for its tools, below the start guide, to come near
# (on a phone they are a screen down): brought into view as a reader scrolling to them would.
TOOLS_NEAR = "() => { const tools = document.querySelector('[data-tf-tools]'); " \
    "if (tools) tools.scrollIntoView({ block: 'nearest' }); }"


def open_dashboard(page: Page):
    """The dashboard, drawn: the summary once something is assessed, else the start guide; the
    links to the other tools under both."""
    page.goto(DASHBOARD)
    page.evaluate(TOOLS_NEAR)
    expect(page.locator("#tf-tools")).to_be_visible()


def open_data(page: Page):
    """Your assessment's data: export and import, share, snapshots, compare, this browser's copy."""
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()


def exported(page: Page) -> dict:
    """The current assessment in the export format, minus the moment of export."""
    data = page.evaluate("() => TF.exportData()")
    del data["exported"]
    return data


def option(name: str) -> re.Pattern:
    """A picker's option: the assessment's name, then " · " and the day it was created."""
    return re.compile("^" + re.escape(name) + " · ")


def options(names: list[str]) -> list[re.Pattern]:
    return [option(n) for n in names]


def choose(select: Locator, name: str):
    """Picks the assessment named `name` in a picker (its options also show a date)."""
    select.select_option(select.locator("option").filter(has_text=option(name)).get_attribute("value"))


def dialog_ok(page: Page, button: str, name: str | None = None):
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_be_visible()
    if name is not None:
        dialog.get_by_role("textbox", name="Name").fill(name)
    dialog.get_by_role("button", name=button, exact=True).click()
    expect(dialog).to_have_count(0)


HOLD = """
window.__held = 0;
window.addEventListener('storage', (e) => {  // registered before the page's own listener
  if (window.__hold) { e.stopImmediatePropagation(); window.__held++; }
});
"""


# Storage that is full whenever the page sets window.__full: the site's writes throw as Chromium's do.
FULL_WHEN_ASKED = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__full && k.startsWith('tf-roadmap/')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, k, v);
  };
})()"""


def download(page: Page, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes().decode("utf-8")


def axe(page: Page) -> list:
    # Colours are measured as rendered: the pointer rests in the empty margin (Material's hover
    # colour is its accent), and transitions (Material fades its header) finish first.
    page.mouse.move(0, 400)
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2, 2.5.8: 24 px or spaced apart) ships switched off in axe-core.
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations'],"
                           " rules: {'target-size': {enabled: true}}})")
    return [(v["id"], v["impact"], [(n["target"], n["failureSummary"][-160:]) for n in v["nodes"]][:3])
            for v in result["violations"]]


def dark(page: Page):
    """Material's palette toggle, switched without hovering it (a hover opens its tooltip)."""
    page.locator("input#__palette_1").evaluate("(e) => e.click()")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


# Words a line breaks inside (a break at a space, hyphen or slash is not one), in visible text.
# Web addresses are left out: they may break anywhere rather than widen the page.
BROKEN_WORDS = r"""() => {
  const found = [], range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (parent.getBoundingClientRect().width < 2) continue; // text kept for screen readers only
    for (const token of node.data.matchAll(/\S+/g)) {
      if (/:\/\/|^www\.|@|\.(org|com|gov|edu|net)\b/i.test(token[0])) continue;
      for (const word of token[0].matchAll(/[\p{L}\p{N}'’]{2,}/gu)) {
        const start = token.index + word.index;
        range.setStart(node, start);
        range.setEnd(node, start + word[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1)
          found.push(`${word[0]} (in #${(parent.closest("[id]") || {}).id})`);
      }
    }
  }
  return found;
}"""
# Anything wider than its box that can scroll sideways: the page itself, or a scrolling region.
SIDEWAYS = """() => [document.documentElement, ...document.querySelectorAll('.md-content *')]
  .filter((e) => e.scrollWidth > e.clientWidth + 1 && (e === document.documentElement ||
    ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)))
  .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)"""


def reading_problems(page: Page) -> list[str]:
    """Words broken mid-word and anything that scrolls sideways on the page as shown."""
    return page.evaluate(BROKEN_WORDS) + page.evaluate(SIDEWAYS)
