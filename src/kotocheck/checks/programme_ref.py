"""`programme_ref` and `follows_all_goals`: a follow-up report refers to goals and
measures that its programme has, and follows every goal of it."""

from __future__ import annotations

from typing import Literal

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor, values_hit


class RefParams(Params):
    values: str | list[str]
    target: Literal["goals", "measures", "indicators"]


class CoverageParams(Params):
    values: str | list[str]
    target: Literal["goals", "measures"] = "goals"


# Where a programme keeps the ids of each target: measures may also be programme-wide.
TARGETS = {"goals": ("goals[*].id",), "measures": ("goals[*].measures[*].id", "measures[*].id"),
           "indicators": ("goals[*].indicators[*].id",)}


def _ids(programme: dict, target: str) -> list[str]:
    """The target's ids in the programme, in the order written."""
    out: list[str] = []
    for expression in TARGETS[target]:
        out.extend(str(v).strip() for v in locations.values(programme, expression) if not locations.is_empty(v))
    return out


def _values(data: dict, values: str | list[str]) -> list[tuple[tuple, object]]:
    expressions = [values] if isinstance(values, str) else values
    return [m for e in expressions for m in locations.resolve(data, e).matches]


def _programme(ctx: Context) -> tuple[dict | None, Hit | None]:
    loaded, reason = ctx.programme() if ctx.programme else (None, "-")
    if loaded is None:
        return None, Hit(anchor(ctx.data, "programme"), i18n.message("check.programme_missing", reason=reason), at_value=True)
    return loaded, None


def check_refs(params: RefParams, ctx: Context) -> list[Hit]:
    programme, failure = _programme(ctx)
    if failure:
        return [failure]
    known = set(_ids(programme, params.target))
    dangling = [(path, value) for path, value in _values(ctx.data, params.values)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and not locations.is_empty(value)
                and str(value).strip() not in known]
    hits = []
    if dangling:
        detail = i18n.message("check.dangling", values=words.quoted([v for _, v in dangling]))
        hits.append(values_hit([path for path, _ in dangling], detail))
    if params.target != "goals":
        hits.extend(_misplaced(programme, params, ctx.data, {p for p, _ in dangling}))
    return hits


def _owners(programme: dict, target: str) -> dict[str, set]:
    """Where each measure or indicator belongs in the programme: the goals it sits under or
    serves (its `goals`), and None for a programme-wide measure."""
    owners: dict[str, set] = {}
    field = "measures" if target == "measures" else "indicators"
    for goal in locations.values(programme, "goals[*]"):
        if not isinstance(goal, dict):
            continue
        for entry in goal.get(field) or []:
            if isinstance(entry, dict) and not locations.is_empty(entry.get("id")):
                served = entry.get("goals") if isinstance(entry.get("goals"), list) else []
                owners.setdefault(str(entry["id"]).strip(), set()).update({str(goal.get("id"))}, map(str, served))
    if target == "measures":
        for entry in locations.values(programme, "measures[*]"):
            if isinstance(entry, dict) and not locations.is_empty(entry.get("id")):
                served = entry.get("goals") if isinstance(entry.get("goals"), list) else []
                owners.setdefault(str(entry["id"]).strip(), set()).update({None}, map(str, served))
    return owners


def _misplaced(programme: dict, params: RefParams, data: dict, dangling: set) -> list[Hit]:
    """An id reported under a goal it does not belong to (or a goal's measure among the
    programme-wide ones): the report would show it in the wrong place."""
    owners = _owners(programme, params.target)
    wrong = []
    for path, value in _values(data, params.values):
        if path in dangling or not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        at = _reported_under(data, path)
        where = owners.get(str(value).strip(), set())
        if at is not False and where and at not in where:
            home = ", ".join(sorted(str(g) for g in where if g is not None)) or "–"
            wrong.append((path, str(value).strip(), home, at))
    if not wrong:
        return []
    shown = "; ".join(f"{v} → {h}" for _, v, h, _ in wrong)
    detail = i18n.message("check.misplaced", values=shown)
    return [values_hit([p for p, *_ in wrong], detail)]


def _reported_under(data: dict, path: tuple):
    """The goal id a value is reported under (None: among the programme-wide measures; False:
    the goal entry names no goal, so there is nothing to compare)."""
    if path[:1] == ("measures",):
        return None
    if len(path) > 1 and path[0] == "goals" and isinstance(path[1], int):
        goal = data["goals"][path[1]].get("goal") if isinstance(data["goals"][path[1]], dict) else None
        return str(goal).strip() if not locations.is_empty(goal) else False
    return False


def check_coverage(params: CoverageParams, ctx: Context) -> list[Hit]:
    programme, failure = _programme(ctx)
    if failure:
        return [failure]
    followed = {str(v).strip() for _, v in _values(ctx.data, params.values) if not locations.is_empty(v)}
    wanted = _ids(programme, params.target)
    missing = [g for g in wanted if g not in followed]
    if not missing:
        return []
    key = "check.not_followed" if params.target == "goals" else "check.measures_not_followed"
    detail = i18n.message(key, missing=", ".join(missing))
    first = params.values if isinstance(params.values, str) else params.values[0]
    # Partly met when some of the programme's goals (measures) are followed, whatever else is listed.
    return [Hit(anchor(ctx.data, first), detail, partial=len(missing) < len(wanted))]


TARGET_WORDS = {"goals": {"fi": "tavoitteissa", "en": "goals"}, "measures": {"fi": "toimenpiteissä", "en": "measures"},
                "indicators": {"fi": "mittareissa", "en": "indicators"}}
TARGET_ONE = {"goals": {"fi": "tavoite", "en": "goal"}, "measures": {"fi": "toimenpide", "en": "measure"}}


def describe_refs(params: RefParams) -> dict[str, str]:
    where, target = _places(params.values), TARGET_WORDS[params.target]
    return {"fi": f"{where['fi']}: jokainen tunnus on seurattavan ohjelman {target['fi']}",
            "en": f"{where['en']}: every id is among the {target['en']} of the programme followed"}


def describe_coverage(params: CoverageParams) -> dict[str, str]:
    where, one = _places(params.values), TARGET_ONE[params.target]
    return {"fi": f"seurattavan ohjelman jokainen {one['fi']} on mukana: {where['fi']}",
            "en": f"every {one['en']} of the programme followed is in {where['en']}"}


def _places(values: str | list[str]) -> dict[str, str]:
    return words.place(values) if isinstance(values, str) else words.places(values, words.OR)


# No examples: a passing one needs the programme file beside it.
KINDS = {
    "programme_ref": KindSpec(RefParams, check_refs, describe_refs, conditional=True),
    "follows_all_goals": KindSpec(CoverageParams, check_coverage, describe_coverage),
}
