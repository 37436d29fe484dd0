"""Share links that no server sees, in a real Chromium under the site's CSP: a sender makes a link
on the dashboard, a recipient with a fresh browser opens it read-only and may import it.

What these tests hold the feature to:
  * the link round-trips an assessment exactly (with notes, and without them: notes empty);
  * no request of either browser (URL, headers including Referer, body) carries the link's
    payload, the assessment's name, a note or the passphrase;
  * a full assessment fits in a link under 2,000 characters, plain or encrypted;
  * a wrong passphrase, a cut-off link or an altered link, encrypted or not, shows nothing of the
    results (plain links carry zlib's Adler-32 checksum, encrypted ones AES-GCM's tag);
  * opening a link stores nothing until the recipient imports;
  * axe-core finds nothing on the shared page, on its passphrase form and with results shown.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
import zlib
from urllib.parse import quote

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import RECORDER, axe, dark
from project import is_local

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]

DASHBOARD = "self-assessment/"
DATA = "self-assessment/data/"
SHARED = "self-assessment/shared/"
NAME = "Task force 2026 — “baseline” #2 & 50% <b>draft</b>"
NOTES = {  # element index -> notes: line breaks, quotes, emoji, URL-ish characters, a formula
    0: "Draft at the March meeting.\n=SUM(A1:A2) — “quoted”, ünïcödé 🚦",
    3: "Ask the NGO partners #next & 100% sure?",
    6: "Notes only: no stage chosen, never reviewed",
    9: "a/b?c=d&e#f",
    12: "Résumé: prosecutor’s office agrees",
    15: "Line one\r\nLine two\ttabbed",
    21: "Last element's notes",
}


def kept(text: str) -> str:
    r"""Text as a text field keeps it: every line end "\n" (it shows no "\r")."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


KEPT_NOTES = [kept(n) for n in NOTES.values()]
RETIRED = {"stage": 3, "notes": "Kept from an older roadmap"}  # an element id this roadmap lacks
UNKNOWN_TICK = "an-indicator-from-an-older-roadmap"
PASSPHRASE = "Ünïcödé horse ✓ battery staple"  # typed by the sender in NFC

# Every storage write a page makes, kept in the page: a shared page may write nothing of its own.
STORAGE_LOG = """(() => {
  window.__writes = [];
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    window.__writes.push([this === window.localStorage ? "local" : "session", String(k), String(v)]);
    return set.call(this, k, v);
  };
})();"""


# --- data ---------------------------------------------------------------------------------------

def crafted(roadmap) -> dict:
    """An export with ticks across every element, each kind of stage, notes, elements with and
    without a reviewed hash, a notes-only element, a kept unknown indicator and a kept element."""
    stages = [1, 2, 3, 4, 5, "na", None]
    elements = {}
    for n, e in enumerate(roadmap.elements):
        entry = {"stage": stages[n % 7], "notes": NOTES.get(n, "")}
        if n % 5 != 4 and n != 6:  # most answered in the app (reviewed), some from older files
            entry["reviewed"] = e.signature
        if entry["stage"] is not None or entry["notes"] or "reviewed" in entry:
            elements[e.id] = entry
    elements["a-retired-element"] = dict(RETIRED)
    untouched = {i.id for i in roadmap.elements[20].indicators}  # no stage, no ticks: no suggestion either
    ticked = [i.id for n, i in enumerate(roadmap.indicators) if (n % 3 == 0 or n % 7 == 1) and i.id not in untouched]
    return {"format": "tf-roadmap-assessment", "schema": 2, "rubric": roadmap.version,
            "exported": "2026-03-01T10:15:00.000Z",
            "assessment": {"id": "9c41e07ab2d5", "name": NAME, "created": "2026-02-27T09:00:00.000Z",
                           "ticked": sorted(ticked + [UNKNOWN_TICK]), "elements": elements}}


def full(roadmap) -> dict:
    """Every indicator ticked, every element's stage chosen and reviewed as the app writes it."""
    stages = [1, 2, 3, 4, 5, "na"]
    return {"format": "tf-roadmap-assessment", "schema": 2, "rubric": roadmap.version,
            "exported": "2026-11-20T09:00:00.000Z",
            "assessment": {"id": "5be0c2a91f3d", "name": "Our assessment", "created": "2026-11-01T09:00:00.000Z",
                           "ticked": sorted(i.id for i in roadmap.indicators),
                           "elements": {e.id: {"stage": stages[n % 6], "notes": "", "reviewed": e.signature}
                                        for n, e in enumerate(roadmap.elements)}}}


