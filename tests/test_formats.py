"""The CI formats: GitHub workflow commands and step summary, GitLab Code Quality, SARIF 2.1.0
(validated against the official OASIS schema) and JUnit XML.

The reporters are called directly on FileResults from the engine; CLI-level tests come with the
wiring of `--format github|gitlab|sarif|junit`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT
from kotocheck.checklist import available, load_checklist
from kotocheck.engine import Options, check_file
from kotocheck.findings import FileResult, Finding, Severity, Status, Waiver
from kotocheck.reporters import common, github, gitlab, junit, sarif

TODAY = dt.date(2026, 11, 23)
SCHEMA_FILE = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
ENV = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")

HEAD = b"kind: programme\nformat_version: 1\nchecklist: kotoutuminen-681-2023\ntitle: T\nidentification:\n"
BAD = {
    "syntax": ("syntax.yaml", b"kind: programme\ntitle: [a, b\n"),
    "unknown-key": ("unknown-key.yaml", HEAD + b"  municipality: X\n  approvl: {}\n"),
    "wrong-type": ("wrong-type.yaml", HEAD + b"  municipality: 320\n"),
    "duplicate-key": ("duplicate-key.yaml", b"kind: programme\ntitle: A\ntitle: B\n"),
    # a name with every character the formats must escape or encode
    "odd-name": ("kunta, ohjelma: 100% ä.yaml", HEAD + b"  municipality: X\n  approvl: {}\n"),
}
MISSING = "missing-file"
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
CASES = EXAMPLE_NAMES + sorted(BAD) + [MISSING]


def check(path: Path) -> FileResult:
    return check_file(path, Options(today=TODAY))


@pytest.fixture
def at(monkeypatch):
    """Make `base` the repository root for every format (both CI variables)."""

    def set_base(base: Path) -> Path:
        for name in ENV:
            monkeypatch.setenv(name, str(base))
        return base

    return set_base


@pytest.fixture
def case(request, tmp_path, at):
    """(relative path, result) of one example or bad input, with the repository root set."""
    name = request.param
    if name in EXAMPLE_NAMES:
        at(ROOT)
        return f"examples/{name}", check(EXAMPLES / name)
    at(tmp_path)
    if name == MISSING:
        return "nowhere.yaml", check(tmp_path / "nowhere.yaml")
    file, content = BAD[name]
    (tmp_path / file).write_bytes(content)
    return file, check(tmp_path / file)


def checklist_items(result: FileResult) -> int:
    return len(load_checklist(available()[result.checklist]).items) if result.checklist else 0


def non_item_findings(result: FileResult) -> list[Finding]:
    items = set(result.statuses)
    return [f for f in result.findings if f.rule not in items]


# ---------------------------------------------------------------------------------------------
# GitHub

ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")
GROUP = re.compile(r"^::group::(?P<name>.*)$")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_github(output: str) -> list[dict]:
    """The annotations of a workflow log as the runner reads them; asserts that the groups nest."""
    annotations, group = [], None
    for line in output.splitlines():
        if line == "::endgroup::":
            assert group is not None, "endgroup without group"
            group = None
        elif (m := GROUP.match(line)):
            assert group is None, "groups do not nest"
            group = unescape_data(m.group("name"))
        elif (m := ANNOTATION.match(line)):
            assert group is not None, "annotation outside a group"
            properties = dict(pair.split("=", 1) for pair in m.group("properties").split(","))
            assert set(properties) == {"file", "line", "col", "title"}, properties
            annotations.append({"command": m.group("command"), "group": group,
                                **{k: unescape_property(v) for k, v in properties.items()},
                                "message": unescape_data(m.group("message"))})
        else:  # a plain log line: the per-file summary, never something the runner would take as a command
            assert group is not None and not line.startswith("::"), line
    assert group is None, "unclosed group"
    return annotations


@pytest.mark.parametrize("case", CASES, indirect=True)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_github_annotations_parse_back(case, lang):
    path, result = case
    annotations = parse_github(github.report([result], lang))
    findings = common.sorted_findings(result)
    assert len(annotations) == len(findings)
    for a, f in zip(annotations, findings):
        assert a["command"] == {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
        assert a["file"] == a["group"] == path
        assert (int(a["line"]), int(a["col"])) == (f.line, f.column)
        assert a["title"].startswith(f.rule + " ")
        assert a["message"].split("\n")[0] == (f.message.get(lang) or f.message["fi"])
        if f.source:
            assert f.url in a["message"].split("\n")[1]
        if f.hint:
            assert a["message"].split("\n")[-1].endswith(f.hint[lang])


def test_github_escaping_round_trips(tmp_path, at):
    at(tmp_path)
    message = "100 % valmis: a, b\nrivi 2\r\nloppu %0A"
    result = FileResult(file=str(tmp_path / "a,b: 50%.yaml"), findings=[
        Finding(rule="schema.value", severity=Severity.WARNING, file="x", line=3, column=7,
                message={"fi": message, "en": message}, hint={"fi": "vihje: x, y %", "en": "hint"})])
    output = github.report([result], "fi")
    command = next(line for line in output.splitlines() if line.startswith("::warning "))
    assert "\n" not in command and "\r" not in command
    properties = ANNOTATION.match(command).group("properties")
    assert properties.count(",") == 3 and ":" not in properties  # only the separators are raw
    (annotation,) = parse_github(output)
    assert annotation["file"] == "a,b: 50%.yaml"
    assert annotation["title"] == "schema.value Virheellinen arvo"
    assert annotation["message"] == message + "\nVihje: vihje: x, y %"


def test_github_paths_follow_the_workspace_then_the_working_directory(tmp_path, monkeypatch):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT)
    result = check_file(Path("./examples/kemijarvi-2023-2025.yaml"), Options(today=TODAY))
    assert parse_github(github.report([result], "fi"))[0]["file"] == "examples/kemijarvi-2023-2025.yaml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(EXAMPLES))
    assert parse_github(github.report([result], "fi"))[0]["file"] == "kemijarvi-2023-2025.yaml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))  # the file is outside it: absolute, POSIX
    outside = (EXAMPLES / "kemijarvi-2023-2025.yaml").resolve().as_posix()
    assert parse_github(github.report([result], "fi"))[0]["file"] == outside


def test_github_output_is_sorted_by_file_whatever_the_argument_order(at):
    at(ROOT)
    results = [check(EXAMPLES / name) for name in EXAMPLE_NAMES]
    forward, backward = github.report(results, "en"), github.report(results[::-1], "en")
    assert forward == backward
    groups = [GROUP.match(line).group("name") for line in forward.splitlines() if GROUP.match(line)]
    assert groups == sorted(groups) == [f"examples/{n}" for n in EXAMPLE_NAMES]


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The body rows of the table under a `### heading`, split on unescaped pipes."""
    lines = markdown.split(f"### {heading}\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    rows = [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
    assert len({len(r) for r in rows}) == 1, "every row has the same number of cells"
    return rows[2:]


def test_github_step_summary_lists_every_gap_and_waiver(at):
    at(ROOT)
    kemijarvi = check(EXAMPLES / "kemijarvi-2023-2025.yaml")
    esimerkkila = check(EXAMPLES / "esimerkkila-2025-2028.yaml")
    summary = github.step_summary([kemijarvi, esimerkkila], "en")
    assert summary.index("## `examples/esimerkkila-2025-2028.yaml`") < summary.index("## `examples/kemijarvi")
    kemijarvi_part = summary.split("## `examples/kemijarvi-2023-2025.yaml`", 1)[1]
    counts = [kemijarvi.count(s) for s in Severity] + [len(kemijarvi.waivers)]
    covered = sum(1 for s in kemijarvi.statuses.values() if s is Status.COVERED)
    assert "| " + " | ".join(map(str, counts)) + f" | {covered}/{len(kemijarvi.statuses)} |" in kemijarvi_part
    gaps = table_rows(kemijarvi_part, "Missing and partly covered items")
    expected = [i for i, s in kemijarvi.statuses.items() if s in (Status.MISSING, Status.PARTIAL)]
    assert [row[0] for row in gaps] == expected and len(expected) > 10  # every one, not only the first 10
    approval = next(f for f in kemijarvi.findings if f.rule == "L32.1")
    assert ["L32.1", "Council approval", "missing", "error", str(approval.line)] in gaps
    waivers = table_rows(summary.split("## `examples/esimerkkila-2025-2028.yaml`", 1)[1], "Items that do not apply")
    assert [(row[0], row[2]) for row in waivers] == [(w.item, w.reason) for w in esimerkkila.waivers]


def test_github_step_summary_escapes_table_cells(tmp_path, at):
    at(tmp_path)
    result = FileResult(file=str(tmp_path / "a.yaml"), checklist="kotoutuminen-681-2023",
                        statuses={"1.5": Status.NOT_APPLICABLE},
                        waivers=[Waiver(item="1.5", reason="a | b <script>\nc", line=3, column=5,
                                        title={"fi": "Ulkopuoliset", "en": "External"})])
    summary = github.step_summary([result], "fi")
    (row,) = table_rows(summary, "Kohdat, jotka eivät sovellu")
    assert row == ["1.5", "Ulkopuoliset", "a \\| b &lt;script&gt; c", "3"]
    assert "<script>" not in summary


# ---------------------------------------------------------------------------------------------
# GitLab

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_gitlab_code_quality_has_the_required_fields(case):
    path, result = case
    issues = json.loads(gitlab.report([result], "fi"))
    assert isinstance(issues, list) and len(issues) == len(result.findings)
    for issue, f in zip(issues, common.sorted_findings(result)):
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] == f.rule
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["location"]["path"] == path
        assert issue["location"]["lines"]["begin"] == f.line >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_severity_mapping(tmp_path, at):
    at(ROOT)
    kemijarvi = json.loads(gitlab.report([check(EXAMPLES / "kemijarvi-2023-2025.yaml")], "en"))
    by_rule = {i["check_name"]: i["severity"] for i in kemijarvi}
    assert (by_rule["L32.1"], by_rule["1.1"], by_rule["1.4"]) == ("critical", "minor", "info")
    at(tmp_path)
    (tmp_path / "bad.yaml").write_bytes(BAD["syntax"][1])
    (issue,) = json.loads(gitlab.report([check(tmp_path / "bad.yaml")], "en"))
    assert issue["severity"] == "blocker"


