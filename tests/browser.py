"""Real-browser helpers for the accessibility tests: Debian's Chromium driven by Playwright, axe-core from npm.

Nothing here downloads a browser: Chromium is Debian's ``/usr/bin/chromium`` (``scripts/test`` installs it
with apt) and axe-core is ``tests/browser/node_modules/axe-core`` (``scripts/test`` runs ``npm ci``).

    with launch() as browser:
        opened = open_file(browser, "out.html")
        violations = axe_violations(opened.page)
        assert not opened.external_requests
        screenshot(opened.page, "test-artifacts/out.png")
        opened.close()
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHROMIUM = Path(os.environ.get("KOTOCHECK_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = HERE / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"

# Root in a container: no sandbox; no GPU; nothing that phones home on start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SKIP_ENV = "KOTOCHECK_SKIP_BROWSER"

SETUP_HINT = (
    "Run scripts/test (it installs the [test] extra with playwright, Debian's chromium with apt "
    "and axe-core with `npm ci --prefix tests/browser`), or do that by hand; set "
    "KOTOCHECK_SKIP_BROWSER=1 to skip the browser tests for a quick local run."
)


class BrowserUnavailable(RuntimeError):
    """Chromium, Playwright or axe-core is missing or would not start."""


def skip_requested() -> bool:
    return os.environ.get(SKIP_ENV, "").strip() not in ("", "0")


@contextlib.contextmanager
def launch() -> Iterator["object"]:
    """Yield a Playwright ``Browser`` running Debian's headless Chromium; raise BrowserUnavailable if it can't."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BrowserUnavailable(f"the Python package playwright is not installed ({exc}). {SETUP_HINT}") from exc
    if not CHROMIUM.exists():
        raise BrowserUnavailable(f"Chromium not found at {CHROMIUM}. {SETUP_HINT}")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
                                         timeout=60_000)
        except Exception as exc:  # playwright's Error, TimeoutError
            raise BrowserUnavailable(f"Chromium at {CHROMIUM} did not start: {exc}. {SETUP_HINT}") from exc
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class OpenedPage:
    """A local HTML file open in its own browser context, with what it tried to do recorded."""

    page: object
    context: object
    url: str
    external_requests: list[str] = field(default_factory=list)  # each URL not file:// asked for (all aborted)
    console_errors: list[str] = field(default_factory=list)     # console.error messages and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)            # "alert: text", "confirm: text", ... (dismissed)

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> "OpenedPage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


def open_file(browser, html_path: str | os.PathLike, *, width: int = 1280, height: int = 900) -> OpenedPage:
    """Open a local HTML file over file:// in a fresh context that allows no network at all.

    Every request whose URL is not file:, data:, about: or blob: is aborted and recorded in
    ``external_requests`` (so a test can assert the page needs no network); service workers are
    blocked and WebSockets are closed. Console errors, uncaught exceptions and dialogs (alert,
    confirm, prompt, beforeunload: dismissed at once) are recorded too.
    """
    path = Path(html_path).resolve()
    if not path.is_file():
        raise FileNotFoundError(path)
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block",
                                  java_script_enabled=True)
    opened = OpenedPage(page=None, context=context, url=path.as_uri())

    def record(url: str) -> None:
        if url not in opened.external_requests:
            opened.external_requests.append(url)

    def on_route(route):
        url = route.request.url
        if url.startswith(_LOCAL_SCHEMES):
            route.continue_()
        else:
            record(url)
            route.abort("blockedbyclient")

    context.route("**/*", on_route)
    if hasattr(context, "route_web_socket"):
        def on_websocket(ws):
            record(ws.url)
            ws.close()

        context.route_web_socket(re.compile(".*"), on_websocket)

    page = context.new_page()
    opened.page = page

    def on_request(request):
        # A request the router never saw (should not happen) still counts as leaving file://.
        if not request.url.startswith(_LOCAL_SCHEMES):
            record(request.url)

    def on_console(msg):
        if msg.type == "error":
            opened.console_errors.append(msg.text)

    def on_dialog(dialog):
        opened.dialogs.append(f"{dialog.type}: {dialog.message}")
        with contextlib.suppress(Exception):
            dialog.dismiss()

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: opened.console_errors.append(f"uncaught: {exc}"))
    page.on("dialog", on_dialog)
    page.goto(opened.url, wait_until="load")
    return opened


