"""Facts about the rubric in hand-written pages: `{{ rubric.elements }}` becomes "23".

A hand-written page (docs/) that counts something the rubric holds names it with a placeholder,
so the count is written once, in the rubric. An unknown name stops the build, naming the page
and line, rather than printing the placeholder to readers.
"""

from __future__ import annotations

import re

from .errors import RubricError
from .model import Roadmap

_PLACEHOLDER = re.compile(r"\{\{\s*rubric\.(\w+)\s*\}\}")


def facts(roadmap: Roadmap) -> dict[str, str]:
    """What a page may name, and its value as the page shows it."""
    first = roadmap.elements[0]
    return {
        "areas": str(len(roadmap.areas)),
        "elements": str(len(roadmap.elements)),
        "stages": str(len(roadmap.stages)),
        "indicators": str(len(roadmap.indicators)),
        "citations": str(len(roadmap.citations)),
        "indicators_per_element": str(round(len(roadmap.indicators) / len(roadmap.elements))),
        # Where a first visit starts: the roadmap's first element, as a title and a page link.
        "first_element": first.title,
        "first_element_page": first.src_uri,
        # The source's own caution (its Important Notes), quoted where the site asks for ticks.
        "planning_note": roadmap.front.planning_note,
    }


def fill_placeholders(markdown: str, roadmap: Roadmap, page: str) -> str:
    """`markdown` with every `{{ rubric.<name> }}` replaced; `page` names it in an error."""
    known = facts(roadmap)

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in known:
            line = markdown.count("\n", 0, match.start()) + 1
            raise RubricError(page, line, match.group(0),
                              f"unknown placeholder (known: {', '.join(sorted(known))})")
        return known[name]

    return _PLACEHOLDER.sub(value, markdown)
