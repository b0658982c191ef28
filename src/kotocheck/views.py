"""What the templates see: the document's data plus a few derived tables, and label
helpers in the chosen language. Templates stay free of lookups, ordering and arithmetic:
the order of a programme's chapters, which table columns have anything in them, the
decisions in date order, a follow-up's baseline → latest → target and cost totals are all
decided here."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

from kotocheck import numbers
from kotocheck.checklist import label
from kotocheck.followup_views import cost_overview, costs, indicator_rows, programme_index, status_counts

MINIMUM_SERVICES = ("needs_assessment", "integration_plan", "civic_orientation", "integration_training",
                    "final_language_test", "other_training", "guidance")

# The standard parts of a programme in their usual order (models.vocab.ProgrammePart), and the
# label each is headed by.
PARTS = ("process", "situation", "strategy_links", "goals", "measures", "sections", "cooperation",
         "monitoring", "communication", "services")
PART_LABELS = {"measures": "programme_measures", "services": "services_ref"}
PART_ANCHORS = {"services": "services-ref"}
BACK_CHAPTERS = ("appendix", "contact")  # the other chapter types are front matter


# --- text in a language: a fallback to Finnish says so ---------------------------------------------------


class Localized(str):
    """Text in `lang` shown on a page in `page`: in HTML it carries lang="…" when the two differ
    (WCAG 3.1.2), so a Finnish checklist title on a Swedish page is read as Finnish. In Markdown
    and in any string operation it is plain text."""

    lang: str
    page: str

    def __new__(cls, text: str, lang: str, page: str) -> "Localized":
        obj = super().__new__(cls, text)
        obj.lang, obj.page = lang, page
        return obj

    def __html__(self) -> str:
        from markupsafe import escape

        body = str(escape(str(self)))
        return f'<span lang="{self.lang}">{body}</span>' if body and self.lang != self.page else body


def pick(text: Any, lang: str) -> str:
    """One language of a localized text (a dict or a checklist Text), Finnish as fallback; a
    fallback is a Localized string that marks its language in HTML."""
    if hasattr(text, "as_dict"):
        text = text.as_dict()
    text = text or {}
    for got in (lang, "fi", "en"):
        if text.get(got):
            return text[got] if got == lang else Localized(text[got], got, lang)
    return ""


def vocab(lang: str):
    def lookup(vocabulary: str, value: Any) -> str:
        if value is None:
            return ""
        return pick(label(vocabulary, str(value)), lang) or str(value)
    return lookup


# --- content, columns ---------------------------------------------------------------------------------------


def has_content(value: Any) -> bool:
    """Whether a value holds anything a reader would see: a model's empty part (every field None
    or an empty list) has none."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(has_content(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(has_content(v) for v in value)
    return True


def filled_columns(rows: Iterable[Any], names: Iterable[str]) -> list[str]:
    """The columns (keys) that have content in at least one row: a column that would be empty in
    every row is left out of the table."""
    rows = [r for r in rows if isinstance(r, dict)]
    return [name for name in names if any(has_content(r.get(name)) for r in rows)]


# --- programme: chapters in order ----------------------------------------------------------------------------


def chapter_plan(data: dict) -> list[dict]:
    """The programme's chapters in the order they are printed, each with content.

    Without any `include:` the municipality's front chapters (introduction, vision, terms,
    legislation, own) come first in the order written, then the standard parts that have content in
    their usual order, then the back chapters (appendix, contact) in the order written.
    With `include: <part>` the chapters are printed exactly in the order written, each included part
    at its place (once); the standard parts not included come right before the first appendix or
    contact chapter, or at the end.

    Each entry: `part` (a standard part or None), `chapter` (the municipality's chapter or None),
    `type`, `anchor`, and `number` (1, 2, …) or, for an appendix, `appendix` (1, 2, …)."""
    chapters = [c for c in data.get("chapters") or [] if isinstance(c, dict)]
    parts = [p for p in PARTS if has_content(data.get(p))]
    numbered = list(enumerate(chapters, start=1))
    if not any(c.get("include") for c in chapters):
        front = [(n, c, None) for n, c in numbered if c.get("type") not in BACK_CHAPTERS]
        back = [(n, c, None) for n, c in numbered if c.get("type") in BACK_CHAPTERS]
        order = front + [(None, None, p) for p in parts] + back
    else:
        order, placed = [], set()
        for n, c in numbered:
            part = c.get("include") if c.get("include") in PARTS and c.get("include") not in placed else None
            placed.add(part)
            order.append((n, c, part))
        rest = [(None, None, p) for p in parts if p not in placed]
        at = next((i for i, (_, c, _) in enumerate(order) if c.get("type") in BACK_CHAPTERS), len(order))
        order[at:at] = rest
    plan, number, appendix = [], 0, 0
    for n, chapter, part in order:
        own = chapter is not None and (has_content(chapter.get("text")) or has_content(chapter.get("contacts")))
        if not own and not (part is not None and has_content(data.get(part))):
            continue  # a heading with nothing under it
        kind = chapter.get("type") or "own" if chapter is not None else "part"
        entry = {"part": part, "chapter": chapter, "type": kind,
                 "anchor": PART_ANCHORS.get(part, part.replace("_", "-")) if part else f"chapter-{n}",
                 "number": None, "appendix": None}
        if kind == "appendix":
            appendix += 1
            entry["appendix"] = appendix
        else:
            number += 1
            entry["number"] = number
        plan.append(entry)
    return plan


