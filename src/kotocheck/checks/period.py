"""`max_span_years` and `not_expired`: the programme period is short enough and still running."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, anchor
from kotocheck.models.common import MONTH


class SpanParams(Params):
    start: str
    end: str
    max_years: int


class ExpiryParams(Params):
    end: str
    since: str | None = None  # e.g. the approval date: the programme lapses `years` after it
    years: int | None = None


def _value(data: dict, path: str) -> Any:
    matches = locations.resolve(data, path).matches
    value = matches[0][1] if matches else None
    if isinstance(value, str) and MONTH.fullmatch(value.strip()):
        return value.strip()
    return value if isinstance(value, (int, dt.date)) and not isinstance(value, bool) else None


def _first_day(value: Any) -> dt.date:
    if isinstance(value, int):
        return dt.date(value, 1, 1)
    if isinstance(value, str):
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    return value


def _last_day(value: Any) -> dt.date:
    if isinstance(value, int):
        return dt.date(value, 12, 31)
    if isinstance(value, str):
        year, month = int(value[:4]), int(value[5:7])
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return value


def _years(start: Any, end: Any) -> float:
    if isinstance(start, int) and isinstance(end, int):
        return end - start + 1  # 2023-2025 is three calendar years
    return round(((_last_day(end) - _first_day(start)).days + 1) / 365.25, 1)


def check_span(params: SpanParams, ctx: Context) -> list[Hit]:
    start, end = _value(ctx.data, params.start), _value(ctx.data, params.end)
    if start is None or end is None:
        missing = params.start if start is None else params.end
        return [Hit(anchor(ctx.data, missing), i18n.message("check.missing", path=missing))]
    years = _years(start, end)
    if years <= 0:
        return [Hit(anchor(ctx.data, params.end), i18n.message("check.span_order", start=start, end=end), at_value=True)]
    if years > params.max_years:
        detail = i18n.message("check.span", start=start, end=end, years=years, max=params.max_years)
        return [Hit(anchor(ctx.data, params.end), detail, at_value=True)]
    return []


def check_expiry(params: ExpiryParams, ctx: Context) -> list[Hit]:
    """The period has not ended; with `since`, neither have `years` passed since that date."""
    end = _value(ctx.data, params.end)
    candidates = [(_last_day(end), params.end)] if end is not None else []
    since = _value(ctx.data, params.since) if params.since else None
    if since is not None and params.years:
        candidates.append((_add_years(_first_day(since), params.years), params.since))
    if not candidates:
        return []
    last, path = min(candidates)
    if last >= ctx.today:
        return []
    return [Hit(anchor(ctx.data, path), i18n.message("check.expired", end=last.strftime("%-d.%-m.%Y")), at_value=True)]


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)
