"""`programme_ref` and `follows_all_goals`: a follow-up report refers to goals and
measures that its programme has, and follows every goal of it."""

from __future__ import annotations

from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor, values_hit


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
    dangling = [(path, value) for path, value in locations.resolve(ctx.data, params.values).matches
                if isinstance(value, (str, int)) and not isinstance(value, bool) and not locations.is_empty(value)
                and str(value).strip() not in known]
    if not dangling:
        return []
    detail = i18n.message("check.dangling", values=words.quoted([v for _, v in dangling]))
    return [values_hit([path for path, _ in dangling], detail)]


def check_coverage(params: CoverageParams, ctx: Context) -> list[Hit]:
    programme, failure = _programme(ctx)
    if failure:
        return [failure]
    followed = {str(v).strip() for v in locations.values(ctx.data, params.values) if not locations.is_empty(v)}
    goals = [str(g).strip() for g in locations.values(programme, "goals[*].id") if not locations.is_empty(g)]
    missing = [g for g in goals if g not in followed]
    if not missing:
        return []
    detail = i18n.message("check.not_followed", missing=", ".join(missing))
    # Partly met when some of the programme's goals are followed, whatever else is listed.
    return [Hit(anchor(ctx.data, params.values), detail, partial=len(missing) < len(goals))]


TARGET_WORDS = {"goals": {"fi": "tavoitteissa", "en": "goals"}, "measures": {"fi": "toimenpiteissä", "en": "measures"}}


def describe_refs(params: RefParams) -> dict[str, str]:
    where, target = words.place(params.values), TARGET_WORDS[params.target]
    return {"fi": f"{where['fi']}: jokainen tunnus on seurattavan ohjelman {target['fi']}",
            "en": f"{where['en']}: every id is among the {target['en']} of the programme followed"}


def describe_coverage(params: CoverageParams) -> dict[str, str]:
    where = words.place(params.values)
    return {"fi": f"seurattavan ohjelman jokainen tavoite on mukana: {where['fi']}",
            "en": f"every goal of the programme followed is in {where['en']}"}


# No examples: a passing one needs the programme file beside it.
KINDS = {
    "programme_ref": KindSpec(RefParams, check_refs, describe_refs, conditional=True),
    "follows_all_goals": KindSpec(CoverageParams, check_coverage, describe_coverage),
}
