"""What `kotocheck scan` prints for one document: the facts it could read, and for every checklist
item the evidence status with the quoted passages and their places (text, md, html, json).

The words say what a heuristic can say: "evidence found", "weak evidence", "not found", never
"covered". Every item names its basis (checklist step and bullet, or the section of the Act) with
the official address, as the gap report does, so the reviewer can open the source."""

from __future__ import annotations

import json
from typing import Any

from kotocheck import i18n
from kotocheck.checklist import Checklist
from kotocheck.documents.facts import Facts
from kotocheck.gaps import legal_requirement
from kotocheck.scan.evidence import LABELS, STATUSES, ScanResult

FORMATS = ("text", "md", "html", "json")
MARKS = {"found": "✔", "weak": "◐", "not_found": "✖"}
# the gap report's colours for the same shapes, so a reader who knows one knows the other
CSS_CLASS = {"found": "covered", "weak": "partial", "not_found": "missing"}


def pick(text: Any, lang: str) -> str:
    """A checklist text ({fi, en, sv}) in the language asked for, as i18n.pick chooses."""
    return i18n.pick(text.as_dict() if hasattr(text, "as_dict") else text, lang)


def fact_rows(facts: Facts | None, lang: str) -> list[dict[str, Any]]:
    """The facts read, each with where it was read and whether to check it."""
    if facts is None:
        return []
    rows = []
    for key, fact in (("municipality", facts.municipality), ("title", facts.title), ("period", facts.period),
                      ("approval", facts.approval)):
        value = _fact_value(key, fact.value, lang) if fact is not None else None
        rows.append({"key": key, "value": value, "where": fact.place.label(lang) if fact and fact.place else None,
                     "certain": bool(fact and fact.certain)})
    return rows


def _fact_value(key: str, value: Any, lang: str) -> str:
    if key == "period":
        start, end = value
        return f"{start}–{end}"
    if key == "approval":
        parts = [value.body or "", f"{value.date.day}.{value.date.month}.{value.date.year}", value.reference or ""]
        return " ".join(p for p in parts if p)
    return str(value)


def view(result: ScanResult, checklist: Checklist, facts: Facts | None, lang: str) -> dict[str, Any]:
    """Plain data for every format: the document, the facts, the counts and each step's items."""
    counts = {status: 0 for status in STATUSES}
    steps = []
    legal_not_found = []
    for step in checklist.steps:
        items = []
        for item in (i for i in checklist.items if i.step == step.number):
            evidence = result.item(item.id)
            if evidence is None:
                continue
            counts[evidence.status] += 1
            legal = legal_requirement(item.rests_on, item.severity)
            if legal and evidence.status == "not_found":
                legal_not_found.append({"id": item.id, "title": pick(item.title, lang)})
            items.append({
                "id": item.id, "title": pick(item.title, lang), "status": evidence.status,
                "status_label": LABELS[evidence.status][lang], "mark": MARKS[evidence.status],
                "css": CSS_CLASS[evidence.status], "legal": legal, "searched": evidence.searched,
                "basis": pick(checklist.source_label(item.source), lang),
                "url": checklist.sources[item.source.document].url,
                "passages": [{"where": p.place.label(lang), "page": p.place.page, "block": p.place.block,
                              "quote": p.quote, "heading": p.heading, "terms": list(p.terms)}
                             for p in evidence.passages],
            })
        if items:
            steps.append({"number": step.number, "title": pick(step.title, lang), "items": items})
    return {"file": result.file, "format": result.format, "language": result.language, "lang": lang,
            "checklist": {"id": checklist.id, "title": pick(checklist.title, lang)},
            "facts": fact_rows(facts, lang), "counts": {**counts, "total": sum(counts.values())},
            "legal_not_found": legal_not_found, "steps": steps}


def output(result: ScanResult, checklist: Checklist, facts: Facts | None, fmt: str, lang: str) -> str:
    data = view(result, checklist, facts, lang)
    if fmt == "json":
        return json.dumps(_json(data), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return as_text(data)
    from kotocheck import render

    context = {**data, "t": render.labels(lang), "status_labels": {s: LABELS[s][lang] for s in STATUSES}}
    return render.render(fmt, f"scan.{fmt}", context)


def _json(data: dict[str, Any]) -> dict[str, Any]:
    """The view without what only a page needs (marks, CSS classes)."""
    steps = [{**step, "items": [{k: v for k, v in item.items() if k not in ("mark", "css", "status_label")}
                                for item in step["items"]]} for step in data["steps"]]
    return {"tool": "kotocheck scan", **{k: v for k, v in data.items() if k not in ("steps", "lang")}, "steps": steps}


# The text format's own words; the words it shares with the pages come from labels.yaml.
TEXT = {
    "fi": {"facts": "Luetut tiedot", "note": "Scan osoittaa kohdat, joista näyttöä löytyi; arvion tekee tarkastaja.",
           "not_searched": "ei hakusanoja asiakirjan kielellä",
           "municipality": "kunta", "title": "nimi", "period": "kausi", "approval": "hyväksyntä"},
    "en": {"facts": "Facts read", "note": "Scan points to the passages where evidence was found; the reviewer decides.",
           "not_searched": "no search terms in the document's language",
           "municipality": "municipality", "title": "title", "period": "period", "approval": "approval"},
    "sv": {"facts": "Uppgifter som lästs", "note": "Scan visar var belägg hittades; granskaren avgör.",
           "not_searched": "inga sökord på dokumentets språk",
           "municipality": "kommun", "title": "namn", "period": "period", "approval": "godkännande"},
}
SHARED = {"none": "scan_not_found", "check": "scan_check", "counts": "scan_items", "legal": "scan_legal_not_found",
          "basis": "basis"}


def as_text(data: dict[str, Any]) -> str:
    from kotocheck import render

    labels = render.labels(data["lang"])
    w = {**TEXT.get(data["lang"], TEXT["fi"]), **{word: labels[key] for word, key in SHARED.items()}}
    lines = [f"{data['file']}: {data['checklist']['title']} ({data['checklist']['id']})"]
    if data["facts"]:
        lines.append(f"{w['facts']}: " + "; ".join(_fact_text(row, w) for row in data["facts"]))
    counts = data["counts"]
    lines.append(f"{w['counts']} {counts['total']}: " + ", ".join(
        f"{LABELS[s][data['lang']]} {counts[s]}" for s in STATUSES) + f". {w['note']}")
    if data["legal_not_found"]:
        lines.append(f"{w['legal']}: " + ", ".join(f"{i['id']} {i['title']}" for i in data["legal_not_found"]))
    for step in data["steps"]:
        lines += ["", f"{step['number']}. {step['title']}"]
        for item in step["items"]:
            status = item["status_label"] if item["searched"] else f"{item['status_label']} ({w['not_searched']})"
            lines.append(f"  {item['mark']} {item['id']} {item['title']}: {status}")
            for passage in item["passages"]:
                lines.append(f"      {passage['where']}: \"{passage['quote']}\"")
            lines.append(f"      {w['basis']}: {item['basis']} <{item['url']}>")
    return "\n".join(lines) + "\n"


def _fact_text(row: dict[str, Any], w: dict[str, str]) -> str:
    if row["value"] is None:
        return f"{w[row['key']]} {w['none']}"
    where = f" ({row['where']})" if row["where"] else ""
    check = "" if row["certain"] else f" [{w['check']}]"
    return f"{w[row['key']]} {row['value']}{where}{check}"
