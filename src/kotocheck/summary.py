"""The ELY centre reviewer's table: one row per programme file, with its identification,
validity on the reference date, checklist coverage, finding counts and missing items.

Every figure comes from the same FileResult and gap report as `validate` and `report`
(no second judgement): coverage and unmet legal requirements are the gap report's counts
(gaps.Counts), validity is the engine's decision (validity.decide, the same rule as the
checklist's `not_expired` item L32.4, with the number of years from that item). Services and
follow-up files found alongside are listed apart: the reviewer reports on programmes, so they
neither get a row nor count in the totals. Builds rows and returns text; never prints.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kotocheck import gaps, validity
from kotocheck.findings import FileResult, Severity, Status
from kotocheck.kinds import PROGRAMME

VALIDITY = validity.STATES


@dataclass
class Item:
    """A checklist item that is not (fully) covered."""

    id: str
    title: dict
    severity: str
    status: str  # "missing" or "partial"


@dataclass
class Row:
    file: str
    state: str  # "checked" | "not_checked" (no checklist could be applied) | "unreadable"
    kind: str | None = None
    title: str | None = None
    municipality: str | None = None
    municipality_code: str | None = None
    region: str | None = None
    checklist: str | None = None
    checklist_title: dict | None = None
    period_start: str | None = None  # as written: "2023", "2025-06" or an ISO date
    period_end: str | None = None
    approval_date: dt.date | None = None
    valid_until: dt.date | None = None
    valid_until_basis: str | None = None  # "four_year_rule" | "period_end" | None
    valid_until_years: int | None = None  # the checklist item's years after approval, when they apply
    validity: str = "unknown"  # one of VALIDITY
    counts: gaps.Counts | None = None
    errors: int = 0
    warnings: int = 0
    info: int = 0
    missing: list[Item] = field(default_factory=list)
    partial: list[Item] = field(default_factory=list)
    problem: dict | None = None  # the first error, localized, when the file was not checked
    problem_line: int | None = None
    problem_column: int | None = None
    structural: bool = False  # errors in the file's structure: coverage is no full assessment
    not_assessed: list[Item] = field(default_factory=list)  # items marked as not yet written or read

    @property
    def coverage(self) -> int | None:
        """Percent of items covered; None when not checked, or when structural errors left the
        checklist only partly assessed (a full score beside them would mislead)."""
        return self.counts.percent if self.counts and not self.structural else None

    @property
    def legal_unmet(self) -> int | None:
        """Items resting on the law that are missing or partly covered (None: not checked)."""
        return self.counts.legal_unmet if self.counts else None

    @property
    def valid(self) -> bool:
        return self.validity == "valid"


@dataclass
class Totals:
    files: int
    checked: int
    valid: int
    expired: int
    average_coverage: int | None  # mean of the per-file percentages, rounded down
    errors: int
    warnings: int
    legal_unmet: int = 0  # unmet legal requirements of all programmes together

    def as_dict(self) -> dict:
        return {"files": self.files, "checked": self.checked, "valid": self.valid, "expired": self.expired,
                "average_coverage": self.average_coverage, "errors": self.errors, "warnings": self.warnings,
                "legal_unmet": self.legal_unmet}


@dataclass
class Summary:
    today: dt.date
    rows: list[Row]  # programmes and files that could not be read as any document, sorted
    others: list[Row]  # services and follow-up files, sorted the same way
    totals: Totals


# --- building -------------------------------------------------------------------------------------


def build(results: list[FileResult], today: dt.date) -> Summary:
    rows, others = [], []
    for result in results:
        row = make_row(result, today)
        (rows if row.kind in (None, PROGRAMME) else others).append(row)
    rows.sort(key=sort_key)
    others.sort(key=sort_key)
    return Summary(today=today, rows=rows, others=others, totals=totals(rows))


def make_row(result: FileResult, today: dt.date) -> Row:
    row = Row(file=result.file, state="unreadable" if result.unreadable else "checked", kind=result.kind,
              errors=result.count(Severity.ERROR), warnings=result.count(Severity.WARNING),
              info=result.count(Severity.INFO))
    data = getattr(result.document, "data", None)
    if isinstance(data, dict):
        _identify(row, data, today)
    row.checklist = result.checklist or row.checklist  # a services or follow-up file may use the default
    report = gaps.build(result)
    if report is None:
        if row.state == "checked":
            row.state = "not_checked"
        first = next((f for f in result.findings if f.severity is Severity.ERROR), None) or \
            (result.findings[0] if result.findings else None)
        if first is not None:
            row.problem, row.problem_line, row.problem_column = first.message, first.line, first.column
    else:
        row.checklist_title = report.checklist.title.as_dict()
        row.counts = report.counts
        row.structural = gaps.structural_errors(result)
        for step in report.steps:
            for item in step.items:
                if item.status in (Status.MISSING, Status.PARTIAL, Status.NOT_ASSESSED):
                    entry = Item(id=item.id, title=item.title, severity=item.severity.value, status=item.status.value)
                    {Status.MISSING: row.missing, Status.PARTIAL: row.partial,
                     Status.NOT_ASSESSED: row.not_assessed}[item.status].append(entry)
    decision = result.validity if row.kind == PROGRAMME and report is not None else None
    if decision is not None:  # without a known checklist the rule is unknown
        row.valid_until, row.valid_until_basis = decision.valid_until, decision.basis
        row.valid_until_years, row.validity = decision.years, decision.state
    return row


def _text(value: Any) -> str | None:
    """A scalar of the document as one line of text; anything else is unknown."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _identify(row: Row, data: dict, today: dt.date) -> None:
    row.title = _text(data.get("title"))
    ident = data.get("identification") if row.kind in (None, PROGRAMME) else data
    ident = ident if isinstance(ident, dict) else {}
    row.municipality = _text(ident.get("municipality"))
    row.municipality_code = _text(ident.get("municipality_code"))
    row.region = _text(ident.get("region"))
    checklist = data.get("checklist")
    row.checklist = checklist if isinstance(checklist, str) else None
    period = ident.get("period")
    if isinstance(period, dict):
        row.period_start = _as_written(period.get("start"))
        row.period_end = _as_written(period.get("end"))
    # The newest approval, update or review, as validity counts it (the single approval or the
    # decisions over time).
    row.approval_date, _ = validity.latest_approval(
        data, validity.Rule(since="identification.approval.date", decisions="identification.approvals"), today)


