"""JSON Schemas of the document kinds for editors. Never prints.

VS Code's yaml-language-server validates JSON Schema draft-07 only, so the schema pydantic
generates (2020-12) is converted: `$defs` becomes `definitions`, a `$ref` with other keywords
beside it (which draft-07 ignores) is wrapped in `allOf`, and keywords draft-07 lacks are
translated or refused. The custom types get schemas of their own (a year or a date, money,
a number or text), and every model and field gets its description from models/descriptions.yaml.

The enum of a closed vocabulary (models/vocab.py) carries its labels, "fi / sv / en" in the order
of its values, as `enumDescriptions` and `markdownEnumDescriptions`: keywords VS Code's JSON
editor and Red Hat's yaml-language-server show on completion and on hover (other validators
ignore them). A deprecated value (deprecations.py) leaves the enum and is accepted by a second
alternative whose `deprecationMessage` the language server shows as a warning, and whose
description says what to write instead (should an editor offer it anyway: `doNotSuggest` is
honoured for keys only). A file valid before stays valid in the editor too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from kotocheck.kinds import KINDS  # noqa: F401  (schema.KINDS: the document kinds, named once in kinds.py)
from kotocheck.models import MODELS, common

DRAFT7 = "http://json-schema.org/draft-07/schema#"

# The custom types of models/common.py, by the validator that accepts them.
_YEAR_OR_DATE = {"anyOf": [
    {"type": "integer", "minimum": 1900, "maximum": 2200},
    {"type": "string", "pattern": r"^[0-9]{4}$"},
    {"type": "string", "pattern": r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"},
    {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
]}
_MONEY = {"anyOf": [
    {"type": "number", "minimum": 0},
    {"type": "string", "pattern": r"^\s*[0-9][0-9 \u00a0]*([.,][0-9]+)?\s*€?\s*$"},
]}
_SCALAR = {"type": ["number", "string"]}
_CUSTOM = {common._year_or_date: _YEAR_OR_DATE, common._money: _MONEY, common._scalar: _SCALAR}

# Keywords that draft-07 does not know, and how each is handled.
_DROP = {"deprecated", "discriminator", "readOnly", "writeOnly", "$comment", "contentMediaType",
         "contentEncoding"}  # annotations only: dropping them changes no validation
_REFUSE = {"unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
           "$recursiveAnchor", "$anchor", "$vocabulary", "minContains", "maxContains", "contentSchema"}
# Keywords whose value is a map of names to schemas, or a list of schemas, or one schema.
_SCHEMA_MAPS = {"properties", "patternProperties", "definitions", "dependencies"}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "items"}
_SCHEMA_ONE = {"additionalProperties", "additionalItems", "items", "not", "if", "then", "else", "contains",
               "propertyNames"}


class SchemaError(Exception):
    """The models use a JSON Schema feature that draft-07 cannot express."""


class _Generator(GenerateJsonSchema):
    def function_before_schema(self, schema: Any) -> dict:
        custom = _CUSTOM.get(schema["function"]["function"])
        return json.loads(json.dumps(custom)) if custom else super().function_before_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # pydantic's English titles ("Target Groups"): the descriptions say it better

    def literal_schema(self, schema: Any) -> dict:
        return choice_schema(super().literal_schema(schema))


def choice_schema(generated: dict) -> dict:
    """The schema of a Literal, with the labels of its vocabulary when it is one."""
    from kotocheck import choices

    name = choices.vocabulary_of(generated.get("enum", ()))
    if name is None:
        return generated  # not a vocabulary (kind, language, currency): nothing to describe
    values = list(choices.current(name))
    texts = [choices.description(name, value) for value in values]
    out = {**generated, "enum": values, "enumDescriptions": texts,
           "markdownEnumDescriptions": [_markdown(text) for text in texts]}
    old = [value for value in generated["enum"] if value not in values]
    if not old:
        return out
    return {"anyOf": [out, *(_deprecated(name, value) for value in old)]}


def _deprecated(name: str, value: str) -> dict:
    from kotocheck import choices

    note = choices.deprecation_note(name, value)
    text = " / ".join(note[lang] for lang in choices.LANGS)
    return {"const": value, "type": "string", "description": text, "deprecationMessage": text, "doNotSuggest": True}


def _markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


@lru_cache(maxsize=1)
def descriptions() -> dict:
    from ruamel.yaml import YAML

    text = (resources.files("kotocheck") / "models" / "descriptions.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def generate(kind: str) -> dict:
    """The draft-07 schema of a document kind, with descriptions."""
    model = MODELS[kind]
    raw = model.model_json_schema(schema_generator=_Generator, ref_template="#/definitions/{model}")
    definitions = raw.pop("$defs", {})
    classes = _models(model)
    texts = descriptions()["descriptions"]
    for name, definition in definitions.items():
        _describe(definition, classes[name], texts)
    _describe(raw, model, texts)
    _suggest_checklists(raw, kind)
    out = {"$schema": DRAFT7, "title": descriptions()["schemas"][kind], **raw}
    out.pop("$id", None)
    if definitions:
        out["definitions"] = definitions
    return to_draft7(out)


def dumps(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def text(kind: str) -> str:
    return dumps(generate(kind))


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from root, by the name pydantic gives its definition."""
    from kotocheck.models import _model_args

    found: dict[str, type[BaseModel]] = {}

    def visit(model: type[BaseModel]) -> None:
        if model.__name__ in found:
            return
        found[model.__name__] = model
        for info in model.model_fields.values():
            for arg in _model_args(info.annotation):
                visit(arg)

    visit(root)
    return found


