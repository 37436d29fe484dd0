"""Every rule of both schemas and every cross-check, one bad edit each: the load stops with one
line that names the file, a line, the field and the problem; never a traceback.

(test_validation.py asserts whole messages for the common mistakes; this table covers the rest.)
"""

from __future__ import annotations

import re

import pytest

from taskforce_roadmap import RubricError, load_roadmap

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
