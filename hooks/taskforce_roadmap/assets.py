"""What the site ships of its static files: its own CSS and JavaScript minified, no source maps.

A step on the built site (not on MkDocs' file list), so that the hook and
`python -m taskforce_roadmap secure` ship the same bytes whatever engine built the pages.
The CSS minifier is rcssmin (well-kept, pure Python, no network). The JavaScript minifier is
tdewolff/minify's Python binding (a Go library with a real JavaScript parser, shipped as a wheel:
no Node at build time). rjsmin, rcssmin's sibling, was dropped: it does not parse, and cut the
space out of a template literal nested in another ("Stage 3by 2027-06-18" on the page).
File names stay the same: pages link them by name.
"""

from __future__ import annotations

import re
from pathlib import Path

import minify
import rcssmin

OWN_STYLES = "assets/css/"
# The site's own scripts and the generated rubric data; Material's bundles come minified.
OWN_SCRIPTS = ("assets/js/", "assets/javascripts/tf-")
# Material ends its bundles with a pointer to a .map file, which the site does not ship.
_SOURCE_MAP_COMMENT = re.compile(r"\n?/[*/]# sourceMappingURL=\S+?(?: \*/)?\s*$")


def shipped_text(path: str, text: str) -> str | None:
    """The text to ship for a static file (path relative to the site), or None if unchanged."""
    if path.startswith(OWN_STYLES) and path.endswith(".css"):
        return rcssmin.cssmin(text)
    if path.startswith(OWN_SCRIPTS) and path.endswith(".js"):
        return minify.string("application/javascript", text)
    if path.endswith((".js", ".css")) and "sourceMappingURL=" in text[-300:]:
        return _SOURCE_MAP_COMMENT.sub("", text)
    return None


def ship_static_files(site_dir: Path) -> None:
    """Minify the site's own CSS and JavaScript in place and drop source maps (they are for the
    people who build Material, not for the site's readers)."""
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file():
            continue
        path = file.relative_to(site_dir).as_posix()
        if path.endswith(".map"):
            file.unlink()
        elif path.endswith((".js", ".css")):
            text = shipped_text(path, file.read_text(encoding="utf-8"))
            if text is not None:
                file.write_text(text, encoding="utf-8")
