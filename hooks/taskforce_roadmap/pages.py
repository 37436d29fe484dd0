"""Generate the roadmap's Markdown pages and navigation from the model.

Knows Markdown and Jinja2, not MkDocs: `site_pages` returns {src_uri: markdown}, which any
Markdown-based engine can render, and `navigation` returns MkDocs' nav structure as plain lists.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import jinja2
import yaml

from .checklist import element_attributes
from .model import Roadmap

TEMPLATES = Path(__file__).parent / "templates"
BOX_ADMONITIONS = {  # source box → (Material admonition type, title as printed in the source)
    "example": ("example", "Example"),
    "note": ("note", "Note"),
    "pro-tip": ("tip", "Pro tip"),
    "remember": ("info", "Remember"),
}
# The generated pages that are not elements or areas, by src_uri; templates link to them by name.
HOME, ABOUT, STAGES, CITATIONS, RESOURCES = ("index.md", "about.md", "stages.md", "citations.md",
                                             "resources.md")

# Characters that Markdown, its extensions here (attr_list's `{}`, caret's `^`, tables' `|`) or
# HTML give a meaning. Each becomes a numeric character reference: Python-Markdown passes those
# through untouched, and unlike a backslash they work for every character (`\<` shows its `\`).
_MD_SPECIAL = re.compile(r"[&<>\\`*_\[\]{}#|^~]")
_EMPHASIS = re.compile(r"\*+")
_SLASH_PAIR = re.compile(r"(\w)/(\w)")


def md_escape(text: str) -> str:
    """Plain source text → Markdown that renders exactly that text (indicators are plain text)."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def front_matter(**fields) -> str:
    """A page's YAML front matter, dumped rather than pasted, so that any title survives as
    written (quotes, colons, `#`, `<`, `&`)."""
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{dumped}---\n"


def slash_breaks(markdown: str) -> str:
    """A line may break after the slash of "wrongdoing/witness" (a <wbr>, no visible change):
    in the narrow stage columns the pair would otherwise be one long word that breaks mid-word."""
    return _SLASH_PAIR.sub(r"\1/<wbr>\2", markdown)


def title_attr(text: str) -> str:
    """Text for a Markdown link title: no emphasis marks, no bare double quotes."""
    return _EMPHASIS.sub("", text).replace('"', "&quot;")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the page
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; text is escaped explicitly with md_escape
    )
    env.filters["md_escape"] = md_escape
    env.filters["slash_breaks"] = slash_breaks
    env.filters["title_attr"] = title_attr
    env.globals["front_matter"] = front_matter
    env.globals["element_attributes"] = element_attributes
    env.globals["BOX_ADMONITIONS"] = BOX_ADMONITIONS
    env.globals.update(HOME=HOME, ABOUT=ABOUT, STAGES=STAGES, CITATIONS=CITATIONS,
                       RESOURCES=RESOURCES)
    return env


def site_pages(roadmap: Roadmap) -> dict[str, str]:
    """Every generated page, keyed by its src_uri (`<area-id>/<element-id>.md`, ...)."""
    env = _environment()

    def render(template: str, src_uri: str, **context) -> str:
        def link(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")
        return env.get_template(template).render(roadmap=roadmap, link=link, src_uri=src_uri,
                                                 **context)

    pages = {
        HOME: render("home.md.j2", HOME),
        ABOUT: render("about.md.j2", ABOUT),
        STAGES: render("stages.md.j2", STAGES),
        CITATIONS: render("citations.md.j2", CITATIONS),
        RESOURCES: render("resources.md.j2", RESOURCES),
    }
    elements = roadmap.elements
    for area in roadmap.areas:
        pages[area.src_uri] = render("area.md.j2", area.src_uri, area=area)
        for element in area.elements:
            i = elements.index(element)
            pages[element.src_uri] = render(
                "element.md.j2", element.src_uri, area=area, element=element,
                previous=elements[i - 1] if i > 0 else None,
                next=elements[i + 1] if i + 1 < len(elements) else None,
                resources=roadmap.resource_group(area.id))
    return pages


def navigation(roadmap: Roadmap) -> list:
    """The roadmap's part of the site navigation, in the roadmap's order."""
    def area_nav(area):
        return {area.title: [{"Overview": area.src_uri}]
                + [{e.title: e.src_uri} for e in area.elements]}
    return ([{"Home": HOME}, {"Stages of development": STAGES}]
            + [area_nav(a) for a in roadmap.areas]
            + [{"Citations": CITATIONS}, {"Additional resources": RESOURCES}, {"About": ABOUT}])
