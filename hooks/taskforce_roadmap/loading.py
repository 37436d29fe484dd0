"""Load `rubric/`, validate it completely, and build the model.

Validation runs in two passes: the JSON Schemas (shape of each file, via jsonschema), then the
cross-checks no schema can express (ids unique across files, citations that exist, element files
matching the areas' lists). The first problem found stops everything with one RubricError line.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .errors import RubricError
from .model import (Area, Block, Box, Citation, Columns, Element, FrontHeadings, FrontMatter,
                    Indicator, Link, ListBlock, Paragraph, Repair, Resource, ResourceGroup, Roadmap,
                    Stage, block_texts, short_hash)
from .yamlfile import Document

ROADMAP_FILE = "roadmap.yml"
ELEMENT_SCHEMA = "schema.json"
ROADMAP_SCHEMA = "roadmap.schema.json"
STAGE_COUNT = 5
# Anchors the page itself uses: an indicator id equal to one would break a shared link.
RESERVED_IDS = ({f"stage-{n}" for n in range(1, STAGE_COUNT + 1)}
                | {"stages", "resources", "additional-resources"})


def load_roadmap(rubric_dir: Path | str) -> Roadmap:
    rubric_dir = Path(rubric_dir)
    shown = lambda p: p.relative_to(rubric_dir.parent).as_posix()  # noqa: E731
    roadmap_doc = Document(rubric_dir / ROADMAP_FILE, shown(rubric_dir / ROADMAP_FILE))
    _check_schema(roadmap_doc, _schema(rubric_dir / ROADMAP_SCHEMA))
    citations = _citations(roadmap_doc)
    element_schema = _schema(rubric_dir / ELEMENT_SCHEMA)
    _check_area_lists(roadmap_doc)
    front = _front_matter(roadmap_doc.data["front_matter"])
    if len(front.areas_of_function) != len(roadmap_doc.data["areas"]):
        raise roadmap_doc.error(("front_matter", "areas_of_function"),
                                f"names {len(front.areas_of_function)} areas, but areas lists "
                                f"{len(roadmap_doc.data['areas'])}")

    areas: list[Area] = []
    seen_ids: dict[str, str] = {}  # indicator id → where it was first defined
    listed: set[Path] = set()
    for a, area in enumerate(roadmap_doc.data["areas"]):
        elements = []
        for e, element_id in enumerate(area["elements"]):
            path = rubric_dir / area["id"] / f"{element_id}.yml"
            listed.add(path)
            if not path.is_file():
                raise roadmap_doc.error(("areas", a, "elements", e),
                                        f"no file {shown(path)} for element '{element_id}'")
            doc = Document(path, shown(path))
            _check_schema(doc, element_schema)
            elements.append(_element(doc, area["id"], element_id, len(citations), seen_ids, front))
        areas.append(Area(id=area["id"], number=a + 1, title=area["title"],
                          description=area["description"], elements=tuple(elements)))
    _check_unlisted_files(rubric_dir, listed, shown)

    stages = tuple(Stage(s["number"], s["name"], s["description"])
                   for s in roadmap_doc.data["stages"])
    for i, stage in enumerate(stages):
        if stage.number != i + 1:
            raise roadmap_doc.error(("stages", i, "number"), f"expected {i + 1}, found {stage.number}")

    resources = _resources(roadmap_doc, {a.id for a in areas})
    return Roadmap(title=roadmap_doc.data["title"], original_title=roadmap_doc.data["original_title"],
                   stages=stages, areas=tuple(areas),
                   citations=citations, resources=resources, front=front,
                   version=_version(areas))


@cache
def _validator_cached(path: str, mtime: float) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(Path(path).read_text(encoding="utf-8")))


def _schema(path: Path) -> jsonschema.Draft202012Validator:
    return _validator_cached(str(path), path.stat().st_mtime)


def _check_schema(doc: Document, validator: jsonschema.Draft202012Validator) -> None:
    errors = list(validator.iter_errors(doc.data))
    if not errors:
        return
    # The deepest error names the field an editor has to fix; ties go to the earliest line.
    error = jsonschema.exceptions.best_match(errors, key=_error_rank(doc))
    path = tuple(error.absolute_path)
    raise doc.error(path, _message(error))


def _error_rank(doc: Document):
    def rank(error: jsonschema.ValidationError):
        return (-len(error.absolute_path), -doc.line(tuple(error.absolute_path)))
    return lambda e: jsonschema.exceptions.relevance(e) + rank(e)


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        return ("must be exactly one block: paragraph, list, columns, box or ref"
                if "text" not in error.instance else "needs either text, or ibid and original")
    if error.validator == "pattern" and error.schema.get("pattern", "").startswith("^[a-z0-9]"):
        return f"{error.instance!r} is not an id (lowercase words joined by '-')"
    if error.validator == "pattern" and "https" in error.schema.get("pattern", ""):
        return f"{error.instance!r} is not a web address (https://… or www.…)"
    if error.validator == "minItems" and error.instance == []:
        return "must not be empty"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(error.schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in known)
        close = difflib.get_close_matches(unknown[0], known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(known)})"
        return f"unknown field '{unknown[0]}'{hint}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    return error.message


def _citations(doc: Document) -> tuple[Citation, ...]:
    raw = doc.data["citations"]
    for i, c in enumerate(raw):
        if c["number"] != i + 1:
            raise doc.error(("citations", i, "number"), f"expected {i + 1}, found {c['number']}")
    texts: dict[int, str] = {}
    urls: dict[int, str | None] = {}
    out = []
    for i, c in enumerate(raw):
        if "ibid" in c:
            target = c["ibid"]
            if not 1 <= target < c["number"]:
                raise doc.error(("citations", i, "ibid"),
                                f"{target} is not an earlier citation (1-{c['number'] - 1})")
            text = texts[target]  # earlier ibids are already resolved, so chains collapse here
        else:
            text = c["text"]
        texts[c["number"]] = text
        url = urls[c["number"]] = c.get("url") or (urls[c["ibid"]] if "ibid" in c else None)
        out.append(Citation(number=c["number"], text=text, original=c.get("original"),
                            ibid=c.get("ibid"), url=url))
    return tuple(out)


def _cites(doc: Document, path: tuple, cites: list[int], citation_count: int) -> tuple[int, ...]:
    for j, n in enumerate(cites):
        if n > citation_count:
            raise doc.error(path + (j,), f"{n} is not a citation (1-{citation_count})")
    return tuple(cites)


def _element(doc: Document, area_id: str, element_id: str, citation_count: int,
             seen_ids: dict[str, str], front: FrontMatter) -> Element:
    data = doc.data
    if data["id"] != element_id:
        raise doc.error(("id",), f"'{data['id']}' does not match the file name '{element_id}'")
    stages = []
    for n in range(1, STAGE_COUNT + 1):
        indicators = []
        for k, raw in enumerate(data["stages"][str(n)]):
            path = ("stages", str(n), k)
            if raw["id"] in seen_ids:
                raise doc.error(path + ("id",), f"'{raw['id']}' is already used in {seen_ids[raw['id']]}")
            if raw["id"] in RESERVED_IDS or raw["id"] == element_id:
                raise doc.error(path + ("id",), f"'{raw['id']}' is reserved for the page's own anchors")
            seen_ids[raw["id"]] = f"{doc.name}:{doc.line(path + ('id',))}"
            cites = _cites(doc, path + ("cites",), raw.get("cites", []), citation_count)
            cite_at = raw.get("cite_at")
            if cite_at is not None:
                if not cites:
                    raise doc.error(path + ("cite_at",), "places citation marks, but there are no cites")
                _check_once(doc, path + ("cite_at",), cite_at, raw["text"])
            repairs = _repairs(doc, path, raw, raw["text"], "the indicator's text")
            indicators.append(Indicator(id=raw["id"], text=raw["text"], stage=n,
                                        element_id=element_id, cites=cites, cite_at=cite_at,
                                        repairs=repairs))
        stages.append(tuple(indicators))
    blocks = lambda key: tuple(_block(doc, (key, i), b, citation_count, front)  # noqa: E731
                               for i, b in enumerate(data.get(key, [])))
    intro, outro = blocks("intro"), blocks("outro")
    own_text = "\n".join([data["title"], *(t for b in intro + outro for t in block_texts(b))])
    return Element(id=element_id, title=data["title"], area_id=area_id, source=doc.name,
                   intro=intro, stages=tuple(stages), outro=outro,
                   repairs=_repairs(doc, (), data, own_text, "the element's title, intro or outro"))


def _repairs(doc: Document, path: tuple, raw: dict[str, Any], text: str,
             what: str) -> tuple[Repair, ...]:
    """A record's `repairs`, each of whose corrected words must find exactly one place in `text`."""
    out = []
    for r, repair in enumerate(raw.get("repairs", [])):
        _check_once(doc, path + ("repairs", r, "text"), repair["text"], text, what)
        out.append(Repair(repair["source"], repair["text"], repair["why"]))
    return tuple(out)


