"""`kotocheck scan` and `kotocheck import` as a user runs them: exit codes, what is printed, what
is written, and what is never overwritten. Expectations are written by hand from the seed texts."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
KEMIJARVI = SEEDS / "003-kemijarvi-kotouttamisohjelma-2023-2025.txt"
ROVANIEMI = SEEDS / "000-rovaniemi-seurantaraportti-2022-2025.txt"
OLD = "kotouttamisohjelma-1386-2010"

pytestmark = [pytest.mark.skipif(not KEMIJARVI.exists(), reason="../shared/seeds is not beside the clone"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture
def folder(tmp_path):
    """A region's folder: two readable documents and one that is not what its suffix says."""
    shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    shutil.copy(ROVANIEMI, tmp_path / "rovaniemi.txt")
    (tmp_path / "rikki.docx").write_bytes(b"not a zip")
    return tmp_path


def test_scan_of_one_document_names_items_statuses_and_places(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    result = cli("scan", source, "--checklist", OLD)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Kunta Kemijärvi" in text or "kunta Kemijärvi" in text
    assert "kausi 2023–2025" in text
    assert "hyväksyntä ei löytynyt" in text  # the document names no council decision
    # Never "covered": the three honest words, and the reviewer decides
    assert "arvion tekee tarkastaja" in text
    assert "katettu" not in text.lower()
    # the intro's sentence on the four-year review is quoted, with its paragraph
    assert "tarkistetaan vähintään kerran neljässä vuodessa" in text
    assert "kpl " in text


def test_scan_json_gives_every_item_once_with_quotes_and_places(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    result = cli("scan", source, "--checklist", OLD, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    items = [item for step in data["steps"] for item in step["items"]]
    assert len(items) == 36 and len({i["id"] for i in items}) == 36
    assert {i["status"] for i in items} <= {"found", "weak", "not_found"}
    for item in items:
        assert (item["status"] == "not_found") == (not item["passages"])
        for passage in item["passages"]:
            assert passage["quote"] and passage["block"] >= 1 and passage["where"].startswith("kpl ")
    assert data["counts"]["total"] == 36


@pytest.mark.parametrize("fmt, marker", [("md", "# Asiakirjan esitarkastus"), ("html", "<!DOCTYPE html>")])
def test_scan_writes_md_and_html(cli, tmp_path, fmt, marker):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    out = tmp_path / f"scan.{fmt}"
    result = cli("scan", source, "--checklist", OLD, "-o", out)
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    assert written.startswith(marker)
    assert "L32.1" in written and "Valtuuston hyväksyntä" in written


def test_scan_in_english(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    result = cli("scan", source, "--checklist", OLD, "--lang", "en")
    assert "evidence found" in result.output and "the reviewer decides" in result.output


def test_a_folder_gives_one_row_per_document_and_the_unreadable_one_its_reason(cli, folder):
    out = folder / "alue.csv"
    result = cli("scan", folder, "--checklist", OLD, "-o", out)
    assert result.exit_code == 2  # one document could not be read
    written = out.read_text(encoding="utf-8")
    assert written.startswith("\ufeff")  # as summary's CSV: Excel reads ä and ö right
    rows = list(csv.reader(io.StringIO(written[1:])))
    assert rows[0][:4] == ["Tiedosto", "Kunta", "Kausi", "Tarkistuslista"]
    by_file = {Path(r[0]).name: r for r in rows[1:]}
    assert set(by_file) == {"kemijarvi.txt", "rovaniemi.txt", "rikki.docx"}
    assert by_file["kemijarvi.txt"][1:3] == ["Kemijärvi", "2023–2025"]
    assert "docx" in by_file["rikki.docx"][-1]  # the reason, not a traceback
    assert [Path(r[0]).name for r in rows[1:]][-1] == "rikki.docx"  # unreadable ones last


def test_a_folder_that_reads_whole_exits_0(cli, folder):
    (folder / "rikki.docx").unlink()
    result = cli("scan", folder, "--checklist", OLD)
    assert result.exit_code == 0
    assert "Kemijärvi" in result.output and "Rovaniemi" in result.output


def test_csv_is_for_a_folder(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    assert cli("scan", source, "--format", "csv").exit_code == 2


def test_an_unknown_checklist_is_one_line(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    result = cli("scan", source, "--checklist", "ei-ole")
    assert result.exit_code == 2 and "ei-ole" in result.output


def test_import_writes_a_new_draft_and_never_overwrites(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    draft = tmp_path / "ohjelma.yaml"
    result = cli("import", source, "-o", draft, "--checklist", OLD)
    assert result.exit_code == 0, result.output
    first = draft.read_bytes()
    assert b"municipality: Kemij\xc3\xa4rvi" in first
    draft.write_text("# oma työ\n", encoding="utf-8")
    again = cli("import", source, "-o", draft, "--checklist", OLD)
    assert again.exit_code == 2 and "ei korvata" in again.output
    assert draft.read_text(encoding="utf-8") == "# oma työ\n"


def test_import_refuses_an_output_that_is_no_yaml_file(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    result = cli("import", source, "-o", tmp_path / "ohjelma.txt")
    assert result.exit_code == 2 and not (tmp_path / "ohjelma.txt").exists()


def test_the_imported_draft_validates_with_no_schema_or_yaml_finding(cli, tmp_path):
    source = shutil.copy(KEMIJARVI, tmp_path / "kemijarvi.txt")
    draft = tmp_path / "ohjelma.yaml"
    cli("import", source, "-o", draft, "--checklist", OLD)
    result = cli("validate", draft, "--format", "json")
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert not [r for r in rules if r.startswith(("schema", "yaml"))], rules


def test_a_missing_reader_library_says_how_to_install_it(cli, tmp_path, monkeypatch):
    document = tmp_path / "ohjelma.docx"
    document.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    result = cli("scan", document)
    assert result.exit_code == 2
    assert 'pip install "kotocheck[documents]"' in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_import_of_a_service_package_document_drafts_the_planning_programme(cli, tmp_path):
    """A document naming the kotoutumisohjelma (the services of §13) is still drafted as the
    programme kind; the services checklist asked for by name is refused in one line."""
    source = tmp_path / "palvelut.md"
    source.write_text("# Esimerkkilän kotoutumisohjelma 2025\n\nAlkuvaiheen palvelut: osaamisen arviointi.\n",
                      encoding="utf-8")
    draft = tmp_path / "luonnos.yaml"
    assert cli("import", source, "-o", draft).exit_code == 0
    assert "checklist: kotoutuminen-681-2023" in draft.read_text(encoding="utf-8")
    refused = cli("import", source, "-o", tmp_path / "toinen.yaml", "--checklist", "kotoutumisohjelma-681-2023")
    assert refused.exit_code == 2 and not (tmp_path / "toinen.yaml").exists()
