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


def matches(params: MentionsParams, data: dict) -> int:
    regex = params.regex
    return sum(1 for e in expressions_of(params.values) for _, value in locations.resolve(data, e).matches
               for unit in units(value) if any(regex.search(s) for s in unit))


SHOWN_EXAMPLES = 6


def looks_for(params: MentionsParams) -> dict[str, str]:
    """The plain words of what the pattern looks for; without `looks_for`, a few texts it finds."""
    if params.looks_for:
        return {"fi": params.looks_for.fi, "en": params.looks_for.en}
    found = examples(params.pattern)
    shown = ", ".join(f"'{e}'" for e in found[:SHOWN_EXAMPLES]) + (" …" if len(found) > SHOWN_EXAMPLES else "")
    if not found:
        return {"fi": "tarkistuslistan kohdan mukainen maininta", "en": "a mention of what the item asks"}
    return {"fi": f"esimerkiksi {shown}", "en": f"for example {shown}"}


def check(params: MentionsParams, ctx: Context) -> list[Hit]:
    found = matches(params, ctx.data)
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
    text = params.example or sample(params.pattern)
    if text is None:
        return False
    assign(data, expressions_of(params.values)[0], [text] * params.min if params.min > 1 else text)
    return True


def spoil(params: MentionsParams, data: dict, today: dt.date) -> None:
    delete(data, expressions_of(params.values)[0])


def sample(pattern: str) -> str | None:
    """A short text the pattern finds, for `explain`'s passing example; None when the pattern
    uses something this simple generator does not follow."""
    parser = _parser()
    try:
        text = _generate(parser.parse(pattern, re.IGNORECASE), parser)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return text if re.search(pattern, text, re.IGNORECASE) else None


def examples(pattern: str) -> list[str]:
    """One short text per alternative of the pattern (a group of alternatives standing alone
    in an alternative is opened too), each one that the pattern finds."""
    parser = _parser()
    try:
        tokens = parser.parse(pattern, re.IGNORECASE)
        out = []
        for branch in _alternatives(tokens, parser):
            text = _generate(branch, parser).strip()
            if text and text not in out and re.search(pattern, text, re.IGNORECASE):
                out.append(text)
        return out
    except (ValueError, KeyError, TypeError, IndexError):
        return []


def _alternatives(tokens: Any, c: Any) -> list[Any]:
    items = [t for t in tokens if t[0] is not c.AT]
    if len(items) == 1 and items[0][0] is c.BRANCH:
        return [b for branch in items[0][1][1] for b in _alternatives(branch, c)]
    if len(items) == 1 and items[0][0] is c.SUBPATTERN:
        return _alternatives(items[0][1][-1], c)
    return [tokens]


def _parser() -> Any:
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python < 3.11
        import sre_parse as parser  # type: ignore[no-redef]
    return parser


def _generate(tokens: Any, c: Any) -> str:
    """The shortest text for parsed pattern tokens; `c` holds the parser's opcode names."""
    out = []
    for op, arg in tokens:
        if op is c.LITERAL:
            out.append(chr(arg))
        elif op is c.NOT_LITERAL:
            out.append("x" if chr(arg).lower() != "x" else "y")
        elif op is c.ANY:
            out.append("x")
        elif op is c.IN:
            out.append(_one_of(arg, c))
        elif op is c.BRANCH:
            out.append(_generate(arg[1][0], c))
        elif op is c.SUBPATTERN:
            out.append(_generate(arg[-1], c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, item = arg
            out.append(_generate(item, c) * low)
        elif op in (c.AT, c.ASSERT_NOT):
            continue
        else:
            raise ValueError(op)
    return "".join(out)


def _one_of(items: Any, c: Any) -> str:
    if items and items[0][0] is c.NEGATE:
        raise ValueError("negated set")
    for op, arg in items:
        if op is c.LITERAL:
            return chr(arg)
        if op is c.RANGE:
            return chr(arg[0])
        if op is c.CATEGORY:
            return {c.CATEGORY_DIGIT: "1", c.CATEGORY_WORD: "a", c.CATEGORY_SPACE: " "}.get(arg, "x")
    raise ValueError("empty set")


KINDS = {"mentions": KindSpec(MentionsParams, check, describe, satisfy, spoil)}
