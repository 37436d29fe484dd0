"""The rubric data the browser's self-assessment needs, emitted at build time.

The checklist never parses HTML to learn the rubric: it reads this script, generated from the
same model as the pages. A script (not JSON fetched at run time) so the offline edition works
from file:// where fetch() is not allowed.
"""

from __future__ import annotations

import json

from .model import Element, Roadmap, short_hash

SCRIPT_URI = "assets/javascripts/tf-rubric.js"
# Hand-written pages the checklist links to, relative to the site root.
PAGES = {"dashboard": "self-assessment/", "team": "self-assessment/team/", "shared": "self-assessment/shared/",
         "plan": "self-assessment/plan/", "report": "self-assessment/report/",
         "privacy": "privacy/", "schema": "assessment.schema.json"}


def indicator_order(roadmap: Roadmap) -> str:
    """Names the order of all indicator ids: share links carry ticks as bits in this order, so a
    link opens on any roadmap version whose indicator ids and order are the same (rewording
    an indicator does not break links already sent)."""
    return short_hash([i.id for i in roadmap.indicators], 10)


def element_signature(element: Element) -> str:
    return element.signature


def _page_url(url: str, directory_urls: bool) -> str:
    # The offline edition has no directory URLs: "area/element/" is "area/element.html" there.
    return url if directory_urls else url.rstrip("/") + ".html"


def checklist_data(roadmap: Roadmap, directory_urls: bool = True) -> dict:
    return {
        "version": roadmap.version,
        "order": indicator_order(roadmap),
        "title": roadmap.title,
        "stages": [{"n": s.number, "name": s.name} for s in roadmap.stages],
        "pages": {k: _page_url(v, directory_urls) if v.endswith("/") else v for k, v in PAGES.items()},
        "areas": [
            {
                "id": area.id,
                "title": area.title,
                # An area is "<area>/index.md": "<area>/index.html" without directory URLs.
                "url": area.url if directory_urls else area.url + "index.html",
                "elements": [
                    {
                        "id": element.id,
                        "title": element.title,
                        "url": _page_url(element.url, directory_urls),  # relative to the site root
                        "sig": element_signature(element),
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


def checklist_script(roadmap: Roadmap, directory_urls: bool = True) -> str:
    data = json.dumps(checklist_data(roadmap, directory_urls), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # keeps the JSON inert even if ever inlined in HTML
    return f"window.TF_RUBRIC={data};\n"
