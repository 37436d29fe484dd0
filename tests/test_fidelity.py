"""The rubric says what the source says: every indicator bullet of the seed text, in source order,
word for word and mark for mark, punctuation included, and nothing added; and every element's
title and introduction, and every resource's address, as the source prints them.

The seed is the PDF's flat extraction. Only these normalisations apply everywhere, each once, here:

1. Spacing: any run of whitespace equals one space (line breaks inside a bullet included).
2. A compound's hyphen that extraction dropped: where the rubric has a hyphen between two letters,
   the source may have none ("victimcentered" is "victim-centered").

(The third kind of extraction damage, a word hyphenated at a line break, does not occur in the
seed's bullets, so no rule allows it.) Every other difference is a deliberate repair, recorded once
in the rubric beside its text (`repairs: [{source, text, why}]` on the indicator, the element or the
resource's link) and listed on the about page; the comparison accepts exactly those. Addresses are
kept as printed ("www." or "https://"); only the link adds a scheme, which no comparison here sees.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from project import SEED
from taskforce_roadmap.model import block_texts

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
BULLET = re.compile(r"^-\s*[►▶➤▸]?\s*")
NUMBERING = re.compile(r"^\**\d+\.\**\s*")  # "1. ", "**3. ", "**5.** " of numbered lists
STAGE_LABEL = re.compile(r"^Stage [1-5]$")  # Media's column headers, extracted as bullets
# A citation mark: superscript digits anywhere, or plain digits glued after a sentence's end.
SUPERSCRIPT_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
TRAILING_MARK = re.compile(r"(?<=[.”\"])(\d{1,2})$")
# Lines whose extraction lost the bullet or split one bullet in two (Media's scrambled table):
# the structure of the seed, not its words.
SEED_FIXES = {
    "The task force lacks a media plan or guidelines.":
        "- The task force lacks a media plan or guidelines.",
    "- Task force members respond to media\n\nrequests individually.":
        "- Task force members respond to media requests individually.",
}
# Rule 2: a hyphen between two letters.
COMPOUND_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


class Printed:
    """One bullet as the source prints it: the text before its citation marks, the marks, and
    the text after them (empty when the marks end the bullet, as nearly all do)."""

    def __init__(self, line: str):
        before, after, marks = line, "", []
        found = SUPERSCRIPT_MARK.search(line)
        if found:
            before, after = line[:found.start()], line[found.end():]
            marks = [int(found.group().translate(SUPERSCRIPTS))]
            assert not SUPERSCRIPT_MARK.search(after), f"two mark positions in one bullet: {line!r}"
        trailing = TRAILING_MARK.search(before.rstrip()) if not after.strip() else None
        if trailing:
            marks.append(int(trailing.group(1)))
            before = before.rstrip()[:trailing.start()]
        self.before, self.after, self.marks = before, after, tuple(marks)

    @property
    def text(self) -> str:
        return spaced(self.before + self.after)


def spaced(text: str) -> str:
    """Rule 1."""
    return " ".join(text.split())


def printed_as(shown: str, printed: str) -> bool:
    """Whether the site's words are the source's words under the two rules, and only those."""
    pattern = "-?".join(re.escape(part) for part in COMPOUND_HYPHEN.split(spaced(shown)))
    return re.fullmatch(pattern, spaced(printed)) is not None


def unrepaired(text: str, record) -> str:
    """Words with the record's repairs undone (an indicator's, an element's or a link's): what the
    source should print."""
    for repair in record.repairs:
        text = text.replace(repair.text, repair.source)
    return text


def key(text: str) -> str:
    """Letters and digits only: used solely to tell an element's intro lists from its indicators."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.fixture(scope="module")
def seed_bullets() -> list[Printed]:
    """Every bullet of the element pages (first element's intro up to the citations), in order."""
    text = SEED.read_text(encoding="utf-8")
    for broken, fixed in SEED_FIXES.items():
        assert text.count(broken) == 1, f"seed fix no longer applies: {broken!r}"
        text = text.replace(broken, fixed)
    start = text.index("\nMission Statement\n\nA mission statement")
    end = text.index("\nCitations\n")
    bullets = (NUMBERING.sub("", BULLET.sub("", line.strip()))
               for line in text[start:end].splitlines() if line.startswith("- "))
    return [Printed(b) for b in bullets if not STAGE_LABEL.match(b)]


@pytest.fixture(scope="module")
def intro_items(roadmap) -> set[str]:
    """Bullets of the element pages that are not indicators: their intro lists."""
    items = set()
    for element in roadmap.elements:
        for block in element.intro + element.outro:
            lists = getattr(block, "columns", None) or ([block] if getattr(block, "items", None) else [])
            for lst in lists:
                items.update(key(re.sub(r"\*\*", "", i)) for i in lst.items)
    return items


