"""A Content-Security-Policy for each built HTML page, computed from the page itself.

A generic step on finished HTML, independent of the roadmap and of the site generator: run it
last, on the final bytes (after any minifier), because the policy names each inline script by
the hash of its exact text. Inline scripts are allowed by their hash, never by 'unsafe-inline'.
What a hash cannot allow (inline event handlers, javascript: URLs) is refused: the build stops
rather than ship a page whose script the policy would silently block.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

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
# A <script> runs when its type is missing, empty, a JavaScript MIME type or "module"; any other
# type (Material's __config JSON) is a data block the browser never executes.
_EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript",
                     "text/ecmascript", "application/ecmascript", "application/x-javascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
_META = '<meta http-equiv="Content-Security-Policy" content="{}">'


class CspError(Exception):
    """The page carries script that no hash can allow."""


class _Scan(HTMLParser):
    """One pass over a page: the inline scripts that run, what no hash can allow, and where the
    first <head> tag ends (with our own policy, if an earlier run already put one there)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # script text must stay byte for byte
        self.scripts: list[str] = []
        self.problem: str | None = None
        self.head_end: int | None = None
        self.old_policy_end: int | None = None
        self._script: list[str] | None = None
        # getpos() counts lines by "\n" alone; offsets turn it back into an index into `html`.
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if self.problem:
                break
            if name.startswith("on"):
                self.problem = f"inline event handler {name}= would be blocked by the CSP"
            # Browsers ignore whitespace and control characters around and inside the scheme.
            elif name in _URL_ATTRIBUTES and "".join(
                    c for c in value or "" if c > " ").lower().startswith("javascript:"):
                self.problem = "a javascript: URL would be blocked by the CSP"
        end = self._offset() + len(self.get_starttag_text() or "")
        if tag == "head" and self.head_end is None:
            self.head_end = end
        elif (tag == "meta" and self._offset() == self.head_end
              and (values.get("http-equiv") or "").lower() == "content-security-policy"):
            self.old_policy_end = end
        if tag == "script" and "src" not in values and \
                (values.get("type") or "").strip().lower() in _EXECUTABLE_TYPES:
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def _sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"


def _policy(scan: _Scan, offline: bool) -> str:
    if scan.problem:
        raise CspError(scan.problem)
    directives = {**POLICY, "script-src": POLICY["script-src"]
                  + sorted({_sha256(body) for body in scan.scripts})}
    if offline:
        # The offline edition opens from file://, where 'self' matches nothing (file: origins are
        # opaque) and Material's search worker shim runs an inline script it writes at run time
        # (no hash can be known): there, file: stands in for 'self' and inline script is allowed.
        # No network exists for that edition to reach: connect-src stays closed.
        directives = {name: [*values, "file:"] if "'self'" in values else values
                      for name, values in directives.items()}
        directives["script-src"] = ["'self'", "file:", "'unsafe-inline'"]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def policy_for(html: str, offline: bool = False) -> str:
    """The page's policy (see `_policy` for the offline edition's)."""
    return _policy(_Scan(html), offline)


def with_csp(html: str, offline: bool = False) -> str:
    """The page with its policy as the first element of <head>, before any script runs. A policy
    this step put there before is replaced, so running it twice changes nothing."""
    scan = _Scan(html)
    meta = _META.format(_policy(scan, offline))
    if scan.head_end is None:
        raise CspError("the page has no <head> to carry its Content-Security-Policy")
    rest = scan.old_policy_end if scan.old_policy_end is not None else scan.head_end
    return html[:scan.head_end] + meta + html[rest:]


def secure_site(site_dir: Path, offline: bool = False) -> int:
    """Give every HTML file under `site_dir` its policy, in place. Returns how many files."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    for path in pages:
        html = path.read_bytes().decode("utf-8")  # bytes: line endings stay exactly as built
        try:
            secured = with_csp(html, offline=offline)
        except CspError as e:
            raise CspError(f"{path.relative_to(site_dir).as_posix()}: {e}") from None
        if secured != html:
            path.write_bytes(secured.encode("utf-8"))
    return len(pages)
