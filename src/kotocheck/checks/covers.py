"""`covers`: the values a list holds cover a set of categories: every one of `all_of`, or at
least one of `any_of` (for a checklist's examples, "muun muassa", which are never all
required). A group counts as covered when any of its members appears (any state authority)."""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor, expressions_of, join_labels
from kotocheck.explain import assign, delete


class CoversParams(Params):
    values: str | list[str]
    all_of: list[str] | None = None
    any_of: list[str] | None = None
    vocabulary: str

    @model_validator(mode="after")
    def _one_list(self) -> "CoversParams":
        if (self.all_of is None) == (self.any_of is None):
            raise ValueError("covers takes exactly one of 'all_of' and 'any_of'")
        if not (self.all_of or self.any_of):
            raise ValueError("covers needs at least one category")
        return self

    @property
    def categories(self) -> list[str]:
        return self.all_of or self.any_of or []


def _present(params: CoversParams, ctx: Context) -> set[str]:
    return {str(v).strip() for e in expressions_of(params.values) for v in locations.values(ctx.data, e)
            if not locations.is_empty(v) and isinstance(v, (str, int)) and not isinstance(v, bool)}


def _covered(category: str, present: set[str], ctx: Context) -> bool:
    return bool(present.intersection(ctx.groups.get(category, [category])))


def check(params: CoversParams, ctx: Context) -> list[Hit]:
    present = _present(params, ctx)
    where = anchor(ctx.data, expressions_of(params.values)[0])
    if params.any_of is not None:
        if any(_covered(c, present, ctx) for c in params.any_of):
            return []
        return [Hit(where, i18n.message("check.covers_any", options=join_labels(ctx, params.vocabulary, params.any_of)))]
    missing = [c for c in params.categories if not _covered(c, present, ctx)]
    if not missing:
        return []
    partial = len(missing) < len(params.categories)
    key = "check.covers_partly" if partial else "check.covers"
    detail = i18n.message(key, missing=join_labels(ctx, params.vocabulary, missing))
    return [Hit(where, detail, partial=partial)]


def describe(params: CoversParams) -> dict[str, str]:
    where = words.places(expressions_of(params.values), words.OR)
    if len(params.categories) == 1:
        only = words.vocabulary_words(params.vocabulary, params.categories)
        return {"fi": f"{where['fi']} mainitsee: {only['fi']}", "en": f"{where['en']} names: {only['en']}"}
    if params.any_of is not None:
        options = words.vocabulary_words(params.vocabulary, params.any_of, words.OR)
        return {"fi": f"{where['fi']} mainitsee ainakin yhden: {options['fi']}",
                "en": f"{where['en']} names at least one of: {options['en']}"}
    options = words.vocabulary_words(params.vocabulary, params.categories)
    return {"fi": f"{where['fi']} mainitsee jokaisen: {options['fi']}",
            "en": f"{where['en']} names every one of: {options['en']}"}


def satisfy(params: CoversParams, data: dict, today: dt.date) -> bool:
    from kotocheck.checklist import groups

    members = groups()
    chosen = params.all_of if params.all_of is not None else params.categories[:1]
    assign(data, expressions_of(params.values)[0], [members.get(c, [c])[0] for c in chosen])
    return True


def spoil(params: CoversParams, data: dict, today: dt.date) -> None:
    delete(data, expressions_of(params.values)[0])


KINDS = {"covers": KindSpec(CoversParams, check, describe, satisfy, spoil)}
