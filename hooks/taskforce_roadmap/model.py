"""The roadmap as one validated, immutable model.

Everything the site shows is derived from these objects; nothing else holds roadmap text.
Built only by `loading.load_roadmap`, which validates before it constructs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal


def short_hash(lines: list[str], length: int) -> str:
    return hashlib.sha256("".join(f"{line}\n" for line in lines).encode()).hexdigest()[:length]


def web_address(printed: str) -> str:
    """Where a printed address links: the source prints some as "www.…", which a link cannot
    follow without a scheme, so those get "https://" in front (the about page says so)."""
    return printed if printed.startswith("https://") else f"https://{printed}"


@dataclass(frozen=True)
class Stage:
    number: int
    name: str
    description: str

    @property
    def anchor(self) -> str:
        return f"stage-{self.number}"


@dataclass(frozen=True)
class Citation:
    number: int
    text: str  # the source it cites; an "Ibid" is already resolved to the text it repeats
    original: str | None = None  # the source's own wording when it differs ("Ibid 5.")
    ibid: int | None = None  # the citation an "Ibid" repeats
    url: str | None = None  # its address as printed in `text`

    @property
    def href(self) -> str | None:
        return web_address(self.url) if self.url else None

    @property
    def anchor(self) -> str:
        return f"cite-{self.number}"


@dataclass(frozen=True)
class Paragraph:
    text: str
    cites: tuple[int, ...] = ()
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool = False
    title: str | None = None
    kind: Literal["list"] = "list"


@dataclass(frozen=True)
class Columns:
    columns: tuple[ListBlock, ...]
    kind: Literal["columns"] = "columns"


@dataclass(frozen=True)
class Box:
    box: Literal["example", "note", "pro-tip", "remember"]
    text: str
    incomplete: bool = False
    kind: Literal["box"] = "box"


Block = Paragraph | ListBlock | Columns | Box  # a `ref` in the YAML arrives as its ListBlock


def block_texts(block: Block) -> tuple[str, ...]:
    """The source's words a block shows (list titles included), in reading order."""
    if isinstance(block, Columns):
        return tuple(t for column in block.columns for t in block_texts(column))
    if isinstance(block, ListBlock):
        return ((block.title,) if block.title else ()) + block.items
    return (block.text,)


@dataclass(frozen=True)
class Repair:
    """One deliberate correction of the source's printed words (listed for readers)."""
    source: str  # as printed
    text: str  # as shown here
    why: str


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str
    stage: int
    element_id: str
    cites: tuple[int, ...] = ()
    cite_at: str | None = None  # the words the source prints the marks after, when not the end
    repairs: tuple[Repair, ...] = ()

    @property
    def text_around_marks(self) -> tuple[str, str]:
        """The text before and after the citation marks, as the source places them."""
        if self.cite_at is None:
            return self.text, ""
        cut = self.text.index(self.cite_at) + len(self.cite_at)
        return self.text[:cut], self.text[cut:]


@dataclass(frozen=True)
class Element:
    id: str
    title: str
    area_id: str
    source: str  # rubric-relative file name, for messages
    intro: tuple[Block, ...]
    stages: tuple[tuple[Indicator, ...], ...]  # index 0 holds stage 1
    outro: tuple[Block, ...] = ()
    repairs: tuple[Repair, ...] = ()  # of its title, intro and outro (indicators carry their own)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for stage in self.stages for i in stage)

    @property
    def signature(self) -> str:
        """Changes when any of its indicators is added, removed, moved or reworded: a saved
        answer for this element made against another signature is flagged for review."""
        return short_hash([f"{i.id}\t{i.stage}\t{i.text}" for i in self.indicators], 10)

    @property
    def src_uri(self) -> str:
        return f"{self.area_id}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{self.area_id}/{self.id}/"


@dataclass(frozen=True)
class Area:
    id: str
    number: int
    title: str
    description: str
    elements: tuple[Element, ...]

    @property
    def src_uri(self) -> str:
        return f"{self.id}/index.md"

    @property
    def url(self) -> str:
        return f"{self.id}/"


