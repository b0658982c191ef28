"""`present`: fields exist and are not empty (all of them, or any one of them)."""

from __future__ import annotations

from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params


class PresentParams(Params):
    paths: list[str]
    mode: Literal["all", "any"] = "all"


def _is_present(data: dict, path: str) -> bool:
    return any(not locations.is_empty(v) for _, v in locations.resolve(data, path).matches)


def _miss_location(data: dict, path: str) -> tuple:
    res = locations.resolve(data, path)
    if res.matches:
        return res.matches[0][0]
    return max(res.misses, key=len) if res.misses else ()


def check(params: PresentParams, ctx: Context) -> list[Hit]:
    missing = [p for p in params.paths if not _is_present(ctx.data, p)]
    if not missing or (params.mode == "any" and len(missing) < len(params.paths)):
        return []
    where = _miss_location(ctx.data, missing[0])
    if params.mode == "any":
        return [Hit(where, i18n.message("check.missing", path=" | ".join(params.paths)))]
    if len(missing) < len(params.paths):
        return [Hit(where, i18n.message("check.partly_missing", paths=", ".join(missing)), partial=True)]
    return [Hit(where, i18n.message("check.missing", path=", ".join(missing)))]
