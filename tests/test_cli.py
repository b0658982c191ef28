"""The validate command as a user meets it: languages, formats, exit codes, colour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import EXAMPLES, ROOT, TODAY

KEMIJARVI = EXAMPLES / "kemijarvi-2023-2025.yaml"
ROVANIEMI = EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml"


def test_version(cli):
    from kotocheck import __version__
    result = cli("--version")
    assert result.exit_code == 0 and result.output.strip() == f"kotocheck {__version__}"


def test_text_output_has_location_severity_rule_basis_and_hint(cli):
    result = cli("validate", KEMIJARVI)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    first = lines[0]
    assert first.startswith(f"{KEMIJARVI}:") and "  virhe  L32.1  Valtuuston hyväksyntä" in first
    assert lines[1].startswith("    Peruste: Laki kotoutumisen edistämisestä 1386/2010, 32 §")
    assert "https://finlex.fi/" in lines[1]
    assert lines[2].startswith("    Vihje: ")
    assert lines[-1].startswith(f"{KEMIJARVI}: 1 virhe, ") and "kattavuus" in lines[-1]


def test_english_on_request(cli):
    result = cli("validate", KEMIJARVI, "--lang", "en")
    assert "  error  L32.1  Council approval: no approval decision is recorded" in result.output
    assert "    Basis: Act on the Promotion of Immigrant Integration 1386/2010, section 32" in result.output
    assert "virhe" not in result.output


def test_json_output(cli):
    result = cli("validate", KEMIJARVI, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    first = data["findings"][0]
    assert {"rule", "severity", "file", "line", "column", "message"} <= set(first)
    assert first["rule"] == "L32.1" and first["severity"] == "error" and first["status"] == "missing"
    rules = {f["rule"] for f in data["findings"]}
    assert "5.10" in rules and "6.4" in rules
    assert data["files"][0]["statuses"]["5.1"] == "covered"


def test_fail_on_level_sets_the_exit_code(cli):
    assert cli("validate", ROVANIEMI).exit_code == 0  # warnings only
    assert cli("validate", ROVANIEMI, "--fail-on", "warning").exit_code == 1
    assert cli("validate", ROVANIEMI, "--fail-on", "info").exit_code == 1


def test_several_files_in_one_run(cli):
    result = cli("validate", KEMIJARVI, ROVANIEMI, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("Total 2 files: ")


def test_waivers_are_shown_and_not_reported_as_missing(cli, tmp_path):
    from conftest import read_yaml, write_yaml
    data = read_yaml(KEMIJARVI)
    data["not_applicable"] = [{"item": "5.8", "reason": "Ei kansainvälistä suojelua saavia asukkaita."}]
    del data["sections"]["international_protection"]
    path = write_yaml(tmp_path / "waived.yaml", data)
    result = cli("validate", path)
    assert "  5.8  " not in result.output.replace("ei sovellu  5.8", "")
    assert "ei sovellu  5.8  Kansainvälistä ja tilapäistä suojelua saavat: Ei kansainvälistä suojelua saavia asukkaita." in result.output
    assert "1 ei sovellu" in result.output.splitlines()[-1]


def test_a_waiver_on_an_item_the_document_covers_is_noticed(cli, tmp_path):
    from conftest import read_yaml, write_yaml
    data = read_yaml(KEMIJARVI)
    data["not_applicable"] = [{"item": "5.9", "reason": "Väärä kohta."}]
    path = write_yaml(tmp_path / "waived.yaml", data)
    result = cli("validate", path, "--lang", "en", "--format", "json")
    notice = [f for f in json.loads(result.output)["findings"] if f["rule"] == "waiver.covered"]
    assert notice and notice[0]["severity"] == "info" and "'5.9'" in notice[0]["message"]


def test_plain_text_when_piped_and_no_colour_codes():
    env = {**os.environ, "KOTOCHECK_TODAY": TODAY}
    result = subprocess.run([sys.executable, "-m", "kotocheck", "validate", str(KEMIJARVI)], capture_output=True,
                            text=True, env=env, cwd=ROOT)
    assert result.returncode == 1 and "\x1b[" not in result.stdout and result.stderr == ""


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    """Run under a pseudo-terminal: rich colours appear, and NO_COLOR removes them."""
    import pty

    def run(extra_env):
        env = {**os.environ, "KOTOCHECK_TODAY": TODAY, "TERM": "xterm-256color", **extra_env}
        env.pop("NO_COLOR", None) if "NO_COLOR" not in extra_env else None
        main, secondary = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "kotocheck", "validate", str(ROVANIEMI)], stdout=secondary,
                                stderr=secondary, env=env, cwd=ROOT)
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait()
        os.close(main)
        return b"".join(chunks).decode()

    assert "\x1b[" in run({})
    assert "\x1b[" not in run({"NO_COLOR": "1"})


def test_github_format_is_chosen_under_github_actions_and_fills_the_step_summary(cli, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(ROOT)}
    result = cli("validate", KEMIJARVI, env=env)
    assert result.exit_code == 1
    assert result.output.startswith("::group::examples/kemijarvi-2023-2025.yaml\n")
    assert "::error file=examples/kemijarvi-2023-2025.yaml,line=" in result.output
    written = summary.read_text()
    assert written.startswith("# earlier step\n") and "L32.1" in written and "12/36" in written


def test_every_ci_format_through_the_command_line(cli, tmp_path):
    import xml.etree.ElementTree as ET

    for fmt in ("gitlab", "sarif", "junit"):
        result = cli("validate", KEMIJARVI, "--format", fmt, "--exit-zero")
        assert result.exit_code == 0
        if fmt == "junit":
            assert ET.fromstring(result.output).tag == "testsuites"
        else:
            json.loads(result.output)
