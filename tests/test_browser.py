"""Real-browser tests: every example rendered to HTML (programme and gap report) opened in Debian's Chromium,
checked with axe-core (WCAG 2.1 A/AA), proven to need no network, screenshotted and printed to PDF; the
council-document test files (tests/council/) in Finnish, Swedish and English too. Printed, a document is A4
portrait with a title page of its own and page numbers; the summary's wide table gets a landscape page.

Chromium that will not start fails these tests; KOTOCHECK_SKIP_BROWSER=1 skips them instead.
Screenshots and PDFs go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import browser as web
from conftest import EXAMPLES, ROOT, TODAY

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
COUNCIL_FILES = sorted((ROOT / "tests" / "council").glob("*.yaml"))
# The complete programme example is long: printed on A4 it must run over more than one page.
MULTI_PAGE = {"esimerkkila-2025-2028"}

KINDS = {
    # kind: (kotocheck command, suffix of the output and artifact names)
    "render": ("render", ""),
    "report": ("report", "-gaps"),
}


# --- fixtures ----------------------------------------------------------------------------------------


# `chromium` (one browser for the whole session) is in conftest.py: Playwright's sync API
# allows only one running instance per thread, and other modules open pages too.


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """rendered(example, kind) -> path of the HTML kotocheck wrote; each is made once per session."""
    out_dir = tmp_path_factory.mktemp("html")
    cache: dict[tuple[Path, str], Path] = {}

    def make(example: Path, kind: str, lang: str | None = None) -> Path:
        key = (example, kind, lang)
        if key not in cache:
            command, suffix = KINDS[kind]
            out = out_dir / f"{example.stem}{suffix}{'.' + lang if lang else ''}.html"
            env = {**os.environ, "KOTOCHECK_TODAY": TODAY}
            proc = subprocess.run(
                [sys.executable, "-m", "kotocheck", command, str(example), "--format", "html", "-o", str(out),
                 *(["--lang", lang] if lang else [])],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
            assert proc.returncode == 0, (
                f"kotocheck {command} {example.name} --format html exited {proc.returncode}\n"
                f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
            assert out.is_file(), f"kotocheck {command} exited 0 but wrote no {out}"
            assert out.stat().st_size > 0, f"kotocheck {command} wrote an empty {out}"
            cache[key] = out
        return cache[key]

    return make


@pytest.fixture
def page_html(tmp_path):
    """page_html(body, head="") -> path of a small hand-written Finnish page in a temp dir."""
    def make(body: str, head: str = "", name: str = "page.html") -> Path:
        path = tmp_path / name
        path.write_text(
            "<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>Testisivu</title>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n",
            encoding="utf-8")
        return path
    return make


def _ids(violations):
    return sorted(v["id"] for v in violations)


# --- the real pages ------------------------------------------------------------------------------------


CASES = [pytest.param(example, kind, None, id=f"{example.stem}-{kind}") for example in EXAMPLE_FILES for kind in KINDS]
CASES += [pytest.param(doc, kind, lang, id=f"council-{doc.stem}-{kind}-{lang}")
          for doc in COUNCIL_FILES for kind in KINDS for lang in ("fi", "sv", "en")]


def test_examples_found():
    assert EXAMPLE_FILES, f"no examples/*.yaml under {ROOT}"


@pytest.mark.parametrize("example,kind,lang", CASES)
def test_example_page_is_accessible_and_offline(chromium, rendered, example, kind, lang):
    html = rendered(example, kind, lang)
    shot = web.ARTIFACTS / f"{html.stem}.png"
    with web.open_file(chromium, html) as opened:
        web.screenshot(opened.page, shot)  # before the assertions, so a failing page can be looked at
        violations = web.axe_violations(opened.page)
        assert not opened.external_requests, (
            f"{html.name} tried to leave file:// (all blocked): {opened.external_requests}")
        assert not violations, f"{html.name} (screenshot {shot}):\n{web.format_violations(violations)}"
        assert not opened.dialogs, f"{html.name} opened dialogs: {opened.dialogs}"
        assert not opened.console_errors, f"{html.name} logged errors: {opened.console_errors}"


@pytest.mark.parametrize("example,kind,lang", CASES)
def test_example_page_prints_to_a4(chromium, rendered, example, kind, lang):
    html = rendered(example, kind, lang)
    pdf_path = web.ARTIFACTS / f"{html.stem}.pdf"
    with web.open_file(chromium, html) as opened:
        data = web.print_pdf(opened.page, pdf_path)
        assert not opened.external_requests, f"printing {html.name} tried the network: {opened.external_requests}"
        too_wide = web.print_overflow(opened.page)  # Chromium would shrink the whole printout to fit these
        assert not too_wide, f"{html.name}: wider than the A4 page: {too_wide}"
    assert data.startswith(b"%PDF-"), f"{html.name}: page.pdf() did not give a PDF"
    pages = web.pdf_page_count(data)
    assert pages >= 1, f"{html.name}: the PDF has no pages"
    if kind == "render" and example.stem in MULTI_PAGE:
        assert pages > 1, f"{html.name}: the programme printed on {pages} A4 page(s); expected more than one"
    assert set(web.pdf_page_sizes(data)) == {web.A4_MM}, f"{html.name}: not every page is A4 portrait"
    text = web.pdf_text(pdf_path)
    if text is not None and pages > 1:  # poppler's pdftotext is there: the page numbers can be read
        assert not re.search(r"\d+ \(\d+\)\s*$", text[0]), f"{html.name}: the title page has a page number"
        for number, page in enumerate(text[1:], start=2):
            assert re.search(rf"\b{number} \({pages}\)\s*$", page), f"{html.name}: page {number} has no number"


def test_the_title_page_is_a_page_of_its_own(chromium, rendered):
    """Printed, the title page holds the title, municipality, period, status and approvals, and
    nothing of the chapters; the contents start the second page."""
    html = rendered(ROOT / "tests" / "council" / "ohjelma.yaml", "render")
    pdf_path = web.ARTIFACTS / "council-title-page.pdf"
    with web.open_file(chromium, html) as opened:
        web.print_pdf(opened.page, pdf_path)
    text = web.pdf_text(pdf_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    first = "".join(text[0].split())  # letter-spaced words come out of the PDF as "E H D O T U S"
    for wanted in ["TestilänjaMallilankotoutumisen", "Testilä", "2026–2029", "EHDOTUS", "Ehdotus",
                   "Hyväksytty", "Kvalt15.6.2026§40"]:
        assert wanted in first, wanted
    assert "Sisällys" not in first and "Johdanto" not in first
    second = "".join(text[1].split())
    assert "Sisällys" in second and "EHDOTUS" in second  # the marker in the margin of every later page


# --- the harness itself: it must be able to fail -------------------------------------------------------


ACCESSIBLE_BODY = """
<header><p><a href="#sisalto">Siirry sisältöön</a></p></header>
<main id="sisalto">
  <h1>Esimerkkilän kotoutumisohjelma</h1>
  <p>Ohjelma kuvaa kotoutumisen alkuvaiheen palvelut.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Kunnan vaakuna">
  <table>
    <caption>Toimenpiteet</caption>
    <thead><tr><th scope="col">Toimenpide</th><th scope="col">Vastuutaho</th></tr></thead>
    <tbody><tr><td>Neuvonta</td><td>Hyvinvointipalvelut</td></tr></tbody>
  </table>
