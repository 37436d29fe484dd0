"""Every kind of bad rubric input stops loading with one line: `rubric/<file>:<line>: <field>: <problem>`.

Each case breaks a copy of the real rubric in one place and asserts the whole message, so a
message that loses its file, line or field fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taskforce_roadmap import RubricError, load_roadmap

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
