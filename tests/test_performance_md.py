"""PERFORMANCE.md's writer (scripts/performance_md.py) and the suite timing's reading of pytest:
a partial bench run rewrites only its own section, and every count comes from pytest's summary.
Pure Python: no build, no browser."""

from __future__ import annotations

import sys

import pytest

from project import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import performance_md  # noqa: E402
import suite_timing  # noqa: E402

MACHINE = {"date": "2026-12-07", "cores": 2, "cpu": "Test CPU", "system": "Linux x86_64, Python 3.11.2",
           "load": [1.5, 0.75, 0.25]}


def test_a_new_file_names_the_run_that_fills_each_section():
    text = performance_md.merge(None, {})
    assert text.startswith("# Performance\n")
    for key, (heading, command) in performance_md.SECTIONS.items():
        assert f"## {heading}\n\nNot yet measured: run `{command}`." in text


def test_a_partial_run_rewrites_only_its_own_section():
    full = performance_md.merge(None, {"build": "Build figures.\n",
                                       "lighthouse": "| page | 97 |\n",
                                       "suite": "Old suite figures.\n"})
    after = performance_md.merge(full, {"suite": "New suite figures.\n"})
    assert "New suite figures." in after and "Old suite figures." not in after
    before, now = performance_md.parse(full), performance_md.parse(after)
    assert now["build"] == before["build"] == "Build figures.\n"
    assert now["lighthouse"] == before["lighthouse"] == "| page | 97 |\n"
    # Sections keep the file's order whatever order a run hands them in.
    assert after.index("## Build") < after.index("## Lighthouse") < after.index("## Test suite")
    assert performance_md.merge(after, {}) == after


def test_a_hand_edit_outside_the_sections_does_not_survive_but_the_sections_do(tmp_path):
    path = tmp_path / "PERFORMANCE.md"
    performance_md.update({"build": "Figures.\n"}, path)
    path.write_text("A stray line.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    performance_md.update({"suite": "Counts.\n"}, path)
    text = path.read_text(encoding="utf-8")
    assert "A stray line." not in text
    assert performance_md.parse(text) == {"build": "Figures.\n", "lighthouse": performance_md.not_measured("lighthouse"),
                                          "suite": "Counts.\n"}


def test_unknown_sections_and_markers_inside_a_body_are_refused():
    with pytest.raises(ValueError, match="unknown"):
        performance_md.merge(None, {"speed": "x"})
    with pytest.raises(ValueError, match="marker"):
        performance_md.merge(None, {"build": "<!-- /bench:build -->\n"})


def test_the_machine_line_gives_a_date_no_reader_misreads():
    line = performance_md.machine_line(MACHINE)
    assert line.startswith("Measured on December 7, 2026 (UTC) on 2 cores (Test CPU;")
    assert "load average 1.50 / 0.75 / 0.25" in line
    assert "load average" not in performance_md.machine_line(MACHINE, load=False)


def test_table_escapes_a_pipe_in_a_cell():
    assert performance_md.table(("a", "b"), [("x|y", "1")]) == "| a | b |\n|---|---|\n| x\\|y | 1 |\n"


@pytest.mark.parametrize("output, expected", [
    ("....\n==== 550 passed, 1 failed, 1 xfailed in 721.34s (0:12:01) ====\n",
     {"passed": 550, "failed": 1, "xfailed": 1, "skipped": 0, "pytest_s": 721.34}),
    ("\x1b[32m=== 538 passed, 3 skipped, 14 deselected, 2 warnings in 389.20s (0:06:29) ===\x1b[0m\n",
     {"passed": 538, "skipped": 3, "deselected": 14, "failed": 0, "pytest_s": 389.2}),
    ("=== 1 failed, 2 errors in 3.00s ===\nsetup: done\n", {"failed": 1, "error": 2, "passed": 0}),
])
def test_the_suite_counts_come_from_pytests_last_summary_line(output, expected):
    counts = suite_timing.summary(output)
    assert {k: counts[k] for k in expected} == expected


def test_a_run_without_a_summary_counts_nothing():
    assert suite_timing.summary("setup: installing\nKilled\n") == {}


def test_the_suite_section_shows_counts_time_machine_and_a_red_run():
    counts = suite_timing.summary("=== 550 passed, 1 failed, 1 xfailed in 721.34s ===")
    runs = {"full": {"command": "scripts/test", "exit_code": 1, "wall_s": 721.4, "machine": MACHINE, **counts},
            "quick": {"command": 'scripts/test -m "not slow"', "exit_code": 0, "wall_s": 389.6,
                      "machine": {**MACHINE, "load": [3.0, 2.0, 1.0]},
                      **suite_timing.summary("=== 538 passed, 14 deselected in 389.20s ===")}}
    text = suite_timing.section(runs)
    assert "Measured on December 7, 2026 (UTC) on 2 cores" in text
    assert "| full: `scripts/test` | 550 | 1 | 0 | 0 | 1 | 0 | 12 min 01 s | 1.50 / 0.75 / 0.25 |" in text
    assert '| quick: `scripts/test -m "not slow"` | 538 | 0 | 0 | 0 | 0 | 14 | 6 min 30 s | 3.00 / 2.00 / 1.00 |' in text
    assert "**Not green:** full (exit code 1)" in text
    assert "Not green" not in suite_timing.section({"quick": runs["quick"]})


def test_the_lighthouse_section_reads_the_target_on_the_calibrated_run():
    import lighthouse

    def run(perf: int, cls: float = 0) -> dict:
        return {"performance": perf, "accessibility": 100, "best-practices": 100, "seo": 100, "cls": cls,
                "runs": [perf - 1, perf, perf + 1], "machines": [1100, 1200, 1300], "tbt_ms": 90,
                "lcp_ms": 1800, "js_transfer_bytes": 38304}
    results = {"slowdown": 2.8,
               "pages": {"home": {"mobile": run(94), "calibrated": run(97), "desktop": run(100)},
                         "team": {"mobile": run(90), "calibrated": run(93), "desktop": run(100)}},
               "material_alone": {"home": {"mobile": run(92), "calibrated": run(94)}},
               "tooltips": {"page": "internal-foundations/decision-making/",
                            "as built (tooltips)": run(95), "without content.tooltips": run(96)}}
    text = lighthouse.section(results, MACHINE)
    assert "| home | **97 (96, 97, 98)** | 94 (93, 94, 95) | 100 | 100 | 100 | 100 / 100 / 100 / 100 | 0 / 0 |" in text
    assert "| *Material alone*, home | 94 (93, 94, 95) |" in text
    assert "**Missed:** team performance 93." in text
    assert "| without content.tooltips | 96 | 90 ms | 1800 ms | 38304 |" in text