def chapter_title(entry: dict, labels: dict[str, str], lookup) -> str:
    """The heading of a planned chapter without its number: the municipality's title, else the
    standard part's heading, else the name of the chapter's type."""
    chapter = entry.get("chapter") or {}
    if has_content(chapter.get("title")):
        return chapter["title"]
    if entry.get("part"):
        return labels[PART_LABELS.get(entry["part"], entry["part"])]
    if entry["type"] == "appendix":
        return ""
    name = lookup("chapter_type", entry["type"])
    return name[:1].upper() + name[1:]


def serving_measures(data: dict) -> dict[str, list[dict]]:
    """Goal id -> the measures of other goals and the programme-wide measures that also serve it."""
    out: dict[str, list[dict]] = {}
    for goal in _dicts(data.get("goals")):  # a broken file still gets its report
        for measure in _dicts(goal.get("measures")):
            for other in _list(measure.get("goals")):
                if str(other) != str(goal.get("id")):
                    out.setdefault(str(other), []).append(measure)
    for measure in _dicts(data.get("measures")):
        for other in _list(measure.get("goals")):
            out.setdefault(str(other), []).append(measure)
    return out


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dicts(value) -> list[dict]:
    return [v for v in _list(value) if isinstance(v, dict)]


def goal_titles(data: dict) -> dict[str, str]:
    return {str(g["id"]): g.get("title") or "" for g in data.get("goals") or [] if isinstance(g, dict) and "id" in g}


# --- decisions --------------------------------------------------------------------------------------------------


def decisions(approvals: Any, approval: Any = None, lead: str | None = None) -> list[dict]:
    """Every decision of a document in date order (undated last, as written): `approvals`, and the
    older single `approval` as an approval when it is not one of them already. In a joint
    programme (`lead`: the responsible municipality) a decision that names no municipality is the
    lead municipality's."""
    rows = [dict(d) for d in approvals or [] if isinstance(d, dict) and has_content(
        {k: v for k, v in d.items() if k != "kind"})]
    if lead:
        for row in rows:
            row["municipality"] = row.get("municipality") or lead
    if isinstance(approval, dict) and has_content(approval):
        same = any(r.get("date") == approval.get("date") and r.get("body") == approval.get("body") for r in rows)
        if not same:
            rows.append({"kind": "approval", "body": approval.get("body"), "date": approval.get("date"),
                         "reference": approval.get("reference"), "municipality": lead, "note": None})
    dated = sorted((r for r in rows if isinstance(r.get("date"), dt.date)), key=lambda r: r["date"])
    return dated + [r for r in rows if not isinstance(r.get("date"), dt.date)]


DECISION_COLUMNS = ("date", "kind", "municipality", "body", "reference", "note")


# --- services -------------------------------------------------------------------------------------------------


def services_table(data: dict) -> list[dict]:
    """One row per statutory minimum service: who arranges it for whom, and who provides it.
    `repeat`: the row is another entry of the same service as the row above it."""
    rows = []
    services = [s for s in data.get("services") or [] if isinstance(s, dict)]
    for key in MINIMUM_SERVICES:
        entries = [s for s in services if s.get("service") == key] or [None]
        for n, entry in enumerate(entries):
            arranged = (entry or {}).get("arranged_by")
            arranged = arranged if isinstance(arranged, dict) else {}  # a broken file still gets its report
            rows.append({"service": key, "entry": entry, "name": (entry or {}).get("name"),
                         "jobseekers": arranged.get("jobseekers"), "others": arranged.get("others"),
                         "target_groups": (entry or {}).get("target_groups") or [],
                         "provider": (entry or {}).get("provider"), "missing": entry is None, "repeat": n > 0})
    return rows


SERVICE_COLUMNS = ("jobseekers", "others", "target_groups", "provider")


