"""What the CI formats (github, gitlab, sarif, junit) share: repository-relative paths,
the metadata of a rule (checklist item or the tool's own rule), stable fingerprints and
the few labels they print.

A finding's `rule` is a checklist item id (`5.10`, `L32.1`) or a rule of the tool itself
(`schema.type`, `yaml.syntax`). Item ids are unique only within one checklist (`2.1` exists in
three), so wherever rules of several files meet in one namespace (SARIF) an item is qualified
by its checklist: `kotouttamisohjelma-1386-2010/5.10`."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from kotocheck import i18n
from kotocheck.checklist import Checklist, DataError, available, load_checklist
from kotocheck.findings import FileResult, Finding, Severity, Status
from kotocheck.reporters.text import detail_lines  # noqa: F401  (the CI formats word a finding as the text one does)
from kotocheck.reporters.tool_rules import TOOL_RULES, TOOL_SEVERITY, Localized


# ---------------------------------------------------------------------------------------------
# paths


def base_dir(*env_vars: str) -> Path:
    """The repository root: the first of the CI variables that is set, else the working directory."""
    for name in env_vars:
        value = os.environ.get(name)
        if value:
            return Path(value)
    return Path.cwd()


def relative_path(file: str, base: Path) -> str:
    """`file` (as the user gave it) relative to `base`, with POSIX separators.

    A file outside `base` keeps its absolute path: a `../` path would point nowhere in CI."""
    path = Path(file)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        absolute = path.resolve()
        root = base.resolve()
    except OSError:
        absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(base))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return PurePath(absolute).as_posix()


def ordered(results: list[FileResult], base: Path) -> list[tuple[str, FileResult]]:
    """(relative path, result) pairs sorted by path, so output does not depend on argument order."""
    pairs = [(relative_path(r.file, base), i, r) for i, r in enumerate(results)]
    return [(path, r) for path, _, r in sorted(pairs, key=lambda p: (p[0], p[1]))]


def sorted_findings(result: FileResult) -> list[Finding]:
    return sorted(result.findings, key=lambda f: (f.line, f.column, f.rule, f.path, f.message.get("en", "")))


# ---------------------------------------------------------------------------------------------
# labels the CI formats print (the tool's general messages live in i18n.MESSAGES)

LABELS: dict[str, dict[str, str]] = {
    "checklist": {"fi": "Tarkistuslista", "en": "Checklist"},
    "item": {"fi": "Kohta", "en": "Item"},
    "rule": {"fi": "Sääntö", "en": "Rule"},
    "title": {"fi": "Otsikko", "en": "Title"},
    "status": {"fi": "Tila", "en": "Status"},
    "severity": {"fi": "Vakavuus", "en": "Severity"},
    "line": {"fi": "Rivi", "en": "Line"},
    "location": {"fi": "Sijainti", "en": "Location"},
    "message": {"fi": "Havainto", "en": "Finding"},
    "reason": {"fi": "Perustelu", "en": "Reason"},
    "errors": {"fi": "Virheet", "en": "Errors"},
    "warnings": {"fi": "Varoitukset", "en": "Warnings"},
    "infos": {"fi": "Huomautukset", "en": "Info"},
    "not_applicable": {"fi": "Ei sovellu", "en": "Not applicable"},
    "coverage": {"fi": "Kattavuus", "en": "Coverage"},
    "gaps": {"fi": "Puuttuvat ja osittain katetut kohdat", "en": "Missing and partly covered items"},
    "other": {"fi": "Muut havainnot", "en": "Other findings"},
    "waivers": {"fi": "Kohdat, jotka eivät sovellu", "en": "Items that do not apply"},
    "unreadable": {"fi": "Tiedostoa ei voitu lukea, joten sitä ei tarkistettu.",
                   "en": "The file could not be read, so it was not checked."},
    "no_gaps": {"fi": "Kaikki sovellettavat kohdat on katettu.", "en": "Every applicable item is covered."},
    "status.covered": {"fi": "katettu", "en": "covered"},
    "status.partial": {"fi": "osittain", "en": "partly covered"},
    "status.missing": {"fi": "puuttuu", "en": "missing"},
    "status.not_applicable": {"fi": "ei sovellu", "en": "not applicable"},
    "status.not_assessed": {"fi": "ei arvioitu", "en": "not assessed"},
    "not_assessed": {"fi": "Ei arvioitu", "en": "Not assessed"},
}


def label(key: str, lang: str) -> str:
    return i18n.pick(LABELS[key], lang)


def severity_label(severity: Severity, lang: str) -> str:
    return i18n.pick(i18n.MESSAGES["sev." + severity.value], lang)


def status_label(status: Status, lang: str) -> str:
    return label("status." + status.value, lang)


# ---------------------------------------------------------------------------------------------
# rules



@dataclass(frozen=True)
class Rule:
    id: str  # as in findings: `5.10`, `schema.type`
    qualified: str  # unique across checklists: `kotouttamisohjelma-1386-2010/5.10`, `schema.type`
    title: Localized
    text: Localized  # what the rule requires
    severity: Severity
    checklist: str | None = None
    basis: Localized | None = None  # source label and text, as findings print it
    hint: Localized | None = None
    url: str | None = None
    step: int | None = None
    step_title: Localized | None = None
    rests_on: str | None = None
    tags: tuple[str, ...] = field(default=())

    @property
    def is_item(self) -> bool:
        return self.checklist is not None


def title_of(rule: Rule, lang: str) -> str:
    return f"{rule.id} {i18n.pick(rule.title, lang)}".strip()


@lru_cache(maxsize=32)
def checklist_named(name: str | None) -> Checklist | None:
    """A shipped checklist by id; None for an unknown one (e.g. from a user's --checklists folder)."""
    if not name:
        return None
    path = available().get(name)
    if path is None:
        return None
    try:
        return load_checklist(path)
    except DataError:
        return None


def item_rules(checklist: Checklist) -> list[Rule]:
    """Every item of a checklist, in the checklist's own order."""
    steps = {s.number: s.title.as_dict() for s in checklist.steps}
    rules = []
    for item in checklist.items:
        text = item.text.as_dict()
        label_ = checklist.source_label(item.source)
        basis = {lang: f"{label_[lang]}: {text.get(lang, text['fi'])}" for lang in ("fi", "en")}
        tags = ("kotocheck", checklist.id, item.rests_on, f"step-{item.step}")
        rules.append(Rule(id=item.id, qualified=f"{checklist.id}/{item.id}", title=item.title.as_dict(), text=text,
                          severity=item.severity, checklist=checklist.id, basis=basis, hint=item.hint.as_dict(),
                          url=checklist.sources[item.source.document].url, step=item.step,
                          step_title=steps.get(item.step), rests_on=item.rests_on,
                          tags=tuple(dict.fromkeys(tags))))
    return rules


def item_severity(rule: Rule, result: FileResult) -> Severity:
    """The severity an item has in this run: that of its findings, which carry kotocheck.toml's
    [severity] (the engine applied it), else the checklist's."""
    return next((f.severity for f in result.findings if f.rule == rule.id), rule.severity)


def tool_rule(rule_id: str) -> Rule:
    title, text = TOOL_RULES.get(rule_id, ({"fi": rule_id, "en": rule_id}, {"fi": rule_id, "en": rule_id}))
    family = rule_id.split(".", 1)[0]
    return Rule(id=rule_id, qualified=rule_id, title=title, text=text,
                severity=TOOL_SEVERITY.get(rule_id, Severity.ERROR), tags=("kotocheck", family))


def _fallback_item(checklist_id: str, item_id: str, result: FileResult) -> Rule:
    """An item of a checklist this process cannot load: what its findings and waivers tell."""
    first = next((f for f in result.findings if f.rule == item_id), None)
    waiver = next((w for w in result.waivers if w.item == item_id), None)
    title = (waiver.title if waiver and waiver.title else {"fi": item_id, "en": item_id})
    if first is not None and waiver is None:
        title = {lang: text.split(": ", 1)[0] for lang, text in first.message.items()}
    severity = first.severity if first else Severity.WARNING
    basis = first.source if first else None
    return Rule(id=item_id, qualified=f"{checklist_id}/{item_id}", title=title, text=basis or title,
                severity=severity, checklist=checklist_id, basis=basis, hint=first.hint if first else None,
                url=first.url if first else None, tags=("kotocheck", checklist_id))


class Rules:
    """Rule metadata for one run: every item of each checklist used, and the tool's own rules."""

    def __init__(self, results: list[FileResult]):
        self._items: dict[tuple[str, str], Rule] = {}
        self._order: list[Rule] = []
        for checklist_id in sorted({r.checklist for r in results if r.checklist}):
            checklist = checklist_named(checklist_id)
            if checklist is not None:
                rules = item_rules(checklist)
            else:
                ids = list(dict.fromkeys(i for r in results if r.checklist == checklist_id for i in r.statuses))
                first = next(r for r in results if r.checklist == checklist_id)
                rules = [_fallback_item(checklist_id, i, first) for i in ids]
            for rule in rules:
                self._items[(checklist_id, rule.id)] = rule
                self._order.append(rule)
        tool_ids = set(TOOL_RULES)
        for result in results:
            tool_ids.update(f.rule for f in result.findings if self.item(result, f.rule) is None)
        self._order.extend(tool_rule(i) for i in sorted(tool_ids))
        self._index = {rule.qualified: n for n, rule in enumerate(self._order)}

    def item(self, result: FileResult, rule_id: str) -> Rule | None:
        """The checklist item a finding of this result names, or None for a rule of the tool."""
        if result.checklist is None:
            return None
        return self._items.get((result.checklist, rule_id))

    def of(self, result: FileResult, rule_id: str) -> Rule:
        return self.item(result, rule_id) or tool_rule(rule_id)

    def items_of(self, result: FileResult) -> list[Rule]:
        """The items of the result's checklist, in checklist order (empty when it has none)."""
        if result.checklist is None:
            return []
        known = [rule for (cid, _), rule in self._items.items() if cid == result.checklist]
        extra = [i for i in result.statuses if (result.checklist, i) not in self._items]
        return known + [_fallback_item(result.checklist, i, result) for i in extra]

    @property
    def all(self) -> list[Rule]:
        return list(self._order)

    def index(self, rule: Rule) -> int:
        return self._index[rule.qualified]


# ---------------------------------------------------------------------------------------------
# text of a finding


def full_message(f: Finding, lang: str) -> str:
    return "\n".join([i18n.pick(f.message, lang), *detail_lines(f, lang)])


# ---------------------------------------------------------------------------------------------
# fingerprints


def with_occurrence(findings: list[Finding]) -> list[tuple[Finding, int]]:
    """Each finding with its index among the findings of the same rule at the same document path.

    The index is taken in document order, so inserting lines above shifts every finding alike and
    changes no index; only a new finding of the same rule at the same path renumbers the later ones."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        key = (f.rule, f.path)
        out.append((f, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return out


def fingerprint(path: str, f: Finding, occurrence: int) -> str:
    """sha256 of file path, rule, document path and occurrence: no line numbers, no wording."""
    data = "\0".join(["kotocheck/v1", path, f.rule, f.path, str(occurrence)])
    return hashlib.sha256(data.encode("utf-8", "surrogateescape")).hexdigest()  # a non-UTF-8 file name too


# ---------------------------------------------------------------------------------------------
# coverage

def coverage(result: FileResult) -> tuple[int, int]:
    """(covered, applicable) items of the result's checklist."""
    applicable = [s for s in result.statuses.values() if s is not Status.NOT_APPLICABLE]
    return sum(1 for s in applicable if s is Status.COVERED), len(applicable)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot carry at all (control characters from a broken file) as U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)
