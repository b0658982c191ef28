"""`kotocheck summary`: the ELY reviewer's table of many programmes.

A folder of generated programmes (real examples varied: municipalities, regions, periods,
approval dates, both laws, broken files) is summarised in every format; each figure is
compared with what `report` and `validate` say for the same file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY, clone, read_yaml, write_yaml

KEMIJARVI = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")  # old law, no approval recorded
ESIMERKKILA = read_yaml(EXAMPLES / "esimerkkila-2025-2028.yaml")  # new law, complete
OLD, NEW = "kotouttamisohjelma-1386-2010", "kotoutuminen-681-2023"
D = dt.date.fromisoformat

# name: (base, municipality, code, region, period start, period end, approval date or None,
#        expected valid until, expected validity)
PROGRAMMES = {
    # the four-year rule of Act 1386/2010: approval + 4 years before the end of the period
    "oulu-2020": (KEMIJARVI, "Oulu", "564", "Pohjois-Pohjanmaa", 2020, 2025, D("2020-05-01"), "2024-05-01", "expired"),
    "kuopio-2023": (KEMIJARVI, "Kuopio", "297", "Pohjois-Savo", 2023, 2026, D("2023-03-01"), "2026-12-31", "valid"),
    "iisalmi-2023": (KEMIJARVI, "Iisalmi", "140", "Pohjois-Savo", 2023, 2026, D("2022-11-30"), "2026-11-30", "valid"),
    "varkaus-2023": (KEMIJARVI, "Varkaus", "915", "Pohjois-Savo", 2023, 2026, D("2022-11-22"), "2026-11-22", "expired"),
    "lahti-2023": (KEMIJARVI, "Lahti", "398", "Päijät-Häme", 2023, 2026, D("2022-11-23"), "2026-11-23", "valid"),
    "heinola-2024": (KEMIJARVI, "Heinola", "111", "Päijät-Häme", 2024, 2027, D("2020-02-29"), "2024-02-29", "expired"),
    "kemijarvi-2023": (KEMIJARVI, "Kemijärvi", "320", "Lappi", 2023, 2025, None, "2025-12-31", "expired"),
    "tornio-2024": (KEMIJARVI, "Tornio", "851", "Lappi", 2024, 2027, None, "2027-12-31", "valid"),
    "salla-2017": (KEMIJARVI, "Salla", "732", "Lappi", 2017, 2020, D("2017-06-12"), "2020-12-31", "expired"),
    # Act 681/2023 sets no period: valid until the end of the period, however old the approval
    "tampere-2025": (ESIMERKKILA, "Tampere", "837", "Pirkanmaa", 2025, 2028, D("2025-06-16"), "2028-12-31", "valid"),
    "nokia-2025": (ESIMERKKILA, "Nokia", "536", "Pirkanmaa", 2025, 2028, D("2019-01-01"), "2028-12-31", "valid"),
    "ylojarvi-2025": (ESIMERKKILA, "Ylöjärvi", "980", "Pirkanmaa", 2025, 2026, D("2025-02-03"), "2026-12-31", "valid"),
    "espoo-2027": (ESIMERKKILA, "Espoo", "049", "Uusimaa", 2027, 2030, D("2026-10-05"), "2030-12-31", "not_started"),
    "vantaa-2025": (ESIMERKKILA, "Vantaa", "092", "Uusimaa", 2025, "2026-10", D("2025-01-20"), "2026-10-31", "expired"),
    "helsinki-2025": (ESIMERKKILA, "Helsinki", "091", "Uusimaa", 2025, D("2026-11-23"), None, "2026-11-23", "valid"),
    "turku-2025": (ESIMERKKILA, "Turku", "853", "Varsinais-Suomi", 2025, None, D("2025-03-10"), None, "unknown"),
    "porvoo-2025": (ESIMERKKILA, "Porvoo", "638", "Uusimaa", 2025, 2029, D("2025-05-05"), "2029-12-31", "valid"),
    # Finnish order within a region: a < z < å < ä < ö
    "zeta": (ESIMERKKILA, "Zetala", "901", "Keski-Suomi", 2025, 2028, D("2025-01-01"), "2028-12-31", "valid"),
    "ahtari": (ESIMERKKILA, "Ähtäri", "989", "Keski-Suomi", 2025, 2028, D("2025-01-01"), "2028-12-31", "valid"),
    "aaneby": (ESIMERKKILA, "Åneby", "902", "Keski-Suomi", 2025, 2028, D("2025-01-01"), "2028-12-31", "valid"),
    "orkki": (ESIMERKKILA, "Örkkilä", "903", "Keski-Suomi", 2025, 2028, D("2025-01-01"), "2028-12-31", "valid"),
    "jamsa": (ESIMERKKILA, "Jämsä", "182", "Keski-Suomi", 2025, 2028, D("2025-01-01"), "2028-12-31", "valid"),
}
EXPECTED_ORDER = [  # region, then municipality, in Finnish alphabetical order
    "Jämsä", "Zetala", "Åneby", "Ähtäri", "Örkkilä",  # Keski-Suomi
    "Kemijärvi", "Salla", "Tornio",  # Lappi
    "Esimerkkilä", "Nokia", "Tampere", "Ylöjärvi",  # Pirkanmaa (Esimerkkilä: the unknown checklist)
    "Oulu",  # Pohjois-Pohjanmaa
    "Iisalmi", "Kuopio", "Varkaus",  # Pohjois-Savo
    "Heinola", "Lahti",  # Päijät-Häme: ä sorts after z, so after Pohjois-Savo
    "Espoo", "Helsinki", "Porvoo", "Vantaa",  # Uusimaa
    "Turku",  # Varsinais-Suomi
    "Eiseutu",  # no region: last among the readable
]
BROKEN = ("rikki.yaml", "outo-laji.yaml", "tuntematon-lista.yaml")
UNNAMED = ["outo-laji.yaml", "rikki.yaml"]  # nothing known of them: last, by file name


def _programme(base: dict, municipality, code, region, start, end, approval) -> dict:
    data = clone(base)
    ident = data["identification"]
    ident.update(municipality=municipality, municipality_code=code, region=region)
    ident["period"] = {"start": start} if end is None else {"start": start, "end": end}
    if approval is None:
        ident.pop("approval", None)
    else:
        ident["approval"] = {"body": f"{municipality}n valtuusto", "date": approval}
    data["title"] = f"{municipality}n kotoutumisohjelma"
    return data


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """23 programmes, 3 broken files, a services file, a follow-up and a YAML that is no document."""
    root = tmp_path_factory.mktemp("ely")
    for name, (base, *ident, _, _) in PROGRAMMES.items():
        sub = root / ident[2].lower()  # one folder per region, as an ELY centre might keep them
        sub.mkdir(exist_ok=True)
        write_yaml(sub / f"{name}.yaml", _programme(base, *ident))
    no_region = _programme(ESIMERKKILA, "Eiseutu", "904", None, 2025, 2028, D("2025-01-01"))
    del no_region["identification"]["region"]
    write_yaml(root / "eiseutu.yaml", no_region)
    (root / "rikki.yaml").write_text("kind: programme\nformat_version: 1\ntitle: [auki\nchecklist: x\n", encoding="utf-8")
    (root / "outo-laji.yaml").write_text("kind: suunnitelma\nformat_version: 1\ntitle: Outo\n", encoding="utf-8")
    unknown = clone(ESIMERKKILA)
    unknown["checklist"] = "kotouttamisohjelma-2099"
    write_yaml(root / "tuntematon-lista.yaml", unknown)
    (root / "palvelut").mkdir()
    (root / "palvelut" / "kotoutumisohjelma.yaml").write_text(
        (EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "seuranta.yaml").write_text(
        (EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml").read_text(encoding="utf-8").replace(
            "programme: rovaniemi-2022-2025.yaml", "programme: lappi/kemijarvi-2023.yaml"), encoding="utf-8")
    (root / "asetukset.yaml").write_text("lang: fi\npaths: [ohjelma]\n", encoding="utf-8")  # not a document
    return root


def args(folder: Path) -> list:
    # "outo-laji.yaml" names no known kind, so a folder search passes it by; given by name it gets its row
    return [folder, folder / "outo-laji.yaml"]


@pytest.fixture(scope="module")
def data(folder):
    from typer.testing import CliRunner

    from kotocheck.cli import app

    result = CliRunner().invoke(app, ["summary", *map(str, args(folder)), "--format", "json"],
                                env={"KOTOCHECK_TODAY": TODAY})
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_municipality(data) -> dict:
    return {row["municipality"]: row for row in data["programmes"] if row["municipality"]}


# --- rows -----------------------------------------------------------------------------------------------


def test_one_row_per_programme_file(data):
    files = [Path(r["file"]).name for r in data["programmes"]]
    assert len(files) == len(PROGRAMMES) + 1 + len(BROKEN) == 26
    assert len(set(files)) == len(files)
    assert {f"{n}.yaml" for n in PROGRAMMES} | {"eiseutu.yaml", *BROKEN} == set(files)
    assert "asetukset.yaml" not in files  # not a document: discovery passes it by
    assert data["totals"]["files"] == 26


def test_services_and_followups_are_listed_apart(data):
    others = {Path(r["file"]).name: r for r in data["other_documents"]}
    assert set(others) == {"kotoutumisohjelma.yaml", "seuranta.yaml"}
    assert others["kotoutumisohjelma.yaml"]["kind"] == "services"
    assert others["seuranta.yaml"]["kind"] == "followup" and others["seuranta.yaml"]["checklist"] == "seuranta-1"
    assert others["seuranta.yaml"]["municipality"] == "Rovaniemi"


def test_four_year_rule_of_the_old_act(data):
    oulu = by_municipality(data)["Oulu"]  # approved 1.5.2020 for 2020-2025
    assert (oulu["checklist"], oulu["approval_date"], oulu["period_start"], oulu["period_end"]) == \
        (OLD, "2020-05-01", "2020", "2025")
    assert oulu["valid_until"] == "2024-05-01"
    assert oulu["valid_until_basis"] == "four_year_rule"
    assert oulu["validity"] == "expired" and oulu["valid"] is False


@pytest.mark.parametrize("name", PROGRAMMES)
def test_valid_until_and_validity_on_the_reference_date(data, name):
    _, municipality, *_, until, validity = PROGRAMMES[name]
    row = by_municipality(data)[municipality]
    assert row["valid_until"] == until, name
    assert row["validity"] == validity, name
    assert row["valid"] is (validity == "valid")
    if row["checklist"] == NEW:
        assert row["valid_until_basis"] in ("period_end", None)  # no statutory period under Act 681/2023


def test_validity_follows_the_reference_date(folder):
    from kotocheck import summary

    path = next(folder.rglob("lahti-2023.yaml"))
    for today, expected in (("2026-11-23", "valid"), ("2026-11-24", "expired"), ("2022-12-31", "not_started")):
        (row,) = summary.check([path], D(today)).rows
        assert row.validity == expected, today


def test_rows_are_sorted_by_region_then_municipality(data):
    named = [r["municipality"] for r in data["programmes"] if r["municipality"]]
    assert named == EXPECTED_ORDER
    assert [Path(r["file"]).name for r in data["programmes"][-2:]] == UNNAMED


def test_coverage_and_counts_agree_with_report_and_validate(cli, data):
    checked = [r for r in data["programmes"] if r["state"] == "checked"]
    assert len(checked) == len(PROGRAMMES) + 1
    for row in checked:
        report = json.loads(cli("report", row["file"], "--format", "json").stdout)
        validate = json.loads(cli("validate", row["file"], "--format", "json").stdout)["files"][0]
        assert row["counts"] == report["summary"], row["file"]
        assert row["coverage_percent"] == report["summary"]["percent"]
        assert (row["covered"], row["applicable"]) == (report["summary"]["covered"], report["summary"]["applicable"])
        missing = [i["id"] for i in report["items"] if i["status"] == "missing"]
        partial = [i["id"] for i in report["items"] if i["status"] == "partial"]
        assert [i["id"] for i in row["missing_items"]] == missing, row["file"]
        assert [i["id"] for i in row["partial_items"]] == partial, row["file"]
        assert (row["errors"], row["warnings"]) == (validate["errors"], validate["warnings"]), row["file"]
        errors = sum(len(i["findings"]) for i in report["items"] if i["severity"] == "error") + \
            sum(1 for f in report["other_findings"] if f["severity"] == "error")
        assert row["errors"] == errors, row["file"]


def test_unreadable_and_unchecked_files_get_a_row_with_the_first_error(data):
    rows = {Path(r["file"]).name: r for r in data["programmes"]}
    broken = rows["rikki.yaml"]
    assert broken["state"] == "unreadable" and broken["coverage_percent"] is None
    assert broken["problem"]["line"] == 4 and "jäi sulkematta" in broken["problem"]["message"]
    odd = rows["outo-laji.yaml"]
    assert odd["state"] == "not_checked" and odd["kind"] is None
    assert "suunnitelma" in odd["problem"]["message"] and odd["problem"]["line"] == 1
    unknown = rows["tuntematon-lista.yaml"]
    assert unknown["state"] == "not_checked" and unknown["municipality"] == "Esimerkkilä"
    assert "kotouttamisohjelma-2099" in unknown["problem"]["message"]
    assert rows["eiseutu.yaml"]["problem"] is None


def test_totals(data):
    rows = data["programmes"]
    totals = data["totals"]
    percents = [r["coverage_percent"] for r in rows if r["coverage_percent"] is not None]
    assert totals["valid"] == sum(1 for r in rows if r["valid"]) == 15
    assert totals["expired"] == 6
    assert totals["average_coverage"] == sum(percents) // len(percents)
    assert totals["errors"] == sum(r["errors"] for r in rows) > 0
    assert totals["warnings"] == sum(r["warnings"] for r in rows) > 0


# --- formats ---------------------------------------------------------------------------------------------


def run(cli, folder, *extra):
    result = cli("summary", *args(folder), *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_text_is_an_aligned_table(cli, folder, data):
    text = run(cli, folder)
    lines = text.splitlines()
    assert lines[0] == "Kotoutumisen edistämisen ohjelmien yhteenveto 23.11.2026"
    header, rule = lines[2], lines[3]
    assert header.startswith("Maakunta") and set(rule) == {"-", " "}
    table = lines[4:4 + 26]
    file_column = header.index("Tiedosto")
    assert all(len(line) > file_column and line[file_column - 2:file_column] == "  " for line in table)
    assert [line[file_column:] for line in table] == [r["file"] for r in data["programmes"]]
    oulu = next(line for line in table if "Oulu" in line)
    assert "1.5.2020" in oulu and "1.5.2024 *" in oulu and "päättynyt" in oulu
    assert lines[4 + 26] == ""
    assert lines[5 + 26].startswith("Yhteensä: tiedostoja 26, voimassa 15, keskimääräinen kattavuus ")
    assert "Puuttuvat kohdat:" in lines and "Tiedostot, joita ei voitu tarkistaa:" in lines
    assert "\x1b" not in text


def test_text_in_english(cli, folder):
    text = run(cli, folder, "--lang", "en")
    assert text.startswith("Summary of integration promotion programmes 2026-11-23\n")
    assert "Valid until" in text and "expired" in text and "Totals: files 26, valid 15" in text


def test_csv_round_trips_with_header_and_bom(cli, folder, data):
    text = run(cli, folder, "--format", "csv")
    assert text.startswith("\ufeff")  # (click's runner turns CRLF into LF; the file test sees the bytes)
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == ["Tiedosto", "Maakunta", "Kunta", "Kuntanumero", "Asiakirjan nimi", "Tarkistuslista",
                       "Kausi alkaa", "Kausi päättyy", "Hyväksytty", "Voimassa asti", "Voimassaolon peruste", "Tila",
                       "Lakisääteisiä täyttämättä", "Kattavuus %", "Katettu", "Sovellettavia kohtia", "Virheet", "Varoitukset", "Puuttuvat kohdat",
                       "Osittain katetut kohdat", "Ei arvioidut kohdat", "Ongelma"]
    assert len(rows) == 1 + 26
    assert all(len(r) == len(rows[0]) for r in rows)
    assert [r[0] for r in rows[1:]] == [r["file"] for r in data["programmes"]]
    oulu = next(r for r in rows if r[2] == "Oulu")
    assert oulu[8:14] == ["2020-05-01", "2024-05-01", "hyväksymisestä 4 vuotta", "päättynyt",
                          str(by_municipality(data)["Oulu"]["legal_unmet"]),
                          str(by_municipality(data)["Oulu"]["coverage_percent"])]
    assert next(r for r in rows if r[2] == "Ähtäri")[2] == "Ähtäri"


def test_csv_bom_is_written_to_a_file_too(cli, folder, tmp_path):
    out = tmp_path / "yhteenveto.csv"
    result = cli("summary", folder, "--format", "csv", "-o", out)  # the folder alone: 25 programme rows
    assert result.exit_code == 0 and result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Ähtäri".encode() in raw
    assert raw.count(b"\r\n") == 1 + 25 and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 4180 line ends
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))[0][0] == "Tiedosto"


def test_csv_defuses_spreadsheet_formulas(cli, tmp_path):
    data = _programme(ESIMERKKILA, "=HYPERLINK(\"http://x\")", "+1", "@alue", 2025, 2028, D("2025-01-01"))
    path = write_yaml(tmp_path / "kaava.yaml", data)
    text = cli("summary", path, "--format", "csv").stdout
    (row,) = list(csv.reader(io.StringIO(text[1:], newline="")))[1:]
    assert row[1:4] == ["'@alue", "'=HYPERLINK(\"http://x\")", "'+1"]


def test_json_rows_are_objects(data):
    assert data["tool"] == "kotocheck" and data["today"] == TODAY
    assert all(isinstance(r, dict) for r in data["programmes"])
    keys = set(data["programmes"][0])
    assert {"file", "municipality", "municipality_code", "region", "checklist", "period_start", "period_end",
            "approval_date", "valid_until", "validity", "valid", "coverage_percent", "errors", "warnings",
            "missing_items"} <= keys
    assert all(set(r) == keys for r in data["programmes"])
    kemijarvi = by_municipality(data)["Kemijärvi"]
    assert kemijarvi["missing_items"][0] == {"id": "L32.1", "title": "Valtuuston hyväksyntä", "severity": "error"}


def _tables(text: str):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, current, row = [], None, None
    for token in tokens:
        if token.type == "table_open":
            current = {"head": [], "body": []}
        elif token.type == "thead_open":
            section = "head"
        elif token.type == "tbody_open":
            section = "body"
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            current[section].append(row)
            row = None
        elif token.type == "table_close":
            tables.append(current)
    return tokens, tables


def test_markdown_is_a_commonmark_table_with_a_row_per_file(cli, folder, data):
    text = run(cli, folder, "--format", "md")
    tokens, tables = _tables(text)
    assert [t.content for t in tokens if t.type == "inline"][0] == "Kotoutumisen edistämisen ohjelmien yhteenveto 23.11.2026"
    programmes = tables[0]
    assert programmes["head"][0][:2] == ["Maakunta", "Kunta"]
    assert len(programmes["body"]) == 26
    assert all(len(r) == len(programmes["head"][0]) for r in programmes["body"])
    assert [r[1] for r in programmes["body"] if r[1]] == EXPECTED_ORDER
    assert [r[-1].strip("`") for r in programmes["body"]] == [r["file"] for r in data["programmes"]]
    assert len(tables) == 2 and len(tables[1]["body"]) == 2  # the other documents
    # the missing items with their titles
    assert "- **L32.1** Valtuuston hyväksyntä (puuttuu, virhe)" in text
    assert "**Yhteensä: tiedostoja 26, voimassa 15" in text


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.rows: list[str] = []  # municipalities of the summary table's body rows, in source order
        self._in_row_header = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "th" and attrs.get("scope") == "row" and "data-sort" in attrs and "tbody" in self.stack:
            self.rows.append(attrs["data-sort"])
        if tag not in ("br", "wbr", "meta", "link", "img", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass


def test_html_is_one_accessible_self_contained_page(cli, folder):
    html = run(cli, folder, "--format", "html")
    page = _Page()
    page.feed(html)
    tags = page.tags
    assert re.match(r'<!DOCTYPE html>\n<html lang="fi">', html)
    assert sum(1 for t, _ in tags if t == "h1") == 1
    heads = [a for t, a in tags if t == "th"]
    assert heads and all(a.get("scope") in ("col", "row") for a in heads)
    assert sum(1 for a in heads if "aria-sort" in a) == 1
    assert next(a for a in heads if "aria-sort" in a)["aria-sort"] == "ascending"
    # no external resources: no links to stylesheets, no sources, scripts only inline
    assert not [t for t, _ in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in a for _, a in tags)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    # the table is complete and in order without the script
    assert [m for m in page.rows if m] == EXPECTED_ORDER
    assert len(page.rows) == 26


def test_html_missing_items_have_titles_and_are_linked(cli, folder):
    html = run(cli, folder, "--format", "html", "--lang", "sv")
    assert '<html lang="sv">' in html and "Sammanfattning av program för integrationsfrämjande" in html
    anchors = re.findall(r'<a href="#(gaps-\d+)">', html)
    assert anchors and all(f'id="{a}"' in html for a in anchors)
    assert '<span class="code">L32.1</span> Valtuuston hyväksyntä' in html  # no Swedish title: Finnish


def test_municipality_text_is_escaped(cli, tmp_path):
    data = _programme(ESIMERKKILA, "<script>alert(1)</script> | x", "1\x1b[31m", "Alue", 2025, 2028, None)
    path = write_yaml(tmp_path / "paha.yaml", data)
    html = cli("summary", path, "--format", "html").stdout
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    text = cli("summary", path).stdout
    assert "\x1b" not in text
    _, tables = _tables(cli("summary", path, "--format", "md").stdout)
    assert len(tables[0]["body"][0]) == len(tables[0]["head"][0])  # the pipe did not add a cell


# --- command ----------------------------------------------------------------------------------------------


def test_findings_are_content_not_failure(cli):
    result = cli("summary", EXAMPLES / "kemijarvi-2023-2025.yaml")
    assert result.exit_code == 0
    assert "Kemijärvi" in result.stdout


def test_missing_input_path_exits_2(cli, tmp_path):
    result = cli("summary", EXAMPLES, tmp_path / "ei-ole")
    assert result.exit_code == 2
    assert "ei-ole" in result.output and result.stdout == ""


def test_output_that_names_an_input_is_refused(cli, folder):
    target = next(folder.rglob("oulu-2020.yaml"))
    before = target.read_bytes()
    result = cli("summary", folder, "-o", target)
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_output_into_a_missing_folder_creates_it_but_not_through_a_file(cli, tmp_path):
    # issue 10, item 14: a missing folder of -o is created (output.write_atomic), as users expect
    result = cli("summary", EXAMPLES, "-o", tmp_path / "ei" / "ole.md", "--format", "md")
    assert result.exit_code == 0 and (tmp_path / "ei" / "ole.md").is_file()
    (tmp_path / "tiedosto").write_text("", encoding="utf-8")
    result = cli("summary", EXAMPLES, "-o", tmp_path / "tiedosto" / "ole.md", "--format", "md")
    assert result.exit_code == 2


def test_output_is_written_to_the_file(cli, folder, tmp_path):
    out = tmp_path / "yhteenveto.html"
    result = cli("summary", folder, "--format", "html", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_reference_date_option(cli, folder):
    text = cli("summary", folder, "--format", "json", "--today", "2024-05-01").stdout
    oulu = by_municipality(json.loads(text))["Oulu"]
    assert json.loads(text)["today"] == "2024-05-01" and oulu["validity"] == "valid"


def test_the_examples_folder(cli):
    data = json.loads(cli("summary", EXAMPLES, "--format", "json").stdout)
    names = {Path(r["file"]).name for r in data["programmes"]}
    assert {"kemijarvi-2023-2025.yaml", "rovaniemi-2022-2025.yaml", "esimerkkila-2025-2028.yaml"} <= names
    assert all(r["kind"] == "programme" for r in data["programmes"])
