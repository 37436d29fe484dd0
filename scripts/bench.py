"""Benchmark: build time against plain Material, the hook's share, page and asset sizes, browser
timings and the serve rebuild; with --suite, the test suite's full and quick runs. A measurement,
never a pass/fail test: it prints a table, writes bench-output/*.json, reports each figure against
its budget, and rewrites its own sections of PERFORMANCE.md (the others stay as they are)."""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
SEED = ROOT / "tests" / "seed" / "roadmap-extraction.txt"
OUT = ROOT / "bench-output"
sys.path.insert(0, str(ROOT / "tests"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (launched as the tests launch it)
import lighthouse  # noqa: E402  (scripts/lighthouse.py, beside this file)
import performance_md  # noqa: E402  (PERFORMANCE.md, the figures' one home)
import suite_timing  # noqa: E402
import bench_typing  # noqa: E402  (its section: typing with a large saved document)

BUDGETS = {
    "build_ratio": 1.3,
    "largest_element_page_gzip": 20 * 1024,
    "own_js_gzip": 15 * 1024,
    "element_page_js_gzip": 8 * 1024,
    "largest_on_demand_js_gzip": 8 * 1024,
    "share_link_chars": 1999,  # under 2,000 characters
    "checklist_interactive_ms": 50,
    "dashboard_drawn_ms": 50,
    "report_drawn_ms": 50,
    "typing_key_ms": 16,  # one frame at 60 Hz
    "third_party_bytes": 0,
}


# When a page and the site's own scripts it loaded are all in (milliseconds since navigation).
READY_TO_RUN = """() => Math.max(
  performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
  ...performance.getEntriesByType("resource")
    .filter((r) => r.initiatorType === "script" && /\\/assets\\/(js\\/|javascripts\\/tf-)/.test(r.name))
    .map((r) => r.responseEnd))"""


# A full assessment: every indicator ticked, every element's stage chosen and reviewed.
FULL_ASSESSMENT = """() => {
  const R = TF_RUBRIC, els = R.areas.flatMap((a) => a.elements), elements = {};
  els.forEach((e, n) => { elements[e.id] = { stage: n % 6 ? n % 5 + 1 : "na", notes: "", reviewed: e.sig }; });
  return { format: "tf-roadmap-assessment", schema: 1, rubric: R.version, exported: new Date().toISOString(),
    assessment: { id: "first", name: "Our assessment", created: new Date().toISOString(),
      ticked: els.flatMap((e) => e.indicators.map((i) => i.id)).sort(), elements } };
}"""


# The report's worst case: the full assessment above with a target on every element and 50 actions.
FULL_PLAN = """() => {
  const data = (FULL_ASSESSMENT)(), els = TF_RUBRIC.areas.flatMap((a) => a.elements);
  data.schema = 2;
  els.forEach((e, n) => { data.assessment.elements[e.id].target = n % 5 + 1;
    data.assessment.elements[e.id].targetDate = `2027-0${n % 9 + 1}-15`; });
  data.assessment.taskForce = "Bench Task Force";
  data.assessment.actions = Array.from({ length: 50 }, (_, n) => ({
    id: `act-${n}`, element: els[n % els.length].id, text: `Action ${n}: ` + "a planned step ".repeat(n % 7 + 1),
    owner: `Owner ${n % 6}`, due: `2027-${String(n % 12 + 1).padStart(2, "0")}-0${n % 9 + 1}`,
    status: ["not-started", "in-progress", "done", "dropped"][n % 4], indicators: [],
    created: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() }));
  return data;
}""".replace("(FULL_ASSESSMENT)", "(" + FULL_ASSESSMENT + ")")


def timed_build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config,
                    "--site-dir", str(site_dir)], cwd=project, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def baseline_project(pages: int) -> Path:
    """A plain Material site with as many pages, cut from the seed text."""
    project = Path(tempfile.mkdtemp(prefix="bench-baseline-"))
    docs = project / "docs"
    docs.mkdir()
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    per_page = max(1, len(paragraphs) // pages)
    for n in range(pages):
        chunk = paragraphs[n * per_page:(n + 1) * per_page] or paragraphs[:per_page]
        (docs / ("index.md" if n == 0 else f"page-{n:03d}.md")).write_text(
            f"# Page {n}\n\n" + "\n\n".join(chunk) + "\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
        "  font: false\nplugins:\n  - search\nmarkdown_extensions:\n  - admonition\n"
        "  - attr_list\n  - md_in_html\n  - footnotes\n  - toc:\n      permalink: true\n",
        encoding="utf-8")
    return project


def hook_time(runs: int) -> float:
    from taskforce_roadmap import checklist_script, load_roadmap, site_pages
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        roadmap = load_roadmap(ROOT / "rubric")
        site_pages(roadmap)
        checklist_script(roadmap)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def sizes(site: Path) -> dict:
    from taskforce_roadmap import load_roadmap
    from taskforce_roadmap.render import on_demand_scripts
    roadmap = load_roadmap(ROOT / "rubric")
    elements = {e.id: gz(site / e.url / "index.html") for e in roadmap.elements}
    largest = max(elements, key=elements.get)
    pages = {"home": "index.html", "area": f"{roadmap.areas[0].url}index.html",
             "stages": "stages/index.html", "citations": "citations/index.html",
             "resources": "resources/index.html", "dashboard": "self-assessment/index.html"}
    from taskforce_roadmap.checklist import CHECKLIST_CODE, HEAD_SCRIPT_URI, SCRIPT_URI
    from taskforce_roadmap.render import read_config
    own = ROOT / "overrides" / "assets"
    # As shipped (minified), not as written.
    shipped = lambda p: site / p.relative_to(ROOT / "overrides")  # noqa: E731
    js = {p.name: gz(shipped(p)) for p in sorted(own.rglob("*.js")) if "vendor" not in p.parts}
    on_demand = {k: js.pop(k) for k in on_demand_scripts(ROOT / "mkdocs.yml")}
    js["tf-rubric-head.js (generated)"] = gz(site / HEAD_SCRIPT_URI)
    every_page = [Path(p).name for p in read_config(ROOT / "mkdocs.yml")["extra_javascript"]]
    # An element page as a reader gets it: every page's scripts; its element's data is in its
    # HTML, counted with the page. The checklist's code (the store and assessment.js) comes once
    # the browser holds answers or at the reader's first move toward the checklist
    # (assessment-loader.js); the targets and actions editor (actions.js) only where the element
    # has a plan or the reader asks for it. Both are in on_demand, and the checklist has its row.
    element_page = {k: js.get(k, js.get(f"{k} (generated)")) for k in every_page}
    checklist = {Path(k).name: on_demand[Path(k).name] for k in CHECKLIST_CODE}
    whole_rubric = gz(site / SCRIPT_URI)
    css = {p.name: gz(shipped(p)) for p in sorted(own.rglob("*.css"))}
    third_party = 0
    for page in site.rglob("*.html"):
        third_party += len(re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="https?://(?!127\.0\.0\.1)',
                                      page.read_text(encoding="utf-8")))
    return {
        "element_pages_gzip": elements,
        "largest_element_page": largest,
        "largest_element_page_gzip": elements[largest],
        "median_element_page_gzip": int(statistics.median(elements.values())),
        "pages_gzip": {k: gz(site / v) for k, v in pages.items() if (site / v).exists()},
        "own_js_gzip_files": js,
        "own_js_gzip": sum(js.values()),
        "element_page_js_gzip_files": element_page,
        "element_page_js_gzip": sum(element_page.values()),
        "element_page_checklist_js_gzip_files": checklist,
        "element_page_checklist_js_gzip": sum(element_page.values()) + sum(checklist.values()),
        "generated_rubric_js_gzip": whole_rubric,
        "on_demand_js_gzip": on_demand,
        "largest_on_demand_js_gzip": max(on_demand.values()),
        "own_css_gzip": sum(css.values()),
        "third_party_references": third_party,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served_site():
    """The site built for a free port and served there: yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=ROOT, env={**os.environ, "SITE_URL": url}, check=True, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        shutil.rmtree(site, ignore_errors=True)


def typing_only(runs: int) -> dict:
    """--typing: only the typing section, on a site built and served for it."""
    from playwright.sync_api import sync_playwright
    with served_site() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return bench_typing.typing_cost(browser.new_page(), url, runs)
        finally:
            browser.close()


def browser_timings(runs: int) -> dict:
    from playwright.sync_api import sync_playwright
    foreign: list[str] = []
    results: dict[str, list[float]] = {"checklist": [], "dashboard": [], "report": []}
    from_start: dict[str, list[float]] = {"checklist": [], "dashboard": []}
    with served_site() as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("request", lambda r: None if r.url.startswith(url) else foreign.append(r.url))
            for kind, path, mark in (("checklist", "internal-foundations/meetings/", "tf-checklist-ready"),
                                     ("dashboard", "self-assessment/", "tf-dashboard-drawn")):
                if kind == "checklist":
                    # An assessor's browser: with an answer saved, the checklist's code comes at
                    # once (a reader's gets it at the first tick: assessment-loader.js).
                    page.goto(url + path)
                    page.locator(".tf-check").first.check()
                    page.wait_for_function(f"() => performance.getEntriesByName('{mark}').length > 0",
                                           timeout=5000)
                for _ in range(runs):
                    page.goto(url + path)
                    try:
                        page.wait_for_function(f"() => performance.getEntriesByName('{mark}').length > 0",
                                               timeout=5000)
                    except Exception:
                        results[kind].append(float("nan"))
                        continue
                    from_start[kind].append(page.evaluate(
                        f"() => performance.getEntriesByName('{mark}')[0].startTime"))
                    # From the moment the page and its own code are both in: the later of
                    # DOMContentLoaded's end and the last own script's arrival (the checklist's
                    # and the dashboard's code come after the page: assessment-loader.js).
                    results[kind].append(page.evaluate(f"() => performance.getEntriesByName('{mark}')[0]"
                                                       f".startTime - ({READY_TO_RUN})()"))
            page.goto(url + "self-assessment/")
            page.wait_for_function("() => window.TF && TF.core.share", timeout=5000)
            share = page.evaluate(f"""async () => {{
              const data = ({FULL_ASSESSMENT})(), S = TF.core.share;
              const plain = await S.encode(data, false, ""), t0 = performance.now();
              const locked = await S.encode(data, false, "a passphrase"), t1 = performance.now();
              await S.decode(locked, "a passphrase");
              return {{ plain: plain.length, locked: locked.length, encrypt: t1 - t0, decrypt: performance.now() - t1,
                        prefix: TF.core.url(TF_RUBRIC.pages.shared).length + 1 }};
            }}""")
            # The report: its code arrives (plan.js and report.js), then it is drawn from storage.
            # Seeded through the store, the one owner of the saved document, as an import would.
            problems = page.evaluate(f"""() => {{
              const data = ({FULL_PLAN})(), problems = TF.validate(data);
              if (!problems.length) TF.core.store.importExport(data);
              return problems;
            }}""")
            assert problems == [], problems
            for _ in range(runs):
                page.goto(url + "self-assessment/report/")
                page.wait_for_function("() => performance.getEntriesByName('tf-report-drawn').length > 0",
                                       timeout=5000)
                results["report"].append(page.evaluate("""() => {
                  const at = (name) => performance.getEntriesByName(name)[0].startTime;
                  if (!document.querySelector('[data-report-action]')) return NaN;
                  return at('tf-report-drawn') - Math.max(at('tf-code-plan'), at('tf-code-report'));
                }"""))
            page.evaluate("() => localStorage.clear()")
            typing = bench_typing.typing_cost(page, url, runs)
            browser.close()
    med = lambda xs: statistics.median(xs) if xs else float("nan")  # noqa: E731
    return {"checklist_interactive_ms": med(results["checklist"]),
            "dashboard_drawn_ms": med(results["dashboard"]),
            "report_drawn_ms": med(results["report"]),
            "checklist_from_navigation_ms": med(from_start["checklist"]),
            "dashboard_from_navigation_ms": med(from_start["dashboard"]),
            "foreign_requests": foreign,
            # The link as users paste it: the page address on this server plus "#" and the payload.
            "share_link_chars": share["prefix"] + share["plain"],
            "share_link_encrypted_chars": share["prefix"] + share["locked"],
            "share_encrypt_ms": share["encrypt"], "share_decrypt_ms": share["decrypt"], **typing}


def serve_rebuild() -> float:
    """Seconds from saving one rubric file to `mkdocs serve` having rebuilt the site."""
    project = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    for name in ("mkdocs.yml", "CHANGELOG.md"):  # the hook publishes the release notes
        shutil.copy(ROOT / name, project)
    for name in ("hooks", "overrides", "docs", "rubric"):
        shutil.copytree(ROOT / name, project / name)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                             f"127.0.0.1:{port}"], cwd=project, stderr=subprocess.PIPE,
                            text=True)
    try:
        for line in proc.stderr:
            if "Serving on" in line:
                break
        time.sleep(1.0)
        target = project / "rubric" / "internal-foundations" / "meetings.yml"
        start = time.perf_counter()
        target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        for line in proc.stderr:
            if "Documentation built" in line or "Reloading browsers" in line:
                return time.perf_counter() - start
        return float("nan")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(project, ignore_errors=True)


def rows(figures: dict) -> list[tuple[str, str, str]]:
    """(measure, value, budget) for every figure: the console's table and PERFORMANCE.md's."""
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    return [
        ("full build (median)", f"{figures['build_s']:.2f} s", ""),
        ("plain Material, same page count", f"{figures['baseline_build_s']:.2f} s", ""),
        ("ratio", f"{figures['build_ratio']:.2f}×", f"≤ {BUDGETS['build_ratio']}×"),
        ("rubric load + validate + render (the hook's share)", f"{figures['hook_s'] * 1000:.0f} ms",
         f"{figures['hook_share']:.0%} of the build"),
        (f"largest element page ({figures['largest_element_page']})",
         kb(figures["largest_element_page_gzip"]), "≤ 20 KB gz"),
        ("median element page", kb(figures["median_element_page_gzip"]), ""),
        *((f"{k} page", kb(v), "") for k, v in figures["pages_gzip"].items()),
        ("own JS + data on an element page, as a reader gets it (" + ", ".join(
            f"{k} {v / 1024:.1f}" for k, v in figures["element_page_js_gzip_files"].items()) + ")",
         kb(figures["element_page_js_gzip"]), "≤ 8 KB gz"),
        ("the same once the checklist is used or answers are saved (+ " + ", ".join(
            f"{k} {v / 1024:.1f}" for k, v in figures["element_page_checklist_js_gzip_files"].items()) + ")",
         kb(figures["element_page_checklist_js_gzip"]), ""),
        ("own JavaScript on every page (" + ", ".join(
            f"{k.split(' ')[0]} {v / 1024:.1f}" for k, v in figures["own_js_gzip_files"].items()) + ")",
         kb(figures["own_js_gzip"]), "≤ 15 KB gz"),
        *((f"on demand: {k}", kb(v), "≤ 8 KB gz") for k, v in figures["on_demand_js_gzip"].items()),
        ("on demand: the whole rubric (tf-rubric.js, generated)", kb(figures["generated_rubric_js_gzip"]), ""),
        ("own CSS", kb(figures["own_css_gzip"]), ""),
        ("checklist interactive after the page and its code are in (an assessor's browser)",
         f"{figures['checklist_interactive_ms']:.1f} ms", "≤ 50 ms"),
        ("dashboard drawn after the page and its code are in", f"{figures['dashboard_drawn_ms']:.1f} ms", "≤ 50 ms"),
        ("report (23 targets, 50 actions) drawn after its code arrives", f"{figures['report_drawn_ms']:.1f} ms",
         "≤ 50 ms"),
        ("checklist interactive after navigation start (an assessor's browser)",
         f"{figures['checklist_from_navigation_ms']:.0f} ms", ""),
        ("dashboard drawn after navigation start", f"{figures['dashboard_from_navigation_ms']:.0f} ms", ""),
        ("share link, full assessment, no notes", f"{figures['share_link_chars']} chars", "< 2000"),
        ("the same, encrypted", f"{figures['share_link_encrypted_chars']} chars", "< 2000"),
        ("encrypt / decrypt (PBKDF2 600k)", f"{figures['share_encrypt_ms']:.0f} / {figures['share_decrypt_ms']:.0f} ms", ""),
        *bench_typing.rows(figures),
        ("requests to other origins", str(len(figures["foreign_requests"])), "0"),
        ("serve rebuild after a rubric edit", f"{figures['serve_rebuild_s']:.2f} s", ""),
    ]


def build_section(figures: dict) -> str:
    """PERFORMANCE.md's section for this run: the machine, the table, how to read it."""
    short = lambda x: f"{x:.3g}" if isinstance(x, float) else str(x)  # noqa: E731
    missed = [f"{k} ({short(b['measured'])}, budget {b['budget']})"
              for k, b in figures["budgets"].items() if not b["within"]]
    return (performance_md.machine_line(figures["machine"])
            + f"Medians of {figures['runs']} runs; sizes are gzip -9 of the files as shipped (minified).\n\n"
            + performance_md.table(("measure", "value", "budget"), rows(figures))
            + "\n" + BUILD_NOTES
            + (f"\n**Over budget:** {', '.join(missed)}.\n" if missed else "\nEvery figure is within its budget.\n"))


BUILD_NOTES = """\
- *The page and its code are in*: the later of DOMContentLoaded's end and the arrival of the last of
  the site's own scripts. The checklist's and the dashboard's code come after the page
  (`assessment-loader.js`), so time after DOMContentLoaded alone would count their download.
- *An assessor's browser* holds saved answers, so the checklist's code loads at once; a reader's
  browser loads it at the first move toward the checklist.
- *The hook's share*: loading, validating and rendering the rubric, against the whole build; the rest
  is Material rendering the pages and the privacy and CSP passes.
- The plain Material build is the same number of pages cut from the source text, with no hook.
"""


def suite() -> int:
    """--suite: the full and the quick test run, into PERFORMANCE.md's "Test suite" section."""
    runs = {name: suite_timing.run(name) for name in suite_timing.RUNS}
    (OUT / "suite.json").write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    path = performance_md.update({"suite": suite_timing.section(runs)})
    print(f"\nfigures written to {OUT / 'suite.json'} and {path.name}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repetitions per timing (median)")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="skip Lighthouse (scripts/lighthouse.py; about 8 minutes)")
    parser.add_argument("--suite", action="store_true",
                        help="only time the test suite: scripts/test and scripts/test -m 'not slow' "
                             "(the full suite takes 10 minutes or more on 2 cores)")
    parser.add_argument("--typing", action="store_true",
                        help="only measure typing with a 2.5 MB saved document (scripts/bench_typing.py)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.suite:
        return suite()
    if args.typing:
        figures = typing_only(args.runs)
        for name, value, budget in bench_typing.rows(figures):
            print(f"{name}  {value}  {budget}")
        return 0

    figures = {"machine": performance_md.machine()}
    site = Path(tempfile.mkdtemp(prefix="bench-ours-"))
    ours = [timed_build(ROOT, site / f"run{i}") for i in range(args.runs)]
    pages = sum(1 for _ in (site / "run0").rglob("index.html"))
    baseline = baseline_project(pages)
    plain = [timed_build(baseline, baseline / f"site{i}") for i in range(args.runs)]
    figures.update({
        "runs": args.runs,
        "pages": pages,
        "build_s": statistics.median(ours),
        "baseline_build_s": statistics.median(plain),
    })
    figures["build_ratio"] = figures["build_s"] / figures["baseline_build_s"]
    figures["hook_s"] = hook_time(args.runs)
    figures["hook_share"] = figures["hook_s"] / figures["build_s"]
    figures.update(sizes(site / "run0"))
    figures.update(browser_timings(args.runs))
    figures["serve_rebuild_s"] = serve_rebuild()
    # Third-party bytes: nothing referenced in the built HTML and nothing requested in Chromium.
    figures["third_party_bytes"] = 0 if not figures["foreign_requests"] and not figures["third_party_references"] else None
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(baseline, ignore_errors=True)

    figures["budgets"] = {k: {"budget": v, "measured": figures.get(k),
                              "within": (figures.get(k) is not None and figures.get(k) <= v)}
                          for k, v in BUDGETS.items()}
    (OUT / "bench.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

    table = rows(figures)
    width = max(len(r[0]) for r in table)
    print(f"{'measure'.ljust(width)}  {'value':>12}  budget")
    for name, value, budget in table:
        print(f"{name.ljust(width)}  {value:>12}  {budget}")
    path = performance_md.update({"build": build_section(figures)})
    print(f"\nfigures written to {OUT / 'bench.json'} and {path.name}")
    if not args.no_lighthouse:
        print()
        return lighthouse.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
