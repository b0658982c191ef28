"""The published documents as a council would publish them (issue 9): Finnish numbers and dates,
no empty heading or table column, no file name or checklist ids in the document (a colophon at
the end says where it came from), the chapters in the municipality's order, the decisions in date
order, a follow-up's baseline → latest → target and costs with their totals, a services table that
says a common organiser once, a gap report that shows severity only where something falls short
and keeps the items not assessed apart, and Finnish text marked lang="fi" on a Swedish page.

The expected output is written here by hand; tests/council/ holds the small documents it comes from."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, ROOT, read_yaml, write_yaml

COUNCIL = ROOT / "tests" / "council"
PROGRAMME, FOLLOWUP, SERVICES = COUNCIL / "ohjelma.yaml", COUNCIL / "seuranta.yaml", COUNCIL / "palvelut.yaml"
NB = "\u00a0"  # the no-break space between thousands and before a unit
DOCUMENTS = [PROGRAMME, FOLLOWUP, SERVICES] + sorted(EXAMPLES.glob("*.yaml"))


def md_tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def md_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table of a Markdown text as rows of cell texts (the head row first)."""
    tables, rows, row = [], None, None
    for token in md_tokens(text):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            rows.append(row)
            row = None
        elif token.type == "table_close":
            tables.append(rows)
    return tables


