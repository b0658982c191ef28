"""The gap report: every checklist item of a checked file as covered / partly covered /
missing / not applicable, built from the same FileResult as `validate` (no second judgement)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kotocheck.checklist import Checklist, available, load_checklist
from kotocheck.findings import FileResult, Severity, Status
from kotocheck.locations import is_empty, locate, resolve

ORDER = (Status.COVERED, Status.PARTIAL, Status.MISSING, Status.NOT_APPLICABLE)


@dataclass
class GapItem:
    id: str
    title: dict
    text: dict
    hint: dict
    severity: Severity
    status: Status
    source: dict  # label of the source with step and bullet or section
    url: str
    also: list[dict]  # further sources saying the same
    rests_on: str
    line: int | None  # where the evidence is, or where the shortfall was found
    findings: list[dict] = field(default_factory=list)  # {line, column, message}
    reason: str | None = None  # why the municipality declared it not applicable


@dataclass
class Counts:
    covered: int = 0
    partial: int = 0
    missing: int = 0
    not_applicable: int = 0

    def add(self, status: Status) -> None:
        setattr(self, status.value, getattr(self, status.value) + 1)

    @property
    def applicable(self) -> int:
        return self.covered + self.partial + self.missing

    @property
    def percent(self) -> int:
        """Share of applicable items fully covered, rounded down so 99.6 % never shows as 100."""
        return (100 * self.covered) // self.applicable if self.applicable else 100

    def as_dict(self) -> dict:
        return {"covered": self.covered, "partial": self.partial, "missing": self.missing,
                "not_applicable": self.not_applicable, "applicable": self.applicable, "percent": self.percent}


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


def build(result: FileResult) -> GapReport | None:
    """None when the file could not be checked against a checklist (unreadable, unknown kind)."""
    if not result.checklist or result.document is None:
        return None
    checklist = load_checklist(available()[result.checklist]) if result.checklist in available() else None
    if checklist is None:
        return None
    doc = result.document
    waivers = {w.item: w for w in result.waivers}
    by_rule: dict[str, list] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    total = Counts()
    steps = []
    for step in checklist.steps:
        counts = Counts()
        items = []
        for item in (i for i in checklist.items if i.step == step.number):
            status = result.statuses.get(item.id, Status.MISSING)
            found = by_rule.get(item.id, [])
            line = found[0].line if found else _evidence_line(doc, item)
            items.append(GapItem(
                id=item.id, title=item.title.as_dict(), text=item.text.as_dict(), hint=item.hint.as_dict(),
                severity=item.severity, status=status, source=checklist.source_label(item.source),
                url=checklist.sources[item.source.document].url, also=[checklist.source_label(a) for a in item.also],
                rests_on=item.rests_on, line=line if status is not Status.NOT_APPLICABLE else waivers[item.id].line,
                findings=[{"line": f.line, "column": f.column, "message": f.message} for f in found],
                reason=waivers[item.id].reason if item.id in waivers else None))
            counts.add(status)
            total.add(status)
        steps.append(StepGroup(number=step.number, title=step.title.as_dict(), items=items, counts=counts))
    item_ids = {i.id for i in checklist.items}
    outside = [{"rule": f.rule, "severity": f.severity.value, "line": f.line, "column": f.column, "message": f.message}
               for f in result.findings if f.rule not in item_ids]
    return GapReport(file=result.file, kind=result.kind or "", checklist=checklist, steps=steps, counts=total,
                     findings_outside=outside, errors=result.count(Severity.ERROR),
                     warnings=result.count(Severity.WARNING))


def _evidence_line(doc, item) -> int | None:
    """The first line holding content the item's check reads."""
    for expression in item.check.expressions():
        for path, value in resolve(doc.data, expression).matches:
            if not is_empty(value):
                return locate(doc.tree, path)[0]
    return None
