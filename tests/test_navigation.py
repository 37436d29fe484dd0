"""The site's navigation is visible, or one click away, on every page at every width: element
pages between 1220 and 1700 px give the sidebar's room to the five stages and open it as a drawer
from the header's menu button, as every page does below 1220 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pages import DASHBOARD, quick

pytestmark = pytest.mark.browser

LEADERSHIP = "internal-foundations/leadership/"
PLAN = "self-assessment/plan/"
WIDTHS = [360, 390, 1024, 1280, 1366, 1440, 1536, 1680, 1920]
MENU = "button.tf-menu"
# The site's navigation links a reader can see and click now: on screen and on top.
SHOWN = """() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]
  .filter((link) => { const r = link.getBoundingClientRect();
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight
      && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('a') === link; })
  .map((link) => link.href)"""


def shown(page: Page) -> list[str]:
    return page.evaluate(SHOWN)


def clicks_to_navigation(page: Page) -> int:
    """0 when the navigation's links are on screen, 1 when the header's menu button shows them."""
    if len(shown(page)) >= 3:
        return 0
    menu = page.locator(MENU)
    expect(menu).to_be_visible()
    menu.click()
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    assert len(shown(page)) >= 3, "the menu button did not bring the navigation on screen"
    return 1


@pytest.mark.parametrize("width", quick(WIDTHS, 390, 1280, 1920))
@pytest.mark.parametrize("path", [LEADERSHIP, DASHBOARD, PLAN])
def test_the_navigation_is_on_screen_or_one_click_away(page: Page, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    clicks = clicks_to_navigation(page)
    assert clicks == (0 if width >= 1700 or (width >= 1220 and path != LEADERSHIP) else 1)
    here = page.url
    elsewhere = next(href for href in shown(page) if href.split("#")[0] != here)
    page.locator(f".md-sidebar--primary a.md-nav__link[href='{elsewhere}']").first.click()
    expect(page).to_have_url(elsewhere)


@pytest.mark.parametrize("width", quick([1280, 1440, 1680], 1280))
def test_an_element_page_on_a_laptop_keeps_five_columns_and_reaches_every_element(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(LEADERSHIP)
    tops = page.locator(".tf-stage").evaluate_all("(s) => s.map((e) => e.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops  # the stages keep the room
    assert clicks_to_navigation(page) == 1
    media = page.locator(".md-sidebar--primary a.md-nav__link[href$='/public-engagement/media/']")
    media.scroll_into_view_if_needed()  # the last element, at the drawer's end
    page.evaluate("() => { window.__marker = 'still here'; }")
    media.click()
    expect(page).to_have_url(re.compile(r"/public-engagement/media/$"))
    assert page.evaluate("() => window.__marker") == "still here"  # instant navigation
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()  # the drawer closed


def test_the_drawer_works_from_the_keyboard_on_a_laptop(page: Page):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(LEADERSHIP)
    menu = page.locator(MENU)
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu.evaluate("(m) => m === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the header's menu button")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_have_accessible_name("Site navigation")
    expect(menu).to_have_attribute("type", "button")  # a real button, not Material's bare label
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a.md-nav__link:focus")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    # Closed, the drawer's links are out of the tab order: the next Tab does not land in them.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('.md-sidebar--primary')")


@pytest.mark.parametrize("width", quick([390, 1024, 1366], 390, 1366))
def test_the_drawer_opens_at_the_current_page_and_closes_when_the_keyboard_leaves(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(LEADERSHIP)
    menu = page.locator(MENU)
    menu.focus()
    page.keyboard.press("Enter")
    focused = page.locator(".md-sidebar--primary a.md-nav__link:focus")
    expect(focused).to_have_count(1)
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    assert focused.get_attribute("href") in shown(page)  # on screen, not covered
    if width >= 1024:  # where the current page is a link (below 960 px Material makes it a label)
        expect(focused).to_have_text(re.compile(r"^\s*Leadership\s*$"))
    # Tab past the drawer's last link: the drawer closes rather than let the keyboard behind it.
    page.locator(".md-sidebar--primary a.md-nav__link[href]").last.focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("() => !document.activeElement.closest('.md-sidebar--primary')"):
            break
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("() => document.getElementById('__drawer').checked") is False
