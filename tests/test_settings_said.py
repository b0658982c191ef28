"""Issue 10, item 12: what the settings file or an option says is applied, or kotocheck says why
not: a waiver pattern that matches nothing, a rule id no checklist has, a blank reason, a
max_bytes that is no number, a templates folder that is not there, an output whose suffix names
another format. Each is a located finding (in kotocheck.toml) or one refusing line with exit 2.
Lines and columns below were counted by hand from the TOML written in each test."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES

KEMIJARVI = EXAMPLES / "kemijarvi-2023-2025.yaml"  # misses 6.4 and 6.5; L32.1 is an error
PROGRAMME = "ohjelma/p.yaml"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A municipality's repository with one programme under ohjelma/; the current folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "ohjelma").mkdir()
    shutil.copy(KEMIJARVI, tmp_path / PROGRAMME)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(repo, text: str):
    path = repo / "kotocheck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def waiver(rule: str, files: str) -> str:
    return (f'[[waivers]]\nrule = "{rule}"\nfiles = "{files}"\nreason = "Seurantavastuu sovitaan erikseen."\n'
            'approved_by = "Hyvinvointilautakunta 12.3.2025 § 14"\n')


def validate_json(cli, *args) -> dict:
    return json.loads(cli("validate", *args, "--format", "json", "--lang", "en").output)


def config_findings(data: dict) -> list[tuple]:
    return [(f["file"], f["line"], f["column"], f["severity"], f["rule"]) for f in data["findings"]
            if f["rule"].startswith("config.")]


# --- waiver patterns: read as gitignore reads them -------------------------------------------------


@pytest.mark.parametrize("files", ["ohjelma/**/*.yaml", "./ohjelma/*.yaml", "ohjelma/", "/ohjelma/p.yaml"])
def test_a_waiver_pattern_whose_meaning_is_clear_applies(cli, repo, files):
    settings(repo, waiver("6.4", files))
    data = validate_json(cli, PROGRAMME)
    assert data["files"][0]["statuses"]["6.4"] == "not_applicable"
    assert config_findings(data) == []


@pytest.mark.parametrize("relative,pattern,expected", [
    ("ohjelma/p.yaml", "ohjelma/**/*.yaml", True),  # ** is also no folder at all
    ("ohjelma/vanhat/2020/p.yaml", "ohjelma/**/*.yaml", True),
    ("ohjelma/p.yaml", "./ohjelma/*.yaml", True),
    ("ohjelma/p.yaml", "ohjelma//p.yaml", True),
    ("ohjelma/vanhat/p.yaml", "ohjelma/*.yaml", False),  # * stays within one folder
    ("ohjelma/vanhat/p.yaml", "*.yaml", True),  # no slash: a name at any depth
    ("ohjelma/vanhat/p.yaml", "ohjelma", True),  # a folder: everything in it
    ("muu/ohjelma/p.yaml", "/ohjelma/*.yaml", False),  # a leading slash anchors
    ("seuranta/s.yaml", "ohjelma/**", False),
    ("ohjelma/p.yaml", "../ohjelma/p.yaml", False),
])
def test_waiver_patterns(relative, pattern, expected):
    from kotocheck.config import matches

    assert matches(relative, pattern) is expected


# --- a waiver or [severity] entry that applies to nothing -------------------------------------------


def test_a_waiver_that_matches_no_document_is_a_located_warning(cli, repo):
    settings(repo, 'lang = "en"\n\n' + waiver("6.4", "ohjelma/*.yml"))
    out = cli("validate", PROGRAMME).output
    assert ('kotocheck.toml:5:9  warning  config.unused-waiver  The files pattern "ohjelma/*.yml" of the waiver '
            "(6.4) matches no document checked and no document in the settings file's folder, so the waiver "
            "waives nothing.") in out


def test_a_waiver_for_documents_not_given_this_time_is_no_finding(cli, repo):
    # The pre-commit hook checks only the changed files: a waiver for the others is no mistake.
    (repo / "seuranta").mkdir()
    shutil.copy(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml", repo / "seuranta" / "s.yaml")
    settings(repo, waiver("S1.3", "seuranta/*.yaml"))
    assert config_findings(validate_json(cli, PROGRAMME)) == []


def test_a_waiver_outside_the_paths_setting_is_a_finding_when_it_matches_nothing_checked(cli, repo):
    (repo / "seuranta").mkdir()
    shutil.copy(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml", repo / "seuranta" / "s.yaml")
    settings(repo, 'paths = ["ohjelma"]\n' + waiver("S1.3", "seuranta/*.yaml"))
    assert config_findings(validate_json(cli)) == [("kotocheck.toml", 4, 9, "warning", "config.unused-waiver")]
    assert config_findings(validate_json(cli, "seuranta/s.yaml")) == []  # checked now: it applies


def test_an_unknown_rule_under_severity_is_a_located_warning_with_a_suggestion(cli, repo):
    settings(repo, '[severity]\n"2.2" = "info"\n  "l32.1" = "warning"\n')
    result = cli("validate", PROGRAMME, "--lang", "en")
    assert result.exit_code == 1  # L32.1 stays an error: the entry changed nothing
    assert ('kotocheck.toml:3:3  warning  config.unknown-rule  The [severity] rule "l32.1" is in no checklist and '
            "is none of kotocheck's own rules, so the setting changes nothing. Did you mean \"L32.1\"?") in result.output
    assert "2.2" not in "".join(line for line in result.output.splitlines() if "config." in line)


def test_a_tool_rule_under_severity_is_known(cli, repo):
    settings(repo, '[severity]\n"schema.missing" = "warning"\n"config.unused-waiver" = "info"\n')
    assert config_findings(validate_json(cli, PROGRAMME)) == []


def test_an_unknown_rule_in_a_waiver_is_a_located_warning(cli, repo):
    settings(repo, waiver("6,4", "ohjelma/*.yaml"))
    data = validate_json(cli, PROGRAMME)
    [finding] = [f for f in data["findings"] if f["rule"] == "config.unknown-rule"]
    assert (finding["file"], finding["line"], finding["column"]) == ("kotocheck.toml", 2, 8)
    assert finding["message"] == ('The waiver\'s item "6,4" is in no checklist, so the waiver waives nothing. '
                                  'Did you mean "6.4"?')


def test_a_waiver_of_no_checklist_s_rule_is_said_once_not_also_unused(cli, repo):
    settings(repo, waiver("6,4", "ohjelma/*.yaml"))
    rules = [f["rule"] for f in validate_json(cli, PROGRAMME)["findings"] if f["file"] == "kotocheck.toml"]
    assert rules == ["config.unknown-rule"]


def test_a_waiver_of_another_checklist_s_rule_is_unused_here(cli, repo):
    """45.5 is an item of the 2025 checklist, not of Kemijärvi's old-law one: known, but unused."""
    settings(repo, waiver("45.5", "ohjelma/*.yaml"))
    rules = [f["rule"] for f in validate_json(cli, PROGRAMME)["findings"] if f["file"] == "kotocheck.toml"]
    assert rules == ["waiver.unused"]


