"""`min_items`: a list has at least n entries with content (`[null, ""]` has none)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor
from kotocheck.explain import PLACEHOLDER, assign, delete


class MinItemsParams(Params):
    path: str
    min: int = Field(1, ge=1)


def count(data: dict, path: str) -> int:
    res = locations.resolve(data, path)
    return sum(1 for _, v in res.matches if isinstance(v, list) for entry in v if not locations.is_empty(entry))


def check(params: MinItemsParams, ctx: Context) -> list[Hit]:
    found = count(ctx.data, params.path)
    if found >= params.min:
        return []
    where = words.place(params.path)
    if found == 0:
        detail = i18n.message("check.each_has_none", path=where)
    else:
        detail = i18n.message("check.min_items", min=params.min, count=found, path=where)
    return [Hit(anchor(ctx.data, params.path), detail, partial=found > 0)]


def describe(params: MinItemsParams) -> dict[str, str]:
    shown = words.place(params.path)
    if params.min == 1:
        return {"fi": f"{shown['fi']}: vähintään yksi", "en": f"{shown['en']}: at least one"}
    return {"fi": f"{shown['fi']}: vähintään {params.min}", "en": f"{shown['en']}: at least {params.min}"}


def satisfy(params: MinItemsParams, data: dict, today: dt.date) -> bool:
    assign(data, params.path, [PLACEHOLDER] * params.min)
    return True


def spoil(params: MinItemsParams, data: dict, today: dt.date) -> None:
    delete(data, params.path)


KINDS = {"min_items": KindSpec(MinItemsParams, check, describe, satisfy, spoil)}
