"""`mentions`: the document says something, in any of the fields that can say it.

`values` are path expressions reaching text; a list of strings is searched item by item and a
mapping through its string values (one mapping counts once). `pattern` is a Python regular
expression matched case-insensitively anywhere in the text (re.search). The check passes when
at least `min` values match, and is partly met when some do. `looks_for` says in plain words
what the pattern looks for (shown by `explain` and in findings); `example` is a sentence that
must match it, checked when the checklist loads and used as `explain`'s passing example."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import Field, field_validator, model_validator

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor, expressions_of
from kotocheck.explain import assign, delete


class LooksFor(Params):
    fi: str
    en: str


class MentionsParams(Params):
    values: str | list[str]
    pattern: str
    min: int = Field(1, ge=1)
    looks_for: LooksFor | None = None
    example: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None
        if compiled.search(""):
            raise ValueError(f"pattern {pattern!r} matches empty text, so any text would pass")
        return pattern

    @model_validator(mode="after")
    def _example_matches(self) -> "MentionsParams":
        if self.example is not None and not self.regex.search(self.example):
            raise ValueError(f"example {self.example!r} does not match the pattern {self.pattern!r}")
        return self

    @property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern, re.IGNORECASE)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def units(value: Any) -> list[list[str]]:
    """What is counted: a string, each item of a list, a mapping as one (its strings)."""
    if isinstance(value, list):
        return [u for v in value for u in units(v)]
    found = _strings(value)
    return [found] if found else []


def matches(params: MentionsParams, data: dict, enough: int | None = None) -> int:
    """How many values mention it; counting stops at `enough` (searching long texts is the cost)."""
    regex, found = params.regex, 0
    for e in expressions_of(params.values):
        for _, value in locations.resolve(data, e).matches:
            for unit in units(value):
                if any(regex.search(s) for s in unit):
                    found += 1
                    if enough is not None and found >= enough:
                        return found
    return found


def looks_for(params: MentionsParams) -> dict[str, str]:
    """The plain words of what the pattern looks for (a regular expression is no reading for a
    coordinator); a checklist that gives none gets a neutral phrase."""
    if params.looks_for:
        return {"fi": params.looks_for.fi, "en": params.looks_for.en}
    return {"fi": "tarkistuslistan kohdan mukainen maininta", "en": "a mention of what the item asks"}


def check(params: MentionsParams, ctx: Context) -> list[Hit]:
    found = matches(params, ctx.data, enough=params.min)
    if found >= params.min:
        return []
    where = anchor(ctx.data, expressions_of(params.values)[0])
    if found == 0:
        return [Hit(where, i18n.message("check.mentions", what=looks_for(params)))]
    detail = i18n.message("check.mentions_partly", what=looks_for(params), count=found, min=params.min)
    return [Hit(where, detail, partial=True)]


def describe(params: MentionsParams) -> dict[str, str]:
    where, what = words.places(expressions_of(params.values), words.OR), looks_for(params)
    if params.min == 1:
        return {"fi": f"{where['fi']} kertoo: {what['fi']}", "en": f"{where['en']} says: {what['en']}"}
    return {"fi": f"{where['fi']} kertoo vähintään {params.min} kertaa: {what['fi']}",
            "en": f"{where['en']} says at least {params.min} times: {what['en']}"}


def satisfy(params: MentionsParams, data: dict, today: dt.date) -> bool:
    """explain's passing example is the checklist's own `example` (checked against the pattern
    when the checklist loads); without one there is no example rather than a made-up text."""
    if params.example is None:
        return False
    assign(data, expressions_of(params.values)[0], [params.example] * params.min if params.min > 1 else params.example)
    return True


def spoil(params: MentionsParams, data: dict, today: dt.date) -> None:
    delete(data, expressions_of(params.values)[0])


KINDS = {"mentions": KindSpec(MentionsParams, check, describe, satisfy, spoil)}
