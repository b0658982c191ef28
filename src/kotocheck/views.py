"""What the templates see: the document's data plus a few derived tables, and label
helpers in the chosen language. Templates stay free of lookups and arithmetic."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kotocheck.checklist import label

MINIMUM_SERVICES = ("needs_assessment", "integration_plan", "civic_orientation", "integration_training",
                    "final_language_test", "other_training", "guidance")
LIGHTS = ("green", "yellow", "red")


def services_table(data: dict) -> list[dict]:
    """One row per statutory minimum service: who arranges it for whom, and who provides it."""
    rows = []
    services = [s for s in data.get("services") or [] if isinstance(s, dict)]
    for key in MINIMUM_SERVICES:
        entries = [s for s in services if s.get("service") == key] or [None]
        for entry in entries:
            arranged = (entry or {}).get("arranged_by")
            arranged = arranged if isinstance(arranged, dict) else {}  # a broken file still gets its report
            rows.append({"service": key, "entry": entry, "name": (entry or {}).get("name"),
                         "jobseekers": arranged.get("jobseekers"), "others": arranged.get("others"),
                         "target_groups": (entry or {}).get("target_groups") or [],
                         "provider": (entry or {}).get("provider"), "missing": entry is None})
    return rows


def other_services(data: dict) -> list[dict]:
    return [s for s in data.get("services") or [] if isinstance(s, dict) and s.get("service") == "other"]


def status_counts(data: dict) -> dict[str, int]:
    """Traffic lights of the measures followed up, with those given no status."""
    counts = {light: 0 for light in LIGHTS}
    counts["none"] = 0
    for goal in data.get("goals") or []:
        measures = goal.get("measures") if isinstance(goal, dict) else None
        for measure in measures if isinstance(measures, list) else []:
            status = measure.get("status") if isinstance(measure, dict) else None
            counts[status if status in LIGHTS else "none"] += 1
    return counts


def programme_index(programme: dict | None) -> dict[str, dict]:
    """Goal and measure id -> its entry in the programme, so a follow-up can show titles."""
    index: dict[str, dict] = {}
    for goal in (programme or {}).get("goals") or []:
        if isinstance(goal, dict) and "id" in goal:
            index[str(goal["id"])] = goal
            for measure in goal.get("measures") or []:
                if isinstance(measure, dict) and "id" in measure:
                    index[str(measure["id"])] = measure
    return index


def money(value: Any, lang: str) -> str:
    if value is None or value == "":
        return ""
    number = float(value)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"
    if lang in ("fi", "sv"):
        text = text.replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0€"


def date(value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}" if lang in ("fi", "sv") else value.isoformat()
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":  # YYYY-MM
        return f"{int(value[5:])}/{value[:4]}"
    return "" if value is None else str(value)


def span(period: Any, lang: str) -> str:
    if not isinstance(period, dict):
        return ""
    start, end = date(period.get("start"), lang), date(period.get("end"), lang)
    return f"{start}–{end}" if end else start


def vocab(lang: str):
    def lookup(vocabulary: str, value: Any) -> str:
        if value is None:
            return ""
        text = label(vocabulary, str(value))
        return text.get(lang) or text.get("fi") or str(value)
    return lookup


# Shapes that carry the status without colour (WCAG 1.4.1): the words go beside them.
LIGHT_MARKS = {"green": "●", "yellow": "◐", "red": "○", None: "–"}
STATUS_MARKS = {"covered": "✔", "partial": "◐", "missing": "✖", "not_applicable": "–"}


def pick(text: Any, lang: str) -> str:
    """One language of a localized text (a dict or a checklist Text), Finnish as fallback."""
    if hasattr(text, "as_dict"):
        text = text.as_dict()
    text = text or {}
    return text.get(lang) or text.get("fi") or text.get("en", "")


def chapters(data: dict) -> list[tuple[int, str]]:
    """The programme's chapters that have content, numbered in order."""
    present = [
        ("process", data.get("process")), ("situation", data.get("situation")),
        ("strategy_links", data.get("strategy_links")), ("goals", data.get("goals")),
        ("sections", data.get("sections")), ("cooperation", data.get("cooperation")),
        ("monitoring", data.get("monitoring")), ("communication", data.get("communication")),
        ("services_ref", data.get("services")), ("not_applicable", data.get("not_applicable")),
    ]
    return [(n, key) for n, key in enumerate((k for k, v in present if v), start=1)]


def context(data: dict, kind: str, lang: str, labels: dict[str, str], checklist_title: str = "",
            programme: dict | None = None) -> dict:
    lookup = vocab(lang)
    catalogue_names = _source_names(lang)
    return {
        "doc": data, "kind": kind, "lang": lang, "t": labels, "checklist_title": checklist_title,
        "vocab": lookup, "vocab_list": lambda name, items: ", ".join(lookup(name, v) for v in items or []),
        "money": lambda v: money(v, lang), "date": lambda v: date(v, lang), "span": lambda p: span(p, lang),
        "pick": lambda text: pick(text, lang),
        "source_name": lambda i: source_text(indicator_source(i, catalogue_names)),
        "indicator_source": lambda i: indicator_source(i, catalogue_names),
        "light_mark": lambda light: LIGHT_MARKS.get(light, LIGHT_MARKS[None]),
        "status_mark": lambda status: STATUS_MARKS[getattr(status, "value", status)],
        "status_word": lambda status: labels["not_applicable_status" if getattr(status, "value", status) ==
                                             "not_applicable" else getattr(status, "value", status)],
        "chapters": chapters(data) if kind == "programme" else [],
        "services_table": services_table(data) if kind == "services" else [],
        "other_services": other_services(data) if kind == "services" else [],
        "counts": status_counts(data) if kind == "followup" else {},
        "index": programme_index(programme), "programme": programme or {},
    }


def indicator_source(indicator: dict, catalogue_names: dict[str, str]) -> dict:
    """Where an indicator's figures come from. A catalogue source is its name; an own source is
    who provides it and which table or address (`who`: `what`), the table linked to `href` when
    its url is a web address. `own`: the text is the municipality's, not the catalogue's.
    With neither provider nor table or url, an own source is its name, as before those fields existed."""
    source = indicator.get("source")
    if source:
        return {"who": catalogue_names.get(str(source)) or str(source), "what": "", "href": "", "own": False}
    custom = indicator.get("custom_source")
    custom = custom if isinstance(custom, dict) else {}
    name, provider, url = (_text(custom.get(key)) for key in ("name", "provider", "url"))
    what = _text(custom.get("table")) or url or (name if provider else "")  # name: the best "what" left
    return {"who": provider or name, "what": what, "href": web_address(url), "own": True}


def source_text(source: dict) -> str:
    """The source as one line of plain text: "provider: table"."""
    return ": ".join(part for part in (source["who"], source["what"]) if part)


# Characters a link target keeps as they are; the rest are percent-encoded, so the same address
# is safe in an HTML attribute and in a Markdown link (no spaces, parentheses, pipes or brackets).
_URL_SAFE = "!#$%&'*+,-./:;=?@~_"


def web_address(url: str) -> str:
    """An http(s) address fit to be a link, or "" (never javascript: or any other scheme)."""
    from urllib.parse import quote

    if not re.match(r"https?://[^\s/]", url, re.IGNORECASE) or re.search(r"[\s\x00-\x1f\x7f]", url):
        return ""
    return quote(url, safe=_URL_SAFE)


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _source_names(lang: str) -> dict[str, str]:
    from kotocheck.checklist import catalogue

    return {e.id: e.name.as_dict().get(lang) or e.name.fi for e in catalogue("data_sources").entries}
