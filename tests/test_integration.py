"""kotocheck where municipalities run it: the pre-commit hooks, the GitHub Action, the GitLab CI
template, and the example repository that uses all three with its kotocheck.toml.

The hooks, the action's run steps and the template's script lines are executed as pre-commit,
GitHub and GitLab would run them, with the kotocheck installed beside this Python. `pip install`
is answered by a stub that records what it was asked to install, so nothing touches the network."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, TODAY, read_yaml

REPO = EXAMPLES / "municipality-repo"
BIN = Path(sys.executable).parent  # where pip put the kotocheck script
HOOKS = read_yaml(ROOT / ".pre-commit-hooks.yaml")
ACTION = read_yaml(ROOT / "action.yml")
TEMPLATE = read_yaml(ROOT / "ci" / "kotocheck.gitlab-ci.yml")
PROJECT = "kotocheck/kotocheck"  # where the example repository gets the action, hooks and template from

STUB_PYTHON = """#!/bin/sh
# `python -m pip ...` is recorded, not run; anything else goes to the real Python.
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then
  shift 2
  echo "$*" >> "$STUB_LOG"
  exit 0
fi
exec "{python}" "$@"
"""
STUB_KOTOCHECK = """#!/bin/sh
# Records its arguments, one per line, instead of checking anything.
printf '%s\\n' "$@" > "$STUB_LOG"
"""


@pytest.fixture
def stubs(tmp_path):
    """A bin folder whose python answers pip; `fake_kotocheck()` adds a kotocheck that records its arguments."""
    folder = tmp_path / "stub-bin"
    folder.mkdir()
    log = tmp_path / "stub.log"

    def write(name: str, text: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)

    write("python", STUB_PYTHON.format(python=sys.executable))

    class Stubs:
        bin = folder

        @staticmethod
        def log() -> str:
            return log.read_text(encoding="utf-8") if log.exists() else ""

        @staticmethod
        def fake_kotocheck() -> None:
            write("kotocheck", STUB_KOTOCHECK)

    Stubs.env = {"STUB_LOG": str(log)}
    return Stubs


def environment(*first: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing of the CI that runs these tests (GITHUB_ACTIONS…) leaks in."""
    path = os.pathsep.join([*map(str, first), str(BIN), "/usr/local/bin", "/usr/bin", "/bin"])
    return {"PATH": path, "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8", "NO_COLOR": "1",
            "KOTOCHECK_TODAY": TODAY, **extra}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def bash(script: str, cwd: Path, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """A script as GitHub's `shell: bash` (and GitLab's runner) run it: bash -e with pipefail."""
    file = tmp_path / f"script-{abs(hash(script))}.sh"
    file.write_text(script, encoding="utf-8")
    return run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(file)], cwd, env)


