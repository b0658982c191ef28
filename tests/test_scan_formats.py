"""Both commands on every format, made from the seed texts by the test code (the programme 003,
the follow-up report 000) and on a made document with a table: `scan` reads the same facts and
evidence whatever the format, and `import` keeps every paragraph and validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from document_fixtures import document, write
from kotocheck import loader
from kotocheck.documents import read
from kotocheck.draft import lossless

SEEDS = ROOT.parent / "shared" / "seeds"
PROGRAMME = SEEDS / "003-kemijarvi-kotouttamisohjelma-2023-2025.txt"
FOLLOW_UP = SEEDS / "000-rovaniemi-seurantaraportti-2022-2025.txt"
FORMATS = ("docx", "pdf", "odt", "html", "md", "txt")
OLD = "kotouttamisohjelma-1386-2010"

pytestmark = [pytest.mark.skipif(not PROGRAMME.exists(), reason="../shared/seeds is not beside the clone"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Each seed in each format, written from what the text reader reads of it."""
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for name, seed in (("ohjelma", PROGRAMME), ("seuranta", FOLLOW_UP)):
        doc = read(seed)
        for fmt in FORMATS:
            path = folder / f"{name}.{fmt}"
            write(doc, path)
            out[name, fmt] = path
    table = document([("heading", "Esimerkkilän kotoutumisohjelma 2025–2028", 1),
                      ("heading", "Seuranta ja arviointi", 2),
                      ("paragraph", "Toteutumista seurataan vuosittain seuraavilla mittareilla."),
                      ("table", "", 0, [["Mittari", "Lähtötaso", "Tavoite"], ["Työllisyysaste", "58 %", "65 %"],
                                        ["Neuvonnan asiakkaat", "0", "400"]])], file="taulukko")
    for fmt in FORMATS:
        path = folder / f"taulukko.{fmt}"
        write(table, path)
        out["taulukko", fmt] = path
    return out


def _scan(cli, path: Path) -> dict:
    result = cli("scan", path, "--checklist", OLD, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("fmt", FORMATS)
def test_scan_reads_the_programme_alike_in_every_format(cli, made, fmt):
    data = _scan(cli, made["ohjelma", fmt])
    facts = {f["key"]: f["value"] for f in data["facts"]}
    assert facts["municipality"] == "Kemijärvi" and facts["period"] == "2023–2025"
    statuses = {i["id"]: i["status"] for step in data["steps"] for i in step["items"]}
    txt = {i["id"]: i["status"] for step in _scan(cli, made["ohjelma", "txt"])["steps"] for i in step["items"]}
    same = sum(statuses[k] == txt[k] for k in txt)
    assert same >= 34, f"{fmt}: {same}/36 items as in the text file"
    # the page is where a PDF's passages are, the paragraph elsewhere
    places = [p["where"] for step in data["steps"] for i in step["items"] for p in i["passages"]]
    assert places and all(w.startswith("s. " if fmt == "pdf" else "kpl ") for w in places)


@pytest.mark.parametrize("fmt", FORMATS)
def test_scan_reads_the_follow_up_report(cli, made, fmt):
    data = _scan(cli, made["seuranta", fmt])
    assert data["counts"]["total"] == 36
    assert {f["key"]: f["value"] for f in data["facts"]}["municipality"] == "Rovaniemi"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_of_indicators_is_monitoring_evidence(cli, made, fmt):
    data = _scan(cli, made["taulukko", fmt])
    items = {i["id"]: i for step in data["steps"] for i in step["items"]}
    assert items["6.1"]["status"] != "not_found", items["6.1"]


@pytest.mark.parametrize("name", ["ohjelma", "seuranta", "taulukko"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_import_keeps_every_paragraph_and_validates(cli, made, tmp_path, name, fmt):
    source = made[name, fmt]
    draft = tmp_path / "luonnos.yaml"
    result = cli("import", source, "-o", draft, "--checklist", OLD)
    assert result.exit_code == 0, result.output
    data = loader.load(draft).data
    assert lossless(read(source), data) == 1.0
    checked = cli("validate", draft, "--format", "json")
    rules = {f["rule"] for f in json.loads(checked.output)["findings"]}
    assert not [r for r in rules if r.startswith(("schema", "yaml"))], rules