def test_gitlab_fingerprints_are_unique_across_files(at):
    at(ROOT)
    issues = json.loads(gitlab.report([check(EXAMPLES / n) for n in EXAMPLE_NAMES], "fi"))
    assert len(issues) > 30  # one finding per checklist item and place: fewer than one per goal
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def copies(tmp_path: Path) -> tuple[Path, Path]:
    """Two repositories with the same examples and bad inputs; in the second each file starts with a blank line."""
    roots = tmp_path / "before", tmp_path / "after"
    for root in roots:
        shutil.copytree(EXAMPLES, root / "examples")
        for file, content in BAD.values():
            (root / "examples" / file).write_bytes(content)
    for path in (roots[1] / "examples").glob("*.yaml"):
        path.write_bytes(b"\n" + path.read_bytes())
    return roots


def test_gitlab_fingerprints_survive_a_blank_line_at_the_top(tmp_path, at):
    before, after = copies(tmp_path)
    names = sorted(p.name for p in (before / "examples").glob("*.yaml"))
    compared = 0
    for name in names:
        at(before)
        old = json.loads(gitlab.report([check(before / "examples" / name)], "fi"))
        at(after)
        new = json.loads(gitlab.report([check(after / "examples" / name)], "fi"))
        assert [i["fingerprint"] for i in new] == [i["fingerprint"] for i in old], name
        # every line moved, yet nothing became "new"
        assert [i["location"]["lines"]["begin"] for i in new] == [i["location"]["lines"]["begin"] + 1 for i in old] \
            or name == BAD["syntax"][0]
        compared += len(old)
    assert compared > 100


