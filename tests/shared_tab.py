"""One browser tab a worker lends to test after test, reset in between to a tab nobody has used.

A fresh context costs Chromium a new renderer process and a cold start of every script: about 1 s of
CPU per test on a 2-core machine, more than most tests' own work. Reusing the tab keeps the renderer
and the HTTP cache warm and wipes everything a page can keep (both storages, the history's effects,
handlers, emulation). What cannot be undone (an init script, a clock, another origin's storage)
retires the context instead, so the next test gets a fresh one. conftest's `page` fixture decides who
borrows: a test that asks for its own context, or marks one, never shares."""

from __future__ import annotations

from collections.abc import Callable
from playwright.sync_api import Browser, BrowserContext, Page

# Served by project._QuietHandler on every test server: an empty document of the site's own origin,
# where the tab waits between tests and where its storage is cleared.
BETWEEN_TESTS = "__between-tests__"

# Calls with effects no reset can take back: a test that makes one retires the context after it.
IRREVERSIBLE = {
    "page": ("add_init_script", "expose_binding", "expose_function", "route_from_har",
             "set_extra_http_headers", "route_web_socket"),
    "context": ("add_init_script", "expose_binding", "expose_function", "route_from_har",
                "set_extra_http_headers", "set_offline", "grant_permissions", "set_geolocation",
                "add_cookies", "route_web_socket"),
}


class SharedTab:
    def __init__(self, browser: Browser, context_args: dict, origin: str,
                 prepare: Callable[[BrowserContext], None]):
        self._browser = browser
        self._context_args = context_args
        self._origin = origin  # the site's URL, with its trailing slash
        self._prepare = prepare  # what every context of the suite gets (conftest: the recorder)
        self._context: BrowserContext | None = None
        self._page: Page | None = None
        self._tainted = False
        self._listeners: dict[object, dict[str, list]] = {}

    def lend(self) -> Page:
        if self._page is None:
            self._open()
        assert self._page is not None and self._context is not None
        self._tainted = False
        self._listeners = {obj: _listeners_of(obj) for obj in (self._page, self._context)}
        # Its own listener, after the snapshot, so the reset removes it with the test's.
        self._page.on("framenavigated", self._note_navigation)
        return self._page

    def give_back(self) -> None:
        """Resets the tab for the next test, or retires the context if that cannot be done."""
        try:
            if self._tainted or not self._reset():
                self.close()
        except Exception:  # a crashed page, a navigation that never ends: start the next test anew
            self.close()

    def close(self) -> None:
        if self._context is not None:
            try:
                self._context.close()
            except Exception:
                pass
        self._context = self._page = None

    # --- inside ------------------------------------------------------------------------------------

    def _open(self) -> None:
        self._context = self._browser.new_context(**self._context_args)
        self._prepare(self._context)
        self._page = self._context.new_page()
        for kind, obj in (("page", self._page), ("context", self._context)):
            for name in IRREVERSIBLE[kind]:
                setattr(obj, name, self._tainting(getattr(obj, name)))

    def _note_navigation(self, frame) -> None:
        # Another origin's storage (a file:// page, another test server) cannot be wiped from here.
        if frame.parent_frame is None and not frame.url.startswith((self._origin, "about:")):
            self._tainted = True

    def _tainting(self, method):
        def call(*args, **kwargs):
            self._tainted = True
            return method(*args, **kwargs)
        return call

    def _reset(self) -> bool:
        page, context = self._page, self._context
        assert page is not None and context is not None
        if len(context.pages) > 1:  # another tab may have gone anywhere
            return False
        for obj, before in self._listeners.items():
            _restore_listeners(obj, before)
        page.unroute_all(behavior="ignoreErrors")
        context.unroute_all(behavior="ignoreErrors")
        page.set_viewport_size(self._context_args.get("viewport") or {"width": 1280, "height": 720})
        page.emulate_media(media="null", color_scheme="null", reduced_motion="null", forced_colors="null")
        # Leaving the last page runs its pagehide handlers (which save typed text) before the wipe;
        # a "leave this page?" prompt is answered so nothing stops the tab.
        page.on("dialog", _accept)
        try:
            page.goto(self._origin + BETWEEN_TESTS)
        finally:
            page.remove_listener("dialog", _accept)
        return page.url == self._origin + BETWEEN_TESTS and page.evaluate(WIPE)


def _accept(dialog) -> None:
    dialog.accept()


# Wipes what a page of this origin can keep. False if the tab cannot be made new: Playwright's clock
# (installed for the context) is there, or the history has grown long enough to cost memory.
WIPE = """() => {
  localStorage.clear();
  sessionStorage.clear();
  return !('__pwClock' in globalThis) && localStorage.length === 0 && history.length < 50;
}"""


def _listeners_of(obj) -> dict[str, list]:
    emitter = obj._impl_obj
    return {event: list(emitter.listeners(event)) for event in emitter.event_names()}


def _restore_listeners(obj, before: dict[str, list]) -> None:
    emitter = obj._impl_obj
    for event in list(emitter.event_names()):
        kept = before.get(event, [])
        for listener in emitter.listeners(event):
            if listener not in kept:
                emitter.remove_listener(event, listener)
