"""`not_assessed:` of a document: checklist items or parts of the document not yet written or not
yet read (a half-written draft, a reviewer's partial transcription).

An item that falls short where the document says it has not been assessed gets the status
"not assessed": it is neither missing nor covered, and its shortfalls are not listed one by one.
It is never hidden either: every mark is one finding that names the items it holds back, a
warning when one of them is a legal requirement, and the counts keep these items apart. An item
that is met despite the mark is simply covered, and a mark that holds back nothing says so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kotocheck import i18n
from kotocheck.checklist import Checklist, Item
from kotocheck.findings import FileResult, Finding, Severity, Status
from kotocheck.gaps import legal_requirement
from kotocheck.locations import dotted, locate, resolve

_SELECTORS = re.compile(r"\[[^\]]*\]")


def _plain(expression: str) -> str:
    """`goals[*].measures[*].responsible` -> `goals.measures.responsible`."""
    return _SELECTORS.sub("", expression).strip(". ")


def _inside(path: str, part: str) -> bool:
    """`path` is `part` or lies below it ("" is the whole document)."""
    return part == "" or path == part or path.startswith(part + ".")


@dataclass
class Mark:
    path: tuple  # where the mark is written in the document
    note: str
    item: str | None = None
    section: str | None = None
    held: list[str] = field(default_factory=list)  # ids of the items it made "not assessed"

    def holds(self, item: Item, hits: list, sections: list[str]) -> bool:
        """An item mark holds its item. A section mark holds an item that reads the section, when
        every shortfall lies in a marked section or is its absence (found at a part that holds
        it): a shortfall elsewhere, e.g. a period that has ended beside an approval not yet read,
        is still a finding."""
        if self.item is not None:
            return item.id == self.item
        if not _reads(item, self.section or ""):
            return False
        places = [_plain(dotted(p)) for hit in hits for p in [hit.path, *hit.related]]
        return all(any(_inside(p, s) or _inside(s, p) for s in sections) for p in places)


@dataclass
class Marks:
    doc: object
    marks: list[Mark] = field(default_factory=list)

    @classmethod
    def read(cls, doc, checklist: Checklist, result: FileResult) -> "Marks":
        marks = cls(doc)
        for path, entry in resolve(doc.data, "not_assessed[*]").matches:
            if not isinstance(entry, dict) or not isinstance(entry.get("note"), str) or not entry["note"].strip():
                continue  # the schema reports the missing note; an unexplained mark holds back nothing
            item, section = entry.get("item"), entry.get("section")
            item = str(item) if isinstance(item, (str, int, float)) and not isinstance(item, bool) else None
            section = section if isinstance(section, str) and section.strip() else None
            if item is None and section is None:
                result.findings.append(_finding(doc, path, "not-assessed.empty", Severity.WARNING))
                continue
            if item is not None and checklist.item(item) is None:
                result.findings.append(_finding(doc, path + ("item",), "not-assessed.unknown-item",
                                                Severity.WARNING, at_value=True, value=item))
                continue
            if item is not None:
                marks.marks.append(Mark(path, entry["note"].strip(), item=item))
            if section is not None and not any(_reads(i, section) for i in checklist.items):
                # a misspelt part would otherwise hold back nothing without a word
                result.findings.append(_finding(doc, path + ("section",), "not-assessed.unknown-section",
                                                Severity.WARNING, at_value=True, value=section.strip()))
            elif section is not None:
                marks.marks.append(Mark(path, entry["note"].strip(), section=section.strip()))
        return marks

    def covers(self, item: Item, hits: list) -> Mark | None:
        """The mark that holds this unmet item back (the first that does records it), or None."""
        sections = [_plain(m.section) for m in self.marks if m.section]
        for mark in self.marks:
            if mark.holds(item, hits, sections):
                mark.held.append(item.id)
                return mark
        return None

    @staticmethod
    def _all_met(mark: Mark, result: FileResult, checklist: Checklist) -> bool:
        return all(result.statuses.get(i.id) in (Status.COVERED, Status.NOT_APPLICABLE)
                   for i in checklist.items if _reads(i, mark.section or ""))

    def findings(self, result: FileResult, checklist: Checklist) -> list[Finding]:
        out = []
        for mark in self.marks:
            if mark.held:
                legal = any(legal_requirement(i.rests_on, i.severity) for i in map(checklist.item, mark.held))
                key = ("not_assessed.legal" if legal else "not_assessed.held") + (".one" if len(mark.held) == 1 else "")
                out.append(_finding(self.doc, mark.path, "not-assessed", Severity.WARNING if legal else Severity.INFO,
                                    key=key, items=", ".join(mark.held), count=len(mark.held), note=mark.note))
            elif result.statuses.get(mark.item or "") is Status.NOT_APPLICABLE:
                continue  # the waiver decides; saying more would repeat it
            elif mark.section and not self._all_met(mark, result, checklist):
                continue  # items reading it fall short elsewhere too: their findings say so
            else:
                key = "not_assessed.item_met" if mark.item else "not_assessed.section_met"
                out.append(_finding(self.doc, mark.path, "not-assessed.met", Severity.INFO, key=key,
                                    value=mark.item or mark.section))
        return out


def _reads(item: Item, section: str) -> bool:
    part = _plain(section)
    return any(_inside(e, part) for e in _plain_reads(item))


_PLAIN: dict[int, tuple[Item, frozenset[str]]] = {}


def _plain_reads(item: Item) -> frozenset[str]:
    """The plain paths an item reads, worked out once per item of a run (asked per mark and item)."""
    known = _PLAIN.get(id(item))
    if known is None or known[0] is not item:
        known = _PLAIN[id(item)] = (item, frozenset(_plain(e) for e in item.check.expressions()))
    return known[1]


def _finding(doc, path: tuple, rule: str, severity: Severity, key: str | None = None, at_value: bool = False,
             **params) -> Finding:
    key = key or rule.replace("-", "_", 1)
    line, column = locate(doc.tree, path, at_value=at_value)
    return Finding(rule=rule, severity=severity, file=doc.file, line=line, column=column,
                   message=i18n.message(key, **params), hint=i18n.message(key + ".hint", **params), path=dotted(path))
