"""What every check kind shares: its context, its result and its parameter base."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict

from kotocheck import locations


class Params(BaseModel):
    # built on first validation: the command line trusts the bundled checklists and never does
    model_config = ConfigDict(extra="forbid", defer_build=True)


@dataclass(frozen=True)
class KindSpec:
    """Everything about one check kind, kept in the kind's own module (as a yamllint rule is):
    its parameters, its check, the plain words `explain` uses for it, and how to make a
    passing example (`satisfy`) and spoil it into a failing one (`spoil`).
    A module exports `KINDS = {"kind_name": KindSpec(...)}`; the registry collects them."""

    params: type[BaseModel]
    check: Callable[[Any, "Context"], list["Hit"]]
    describe: Callable[[Any], dict[str, str]] | None = None  # params -> {"fi": ..., "en": ...}
    satisfy: Callable[[Any, dict, dt.date], bool] | None = None  # fill data so the check passes; False: needs other files
    spoil: Callable[[Any, dict, dt.date], None] | None = None  # change passing data so the check fails
    conditional: bool = False  # only constrains data that is there: passing it shows no coverage


@dataclass
class Hit:
    """One shortfall a check found: where, what (fi/en) and whether the item is partly met.
    One hit per item and place: when several entries or values fall short, the hit points at
    the part of the document holding them all and `related` lists the path of each."""

    path: tuple
    detail: dict[str, str]
    partial: bool = False
    at_value: bool = False
    related: list[tuple] = field(default_factory=list)


@dataclass
class Context:
    data: dict
    today: dt.date
    catalogues: dict[str, set[str]] = field(default_factory=dict)
    labels: Callable[[str, str], dict[str, str]] = lambda vocabulary, value: {"fi": value, "en": value}
    groups: dict[str, list[str]] = field(default_factory=dict)
    programme: Callable[[], Any] | None = None  # followups: loads the programme they refer to
    base_dir: Path | None = None  # the folder of the checked file, for references to other files


def anchor(data: Any, expression: str) -> tuple:
    """Where to point for an expression: the list or field it starts from, or its deepest parent."""
    head = expression.split("[", 1)[0]
    res = locations.resolve(data, head)
    if res.matches:
        return res.matches[0][0]
    return max(res.misses, key=len) if res.misses else ()


def common_parent(paths: list[tuple]) -> tuple:
    """The longest path every one of `paths` starts with."""
    if not paths:
        return ()
    shortest = min(paths, key=len)
    for depth, part in enumerate(shortest):
        if any(p[depth] != part for p in paths):
            return shortest[:depth]
    return shortest


def values_hit(paths: list[tuple], detail: dict[str, str], partial: bool = False) -> Hit:
    """One hit for values that fall short in several places: at the value itself when there is
    one, else at the smallest part of the document holding them all, each one related."""
    if len(paths) == 1:
        return Hit(paths[0], detail, partial=partial, at_value=True)
    return Hit(common_parent(paths), detail, partial=partial, related=list(paths))


def expressions_of(values: str | list[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def join_labels(ctx: Context, vocabulary: str, values: list[str]) -> dict[str, str]:
    labels = [ctx.labels(vocabulary, v) for v in values]
    return {lang: ", ".join(label.get(lang) or label.get("en", "") for label in labels) for lang in ("fi", "en", "sv")}
