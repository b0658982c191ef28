"""The ELY reviewer's table in its five formats: text, Markdown, HTML, CSV and JSON, built
from a `summary.Summary`. Never prints."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from typing import Any

from kotocheck import __version__, validity
from kotocheck.i18n import pick
from kotocheck.summary import Row, Summary
from kotocheck.views import STATUS_MARKS

# --- shared display helpers -------------------------------------------------------------------------------


def clean(text: Any) -> str:
    """One line of text safe for a terminal or a table cell: no control characters."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    return " ".join("".join(c if unicodedata.category(c)[0] != "C" else " " for c in text).split())


def day(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return f"{value.day}.{value.month}.{value.year}" if lang in ("fi", "sv") else value.isoformat()


def period_text(row: Row, lang: str) -> str:
    def one(value: str | None) -> str:  # as the findings write it; text that is no period bound as written
        return validity.shown_bound(value, lang) if validity.bounds(value) else value or ""

    start, end = one(row.period_start), one(row.period_end)
    return f"{start}–{end}" if start and end else start or (f"–{end}" if end else "")


def percent(value: int | None) -> str:
    return "" if value is None else f"{value}\u00a0%"


def basis_word(row: Row, t: dict) -> str:
    """Why the valid-until date is what it is: "hyväksymisestä 4 vuotta" (the checklist item's
    years) or "ohjelmakauden loppu"."""
    if not row.valid_until_basis:
        return ""
    return t["sum_basis_" + row.valid_until_basis].replace("{years}", str(row.valid_until_years or ""))


def legal_text(row: Row) -> str:
    return "" if row.legal_unmet is None else str(row.legal_unmet)


def validity_word(row: Row, t: dict) -> str:
    if row.state == "unreadable":
        return t["sum_unreadable"]
    if row.state == "not_checked" and row.validity == "unknown":
        return t["sum_not_checked"]
    return t["sum_" + row.validity]


def problem_text(row: Row, lang: str) -> str:
    if not row.problem:
        return ""
    where = f"{row.problem_line}:{row.problem_column} " if row.problem_line else ""
    return clean(where + pick(row.problem, lang))


def gap_words(row: Row, t: dict) -> str:
    """How many items are missing and partly covered, in words."""
    parts = []
    if row.missing:
        parts.append(f"{len(row.missing)} {t['missing']}")
    if row.partial:
        parts.append(f"{len(row.partial)} {t['sum_partly']}")
    return ", ".join(parts)


def item_ids(row: Row, t: dict) -> str:
    text = ", ".join(i.id for i in row.missing)
    if row.partial:
        partial = f"{t['sum_partly']}: " + ", ".join(i.id for i in row.partial)
        text = f"{text}; {partial}" if text else partial
    return text


def md_code(text: str) -> str:
    """A Markdown code span that holds any text, also inside a pipe table cell."""
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def view(summary: Summary, lang: str, t: dict) -> dict:
    """What the md and html templates see: every cell already formatted."""
    def cells(row: Row, number: int) -> dict:
        return {
            "row": row, "number": number, "anchor": f"file-{number}",
            "municipality": clean(row.municipality), "code": clean(row.municipality_code),
            "region": clean(row.region), "title": clean(row.title), "file": clean(row.file),
            "file_md": md_code(clean(row.file)), "file_parts": re.findall(r"[^/\\_.-]*(?:[/\\_.-]|$)", clean(row.file))[:-1]
            or [clean(row.file)],
            "gap_words": gap_words(row, t),
            "checklist": clean(row.checklist), "checklist_title": clean(pick(row.checklist_title, lang)),
            "period": period_text(row, lang), "period_sort": row.period_start or "",
            "approval": day(row.approval_date, lang), "approval_sort": row.approval_date.isoformat() if row.approval_date else "",
            "valid_until": day(row.valid_until, lang),
            "valid_until_sort": row.valid_until.isoformat() if row.valid_until else "",
            "four_year_rule": row.valid_until_basis == validity.FOUR_YEAR_RULE, "basis": basis_word(row, t),
            "legal_unmet": legal_text(row),
            "validity": validity_word(row, t), "validity_class": _validity_class(row),
            "coverage": percent(row.coverage), "counts": row.counts,
            "errors": row.errors, "warnings": row.warnings,
            "ids": item_ids(row, t), "gaps": len(row.missing) + len(row.partial),
            "missing": [{"id": i.id, "title": clean(pick(i.title, lang)), "status": i.status,
                         "severity": t["sev_" + i.severity]} for i in row.missing + row.partial],
            "problem": problem_text(row, lang),
        }

    rows = [cells(r, n) for n, r in enumerate(summary.rows, start=1)]
    others = [cells(r, n) for n, r in enumerate(summary.others, start=len(rows) + 1)]
    return {"lang": lang, "t": t, "today": day(summary.today, lang), "today_iso": summary.today.isoformat(),
            "rows": rows, "others": others, "totals": summary.totals,
            "average": percent(summary.totals.average_coverage), "totals_line": totals_line(summary, t),
            "problems": [r for r in rows if r["problem"]],
            "with_gaps": [r for r in rows if r["missing"]],
            "kind_word": lambda kind: t.get("sum_kind_" + (kind or ""), kind or ""),
            "status_mark": lambda status: STATUS_MARKS[status],
            "status_word": lambda status: t["not_applicable_status" if status == "not_applicable" else status],
            "doc": {}}


def _validity_class(row: Row) -> str:
    if row.state != "checked" and row.validity == "unknown":
        return "missing"
    return {"valid": "covered", "expired": "missing", "not_started": "partial"}.get(row.validity, "not_applicable")


def totals_line(summary: Summary, t: dict) -> str:
    s = summary.totals
    parts = [f"{t['sum_files']} {s.files}", f"{t['sum_valid_count']} {s.valid}",
             f"{t['sum_average_coverage']} {percent(s.average_coverage) or '–'}",
             f"{t['sum_legal_unmet'].lower()} {s.legal_unmet}",
             f"{t['sum_errors'].lower()} {s.errors}", f"{t['sum_warnings'].lower()} {s.warnings}"]
    return f"{t['sum_totals']}: " + ", ".join(parts)


# --- formats ---------------------------------------------------------------------------------------------

TEXT_COLUMNS = ("region", "municipality", "municipality_code", "checklist", "period", "approval", "sum_valid_until",
                "sum_validity", "sum_legal_unmet", "coverage", "sum_errors", "sum_warnings", "file")
NUMERIC = {"sum_legal_unmet", "coverage", "sum_errors", "sum_warnings"}


def as_text(summary: Summary, lang: str, t: dict) -> str:
    def cells(row: Row) -> list[str]:
        until = day(row.valid_until, lang) + (" *" if row.valid_until_basis == validity.FOUR_YEAR_RULE else "")
        return [clean(row.region) or "–", clean(row.municipality) or "–", clean(row.municipality_code) or "–",
                clean(row.checklist) or "–", period_text(row, lang) or "–", day(row.approval_date, lang) or "–",
                until or "–", validity_word(row, t), legal_text(row) or "–",
                percent(row.coverage).replace("\u00a0", " ") or "–", str(row.errors), str(row.warnings),
                clean(row.file)]

    lines = [f"{t['sum_title']} {day(summary.today, lang)}", ""]
    lines += _aligned([t[c] for c in TEXT_COLUMNS], [cells(r) for r in summary.rows],
                      [c in NUMERIC for c in TEXT_COLUMNS])
    lines += ["", totals_line(summary, t).replace("\u00a0", " ")]
    if any(r.valid_until_basis == validity.FOUR_YEAR_RULE for r in summary.rows):
        lines.append(f"* {t['sum_four_year_note']}")
    gapped = [r for r in summary.rows if r.missing or r.partial]
    if gapped:
        lines += ["", f"{t['sum_missing_items']}:"]
        for row in gapped:
            lines.append(f"  {clean(row.municipality) or '–'} ({clean(row.file)}): {item_ids(row, t)}")
    problems = [r for r in summary.rows if r.problem]
    if problems:
        lines += ["", f"{t['sum_problems']}:"]
        lines += [f"  {clean(r.file)}:{problem_text(r, lang)}" if r.problem_line else
                  f"  {clean(r.file)}: {problem_text(r, lang)}" for r in problems]
    if summary.others:
        lines += ["", f"{t['sum_others']}:"]
        other_cols = ("sum_kind", "municipality", "checklist", "coverage", "sum_errors", "sum_warnings", "file")
        lines += ["  " + line for line in _aligned(
            [t[c] for c in other_cols],
            [[t.get("sum_kind_" + (r.kind or ""), r.kind or ""), clean(r.municipality) or "–", clean(r.checklist) or "–",
              percent(r.coverage).replace("\u00a0", " ") or "–", str(r.errors), str(r.warnings), clean(r.file)]
             for r in summary.others],
            [c in NUMERIC for c in other_cols])]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _aligned(header: list[str], rows: list[list[str]], right: list[bool]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right))

    return [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


CSV_COLUMNS = ("file", "region", "municipality", "municipality_code", "title", "checklist", "period_start",
               "period_end", "approval_date", "valid_until", "valid_until_basis", "validity", "legal_unmet",
               "coverage_percent", "covered", "applicable", "errors", "warnings", "missing_items", "partial_items",
               "not_assessed_items", "problem")


def record(row: Row, lang: str) -> dict[str, Any]:
    """One row as a flat mapping of the CSV columns (dates ISO, numbers as numbers)."""
    return {
        "file": row.file, "region": row.region, "municipality": row.municipality,
        "municipality_code": row.municipality_code, "title": row.title, "checklist": row.checklist,
        "period_start": row.period_start, "period_end": row.period_end,
        "approval_date": row.approval_date.isoformat() if row.approval_date else None,
        "valid_until": row.valid_until.isoformat() if row.valid_until else None,
        "valid_until_basis": row.valid_until_basis,
        "validity": row.validity,
        "coverage_percent": row.coverage, "covered": row.counts.covered if row.counts else None,
        "applicable": row.counts.applicable if row.counts else None, "errors": row.errors, "warnings": row.warnings,
        "legal_unmet": row.legal_unmet,
        "missing_items": " ".join(i.id for i in row.missing), "partial_items": " ".join(i.id for i in row.partial),
        "not_assessed_items": " ".join(i.id for i in row.not_assessed),
        "problem": problem_text(row, lang) or None,
    }


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


CSV_HEADERS = {"file": "file", "region": "region", "municipality": "municipality",
               "municipality_code": "municipality_code", "title": "sum_document_title", "checklist": "checklist",
               "period_start": "sum_period_start", "period_end": "sum_period_end", "approval_date": "approval",
               "valid_until": "sum_valid_until", "valid_until_basis": "sum_valid_until_basis",
               "validity": "sum_validity", "legal_unmet": "sum_legal_unmet",
               "coverage_percent": "sum_coverage_percent", "covered": "covered",
               "applicable": "sum_applicable", "errors": "sum_errors", "warnings": "sum_warnings",
               "missing_items": "sum_missing_items", "partial_items": "sum_partial_items",
               "not_assessed_items": "sum_not_assessed_items", "problem": "sum_problem"}


def csv_header(t: dict) -> list[str]:
    return [t[CSV_HEADERS[c]][:1].upper() + t[CSV_HEADERS[c]][1:] for c in CSV_COLUMNS]


def as_csv(summary: Summary, lang: str, t: dict) -> str:
    """A spreadsheet for the reviewer: RFC 4180 (commas, CRLF, quotes where needed), UTF-8 with a
    byte order mark so that Excel reads å, ä and ö right. Headers and validity words in the
    chosen language; dates ISO 8601 and numbers bare, so a spreadsheet sorts them as such.
    Only programme rows: the CSV is one table (JSON carries the other documents too)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_header(t))
    for row in summary.rows:
        entry = record(row, lang)
        entry["validity"] = validity_word(row, t)
        if row.valid_until_basis:
            entry["valid_until_basis"] = basis_word(row, t)
        writer.writerow([_cell(entry[c]) for c in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


def as_json(summary: Summary, lang: str, t: dict) -> str:
    def obj(row: Row) -> dict:
        entry = record(row, lang)
        entry.update({
            "kind": row.kind, "state": row.state, "valid": row.valid,
            "checklist_title": pick(row.checklist_title, lang) or None,
            "counts": row.counts.as_dict() if row.counts else None, "info": row.info,
            "missing_items": [{"id": i.id, "title": pick(i.title, lang), "severity": i.severity} for i in row.missing],
            "partial_items": [{"id": i.id, "title": pick(i.title, lang), "severity": i.severity} for i in row.partial],
            "problem": {"line": row.problem_line, "column": row.problem_column, "message": pick(row.problem, lang)}
            if row.problem else None,
        })
        return entry

    return json.dumps({"tool": "kotocheck", "version": __version__, "language": lang,
                       "today": summary.today.isoformat(), "programmes": [obj(r) for r in summary.rows],
                       "other_documents": [obj(r) for r in summary.others], "totals": summary.totals.as_dict()},
                      ensure_ascii=False, indent=2) + "\n"


def as_template(summary: Summary, fmt: str, lang: str, t: dict) -> str:
    from kotocheck import render

    return render.render(fmt, f"summary.{fmt}", view(summary, lang, t))


FORMATS = ("text", "md", "html", "csv", "json")


def output(summary: Summary, fmt: str, lang: str) -> str:
    from kotocheck import render

    t = render.labels(lang)
    if fmt == "text":
        return as_text(summary, lang, t)
    if fmt == "csv":
        return as_csv(summary, lang, t)
    if fmt == "json":
        return as_json(summary, lang, t)
    return as_template(summary, fmt, lang, t)