@pytest.fixture
def repo(tmp_path):
    """A copy of the example repository to change."""
    return Path(shutil.copytree(REPO, tmp_path / "repo"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def all_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# --- pre-commit hooks ----------------------------------------------------------------------------

def hook(hook_id: str) -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def selected(spec: dict, files: list[str]) -> list[str]:
    """The files pre-commit passes to a hook: `files` and `exclude` are searched, `types` are tags."""
    wanted = [f for f in files if re.search(spec.get("files", ""), f) and not re.search(spec.get("exclude", "^$"), f)]
    if "yaml" in spec.get("types", []):
        wanted = [f for f in wanted if f.endswith((".yaml", ".yml"))]
    return wanted


def run_hook(hook_id: str, cwd: Path, files: list[str]) -> subprocess.CompletedProcess:
    spec = hook(hook_id)
    names = selected(spec, files) if spec.get("pass_filenames", True) else []
    return run([*shlex.split(spec["entry"]), *spec.get("args", []), *names], cwd, environment())


def test_the_hooks_manifest_declares_both_hooks_as_python():
    assert [h["id"] for h in HOOKS] == ["kotocheck", "kotocheck-render"]
    for spec in HOOKS:
        assert spec["language"] == "python" and spec["name"] and spec["description"]
        assert shlex.split(spec["entry"])[0] == "kotocheck"
    assert shlex.split(hook("kotocheck")["entry"]) == ["kotocheck", "validate", "--with-referrers"]
    assert "types" not in hook("kotocheck")  # `files` selects the YAML documents and the settings files
    assert shlex.split(hook("kotocheck-render")["entry"]) == ["kotocheck", "render", "--check"]
    assert hook("kotocheck-render")["pass_filenames"] is False


def test_the_validate_hook_gets_the_documents_and_not_the_ci_settings():
    names = selected(hook("kotocheck"), all_files(REPO))
    assert names == ["kotocheck.toml", "ohjelma/ohjelma.yaml", "palvelut/kotoutumisohjelma.yaml",
                     "seuranta/seuranta-2025.yaml"]  # the settings too: they change the documents' verdicts


@pytest.mark.parametrize("changed, runs", [
    ("ohjelma/ohjelma.yaml", True), ("seuranta/seuranta-2025.yml", True), ("kotocheck.toml", True),
    ("pyproject.toml", True), ("pohjat/programme.md", True), ("pohjat/html/style.css", True),
    ("pohjat/labels.yaml", True), ("julkaisu/ohjelma.html", True), ("kuvat/logo.png", False),
    ("muistio.docx", False), ("muu.toml", False),
])
def test_the_render_hook_runs_when_sources_templates_settings_or_outputs_change(changed, runs):
    assert bool(re.search(hook("kotocheck-render")["files"], changed)) is runs


def test_the_hooks_pass_on_the_example_repository():
    files = all_files(REPO)
    validated = run_hook("kotocheck", REPO, files)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "seuranta/seuranta-2025.yaml" in validated.stdout
    rendered = run_hook("kotocheck-render", REPO, files)
    assert rendered.returncode == 0 and rendered.stdout == "", rendered.stdout + rendered.stderr


def test_the_validate_hook_stops_a_commit_that_breaks_a_document(repo):
    edit(repo / "seuranta" / "seuranta-2025.yaml", "measure: G1.M3", "measure: G1.M9")
    result = run_hook("kotocheck", repo, all_files(repo))
    assert result.returncode == 1 and "S1.2" in result.stdout and "G1.M9" in result.stdout


def test_the_render_hook_stops_a_commit_that_leaves_the_publication_stale(repo):
    edit(repo / "ohjelma" / "ohjelma.yaml", "Kvalt 16.6.2025 § 48", "Kvalt 16.6.2025 § 49")
    result = run_hook("kotocheck-render", repo, all_files(repo))
    assert result.returncode == 1
    assert result.stdout == ("julkaisu/ohjelma.html on vanhentunut: "
                             "päivitä komennolla kotocheck render ohjelma/ohjelma.yaml -o julkaisu/ohjelma.html\n")
    fix = run(shlex.split(result.stdout.split(": päivitä komennolla ", 1)[1]), repo, environment())
    assert fix.returncode == 0 and run_hook("kotocheck-render", repo, all_files(repo)).returncode == 0


def test_the_example_pre_commit_config_uses_the_hooks_of_this_project():
    config = read_yaml(REPO / ".pre-commit-config.yaml")
    [entry] = config["repos"]
    assert entry["repo"] == f"https://github.com/{PROJECT}" and entry["rev"]
    assert [h["id"] for h in entry["hooks"]] == [h["id"] for h in HOOKS]


# --- the GitHub Action ---------------------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def substitute(text: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.x }}` and `${{ github.action_path }}` as the runner fills them in."""
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        assert name == "github.action_path", f"the test does not know the expression {name!r}"
        return str(ROOT)
    return EXPRESSION.sub(value, text)


def action_inputs(**given: str) -> dict[str, str]:
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    unknown = set(given) - set(values)
    assert not unknown, f"the action has no inputs {unknown}"
    return {**values, **given}


def run_action(cwd: Path, tmp_path: Path, stubs, only: str | None = None, **given: str) -> subprocess.CompletedProcess:
    """The action's run steps in order, as the runner would run them; stops at the first failing step.
    `only` runs just the step with that name."""
    inputs = action_inputs(**{k.replace("_", "-"): v for k, v in given.items()})
    result = None
    for step in ACTION["runs"]["steps"]:
        if "run" not in step or (only and step.get("name") != only):
            continue
        env = environment(stubs.bin, **stubs.env, GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(ROOT),
                          GITHUB_WORKSPACE=str(cwd))
        env.update({k: substitute(str(v), inputs) for k, v in step.get("env", {}).items()})
        result = bash(substitute(step["run"], inputs), cwd, env, tmp_path)
        if result.returncode != 0:
            break
    assert result is not None, f"no run step named {only}"
    return result


def test_the_action_is_valid_composite_action_metadata():
    assert isinstance(ACTION["name"], str) and isinstance(ACTION["description"], str)
    assert set(ACTION.get("branding", {})) <= {"icon", "color"}
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    for step in steps:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
    for name, spec in ACTION["inputs"].items():
        assert re.fullmatch(r"[a-z][a-z0-9-]*", name) and spec["description"]
        assert isinstance(spec.get("default", ""), str)
    assert ACTION["inputs"]["paths"]["default"] == ""  # the settings' paths, else "."
    assert {"paths", "fail-on", "args", "version", "python-version"} <= set(ACTION["inputs"])
    setup = steps[0]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"


def test_the_action_passes_inputs_through_the_environment_never_into_the_script():
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(EXPRESSION.findall(text))
    assert used <= {f"inputs.{name}" for name in ACTION["inputs"]} | {"github.action_path"}
    for step in ACTION["runs"]["steps"]:
        assert not EXPRESSION.search(step.get("run", "")), "an input pasted into a script can inject commands"


@pytest.mark.parametrize("version, installs", [("", str(ROOT)), ("0.1.0", "kotocheck==0.1.0")])
def test_the_action_installs_its_own_checkout_or_the_version_asked_for(tmp_path, stubs, version, installs):
    result = run_action(tmp_path, tmp_path, stubs, only="Install kotocheck", version=version)
    assert result.returncode == 0, result.stderr
    [command] = stubs.log().splitlines()
    assert command.startswith("install ") and command.split()[-1] == installs
    assert result.stdout.strip() == "kotocheck 0.1.0"  # the installed command answers


@pytest.mark.parametrize("given, expected", [
    ({}, ["validate", "--format", "github", "."]),
    ({"paths": "examples/esimerkkila-*.yaml ci", "fail_on": "warning", "args": "--lang en"},
     ["validate", "--format", "github", "--fail-on", "warning", "--lang", "en",
      "examples/esimerkkila-2025-2028.yaml", "examples/esimerkkila-kotoutumisohjelma-2025.yaml",
      "examples/esimerkkila-seuranta-2025.yaml", "ci"]),
])
def test_the_action_validates_with_the_inputs_as_a_command_line(tmp_path, stubs, given, expected):
    stubs.fake_kotocheck()
    result = run_action(ROOT, tmp_path, stubs, only="Validate", **given)
    assert result.returncode == 0, result.stderr
    assert stubs.log().splitlines() == expected


def test_the_action_annotates_the_findings_and_fails_on_errors(tmp_path, stubs):
    result = run_action(ROOT, tmp_path, stubs, paths="examples/kemijarvi-2023-2025.yaml")
    assert result.returncode == 1
    assert re.search(r"^::error file=examples/kemijarvi-2023-2025\.yaml,line=\d+", result.stdout, re.MULTILINE)
    assert re.search(r"^::warning ", result.stdout, re.MULTILINE)


def test_the_action_fails_on_warnings_only_when_asked(tmp_path, stubs):
    example = "examples/rovaniemi-seuranta-2022-2025.yaml"
    default = run_action(ROOT, tmp_path, stubs, paths=example)
    assert default.returncode == 0 and re.search(r"^::warning file=", default.stdout, re.MULTILINE)
    assert "::error" not in default.stdout
    assert run_action(ROOT, tmp_path, stubs, paths=example, fail_on="warning").returncode == 1
    assert run_action(ROOT, tmp_path, stubs, paths=example, args="--fail-on warning").returncode == 1


def test_the_action_runs_clean_on_the_example_repository(tmp_path, stubs):
    result = run_action(REPO, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^::(error|warning)", result.stdout, re.MULTILINE)


def test_the_example_workflow_uses_the_action_and_checks_the_publications():
    workflow = read_yaml(REPO / ".github" / "workflows" / "kotocheck.yml")
    steps = workflow["jobs"]["kotocheck"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses[0].startswith("actions/checkout@") and uses[1].startswith(f"{PROJECT}@")
    assert [s["run"] for s in steps if "run" in s] == ["kotocheck render --check"]


# --- the GitLab CI template ----------------------------------------------------------------------

def merged(base: dict, override: dict) -> dict:
    """GitLab's `extends` and `include`: mappings are merged key by key, anything else replaced."""
    out = dict(base)
    for key, value in override.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def gitlab_job(local: dict) -> dict:
    """The `kotocheck` job as GitLab sees it with the template included in `local`."""
    job = merged(TEMPLATE, local)["kotocheck"]
    parent = TEMPLATE[job.pop("extends")]
    return merged(parent, job)


def run_gitlab_job(job: dict, cwd: Path, tmp_path: Path, stubs) -> subprocess.CompletedProcess:
    variables = {k: str(v) for k, v in job.get("variables", {}).items()}
    lines = [*job.get("before_script", []), *job["script"]]
    env = environment(stubs.bin, **stubs.env, GITLAB_CI="true", CI="true", CI_PROJECT_DIR=str(cwd), **variables)
    return bash("\n".join(lines) + "\n", cwd, env, tmp_path)


def test_the_gitlab_template_has_a_hidden_job_and_a_job_that_extends_it():
    hidden = TEMPLATE[".kotocheck"]
    assert hidden["image"] == "python:3.11" and hidden["stage"] == "test"
    assert TEMPLATE["kotocheck"] == {"extends": ".kotocheck"}
    assert any("pip install" in line for line in hidden["before_script"])
    script = hidden["script"]
    reports = hidden["artifacts"]["reports"]
    assert hidden["artifacts"]["when"] == "always"
    assert reports == {"codequality": "gl-code-quality-report.json", "junit": "kotocheck-junit.xml"}
    for fmt, target in [("gitlab", reports["codequality"]), ("junit", reports["junit"])]:
        [line] = [line for line in script if f"--format {fmt}" in line]
        assert "--exit-zero" in line and line.endswith(f"> {target}")
    last = shlex.split(script[-1])
    assert last[:2] == ["kotocheck", "validate"] and "--exit-zero" not in last and "--format" not in last


def test_the_example_gitlab_ci_includes_the_template_of_this_project():
    local = read_yaml(REPO / ".gitlab-ci.yml")
    [include] = local["include"]
    assert include["remote"].startswith(f"https://raw.githubusercontent.com/{PROJECT}/")
    assert include["remote"].endswith("/ci/kotocheck.gitlab-ci.yml")
    assert gitlab_job(local)["variables"]["KOTOCHECK_PACKAGE"].startswith("kotocheck @ git+https://github.com/kotocheck/kotocheck@")


def test_the_gitlab_job_writes_both_reports_and_passes_on_the_example(repo, tmp_path, stubs):
    job = gitlab_job(read_yaml(REPO / ".gitlab-ci.yml"))
    result = run_gitlab_job(job, repo, tmp_path, stubs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stubs.log().split()[-1].startswith("git+https://github.com/kotocheck/kotocheck@")
    quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert quality == []  # the waiver in kotocheck.toml leaves nothing to report
    junit = ET.parse(repo / "kotocheck-junit.xml").getroot()
    assert junit.tag in ("testsuites", "testsuite")
    assert not list(junit.iter("failure"))


def test_the_gitlab_job_reports_the_findings_and_fails_on_errors(repo, tmp_path, stubs):
    edit(repo / "seuranta" / "seuranta-2025.yaml", "measure: G1.M3", "measure: G1.M9")
    result = run_gitlab_job(gitlab_job({}), repo, tmp_path, stubs)
    assert result.returncode == 1  # the last, plain run
    quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert isinstance(quality, list) and quality
    assert {"seuranta/seuranta-2025.yaml"} == {issue["location"]["path"] for issue in quality}
    assert all(issue["description"] and issue["fingerprint"] for issue in quality)
    junit = ET.parse(repo / "kotocheck-junit.xml").getroot()
    assert any("G1.M9" in ET.tostring(f, encoding="unicode") for f in junit.iter("failure"))


def test_the_example_render_job_runs_on_gitlab(repo, tmp_path, stubs):
    job = read_yaml(REPO / ".gitlab-ci.yml")["kotocheck-render"]
    assert job["image"] == "python:3.11"
    assert run_gitlab_job(job, repo, tmp_path, stubs).returncode == 0
    edit(repo / "ohjelma" / "ohjelma.yaml", "Kvalt 16.6.2025 § 48", "Kvalt 16.6.2025 § 49")
    assert run_gitlab_job(job, repo, tmp_path, stubs).returncode == 1


# --- the example repository and its kotocheck.toml ----------------------------------------------

def validate(cwd: Path, *args: str, today: str = TODAY) -> subprocess.CompletedProcess:
    return run(["kotocheck", "validate", *args], cwd, environment(KOTOCHECK_TODAY=today))


def test_the_example_repository_validates_clean_with_its_settings():
    result = validate(ROOT, "examples/municipality-repo", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] == []
    files = {(ROOT / f["file"]).resolve().relative_to(REPO).as_posix(): f for f in report["files"]}
    assert sorted(files) == ["ohjelma/ohjelma.yaml", "palvelut/kotoutumisohjelma.yaml", "seuranta/seuranta-2025.yaml"]
    waivers = files["seuranta/seuranta-2025.yaml"]["waivers"]
    assert [(w["item"], w["origin"], w["applied"]) for w in waivers] == [("S1.3", "config", True), ("S1.4", "config", True)]
    assert files["seuranta/seuranta-2025.yaml"]["statuses"]["S1.3"] == "not_applicable"
    assert files["seuranta/seuranta-2025.yaml"]["statuses"]["S1.4"] == "not_applicable"


def test_the_settings_paths_are_what_validate_checks_without_arguments():
    result = validate(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = validate(REPO, "--list-files")
    assert [Path(line).name for line in listed.stdout.split()] == ["ohjelma.yaml", "kotoutumisohjelma.yaml",
                                                                  "seuranta-2025.yaml"]


def test_the_settings_make_warnings_fail_and_the_waiver_is_what_lets_the_follow_up_pass(repo):
    assert validate(repo, "seuranta").returncode == 0
    toml = repo / "kotocheck.toml"
    toml.write_text(re.sub(r"\[\[waivers\]\].*?\n\n", "", toml.read_text(encoding="utf-8"), flags=re.DOTALL),
                    encoding="utf-8")
    unwaived = validate(repo, "seuranta")
    assert unwaived.returncode == 1 and "S1.3" in unwaived.stdout and "varoitus" in unwaived.stdout


def test_the_waiver_is_current_and_says_why_and_who_approved_it():
    settings = tomllib.loads((REPO / "kotocheck.toml").read_text(encoding="utf-8"))
    # G2 is not followed up in this report: its goal (S1.3) and its measures (S1.4), one decision.
    assert [w["rule"] for w in settings["waivers"]] == ["S1.3", "S1.4"]
    for waiver in settings["waivers"]:
        assert waiver["reason"] and waiver["approved_by"] and waiver["expires"] > dt.date.fromisoformat(TODAY)
    assert settings["severity"] and settings["render"] and settings["paths"] and settings["lang"] == "fi"
    expired = validate(REPO, "seuranta", today="2027-04-01")
    assert expired.returncode == 1 and "waiver.expired" in expired.stdout


def test_the_severity_override_makes_a_missing_status_an_error(repo):
    edit(repo / "seuranta" / "seuranta-2025.yaml", "        status: red\n", "")
    result = validate(repo, "--fail-on", "error", "--format", "json", "seuranta")
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "S2.1" and finding["severity"] == "error"


def test_the_committed_publication_is_up_to_date():
    result = run(["kotocheck", "render", "--check"], REPO, environment())
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_example_documents_are_the_bundled_examples_with_their_references_adjusted():
    programme = read_yaml(REPO / "ohjelma" / "ohjelma.yaml")
    assert programme["services"]["file"] == "../palvelut/kotoutumisohjelma.yaml"
    assert (REPO / "ohjelma" / programme["services"]["file"]).is_file()
    programme["services"]["file"] = "esimerkkila-kotoutumisohjelma-2025.yaml"
    assert programme == read_yaml(EXAMPLES / "esimerkkila-2025-2028.yaml")
    assert read_yaml(REPO / "palvelut" / "kotoutumisohjelma.yaml") == read_yaml(
        EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml")
    followup = read_yaml(REPO / "seuranta" / "seuranta-2025.yaml")
    assert (REPO / "seuranta" / followup["programme"]).resolve() == (REPO / "ohjelma" / "ohjelma.yaml").resolve()
    for path in REPO.rglob("*.yaml"):  # the editor's schema line points at a schema that exists
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            assert (path.parent / first.split("=", 1)[1]).is_file(), path


def test_the_follow_up_refers_only_to_goals_and_measures_of_the_programme(tmp_path):
    for folder in ("ohjelma", "palvelut", "seuranta"):  # without kotocheck.toml: every finding shows
        shutil.copytree(REPO / folder, tmp_path / folder)
    result = validate(tmp_path, "--format", "json", "seuranta")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    # G2 and its measures are not followed up (the waivers' reason); every id resolves
    assert rules == {"S1.3", "S1.4"}


SNIPPETS = [ROOT / "docs" / "ci.md", ROOT / "action.yml", ROOT / "ci" / "kotocheck.gitlab-ci.yml",
            ROOT / ".pre-commit-hooks.yaml", REPO / ".pre-commit-config.yaml",
            REPO / ".github" / "workflows" / "kotocheck.yml", REPO / ".gitlab-ci.yml"]
PIN = re.compile(r"(?:rev: |kotocheck/kotocheck@|kotocheck/kotocheck/|kotocheck==)([^\s/\"'`]+)")


def test_every_snippet_pins_a_commit_that_exists():
    """There is no release yet (no tag, nothing on PyPI): a snippet pinning "v0.1.0" would fail
    for whoever copies it. Every pin is a full commit SHA of this repository, the same in all."""
    pins = {}
    for path in SNIPPETS:
        for match in PIN.finditer(path.read_text(encoding="utf-8")):
            pins.setdefault(match.group(1), []).append(path.name)
    pins = {pin: names for pin, names in pins.items() if pin not in ("main", "<commit>", "<versio>", "<version>", "$KOTOCHECK_VERSION")}
    assert len(pins) == 1, pins
    [sha] = pins
    assert re.fullmatch(r"[0-9a-f]{40}", sha), sha
    exists = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{sha}^{{commit}}"], capture_output=True)
    assert exists.returncode == 0, f"{sha} is not a commit of this repository"