</main>
"""


def test_harness_accepts_an_accessible_page(chromium, page_html):
    html = page_html(ACCESSIBLE_BODY)
    with web.open_file(chromium, html) as opened:
        violations = web.axe_violations(opened.page)
        assert violations == [], web.format_violations(violations)
        assert opened.external_requests == []
        assert opened.console_errors == []
        assert opened.dialogs == []


def test_harness_flags_image_without_alt(chromium, page_html):
    html = page_html('<main><h1>Otsikko</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>')
    with web.open_file(chromium, html) as opened:
        violations = web.axe_violations(opened.page)
    assert "image-alt" in _ids(violations), web.format_violations(violations)
    (alt,) = [v for v in violations if v["id"] == "image-alt"]
    assert alt["impact"] == "critical"
    assert alt["targets"] == ["img"]
    assert "image-alt" in web.format_violations(violations)


def test_harness_flags_low_contrast(chromium, page_html):
    html = page_html('<main><h1>Otsikko</h1><p class="haalea">Vaalea teksti valkoisella.</p></main>',
                     head="<style>body { background: #fff } .haalea { color: #ccc }</style>")
    with web.open_file(chromium, html) as opened:
        violations = web.axe_violations(opened.page)
    assert _ids(violations) == ["color-contrast"], web.format_violations(violations)
    assert violations[0]["impact"] == "serious"
    assert len(violations[0]["nodes"]) == 1 and 'class="haalea"' in violations[0]["nodes"][0]["html"]


def test_harness_blocks_and_records_the_network(chromium, page_html):
    html = page_html('<main><h1>Otsikko</h1><img src="https://kotocheck.invalid/logo.png" alt="Logo">'
                     '<script>fetch("http://127.0.0.1:9/x").catch(() => {});</script></main>',
                     head='<link rel="stylesheet" href="https://kotocheck.invalid/style.css">')
    with web.open_file(chromium, html) as opened:
        opened.page.wait_for_timeout(200)
        requests = sorted(opened.external_requests)
    assert requests == ["http://127.0.0.1:9/x", "https://kotocheck.invalid/logo.png",
                        "https://kotocheck.invalid/style.css"]


def test_harness_allows_local_files(chromium, page_html, tmp_path):
    (tmp_path / "style.css").write_text("p { color: #111 }", encoding="utf-8")
    html = page_html("<main><h1>Otsikko</h1><p>Teksti.</p></main>", head='<link rel="stylesheet" href="style.css">')
    with web.open_file(chromium, html) as opened:
        colour = opened.page.evaluate("getComputedStyle(document.querySelector('p')).color")
        assert opened.external_requests == []
    assert colour == "rgb(17, 17, 17)"


def test_harness_sees_dialogs_and_script_errors(chromium, page_html):
    html = page_html('<main><h1>Otsikko</h1><script>alert("xss"); throw new Error("boom");</script></main>')
    with web.open_file(chromium, html) as opened:
        assert opened.dialogs == ["alert: xss"]
        assert any("boom" in e for e in opened.console_errors), opened.console_errors


def test_harness_prints_a_multi_page_pdf(chromium, page_html):
    paragraphs = "\n".join(f"<p>Kappale {i}: kotoutumisen edistäminen kuuluu koko kunnalle.</p>" for i in range(200))
    html = page_html(f"<main><h1>Pitkä sivu</h1>{paragraphs}</main>")
    with web.open_file(chromium, html) as opened:
        long_pdf = web.print_pdf(opened.page)
    html = page_html("<main><h1>Lyhyt sivu</h1><p>Yksi kappale.</p></main>", name="short.html")
    with web.open_file(chromium, html) as opened:
        short_pdf = web.print_pdf(opened.page)
    assert web.pdf_page_count(short_pdf) == 1
    assert web.pdf_page_count(long_pdf) > 1


# --- the reviewer's summary of many programmes -------------------------------------------------------------


def test_the_summary_prints_its_wide_table_on_a_landscape_page(chromium, tmp_path):
    out = tmp_path / "summary.html"
    proc = subprocess.run([sys.executable, "-m", "kotocheck", "summary", str(EXAMPLES), "--format", "html", "-o", str(out)],
                          cwd=ROOT, env={**os.environ, "KOTOCHECK_TODAY": TODAY}, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    with web.open_file(chromium, out) as opened:
        data = web.print_pdf(opened.page, web.ARTIFACTS / "summary.pdf")
        assert web.print_overflow(opened.page) == []  # the table fits the landscape page
    sizes = web.pdf_page_sizes(data)
    assert sizes[0] == web.A4_MM and web.A4_MM[::-1] in sizes, sizes


def test_summary_page_is_accessible_offline_and_sortable(chromium, tmp_path):
    """`kotocheck summary --format html` of the examples and one unreadable file: zero axe violations
    as written and after sorting by a column, aria-sort on exactly the sorted heading."""
    broken = tmp_path / "rikki.yaml"
    broken.write_text("kind: programme\ntitle: [auki\n", encoding="utf-8")
    out = tmp_path / "summary.html"
    proc = subprocess.run([sys.executable, "-m", "kotocheck", "summary", str(EXAMPLES), str(broken), "--format", "html",
                           "-o", str(out)], cwd=ROOT, env={**os.environ, "KOTOCHECK_TODAY": TODAY},
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    sorted_heads = "Array.from(document.querySelectorAll('#summary-table thead th[aria-sort]'))" \
                   ".map(h => [h.textContent.trim(), h.getAttribute('aria-sort')])"
    with web.open_file(chromium, out) as opened:
        web.screenshot(opened.page, web.ARTIFACTS / "summary.png")
        violations = web.axe_violations(opened.page)
        assert not violations, web.format_violations(violations)
        assert opened.page.evaluate(sorted_heads) == [["Maakunta", "ascending"]]
        coverage = opened.page.locator("#summary-table thead th button", has_text="Kattavuus")
        coverage.click()
        coverage.click()
        assert opened.page.evaluate(sorted_heads) == [["Kattavuus", "descending"]]
        cells = opened.page.eval_on_selector_all("#summary-table tbody tr td:nth-child(9)",  # 9th: coverage, after the legal-requirements column
                                                 "cells => cells.map(c => c.textContent.trim())")
        numbers = [int(c.split("\u00a0")[0]) for c in cells[:-1]]
        assert cells[-1] == "" and numbers == sorted(numbers, reverse=True) and numbers[-1] == 13  # Rovaniemi 5/36 = 13 %; unreadable last
        assert "Kattavuus" in opened.page.text_content("#sort-status")
        violations = web.axe_violations(opened.page)
        assert not violations, "after sorting:\n" + web.format_violations(violations)
        assert not opened.external_requests and not opened.console_errors and not opened.dialogs
