"""kotocheck.toml and [tool.kotocheck]: found upward, located errors, defaults, severity
overrides, waivers with approver and expiry, --no-waivers, and validate over folders."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES

KEMIJARVI = EXAMPLES / "kemijarvi-2023-2025.yaml"


@pytest.fixture
def repo(tmp_path):
    """A municipality's folder with one programme under ohjelma/."""
    (tmp_path / "ohjelma").mkdir()
    shutil.copy(KEMIJARVI, tmp_path / "ohjelma" / "ohjelma.yaml")
    return tmp_path


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def statuses(cli, *args):
    data = json.loads(cli("validate", *args, "--format", "json").output)
    return data


def test_settings_are_found_upward_and_their_origin_shown(cli, repo, monkeypatch):
    write(repo / "kotocheck.toml", 'lang = "en"\nfail_on = "warning"\n')
    monkeypatch.chdir(repo / "ohjelma")
    shown = cli("config").output
    assert "lang       = en" in shown and "# kotocheck.toml:1" in shown
    assert "fail_on    = warning" in shown and "# kotocheck.toml:2" in shown
    assert "checklist  = None" in shown and "# default" in shown
    result = cli("validate", "ohjelma.yaml")
    assert result.exit_code == 1 and "  warning  " in result.output  # English from the settings file


def test_pyproject_tool_table(cli, repo, monkeypatch):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.kotocheck]\nlang = "en"\n')
    monkeypatch.chdir(repo)
    assert "# pyproject.toml:5" in cli("config").output


def test_command_line_wins_over_the_settings_file(cli, repo):
    write(repo / "kotocheck.toml", 'lang = "en"\n')
    result = cli("validate", repo / "ohjelma" / "ohjelma.yaml", "--lang", "fi")
    assert "  virhe  " in result.output


@pytest.mark.parametrize("text,line,words", [
    ('lang = "en\n', 1, "Syntax error"),
    ('lang = "en"\nfail_on = "sometimes"\n', 2, "fail_on"),
    ('lang = "en"\nmystery = 1\n', 2, "mystery"),
    ('[[waivers]]\nrule = "5.8"\nreason = "x"\n', 1, "approved_by"),
])
def test_an_invalid_settings_file_is_a_located_error(cli, repo, text, line, words):
    config = write(repo / "kotocheck.toml", text)
    result = cli("validate", repo / "ohjelma" / "ohjelma.yaml", "--lang", "en")
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.startswith(f"{config}:{line}:") and words in first


def test_default_checklist_from_the_settings_file(cli, repo):
    program = repo / "ohjelma" / "ohjelma.yaml"
    program.write_text(program.read_text().replace("checklist: kotouttamisohjelma-1386-2010\n", ""))
    missing = statuses(cli, program)
    assert "doc.checklist" in {f["rule"] for f in missing["findings"]}
    write(repo / "kotocheck.toml", 'checklist = "kotouttamisohjelma-1386-2010"\n')
    data = statuses(cli, program)
    assert data["files"][0]["checklist"] == "kotouttamisohjelma-1386-2010"
    assert "doc.checklist" not in {f["rule"] for f in data["findings"]}


def test_severity_overrides_change_findings_and_the_exit_code(cli, repo):
    program = repo / "ohjelma" / "ohjelma.yaml"
    assert cli("validate", program).exit_code == 1  # L32.1 is an error
    write(repo / "kotocheck.toml", '[severity]\n"L32.1" = "warning"\n')
    data = statuses(cli, program)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "L32.1"} == {"warning"}
    assert cli("validate", program).exit_code == 0


WAIVER = '''[[waivers]]
rule = "{rule}"
files = "ohjelma/*.yaml"
reason = "Seurantavastuu sovitaan erikseen."
approved_by = "Hyvinvointilautakunta 12.3.2025 § 14"
{expires}
'''


def test_a_config_waiver_with_reason_and_approver(cli, repo):
    config = write(repo / "kotocheck.toml", WAIVER.format(rule="6.4", expires="expires = 2027-12-31"))
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")
    assert data["files"][0]["statuses"]["6.4"] == "not_applicable"
    assert "6.4" not in {f["rule"] for f in data["findings"]}
    waiver = data["files"][0]["waivers"][0]
    assert waiver["origin"] == "config" and waiver["file"] == str(config) and waiver["line"] == 1
    assert waiver["approved_by"].startswith("Hyvinvointilautakunta") and waiver["expires"] == "2027-12-31"
    text = cli("validate", repo / "ohjelma" / "ohjelma.yaml").output
    assert f"{config}:1:1  ei sovellu  6.4  Seuranta ja raportointi: Seurantavastuu sovitaan erikseen. (hyväksynyt: " in text


def test_an_expired_waiver_waives_nothing_and_is_a_finding(cli, repo):
    config = write(repo / "kotocheck.toml", WAIVER.format(rule="6.4", expires="expires = 2025-06-30"))
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")
    rules = {f["rule"]: f for f in data["findings"]}
    assert "6.4" in rules and data["files"][0]["statuses"]["6.4"] == "missing"
    expired = rules["waiver.expired"]
    assert expired["file"] == str(config) and expired["line"] == 1 and "30.6.2025" in expired["message"]


def test_a_waiver_that_no_longer_waives_anything_is_a_finding(cli, repo):
    write(repo / "kotocheck.toml", WAIVER.format(rule="5.1", expires=""))  # Kemijärvi covers 5.1
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")
    assert "waiver.unused" in {f["rule"] for f in data["findings"]}
    write(repo / "kotocheck.toml", WAIVER.format(rule="9.99", expires=""))  # no such item in any checklist:
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")  # said once, as the unknown rule it is
    rules = [f["rule"] for f in data["findings"]]
    assert "config.unknown-rule" in rules and "waiver.unused" not in rules


