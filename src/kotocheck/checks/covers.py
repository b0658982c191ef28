"""`covers`: the values a list holds cover a set of categories (a group counts as
covered when any of its members appears, e.g. any state authority)."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, anchor, join_labels


class CoversParams(Params):
    values: str | list[str]
    all_of: list[str]
    vocabulary: str


def check(params: CoversParams, ctx: Context) -> list[Hit]:
    expressions = [params.values] if isinstance(params.values, str) else params.values
    present = {str(v) for e in expressions for v in locations.values(ctx.data, e)}
    missing = [c for c in params.all_of if not present.intersection(ctx.groups.get(c, [c]))]
    if not missing:
        return []
    partial = len(missing) < len(params.all_of)
    key = "check.covers_partly" if partial else "check.covers"
    detail = i18n.message(key, missing=join_labels(ctx, params.vocabulary, missing))
    return [Hit(anchor(ctx.data, expressions[0]), detail, partial=partial)]
