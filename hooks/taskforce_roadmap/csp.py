"""A Content-Security-Policy for each built page, computed from the page itself.

Inline scripts are allowed by their hash, never by 'unsafe-inline'. What a hash cannot allow
(inline event handlers, javascript: URLs) is refused: the build stops rather than ship a page
whose script the policy would silently block.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Scripts without src whose type makes the browser execute them.
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_EXECUTABLE_TYPE = re.compile(r'\stype=["\']?(?:text/javascript|module|application/javascript)', re.I)
_ANY_TYPE = re.compile(r"\stype=", re.I)
_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I)
_JS_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # + the page's inline script hashes
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # the search index, fetched by Material's worker
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


class CspError(Exception):
    """The page carries script that no hash can allow."""


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if " src=" in attrs.lower():
            continue
        if _ANY_TYPE.search(attrs) and not _EXECUTABLE_TYPE.search(attrs):
            continue  # data blocks such as Material's __config JSON never run
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy_for(html: str, offline: bool = False) -> str:
    """The page's policy. The offline edition opens from file://, where 'self' matches nothing
    (file: origins are opaque) and Material's search worker shim must run an inline script it
    writes at run time (no hash can be known): there, file: stands in for 'self' and inline
    script is allowed. No network exists for that edition to reach: connect-src stays closed."""
    handler = _HANDLER.search(html)
    if handler:
        raise CspError(f"inline event handler {handler.group(1)}= would be blocked by the CSP")
    if _JS_URL.search(html):
        raise CspError("a javascript: URL would be blocked by the CSP")
    directives = {**POLICY, "script-src": POLICY["script-src"] + inline_script_hashes(html)}
    if offline:
        directives = {name: [*values, "file:"] if "'self'" in values else values
                      for name, values in directives.items()}
        directives["script-src"] = ["'self'", "file:", "'unsafe-inline'"]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_csp(html: str, offline: bool = False) -> str:
    """The page with its policy as the first element of <head>, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, offline)}">'
    head = _HEAD.search(html)
    if not head:
        raise CspError("the page has no <head> to carry its Content-Security-Policy")
    return html[:head.end()] + meta + html[head.end():]
