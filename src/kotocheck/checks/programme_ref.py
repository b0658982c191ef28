"""`programme_ref` and `follows_all_goals`: a follow-up report refers to goals and
measures that its programme has, and follows every goal of it."""

from __future__ import annotations

from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, anchor


class RefParams(Params):
    values: str
    target: Literal["goals", "measures"]


class CoverageParams(Params):
    values: str


def _ids(programme: dict, target: str) -> set[str]:
    expression = "goals[*].id" if target == "goals" else "goals[*].measures[*].id"
    return {str(v) for v in locations.values(programme, expression)}


def _programme(ctx: Context) -> tuple[dict | None, Hit | None]:
    loaded, reason = ctx.programme() if ctx.programme else (None, "-")
    if loaded is None:
        return None, Hit(anchor(ctx.data, "programme"), i18n.message("check.programme_missing", reason=reason), at_value=True)
    return loaded, None


def check_refs(params: RefParams, ctx: Context) -> list[Hit]:
    programme, failure = _programme(ctx)
    if failure:
        return [failure]
    known = _ids(programme, params.target)
    return [Hit(path, i18n.message("check.dangling", value=value), at_value=True)
            for path, value in locations.resolve(ctx.data, params.values).matches
            if isinstance(value, (str, int)) and str(value) not in known]


def check_coverage(params: CoverageParams, ctx: Context) -> list[Hit]:
    programme, failure = _programme(ctx)
    if failure:
        return [failure]
    followed = {str(v) for v in locations.values(ctx.data, params.values)}
    missing = [g for g in locations.values(programme, "goals[*].id") if str(g) not in followed]
    if not missing:
        return []
    detail = i18n.message("check.not_followed", missing=", ".join(map(str, missing)))
    return [Hit(anchor(ctx.data, params.values), detail, partial=len(missing) < len(followed) + len(missing))]
