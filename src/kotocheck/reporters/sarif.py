"""SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer).

One run. `tool.driver.rules` holds every item of each checklist used, in the checklist's order,
followed by the tool's own rules sorted by id, so rule ids and indices are stable between runs
with the same checklists. Item ids repeat between checklists (`2.1`), so a rule id is qualified
by its checklist: `kotouttamisohjelma-1386-2010/5.10`; the tool's rules keep theirs
(`schema.type`). Locations are relative to %SRCROOT%: $GITHUB_WORKSPACE, else $CI_PROJECT_DIR,
else the working directory."""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path, PurePath
from urllib.parse import quote

from kotocheck import __version__, i18n
from kotocheck.findings import FileResult, Severity
from kotocheck.reporters import common

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ENV = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
FINGERPRINT = "kotocheck/v1"


def information_uri() -> str | None:
    """The project's home page from the package metadata ([project.urls] in pyproject.toml), if any."""
    try:
        md = metadata.metadata("kotocheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in md.get_all("Project-URL") or []:
        name, _, url = entry.partition(",")
        if name.strip().lower() in ("homepage", "home", "repository", "source") and url.strip():
            return url.strip()
    home = md.get("Home-page")
    return home.strip() if home and home.strip() not in ("", "UNKNOWN") else None


def _help(rule: common.Rule, lang: str) -> dict:
    """The basis (law section or checklist step and bullet, with the official link) and the hint."""
    source, hint = i18n.MESSAGES["out.source"], i18n.MESSAGES["out.hint"]
    if rule.basis:
        link = f" <{rule.url}>" if rule.url else ""
        basis = i18n.pick(rule.basis, lang)
        text = [f"{i18n.pick(source, lang)}: {basis}{link}"]
        markdown = [f"**{i18n.pick(source, lang)}:** " + (f"[{basis}]({rule.url})" if rule.url else basis)]
    else:
        text = markdown = [i18n.pick(rule.text, lang)]
    if rule.hint:
        text = [*text, f"{i18n.pick(hint, lang)}: {i18n.pick(rule.hint, lang)}"]
        markdown = [*markdown, f"**{i18n.pick(hint, lang)}:** {i18n.pick(rule.hint, lang)}"]
    return {"text": "\n".join(text), "markdown": "\n\n".join(markdown)}


def _descriptor(rule: common.Rule, lang: str) -> dict:
    properties: dict = {"tags": list(rule.tags), "severity": rule.severity.value,
                        "problem.severity": PROBLEM_SEVERITY[rule.severity]}
    if rule.checklist:
        properties.update({"checklist": rule.checklist, "item": rule.id})
    if rule.step is not None:
        properties["step"] = rule.step
        if rule.step_title:
            properties["stepTitle"] = i18n.pick(rule.step_title, lang)
    if rule.rests_on:
        properties["restsOn"] = rule.rests_on
    descriptor = {
        "id": rule.qualified,
        "name": common.title_of(rule, lang),
        "shortDescription": {"text": i18n.pick(rule.title, lang)},
        "fullDescription": {"text": i18n.pick(rule.text, lang)},
        "help": _help(rule, lang),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": properties,
    }
    if rule.url:
        descriptor["helpUri"] = rule.url
    return descriptor


def _location(path: str, line: int, column: int) -> dict:
    if PurePath(path).is_absolute():  # outside the repository: an absolute file URI, no base
        artifact = {"uri": Path(path).as_uri()}
    else:  # a relative URI reference: percent-encode spaces, ä, #, ?
        # the name's own bytes: a file name that is not UTF-8 (n\xff.yaml) is n%FF.yaml
        artifact = {"uri": quote(os.fsencode(path), safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": artifact,
                                 "region": {"startLine": max(line, 1), "startColumn": max(column, 1)}}}


def _related(path: str, index: int, related: dict) -> dict:
    """A related location: its own id within the result, and its document path as its message."""
    return {"id": index, **_location(path, related["line"], related["column"]),
            "message": {"text": related["path"]}}


def log(results: list[FileResult], lang: str) -> dict:
    """The SARIF log as a dict."""
    rules = common.Rules(results)
    base = common.base_dir(*BASE_ENV)
    out = []
    for path, result in common.ordered(results, base):
        for f, occurrence in common.with_occurrence(common.sorted_findings(result)):
            rule = rules.of(result, f.rule)
            entry = {
                "ruleId": rule.qualified,
                "ruleIndex": rules.index(rule),
                "level": LEVEL[f.severity],
                "message": {"text": common.full_message(f, lang)},
                "locations": [_location(path, f.line, f.column)],
                "partialFingerprints": {FINGERPRINT: common.fingerprint(path, f, occurrence)},
            }
            if f.related:  # each entry or value this one finding is about
                entry["relatedLocations"] = [_related(path, index, r) for index, r in enumerate(f.related)]
            properties = {}
            if f.path:
                properties["documentPath"] = f.path
            if rule.is_item:
                properties["status"] = "partial" if f.partial else "missing"
            if properties:
                entry["properties"] = properties
            out.append(entry)
    driver: dict = {"name": "kotocheck", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = [_descriptor(rule, lang) for rule in rules.all]
    root = base.resolve().as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root, "description": {
            "text": "The repository root: $GITHUB_WORKSPACE, else $CI_PROJECT_DIR, else the working directory."}}},
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "results": out,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(results: list[FileResult], lang: str) -> str:
    return json.dumps(log(results, lang), ensure_ascii=False, indent=2) + "\n"
