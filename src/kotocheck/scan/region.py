"""`kotocheck scan DIR`: the ELY reviewer's first table of a region's documents, one row each:
what could be read of it (municipality, period, checklist) and how many items have evidence,
weak evidence or none, with the legal requirements that have none. A document that cannot be read
is a row with its one-line reason, never the end of the run. Formats as `summary`: text, md,
html, csv, json."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from kotocheck.scan.evidence import LABELS, STATUSES

FORMATS = ("text", "md", "html", "csv", "json")


@dataclass
class Row:
    file: str
    format: str = ""
    municipality: str | None = None
    period: str | None = None
    checklist: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    legal_not_found: list[str] = field(default_factory=list)
    error: str | None = None  # the document could not be read: why, in one line


def row(view: dict[str, Any]) -> Row:
    """The row of one scanned document, from its report view (scan.report.view)."""
    facts = {f["key"]: f["value"] for f in view["facts"]}
    return Row(file=view["file"], format=view["format"], municipality=facts.get("municipality"),
               period=facts.get("period"), checklist=view["checklist"]["id"],
               counts={s: view["counts"][s] for s in STATUSES},
               legal_not_found=[i["id"] for i in view["legal_not_found"]])


def failed(file: str, reason: str) -> Row:
    return Row(file=file, error=reason)


HEAD = {
    "fi": ["Tiedosto", "Kunta", "Kausi", "Tarkistuslista", *[LABELS[s]["fi"] for s in STATUSES],
           "Lakisääteiset ilman näyttöä", "Virhe"],
    "en": ["File", "Municipality", "Period", "Checklist", *[LABELS[s]["en"] for s in STATUSES],
           "Legal items without evidence", "Error"],
    "sv": ["Fil", "Kommun", "Period", "Checklista", *[LABELS[s]["sv"] for s in STATUSES],
           "Lagstadgade utan belägg", "Fel"],
}


def cells(r: Row) -> list[str]:
    counts = [str(r.counts.get(s, "")) if not r.error else "" for s in STATUSES]
    return [r.file, r.municipality or "", r.period or "", r.checklist or "", *counts,
            ", ".join(r.legal_not_found), r.error or ""]


def ordered(rows: list[Row]) -> list[Row]:
    """By municipality, then file; unreadable documents last."""
    return sorted(rows, key=lambda r: (r.error is not None, (r.municipality or "").casefold(), r.file))


def output(rows: list[Row], fmt: str, lang: str) -> str:
    rows = ordered(rows)
    head = HEAD.get(lang, HEAD["fi"])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(head)
        writer.writerows(_spreadsheet_safe(cells(r)) for r in rows)
        return "\ufeff" + out.getvalue()  # as summary's: the BOM makes Excel read ä and ö right
    if fmt == "json":
        return json.dumps({"tool": "kotocheck scan", "documents": [r.__dict__ for r in rows]},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return _text(head, [cells(r) for r in rows])
    from kotocheck import render

    return render.render(fmt, f"scan-summary.{fmt}", {"lang": lang, "t": render.labels(lang), "head": head,
                                                       "rows": [cells(r) for r in rows]})


def _spreadsheet_safe(values: list[str]) -> list[str]:
    """A cell a spreadsheet would run as a formula (=, +, -, @ first) is written as text."""
    return ["'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v for v in values]


def _text(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip() for line in [head, *rows]]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]]) + "\n"
