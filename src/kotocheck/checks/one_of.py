"""`one_of`: every value given must be one of the allowed values (e.g. the law names who
arranges a service for jobseekers). Passes when nothing is given; `present` asks for it."""

from __future__ import annotations

import datetime as dt

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, join_labels, values_hit
from kotocheck.explain import assign


class OneOfParams(Params):
    values: str
    allowed: list[str]
    vocabulary: str


def check(params: OneOfParams, ctx: Context) -> list[Hit]:
    bad = [(path, str(value)) for path, value in locations.resolve(ctx.data, params.values).matches
           if not locations.is_empty(value) and str(value) not in params.allowed]
    if not bad:
        return []
    shown = [join_labels(ctx, params.vocabulary, [value]) for _, value in bad]
    values = {lang: words.quoted([s[lang] for s in shown]) for lang in ("fi", "en", "sv")}
    detail = i18n.message("check.one_of", values=values, allowed=join_labels(ctx, params.vocabulary, params.allowed))
    return [values_hit([path for path, _ in bad], detail)]


def describe(params: OneOfParams) -> dict[str, str]:
    where = words.place(params.values)
    allowed = words.vocabulary_words(params.vocabulary, params.allowed, words.OR)
    return {"fi": f"{where['fi']}: jos annettu, se on {allowed['fi']}",
            "en": f"{where['en']}: when given, it is {allowed['en']}"}


def satisfy(params: OneOfParams, data: dict, today: dt.date) -> bool:
    assign(data, params.values, params.allowed[0])
    return True


def spoil(params: OneOfParams, data: dict, today: dt.date) -> None:
    assign(data, params.values, "tuntematon")


KINDS = {"one_of": KindSpec(OneOfParams, check, describe, satisfy, spoil, conditional=True)}
