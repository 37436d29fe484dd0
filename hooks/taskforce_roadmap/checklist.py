"""The rubric data the browser's self-assessment needs, emitted at build time.

Two scripts, generated from the same model as the pages: the rubric's head (version, stages,
page links; every page loads it) and the whole rubric (every element and indicator; loaded on
demand by the pages that list all elements). An element page's checklist needs only its own
element, which the page itself carries: the element's id, title and signature on the checklist's
mount, each indicator's id and stage on its item (element.md.j2, attributes from
`element_attributes`). Scripts, not JSON fetched at run time, so the offline edition works from
file:// where fetch() is not allowed.
"""

from __future__ import annotations

import json

from .model import Element, Roadmap, short_hash

SCRIPT_URI = "assets/javascripts/tf-rubric.js"  # the whole rubric, on demand
HEAD_SCRIPT_URI = "assets/javascripts/tf-rubric-head.js"  # on every page
# The start of every key the browser's store writes (store-tabs.js: "<prefix>v1:<scope>"); the loader
# reads it to know whether a browser holds anything of this site. Saved answers live under it: it
# never changes.
STORAGE_PREFIX = "tf-roadmap/"
# The checklist's code, which assessment-loader.js loads in this order: the store (its text
# rules, merging, document format, undo copies, older offline keys, storage and tabs, then its API),
# then the checklist (its rules, DOM helpers, notes and view, then assessment.js, which runs them).
CHECKLIST_CODE = ("assets/js/store-text.js", "assets/js/store-merge.js",
                  "assets/js/store-format.js", "assets/js/store-undo.js",
                  "assets/js/store-folders.js", "assets/js/store-tabs.js", "assets/js/store.js",
                  "assets/js/assessment-rules.js", "assets/js/assessment-dom.js",
                  "assets/js/assessment-notes.js", "assets/js/assessment-checklist.js",
                  "assets/js/assessment.js")
# What loads where, in one manifest the loader (assessment-loader.js) reads from the rubric's head.
# Each page that lists or edits saved answers, by its root's id: the modules (assets/js/<name>.js;
# "rubric" is the whole rubric) it runs after the checklist's code, in this order. Adding such a
# page: its module, and one entry here.
_LISTING = ("rubric", "file-writers", "listing")  # what every page that lists all elements needs
_COPIES = "store-copies"  # the store's export, import, undo and snapshots
PAGE_CODE = {
    "tf-team": (*_LISTING, _COPIES, "consensus-proposals", "consensus"),
    "tf-shared": (*_LISTING, _COPIES, "undo", "share-codec", "share"),
    "tf-dashboard": (*_LISTING, _COPIES, "undo", "assessments", "dashboard"),
    "tf-data": (*_LISTING, _COPIES, "undo", "assessments", "snapshots", "share-codec", "share", "data"),
    "tf-plan": (*_LISTING, "actions", "plan"),
    "tf-report": (*_LISTING, "plan", "report"),
}
# What a page adds once something is assessed. The dashboard's summary adds what is due and the
# gaps to target (plan.js); its first visit (one assessment, nothing in it) shows the start guide
# instead and does without them.
WITH_ANSWERS = {"tf-dashboard": ("plan",)}
# Hand-written pages the checklist links to, relative to the site root.
PAGES = {"dashboard": "self-assessment/", "team": "self-assessment/team/", "shared": "self-assessment/shared/",
         "data": "self-assessment/data/", "plan": "self-assessment/plan/", "report": "self-assessment/report/",
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


def element_attributes(element: Element) -> dict[str, str]:
    """What an element page's checklist reads from its mount, besides the indicators' items."""
    return {"data-element": element.id, "data-title": element.title,
            "data-sig": element_signature(element)}


def rubric_head(roadmap: Roadmap, directory_urls: bool = True) -> dict:
    """What every page's checklist and store need: no element, no indicator."""
    return {
        "version": roadmap.version,
        "order": indicator_order(roadmap),
        "title": roadmap.title,
        "caution": roadmap.front.planning_note,  # quoted by the scripts that attribute it
        "stages": [{"n": s.number, "name": s.name} for s in roadmap.stages],
        "pages": {k: _page_url(v, directory_urls) if v.endswith("/") else v for k, v in PAGES.items()},
        "whole": SCRIPT_URI,  # where the rest is, for the pages that load it
        "storage": STORAGE_PREFIX,
        "code": list(CHECKLIST_CODE),
        "modules": {"pages": {k: list(v) for k, v in PAGE_CODE.items()},
                    "withAnswers": {k: list(v) for k, v in WITH_ANSWERS.items()},
                    "copies": _COPIES},
    }


def checklist_data(roadmap: Roadmap, directory_urls: bool = True) -> dict:
    return {
        **rubric_head(roadmap, directory_urls),
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


def _script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/")  # keeps the JSON inert even if ever inlined in HTML
    return f"window.TF_RUBRIC={text};\n"


def checklist_script(roadmap: Roadmap, directory_urls: bool = True) -> str:
    return _script(checklist_data(roadmap, directory_urls))


def head_script(roadmap: Roadmap, directory_urls: bool = True) -> str:
    return _script(rubric_head(roadmap, directory_urls))