def without_exported(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "exported"}


def as_kept(data: dict) -> dict:
    """An export as the store keeps it: its notes' line ends as a text field keeps them."""
    out = json.loads(json.dumps(data))
    for entry in out["assessment"]["elements"].values():
        entry["notes"] = kept(entry["notes"])
    return out


def without_notes(data: dict) -> dict:
    """What a link without notes carries: notes emptied, and an element left with no stage, no
    notes and no reviewed hash dropped (an export never lists such an element)."""
    out = json.loads(json.dumps(without_exported(data)))
    elements = out["assessment"]["elements"]
    for k in list(elements):
        elements[k]["notes"] = ""
        if elements[k]["stage"] is None and "reviewed" not in elements[k]:
            del elements[k]
    return out


def suggest(per: list[tuple[int, int]]):
    """The dashboard's rule: the stage with the largest share ticked, ties to the lower one."""
    best = None
    for k, (t, n) in enumerate(per):
        if t and n and (best is None or t * per[best][1] > per[best][0] * n):
            best = k
    return None if best is None else best + 1


def expected_rows(roadmap, data: dict) -> dict[str, str]:
    """data-stage of each element row: the chosen stage, else the suggestion, else empty."""
    on, els, out = set(data["assessment"]["ticked"]), data["assessment"]["elements"], {}
    for e in roadmap.elements:
        chosen = els.get(e.id, {}).get("stage")
        if chosen is None:
            per = [(sum(1 for i in e.indicators if i.stage == s and i.id in on),
                    sum(1 for i in e.indicators if i.stage == s)) for s in range(1, 6)]
            chosen = suggest(per)
        out[e.id] = "" if chosen is None else str(chosen)
    return out