def axe_violations(page, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core on the page; return its violations as plain dicts.

    Each: {"id", "impact", "help", "help_url", "targets": [css selector, ...],
           "nodes": [{"target", "html", "summary"}, ...]}.
    """
    if not AXE_JS.is_file():
        raise BrowserUnavailable(f"axe-core not found at {AXE_JS}. {SETUP_HINT}")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags or AXE_TAGS)
    violations = []
    for v in result["violations"]:
        nodes = [{
            "target": " ".join(str(t) for t in n.get("target", [])),
            "html": n.get("html", ""),
            "summary": n.get("failureSummary", ""),
        } for n in v.get("nodes", [])]
        violations.append({
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v.get("help", ""),
            "help_url": v.get("helpUrl", ""),
            "targets": [n["target"] for n in nodes],
            "nodes": nodes,
        })
    return violations


def format_violations(violations: list[dict], max_nodes: int = 8) -> str:
    """Readable text for an assertion message."""
    if not violations:
        return "no axe violations"
    lines = [f"{len(violations)} axe violation(s):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({len(v['nodes'])} element(s)) {v['help_url']}")
        for n in v["nodes"][:max_nodes]:
            html = n["html"] if len(n["html"]) <= 200 else n["html"][:197] + "..."
            lines.append(f"    at {n['target']}: {html}")
            summary = " ".join(n["summary"].split())
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(v['nodes']) - max_nodes} more")
    return "\n".join(lines)


def screenshot(page, path: str | os.PathLike) -> Path:
    """Save a full-page PNG, creating the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def print_pdf(page, path: str | os.PathLike | None = None) -> bytes:
    """Print the page with print CSS to PDF (optionally also saved to path); returns the bytes.
    The page size is the stylesheet's (`@page { size: A4 }`, a landscape named page for a wide
    table), as Chromium's own print dialog and `--print-to-pdf` do; A4 where it says none."""
    page.emulate_media(media="print")
    try:
        kwargs = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["path"] = str(path)
        return page.pdf(**kwargs)
    finally:
        page.emulate_media(media="screen")


# The width of the text on an A4 portrait page (210 mm less the margins of 20 and 18 mm in style.css),
# and on the landscape page "wide" (297 mm less 15 and 15 mm), in CSS pixels.
A4_TEXT_WIDTH_PX = round((210 - 20 - 18) / 25.4 * 96)
A4_LANDSCAPE_TEXT_WIDTH_PX = round((297 - 15 - 15) / 25.4 * 96)


def print_overflow(page) -> list[str]:
    """Elements wider than the printed page's text (Chromium would shrink the whole printout to fit
    them): each as "tag.class: width px". A wide table on the landscape page is measured against it."""
    page.emulate_media(media="print")
    try:
        page.set_viewport_size({"width": A4_TEXT_WIDTH_PX, "height": 1100})
        return page.evaluate("""([portrait, landscape]) => {
          const out = [];
          for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect();
            if (!r.width) continue;
            const limit = e.closest('.wide-table') ? landscape : portrait;
            if (r.right > limit + 1 && !e.parentElement.closest('table, pre, svg')) {
              out.push(`${e.tagName.toLowerCase()}.${e.className || ''}: ${Math.round(r.right)} px`);
            }
          }
          return out;
        }""", [A4_TEXT_WIDTH_PX, A4_LANDSCAPE_TEXT_WIDTH_PX])
    finally:
        page.emulate_media(media="screen")


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF as Chromium writes it (uncompressed object headers); no PDF library needed."""
    pages = len(_PAGE_OBJECT.findall(data))
    if pages:
        return pages
    counts = [int(a or b) for a, b in _PAGES_COUNT.findall(data)]
    return max(counts, default=0)


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")
A4_MM = (210, 297)


def pdf_page_sizes(data: bytes) -> list[tuple[int, int]]:
    """Width and height in whole millimetres of every page of a PDF as Chromium writes it:
    (210, 297) is A4 portrait, (297, 210) A4 landscape."""
    sizes = []
    for match in _MEDIA_BOX.finditer(data):
        x0, y0, x1, y1 = (float(v) for v in match.groups())
        sizes.append((round((x1 - x0) * 25.4 / 72), round((y1 - y0) * 25.4 / 72)))
    pages = pdf_page_count(data)
    return sizes[-pages:] if pages and len(sizes) > pages else sizes


def pdf_text(path: str | os.PathLike) -> list[str] | None:
    """The text of each page of a PDF file: poppler's pdftotext where installed, else pypdf (a test
    dependency, also kotocheck's own PDF reader) in its layout mode; None only when neither is there."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is not None:
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=120)
        return out.stdout.split("\f")[:-1] if out.returncode == 0 else None
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return [page.extract_text(extraction_mode="layout") for page in PdfReader(str(path)).pages]


def describe(opened: OpenedPage) -> str:
    return json.dumps({"url": opened.url, "external_requests": opened.external_requests,
                       "console_errors": opened.console_errors, "dialogs": opened.dialogs},
                      ensure_ascii=False, indent=2)
