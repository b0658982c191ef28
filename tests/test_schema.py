"""`kotocheck schema`: draft-07 JSON Schemas for editors, committed in schemas/ and never stale.

Regenerate the committed schemas after a model or checklist change with:
    for k in programme services followup; do kotocheck schema --kind $k -o schemas/$k.schema.json --force; done
"""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from jsonschema import Draft7Validator
from pydantic import BaseModel, ValidationError

from conftest import EXAMPLES, ROOT, read_yaml
from kotocheck import choices
from kotocheck import schema as schemas
from kotocheck.checklist import available, load_checklist
from kotocheck.models import MODELS

KINDS = list(MODELS)
SCHEMAS = ROOT / "schemas"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
NOT_DRAFT7 = {"$defs", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor",
              "$recursiveRef", "$recursiveAnchor", "$anchor", "$vocabulary", "dependentRequired", "dependentSchemas",
              "minContains", "maxContains", "contentSchema", "deprecated", "discriminator"}


def committed(kind: str) -> dict:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def as_editor_sees(data):
    """The YAML language server reads YAML 1.2: a date is a string, not a timestamp."""
    if isinstance(data, dict):
        return {k: as_editor_sees(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_editor_sees(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


def validator(kind: str) -> Draft7Validator:
    return Draft7Validator(committed(kind), format_checker=Draft7Validator.FORMAT_CHECKER)


def walk(node, path=()):
    """Every (path, mapping) in a JSON document."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, path + (i,))


def subschemas(schema: dict):
    """Every schema in a schema, with its path: properties and definitions by name."""
    yield (), schema
    for key in ("properties", "definitions", "patternProperties"):
        for name, sub in schema.get(key, {}).items():
            for path, found in subschemas(sub):
                yield (key, name) + path, found
    for key in ("allOf", "anyOf", "oneOf"):
        for i, sub in enumerate(schema.get(key, [])):
            for path, found in subschemas(sub):
                yield (key, i) + path, found
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            for path, found in subschemas(schema[key]):
                yield (key,) + path, found


# --- the committed schemas -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_the_committed_schema_is_what_kotocheck_generates(kind):
    path = SCHEMAS / f"{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == schemas.text(kind), (
        f"{path} is stale; regenerate it with: "
        f"kotocheck schema --kind {kind} -o schemas/{kind}.schema.json --force")


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_is_valid_draft_07(kind):
    schema = committed(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_has_no_keyword_draft_07_lacks(kind):
    schema = committed(kind)
    for path, node in walk(schema):
        if path and path[-1] in ("properties", "definitions"):
            continue  # names of fields and models, not keywords
        assert not NOT_DRAFT7 & set(node), (path, NOT_DRAFT7 & set(node))
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("kind", KINDS)
def test_every_ref_points_into_definitions_and_stands_alone(kind):
    schema = committed(kind)
    refs = [(path, node) for path, node in walk(schema) if "$ref" in node]
    assert refs
    for path, node in refs:
        name = node["$ref"].removeprefix("#/definitions/")
        assert node["$ref"].startswith("#/definitions/") and name in schema["definitions"], path
        assert set(node) == {"$ref"}, f"draft-07 ignores keywords beside $ref: {path}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_model_and_property_has_a_finnish_description(kind):
    schema = committed(kind)
    for path, sub in subschemas(schema):
        if "properties" in sub:
            assert sub.get("description"), f"model without description: {path}"
            for name, prop in sub["properties"].items():
                assert prop.get("description"), f"property without description: {path + (name,)}"
                assert not prop.get("title"), "pydantic's English titles are left out"


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_keys_are_refused_everywhere(kind):
    for path, sub in subschemas(committed(kind)):
        if "properties" in sub:
            assert sub.get("additionalProperties") is False, path


def test_descriptions_name_only_models_and_fields_that_exist():
    known: dict[str, type[BaseModel]] = {}
    for model in MODELS.values():
        for cls in model.__mro__:
            if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
                known[cls.__name__] = cls
        known.update(schemas._models(model))
    for key in schemas.descriptions()["descriptions"]:
        model, _, field = key.partition(".")
        assert model in known, key
        assert not field or field in known[model].model_fields, key
    assert set(schemas.descriptions()["schemas"]) == set(KINDS)


def test_the_checklist_names_are_offered_for_completion():
    for kind in KINDS:
        names = {n for n, p in available().items() if load_checklist(p).kind == kind}
        assert set(committed(kind)["properties"]["checklist"]["examples"]) == names


# --- the choices: labels for the editor, the deprecated theme -----------------------------------------

def _enums(schema: dict):
    """(path, node) of every enum in a schema."""
    return [(path, node) for path, node in walk(schema) if "enum" in node]


@pytest.mark.parametrize("kind", KINDS)
def test_every_enum_of_a_vocabulary_has_its_labels_in_fi_sv_en(kind):
    described = 0
    for path, node in _enums(committed(kind)):
        name = next((n for n in choices.vocabularies() if list(choices.current(n)) == node["enum"]), None)
        if name is None:
            assert set(node["enum"]) <= {"fi", "sv", "en", "EUR"}, path  # language, currency: no vocabulary
            continue
        wanted = [" / ".join(choices.label(name, v, lang) for lang in ("fi", "sv", "en")) for v in node["enum"]]
        assert node["enumDescriptions"] == wanted, path
        assert node["markdownEnumDescriptions"] == wanted, path  # no label needs a Markdown escape yet
        described += 1
    assert described


@pytest.mark.parametrize("kind", KINDS)
def test_every_choice_field_offers_its_values_with_labels(kind):
    schema = committed(kind)
    for choice in choices.fields(kind):
        model = schema if choice.model == MODELS[kind].__name__ else schema["definitions"][choice.model]
        prop = model["properties"][choice.field]
        offered = [node for _, node in walk(prop) if "enumDescriptions" in node]
        assert len(offered) == 1 and offered[0]["enum"] == list(choices.current(choice.vocabulary)), choice.shown


def test_the_labels_as_an_editor_shows_them():
    process = committed("programme")["definitions"]["Process"]["properties"]["planning_mode"]
    [choice, _null] = process["anyOf"]
    assert choice["enum"] == ["alone", "joint"]
    assert choice["enumDescriptions"] == ["kunta yksin / kommunen ensam / the municipality alone",
                                          "yhteistyössä muiden kanssa / tillsammans med andra / jointly with others"]
    status = committed("followup")["definitions"]["GoalProgress"]["properties"]["status"]["anyOf"][0]
    assert status["enumDescriptions"][0] == "edistetty aktiivisesti / aktivt främjat / actively promoted"


def test_markdown_descriptions_escape_what_markdown_would_read():
    assert schemas._markdown("a_b *c* [d] `e` <f> #g |h \\") == "a\\_b \\*c\\* \\[d\\] \\`e\\` \\<f\\> \\#g \\|h \\\\"


def test_the_deprecated_theme_is_accepted_with_a_warning_but_left_out_of_the_enum():
    themes = committed("programme")["definitions"]["Goal"]["properties"]["themes"]["items"]
    [offered, old] = themes["anyOf"]
    assert "reception" not in offered["enum"] and offered["enum"][0] == "receptiveness"
    assert offered["enumDescriptions"][0] == "vastaanottavuus / mottaglighet / receptiveness"
    assert old["const"] == "reception" and old["doNotSuggest"] is True
    assert old["deprecationMessage"] == ("vanhentunut: kirjoita receptiveness / föråldrat: skriv receptiveness"
                                         " / deprecated: write receptiveness")
    items = Draft7Validator({**themes, "definitions": {}})
    assert items.is_valid("reception") and items.is_valid("receptiveness")
    assert not items.is_valid("vastaanottavuus") and not items.is_valid(None)


def test_no_value_that_is_not_deprecated_gets_a_deprecation_message():
    for kind in KINDS:
        for path, node in walk(committed(kind)):
            if "deprecationMessage" in node:
                assert node["const"] in choices.deprecated("goal_theme"), path


# --- documents against the schemas -------------------------------------------------------------------

def test_every_example_names_its_schema_on_its_first_line():
    for path in EXAMPLE_FILES:
        kind = read_yaml(path)["kind"]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json", path.name
        assert (path.parent / first.split("=", 1)[1]).is_file()


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_validates_against_its_schema(path):
    data = as_editor_sees(read_yaml(path))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(data["kind"]).iter_errors(data)]
    assert errors == []


def _esimerkkila():
    return as_editor_sees(read_yaml(EXAMPLES / "esimerkkila-2025-2028.yaml"))


def _unknown_key(data):
    data["goals"][0]["measures"][0]["responsibel"] = "kotoutumispalvelut"


def _unknown_top_key(data):
    data["tittle"] = "x"


def _wrong_type(data):
    data["goals"][0]["measures"] = "kaikki toimenpiteet"


def _wrong_choice(data):
    data["cooperation"][0]["sector"] = "hyvinvointialue"


def _missing_required(data):
    del data["identification"]["municipality"]


def _missing_goal_id(data):
    del data["goals"][0]["id"]


def _empty_title(data):
    data["title"] = ""


def _bad_year(data):
    data["identification"]["period"]["start"] = "ensi vuonna"


def _bad_money(data):
    data["goals"][0]["measures"][0]["budget"] = {"total": "paljon"}


@pytest.mark.parametrize("breaks", [_unknown_key, _unknown_top_key, _wrong_type, _wrong_choice, _missing_required,
                                    _missing_goal_id, _empty_title, _bad_year, _bad_money])
def test_a_broken_document_does_not_validate(breaks):
    data = _esimerkkila()
    if breaks is _bad_money:
        assert any(m.get("budget") for g in data["goals"] for m in g["measures"])
        data["goals"][0]["measures"][0].setdefault("budget", {})
    breaks(data)
    assert list(validator("programme").iter_errors(data)), breaks.__name__
    # and the models agree with the editor
    with pytest.raises(ValidationError):
        MODELS["programme"].model_validate(data)


# --- the custom types agree with the models ----------------------------------------------------------

YEARS = [(2025, True), ("2025", True), ("2026-03", True), ("2025-06-16", True), ("2026-13", False),
         ("maaliskuu 2026", False), (True, False), (1800, False), ("16.6.2025", False)]
MONEY = [(60000, True), (1250.5, True), ("60 000 €", True), ("1250,50", True), (-5, False), ("paljon", False),
         (True, False)]


def _definition_validator(kind: str, name: str) -> Draft7Validator:
    schema = committed(kind)
    return Draft7Validator({**schema["definitions"][name], "definitions": schema["definitions"]},
                           format_checker=Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("value,ok", YEARS)
def test_year_or_date_accepts_what_the_model_accepts(value, ok):
    from kotocheck.models.common import Period

    assert _definition_validator("programme", "Period").is_valid({"start": value}) is ok
    try:
        Period.model_validate({"start": value})
        model_ok = True
    except ValidationError:
        model_ok = False
    assert model_ok is ok


@pytest.mark.parametrize("value,ok", MONEY)
def test_money_accepts_what_the_model_accepts(value, ok):
    from kotocheck.models.programme import Budget

    assert _definition_validator("programme", "Budget").is_valid({"total": value}) is ok
    try:
        Budget.model_validate({"total": value})
        model_ok = True
    except ValidationError:
        model_ok = False
    assert model_ok is ok


# --- the draft-07 conversion -------------------------------------------------------------------------

def test_conversion_renames_defs_and_wraps_refs_with_siblings():
    raw = {"$defs": {"A": {"type": "object"}},
           "properties": {"a": {"$ref": "#/$defs/A", "description": "x"}, "b": {"$ref": "#/$defs/A"}}}
    out = schemas.to_draft7(raw)
    assert "$defs" not in out and out["definitions"] == {"A": {"type": "object"}}
    assert out["properties"]["a"] == {"allOf": [{"$ref": "#/definitions/A"}], "description": "x"}
    assert out["properties"]["b"] == {"$ref": "#/definitions/A"}


def test_conversion_translates_tuples_and_dependencies():
    out = schemas.to_draft7({"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}]})
    assert out == {"type": "array", "items": [{"type": "integer"}, {"type": "string"}], "additionalItems": False}
    out = schemas.to_draft7({"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}})
    assert out == {"dependencies": {"a": ["b"], "c": {"required": ["d"]}}}
    Draft7Validator.check_schema(out)


def test_conversion_refuses_what_draft_07_cannot_say():
    with pytest.raises(schemas.SchemaError):
        schemas.to_draft7({"properties": {"a": {"unevaluatedProperties": False}}})


def test_conversion_merges_bare_types():
    assert schemas.to_draft7({"anyOf": [{"type": "string"}, {"type": "null"}]}) == {"type": ["string", "null"]}


# --- the command --------------------------------------------------------------------------------------

def test_schema_prints_the_programme_schema_by_default(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == committed("programme")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_writes_a_kind_to_a_file(cli, tmp_path, kind):
    out = tmp_path / f"{kind}.schema.json"
    assert cli("schema", "--kind", kind, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")


def test_schema_never_overwrites_without_force(cli, tmp_path):
    out = tmp_path / "mine.json"
    out.write_text("my own notes", encoding="utf-8")
    result = cli("schema", "-o", out)
    assert result.exit_code == 2 and "--force" in result.output and len(result.output.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert cli("schema", "-o", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == committed("programme")


def test_schema_into_a_missing_folder_creates_it_and_through_a_file_is_a_one_line_error(cli, tmp_path):
    # issue 10, item 14: init tells users to run `kotocheck schema -o schemas/programme.schema.json`
    assert cli("schema", "-o", tmp_path / "nope" / "x.json").exit_code == 0
    assert (tmp_path / "nope" / "x.json").is_file()
    result = cli("schema", "-o", tmp_path / "nope" / "x.json" / "y.json")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_schema_rejects_an_unknown_kind(cli):
    assert cli("schema", "--kind", "budget").exit_code == 2


def test_the_generated_schema_does_not_change_the_models():
    before = copy.deepcopy(MODELS["programme"].model_json_schema())
    schemas.generate("programme")
    assert MODELS["programme"].model_json_schema() == before