def _check_once(doc: Document, path: tuple, words: str, text: str,
                what: str = "the indicator's text") -> None:
    """Words that point into a text must find exactly one place there."""
    found = text.count(words)
    if found != 1:
        where = "is not in" if found == 0 else f"occurs {found} times in"
        raise doc.error(path, f"{words!r} {where} {what}")


def _block(doc: Document, path: tuple, raw: dict[str, Any], citation_count: int,
           front: FrontMatter) -> Block:
    if "paragraph" in raw:
        cites = _cites(doc, path + ("cites",), raw.get("cites", []), citation_count)
        return Paragraph(raw["paragraph"], cites)
    if "list" in raw:
        return _list(raw["list"])
    if "columns" in raw:
        return Columns(tuple(_list(c) for c in raw["columns"]))
    if "box" in raw:
        box = raw["box"]
        return Box(box["kind"], box["text"], box.get("incomplete", False))
    # "goals" / "objectives": the roadmap's numbered lists, resolved here so templates never look up
    return ListBlock({"goals": front.goals, "objectives": front.objectives}[raw["ref"]], ordered=True)


def _list(raw: dict[str, Any]) -> ListBlock:
    return ListBlock(tuple(raw["items"]), raw.get("ordered", False), raw.get("title"))


def _check_area_lists(doc: Document) -> None:
    owners: dict[str, str] = {}
    for a, area in enumerate(doc.data["areas"]):
        if area["id"] in owners:
            raise doc.error(("areas", a, "id"), f"area '{area['id']}' is listed twice")
        owners[area["id"]] = area["id"]
    seen: dict[str, str] = {}
    for a, area in enumerate(doc.data["areas"]):
        for e, element_id in enumerate(area["elements"]):
            if element_id in seen:
                raise doc.error(("areas", a, "elements", e),
                                f"'{element_id}' is already an element of '{seen[element_id]}'")
            seen[element_id] = area["id"]


