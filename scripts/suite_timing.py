"""The test suite as a newcomer runs it: `scripts/test` (every test) and the quick run
(`scripts/test -m "not slow"`), each timed from the outside, with pytest's own count of what passed,
failed, was skipped or xfailed. Part of `scripts/bench --suite`: a measurement, never a test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {"full": [], "quick": ["-m", "not slow"]}  # extra arguments to scripts/test
OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "deselected")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colour, should pytest be told to use it
_SUMMARY = re.compile(r"^=+ (?P<counts>.*\d+ \w+.*) in (?P<seconds>[\d.]+)s\b.*=+$")


def summary(output: str) -> dict:
    """pytest's last summary line ("=== 550 passed, 1 failed, 1 xfailed in 721.34s (0:12:01) ===")
    as {outcome: count} plus "pytest_s"; an outcome that did not occur counts 0. No summary line
    (pytest never ran, or was killed) gives {}."""
    for line in reversed(_ANSI.sub("", output).strip().splitlines()):
        match = _SUMMARY.match(line.strip())
        if match:
            counts = {k: 0 for k in OUTCOMES}
            for number, word in re.findall(r"(\d+) (\w+)", match["counts"]):
                word = "error" if word == "errors" else word
                if word in counts:
                    counts[word] = int(number)
            return {**counts, "pytest_s": float(match["seconds"])}
    return {}


def run(name: str) -> dict:
    """One run of scripts/test, its output passed through as it comes."""
    from performance_md import machine
    command = ["scripts/test", *RUNS[name]]
    before = machine()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = []
    for line in proc.stdout:
        sys.stdout.write(line)
        lines.append(line)
    code = proc.wait()
    wall = time.perf_counter() - start
    return {"command": " ".join(c if " " not in c else f'"{c}"' for c in command),
            "exit_code": code, "wall_s": wall, "machine": before, **summary("".join(lines))}


def minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


def section(runs: dict[str, dict]) -> str:
    """PERFORMANCE.md's "Test suite" section from the runs above."""
    from performance_md import load_text, machine_line, table
    first = next(iter(runs.values()))
    rows = []
    for name, r in runs.items():
        counted = "pytest_s" in r
        rows.append((f"{name}: `{r['command']}`",
                     *((str(r[k]) if counted else "?") for k in ("passed", "failed", "error", "skipped",
                                                                  "xfailed", "deselected")),
                     minutes(r["wall_s"]), load_text(r["machine"]["load"])))
    text = machine_line(first["machine"], load=False) + "\n"
    text += table(("run", "passed", "failed", "errors", "skipped", "xfailed", "deselected",
                   "wall time", "load average before (1 / 5 / 15 min)"), rows)
    text += ("\nWall time is from the command's start to its end, `scripts/setup --test` of an "
             "already set-up clone included (a few seconds); the tests run on every core "
             "(pytest-xdist `-n auto --dist loadgroup`, each worker taking the next tests as it "
             "frees up). A run the machine's other work slowed shows it in the load average.\n")
    broken = [name for name, r in runs.items() if r["exit_code"] != 0 or "pytest_s" not in r]
    if broken:
        text += (f"\n**Not green:** {', '.join(broken)} (exit code "
                 + ", ".join(str(runs[n]['exit_code']) for n in broken) + ").\n")
    return text
