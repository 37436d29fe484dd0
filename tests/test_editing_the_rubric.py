"""A content editor's mistakes in the rubric: every kind of bad input stops loading with one line,
`rubric/<file>:<line>: <field>: <problem>`, never a traceback. Common mistakes assert the whole
message (so one that loses its file, line or field fails); a table covers every other rule of both
schemas and every cross-check; another the edges of each check, the last value accepted and the
first refused (each refused row was once a mutation no test caught). An accepted rubric always
renders, and any text an editor writes is shown exactly as written."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils import yaml_load

from project import ROOT
from taskforce_roadmap import RubricError, load_roadmap, site_pages
from taskforce_roadmap.loading import RESERVED_IDS
from taskforce_roadmap.model import ListBlock
from taskforce_roadmap.pages import md_escape


MISSION = "internal-foundations/mission-statement.yml"
LEADERSHIP = "internal-foundations/leadership.yml"


def edit(rubric: Path, name: str, old: str, new: str) -> int:
    """Replace `old` (which must occur once) and return the 1-based line where the edit starts."""
    path = rubric / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture text not found once in {name}: {old!r}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:start].count("\n") + 1


def line_of(rubric: Path, name: str, needle: str) -> int:
    text = (rubric / name).read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1


def error_of(rubric: Path) -> str:
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_the_real_rubric_is_valid(roadmap):
    assert len(roadmap.elements) == 23


def test_duplicate_key(rubric_copy):
    line = edit(rubric_copy, MISSION, "title: Mission Statement\n",
                "title: Mission Statement\ntitle: Mission\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line + 1}: title: duplicate key (first at line {line})")


def test_yaml_syntax_error(rubric_copy):
    line = edit(rubric_copy, MISSION, "title: Mission Statement\n", "title: [Mission Statement\n")
    message = error_of(rubric_copy)
    assert message.startswith(f"rubric/{MISSION}:")
    assert ": (syntax): " in message


def test_missing_required_field(rubric_copy):
    edit(rubric_copy, MISSION, "title: Mission Statement\n", "")
    assert error_of(rubric_copy) == f"rubric/{MISSION}:2: (top level): 'title' is missing"


def test_unknown_field_is_a_typo(rubric_copy):
    line = edit(rubric_copy, MISSION, "      text: Members, stakeholders",
                "      txet: Members, stakeholders")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line - 1}: stages.1[1]: unknown field 'txet' (did you mean 'text'?)")


def test_extra_field(rubric_copy):
    line = edit(rubric_copy, MISSION, "title: Mission Statement\n",
                "title: Mission Statement\ncolour: blue\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:2: (top level): unknown field 'colour' "
        "(expected one of: id, title, repairs, intro, outro, stages)")


def test_malformed_indicator_id(rubric_copy):
    line = edit(rubric_copy, MISSION, "- id: mission-focus-unclear", "- id: Mission_Focus")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line}: stages.1[1].id: 'Mission_Focus' is not an id "
        "(lowercase words joined by '-')")


def test_wrong_type(rubric_copy):
    line = edit(rubric_copy, MISSION, "      cites: [1]\n", "      cites: one\n")
    assert error_of(rubric_copy) == f"rubric/{MISSION}:{line}: stages.3[1].cites: 'one' is not of type 'array'"


def test_indicator_id_used_twice_across_files(rubric_copy):
    first = line_of(rubric_copy, MISSION, "- id: mission-focus-unclear")
    ident = (rubric_copy / LEADERSHIP).read_text().split("- id: ", 1)[1].split("\n", 1)[0]
    line = edit(rubric_copy, LEADERSHIP, f"- id: {ident}\n", "- id: mission-focus-unclear\n")
    assert error_of(rubric_copy) == (
        f"rubric/{LEADERSHIP}:{line}: stages.1[0].id: 'mission-focus-unclear' is already used "
        f"in rubric/{MISSION}:{first}")


def test_citation_that_does_not_exist(rubric_copy):
    line = edit(rubric_copy, MISSION, "      cites: [1]\n", "      cites: [99]\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line}: stages.3[1].cites[0]: 99 is not a citation (1-27)")


def test_empty_stage(rubric_copy):
    text = (rubric_copy / MISSION).read_text()
    start, end = text.index("  2:\n"), text.index("  3:\n")
    (rubric_copy / MISSION).write_text(text[:start] + "  2: []\n" + text[end:])
    line = line_of(rubric_copy, MISSION, "  2: []")
    assert error_of(rubric_copy) == f"rubric/{MISSION}:{line}: stages.2: must not be empty"


def test_missing_stage(rubric_copy):
    text = (rubric_copy / MISSION).read_text()
    (rubric_copy / MISSION).write_text(text[:text.index("  5:\n")])
    line = line_of(rubric_copy, MISSION, "stages:")
    assert error_of(rubric_copy) == f"rubric/{MISSION}:{line}: stages: '5' is missing"


def test_stage_out_of_range(rubric_copy):
    line = edit(rubric_copy, MISSION, "  5:\n", "  6:\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line_of(rubric_copy, MISSION, 'stages:')}: stages: "
        "unknown field '6' (expected one of: 1, 2, 3, 4, 5)")


def test_element_id_not_matching_file_name(rubric_copy):
    edit(rubric_copy, MISSION, "id: mission-statement\n", "id: mission\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:2: id: 'mission' does not match the file name 'mission-statement'")


def test_listed_element_without_file(rubric_copy):
    (rubric_copy / MISSION).unlink()
    line = line_of(rubric_copy, "roadmap.yml", "      - mission-statement")
    assert error_of(rubric_copy) == (
        f"rubric/roadmap.yml:{line}: areas[0].elements[0]: no file rubric/{MISSION} "
        "for element 'mission-statement'")


def test_element_file_not_listed(rubric_copy):
    stray = rubric_copy / "internal-foundations" / "vision.yml"
    stray.write_text((rubric_copy / MISSION).read_text())
    assert error_of(rubric_copy) == (
        "rubric/internal-foundations/vision.yml:1: id: this file is not listed in roadmap.yml "
        "(areas.internal-foundations.elements)")


def test_element_listed_in_two_areas(rubric_copy):
    line = edit(rubric_copy, "roadmap.yml", "      - outreach\n", "      - outreach\n      - mission-statement\n")
    assert error_of(rubric_copy) == (
        f"rubric/roadmap.yml:{line + 1}: areas[3].elements[2]: 'mission-statement' is already "
        "an element of 'internal-foundations'")


def test_unknown_box_kind(rubric_copy):
    line = edit(rubric_copy, MISSION, "      kind: example\n", "      kind: warning\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line}: intro[1].box.kind: 'warning' is not one of "
        "['example', 'note', 'pro-tip', 'remember']")


def test_reserved_indicator_id(rubric_copy):
    line = edit(rubric_copy, MISSION, "- id: mission-focus-unclear", "- id: stage-2")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:{line}: stages.1[1].id: 'stage-2' is reserved for the page's own anchors")


def test_ibid_pointing_forward(rubric_copy):
    text = (rubric_copy / "roadmap.yml").read_text()
    # the first "ibid:" in the file belongs to citation 3
    start = text.index("ibid: ")
    end = text.index("\n", start)
    (rubric_copy / "roadmap.yml").write_text(text[:start] + "ibid: 9" + text[end:])
    line = text[:start].count("\n") + 1
    assert error_of(rubric_copy) == (
        f"rubric/roadmap.yml:{line}: citations[2].ibid: 9 is not an earlier citation (1-2)")


def test_resource_address_neither_https_nor_www(rubric_copy):
    line = edit(rubric_copy, "roadmap.yml", "url: www.theiacp.org/humantrafficking",
                "url: theiacp.org/humantrafficking")
    message = error_of(rubric_copy)
    assert message.startswith(f"rubric/roadmap.yml:{line}: resources[0].items[0].links[0].url: ")
    assert message.endswith("'theiacp.org/humantrafficking' is not a web address (https://… or www.…)")


def test_empty_text(rubric_copy):
    line = edit(rubric_copy, MISSION, "title: Mission Statement\n", "title: ''\n")
    message = error_of(rubric_copy)
    assert message.startswith(f"rubric/{MISSION}:{line}: title: ")


def test_file_that_is_not_a_mapping(rubric_copy):
    (rubric_copy / MISSION).write_text("- just\n- a list\n")
    assert error_of(rubric_copy) == (
        f"rubric/{MISSION}:1: (top level): ['just', 'a list'] is not of type 'object'")


PROTOCOLS = "internal-foundations/protocols.yml"
CONF = "case-operations/confidentiality.yml"
PROS = "case-operations/prosecutions.yml"
GOALS = "internal-foundations/goals-objectives.yml"
ROADMAP = "roadmap.yml"

# (file, text to replace, replacement, field named in the message, words of the problem)
CASES = [
    # element schema
    (PROTOCOLS, "id: protocols\n", "id: " + "p" * 49 + "\n", "id", "is too long"),
    (PROTOCOLS, "title: Protocols\n", "title: '   '\n", "title", "does not match"),
    (PROTOCOLS, "title: Protocols\n", "title: 7\n", "title", "is not of type 'string'"),
    (PROTOCOLS, "intro:\n", "intro: {}\nx_intro:\n", "(top level)", "unknown field 'x_intro' (did you mean 'intro'?)"),
    (PROTOCOLS, "title: Protocols\n", "title: Protocols\nintro_: []\n", "(top level)", "unknown field 'intro_'"),
    (PROTOCOLS, "      ordered: false\n", "      ordered: 'no'\n", "intro[1].list.ordered", "is not of type 'boolean'"),
    (PROTOCOLS, "  - list:\n      ordered: false\n      items:\n",
     "  - list:\n      ordered: false\n      things:\n", "intro[1]", "exactly one block"),
    (PROTOCOLS, "  - paragraph: >-\n      Protocol development",
     "  - paragraph: >-\n      Protocol development", None, None),  # control: unchanged is valid
    (PROTOCOLS, "  - paragraph: >-\n      Protocol development",
     "  - paragraph: x\n    list: {items: [a]}\n  - paragraph: >-\n      Protocol development",
     "intro[2]", "exactly one block"),
    (GOALS, "- ref: goals", "- ref: mission", "intro[0].ref", "is not one of ['goals', 'objectives']"),
    (CONF, "  - columns:\n", "  - columns: []\n    x:\n", "intro[1].columns", "must not be empty"),
    (PROS, "      incomplete: true", "      incomplete: 'yes'", "outro[0].box.incomplete", "is not of type 'boolean'"),
    (PROTOCOLS, "    - id: protocols-", "    - id: protocols-x\n      text: ok.\n      note: hi\n    - id: protocols-",
     "stages.1[0]", "unknown field 'note'"),
    (PROTOCOLS, "    - id: protocols-", "    - text: no id.\n    - id: protocols-", "stages.1[0]", "'id' is missing"),
    (PROTOCOLS, "  1:\n", "  1: {}\n  x1:\n", "stages", "unknown field 'x1'"),
    (PROTOCOLS, "  1:\n", "  1: oops\n  x1:\n", "stages", "unknown field 'x1'"),
    # cites: type, minimum, empty, duplicates
    ("internal-foundations/mission-statement.yml", "cites: [1]", "cites: [0]", "stages.3[1].cites[0]",
     "less than the minimum of 1"),
    ("internal-foundations/mission-statement.yml", "cites: [1]", "cites: []", "stages.3[1].cites",
     "must not be empty"),
    ("internal-foundations/mission-statement.yml", "cites: [1]", "cites: [1, 1]", "stages.3[1].cites",
     "non-unique elements"),
    ("internal-foundations/mission-statement.yml", "cites: [1]", "cites: ['1']", "stages.3[1].cites[0]",
     "is not of type 'integer'"),
    # roadmap schema
    (ROADMAP, "title: Development & Operations Roadmap\n", "", "(top level)", "'title' is missing"),
    (ROADMAP, "  - number: 5\n", "  - number: 6\n", "stages[4].number", "greater than the maximum of 5"),
    (ROADMAP, "      - mission-statement\n", "      - Mission Statement\n", "areas[0].elements[0]", "is not an id"),
    (ROADMAP, "      - guiding-principles\n", "      - mission-statement\n", "areas[0].elements",
     "non-unique elements"),
    (ROADMAP, "    ibid: 2\n", "    ibid: 2\n    text: also text\n", "citations[2]", "either text, or ibid and original"),
    (ROADMAP, "  - group: general\n", "  - group: General Resources\n", "resources[0].group", "is not an id"),
    (ROADMAP, "  intended_for: >-", "  intended_for_all: >-", "front_matter", "unknown field 'intended_for_all'"),
    (ROADMAP, "    developed_by:\n", "    developed_by: []\n    developed_by_x:\n", "front_matter.acknowledgements",
     "unknown field"),
    # cross-checks
    (ROADMAP, "  - number: 2\n    name: Developing", "  - number: 3\n    name: Developing", "stages[1].number",
     "expected 2, found 3"),
    (ROADMAP, "  - group: general\n", "  - group: public-relations\n", "resources[0].group",
     "neither 'general' nor an area id"),
    (ROADMAP, "  - id: case-operations\n", "  - id: internal-foundations\n", "areas[1].id",
     "area 'internal-foundations' is listed twice"),
]


def break_rubric(rubric, name, old, new):
    path = rubric / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"fixture text not in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, old, new, field, problem", CASES,
                         ids=[f"{c[0].split('/')[-1]}:{c[3]}:{c[4]}" for c in CASES])
def test_each_rule_stops_the_load_with_one_line(rubric_copy, name, old, new, field, problem):
    break_rubric(rubric_copy, name, old, new)
    if field is None:
        load_roadmap(rubric_copy)  # the unchanged control loads
        return
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    message = str(caught.value)
    assert "\n" not in message
    match = re.fullmatch(r"(rubric/[\w/.-]+):(\d+): (.+?): (.+)", message)
    assert match, message
    assert match.group(1) == f"rubric/{name}" or field.startswith("areas"), message
    assert int(match.group(2)) >= 1
    assert match.group(3) == field, message
    assert problem in match.group(4), message


def test_an_area_listed_twice(rubric_copy):
    text = (rubric_copy / ROADMAP).read_text()
    start = text.index("  - id: public-engagement")
    end = text.index("citations:")
    (rubric_copy / ROADMAP).write_text(text[:end] + text[start:end].replace(
        "  - id: public-engagement", "  - id: public-engagement") + text[end:])
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    assert re.match(r"rubric/roadmap\.yml:\d+: areas\[4\]\.", str(caught.value)), str(caught.value)


def test_an_unreadable_file(rubric_copy):
    (rubric_copy / PROTOCOLS).write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    assert str(caught.value).startswith(f"rubric/{PROTOCOLS}:1: (file): cannot be read")


def test_a_tab_indented_file_is_a_syntax_error_with_its_line(rubric_copy):
    break_rubric(rubric_copy, PROTOCOLS, "title: Protocols\n", "title: Protocols\n\tbad: tab\n")
    with pytest.raises(RubricError) as caught:
        load_roadmap(rubric_copy)
    assert re.fullmatch(rf"rubric/{re.escape(PROTOCOLS)}:4: \(syntax\): .+", str(caught.value))




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
