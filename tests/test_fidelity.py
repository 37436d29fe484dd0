"""The rubric says what the source says: every indicator bullet of the seed text exactly once,
in source order, with the citation marks it carries, and nothing added.

The seed is the PDF's flat extraction, so comparison ignores what extraction damages and the
rubric repairs (hyphens lost at line breaks, a stray period, spacing); everything else must match.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import SEED

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
BULLET = re.compile(r"^-\s*[►▶➤▸]?\s*")
NUMBERING = re.compile(r"^\**\d+\.\**\s*")  # "1. ", "**3. ", "**5.** " of numbered lists
STAGE_LABEL = re.compile(r"^Stage [1-5]$")  # Media's column headers, extracted as bullets
# A citation mark: superscript digits anywhere, or plain digits glued after a sentence's end.
SUPERSCRIPT_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
TRAILING_MARK = re.compile(r"(?<=[.”\"])(\d{1,2})$")
# Letter-level OCR damage the rubric repairs; each is certain from context.
OCR_REPAIRS = {"attornevs": "attorneys"}
# Lines whose extraction lost the bullet or split one bullet in two (Media's scrambled table).
SEED_FIXES = {
    "The task force lacks a media plan or guidelines.":
        "- The task force lacks a media plan or guidelines.",
    "- Task force members respond to media\n\nrequests individually.":
        "- Task force members respond to media requests individually.",
}


def key(text: str) -> str:
    """What survives extraction damage: letters and digits, lowercased."""
    for wrong, right in OCR_REPAIRS.items():
        text = text.replace(wrong, right)
    return re.sub(r"[^a-z0-9]", "", text.lower())


def split_marks(line: str) -> tuple[str, tuple[int, ...]]:
    marks = [int(m.translate(SUPERSCRIPTS)) for m in SUPERSCRIPT_MARK.findall(line)]
    text = SUPERSCRIPT_MARK.sub("", line).rstrip()
    trailing = TRAILING_MARK.search(text)
    if trailing:
        marks.append(int(trailing.group(1)))
        text = text[:trailing.start()]
    return text, tuple(marks)


@pytest.fixture(scope="module")
def seed_bullets() -> list[tuple[str, tuple[int, ...]]]:
    """Every bullet of the element pages (first element's intro up to the citations), in order."""
    text = SEED.read_text(encoding="utf-8")
    for broken, fixed in SEED_FIXES.items():
        assert text.count(broken) == 1, f"seed fix no longer applies: {broken!r}"
        text = text.replace(broken, fixed)
    start = text.index("\nMission Statement\n\nA mission statement")
    end = text.index("\nCitations\n")
    bullets = (NUMBERING.sub("", BULLET.sub("", line.strip()))
               for line in text[start:end].splitlines() if line.startswith("- "))
    return [split_marks(b) for b in bullets if not STAGE_LABEL.match(b)]


@pytest.fixture(scope="module")
def intro_items(roadmap) -> set[str]:
    """Bullets of the element pages that are not indicators: their intro lists."""
    items = set()
    for element in roadmap.elements:
        for block in element.intro + element.outro:
            lists = getattr(block, "columns", None) or ([block] if getattr(block, "items", None) else [])
            for lst in lists:
                items.update(key(re.sub(r"\*\*", "", i)) for i in lst.items)
    items.update(key(re.sub(r"\*\*", "", i)) for i in roadmap.front.goals + roadmap.front.objectives)
    return items


@pytest.fixture(scope="module")
def seed_indicators(seed_bullets, intro_items) -> list[tuple[str, tuple[int, ...]]]:
    return [(t, m) for t, m in seed_bullets if key(t) not in intro_items]


def test_every_seed_indicator_is_in_the_rubric_once_and_nothing_is_added(roadmap, seed_indicators):
    seed = Counter(key(t) for t, _ in seed_indicators)
    rubric = Counter(key(i.text) for i in roadmap.indicators)
    missing = {k: n for k, n in (seed - rubric).items()}
    added = {k: n for k, n in (rubric - seed).items()}
    assert not missing, f"indicators of the source missing from the rubric: {missing}"
    assert not added, f"indicators in the rubric that the source does not have: {added}"
    assert sum(rubric.values()) == len(seed_indicators)


def test_the_source_has_about_295_indicators(seed_indicators):
    assert 280 <= len(seed_indicators) <= 310


def test_each_elements_stages_follow_source_order(roadmap, seed_indicators):
    position = {key(t): i for i, (t, _) in enumerate(seed_indicators)}
    for element in roadmap.elements:
        order = [position[key(i.text)] for i in element.indicators]
        assert order == sorted(order), f"{element.id}: stages go back in source order"
        # and the element's indicators are one unbroken run of the source
        assert order == list(range(order[0], order[0] + len(order))), element.id


def test_citation_marks_become_citation_numbers(roadmap, seed_indicators):
    marks = {key(t): m for t, m in seed_indicators}
    for indicator in roadmap.indicators:
        assert indicator.cites == marks[key(indicator.text)], indicator.id


def test_indicator_text_is_free_of_extraction_debris(roadmap):
    debris = re.compile(r"[►▶➤▸⁰¹²³⁴⁵⁶⁷⁸⁹]|\s{2}|\s[.,;]|(?<!e\.g)\.\s[a-z]"
                        r"|victimcentered|traumainformed|decisionmaking|basedon|\d$")
    for indicator in roadmap.indicators:
        assert not debris.search(indicator.text), (indicator.id, indicator.text)
        assert indicator.text[0].isupper() and indicator.text.endswith((".", '."')), indicator.id


def test_every_stage_has_indicators(roadmap):
    for element in roadmap.elements:
        assert len(element.stages) == 5
        assert all(element.stages), element.id


def test_the_comparison_catches_a_dropped_and_an_invented_indicator(rubric_copy, seed_indicators):
    """The fidelity check itself can fail: drop one indicator and invent another."""
    from taskforce_roadmap import load_roadmap
    path = rubric_copy / "internal-foundations" / "meetings.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Notes are taken to document each meeting.", "Meetings start on time.")
    path.write_text(text, encoding="utf-8")
    broken = load_roadmap(rubric_copy)
    seed = Counter(key(t) for t, _ in seed_indicators)
    rubric = Counter(key(i.text) for i in broken.indicators)
    assert dict(seed - rubric) == {key("Notes are taken to document each meeting."): 1}
    assert dict(rubric - seed) == {key("Meetings start on time."): 1}