def _check_unlisted_files(rubric_dir: Path, listed: set[Path], shown) -> None:
    for path in sorted(rubric_dir.glob("*/*.yml")) + sorted(rubric_dir.glob("*/*.yaml")):
        if path not in listed:
            raise RubricError(shown(path), 1, "id",
                              f"this file is not listed in {ROADMAP_FILE} "
                              f"(areas.{path.parent.name}.elements)")


def _resources(doc: Document, area_ids: set[str]) -> tuple[ResourceGroup, ...]:
    groups = []
    for g, group in enumerate(doc.data["resources"]):
        if group["group"] != "general" and group["group"] not in area_ids:
            raise doc.error(("resources", g, "group"),
                            f"'{group['group']}' is neither 'general' nor an area id")
        items = tuple(Resource(title=r["title"], organization=r.get("organization"),
                               links=tuple(_link(doc, ("resources", g, "items", i, "links", k), link)
                                           for k, link in enumerate(r.get("links", []))))
                      for i, r in enumerate(group["items"]))
        groups.append(ResourceGroup(group["group"], group["title"], items))
    return tuple(groups)


def _link(doc: Document, path: tuple, raw: dict[str, Any]) -> Link:
    return Link(raw["url"], raw.get("label"), _repairs(doc, path, raw, raw["url"], "the address"))


def _front_matter(raw: dict[str, Any]) -> FrontMatter:
    ack = raw["acknowledgements"]
    t = tuple
    return FrontMatter(
        headings=FrontHeadings(**raw["headings"]), areas_of_function=t(raw["areas_of_function"]),
        what_is_a_task_force=t(raw["what_is_a_task_force"]), development=raw["development"],
        purpose=t(raw["purpose"]), format=t(raw["format"]),
        important_notes=t(raw["important_notes"]), intended_for=raw["intended_for"],
        goals=t(raw["goals"]), objectives=t(raw["objectives"]), thanks=ack["thanks"],
        developed_by_intro=ack["developed_by_intro"], developed_by=t(ack["developed_by"]),
        reviewers_intro=ack["reviewers_intro"], reviewers=t(ack["reviewers"]),
        grants=raw["grants"])


def _version(areas: list[Area]) -> str:
    """What a saved assessment depends on: every element's indicators, in roadmap order."""
    return short_hash([f"{e.id}\t{e.signature}" for a in areas for e in a.elements], 12)
