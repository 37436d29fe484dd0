"""The Content-Security-Policy each page carries: computed at build time, strict, and enforced."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from playwright.sync_api import Page

from html_csp import CspError, policy_for, with_csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_are_allowed_by_hash_only():
    html = '<html><head><script>a=1</script><script type="application/json">{"x":1}</script>' \
           '<script src="x.js"></script></head><body><script type="module">b()</script></body></html>'
    policy = policy_for(html)
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert script_src == ["'self'", *sorted([sha("a=1"), sha("b()")])]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    for directive in ("default-src 'self'", "connect-src 'self'", "object-src 'none'",
                      "base-uri 'self'", "form-action 'none'"):
        assert directive in policy


@pytest.mark.parametrize("html, problem", [
    ('<html><head></head><body><button onclick="go()">x</button></body></html>', "onclick="),
    ('<html><head></head><body><a href="javascript:void(0)">x</a></body></html>', "javascript:"),
    ('<p>no head</p>', "no <head>"),
])
def test_script_no_hash_can_allow_stops_the_build(html, problem):
    with pytest.raises(CspError, match=re.escape(problem)):
        with_csp(html)


def test_the_policy_is_the_first_thing_in_head():
    out = with_csp("<html><head><meta charset='utf-8'><script>x()</script></head><body></body></html>")
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src')


def test_every_built_page_carries_a_policy_that_covers_its_inline_scripts(site):
    pages = list(site.dir.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[html.index("<head"):]
        first = re.search(r"<head[^>]*>\s*(<[^>]+>)", html).group(1)
        assert first.startswith('<meta http-equiv="Content-Security-Policy"'), path
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head).group(1)
        inline = [m.group(2) for m in re.finditer(r"<script(\s[^>]*)?>(.*?)</script>", html, re.S)
                  if not m.group(1) or ("src=" not in m.group(1) and "type=" not in m.group(1))]
        assert inline, path  # Material's storage helpers at least
        for body in inline:
            assert sha(body) in policy, (path, body[:60])


@pytest.mark.browser
def test_the_browser_enforces_it(page: Page):
    """An injected inline script is blocked and reported: the policy is live, not decoration."""
    page.goto("internal-foundations/mission-statement/")
    violations = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.append(s);
        setTimeout(() => resolve(null), 2000);
    })""")
    assert violations == "script-src-elem"
    assert page.evaluate("window.__injected") is None
