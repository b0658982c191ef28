"""`present`: fields exist and are not empty (all of them, or any one of them)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params
from kotocheck.explain import PLACEHOLDER, assign, delete


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
        return [Hit(where, i18n.message("check.missing", path=words.missing(params.paths, words.OR)))]
    if len(missing) < len(params.paths):
        return [Hit(where, i18n.message("check.partly_missing", paths=words.missing(missing)), partial=True)]
    return [Hit(where, i18n.message("check.missing", path=words.missing(missing)))]


def describe(params: PresentParams) -> dict[str, str]:
    if params.mode == "any" and len(params.paths) > 1:
        shown = words.places(params.paths, words.OR)
        return {"fi": f"ainakin yksi on kirjattu: {shown['fi']}", "en": f"at least one is recorded: {shown['en']}"}
    shown = words.places(params.paths, words.AND)
    return {"fi": f"kirjattu: {shown['fi']}", "en": f"recorded: {shown['en']}"}


def satisfy(params: PresentParams, data: dict, today: dt.date) -> bool:
    for path in params.paths if params.mode == "all" else params.paths[:1]:
        assign(data, path, PLACEHOLDER)
    return True


def spoil(params: PresentParams, data: dict, today: dt.date) -> None:
    delete(data, params.paths[0])


KINDS = {"present": KindSpec(PresentParams, check, describe, satisfy, spoil)}
