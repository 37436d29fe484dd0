"""The self-assessment's data contract, without a browser: the rubric data the checklist reads,
and the published JSON Schema that exports must satisfy (the browser's import mirrors it)."""

from __future__ import annotations

import copy
import json
import re

import pytest
from jsonschema import Draft202012Validator

from project import ROOT
from taskforce_roadmap.checklist import PAGES, checklist_data, checklist_script, element_signature

SCHEMA_PATH = ROOT / "docs" / "assessment.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def sample_v1(roadmap) -> dict:
    """An export of schema 1 (before the plan): every kind of answer, including a kept unknown id."""
    mission = roadmap.element("mission-statement")
    return {
        "format": "tf-roadmap-assessment",
        "schema": 1,
        "rubric": roadmap.version,
        "exported": "2026-03-01T10:15:00.000Z",
        "assessment": {
            "id": "first",
            "name": "2026 baseline",
            "created": "2026-02-27T09:00:00.000Z",
            "ticked": sorted([i.id for i in mission.indicators[:3]] + ["an-indicator-from-an-older-roadmap"]),
            "elements": {
                "mission-statement": {"stage": 2, "notes": "Draft at the March meeting.\n=not a formula",
                                      "reviewed": element_signature(mission)},
                "media": {"stage": "na", "notes": ""},
                "outreach": {"stage": None, "notes": "Ask the NGO partners."},
            },
            "snapshots": [{"id": "3f9a0c1d2e4b", "taken": "2026-02-28T17:00:00.000Z",
                           "stages": {"mission-statement": 1, "media": "na"},
                           "ticked": [mission.indicators[0].id]}],
        },
    }


def sample(roadmap) -> dict:
    """An export as the dashboard writes it today (schema 2): the above plus the plan."""
    mission = roadmap.element("mission-statement")
    data = sample_v1(roadmap)
    data["schema"] = 2
    a = data["assessment"]
    a["elements"]["mission-statement"].update(target=3, targetDate="2027-06-30")
    a["elements"]["outreach"]["target"] = 2
    a["taskForce"] = "Metro Anti-Trafficking Task Force"
    a["people"] = "Police; prosecutor's office; victim services"
    a["actions"] = [
        {"id": "a1b2c3d4e5f6", "element": "mission-statement", "text": mission.indicators[3].text,
         "owner": "Coordinator", "due": "2026-12-15", "status": "in-progress",
         "indicators": [mission.indicators[3].id], "created": "2026-03-01T10:00:00.000Z"},
        {"id": "0f9e8d7c6b5a", "element": "outreach", "text": "", "owner": "", "due": "",
         "status": "not-started", "indicators": [], "created": "2026-03-01T10:05:00.000Z"},
    ]
    a["snapshots"][0].update(targets={"mission-statement": 3}, actions={"done": 0, "all": 2})
    return data


def test_the_rubric_data_carries_what_the_checklist_needs(roadmap):
    data = checklist_data(roadmap)
    assert data["version"] == roadmap.version
    assert data["pages"] == PAGES == {"dashboard": "self-assessment/", "team": "self-assessment/team/",
                                      "shared": "self-assessment/shared/", "data": "self-assessment/data/",
                                      "plan": "self-assessment/plan/",
                                      "report": "self-assessment/report/", "privacy": "privacy/",
                                      "schema": "assessment.schema.json"}
    elements = [e for a in data["areas"] for e in a["elements"]]
    assert len(elements) == 23
    assert sum(len(e["indicators"]) for e in elements) == len(roadmap.indicators)
    sigs = [e["sig"] for e in elements]
    assert len(set(sigs)) == 23 and all(len(s) == 10 for s in sigs)
    offline = checklist_data(roadmap, directory_urls=False)  # the file:// edition's URL style
    assert offline["pages"] == {"dashboard": "self-assessment.html", "team": "self-assessment/team.html",
                                "shared": "self-assessment/shared.html", "data": "self-assessment/data.html",
                                "plan": "self-assessment/plan.html",
                                "report": "self-assessment/report.html", "privacy": "privacy.html",
                                "schema": "assessment.schema.json"}
    assert offline["areas"][0]["url"] == "internal-foundations/index.html"
    assert offline["areas"][0]["elements"][0]["url"] == "internal-foundations/mission-statement.html"
    script = checklist_script(roadmap)
    assert script.startswith("window.TF_RUBRIC={") and "</" not in script


def test_an_element_signature_changes_only_with_its_indicators(roadmap):
    from dataclasses import replace
    mission = roadmap.element("mission-statement")
    same = replace(mission, intro=(), title="Renamed")
    assert element_signature(same) == element_signature(mission)
    first = mission.stages[0][0]
    reworded = replace(mission, stages=((replace(first, text=first.text + " Corrected."),) + mission.stages[0][1:],)
                       + mission.stages[1:])
    assert element_signature(reworded) != element_signature(mission)
    moved = replace(mission, stages=((replace(first, stage=2),) + mission.stages[0][1:],) + mission.stages[1:])
    assert element_signature(moved) != element_signature(mission)


