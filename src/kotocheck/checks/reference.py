"""`reference`: every value names an entry of a catalogue (e.g. a known data source).
Only constrains values that are given; one hit lists every unknown value."""

from __future__ import annotations

import datetime as dt

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, values_hit
from kotocheck.explain import assign


class ReferenceParams(Params):
    values: str
    catalogue: str


def check(params: ReferenceParams, ctx: Context) -> list[Hit]:
    known = ctx.catalogues.get(params.catalogue, set())
    bad = [(path, value) for path, value in locations.resolve(ctx.data, params.values).matches
           if isinstance(value, str) and value.strip() and value not in known]
    if not bad:
        return []
    detail = i18n.message("check.reference", values=words.quoted([v for _, v in bad]), known=", ".join(sorted(known)))
    return [values_hit([path for path, _ in bad], detail)]


def _catalogue_title(name: str) -> dict[str, str]:
    from kotocheck.checklist import DataError, catalogue

    try:
        return catalogue(name).title.as_dict()
    except (DataError, OSError):
        return {"fi": name, "en": name}


def describe(params: ReferenceParams) -> dict[str, str]:
    where, title = words.place(params.values), _catalogue_title(params.catalogue)
    return {"fi": f"{where['fi']}: jokainen annettu tunnus löytyy luettelosta {title['fi']}",
            "en": f"{where['en']}: every id given is in the catalogue {title['en']}"}


def satisfy(params: ReferenceParams, data: dict, today: dt.date) -> bool:
    from kotocheck.checklist import catalogue

    assign(data, params.values, sorted(e.id for e in catalogue(params.catalogue).entries)[0])
    return True


def spoil(params: ReferenceParams, data: dict, today: dt.date) -> None:
    assign(data, params.values, "tuntematon")


KINDS = {"reference": KindSpec(ReferenceParams, check, describe, satisfy, spoil, conditional=True)}
