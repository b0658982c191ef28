"""Document models and the translation of their validation errors into located findings."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from kotocheck import i18n
from kotocheck.findings import Finding, Severity
from kotocheck.kinds import FOLLOWUP, KINDS, PROGRAMME, SERVICES
from kotocheck.locations import dotted, locate


class _Models(Mapping):
    """Document kind -> its model, each kind's module imported when first asked for: defining the
    classes of all three kinds costs a run that meets only one of them (start-up time)."""

    _WHERE = {PROGRAMME: ("programme", "Programme"), SERVICES: ("services", "Services"),
              FOLLOWUP: ("followup", "Followup")}

    def __getitem__(self, kind: str) -> type[BaseModel]:
        module, name = self._WHERE[kind]
        return getattr(importlib.import_module(f"kotocheck.models.{module}"), name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._WHERE)

    def __len__(self) -> int:
        return len(self._WHERE)

    def __contains__(self, kind: object) -> bool:
        return isinstance(kind, str) and kind in self._WHERE  # a list or mapping is never a kind


MODELS: Mapping[str, type[BaseModel]] = _Models()
assert tuple(MODELS) == KINDS, "a document kind needs its model (kinds.KINDS)"
FORMAT_VERSIONS = (1,)

_EXPECTED = {"string": "str", "int": "int", "float": "float", "bool": "bool", "date": "date", "datetime": "date",
             "list": "list", "dict": "dict", "model": "dict", "year_or_date": "year_or_date"}
_CUSTOM_TYPES = {
    "scalar": ({"fi": "luku tai teksti", "en": "number or text"}),
    "money": ({"fi": "euromäärä", "en": "amount in euros"}),
}


@lru_cache(maxsize=1)
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
        return [_translate(err, tree, file, model) for err in exc.errors(include_url=False)]
    return []


def _translate(err: dict, tree: Any, file: str, model: type[BaseModel] | None = None) -> Finding:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    value = err.get("input")
    hint_key = None
    if kind == "missing":
        rule, key, params, at = "schema.missing", "schema.missing", {"field": field}, loc[:-1]
    elif kind == "extra_forbidden":
        rule, key, at = "schema.unknown-key", "schema.unknown_key", loc
        params, hint_key = _unknown_key(field, _fields_at(model, loc[:-1]))
    elif kind in ("literal_error", "enum"):
        allowed = err.get("ctx", {}).get("expected", "")
        rule, key, at = "schema.choice", "schema.choice", loc
        params = {"field": field, "value": _short(value), "allowed": {"fi": allowed.replace(" or ", " tai "), "en": allowed}}
    elif kind == "string_too_short":
        rule, key, params, at = "schema.empty", "schema.empty", {"field": field}, loc
    elif kind in _LIMITS or kind in ("string_pattern_mismatch", "value_error"):
        rule, key, at = "schema.value", "schema.value", loc
        if kind == "string_pattern_mismatch":
            detail = i18n.MESSAGES["schema.code.detail" if field == "municipality_code" else "schema.id.detail"]
        elif kind in _LIMITS:
            limit = next(iter(err.get("ctx", {}).values()), "")
            detail = {lang: text.format(limit=limit) for lang, text in _LIMITS[kind].items()}
        else:
            detail = {"fi": "arvo ei kelpaa tähän kenttään", "en": err["msg"]}
        params = {"field": field, "detail_fi": detail["fi"], "detail_en": detail["en"]}
    else:
        rule, key, at = "schema.type", "schema.type", loc
        expected = _expected(kind)
        got = i18n.type_name(value)
        fix = _type_fix(kind, loc, field, value, err.get("ctx") or {})
        params = {"field": field, "expected_fi": expected["fi"], "expected_en": expected["en"],
                  "got_fi": got["fi"], "got_en": got["en"], "fix": fix or {"fi": "", "en": ""}}
        if kind.startswith("string") and fix is None:
            hint_key = "schema.type_text"
    line, column = locate(tree, at, at_value=rule in ("schema.type", "schema.choice", "schema.value", "schema.empty"))
    hint_key = hint_key or key
    return Finding(rule=rule, severity=Severity.ERROR, file=file, line=line, column=column,
                   message=i18n.message(key, **params), hint=i18n.message(hint_key + ".hint", **params),
                   path=dotted(loc))


# pydantic's limits, in words ({limit} is the bound from the error's context)
_LIMITS = {
    "greater_than_equal": {"fi": "arvon on oltava vähintään {limit}", "en": "the value must be at least {limit}"},
    "less_than_equal": {"fi": "arvo saa olla enintään {limit}", "en": "the value must be at most {limit}"},
    "too_long": {"fi": "enintään {limit} kohtaa", "en": "at most {limit} entries"},
    "string_too_long": {"fi": "enintään {limit} merkkiä", "en": "at most {limit} characters"},
}


# --- unknown keys: did you mean ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    """Finnish and Swedish words for the fields (models/key_synonyms.yaml), read on first use."""
    from importlib import resources

    from ruamel.yaml import YAML

    text = (resources.files("kotocheck") / "models" / "key_synonyms.yaml").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for words in (YAML(typ="safe", pure=True).load(text) or {}).values():
        for word, fields in (words or {}).items():
            out[_normal(str(word))] = tuple(fields) if isinstance(fields, list) else (str(fields),)
    return out


def _normal(word: str) -> str:
    return "_".join(word.strip().lower().replace("-", " ").split())


def _fields_at(model: type[BaseModel] | None, loc: tuple) -> list[str] | None:
    """The field names of the model at `loc` (list indexes skipped), or None when unknown."""
    if model is None:
        return None
    current = [model]
    for step in loc:
        if isinstance(step, int):
            continue
        inner = [arg for m in current if step in m.model_fields for arg in _model_args(m.model_fields[step].annotation)]
        if not inner:
            inner = [m for m in current if m.__name__ == step]  # pydantic names a union member by its class
        if not inner:
            return None
        current = inner
    return sorted({name for m in current for name in m.model_fields})


def _unknown_key(field: str, allowed: list[str] | None) -> tuple[dict, str]:
    """The parameters of schema.unknown_key and the key of its hint."""
    known = _all_field_names()
    candidates = allowed if allowed is not None else known
    word = _normal(field.lstrip("-").strip())
    import difflib  # only for an unknown key: a clean document never needs it

    suggestion, hint = None, "schema.unknown_key"
    if field in known and field not in candidates:
        hint = "schema.misplaced_key"  # a real field name in the wrong place
    else:
        synonyms = _synonyms()
        fields = synonyms.get(word)
        if fields is None:
            close = difflib.get_close_matches(word, list(synonyms), n=1, cutoff=0.85)
            fields = synonyms[close[0]] if close else ()
        suggestion = next((f for f in fields if f in candidates), None)
        if suggestion is not None:
            hint = "schema.unknown_key_word"
        else:
            if word in candidates and word != field:
                close = [word]  # `-region`, `Region`, `municipality ` : only the writing differs
            else:
                close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.7)
            if close:
                suggestion, hint = close[0], "schema.unknown_key_typo"
    if hint == "schema.unknown_key" and allowed is None:
        hint = "schema.unknown_key_any"  # the place is not known: no list of the fields that fit
    params = {"field": field, "suggestion": suggestion or "",
              "suggestion_fi": f" Tarkoititko '{suggestion}'?" if suggestion else "",
              "suggestion_en": f" Did you mean '{suggestion}'?" if suggestion else "",
              "allowed": ", ".join(candidates)}
    return params, hint


# --- wrong types: the fix, when the value shows what was meant ---------------------------------

_FI_DATE = re.compile(r"\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})?\s*")
_FI_MONTH = re.compile(r"\s*(\d{1,2})\s*[./]\s*(\d{4})\s*")
_RANGE = re.compile(r"\s*((?:19|20|21)\d\d)\s*[-–—/]\s*((?:19|20|21)\d\d)\s*")


def _finnish_date(value: Any) -> tuple[dict[str, str], bool] | None:
    """`15.6.2026` → 2026-06-15 (and True: a whole date); `15.6.` → VVVV-06-15 / YYYY-06-15.
    A number (`15.6` without the last dot) is left alone: 1.10 has become 1.1 by now."""
    if not isinstance(value, str):
        return None
    match = _FI_DATE.fullmatch(value)
    if not match:
        return None
    day, month, year = int(match[1]), int(match[2]), match[3]
    if year is None:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return {"fi": f"VVVV-{month:02d}-{day:02d}", "en": f"YYYY-{month:02d}-{day:02d}"}, False
    full = int(year) + (2000 if len(year) == 2 else 0)
    try:
        iso = dt.date(full, month, day).isoformat()
    except ValueError:
        return None
    return {"fi": iso, "en": iso}, True


def _type_fix(kind: str, loc: tuple, field: str, value: Any, ctx: dict) -> dict[str, str] | None:
    """The sentence that says how to write the value, or None."""
    item = bool(loc) and isinstance(loc[-1], int)  # a list entry: `- value`
    lead = "- " if item else f"{field}: "
    if kind.startswith("date") or kind == "year_or_date":
        fi_date = _finnish_date(value)
        if fi_date is not None:
            iso, whole = fi_date
            if whole:
                return {"fi": f" Päivämäärä kirjoitetaan muodossa VVVV-KK-PP: kirjoita {iso['fi']}.",
                        "en": f" A date is written YYYY-MM-DD: write {iso['en']}."}
            return {"fi": f" Päivämäärä kirjoitetaan vuoden kanssa muodossa VVVV-KK-PP: kirjoita {iso['fi']}.",
                    "en": f" A date is written with its year as YYYY-MM-DD: write {iso['en']}."}
        text = str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
        if isinstance(value, str) and _FI_DATE.fullmatch(value):
            return {"fi": f" Päivämäärää {value.strip()} ei ole kalenterissa: tarkista päivä ja kuukausi ja kirjoita "
                          f"päivämäärä muodossa VVVV-KK-PP.",
                    "en": f" There is no date {value.strip()}: check the day and the month and write the date "
                          f"as YYYY-MM-DD."}
        month = _FI_MONTH.fullmatch(text) if kind == "year_or_date" else None
        if month and 1 <= int(month[1]) <= 12:
            return {"fi": f" Kuukausi kirjoitetaan muodossa VVVV-KK: kirjoita {month[2]}-{int(month[1]):02d}.",
                    "en": f" A month is written YYYY-MM: write {month[2]}-{int(month[1]):02d}."}
        span = _RANGE.fullmatch(text)
        if span:
            return {"fi": f" Tähän kirjoitetaan yksi vuosi tai päivämäärä; kausi kirjoitetaan alkuna ja loppuna: "
                          f"start: {span[1]} ja end: {span[2]}.",
                    "en": f" One year or date goes here; a period is written as its start and end: "
                          f"start: {span[1]} and end: {span[2]}."}
        if kind.startswith("date"):
            return {"fi": " Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-06-15.",
                    "en": " Write the date as YYYY-MM-DD, e.g. 2026-06-15."}
        return None
    if kind.startswith("int") and isinstance(value, str) and _RANGE.fullmatch(value):
        span = _RANGE.fullmatch(value)
        return {"fi": f" Tähän kirjoitetaan yksi vuosi, esim. {field}: {span[1]}.",
                "en": f" One year goes here, e.g. {field}: {span[1]}."}
    if kind == "string_type":
        return _text_fix(field, lead, value)
    if kind == "list_type" and isinstance(value, dict) and value:
        first, inner = next(iter(value.items()))
        if isinstance(first, str) and first.startswith("-") and first[1:2] not in ("", " "):
            shown = f"- {first[1:]}: {inner}" if inner is not None else f"- {first[1:]}"
            return {"fi": f" Listan viivan (-) jälkeen puuttuu välilyönti: kirjoita {shown}",
                    "en": f" The list dash (-) needs a space after it: write {shown}"}
    if kind == "model_type":
        return _mapping_fix(field, value, ctx.get("class_name", ""))
    return None


def _text_fix(field: str, lead: str, value: Any) -> dict[str, str] | None:
    if isinstance(value, bool):
        return {"fi": f" Laita arvo lainausmerkkeihin: {lead}\"{str(value).lower()}\"",
                "en": f" Put the value in quotes: {lead}\"{str(value).lower()}\""}
    if isinstance(value, int) and 1900 <= value <= 2200:
        return {"fi": f" Laita vuosi lainausmerkkeihin: {lead}\"{value}\"",
                "en": f" Put the year in quotes: {lead}\"{value}\""}
    if isinstance(value, int) and field == "municipality_code" and 0 <= value < 1000:
        return {"fi": f" Laita kuntanumero lainausmerkkeihin: {lead}\"{value:03d}\"",
                "en": f" Put the code in quotes: {lead}\"{value:03d}\""}
    if isinstance(value, (int, float)):
        return {"fi": f" Laita arvo lainausmerkkeihin: {lead}\"{value}\"",
                "en": f" Put the value in quotes: {lead}\"{value}\""}
    if isinstance(value, dt.date):
        return {"fi": f" Laita päivämäärä lainausmerkkeihin: {lead}\"{value.isoformat()}\"",
                "en": f" Put the date in quotes: {lead}\"{value.isoformat()}\""}
    if isinstance(value, dict) and len(value) == 1:
        (name, inner), = value.items()
        if not isinstance(inner, (dict, list)):
            text = f"{name}: {inner}" if inner is not None else f"{name}:"
            return {"fi": f" Tekstissä on kaksoispiste ja välilyönti (': '), joten se luettiin kentäksi; laita koko "
                          f"teksti lainausmerkkeihin: {lead}\"{text}\"",
                    "en": f" The text contains a colon and a space (': '), so it was read as a field; put the whole "
                          f"text in quotes: {lead}\"{text}\""}
    if value is None:
        return {"fi": " Kirjoita arvo kaksoispisteen perään tai poista kenttä.",
                "en": " Write the value after the colon or remove the field."}
    return None


def _mapping_fix(field: str, value: Any, class_name: str) -> dict[str, str] | None:
    target = _models_by_name().get(class_name)
    if isinstance(value, str) and re.fullmatch(r"[a-z_]+:\S.*", value):
        name, rest = value.split(":", 1)
        return {"fi": f" Kaksoispisteen jälkeen puuttuu välilyönti: kirjoita {name}: {rest}",
                "en": f" A space is missing after the colon: write {name}: {rest}"}
    if isinstance(value, list):
        return {"fi": f" Kentän '{field}' alle kirjoitetaan kentät ilman listan viivoja (-): poista viivat.",
                "en": f" The fields under '{field}' are written without list dashes (-): delete the dashes."}
    if target is None or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    names = list(target.model_fields)
    span = _RANGE.fullmatch(str(value))
    if span and {"start", "end"} <= set(names):
        shown = f"{field}: {{start: {span[1]}, end: {span[2]}}}"
        return {"fi": f" Kirjoita alku ja loppu omiin kenttiinsä: {shown}",
                "en": f" Write the start and the end as fields of their own: {shown}"}
    if isinstance(value, int) and "start" in names and 1900 <= value <= 2200:
        shown = f"{field}: {{start: {value}}}"
        return {"fi": f" Kirjoita vuosi alkuvuodeksi: {shown}", "en": f" Write the year as the start: {shown}"}
    listed = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
    return {"fi": f" Kentän '{field}' alle kirjoitetaan sisennettyinä sen omat kentät ({listed}), ei suoraa arvoa.",
            "en": f" '{field}' holds fields of its own ({listed}), indented below it, not a value."}


@lru_cache(maxsize=1)
def _models_by_name() -> dict[str, type[BaseModel]]:
    out: dict[str, type[BaseModel]] = {}

    def visit(model: type[BaseModel]) -> None:
        if model.__name__ in out:
            return
        out[model.__name__] = model
        for info in model.model_fields.values():
            for arg in _model_args(info.annotation):
                visit(arg)

    for model in MODELS.values():
        visit(model)
    return out


def _expected(kind: str) -> dict[str, str]:
    if kind in _CUSTOM_TYPES:
        return _CUSTOM_TYPES[kind]
    for prefix, name in _EXPECTED.items():
        if kind.startswith(prefix):
            return i18n.MESSAGES["type." + name]
    return {"fi": "toisenlainen arvo", "en": kind}


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