def strings(x) -> set[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(x, dict):
        return set(x) | set().union(*map(strings, x.values())) if x else set()
    if isinstance(x, list):
        return set().union(*map(strings, x)) if x else set()
    return {x} if isinstance(x, str) else set()


def unb64(text: str) -> bytes:
    assert re.fullmatch(r"[A-Za-z0-9_-]+", text), "a link payload is base64url, unpadded"
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def plain_payload(link: str) -> dict:
    """The format promised: <site>/self-assessment/shared/#tf1.<base64url of zlib-deflated JSON>."""
    fragment = link.split("#", 1)[1]
    assert fragment.startswith("tf1.")
    return json.loads(zlib.decompress(unb64(fragment[4:])).decode("utf-8"))


def flip(text: str, pos: int) -> str:
    """Changes one base64url character's top bit, which always carries data (never padding)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return text[:pos] + alphabet[alphabet.index(text[pos]) ^ 32] + text[pos + 1:]


# --- browsers -----------------------------------------------------------------------------------

@pytest.fixture
def fresh_context(new_context):
    """Makes recipients: other browsers with nothing saved, held to the `context` fixture's rules
    (no request leaves the machine) and to `watch`'s (no CSP violation, no page error)."""
    made: list[tuple[BrowserContext, list, list]] = []

    def make() -> BrowserContext:
        ctx = new_context()
        foreign, errors = [], []
        ctx.on("request", lambda r: None if is_local(r.url) else foreign.append(r.url))
        ctx.route("**/*", lambda route: route.continue_() if is_local(route.request.url)
                  else route.abort("blockedbyclient"))
        ctx.add_init_script(RECORDER)
        ctx.add_init_script(STORAGE_LOG)
        ctx.on("page", lambda p: p.on("pageerror", lambda e: errors.append(f"{p.url}: {e}")))
        made.append((ctx, foreign, errors))
        return ctx

    yield make
    for ctx, foreign, errors in made:
        for p in ctx.pages:
            if not p.is_closed():
                errors += p.evaluate("() => window.__problems || []")
        assert foreign == [], f"requests left the site's origin: {foreign}"
        assert errors == []


def import_file(page: Page, data: dict, tmp_path):
    file = tmp_path / f"{data['assessment']['id']}.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text(f"Import “{data['assessment']['name']}”?")
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#tf-message")).to_have_text(f"Imported “{data['assessment']['name']}” from {file.name}.")


def make_link(page: Page, notes: bool, passphrase: str = "") -> str:
    """Sets the share options, presses the button and returns the new link from its box."""
    box = page.locator("#tf-share-link")
    before = box.input_value() if box.count() else None
    page.get_by_role("checkbox", name="Include owners and notes").set_checked(notes)
    page.get_by_label("Passphrase (optional)").fill(passphrase)
    page.get_by_role("button", name="Copy a link to these results").click()
    name = page.evaluate("() => TF.exportData().assessment.name")
    said = re.escape(f" to “{name}”" + (" with owners and notes" if notes else "")
                     + (", encrypted with your passphrase" if passphrase else "") + ".")
    expect(page.locator("#tf-message")).to_have_text(
        re.compile(r"^(Copied a link|Made a link \(copy it from the box below\))" + said + "$"))
    expect(box).not_to_have_value(before or "")
    link = box.input_value()
    expect(page.locator("#tf-share-length")).to_have_text(f"{len(link)} characters.")
    return link


def open_locked(page: Page, link: str, passphrase: str):
    """Opens an encrypted link and submits a passphrase. After the first fragment-only navigation
    since a load, Material replaces the page's content some 50 ms later: text typed into the old
    field in that instant is lost (no person types that fast), so the typing is checked and redone."""
    page.goto(link)
    field = page.get_by_label("Passphrase", exact=True)
    for attempt in range(3):
        field.fill(passphrase)
        try:
            expect(field).to_have_value(passphrase, timeout=300 * (attempt + 1))
            break
        except AssertionError:
            continue
    page.get_by_role("button", name="Show the results").click()


def storage(page: Page) -> dict:
    return page.evaluate("""() => ({
      key: TF.key,
      local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
      session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
      writes: window.__writes || null,
    })""")


def assert_nothing_stored(page: Page, *secrets: str):
    """Nothing of the assessment's in either storage, and no write but the app's storage probe
    (a "1" under its key + "?", removed at once) and Material's colour-scheme preference."""
    s = storage(page)
    assert s["writes"] is not None, "the storage log is missing"
    assert s["session"] == {}, s["session"]
    assert all(k.endswith(".__palette") for k in s["local"]), s["local"]
    for where, key, value in s["writes"]:
        assert (key == s["key"] + "?" and value == "1") or key.endswith(".__palette"), (where, key, value[:80])
    stored = json.dumps(s, ensure_ascii=False)
    for secret in secrets:
        assert secret not in stored


# --- 1. exact round trip ------------------------------------------------------------------------

def test_a_link_round_trips_exactly_with_and_without_notes(page: Page, fresh_context, roadmap, tmp_path, site):
    original = crafted(roadmap)
    import_file(page, original, tmp_path)
    sent = page.evaluate("() => TF.exportData()")
    # The sender holds the crafted file exactly, its line ends as a text field keeps them.
    assert without_exported(sent) == as_kept(without_exported(original))
    assert len(sent["assessment"]["elements"]) >= 20 and len(sent["assessment"]["ticked"]) > 100

    link = make_link(page, notes=True)
    assert link.startswith(site.url + SHARED + "#tf1.")
    carried = strings(plain_payload(link))
    assert NAME in carried and all(note in carried for note in KEPT_NOTES)

    # The recipient: another browser, nothing saved.
    theirs = fresh_context().new_page()
    theirs.goto(link)
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    rows = theirs.locator("tr[data-shared]")
    expect(rows).to_have_count(23)
    shown = {r.get_attribute("data-shared"): r.get_attribute("data-stage") for r in rows.all()}
    assert shown == expected_rows(roadmap, original)
    assert set(shown.values()) >= {"1", "2", "3", "4", "5", "na", ""}
    expect(theirs.locator("#tf-shared")).to_contain_text(f"{len(original['assessment']['ticked'])} indicators ticked")
    for note in NOTES.values():  # in the collapsed details, as text
        assert note.replace("\r\n", "\n") in theirs.locator("#tf-shared").text_content().replace("\r\n", "\n")
    assert_nothing_stored(theirs, NAME)
    theirs.get_by_role("button", name="Import into my browser").click()
    dialog = theirs.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text(f"Import “{NAME}”?")
    expect(dialog).to_contain_text("2 answer(s) refer to indicators or elements this version of the roadmap does not have")
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(theirs.locator("#tf-message")).to_have_text(f"Imported “{NAME}” from a shared link.")
    got = theirs.evaluate("() => TF.exportData()")
    for field in ("id", "name", "created", "ticked", "elements"):
        assert got["assessment"][field] == sent["assessment"][field], field
    assert without_exported(got) == without_exported(sent)

    # Without notes: the same, with every note empty, and no note inside the link at all.
    link = make_link(page, notes=False)
    carried = strings(plain_payload(link))
    assert NAME in carried and not any(note in carried for note in KEPT_NOTES)
    theirs = fresh_context().new_page()
    theirs.goto(link)
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    expect(theirs.locator("tr[data-shared]")).to_have_count(23)
    expect(theirs.locator(".tf-d-notes")).to_have_count(0)
    theirs.get_by_role("button", name="Import into my browser").click()
    theirs.locator("dialog.tf-dialog").get_by_role("button", name="Import", exact=True).click()
    expect(theirs.locator("#tf-message")).to_have_text(f"Imported “{NAME}” from a shared link.")
    got = theirs.evaluate("() => TF.exportData()")
    assert all(v["notes"] == "" for v in got["assessment"]["elements"].values())
    assert without_exported(got) == without_notes(sent)
    assert got["assessment"]["ticked"] == sent["assessment"]["ticked"]


# --- 2. no request carries it -------------------------------------------------------------------

@pytest.mark.slow
def test_no_request_of_sender_or_recipient_carries_the_link(page: Page, context, fresh_context, roadmap, tmp_path, site):
    mine: list = []
    context.on("request", lambda r: mine.append(r))
    import_file(page, crafted(roadmap), tmp_path)
    plain = make_link(page, notes=True)
    locked = make_link(page, notes=True, passphrase=PASSPHRASE)

    recipient = fresh_context()
    theirs: list = []
    recipient.on("request", lambda r: theirs.append(r))
    one = recipient.new_page()
    one.goto(plain)
    expect(one.locator("#tf-shared-name")).to_have_text(NAME)
    two = recipient.new_page()
    open_locked(two, locked, PASSPHRASE)
    expect(two.locator("#tf-shared-name")).to_have_text(NAME)
    # Following a link out of the shared page (instant navigation fetches it) sends a Referer.
    out = two.locator("tr[data-shared] th a").first
    target = out.evaluate("(a) => a.href")
    out.click()
    expect(two).to_have_url(target)
    expect(two.locator(".tf-assessment h2")).to_have_text("Your self-assessment")

    def seen(r) -> str:
        body = r.post_data_buffer
        return "\n".join([r.url, json.dumps(r.all_headers(), ensure_ascii=False),
                          body.decode("utf-8", "replace") if body else ""])

    sent, received = [seen(r) for r in mine], [seen(r) for r in theirs]
    # The recording saw what matters: both pages' loads, and Referers naming the shared page.
    assert any(r.url == site.url + DATA for r in mine)  # where the link was made
    assert sum(r.url == site.url + SHARED for r in theirs) >= 2
    referers = {r.all_headers().get("referer") for r in theirs}
    assert site.url + SHARED in referers, referers
    assert any(r.url == target for r in theirs)
    payloads = [link.split("#", 1)[1] for link in (plain, locked)]
    secrets = [*payloads, *(p[len(p) // 2:len(p) // 2 + 24] for p in payloads), NAME, PASSPHRASE,
               *NOTES.values(), "tf1"]
    for secret in secrets:
        for form in {secret, quote(secret), quote(secret, safe=""), json.dumps(secret)[1:-1]}:
            hits = [r.split("\n", 1)[0] for r in sent + received if form in r]
            assert hits == [], f"{form[:40]!r} was sent in {hits}"


# --- 3. length ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_full_assessment_fits_in_a_link_under_2000_characters(page: Page, roadmap, tmp_path):
    data = full(roadmap)
    assert len(data["assessment"]["ticked"]) == 295 and len(data["assessment"]["elements"]) == 23
    import_file(page, data, tmp_path)
    assert without_exported(page.evaluate("() => TF.exportData()")) == without_exported(data)
    plain = make_link(page, notes=False)
    locked = make_link(page, notes=False, passphrase=PASSPHRASE)
    lengths = (f"plain link {len(plain)} characters, encrypted {len(locked)} "
               f"(after the #: {len(plain.split('#')[1])} and {len(locked.split('#')[1])})")
    print(lengths)
    assert len(plain) < 2000 and len(locked) < 2000, lengths
    expect(page.locator("#tf-share-length")).not_to_contain_text("over 2000")
    # Both open, whole.
    for link in (plain, locked):
        if "#tf1e." in link:
            open_locked(page, link, PASSPHRASE)
        else:
            page.goto(link)
        expect(page.locator("#tf-shared-name")).to_have_text("Our assessment")
        expect(page.locator("#tf-shared")).to_contain_text("23 of 23 elements assessed · 295 indicators ticked")
        rows = page.locator("tr[data-shared]")
        expect(rows).to_have_count(23)
        shown = {r.get_attribute("data-shared"): r.get_attribute("data-stage") for r in rows.all()}
        assert shown == expected_rows(roadmap, data)


# --- 4. wrong passphrase, damaged links ---------------------------------------------------------

DECRYPT = """async ([fragment, pass]) => {
  // The promised format, decrypted independently of share.js: tf1e.<base64url of salt16|iv12|AES-GCM>,
  // the key from PBKDF2-SHA256 with 600,000 rounds, inside: zlib-deflated JSON.
  const bytes = Uint8Array.from(atob(fragment.slice(5).replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(pass.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
  const key = await crypto.subtle.deriveKey({ name: "PBKDF2", salt: bytes.slice(0, 16), iterations: 600000, hash: "SHA-256" },
    base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
  const packed = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(16, 28) }, key, bytes.slice(28));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate"));
  return await new Response(stream).text();
}"""


def assert_shows_nothing(page: Page):
    expect(page.locator("#tf-shared-error")).to_be_visible()
    expect(page.locator("#tf-shared-name")).to_have_count(0)
    expect(page.locator("tr[data-shared], #tf-shared-details, #tf-shared details")).to_have_count(0)
    expect(page.get_by_role("button", name="Import into my browser")).to_have_count(0)
    assert NAME not in page.locator("body").inner_text()
    assert NAME not in page.content()
    assert not any(note in page.content() for note in NOTES.values())


@pytest.mark.slow
def test_a_wrong_passphrase_or_a_damaged_link_shows_nothing(page: Page, fresh_context, roadmap, tmp_path, site):
    import_file(page, crafted(roadmap), tmp_path)
    locked = make_link(page, notes=True, passphrase=PASSPHRASE)
    plain = make_link(page, notes=True)
    assert re.fullmatch(re.escape(site.url + SHARED) + r"#tf1e\.[A-Za-z0-9_-]+", locked)
    fragment = locked.split("#", 1)[1]
    assert len(unb64(fragment[5:])) >= 16 + 12 + 16 + 50  # salt, iv, tag and a real payload
    inside = json.loads(page.evaluate(DECRYPT, [fragment, PASSPHRASE]))
    assert NAME in strings(inside) and NOTES[0] in strings(inside)
    packed = plain_payload(plain)  # the same content as the plain link, but for the moment each was made
    assert inside.keys() == packed.keys()
    differ = [k for k in inside if inside[k] != packed[k]]
    assert len(differ) <= 1 and all(re.fullmatch(r"\d{4}-\d\d-\d\dT[0-9:.]+Z", inside[k]) for k in differ), differ

    theirs = fresh_context().new_page()
    theirs.goto(locked)
    expect(theirs.get_by_label("Passphrase", exact=True)).to_be_visible()
    expect(theirs.locator("#tf-shared-error")).to_have_count(0)
    expect(theirs.locator("#tf-shared-name, tr[data-shared]")).to_have_count(0)
    assert NAME not in theirs.content()

    theirs.get_by_label("Passphrase", exact=True).fill("Unicode horse battery staple")
    theirs.get_by_role("button", name="Show the results").click()
    expect(theirs.locator("#tf-shared-error")).to_have_text(
        "The results stay hidden: the passphrase does not open it (or the link is damaged). "
        "Check the passphrase with the sender and try again.")
    assert_shows_nothing(theirs)
    assert_nothing_stored(theirs, NAME)

    # The right passphrase, typed in another Unicode form (decomposed, as some keyboards send it),
    # submitted with Enter.
    typed = unicodedata.normalize("NFD", PASSPHRASE)
    assert typed != PASSPHRASE
    theirs.get_by_label("Passphrase", exact=True).fill(typed)
    theirs.get_by_label("Passphrase", exact=True).press("Enter")
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    expect(theirs.locator("#tf-shared-error")).to_have_count(0)
    expect(theirs.locator("tr[data-shared]")).to_have_count(23)
    expect(theirs.locator("#tf-shared")).to_contain_text(NOTES[3])

    # An encrypted link cut short or with a character changed, even at its very end, opens on
    # nothing with the right passphrase: first in a new tab, then pasted into the same tab.
    end = len(locked) - 1
    for n, broken in enumerate([locked[:-1], locked[:-12], flip(locked, end), flip(locked, len(locked) - 40)]):
        if n == 0:
            theirs = fresh_context().new_page()
        open_locked(theirs, broken, PASSPHRASE)
        expect(theirs.locator("#tf-shared-error")).to_have_text(re.compile(
            r"^The results stay hidden: (it is cut off|the passphrase does not open it \(or the link is damaged\)\. "
            r"Check the passphrase with the sender and try again)\.$"))
        assert_shows_nothing(theirs)

    # Plain links: cut short, not a link of this site, or made for another indicator order.
    order = [k for k, v in packed.items() if v == page.evaluate("() => TF.core.rubric.order")]
    assert len(order) == 1
    other = dict(packed, **{order[0]: "0123456789"})
    foreign = zlib.compress(json.dumps(other).encode(), 9)
    base = plain.split("#")[0]
    assert len(plain.split("#")[1]) > len(plain) // 2
    cut = "it is (damaged or cut off|damaged|cut off)"
    cases = [(plain[:-n], cut) for n in (1, 3, 12, len(plain) // 2)]
    cases += [(base + "#tf1.<script>alert(1)</script>", re.escape("it holds characters a link of this site never has")),
              (base + "#tf1e.", re.escape("it is cut off")),
              (base + "#elsewhere", re.escape("it is not a results link of this site")),
              (base + "#tf1." + base64.urlsafe_b64encode(foreign).decode().rstrip("="),
               re.escape("it was made with a version of the roadmap whose indicators differ from this one; "
                         "ask the sender for a JSON export instead"))]
    for link, reason in cases:
        if "#tf1e." in link:
            open_locked(theirs, link, PASSPHRASE)
            lead = "The results stay hidden: "
        else:
            theirs.goto(link)
            lead = "This link cannot be shown: "
        expect(theirs.locator("#tf-shared-error")).to_have_text(re.compile(f"^{lead}{reason}\\.$"))
        assert_shows_nothing(theirs)
    assert_nothing_stored(theirs, NAME)

    # A link pasted into a tab showing another one, its passphrase submitted at once: Material
    # initialises the page again after the first fragment-only navigation since a load, and that
    # must not drop the passphrase being checked (it did before bc03f41: the form came back, mute).
    theirs = theirs.context.new_page()
    theirs.goto(plain)
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    theirs.evaluate("""async ([fragment, pass]) => {
      const drawn = new Promise((done) => addEventListener("hashchange", done, { once: true }));
      location.hash = fragment;
      await drawn;  // after share.js's own hashchange listener, which draws the form
      const input = document.getElementById("tf-shared-pass");
      input.value = pass;
      input.dispatchEvent(new Event("input"));
      [...document.querySelectorAll("#tf-shared button")].find((b) => b.textContent === "Show the results").click();
    }""", [fragment, PASSPHRASE])
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    expect(theirs.locator("#tf-shared-error")).to_have_count(0)


def test_a_plain_link_with_one_of_its_last_characters_changed_is_refused(page: Page, roadmap, site):
    page.goto(SHARED)
    page.wait_for_function("() => window.TF && TF.core.share")
    # Plain links of the full assessment made at 4 moments; each of their last 10 characters changed in
    # turn. The first change that share.js decodes to other results is then opened as a link.
    found = page.evaluate("""async (data) => {
      const S = TF.core.share, A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      for (let k = 0; k < 4; k++) {
        data.exported = `2026-11-20T09:00:0${k}.000Z`;
        const frag = await S.encode(data, false, ""), same = JSON.stringify((await S.decode(frag, "")).assessment);
        for (let j = 1; j <= 10; j++) {
          const p = frag.length - j, bad = frag.slice(0, p) + A[A.indexOf(frag[p]) ^ 32] + frag.slice(p + 1);
          try {
            const got = JSON.stringify((await S.decode(bad, "")).assessment);
            if (got !== same) return [bad, same, got];
          } catch (e) { if (!(e instanceof S.LinkError)) throw e; }
        }
      }
      return null;
    }""", full(roadmap))
    assert found is None or found[1] != found[2]
    if found:
        page.goto(site.url + SHARED + "#" + found[0])
        expect(page.locator("#tf-shared-name, #tf-shared-error")).to_have_count(1)
        at = next(n for n, (a, b) in enumerate(zip(found[1], found[2])) if a != b)
        assert page.locator("#tf-shared-error").count() == 1, (
            f"an altered link opened as results: …{found[1][at - 30:at + 20]}… became …{found[2][at - 30:at + 20]}…")


# --- 5. read-only until imported ----------------------------------------------------------------

def test_opening_a_link_stores_nothing_until_the_recipient_imports(page: Page, fresh_context, roadmap, tmp_path):
    import_file(page, crafted(roadmap), tmp_path)
    plain = make_link(page, notes=True)
    locked = make_link(page, notes=True, passphrase=PASSPHRASE)

    theirs = fresh_context().new_page()
    theirs.goto(plain)
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    payload = plain.split("#", 1)[1]
    assert_nothing_stored(theirs, NAME, payload[:40], NOTES[0])
    assert theirs.evaluate("() => localStorage.getItem(TF.key)") is None
    open_locked(theirs, locked, PASSPHRASE)  # the same tab, another link
    expect(theirs.locator("#tf-shared-name")).to_have_text(NAME)
    assert_nothing_stored(theirs, NAME, PASSPHRASE, NOTES[0])

    # Cancelling the import changes nothing either.
    theirs.get_by_role("button", name="Import into my browser").click()
    theirs.locator("dialog.tf-dialog").get_by_role("button", name="Cancel").click()
    expect(theirs.locator("#tf-message")).to_have_text("Import cancelled. Nothing was changed.")
    assert_nothing_stored(theirs, NAME, NOTES[0])

    theirs.get_by_role("button", name="Import into my browser").click()
    theirs.locator("dialog.tf-dialog").get_by_role("button", name="Import", exact=True).click()
    expect(theirs.locator("#tf-message")).to_have_text(f"Imported “{NAME}” from a shared link.")
    s = storage(theirs)
    saved = json.loads(s["local"][s["key"]])
    assert saved["list"]["9c41e07ab2d5"]["name"][0] == NAME
    assert PASSPHRASE not in json.dumps(s, ensure_ascii=False)


# --- 6. accessibility ---------------------------------------------------------------------------

# axe-core is injected as an inline script, which the site's CSP rightly refuses.
@pytest.mark.slow  # the quick run audits the element page, the dashboard, the plan and the team page
@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_the_shared_page(page: Page, roadmap, tmp_path):
    import_file(page, crafted(roadmap), tmp_path)
    locked = make_link(page, notes=True, passphrase=PASSPHRASE)
    open_locked(page, locked, "wrong")
    expect(page.locator("#tf-shared-error")).to_be_visible()
    assert axe(page) == []  # the passphrase form, with its refusal
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Show the results").click()
    expect(page.locator("#tf-shared-name")).to_have_text(NAME)
    for summary in page.locator("#tf-shared details > summary").all():
        summary.click()
    expect(page.locator("#tf-shared details[open]")).to_have_count(page.locator("#tf-shared details").count())
    assert axe(page) == []  # the results, every detail open
    dark(page)
    assert axe(page) == []


# --- hostile links ------------------------------------------------------------------------------

def test_hostile_links_are_shown_as_text_or_refused(page: Page, roadmap, tmp_path):
    hostile = crafted(roadmap)
    hostile["assessment"]["name"] = '<img src=x onerror="window.__pwned=1">'
    hostile["assessment"]["elements"]["outreach"] = {"stage": 2, "notes": "<script>window.__pwned=2</script>"}
    import_file(page, hostile, tmp_path)
    link = make_link(page, notes=True)
    page.goto(link)
    expect(page.locator("#tf-shared-name")).to_have_text(hostile["assessment"]["name"])
    expect(page.locator("#tf-shared")).to_contain_text("<script>window.__pwned=2</script>")
    assert page.locator("#tf-shared img, #tf-shared script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    # A few kilobytes that would inflate to 6 MB are refused before they are parsed.
    bomb = zlib.compress(b"[" + b" " * 6_000_000 + b"]", 9)
    fragment = "tf1." + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(fragment) < 12_000
    page.goto("about:blank")
    page.goto(link.split("#")[0] + "#" + fragment)
    expect(page.locator("#tf-shared-error")).to_have_text("This link cannot be shown: it expands to over 5 MB.")