def test_share_links_survive_rewording_but_not_renamed_or_moved_indicators(rubric_copy, roadmap):
    """Share links carry ticks as bits in indicator order, named by data["order"]."""
    from taskforce_roadmap import load_roadmap
    from taskforce_roadmap.checklist import indicator_order
    mission = rubric_copy / "internal-foundations" / "mission-statement.yml"
    text = mission.read_text(encoding="utf-8")
    mission.write_text(text.replace("is not easy for members", "is hard for members"), encoding="utf-8")
    reworded = load_roadmap(rubric_copy)
    assert reworded.version != roadmap.version
    assert indicator_order(reworded) == indicator_order(roadmap) == checklist_data(roadmap)["order"]
    mission.write_text(text.replace("id: mission-clearly-written", "id: mission-written-down"), encoding="utf-8")
    assert indicator_order(load_roadmap(rubric_copy)) != indicator_order(roadmap)


def test_a_sample_export_validates(validator, roadmap):
    assert list(validator.iter_errors(sample(roadmap))) == []
    assert list(validator.iter_errors(sample_v1(roadmap))) == []  # files from before the plan


def _broken(roadmap, path: str, value) -> dict:
    doc = copy.deepcopy(sample(roadmap))
    *parents, last = path.split(".")
    target = doc
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return doc


ACTION = {"id": "a1", "element": "media", "text": "Brief the press office", "owner": "PIO", "due": "2027-01-31",
          "status": "done", "indicators": [], "created": "2026-03-01T10:00:00.000Z"}

BAD = [
    ("format", "something-else"),
    ("schema", 3),
    ("schema", "2"),
    ("rubric", "not hex!"),
    ("exported", "yesterday"),
    ("exported", "2024-13-45T99:99:99Z"),  # impossible dates look like dates
    ("assessment.created", "2026-02-27T24:00:00Z"),
    ("assessment.created", "2026-02-27T09:60:00+01:00"),
    ("assessment.name", ""),
    ("assessment.name", "x" * 121),
    ("assessment.id", "Has Spaces"),
    ("assessment.ticked", ["ok-id", "ok-id"]),
    ("assessment.ticked", ["Bad_Id"]),
    ("assessment.ticked", "mission-clearly-written"),
    ("assessment.elements.media", {"stage": 6, "notes": ""}),
    ("assessment.elements.media", {"stage": "3", "notes": ""}),
    ("assessment.elements.media", {"stage": 3}),
    ("assessment.elements.media", {"stage": 3, "notes": "", "extra": 1}),
    ("assessment.elements.media", {"stage": 3, "notes": "x" * 20001}),
    ("assessment.elements.media", {"stage": 3, "notes": "", "reviewed": "zz"}),
    ("assessment.snapshots", {"id": "a"}),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28T17:00:00Z", "stages": {"media": None}, "ticked": []}]),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28", "stages": {}, "ticked": []}]),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28T17:00:00Z", "stages": {}, "ticked": ["x", "x"]}]),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28T17:00:00Z", "stages": {}}]),
    # the plan (schema 2)
    ("assessment.elements.media", {"stage": 3, "notes": "", "target": "na"}),
    ("assessment.elements.media", {"stage": 3, "notes": "", "target": 6}),
    ("assessment.elements.media", {"stage": 3, "notes": "", "targetDate": "2027-06"}),
    ("assessment.elements.media", {"stage": 3, "notes": "", "targetDate": "2027-13-01"}),
    ("assessment.taskForce", "x" * 121),
    ("assessment.taskForce", None),
    ("assessment.people", "x" * 2001),
    ("assessment.actions", {"id": "a"}),
    ("assessment.actions", [{"id": "a"}]),
    ("assessment.actions", [{**ACTION, "status": "finished"}]),
    ("assessment.actions", [{**ACTION, "due": "next week"}]),
    ("assessment.actions", [{**ACTION, "owner": None}]),
    ("assessment.actions", [{**ACTION, "owner": "x" * 201}]),
    ("assessment.actions", [{**ACTION, "text": "x" * 2001}]),
    ("assessment.actions", [{**ACTION, "element": "Not An Id"}]),
    ("assessment.actions", [{**ACTION, "indicators": ["x", "x"]}]),
    ("assessment.actions", [{**ACTION, "indicators": [f"i-{n}" for n in range(51)]}]),
    ("assessment.actions", [{**ACTION, "created": "today"}]),
    ("assessment.actions", [{**ACTION, "extra": 1}]),
    ("assessment.actions", [{k: v for k, v in ACTION.items() if k != "status"}]),
    ("assessment.actions", [ACTION] * 1001),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28T17:00:00Z", "stages": {}, "ticked": [],
                               "targets": {"media": "na"}}]),
    ("assessment.snapshots", [{"id": "a", "taken": "2026-02-28T17:00:00Z", "stages": {}, "ticked": [],
                               "actions": {"done": -1, "all": 2}}]),
    ("assessment.created", KeyError),
    ("assessment.extra", True),
    ("extra", True),
]