def services_layout(rows: list[dict]) -> dict:
    """How the minimum services table is laid out: a column whose value is the same on every
    described row is said once above the table (`common`), a column empty on every row is left out;
    `columns` are the ones left."""
    described = [r for r in rows if not r["missing"]]
    common = {}
    for column in ("jobseekers", "others", "provider"):
        values = {r[column] for r in described}
        if len(described) > 1 and len(values) == 1 and has_content(next(iter(values))):
            common[column] = next(iter(values))
    columns = [c for c in filled_columns(described, SERVICE_COLUMNS) if c not in common]
    return {"common": common, "columns": columns}


def other_services(data: dict) -> list[dict]:
    return [s for s in data.get("services") or [] if isinstance(s, dict) and s.get("service") == "other"]


def service_names(data: dict) -> dict[str, str]:
    return {str(s["id"]): s.get("name") or "" for s in data.get("services") or [] if isinstance(s, dict) and "id" in s}


# --- what a template sees -------------------------------------------------------------------------------------------

# Shapes that carry the status without colour (WCAG 1.4.1): the words go beside them.
LIGHT_MARKS = {"green": "●", "yellow": "◐", "red": "○", None: "–"}
STATUS_MARKS = {"covered": "✔", "partial": "◐", "missing": "✖", "not_applicable": "–", "not_assessed": "?"}
STATUS_LABELS = {"not_applicable": "not_applicable_status", "not_assessed": "not_assessed_status"}


def context(data: dict, kind: str, lang: str, labels: dict[str, str], checklist_title: str = "",
            programme: dict | None = None, source: str = "") -> dict:
    lookup = vocab(lang)
    catalogue_names = _source_names(lang)
    index = programme_index(programme)
    status_value = lambda status: getattr(status, "value", status)  # noqa: E731
    services = services_table(data) if kind == "services" else []
    return {
        "doc": data, "kind": kind, "lang": lang, "t": labels, "checklist_title": checklist_title, "source_file": source,
        "vocab": lookup, "vocab_list": lambda name, items: ", ".join(lookup(name, v) for v in items or []),
        "money": lambda v: numbers.money(v, lang), "date": lambda v: numbers.date(v, lang),
        "span": lambda p: numbers.span(p, lang), "pick": lambda text: pick(text, lang),
        "has_content": has_content, "filled_columns": filled_columns,
        "source_name": lambda i: source_text(indicator_source(i, catalogue_names)),
        "indicator_source": lambda i: indicator_source(i, catalogue_names),
        "light_mark": lambda light: LIGHT_MARKS.get(light, LIGHT_MARKS[None]),
        "status_mark": lambda status: STATUS_MARKS[status_value(status)],
        "status_word": lambda status: labels[STATUS_LABELS.get(status_value(status), status_value(status))],
        "chapters": chapter_plan(data) if kind == "programme" else [],
        "chapter_title": lambda entry: chapter_title(entry, labels, lookup),
        "serving": serving_measures(data) if kind == "programme" else {},
        "goal_titles": goal_titles(data) if kind == "programme" else goal_titles(programme or {}),
        "decisions": decisions(_decisions_of(data, kind), _approval_of(data, kind), _lead_of(data, kind)),
        "decision_columns": DECISION_COLUMNS,
        "services_table": services, "services_layout": services_layout(services),
        "other_services": other_services(data) if kind == "services" else [],
        "service_names": service_names(data) if kind == "services" else {},
        "counts": status_counts(data) if kind == "followup" else {},
        "indicator_rows": lambda progress: indicator_rows(progress, index),
        "costs": costs, "cost_overview": cost_overview(data) if kind == "followup" else {"rows": [], "total": 0},
        "index": index, "programme": programme or {},
        "validity_reason": validity_reason,
    }


def validity_reason(validity: Any) -> dict[str, str]:
    """Why a gap report's valid-until date is what it is, in each language: a template sees the
    report's validity as plain data (kotocheck.sandbox), so it cannot call Validity.reason itself."""
    import dataclasses

    from kotocheck.validity import Validity

    if not isinstance(validity, dict):
        return {}
    return Validity(**{f.name: validity.get(f.name) for f in dataclasses.fields(Validity)
                       if f.name in validity}).reason()


def _decisions_of(data: dict, kind: str) -> Any:
    holder = data.get("identification") if kind == "programme" else data
    return (holder or {}).get("approvals") if isinstance(holder, dict) else None


def _lead_of(data: dict, kind: str) -> str | None:
    """The responsible municipality of a joint programme; None for a programme of one."""
    holder = data.get("identification") if kind == "programme" else None
    if not isinstance(holder, dict) or not holder.get("joint_with"):
        return None
    return holder.get("municipality") if isinstance(holder.get("municipality"), str) else None


def _approval_of(data: dict, kind: str) -> Any:
    holder = data.get("identification") if kind == "programme" else data
    return (holder or {}).get("approval") if isinstance(holder, dict) else None


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

    return {e.id: pick(e.name, lang) for e in catalogue("data_sources").entries}