def test_settings_findings_are_said_once_per_run(cli, repo):
    shutil.copy(KEMIJARVI, repo / "ohjelma" / "q.yaml")
    settings(repo, '[severity]\n"9.99" = "info"\n')
    data = validate_json(cli, "ohjelma")
    assert config_findings(data) == [("kotocheck.toml", 2, 1, "warning", "config.unknown-rule")]


# --- invalid settings are refused, located -----------------------------------------------------------


@pytest.mark.parametrize("key,line", [("reason", 3), ("approved_by", 4)])
def test_a_blank_reason_or_approver_is_refused(cli, repo, key, line):
    values = {"reason": '"Ei tarpeen."', "approved_by": '"Lautakunta"', key: '"   "'}
    config = settings(repo, f'[[waivers]]\nrule = "6.4"\nreason = {values["reason"]}\n'
                            f'approved_by = {values["approved_by"]}\n')
    result = cli("validate", PROGRAMME, "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (f"{config.resolve()}:{line}:1  error  config.invalid  Invalid setting "
                                             f"waivers.0.{key}: blank; write the text.")


@pytest.mark.parametrize("text,line,setting,problem", [
    ('lang = "en"\nmax_bytes = true\n', 2, "max_bytes", "the value must be a whole number (e.g. 5000000)"),
    ('[[waivers]]\nrule = "6.4"\nreason = "x"\napproved_by = "y"\nexpires = 20261231\n', 5, "waivers.0.expires",
     "the value must be a date (YYYY-MM-DD)"),
])
def test_a_value_of_the_wrong_type_is_refused(cli, repo, text, line, setting, problem):
    config = settings(repo, text)
    result = cli("validate", PROGRAMME, "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (f"{config.resolve()}:{line}:1  error  config.invalid  "
                                             f"Invalid setting {setting}: {problem}.")


