"""MkDocs hook: the thin adapter between MkDocs and the `taskforce_roadmap` package.

Loads and validates the rubric once per build (`on_config`), then adds the generated pages
(`on_files`), and gives every built page its Content-Security-Policy. All logic lives in the package, which never imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from taskforce_roadmap import (CHECKLIST_SCRIPT_URI, CspError, Roadmap, RubricError,
                               checklist_script, load_roadmap, navigation, site_pages, with_csp)

CHANGELOG, CHANGELOG_PAGE = "CHANGELOG.md", "changelog.md"  # published at /changelog/
# A hook module is imported once per process and reused by every rebuild under `mkdocs serve`.
_roadmap: Roadmap | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _roadmap
    _roadmap = None
    rubric = Path(config.config_file_path).parent / "rubric"
    try:
        _roadmap = load_roadmap(rubric)
    except RubricError as e:
        raise PluginError(str(e)) from None
    # Hand-written pages listed in mkdocs.yml follow the roadmap's own pages.
    config.nav = navigation(_roadmap) + list(config.nav or [])
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _roadmap is not None
    for src_uri, markdown in site_pages(_roadmap).items():
        files.append(File.generated(config, src_uri, content=markdown))
    files.append(File.generated(config, CHECKLIST_SCRIPT_URI, content=checklist_script(
        _roadmap, config.use_directory_urls)))
    # The release notes live beside the code (CHANGELOG.md) and are published as they are.
    changelog = Path(config.config_file_path).parent / CHANGELOG
    files.append(File.generated(config, CHANGELOG_PAGE,
                                content=changelog.read_text(encoding="utf-8")))
    return files


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    return _secured(output, page.file.src_uri, config)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _secured(output, template_name, config) if template_name.endswith(".html") else output


def _secured(html: str, name: str, config: MkDocsConfig) -> str:
    offline = "material/offline" in config.plugins or "offline" in config.plugins
    try:
        return with_csp(html, offline=offline)
    except CspError as e:
        raise PluginError(f"{name}: {e}") from None