@pytest.fixture(scope="module")
def seed_indicators(seed_bullets, intro_items) -> list[Printed]:
    return [b for b in seed_bullets if key(b.text) not in intro_items]


def differences(roadmap, seed_indicators: list[Printed]) -> list[str]:
    """Every indicator that the source does not print as the site shows it, in roadmap order
    (which is source order: elements in order, each element's stages in order)."""
    problems = []
    for indicator, printed in zip(roadmap.indicators, seed_indicators):
        before, after = indicator.text_around_marks
        if not printed_as(unrepaired(indicator.text, indicator), printed.text):
            problems.append(f"{indicator.id}: {indicator.text!r} is printed {printed.text!r}")
        elif indicator.cites != printed.marks:
            problems.append(f"{indicator.id}: marks {indicator.cites}, printed {printed.marks}")
        elif printed.marks and not printed_as(unrepaired(before, indicator), printed.before):
            problems.append(f"{indicator.id}: marks after {before!r}, printed after {printed.before!r}")
    if len(roadmap.indicators) != len(seed_indicators):
        problems.append(f"{len(roadmap.indicators)} indicators, the source has {len(seed_indicators)}")
    return problems


def test_every_indicator_is_printed_word_for_word_as_in_the_source(roadmap, seed_indicators):
    assert differences(roadmap, seed_indicators) == []


def test_the_source_has_about_295_indicators(seed_indicators):
    assert 280 <= len(seed_indicators) <= 310


def test_each_repair_is_needed(roadmap, seed_indicators):
    """A recorded repair that the rules already allow (or that changes nothing) is noise."""
    printed = dict(zip((i.id for i in roadmap.indicators), seed_indicators))
    for indicator, repair in roadmap.repairs:
        assert repair.source != repair.text, indicator.id
        assert not printed_as(indicator.text, printed[indicator.id].text), (indicator.id, repair)


def test_the_listed_repairs_are_recorded(roadmap):
    recorded = {(i.id, r.source, r.text) for i, r in roadmap.repairs}
    assert recorded == {
        ("membership-ad-hoc", "and/ or", "and/or"),
        ("vci-training-action-steps", "victim-centered. trauma-informed", "victim-centered, trauma-informed"),
        ("vci-shift-from-arresting-victims", "violent crime. weapons", "violent crime, weapons"),
        ("prosecutions-limited-sex-trafficking", "cases. mostly", "cases, mostly"),
        ("prosecutions-enhanced-strategies", "wrongdoing/ witness", "wrongdoing/witness"),
        ("prosecutions-civil-remedies", "attornevs", "attorneys"),
        ("prosecutions-accountability-without-victims", "accountable. even", "accountable, even"),
    }


def test_citation_mark_3_sits_where_the_source_prints_it(roadmap):
    indicator = next(i for i in roadmap.indicators if i.cites == (3,))
    before, after = indicator.text_around_marks
    assert before.endswith("task force's work,") and after.startswith(" including its goals")


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


# --- the comparison itself can fail -------------------------------------------------------------

def edited(rubric_copy, name: str, old: str, new: str):
    from taskforce_roadmap import load_roadmap
    path = rubric_copy / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_roadmap(rubric_copy)


@pytest.mark.parametrize("name, old, new, flagged", [
    # a changed full stop
    ("internal-foundations/meetings.yml", "document each meeting.", "document each meeting,",
     "meetings-notes-taken"),
    # a repair made without recording it
    ("case-operations/prosecutions.yml",
     '      repairs:\n        - {source: "attornevs", text: "attorneys", why: "the extraction misread the letter “y” as “v”"}\n',
     "", "prosecutions-civil-remedies"),
    # a hyphen the source prints, removed
    ("internal-foundations/decision-making.yml", "lacks a decision-making structure",
     "lacks a decisionmaking structure", "decisions-no-process"),
    # a comma added
    ("internal-foundations/mission-statement.yml", "Members, stakeholders, and the community",
     "Members, stakeholders and, the community", "mission-focus-unclear"),
    # a citation mark moved to the end of its sentence
    ("internal-foundations/mission-statement.yml", "      cite_at: task force's work,", "",
     "mission-drives-all-work"),
])
def test_the_comparison_fails_on_a_changed_character(rubric_copy, seed_indicators, name, old, new,
                                                      flagged):
    problems = differences(edited(rubric_copy, name, old, new), seed_indicators)
    assert [p.split(":")[0] for p in problems] == [flagged], problems