def _as_written(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(value)


# --- order and totals ----------------------------------------------------------------------------------

# Finnish alphabetical order: å, ä and ö come after z, in that order; ü sorts as y.
_FINNISH = str.maketrans({"å": "z\U0010fff0", "ä": "z\U0010fff1", "ö": "z\U0010fff2", "ü": "y", "æ": "z\U0010fff1",
                          "ø": "z\U0010fff2"})


def collate(text: str | None) -> tuple:
    """Sort key of a name in Finnish order; unknown names go last."""
    if not text:
        return (1, "")
    folded = unicodedata.normalize("NFC", text).casefold().translate(_FINNISH)
    # other accented letters sort with their base letter (é with e)
    base = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return (0, base, folded)


def sort_key(row: Row) -> tuple:
    return (collate(row.region), collate(row.municipality), row.file)


def totals(rows: list[Row]) -> Totals:
    percents = [r.coverage for r in rows if r.coverage is not None]
    return Totals(files=len(rows), checked=sum(1 for r in rows if r.counts is not None),
                  valid=sum(1 for r in rows if r.valid), expired=sum(1 for r in rows if r.validity == "expired"),
                  average_coverage=sum(percents) // len(percents) if percents else None,
                  errors=sum(r.errors for r in rows), warnings=sum(r.warnings for r in rows),
                  legal_unmet=sum(r.legal_unmet or 0 for r in rows))


def check(paths: list[Path], today: dt.date) -> Summary:
    """Check every file (already discovered) and build the summary."""
    from kotocheck.engine import check_files

    return build(list(check_files(paths, today)), today)


def output(summary: "Summary", fmt: str, lang: str) -> str:
    """The summary in one of the formats (see summary_formats)."""
    from kotocheck import summary_formats

    return summary_formats.output(summary, fmt, lang)
