"""GitLab Code Quality: a JSON list of issues for `artifacts:reports:codequality`.

GitLab compares the fingerprints of the merge request's pipeline with those of the target
branch, so a fingerprint must not contain the line: it is the sha256 of the file path, the
rule, the document path of the finding and its occurrence index (common.fingerprint).

Severity: an `error` is something the Act requires (or a file that cannot be checked) and it fails
the pipeline by default, so it is `critical`, above the `major` that linters use for ordinary
errors. A file that cannot be read at all is a `blocker`: nothing else in it could be checked.
A `warning` (the ministry checklist recommends) is `minor` and an `info` (advice) is `info`."""

from __future__ import annotations

import json

from kotocheck import i18n
from kotocheck.findings import FileResult, Severity
from kotocheck.reporters import common

BASE_ENV = ("CI_PROJECT_DIR",)
SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def severity(result: FileResult, level: Severity) -> str:
    return "blocker" if result.unreadable and level is Severity.ERROR else SEVERITY[level]


def issues(results: list[FileResult], lang: str) -> list[dict]:
    out = []
    for path, result in common.ordered(results, common.base_dir(*BASE_ENV)):
        for f, occurrence in common.with_occurrence(common.sorted_findings(result)):
            issue = {
                "type": "issue",
                "description": f"{f.rule} {i18n.pick(f.message, lang)}",
                "check_name": f.rule,
                "fingerprint": common.fingerprint(path, f, occurrence),
                "severity": severity(result, f.severity),
                "location": {"path": path, "lines": {"begin": f.line}},
            }
            details = common.detail_lines(f, lang)
            if details:
                issue["content"] = {"body": "\n\n".join(details)}
            out.append(issue)
    return out


def report(results: list[FileResult], lang: str) -> str:
    return json.dumps(issues(results, lang), ensure_ascii=False, indent=2) + "\n"
