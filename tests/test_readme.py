"""The READMEs a newcomer reads first: short, naming only what exists, and carrying no figure that
can go stale (figures live in PERFORMANCE.md, which scripts/bench writes). Pure Python."""

from __future__ import annotations

import re

import pytest

from project import ROOT

READMES = ["README.md", "overrides/assets/README.md"]
PATH = re.compile(r"`((?:\.ci|docs|hooks|overrides|readme|rubric|scripts|tests|types)/[\w./-]*"
                  r"|[\w.-]+\.(?:md|json|yml|txt|toml))`")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_the_readme_fits_in_200_lines_and_opens_on_the_site_and_the_two_commands():
    readme = text("README.md")
    assert len(readme.splitlines()) <= 200
    commands = readme.index("scripts/test    #")
    assert readme.index("scripts/serve   #") < commands < readme.index("\n## ", readme.index("## The two commands") + 1)
    assert "![" not in readme[:commands]  # no picture above the commands


@pytest.mark.parametrize("name", READMES)
def test_a_readme_names_only_files_that_exist(name):
    named = {p.rstrip(".") for p in PATH.findall(text(name))}
    here = (ROOT / name).parent
    missing = sorted(p for p in named if not (ROOT / p).exists() and not (here / p).exists()
                     and not p.startswith(("rubric/<", "hooks/taskforce_roadmap/templates/")))
    assert missing == []


def test_the_readme_links_the_figures_and_states_none_itself():
    readme = text("README.md")
    assert "](PERFORMANCE.md)" in readme and (ROOT / "PERFORMANCE.md").is_file()
    figures = re.findall(r"\b\d[\d,.]*\s?(?:ms|s|min|KB|MB|tests|passed)\b|\b\d+(?:\.\d+)?×", readme)
    assert figures == []


def test_every_css_class_prefix_the_assets_readme_explains_is_in_use():
    styles = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/assets/css").glob("*.css"))
    prefixes = re.findall(r"^\| `(tf-[a-z]-)` \|", text("overrides/assets/README.md"), re.M)
    assert len(prefixes) >= 5
    assert [p for p in prefixes if f".{p}" not in styles] == []