def lookup(texts: dict, model: type[BaseModel], field: str | None = None) -> str | None:
    """`Model.field`, or the same field on a base model it inherits from."""
    for cls in model.__mro__:
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        if field is not None and field not in getattr(cls, "model_fields", {}):
            break  # the field is not inherited from here or further up
        key = cls.__name__ if field is None else f"{cls.__name__}.{field}"
        if key in texts:
            return texts[key]
    return None


def _describe(schema: dict, model: type[BaseModel], texts: dict) -> None:
    schema.pop("title", None)
    _put_first(schema, "description", lookup(texts, model))
    for name, prop in schema.get("properties", {}).items():
        _put_first(prop, "description", lookup(texts, model, name))
        if prop.get("default", "") is None:
            del prop["default"]  # `null` is the absence of a value: nothing for an editor to insert


def _put_first(schema: dict, key: str, value: Any) -> None:
    """Descriptions first, so a person reading the schema sees them before the types."""
    if value is None:
        return
    rest = {k: v for k, v in schema.items() if k != key}
    schema.clear()
    schema.update({key: value, **rest})


def _suggest_checklists(schema: dict, kind: str) -> None:
    """The known checklists of the kind as examples the editor completes. Not an enum: a
    municipality may keep its own checklist versions, and the validator reports unknown names."""
    from kotocheck.checklist import available, load_checklist

    names = [name for name, path in available().items() if load_checklist(path).kind == kind]
    prop = schema["properties"]["checklist"]
    prop["examples"] = names
    prop["description"] = f"{prop.get('description', '')} Tunnetut / known: {', '.join(names)}.".strip()


def to_draft7(schema: Any) -> Any:
    """Rewrite a 2020-12 schema (pydantic's) as draft-07: see the module docstring."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _REFUSE:
            raise SchemaError(f"draft-07 has no {key!r}: the models need a simpler type")
        if key in _DROP:
            continue
        if key == "$defs":
            key = "definitions"
        if key in _SCHEMA_MAPS:
            value = {name: to_draft7(sub) if isinstance(sub, dict) else sub for name, sub in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [to_draft7(sub) for sub in value]
        elif key in _SCHEMA_ONE and isinstance(value, dict):
            value = to_draft7(value)
        elif key == "$ref" and isinstance(value, str):
            value = value.replace("#/$defs/", "#/definitions/")
        out[key] = value
    if "prefixItems" in out:  # a tuple: draft-07 writes it as an array of item schemas
        rest = out.pop("items", None)
        out["items"] = [to_draft7(s) for s in out.pop("prefixItems")]
        out["additionalItems"] = rest if rest is not None else False
    for old in ("dependentRequired", "dependentSchemas"):
        if old in out:
            out.setdefault("dependencies", {}).update(
                {k: to_draft7(v) if isinstance(v, dict) else v for k, v in out.pop(old).items()})
    if "$ref" in out and len(out) > 1:  # draft-07 ignores every keyword beside $ref
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return _simple_types(out)


def _simple_types(schema: dict) -> dict:
    """`anyOf` of bare types (`string` or `null`) as one `type` list: clearer editor messages."""
    options = schema.get("anyOf")
    if isinstance(options, list) and all(isinstance(o, dict) and set(o) == {"type"} for o in options):
        types: list[str] = []
        for option in options:
            for name in option["type"] if isinstance(option["type"], list) else [option["type"]]:
                if name not in types:
                    types.append(name)
        del schema["anyOf"]
        schema["type"] = types[0] if len(types) == 1 else types
    return schema
