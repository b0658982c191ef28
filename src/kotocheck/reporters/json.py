"""Machine-readable findings: one object with a `findings` list and a summary per file."""

from __future__ import annotations

import json

from kotocheck import __version__, gaps, i18n
from kotocheck.findings import FileResult, Severity, Status


def report(results: list[FileResult], lang: str) -> str:
    findings = []
    files = []
    for result in results:
        for f in result.findings:
            entry = {"rule": f.rule, "severity": f.severity.value, "file": f.file, "line": f.line,
                     "column": f.column, "message": i18n.pick(f.message, lang), "path": f.path}
            if f.source:
                entry["source"] = i18n.pick(f.source, lang)
            if f.url:
                entry["url"] = f.url
            if f.hint:
                entry["hint"] = i18n.pick(f.hint, lang)
            if f.source:  # a checklist item: say how far it is met
                entry["status"] = "partial" if f.partial else "missing"
            if f.related:  # each entry or value the finding is about
                entry["related"] = [{"line": r["line"], "column": r["column"], "path": r["path"]} for r in f.related]
            findings.append(entry)
        files.append({
            "file": result.file, "kind": result.kind, "checklist": result.checklist, "readable": not result.unreadable,
            "errors": result.count(Severity.ERROR), "warnings": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "waivers": [{"item": w.item, "title": i18n.pick(w.title, lang), "reason": w.reason, "origin": w.origin,
                         "file": w.file or result.file, "line": w.line, "column": w.column,
                         "approved_by": w.approved_by, "expires": w.expires.isoformat() if w.expires else None,
                         "applied": w.applied} for w in result.waivers],
            "statuses": {k: v.value for k, v in result.statuses.items()},
            # items resting on the law that are missing or partly covered (None: no checklist applied)
            "legal_unmet": _legal_unmet(result),
            # items marked as not yet written or read (not_assessed): neither missing nor covered
            "not_assessed": sum(1 for v in result.statuses.values() if v is Status.NOT_ASSESSED),
            # a programme's validity on the reference date, as decided once for every output
            "validity": result.validity.as_dict(lang) if result.validity is not None else None,
        })
    return json.dumps({"tool": "kotocheck", "version": __version__, "language": lang, "findings": findings,
                       "files": files}, ensure_ascii=False, indent=2) + "\n"


def _legal_unmet(result) -> int | None:
    counts = gaps.tally(result) if result.statuses else None
    return counts.legal_unmet if counts is not None else None
