"""Findings: the one list every output is built from."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Status(str, enum.Enum):
    """Gap status of one checklist item."""

    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"  # marked as not yet written or read: neither missing nor covered


Localized = dict  # {"fi": str, "en": str, ...}


@dataclass
class Finding:
    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    message: Localized
    hint: Localized | None = None
    source: Localized | None = None  # the checklist text or law section behind the finding
    url: str | None = None
    path: str = ""  # document path in dotted form, e.g. goals[0].measures
    partial: bool = False  # the item is partly covered, not missing
    # Each place the finding is about, when it is about several (8 goals without an indicator
    # are one finding at `goals`): {"line": int, "column": int, "path": str}.
    related: list[dict] = field(default_factory=list)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.rule)


@dataclass
class Waiver:
    item: str
    reason: str
    line: int
    column: int
    origin: str = "document"  # "document" (not_applicable) or "config" (kotocheck.toml)
    title: Localized | None = None  # the waived item's title
    file: str | None = None  # where it was declared, when not the checked file
    approved_by: str | None = None
    expires: object = None  # datetime.date for config waivers that expire
    applied: bool = True  # False under --no-waivers, or when expired


@dataclass
class FileResult:
    """Everything known about one checked file."""

    file: str
    kind: str | None = None
    checklist: str | None = None
    findings: list[Finding] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    statuses: dict[str, Status] = field(default_factory=dict)  # checklist item id -> status
    unreadable: bool = False  # the input could not be read at all (exit 2)
    document: object = None  # the parsed Document, for reports and rendering (never serialised)
    validity: object = None  # validity.Validity of a programme on the reference date (checklist known)
    held: dict = field(default_factory=dict)  # item id -> the note of the not_assessed mark holding it back

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        ranks = [f.severity for f in self.findings]
        return max(ranks, key=lambda s: s.rank) if ranks else None
