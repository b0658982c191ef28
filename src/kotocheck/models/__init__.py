"""Document models and the translation of their validation errors into located findings."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from kotocheck import i18n
from kotocheck.findings import Finding, Severity
from kotocheck.kinds import FOLLOWUP, KINDS, PROGRAMME, SERVICES
from kotocheck.locations import dotted, locate
from kotocheck.models.followup import Followup
from kotocheck.models.programme import Programme
from kotocheck.models.services import Services

MODELS: dict[str, type[BaseModel]] = {PROGRAMME: Programme, SERVICES: Services, FOLLOWUP: Followup}
assert tuple(MODELS) == KINDS, "a document kind needs its model (kinds.KINDS)"
FORMAT_VERSIONS = (1,)

_EXPECTED = {"string": "str", "int": "int", "float": "float", "bool": "bool", "date": "date", "datetime": "date",
             "list": "list", "dict": "dict", "model": "dict", "year_or_date": "year_or_date"}
_CUSTOM_TYPES = {
    "scalar": ({"fi": "luku tai teksti", "en": "number or text"}),
    "money": ({"fi": "euromäärä", "en": "amount in euros"}),
}


def _all_field_names() -> list[str]:
    names: set[str] = set()
    seen: set[type] = set()

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            for arg in _model_args(info.annotation):
                visit(arg)

    for model in MODELS.values():
        visit(model)
    return sorted(names)


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    out = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        out.append(annotation)
    for arg in getattr(annotation, "__args__", ()) or ():
        out.extend(_model_args(arg))
    return out


def schema_findings(kind: str, data: dict, tree: Any, file: str) -> list[Finding]:
    model = MODELS[kind]
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [_translate(err, tree, file) for err in exc.errors(include_url=False)]
    return []


def _translate(err: dict, tree: Any, file: str) -> Finding:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    value = err.get("input")
    if kind == "missing":
        rule, key, params, at = "schema.missing", "schema.missing", {"field": field}, loc[:-1]
    elif kind == "extra_forbidden":
        close = difflib.get_close_matches(field, _all_field_names(), n=1, cutoff=0.7)
        if close and close[0] == field:  # a real field name in the wrong place
            close = []
            misplaced = True
        else:
            misplaced = False
        params = {"field": field,
                  "suggestion_fi": f" Tarkoititko '{close[0]}'?" if close else "",
                  "suggestion_en": f" Did you mean '{close[0]}'?" if close else ""}
        rule, key, at = "schema.unknown-key", "schema.unknown_key", loc
    elif kind in ("literal_error", "enum"):
        allowed = err.get("ctx", {}).get("expected", "")
        rule, key, at = "schema.choice", "schema.choice", loc
        params = {"field": field, "value": _short(value), "allowed": {"fi": allowed.replace(" or ", " tai "), "en": allowed}}
    elif kind == "string_too_short":
        rule, key, params, at = "schema.empty", "schema.empty", {"field": field}, loc
    elif kind in ("string_pattern_mismatch", "greater_than_equal", "less_than_equal", "too_long",
                  "string_too_long", "value_error"):
        rule, key, at = "schema.value", "schema.value", loc
        if kind == "string_pattern_mismatch":
            detail = i18n.MESSAGES["schema.code.detail" if field == "municipality_code" else "schema.id.detail"]
        else:
            detail = {"fi": err["msg"], "en": err["msg"]}
        params = {"field": field, "detail_fi": detail["fi"], "detail_en": detail["en"]}
    else:
        rule, key, at = "schema.type", "schema.type", loc
        expected = _expected(kind)
        got = i18n.type_name(value)
        params = {"field": field, "expected_fi": expected["fi"], "expected_en": expected["en"],
                  "got_fi": got["fi"], "got_en": got["en"]}
    line, column = locate(tree, at, at_value=rule in ("schema.type", "schema.choice", "schema.value", "schema.empty"))
    hint_key = "schema.type_text" if rule == "schema.type" and kind.startswith("string") else key
    if kind == "extra_forbidden" and misplaced:
        hint_key = "schema.misplaced_key"
    return Finding(rule=rule, severity=Severity.ERROR, file=file, line=line, column=column,
                   message=i18n.message(key, **params), hint=i18n.message(hint_key + ".hint", **params),
                   path=dotted(loc))


def _expected(kind: str) -> dict[str, str]:
    if kind in _CUSTOM_TYPES:
        return _CUSTOM_TYPES[kind]
    for prefix, name in _EXPECTED.items():
        if kind.startswith(prefix):
            return i18n.MESSAGES["type." + name]
    return {"fi": kind, "en": kind}


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