@dataclass(frozen=True)
class Link:
    url: str  # as the source prints it (after `repairs`): what readers see
    label: str | None = None
    repairs: tuple[Repair, ...] = ()

    @property
    def href(self) -> str:
        return web_address(self.url)


@dataclass(frozen=True)
class Correction:
    """A repair and where a reader finds it: the about page lists every one."""
    place: str  # the element's or the resource's title
    element: Element | None  # None: on the resources page
    anchor: str  # on that page ("" for the page's top)
    repair: Repair


@dataclass(frozen=True)
class Resource:
    title: str
    links: tuple[Link, ...]
    organization: str | None = None


@dataclass(frozen=True)
class ResourceGroup:
    key: str  # "general" or an area id
    title: str
    items: tuple[Resource, ...]


@dataclass(frozen=True)
class FrontHeadings:
    """The source's own headings of its front matter."""
    what_is_a_task_force: str
    development: str
    purpose: str
    format: str
    important_notes: str
    areas_snapshot: str
    stages_snapshot: str


@dataclass(frozen=True)
class FrontMatter:
    headings: FrontHeadings
    areas_of_function: tuple[str, ...]  # one per area, in area order, as the introduction words them
    what_is_a_task_force: tuple[str, ...]
    development: str
    purpose: tuple[str, ...]
    format: tuple[str, ...]
    important_notes: tuple[str, ...]
    intended_for: str
    goals: tuple[str, ...]
    objectives: tuple[str, ...]
    thanks: str
    developed_by_intro: str
    developed_by: tuple[str, ...]
    reviewers_intro: str
    reviewers: tuple[str, ...]
    grants: str

    @property
    def planning_note(self) -> str:
        """The source's own caution, its first Important Note ("This tool is a planning resource
        only. It is not intended as a checklist, …"): quoted wherever the site attributes that
        reading to the roadmap, so it is written once, in roadmap.yml."""
        return self.important_notes[0]


@dataclass(frozen=True)
class Roadmap:
    title: str
    original_title: str
    stages: tuple[Stage, ...]
    areas: tuple[Area, ...]
    citations: tuple[Citation, ...]
    resources: tuple[ResourceGroup, ...]
    front: FrontMatter
    version: str  # hash of the rubric's indicators: saved assessments carry it
    _by_id: dict[str, Element] = field(default_factory=dict, compare=False, repr=False)

    @property
    def elements(self) -> tuple[Element, ...]:
        return tuple(e for a in self.areas for e in a.elements)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for e in self.elements for i in e.indicators)

    @property
    def uncited_citations(self) -> frozenset[int]:
        """Citations the source lists but no text of it marks (the source has one: 11)."""
        blocks = [b for e in self.elements for b in e.intro + e.outro]
        marked = {n for i in self.indicators for n in i.cites}
        marked |= {n for b in blocks for n in getattr(b, "cites", ())}
        return frozenset(c.number for c in self.citations) - marked

    @property
    def repairs(self) -> tuple[tuple[Indicator, Repair], ...]:
        """Every deliberate correction of an indicator's words, in roadmap order."""
        return tuple((i, r) for i in self.indicators for r in i.repairs)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """Every deliberate correction of the source's printed words, in the order pages show
        them: each element's own text, then its indicators; then the resources' addresses."""
        out = []
        for e in self.elements:
            out += [Correction(e.title, e, "", r) for r in e.repairs]
            out += [Correction(e.title, e, i.id, r) for i in e.indicators for r in i.repairs]
        for group in self.resources:
            out += [Correction(item.title, None, group.key, r)
                    for item in group.items for link in item.links for r in link.repairs]
        return tuple(out)

    def element(self, element_id: str) -> Element:
        if not self._by_id:
            self._by_id.update({e.id: e for e in self.elements})
        return self._by_id[element_id]

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def citation(self, number: int) -> Citation:
        return self.citations[number - 1]

    def resource_group(self, key: str) -> ResourceGroup | None:
        return next((g for g in self.resources if g.key == key), None)