def test_fingerprint_depends_on_file_rule_path_and_occurrence_not_line():
    f = Finding(rule="5.10", severity=Severity.WARNING, file="x", line=3, column=1, message={}, path="goals[0]")
    moved = Finding(rule="5.10", severity=Severity.WARNING, file="x", line=30, column=9, message={}, path="goals[0]")
    base = common.fingerprint("a.yaml", f, 0)
    assert common.fingerprint("a.yaml", moved, 0) == base
    assert len({base, common.fingerprint("b.yaml", f, 0), common.fingerprint("a.yaml", f, 1),
                common.fingerprint("a.yaml", Finding(**{**f.__dict__, "rule": "5.9"}), 0),
                common.fingerprint("a.yaml", Finding(**{**f.__dict__, "path": "goals[1]"}), 0)}) == 5


# ---------------------------------------------------------------------------------------------
# SARIF


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json") and "2.1.0" in schema["title"]
    cls = jsonschema.validators.validator_for(schema)  # the schema's own draft: 04
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(validator, log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize("case", CASES, indirect=True)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_sarif_is_valid_against_the_official_schema(case, lang, sarif_validator):
    path, result = case
    log = json.loads(sarif.report([result], lang))
    assert schema_errors(sarif_validator, log) == []
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert len(run["results"]) == len(result.findings)
    for entry, f in zip(run["results"], common.sorted_findings(result)):
        assert entry["ruleId"] in ids
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"]
        assert entry["ruleId"].split("/")[-1] == f.rule
        assert entry["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity.value]
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert unquote(location["artifactLocation"]["uri"]) == path
        assert "\\" not in location["artifactLocation"]["uri"]
        assert location["region"] == {"startLine": f.line, "startColumn": f.column}
        assert entry["partialFingerprints"]["kotocheck/v1"]
    fingerprints = [e["partialFingerprints"]["kotocheck/v1"] for e in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_uris_are_relative_and_percent_encoded(tmp_path, at):
    at(tmp_path)
    file, content = BAD["odd-name"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / file).write_bytes(content)
    run = sarif.log([check(tmp_path / "sub" / file)], "en")["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub/kunta%2C%20ohjelma%3A%20100%25%20%C3%A4.yaml"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_sarif_all_examples_in_one_run(at, sarif_validator):
    at(ROOT)
    results = [check(EXAMPLES / n) for n in EXAMPLE_NAMES]
    log = sarif.log(results, "fi")
    assert schema_errors(sarif_validator, log) == []
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    # item ids repeat between checklists (2.1 is in three), so they are qualified by the checklist
    for checklist in ("kotouttamisohjelma-1386-2010", "kotoutuminen-681-2023", "kotoutumisohjelma-681-2023"):
        assert f"{checklist}/2.1" in ids
    assert len(ids) == len(set(ids))
    assert {r["ruleId"] for r in run["results"]} <= set(ids)
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]] == sorted(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])


def test_sarif_rules_carry_the_item_metadata(at):
    at(ROOT)
    run = sarif.log([check(EXAMPLES / "kemijarvi-2023-2025.yaml")], "en")["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "kotocheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    checklist = load_checklist(available()["kotouttamisohjelma-1386-2010"])
    # every item of the checklist, in its order, before the tool's own rules
    assert [r["id"] for r in driver["rules"]][: len(checklist.items)] == [
        f"kotouttamisohjelma-1386-2010/{i.id}" for i in checklist.items]
    rule = rules["kotouttamisohjelma-1386-2010/L32.1"]
    assert rule["shortDescription"]["text"] == "Council approval"
    assert rule["fullDescription"]["text"] == checklist.item("L32.1").text.en
    assert rule["helpUri"] == "https://finlex.fi/fi/laki/ajantasa/2010/20101386"
    assert "section 32" in rule["help"]["text"] and "approval with body" in rule["help"]["text"]
    assert "](https://finlex.fi/" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "error"
    assert {"law", "kotouttamisohjelma-1386-2010"} <= set(rule["properties"]["tags"])
    assert rules["kotouttamisohjelma-1386-2010/1.4"]["defaultConfiguration"]["level"] == "note"
    assert rules["schema.type"]["shortDescription"]["text"] == "Wrong type"
    # the settings' own findings are titled too, and warnings by default, as they are given
    assert rules["config.unknown-rule"]["shortDescription"]["text"] == "Unknown rule in the settings"
    assert rules["waiver.unused"]["shortDescription"]["text"] == "Unused waiver"
    assert rules["waiver.unused"]["defaultConfiguration"]["level"] == "warning"


def test_sarif_rules_and_output_are_stable_between_runs(at):
    at(ROOT)
    kemijarvi = sarif.report([check(EXAMPLES / "kemijarvi-2023-2025.yaml")], "fi")
    assert sarif.report([check(EXAMPLES / "kemijarvi-2023-2025.yaml")], "fi") == kemijarvi
    # another file on the same checklist with other findings: the same rules at the same indices
    rovaniemi = sarif.log([check(EXAMPLES / "rovaniemi-2022-2025.yaml")], "fi")
    rules = json.loads(kemijarvi)["runs"][0]["tool"]["driver"]["rules"]
    assert rovaniemi["runs"][0]["tool"]["driver"]["rules"] == rules


def test_the_schema_rejects_a_broken_log(at, sarif_validator):
    """The validation has teeth: a wrong level or a region without a start is refused."""
    at(ROOT)
    log = sarif.log([check(EXAMPLES / "kemijarvi-2023-2025.yaml")], "fi")
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"]
    del log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startColumn"]
    errors = schema_errors(sarif_validator, log)
    assert len(errors) == 2, errors


# ---------------------------------------------------------------------------------------------
# JUnit

COUNT_TAGS = {"failures": "failure", "errors": "error", "skipped": "skipped"}


def counted(suite: ET.Element) -> dict[str, int]:
    cases = suite.findall("testcase")
    out = {"tests": len(cases)}
    for key, tag in COUNT_TAGS.items():
        out[key] = sum(1 for c in cases if c.find(tag) is not None)
    return out


def declared(element: ET.Element) -> dict[str, int]:
    # junit-10.xsd has `skipped` on <testsuite> only, not on <testsuites>
    keys = ("tests", "failures", "errors", "skipped") if element.tag == "testsuite" else ("tests", "failures", "errors")
    return {key: int(element.get(key)) for key in keys}


@pytest.mark.parametrize("case", CASES, indirect=True)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_junit_counts_add_up(case, lang):
    path, result = case
    root = ET.fromstring(junit.report([result], lang))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == path
    assert declared(suite) == counted(suite)
    assert declared(root) == {key: declared(suite)[key] for key in declared(root)}
    cases = suite.findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names))
    assert {c.get("classname") for c in cases} <= {path}
    assert len(cases) == checklist_items(result) + len(non_item_findings(result))
    for c in cases:
        assert sum(1 for tag in COUNT_TAGS.values() if c.find(tag) is not None) <= 1


