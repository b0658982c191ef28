"""The outputs people read: the rendered document and the gap report, in Markdown,
HTML or JSON. Built from a checked FileResult; never prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kotocheck import __version__, gaps, loader, render, views
from kotocheck.findings import FileResult
from kotocheck.models import MODELS


class NotRenderable(Exception):
    """The document has errors that stop it from being rendered faithfully."""


def _blocking(result: FileResult) -> list:
    return [f for f in result.findings if f.rule.split(".")[0] in ("yaml", "input", "doc", "schema")]


def _normalised(kind: str, data: dict) -> dict:
    """The data as the model sees it: every optional field present, so templates need no guards."""
    return MODELS[kind].model_validate(data).model_dump()


def _programme_of(result: FileResult, source: Path) -> dict | None:
    from kotocheck import config, references

    target = result.document.data.get("programme")
    if not isinstance(target, str):
        return None
    try:  # as the checks read it: inside the repository, a regular file, the settings' size limit
        limit = config.load(source.parent).settings.max_bytes
    except config.ConfigError:
        limit = loader.DEFAULT_MAX_BYTES
    try:
        data = references.load(source.parent, target, limit).data
    except (references.Refused, loader.LoadError):
        return None
    try:
        return _normalised("programme", data)
    except Exception:  # a broken programme still lends its titles where it can
        return data if isinstance(data, dict) else None


def document(result: FileResult, source: Path, fmt: str, lang: str, templates: Path | None = None) -> str:
    if result.unreadable or result.kind is None or _blocking(result):
        raise NotRenderable(result.file)
    data = _normalised(result.kind, result.document.data)
    report = gaps.build(result)
    title = render.labels(lang)
    checklist_title = (report.checklist.title.as_dict().get(lang) or report.checklist.title.fi) if report else ""
    if checklist_title and report and not (report.checklist.title.as_dict().get(lang)):
        checklist_title = views.Localized(checklist_title, "fi", lang)  # shown in Finnish: say so
    ctx = views.context(data, result.kind, lang, title, checklist_title,
                        programme=_programme_of(result, source) if result.kind == "followup" else None,
                        source=source.name)
    return render.render(fmt, f"{result.kind}.{fmt}", ctx, templates)


def gap_report(result: FileResult, fmt: str, lang: str, templates: Path | None = None) -> str:
    report = gaps.build(result)
    if report is None:
        raise NotRenderable(result.file)
    if fmt == "json":
        return json.dumps(gap_json(report, lang, result.document.data), ensure_ascii=False, indent=2) + "\n"
    data = result.document.data
    ctx = views.context(data, result.kind or "", lang, render.labels(lang))
    ctx.update(report=report, title=str(data.get("title") or result.file), not_assessed=_not_assessed(report, data))
    return render.render(fmt, f"report.{fmt}", ctx, templates)


def _not_assessed(report: gaps.GapReport, data: dict) -> list[dict]:
    """The items not assessed, in checklist order, each with its step and the note of the mark that
    holds it back (as the engine decided it)."""
    held = [(step, item) for step in report.steps for item in step.items if item.status.value == "not_assessed"]
    return [{"item": item, "step": step, "note": report.held.get(item.id, "")} for step, item in held]


def gap_json(report: gaps.GapReport, lang: str, data: dict | None = None) -> dict[str, Any]:
    pick = lambda text: text.get(lang) or text.get("fi") or ""  # noqa: E731
    items = []
    notes = {entry["item"].id: entry["note"] for entry in _not_assessed(report, data or {})}
    for step in report.steps:
        for item in step.items:
            items.append({
                "id": item.id, "step": step.number, "status": item.status.value, "severity": item.severity.value,
                "title": pick(item.title), "text": pick(item.text), "source": pick(item.source), "url": item.url,
                "rests_on": item.rests_on, "line": item.line, "reason": item.reason,
                "findings": [{"line": f["line"], "column": f["column"], "message": pick(f["message"])}
                             for f in item.findings],
                "hint": pick(item.hint) if item.status.value in ("missing", "partial") else None,
                **({"note": notes.get(item.id, "")} if item.status.value == "not_assessed" else {}),
            })
    return {
        "tool": "kotocheck", "version": __version__, "file": report.file, "kind": report.kind,
        "checklist": report.checklist.id, "summary": report.counts.as_dict(),
        # false when structural errors kept the checks from reading part of the file
        "complete": not report.structural,
        "validity": report.validity.as_dict(lang) if report.validity is not None else None,
        "steps": [{"number": s.number, "title": pick(s.title), **s.counts.as_dict()} for s in report.steps],
        "items": items,
        "other_findings": [{**f, "message": pick(f["message"])} for f in report.findings_outside],
    }
