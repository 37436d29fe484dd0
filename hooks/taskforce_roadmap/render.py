"""Everything the site generator needs from the rubric, as files: no generator hooks required.

`generated_files` is what the MkDocs hook adds in memory. `render_project` writes the same files,
the hand-written pages with their placeholders filled, and a copy of the site's config that needs
no hooks, so that plain `mkdocs build` (or an engine that ignores `hooks:`) builds the same site:

    python -m taskforce_roadmap render OUT_DIR     # then: mkdocs build -f OUT_DIR/mkdocs.yml
    python -m taskforce_roadmap secure SITE_DIR    # finish_site: own CSS and JS minified, the CSP last
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from html_csp import secure_site

from .assets import ship_static_files
from .checklist import (HEAD_SCRIPT_URI, SCRIPT_URI as CHECKLIST_SCRIPT_URI, checklist_script,
                        head_script)
from .loading import load_roadmap
from .model import Roadmap
from .pages import navigation, site_pages
from .placeholders import fill_placeholders

RUBRIC_DIR = "rubric"  # beside the site's config file
CHANGELOG, CHANGELOG_PAGE = "CHANGELOG.md", "changelog.md"  # published at /changelog/
OFFLINE_PLUGINS = {"offline", "material/offline"}


def generated_files(roadmap: Roadmap, directory_urls: bool = True) -> dict[str, str]:
    """Every generated page and the checklist's data, keyed by their path in the docs folder."""
    return {**site_pages(roadmap),
            CHECKLIST_SCRIPT_URI: checklist_script(roadmap, directory_urls),
            HEAD_SCRIPT_URI: head_script(roadmap, directory_urls)}


def project_pages(project: Path) -> dict[str, str]:
    """Pages kept beside the code, not in docs/: the release notes, published as they are."""
    return {CHANGELOG_PAGE: (project / CHANGELOG).read_text(encoding="utf-8")}


def site_files(roadmap: Roadmap, project: Path, directory_urls: bool = True) -> dict[str, str]:
    """Every file the site adds to the hand-written docs: generated pages, the checklist's data
    and the pages kept beside the code (the release notes)."""
    return {**generated_files(roadmap, directory_urls), **project_pages(project)}


def finish_site(site_dir: Path, offline: bool = False) -> int:
    """What every engine's build needs afterwards: the site's own CSS and JS minified, no source
    maps, then the Content-Security-Policy, last, because it hashes the final bytes of each page.
    Returns the number of pages that carry the policy."""
    ship_static_files(site_dir)
    return secure_site(site_dir, offline=offline)


def plugin_names(plugins: Any) -> set[str]:
    """The names in a config's `plugins:` (a list of names and one-key mappings, or a mapping)."""
    items = plugins.items() if isinstance(plugins, dict) else (plugins or [])
    names = set()
    for item in items:
        names.add(item[0] if isinstance(item, tuple) else
                  next(iter(item)) if isinstance(item, dict) else item)
    return names


def is_offline(plugins: Any) -> bool:
    """The offline edition: opened from a folder, so pages are `x.html`, not `x/`."""
    return bool(plugin_names(plugins) & OFFLINE_PLUGINS)


class _Env(list):
    """`!ENV [NAME, ..., default]`, kept as written: the engine reads the variable at build time."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads an MkDocs config, keeping its `!ENV` tags."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes an MkDocs config, `!ENV` tags included."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: _Env(
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
    else [loader.construct_scalar(node)]))
_ConfigDumper.add_representer(_Env, lambda dumper, value: dumper.represent_sequence(
    "!ENV", list(value), flow_style=True))


def _merged(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT: mappings merge key by key, anything else in the child wins."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = (_merged(merged[key], value)
                       if isinstance(value, dict) and isinstance(merged.get(key), dict) else value)
    return merged


def on_demand_scripts(config_file: Path) -> list[str]:
    """The site's own scripts that no page names (not in `extra_javascript`): assessment.js loads
    each on the pages that use it."""
    every_page = {Path(p).name for p in read_config(config_file).get("extra_javascript", [])}
    own = config_file.parent / "overrides" / "assets" / "js"
    return sorted(p.name for p in own.glob("*.js") if p.name not in every_page)


def read_config(config_file: Path) -> dict:
    """The config as MkDocs reads it, with `INHERIT:` followed."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merged(read_config((config_file.parent / parent).resolve()), config)
    return config


def render_project(config_file: Path, out_dir: Path) -> Path:
    """Write `out_dir/docs/` (hand-written pages filled in, generated pages, checklist data) and
    `out_dir/mkdocs.yml` (the site's config with the roadmap's navigation and no hooks).
    Returns the config file written. `out_dir` is replaced."""
    config_file = Path(config_file).resolve()
    project = config_file.parent
    config = read_config(config_file)
    roadmap = load_roadmap(project / RUBRIC_DIR)
    docs = project / config.get("docs_dir", "docs")

    out_dir = Path(out_dir).resolve()
    out_docs = out_dir / "docs"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(docs, out_docs)
    for page in sorted(out_docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        filled = fill_placeholders(text, roadmap, page.relative_to(out_dir).as_posix())
        if filled != text:
            page.write_text(filled, encoding="utf-8")
    directory_urls = config.get("use_directory_urls", True) and not is_offline(config.get("plugins"))
    for src_uri, content in site_files(roadmap, project, directory_urls).items():
        target = out_docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")

    config.pop("hooks", None)
    config.pop("watch", None)  # the rendered copy is rebuilt by re-running render
    config["docs_dir"] = "docs"
    config["nav"] = navigation(roadmap) + list(config.get("nav") or [])
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(project / theme["custom_dir"])
    written = out_dir / "mkdocs.yml"
    written.write_text(f"# Written by `python -m taskforce_roadmap render` from {config_file.name}: "
                       "edit that file, not this one.\n"
                       + yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True,
                                   width=100),
                       encoding="utf-8")
    return written
