"""The closed vocabularies (models/vocab.py): every value labelled in three languages, no label
used twice, the fields that take them, the deprecated goal theme `reception` (still valid, warned
of, where the checklists never name it) and docs/valinnat.md, the list a coordinator reads."""

from __future__ import annotations

import inspect
import typing

import pytest

from conftest import ROOT
from kotocheck import choices, deprecations, engine, loader
from kotocheck.checklist import available, groups, load_checklist, vocabulary
from kotocheck.checks import CheckSpec
from kotocheck.models import MODELS, schema_findings
from kotocheck.models import vocab as vocab_module

LITERALS = {name: value for name, value in vars(vocab_module).items() if typing.get_origin(value) is typing.Literal}
NAMES = sorted(choices.vocabularies())


def test_every_literal_of_vocab_py_is_a_vocabulary():
    assert len(LITERALS) == len(choices.vocabularies()) == 15
    assert choices.vocabularies()["goal_theme"] == typing.get_args(vocab_module.GoalTheme)
    assert choices.vocabularies()["document_status"] == ("draft", "proposal", "approved", "superseded")
    assert {"decision_kind", "chapter_type", "programme_part"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_value_has_a_finnish_english_and_swedish_label(name):
    labels = vocabulary().labels[name]
    values = choices.vocabularies()[name]
    assert set(labels) == set(values), set(labels) ^ set(values)
    for value in values:
        for lang in ("fi", "en", "sv"):
            text = getattr(labels[value], lang)
            assert text and text.strip() == text, (value, lang)


@pytest.mark.parametrize("name", NAMES)
def test_no_label_is_used_for_two_values(name):
    """A reader must tell the values apart by their labels; a deprecated value alone shares its
    replacement's labels (an older file renders as before)."""
    labels = vocabulary().labels[name]
    old = choices.deprecated(name)
    for lang in ("fi", "en", "sv"):
        seen: dict[str, str] = {}
        for value in choices.current(name):
            text = getattr(labels[value], lang).casefold()
            assert text not in seen, f"{name}: {seen.get(text)} and {value} are both {text!r} ({lang})"
            seen[text] = value
    for value, new in old.items():
        assert labels[value].as_dict() == labels[new].as_dict()


@pytest.mark.parametrize("name", NAMES)
def test_every_vocabulary_has_a_title_and_a_field_and_differs_from_the_others(name):
    assert choices.TITLES[name]["fi"] and choices.TITLES[name]["en"]
    assert [f for f in choices.fields() if f.vocabulary == name], f"no field takes {name}"
    same = [other for other in NAMES if set(choices.vocabularies()[other]) == set(choices.vocabularies()[name])]
    assert same == [name], "the schema tells the vocabularies apart by their values"


def test_the_choice_fields_of_each_kind():
    shown = {(f.kind, f.shown): f.vocabulary for f in choices.fields()}
    assert shown[("programme", "goals[].themes[]")] == "goal_theme"
    assert shown[("programme", "situation.figures[].topic")] == "situation_topic"
    assert shown[("programme", "process.working_group.members[].sector")] == "sector"
    assert shown[("programme", "identification.approvals[].kind")] == "decision_kind"
    assert shown[("programme", "chapters[].include")] == "programme_part"
    assert shown[("services", "services[].arranged_by.jobseekers")] == "arranger"
    assert shown[("followup", "goals[].measures[].status")] == "traffic_light"
    assert all(shown[(kind, "status")] == "document_status" for kind in MODELS)
    assert ("programme", "goals[].measures[].target_groups[]") not in shown  # free text, no vocabulary
    themes = next(f for f in choices.fields("programme") if f.field == "themes")
    assert themes.expression == "goals[*].themes[*]" and themes.is_list and themes.model == "Goal"


# --- reception: two meanings, two names -------------------------------------------------------------

def test_receptiveness_and_reception_are_two_values_of_two_vocabularies():
    assert "receptiveness" in choices.current("goal_theme") and "reception" not in choices.current("goal_theme")
    assert "reception" in typing.get_args(vocab_module.GoalTheme)  # an older file stays valid
    assert vocabulary().labels["goal_theme"]["receptiveness"].as_dict() == {
        "fi": "vastaanottavuus", "en": "receptiveness", "sv": "mottaglighet"}
    assert vocabulary().labels["situation_topic"]["reception"].as_dict() == {
        "fi": "vastaanotto kunnassa", "en": "reception in the municipality", "sv": "mottagande i kommunen"}
    assert choices.deprecated("goal_theme") == {"reception": "receptiveness"}
    assert choices.deprecated("situation_topic") == {}


def _vocabulary_values(spec: CheckSpec):
    if spec.all or spec.any:
        for sub in spec.all or spec.any:
            yield from _vocabulary_values(sub)
        return
    name = getattr(spec.params, "vocabulary", None)
    if name:
        for attr in ("all_of", "any_of", "allowed"):
            for value in getattr(spec.params, attr, None) or []:
                yield name, value


@pytest.mark.parametrize("checklist", sorted(available()))
def test_the_checklists_name_only_current_values(checklist):
    """A check naming a deprecated value would miss the new one (and the new one the old)."""
    for item in load_checklist(available()[checklist]).items:
        for name, value in _vocabulary_values(item.check):
            assert value in choices.current(name) or value in groups(), (item.id, name, value)
            for member in groups().get(value, []):
                assert member not in choices.deprecated(name), (item.id, value, member)


DEPRECATED_THEMES = """\
kind: programme
format_version: 1
checklist: kotoutuminen-681-2023
title: Testilä
identification:
  municipality: Testilä
goals:
  - id: T1
    title: Vastaanottava kunta
    themes: [population_relations, reception]  # vanha nimi
  - id: T2
    title: Kuntalaiset mukaan
    themes:
      - participation
      - "reception"
"""


def test_the_deprecated_theme_is_valid_and_warned_of_where_it_stands():
    doc = loader.parse(DEPRECATED_THEMES, "ohjelma.yaml")
    assert schema_findings("programme", doc.data, doc.tree, doc.file) == []
    found = deprecations.findings("programme", doc.data, doc.tree, doc.file)
    # line 10 `    themes: [population_relations, reception]`: 4 + len("themes: [population_relations, ") = 35
    # line 15 `      - "reception"`: the value starts at its quote, after 6 spaces and "- "
    assert [(f.line, f.column, f.path) for f in found] == [(10, 36, "goals[0].themes[1]"), (15, 9, "goals[1].themes[1]")]
    first = found[0]
    assert first.rule == "format.deprecated-value" and first.severity.value == "warning"
    assert first.message == {"fi": "Teema reception on vanhentunut: kirjoita receptiveness.",
                             "en": "The theme reception is deprecated: write receptiveness.",
                             "sv": "Temat reception är föråldrat: skriv receptiveness."}
    assert "kotocheck migrate --in-place ohjelma.yaml --to kotoutuminen-681-2023" in first.hint["fi"]
    assert "vastaanotto kunnassa" in first.hint["fi"]


def test_current_values_and_other_documents_are_not_warned_of():
    doc = loader.parse(DEPRECATED_THEMES.replace("reception", "receptiveness"), "ohjelma.yaml")
    assert deprecations.findings("programme", doc.data, doc.tree, doc.file) == []
    figure = ("situation:\n  figures:\n    - {topic: reception, label: Vastaanotetut, value: 12}\n")
    doc = loader.parse(DEPRECATED_THEMES.replace("goals:", figure + "goals:").replace("reception]", "employment]")
                       .replace('"reception"', "employment"), "ohjelma.yaml")
    assert deprecations.findings("programme", doc.data, doc.tree, doc.file) == []  # the topic is current
    for kind in ("services", "followup"):
        assert deprecations.findings(kind, {"kind": kind, "goals": [{"themes": ["reception"]}]}, None, "x.yaml") == []


def test_a_document_of_the_wrong_shape_has_no_deprecation_finding():
    for data in ([], {"goals": "kaikki"}, {"goals": [{"themes": "reception"}]}, {"goals": [None, 3]}):
        doc = loader.parse("kind: programme\n", "x.yaml")
        assert deprecations.findings("programme", data, doc.tree, "x.yaml") == []


WIRED = "deprecations" in inspect.getsource(engine)


@pytest.mark.skipif(not WIRED, reason="engine.check_document does not call deprecations.findings yet")
def test_validate_warns_of_the_deprecated_theme(cli, tmp_path):
    import json

    path = tmp_path / "ohjelma.yaml"
    path.write_text(DEPRECATED_THEMES, encoding="utf-8")
    findings = json.loads(cli("validate", path, "--format", "json").stdout)["findings"]
    mine = [(f["line"], f["column"]) for f in findings if f["rule"] == "format.deprecated-value"]
    assert mine == [(10, 36), (15, 9)]
    assert not [f for f in findings if f["rule"].startswith("schema.")]


# --- docs/valinnat.md -------------------------------------------------------------------------------------

def test_docs_valinnat_is_the_current_list(cli):
    """docs/valinnat.md is `kotocheck checklist vocabulary --format md` (regeneration: see its head)."""
    text = (ROOT / "docs" / "valinnat.md").read_text(encoding="utf-8")
    generated = text.split("<!-- generated -->\n", 1)[1]
    assert generated == cli("checklist", "vocabulary", "--format", "md").output, "docs/valinnat.md is stale"
    assert "(valinnat.md)" in (ROOT / "docs" / "opas.md").read_text(encoding="utf-8")


def test_the_list_names_every_field_value_and_label(cli):
    text = cli("checklist", "vocabulary", "--format", "md").output
    assert "## Tavoitteen teema (`goal_theme`)" in text
    assert "- ohjelma (`programme`): `goals[].themes[]` (luettelo: yksi tai useampi arvo)" in text
    assert "| `receptiveness` | vastaanottavuus |" in text and "| `reception` |" not in text.split(
        "## Tavoitteen teema")[1].split("## ")[0]
    assert "Vanhentunut arvo `reception` hyväksytään yhä" in text
    for choice in choices.fields():
        assert f"`{choice.shown}`" in text
    for name in NAMES:
        for value in choices.current(name):
            assert f"| `{value}` | {choices.label(name, value)} |" in text


def test_the_list_in_english_and_as_text(cli):
    english = cli("checklist", "vocabulary", "--format", "md", "--lang", "en").output
    assert "## Theme of a goal (`goal_theme`)" in english and "| `receptiveness` | receptiveness |" in english
    plain = cli("checklist", "vocabulary").output
    assert "goal_theme  Tavoitteen teema\n" in plain
    assert "  receptiveness         vastaanottavuus\n" in plain
    assert "  reception             (vanhentunut: kirjoita receptiveness)\n" in plain
