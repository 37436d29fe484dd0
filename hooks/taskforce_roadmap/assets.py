"""What the site ships of its static files: its own JavaScript and CSS minified, no source maps.

The minifiers are rjsmin and rcssmin (well-kept, pure Python, no network). Only the site's own
files are minified; Material's bundles already are. File names stay the same: the checklist
loads its on-demand modules by name, and pages link them by name.
"""

from __future__ import annotations

import re

import rcssmin
import rjsmin

OWN_SCRIPTS = "assets/js/"
OWN_STYLES = "assets/css/"
# Material ends its bundles with a pointer to a .map file, which the site does not ship.
_SOURCE_MAP_COMMENT = re.compile(r"\n?/[*/]# sourceMappingURL=\S+?(?: \*/)?\s*$")


def ships(src_uri: str) -> bool:
    """Source maps are for the people who build Material, not for the site's readers."""
    return not src_uri.endswith(".map")


def shipped_text(src_uri: str, text: str) -> str | None:
    """The text to ship for a static file, or None to ship it unchanged."""
    if src_uri.startswith(OWN_SCRIPTS) and src_uri.endswith(".js"):
        return rjsmin.jsmin(text)
    if src_uri.startswith(OWN_STYLES) and src_uri.endswith(".css"):
        return rcssmin.cssmin(text)
    if src_uri.endswith((".js", ".css")) and "sourceMappingURL=" in text[-300:]:
        return _SOURCE_MAP_COMMENT.sub("", text)
    return None