def test_junit_items_fail_skip_or_pass_by_status(at):
    at(ROOT)
    results = [check(EXAMPLES / n) for n in EXAMPLE_NAMES]
    root = ET.fromstring(junit.report(results, "en"))
    assert [s.get("name") for s in root.findall("testsuite")] == [f"examples/{n}" for n in EXAMPLE_NAMES]
    assert declared(root) == {k: sum(declared(s)[k] for s in root.findall("testsuite")) for k in declared(root)}
    kemijarvi = next(r for r in results if r.file.endswith("kemijarvi-2023-2025.yaml"))
    suite = root.find("testsuite[@name='examples/kemijarvi-2023-2025.yaml']")
    cases = {c.get("name").split(" ", 1)[0]: c for c in suite.findall("testcase")}
    assert list(cases) == list(kemijarvi.statuses)
    for item, status in kemijarvi.statuses.items():
        failure = cases[item].find("failure")
        info = any(f.rule == item and f.severity is Severity.INFO for f in kemijarvi.findings)  # advice passes
        assert (failure is not None) == (status in (Status.MISSING, Status.PARTIAL) and not info), item
    approval = cases["L32.1"]
    assert approval.get("name") == "L32.1 Council approval"
    failure = approval.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message").startswith("Council approval: no approval decision is recorded")
    line = next(f.line for f in kemijarvi.findings if f.rule == "L32.1")
    assert failure.text.startswith(f"{line}:1  error  Council approval: no approval decision is recorded")
    assert "Basis: Act on the Promotion" in failure.text and "Hint: Add approval with body" in failure.text
    waived = root.find("testsuite[@name='examples/esimerkkila-2025-2028.yaml']")
    (skipped_case,) = [c for c in waived.findall("testcase") if c.find("skipped") is not None]
    assert skipped_case.get("name") == "1.5 External experts"
    assert skipped_case.find("skipped").get("message").startswith("Ulkopuolisia asiantuntijoita ei käytetty.")


