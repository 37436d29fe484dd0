"""MkDocs hook: the thin adapter between MkDocs and the `taskforce_roadmap` package.

Loads and validates the rubric once per build (`on_config`), adds the generated pages
(`on_files`), fills the placeholders of hand-written pages (`on_page_markdown`) and, last of all,
minifies the site's own CSS and JavaScript, drops source maps and gives every built page its
Content-Security-Policy (`on_post_build`). All logic lives in the
package and in `html_csp`, which never import MkDocs; `python -m taskforce_roadmap render|secure`
calls the same functions for engines without hooks.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page

import html_csp
import taskforce_roadmap

_HERE = Path(__file__).parent
_OWN_MODULES = ("taskforce_roadmap", "html_csp")
# A hook module is imported once per process and reused by every rebuild under `mkdocs serve`.
_roadmap: taskforce_roadmap.Roadmap | None = None


def _reload_own_modules() -> None:
    """Under `mkdocs serve` this module lives as long as the process: re-import the package from
    disk on every build, so an edit to its Python code shows in the next rebuild."""
    global taskforce_roadmap, html_csp
    for name in list(sys.modules):
        if name.split(".")[0] in _OWN_MODULES:
            del sys.modules[name]
    sys.path.insert(0, str(_HERE))  # as MkDocs does while importing the hook: this copy wins
    try:
        importlib.invalidate_caches()
        taskforce_roadmap = importlib.import_module("taskforce_roadmap")
        html_csp = importlib.import_module("html_csp")
    finally:
        sys.path.remove(str(_HERE))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _roadmap
    _roadmap = None
    _reload_own_modules()
    rubric = Path(config.config_file_path).parent / taskforce_roadmap.RUBRIC_DIR
    try:
        _roadmap = taskforce_roadmap.load_roadmap(rubric)
    except taskforce_roadmap.RubricError as e:
        raise PluginError(str(e)) from None
    # Hand-written pages listed in mkdocs.yml follow the roadmap's own pages.
    config.nav = taskforce_roadmap.navigation(_roadmap) + list(config.nav or [])
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _roadmap is not None
    project = Path(config.config_file_path).parent
    for src_uri, content in taskforce_roadmap.site_files(
            _roadmap, project, config.use_directory_urls).items():
        files.append(File.generated(config, src_uri, content=content))
    # In the order MkDocs gives files it finds in docs/, as it does for `render`'s output.
    return Files(sorted(files, key=file_sort_key))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:
        return markdown
    assert _roadmap is not None
    try:
        return taskforce_roadmap.fill_placeholders(
            markdown, _roadmap, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    except taskforce_roadmap.RubricError as e:
        raise PluginError(str(e)) from None


@event_priority(-100)  # after every plugin: the policy hashes the final bytes of each page
def on_post_build(*, config: MkDocsConfig) -> None:
    # The same step as `python -m taskforce_roadmap secure`.
    try:
        taskforce_roadmap.finish_site(Path(config.site_dir),
                                      offline=taskforce_roadmap.is_offline(config.plugins))
    except html_csp.CspError as e:
        raise PluginError(str(e)) from None
