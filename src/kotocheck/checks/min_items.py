"""`min_items`: a list has at least n entries."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, anchor


class MinItemsParams(Params):
    path: str
    min: int = 1


def check(params: MinItemsParams, ctx: Context) -> list[Hit]:
    res = locations.resolve(ctx.data, params.path)
    count = sum(len(v) for _, v in res.matches if isinstance(v, list))
    if count >= params.min:
        return []
    if count == 0:
        detail = i18n.message("check.each_has_none", path=params.path)
    else:
        detail = i18n.message("check.min_items", min=params.min, count=count, path=params.path)
    return [Hit(anchor(ctx.data, params.path), detail, partial=count > 0)]