def test_junit_unreadable_file_is_an_error_and_other_findings_get_unique_cases(tmp_path, at):
    at(tmp_path)
    (tmp_path / "bad.yaml").write_bytes(BAD["syntax"][1])
    (tmp_path / "twice.yaml").write_bytes(HEAD + b"  municipality: X\n  approvl: {}\n  aproval: {}\n")
    root = ET.fromstring(junit.report([check(tmp_path / "bad.yaml"), check(tmp_path / "twice.yaml")], "en"))
    bad, twice = root.findall("testsuite")
    assert declared(bad) == {"tests": 1, "failures": 0, "errors": 1, "skipped": 0}
    assert bad.find("testcase").get("name").startswith("yaml.syntax 3:1")
    unknown = [c.get("name") for c in twice.findall("testcase") if c.get("name").startswith("schema.unknown-key")]
    assert len(unknown) == 2 and len(set(unknown)) == 2


def test_junit_is_well_formed_whatever_the_text(tmp_path, at):
    at(tmp_path)
    text = 'a "quoted" <tag> & \x01 control\nline 2'
    result = FileResult(file=str(tmp_path / 'a"<&>.yaml'), unreadable=True, findings=[
        Finding(rule="yaml.syntax", severity=Severity.ERROR, file="x", line=1, column=1,
                message={"fi": text, "en": text}, hint={"fi": "]]> ]]>", "en": "]]>"})])
    root = ET.fromstring(junit.report([result], "fi"))
    error = root.find("testsuite/testcase/error")
    assert root.find("testsuite").get("name") == 'a"<&>.yaml'
    assert error.get("message") == 'a "quoted" <tag> & \ufffd control\nline 2'
    assert error.text.endswith("Vihje: ]]> ]]>")


