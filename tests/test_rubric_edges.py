"""The edges of each rubric check, row by row (like mkdocstrings' tables of cases): the last value
that is accepted and the first that is refused. An accepted rubric always renders; a refused one
stops with one whole line, never a traceback.

Each refused row was once a mutation no test caught (an off-by-one range, a self-reference, ...).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from mkdocs.utils import yaml_load

from project import ROOT
from test_validation import edit  # replaces text that occurs once; returns its line
from taskforce_roadmap import RubricError, load_roadmap, site_pages
from taskforce_roadmap.loading import RESERVED_IDS
from taskforce_roadmap.model import ListBlock
from taskforce_roadmap.pages import md_escape

MISSION = "internal-foundations/mission-statement.yml"
ROADMAP = "roadmap.yml"


# (what is tested, file, text, replacement, the whole message with {line} for the edit's line;
#  None: accepted, and every page renders)
EDGES = [
    ("cites: the last citation", MISSION, "cites: [1]\n", "cites: [27]\n", None),
    ("cites: one past the last", MISSION, "cites: [1]\n", "cites: [28]\n",
     f"rubric/{MISSION}:{{line}}: stages.3[1].cites[0]: 28 is not a citation (1-27)"),
    ("cites: zero", MISSION, "cites: [1]\n", "cites: [0]\n",
     f"rubric/{MISSION}:{{line}}: stages.3[1].cites[0]: 0 is less than the minimum of 1"),
    ("paragraph cites: one past the last", MISSION, "  - paragraph: >-\n",
     "  - cites: [28]\n    paragraph: >-\n",
     f"rubric/{MISSION}:{{line}}: intro[0].cites[0]: 28 is not a citation (1-27)"),
    ("ibid: the citation just before", ROADMAP, "  - number: 7\n    ibid: 5\n",
     "  - number: 7\n    ibid: 6\n", None),
    ("ibid: itself", ROADMAP, "  - number: 3\n    ibid: 2\n", "  - number: 3\n    ibid: 3\n",
     "rubric/roadmap.yml:{line+1}: citations[2].ibid: 3 is not an earlier citation (1-2)"),
    ("ibid: forward", ROADMAP, "  - number: 3\n    ibid: 2\n", "  - number: 3\n    ibid: 4\n",
     "rubric/roadmap.yml:{line+1}: citations[2].ibid: 4 is not an earlier citation (1-2)"),
    ("indicator id: the element's id", MISSION, "- id: mission-focus-unclear",
     "- id: mission-statement",
     f"rubric/{MISSION}:{{line}}: stages.1[1].id: 'mission-statement' is reserved for the page's "
     "own anchors"),
    ("indicator id: a stage's anchor", MISSION, "- id: mission-focus-unclear", "- id: stage-5",
     f"rubric/{MISSION}:{{line}}: stages.1[1].id: 'stage-5' is reserved for the page's own anchors"),
    ("indicator id: the element's id plus a word", MISSION, "- id: mission-focus-unclear",
     "- id: mission-statement-focus", None),
    ("cite_at: words in the text", MISSION, "cite_at: task force's work,", "cite_at: operations.", None),
    ("cite_at: words not in the text", MISSION, "cite_at: task force's work,", "cite_at: task forces",
     f"rubric/{MISSION}:{{line}}: stages.4[0].cite_at: 'task forces' is not in the indicator's text"),
    ("cite_at: words twice in the text", MISSION, "cite_at: task force's work,", "cite_at: work,",
     f"rubric/{MISSION}:{{line}}: stages.4[0].cite_at: 'work,' occurs 2 times in the indicator's text"),
    ("cite_at: without cites", MISSION, "      cites: [3]\n", "",
     f"rubric/{MISSION}:{{line}}: stages.4[0].cite_at: places citation marks, but there are no cites"),
    ("repair: text not in the indicator", "case-operations/prosecutions.yml",
     'text: "attorneys"', 'text: "lawyers"',
     "rubric/case-operations/prosecutions.yml:{line}: stages.4[2].repairs[0].text: 'lawyers' is not "
     "in the indicator's text"),
    ("repair of an element: text not in its title or blocks", "case-operations/prosecutions.yml",
     'text: "State, & Federal"', 'text: "State; & Federal"',
     "rubric/case-operations/prosecutions.yml:{line}: repairs[0].text: 'State; & Federal' is not "
     "in the element's title, intro or outro"),
    ("repair of an address: text not in it", ROADMAP, 'text: "Cases.pdf"', 'text: "Cases.PDF"',
     "rubric/roadmap.yml:{line}: resources[2].items[13].links[0].repairs[0].text: 'Cases.PDF' is "
     "not in the address"),
    ("areas_of_function: one per area", ROADMAP, "    - Case operations\n", "",
     "rubric/roadmap.yml:{line-2}: front_matter.areas_of_function: names 3 areas, but areas lists 4"),
]


@pytest.mark.parametrize("name, old, new, expected", [e[1:] for e in EDGES], ids=[e[0] for e in EDGES])
def test_each_check_at_its_edge(rubric_copy, name, old, new, expected):
    line = edit(rubric_copy, name, old, new)
    if expected is None:
        pages = site_pages(load_roadmap(rubric_copy))
        assert len(pages) == 5 + 4 + 23
        return
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    wanted = expected.replace("{line+1}", str(line + 1)).replace("{line-2}", str(line - 2))
    assert str(caught.value) == wanted.replace("{line}", str(line))


@pytest.mark.parametrize("suffix", ["yaml", "yml"])
def test_a_stray_file_in_an_area_folder_is_refused(rubric_copy, suffix):
    stray = rubric_copy / "internal-foundations" / f"vision.{suffix}"
    stray.write_text((rubric_copy / MISSION).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    assert str(caught.value) == (
        f"rubric/internal-foundations/vision.{suffix}:1: id: this file is not listed in roadmap.yml "
        "(areas.internal-foundations.elements)")


def test_ref_blocks_arrive_in_the_model_as_the_lists_they_name(roadmap):
    goals = roadmap.element("goals-objectives")
    lists = [b for b in goals.intro if isinstance(b, ListBlock) and b.ordered]
    assert [b.items for b in lists] == [roadmap.front.goals, roadmap.front.objectives]
    for element in roadmap.elements:
        assert all(hasattr(b, "kind") for b in element.intro + element.outro), element.id


# --- What the reader sees ----------------------------------------------------------------------

class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def seen(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def to_html():
    """Markdown → HTML with exactly the site's Markdown extensions and their settings."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return lambda text: markdown.markdown(text, extensions=names, extension_configs=settings)


