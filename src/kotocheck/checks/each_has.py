"""`each_has`: every entry of a list has the given fields (all, or any one of them).

A list with no entries is not covered unless `require_items: false`, and then the check only
constrains entries that are there (it shows no coverage of its own). Entries that fall short
make one hit at the list, naming each entry, with each entry's path related."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, anchor
from kotocheck.explain import PLACEHOLDER, assign


class EachHasParams(Params):
    items: str
    fields: list[str]
    mode: Literal["all", "any"] = "all"
    require_items: bool = True
    # Values naming entries (by `id`) that count as having the fields: a goal served by a
    # measure written elsewhere (a programme-wide measure's `goals`) has a measure.
    named_by: list[str] = []


def _has(entry: Any, field: str) -> bool:
    if not isinstance(entry, dict):
        return False
    return any(not locations.is_empty(v) for _, v in locations.resolve(entry, field).matches)


def lacking(params: EachHasParams, entry: Any) -> list[str]:
    """The fields this entry lacks; empty when it meets the check."""
    missing = [f for f in params.fields if not _has(entry, f)]
    if params.mode == "any" and len(missing) < len(params.fields):
        return []
    return missing


def entries(data: dict, expression: str) -> list[tuple[tuple, Any]]:
    """Entries with content: `null` and `{}` are no entry at all."""
    return [(p, v) for p, v in locations.resolve(data, expression).matches if not locations.is_empty(v)]


def check(params: EachHasParams, ctx: Context) -> list[Hit]:
    found = entries(ctx.data, params.items)
    where = anchor(ctx.data, params.items)
    if not found:
        if not params.require_items:
            return []
        return [Hit(where, i18n.message("check.each_has_none", path=words.place(params.items)))]
    named = {str(v) for e in params.named_by for _, v in locations.resolve(ctx.data, e).matches
             if isinstance(v, (str, int))}
    found_short = [(path, entry) for path, entry in found
                   if not (isinstance(entry, dict) and str(entry.get("id")) in named)]
    short = [(path, lacking(params, entry)) for path, entry in found_short]
    short = [(path, missing) for path, missing in short if missing]
    if not short:
        return []
    detail = _detail(params, ctx.data, short)
    return [Hit(where, detail, partial=len(short) < len(found), related=[path for path, _ in short])]


def _detail(params: EachHasParams, data: dict, short: list[tuple[tuple, list[str]]]) -> dict[str, str]:
    """"tavoitteet T2, T5: puuttuu mittarit", one part per set of missing fields; an entry of a
    list inside an entry is named with the entry it belongs to: "tavoite T2: mittarilta M2.1
    puuttuu lähtötaso". At most `words.SHOWN` of those entries are named, the rest counted."""
    key = words.list_key(params.items)
    groups: dict[tuple, list[tuple]] = {}  # (the entry they belong to, missing fields) -> entries
    for path, missing in short:
        groups.setdefault((words.parent_entry(path), tuple(missing)), []).append(path)
    parents = list(dict.fromkeys(parent for parent, _ in groups))
    named = set(parents[:words.SHOWN])
    parts = []
    for (parent, missing), paths in groups.items():
        fields = words.places(list(missing))
        if not parent:
            message = "check.each_has_any" if params.mode == "any" else "check.each_has"
            parts.append(i18n.message(message, entries=words.entries(data, key, paths), fields=fields))
        elif parent in named:
            message, case = ("check.each_has_in_any", "at") if params.mode == "any" else ("check.each_has_in", "from")
            parts.append(i18n.message(message, parent=words.entry_label(data, parent), fields=fields,
                                      entries=words.nested_entries(data, key, paths, case),
                                      has={"fi": "", "en": "have" if len(paths) > 1 else "has"}))
    if len(parents) > words.SHOWN:  # every entry is still located in JSON and SARIF (related locations)
        rest, above = len(parents) - words.SHOWN, words.word(str(parents[-1][-2]))
        parts.append({"fi": f"ja {rest} muuta {above.fi_part or 'kohtaa'}", "en": f"and {rest} more {above.en}"})
    return {lang: "; ".join(p[lang] for p in parts) for lang in ("fi", "en")}


def describe(params: EachHasParams) -> dict[str, str]:
    w = words.word(words.list_key(params.items))
    fields = words.places(params.fields, words.OR if params.mode == "any" else words.AND)
    if params.require_items:
        return {"fi": f"{w.fi_each} on {fields['fi']}, ja ainakin yksi {w.fi_one} on kirjattu",
                "en": f"every {w.en_one} has {fields['en']}, and at least one {w.en_one} is given"}
    each = w.fi_each.replace("jokaisella ", "jokaisella kirjatulla ", 1)
    return {"fi": f"{each} on {fields['fi']}", "en": f"every {w.en_one} that is given has {fields['en']}"}


def satisfy(params: EachHasParams, data: dict, today: dt.date) -> bool:
    for field in params.fields if params.mode == "all" else params.fields[:1]:
        assign(data, f"{params.items}.{field}", PLACEHOLDER)
    return True


# The field that names an entry of a list, kept when the example is spoiled (an entry with no
# content at all would be no entry).
NAMING_FIELD = {"figures": "label", "findings": "text", "members": "organisation", "cooperation": "partner",
                "strategy_links": "name", "immigrant_participation": "description"}


def spoil(params: EachHasParams, data: dict, today: dt.date) -> None:
    removed = {field.split(".")[0] for field in params.fields}
    naming = next(n for n in (NAMING_FIELD.get(words.list_key(params.items)), "id", "title", "note")
                  if n and n not in removed)
    for _, entry in locations.resolve(data, params.items).matches:
        if isinstance(entry, dict):
            for field in removed:
                entry.pop(field, None)
            entry.setdefault(naming, PLACEHOLDER)


KINDS = {"each_has": KindSpec(EachHasParams, check, describe, satisfy, spoil)}
