"""The gap report: one source of findings with validate, every item with a status."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES, ROOT

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_json_statuses_agree_with_validate(cli, example):
    report = json.loads(cli("report", example, "--format", "json").output)
    validate = json.loads(cli("validate", example, "--format", "json").output)
    assert {i["id"]: i["status"] for i in report["items"]} == validate["files"][0]["statuses"]
    for item in report["items"]:
        assert item["status"] in ("covered", "partial", "missing", "not_assessed", "not_applicable")
        assert ("note" in item) == (item["status"] == "not_assessed")
    rules_with_findings = {f["rule"] for f in validate["findings"]}
    for item in report["items"]:
        assert (item["status"] in ("missing", "partial")) == (item["id"] in rules_with_findings), item["id"]


def test_kemijarvi_gap_report_shows_the_same_gaps_as_validate(cli):
    example = EXAMPLES / "kemijarvi-2023-2025.yaml"
    report = json.loads(cli("report", example, "--format", "json").output)
    summary = report["summary"]
    assert (summary["covered"], summary["partial"], summary["missing"], summary["not_applicable"]) == (12, 5, 19, 0)
    assert summary["percent"] == 33
    by_id = {i["id"]: i for i in report["items"]}
    assert by_id["L32.1"]["status"] == "missing" and by_id["L32.1"]["hint"].startswith("Lisää kohtaan identification avain approval")
    assert by_id["5.1"]["status"] == "covered" and by_id["5.1"]["line"] and by_id["5.1"]["hint"] is None
    steps = {s["number"]: s for s in report["steps"]}
    assert steps[6]["missing"] == 5 and steps[5]["covered"] == 7  # 5.3 partly: no measures to name a responsible for


def test_markdown_gap_report_lists_every_item_grouped_by_step(cli):
    example = EXAMPLES / "kemijarvi-2023-2025.yaml"
    text = cli("report", example).output
    assert text.startswith("# Puuteraportti: Kemijärven kaupungin kotouttamisohjelma 2023-2025\n")
    assert "| **Kokonaisuus** | **12** | **5** | **19** | **0** | **33\u00a0%** |" in text
    assert "### L32.1 Valtuuston hyväksyntä: ✖ puuttuu" in text
    assert "### 5.1 Kytkös kuntastrategiaan: ✔ katettu" in text
    assert "### 5.10 Seurannan ja päivittämisen suunnitelma: ◐ osittain" in text
    assert text.count("\n### ") == 36


def test_waived_items_show_the_municipalitys_reason(cli):
    example = EXAMPLES / "esimerkkila-2025-2028.yaml"
    report = json.loads(cli("report", example, "--format", "json", "--lang", "en").output)
    item = next(i for i in report["items"] if i["id"] == "1.5")
    assert item["status"] == "not_applicable" and item["reason"].startswith("Ulkopuolisia asiantuntijoita ei käytetty")
    text = cli("report", example, "--lang", "en").output
    assert "### 1.5 External experts: – not applicable" in text and "- Reason: Ulkopuolisia" in text


def test_services_gap_report_has_the_minimum_services_table(cli):
    text = cli("report", EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml", "--lang", "en").output
    assert "## Statutory minimum services" in text
    # every service is arranged by the same authorities: said once above the table, not on every row
    assert "- Arranged for jobseekers by: employment authority (for every minimum service)" in text
    assert "- Arranged for others by: municipality (for every minimum service)" in text
    assert "| Service | Target groups | Provider |" in text
    assert "| Multilingual civic orientation | jobseekers, people outside the labour force," in text


def test_a_missing_minimum_service_is_a_row_that_says_so(cli, tmp_path):
    from conftest import read_yaml, write_yaml
    data = read_yaml(EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml")
    data["services"] = [s for s in data["services"] if s["service"] != "civic_orientation"]
    path = write_yaml(tmp_path / "s.yaml", data)
    text = cli("report", path, "--lang", "en").output
    assert "| Multilingual civic orientation | The service is not described. |" in text
    assert "### 13.3 Multilingual civic orientation: ✖ missing" in text


def test_report_of_an_unreadable_file_is_a_located_error(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: programme\ntitle: [x\n")
    result = cli("report", bad)
    assert result.exit_code == 2 and "bad.yaml:3:1  virhe  yaml.syntax" in result.output