class Page(HTMLParser):
    """An HTML page read as text nodes (with the language they are in), headings and tables."""

    VOID = {"br", "wbr", "meta", "link", "img", "input", "hr", "col"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, language, visually hidden
        self.texts: list[tuple[str, str | None, list[str]]] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
        hidden = "visually-hidden" in (attrs.get("class") or "") or bool(self.stack and self.stack[-1][2])
        self.stack.append((tag, lang, hidden))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(_spaces("".join(self._cell)))
            self._cell = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._cell is not None and not (self.stack and self.stack[-1][2]):
            self._cell.append(data)
        if data.strip() and self.stack:
            self.texts.append((_spaces(data), self.stack[-1][1], [t for t, _, _ in self.stack]))

    def text(self) -> str:
        """The visible text of <body>, ordinary spaces collapsed (no-break spaces kept)."""
        return " ".join(text for text, _, tags in self.texts if "body" in tags)


def _spaces(text: str) -> str:
    """Runs of ordinary white space as one space; a no-break space stays."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# --- numbers and dates ----------------------------------------------------------------------------------


def test_the_number_module_writes_finnish_swedish_and_english_numbers():
    import datetime as dt

    from kotocheck import numbers

    assert numbers.number(54880, "fi") == f"54{NB}880" and numbers.number(54880, "en") == "54,880"
    assert numbers.number(4.6, "fi") == "4,6" and numbers.number("4,6", "sv") == "4,6" and numbers.number("4,6", "en") == "4.6"
    assert numbers.number("noin 300", "fi") == "noin 300"  # the municipality's words as written
    assert numbers.quantity(4.6, "%", "fi") == f"4,6{NB}%" and numbers.quantity(4.6, "%", "en") == "4.6%"
    assert numbers.money(54880, "fi") == f"54{NB}880{NB}€" and numbers.money(54880, "en") == "€54,880"
    assert numbers.money(1250.5, "sv") == f"1{NB}250,50{NB}€"
    assert numbers.percent(33, "fi") == f"33{NB}%" and numbers.percent(33, "en") == "33%"
    day = dt.date(2026, 6, 15)
    assert (numbers.date(day, "fi"), numbers.date(day, "sv"), numbers.date(day, "en")) == ("15.6.2026", "15.6.2026", "2026-06-15")
    assert numbers.date(2026, "fi") == "2026" and numbers.date("2026-03", "fi") == "3/2026"  # a year is never grouped
    assert numbers.span({"start": day, "end": dt.date(2027, 12, 31)}, "fi") == "15.6.2026–31.12.2027"


def shown(cli, document, fmt, *options) -> str:
    """What a reader sees: the Markdown as it is, the HTML page's text."""
    text = cli("render", document, "--format", fmt, *options).output
    return text if fmt == "md" else Page(text).text()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_numbers_and_dates_are_finnish_in_a_finnish_programme(cli, fmt):
    text = shown(cli, PROGRAMME, fmt)
    for written in [f"4,6{NB}%", f"12{NB}500{NB}henkilöä", f"54{NB}880{NB}€", f"120{NB}000,50{NB}€",
                    "1.9.2026–31.12.2027", "18.5.2026", "15.6.2026", f"58,5{NB}% (2024)"]:
        assert written in text, written
    for raw in ["4.6", "12500", "54880", "2026-09-01", "58.5"]:
        assert raw not in text, raw
    assert "noin 14 000" in text  # a value written as words stays as written


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_swedish_writes_numbers_as_finnish_and_english_as_english(cli, fmt):
    sv = shown(cli, PROGRAMME, fmt, "--lang", "sv")
    en = shown(cli, PROGRAMME, fmt, "--lang", "en")
    assert f"54{NB}880{NB}€" in sv and "1.9.2026–31.12.2027" in sv and f"4,6{NB}%" in sv
    assert "€54,880" in en and "2026-09-01–2027-12-31" in en and "4.6%" in en and "12,500" in en


@pytest.mark.parametrize("command", ["render", "report"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_document_and_report_writes_its_numbers_the_finnish_way(cli, command, fmt):
    followup = cli(command, FOLLOWUP, "--format", fmt).output
    services = cli(command, SERVICES, "--format", fmt).output
    if fmt == "html":
        followup, services = Page(followup).text(), Page(services).text()
    if command == "render":
        assert f"56{NB}130,50{NB}€" in followup and "1.1.2026–31.12.2026" in followup and "15.2.2027" in followup
        assert "10.12.2025" in services and "1.1.2026" in services
    else:
        assert re.search(rf"\d+{NB}%", followup) and re.search(rf"\d+{NB}%", services)
        assert not re.search(r"\d %", followup + services)  # never a breaking space before the sign


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_summary_writes_its_percentages_and_dates_per_language(cli, fmt):
    fi = cli("summary", COUNCIL, EXAMPLES / "esimerkkila-2025-2028.yaml", "--format", fmt).output
    en = cli("summary", COUNCIL, EXAMPLES / "esimerkkila-2025-2028.yaml", "--format", fmt, "--lang", "en").output
    if fmt == "html":
        fi, en = Page(fi).text(), Page(en).text()
    assert f"100{NB}%" in fi and "16.6.2025" in fi and "23.11.2026" in fi
    assert "100%" in en and "2025-06-16" in en and "2026-11-23" in en


# --- nothing empty, nothing of the checker's -----------------------------------------------------------------


def _empty_md_headings(text: str) -> list[str]:
    """Chapter and section headings (levels 1-4) with nothing under them before the next heading
    of the same or a higher level. (A measure's title is a level-5 heading and its own content.)"""
    tokens = [t for t in md_tokens(text) if t.type not in ("heading_close",)]
    empty = []
    for n, token in enumerate(tokens):
        if token.type != "heading_open" or int(token.tag[1]) > 4:
            continue
        level = int(token.tag[1])
        following = next((t for t in tokens[n + 2:]), None)
        if following is None or (following.type == "heading_open" and int(following.tag[1]) <= level):
            empty.append(tokens[n + 1].content)
    return empty


def _empty_html_headings(html: str) -> list[str]:
    body = html[html.index("<main"):html.index("</main>")]
    parts = re.split(r"(<h[2-4]\b[^>]*>.*?</h[2-4]>)", body, flags=re.S)
    empty = []
    for n in range(1, len(parts), 2):
        level = int(parts[n][2])
        rest = re.sub(r"<[^>]+>", "", parts[n + 1]).strip() if n + 1 < len(parts) else ""
        nxt = int(parts[n + 2][2]) if n + 2 < len(parts) else 1
        if not rest and nxt <= level:
            empty.append(re.sub(r"<[^>]+>", "", parts[n]))
    return empty


@pytest.fixture(scope="module")
def skeleton(tmp_path_factory):
    """The skeleton `kotocheck init` writes: every part present, almost nothing filled in."""
    from typer.testing import CliRunner

    from kotocheck.cli import app

    path = tmp_path_factory.mktemp("init") / "ohjelma.yaml"
    result = CliRunner().invoke(app, ["init", "--municipality", "Testilä", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_empty_skeleton_gets_no_empty_chapter(cli, skeleton, fmt):
    text = cli("render", skeleton, "--format", fmt).output
    assert "Valmistelu" not in text and "Tilannekuva" not in text and "Palvelut ja vastuut" not in text
    assert "Ohjelmakausi" not in text  # no key fact without a value
    assert (_empty_md_headings(text) if fmt == "md" else _empty_html_headings(text)) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_no_heading_is_empty_and_no_table_column_is_empty(cli, document):
    md = cli("render", document, "--format", "md").output
    html = cli("render", document, "--format", "html").output
    assert _empty_md_headings(md) == [] and _empty_html_headings(html) == []
    for table in md_tables(md) + Page(html).tables:
        body = table[1:]
        for column in range(len(table[0])):
            if table[0][column]:  # a column with a heading has something under it somewhere
                assert any(column < len(row) and row[column] for row in body), (document.name, table[0])


def test_an_empty_part_present_in_the_file_gets_no_heading(cli):
    md = cli("render", PROGRAMME, "--format", "md").output  # sections.general_services: all null
    assert "Yleisten palvelujen saavutettavuus" not in md and "### Lapset ja nuoret" in md
    assert "| Edustaja |" not in md  # no member has a representative: no column for one


@pytest.mark.parametrize("document", [PROGRAMME, FOLLOWUP, SERVICES, EXAMPLES / "esimerkkila-2025-2028.yaml"],
                         ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_file_name_and_checklist_ids_are_only_in_the_colophon(cli, document, fmt):
    text = cli("render", document, "--format", fmt).output
    colophon = text.index("Tuotettu kotocheck-työkalulla tiedostosta")
    assert ".yaml" not in text[:colophon] and "Tarkistuslista" not in text[:colophon]
    assert f"{document.name}" in text[colophon:]
    assert "Sisältö on tarkistettu tarkistuslistaa vasten:" in text[colophon:]
    if document.name == "esimerkkila-2025-2028.yaml":  # its not_applicable entry for checklist item 1.5
        assert "Kohdat, jotka eivät sovellu" not in text and "Ulkopuolisia asiantuntijoita ei käytetty" not in text
        assert "Tiedosto: " not in text  # the services document it names is not shown as a file
    if document == PROGRAMME:
        assert "3.2" not in text  # the item not assessed belongs to the gap report


def test_the_gap_report_keeps_the_file_and_the_checklist(cli):
    md = cli("report", PROGRAMME).output
    assert "| Tiedosto | `tests/council/ohjelma.yaml` |" in md or "ohjelma.yaml` |" in md
    assert "(`kotoutuminen-681-2023`)" in md


# --- chapters in order ----------------------------------------------------------------------------------------


def _plan(chapters: list[dict], **parts) -> list[str]:
    from kotocheck.views import chapter_plan

    data = {"chapters": chapters, **parts}
    return [e["part"] or (e["chapter"].get("title") or e["chapter"]["type"]) for e in chapter_plan(data)]


def test_without_include_front_chapters_then_the_standard_parts_then_back_chapters():
    chapters = [{"type": "appendix", "title": "Liite A", "text": "a"}, {"type": "introduction", "text": "i"},
                {"type": "contact", "contacts": [{"name": "N"}]}, {"type": "own", "title": "Oma", "text": "o"},
                {"type": "terms", "title": "Käsitteet", "text": "t"}]
    parts = {"monitoring": {"responsible": "R"}, "goals": [{"id": "G1", "title": "T"}], "situation": {"figures": []}}
    assert _plan(chapters, **parts) == ["introduction", "Oma", "Käsitteet", "goals", "monitoring", "Liite A", "contact"]


def test_with_include_the_chapters_are_in_the_order_written_and_the_rest_before_the_first_appendix():
    chapters = [{"type": "own", "include": "monitoring"}, {"type": "introduction", "text": "i"},
                {"type": "own", "title": "Tavoitteemme", "text": "johdanto", "include": "goals"},
                {"type": "appendix", "title": "Liite A", "text": "a"}, {"type": "terms", "title": "Käsitteet", "text": "t"},
                {"type": "own", "title": "Tyhjä", "include": "cooperation"}]  # nothing under it: left out
    parts = {"monitoring": {"responsible": "R"}, "goals": [{"id": "G1", "title": "T"}],
             "process": {"coordinator": {"authority": "K"}}, "communication": {"description": "V"}}
    assert _plan(chapters, **parts) == ["monitoring", "introduction", "goals", "process", "communication",
                                        "Liite A", "Käsitteet"]
    assert _plan([{"type": "own", "include": "goals"}], goals=[{"id": "G1", "title": "T"}],
                 monitoring={"responsible": "R"}) == ["goals", "monitoring"]  # no back chapter: the rest at the end


def test_the_rendered_chapters_follow_the_include_rule(cli):
    md = cli("render", PROGRAMME, "--format", "md").output
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Sisällys", "## 1. Johdanto", "## 2. Tavoitteet ja toimenpiteet",
                        "## 3. Kuntien yhteistyö", "## 4. Valmistelu", "## 5. Tilannekuva", "## 6. Palvelut ja vastuut",
                        "## 7. Seuranta ja päivittäminen", "## Liite 1: Lausunnot", "## 8. Yhteyshenkilö",
                        "## 9. Käsitteet", "## Käsittely ja hyväksyminen"]  # the decisions after the chapters
    chapter = md[md.index("## 3. Kuntien yhteistyö"):md.index("## 4. Valmistelu")]
    assert chapter.index("Testilä on vastuukunta.") < chapter.index("**Y1 Yhteinen neuvonta**")  # text, then the part
    assert "| Kaisa Koe | kotoutumiskoordinaattori | kaisa.koe@testila.example |" in md


def test_a_programme_without_include_puts_its_own_chapters_around_the_standard_parts(cli, tmp_path):
    data = read_yaml(PROGRAMME)
    for chapter in data["chapters"]:
        chapter.pop("include", None)
    data["chapters"] = [c for c in data["chapters"] if c.get("text") or c.get("contacts")]
    md = cli("render", write_yaml(tmp_path / "p.yaml", data), "--format", "md").output
    headings = [line for line in md.splitlines() if line.startswith("## ") and (line[3].isdigit() or "Liite" in line)]
    assert headings == ["## 1. Johdanto", "## 2. Kuntien yhteistyö", "## 3. Käsitteet", "## 4. Valmistelu",
                        "## 5. Tilannekuva", "## 6. Tavoitteet ja toimenpiteet", "## 7. Koko ohjelman toimenpiteet",
                        "## 8. Palvelut ja vastuut", "## 9. Seuranta ja päivittäminen", "## Liite 1: Lausunnot",
                        "## 10. Yhteyshenkilö"]


def test_a_measure_serving_other_goals_is_referred_to_under_them(cli):
    md = cli("render", PROGRAMME, "--format", "md").output
    g2 = md[md.index("### G2 Kieli vahvistuu"):md.index("## 3.")]
    assert "**Myös tavoitetta palvelevat:** G1.M1 Työpaikkasuomi, Y1 Yhteinen neuvonta" in g2
    assert "  - Palvelee tavoitteita: G1 Työllisyys paranee, G2 Kieli vahvistuu" in md
    html = cli("render", PROGRAMME, "--format", "html").output
    assert '<a href="#measure-G1.M1">G1.M1</a>' in html and 'id="measure-G1.M1"' in html


# --- status and decisions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_decisions_are_in_date_order(cli, fmt):
    text = cli("render", PROGRAMME, "--format", fmt).output
    table = next(t for t in (md_tables(text) if fmt == "md" else Page(text).tables) if t[0][0] == "Päivämäärä")
    assert table == [["Päivämäärä", "Vaihe", "Kunta", "Toimielin", "Pöytäkirja"],
                     ["18.5.2026", "Ehdotus", "Testilä", "Testilän kunnanhallitus", f"Khall 18.5.2026{NB}§{NB}101"],
                     ["8.6.2026", "Hyväksyminen", "Testilä", "Testilän kunnanvaltuusto", f"Kvalt 8.6.2026{NB}§{NB}33"],
                     ["15.6.2026", "Hyväksyminen", "Mallila", "Mallilan kunnanvaltuusto", f"Kvalt 15.6.2026{NB}§{NB}40"]]
    # (a minutes reference never breaks around its section sign)


def test_an_old_single_approval_still_renders(cli):
    text = cli("render", EXAMPLES / "esimerkkila-2025-2028.yaml", "--format", "md").output
    assert f"| Hyväksytty | Esimerkkilän kunnanvaltuusto 16.6.2025 (Kvalt 16.6.2025{NB}§{NB}48) |" in text


def test_a_review_after_the_approval_is_on_the_title_page(cli):
    md = cli("render", SERVICES, "--format", "md").output
    facts = md[:md.index("## ")]
    assert f"| Hyväksytty | Testilän hyvinvointilautakunta 10.12.2025 (Hyvla 10.12.2025{NB}§{NB}97) |" in facts
    assert (f"| Päivitetty ja tarkistettu | Tarkistus: Testilän hyvinvointilautakunta 9.12.2026 (Hyvla 9.12.2026{NB}§{NB}101) |"
            in facts)
    assert f"| 9.12.2026 | Tarkistus | Testilän hyvinvointilautakunta | Hyvla 9.12.2026{NB}§{NB}101 | Palvelut pysyvät ennallaan. |" in md


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_draft_and_a_proposal_say_so_on_the_title_page(cli, fmt):
    proposal = cli("render", PROGRAMME, "--format", fmt).output
    draft = cli("render", FOLLOWUP, "--format", fmt).output
    assert "EHDOTUS" in proposal and "Tämä on ehdotus. Asiakirjaa ei ole vielä hyväksytty." in proposal
    assert "LUONNOS" in draft and "Tämä on luonnos." in draft
    approved = cli("render", SERVICES, "--format", fmt).output
    assert "LUONNOS" not in approved and "EHDOTUS" not in approved and "Hyväksytty" in approved
    if fmt == "html":  # printed, the marker is in the margin of every page but the first
        assert '@top-right { content: "EHDOTUS"; }' in proposal and 'content: "LUONNOS"' in draft
        assert 'content: "EHDOTUS"' not in approved and 'content: "LUONNOS"' not in approved


# --- follow-up -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_follow_up_shows_baseline_latest_and_target(cli, fmt):
    text = cli("render", FOLLOWUP, "--format", fmt).output
    assert "Raportointikausi" in text and "Ohjelmakausi" not in text
    table = next(t for t in (md_tables(text) if fmt == "md" else Page(text).tables) if t[0][0] == "Mittari")
    assert table == [["Mittari", "Lähtötaso", "Viimeisin arvo", "Tavoitetaso"],
                     ["G1.I1 Vieraskielisten työllisyysaste", f"58,5{NB}% (2024)", f"61,2{NB}% (2026)", f"65{NB}% (2029)"]]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_follow_up_totals_the_costs(cli, fmt):
    text = cli("render", FOLLOWUP, "--format", fmt).output
    tables = md_tables(text) if fmt == "md" else Page(text).tables
    g1m1 = next(t for t in tables if t[0] == ["Vuosi", "Rahoitus", "Summa"])
    assert [r[-1].strip("*") for r in g1m1[1:]] == [f"30{NB}000{NB}€", f"24{NB}880{NB}€", f"54{NB}880{NB}€"]
    assert g1m1[-1][0].strip("*") == "Yhteensä"
    overview = next(t for t in tables if t[0] == ["Toimenpide", "Summa"])
    assert [r[-1].strip("*") for r in overview[1:]] == [f"54{NB}880{NB}€", f"1{NB}250,50{NB}€", f"56{NB}130,50{NB}€"]
    assert "Koko ohjelman toimenpiteet" in text and "Y1" in text  # the programme-wide measure followed up


# --- services -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_services_table_says_a_common_organiser_once(cli, fmt):
    text = cli("render", SERVICES, "--format", fmt).output
    table = next(t for t in (md_tables(text) if fmt == "md" else Page(text).tables) if t[0][0] == "Palvelu")
    text = text if fmt == "md" else Page(text).text()
    assert table[0] == ["Palvelu", "Kohderyhmät"]  # arrangers and provider are the same on every row
    assert text.count("Testilän kotoutumispalvelut") == 2  # once above the table, once as the proposer
    assert "Järjestää työnhakijoille: työvoimaviranomainen (kaikissa vähimmäispalveluissa)" in text.replace(
        "Järjestää työnhakijoille työvoimaviranomainen", "Järjestää työnhakijoille: työvoimaviranomainen")
    labels = [row[0] for row in table[1:]]
    assert labels[3:5] == ["Kotoutumiskoulutus", "Lukutaitokoulutus"]  # the second entry does not repeat the label
    assert "Kotoutumissuunnitelma: Kotoutumissuunnitelma" not in text  # nor a name that is the label


def test_the_services_goals_and_decisions_are_shown(cli):
    md = cli("render", SERVICES, "--format", "md").output
    assert "### P1 Palvelu alkaa kuukauden kuluessa" in md
    assert "Palvelut: Palvelutarpeen arviointi, Kotoutumissuunnitelma" in md
    assert md.index("| 20.11.2025 | Ehdotus |") < md.index("| 10.12.2025 | Hyväksyminen |")


# --- gap report -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("document", [PROGRAMME, EXAMPLES / "kemijarvi-2023-2025.yaml"], ids=lambda p: p.stem)
def test_the_gap_report_shows_severity_only_where_an_item_falls_short(cli, document):
    md = cli("report", document).output
    items = re.split(r"\n(?=### )", md)
    covered = [i for i in items if i.startswith("### ") and "✔ katettu" in i.splitlines()[0]]
    short = [i for i in items if i.startswith("### ") and ("✖ puuttuu" in i.splitlines()[0] or "◐ osittain" in i.splitlines()[0])]
    assert covered and short
    assert not [i for i in covered if "Vakavuus" in i or "virhe" in i]
    assert all("- Vakavuus: " in i for i in short)
    html = cli("report", document, "--format", "html").output
    for card in re.findall(r'<div class="card item is-covered".*?</div>\n</div>', html, re.S):
        assert "Vakavuus" not in card and "virhe" not in card


@pytest.mark.parametrize("lang,heading,word", [("fi", "Ei arvioitu", "ei arvioitu"), ("sv", "Inte bedömda", "inte bedömd"),
                                               ("en", "Not assessed", "not assessed")])
def test_items_not_assessed_are_a_group_of_their_own_with_the_note(cli, lang, heading, word):
    md = cli("report", PROGRAMME, "--lang", lang).output
    group = md[md.index(f"## {heading}"):]
    group = group[:group.index("\n## ", 3)]
    assert f"### 3.2 " in group and f"? {word}" in group
    assert "Tilannekuvan alalukua maahantulon syistä ei ole vielä siirretty." in group
    steps = md[md.index("\n## 1. "):]
    assert "### 3.2 " not in steps  # never among the missing or covered items of its step
    report = json.loads(cli("report", PROGRAMME, "--format", "json").output)
    item = next(i for i in report["items"] if i["id"] == "3.2")
    assert item["status"] == "not_assessed" and item["note"].startswith("Tilannekuvan alalukua") and item["hint"] is None
    html = cli("report", PROGRAMME, "--format", "html", "--lang", lang).output
    assert '<section id="not-assessed"' in html and 'class="card item is-not_assessed" id="item-3.2"' in html


# --- languages ----------------------------------------------------------------------------------------------------------

_NOT_TEXT = {"kind", "checklist", "language", "status", "type", "include", "sector", "topic", "themes", "audiences",
             "planning_mode", "document_form", "service", "target_groups", "jobseekers", "others", "groups", "id", "goal",
             "measure", "indicator", "goals", "services", "programme", "item", "section", "source", "catalogue",
             "municipality_code", "email", "phone", "url"}


def _free_text(node):
    """Every free-text string of a document (not ids, vocabulary values, numbers or dates)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_TEXT:
                yield from _free_text(value)
    elif isinstance(node, list):
        for value in node:
            yield from _free_text(value)
    elif isinstance(node, str) and not re.fullmatch(r"[\d\s.,:%–-]*", node):
        yield " ".join(node.split())


def test_every_label_is_written_in_finnish_swedish_and_english():
    from ruamel.yaml import YAML

    labels = YAML(typ="safe").load((ROOT / "templates" / "labels.yaml").read_text(encoding="utf-8"))
    assert [key for key, entry in labels.items() if set(entry) != {"fi", "sv", "en"} or not all(entry.values())] == []


@pytest.mark.parametrize("document", [PROGRAMME, FOLLOWUP, SERVICES, EXAMPLES / "jarvilaakso-2026-2029.yaml"],
                         ids=lambda p: p.stem)
def test_finnish_text_on_a_swedish_page_carries_lang_fi(cli, document):
    html = cli("render", document, "--format", "html", "--lang", "sv").output
    assert '<html lang="sv">' in html
    page = Page(html)
    body = [(text, lang) for text, lang, tags in page.texts if "body" in tags]
    own = set(_free_text(read_yaml(document)))
    wrong = [(text, lang) for text, lang in body if any(text == s or (len(text) > 12 and text in s) for s in own) and lang != "fi"]
    assert wrong == []
    labels = [lang for text, lang in body if text in ("Grunduppgifter", "Innehåll")]
    assert labels == ["sv", "sv"]  # the page's own labels are Swedish
    assert "Innehållet har granskats mot checklistan:" in html  # the colophon in Swedish


def test_finnish_checklist_text_on_a_swedish_gap_report_carries_lang_fi(cli):
    html = cli("report", PROGRAMME, "--format", "html", "--lang", "sv").output
    assert '<h2 id="step-1-title">1. <span lang="fi">Vastuutaho</span></h2>' in html
    assert '<h2 id="not-assessed-title">Inte bedömda</h2>' in html
    assert {lang for text, lang, tags in Page(html).texts if text == "Vastuutaho"} == {"fi"}


def test_a_text_shown_in_another_language_than_the_page_marks_its_language():
    from markupsafe import escape

    from kotocheck.views import pick

    fallback = pick({"fi": "Valtuuston hyväksyntä <b>", "en": "Approval"}, "sv")
    assert fallback == "Valtuuston hyväksyntä <b>"  # in Markdown and in any string operation, plain text
    assert str(escape(fallback)) == '<span lang="fi">Valtuuston hyväksyntä &lt;b&gt;</span>'
    assert str(escape(pick({"fi": "x", "sv": "Godkännande"}, "sv"))) == "Godkännande"
    assert str(escape(pick({"fi": "Hyväksyntä"}, "fi"))) == "Hyväksyntä"