# ---------------------------------------------------------------------------------------------
# shared


def test_every_rule_the_tool_emits_on_bad_input_has_a_title():
    from test_bad_input import BAD as CLI_BAD

    for _content, _code, _location, rule, _words in CLI_BAD.values():
        if "." in rule and not rule[0].isdigit():
            assert rule in common.TOOL_RULES, rule


@pytest.mark.parametrize("fmt", [github.report, github.step_summary, gitlab.report, sarif.report, junit.report])
def test_language_selects_the_text(fmt, at):
    at(ROOT)
    result = check(EXAMPLES / "kemijarvi-2023-2025.yaml")
    fi, en = fmt([result], "fi"), fmt([result], "en")
    assert "Valtuuston hyväksyntä" in fi and "Council approval" not in fi
    assert "Council approval" in en and "Valtuuston hyväksyntä" not in en
    assert fmt([result], "fi") == fi  # deterministic


@pytest.mark.parametrize("fmt", [github.report, github.step_summary, gitlab.report, sarif.report, junit.report])
def test_no_results_is_still_valid_output(fmt):
    output = fmt([], "fi")
    if fmt is gitlab.report:
        assert json.loads(output) == []
    elif fmt is sarif.report:
        assert json.loads(output)["runs"][0]["results"] == []
    elif fmt is junit.report:
        assert declared(ET.fromstring(output)) == {"tests": 0, "failures": 0, "errors": 0}
    else:
        assert "::error" not in output