# --- templates folders that are not there ------------------------------------------------------------


@pytest.mark.parametrize("command", ["render", "report"])
def test_a_missing_templates_folder_given_is_refused(cli, repo, command):
    result = cli(command, PROGRAMME, "--templates", "pohjat")
    assert result.exit_code == 2
    assert result.output == "kotocheck: pohjat: mallipohjakansiota ei ole / pohjat: no such templates folder\n"


def test_a_missing_templates_folder_in_the_settings_is_refused_at_its_line(cli, repo):
    config = settings(repo, 'lang = "fi"\ntemplates = "pohjat"\n')
    result = cli("render", PROGRAMME, "--format", "md")
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (f"{config.resolve()}:2:1  virhe  config.invalid  Virheellinen asetus "
                                             "templates: mallipohjakansiota pohjat ei ole.")


# --- -o names the format it gets -----------------------------------------------------------------------


@pytest.mark.parametrize("args,accepted", [
    (["render", PROGRAMME], ".md, .markdown, .html, .htm"),
    (["report", PROGRAMME], ".md, .markdown, .html, .htm, .json"),
    (["summary", "ohjelma"], ".txt, .md, .markdown, .html, .htm, .csv, .json"),
])
def test_an_output_suffix_naming_no_format_is_refused(cli, repo, args, accepted):
    result = cli(*args, "-o", "out.pdf")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("kotocheck: out.pdf: pääte .pdf ei nimeä komennon ")
    assert result.output.endswith(f"accepted suffixes: {accepted}\n")
    assert not (repo / "out.pdf").exists()


@pytest.mark.parametrize("args", [["render", PROGRAMME, "-f", "md"], ["report", PROGRAMME, "-f", "json"],
                                  ["summary", "ohjelma", "-f", "csv"]])
def test_an_output_suffix_naming_another_format_is_refused(cli, repo, args):
    result = cli(*args, "-o", "out.html")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "out.html: the suffix .html does not match the format " in result.output
    assert not (repo / "out.html").exists()


@pytest.mark.parametrize("command,target", [("report", PROGRAMME), ("render", PROGRAMME), ("summary", "ohjelma")])
def test_an_htm_suffix_is_html(cli, repo, command, target):
    assert cli(command, target, "-o", "out.htm").exit_code == 0
    assert (repo / "out.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_foreign_suffix_is_refused_even_with_a_format(cli, repo):
    result = cli("render", PROGRAMME, "--format", "html", "-o", "out.pdf")
    assert result.exit_code == 2 and "names no format of render" in result.output
    assert not (repo / "out.pdf").exists()


def test_a_format_given_for_a_neutral_suffix_is_written(cli, repo):
    # --format says what is wanted, and .txt names no format of render: nothing is left to guess.
    assert cli("render", PROGRAMME, "--format", "md", "-o", "ohjelma.txt").exit_code == 0
    assert (repo / "ohjelma.txt").read_text(encoding="utf-8").startswith("# ")
