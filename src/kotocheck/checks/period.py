"""`max_span_years` and `not_expired`: how long the programme period is, and whether the
programme is still in force. The dates and the decision come from kotocheck.validity, the one
place that decides validity (the summary and the gap report read the same decision)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kotocheck import i18n, locations, validity
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor


class SpanParams(Params):
    start: str
    end: str
    max_years: int


class ExpiryParams(Params):
    end: str
    since: str | None = None  # e.g. the approval date: the programme lapses `years` after it
    years: int | None = None
    decisions: str | None = None  # the decisions over time: the newest approval, update or review counts


def _bound(data: dict, path: str) -> Any:
    """The period bound at `path` as the schema reads it (year, month or date), else None."""
    matches = locations.resolve(data, path).matches
    return validity.period_value(matches[0][1]) if matches else None


def _years_shown(years: float, lang: str) -> str:
    text = f"{years:g}"
    return text.replace(".", ",") if lang == "fi" else text


def check_span(params: SpanParams, ctx: Context) -> list[Hit]:
    start, end = _bound(ctx.data, params.start), _bound(ctx.data, params.end)
    if start is None or end is None:
        missing = params.start if start is None else params.end
        return [Hit(anchor(ctx.data, missing), i18n.message("check.missing", path=_missing(missing)))]
    shown = {lang: (validity.shown_bound(start, lang), validity.shown_bound(end, lang)) for lang in ("fi", "en")}
    if validity.bounds(end)[1] < validity.bounds(start)[0]:
        detail = i18n.message("check.span_order", start={k: v[0] for k, v in shown.items()},
                              end={k: v[1] for k, v in shown.items()})
        return [Hit(anchor(ctx.data, params.end), detail, at_value=True)]
    if validity.longer_than(start, end, params.max_years):
        years = validity.span_years(start, end)
        detail = i18n.message("check.span", start={k: v[0] for k, v in shown.items()},
                              end={k: v[1] for k, v in shown.items()},
                              years={lang: _years_shown(years, lang) for lang in ("fi", "en")},
                              every=validity.every_text(params.max_years))
        return [Hit(anchor(ctx.data, params.end), detail, at_value=True)]
    return []


def check_expiry(params: ExpiryParams, ctx: Context) -> list[Hit]:
    """Not in force on the reference date: the period has ended or, with `since`, `years`
    have passed since that date. Without the dates there is nothing to judge."""
    decision = validity.decide(ctx.data, validity.rule_of(params), ctx.today)
    if decision.state != "expired":
        return []
    until = {lang: validity.shown_day(decision.valid_until, lang) for lang in ("fi", "en")}
    detail = i18n.message("check.expired", until=until, reason=decision.reason())
    exact = locations.resolve(ctx.data, decision.path).matches if decision.path else []
    return [Hit(exact[0][0] if exact else anchor(ctx.data, decision.path), detail, at_value=True)]


# --- what `explain` says and shows ------------------------------------------------------------------


def _missing(expression: str) -> dict[str, str]:
    from kotocheck.checks import words

    return words.missing([expression])


def _place(expression: str) -> dict[str, str]:
    from kotocheck.checks import words

    return words.place(expression)


def describe_span(params: SpanParams) -> dict[str, str]:
    start, end, n = _place(params.start), _place(params.end), params.max_years
    years = validity.years_text(n)
    return {"fi": f"Kauden alku ({start['fi']}) ja loppu ({end['fi']}) on kirjattu, ja kausi kestää enintään "
                  f"{years['fi']}. Vuosi luetaan kokonaisena (2023–2025 on kolme vuotta).",
            "en": f"The period's start ({start['en']}) and end ({end['en']}) are recorded, and it lasts at most "
                  f"{years['en']}. A year counts whole (2023–2025 is three years)."}


def describe_expiry(params: ExpiryParams) -> dict[str, str]:
    end = _place(params.end)
    fi = f"Ohjelma on voimassa tarkastelupäivänä: kausi ({end['fi']}) ei ole päättynyt"
    en = f"The programme is in force on the reference date: its period ({end['en']}) has not ended"
    if params.since and params.years:
        since, years = _place(params.since), validity.years_text(params.years)
        fi += f", eikä päivästä {since['fi']} ole kulunut yli {years['fi']}"
        en += f", and no more than {years['en']} have passed since {since['en']}"
    fi += (". Vuosi päättyy 31.12. ja kuukausi viimeiseen päiväänsä; viimeisenä päivänään ohjelma on vielä "
           "voimassa. Ilman päivämääriä tätä ei arvioida.")
    en += (". A year ends on 31 December and a month on its last day; on its last day the programme is still "
           "in force. Without the dates this is not judged.")
    return {"fi": fi, "en": en}


def _assign(data: dict, expression: str, value: Any) -> None:
    from kotocheck.explain import assign

    assign(data, expression, value)


def satisfy_span(params: SpanParams, data: dict, today: dt.date) -> bool:
    _assign(data, params.start, today.year)
    _assign(data, params.end, today.year + params.max_years - 1)
    return True


def spoil_span(params: SpanParams, data: dict, today: dt.date) -> None:
    _assign(data, params.end, today.year + params.max_years + 1)  # one year too many, and one more


def satisfy_expiry(params: ExpiryParams, data: dict, today: dt.date) -> bool:
    _assign(data, params.end, today.year + 1)
    if params.since and params.years:
        _assign(data, params.since, dt.date(today.year, 1, 1))
    return True


def spoil_expiry(params: ExpiryParams, data: dict, today: dt.date) -> None:
    """With an approval rule, an approval that has lapsed under a running period shows the
    rule; otherwise a period that ended last year."""
    if params.since and params.years:
        _assign(data, params.since, dt.date(today.year - params.years - 1, 1, 1))
    else:
        _assign(data, params.end, today.year - 1)


KINDS = {
    "max_span_years": KindSpec(params=SpanParams, check=check_span, describe=describe_span,
                               satisfy=satisfy_span, spoil=spoil_span),
    "not_expired": KindSpec(params=ExpiryParams, check=check_expiry, describe=describe_expiry,
                            satisfy=satisfy_expiry, spoil=spoil_expiry, conditional=True),
}
