"""JUnit XML for GitLab test reports (`artifacts:reports:junit`).

One <testsuite> per file; in it one <testcase> per checklist item, named "{id} {title}":
passed when covered, <failure> when missing or partly covered (carrying every finding of the
item), <skipped> with the municipality's reason when it does not apply. A finding that belongs
to no checklist item (YAML, schema, waiver rules) is a testcase of its own; when the file could
not be read at all it is an <error>, since no check could run.

An item or finding at severity info is advice: its testcase passes, with the findings in
<system-out>, so the test report never shows a failure where `validate` passes.

The report is valid against the common junit-10.xsd (Jenkins xUnit), with one addition that
GitLab reads: the `file` attribute of <testcase>, which links a test to its file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kotocheck import gaps, i18n
from kotocheck.findings import FileResult, Finding, Severity, Status
from kotocheck.reporters import common

BASE_ENV = ("CI_PROJECT_DIR",)
COUNTS = ("tests", "failures", "errors", "skipped")


def _finding_text(f: Finding, lang: str) -> str:
    lines = [f"{f.line}:{f.column}  {common.severity_label(f.severity, lang)}  {i18n.pick(f.message, lang)}"]
    lines += [f"    {line}" for line in common.detail_lines(f, lang)]
    return "\n".join(lines)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: common.xml_safe(v) for k, v in attributes.items()})
    if text:
        element.text = common.xml_safe(text)
    return element


class _Suite:
    def __init__(self, parent: ET.Element, path: str):
        self.path = path
        self.element = _sub(parent, "testsuite", name=path)
        self.counts = dict.fromkeys(COUNTS, 0)
        self.names: dict[str, int] = {}

    def case(self, name: str) -> ET.Element:
        # Names are unique within the suite: a second case of the same name gets " (2)".
        n = self.names.get(name, 0) + 1
        self.names[name] = n
        unique = name if n == 1 else f"{name} ({n})"
        self.counts["tests"] += 1
        return _sub(self.element, "testcase", classname=self.path, name=unique, file=self.path)

    def outcome(self, case: ET.Element, tag: str, message: str, text: str | None = None, **attributes: str) -> None:
        _sub(case, tag, text, message=message, **attributes)
        self.counts[{"failure": "failures", "error": "errors", "skipped": "skipped"}[tag]] += 1

    def close(self) -> dict[str, int]:
        for key in COUNTS:
            self.element.set(key, str(self.counts[key]))
        return self.counts


def _file_suite(root: ET.Element, path: str, result: FileResult, rules: common.Rules, lang: str) -> dict[str, int]:
    suite = _Suite(root, path)
    # Structural errors left part of the file unread: an item found covered is then no full
    # assessment, so its passing case says so (validate's summary line says the same).
    incomplete = bool(result.statuses) and gaps.structural_errors(result)
    if result.checklist:
        properties = _sub(suite.element, "properties")
        _sub(properties, "property", name="checklist", value=result.checklist)
        if incomplete:
            _sub(properties, "property", name="complete", value="false")
    findings = common.sorted_findings(result)
    waivers = {w.item: w for w in result.waivers}
    for rule in rules.items_of(result):
        case = suite.case(common.title_of(rule, lang))
        status = result.statuses.get(rule.id)
        if status is Status.NOT_APPLICABLE:
            waiver = waivers.get(rule.id)
            suite.outcome(case, "skipped", waiver.reason if waiver else common.status_label(status, lang))
        elif status is Status.NOT_ASSESSED:  # not yet written or read: neither a failure nor a pass
            suite.outcome(case, "skipped", common.status_label(status, lang))
        elif status in (Status.MISSING, Status.PARTIAL):
            own = [f for f in findings if f.rule == rule.id]
            message = i18n.pick(own[0].message, lang) if own else common.status_label(status, lang)
            text = "\n\n".join(_finding_text(f, lang) for f in own) or None
            severity = common.item_severity(rule, result)  # with kotocheck.toml's [severity]
            if severity is Severity.INFO:
                _sub(case, "system-out", text or message)
            else:
                suite.outcome(case, "failure", message, text, type=severity.value)
        elif incomplete:
            _sub(case, "system-out", i18n.pick(i18n.MESSAGES["out.coverage_incomplete"], lang))
    for f in findings:
        if rules.item(result, f.rule) is not None:
            continue
        case = suite.case(f"{f.rule} {f.line}:{f.column}" + (f" {f.path}" if f.path else ""))
        if f.severity is Severity.INFO and not result.unreadable:
            _sub(case, "system-out", _finding_text(f, lang))
            continue
        tag = "error" if result.unreadable else "failure"
        suite.outcome(case, tag, i18n.pick(f.message, lang), _finding_text(f, lang), type=f.severity.value)
    return suite.close()


def report(results: list[FileResult], lang: str) -> str:
    rules = common.Rules(results)
    root = ET.Element("testsuites", {"name": "kotocheck"})
    totals = dict.fromkeys(COUNTS, 0)
    for path, result in common.ordered(results, common.base_dir(*BASE_ENV)):
        for key, value in _file_suite(root, path, result, rules, lang).items():
            totals[key] += value
    for key in COUNTS[:3]:  # junit-10.xsd has no `skipped` on <testsuites>; each <testsuite> has it
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