def test_a_waiver_for_other_files_does_not_apply(cli, repo):
    write(repo / "kotocheck.toml", WAIVER.format(rule="6.4", expires="").replace("ohjelma/*.yaml", "seuranta/*.yaml"))
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")
    assert data["files"][0]["statuses"]["6.4"] == "missing" and data["files"][0]["waivers"] == []


def test_no_waivers_shows_what_they_hide(cli, repo):
    write(repo / "kotocheck.toml", WAIVER.format(rule="6.4", expires=""))
    program = repo / "ohjelma" / "ohjelma.yaml"
    program.write_text(program.read_text() + 'not_applicable:\n  - item: "6.5"\n    reason: Ei tarpeen.\n')
    data = json.loads(cli("validate", program, "--format", "json", "--no-waivers").output)
    rules = {f["rule"] for f in data["findings"]}
    assert {"6.4", "6.5"} <= rules
    assert [w["applied"] for w in data["files"][0]["waivers"]] == [False, False]
    assert "poikkeus ei voimassa  6.4" in cli("validate", program, "--no-waivers").output


def test_validate_a_folder_and_list_its_files(cli, repo):
    (repo / "seuranta").mkdir()
    shutil.copy(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml", repo / "seuranta" / "s.yaml")
    write(repo / "ohjelma" / "muistio.yaml", "aihe: ei ohjelma\n")  # not a document: not listed
    (repo / "node_modules").mkdir()
    shutil.copy(KEMIJARVI, repo / "node_modules" / "x.yaml")
    listed = cli("validate", repo, "--list-files").output.splitlines()
    assert listed == [str(repo / "ohjelma" / "ohjelma.yaml"), str(repo / "seuranta" / "s.yaml")]
    result = cli("validate", repo, "--lang", "en")
    assert result.output.splitlines()[-1].startswith("Total 2 files: ")


def test_validate_without_arguments_checks_the_configured_paths(cli, repo, monkeypatch):
    write(repo / "kotocheck.toml", 'paths = ["ohjelma"]\n')
    monkeypatch.chdir(repo)
    assert cli("validate", "--list-files").output.strip().endswith("ohjelma/ohjelma.yaml")
    write(repo / "kotocheck.toml", 'lang = "fi"\n')
    result = cli("validate")
    assert result.exit_code == 2 and "Ei tarkistettavia tiedostoja" in result.output


def test_exit_zero_reports_without_failing(cli):
    result = cli("validate", KEMIJARVI, "--exit-zero")
    assert result.exit_code == 0 and "  virhe  L32.1  " in result.output


def test_a_settings_waiver_that_waives_nothing_leaves_the_item_covered(cli, repo):
    write(repo / "kotocheck.toml", WAIVER.format(rule="5.1", expires=""))
    data = statuses(cli, repo / "ohjelma" / "ohjelma.yaml")
    assert data["files"][0]["statuses"]["5.1"] == "covered"
    assert data["files"][0]["waivers"][0]["applied"] is False
    assert "ei sovellu" not in cli("validate", repo / "ohjelma" / "ohjelma.yaml").output.splitlines()[-1]


def test_errors_inside_a_waiver_entry_point_at_that_entry(cli, repo):
    config = write(repo / "kotocheck.toml", 'lang = "fi"\n\n[[waivers]]  # ensimmäinen\nrule = "6.4"\nreason = "x"\n'
                                            'approved_by = "lautakunta"\n\n[[waivers]]  # toinen\nrule = "6.5"\n'
                                            'reason = "y"\nexpires = "ei päivä"\n')
    result = cli("validate", repo / "ohjelma" / "ohjelma.yaml", "--lang", "en")
    first = result.output.splitlines()[0]
    assert result.exit_code == 2 and first.startswith(f"{config}:8:") and "waivers.1.approved_by" in first
    assert "a required setting is missing" in first


def test_report_render_and_summary_follow_the_settings_file_as_validate_does(cli, repo):
    write(repo / "kotocheck.toml", WAIVER.format(rule="6.4", expires="") + '\n[severity]\n"L32.1" = "warning"\n')
    program = repo / "ohjelma" / "ohjelma.yaml"
    report = json.loads(cli("report", program, "--format", "json").output)
    validate = statuses(cli, program)
    assert {i["id"]: i["status"] for i in report["items"]} == validate["files"][0]["statuses"]
    assert next(i for i in report["items"] if i["id"] == "6.4")["status"] == "not_applicable"
    summary = json.loads(cli("summary", repo, "--format", "json").output)
    row = summary["rows"][0] if "rows" in summary else summary["programmes"][0]
    assert row["errors"] == 0  # L32.1 is a warning under these settings


def test_templates_folder_from_the_settings_file(cli, repo):
    (repo / "pohjat").mkdir()
    write(repo / "pohjat" / "programme.md", "# Oma pohja: {{ doc.title }}\n")
    write(repo / "kotocheck.toml", 'templates = "pohjat"\n')
    out = cli("render", repo / "ohjelma" / "ohjelma.yaml", "--format", "md").output
    assert out == "# Oma pohja: Kemijärven kaupungin kotouttamisohjelma 2023-2025\n"


def test_the_documents_own_language_sets_the_headings(cli, repo):
    program = repo / "ohjelma" / "ohjelma.yaml"
    program.write_text(program.read_text().replace("language: fi", "language: sv"))
    assert "## 2. Lägesbild" in cli("render", program, "--format", "md").output
    assert "## 2. Situation picture" in cli("render", program, "--format", "md", "--lang", "en").output