@pytest.mark.parametrize("path, value", BAD, ids=[f"{p}={str(v)[:12]}" for p, v in BAD])
def test_each_kind_of_bad_export_fails_the_schema(validator, roadmap, path, value):
    assert list(validator.iter_errors(_broken(roadmap, path, value))), (path, value)


def test_the_site_publishes_the_schema(site):
    published = json.loads((site.dir / "assessment.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert "self-assessment" in published["title"].lower()


def _v1_with_plan(roadmap) -> list[dict]:
    """Schema 1 files that carry a field of the plan: refused (version 1 had no plan)."""
    out = []
    for path, value in [("assessment.taskForce", "A task force"), ("assessment.actions", []),
                        ("assessment.elements.media", {"stage": 3, "notes": "", "target": 4})]:
        doc = _broken(roadmap, path, value)
        doc["schema"] = 1
        out.append(doc)
    snap = copy.deepcopy(sample_v1(roadmap))
    snap["assessment"]["snapshots"][0]["targets"] = {}
    return out + [snap]


def test_a_schema_1_file_with_a_field_of_the_plan_fails(validator, roadmap):
    for doc in _v1_with_plan(roadmap):
        assert list(validator.iter_errors(doc)), doc


def bad_samples(roadmap) -> list[dict]:
    """Used by the browser tests too: the JS checks must refuse what the schema refuses."""
    return [_broken(roadmap, p, v) for p, v in BAD] + _v1_with_plan(roadmap)


# Each limit is enforced by store.js (LIMITS), published in the schema and promised on the privacy
# page: three places that must say the same number. Where in the schema, and how the page words it.
LIMIT_PLACES = {
    "name": (["properties/assessment/properties/name/maxLength"], "names up to {}"),
    "notes": (["$defs/element/properties/notes/maxLength"], "notes {}"),
    "actionText": (["$defs/action/properties/text/maxLength"], "an action {}"),
    "ids": (["properties/assessment/properties/ticked/maxItems",
             "properties/assessment/properties/snapshots/items/properties/ticked/maxItems"],
            "up to {} ticked"),
    "elements": (["properties/assessment/properties/elements/maxProperties",
                  "properties/assessment/properties/snapshots/items/properties/stages/maxProperties",
                  "properties/assessment/properties/snapshots/items/properties/targets/maxProperties"],
                 "answers on up to {} elements"),
    "snapshots": (["properties/assessment/properties/snapshots/maxItems"], "{} snapshots"),
    "actions": (["properties/assessment/properties/actions/maxItems",
                 "properties/assessment/properties/snapshots/items/properties/actions/properties/all/maximum"],
                "{} actions"),
    "assessments": ([], "up to {} assessments"),
    "owner": (["$defs/action/properties/owner/maxLength"], None),
    "actionIndicators": (["$defs/action/properties/indicators/maxItems"], None),
    "taskForce": (["properties/assessment/properties/taskForce/maxLength"], None),
    "people": (["properties/assessment/properties/people/maxLength"], None),
}


def store_limits() -> dict[str, int]:
    source = (ROOT / "overrides" / "assets" / "js" / "store-format.js").read_text(encoding="utf-8")
    block = re.search(r"const LIMITS = Object\.freeze\(\{(.*?)\}\);", source, re.S)
    assert block, "store-format.js no longer declares `const LIMITS = Object.freeze({...})`"
    return {k: int(float(v)) for k, v in re.findall(r"^\s*(\w+): ([0-9.e]+),", block.group(1), re.M)}


def test_every_limit_is_the_same_in_the_store_the_schema_and_the_privacy_page():
    limits = store_limits()
    assert set(LIMIT_PLACES) <= set(limits), "a limit named here is gone from store.js"
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    privacy = " ".join((ROOT / "docs" / "privacy.md").read_text(encoding="utf-8").split())
    for key, (paths, wording) in LIMIT_PLACES.items():
        for path in paths:
            node = schema
            for part in path.split("/"):
                node = node[part]
            assert node == limits[key], f"schema {path} is {node}, store.js LIMITS.{key} is {limits[key]}"
        if wording:
            phrase = wording.format(f"{limits[key]:,}")
            assert phrase in privacy, f"docs/privacy.md should say {phrase!r} (store.js LIMITS.{key})"
