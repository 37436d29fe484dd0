"""The whole site, built with `mkdocs build --strict`, says on each page what the contract says."""

from __future__ import annotations

import re
import shutil
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from project import ROOT, mkdocs_build

AREAS = {
    "internal-foundations": ["mission-statement", "guiding-principles", "goals-objectives",
                             "leadership", "membership", "structure", "roles-responsibilities",
                             "decision-making", "meetings", "protocols"],
    "case-operations": ["victim-centered-investigations", "proactive-investigations",
                        "prosecutions", "victim-services", "victim-screening",
                        "referral-protocols", "confidentiality"],
    "data-reporting-assessment": ["data-collection-sharing", "data-driven-approach", "assessment"],
    "public-engagement": ["community-awareness-training", "outreach", "media"],
}
ELEMENT_PAGES = [f"{area}/{element}" for area, elements in AREAS.items() for element in elements]


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: list[str] = []
        self.indicators: list[dict[str, str]] = []
        self.stage_headings: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "li" and "data-indicator" in a:
            self.indicators.append(a)
        if re.fullmatch(r"h[1-6]", tag) and re.fullmatch(r"stage-[1-5]", a.get("id", "")):
            self.stage_headings.append(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def test_build_is_strict_and_quiet(site):
    assert not re.search(r"^(WARNING|ERROR)\b", site.log, re.M), site.log


@pytest.mark.parametrize("page", ELEMENT_PAGES)
def test_element_page_at_its_contract_url(site, roadmap, page):
    area_id, element_id = page.split("/")
    parsed = Page(site.html(page))
    element = roadmap.element(element_id)
    assert element.area_id == area_id
    assert parsed.stage_headings == [f"stage-{n}" for n in range(1, 6)]
    assert [i["data-indicator"] for i in parsed.indicators] == [i.id for i in element.indicators]
    for li, indicator in zip(parsed.indicators, element.indicators):
        assert li["id"] == indicator.id
        assert li["data-stage"] == str(indicator.stage)
    assert element.title in parsed.title
    # every element page links to its area's resources
    assert any(h.endswith(f"resources/#{area_id}") for h in parsed.links), parsed.links


def test_indicator_counts(site, roadmap):
    counts = {e.id: len(Page(site.html(e.url.rstrip("/"))).indicators) for e in roadmap.elements}
    assert counts == {e.id: len(e.indicators) for e in roadmap.elements}
    assert sum(counts.values()) == len(roadmap.indicators)
    assert len(counts) == 23


def test_indicator_ids_are_unique_across_the_site(site, roadmap):
    ids = [i["id"] for p in ELEMENT_PAGES for i in Page(site.html(p)).indicators]
    assert len(ids) == len(set(ids)) == len(roadmap.indicators)


def article(html: str) -> str:
    """The page's own content, without Material's navigation."""
    return html[html.index("<article"):html.index("</article>")]


def test_area_pages_list_their_elements_in_order(site):
    for area, elements in AREAS.items():
        links = [l.rstrip("/") for l in Page(article(site.html(area))).links if "#" not in l]
        assert [l for l in links if l in elements] == elements, area


@pytest.mark.parametrize("page", ["stages", "citations", "resources", "about", ""])
def test_other_contract_pages_exist(site, page):
    assert (site.dir / page / "index.html").is_file()


def test_team_and_shared_pages_exist_and_only_the_team_page_is_in_the_navigation(site):
    for page in ("self-assessment", "self-assessment/team", "self-assessment/shared"):
        assert (site.dir / page / "index.html").is_file(), page
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', site.html("about/"))
    assert len(nav) > 23
    assert any(href.endswith("self-assessment/team/") for href in nav), nav
    assert not any("shared" in href for href in nav), nav


def test_pages_load_only_the_scripts_they_need(site, roadmap):
    """Page-specific features (dashboard, snapshots, share, consensus, undo, actions, plan,
    report) are loaded on demand by assessment.js: no page's HTML names them."""
    from taskforce_roadmap.render import on_demand_scripts
    modules = on_demand_scripts(ROOT / "mkdocs.yml")
    assert {"dashboard.js", "actions.js", "plan.js", "report.js"} <= set(modules)
    for page in site.dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for module in modules:
            assert module not in html, (page, module)
    element = site.html(roadmap.elements[0].url)
    assert "assets/js/assessment-loader.js" in element and "assets/js/roadmap.js" in element
    # The checklist's code comes when it has work (assessment-loader.js), not with the page.
    assert "assets/js/assessment.js" not in element and "assets/js/store.js" not in element


def test_citation_links_point_at_existing_citations(site, roadmap):
    citations = Page(site.html("citations"))
    assert [i for i in citations.ids if i.startswith("cite-")] == [f"cite-{n}" for n in range(1, 28)]
    cited = set()
    for page in ELEMENT_PAGES:
        for href in Page(site.html(page)).links:
            if "#cite-" in href:
                target = urlsplit(urljoin(f"{site.url}{page}/", href))
                assert target.path == "/citations/", href
                cited.add(int(target.fragment.removeprefix("cite-")))
    expected = {n for i in roadmap.indicators for n in i.cites} | {
        n for e in roadmap.elements for b in e.intro for n in getattr(b, "cites", ())}
    assert cited == expected and len(cited) >= 20


def test_ibid_citations_show_the_source_they_repeat(site):
    html = site.html("citations")
    item = re.search(r'<li id="cite-7"[^>]*>(.*?)</li>', html, re.S).group(1)
    assert "Howard Feldman" in item and "Ibid 5" in item


def test_every_citation_address_is_a_link_and_mark_11_is_explained(site, roadmap):
    html = site.html("citations")
    for citation in roadmap.citations:
        item = re.search(rf'<li id="{citation.anchor}"[^>]*>(.*?)</li>', html, re.S).group(1)
        if citation.url:  # shown as printed, linked with https:// in front
            assert f'href="{citation.href}">{citation.url}</a>' in item, citation.number
            assert "www." not in re.sub(r"<a [^>]*>.*?</a>", "", item), citation.number
        assert ("No text in the source carries mark" in item) == (citation.number == 11)


def test_citation_mark_3_sits_mid_sentence_as_printed(site):
    html = site.html("internal-foundations/mission-statement")
    item = re.search(r'<li [^>]*id="mission-drives-all-work"[^>]*>(.*?)</li>', html, re.S).group(1)
    assert re.search(r"task force's work,<a [^>]*#cite-3\b[^>]*><sup>3</sup></a> including", item), item


def test_every_resource_has_its_address(site, roadmap):
    html = site.html("resources")
    assert "cut off in the source" not in html
    webinar = ("https://learn.theiacp.org/products/successful-approaches-to-working-with-social-"
               "media-for-human-trafficking-outreach-and-awareness")
    assert f'href="{webinar}"' in html
    assert all(item.links for group in roadmap.resources for item in group.items)
    # An address the source prints as "www." reads so, and links with https:// in front.
    assert ('<a href="https://www.theiacp.org/humantrafficking">www.theiacp.org/humantrafficking</a>'
            in html)


def test_about_lists_every_correction_of_the_source(site, roadmap):
    """Indicators', titles', introductions' and addresses' corrections alike, each linked to
    where it shows, and the rule for addresses printed without https:// said once."""
    html = site.html("about")
    table = html[html.index('id="corrections"'):]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == len(roadmap.corrections) == 15
    for row, correction in zip(rows, roadmap.corrections):
        page = correction.element.url if correction.element else "resources/"
        anchor = f"#{correction.anchor}" if correction.anchor else '"'
        assert f'{page}{anchor}' in row, (row, correction)
        for words in (correction.repair.source, correction.repair.text):
            assert words in unescape(row), (row, words)
    assert "in the additional resources and in citation 26 alike" in table
    assert len(roadmap.repairs) == 7


def test_about_says_the_stage_columns_are_rebuilt_and_the_home_and_stages_pages_point_there(site):
    about = " ".join(site.html("about").split())
    assert 'id="stage-layout"' in about and "this site's reconstruction" in about
    assert "as published" not in about and "as published" not in site.html("")
    for page in ("", "stages"):
        assert "about/#stage-layout" in site.html(page), page


def test_the_release_notes_are_published_and_name_each_element_that_asks_for_review(site, roadmap):
    html = site.html("changelog")
    notes = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    review = notes[notes.index("### Will ask you to review"):notes.index("### Added")]
    for element in ("victim-centered-investigations", "victim-screening", "data-collection-sharing",
                    "assessment", "protocols"):
        title = roadmap.element(element).title
        assert f"**{title}**" in review and title.replace("&", "&amp;") in html, element
    assert 'href="changelog/"' in site.html("") or 'href="../changelog/"' in site.html("about")


def test_no_page_loads_anything_from_another_origin(site):
    own = urlsplit(site.url).netloc
    for html_file in site.dir.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for tag, url in re.findall(r'<(link|img|script|iframe|source|video|audio)\b[^>]*?'
                                   r'(?:src|href|srcset)="([^"]*)"', html):
            assert urlsplit(urljoin(site.url, url)).netloc == own, (html_file, tag, url)
    css_and_js = [*site.dir.rglob("*.css")]
    for path in css_and_js:
        for url in re.findall(r"url\(['\"]?(https?:)?//", path.read_text(encoding="utf-8")):
            pytest.fail(f"{path} loads from another origin")


def test_a_malformed_rubric_stops_the_build_with_one_line_and_keeps_the_old_site(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("hooks", "overrides", "docs", "rubric"):
        shutil.copytree(ROOT / name, project / name)
    mission = project / "rubric" / "internal-foundations" / "mission-statement.yml"
    mission.write_text(mission.read_text().replace("cites: [1]", "cites: [99]"))
    site_dir = tmp_path / "old-site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the previous build")

    result = mkdocs_build(project, site_dir)

    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    assert re.fullmatch(r"ERROR +- +rubric/internal-foundations/mission-statement\.yml:\d+: "
                        r"stages\.3\[1\]\.cites\[0\]: 99 is not a citation \(1-27\)", errors[0])
    assert "Traceback" not in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the previous build"
