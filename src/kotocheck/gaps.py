"""The gap report: every checklist item of a checked file as covered / partly covered /
missing / not applicable, built from the same FileResult as `validate` (no second judgement).

Coverage is counted here and only here (`Counts`, `tally`): `validate`, `report` and `summary`
all show these counts. Apart from coverage, the counts say how many items that rest on the law
(`rests_on: law`, more than advice) are missing or partly covered, so a high coverage of the checklist's
recommendations never hides an unmet legal duty."""

from __future__ import annotations

from dataclasses import dataclass, field

from kotocheck.checklist import Checklist, available, load_checklist
from kotocheck.findings import FileResult, Severity, Status
from kotocheck.locations import is_empty, locate, resolve

ORDER = (Status.COVERED, Status.PARTIAL, Status.MISSING, Status.NOT_ASSESSED, Status.NOT_APPLICABLE)


@dataclass
class GapItem:
    id: str
    title: dict
    text: dict
    hint: dict
    severity: Severity  # in this run: kotocheck.toml's [severity] where it sets one
    status: Status
    source: dict  # label of the source with step and bullet or section
    url: str
    also: list[dict]  # further sources saying the same
    rests_on: str
    line: int | None  # where the evidence is, or where the shortfall was found
    findings: list[dict] = field(default_factory=list)  # {line, column, message}
    reason: str | None = None  # why the municipality declared it not applicable
    legal: bool = False  # the law requires it (the checklist's severity: a local setting does not change the law)


UNMET = (Status.MISSING, Status.PARTIAL)


def legal_requirement(rests_on: str, severity: Severity) -> bool:
    """An item the law requires: it rests on the law and is more than advice. "checklist+law"
    items cite a section that only allows ("voi sisältää"); an `info` resting on the law is
    advice drawn from it (e.g. a period over four years will need a review)."""
    return rests_on == "law" and severity is not Severity.INFO


STRUCTURAL = ("yaml.", "schema.")  # rules of errors in the file's structure


def structural_errors(result: FileResult) -> bool:
    """Errors in the file's structure: the checks read what they could, so the items they
    found covered are no full assessment of the checklist (a mistyped value can pass one)."""
    return any(f.severity is Severity.ERROR and f.rule.startswith(STRUCTURAL) for f in result.findings)


@dataclass
class Counts:
    covered: int = 0
    partial: int = 0
    missing: int = 0
    not_applicable: int = 0
    not_assessed: int = 0  # marked as not yet written or read: counted apart, never as missing or covered
    legal: int = 0  # applicable items that rest on the law
    legal_unmet: int = 0  # of those, missing or partly covered
    legal_not_assessed: int = 0  # of those, not yet assessed

    def add(self, status: Status, legal: bool = False) -> None:
        setattr(self, status.value, getattr(self, status.value) + 1)
        if legal and status is not Status.NOT_APPLICABLE:
            self.legal += 1
            self.legal_unmet += status in UNMET
            self.legal_not_assessed += status is Status.NOT_ASSESSED

    @property
    def applicable(self) -> int:
        """Items that apply, assessed or not: an item not yet assessed is not covered either."""
        return self.covered + self.partial + self.missing + self.not_assessed

    @property
    def percent(self) -> int:
        """Share of applicable items fully covered, rounded down so 99.6 % never shows as 100."""
        return (100 * self.covered) // self.applicable if self.applicable else 100

    def as_dict(self) -> dict:
        return {"covered": self.covered, "partial": self.partial, "missing": self.missing,
                "not_applicable": self.not_applicable, "not_assessed": self.not_assessed,
                "applicable": self.applicable, "percent": self.percent,
                "legal": self.legal, "legal_unmet": self.legal_unmet, "legal_not_assessed": self.legal_not_assessed}


@dataclass
class StepGroup:
    number: int
    title: dict
    items: list[GapItem]
    counts: Counts


@dataclass
class GapReport:
    file: str
    kind: str
    checklist: Checklist
    steps: list[StepGroup]
    counts: Counts
    findings_outside: list[dict]  # schema and document findings that belong to no checklist item
    errors: int
    warnings: int
    validity: object = None  # validity.Validity of a programme, as the engine decided it
    structural: bool = False  # errors in the file's structure: the coverage is no full assessment
    held: dict = field(default_factory=dict)  # item id -> the note of the not_assessed mark holding it back

    @property
    def legal_unmet(self) -> list[GapItem]:
        """The items resting on the law that are missing or partly covered, in checklist order."""
        return [i for s in self.steps for i in s.items if i.legal and i.status in UNMET]


def _checklist(result: FileResult) -> Checklist | None:
    if not result.checklist or result.document is None or result.checklist not in available():
        return None
    return load_checklist(available()[result.checklist])


def tally(result: FileResult) -> Counts | None:
    """The counts of a checked file (as in its gap report), or None without a checklist."""
    checklist = _checklist(result)
    if checklist is None:
        return None
    counts = Counts()
    for _, items in _by_step(checklist):
        for item in items:
            counts.add(result.statuses.get(item.id, Status.MISSING), legal_requirement(item.rests_on, item.severity))
    return counts


def _by_step(checklist: Checklist):
    for step in checklist.steps:
        yield step, [i for i in checklist.items if i.step == step.number]


def build(result: FileResult) -> GapReport | None:
    """None when the file could not be checked against a checklist (unreadable, unknown kind)."""
    checklist = _checklist(result)
    if checklist is None:
        return None
    doc = result.document
    waivers = {w.item: w for w in result.waivers}
    by_rule: dict[str, list] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    total = Counts()
    steps = []
    for step, step_items in _by_step(checklist):
        counts = Counts()
        items = []
        for item in step_items:
            status = result.statuses.get(item.id, Status.MISSING)
            found = by_rule.get(item.id, [])
            line = found[0].line if found else _evidence_line(doc, item)
            legal = legal_requirement(item.rests_on, item.severity)
            items.append(GapItem(
                id=item.id, title=item.title.as_dict(), text=item.text.as_dict(), hint=item.hint.as_dict(),
                # the findings carry kotocheck.toml's [severity] (engine.check_file): the report says what validate says
                severity=found[0].severity if found else item.severity, status=status,
                source=checklist.source_label(item.source),
                url=checklist.sources[item.source.document].url, also=[checklist.source_label(a) for a in item.also],
                rests_on=item.rests_on, line=line if status is not Status.NOT_APPLICABLE else waivers[item.id].line,
                findings=[{"line": f.line, "column": f.column, "message": f.message} for f in found],
                reason=waivers[item.id].reason if item.id in waivers else None, legal=legal))
            counts.add(status, legal)
            total.add(status, legal)
        steps.append(StepGroup(number=step.number, title=step.title.as_dict(), items=items, counts=counts))
    item_ids = {i.id for i in checklist.items}
    outside = [{"rule": f.rule, "severity": f.severity.value, "line": f.line, "column": f.column, "message": f.message}
               for f in result.findings if f.rule not in item_ids]
    return GapReport(file=result.file, kind=result.kind or "", checklist=checklist, steps=steps, counts=total,
                     findings_outside=outside, errors=result.count(Severity.ERROR),
                     warnings=result.count(Severity.WARNING), validity=result.validity,
                     structural=structural_errors(result), held=dict(result.held))


def _evidence_line(doc, item) -> int | None:
    """The first line holding content the item's check reads."""
    for expression in item.check.expressions():
        for path, value in resolve(doc.data, expression).matches:
            if not is_empty(value):
                return locate(doc.tree, path)[0]
    return None
