"""`reference`: every value names an entry of a catalogue (e.g. a known data source)."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params


class ReferenceParams(Params):
    values: str
    catalogue: str


def check(params: ReferenceParams, ctx: Context) -> list[Hit]:
    known = ctx.catalogues.get(params.catalogue, set())
    hits = []
    for path, value in locations.resolve(ctx.data, params.values).matches:
        if isinstance(value, str) and value.strip() and value not in known:
            shown = ", ".join(sorted(known))
            hits.append(Hit(path, i18n.message("check.reference", value=value, known=shown), at_value=True))
    return hits