def test_the_comparison_catches_a_dropped_and_an_invented_indicator(rubric_copy, seed_indicators):
    broken = edited(rubric_copy, "internal-foundations/meetings.yml",
                    "Notes are taken to document each meeting.", "Meetings start on time.")
    assert [p.split(":")[0] for p in differences(broken, seed_indicators)] == ["meetings-notes-taken"]
    seed = Counter(spaced(b.text) for b in seed_indicators)
    assert seed["Meetings start on time."] == 0


# --- titles, introductions and addresses ---------------------------------------------------------

# Where the seed's element pages are: from the first element's heading to the citations.
ELEMENT_PAGES = ("\nMission Statement\n\nA mission statement", "\nCitations\n")
# What may stand before a text on its line: a bullet, its marker, a list number, a box's label.
LINE_START = r"^(?:- )?(?:[►▶➤▸] ?)?(?:\d+\. ?)?(?:[A-Z ]+: ?)?"


def words_pattern(text: str) -> str:
    """A regex of the text as the source may print it under the two rules: any whitespace
    between words, line breaks included, and a compound's hyphen that may be missing. Emphasis
    marks are not words: they are dropped from both sides."""
    words = spaced(text.replace("*", "")).split(" ")
    return r"\s+".join("-?".join(re.escape(p) for p in COMPOUND_HYPHEN.split(w)) for w in words)


def element_pages() -> str:
    """The element pages of the seed, citation marks and emphasis marks taken out."""
    text = SEED.read_text(encoding="utf-8")
    start, end = (text.index(marker) for marker in ELEMENT_PAGES)
    return SUPERSCRIPT_MARK.sub("", text[start:end]).replace("*", "")


def element_differences(roadmap) -> list[str]:
    """Every element whose title is not a line of the source (in roadmap order), or one of whose
    introduction or closing texts is not whole lines of its own part of the source."""
    pages, problems, starts = element_pages(), [], []
    for element in roadmap.elements:
        after = starts[-1][1] if starts else 0
        title = re.compile(rf"^{words_pattern(unrepaired(element.title, element))}[ \t]*$", re.M)
        found = title.search(pages, after)
        if not found:
            problems.append(f"{element.id}: title {element.title!r} is not printed after the previous one")
            continue
        starts.append((element, found.end()))
    for (element, start), (_, end) in zip(starts, starts[1:] + [(None, len(pages))]):
        for block in element.intro + element.outro:
            for text in block_texts(block):
                # Whole lines: a trailing number is a plain citation mark ("purpose.5").
                line = rf"{LINE_START}{words_pattern(unrepaired(text, element))}\d*[ \t]*$"
                if not re.compile(line, re.M).search(pages, start, end):
                    problems.append(f"{element.id}: {text[:60]!r}… is not printed in the element")
    return problems


def resources_page() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text[text.index("\nAdditional Resources\n"):]


def printed_address(address: str) -> re.Pattern:
    """A whole address on its line, as the source may print it."""
    return re.compile(rf"(?:^|\s){words_pattern(address)}[ \t]*$", re.M)


def address_differences(roadmap) -> list[str]:
    """Every resource address the source does not print, whole and in order, in its resources
    (each problem starts with the resource's title, then " | ": titles hold colons)."""
    resources, problems, at = resources_page(), [], 0
    for group in roadmap.resources:
        for item in group.items:
            for link in item.links:
                found = printed_address(unrepaired(link.url, link)).search(resources, at)
                if not found:
                    problems.append(f"{item.title} | {link.url!r} is not printed after the previous address")
                    continue
                at = found.end()
    return problems


def test_every_element_title_and_introduction_is_printed_as_in_the_source(roadmap):
    assert element_differences(roadmap) == []


def test_every_resource_address_is_printed_as_in_the_source(roadmap):
    assert address_differences(roadmap) == []


def test_citation_26_shows_its_address_as_printed(roadmap):
    cited = roadmap.citation(26)
    assert cited.url in cited.text and cited.url.startswith("www.")
    assert spaced(cited.text) in spaced(SEED.read_text(encoding="utf-8"))


def test_each_recorded_repair_of_a_title_intro_or_address_is_needed(roadmap):
    """Undoing a repair must give what the source prints, and the repaired words must not be."""
    pages = element_pages()
    for element in roadmap.elements:
        for repair in element.repairs:
            assert repair.source != repair.text, element.id
            assert not re.search(words_pattern(repair.text), pages), (element.id, repair)
    resources = resources_page()
    for group in roadmap.resources:
        for link in (link for item in group.items for link in item.links):
            for repair in link.repairs:
                assert repair.source != repair.text, link.url
                assert not printed_address(link.url).search(resources), (link.url, repair)


