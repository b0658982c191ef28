"""Hostile text in published output: every free-text field of every example replaced with
script, markup, template and CDATA payloads must come out as visible, inert text.

HTML (documents, gap reports, the ELY summary) is checked statically with the standard library's
HTML parser and in Debian's Chromium; Markdown is checked with markdown-it-py; and a
municipality's own template must not get out of jinja2's sandbox.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

import browser as web
from conftest import EXAMPLES, TODAY, read_yaml, write_yaml
from kotocheck.cli import app

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))

# The title of every document: closes <title> and tries to rename the page.
TITLE_PAYLOAD = "</title><script>document.title='PWNED';window.__pwned=1</script>"
SCRIPT = "<script>document.title='PWNED';window.__pwned=1</script>"
LONG_LINE = "Pitkä rivi ilman rivinvaihtoa " * 400 + "<script>window.__pwned=1</script>"
PAYLOADS = [
    SCRIPT,
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '"><svg onload=alert(1)>',
    "</textarea></style></script><b>lihava</b>",
    "{{ 7*7 }} ja {% raw %}",
    "]]> <![CDATA[ <script>window.__pwned=1</script> ]]>",
    "<div class=x onclick=alert(1) ",  # an unclosed tag: must not swallow what follows
    "'><iframe src=\"http://example.invalid/\"></iframe>",
    "ensimmäinen kappale\n\n<script>window.__pwned=1</script>\n<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1)) <http://example.invalid/> <style>body{display:none}</style>",
    "&lt;script&gt; jo valmiiksi koodattu &amp; &#60;b&#62;",
    LONG_LINE,
]

# Keys whose values are enums, ids, references, dates, numbers or codes: left as they are so the
# document stays schema-valid and its cross-references (follow-up -> programme) still resolve.
KEEP_ALWAYS = {
    "kind", "checklist", "format_version", "language", "id", "item", "municipality_code",
    # dates, years and money
    "start", "end", "date", "year", "valid_from", "total", "amount", "currency",
    # closed vocabularies (models/vocab.py)
    "sector", "type", "topic", "themes", "audiences", "planning_mode", "document_form", "status", "include",
    # references to other files and to the catalogues
    "file", "catalogue",
}
KEEP_BY_KIND = {
    # services: target_groups, groups, service and arranged_by are vocabularies
    "services": {"service", "arranged_by", "target_groups", "groups", "jobseekers", "others"},
    # follow-up: ids of the programme's goals and measures, and the programme's path
    "followup": {"goal", "measure", "programme", "indicator"},
    "programme": set(),
}


def _is_indicator(node: dict) -> bool:
    return "name" in node and ("catalogue" in node or "baseline" in node or "target" in node or "unit" in node)


def _id_list(key, value) -> bool:
    """`goals` of a measure and `services` of a service goal are lists of ids (references the engine
    checks), not text: kept. The lists of goals and of services themselves hold mappings and are walked."""
    return key in ("goals", "services") and isinstance(value, list) and all(isinstance(v, str) for v in value)


def make_hostile(data: dict) -> tuple[dict, int]:
    """The document with every free-text string replaced by a payload (rotating); and how many."""
    keep = KEEP_ALWAYS | KEEP_BY_KIND[data["kind"]]
    counter = 0

    def walk(node, key=None, parent=None):
        nonlocal counter
        if isinstance(node, dict):
            return {k: (v if k in keep or (k == "source" and _is_indicator(node)) or _id_list(k, v)
                        else walk(v, k, node)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key, parent) for v in node]
        if isinstance(node, str):
            counter += 1
            if key == "title":
                return TITLE_PAYLOAD + f" {counter}"
            return PAYLOADS[counter % len(PAYLOADS)] + f" #{counter}"
        return node  # numbers, dates, booleans

    return walk(data), counter


# --- the hostile documents and their outputs -----------------------------------------------------------


def _run(*args) -> "object":
    result = CliRunner().invoke(app, [str(a) for a in args], env={"KOTOCHECK_TODAY": TODAY})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """All examples made hostile in one folder (same names, so the follow-up finds its programme)."""
    folder = tmp_path_factory.mktemp("hostile")
    counts = {}
    for example in EXAMPLE_FILES:
        data, counts[example.stem] = make_hostile(read_yaml(example))
        write_yaml(folder / example.name, data)
    return folder, counts


@pytest.fixture(scope="session")
def output(hostile):
    """output(example, command, fmt) -> (path of the output file, its text); each made once."""
    folder, _ = hostile
    cache: dict = {}

    def make(example: Path, command: str, fmt: str):
        key = (example.stem, command, fmt)
        if key not in cache:
            out = folder / "out" / f"{example.stem}.{command}.{fmt}"
            out.parent.mkdir(exist_ok=True)
            result = _run(command, folder / example.name, "--format", fmt, "-o", out)
            assert result.exit_code in (0, 1) and out.is_file(), (
                f"kotocheck {command} {example.name} --format {fmt} exited {result.exit_code}:\n{result.output}")
            assert "Traceback" not in result.output
            cache[key] = (out, out.read_text(encoding="utf-8"))
        return cache[key]

    return make


class Page(HTMLParser):
    """What a browser's parser would make of the page: elements, attributes, scripts and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


