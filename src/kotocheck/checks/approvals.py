"""`approved`: the document records the decision that approved it, with the deciding body and the
date. The decision may be the single `approval` or any approval, update or review among the
`approvals` over time (a board's proposal approves nothing). A joint programme needs a decision
of every municipality in it: a decision naming no municipality is the lead municipality's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kotocheck import locations
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor

APPROVING = ("approval", "update", "review")  # decision kinds that put a document in force


class ApprovedParams(Params):
    single: str  # e.g. identification.approval: one mapping with body and date
    decisions: str | None = None  # e.g. identification.approvals: the decisions over time
    fields: list[str] = ["body", "date"]
    joint: str | None = None  # e.g. identification.joint_with: the other municipalities of a joint programme


_NAMES = {"body": {"fi": "päättänyt toimielin", "en": "deciding body"},
          "date": {"fi": "päivämäärä", "en": "date"},
          "reference": {"fi": "pöytäkirjaviite", "en": "minute reference"}}


def _name(field: str, lang: str) -> str:
    return _NAMES.get(field, {}).get(lang, field)


def _filled(record: dict, field: str) -> bool:
    return not locations.is_empty(record.get(field))


def _made(record: dict, today: dt.date | None) -> bool:
    """A decision dated after the reference date has not been made yet."""
    from kotocheck.validity import day

    date = day(record.get("date"))
    return today is None or date is None or date <= today


def decisions(data: Any, params: ApprovedParams, today: dt.date | None = None) -> list[tuple[tuple, dict]]:
    """Every recorded decision that approves and has been made: (path, mapping)."""
    out = [(path, value) for path, value in locations.resolve(data, params.single).matches if isinstance(value, dict)]
    if params.decisions:
        for path, value in locations.resolve(data, params.decisions + "[*]").matches:
            if isinstance(value, dict) and value.get("kind", "approval") in APPROVING:
                out.append((path, value))
    return [(path, value) for path, value in out if _made(value, today)]


def check(params: ApprovedParams, ctx: Context) -> list[Hit]:
    found = decisions(ctx.data, params, ctx.today)
    complete = [(p, d) for p, d in found if all(_filled(d, f) for f in params.fields)]
    if not complete:
        return [_incomplete(params, ctx, found)]
    return _joint_gaps(params, ctx, [d for _, d in complete])


def _incomplete(params: ApprovedParams, ctx: Context, found: list[tuple[tuple, dict]]) -> Hit:
    started = [(p, d) for p, d in found if any(_filled(d, f) for f in params.fields)]
    if started:  # a decision is there, but without its body or date
        path, record = started[-1]
        lacking = [f for f in params.fields if not _filled(record, f)]
        detail = {lang: ("hyväksymispäätöksestä puuttuu " if lang == "fi" else "the approval decision lacks ")
                  + (" ja " if lang == "fi" else " and ").join(_name(f, lang) for f in lacking) for lang in ("fi", "en")}
        return Hit(path, detail, partial=True)
    # At the last decision that was written, else at the decisions list when there is one (a
    # proposal alone), else where the single approval would go.
    listed = locations.resolve(ctx.data, params.decisions).matches if params.decisions else []
    where = found[-1][0] if found else listed[0][0] if listed else anchor(ctx.data, params.single)
    detail = {"fi": "hyväksymispäätöstä ei ole kirjattu (päättänyt toimielin ja päivämäärä)",
              "en": "no approval decision is recorded (deciding body and date)"}
    return Hit(where, detail)


def _joint_gaps(params: ApprovedParams, ctx: Context, complete: list[dict]) -> list[Hit]:
    if not params.joint:
        return []
    partners = [(p, v) for p, v in locations.resolve(ctx.data, params.joint + "[*]").matches
                if isinstance(v, str) and v.strip()]
    decided = {str(d.get("municipality", "")).strip().casefold() for d in complete}
    lacking = [(p, v) for p, v in partners if v.strip().casefold() not in decided]
    if not lacking:
        return []
    names = ", ".join(v for _, v in lacking)
    detail = {"fi": f"yhteisestä ohjelmasta puuttuu kunnan oma hyväksymispäätös: {names}",
              "en": f"the joint programme lacks the approval decision of: {names}"}
    if len(lacking) == 1:
        return [Hit(lacking[0][0], detail, partial=True, at_value=True)]
    return [Hit(anchor(ctx.data, params.joint), detail, partial=True, related=[p for p, _ in lacking])]


def describe(params: ApprovedParams) -> dict[str, str]:
    fi = ("hyväksymispäätös on kirjattu päättäneen toimielimen ja päivämäärän kanssa (yksittäinen hyväksyminen "
          "tai päätöshistorian hyväksyminen, päivitys tai tarkistus)")
    en = ("an approval decision is recorded with the deciding body and the date (a single approval, or an "
          "approval, update or review among the decisions over time)")
    if params.joint:
        fi += "; yhteisessä ohjelmassa jokaisella kunnalla on oma päätöksensä"
        en += "; in a joint programme every municipality has its own decision"
    return {"fi": fi, "en": en}


def satisfy(params: ApprovedParams, data: dict, today: dt.date) -> bool:
    from kotocheck.explain import assign

    values = {"body": "kunnanvaltuusto", "date": today - dt.timedelta(days=30), "reference": "§ 1"}
    for field in params.fields:
        assign(data, f"{params.single}.{field}", values.get(field, "x"))
    return True


def spoil(params: ApprovedParams, data: dict, today: dt.date) -> None:
    from kotocheck.explain import delete

    delete(data, params.single)
    if params.decisions:
        delete(data, params.decisions)


KINDS = {"approved": KindSpec(ApprovedParams, check, describe, satisfy, spoil)}