SPECIAL = "\\`*_{}[]()<>#+-.!|^~=:&;\"'/@$%?"
TRICKY = [
    "**bold**", "__bold__", "*em*", "_em_", "`code`", "[a](https://example.org)", "![i](x.png)",
    "<b>tag</b>", "<script>alert(1)</script>", "&amp; stays &amp;", "&lt;", "a ^^ins^^ b",
    "x^2^", "~~gone~~", "{ #anchor }", "text { .cls }", "a | b | c", "# not a heading",
    "<https://example.org>", "https://example.org", "\\*", "\\\\", "[^1]", "*[HTML]: Hyper",
    "1. not a list", "- not a list", "> not a quote", "!!! note", "C:\\path\\*file*",
]


@pytest.mark.parametrize("text", [*SPECIAL, SPECIAL, *TRICKY])
def test_md_escape_shows_exactly_the_text_in_an_indicator(to_html, text):
    html = to_html(f'<ul>\n<li markdown="span">{md_escape(text)}</li>\n</ul>')
    assert seen(html).strip() == text


@pytest.mark.parametrize("text", [SPECIAL, *TRICKY])
def test_md_escape_shows_exactly_the_text_in_a_heading(to_html, text):
    html = to_html(f"# {md_escape(text)}")
    assert seen(html).replace("¶", "").strip() == text


TITLES = ['Say "hello"', "Colon: and more", "Hash # sign", "#starts with hash", "Less < more",
          "Ampersand & co", "'single' quotes", "A: b # c < d & e \"f\"", "- dash first",
          "[bracketed]", "{braced}", "*star*", "percent % and @ at", "trailing colon:"]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_keeps_any_title(rubric_copy, title, to_html):
    edit(rubric_copy, MISSION, "title: Mission Statement\n", f"title: {yaml.safe_dump(title).strip()}\n"
         if not yaml.safe_dump(title).strip().endswith("...") else f"title: {title!r}\n")
    roadmap = load_roadmap(rubric_copy)
    assert roadmap.element("mission-statement").title == title
    pages = site_pages(roadmap)
    for src_uri in ("internal-foundations/mission-statement.md", "internal-foundations/index.md"):
        page = pages[src_uri]
        head, _, body = page.partition("\n---\n")
        meta = yaml.safe_load(head.removeprefix("---\n"))
        if src_uri.endswith("mission-statement.md"):
            assert meta["title"] == f"{title} · Internal Foundations, Operation, & Collaboration"
            assert meta["description"].startswith(f"{title}, an element of")
            heading = next(line for line in body.splitlines() if line.startswith("# "))
            assert seen(to_html(heading)).replace("¶", "").strip() == title
        else:
            assert meta["title"] == "Internal Foundations, Operation, & Collaboration"


def test_the_rubric_readme_names_only_what_exists(roadmap):
    """Its folders, files and example error line are true of this repository."""
    readme = (ROOT / "rubric" / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:hooks|rubric|tests|overrides)/[\w./-]*|[\w-]+\.(?:md|json|yml))`", readme))
    assert {"hooks/taskforce_roadmap/", "CHANGELOG.md", "tests/test_fidelity.py"} <= paths
    for path in paths:
        assert (ROOT / path).exists() or (ROOT / "rubric" / path).exists(), path
    example = re.search(r"^rubric/([\w/-]+)\.yml:\d+: ", readme, re.M).group(1)
    area, element = example.split("/")
    assert roadmap.element(element).area_id == area
    for reserved in RESERVED_IDS - {f"stage-{n}" for n in range(2, 5)}:
        assert f"`{reserved}`" in readme, reserved