def test_the_listed_title_intro_and_address_repairs_are_recorded(roadmap):
    recorded = {(c.place, c.repair.source, c.repair.text) for c in roadmap.corrections
                if not c.element or not c.anchor}
    prosecutions = "Prosecutions: Local, State, & Federal"
    assert recorded == {
        (prosecutions, "State & Federal", "State, & Federal"),
        (prosecutions, "for cases, A host", "for cases. A host"),
        ('Webinar: "Human Trafficking Screening Processes and Best Practices"',
         "HT_Screening_ Processes", "HT_Screening_Processes"),
        ('Webinar: "Drugs as Coercion: Human Trafficking and Toxicology"',
         "toxicology#tab-product tab overview", "toxicology"),
        ("Hitting Them Where it Hurts: Strategies for Seizing Assets in Human Trafficking Cases",
         "Cases. pdf", "Cases.pdf"),
        ("No Victim? Don't Give Up: Creative Strategies in Prosecuting Human Trafficking Cases "
         "Using Forfeiture by Wrongdoing and Other Evidence-Based Techniques", "No_ Victim", "No_Victim"),
        ('Webinar: "Program Evaluation"', "HT_ Grantee", "HT_Grantee"),
        ('Webinar: "Program Evaluation"', "files/ HTWebinar", "files/HTWebinar"),
    }


@pytest.mark.parametrize("name, old, new, flagged", [
    # a title's recorded repair removed: the contents page's comma is then unrecorded
    ("case-operations/prosecutions.yml",
     '  - {source: "State & Federal", text: "State, & Federal", why: "the element\'s own heading prints '
     'no comma after “State”; the source\'s contents page prints one, as the source\'s other three-part '
     'titles do (“Data, Reporting, & Assessment”)"}\n', "", "prosecutions"),
    # a title reworded
    ("internal-foundations/meetings.yml", "title: Meetings", "title: Task Force Meetings", "meetings"),
    # a word of an introduction changed
    ("internal-foundations/mission-statement.yml", "clear and concise", "clear and brief",
     "mission-statement"),
    # the first word of an introduction dropped
    ("internal-foundations/mission-statement.yml", "- paragraph: >-\n      A mission statement",
     "- paragraph: >-\n      mission statement", "mission-statement"),
    # the end of a box cut
    ("internal-foundations/mission-statement.yml",
     "multidisciplinary response to human trafficking in our community.",
     "multidisciplinary response to human trafficking.", "mission-statement"),
    # a list item shortened, and a column's item reworded
    ("internal-foundations/protocols.yml", "- Referrals on potential tips", "- Referrals on tips",
     "protocols"),
    ("case-operations/confidentiality.yml", "- Ethical duty/principle", "- Ethical duty", "confidentiality"),
    # a word of a box cut off in the source changed
    ("case-operations/prosecutions.yml", "not the only remedy", "not the sole remedy", "prosecutions"),
])
def test_the_element_comparison_fails_on_a_changed_character(rubric_copy, name, old, new, flagged):
    problems = element_differences(edited(rubric_copy, name, old, new))
    assert [p.split(":")[0] for p in problems] == [flagged], problems


@pytest.mark.parametrize("old, new, flagged", [
    # the https:// the source does not print, added to the address itself
    ("url: www.theiacp.org/humantrafficking", "url: https://www.theiacp.org/humantrafficking",
     "IACP Anti-Human Trafficking Training & Technical Assistance"),
    # a character of an address changed
    ("url: www.htlegalcenter.org", "url: www.htlegalcenter.com", "Human Trafficking Legal Center"),
    # an address cut short
    ("url: www.ovc.gov/model-standards/index.html", "url: www.ovc.gov/model-standards/",
     "Achieving Excellence: Model Standards for Serving Victims & Survivors of Crime"),
])
def test_the_address_comparison_fails_on_a_changed_character(rubric_copy, old, new, flagged):
    problems = address_differences(edited(rubric_copy, "roadmap.yml", old, new))
    assert [p.split(" | ")[0] for p in problems] == [flagged], problems


def test_the_address_comparison_fails_on_an_unrecorded_repair(rubric_copy):
    """The fragment the source prints, dropped without its record."""
    text = (rubric_copy / "roadmap.yml").read_text(encoding="utf-8")
    record = text[text.index("            repairs:\n              - {source: \"toxicology"):]
    record = record[:record.index("\n", record.index("{source")) + 1]
    problems = address_differences(edited(rubric_copy, "roadmap.yml", record, ""))
    assert [p.split(" | ")[0] for p in problems] == [
        'Webinar: "Drugs as Coercion: Human Trafficking and Toxicology"'], problems
