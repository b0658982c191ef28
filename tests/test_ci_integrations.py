"""The CI integrations under the real tools' rules (issue 10, items 13, 14, 15 and the step
summary case of item 10): what pre-commit passes to the hooks and when it skips them, what the
Action and the GitLab template check when no paths are given, the step summary's size and
severities, the JUnit report against the common junit-10.xsd, and `-o` into a new folder.

The hooks, the Action's steps and the template's lines run as in tests/test_integration.py
(whose helpers this file uses), with the real kotocheck and a pip stub."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, read_yaml
from test_integration import (REPO, all_files, edit, environment, gitlab_job, hook, run, run_action,
                              run_gitlab_job, selected, stubs)  # noqa: F401  (stubs is a fixture)

JUNIT_XSD = ROOT.parent / "shared" / "reference" / "junit" / "junit-10.xsd"
MIB = 1024 * 1024


@pytest.fixture
def repo(tmp_path):
    """A copy of the example repository, a git repository as pre-commit sees it (a .git folder)."""
    copy = Path(shutil.copytree(REPO, tmp_path / "repo"))
    (copy / ".git").mkdir()
    return copy


def run_hook(hook_id: str, cwd: Path, changed: list[str]) -> subprocess.CompletedProcess | None:
    """The hook as pre-commit runs it for a commit that changes `changed`; None when pre-commit
    skips it, which it does when none of the changed files is selected (the commit passes)."""
    spec = hook(hook_id)
    names = selected(spec, changed)
    if not names:
        return None
    passed = names if spec.get("pass_filenames", True) else []
    return run([*shlex.split(spec["entry"]), *spec.get("args", []), *passed], cwd, environment())


def failed(result: subprocess.CompletedProcess | None) -> bool:
    return result is not None and result.returncode != 0


def validate(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return run(["kotocheck", "validate", *args], cwd, environment(**env))


def drop_waivers(repo: Path) -> None:
    toml = repo / "kotocheck.toml"
    toml.write_text(re.sub(r"\[\[waivers\]\].*?\n\n", "", toml.read_text(encoding="utf-8"), flags=re.DOTALL),
                    encoding="utf-8")


# --- 13. pre-commit ------------------------------------------------------------------------------

def test_a_commit_that_changes_only_the_settings_runs_the_validate_hook(repo):
    drop_waivers(repo)  # the follow-up's waived items S1.3 and S1.4 count again: warnings, and fail_on = "warning"
    result = run_hook("kotocheck", repo, ["kotocheck.toml"])
    assert failed(result), "pre-commit skipped the hook: kotocheck.toml is not selected"
    assert "seuranta/seuranta-2025.yaml" in result.stdout and "S1.3" in result.stdout


def test_a_settings_file_stands_for_its_paths_or_else_every_document_in_its_folder(repo):
    listed = validate(repo, "--list-files", "kotocheck.toml")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["ohjelma/ohjelma.yaml", "palvelut/kotoutumisohjelma.yaml",
                                     "seuranta/seuranta-2025.yaml"]
    (repo / "muistiot").mkdir()
    shutil.copy(EXAMPLES / "kemijarvi-2023-2025.yaml", repo / "muistiot" / "vanha.yaml")
    toml = repo / "kotocheck.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('paths = ["ohjelma", "palvelut", "seuranta"]\n', ""),
                    encoding="utf-8")
    listed = validate(repo, "--list-files", "kotocheck.toml")
    assert listed.stdout.split() == ["muistiot/vanha.yaml", "ohjelma/ohjelma.yaml", "palvelut/kotoutumisohjelma.yaml",
                                     "seuranta/seuranta-2025.yaml"]


def test_a_changed_pyproject_without_kotocheck_settings_checks_nothing_and_passes(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = run_hook("kotocheck", tmp_path, ["pyproject.toml"])
    assert result is not None and result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == result.stderr == ""


def test_renaming_a_goal_in_the_programme_fails_the_commit_through_the_follow_up(repo):
    edit(repo / "ohjelma" / "ohjelma.yaml", "  - id: G1\n", "  - id: G7\n")
    alone = validate(repo, "ohjelma/ohjelma.yaml")
    assert alone.returncode == 0, alone.stdout  # the programme itself is still fine
    result = run_hook("kotocheck", repo, ["ohjelma/ohjelma.yaml"])
    assert failed(result)
    assert re.search(r"^seuranta/seuranta-2025\.yaml:\d+:\d+ .*G1", result.stdout, re.MULTILINE), result.stdout


def test_a_changed_services_document_brings_in_the_programme_that_names_it(repo):
    listed = validate(repo, "--list-files", "--with-referrers", "palvelut/kotoutumisohjelma.yaml")
    assert listed.stdout.split() == ["palvelut/kotoutumisohjelma.yaml", "ohjelma/ohjelma.yaml"]
    # the follow-up names the programme, not the services document; a document naming neither stays out
    listed = validate(repo, "--list-files", "--with-referrers", "seuranta/seuranta-2025.yaml")
    assert listed.stdout.split() == ["seuranta/seuranta-2025.yaml"]


def test_referrers_are_found_across_the_repository_only_through_their_own_reference(repo):
    # a second follow-up elsewhere that names the programme, and one naming a file of the same name elsewhere
    (repo / "arkisto" / "ohjelma").mkdir(parents=True)
    shutil.copy(repo / "seuranta" / "seuranta-2025.yaml", repo / "arkisto" / "seuranta-2024.yaml")
    edit(repo / "arkisto" / "seuranta-2024.yaml", "programme: ../ohjelma/ohjelma.yaml",
         "programme: '../ohjelma/ohjelma.yaml'")
    shutil.copy(repo / "seuranta" / "seuranta-2025.yaml", repo / "arkisto" / "muu.yaml")
    edit(repo / "arkisto" / "muu.yaml", "programme: ../ohjelma/ohjelma.yaml", "programme: ohjelma/ohjelma.yaml")
    listed = validate(repo, "--list-files", "--with-referrers", "ohjelma/ohjelma.yaml")
    assert listed.stdout.split() == ["ohjelma/ohjelma.yaml", "arkisto/seuranta-2024.yaml",
                                     "seuranta/seuranta-2025.yaml"]
    shutil.copy(repo / "ohjelma" / "ohjelma.yaml", repo / "arkisto" / "ohjelma" / "ohjelma.yaml")
    edit(repo / "arkisto" / "ohjelma" / "ohjelma.yaml", "file: ../palvelut/kotoutumisohjelma.yaml",
         "file: ../../palvelut/kotoutumisohjelma.yaml")
    listed = validate(repo, "--list-files", "--with-referrers", "arkisto/ohjelma/ohjelma.yaml")
    assert listed.stdout.split() == ["arkisto/ohjelma/ohjelma.yaml", "arkisto/muu.yaml"]


def test_the_render_hook_finds_the_settings_in_a_subfolder(tmp_path, repo):
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / ".git").mkdir()
    shutil.rmtree(repo / ".git")
    shutil.move(repo, outer / "asiakirjat")
    result = run_hook("kotocheck-render", outer, ["asiakirjat/ohjelma/ohjelma.yaml"])
    assert result is not None and result.returncode == 0, result.stdout + result.stderr
    edit(outer / "asiakirjat" / "ohjelma" / "ohjelma.yaml", "Kvalt 16.6.2025 § 48", "Kvalt 16.6.2025 § 49")
    result = run_hook("kotocheck-render", outer, ["asiakirjat/ohjelma/ohjelma.yaml"])
    assert result.returncode == 1 and result.stdout == (
        "asiakirjat/julkaisu/ohjelma.html on vanhentunut: päivitä komennolla kotocheck render asiakirjat/ohjelma/ohjelma.yaml "
        "-o asiakirjat/julkaisu/ohjelma.html\n")


def test_settings_below_finds_the_settings_files_a_repository_keeps_in_subfolders(tmp_path):
    from kotocheck.discovery import settings_below

    for name in ["a/kotocheck.toml", "a/b/pyproject.toml", ".hidden/kotocheck.toml", "node_modules/x/kotocheck.toml",
                 "kotocheck.toml", "c/kotocheck.toml.bak"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in settings_below(tmp_path)]
    assert found == ["kotocheck.toml", "a/kotocheck.toml", "a/b/pyproject.toml"]


# --- 14. severities, paths, the step summary, -o into a new folder ----------------------------------

def without_status(repo: Path) -> None:
    """S2.1 (a measure's traffic light, a warning in the checklist) goes missing; the example's
    kotocheck.toml makes it an error."""
    edit(repo / "seuranta" / "seuranta-2025.yaml", "        status: red\n", "")


def test_the_gap_report_shows_the_severity_of_the_settings(repo):
    without_status(repo)
    result = run(["kotocheck", "report", "seuranta/seuranta-2025.yaml", "--format", "json"], repo, environment())
    assert result.returncode == 0, result.stderr
    item = next(i for i in json.loads(result.stdout)["items"] if i["id"] == "S2.1")
    assert (item["status"], item["severity"]) == ("partial", "error")
    markdown = run(["kotocheck", "report", "seuranta/seuranta-2025.yaml", "--format", "md"], repo, environment())
    section = markdown.stdout.split("S2.1", 1)[1].split("\n#", 1)[0]
    assert "- Vakavuus: virhe" in section and "varoitus" not in section


def test_the_step_summary_and_junit_show_the_severity_of_the_settings(repo, tmp_path):
    without_status(repo)
    summary = tmp_path / "summary.md"
    result = validate(repo, "--format", "github", GITHUB_STEP_SUMMARY=str(summary), GITHUB_WORKSPACE=str(repo))
    assert result.returncode == 1
    assert "::error file=seuranta/seuranta-2025.yaml" in result.stdout
    [row] = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| S2.1 ")]
    assert row.split(" | ")[2:4] == ["osittain", "virhe"], row  # item | title | status | severity | line
    junit = ET.fromstring(validate(repo, "--format", "junit", "--exit-zero", CI_PROJECT_DIR=str(repo)).stdout)
    [failure] = [c.find("failure") for c in junit.iter("testcase") if c.get("name").startswith("S2.1 ")]
    assert failure.get("type") == "error"


def add_draft(repo: Path) -> None:
    """A document outside the settings' paths, with errors: a draft nobody checks yet."""
    (repo / "luonnokset").mkdir()
    shutil.copy(EXAMPLES / "kemijarvi-2023-2025.yaml", repo / "luonnokset" / "vanha.yaml")


def test_the_action_without_paths_checks_the_paths_of_the_settings(repo, tmp_path, stubs):
    add_draft(repo)
    result = run_action(repo, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "luonnokset" not in result.stdout
    assert "::group::seuranta/seuranta-2025.yaml" in result.stdout
    given = run_action(repo, tmp_path, stubs, paths="luonnokset")  # given paths win, as before
    assert given.returncode == 1 and "::error file=luonnokset/vanha.yaml" in given.stdout


def test_the_action_without_paths_or_settings_checks_the_whole_repository(tmp_path, stubs):
    work = tmp_path / "work"
    (work / "ohjelma").mkdir(parents=True)
    shutil.copy(EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml", work / "ohjelma" / "palvelut.yaml")
    result = run_action(work, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr  # not "no files" (exit 2)
    assert "::group::ohjelma/palvelut.yaml" in result.stdout


def test_the_gitlab_job_without_paths_checks_the_paths_of_the_settings(repo, tmp_path, stubs):
    add_draft(repo)
    result = run_gitlab_job(gitlab_job(read_yaml(REPO / ".gitlab-ci.yml")), repo, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr
    quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert quality == []
    suites = [s.get("name") for s in ET.parse(repo / "kotocheck-junit.xml").getroot().iter("testsuite")]
    assert suites == ["ohjelma/ohjelma.yaml", "palvelut/kotoutumisohjelma.yaml", "seuranta/seuranta-2025.yaml"]


def test_the_gitlab_job_without_paths_or_settings_checks_the_whole_repository(tmp_path, stubs):
    work = tmp_path / "work"
    (work / "ohjelma").mkdir(parents=True)
    shutil.copy(EXAMPLES / "kemijarvi-2023-2025.yaml", work / "ohjelma" / "ohjelma.yaml")
    result = run_gitlab_job(gitlab_job({"kotocheck": {}}), work, tmp_path, stubs)  # {} would change the shared TEMPLATE
    assert result.returncode == 1, result.stdout + result.stderr  # errors found, not "no files" (exit 2)
    suites = [s.get("name") for s in ET.parse(work / "kotocheck-junit.xml").getroot().iter("testsuite")]
    assert suites == ["ohjelma/ohjelma.yaml"]


NOTE_FI = "*Yhteenveto on katkaistu, koska GitHub näyttää enintään 1 MiB."


def test_the_step_summary_stays_within_githubs_limit_with_a_note(tmp_path):
    # an earlier step of the same job left almost 1 MiB: what kotocheck appends must fit in the rest
    summary = tmp_path / "summary.md"
    earlier = ("x" * 99 + "\n") * ((MIB - 1000) // 100)
    summary.write_text(earlier, encoding="utf-8")
    result = validate(ROOT, "--format", "github", "examples/kemijarvi-2023-2025.yaml",
                      GITHUB_STEP_SUMMARY=str(summary), GITHUB_WORKSPACE=str(ROOT))
    assert result.returncode == 1 and result.stderr == ""
    data = summary.read_bytes()
    assert len(data) <= MIB
    text = data.decode("utf-8")
    assert text.startswith(earlier + "# kotocheck\n")
    assert text.endswith("\n\n" + NOTE_FI + " Kaikki havainnot ovat työn lokissa; koko raportti: "
                                            "kotocheck validate --format json.*\n")


def test_a_step_summary_that_fits_is_not_cut(tmp_path):
    summary = tmp_path / "summary.md"
    result = validate(ROOT, "--format", "github", "--lang", "en", "examples/kemijarvi-2023-2025.yaml",
                      GITHUB_STEP_SUMMARY=str(summary), GITHUB_WORKSPACE=str(ROOT))
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert "cut short" not in text and text.startswith("# kotocheck\n") and "| L32.1 |" in text


def test_the_step_summary_is_cut_at_a_line_and_the_note_is_in_its_language():
    from kotocheck.engine import check_file
    from kotocheck.reporters import github

    result = check_file(EXAMPLES / "kemijarvi-2023-2025.yaml")
    full = github.step_summary([result], "en")
    cut = github.step_summary([result], "en", limit=1000)
    assert len(cut.encode("utf-8")) <= 1000 < len(full.encode("utf-8"))
    body, note = cut.rsplit("\n\n", 1)
    assert full.startswith(body + "\n")
    assert note == ("*The summary was cut short: GitHub shows at most 1 MiB. Every finding is in the job log; "
                    "the full report: kotocheck validate --format json.*\n")
    assert github.step_summary([result], "en", limit=50) == ""  # not even the note fits


def test_schema_writes_into_a_folder_it_creates(tmp_path):
    result = run(["kotocheck", "schema", "--kind", "followup", "-o", "schemas/followup.schema.json"], tmp_path,
                 environment())
    assert result.returncode == 0, result.stderr
    written = json.loads((tmp_path / "schemas" / "followup.schema.json").read_text(encoding="utf-8"))
    assert written["$schema"].startswith("http://json-schema.org/draft-07/")
    nested = run(["kotocheck", "report", str(EXAMPLES / "kemijarvi-2023-2025.yaml"), "-o", "a/b/puutteet.md"],
                 tmp_path, environment())
    assert nested.returncode == 0 and (tmp_path / "a" / "b" / "puutteet.md").read_text(encoding="utf-8")


def test_a_missing_folder_is_not_created_through_a_file_and_a_failed_write_leaves_no_folder(tmp_path, monkeypatch):
    from kotocheck import output

    (tmp_path / "tiedosto").write_text("", encoding="utf-8")
    result = run(["kotocheck", "schema", "-o", "tiedosto/x/y.json"], tmp_path, environment())
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert (tmp_path / "tiedosto").is_file()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.tempfile, "mkstemp", full)
    with pytest.raises(output.OutputError, match="No space left on device"):
        output.write_atomic(tmp_path / "uusi" / "alla" / "x.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiedosto"]  # the folders made for it are gone


def test_creating_folders_keeps_the_guards_of_write_atomic(tmp_path):
    from kotocheck.output import write_atomic

    target = tmp_path / "kohde.md"
    target.write_text("vanha", encoding="utf-8")
    (tmp_path / "linkki.md").symlink_to(target)
    write_atomic(tmp_path / "linkki.md", "uusi")  # through the symlink, which stays
    assert (tmp_path / "linkki.md").is_symlink() and target.read_text(encoding="utf-8") == "uusi"
    os.mkfifo(tmp_path / "fifo")
    result = run(["kotocheck", "schema", "--force", "-o", "fifo"], tmp_path, environment())
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "fifo").is_file()


# --- 15. JUnit -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def junit_schema():
    import xmlschema  # the test extra has it: a missing validator must fail, not skip, this guard

    return xmlschema.XMLSchema(str(JUNIT_XSD))


def schema_errors(schema, text: str) -> list[str]:
    """junit-10.xsd's complaints, after taking away the one addition GitLab reads (testcase@file)."""
    root = ET.fromstring(text)
    for case in root.iter("testcase"):
        assert case.get("file"), ET.tostring(case, encoding="unicode")[:200]
        del case.attrib["file"]
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(ET.tostring(root, encoding="unicode"))]


def test_junit_is_valid_against_junit_10_xsd(junit_schema, tmp_path):
    (tmp_path / "rikki.yaml").write_text("kind: programme\ntitle: [\n", encoding="utf-8")
    files = [*(str(p) for p in sorted(EXAMPLES.glob("*.yaml"))), str(tmp_path / "rikki.yaml"),
             str(REPO / "seuranta" / "seuranta-2025.yaml")]
    result = validate(ROOT, "--format", "junit", "--exit-zero", *files)
    assert result.returncode == 2  # the broken file: an <error>, and the exit code says so
    root = ET.fromstring(result.stdout)
    assert {"failure", "skipped", "error", "system-out"} <= {e.tag for e in root.iter()}
    assert schema_errors(junit_schema, result.stdout) == []


def test_junit_of_no_files_is_valid_too(junit_schema):
    from kotocheck.reporters import junit

    assert schema_errors(junit_schema, junit.report([], "fi")) == []


def test_the_xsd_check_would_see_what_junit_10_does_not_allow(junit_schema):
    bad = ('<testsuites skipped="0"><testsuite name="a" tests="1" failures="0" errors="0">'
           '<testcase name="x" file="a"><failure/></testcase></testsuite></testsuites>')
    assert len(schema_errors(junit_schema, bad)) == 1  # testsuites@skipped; testcase@file is the allowed one


def test_info_gaps_pass_in_junit_when_validate_passes(repo, tmp_path, stubs):
    without_status(repo)
    edit(repo / "kotocheck.toml", '"S2.1" = "error"', '"S2.1" = "info"')
    result = run_gitlab_job(gitlab_job(read_yaml(REPO / ".gitlab-ci.yml")), repo, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr  # fail_on = "warning": info passes
    junit = ET.parse(repo / "kotocheck-junit.xml").getroot()
    assert not list(junit.iter("failure")) and junit.get("failures") == "0"
    [case] = [c for c in junit.iter("testcase") if c.get("name").startswith("S2.1 ")]
    assert "huomautus" in case.find("system-out").text and "status" in case.find("system-out").text
    quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [(q["check_name"], q["severity"]) for q in quality] == [("S2.1", "info")]  # still reported


def test_info_findings_of_the_tool_pass_in_junit_too():
    from kotocheck.findings import FileResult, Finding, Severity
    from kotocheck.reporters import junit

    advice = Finding(rule="waiver.covered", severity=Severity.INFO, file="a.yaml", line=3, column=5,
                     message={"fi": "Kohta on katettu.", "en": "The item is covered."})
    root = ET.fromstring(junit.report([FileResult(file="a.yaml", findings=[advice])], "en"))
    [case] = root.iter("testcase")
    assert case.find("failure") is None and case.find("system-out").text.startswith("3:5  info  The item is covered.")
    assert root.find("testsuite").get("failures") == "0"


# --- 10. the step summary cannot be written ----------------------------------------------------------

@pytest.mark.parametrize("where", ["folder", "missing-folder", "fifo"])
def test_a_step_summary_that_cannot_be_written_costs_one_line_not_the_verdict(tmp_path, where):
    target = tmp_path / "summary"
    if where == "folder":
        target.mkdir()
    elif where == "missing-folder":
        target = tmp_path / "puuttuu" / "summary.md"
    else:
        os.mkfifo(target)  # nobody reads it: opening it must not hang the run
    result = validate(REPO, "--format", "github", GITHUB_STEP_SUMMARY=str(target), GITHUB_WORKSPACE=str(REPO))
    assert result.returncode == 0, result.stderr
    assert "::group::seuranta/seuranta-2025.yaml" in result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith(f"kotocheck: yhteenvetoa ei voitu kirjoittaa tiedostoon {target} (")
    assert line.endswith("); havainnot ovat lokissa.")


# --- structural errors: no "every item covered" in the summary or JUnit ---------------------------

def test_structural_errors_keep_the_summary_and_junit_from_claiming_full_coverage(repo, tmp_path, junit_schema):
    """A mistyped traffic light ("keltainen") is a schema error: validate's line says the checklist
    could not be fully assessed, so the step summary and JUnit must not say every item is covered."""
    edit(repo / "seuranta" / "seuranta-2025.yaml", "        status: yellow\n", "        status: keltainen\n")
    summary = tmp_path / "summary.md"
    validate(repo, "--format", "github", "seuranta/seuranta-2025.yaml",
             GITHUB_STEP_SUMMARY=str(summary), GITHUB_WORKSPACE=str(repo))
    text = summary.read_text(encoding="utf-8")
    assert "Kaikki sovellettavat kohdat on katettu." not in text
    assert "Tarkistuslistaa ei voitu arvioida kokonaan rakennevirheiden vuoksi." in text
    counts = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert counts.rstrip().endswith("| – |"), counts  # no covered/applicable count beside the error
    junit = validate(repo, "--format", "junit", "--exit-zero", "seuranta/seuranta-2025.yaml", CI_PROJECT_DIR=str(repo))
    root = ET.fromstring(junit.stdout)
    assert ("complete", "false") in [(p.get("name"), p.get("value")) for p in root.iter("property")]
    passing = [c for c in root.iter("testcase") if c.get("name").startswith("S") and c.find("failure") is None
               and c.find("skipped") is None]
    assert passing and all("rakennevirheiden vuoksi" in (c.findtext("system-out") or "") for c in passing)
    assert schema_errors(junit_schema, junit.stdout) == []
