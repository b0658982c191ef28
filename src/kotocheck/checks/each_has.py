"""`each_has`: every entry of a list has the given fields (all, or any one of them)."""

from __future__ import annotations

from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, anchor


class EachHasParams(Params):
    items: str
    fields: list[str]
    mode: Literal["all", "any"] = "all"
    require_items: bool = True


def _has(item: dict, field: str) -> bool:
    return any(not locations.is_empty(v) for _, v in locations.resolve(item, field).matches)


def _name(item: dict, path: tuple) -> str:
    for key in ("id", "goal", "measure", "name", "title", "label"):
        if isinstance(item.get(key), (str, int)) and str(item[key]).strip():
            return str(item[key])
    return locations.dotted(path)


def check(params: EachHasParams, ctx: Context) -> list[Hit]:
    items = [(p, v) for p, v in locations.resolve(ctx.data, params.items).matches if isinstance(v, dict)]
    if not items:
        if not params.require_items:
            return []
        return [Hit(anchor(ctx.data, params.items), i18n.message("check.each_has_none", path=params.items))]
    hits = []
    for path, item in items:
        lacking = [f for f in params.fields if not _has(item, f)]
        if not lacking or (params.mode == "any" and len(lacking) < len(params.fields)):
            continue
        key = "check.each_has_any" if params.mode == "any" else "check.each_has"
        hits.append(Hit(path, i18n.message(key, item=_name(item, path), fields=", ".join(lacking))))
    partial = 0 < len(hits) < len(items)
    for hit in hits:
        hit.partial = partial
    return hits
