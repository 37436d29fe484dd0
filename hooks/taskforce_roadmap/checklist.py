"""The rubric data the browser's self-assessment needs, emitted at build time.

The checklist never parses HTML to learn the rubric: it reads this script, generated from the
same model as the pages. A script (not JSON fetched at run time) so the offline edition works
from file:// where fetch() is not allowed.
"""

from __future__ import annotations

import json

from .model import Roadmap

SCRIPT_URI = "assets/javascripts/tf-rubric.js"


def checklist_data(roadmap: Roadmap) -> dict:
    return {
        "version": roadmap.version,
        "title": roadmap.title,
        "stages": [{"n": s.number, "name": s.name} for s in roadmap.stages],
        "areas": [
            {
                "id": area.id,
                "title": area.title,
                "url": area.url,
                "elements": [
                    {
                        "id": element.id,
                        "title": element.title,
                        "url": element.url,  # relative to the site root
                        "indicators": [
                            {"id": i.id, "stage": i.stage, "text": i.text}
                            for i in element.indicators
                        ],
                    }
                    for element in area.elements
                ],
            }
            for area in roadmap.areas
        ],
    }


def checklist_script(roadmap: Roadmap) -> str:
    data = json.dumps(checklist_data(roadmap), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # keeps the JSON inert even if ever inlined in HTML
    return f"window.TF_RUBRIC={data};\n"