SUSPICIOUS_TAGS = {"script", "img", "svg", "iframe", "b", "a", "textarea", "object", "embed"}


def assert_inert(html: str, name: str, scripts_allowed: int = 0) -> Page:
    page = parse(html)
    assert len(page.scripts) == scripts_allowed, f"{name}: {len(page.scripts)} <script> element(s)"
    assert html.lower().count("<script") == scripts_allowed, f"{name}: a raw <script in the HTML"
    for tag, attrs in page.tags:
        for attr, value in attrs:
            assert not attr.startswith("on"), f"{name}: event handler <{tag} {attr}={value!r}>"
            assert not (value or "").strip().lower().startswith("javascript:"), f"{name}: <{tag} {attr}={value!r}>"
            # the checklist's own source links are fine; nothing the document wrote becomes a link or a load
            assert attr != "src", f"{name}: <{tag} src={value!r}>"
            assert "example.invalid" not in (value or ""), f"{name}: <{tag} {attr}={value!r}> from the text"
    elements = {tag for tag, _ in page.tags}
    for tag in ("img", "iframe", "textarea", "object", "embed"):
        assert tag not in elements, f"{name}: a <{tag}> element came from the text"
    assert 'href="javascript:' not in html.lower()
    assert not re.search(r"<[a-z]+[^<>]*\son(error|load|click)=", html, re.I), f"{name}: a handler attribute"
    return page


# --- HTML, statically -----------------------------------------------------------------------------------


def test_every_example_is_made_hostile_and_stays_schema_valid(hostile):
    folder, counts = hostile
    assert {p.stem for p in EXAMPLE_FILES} == set(counts) and len(counts) >= 5
    assert {read_yaml(p)["kind"] for p in EXAMPLE_FILES} == {"programme", "services", "followup"}
    for example in EXAMPLE_FILES:
        assert counts[example.stem] >= 10, f"{example.name}: only {counts[example.stem]} strings replaced"
        result = _run("validate", folder / example.name, "--format", "json")
        assert '"schema.' not in result.output, f"{example.name} is no longer schema-valid:\n{result.output[:2000]}"


CASES = [pytest.param(e, c, id=f"{e.stem}-{c}") for e in EXAMPLE_FILES for c in ("render", "report")]


@pytest.mark.parametrize("example,command", CASES)
def test_hostile_html_is_inert_and_shows_the_text(output, example, command):
    path, html = output(example, command, "html")
    page = assert_inert(html, path.name)
    text = "".join(page.text)
    if command == "render":
        # the municipality's text is there, escaped in the source and as written in the visible text
        assert "&lt;script&gt;document.title=" in html
        assert "<script>document.title='PWNED'" in text
        assert "{{ 7*7 }}" in text and "{% raw %}" in text
        assert '<img src=x onerror="alert(1)">' in text
        assert '<a href="javascript:alert(1)">klik</a>' in text
        assert "</textarea></style></script><b>lihava</b>" in text
        assert "]]> <![CDATA[" in text
        assert "&lt;script&gt; jo valmiiksi koodattu &amp; &#60;b&#62;" in text  # escaped once more, not decoded
    else:
        # the gap report quotes the document's title and the reasons it gives
        assert "&lt;script&gt;document.title=" in html and "<script>document.title='PWNED'" in text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "&lt;/title&gt;&lt;script&gt;" in title
    assert "PWNED" not in re.sub(r"&lt;.*?&gt;|document\.title=(&#39;|')PWNED", "", title)


def test_hostile_summary_keeps_only_its_own_script(hostile):
    folder, _ = hostile
    out = folder / "out-summary" / "summary.html"
    out.parent.mkdir(exist_ok=True)
    result = _run("summary", folder, "--format", "html", "-o", out)
    assert result.exit_code in (0, 1) and out.is_file(), result.output
    html = out.read_text(encoding="utf-8")
    page = assert_inert(html, out.name, scripts_allowed=1)
    assert page.scripts[0].lstrip().startswith("(function () {") and "PWNED" not in page.scripts[0]
    assert "&lt;" in html and any(shown(p) in "".join(page.text) for p in PAYLOADS)


