"""`one_of`: every value given must be one of the allowed values (e.g. the law names who
arranges a service for jobseekers). Passes when nothing is given; `present` asks for it."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params, join_labels


class OneOfParams(Params):
    values: str
    allowed: list[str]
    vocabulary: str


def check(params: OneOfParams, ctx: Context) -> list[Hit]:
    allowed = join_labels(ctx, params.vocabulary, params.allowed)
    return [Hit(path, i18n.message("check.one_of", value=join_labels(ctx, params.vocabulary, [str(value)]), allowed=allowed),
                at_value=True)
            for path, value in locations.resolve(ctx.data, params.values).matches
            if not locations.is_empty(value) and str(value) not in params.allowed]
