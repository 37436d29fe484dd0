"""PERFORMANCE.md, the figures `scripts/bench` measures: one section per part of the bench.

A run rewrites only the sections it measured and keeps the others as they are, so a partial run
(`scripts/bench --suite`, `scripts/lighthouse.py` alone) never erases what another run wrote. Each
section says when and on what machine it was measured; nothing here knows a commit id.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "PERFORMANCE.md"

# Every section the file holds, in the order it shows them: key → (heading, the run that writes it).
SECTIONS = {
    "build": ("Build, page sizes and browser timings", "scripts/bench --no-lighthouse"),
    "lighthouse": ("Lighthouse", "scripts/bench (or scripts/lighthouse.py alone)"),
    "suite": ("Test suite", "scripts/bench --suite"),
}

HEADER = """# Performance

Written by `scripts/bench`: do not edit by hand. Each section is rewritten only by the run that
measures it and says when and on what machine it was measured; budgets and targets are the bench's
own (`BUDGETS` in `scripts/bench.py`, `TARGETS` in `scripts/lighthouse.py`). Times on a shared or
busy machine move by 20% or more from run to run: compare figures measured on the same machine.
"""

_MARK = re.compile(r"^<!-- bench:(?P<key>[a-z]+) -->\n(?P<body>.*?)^<!-- /bench:(?P=key) -->\n",
                   re.M | re.S)


def not_measured(key: str) -> str:
    """The line a section holds until its run has been made."""
    return f"Not yet measured: run `{SECTIONS[key][1]}`.\n"


def parse(text: str) -> dict[str, str]:
    """The sections found in a PERFORMANCE.md (their bodies, heading excluded); others are ignored."""
    found = {}
    for match in _MARK.finditer(text):
        if match["key"] in SECTIONS:
            heading = f"## {SECTIONS[match['key']][0]}\n\n"
            body = match["body"]
            found[match["key"]] = body[len(heading):] if body.startswith(heading) else body
    return found


def merge(text: str | None, updates: dict[str, str]) -> str:
    """The whole file: `updates` (key → body in Markdown) replace their sections, every other
    section keeps what `text` held, and a section never measured says so."""
    unknown = set(updates) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown PERFORMANCE.md section(s): {', '.join(sorted(unknown))}")
    bodies = {**parse(text or ""), **updates}
    parts = [HEADER]
    for key, (heading, _) in SECTIONS.items():
        body = bodies.get(key) or not_measured(key)
        if "<!-- bench:" in body or "<!-- /bench:" in body:
            raise ValueError(f"section {key!r} holds a section marker")
        parts.append(f"\n<!-- bench:{key} -->\n## {heading}\n\n{body.rstrip()}\n<!-- /bench:{key} -->\n")
    return "".join(parts)


def update(updates: dict[str, str], path: Path = PATH) -> Path:
    """Rewrite the sections in `updates`, keep the rest of the file."""
    old = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(merge(old, updates), encoding="utf-8")
    return path


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table; a `|` inside a cell is escaped."""
    cell = lambda v: str(v).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine() -> dict:
    """What the figures depend on: the date, the cores, the processor and how busy it was."""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    return {"date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
            "cores": os.cpu_count(), "cpu": model or platform.machine(),
            "system": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
            "load": [round(x, 2) for x in os.getloadavg()]}


def long_date(iso: str) -> str:
    """2026-12-07 → December 7, 2026: a date no reader can misread."""
    day = datetime.date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def load_text(load: list[float]) -> str:
    return " / ".join(f"{x:.2f}" for x in load)


def machine_line(m: dict, load: bool = True) -> str:
    """Measured on December 7, 2026 (UTC) on 2 cores (…), load average 1.20 / 0.80 / 0.60 before."""
    line = f"Measured on {long_date(m['date'])} (UTC) on {m['cores']} cores ({m['cpu']}; {m['system']})"
    if load:
        line += f", load average {load_text(m['load'])} (1 / 5 / 15 min) before the run"
    return line + ".\n"