def shown(payload: str) -> str:
    """The start of a payload, as it must read in the visible text."""
    return payload.split("\n")[0][:30]


# --- HTML, in the browser -------------------------------------------------------------------------------


# `chromium`: the session's one browser, from conftest.py.


def assert_nothing_ran(opened, name: str) -> None:
    page = opened.page
    page.wait_for_timeout(150)  # let any onerror/onload of a broken image fire
    assert page.title() != "PWNED" and "PWNED" not in page.title().replace("document.title='PWNED'", ""), page.title()
    assert page.evaluate("typeof window.__pwned") == "undefined", f"{name}: a payload script ran"
    assert page.evaluate("document.querySelectorAll('img, iframe, textarea, object, embed').length") == 0
    assert page.evaluate(
        "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
        ".filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)).length") == 0
    assert not opened.dialogs, f"{name} opened dialogs: {opened.dialogs}"
    assert not opened.console_errors, f"{name} logged errors: {opened.console_errors}"
    assert not opened.external_requests, f"{name} tried to leave file://: {opened.external_requests}"


@pytest.mark.parametrize("example,command", CASES)
def test_hostile_html_runs_nothing_in_the_browser(chromium, output, example, command):
    path, _ = output(example, command, "html")
    with web.open_file(chromium, path) as opened:
        assert_nothing_ran(opened, path.name)
        body = opened.page.inner_text("body")
        assert "<script>document.title" in body
        if command == "render":
            assert "{{ 7*7 }}" in body and '<img src=x onerror="alert(1)">' in body
        assert opened.page.evaluate("document.querySelectorAll('main, h1').length") >= 2  # the page is whole


def test_hostile_summary_runs_only_its_sort_script(chromium, hostile):
    folder, _ = hostile
    out = folder / "out-summary-browser" / "summary.html"
    out.parent.mkdir(exist_ok=True)
    assert _run("summary", folder, "--format", "html", "-o", out).exit_code in (0, 1)
    with web.open_file(chromium, out) as opened:
        assert_nothing_ran(opened, out.name)
        for button in opened.page.query_selector_all("#summary-table th button"):
            button.click()  # sorting reads cell text: it must stay text
        assert_nothing_ran(opened, out.name)
        body = opened.page.inner_text("body")
        assert any(shown(p) in body for p in PAYLOADS if "<" in shown(p)), body[:2000]


# --- Markdown -------------------------------------------------------------------------------------------


def md_tokens(text: str):
    def flat(tokens):
        for t in tokens:
            yield t
            yield from flat(t.children or [])
    return list(flat(MarkdownIt("commonmark").enable("table").parse(text))) + \
        list(flat(MarkdownIt("commonmark").parse(text)))


@pytest.mark.parametrize("example,command", CASES)
def test_hostile_markdown_has_no_raw_html(output, example, command):
    path, text = output(example, command, "md")
    tokens = md_tokens(text)
    raw = [t.content for t in tokens if t.type in ("html_block", "html_inline")]
    assert not raw, f"{path.name}: raw HTML {raw[:5]}"
    links = [t.attrs.get("href", "") for t in tokens if t.type == "link_open"]
    assert not [h for h in links if h.lower().startswith(("javascript:", "http://example.invalid"))], links
    if command == "render":
        assert "&lt;script>document.title=" in text and "{{ 7*7 }}" in text
    h1 = [t for t in MarkdownIt("commonmark").parse(text) if t.type == "heading_open" and t.tag == "h1"]
    assert len(h1) == 1, f"{path.name}: the text made {len(h1)} top-level headings"


# --- the municipality's own template ---------------------------------------------------------------------

# Each of these prints Python internals (or runs a command) in a plain jinja2 Environment.
ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__dict__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ '{0.__class__.__mro__}'.format(doc) }}",
    "{{ '%s'.format_map(doc) }}{{ ''.format.__self__.__class__ }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ lipsum.__globals__.__builtins__ }}",
    "{% set x = doc.__class__ %}{{ x.__subclasses__() }}",
]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("source", ESCAPES)
def test_a_user_template_cannot_leave_the_sandbox(tmp_path, source, fmt):
    (tmp_path / f"programme.{fmt}").write_text(source + "\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = _run("render", EXAMPLES / "kemijarvi-2023-2025.yaml", "--format", fmt,
                  "--templates", tmp_path, "-o", out)
    assert result.exit_code == 2, f"{source} rendered: {result.output[:500]}"
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "template error" in lines[0], result.output
    assert "Traceback" not in result.output
    assert not re.search(r"<class |<function |<module |__builtins__|uid=", result.output), result.output
    assert not out.exists()
