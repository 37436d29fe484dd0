"""hooks/roadmap_hook.py called directly with a config loaded in memory, as mkdocstrings tests
its plugin: each event does its one job, and errors become one clean PluginError line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from project import ROOT

HOOK = "hooks/roadmap_hook.py"


def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("hooks", "docs", "rubric"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "overrides").symlink_to(ROOT / "overrides")
    return project


def configured(project: Path, tmp_path: Path, config_file: str = "mkdocs.yml"):
    config = load_config(str(project / config_file), site_dir=str(tmp_path / "site"))
    # What MkDocs sets while it runs an event: File.generated records it as the file's maker.
    config.plugins._current_plugin = HOOK
    return config, config.hooks[HOOK]


@pytest.fixture(autouse=True)
def own_modules_restored():
    """The hook re-imports the package (from a project copy, in some tests): put back the one
    the other test modules imported."""
    def own():
        return [name for name in sys.modules if name.split(".")[0] in ("taskforce_roadmap", "html_csp")]
    saved = {name: sys.modules[name] for name in own()}
    yield
    for name in own():
        del sys.modules[name]
    sys.modules.update(saved)


@pytest.fixture
def hook_and_config(tmp_path):
    config, hook = configured(ROOT, tmp_path)
    return hook, hook.on_config(config)


def test_on_config_puts_the_roadmap_before_the_hand_written_pages(hook_and_config, roadmap):
    hook, config = hook_and_config
    titles = [next(iter(item)) for item in config.nav]
    assert titles[:2] == ["Home", "Stages of development"]
    assert titles[2:2 + len(roadmap.areas)] == [area.title for area in roadmap.areas]
    hand_written = [next(iter(item)) for item in load_config(str(ROOT / "mkdocs.yml")).nav]
    assert "Self-assessment" in hand_written
    assert titles[-len(hand_written):] == hand_written


def test_on_files_adds_every_generated_page_and_the_checklist_data(hook_and_config, roadmap):
    hook, config = hook_and_config
    files = hook.on_files(Files([]), config=config)
    uris = [f.src_uri for f in files]
    assert {e.src_uri for e in roadmap.elements} <= set(uris)
    assert {"index.md", "stages.md", "citations.md", "resources.md", "about.md"} <= set(uris)
    rubric = files.get_file_from_path("assets/javascripts/tf-rubric.js")
    assert rubric.content_string.startswith("window.TF_RUBRIC=")
    assert all(f.generated_by for f in files)


def test_the_offline_edition_gets_page_urls_for_a_folder(tmp_path):
    config, hook = configured(ROOT, tmp_path, "mkdocs.offline.yml")
    config = hook.on_config(config)
    config.use_directory_urls = False  # what Material's offline plugin sets in its on_config
    rubric = hook.on_files(Files([]), config=config).get_file_from_path(
        "assets/javascripts/tf-rubric.js").content_string
    assert '"url":"internal-foundations/mission-statement.html"' in rubric


def hand_written(config, src_uri: str) -> Page:
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return Page(None, file, config)


def test_on_page_markdown_fills_placeholders_of_hand_written_pages_only(hook_and_config, roadmap):
    hook, config = hook_and_config
    text = "All {{ rubric.elements }} elements, {{rubric.stages}} stages, {{ rubric.indicators }}."
    page = hand_written(config, "self-assessment.md")
    assert hook.on_page_markdown(text, page=page, config=config, files=Files([])) == (
        f"All {len(roadmap.elements)} elements, 5 stages, {len(roadmap.indicators)}.")
    generated = hook.on_files(Files([]), config=config).get_file_from_path("index.md")
    page = Page(None, generated, config)
    assert hook.on_page_markdown(text, page=page, config=config, files=Files([])) == text


def test_an_unknown_placeholder_stops_the_build_naming_page_and_line(hook_and_config):
    hook, config = hook_and_config
    page = hand_written(config, "privacy.md")
    with pytest.raises(PluginError) as caught:
        hook.on_page_markdown("# Privacy\n\n{{ rubric.element }}\n", page=page, config=config,
                              files=Files([]))
    assert str(caught.value) == ("docs/privacy.md:3: {{ rubric.element }}: unknown placeholder "
                                 "(known: areas, citations, elements, first_element, "
                                 "first_element_page, indicators, indicators_per_element, "
                                 "planning_note, stages)")


def test_a_bad_rubric_is_one_plugin_error_line(tmp_path):
    project = project_copy(tmp_path)
    mission = project / "rubric" / "internal-foundations" / "mission-statement.yml"
    mission.write_text(mission.read_text(encoding="utf-8").replace("cites: [1]", "cites: [99]"))
    config, hook = configured(project, tmp_path)
    with pytest.raises(PluginError) as caught:
        hook.on_config(config)
    assert str(caught.value).startswith("rubric/internal-foundations/mission-statement.yml:")
    assert str(caught.value).endswith("99 is not a citation (1-27)")


def test_on_post_build_secures_every_page_and_refuses_an_inline_handler(hook_and_config):
    hook, config = hook_and_config
    site = Path(config.site_dir)
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<html><head></head><body><script>go()</script></body></html>")
    hook.on_post_build(config=config)
    assert '<head><meta http-equiv="Content-Security-Policy"' in (site / "a" / "index.html").read_text()
    (site / "b.html").write_text('<html><head></head><body><a href=" javascript:go()">x</a></body></html>')
    with pytest.raises(PluginError, match=r"^b\.html: a javascript: URL would be blocked"):
        hook.on_post_build(config=config)


def test_each_build_runs_the_package_as_it_is_on_disk_now(tmp_path):
    """What `mkdocs serve` relies on: the hook module lives on, the package's code is re-read."""
    project = project_copy(tmp_path)
    config, hook = configured(project, tmp_path)
    hook.on_config(config)
    assert hook.taskforce_roadmap.__file__.startswith(str(project))
    facts = project / "hooks" / "taskforce_roadmap" / "placeholders.py"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        '"elements": str(len(roadmap.elements)),', '"elements": "twenty-three",'), encoding="utf-8")
    config, again = configured(project, tmp_path)
    assert again is hook  # MkDocs imports a hook module once per process
    hook.on_config(config)
    page = hand_written(config, "self-assessment.md")
    assert hook.on_page_markdown("{{ rubric.elements }}", page=page, config=config,
                                 files=Files([])) == "twenty-three"
