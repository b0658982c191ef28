"""The shipped data files: valid, consistent with the models, and every path they name exists."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from kotocheck import locations
from kotocheck.checklist import CATALOGUES, available, catalogue, load_checklist, vocabulary
from kotocheck.checks import CheckSpec
from kotocheck.models import MODELS
from kotocheck.models import vocab as vocab_module

CHECKLISTS = {name: load_checklist(path) for name, path in available().items()}
VOCABULARIES = {"sector": "Sector", "strategy_type": "StrategyType", "goal_theme": "GoalTheme",
                "situation_topic": "SituationTopic", "audience": "Audience", "document_form": "DocumentForm",
                "planning_mode": "PlanningMode", "traffic_light": "TrafficLight", "minimum_service": "MinimumService",
                "arranger": "Arranger", "target_group": "TargetGroup"}


def test_the_four_checklists_are_shipped():
    assert set(CHECKLISTS) == {"kotouttamisohjelma-1386-2010", "kotoutuminen-681-2023",
                               "kotoutumisohjelma-681-2023", "seuranta-1"}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_vocabulary_value_has_labels_in_three_languages(name):
    values = typing.get_args(getattr(vocab_module, VOCABULARIES[name]))
    labels = vocabulary().labels[name]
    assert set(values) == set(labels), set(values) ^ set(labels)
    for value in values:
        assert labels[value].fi and labels[value].en and labels[value].sv


def _field_model(annotation):
    """The pydantic model (or None) behind an annotation, and whether it is a list."""
    is_list = False
    stack = [annotation]
    while stack:
        ann = stack.pop()
        origin = typing.get_origin(ann)
        if origin is list:
            is_list = True
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return ann, is_list
        stack.extend(typing.get_args(ann))
    return None, is_list


def model_has_path(model: type[BaseModel], expression: str) -> bool:
    current = model
    for step in locations.parse(expression):
        if current is None or step.key not in current.model_fields:
            return False
        inner, is_list = _field_model(current.model_fields[step.key].annotation)
        for selector in step.selectors:
            if not is_list:
                return False
            if "=" in selector and (inner is None or selector.split("=")[0] not in inner.model_fields):
                return False
        current = inner
    return True


def _expressions(spec: CheckSpec) -> list[str]:
    return spec.expressions()


@pytest.mark.parametrize("name", sorted(CHECKLISTS))
def test_every_path_a_checklist_names_exists_in_the_model(name):
    checklist = CHECKLISTS[name]
    model = MODELS[checklist.kind]
    bad = [(item.id, e) for item in checklist.items for e in _expressions(item.check) if not model_has_path(model, e)]
    assert bad == []


@pytest.mark.parametrize("name", sorted(CHECKLISTS))
def test_items_cite_a_source_and_speak_finnish_and_english(name):
    checklist = CHECKLISTS[name]
    for item in checklist.items:
        assert item.title.fi and item.title.en and item.text.fi and item.text.en and item.hint.fi and item.hint.en
        assert checklist.sources[item.source.document].url.startswith("https://")
        if item.rests_on == "law":
            assert item.source.section, item.id


def test_old_law_checklist_has_every_bullet_of_steps_1_to_7():
    ids = [i.id for i in CHECKLISTS["kotouttamisohjelma-1386-2010"].items]
    expected = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3",
                "4.1", "4.2", "4.3", "4.4", *[f"5.{n}" for n in range(1, 11)], *[f"6.{n}" for n in range(1, 6)], "7.1"]
    assert [i for i in ids if not i.startswith("L")] == expected
    assert {"L32.1", "L32.2"} <= set(ids)


def test_law_items_are_errors_and_advice_is_never_an_error():
    for checklist in CHECKLISTS.values():
        for item in checklist.items:
            if item.rests_on in ("guidance", "checklist"):
                assert item.severity.value != "error" or checklist.kind == "followup", item.id


def test_catalogues_load_and_indicator_sources_resolve():
    sources = {e.id for e in catalogue("data_sources").entries}
    for name in CATALOGUES:
        assert catalogue(name).entries
    for entry in catalogue("indicators").entries:
        assert set(entry.sources) <= sources, entry.id
    assert len(catalogue("indicators").entries) == 11  # the checklist's eleven example indicators


def test_docs_checklists_is_the_current_table(cli):
    """docs/checklists.md is `kotocheck checklist list --format md` (regeneration: see its head)."""
    from conftest import ROOT

    text = (ROOT / "docs" / "checklists.md").read_text(encoding="utf-8")
    generated = text.split("<!-- generated -->\n", 1)[1]
    assert generated == cli("checklist", "list", "--format", "md").output, "docs/checklists.md is stale"
